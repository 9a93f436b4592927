"""Stories: the reduce step. Cluster articles into stories and build each story's record.

``extract_features`` reduces an analysed article to compact features; ``StoryIndex``
groups features into stories incrementally (or from scratch with ``recluster``);
``build_story`` turns a story's members into the story contract (``Story.to_dict()``).
"""

from __future__ import annotations

from warta.stories.build import build_story
from warta.stories.features import StoryFeatures, extract_features
from warta.stories.index import StoryIndex, story_id_for
from warta.stories.records import (
    Conflict,
    ConflictValue,
    Corroboration,
    Story,
    StoryArticle,
    StoryEntity,
    SummarySentence,
    TimelineEntry,
    TimelineSource,
)

__all__ = [
    "Conflict",
    "ConflictValue",
    "Corroboration",
    "Story",
    "StoryArticle",
    "StoryEntity",
    "StoryFeatures",
    "StoryIndex",
    "SummarySentence",
    "TimelineEntry",
    "TimelineSource",
    "build_story",
    "extract_features",
    "story_id_for",
]

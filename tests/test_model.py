import json
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.model import Analysis, Article, Attribution, Entity, RelatedLink, Source, Span, Timex, json_schema
from warta.store import Store

ROOT = Path(__file__).resolve().parents[1]
text = st.text(min_size=1, max_size=200).filter(lambda s: s.strip() != "")
optional = st.none() | st.text(max_size=40)

articles = st.builds(
    Article,
    id=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20),
    text=text,
    title=optional,
    url=optional,
    outlet=optional,
    authors=st.lists(st.text(max_size=20), max_size=3),
    published=st.none() | st.dates().map(lambda d: d.isoformat()),
    published_inferred=st.booleans(),
    published_confidence=st.none() | st.floats(0, 1),
    language=st.none() | st.sampled_from(["id", "en"]),
    paragraphs=st.lists(st.text(max_size=30), max_size=3),
    related=st.lists(st.builds(RelatedLink, title=st.text(max_size=30), url=optional), max_size=2),
    dateline_place=optional,
    source_path=optional,
    ingested_at=optional,
    duplicate_of=st.none(),
    content_hash=st.text(alphabet="0123456789abcdef", min_size=40, max_size=40),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles)
def test_article_reads_back_unchanged_from_json_and_the_store(tmp_path_factory, article):
    assert Article.from_json(article.to_json()) == article
    store = Store(tmp_path_factory.mktemp("db") / "w.db")
    with store.transaction():
        store.insert_article(article, canonical_url=None)
    assert store.get_article(article.id) == article
    store.close()


def test_nested_records_round_trip():
    analysis = Analysis(
        id="x",
        published="2023-09-11",
        language="id",
        text="Kim berangkat Senin.",
        timexes=[Timex(text="Senin", start=14, end=19, type="DATE", value="2023-09-11")],
        entities=[Entity(text="Kim", start=0, end=3, type="PER", canonical="Kim Jong Un")],
        attributions=[
            Attribution(
                source=Source(text="KCNA", start=0, end=4, canonical="KCNA"),
                cue=Span(text="menurut", start=0, end=7),
                content=Span(text="Kim berangkat", start=0, end=13),
                via=["USA Today"],
            )
        ],
    )
    again = Analysis.from_dict(json.loads(analysis.to_json()))
    assert again == analysis
    assert isinstance(again.attributions[0].source, Source)


def test_schema_in_docs_is_generated_from_the_code():
    sys.path.insert(0, str(ROOT / "scripts"))
    from generate_schema import render

    on_disk = (ROOT / "docs" / "schema.json").read_text(encoding="utf-8")
    assert on_disk == render(), "docs/schema.json is stale: run python scripts/generate_schema.py"
    schema = json_schema()
    assert {"Article", "Analysis", "Timex", "Entity", "Attribution", "Event"} <= set(schema["$defs"])
    assert "published_inferred" in schema["$defs"]["Article"]["properties"]

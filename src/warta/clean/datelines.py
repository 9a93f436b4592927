"""Datelines at the head of the first paragraph: where the report was filed, and by whom.

Forms: "KONTAN.CO.ID - PYONGYANG.", "JAKARTA, KOMPAS.com -", "JAKARTA (Antara) -",
"WASHINGTON (Reuters) -", "SEOUL, Sept 12 (Reuters) -", "TEMPO.CO, Jakarta -",
"Jakarta, CNN Indonesia --", "JAKARTA -", "VIVA.co.id -", "(CNN) -".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DASH = r"\s*(?:--|[-–—])\s*"
_UPPER_PLACE = r"(?P<place>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})"
_ANY_PLACE = r"(?P<place>[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,3})"
_DOMAIN = r"(?P<outlet>[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z]{2,6})+)"
_AGENCY = r"\((?P<outlet>[A-Z][A-Za-z0-9 .&/-]{1,38})\)"
_OUTLET_WORDS = r"(?P<outlet>[A-Z][A-Za-z0-9]+(?:\s+[A-Z][A-Za-z0-9]+){0,2})"

_FORMS = [
    re.compile(rf"^{_DOMAIN}{_DASH}{_UPPER_PLACE}\s*[.,]\s+"),  # KONTAN.CO.ID - PYONGYANG.
    re.compile(rf"^{_UPPER_PLACE},\s*{_DOMAIN}{_DASH}"),  # JAKARTA, KOMPAS.com -
    re.compile(rf"^{_ANY_PLACE}\s*{_AGENCY}{_DASH}"),  # JAKARTA (Antara) -
    re.compile(rf"^{_UPPER_PLACE},\s*[^()\n]{{1,24}}?\s*{_AGENCY}{_DASH}"),  # SEOUL, Sept 12 (Reuters) -
    re.compile(rf"^{_DOMAIN},\s*{_ANY_PLACE}{_DASH}"),  # TEMPO.CO, Jakarta -
    re.compile(rf"^{_ANY_PLACE},\s*{_OUTLET_WORDS}\s*(?:--|—)\s*"),  # Jakarta, CNN Indonesia --
    re.compile(rf"^{_DOMAIN}{_DASH}"),  # VIVA.co.id -
    re.compile(rf"^{_AGENCY}\s*(?:--|[-–—])\s*"),  # (CNN) -
    re.compile(rf"^(?P<place>[A-Z]{{3,}}(?:\s+[A-Z]{{2,}}){{0,2}}){_DASH}"),  # JAKARTA -
]


@dataclass(slots=True)
class Dateline:
    outlet: str | None
    place: str | None
    end: int  # where the body text starts after the dateline


def _place_name(place: str | None) -> str | None:
    if not place:
        return None
    place = place.strip(" .,")
    # Datelines shout the place; store it the way a gazetteer writes it.
    return place.title() if place.isupper() else place


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, or None."""
    if len(paragraph) < 8 or not (paragraph[0].isalpha() or paragraph[0] == "("):
        return None
    for form in _FORMS:
        match = form.match(paragraph)
        if match is None:
            continue
        groups = match.groupdict()
        rest = paragraph[match.end() :]
        if not rest or not (rest[0].isalnum() or rest[0] in "\"'“‘("):
            continue  # a dateline is followed by the report itself
        return Dateline(outlet=groups.get("outlet"), place=_place_name(groups.get("place")), end=match.end())
    return None

"""Write docs/schema.json, the JSON Schema of warta's records, from the code."""

from __future__ import annotations

import json
from pathlib import Path

from warta.model import json_schema

TARGET = Path(__file__).resolve().parents[1] / "docs" / "schema.json"


def render() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")

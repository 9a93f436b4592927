"""Schemathesis against the API's own OpenAPI schema: whatever a client sends that the schema
allows (and much that it does not), the server never answers with a 5xx.

A small fixed budget here; `bench/fuzz.py` and a longer `--hypothesis-seed` run go further.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from warta.api import create_app  # noqa: E402

from _fake_store import build_database  # noqa: E402

_DB = Path(tempfile.mkdtemp(prefix="warta-schema-")) / "api.db"
build_database(_DB).close()
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_DB))


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_the_schema_describes_gets_a_server_error(case) -> None:
    response = case.call(headers={"host": "127.0.0.1"})
    assert response.status_code < 500, (case.method, case.formatted_path, response.status_code, response.text[:300])

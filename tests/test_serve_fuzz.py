"""Fuzz the HTTP API from its own OpenAPI description (schemathesis, a bounded number of cases).

Valid and invalid bodies generated from the forms' JSON Schemas must never get a 5xx, and
every response must match the status codes, content types and schemas the description states.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis import checks  # noqa: E402

from compiler.serve.app import PolicyService, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def api_schema() -> object:
    # Two policies keep the run short: kunming (required field, cross-item cap, a tiered amount)
    # and xianning (stated shares, a beneficiary other than enterprises, a text list ending in 等).
    service = PolicyService.load([str(ROOT / "policies" / f"{p}.policy") for p in ("kunming", "xianning")])
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(service))


def test_api_conforms_to_its_description(api_schema: schemathesis.BaseSchema) -> None:
    ops = [r.ok() for r in api_schema.get_all_operations()]
    assert len(ops) == 1 + 2 * 5  # the listing, and five routes per policy
    for op in ops:
        @given(case=op.as_strategy())
        @settings(max_examples=8, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[checks.not_a_server_error, checks.status_code_conformance,
                                           checks.content_type_conformance,
                                           checks.response_schema_conformance])

        run()

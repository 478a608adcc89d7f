"""The HTTP API (`policyc serve`): values worked out from the source texts, and bad input → 4xx.

Amounts are checked against the articles, not against the evaluator's own output:
昆明 第七条第（一）项 pays *not more than* 50% of 改造投入, at most 50万元 for level 4 (read as a
ceiling: 0 to 500,000); 第七条第（二）项 pays a 小灯塔 20万元; 第十条 caps everything at 50% of
数字化转型投入, keeping each item's minimum first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from compiler.cli import main
from compiler.serve.app import MAX_BATCH, MAX_BODY, PolicyService, create_app

ROOT = Path(__file__).resolve().parent.parent
ON = "2025-08-01"
KUNMING_L4 = {"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True, "acceptance_passed": True,
              "digital_level": 4, "spend_software_cloud": 1200000, "lighthouse": True}


@pytest.fixture(scope="module")
def service() -> PolicyService:
    return PolicyService.load([str(ROOT / "policies" / f"{p}.policy") for p in
                               ("national", "nanchang", "changchun", "kunming", "xianning")])


@pytest.fixture(scope="module")
def client(service: PolicyService) -> TestClient:
    return TestClient(create_app(service), raise_server_exceptions=False)


def test_listing_reports_validity_on_the_date(client: TestClient) -> None:
    # 南昌：有效期至 2025-12-31；昆明：2024-05-12 至 2026-12-31（第二十六条），追溯至 2023-06-12（第二十七条）
    before = client.get("/policies", params={"on": "2025-08-01"}).json()
    after = client.get("/policies", params={"on": "2026-03-01"}).json()
    by_id = {p["id"]: p for p in before["policies"]}
    assert set(by_id) == {"national", "nanchang", "changchun", "kunming", "xianning"}
    assert by_id["nanchang"]["in_force"] is True
    assert {p["id"]: p["in_force"] for p in after["policies"]}["nanchang"] is False
    assert by_id["kunming"]["valid_from"] == "2024-05-12" and by_id["kunming"]["valid_until"] == "2026-12-31"
    assert "reform_subsidy" in [i["id"] for i in by_id["kunming"]["items"]]
    assert client.get("/policies", params={"on": "2025-13-01"}).status_code == 422


def test_calculate_one_profile_kunming(client: TestClient) -> None:
    r = client.post("/policies/kunming/calculate", params={"on": ON}, json=KUNMING_L4)
    assert r.status_code == 200
    d = r.json()
    items = {i["id"]: i for i in d["items"]}
    # 第七条第（一）项: 不超过 50% × 1,200,000 = 600,000, 最高 50万元 → 0.00 to 500,000.00
    assert (items["reform_subsidy"]["min"], items["reform_subsidy"]["max"]) == ("0.00", "500000.00")
    # 第七条第（二）项: 20万元
    assert items["lighthouse_award"]["min"] == "200000.00"
    # 第十条: 50% × 1,200,000 = 600,000 in all; the award's 200,000 is kept first
    assert d["total"] == {"min": "200000.00", "max": "600000.00"}
    # 第十五条 names four payers without a split: all of it unspecified
    assert d["funding"] == {"unspecified": "600000.00"}


def test_same_chinese_field_messages_as_the_cli(client: TestClient, tmp_path: Path) -> None:
    bad = {"applicant_type": "enterprise", "digital_level": 7, "spend_consulting": "-5",
           "lighthous": True}
    r = client.post("/policies/kunming/calculate", params={"on": ON}, json=bad)
    assert r.status_code == 422
    errors = {e["field"]: e["message"] for e in r.json()["errors"]}
    assert errors["digital_level"] == "取值 7 超出范围 0..4"
    assert "lighthouse" in errors["lighthous"]  # the suggestion names the right field
    path = tmp_path / "p.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    cli = CliRunner().invoke(main, ["calc", str(ROOT / "policies/kunming.policy"), "--input", str(path),
                                    "--on", ON])
    assert cli.exit_code == 2
    for field, message in errors.items():
        assert f"{field}: {message}" in cli.output


@pytest.mark.parametrize("body", [
    b'{"applicant_type": "enterprise", "spend_consulting": NaN}',
    b'{"applicant_type": "enterprise", "applicant_type": "enterprise"}',
    b'{"applicant_type": ',
    b"\xff\xfe",
    b"[" * 100_000 + b"]" * 100_000,
    b'{"applicant_type": "enterprise", "awarded_products": 1' + b"0" * 5000 + b"}",
    b"[]",
    b'"enterprise"',
])
def test_malformed_bodies_are_4xx_never_500(client: TestClient, body: bytes) -> None:
    r = client.post("/policies/kunming/calculate", content=body,
                    headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["message"]


def test_missing_required_field_and_bad_date(client: TestClient) -> None:
    r = client.post("/policies/kunming/calculate", params={"on": ON}, json={})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "applicant_type"
    r = client.post("/policies/kunming/calculate", params={"on": "tomorrow"}, json=KUNMING_L4)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "on"


def test_bounded_body_and_batch(client: TestClient) -> None:
    big = b'{"profiles": [' + b",".join([b'{"applicant_type": "enterprise"}'] * (MAX_BODY // 30)) + b"]}"
    assert len(big) > MAX_BODY
    r = client.post("/policies/kunming/batch", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    many = {"profiles": [{"applicant_type": "enterprise"}] * (MAX_BATCH + 1)}
    r = client.post("/policies/kunming/batch", json=many)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "profiles"
    assert client.post("/policies/nowhere/calculate", json={}).status_code == 404


def test_batch_reports_each_profile(client: TestClient) -> None:
    # 咸宁 第六条第（一）项: 二级企业 60% × (150,000 + 50,000) = 120,000 (< 15万元 cap), paid by the province
    good = {"applicant_type": "enterprise", "industry": "装备制造", "acceptance_passed": True,
            "digital_level": 2, "spend_software_cloud": 150000, "spend_data_equipment": 50000}
    r = client.post("/policies/xianning/batch", params={"on": ON},
                    json={"profiles": [good, {"applicant_type": "enterprise", "digital_level": "二级"}]})
    assert r.status_code == 200
    first, second = r.json()["results"]
    assert first["ok"] is True
    assert {i["id"]: i["max"] for i in first["result"]["items"]}["reform_subsidy"] == "120000.00"
    assert first["result"]["funding"].get("province") == "120000.00"
    assert second == {"index": 1, "ok": False,
                      "errors": [{"field": "digital_level", "message": "应为整数，收到 “二级”"}]}


def test_explain_names_the_articles(client: TestClient) -> None:
    r = client.post("/policies/kunming/explain", params={"on": ON}, json=KUNMING_L4)
    assert r.status_code == 200
    d = r.json()
    assert "第七条第（一）项" in d["text"] and "第十条" in d["text"]
    assert any("第十条 累计上限" in line for i in d["result"]["items"] for line in i["trace"])


def test_schemas_are_the_forms(client: TestClient) -> None:
    served = client.get("/policies/kunming/schema/input").json()
    committed = json.loads((ROOT / "generated/jsonschema/kunming.input.schema.json").read_text("utf-8"))
    assert served == {k: v for k, v in committed.items() if k not in ("$schema", "$id")}
    spec: dict[str, Any] = client.get("/openapi.json").json()
    assert spec["openapi"] == "3.1.0"
    assert spec["components"]["schemas"]["kunming.input"] == served
    body = spec["paths"]["/policies/kunming/calculate"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/kunming.input"}

"""The lowered calculation form: plain JSON, complete, and saying what the runtime says."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from compiler.evaluate import runtime as rt
from compiler.lowered import MESSAGES, TRACE, fill, lower
from compiler.pipeline import Loaded
from conftest import SEEDS


@pytest.mark.parametrize("name", SEEDS)
def test_the_form_is_plain_json_and_deterministic(seeds: dict[str, Loaded], name: str) -> None:
    policy = seeds[name].policy
    assert policy is not None
    form = lower(policy, f"policies/{name}.policy")
    text = json.dumps(form, ensure_ascii=False, sort_keys=True)
    assert json.loads(text) == form
    assert json.dumps(lower(policy, f"policies/{name}.policy"), ensure_ascii=False, sort_keys=True) == text
    assert form["format"] == "policyc-lowered" and form["version"] == 3

    def no_floats(x: object) -> None:
        assert not isinstance(x, float), x
        if isinstance(x, dict):
            for v in x.values():
                no_floats(v)
        elif isinstance(x, list):
            for v in x:
                no_floats(v)

    no_floats(form)


def test_kunming_reform_subsidy_lowered_by_hand(seeds: dict[str, Loaded]) -> None:
    """第七条第（一）项: 不超过 50% × 改造投入 (a ceiling, read as 0 ..), 封顶 20/40/50 万元 by level."""
    policy = seeds["kunming"].policy
    assert policy is not None
    form = lower(policy)
    item = next(i for i in form["items"] if i["id"] == "reform_subsidy")
    assert item["beneficiary"] == "enterprise"
    assert item["heading"] == "第七条第（一）项「中小企业数字化转型企业改造补助」适用：" \
        "in_pilot_scope 且 acceptance_passed 且 digital_level >= 2 且 is_sme"
    amount = item["amount"]
    assert amount["tiers"] and amount["none"]["note"] == "分档：没有适用的档次，按 0 计"
    first = amount["arms"][0]
    assert first["note"] == "分档：适用第 1 档（当 digital_level == 2）"
    cap = first["expr"]
    assert cap["op"] == "cap" and cap["shape"] == "range"  # 不超过: an interval from 0
    up_to = cap["args"][0]
    assert up_to["op"] == "upto"
    rate, spend = up_to["args"][0]["args"]
    assert (rate["value"], rate["scale"]) == ("0.5", 1)  # 50% as a fraction, one decimal
    assert spend == {"op": "def", "name": "reform_spend", "type": "num", "shape": "exact", "scale": 2}
    assert cap["scale"] == 3  # 0.5 × fen amounts has three decimals before rounding
    assert cap["args"][1]["value"] == "200000"
    assert first["names"] == [{"name": "reform_spend", "show": "num", "shape": "exact"}]
    # 第十五条 names four payers without a split: reported under unspecified
    assert item["funding"]["kind"] == "unstated"
    assert item["funding"]["payers"] == ["central", "province", "city", "county"]
    # 第十条: 50% × 数字化转型投入 over the enterprise's items
    (cap10,) = form["caps"]
    assert cap10["article"] == "第十条" and cap10["scope"]["beneficiary"] == "enterprise"
    # 第十七条: 70% after evaluation, the rest after the city-wide acceptance
    (sched,) = form["payments"]
    assert [s["share"] for s in sched["stages"]] == ["0.7", None]
    assert [d["name"] for d in form["definitions"]][:2] == ["reform_spend", "transformation_investment"]


def test_undetermined_and_ranges_are_range_shaped(seeds: dict[str, Loaded]) -> None:
    policy = seeds["kunming"].policy
    assert policy is not None
    items = {i["id"]: i for i in lower(policy)["items"]}
    assert items["diagnosis_subsidy"]["amount"]["arms"][0]["expr"]["op"] == "undet"  # 适当补助
    up_to = items["workshop_award"]["amount"]["arms"][0]["expr"]  # 不超过 100 万元
    assert (up_to["op"], up_to["shape"]) == ("upto", "range")


def _runtime_message(kind: str, value: object, low: int | None = None, high: int | None = None) -> str:
    got = rt.check_value(rt.FactSpec("f", kind, "标签", low, high, ("a", "b")), value)
    assert isinstance(got, rt.Bad), (kind, value)
    return got.message


@pytest.mark.parametrize(("kind", "value", "key", "values"), [
    ("bool", 1, "bool", {"got": "1"}),
    ("bool", "yes", "bool", {"got": "“yes”"}),
    ("bool", None, "bool", {"got": "null"}),
    ("bool", [1], "bool", {"got": "list"}),
    ("money", True, "money_bool", {}),
    ("money", float("nan"), "money_not_finite", {}),
    ("money", Decimal("Infinity"), "money_not_finite", {}),
    ("money", "1.005", "money_text", {"got": "“1.005”"}),
    ("money", "-1", "money_text", {"got": "“-1”"}),
    ("money", "１２", "money_text", {"got": "“１２”"}),
    ("money", 10**15, "money_limit", {"limit": 10**15}),
    ("money", "x" * 50, "money_text", {"got": "“" + "x" * 40 + "”"}),
    ("rate", "0.123456789", "rate_text", {"got": "“0.123456789”"}),  # at most 8 decimals
    ("rate", True, "rate_bool", {}),
    ("rate", None, "rate_type", {"got": "null"}),
    ("rate", float("nan"), "rate_not_finite", {}),
    ("rate", Decimal("0.123456789"), "rate_digits", {"value": "0.123456789"}),
    ("date", "2025-02-29", "date_invalid", {"value": "2025-02-29"}),
    ("date", "2025/06/30", "date", {"got": "“2025/06/30”"}),
    ("date", 20250630, "date", {"got": "20250630"}),
    ("date", "1899-12-31", "date_range", {"low": 1900, "high": 2199, "value": "1899-12-31"}),
    ("text", "y" * 1001, "text_too_long", {"n": 1001, "max": 1000}),
    ("bool", "z" * 41, "bool", {"got": "“" + "z" * 40 + "…”（共 41 个字符）"}),
    ("money", None, "money_type", {"got": "null"}),
    ("money", -1, "money_negative", {"value": "-1"}),
    ("money", 1.005, "money_fen", {"value": "1.005"}),
    ("rate", 1.5, "rate_range", {"low": "0", "high": "1", "value": "1.5"}),  # 比例 without a range: 0..1
    ("int", "2", "int_type", {"got": "“2”"}),
    ("int", True, "int_type", {"got": "bool"}),
    ("int", float("inf"), "int_not_finite", {}),
    ("int", 2.5, "int_fraction", {"value": "2.5"}),
    ("enum", "c", "enum", {"values": "a, b", "got": "“c”"}),
    ("text", 5, "text", {"got": "5"}),
])
def test_message_templates_reproduce_the_runtime(kind: str, value: object, key: str,
                                                 values: dict[str, str]) -> None:
    assert fill(MESSAGES[key], values) == _runtime_message(kind, value)


def test_range_messages_reproduce_the_runtime() -> None:
    assert fill(MESSAGES["int_below"], {"value": -1, "low": 0}) == _runtime_message("int", -1, 0, 4)
    assert fill(MESSAGES["int_above"], {"value": 9, "low": 0, "high": 4}) == _runtime_message("int", 9, 0, 4)
    # no stated upper bound: counts stop at MAX_COUNT
    assert fill(MESSAGES["int_above"], {"value": 10**10, "low": 0, "high": rt.MAX_COUNT}) == \
        _runtime_message("int", 10**10, 0, None)


def test_ratio_messages_name_the_declared_range_and_say_ratio() -> None:
    # 比例 [-1..5] (an annual growth rate): -100% to 500%, never called 金额
    low, high = Decimal(-1), Decimal(5)
    for value, shown in ((6, "6"), ("-1.5", "-1.5"), (-2, "-2")):
        got = _runtime_message("rate", value, low, high)  # type: ignore[arg-type]
        assert got == fill(MESSAGES["rate_range"], {"low": "-1", "high": "5", "value": shown})
        assert "比例" in got and "金额" not in got
    spec = rt.FactSpec("g", "rate", "增长率", low, high)
    assert rt.check_value(spec, "-0.12") == Decimal("-0.12")  # negatives where declared
    assert rt.check_value(spec, "0.075") == Decimal("0.075")  # full precision (two decimals refused it)
    assert rt.check_value(spec, 0.07499999) == Decimal("0.07499999")


def test_the_form_carries_the_profile_limits(seeds: dict[str, Loaded]) -> None:
    policy = seeds["kunming"].policy
    assert policy is not None
    form = lower(policy)
    assert form["limits"]["money_limit"] == str(rt.MONEY_LIMIT)
    assert form["limits"]["money_pattern"] == rt.MONEY_PATTERN
    level = next(f for f in form["facts"] if f["name"] == "digital_level")
    assert level["rules"] == {"types": ["integer"], "minimum": 0, "maximum": 4}


def test_fill_does_not_rescan_inserted_text() -> None:
    assert fill(TRACE["cap"], {"shown": "{base}", "base": "1", "limit": "2", "out": "2"}) == \
        "“{base}”：1 超过上限 2，取 2"

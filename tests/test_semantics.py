"""The meaning of each construct, on small inline policies (values worked out by hand)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.profile import ProfileError
from compiler.model import nodes as n
from compiler.pipeline import parse_source

HEADER = '政策 t { 标题 "测试政策" 有效期 自 2024-01-01 至 2024-12-31 }\n'
FACTS = """事实 { applicant_type spend_software_cloud awarded_products digital_level industry
  lighthouse city_type }\n"""


def policy(body: str) -> n.Policy:
    p, diags = parse_source(HEADER + FACTS + body, "t.policy")
    assert p is not None, diags
    assert not [d for d in diags if d.severity == "error"], [d.message for d in diags]
    return p


def item(code: str, amount: str, extra: str = "") -> str:
    return f"""补助 {code} {{ 条款 第一条 原文 「x」 标题 "{code}" 金额 {amount}
      资金 city 100% {extra} }}\n"""


def calc(p: n.Policy, **profile: object) -> dict[str, object]:
    return Evaluator(p).calculate({"applicant_type": "enterprise", **profile}, "2024-06-01").to_dict()


def test_units_normalise_exactly() -> None:
    p = policy(item("a", "1.5亿元") + item("b", "15万元") + item("c", "5000元"))
    r = calc(p)
    assert [i["max"] for i in r["items"]] == ["150000000.00", "150000.00", "5000.00"]


def test_range_and_up_to() -> None:
    # 长春 第七条第（二）项 style: 1-3万 → [10000, 30000]; 不超过 100万元 → [0, 1000000]
    p = policy(item("a", "1万元 至 3万元") + item("b", "不超过 100万元"))
    r = calc(p)
    assert [(i["min"], i["max"]) for i in r["items"]] == [("10000.00", "30000.00"),
                                                          ("0.00", "1000000.00")]
    assert r["total"] == {"min": "10000.00", "max": "1030000.00"}


def test_per_unit_times_count() -> None:
    # 咸宁 第六条第（六）项 style: 不高于 5000元 per enterprise × 30 → [0, 150000]
    p = policy(item("a", "不超过 5000元 × awarded_products"))
    assert calc(p, awarded_products=30)["items"][0]["max"] == "150000.00"  # type: ignore[index]


def test_rate_capped_binds_and_does_not() -> None:
    p = policy(item("a", "60% × spend_software_cloud 封顶 15万元"))
    assert calc(p, spend_software_cloud=200000)["total"] == {"min": "120000.00", "max": "120000.00"}
    assert calc(p, spend_software_cloud=300000)["total"] == {"min": "150000.00", "max": "150000.00"}


def test_tiers_pick_the_first_true_tier_and_no_tier_pays_nothing() -> None:
    p = policy(item("a", "分档 { 当 digital_level == 2 则 20万元 当 digital_level >= 3 则 40万元 }"))
    assert calc(p, digital_level=3)["total"]["max"] == "400000.00"  # type: ignore[index]
    assert calc(p, digital_level=1)["total"]["max"] == "0.00"  # type: ignore[index]


def test_undetermined_is_null_and_a_cross_cap_bounds_it() -> None:
    cap = """累计上限 c { 条款 第二条 原文 「y」 适用 全部 上限 50% × spend_software_cloud }\n"""
    p = policy(item("a", "20万元") + item("b", "未定") + cap)
    r = calc(p, spend_software_cloud=1000000)
    assert r["items"][1]["min"] is None and r["items"][1]["max"] is None  # type: ignore[index]
    # a (200000) fills the cap first; b is undetermined but at most 500000 - 200000
    assert r["total"] == {"min": "200000.00", "max": "500000.00"}
    p2 = policy(item("a", "20万元") + item("b", "未定"))
    assert calc(p2)["total"] == {"min": "200000.00", "max": None}


def test_cross_cap_cuts_the_later_item() -> None:
    cap = """累计上限 c { 条款 第二条 原文 「y」 适用 [a, b] 上限 25万元 }\n"""
    p = policy(item("a", "20万元") + item("b", "10万元") + cap)
    r = calc(p)
    assert r["total"] == {"min": "250000.00", "max": "250000.00"}
    assert r["funding"] == {"city": "250000.00"}
    assert any("削减 50000.00" in t for t in r["items"][1]["trace"])  # type: ignore[index]


def test_funding_shares_split_exactly_and_last_takes_the_remainder() -> None:
    body = """补助 a { 条款 第一条 原文 「x」 标题 "a" 金额 100.01元 资金 city 50%, county 50% }\n"""
    r = calc(policy(body))
    # 50% × 100.01 = 50.005 → 50.00 (down); county takes the remainder 50.01
    assert r["funding"] == {"city": "50.00", "county": "50.01"}


def test_unstated_and_conflicting_funding_is_never_split() -> None:
    body = """补助 a { 条款 第一条 原文 「x」 标题 "a" 金额 20万元
      资金 未明确 [city, county]
      资金 county 100% 依据 第十四条 「z」 }\n"""
    r = calc(policy(body))
    assert r["funding"] == {"unspecified": "200000.00"}
    assert any("不一致" in t for t in r["items"][0]["trace"])  # type: ignore[index]


def test_validity_window() -> None:
    p = policy(item("a", "1元"))
    ev = Evaluator(p)
    assert ev.calculate({"applicant_type": "enterprise"}, "2023-12-31").in_force is False
    assert ev.calculate({"applicant_type": "enterprise"}, "2024-12-31").in_force is True
    assert ev.calculate({"applicant_type": "enterprise"}, "2025-01-01").total_max == 0


def test_requirement_and_exclusion() -> None:
    body = item("a", "1元") + """资格 r { 条款 第三条 原文 「q」 条件 industry 属于 ["甲", "乙", 等] }
排除 e { 条款 第四条 原文 「w」 条件 lighthouse }\n"""
    p = policy(body)
    assert calc(p, industry="甲")["excluded"] is False
    assert calc(p, industry="丙")["exclusions"] == ["第三条"]
    assert calc(p, industry="甲", lighthouse=True)["exclusions"] == ["第四条"]
    assert calc(p)["exclusions"] == ["第三条"]  # absent text: membership is false


def test_beneficiary_is_an_implicit_condition() -> None:
    body = """补助 a { 条款 第一条 原文 「x」 标题 "a" 对象 service_provider 金额 1元 资金 city 100% }\n"""
    p = policy(body)
    assert calc(p)["items"] == []
    assert len(calc(p, applicant_type="service_provider")["items"]) == 1  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), float("inf"), -5, "1e3", "01.001", [], {}])
def test_profile_money_rejections(bad: object) -> None:
    p = policy(item("a", "1元"))
    with pytest.raises(ProfileError) as e:
        Evaluator(p).calculate({"applicant_type": "enterprise", "spend_software_cloud": bad},
                               "2024-06-01")
    assert e.value.field == "spend_software_cloud"

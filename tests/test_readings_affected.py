"""Which items a 解读 affects (``compiler.model.readings.affected``): the list every output
shows beside a reading (the calculators' ``READINGS`` and ``result.readings``, the guide's
“原文有不同理解” warning on an item, the SQL header, the simulation page).

A reading can change an item three ways: in the item's own condition or amount, in the limit of
a 累计上限 over it, or in a 资格/排除 that decides whether its applicant is supported at all.
Before, only the first was seen: 长春's two readings and 南昌's listed no item at all, and the
guide warned no applicant. Each expectation below is worked out from the article, and checked
against the reference evaluator on an applicant for whom the readings differ.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from compiler.evaluate.evaluator import Evaluator
from compiler.model import nodes as n
from compiler.model.readings import affected
from compiler.pipeline import load_text
from compiler.resources import SEED_POLICIES
from conftest import POLICIES, load_once
from differential import reference

ON = dt.date(2025, 8, 1)


def _policy(name: str) -> n.Policy:
    p = load_once(POLICIES / f"{name}.policy").policy
    assert p is not None
    return p


def _total(p: n.Policy, reading: str, option: str, profile: dict[str, object]) -> tuple[Decimal | None, ...]:
    r = Evaluator(p, {reading: option}).calculate(profile, ON)
    return (r.total_min, r.total_max)


PROVIDER = {"applicant_type": "service_provider", "registered_in_city": True, "independent_legal_person": True,
            "good_tax_and_credit": True, "excellent_provider": True}


def test_a_clause_that_binds_only_enterprises_under_one_reading_affects_the_providers_items() -> None:
    # 长春 第十三条「同时，企业未被列入经营异常名录……近三年未发生……偷漏税等违法违规行为」: read as
    # binding every applicant (all_applicants, adopted) or only enterprises (enterprise_only). An
    # enterprise is bound either way, so the enterprises' items (第七条第（一）（二）（五）项) do not
    # change; the items whose 对象 is a service provider (第七条第（三）（四）（六）项) do.
    p = _policy("changchun")
    assert affected(p, "record_scope") == ["product_award", "excellent_provider_award", "procurement_service"]
    # a provider with a tax violation: excluded (0) under all_applicants; under enterprise_only
    # 第七条第（四）项 每家服务商不超过 20万元 → 0 至 200000
    taxed = {**PROVIDER, "tax_violation_3y": True}
    assert _total(p, "record_scope", "all_applicants", taxed) == (Decimal(0), Decimal(0))
    assert _total(p, "record_scope", "enterprise_only", taxed) == (Decimal(0), Decimal(200000))


def test_a_reading_in_a_cross_item_limit_affects_the_members() -> None:
    # 长春 第七条第（三）项「每家服务商奖补累计不超过 50万元」: only 第（三）项 (item_only, adopted:
    # 第（三）项 ≤ 50万 and 第（四）项 ≤ 20万, 70万 together) or 第（三）（四）项 together (combined,
    # 50万): the members of 累计上限 provider_total, 第（三）项 and 第（四）项.
    p = _policy("changchun")
    assert affected(p, "provider_cap_scope") == ["product_award", "excellent_provider_award"]
    # 10 awarded products: 不超过 5万元 × 10 = 50万元 (封顶 50万元) → 0 至 500000; 优秀服务商 0 至 200000
    both = {**PROVIDER, "awarded_products": 10}
    assert _total(p, "provider_cap_scope", "item_only", both) == (Decimal(0), Decimal(700000))
    assert _total(p, "provider_cap_scope", "combined", both) == (Decimal(0), Decimal(500000))


def test_a_reading_that_excludes_any_applicant_affects_every_item() -> None:
    # 南昌 第七条第（五）项: under reading excluded, an applicant that has had the provincial pilot's
    # funds is not supported at all, whatever its kind: every item (enterprises' and providers').
    p = _policy("nanchang")
    assert affected(p, "double_funding") == [it.id for it in p.items]


def test_items_a_reading_cannot_change_are_not_listed() -> None:
    # 昆明 第七条第（三）项「鼓励试点细分行业中小企业打造数字化车间、智能工厂」: the industry limit is in
    # the conditions of 第七条第（三）（四）项 only; 第七条第（一）项's amount does not depend on it.
    assert affected(_policy("kunming"), "encouraged_industry") == ["workshop_award", "chain_award"]


def test_readings_whose_gates_read_the_same_affect_nothing() -> None:
    # the same 长春 clause, with enterprise_only written as binding every applicant too: the
    # readings no longer differ for anyone, so no item is listed (and PC531 says so)
    text = (POLICIES / "changchun.policy").read_text(encoding="utf-8")
    old = '读法 enterprise_only 则 applicant_type == "enterprise"'
    assert old in text
    loaded = load_text(POLICIES / "changchun.policy", text.replace(old, "读法 enterprise_only 则 真"), ON)
    assert loaded.policy is not None
    assert affected(loaded.policy, "record_scope") == []
    assert any(d.code == "PC531" and "record_scope" in d.message for d in loaded.diagnostics)


def test_the_guide_says_whom_each_reading_covers() -> None:
    # 咸宁 第六条第（一）项「支持企業數字化改造」: read as every enterprise (adopted) or, as the parent
    # notice's 三、（二）, only SMEs. The guide lists each reading with whom it covers, in words:
    # “所有申请人” for the reading that adds no condition (not a bare “是”), “中小企业” for the other.
    from compiler.backends import CheckedModel, CheckedPolicy
    from plugins.markdown import backend

    loaded = load_once(POLICIES / "xianning.policy")
    assert loaded.policy is not None
    text = backend.render(CheckedModel((CheckedPolicy(
        loaded.policy, "policies/xianning.policy", tuple(loaded.diagnostics), tuple(loaded.suppressed)),)))[
        "xianning.md"]
    lines = text.splitlines()
    assert ("- **本办法第六条第（一）项只说“企业”，未限中小企业：符合条件的企业都可获得改造补贴**"
            "（本页采用）：所有申请人") in lines
    assert "- **上级通知的改造对象为中小企业，本项也只补贴中小企业**：中小企业" in lines


@pytest.mark.parametrize("name", SEED_POLICIES)
def test_every_item_a_reading_changes_is_listed(name: str) -> None:
    # The listing may be wider than what the solver would prove (it is read off the rules, not
    # solved), never narrower: over the differential tests' 10,000 profiles per seed, each item
    # that some reading pays differently (applies under one and not the other, or another
    # min/max) is among the reading's `affects`.
    seen_difference = 0
    for out in reference(name):
        if "ok" not in out:
            continue
        for r in out["ok"]["readings"]:
            runs = list(r["results"].values())
            first = runs[0]["items"]
            for other in runs[1:]:
                changed = {i for i in {*first, *other["items"]} if first.get(i) != other["items"].get(i)}
                assert changed <= set(r["affects"]), (r["id"], changed, r["affects"])
                seen_difference += bool(changed)
    # each seed's readings do change some applicant's items among these profiles (PC530)
    assert seen_difference > 0

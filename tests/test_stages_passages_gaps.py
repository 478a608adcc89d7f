"""Issue 15 items 9, 11 and 12 beyond what test_payment_stages and test_language_constructs cover.

* Payment stages computed from another base with their own cap (临川 附件第1段第2句: 预拨 at most
  30% of the contract's down payment, at most 10万元 a firm; the balance after acceptance): hand-
  worked through the reference evaluator and the Python and JavaScript calculators; a rate stage
  that reads facts is refused; and the property, over every seed and example policy, that the
  stages of every schedule add up to the items' amount at both ends of its range.
* Passages and sentences of unnumbered text (第2段第1句, 附件第1段): read from the source and
  checked (PC320 with file:line:col).
* PC407: a gap between the items of one 类别, with a witness; nothing when the items cover.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_javascript_backend import NODE, run_node

from compiler.backends import CheckedModel, CheckedPolicy
from compiler.evaluate import runtime as rt
from compiler.evaluate.evaluator import Evaluator
from compiler.lowered import lower
from compiler.model.queries import input_json
from compiler.pipeline import Loaded, load
from compiler.resources import SEED_POLICIES
from compiler.source.structure import read_structure
from conftest import load_once
from differential import EXAMPLES, policy
from test_python_backend import boundary_profiles, import_path

ON = "2025-06-01"
CHECKED_ON = dt.date(2025, 6, 1)
PROVIDER = {"applicant_type": "service_provider", "registered_in_city": True,
            "independent_legal_person": True, "is_sme": True}
REFORM = {"applicant_type": "enterprise", "registered_in_city": True, "independent_legal_person": True,
          "is_sme": True, "acceptance_passed": True, "digital_level": 3, "spend_software_cloud": 1000000,
          "spend_data_equipment": 500000}


def variant(tmp_path: Path, *edits: tuple[str, str]) -> Loaded:
    """临川 with each (old, new) replacement made in turn, checked beside its source text."""
    text = (EXAMPLES / "linchuan.policy").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    tmp_path = tmp_path / str(len(list(tmp_path.iterdir())))  # one directory per variant
    tmp_path.mkdir()
    (tmp_path / "linchuan.txt").write_bytes((EXAMPLES / "linchuan.txt").read_bytes())
    path = tmp_path / "linchuan.policy"
    path.write_text(text, encoding="utf-8")
    return load(path, CHECKED_ON)


def stages(result: rt.Result) -> dict[str, tuple[str | None, str | None]]:
    return {p.stage: (rt.fmt(p.min), rt.fmt(p.max)) for p in result.payments}


# ---------------------------------------------------------------------------- item 9


@pytest.mark.parametrize(("down", "advance"), [
    (200000, "60000.00"),   # 30% × 200000 = 60000, under the 10万元 cap
    (500000, "100000.00"),  # 30% × 500000 = 150000: at most 10万元 a firm
    (0, "0.00"),            # no down payment paid yet: nothing to advance
])
def test_advance_on_the_down_payment_hand_worked(down: int, advance: str, tmp_path: Path) -> None:
    # 临川 第二条: 三级, 改造投入 1500000 × 30% = 450000, 三级最高 400000 → reform_award 0..400000;
    # 附件第1段第2句 「预拨资金不超过合同首付款的30%，每家最高10万元；项目验收合格后，按核定的改造奖励
    # 拨付余额」: 预拨 0..min(30% × 首付款, 100000); the balance 0..400000 (the reform award's least is 0)
    profile = {**REFORM, "contract_down_payment": down}
    ev = Evaluator(policy("linchuan"))
    want = {"预拨": ("0.00", advance), "验收合格后拨付余额": ("0.00", "400000.00")}
    assert stages(ev.calculate(profile, ON)) == want
    from plugins.javascript import backend as js
    from plugins.python import backend as py

    loaded = load_once(EXAMPLES / "linchuan.policy")
    assert loaded.policy is not None
    model = CheckedModel((CheckedPolicy(loaded.policy, "tests/examples/linchuan.policy", (), ()),))
    py_out = py.render(model)
    (tmp_path / "linchuan.py").write_text(py_out["linchuan.py"], encoding="utf-8")
    mod = import_path(tmp_path / "linchuan.py", f"policyc_stage_{down}")
    assert mod.calculate(profile, ON).to_dict()["payments"] == ev.calculate(profile, ON).to_dict()["payments"]
    if NODE is not None:
        for rel, text in js.render(model).items():
            (tmp_path / "js" / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "js" / rel).write_text(text, encoding="utf-8")
        got, = run_node(tmp_path / "js" / "linchuan.js", [(json.dumps(profile), ON)])
        assert got["ok"]["payments"] == ev.calculate(profile, ON).to_dict()["payments"]


def test_the_lowered_stage_carries_the_amount_and_its_cap() -> None:
    form = lower(policy("linchuan"))
    advance, = (s for s in form["payments"] if s["id"] == "advance_payment")
    first, rest = advance["stages"]
    assert (first["kind"], first["shown"], rest["kind"]) == (
        "amount", "30% × contract_down_payment 封顶 10万元", "rest")
    assert first["amount"]["op"] == "cap"


def test_a_rate_stage_that_reads_facts_is_refused(tmp_path: Path) -> None:
    bad = variant(tmp_path, ('阶段 "预拨" 至多 (30% × contract_down_payment) 封顶 10万元',
                             '阶段 "预拨" 至多 30% × 30%'))
    assert "PC202" not in [d.code for d in bad.diagnostics]  # constant: a stated share
    loaded = variant(tmp_path, ("  other_interest_subsidy: 货币",
                                '  advance_rate: 比例 "预拨比例"\n  other_interest_subsidy: 货币'),
                     ('至多 (30% × contract_down_payment) 封顶 10万元', "至多 advance_rate"))
    pc202, = (d for d in loaded.diagnostics if d.code == "PC202")
    assert pc202.message == "拨付阶段“预拨”的比例读取了申请人的事实"
    lines = (loaded.text or "").splitlines()
    assert (pc202.span.line, pc202.article) == (lines.index(next(
        ln for ln in lines if '阶段 "预拨"' in ln)) + 1, "附件第1段第2句")


def _after(result: rt.Result, item: rt.ItemResult) -> tuple[Decimal, Decimal]:
    """The item's amount after the cross-item caps (the last cap that touched it)."""
    cuts = [c for c in result.cuts if c.item == item.id]
    if cuts:
        return cuts[-1].after.lo, cuts[-1].after.hi
    assert item.min is not None and item.max is not None
    return item.min, item.max


NAMES = [name for name in (*SEED_POLICIES, "linchuan", "yunxi", "linchuan_readings")
         if policy(name).payments]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), seed=st.integers(0, 2**32 - 1), base=st.integers(-1, 50))
def test_the_stages_of_every_schedule_add_up_to_the_items_at_both_ends(name: str, seed: int, base: int) -> None:
    """For every schedule: at the least and at the greatest amount of the items it pays, paying
    each stage the most its rule allows (or nothing) and the 余额 what is left, every payment
    lies in the stage's reported range and the payments add up exactly to the amount (never
    more; without a 余额, at most the amount).

    Profiles are boundary profiles, most of them laid over the input of one of the policy's own
    hand-worked tests (so that they reach the items that schedules pay)."""
    p = policy(name)
    ev = Evaluator(p)
    (profile, on), = boundary_profiles(p, 1, seed)
    if base >= 0 and p.tests:
        case = p.tests[base % len(p.tests)]
        numbers = {k: v for k, v in profile.items() if isinstance(v, int | str) and not isinstance(v, bool)
                   and k != "applicant_type" and k not in {i.name for i in case.inputs if isinstance(i.value, str)}}
        profile = {**{i.name: input_json(i.value) for i in case.inputs}, **numbers}
    try:
        result = ev.calculate(profile, on)
    except rt.ProfileError:
        return
    env = rt.validate(ev.spec.table, ev.spec.vocabulary, profile)
    pays = list(result.payments)
    for spec in ev.spec.payments:
        scope = {x.spec.id for x in rt._scope(spec.scope, [rt._Live(s, rt.ZERO, rt.ZERO, [])
                                                          for s in ev.spec.items])}
        members = [i for i in result.items if i.min is not None and i.id in scope]
        if not members:
            continue
        got, pays = pays[:len(spec.stages)], pays[len(spec.stages):]
        base_lo = sum((_after(result, i)[0] for i in members), Decimal(0))
        base_hi = sum((_after(result, i)[1] for i in members), Decimal(0))
        assert sum((g.min for g in got if g.min is not None), Decimal(0)) <= base_lo
        for base in (base_lo, base_hi):
            for greedy in (True, False):
                left, paid = base, []
                for (_, share), g in zip(spec.stages, got, strict=True):
                    if share is None:
                        pay = left
                    elif not greedy or isinstance(share, rt.Undetermined):
                        pay = left if greedy else Decimal(0)
                    elif isinstance(share, rt.StageAmount):
                        most = rt._stage_most(share, env)
                        pay = left if most is None else min(most, left)
                    else:
                        pay = min(rt.to_fen(share * base), left)
                    left -= pay
                    paid.append(pay)
                    assert g.min is not None and g.max is not None
                    assert g.min <= pay <= g.max, (name, profile, spec, got)
                if any(share is None for _, share in spec.stages):
                    assert sum(paid) == base
                assert sum(paid) <= base


# ---------------------------------------------------------------------------- item 12

RELEASE = """关于临川区数字化转型奖励的政策解读

本措施共六条，主要内容如下。
对数字化水平达到二级的企业，最高奖励20万元。

奖励资金分两批拨付！首批在验收合格后拨付？余款在次年绩效评价后拨付。
"""


def test_an_unnumbered_source_is_read_as_passages_and_sentences() -> None:
    st_ = read_structure(RELEASE)
    labels = [p.label for p in st_.walk() if p.kind in ("passage", "sentence")]
    # a passage ends at a line that ends a sentence or at a blank line; sentences at 。！？
    assert labels == ["第1段", "第1段第1句", "第2段", "第2段第1句",
                      "第3段", "第3段第1句", "第3段第2句", "第3段第3句"]
    part = st_.find("第3段第2句")
    assert part is not None and part.text(RELEASE) == "首批在验收合格后拨付？"
    assert st_.find("导语第二段") == st_.find("第2段")  # 导语第N段 names the same passage; 二 == 2
    assert st_.find("第4段") is None and st_.find("第1段第2句") is None


def test_a_passage_the_source_does_not_have_is_pc320_with_its_place(tmp_path: Path) -> None:
    ok = variant(tmp_path, ("  条款 附件第1段第2句\n", "  条款 附件第1段\n"))
    assert not {"PC320", "PC321"} & {d.code for d in ok.diagnostics}
    bad = variant(tmp_path, ("  条款 附件第1段第2句\n", "  条款 附件第1段第3句\n"))
    pc320, = (d for d in bad.diagnostics if d.code == "PC320")
    assert pc320.message == "原文中没有“附件第1段第3句”（附件第1段有 2 句）"
    assert (pc320.span.line, pc320.span.column, pc320.article) == (104, 6, "附件第1段第3句")
    wrong = variant(tmp_path, ("  条款 附件第1段第2句\n", "  条款 附件第2段\n"))
    pc321, = (d for d in wrong.diagnostics if d.code == "PC321")
    assert pc321.message == "引文不在附件第2段中，而出自附件第1段第2句"
    missing = variant(tmp_path, ("  条款 附件第1段第2句\n", "  条款 附件第3段\n"))
    assert [d.message for d in missing.diagnostics if d.code == "PC320"] == [
        "原文中没有“附件第3段”（原文中读出的段：附件第1段 至 附件第2段）"]


# ---------------------------------------------------------------------------- item 11


def test_the_gap_between_two_items_of_one_category_is_found_with_a_witness(tmp_path: Path) -> None:
    # 附件第2段: 20家以上 and 10家以上不足15家: 15..19 are in neither (suppressed in the example)
    linchuan = load(EXAMPLES / "linchuan.policy", CHECKED_ON)
    (gap, _), = ((d, s) for d, s in linchuan.suppressed if d.code == "PC407")
    assert gap.article == "附件第2段" and gap.span.line == 129
    w = gap.extra["witness"]
    assert isinstance(w, dict)
    assert w["profile"] == {**PROVIDER, "accepted_enterprises_served": 15}
    assert w["gap"] == {"fact": "accepted_enterprises_served", "value": 15, "below": 14, "above": 20,
                        "below_items": ["provider_award_mid"], "above_items": ["provider_award_top"]}
    ev = Evaluator(policy("linchuan"))
    for served, item in ((14, "provider_award_mid"), (15, None), (19, None), (20, "provider_award_top")):
        got = [i.id for i in ev.calculate({**PROVIDER, "accepted_enterprises_served": served}, ON).items]
        assert got == ([item] if item else [])


def test_items_that_cover_each_other_give_no_finding(tmp_path: Path) -> None:
    # read as 「不足20家」: complementary (>= 20 / >= 10 且 < 20), nothing between them
    covered = variant(tmp_path, ("accepted_enterprises_served < 15", "accepted_enterprises_served < 20"))
    assert "PC407" not in {d.code for d, _ in covered.suppressed} | {d.code for d in covered.diagnostics}


def test_a_boundary_written_exclusive_on_both_sides_is_a_gap(tmp_path: Path) -> None:
    # 「20家以上」 includes 20 (以上 含本数); written > 20 beside < 20, exactly 20 falls between
    bad = variant(tmp_path, ("accepted_enterprises_served >= 20", "accepted_enterprises_served > 20"),
                  ("accepted_enterprises_served < 15", "accepted_enterprises_served < 20"))
    found = [d for d, _ in bad.suppressed if d.code == "PC407"] + [d for d in bad.diagnostics if d.code == "PC407"]
    assert len(found) == 1
    w = found[0].extra["witness"]
    assert isinstance(w, dict) and (w["gap"]["value"], w["gap"]["below"], w["gap"]["above"]) == (20, 19, 21)


def test_a_schedule_whose_stated_shares_exceed_the_whole_is_pc210(tmp_path: Path) -> None:
    bad = variant(tmp_path, ('阶段 "验收合格后" 至多 未定', '阶段 "验收合格后" 至多 70%'))
    assert "PC210" not in {d.code for d in bad.diagnostics}  # 70% and the 余额: adds up to the whole
    loaded = variant(tmp_path, ('阶段 "预拨" 至多 (30% × contract_down_payment) 封顶 10万元', '阶段 "预拨" 至多 30%'),
                     ('阶段 "验收合格后拨付余额" 余额', '阶段 "验收合格后拨付余额" 至多 100%'))
    pc210, = (d for d in loaded.diagnostics if d.code == "PC210")
    assert pc210.message == "拨付各阶段写明的比例合计 130%，超过 100%（预拨 30%、验收合格后拨付余额 100%）"
    assert pc210.article == "附件第1段第2句"


# a reprint of part of a notice, without numbering: cited by passage and sentence
REPRINT = """临川区发布数字化转型奖励措施

近日，临川区出台推进中小企业数字化转型若干措施。
措施明确，对认定为国家级示范企业的，给予100万元人民币一次性奖励。同一企业按最高级别奖励，不重复享受。

奖励资金分两批拨付。
"""
REPRINT_POLICY = """政策 reprint {
  标题 "临川区发布数字化转型奖励措施"
  来源 "reprint.txt" 转载
}

事实 {
  applicant_type 必填
  national_demo: 布尔 "认定为国家级示范企业"
}

补助 demo_award {
  条款 第2段第1句
  标题 "国家级示范企业奖励"
  对象 enterprise
  原文 「对认定为国家级示范企业的，给予100万元人民币一次性奖励。」
  条件 national_demo
  金额 100万元
  资金 未规定
}
"""


@pytest.mark.parametrize(("label", "codes"), [
    ("第2段第1句", set()), ("第2段", set()), ("导语第2段", set()), ("第二段第一句", set()),
    ("第2段第2句", {"PC321"}),  # the quote is the first sentence
    ("第4段", {"PC320"}), ("一、", {"PC320"}),  # an invented label for an unnumbered text
])
def test_a_reprint_without_numbering_is_cited_by_passage(tmp_path: Path, label: str, codes: set[str]) -> None:
    (tmp_path / "reprint.txt").write_text(REPRINT, encoding="utf-8")
    path = tmp_path / "reprint.policy"
    path.write_text(REPRINT_POLICY.replace("条款 第2段第1句", f"条款 {label}"), encoding="utf-8")
    loaded = load(path, CHECKED_ON)
    found = {d.code for d in loaded.diagnostics} & {"PC320", "PC321", "PC010", "PC001", "PC000"}
    assert found == codes, [(d.code, d.message) for d in loaded.diagnostics]
    # 转载: the checker says what it cannot know (PC380)
    pc380, = (d for d in loaded.diagnostics if d.code == "PC380")
    assert pc380.message.startswith("原文是转载的文本，不是全文") or "转载" in pc380.message
    if codes == {"PC320"}:
        d, = (d for d in loaded.diagnostics if d.code == "PC320")
        assert (d.span.line, d.span.column) == (12, 6)


@pytest.mark.parametrize("kind", ["摘要", "节选", "转载"])
def test_partial_sources_are_said_in_the_check_and_the_guide(tmp_path: Path, kind: str) -> None:
    from plugins.markdown import PARTIAL, backend

    (tmp_path / "reprint.txt").write_text(REPRINT, encoding="utf-8")
    path = tmp_path / "reprint.policy"
    path.write_text(REPRINT_POLICY.replace(" 转载\n", f" {kind}\n"), encoding="utf-8")
    loaded = load(path, CHECKED_ON)
    assert loaded.policy is not None and loaded.policy.header.source_kind == kind
    pc380, = (d for d in loaded.diagnostics if d.code == "PC380")
    assert "未发布的部分中可能还有资格条件、排除情形" in pc380.message
    guide = backend.render(CheckedModel((CheckedPolicy(loaded.policy, "reprint.policy",
                                                       tuple(loaded.diagnostics), ()),)))["reprint.md"]
    assert PARTIAL[kind] in guide


@pytest.mark.parametrize(("text", "yuan"), [
    ("给予5000元人民币补助", 5000), ("最高奖励3万元RMB", 30000), ("给予1.5亿元人民币奖励", 150000000),
])
def test_more_renminbi_spellings_after_an_amount(text: str, yuan: int) -> None:
    from compiler.check.numbers import scan

    assert [(x.kind, x.value) for x in scan(text)] == [("money", Decimal(yuan))]

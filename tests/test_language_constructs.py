"""Constructs for notices the seed policies do not need (issue 15, the front-end subset):

资金 未规定, citations of unnumbered parts (导语, 落款, 附件), validity with one end or none,
negative formulas (PC520), 文号 in any bracket and several of them, 说明 in every block,
「分别」 pairings (PC360, PC361), partial sources (PC380), several quotes per 原文, 人民币 amounts.

The two example policies in tests/examples/ (临川 and 云溪, with their source texts) use them;
their 测试 blocks carry the hand-worked values, and this file runs them and checks what the
check report, the calculator and the guide say.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from compiler.backends import CheckedModel, CheckedPolicy
from compiler.check.numbers import scan
from compiler.check.paired import pairings
from compiler.evaluate.evaluator import Evaluator
from compiler.pipeline import Loaded, load, parse_source
from compiler.testing import run_tests
from conftest import ROOT, load_once
from test_python_backend import import_path

EXAMPLES = ROOT / "tests" / "examples"
ON = dt.date(2025, 8, 1)
ENTERPRISE = {"applicant_type": "enterprise", "registered_in_city": True,
              "independent_legal_person": True, "is_sme": True}


@pytest.fixture(scope="module")
def linchuan() -> Loaded:
    return load(EXAMPLES / "linchuan.policy", ON)


@pytest.fixture(scope="module")
def yunxi() -> Loaded:
    return load(EXAMPLES / "yunxi.policy", ON)


def codes(loaded: Loaded) -> list[str]:
    return sorted(d.code for d in loaded.diagnostics)


def variant(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Loaded:
    """The example ``name`` with text replacements, checked next to a copy of its source."""
    text = (EXAMPLES / f"{name}.policy").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    source = name.split("_")[0]  # linchuan_readings quotes linchuan.txt
    (tmp_path / f"{source}.txt").write_bytes((EXAMPLES / f"{source}.txt").read_bytes())
    path = tmp_path / f"{name}.policy"
    path.write_text(text, encoding="utf-8")
    return load(path, ON)


# ---------------------------------------------------------------------------- the examples


def test_the_examples_check_clean_and_their_hand_worked_tests_pass(linchuan: Loaded,
                                                                   yunxi: Loaded) -> None:
    # 临川: no end date (PC605), five items whose payer the text never names (PC505);
    # the negative 贴息 (PC520) and the gap the 附件 leaves between its two 服务商 items (PC407)
    # are reviewed and suppressed with their reasons
    assert codes(linchuan) == ["PC505"] * 5 + ["PC605"]
    assert sorted((d.code, s.reason[:9]) for d, s in linchuan.suppressed) == [
        ("PC407", "原文只对20家以上"), ("PC520", "其他贴息超过实际利")]
    # 云溪: only a summary is published (PC380), no start date (PC605), five unnamed payers;
    # its dates (2025年6月30日, 2026年3月31日) and years (2024年, 2025年) are in the quotes: no PC311
    assert codes(yunxi) == ["PC380", "PC505", "PC505", "PC505", "PC505", "PC505", "PC605"]
    for loaded in (linchuan, yunxi):
        assert loaded.policy is not None
        outcomes = run_tests(loaded.policy)
        assert outcomes and all(o.passed for o in outcomes), [o for o in outcomes if not o.passed]


def test_no_payer_named_goes_to_unspecified_with_no_candidate(linchuan: Loaded) -> None:
    assert linchuan.policy is not None
    r = Evaluator(linchuan.policy).calculate({**ENTERPRISE, "demo_level": "provincial"}, ON)
    # 第三条: 省级 50万元人民币 (the second amount of the 「分别」 list)
    assert r.to_dict()["funding"] == {"unspecified": "500000.00"}
    item = r.item("demo_award")
    assert item is not None
    assert item.plan.kind == "unnamed" and item.plan.payers == ()
    assert "出资（第三条）：原文未规定由谁出资" in item.trace
    # the check report never says the text named payers (the old workaround's PC502)
    assert "PC502" not in codes(linchuan)
    pc505 = [d for d in linchuan.diagnostics if d.code == "PC505"]
    assert all(d.message.startswith("原文未规定由谁出资") for d in pc505)
    assert not any("点名" in d.message for d in linchuan.diagnostics)


def test_guides_say_who_pays_notes_validity_and_stage_shares(linchuan: Loaded,
                                                             yunxi: Loaded) -> None:
    from plugins.markdown import backend

    assert linchuan.policy is not None and yunxi.policy is not None
    model = CheckedModel((
        CheckedPolicy(linchuan.policy, "tests/examples/linchuan.policy",
                      tuple(linchuan.diagnostics), tuple(linchuan.suppressed)),
        CheckedPolicy(yunxi.policy, "tests/examples/yunxi.policy",
                      tuple(yunxi.diagnostics), tuple(yunxi.suppressed)),
    ))
    guides = backend.render(model)
    text = guides["linchuan.md"]
    assert text.count("**出资**：原文未规定由谁出资") == 5
    assert "自 2025-03-01 起，原文未规定截止日期" in text
    assert "| 验收合格后 | 原文未规定这一期拨付多少（可能是 0 至全部） |" in text
    # 附件第1段第2句: an advance from another base with its own cap, then the balance
    assert "| 预拨 | 至多 按改造合同已支付的首付款的 30% 计算，最高 10 万元，且不超过应拨付的总额 |" in text
    assert "| 验收合格后拨付余额 | 余额（前面各期拨付后剩下的部分） |" in text
    # 说明 in a 资格 block is shown beside it
    assert "导语写明本措施推进的是中小企业数字化转型" in text
    # two quoted passages of 第三条, joined
    assert "一次性奖励。……同一企业按最高级别奖励" in text
    summary = guides["yunxi.md"]
    assert "本指南依据的原文是政策的摘要，不是全文" in summary
    assert "至 2026-12-31 止，原文未规定起始日期" in summary
    assert "本政策只发布了摘要" in summary  # the header's 说明
    assert "| 文号 | 云工信发〔2024〕21号、云财企〔2024〕9号 |" in summary


def test_calc_text_says_no_payer_is_named(linchuan: Loaded) -> None:
    from compiler.cli import format_text

    assert linchuan.policy is not None
    r = Evaluator(linchuan.policy).calculate({**ENTERPRISE, "demo_level": "national"}, ON)
    text = format_text(linchuan, r)
    assert "原文未规定由谁出资（unspecified）：1000000.00 元" in text
    assert "说明：原文未规定有效期的截止日期" in text


def test_generated_python_calculator_agrees_on_the_new_constructs(linchuan: Loaded,
                                                                   tmp_path: Path) -> None:
    from plugins.python import backend

    assert linchuan.policy is not None
    src = backend.render(CheckedModel((CheckedPolicy(linchuan.policy,
                                                     "tests/examples/linchuan.policy", (), ()),)))
    path = tmp_path / "linchuan.py"
    path.write_text(src["linchuan.py"], encoding="utf-8")
    mod = import_path(path, "policyc_gen_linchuan")
    ev = Evaluator(linchuan.policy)
    for t in linchuan.policy.tests:
        profile = {i.name: i.value for i in t.inputs}
        assert mod.calculate(profile, t.date).to_dict() == ev.calculate(profile, t.date).to_dict()
    # 国家级 100万元 paid in two batches whose first share the text does not state
    r = mod.calculate({**ENTERPRISE, "demo_level": "national"}, ON).to_dict()
    assert r["funding"] == {"unspecified": "1000000.00"}
    assert r["payments"] == [
        {"article": "第五条", "stage": "验收合格后", "min": "0.00", "max": "1000000.00"},
        {"article": "第五条", "stage": "次年绩效评价后", "min": "0.00", "max": "1000000.00"},
    ]


# ---------------------------------------------------------------------------- validity


HEADER = '政策 v {{ 标题 "有效期" {valid} }}\n事实 {{ applicant_type }}\n'


@pytest.mark.parametrize(("valid", "before", "after", "note"), [
    ("有效期 自 2025-03-01", False, True, "原文未规定有效期的截止日期"),
    ("有效期 至 2026-12-31", True, False, "原文未规定有效期的起始日期"),
    ("有效期 未规定", True, True, "原文未规定有效期，计算时视为有效"),
])
def test_validity_with_one_end_or_none(valid: str, before: bool, after: bool, note: str) -> None:
    policy, diags = parse_source(HEADER.format(valid=valid), "v.policy")
    assert policy is not None and not diags
    ev = Evaluator(policy)
    early = ev.calculate({"applicant_type": "enterprise"}, "2020-01-01")
    late = ev.calculate({"applicant_type": "enterprise"}, "2030-01-01")
    assert (early.in_force, late.in_force) == (before, after)
    assert note in (late if after else early).notes


def test_unnumbered_parts_are_checked_against_the_source(tmp_path: Path) -> None:
    # the source has a 落款 (issuer and date); 云溪's summary has no 附件
    ok = variant(tmp_path, "linchuan", ("依据 第六条 「本措施自2025年3月1日起施行。」",
                                        "依据 落款 「2025年2月10日」"))
    assert "PC320" not in codes(ok) and "PC301" not in codes(ok)
    bad = variant(tmp_path, "yunxi", ("  条款 一、\n", "  条款 附件\n"))
    pc320, = (d for d in bad.diagnostics if d.code == "PC320")
    assert pc320.message == "原文中没有“附件”（原文中读出的不编号部分：标题、文号）"
    # the title of a notice ending in 措施 is read too
    title = variant(tmp_path, "linchuan", ("  条款 导语\n  原文 「加快推进我区中小企业数字化转型」",
                                           "  条款 标题\n  原文 「临川区推进中小企业数字化转型若干措施」"))
    assert "PC320" not in codes(title) and "PC321" not in codes(title)


# ---------------------------------------------------------------------------- paired lists


def test_pairings_are_read_from_the_quote() -> None:
    levels, = pairings("数字化水平达到二级、三级、四级的，分别给予最高20、40、50万元奖励")
    assert levels.kind == "level"
    assert levels.keys == (2, 3, 4)
    assert levels.values == (("money", 200000), ("money", 400000), ("money", 500000))
    cats, = pairings("对认定为国家级、省级示范企业的，分别给予100万元、50万元人民币一次性奖励。")
    assert cats.kind == "category" and cats.left == ("国家级", "省级示范企业的")
    assert [v for _, v in cats.values] == [1000000, 500000]
    assert pairings("分别不少于500家、400家和300家") == []  # counts are not amounts


def test_swapped_caps_are_found(tmp_path: Path) -> None:
    # 第二条 pairs 三级 with 40万元 and 四级 with 50万元; swapping them is PC360 twice, and the
    # higher level now pays less (PC361)
    bad = variant(tmp_path, "linchuan",
                  ("digital_level == 3 则 不超过 (30% × reform_spend) 封顶 40万元",
                   "digital_level == 3 则 不超过 (30% × reform_spend) 封顶 50万元"),
                  ("digital_level >= 4 则 不超过 (30% × reform_spend) 封顶 50万元",
                   "digital_level >= 4 则 不超过 (30% × reform_spend) 封顶 40万元"))
    found = [d for d in bad.diagnostics if d.code in ("PC360", "PC361")]
    assert sorted(d.code for d in found) == ["PC360", "PC360", "PC361"]
    assert any("三级对应400000 元" in d.message for d in found)


def test_swapped_category_amounts_and_tier_order_are_found(tmp_path: Path) -> None:
    swapped = variant(tmp_path, "linchuan", ('"national" 则 100万元', '"national" 则 50万元'),
                      ('"provincial" 则 50万元', '"provincial" 则 100万元'))
    assert codes(swapped).count("PC360") == 2
    reordered = variant(tmp_path, "linchuan", (
        '    当 demo_level == "national" 则 100万元\n    当 demo_level == "provincial" 则 50万元\n',
        '    当 demo_level == "provincial" 则 50万元\n    当 demo_level == "national" 则 100万元\n'))
    order, = (d for d in reordered.diagnostics if d.code == "PC360")
    assert order.message.startswith("分档的顺序与原文「分别」列举的顺序不同")


# ---------------------------------------------------------------------------- negative formulas


def test_negative_formula_warning_has_a_witness_that_pays_zero(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "linchuan", (
        '  忽略 PC520 "其他贴息超过实际利息时没有“余额”，按 0 计、不予贴息，与原文一致。"\n', ""))
    d, = (d for d in loaded.diagnostics if d.code == "PC520")
    wit = d.extra["witness"]
    assert isinstance(wit, dict)
    profile = wit["profile"]
    assert profile["other_interest_subsidy"] > profile["loan_interest_paid"] > 0
    assert wit["amounts"]["interest_subsidy"] == "0.00"
    # a formula that cannot go negative is not reported
    fixed = variant(tmp_path, "linchuan", ("  条件 loan_interest_paid > 0元\n",
                                           "  条件 loan_interest_paid > other_interest_subsidy\n"),
                    ('  忽略 PC520 "其他贴息超过实际利息时没有“余额”，按 0 计、不予贴息，与原文一致。"\n', ""))
    assert "PC520" not in codes(fixed)


# ---------------------------------------------------------------------------- amounts and 文号


@pytest.mark.parametrize(("text", "yuan"), [
    ("给予一次性奖励30万元人民币", 300000),
    ("奖励30万人民币", 300000),  # not 30万人 (a count of people)
    ("奖励30万RMB", 300000),
    ("奖励10萬元人民幣", 100000),
])
def test_renminbi_after_an_amount_is_money(text: str, yuan: int) -> None:
    assert [(x.kind, x.value) for x in scan(text)] == [("money", Decimal(yuan))]


def test_thirty_wan_people_is_still_a_count() -> None:
    assert [(x.kind, x.value) for x in scan("培训30万人次")] == [("count", Decimal(300000))]


@pytest.mark.parametrize("docno", ["〔2024〕12号", "【2024】12号", "[2024]12号", "（2024）12号",
                                   "(2024)12号", "〖2024〗12号"])
def test_document_numbers_in_any_bracket_are_not_rule_numbers(docno: str) -> None:
    found = scan(f"根据某工信{docno}文件，给予20万元奖励")
    assert [(x.kind, x.value) for x in found] == [("money", 200000)]


def test_several_document_numbers_and_quotes(yunxi: Loaded, linchuan: Loaded) -> None:
    assert yunxi.policy is not None and linchuan.policy is not None
    assert yunxi.policy.header.docnos == ("云工信发〔2024〕21号", "云财企〔2024〕9号")
    assert yunxi.policy.header.docno == "云工信发〔2024〕21号"
    assert yunxi.policy.header.source_kind == "摘要"
    demo = linchuan.policy.item("demo_award")
    assert demo is not None and len(demo.citation.parts()) == 2


def test_a_misquoted_second_passage_is_found(tmp_path: Path) -> None:
    bad = variant(tmp_path, "linchuan", ("「同一企业按最高级别奖励，不重复享受。」",
                                         "「同一企业按最高级别奖励，可以重复享受。」"))
    pc301 = [d for d in bad.diagnostics if d.code == "PC301"]
    assert len(pc301) == 1 and pc301[0].span.line == 71  # the second passage's own line


# ---------------------------------------------------------------------------- readings (解读)


@pytest.fixture(scope="module")
def readings() -> Loaded:
    return load(EXAMPLES / "linchuan_readings.policy", ON)


LEVEL_2 = {"applicant_type": "enterprise", "acceptance_passed": True, "digital_level": 2,
           "spend_software_cloud": 500000}


def test_readings_are_compared_with_a_witness(readings: Loaded) -> None:
    assert codes(readings) == ["PC505", "PC530", "PC605"]
    assert readings.policy is not None
    assert all(o.passed for o in run_tests(readings.policy))
    d, = (d for d in readings.diagnostics if d.code == "PC530")
    wit = d.extra["witness"]
    assert isinstance(wit, dict)
    totals = wit["readings"]
    assert isinstance(totals, dict) and set(totals) == {"ceiling", "rate"}
    # the witness really is paid differently: 30% of its spend is a ceiling under one reading
    # and the amount under the other
    assert totals["ceiling"]["total"] != totals["rate"]["total"]
    assert totals["ceiling"]["total"].startswith("0.00..")


def test_every_reading_and_the_range_for_one_applicant(readings: Loaded) -> None:
    assert readings.policy is not None
    ev = Evaluator(readings.policy)
    # 第二条, 二级: 500000 × 30% = 150000 < 200000; adopted reading (ceiling): 0 .. 150000
    assert Evaluator(readings.policy, {}).calculate(LEVEL_2, ON).to_dict()["total"] == {
        "min": "0.00", "max": "150000.00"}
    # reading rate: 150000 exactly; the result spans both readings (and says so in readings)
    rd = ev.readings(LEVEL_2, ON)
    award = ev.calculate(LEVEL_2, ON).item("reform_award")
    assert award is not None and (award.min, award.max) == (Decimal("0.00"), Decimal("150000.00"))
    r, = rd["readings"]
    assert (r["id"], r["adopted"], r["affects"]) == ("upto_30", "ceiling", ["reform_award"])
    assert r["results"]["ceiling"]["total"] == {"min": "0.00", "max": "150000.00"}
    assert r["results"]["rate"]["total"] == {"min": "150000.00", "max": "150000.00"}
    assert rd["range"] == {"min": "0.00", "max": "150000.00"}
    # 三级 with 1500000: 450000 is over the 40万 cap either way: 0..400000 and 400000
    level_3 = {**LEVEL_2, "digital_level": 3, "spend_software_cloud": 1500000}
    rd3 = ev.readings(level_3, ON)
    assert rd3["readings"][0]["results"]["rate"]["total"]["min"] == "400000.00"
    assert rd3["range"] == {"min": "0.00", "max": "400000.00"}


def test_calc_reports_each_reading(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from compiler.cli import main

    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(LEVEL_2), encoding="utf-8")
    args = ["calc", str(EXAMPLES / "linchuan_readings.policy"), "--input", str(profile),
            "--on", "2025-06-01"]
    out = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).output)
    # the total spans both readings: ceiling (adopted) 0 to 150,000, rate 150,000 exactly
    assert out["total"] == {"min": "0.00", "max": "150000.00"}
    assert "range" not in out
    upto_30, = out["readings"]
    assert upto_30["quote"] == "且不超过改造投入的30%"
    assert upto_30["results"]["ceiling"]["total"] == {"min": "0.00", "max": "150000.00"}
    assert upto_30["results"]["rate"]["total"] == {"min": "150000.00", "max": "150000.00"}
    text = CliRunner().invoke(main, args).output
    assert "读法 rate（奖励按改造投入的 30% 计算，以各级最高额封顶）：应付总额 150000.00 元" in text
    assert "上面的金额覆盖每一种理解" in text


def test_readings_that_never_differ_are_said_to(tmp_path: Path) -> None:
    same = variant(tmp_path, "linchuan_readings",
                   ("读法 rate 则 30% × reform_spend", "读法 rate 则 不超过 (reform_spend × 30%)"))
    assert "PC530" not in codes(same) and "PC531" in codes(same)


@pytest.mark.parametrize(("name", "reading", "readings"), [
    # 长春 第七条第（三）项: the reading is in a cross-item cap's limit (items are the same)
    ("changchun", "provider_cap_scope", ("item_only", "combined")),
    # 南昌 第七条第（五）项: the reading is in a requirement (资格), not in any item
    ("nanchang", "double_funding", ("choose_one", "excluded")),
])
def test_readings_in_a_cap_or_a_requirement_are_compared(name: str, reading: str,
                                                         readings: tuple[str, str]) -> None:
    loaded = load_once(ROOT / "policies" / f"{name}.policy")
    d, = (d for d in loaded.diagnostics if d.code in ("PC530", "PC531") and reading in d.message)
    assert d.code == "PC530"
    wit = d.extra["witness"]
    assert isinstance(wit, dict)
    totals = wit["readings"]
    assert isinstance(totals, dict) and set(totals) == set(readings)
    assert totals[readings[0]]["total"] != totals[readings[1]]["total"]


@pytest.mark.parametrize(("name", "reading", "want"), [
    # 昆明 第七条第（四）项 under any_industry: 0 to 1,000,000 for a 链式 award outside the pilot
    # industries, cut by 第十条 to 50% × 10,000 of software spend = 5,000; under limited it does not
    # apply. (The witness was an applicant with no spend: 0.00 beside 0.00.)
    ("kunming", "encouraged_industry", {"limited": "0.00", "any_industry": "0.00..5000.00"}),
    # 咸宁 第六条第（一）项 for a level-2 enterprise that is not an SME, 10,000 of software spend:
    # 60% × 10,000 = 6,000 under any_enterprise, nothing under sme_only (the witness had no spend).
    ("xianning", "sme_scope", {"any_enterprise": "6000.00", "sme_only": "0.00"}),
])
def test_a_reading_witness_shows_totals_that_differ(name: str, reading: str, want: dict[str, str]) -> None:
    loaded = load_once(ROOT / "policies" / f"{name}.policy")
    d, = (d for d in loaded.diagnostics if d.code == "PC530" and reading in d.message)
    wit = d.extra["witness"]
    assert isinstance(wit, dict)
    assert {k: v["total"] for k, v in wit["readings"].items()} == want
    assert "金额不同" in d.message


def test_a_reading_that_changes_which_items_apply_but_no_total_says_so(tmp_path: Path) -> None:
    """Readings that differ only in whether an item applies to an applicant with no spend (under one
    it does not apply, under the other it applies with 0.00): no applicant's total differs, and
    PC530 says that rather than 「金额不同」 beside two equal totals."""
    import shutil

    text = (EXAMPLES / "linchuan_readings.policy").read_text(encoding="utf-8").split("\n测试 ")[0]
    old_def = text[text.index("定义 base_award"):text.index("补助 reform_award")]
    text = text.replace(old_def, (
        '定义 base_award "按改造投入计的奖励" = 不超过 (30% × reform_spend)\n\n'
        '定义 has_spend "有改造投入" = 解读 upto_30 {\n'
        "  读法 ceiling 则 reform_spend > 0元\n"
        "  读法 rate 则 真\n"
        "}\n\n"))
    text = text.replace("条件 acceptance_passed 且 digital_level >= 2",
                        "条件 acceptance_passed 且 digital_level >= 2 且 has_spend")
    (tmp_path / "r.policy").write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLES / "linchuan.txt", tmp_path / "linchuan.txt")
    loaded = load(tmp_path / "r.policy", ON)
    d, = (d for d in loaded.diagnostics if d.code in ("PC530", "PC531"))
    assert d.code == "PC530"
    assert "没有申请人的应付总额因此不同" in d.message and "金额不同——" not in d.message
    wit = d.extra["witness"]
    assert isinstance(wit, dict)
    assert {k: v["total"] for k, v in wit["readings"].items()} == {"ceiling": "0.00", "rate": "0.00"}


@pytest.mark.parametrize(("edit", "message"), [
    (("读法 rate 则 30% × reform_spend", "读法 rat 则 30% × reform_spend"), "没有读法“rat”"),
    (("  采用 ceiling\n", "  采用 exact\n"), "采用的读法“exact”"),
    (("定义 base_award \"按改造投入计的奖励\" = 解读 upto_30 {",
      "定义 base_award \"按改造投入计的奖励\" = 解读 upto_3 {"), "未知的解读“upto_3”"),
    (('  读法 rate "奖励按改造投入的 30% 计算，以各级最高额封顶"\n', ""), "只有一种读法"),
])
def test_readings_that_do_not_match_are_errors(tmp_path: Path, edit: tuple[str, str],
                                               message: str) -> None:
    text = (EXAMPLES / "linchuan_readings.policy").read_text(encoding="utf-8")
    assert text.count(edit[0]) == 1
    _, diags = parse_source(text.replace(*edit), "r.policy")
    assert any(d.code == "PC113" and message in d.message for d in diags), [d.message for d in diags]


def test_guides_say_where_the_text_is_ambiguous(readings: Loaded) -> None:
    from plugins.markdown import backend

    assert readings.policy is not None
    text = backend.render(CheckedModel((CheckedPolicy(
        readings.policy, "tests/examples/linchuan_readings.policy",
        tuple(readings.diagnostics), tuple(readings.suppressed)),)))["linchuan_readings.md"]
    assert "## 原文有不同理解之处" in text
    assert "奖励为 0 至改造投入的 30%**（本页采用）" in text
    # each reading is its own list item (they used to run together on one line: the template's
    # line ended in a block tag, which ate the line break)
    ceiling = "- **“不超过改造投入的30%”是上限：奖励为 0 至改造投入的 30%**（本页采用）："
    rate = "- **奖励按改造投入的 30% 计算，以各级最高额封顶**："
    lines = text.splitlines()
    assert any(line.startswith(ceiling) and rate not in line for line in lines)
    assert any(line.startswith(rate) for line in lines)
    assert "- 奖励按改造投入的 30% 计算，以各级最高额封顶：全部补助合计 150,000.00 元" in text
    assert '!!! warning "原文有不同理解"' in text


def test_the_sql_backend_spans_the_readings_and_says_so(readings: Loaded) -> None:
    # a query's rows span every reading, as the reference result (values compared with the
    # reference evaluator in tests/test_language_backends.py)
    from plugins.sql import backend

    assert readings.policy is not None
    model = CheckedModel((CheckedPolicy(readings.policy, "tests/examples/linchuan_readings.policy",
                                        (), ()),))
    files = backend.render(model)
    for suffix in ("duckdb", "spark"):
        text = files[f"linchuan_readings.{suffix}.sql"]
        assert "-- 解读 upto_30（第二条）：本查询覆盖各种读法（ceiling、rate），各列取最低额至最高额\n" in text


def test_a_citation_may_quote_several_passages_too(tmp_path: Path) -> None:
    ok = variant(tmp_path, "linchuan", ("依据 第六条 「本措施自2025年3月1日起施行。」",
                                        "依据 第六条 「本措施」 「起施行。」"))
    assert "PC301" not in codes(ok) and "PC321" not in codes(ok)
    bad = variant(tmp_path, "linchuan", ("依据 第六条 「本措施自2025年3月1日起施行。」",
                                         "依据 第六条 「本措施」 「起施行啦。」"))
    assert "PC301" in codes(bad)


def test_a_test_can_be_worked_out_under_another_reading(tmp_path: Path) -> None:
    # 第二条 read as a rate: 500000 × 30% = 150000 exactly; the ceiling's range would be wrong
    wrong = variant(tmp_path, "linchuan_readings",
                    ("  期望 项目 reform_award 150000元\n", "  期望 项目 reform_award 0元 至 150000元\n"))
    assert wrong.policy is not None
    failed = [o for o in run_tests(wrong.policy) if not o.passed]
    assert [o.test.name for o in failed] == ["二级企业：按比例理解"]
    _, diags = parse_source((EXAMPLES / "linchuan_readings.policy").read_text(encoding="utf-8")
                            .replace("采用 upto_30 rate\n  输入 { applicant_type: \"enterprise\", "
                                     "acceptance_passed: 真, digital_level: 2",
                                     "采用 upto_30 ratio\n  输入 { applicant_type: \"enterprise\", "
                                     "acceptance_passed: 真, digital_level: 2"), "r.policy")
    assert [d.message for d in diags if d.code == "PC113"] == ["解读“upto_30”没有读法“ratio”"]



def test_pairing_and_tier_order_look_through_definitions(tmp_path: Path) -> None:
    # 第二条 pairs 三级 with 40万元 and 四级 with 50万元 (「分别」). The same swap as above, with
    # the capped amounts written as 定义s and the levels read through a 定义: the checker must
    # still see 三级 paying 50万元 (PC360 twice) and 四级 paying less than 三级 (PC361).
    defs = ('定义 reform_spend "改造投入" = spend_software_cloud + spend_data_equipment\n'
            '定义 award_level3 "三级企业奖励" = 不超过 (30% × reform_spend) 封顶 50万元\n'
            '定义 award_level4 "四级企业奖励" = 不超过 (30% × reform_spend) 封顶 40万元\n'
            '定义 level_four "达到四级及以上" = digital_level >= 4\n')
    bad = variant(tmp_path, "linchuan",
                  ('定义 reform_spend "改造投入" = spend_software_cloud + spend_data_equipment\n', defs),
                  ("digital_level == 3 则 不超过 (30% × reform_spend) 封顶 40万元",
                   "digital_level == 3 则 award_level3"),
                  ("digital_level >= 4 则 不超过 (30% × reform_spend) 封顶 50万元",
                   "level_four 则 award_level4"))
    found = sorted((d.code, d.span.line) for d in bad.diagnostics if d.code in ("PC360", "PC361"))
    # 三级's 50万元 is written in the 定义 on line 36, 四级's 40万元 on line 37; PC361 points at
    # the higher tier's amount, line 37
    assert found == [("PC360", 36), ("PC360", 37), ("PC361", 37)]
    assert any("三级对应400000 元" in d.message for d in bad.diagnostics if d.code == "PC360")

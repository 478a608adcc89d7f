"""The checks against the source text (PC320–PC351) on the unfixed seed encodings kept in
tests/fixtures/unfixed/ (issue 9), and on small edits of them: each edit either repairs the
finding (the check falls silent) or introduces a new one (the check speaks).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from compiler.diagnostics import Diagnostic
from compiler.evaluate import evaluator
from compiler.evaluate.evaluator import calculate
from compiler.pipeline import load
from conftest import ROOT

UNFIXED = ROOT / "tests" / "fixtures" / "unfixed"
ON = dt.date(2025, 8, 1)
CODES = ("PC320", "PC321", "PC330", "PC331", "PC340", "PC350", "PC351")


def _check(tmp: Path, name: str, *edits: tuple[str, str]) -> list[Diagnostic]:
    """The new checks' findings on a copy of the unfixed ``name`` with ``edits`` applied."""
    for f in UNFIXED.iterdir():
        shutil.copy(f, tmp / f.name)
    path = tmp / f"{name}.policy"
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    loaded = load(path, ON)
    errors = [d for d in loaded.diagnostics if d.severity.value == "error" and d.code not in CODES]
    assert not errors, [d.message for d in errors]
    return [d for d in loaded.diagnostics if d.code in CODES]


def _where(diags: list[Diagnostic], code: str) -> list[tuple[int, int, str]]:
    return [(d.span.line, d.span.column, d.article) for d in diags if d.code == code]


def test_changchun_sme_is_found_with_a_witness(tmp_path: Path) -> None:
    diags = _check(tmp_path, "changchun")
    # 第七条's lead-in: 「支持企业范围为…等四个细分行业中小企业」 governs every enterprise item of 第七条;
    # the two service-provider items (（三） products, （四） providers) are not about SMEs.
    sme = [d for d in diags if d.code == "PC340" and "is_sme" in d.message]
    assert [(d.span.line, d.article) for d in sme] == [
        (111, "第七条第（一）项"), (125, "第七条第（一）项"), (137, "第七条第（二）项"),
        (149, "第七条第（二）项"), (183, "第七条第（五）项")]
    assert "第七条的总述提到“中小企业”" in sme[0].message
    # the witness is the policy's own test 「改造补助：50%超过50万，封顶生效」, which never states
    # is_sme: 50% × (800000 + 300000 + 100000) = 600000, capped at 50万元 -> 500000.00
    w = sme[0].extra["witness"]
    assert isinstance(w, dict)
    assert w["amounts"] == {"reform_subsidy": "500000.00", "total": "500000.00"}
    assert "is_sme" not in w["profile"]  # type: ignore[operator]


def test_changchun_and_kunming_ceilings_paid_exactly(tmp_path: Path) -> None:
    # 长春 第七条第（一）项 「支持额度最高不超过按核定改造投入比例的 50%」, 金额 50% × reform_spend …
    assert _where(_check(tmp_path, "changchun"), "PC330") == [(112, 6, "第七条第（一）项")]
    # 昆明 第七条第（一）项 「补助标准不超过改造投入的 50%」: reported once, at the first tier's 50%
    diags = _check(tmp_path, "kunming")
    assert _where(diags, "PC330") == [(89, 28, "第七条第（一）项")]
    pc330 = next(d for d in diags if d.code == "PC330")
    # witness: the test 「二级企业：50%未达20万上限」 is shown an exact amount
    w = pc330.extra["witness"]
    assert isinstance(w, dict)
    amounts = w["amounts"]
    assert isinstance(amounts, dict)
    lo_hi = amounts["reform_subsidy"]
    assert ".." not in lo_hi


def test_kunming_ceiling_written_as_ceiling_is_quiet(tmp_path: Path) -> None:
    diags = _check(tmp_path, "kunming", ("金额 分档 {", "金额 不超过 分档 {"))
    assert _where(diags, "PC330") == []


def test_kunming_diagnosis_and_pilot_industry(tmp_path: Path) -> None:
    diags = _check(tmp_path, "kunming")
    pc340 = {(d.article, d.message.split("读取 ")[1].split("（")[0]) for d in diags if d.code == "PC340"}
    assert pc340 == {
        ("第七条第（五）项", "spend_consulting"),  # 「…提供诊断服务。…给予每户企业适当补助」
        ("第七条第（四）项", "industry"),  # (四) opens 「鼓励试点细分行业龙头企业…」
        ("第七条第（三）项", "is_sme"),  # (三) opens 「鼓励试点细分行业中小企业打造数字化车间」
    }
    diag = next(d for d in diags if d.code == "PC340" and d.article == "第七条第（五）项")
    assert (diag.span.line, diag.span.column) == (139, 6)
    assert "引文提到“诊断服务”" in diag.message
    # rerun without any consulting spend, the item still applies (its amount is undetermined)
    w = diag.extra["witness"]
    assert isinstance(w, dict)
    assert w["profile"]["spend_consulting"] == 0  # type: ignore[index]
    assert w["amounts"]["diagnosis_subsidy"] == "未定"  # type: ignore[index]
    fixed = _check(tmp_path, "kunming", ("  条件 in_pilot_scope 且 acceptance_passed\n  金额 未定",
                                         "  条件 in_pilot_scope 且 acceptance_passed 且 spend_consulting > 0元\n"
                                         "  金额 未定"))
    assert ("第七条第（五）项", "spend_consulting") not in {
        (d.article, d.message.split("读取 ")[1].split("（")[0]) for d in fixed if d.code == "PC340"}


def test_changchun_sme_read_is_quiet(tmp_path: Path) -> None:
    diags = _check(tmp_path, "changchun", ("事实 {\n  applicant_type 必填\n",
                                           "事实 {\n  applicant_type 必填\n  is_sme\n"),
                   ("  条件 in_pilot_scope 且 acceptance_passed\n  金额 50%",
                    "  条件 in_pilot_scope 且 acceptance_passed 且 is_sme\n  金额 50%"))
    lines = [d.span.line for d in diags if d.code == "PC340" and "is_sme" in d.message]
    assert 112 not in lines and len(lines) == 4  # the edit added a line: the others moved down


def test_xianning_traditional_spellings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 第六條 「裝備制造、電子信息、紡織服裝、新型建材、生物醫藥」 (Traditional in the source); the
    # unfixed encoding lists them in Simplified. 新型建材 is the same in both scripts.
    profile = {"applicant_type": "enterprise", "industry": "紡織服裝", "digital_level": 2,
               "acceptance_passed": True, "spend_software_cloud": 100000}

    # Without script-insensitive text comparison (the compiler before issue 9 item 3) the
    # calculation refuses the policy's own spelling, and PC351 names the four values.
    monkeypatch.setattr(evaluator, "policy_fold", lambda policy: {})
    diags = _check(tmp_path, "xianning")
    assert [d.message.split("写作")[1][1:5] for d in diags if d.code == "PC351"] == [
        "裝備制造", "電子信息", "紡織服裝", "生物醫藥"]
    assert {d.span.line for d in diags if d.code == "PC351"} == {45}
    loaded = load(tmp_path / "xianning.policy", ON)
    assert loaded.policy is not None
    items = calculate(loaded.policy, profile, ON).items
    assert next((i.max for i in items if i.id == "reform_subsidy"), 0) == 0

    # With it, the same encoding pays 60% × 100,000 = 60,000 (第六条第（一）项) to an applicant who
    # writes 紡織服裝 as the policy does, and the check is quiet.
    monkeypatch.undo()
    (tmp_path / "folded").mkdir()
    diags = _check(tmp_path / "folded", "xianning")
    assert [d for d in diags if d.code == "PC351"] == []
    loaded = load(tmp_path / "folded" / "xianning.policy", ON)
    assert loaded.policy is not None
    items = calculate(loaded.policy, profile, ON).items
    assert next(i.max for i in items if i.id == "reform_subsidy") == 60000


def test_list_spelled_otherwise_in_the_cited_article(tmp_path: Path) -> None:
    # 长春 第七条 writes 「中成药生物药品制造」; the list copies 第四条's 「中成药生物药品制品制造」
    quote = ("「支持企业范围为长春市汽车零部件配件制造、轨道交通高端装备制造、电子元器件制造和"
             "中成药生物药品制造等四个细分行业中小企业。」")
    fourth = ("  条款 第四条\n  原文 「本办法支持试点行业为纳入工信部备案的汽车零部件配件制造、"
              "轨道交通高端装备制造、电子元器件制造、中成药生物药品制品制造四个行业。」")
    diags = _check(tmp_path, "changchun", (fourth, f"  条款 第七条\n  原文 {quote}"))
    assert [d.message for d in diags if d.code == "PC351"] == [
        "第七条的列举中没有列表中的“中成药生物药品制品制造”（原文中见于第四条），而写有“中成药生物药品制造”"]


def test_national_fixed_award_that_is_also_a_ceiling(tmp_path: Path) -> None:
    # 四、（一） 「中央财政对试点城市给予定额奖励。其中，…不超过1.5亿元；…不超过1亿元」
    diags = _check(tmp_path, "national")
    assert _where(diags, "PC331") == [(43, 79, "四、（一）"), (44, 66, "四、（一）")]
    first = next(d for d in diags if d.code == "PC331")
    assert "“1.5亿元”（150000000 元）既说定额（一次性）又说不超过" in first.message


def test_labels_and_quotes_against_the_structure(tmp_path: Path) -> None:
    diags = _check(tmp_path, "kunming")
    assert not _where(diags, "PC320")
    assert not _where(diags, "PC321")
    # 第七条 has items (一)…(七): (九) does not exist
    diags = _check(tmp_path, "kunming", ("  条款 第七条第（五）项\n  标题 \"试点企业诊断服务补助\"",
                                         "  条款 第七条第（九）项\n  标题 \"试点企业诊断服务补助\""))
    pc320 = [d for d in diags if d.code == "PC320"]
    assert [(d.span.line, d.span.column) for d in pc320] == [(135, 6)]
    assert "第七条下有：第（一）项、第（二）项" in pc320[0].message
    # the diagnosis quote is (五)'s: labelled (六) it is a warning naming (五)
    diags = _check(tmp_path, "kunming", ("  条款 第七条第（五）项\n  标题 \"试点企业诊断服务补助\"",
                                         "  条款 第七条第（六）项\n  标题 \"试点企业诊断服务补助\""))
    pc321 = [d for d in diags if d.code == "PC321"]
    assert [d.message for d in pc321] == ["引文不在第七条第（六）项中，而出自第七条第（五）项第2目"]


def test_counted_list(tmp_path: Path) -> None:
    assert not _where(_check(tmp_path, "changchun"), "PC350")
    # 第四条 「…电子元器件制造、中成药生物药品制品制造四个行业」 with one industry dropped
    diags = _check(tmp_path, "changchun", ('"电子元器件制造", "中成药生物药品制品制造"', '"电子元器件制造"'))
    pc350 = [d for d in diags if d.code == "PC350"]
    assert [(d.article, d.message) for d in pc350] == [
        ("第四条", "第四条写明“四个”（4 项），而列表有 3 项")]


def test_how_a_quote_states_a_number() -> None:
    from compiler.check.modality import modality
    from compiler.check.numbers import scan

    def marks(quote: str) -> list[tuple[bool, bool, bool]]:
        return [modality(quote, num) for num in scan(quote)]

    # (ceiling, fixed, plain)
    assert marks("單個企業最高補貼金額不超過15萬元") == [(True, False, False)]
    assert marks("每户补助不超過 10 萬元") == [(True, False, False)]  # Traditional 不超過
    assert marks("补助控制在 30 万元以内") == [(True, False, False)]
    assert marks("给予“小灯塔”企业一次性 20 万元的奖励") == [(False, True, False)]
    assert marks("獎勵20萬元") == [(False, False, True)]
    assert marks("每家上云上平台的企业支持 1-3万") == [(False, False, False)] * 2
    # 定额 governs the whole quote: 「给予定额奖励。其中，…不超过1.5亿元」 is both
    assert marks("中央财政对试点城市给予定额奖励。其中，奖补资金总额不超过1.5亿元") == [(True, True, False)]


def test_plain_award_paid_as_a_ceiling(tmp_path: Path) -> None:
    # 咸宁 第六条第（三）项 「…的企業,獎勵20萬元」 states no limit: 不超过 20万元 is not the text
    diags = _check(tmp_path, "xianning", ("  条件 provincial_demo_title\n  金额 20万元",
                                          "  条件 provincial_demo_title\n  金额 不超过 20万元"))
    pc331 = [d for d in diags if d.code == "PC331"]
    assert [(d.article, d.message) for d in pc331] == [
        ("第六条第（三）项", "原文给予“20萬元”（200000 元），没有不超过、最高之类的说法，规则却按上限计算")]


def test_labels_the_reader_cannot_rule_out(tmp_path: Path) -> None:
    # 第十三条 has two paragraphs by the reader's guess; a third may be a paragraph break the
    # extracted text lost, so it is not an error. 第十三条第（九）项 is: 第十三条 has (一)…(五).
    lighthouse = "  条款 第七条第（二）项\n  标题 \"数字化转型“小灯塔”企业奖励\""
    diags = _check(tmp_path, "kunming", (lighthouse, lighthouse.replace("第七条第（二）项", "第十三条第三款")))
    assert not _where(diags, "PC320") and _where(diags, "PC321")
    diags = _check(tmp_path, "kunming", (lighthouse, lighthouse.replace("第七条第（二）项", "第十三条第（九）项")))
    assert [d.message for d in diags if d.code == "PC320"] == [
        "原文中没有“第十三条第（九）项”（第十三条下有：第一款、第二款、第（一）项、第（二）项、第（三）项、第（四）项、第（五）项）"]


def test_modality_looks_through_definitions(tmp_path: Path) -> None:
    # 四、（一） 「给予定额奖励。其中，…不超过1.5亿元」 says both (PC331), also when the rule's
    # 不超过 1.5亿元 is written in a 定义 the 分档 reads: the finding points at the literal in
    # the 定义 (line 36 once the 定义 is inserted before the item) and names the item's article.
    define = '定义 capital_cap "省会城市等奖补资金总额上限" = 不超过 1.5亿元\n\n补助 city_award {'
    diags = _check(tmp_path, "national", ("补助 city_award {", define),
                   ("则 不超过 1.5亿元", "则 capital_cap"))
    column = define.index("1.5亿元") + 1
    assert _where(diags, "PC331") == [(36, column, "四、（一）"), (46, 66, "四、（一）")]


def test_a_reading_written_both_ways_is_not_reported(tmp_path: Path) -> None:
    # The same 「定额…不超过1.5亿元」 written as a 解读 whose readings pay 1.5亿元 as a ceiling
    # and exactly: the ambiguity is written down, so PC331 is silent on 1.5亿元 and still
    # reports 1亿元, which the rule keeps under a plain 不超过 (line 44 + the 12 inserted lines = 56).
    define = ('解读 fixed_award {\n条款 四、（一）\n'
              '原文 「中央财政对试点城市给予定额奖励。其中，省会城市、计划单列市、兵团奖补资金总额不超过1.5亿元」\n'
              '读法 ceiling "不超过给出定额的上限"\n读法 fixed "定额即1.5亿元整"\n采用 ceiling\n}\n'
              '定义 capital_award "省会城市等定额奖励" = 解读 fixed_award {\n'
              '  读法 ceiling 则 不超过 1.5亿元\n  读法 fixed 则 1.5亿元\n}\n\n补助 city_award {')
    diags = _check(tmp_path, "national", ("则 不超过 1.5亿元", "则 capital_award"),
                   ("补助 city_award {", define))
    assert _where(diags, "PC331") == [(56, 66, "四、（一）")]

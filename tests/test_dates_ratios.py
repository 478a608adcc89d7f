"""Dates, deadlines, years and ratios (issue 15, items 4 and 5) in the checker, the schema and the guide.

The example is 云溪's summary (tests/examples/yunxi.txt): 三、 sets two deadlines
(「企业应于2025年6月30日前完成改造项目备案，于2026年3月31日前完成改造并通过验收」) and pays 30% on
time, 15% late; 四、 pays by the year a project was completed (「2024年完成的…10%…2025年完成的…8%」);
五、 rewards a growth rate of 7.5% or more (a ratio, negative when revenue fell). Reading taken:
「X日前」 includes day X (an applicant who finished on 2026-03-31 is on time).
Calculations through every backend are in tests/test_language_backends.py.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from compiler.backends import CheckedModel, CheckedPolicy
from compiler.check.numbers import scan_dates
from compiler.diagnostics import Diagnostic
from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.runtime import ProfileError
from compiler.model.nodes import RateLit
from compiler.pipeline import load, parse_source
from conftest import load_once
from differential import EXAMPLES, policy

CHECKS = Path(__file__).resolve().parent / "checks" / "dates"
ON = dt.date(2026, 6, 1)


def found(name: str) -> list[tuple[str, int]]:
    loaded = load(CHECKS / f"{name}.policy", ON)
    return sorted((d.code, d.span.line) for d in loaded.diagnostics if d.code not in ("PC505", "PC402"))


def test_dates_compare_only_with_dates_and_deadlines_name_date_facts() -> None:
    assert found("broken") == [
        ("PC116", 26),  # filed_on is already the date of another step
        ("PC116", 35),  # 按期 visit_on: no step's deadline is checked against visit_on
        ("PC201", 35),  # completed_on > spend_software_cloud: a date against money
        ("PC201", 58),  # filed_on - completed_on: no arithmetic on dates
        ("PC202", 35),  # 按期 acceptance_passed: not a date fact
        ("PC203", 48),  # project_year == 1800: a 年份 is 1900..2199
        ("PC203", 58),  # revenue_growth < 1200%: beyond the declared 比例 [-1..10]
        ("PC204", 58),  # 2026-02-30 is no date
        ("PC206", 17),  # 比例 [5..1]
    ]


def test_a_date_or_year_in_a_rule_must_be_in_the_quote() -> None:
    # 截止 2026-04-30 (the text says 2026年3月31日): PC311; 2026-03-31 stated by another sentence of
    # 三、: PC312; 2023 nowhere: PC311; 2024 is 「2024年完成的」 in 四、's quote: not reported
    assert found("numbers") == [("PC311", 22), ("PC311", 47), ("PC312", 33)]


@pytest.mark.parametrize(("text", "keys"), [
    ("于2026年3月31日前完成", {("date", dt.date(2026, 3, 31)), ("year", 2026)}),
    ("于2026 年 3 月 31 日前", {("date", dt.date(2026, 3, 31)), ("year", 2026)}),
    ("截至2025-06-30", {("date", dt.date(2025, 6, 30)), ("year", 2025)}),
    ("二〇二五年六月三十日", {("date", dt.date(2025, 6, 30)), ("year", 2025)}),
    ("2024年完成的", {("year", 2024)}),
    ("2023-2025年", {("year", 2023), ("year", 2025)}),
    ("2025年2月30日", {("year", 2025)}),  # no such day: only the year
    ("补助30万元", set()),
])
def test_dates_and_years_in_prose(text: str, keys: set[tuple[str, object]]) -> None:
    want = {(k, Decimal(v.toordinal()) if isinstance(v, dt.date) else Decimal(v)) for k, v in keys}
    assert set(scan_dates(text)) == want


def test_the_solver_shows_dates_as_dates_in_its_witnesses() -> None:
    # 三、 written as two tiers without 否则: an applicant who gave no completion date gets neither
    text = (EXAMPLES / "yunxi.policy").read_text(encoding="utf-8").replace(
        "    否则 15% × reform_spend 封顶 20万元", "    当 completed_on > 2026-03-31 则 15% × reform_spend 封顶 20万元")
    path = EXAMPLES / "yunxi.policy"
    from compiler.pipeline import load_text

    loaded = load_text(path, text, ON)
    gap = [d for d in loaded.diagnostics if d.code == "PC402"]
    assert len(gap) == 1
    witness = _witness(gap[0])
    profile = witness["profile"]
    assert "completed_on" not in profile  # the date not given: 按期 is false, and so is “> 2026-03-31”
    assert profile["filed_on"] <= "2025-06-30" and dt.date.fromisoformat(profile["filed_on"])


def _witness(d: Diagnostic) -> dict[str, object]:
    assert d.extra and "witness" in d.extra, d
    w = d.extra["witness"]
    assert isinstance(w, dict)
    return w


def test_ratio_facts_keep_every_decimal_and_their_declared_range() -> None:
    ev = Evaluator(policy("yunxi"))
    base = {"applicant_type": "enterprise", "acceptance_passed": True}
    # 五、「增长率达到7.5%及以上」: 0.075 is enough, 0.07499999 is not (it was refused as 0.07 before)
    assert ev.calculate({**base, "revenue_growth": "0.075"}, ON).total_max == Decimal(50000)
    assert ev.calculate({**base, "revenue_growth": "0.07499999"}, ON).total_max == Decimal(0)
    assert ev.calculate({**base, "revenue_growth": -1}, ON).total_max == Decimal(0)  # the range's floor
    for bad, message in (("10.5", "比例应在 -1 到 10 之间，收到 10.5"),
                         ("0.123456789", "“0.123456789”不是比例"),
                         (True, "应为比例，收到布尔值")):
        with pytest.raises(ProfileError) as err:
            ev.calculate({**base, "revenue_growth": bad}, ON)
        ((field, text),) = err.value.errors
        assert field == "revenue_growth" and text.startswith(message) and "金额" not in text


def test_date_facts_are_validated_with_the_field_named() -> None:
    ev = Evaluator(policy("yunxi"))
    for bad, message in (("2026-02-30", "日期“2026-02-30”不存在"), ("2026/03/31", "应为日期（YYYY-MM-DD"),
                         ("1899-12-31", "日期应在 1900 年至 2199 年之间"), (20260331, "应为日期")):
        with pytest.raises(ProfileError) as err:
            ev.calculate({"applicant_type": "enterprise", "completed_on": bad}, ON)
        ((field, text),) = err.value.errors
        assert field == "completed_on" and text.startswith(message), text


def test_the_input_schema_validates_dates_and_ratio_ranges() -> None:
    from plugins.jsonschema import backend

    loaded = load_once(EXAMPLES / "yunxi.policy")
    assert loaded.policy is not None
    files = backend.render(CheckedModel((CheckedPolicy(loaded.policy, "tests/examples/yunxi.policy", (), ()),)))
    schema = json.loads(files["yunxi.input.schema.json"])
    props = dict(schema["properties"])  # and the fields shown only to enterprises (对象 enterprise)
    for branch in schema.get("allOf", []):
        props.update(branch["then"].get("properties", {}))
    assert props["completed_on"]["format"] == "date"
    assert props["revenue_growth"]["x-range"] == ["-1", "10"]
    assert "比例" in props["revenue_growth"]["description"] and "金额" not in props["revenue_growth"]["description"]
    check = jsonschema.Draft202012Validator(schema)
    base = {"applicant_type": "enterprise"}
    for ok in ({"revenue_growth": "-0.12"}, {"revenue_growth": "0.075"}, {"revenue_growth": "10"},
               {"revenue_growth": 0.075}, {"completed_on": "2026-03-31"}):
        assert not list(check.iter_errors({**base, **ok})), ok
    for bad in ({"revenue_growth": "10.5"}, {"revenue_growth": "-1.01"}, {"revenue_growth": "0.123456789"},
                {"revenue_growth": 11}, {"completed_on": "2026/03/31"}, {"completed_on": 20260331}):
        assert list(check.iter_errors({**base, **bad})), bad


def test_the_guide_says_dates_deadlines_and_ratios_in_plain_chinese() -> None:
    from plugins.markdown import backend

    loaded = load_once(EXAMPLES / "yunxi.policy")
    assert loaded.policy is not None
    files = backend.render(CheckedModel((CheckedPolicy(loaded.policy, "tests/examples/yunxi.policy", (), ()),)))
    guide = files["yunxi.md"]
    # 申请程序: each step with its deadline, as a date people write
    assert "**完成改造项目备案**（截止日期：2025 年 6 月 30 日）" in guide
    assert "**完成改造并通过验收**（截止日期：2026 年 3 月 31 日）" in guide
    # 三、's condition and tiers in words, never 按期 or an identifier
    assert "改造项目备案日期不晚于 2025 年 6 月 30 日（“完成改造项目备案”的截止日期）" in guide
    assert "按期 " not in guide and "<=" not in guide
    for name in ("completed_on", "filed_on", "revenue_growth", "project_year"):
        assert name not in guide
    assert "上年度营业收入增长率不低于 7.5%" in guide
    assert "智能化技术改造项目完成年份为 2024 年" in guide
    assert "| 完成改造并通过验收的日期 | 2026 年 3 月 31 日 |" in guide  # an example's input, as a date
    assert "| 上年度营业收入增长率 | \\-12% |" in guide  # a ratio as a percentage, negative


def test_the_new_forms_parse_and_print_back() -> None:
    text = """\
政策 p { 标题 "t" }
事实 {
  d: 日期 "日期事实"
  y: 年份 "年份事实"
  r: 比例 [-1..5] "增长率"
  s: 比例 0..0.5 "份额"
}
程序 q { 条款 第一条 原文 「…」 步骤 "申报" "说明" 不少于 5个工作日 截止 2025-06-30 按 d }
资格 a { 条款 第一条 原文 「…」 条件 按期 d 且 d >= 2024-01-01 且 y == 2024 且 r >= -50% 且 s <= 50% }
"""
    pol, diags = parse_source(text, "p.policy")
    assert pol is not None and not [x for x in diags if x.severity.name == "ERROR"], diags
    facts = {f.name: f.type for f in pol.facts}
    assert facts["d"].kind == "date"
    assert (facts["y"].kind, facts["y"].low, facts["y"].high) == ("int", 1900, 2199)
    assert (facts["r"].low, facts["r"].high) == (Decimal(-1), Decimal(5))
    assert (facts["s"].low, facts["s"].high) == (Decimal(0), Decimal("0.5"))
    (step,) = pol.procedures[0].steps
    assert (step.deadline, step.deadline_fact) == (dt.date(2025, 6, 30), "d")
    from compiler.model.printer import show

    assert show(pol.requirements[0].cond) == "按期 d 且 d >= 2024-01-01 且 y == 2024 且 r >= -50% 且 s <= 50%"
    assert min(x.value for x in _rates(pol.requirements[0].cond)) == Decimal("-0.5")


def _rates(e: object) -> list[RateLit]:
    from compiler.model.queries import nodes

    return [x for x in nodes(e) if isinstance(x, RateLit)]


def test_the_page_calculator_says_deadlines_and_dates_in_words() -> None:
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    words = Path(__file__).resolve().parents[1] / "web" / "src" / "words.js"
    script = (f"import {{ plainTrace }} from {json.dumps(words.as_uri())};\n"
              "console.log(plainTrace('条件：按期 filed_on 且 completed_on > 2026-03-31',"
              " {filed_on: '改造项目备案日期', completed_on: '完成日期'}, {}, {filed_on: '2025-06-30'}));")
    out = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True, timeout=60).stdout.strip()
    # the same words as the guide (plugins/markdown/plain.py): 三、's 备案 deadline, a date as a date
    assert out == "条件：改造项目备案日期不晚于 2025 年 6 月 30 日 且 完成日期晚于 2026 年 3 月 31 日"

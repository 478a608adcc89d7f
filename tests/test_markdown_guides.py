"""Applicant guides: computed by the calculator, complete, and safe against policy strings."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from compiler.backends import CheckedModel, CheckedPolicy
from compiler.pipeline import parse_source
from conftest import ROOT, SEEDS
from plugins.markdown import backend
from plugins.markdown.plain import md

GUIDES = ROOT / "generated" / "markdown"


def sections(text: str) -> list[str]:
    body = text.split("## 支持项目")[1].split("\n## ")[0]
    return re.split(r"\n### ", body)[1:]


def test_every_item_has_two_worked_examples_quotes_and_who_pays() -> None:
    for name in SEEDS:
        text = (GUIDES / f"{name}.md").read_text(encoding="utf-8")
        for sec in sections(text):
            head = sec.splitlines()[0]
            assert sec.count('!!! example "示例') >= 2, (name, head)
            assert '!!! quote "' in sec, (name, head)
            assert "**出资**" in sec, (name, head)


def test_kunming_guide_numbers_come_from_the_calculator() -> None:
    text = (GUIDES / "kunming.md").read_text(encoding="utf-8")
    reform = sections(text)[0]
    # 第七条第（一）项 「不超过改造投入的 50%」 (a ceiling): 0..50% × 1,200,000, capped at 500,000
    # (level 4); with the 小灯塔 200,000 the total is 200,000..600,000 after 第十条 (50% × 1,200,000).
    assert ("**本项金额：0.00 元 至 500,000.00 元**；"
            "全部补助合计（经全部上限后）：200,000.00 元 至 600,000.00 元") in reform
    # 第十条 explained with an example in which it cuts the reform subsidy's top (minimums first)
    caps = text.split("## 跨项目累计上限")[1].replace("\\", "")
    assert "第十条 累计上限 600000.00" in caps and "本项削减 0.00 至 100000.00，实付 0.00 至 400000.00" in caps
    assert "排在后面的项目先被削减" in caps


def test_guides_show_exclusions_procedure_payments_and_open_findings() -> None:
    k = (GUIDES / "kunming.md").read_text(encoding="utf-8")
    assert "## 不予支持" in k and "第九条第（二）项" in k
    assert "## 申请程序" in k and "不少于 5个工作日" in k
    assert "## 拨付安排" in k and "至多 70%" in k
    assert "第十五条 点名了出资方" in k  # the checker's PC502 shown to the reader as 注意
    x = (GUIDES / "xianning.md").read_text(encoding="utf-8")
    assert "对出资方的规定不一致" in x
    assert "起草人说明" in x  # a reviewed, silenced finding with its reason
    assert 'class="policyc-validity" data-from="2025-05-20" data-until=""' in x


def test_comparison_page_runs_the_same_profiles_through_every_city() -> None:
    text = (GUIDES / "compare.md").read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.startswith("| 四级企业")]
    assert len(rows) == 1
    # 长春 第七条第（一）项 「最高不超过……50%」 → 0..50% × 1,200,000, capped at 50万; 昆明
    # 200,000..600,000 (see above); 咸宁 第六条第（一）项 60% × 1,200,000 capped at 15万 (by the province).
    assert rows[0].split("|")[2:6] == [" 0\\.00 元 至 500,000.00 元 ", " 200,000.00 元 至 600,000.00 元 ",
                                       " 0\\.00 元 起（上限未定） ", " 150,000.00 元 "]


NASTY = '<script>alert(1)</script> *强调* [链接](javascript:alert(1)) {: onclick="x"} `code` | 表格 |'


def test_policy_strings_cannot_inject_markdown_or_html(tmp_path: Path) -> None:
    esc = NASTY.replace('"', '\\"')
    text = f'''政策 evil {{ 标题 "{esc}" 文号 "{esc}" }}
事实 {{ applicant_type custom: 布尔 "{esc}" }}
补助 x {{ 条款 第一条 原文 「!!! danger\n# 标题\n{NASTY}」 标题 "{esc}" 说明 "{esc}"
  条件 custom 金额 10元 资金 city 100% }}
测试 "{esc}" {{ 说明 "第一条" 日期 2024-01-01 输入 {{ applicant_type: "enterprise", custom: 真 }}
  期望 总额 10元 }}
'''
    policy, diags = parse_source(text, "evil.policy")
    assert policy is not None, [d.message for d in diags]
    out = backend.render(CheckedModel((CheckedPolicy(policy, "policies/evil.policy", (), ()),)))
    html = markdown.markdown(out["evil.md"], extensions=["admonition", "tables", "attr_list"])
    assert "<script>" not in html
    assert 'href="javascript' not in html
    assert not re.search(r"<[^>]*\sonclick=", html)  # shown as text, never an attribute
    assert "<em>强调</em>" not in html
    assert 'class="admonition danger"' not in html
    assert html.count("<h1") == 1
    assert "10.00 元" in out["evil.md"]


def test_md_escapes_line_start_syntax() -> None:
    assert md("!!! note") == "\\!!! note"
    assert md("# 标题") == "\\# 标题"
    assert md("1. 项") == "1\\. 项"
    assert md("a<b>&") == "a&lt;b&gt;&amp;"

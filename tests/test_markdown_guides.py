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


def test_every_item_has_worked_examples_quotes_and_who_pays() -> None:
    for name in SEEDS:
        text = (GUIDES / f"{name}.md").read_text(encoding="utf-8")
        for sec in sections(text):
            head = sec.splitlines()[0]
            # two examples, or one when the item reads no amount that a second could vary
            assert sec.count('!!! example "示例') >= (1 if "满足本项全部条件的申请人" in sec else 2), \
                (name, head)
            assert '!!! quote "' in sec, (name, head)
            assert "**出资**" in sec, (name, head)


def test_kunming_guide_numbers_come_from_the_calculator() -> None:
    text = (GUIDES / "kunming.md").read_text(encoding="utf-8")
    reform = sections(text)[0]
    # 第七条第（一）项 (reading 不超过 as a ceiling): 0 to 50% × 1,200,000 capped at 500,000 for
    # level 4; with 小灯塔's 200,000 the total is at most 50% × 1,200,000 = 600,000 (第十条), which
    # leaves the reform subsidy at most 600,000 - 200,000 = 400,000: the example says so beside it.
    assert ("**本项金额：0.00 元 至 500,000.00 元**（经第十条累计上限后实付 0.00 元 至 400,000.00 元）；"
            "全部补助合计（经全部上限后）：200,000.00 元 至 600,000.00 元") in reform
    # 第十条 explained with an example in which it cuts the 小灯塔 reward
    caps = text.split("## 跨项目累计上限")[1]
    # 第十条 keeps 小灯塔's fixed 200,000 first; the reform subsidy gets what is left, 0 to 400,000
    assert ("第十条 累计上限 600,000.00 元（数字化转型投入的 50%）：本项削减 0.00 元 至 100,000.00 元，"
            "实付 0.00 元 至 400,000.00 元") in caps
    assert "先保留各项目的最低金额" in caps


def test_amount_lines_read_as_the_texts_write_them() -> None:
    """An applicant reads the amount as the article words it: 昆明 第七条第（一）项 「补助标准不超过改造投入的
    50%」 → 「不超过改造投入的 50%，最高 20 万元」 (not 「不超过 按改造投入的 50% 计算」); a per-unit ceiling
    (长春 第七条第（三）项 「每个“小快轻准”产品和服务不超过 5万元，每家服务商奖补累计不超过 50万元」,
    咸宁 第六条第（六）项 「对每家企业对应的诊断咨询服务商补贴不高于5000元」) → 「按……计，每个不超过 …」."""
    kunming = (GUIDES / "kunming.md").read_text(encoding="utf-8")
    changchun = (GUIDES / "changchun.md").read_text(encoding="utf-8")
    xianning = (GUIDES / "xianning.md").read_text(encoding="utf-8")
    assert "不超过改造投入的 50%，最高 20 万元" in kunming
    assert "按获奖励的“小快轻准”产品和服务数量计，每个不超过 5 万元，最高 50 万元" in changchun
    assert "按服务且验收达标的企业数量计，每个不超过 5,000 元" in xianning
    for text in (kunming, changchun, xianning):
        assert "不超过 按" not in text and "每个单位" not in text


def test_guides_show_exclusions_procedure_payments_and_open_findings() -> None:
    k = (GUIDES / "kunming.md").read_text(encoding="utf-8")
    assert "## 不予支持" in k and "第九条第（二）项" in k
    assert "## 申请程序" in k and "不少于 5个工作日" in k
    assert "## 拨付安排" in k and "至多 70%" in k
    # the checker's PC502 is on the drafters' review page; the guide says it in plain words
    assert "第十五条 点名了出资方" not in k and "文件没有写明各级财政分别承担多少" in k
    assert "PC502" in (GUIDES / "review" / "kunming.md").read_text(encoding="utf-8")
    assert "[审查报告](review/kunming.md)" in k
    x = (GUIDES / "xianning.md").read_text(encoding="utf-8")
    assert "对出资方的规定不一致" in x
    xr = (GUIDES / "review" / "xianning.md").read_text(encoding="utf-8")
    assert "起草人说明" in xr and "起草人说明" not in x  # a reviewed, silenced finding
    assert 'class="policyc-validity" data-from="2025-05-20" data-until=""' in x


def test_comparison_page_runs_the_same_profiles_through_every_city() -> None:
    text = (GUIDES / "compare.md").read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.startswith("| 四级企业")]
    assert len(rows) == 1
    # 长春 第七条第（一）项 不超过 50% × 1,200,000, capped at 50万 (a ceiling: 0 to 500,000);
    # 昆明 200,000 to 600,000 (see above); 咸宁 第六条第（一）项 60% × 1,200,000 capped at 15万.
    assert rows[0].split("|")[2:6] == [" 0\\.00 元 至 500,000.00 元 ", " 200,000.00 元 至 600,000.00 元 ",
                                       " 0\\.00 元 起（上限未定） ", " 150,000.00 元 "]


def test_one_minute_summary_says_who_what_at_most_and_the_conditions() -> None:
    k = (GUIDES / "kunming.md").read_text(encoding="utf-8")
    top = k.split("## 一分钟自测")[1].split("\n## ")[0]
    # 第七条第（一）项 tiers cap at 20/40/50 万元 → at most 50 万元; 第七条第（二）项 20 万元
    assert "**第七条第（一）项「中小企业数字化转型企业改造补助」**（企业）：最多 **50 万元**" in top
    assert "**第七条第（二）项「数字化转型“小灯塔”企业奖励」**（企业）：最多 **20 万元**" in top
    assert "第十条：企业获得的全部补助合计不超过数字化转型投入的 50%" in top
    # 长春 第七条第（三）项's 累计上限 is read two ways (解读 provider_cap_scope): its limit is a sentence
    # of its own after a colon (it read 「合计不超过原文有不同理解——」)
    c = (GUIDES / "changchun.md").read_text(encoding="utf-8").split("## 一分钟自测")[1].split("\n## ")[0]
    assert "「优秀数字化服务商奖补」合计不超过：原文有不同理解——按「该句写在第（三）项之内" in c
    n = (GUIDES / "national.md").read_text(encoding="utf-8")
    # 四、（一）: 省会城市等 不超过1.5亿元, 其他 不超过1亿元 — at most 1.5 亿元 under either reading of
    # 解读 fixed_award (0 up to it, or exactly it); the summary says so in one line and points to the
    # readings (it spelt out both readings for both city types, 「““定额”…」, and ended on 「（无固定上限）」)
    top_n = n.split("## 一分钟自测")[1].split("\n## ")[0]
    # (no 对象: not 「各类申请人」, which said that anyone may apply, beside 「申请对象见该项目的条件」)
    assert ("**四、（一）「中小企业数字化转型城市试点定额奖励」**（申请对象见本项条件）：最多 **1\\.5 亿元**"
            "（金额原文有不同理解，见下文“原文有不同理解之处”）。") in top_n
    assert "- **对象**：见本项条件\n- **条件**：试点城市类型，且经公示确定为试点城市\n" in n
    assert "各类申请人" not in n
    # the item's amount names each reading in 「」: the labels quote the text (“定额”指……), and
    # 「按““定额”指……”理解」 read as a quote opened twice
    assert "按「“定额”指按城市核定的一笔奖励" in n and "““" not in n
    assert "无固定上限" not in top_n and "““" not in top_n
    assert "provincial_capital" not in n and "15000.0 万元" not in n
    assert "城市类型属于：省会城市、计划单列市、新疆生产建设兵团" in n
    # 四、（一）「中央财政对试点城市给予定额奖励」 is paid to cities; only 四、（二） is for 企业. The
    # policy writes no 对象 for 四、（一） (the shared vocabulary has no city applicant type), so the
    # guide must not say that 企业 alone may apply: it points to that item's conditions
    assert ("- **谁可以申请**：企业（四、（一）「中小企业数字化转型城市试点定额奖励」"
            "的申请对象见该项目的条件）。") in top_n
    assert "本政策的补助对象：企业；四、（一）「中小企业数字化转型城市试点定额奖励」的申请对象见该项目的条件。" in n
    assert "- **谁可以申请**：企业、数字化服务商。" in top  # 昆明: every item names its 对象
    # 长春 第四条 and 第七条 (资格 written 「applicant_type != "enterprise" 或 …」) bind only enterprises,
    # 第十三条 every applicant: grouped by who must meet them (it read 「须同时满足：企业须满足：…；
    # 企业须满足：…」)
    c = (GUIDES / "changchun.md").read_text(encoding="utf-8")
    assert ("- **谁可以申请**：企业、数字化服务商；所有申请人须满足：在本市依法注册登记，且具有独立法人资格，"
            "且依法纳税，财务及信用记录良好；企业另须满足：属于四个试点细分行业；中小企业。") in c


def test_made_up_examples_set_every_fact_their_title_names() -> None:
    """An example titled “…支出各 30 万元” has those spends in its table and a total that uses them."""
    for name in SEEDS:
        text = (GUIDES / f"{name}.md").read_text(encoding="utf-8")
        for m in re.finditer(r'!!! example "示例 \d：满足本项全部条件，(.+?)各 ([\d.]+ 万元)（', text):
            block = text[m.end():].split("!!! ")[0]
            amount = f"{int(float(m.group(2).split()[0]) * 10000):,}.00 元"
            for label in m.group(1).split("；"):
                assert f"| {label} | {amount} |" in block, (name, label)
        assert "满足本项全部条件、各项支出" not in text


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

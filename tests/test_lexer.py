"""The Pygments lexer for the policy language (compiler/lexer.py) and its use on the docs site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Error, Keyword, Literal, Name, Number, Operator, String, _TokenType

from compiler.lexer import PolicyLexer
from conftest import POLICIES, ROOT, SEEDS


def tokens(text: str) -> list[tuple[_TokenType, str]]:
    return [(t, v) for t, v in PolicyLexer().get_tokens(text) if v.strip()]


@pytest.mark.parametrize("name", SEEDS)
def test_every_seed_policy_lexes_without_error_tokens(name: str) -> None:
    text = (POLICIES / f"{name}.policy").read_text(encoding="utf-8")
    toks = list(PolicyLexer(stripnl=False).get_tokens(text))
    errors = [v for t, v in toks if t in Error]
    assert errors == [], errors
    assert "".join(v for _, v in toks) == (text if text.endswith("\n") else text + "\n")


def test_the_lexer_is_registered_with_pygments() -> None:
    for alias in ("policy", "policyc"):
        assert isinstance(get_lexer_by_name(alias), PolicyLexer)
    assert isinstance(get_lexer_for_filename("policies/kunming.policy"), PolicyLexer)


def test_every_keyword_of_the_grammar_is_highlighted() -> None:
    """A keyword added to grammar/policy.lark must be added to the lexer too."""
    grammar = (ROOT / "grammar" / "policy.lark").read_text(encoding="utf-8")
    words: set[str] = set()
    for m in re.finditer(r"^(_KW_\w+|SECTION_KW|LEVEL|BOOL):\s*(.+)$", grammar, re.MULTILINE):
        words.update(re.findall(r'"([^"]+)"', m.group(2)))
    assert len(words) > 60
    for word in sorted(words):
        kinds = [t for t, v in tokens(word)]
        assert len(kinds) == 1 and (kinds[0] in Keyword or kinds[0] in Operator.Word), (word, kinds)


def test_token_kinds() -> None:
    text = (
        '补助 reform_subsidy {  # 注释\n'
        '  条款 第七条第（一）项\n'
        '  原文 「最高补助\n  20 万元」\n'
        '  条件 digital_level >= 2 且 industry 属于 ["装备制造", 等]\n'
        '  金额 50% × reform_spend 封顶 1.5亿元\n'
        '  忽略 PC310 "理由\\n"\n'
        '}\n'
        '测试 "t" { 日期 2024-05-12 期望 排除项 [四、（二）] 期望 付款 "评测验收后" 0元 至 5000元 '
        '步骤 "公示" 不少于 5个工作日 期望 有效 否 }\n'
    )
    got = tokens(text)
    expect = [
        (Keyword.Declaration, "补助"), (Name.Class, "reform_subsidy"), (Comment.Single, "# 注释"),
        (Keyword, "条款"), (Name.Label, "第七条第（一）项"),
        (String.Doc, "「最高补助\n  20 万元」"),
        (Name, "digital_level"), (Operator, ">="), (Number.Integer, "2"), (Operator.Word, "且"),
        (Operator.Word, "属于"), (Keyword.Constant, "等"),
        (Number, "50%"), (Operator, "×"), (Operator.Word, "封顶"), (Number.Float, "1.5亿元"),
        (Name.Constant, "PC310"), (String.Escape, "\\n"),
        (Keyword.Declaration, "测试"), (Literal.Date, "2024-05-12"),
        (Keyword, "排除项"), (Name.Label, "四、（二）"),
        (Number.Float, "0元"), (Operator.Word, "至"), (Number.Float, "5000元"),
        (Operator.Word, "不少于"), (Number.Integer, "5个工作日"), (Keyword, "有效"), (Keyword.Constant, "否"),
    ]
    for pair in expect:
        assert pair in got, pair


def test_full_width_punctuation_is_an_error_token() -> None:
    assert (Error, "＝") in tokens('定义 x "x" ＝ 1')


# ------------------------------------------------------------------------ the docs site


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    """`mkdocs build --strict` of the whole site, with the committed guides (conftest.py)."""
    return built_site


def test_a_built_page_highlights_policy_code_blocks(site: Path) -> None:
    html = (site / "drafting" / "tutorial.html").read_text(encoding="utf-8")
    assert '<div class="language-policy highlight">' in html
    for span in ('<span class="kd">补助</span>', '<span class="nc">reform_subsidy</span>',
                 '<span class="k">条款</span>', '<span class="nl">第六条第（一）项</span>',
                 '<span class="mf">15万元</span>', '<span class="ow">封顶</span>',
                 '<span class="m">60%</span>', '<span class="sd">「'):
        assert span in html, span

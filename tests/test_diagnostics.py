"""Diagnostics render like a compiler's: location, Chinese message, a caret under wide text."""

from __future__ import annotations

from compiler.diagnostics import display_width, render
from compiler.pipeline import parse_source


def test_caret_counts_wide_characters_as_two_columns() -> None:
    text = '政策 x { 标题 "昆明" 文号 ＝ }\n'
    _, diags = parse_source(text, "w.policy")
    d = diags[0]
    assert d.code == "PC004"
    assert "＝" in d.message and "=" in d.message
    line, caret = render(d, text).splitlines()[1:3]
    col = line.index("＝")
    assert caret.index("^") == display_width(line[:col])


def test_keyword_typo_suggests_the_keyword() -> None:
    text = '政策 x { 标题 "t" }\n补主 a { }\n'
    _, diags = parse_source(text, "t.policy")
    assert diags[0].code == "PC002" and "补助" in diags[0].hint
    assert (diags[0].span.line, diags[0].span.column) == (2, 1)


def test_missing_brace_at_end_of_file() -> None:
    _, diags = parse_source('政策 x { 标题 "t"\n', "t.policy")
    assert diags[0].code == "PC003" and "}" in diags[0].hint


def test_curly_quotes_as_string_delimiters() -> None:
    _, diags = parse_source("政策 x { 标题 “昆明” }\n", "t.policy")
    assert diags[0].code == "PC004" and "「…」" in diags[0].hint


def test_unit_mismatch_and_out_of_domain() -> None:
    text = """政策 x { 标题 "t" }
事实 { digital_level applicant_type }
补助 a { 条款 第一条 原文 「x」 标题 "a" 条件 digital_level >= 6 且 applicant_type == "company"
  金额 50% + 20万元 资金 city 100% }
"""
    _, diags = parse_source(text, "t.policy")
    codes = sorted((d.code, d.span.line) for d in diags)
    assert ("PC201", 4) in codes  # 50% + 20万元
    assert ("PC203", 3) in codes  # level 6 and "company"
    assert len([c for c in codes if c[0] == "PC203"]) == 2

"""Edge validation of policy text (compiler/syntax/edge.py): every hostile input found by the
red-team run is a PCxxx at the right line and column — never PC000, never a traceback, never a
line outside the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hostile import huge_quote, policy, write_policy

from compiler.diagnostics import render
from compiler.pipeline import load, parse_source
from compiler.syntax import edge

BASE = policy()


def _first(text: str) -> tuple[str, int, int]:
    _, diags = parse_source(text, "t.policy")
    assert diags, "accepted"
    lines = text.count("\n") + 1
    for d in diags:
        assert d.code != "PC000"
        assert 1 <= d.span.line <= lines, (d, lines)
        render(d, text)
    d = min(diags, key=lambda d: d.sort_key)
    return d.code, d.span.line, d.span.column


def _at(needle: str, text: str) -> tuple[int, int]:
    off = text.index(needle)
    return text.count("\n", 0, off) + 1, off - (text.rfind("\n", 0, off) + 1) + 1


def test_the_base_policy_has_no_error() -> None:
    _, diags = parse_source(BASE, "t.policy")
    assert not diags


@pytest.mark.parametrize("ch", ["\x00", "\x0c", "\x0b", "\x1c", "\x1e", "\x7f", "\x85", "\u2028",
                                "\u2029", "\u202e", "\ud800", "\udfff", "\r", "\ufffe"])
def test_a_refused_character_is_pc008_where_it_stands(ch: str) -> None:
    """Inside a quote, on line 15: the position counts lines by \\n only, as the parser does."""
    text = BASE.replace("一次性", "一次" + ch + "性")
    assert _first(text) == ("PC008", *_at(ch, text))


def test_form_feeds_after_the_last_line_stay_inside_the_file() -> None:
    text = BASE + "\x0c\x0c\u2028\u2029\x85"
    code, line, _ = _first(text)
    assert (code, line) == ("PC008", text.count("\n") + 1)


def test_crlf_line_ends_are_accepted() -> None:
    _, diags = parse_source(BASE.replace("\n", "\r\n"), "t.policy")
    assert not diags


@pytest.mark.parametrize("escape", ["\\u0000", "\\ud800", "\\u2028", "\\u000c", "\\u202e"])
def test_an_escape_that_writes_a_refused_character_is_pc008_at_the_string(escape: str) -> None:
    text = BASE.replace('标题 "试点奖励"', f'标题 "试点{escape}奖励"')
    assert _first(text) == ("PC008", *_at('"试点' + escape, text))


def test_a_string_longer_than_the_bound_is_pc009() -> None:
    text = BASE.replace('标题 "试点奖励"', '标题 "' + "长" * (edge.MAX_STRING_CHARS + 1) + '"')
    assert _first(text) == ("PC009", *_at('"长', text))


def test_a_quote_longer_than_the_bound_is_pc009() -> None:
    text = huge_quote(edge.MAX_QUOTE_CHARS + 1)
    assert _first(text) == ("PC009", *_at("「", text))


@pytest.mark.parametrize("amount", ["1" + "0" * 15 + "元", "1" + "0" * 4400 + "元", "0.123456789元",
                                    "1" + "0" * 5000 + "%"])
def test_numbers_with_too_many_digits_are_pc009(amount: str) -> None:
    text = BASE.replace("金额 20万元", f"金额 {amount}")
    assert _first(text) == ("PC009", *_at(amount[:5], text))


def test_an_integer_range_over_4300_digits_is_pc009() -> None:
    """int() refuses > 4,300 digits with a ValueError: the bound is checked before conversion."""
    text = BASE.replace("  in_pilot_scope\n}", '  in_pilot_scope\n  n: 整数 0..' + "9" * 5000 + ' "数"\n}')
    assert _first(text)[0] == "PC009"


def test_fifteen_digit_amounts_are_accepted() -> None:
    text = BASE.replace("金额 20万元", "金额 999999999999999元")
    _, diags = parse_source(text, "t.policy")
    assert not [d for d in diags if d.code == "PC009"]


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_dates_outside_the_years_are_pc204(date: str) -> None:
    text = BASE.replace("  层级 市级\n", f"  层级 市级\n  发布日期 {date}\n")
    assert _first(text) == ("PC204", *_at(date, text))


def test_a_validity_ending_on_9999_12_31_is_refused_not_an_internal_error(tmp_path: Path) -> None:
    """The red-team case: the day after the end overflowed in the validity checks (PC000)."""
    text = BASE.replace("  层级 市级\n", "  层级 市级\n  有效期 自 2024-01-01 至 9999-12-31\n")
    loaded = load(write_policy(tmp_path, text), dt.date(2025, 1, 1))
    assert [d.code for d in loaded.errors] == ["PC204"]


@pytest.mark.parametrize("label", ["第二条<script>alert(1)</script>", "第二条<svg/onload=alert(1)>",
                                   "第二条：", "第二条'x'", "第二条&amp;", "第二条**粗**", "四、`x`"])
def test_article_labels_are_only_article_labels(label: str) -> None:
    text = policy(article=label)
    assert _first(text) == ("PC010", *_at(label, text))


@pytest.mark.parametrize("label", ["第七条第（一）项", "第七条第二款", "四、（一）", "第三章", "第五条之一",
                                   "一、（二）1.", "第7条第(2)项", "导语", "落款", "附件2", "通知标题"])
def test_real_article_labels_are_accepted(label: str) -> None:
    _, diags = parse_source(policy(article=label), "t.policy")
    assert not [d for d in diags if d.code == "PC010"]


@pytest.mark.parametrize("pid", ["compare", "index", "__init__", "class", "match", "CON", "nul"])
def test_ids_that_collide_with_generated_names_are_pc108(pid: str) -> None:
    text = policy(pid=pid)
    assert _first(text) == ("PC108", 1, 4)


def test_two_files_with_one_id_are_pc108_on_the_second(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from compiler.cli import main

    a = write_policy(tmp_path, policy(pid="same"), name="a.policy")
    b = write_policy(tmp_path, policy(pid="Same"), name="b.policy")
    res = CliRunner().invoke(main, ["build", str(a), str(b), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1, res.output
    assert "b.policy:1:4: 错误[PC108]" in res.output
    assert not (tmp_path / "out").exists()


def test_a_string_literal_on_the_left_of_a_comparison_renders_in_every_backend(tmp_path: Path) -> None:
    """Was a RecursionError in the Markdown backend: `条件 flag 且 "x" == kind`."""
    from compiler.backends import CheckedModel, CheckedPolicy, discover
    from compiler.build import render_all

    loaded = load(write_policy(tmp_path, policy(
        condition='in_pilot_scope 且 "enterprise" == applicant_type')))
    assert loaded.ok and loaded.policy is not None
    files = render_all(CheckedModel((CheckedPolicy(loaded.policy, "t.policy", (), ()),)), discover())
    assert "申报主体类型为“企业”" in files["markdown/tiny.md"]


def test_a_tab_in_a_title_note_or_quote_gives_python_that_compiles(tmp_path: Path) -> None:
    """A TAB pasted from a PDF was written as \\x09 and the docstring wrapper split the escape."""
    from compiler.backends import CheckedModel, CheckedPolicy, discover
    from compiler.build import render_all

    loaded = load(write_policy(tmp_path, policy(item_title="试点\t奖励", note="说明\t" * 60)))
    assert loaded.ok and loaded.policy is not None
    files = render_all(CheckedModel((CheckedPolicy(loaded.policy, "t.policy", (), ()),)),
                       {"python": discover()["python"]})
    code = files["python/tiny.py"]
    compile(code, "tiny.py", "exec")
    assert "\\x09" in code

"""Malformed policies: every realistic drafting mistake gets a precise, Chinese, caret-aligned
diagnostic and never a traceback.

Each file in tests/malformed/ starts with

    # expect: PC004 line 7 col 12        (col optional)
    # expect-hint: 补助                   (optional: text the message or hint must contain)

giving the FIRST diagnostic (sorted by line, column, code). Known compiler problems are listed
in KNOWN below and run as strict xfails, so that a fix shows up as an XPASS to be cleaned up.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from compiler.cli import main
from compiler.diagnostics import Diagnostic, display_width, render
from compiler.pipeline import Loaded, load
from compiler.syntax.parser import lark_parser

ROOT = Path(__file__).resolve().parent.parent
MALFORMED = Path(__file__).resolve().parent / "malformed"
FILES = sorted(MALFORMED.glob("*.policy"))

_EXPECT = re.compile(r"# expect: (PC\d{3}) line (\d+)(?: col (\d+))?\s*$")
_HINT = re.compile(r"# expect-hint: (.+?)\s*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_DOUBLED = re.compile(r"(“[^“”]+”)\1")  # e.g. 此处不应出现 “条款”“条款”
_TERMINALS = {t.name for t in lark_parser().terminals}


class Expect(NamedTuple):
    code: str
    line: int
    column: int | None
    hint: str | None


def case_name(path: Path) -> str:
    """``07_fullwidth_ge_in_condition.policy`` -> ``fullwidth_ge_in_condition``."""
    return path.stem.split("_", 1)[1] if re.match(r"\d+_", path.stem) else path.stem


# Known compiler problems: case name -> {aspect: reason}. Aspects: location (code/line/col,
# at least one diagnostic), messages (wording), rendering (source line and caret); "*" = all
# three (used when the compiler reports nothing, so there is no message or caret to check).
KNOWN: dict[str, dict[str, str]] = {
    # --- location ----------------------------------------------------------------------
    # --- messages ----------------------------------------------------------------------
    # --- rendering ---------------------------------------------------------------------
}


def expectation(path: Path) -> Expect:
    raw = path.read_bytes()
    head = raw.split(b"\n", 2)
    lines = [h.decode("utf-8-sig", errors="replace").rstrip("\r") for h in head[:2]]
    m = _EXPECT.fullmatch(lines[0])
    assert m, f"{path.name}: first line must be '# expect: PCnnn line N [col M]'"
    hint = None
    if len(lines) > 1 and (h := _HINT.fullmatch(lines[1])):
        hint = h.group(1)
    return Expect(m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None, hint)


@cache
def loaded(path: Path) -> Loaded:
    return load(path)


def ordered(diags: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (d.span.line, d.span.column, d.code))


def params(aspect: str) -> list[object]:
    out: list[object] = []
    for p in FILES:
        known = KNOWN.get(case_name(p), {})
        reason = known.get(aspect) or known.get("*")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(p, id=p.name, marks=marks))
    return out


def test_known_problems_name_existing_files() -> None:
    names = {case_name(p) for p in FILES}
    assert set(KNOWN) <= names, set(KNOWN) - names


def test_corpus_has_at_least_30_files() -> None:
    assert len(FILES) >= 30
    for p in FILES:
        expectation(p)  # every file carries a well-formed expectation


@pytest.mark.parametrize("path", params("location"))
def test_first_diagnostic(path: Path) -> None:
    want = expectation(path)
    result = load(path)  # (1) must not raise
    diags = ordered(result.diagnostics)
    assert diags, f"{path.name}: no diagnostic for a malformed policy"  # (2)
    assert not [d for d in diags if d.code == "PC000"], [d.message for d in diags]  # (4)
    first = diags[0]  # (3)
    got = (first.code, first.span.line, first.span.column if want.column else None)
    assert got == (want.code, want.line, want.column), (
        f"{path.name}: first diagnostic {first.code} {first.span} {first.message}"
    )


@pytest.mark.parametrize("path", params("messages"))
def test_messages(path: Path) -> None:
    want = expectation(path)
    diags = ordered(loaded(path).diagnostics)
    assert diags
    for d in diags:  # (5)
        assert d.message.strip(), d
        assert _CJK.search(d.message), f"message without Chinese: {d.message!r}"
        assert not _DOUBLED.search(d.message), f"token shown twice: {d.message}"
        assert not d.hint.rstrip().endswith("："), f"dangling hint: {d.hint!r}"
        # no grammar terminal by its name (SOURCE_KIND was listed among 「此处可以是」)
        named = set(re.findall(r"[A-Z][A-Z_]+", d.message + d.hint)) & _TERMINALS
        assert not named, f"grammar names in: {d.message} / {d.hint}"
    if want.hint:
        first = diags[0]
        assert want.hint in first.message + first.hint, (
            f"expected “{want.hint}” in: {first.message} / {first.hint}"
        )


def _printable(s: str) -> str:
    """Control characters are shown as one space each (so carets stay aligned)."""
    return "".join(ch if ch.isprintable() else " " for ch in s)


@pytest.mark.parametrize("path", params("rendering"))
def test_rendering(path: Path) -> None:
    result = loaded(path)
    diags = ordered(result.diagnostics)
    assert diags
    for d in diags:  # (6) rendering never fails
        out = render(d, result.text)
        assert out.startswith(f"{d.span}: "), out
    first = diags[0]
    rendered = render(first, result.text).split("\n")
    if result.text is None:  # undecodable file: location and message only
        assert len(rendered) == 1 or rendered[1].lstrip().startswith("提示"), rendered
        return
    # The line as the parser counts lines (only \n ends a line).
    src = result.text.split("\n")[first.span.line - 1].removesuffix("\r").replace("\t", " ")
    gutter = f"{first.span.line:>5} | "
    assert len(rendered) >= 3, rendered
    assert rendered[1].startswith(gutter), rendered
    assert _printable(rendered[1][len(gutter):]) == _printable(src), (
        f"rendered line {rendered[1]!r} is not line {first.span.line} {src!r}"
    )
    caret = rendered[2]
    assert set(caret.strip()) == {"^"}, caret
    prefix = src[: first.span.column - 1]
    assert caret.index("^") == len(gutter) + display_width(prefix), "\n".join(rendered)


@pytest.mark.parametrize(
    "content", [b"", "\ufeff".encode(), b"\n\n   \n", "# 只有注释\n".encode()],
    ids=["zero_bytes", "bom_only", "blank_lines", "comment_only"],
)
def test_truly_empty_files(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "empty.policy"
    p.write_bytes(content)
    diags = ordered(load(p).diagnostics)
    assert [(d.code, d.span.line, d.span.column) for d in diags][:1] == [("PC105", 1, 1)]
    render(diags[0], content.decode("utf-8-sig"))


CLI_CASES = [p for p in FILES if case_name(p) in (
    "cjk_before_error_column", "bom_then_fullwidth_paren", "unknown_fact",
    "quote_not_in_source", "ideographic_space_indent_unknown_name",
)]


@pytest.mark.parametrize("path", CLI_CASES, ids=[p.name for p in CLI_CASES])
def test_cli_check_reports_location(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    rel = path.relative_to(ROOT).as_posix()
    want = expectation(path)
    res = CliRunner().invoke(main, ["check", rel])
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    col = want.column if want.column is not None else ""
    assert f"{rel}:{want.line}:{col}" in res.output, res.output
    assert f"[{want.code}]" in res.output


def test_every_command_reports_the_location(monkeypatch: pytest.MonkeyPatch) -> None:
    """`lower`, `test` and `fmt` report a syntax error as `check` does (file:line:col, no
    traceback); `test` counts a policy that does not load as one failed test."""
    monkeypatch.chdir(ROOT)
    (path,) = [p for p in FILES if case_name(p) == "cjk_before_error_column"]
    rel = path.relative_to(ROOT).as_posix()
    want = expectation(path)
    for command in ("lower", "test", "fmt"):
        res = CliRunner().invoke(main, [command, rel])
        assert res.exit_code == 1, (command, res.output)
        assert res.exception is None or isinstance(res.exception, SystemExit), command
        assert f"{rel}:{want.line}:{want.column or ''}" in res.output, (command, res.output)
        if command == "test":
            assert res.output.rstrip().endswith("0 passed, 1 failed"), res.output


def test_a_folder_stands_for_the_policies_in_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`policyc check policies/` checks every .policy file in the folder (it reported PC006 「不是普通
    文件」 and 「检查了 1 个政策」); a folder without any is still reported where it is named."""
    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(main, ["check", "policies/"])
    assert res.exit_code == 0, res.output
    assert "检查了 5 个政策" in res.output and "PC006" not in res.output
    res = CliRunner().invoke(main, ["test", "policies"])
    assert res.exit_code == 0 and "0 failed" in res.output, res.output
    empty = tmp_path / "none"
    empty.mkdir()
    res = CliRunner().invoke(main, ["check", str(empty)])
    assert res.exit_code == 1 and f"{empty}:1:1" in res.output and "[PC006]" in res.output
    assert "中没有 .policy 文件" in res.output  # not 「不是普通文件」: a folder may be given

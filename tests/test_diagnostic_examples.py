"""The page of diagnostic examples (docs/_hooks/diagnostic_examples.py, rendered by the mkdocs hook
docs/_hooks/diagnostic_pages.py): every code in docs/reference/diagnostics.md has an example whose
bad text really yields that code and whose fix really does not.
"""

from __future__ import annotations

import functools
import re
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import main
from conftest import ROOT

HOOKS = str(ROOT / "docs" / "_hooks")
if HOOKS not in sys.path:
    sys.path.append(HOOKS)

import diagnostic_examples as dx  # noqa: E402

TABLE = ROOT / "docs" / "reference" / "diagnostics.md"
DOCUMENTED = dx.documented_codes(TABLE)


@functools.cache
def demonstrated(ex: dx.Example) -> dx.Demo:
    return dx.demonstrate(ex)  # what the hook runs; raises ExampleError with the details


def test_the_tables_of_the_reference_are_read() -> None:
    rows = re.findall(r"^\| (PC\d{3}) \|", TABLE.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert list(DOCUMENTED) == rows
    assert {"PC000", "PC001", "PC140", "PC430", "PC902"} <= set(DOCUMENTED)
    assert {sev for sev, _ in DOCUMENTED.values()} == {"错误", "警告", "提示"}


def test_every_documented_code_except_the_internal_error_and_the_limits_has_one_example() -> None:
    codes = [ex.code for ex in dx.EXAMPLES]
    assert len(codes) == len(set(codes)), "a code with two examples"
    # PC490 (a solver limit reached) needs policies of dozens or hundreds of items: each limit
    # is lowered and shown to give PC490 in tests/test_solver_limits.py instead
    assert set(dx.UNDEMONSTRATED) == {"PC000", "PC490"}
    assert set(codes) == set(DOCUMENTED) - set(dx.UNDEMONSTRATED)


@pytest.mark.parametrize("ex", dx.EXAMPLES, ids=lambda ex: ex.code)
def test_the_bad_example_yields_its_code_and_the_fix_does_not(ex: dx.Example) -> None:
    demo = demonstrated(ex)
    assert demo.diagnostic.code == ex.code
    assert demo.diagnostic is demo.bad.first(ex.code)
    assert demo.fixed.first(ex.code) is None
    if ex.fixed_errors:
        assert demo.fixed.errors, "fixed_errors explains errors that the fix does not have"
    else:
        assert not demo.fixed.errors, [demo.fixed.render(d) for d in demo.fixed.errors]
    assert demo.diagnostic.severity.zh == DOCUMENTED[ex.code][0]
    # the page shows file names relative to the example, never the temporary directory
    assert demo.rendered.startswith(f"{dx.EXAMPLE_FILE}:")
    assert tempfile.gettempdir() not in demo.rendered
    assert ex.fixed != ex.bad or ex.bad_encoding != "utf-8"


@pytest.mark.parametrize("ex", dx.EXAMPLES, ids=lambda ex: ex.code)
def test_the_page_shows_what_the_command_line_prints(ex: dx.Example, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = ex.bad
    for shown, written in ex.expand:
        text = text.replace(shown, written)
    for name in ex.files:
        (tmp_path / name).write_bytes(dx.source_file(name).read_bytes())
    (tmp_path / dx.EXAMPLE_FILE).write_bytes(text.encode(ex.bad_encoding))
    monkeypatch.chdir(tmp_path)
    args = ["test"] if ex.uses_tests else ["check", "--on", ex.date.isoformat()]
    res = CliRunner().invoke(main, [*args, dx.EXAMPLE_FILE])
    assert demonstrated(ex).rendered in res.output, res.output


def test_a_wrong_example_is_reported() -> None:
    ex = next(e for e in dx.EXAMPLES if e.code == "PC301")
    with pytest.raises(dx.ExampleError, match="修改后仍然产生 PC301"):
        dx.demonstrate(replace(ex, fixes=()))
    with pytest.raises(dx.ExampleError, match="错误示例没有产生 PC301"):
        dx.demonstrate(replace(ex, bad=ex.fixed, fixes=()))
    with pytest.raises(dx.ExampleError, match="出现 0 次"):
        _ = replace(ex, fixes=(("不在示例中的文字", ""),)).fixed


def test_the_page_is_complete_and_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("mkdocs")
    import diagnostic_pages

    page = diagnostic_pages.build_page(TABLE)
    for ex in dx.EXAMPLES:
        assert f"## {ex.code} {ex.title} {{#{ex.code.lower()}}}" in page
    assert page.count("```policy") == 2 * len(dx.EXAMPLES)
    assert tempfile.gettempdir() + "/" not in page
    assert diagnostic_pages.build_page(TABLE) == page

    # the build fails when a documented code loses its example
    monkeypatch.setattr(dx, "EXAMPLES", [ex for ex in dx.EXAMPLES if ex.code != "PC412"])
    with pytest.raises(dx.ExampleError, match="PC412：诊断代码表中有此代码，但没有示例"):
        diagnostic_pages.build_page(TABLE)

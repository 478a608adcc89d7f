"""`policyc fmt`: the canonical layout is idempotent, keeps comments and never changes the model."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import main
from compiler.diagnostics import Span
from compiler.pipeline import parse_source
from compiler.syntax.fmt import format_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "policies").glob("*.policy"))
TEST_POLICIES = (sorted((ROOT / "tests" / "checks").rglob("*.policy"))
                 + sorted((ROOT / "tests" / "examples").glob("*.policy")))  # the language's constructs
MALFORMED = sorted((ROOT / "tests" / "malformed").glob("*.policy"))


def without_spans(x: object) -> object:
    """The model with every source position removed: what formatting must not change."""
    if isinstance(x, Span):
        return None
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return (type(x).__name__, tuple((f.name, without_spans(getattr(x, f.name)))
                                        for f in dataclasses.fields(x)))
    if isinstance(x, (tuple, list)):
        return tuple(without_spans(y) for y in x)
    if isinstance(x, dict):
        return tuple(sorted((k, without_spans(v)) for k, v in x.items()))
    return x


def _model(text: str, name: str) -> tuple[object, list[str]]:
    policy, diags = parse_source(text, name)
    return without_spans(policy), sorted(f"{d.code} {d.message}" for d in diags)


@pytest.mark.parametrize("path", SEEDS + TEST_POLICIES, ids=lambda p: p.name)
def test_model_and_diagnostics_unchanged_and_idempotent(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    out, diags = format_text(text, path.name)
    assert out is not None, diags
    assert _model(out, path.name) == _model(text, path.name)
    assert format_text(out, path.name)[0] == out


@pytest.mark.parametrize("path", MALFORMED, ids=lambda p: p.name)
def test_malformed_never_crashes(path: Path) -> None:
    """A file that does not parse is refused with its syntax diagnostics; one that parses keeps its model."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return  # the CLI reports the encoding (test below); format_text takes text
    out, diags = format_text(text, path.name)
    if out is None:
        assert diags and all(d.code.startswith("PC0") for d in diags)
    else:
        assert _model(out, path.name) == _model(text, path.name)
        assert format_text(out, path.name)[0] == out


MESSY = """\
# header comment
政策 demo {
标题 "示例"   # trailing
      层级 市级   来源 "x.txt"
}
事实 { digital_level   spend_software_cloud
  own_fact : 布尔 "自有" }



# about r
定义 r "投入"=spend_software_cloud+ 1万元
补助 a { 条款 第七条第（一）项 原文 「补助
    原文」 条件 own_fact 且 digital_level>=2 金额 分档 { 当 digital_level==2 则 50%×r 封顶 20万元
 # inner comment
 否则 ( r -1元 ) }
资金 未明确 [ central ,city ]
}
测试 "t" { 输入 {own_fact:真,digital_level: 2,
spend_software_cloud:-5} 期望 项目 a 无 }
# end
"""

CANONICAL = """\
# header comment
政策 demo {
  标题 "示例"  # trailing
  层级 市级
  来源 "x.txt"
}

事实 {
  digital_level
  spend_software_cloud
  own_fact: 布尔 "自有"
}

# about r
定义 r "投入" = spend_software_cloud + 1万元

补助 a {
  条款 第七条第（一）项
  原文 「补助
    原文」
  条件 own_fact 且 digital_level >= 2
  金额 分档 {
    当 digital_level == 2 则 50% × r 封顶 20万元
    # inner comment
    否则 (r - 1元)
  }
  资金 未明确 [central, city]
}

测试 "t" {
  输入 { own_fact: 真, digital_level: 2,
         spend_software_cloud: -5 }
  期望 项目 a 无
}
# end
"""


def test_canonical_layout_of_a_messy_file() -> None:
    """One field per line, two-space indents, one space around operators, comments where they were,
    the line break inside 输入 kept and aligned under its brace (display width: 输入 is 4 columns)."""
    out, diags = format_text(MESSY)
    assert diags == []
    assert out == CANONICAL
    assert format_text(CANONICAL)[0] == CANONICAL


READING_MESSY = """\
  # which applicants 第十三条 binds
  解读 scope {
条款 第十三条
读法 all "全部申报主体"   读法 firms "只约束企业"
  依据 第十三条 「企业」
采用 all
  }
"""

READING_CANONICAL = """\
# which applicants 第十三条 binds
解读 scope {
  条款 第十三条
  读法 all "全部申报主体"
  读法 firms "只约束企业"
    依据 第十三条 「企业」
  采用 all
}
"""


def test_a_reading_block_is_laid_out_like_every_other_block() -> None:
    """A 解读 block is a top-level block: its fields one per line, indented two spaces (the seeds'
    解读 blocks had their fields at column 0 and their braces indented, and fmt --check passed)."""
    out, diags = format_text(READING_MESSY)
    assert diags == []
    assert out == READING_CANONICAL
    assert format_text(READING_CANONICAL)[0] == READING_CANONICAL


def test_cli_check_and_rewrite(tmp_path: Path) -> None:
    messy = tmp_path / "messy.policy"
    messy.write_text(MESSY, encoding="utf-8")
    good = tmp_path / "good.policy"
    good.write_text(CANONICAL, encoding="utf-8")
    bad = tmp_path / "bad.policy"
    bad.write_text("政策 x {\n  标题 ＝ \"a\"\n}\n", encoding="utf-8")
    run = CliRunner().invoke
    r = run(main, ["fmt", "--check", str(messy), str(good)])
    assert r.exit_code == 1 and "messy.policy" in r.output and "good.policy" not in r.output
    assert messy.read_text(encoding="utf-8") == MESSY  # --check writes nothing
    r = run(main, ["fmt", str(messy), str(bad)])
    assert r.exit_code == 1  # bad.policy cannot be formatted
    assert "PC004" in r.output and "Traceback" not in r.output
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert bad.read_text(encoding="utf-8") == "政策 x {\n  标题 ＝ \"a\"\n}\n"
    r = run(main, ["fmt", "--check", str(messy)])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_horizontal_spacing_does_not_matter(path: Path) -> None:
    """The seeds are in the canonical layout: re-indenting every line and widening every space
    between two tokens (never inside a token or a comment) formats back to the seed exactly."""
    from lark import Token

    from compiler.syntax.fmt import _token_parser

    text = path.read_text(encoding="utf-8")
    tokens = list(_token_parser().parse(text).scan_values(lambda v: isinstance(v, Token)))
    inside = [False] * (len(text) + 1)
    for t in tokens:
        for i in range(t.start_pos or 0, t.end_pos or 0):
            inside[i] = True
    for m in re.finditer(r"#[^\n]*", text):  # comments (a # inside a token is not one)
        if not inside[m.start()]:
            for i in range(m.start(), m.end()):
                inside[i] = True
    rng = random.Random(path.name)
    out = []
    for i, ch in enumerate(text):
        if inside[i]:
            out.append(ch)
        elif ch == " ":
            out.append(" " * rng.randint(1, 3))
        elif ch == "\n" and not inside[i + 1 if i + 1 < len(text) else i]:
            out.append("\n" + " " * rng.randint(0, 5))
        else:
            out.append(ch)
    shaken = "".join(out)
    assert shaken != text
    assert format_text(shaken, path.name)[0] == text

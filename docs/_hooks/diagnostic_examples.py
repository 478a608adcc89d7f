"""One failing example and its fix for every diagnostic code in docs/reference/diagnostics.md.

The hook docs/_hooks/diagnostic_pages.py turns this list into the page
reference/diagnostic-examples.md, and tests/test_diagnostic_examples.py checks it. Neither
trusts the text below: each example is written to a temporary directory next to copies of the
source texts it quotes (policies/kunming.txt, …), loaded with ``compiler.pipeline.load`` and,
when it loads without errors, its 测试 blocks are run as ``policyc test`` does. The page shows
the diagnostic that run really produced; the build fails when the bad text does not produce its
code, or the fixed text still does (or has any error at all, unless ``fixed_errors`` says why).

An example is a complete small policy: the 政策 header, the facts it reads and the one block the
mistake is in. The fix is written as text replacements on the bad example (``fixes``), so that
it changes as little as possible and the page can highlight exactly the lines that changed.

This file lives in docs/ only so that the hook can import it; ``exclude_docs`` keeps it out of
the site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.diagnostics import Diagnostic, Severity, render
from compiler.pipeline import load
from compiler.testing import run_tests

__all__ = ["DEFAULT_ON", "EXAMPLES", "Demo", "Diagnostic", "Example", "ExampleError", "Outcome",
           "changed_lines", "demonstrate", "demonstrate_all", "documented_codes", "run", "source_file"]

ROOT = Path(__file__).resolve().parents[2]
POLICIES = ROOT / "policies"
# Source texts of the example policies in tests/examples/ (临川, 云溪): notices the seeds are not,
# for the constructs they need (资金 未规定, 「分别」, 摘要, 有效期 without an end, …).
EXAMPLE_SOURCES = ROOT / "tests" / "examples"

EXAMPLE_FILE = "example.policy"
# Every example is checked as of this date (`policyc check --on`), so that the page does not
# change with the day it is built: validity (PC601) and the solver's witnesses depend on it.
DEFAULT_ON = dt.date(2025, 8, 1)
KUNMING = ("kunming.txt",)
WITH_PARENT = ("kunming.txt", "national.policy", "national.txt")


class ExampleError(Exception):
    """An example does not show what it claims: the bad text misses its code, or the fix fails."""


@dataclass(frozen=True)
class Example:
    code: str
    title: str
    bad: str
    fixes: tuple[tuple[str, str], ...]
    """(old, new) replacements that turn ``bad`` into the fixed text; each ``old`` occurs once."""
    note: str = ""
    """What went wrong (Markdown, Chinese), shown above the bad example."""
    fix_note: str = ""
    """Why the fix is right (Markdown, Chinese), shown under the fixed example."""
    on: dt.date | None = None
    """The check date, for date-dependent codes (PC601); otherwise DEFAULT_ON."""
    files: tuple[str, ...] = KUNMING
    """Files of policies/ copied next to the example (source texts, a parent policy)."""
    bad_encoding: str = "utf-8"
    """How the bad example is saved (PC006: a policy saved as GBK). The fix is saved as UTF-8."""
    expand: tuple[tuple[str, str], ...] = ()
    """(shown, written): the shown text abbreviates ``written``, which is what the file holds."""
    fixed_errors: str = ""
    """Why the fixed text may still have errors; empty: the fix must have none."""

    @property
    def fixed(self) -> str:
        text = self.bad
        for old, new in self.fixes:
            if text.count(old) != 1:
                raise ExampleError(f"{self.code}：修改 {old!r} 在错误示例中出现 {text.count(old)} 次，应恰好 1 次")
            text = text.replace(old, new)
        return text

    @property
    def date(self) -> dt.date:
        return self.on or DEFAULT_ON

    @property
    def uses_tests(self) -> bool:
        return self.code.startswith("PC9")


@dataclass(frozen=True)
class Outcome:
    """What the compiler said about one example file."""

    text: str | None
    """The file's text as loaded (None when it could not be read or decoded)."""
    diagnostics: tuple[Diagnostic, ...]
    """Reported diagnostics, then the failures of its 测试 blocks (only run without errors)."""
    suppressed: tuple[Diagnostic, ...]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    def first(self, code: str) -> Diagnostic | None:
        return next((d for d in self.diagnostics if d.code == code), None)

    def render(self, diag: Diagnostic) -> str:
        return render(diag, self.text)


def source_file(name: str) -> Path:
    """A file an example is checked next to: from policies/, else from tests/examples/."""
    origin = POLICIES / name
    return origin if origin.exists() else EXAMPLE_SOURCES / name


def run(text: str, *, on: dt.date = DEFAULT_ON, files: tuple[str, ...] = KUNMING,
        encoding: str = "utf-8", expand: tuple[tuple[str, str], ...] = ()) -> Outcome:
    """Check ``text`` as the file example.policy next to copies of ``files``; run its tests.

    File names in the result are relative to that directory: nothing depends on where the
    temporary directory is.
    """
    for shown, written in expand:
        text = text.replace(shown, written)
    with tempfile.TemporaryDirectory(prefix="policyc-example-") as tmp:
        where = Path(tmp).resolve()
        for name in files:
            (where / name).write_bytes(source_file(name).read_bytes())
        path = where / EXAMPLE_FILE
        path.write_bytes(text.encode(encoding))
        loaded = load(path, on)
        diags = list(loaded.diagnostics)
        if loaded.ok and loaded.policy is not None:
            for outcome in run_tests(loaded.policy):
                diags += outcome.failures
        return Outcome(
            loaded.text,
            tuple(_relative(d, where, loaded.display) for d in diags),
            tuple(_relative(d, where, loaded.display) for d, _ in loaded.suppressed),
        )


def _relative(d: Diagnostic, where: Path, display: str) -> Diagnostic:
    prefixes = sorted({str(where) + "/", display.removesuffix(EXAMPLE_FILE)} - {""}, key=len, reverse=True)

    def strip(s: str) -> str:
        for p in prefixes:
            s = s.replace(p, "")
        return s

    span = dataclasses.replace(d.span, file=strip(d.span.file))
    return dataclasses.replace(d, span=span, message=strip(d.message), hint=strip(d.hint))


@dataclass(frozen=True)
class Demo:
    """An example with what the compiler really said about its bad and its fixed text."""

    example: Example
    bad: Outcome
    fixed: Outcome
    diagnostic: Diagnostic
    """The first diagnostic with the example's code in the bad example."""

    @property
    def rendered(self) -> str:
        return self.bad.render(self.diagnostic)


def demonstrate(ex: Example) -> Demo:
    """Run an example's bad and fixed text; raise ExampleError unless both show what they claim."""
    bad = run(ex.bad, on=ex.date, files=ex.files, encoding=ex.bad_encoding, expand=ex.expand)
    hit = bad.first(ex.code)
    if hit is None:
        raise ExampleError(f"{ex.code}：错误示例没有产生 {ex.code}（实际：{_codes(bad.diagnostics) or '无诊断'}）")
    fixed = run(ex.fixed, on=ex.date, files=ex.files, expand=ex.expand)
    again = fixed.first(ex.code)
    if again is not None:
        raise ExampleError(f"{ex.code}：修改后仍然产生 {ex.code}：\n" + fixed.render(again))
    if fixed.errors and not ex.fixed_errors:
        raise ExampleError(f"{ex.code}：修改后仍有错误：\n" + "\n".join(fixed.render(d) for d in fixed.errors))
    if not fixed.errors and ex.fixed_errors:
        raise ExampleError(f"{ex.code}：fixed_errors 说修改后仍有错误，但实际没有错误")
    return Demo(ex, bad, fixed, hit)


def documented_codes(table: Path) -> dict[str, tuple[str, str]]:
    """The codes in the tables of docs/reference/diagnostics.md: code -> (severity, meaning), in order."""
    rows: dict[str, tuple[str, str]] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m:
            rows[m.group(1)] = (m.group(2).strip(), m.group(3).strip())
    return rows


_ROW = re.compile(r"^\| (PC\d{3}) \|([^|]*)\|(.*)\|\s*$")
UNDEMONSTRATED = {
    "PC000": "policyc 内部错误：有示例就说明有缺陷，应当修复而不是展示",
    # tests/test_solver_limits.py lowers each limit and shows the PC490 it gives
    "PC490": "规模上限：示例需要数十至数百个补助项或档次，见“求解器的规模上限”",
}


def demonstrate_all(documented: dict[str, tuple[str, str]]) -> tuple[list[Demo], list[str]]:
    """Every documented code's example, in the table's order, and what is wrong with them (if anything)."""
    problems: list[str] = []
    by_code: dict[str, Example] = {}
    for ex in EXAMPLES:
        if ex.code in by_code:
            problems.append(f"{ex.code}：有两个示例")
        by_code[ex.code] = ex
    problems += [f"{code}：有示例，但不在诊断代码表中" for code in by_code if code not in documented]
    demos: list[Demo] = []
    for code, (severity, _) in documented.items():
        if code in UNDEMONSTRATED:
            continue
        example = by_code.get(code)
        if example is None:
            problems.append(f"{code}：诊断代码表中有此代码，但没有示例")
            continue
        try:
            demo = demonstrate(example)
        except ExampleError as err:
            problems.append(str(err))
            continue
        if demo.diagnostic.severity.zh != severity:
            problems.append(f"{code}：诊断代码表写严重程度为“{severity}”，实际为“{demo.diagnostic.severity.zh}”")
        demos.append(demo)
    return demos, problems


def _codes(diags: tuple[Diagnostic, ...] | list[Diagnostic]) -> str:
    return "、".join(dict.fromkeys(d.code for d in diags))


def changed_lines(before: str, after: str) -> tuple[list[int], list[int]]:
    """1-based numbers of the lines that differ: in ``before`` and in ``after``."""
    a, b = before.splitlines(), after.splitlines()
    old: list[int] = []
    new: list[int] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            old += range(i1 + 1, i2 + 1)
            new += range(j1 + 1, j2 + 1)
    return old, new


def _policy(*blocks: str) -> str:
    return "\n".join(blocks)


# --- building blocks ---------------------------------------------------------------------------
# Quotes are verbatim from policies/kunming.txt (昆工信规〔2024〕1号); whitespace is ignored.

HEADER = """\
政策 kunming_draft {
  标题 "昆明市中小企业数字化转型专项资金管理办法"
  来源 "kunming.txt"
}
"""

FACTS_LIGHTHOUSE = """\
事实 {
  applicant_type 必填
  lighthouse
}
"""

LIGHTHOUSE = """\
补助 lighthouse_award {
  条款 第七条第（二）项
  标题 "数字化转型“小灯塔”企业奖励"
  对象 enterprise
  原文 「经评审公示无异议后，给予“小灯塔”企业一次性 20 万元的奖励。」
  条件 lighthouse
  金额 20万元
  资金 city 100%
}
"""

FACTS_REFORM = """\
事实 {
  applicant_type 必填
  digital_level
  spend_software_cloud
}
"""

# 第七条第（一）项, level 2 only: the smallest honest encoding of one tier.
REFORM = """\
补助 reform_subsidy {
  条款 第七条第（一）项
  标题 "中小企业数字化转型企业改造补助（二级）"
  对象 enterprise
  原文 「补助标准不超过改造投入的 50%，其中，达到二级水平的企业，每家最高补助
    20 万元」
  条件 digital_level == 2
  金额 50% × spend_software_cloud 封顶 20万元
  资金 city 100%
}
"""

REFORM_TIERS_QUOTE = """\
  原文 「达到二级水平的企业，每家最高补助 20 万元；达到三级水平的企业，每家最高补助 40 万元；
    达到四级及以上水平的企业，每家最高补助 50 万元。」
"""

FUNDING_15 = """\
  资金 未明确 [central, province, city, county]
    依据 第十五条 「对纳入改造范围的试点行业企业数字化转型补助由中央、省级、
    市级、县（区）财政承担。」
"""

VALIDITY_26 = """\
  有效期 自 2024-05-12 至 2026-12-31
    依据 第二十六条 「有效期自 2024 年 5 月 12 日到 2026 年 12 月 31 日」
"""

LIGHTHOUSE_TEST = """\
测试 "小灯塔企业获20万元" {
  说明 "第七条第（二）项：一次性 20 万元。"
  日期 2025-08-01
  输入 { applicant_type: "enterprise", lighthouse: 真 }
  期望 项目 lighthouse_award 200000元
}
"""


def _lighthouse(old: str, new: str) -> str:
    assert LIGHTHOUSE.count(old) == 1, old
    return LIGHTHOUSE.replace(old, new)


def _lighthouse_undone(code: str, title: str, right: str, wrong: str, **more: Any) -> Example:
    """An example whose mistake is one change to the 小灯塔 item (``right`` written as
    ``wrong``), fixed by undoing it."""
    return Example(code, title, _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse(right, wrong)),
                   ((wrong, right),), **more)


def _reform(old: str, new: str) -> str:
    assert REFORM.count(old) == 1, old
    return REFORM.replace(old, new)


# PC406: the same article entered twice (20万元 and 200000元 are the same amount)
LIGHTHOUSE_AGAIN = (_lighthouse("补助 lighthouse_award", "补助 lighthouse_award_2")
                    .replace("金额 20万元", "金额 200000元"))

DEEP = 10_000  # levels of 非 that overflow the compiler's stack (PC007)


EXAMPLES: list[Example] = [
    # --- PC0xx reading and syntax ---------------------------------------------------------------
    Example(
        "PC001", "金额中写了千位分隔符",
        _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse("金额 20万元", "金额 200,000元")),
        (("金额 200,000元", "金额 200000元"),),
        note="逗号只用来分隔列表中的各项，不能写在数字里。编译器在逗号处停下，并列出此处可以出现的内容。",
        fix_note="写成 `200000元` 或 `20万元`（两者是同一金额）。",
    ),
    _lighthouse_undone(
        "PC002", "关键字拼写错误",
        "补助 lighthouse_award", "补主 lighthouse_award",
        note="输入法选错了字：`补主` 不是关键字。提示中给出最接近的关键字。",
    ),
    Example(
        "PC003", "块没有用 } 结束",
        _policy(HEADER, FACTS_LIGHTHOUSE, LIGHTHOUSE.removesuffix("}\n")),
        (("  资金 city 100%\n", "  资金 city 100%\n}\n"),),
        note="文件末尾的块少了 `}`：直到文件结束，编译器都在等待这个块的下一个字段。",
    ),
    Example(
        "PC004", "全角括号",
        _policy(HEADER, FACTS_REFORM.replace("  spend_software_cloud\n",
                                             "  spend_software_cloud\n  spend_data_equipment\n"),
                _reform("金额 50% × spend_software_cloud 封顶 20万元",
                        "金额 50% × （spend_software_cloud + spend_data_equipment） 封顶 20万元")),
        (("（spend_software_cloud + spend_data_equipment）", "(spend_software_cloud + spend_data_equipment)"),),
        note="中文输入法下打出的 `（` `）` 是全角括号。规则中的标点（`=` `,` `:` `(` `)` `%` `\"`）都须用半角；"
             "原文引文、字符串和条款编号中的全角标点不受影响。",
    ),
    Example(
        "PC005", "字符串没有结束",
        _policy(HEADER, FACTS_LIGHTHOUSE,
                _lighthouse('标题 "数字化转型“小灯塔”企业奖励"', '标题 "数字化转型“小灯塔”企业奖励')),
        (('标题 "数字化转型“小灯塔”企业奖励\n', '标题 "数字化转型“小灯塔”企业奖励"\n'),),
        note="标题的右引号漏了。字符串只能写在一行内，所以编译器在行末就报告，而不会吞掉后面的内容。",
    ),
    Example(
        "PC006", "文件不是 UTF-8 编码",
        _policy(HEADER, FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (),
        bad_encoding="gbk",
        note="错误示例的内容本身没有问题，但文件是用 **GBK** 编码保存的（一些 Windows 编辑器的默认编码）。"
             "构建本页时，下面的文本确实以 GBK 编码写入 example.policy 再检查；文件无法解码，所以输出中没有源代码行。"
             "\n\n同一代码还用于文件无法读取（不存在、没有权限），"
             "以及 `policyc calc`/`policyc check` 给出的政策 id 找不到。",
        fix_note="内容不变，以 UTF-8 编码另存（编辑器“另存为”中选择 UTF-8）。",
    ),
    _lighthouse_undone(
        "PC007", "表达式嵌套过深",
        "条件 lighthouse", f"条件 〔“非 ” × {DEEP}〕lighthouse",
        expand=((f"〔“非 ” × {DEEP}〕", "非 " * DEEP),),
        note=f"只有程序生成的政策才会嵌套到这种深度。示例中的 `〔“非 ” × {DEEP}〕` 是本页的缩写："
             f"构建本页时实际检查的文件在这里连写了 {DEEP} 个 `非 `（2 万个字符，不便印出）。",
        fix_note="偶数个 `非` 相互抵消，条件就是 `lighthouse`。一般地，把很长的表达式拆成几个 `定义`。",
    ),
    Example(
        "PC008", "从 PDF 复制的原文带有换页符",
        _policy(HEADER, FACTS_LIGHTHOUSE,
                _lighthouse("给予“小灯塔”企业", "给予“小灯塔”〔换页符〕企业")),
        (("〔换页符〕", ""),),
        expand=(("〔换页符〕", "\f"),),
        note="PDF 的分页处常带一个看不见的换页符（U+000C）。有的编辑器把它当作换行，有的不显示，"
             "编译器和编辑器对行号的理解就会不一致，所以控制字符、行分隔符 U+2028/U+2029、"
             "单独的代理码元和双向文字控制符一律不允许（制表符、换行和回车换行除外）。"
             "示例中的 `〔换页符〕` 是本页的写法：实际检查的文件在这里是一个 U+000C。",
        fix_note="删除这个字符（引文比对本来就忽略空白）。",
    ),
    _lighthouse_undone(
        "PC009", "金额多打了几个零",
        "金额 20万元", "金额 2000000000000000000元",
        note="数字的整数部分至多 15 位、小数部分至多 8 位；字符串至多 2000 个字符，原文引文至多 20000 个字符，"
             "政策文件至多 2 MB，原文来源至多 8 MB。这些上限远大于任何真实的政策，"
             "使检查和计算的时间与内存有界。",
        fix_note="写成 `20万元`。",
    ),
    _lighthouse_undone(
        "PC010", "条款编号后多写了冒号",
        "条款 第七条第（二）项", "条款 第七条第（二）项：",
        note="条款编号只由 第、数字、条/章/节/款/项/目、之、括号和顿号组成，"
             "如 `第七条第（一）项`、`第七条第二款`、`四、（一）`。它会出现在指南的标题和计算过程中，"
             "所以其他字符（冒号、尖括号、引号等）都不允许。",
        fix_note="删去冒号；条款编号与后面的内容用空格或换行分开。",
    ),
    # --- PC1xx structure and names ------------------------------------------------------------
    Example(
        "PC101", "有效期写在了补助项中",
        _policy(HEADER, FACTS_LIGHTHOUSE,
                _lighthouse("  金额 20万元\n", "  金额 20万元\n" + VALIDITY_26)),
        (("  金额 20万元\n" + VALIDITY_26, "  金额 20万元\n"),
         ('  来源 "kunming.txt"\n', '  来源 "kunming.txt"\n' + VALIDITY_26)),
        note="`有效期` 是整个政策的属性，只能写在 `政策` 块中。",
        fix_note="把 `有效期`（连同 `依据`）移到 `政策` 块。",
    ),
    Example(
        "PC102", "补助项缺少金额",
        _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse("  金额 20万元\n", "")),
        (("  条件 lighthouse\n", "  条件 lighthouse\n  金额 20万元\n"),),
        note="每个 `补助` 都须写明 `金额`；原文没有规定金额时写 `金额 未定`（见 PC510）。",
    ),
    Example(
        "PC103", "条件写了两次",
        _policy(HEADER, FACTS_REFORM.replace("  digital_level\n", "  in_pilot_scope\n  digital_level\n"),
                _reform("  条件 digital_level == 2\n", "  条件 in_pilot_scope\n  条件 digital_level == 2\n")),
        (("  条件 in_pilot_scope\n  条件 digital_level == 2\n", "  条件 in_pilot_scope 且 digital_level == 2\n"),),
        note="同一字段写了两次，编译器不会猜测两者是“且”还是“或”的关系。",
        fix_note="合并为一个条件，用 `且` 连接。",
    ),
    Example(
        "PC104", "事实列了两次",
        _policy(HEADER, FACTS_LIGHTHOUSE.replace("  lighthouse\n", "  lighthouse\n  lighthouse\n"), LIGHTHOUSE),
        (("  lighthouse\n  lighthouse\n", "  lighthouse\n"),),
        note="补助项、事实、定义、测试的名称在一个政策中都须唯一。",
    ),
    Example(
        "PC105", "缺少“政策”块",
        _policy(FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (("事实 {\n", HEADER + "\n事实 {\n"),),
        note="每个政策文件都须有且只有一个 `政策` 块，写明标题和原文来源。",
    ),
    Example(
        "PC106", "自定义事实没有写类型",
        _policy(HEADER, """\
事实 {
  pilot_ended_unaccepted
}
""", """\
排除 unaccepted {
  条款 第九条第（三）项
  原文 「试点实施期结束，项目未验收或验收不合格的单位。」
  条件 pilot_ended_unaccepted
}
"""),
        (("  pilot_ended_unaccepted\n", '  pilot_ended_unaccepted: 布尔 "试点实施期结束时项目未验收或验收不合格"\n'),),
        note="`pilot_ended_unaccepted` 不在[共享词汇表](vocabulary.md)中，编译器不知道它的类型和含义。",
        fix_note="本政策自己的事实须写明类型和中文标签；中文标签会出现在申请表和申请指南中。",
    ),
    Example(
        "PC107", "改写了共享词汇中事实的类型",
        _policy(HEADER, FACTS_REFORM.replace("  digital_level\n", '  digital_level: 整数 1..5 "数字化水平等级"\n'),
                REFORM),
        (('  digital_level: 整数 1..5 "数字化水平等级"\n', "  digital_level\n"),),
        note="`digital_level` 是共享词汇中的事实，类型（整数 0..4）由词汇表规定，"
             "所有政策和申请人资料都按同一口径填写。",
        fix_note="共享词汇中的事实只写名称。",
    ),
    Example(
        "PC108", "政策标识与生成的页面同名",
        _policy(HEADER.replace("政策 kunming_draft", "政策 compare"), FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (("政策 compare", "政策 kunming_draft"),),
        note="政策标识是各输出的文件名（`compare.md`、`compare.py`……）。`compare` 已是各地对比页的名称，"
             "`index`、`__init__`、Python 关键字和 Windows 设备名（`con`、`nul`……）同样不可用；"
             "一同检查或构建的两个政策文件的标识也不能相同（不区分大小写），否则后者会覆盖前者。",
        fix_note="换一个标识。",
    ),
    Example(
        "PC110", "事实名称拼写错误",
        _policy(HEADER, FACTS_REFORM, _reform("条件 digital_level == 2", "条件 digital_levle == 2")),
        (("条件 digital_levle == 2", "条件 digital_level == 2"),),
        note="`digital_levle` 不是已声明的事实或定义。提示中给出最接近的名称。",
    ),
    Example(
        "PC112", "定义在使用之后",
        _policy(HEADER, """\
事实 {
  applicant_type 必填
  lighthouse
  spend_software_cloud
  spend_data_equipment
  spend_consulting
}
""", """\
定义 transformation_investment "数字化转型投入" = reform_spend + spend_consulting
定义 reform_spend "改造投入" = spend_software_cloud + spend_data_equipment
""", LIGHTHOUSE, """\
累计上限 investment_cap {
  条款 第十条
  原文 「企业获得专项资金支持总额度累计不超过该企业数字化转型投入的50%。」
  适用 对象 enterprise
  上限 50% × transformation_investment
}
"""),
        (('定义 transformation_investment "数字化转型投入" = reform_spend + spend_consulting\n'
          '定义 reform_spend "改造投入" = spend_software_cloud + spend_data_equipment\n',
          '定义 reform_spend "改造投入" = spend_software_cloud + spend_data_equipment\n'
          '定义 transformation_investment "数字化转型投入" = reform_spend + spend_consulting\n'),),
        note="`定义` 按书写顺序生效：`transformation_investment` 用到了写在它后面的 `reform_spend`。",
        fix_note="把被用到的定义移到前面。",
    ),
    Example(
        "PC120", "资金来源名称错误",
        _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse("资金 city 100%", "资金 provincial 100%")),
        (("资金 provincial 100%", "资金 province 100%"),),
        note="资金来源只有 `central`（中央）、`province`（省级）、`city`（市级）、`county`（县级）四个；"
             "同一来源在一条 `资金` 中列两次也报告此代码。",
    ),
    _lighthouse_undone(
        "PC121", "申报主体类型错误",
        "对象 enterprise", "对象 company",
        note="`对象` 的取值来自共享词汇中 `applicant_type` 的枚举：`enterprise`、`service_provider`、"
             "`platform_operator`、`public_institution`。",
    ),
    Example(
        "PC122", "累计上限的适用范围中补助项名称拼错",
        _policy(HEADER, FACTS_LIGHTHOUSE.replace("  lighthouse\n", "  lighthouse\n  spend_software_cloud\n"),
                LIGHTHOUSE, """\
累计上限 investment_cap {
  条款 第十条
  原文 「企业获得专项资金支持总额度累计不超过该企业数字化转型投入的50%。」
  适用 [lighthouse_awrd]
  上限 50% × spend_software_cloud
}
"""),
        (("适用 [lighthouse_awrd]", "适用 [lighthouse_award]"),),
    ),
    Example(
        "PC123", "找不到上级政策",
        _policy(HEADER.replace('  来源 "kunming.txt"\n', '  上级 nationl\n  来源 "kunming.txt"\n'),
                FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (("上级 nationl", "上级 national"),),
        files=WITH_PARENT,
        note="`上级` 写的是上级政策的 id，其文件（此处应为 `national.policy`）须与本政策在同一目录。"
             "构建本页时，example.policy 旁边确实放着 national.policy 和 national.txt；错误示例把 id 拼错了。",
        fix_note="修改后，上级政策被读入并用于一致性检查（PC430）。",
    ),
    Example(
        "PC130", "测试引用了不存在的补助项",
        _policy(HEADER, FACTS_LIGHTHOUSE, LIGHTHOUSE,
                LIGHTHOUSE_TEST.replace("期望 项目 lighthouse_award", "期望 项目 lighthouse")),
        (("期望 项目 lighthouse 200000元", "期望 项目 lighthouse_award 200000元"),),
        note="`期望 项目` 后写的是补助项的标识（`lighthouse_award`），不是事实名称 `lighthouse`。",
    ),
    # --- PC2xx types, units and domains ---------------------------------------------------------
    Example(
        "PC201", "比例与金额相加",
        _policy(HEADER, FACTS_REFORM, _reform("金额 50% × spend_software_cloud", "金额 50% + spend_software_cloud")),
        (("金额 50% + spend_software_cloud", "金额 50% × spend_software_cloud"),),
        note="`50%` 是比例，`spend_software_cloud` 是金额（元），两者不能相加。“改造投入的 50%”是乘法。",
    ),
    Example(
        "PC202", "测试期望的金额没有写单位",
        _policy(HEADER, FACTS_LIGHTHOUSE, LIGHTHOUSE,
                LIGHTHOUSE_TEST.replace("期望 项目 lighthouse_award 200000元", "期望 总额 200000")),
        (("期望 总额 200000\n", "期望 总额 200000元\n"),),
        note="`200000` 是一个不带单位的数字，而总额是金额。",
    ),
    Example(
        "PC203", "比较了枚举中没有的值",
        _policy(HEADER, FACTS_LIGHTHOUSE,
                _lighthouse("  对象 enterprise\n", "")
                .replace("条件 lighthouse", '条件 applicant_type == "company" 且 lighthouse')),
        (('applicant_type == "company"', 'applicant_type == "enterprise"'),),
        note='`applicant_type` 的取值只有 `"enterprise"`、`"service_provider"`、`"platform_operator"`、'
             '`"public_institution"`；与 `"company"` 比较永远不成立。'
             "整数事实超出范围（如 `digital_level >= 6`）也报告此代码。",
        fix_note="也可以写 `对象 enterprise`，含义相同。",
    ),
    Example(
        "PC204", "日期不存在",
        _policy(HEADER.replace('  来源 "kunming.txt"\n',
                               '  来源 "kunming.txt"\n' + VALIDITY_26.replace("至 2026-12-31", "至 2026-12-32")),
                FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (("至 2026-12-32", "至 2026-12-31"),),
    ),
    Example(
        "PC206", "区间的上下限写反",
        _policy(HEADER, """\
事实 {
  applicant_type 必填
  digital_workshop_title
}
""", """\
补助 workshop_award {
  条款 第七条第（三）项
  标题 "数字化车间/智能工厂奖励"
  对象 enterprise
  原文 「获评国家级数字化车间/智能工厂、省级灯塔工厂/数智工厂或其他同级别同范畴称号的，
    经评审公示无异议后，给予企业不超过 100 万元的奖励。」
  条件 digital_workshop_title
  金额 不超过 100万元
  资金 city 100%
}
""", """\
测试 "数字化车间：不超过100万元" {
  说明 "第七条第（三）项：不超过 1000000。"
  日期 2025-08-01
  输入 { applicant_type: "enterprise", digital_workshop_title: 真 }
  期望 项目 workshop_award 1000000元 至 0元
}
"""),
        (("1000000元 至 0元", "0元 至 1000000元"),),
        note="区间总是“下限 至 上限”。自定义整数事实的范围（如 `整数 300..1`）写反也报告此代码。",
    ),
    # --- PC3xx fidelity to the source text ------------------------------------------------------
    _lighthouse_undone(
        "PC301", "引文与原文不一致",
        "一次性 20 万元", "一次性 30 万元",
        note="原文第七条第（二）项是“一次性 20 万元”。诊断用 ▲ 指出第一个不一致的字。",
        fix_note="引文逐字照录原文（空白和换行可以不同）。",
    ),
    Example(
        "PC302", "没有写明原文来源",
        _policy(HEADER.replace('  来源 "kunming.txt"\n', ""), FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (('  标题 "昆明市中小企业数字化转型专项资金管理办法"\n',
          '  标题 "昆明市中小企业数字化转型专项资金管理办法"\n  来源 "kunming.txt"\n'),),
        note="没有 `来源`，引文就无从核对。来源文件不存在、不是 UTF-8 编码、不在政策文件所在目录中（绝对路径、`..`、"
             "指向目录之外的符号链接）、不是普通文件或超过 8 MB 时也报告此代码。",
        fix_note="`来源` 写原文文本的文件名，文件放在政策文件旁。",
    ),
    Example(
        "PC303", "原文引文为空",
        _policy(HEADER, FACTS_LIGHTHOUSE,
                _lighthouse("原文 「经评审公示无异议后，给予“小灯塔”企业一次性 20 万元的奖励。」",
                            "原文 「」  # 待补原文")),
        (("原文 「」  # 待补原文", "原文 「经评审公示无异议后，给予“小灯塔”企业一次性 20 万元的奖励。」"),),
        note="起草时留下的占位引文。空引文在任何原文中都“找得到”，所以单独报告。",
    ),
    # --- PC5xx funding --------------------------------------------------------------------------
    Example(
        "PC501", "资金分担比例合计不是 100%",
        _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse("资金 city 100%", "资金 city 50%, county 40%")),
        (("资金 city 50%, county 40%", "资金 city 50%, county 50%"),),
        note="各出资方的比例合计须恰为 100%，否则计算结果无法完整拆分。",
        fix_note="昆明办法本身没有规定市、县的分担比例，所以修改后仍有 PC312 警告：比例 50% 不在所引原文中。"
                 "实际编码时，请用 `依据` 引用规定比例的文件。",
    ),
    # --- PC9xx in-policy tests ------------------------------------------------------------------
    Example(
        "PC901", "政策中的测试未通过",
        _policy(HEADER, FACTS_LIGHTHOUSE, LIGHTHOUSE,
                LIGHTHOUSE_TEST.replace("lighthouse_award 200000元", "lighthouse_award 2000000元")),
        (("lighthouse_award 2000000元", "lighthouse_award 200000元"),),
        note="测试在 `policyc test` 中运行（构建本页时也实际运行）。期望值多写了一个 0：参考求值器算出 200000 元。",
        fix_note="先按 `说明` 手算，再核对期望值；若手算与计算结果不符，要检查的是规则本身。",
    ),
    Example(
        "PC902", "测试输入无效",
        _policy(HEADER, FACTS_LIGHTHOUSE, LIGHTHOUSE,
                LIGHTHOUSE_TEST.replace('applicant_type: "enterprise"', 'applicant_type: "企业"')),
        (('applicant_type: "企业"', 'applicant_type: "enterprise"'),),
        note="测试的 `输入` 是一份申请人资料，按 `policyc calc` 的规则校验：`applicant_type` 须用英文枚举值。"
             "类型错误、负数金额、超出范围的等级、未声明的事实同样无效。",
    ),
    # --- consistency (compiler/check/consistency.py) -------------------------------------------
    Example(
        "PC140", "事实声明了但没有被读取",
        _policy(HEADER, FACTS_LIGHTHOUSE.replace("  lighthouse\n", "  lighthouse\n  digital_level\n"), LIGHTHOUSE),
        (("  lighthouse\n  digital_level\n", "  lighthouse\n"),),
        note="`digital_level` 列在 `事实` 中，但没有任何条件、金额或定义读取它：要么是忘了写条件，要么应删去。",
    ),
    Example(
        "PC141", "定义没有被使用",
        _policy(HEADER, FACTS_REFORM.replace("  spend_software_cloud\n",
                                             "  spend_software_cloud\n  spend_data_equipment\n"),
                '定义 reform_spend "改造投入" = spend_software_cloud + spend_data_equipment\n', REFORM),
        (("金额 50% × spend_software_cloud", "金额 50% × reform_spend"),),
        note="定义了“改造投入”，金额却仍按软件、云服务支出计算，漏掉了数据采集传输设备支出。",
        fix_note="金额改用定义。",
    ),
    Example(
        "PC207", "出资比例为 0%",
        _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse("资金 city 100%", "资金 city 0%, county 100%")),
        (("资金 city 0%, county 100%", "资金 county 100%"),),
        note="比例须在 (0, 100%] 内。不出资的一方不要写成 0%，直接不写。",
    ),
    Example(
        "PC208", "减法的两边写反",
        _policy(HEADER, """\
事实 {
  applicant_type 必填
  digital_level
  level_last_year: 整数 0..4 "上一年度评测的数字化水平等级"
}
""", """\
补助 upgrade_top_up {
  条款 第七条第（一）项
  标题 "三级升四级补差（虚构的示例）"
  对象 enterprise
  原文 「达到三级水平的企业，每家最高补助 40 万元；达到四级及以上水平的企业，每家最高补助 50 万元。」
  条件 level_last_year == 3 且 digital_level >= 4
  金额 40万元 - 50万元
  资金 city 100%
}
"""),
        (("金额 40万元 - 50万元", "金额 50万元 - 40万元"),),
        note="一个虚构的项目：上年为三级、今年达到四级的企业，补足两级最高补助额之差。两个数字相减写反了，结果为负；"
             "金额不能为负（本例还会得到 PC405：本项金额恒为 0）。",
    ),
    Example(
        "PC209", "整数事实与小数比较",
        _policy(HEADER, FACTS_REFORM,
                _reform("条件 digital_level == 2", "条件 digital_level >= 1.5 且 digital_level < 2.5")),
        (("条件 digital_level >= 1.5 且 digital_level < 2.5", "条件 digital_level == 2"),),
        note="数字化水平是整数（0..4）。与小数比较多半是把“二级”理解成了一个区间。",
    ),
    Example(
        "PC210", "拨付各阶段的比例合计超过 100%",
        _policy(HEADER, FACTS_REFORM, REFORM, """\
拨付 reform_payment {
  条款 第十七条
  原文 「经评测验收后，可将不高于 70%的补助资金拨付给企业，剩余补助资金在全市试点工作总体验收后予以拨付。」
  适用 [reform_subsidy]
  阶段 "评测验收后" 至多 70%
  阶段 "全市试点工作总体验收后" 至多 70%
}
"""),
        (('阶段 "全市试点工作总体验收后" 至多 70%', '阶段 "全市试点工作总体验收后" 余额'),),
        note="第十七条：验收后拨付不高于 70%，“剩余补助资金”在总体验收后拨付。第二期也写成了 `至多 70%`，"
             "两期合计 140%，超过了补助本身。",
        fix_note="“剩余补助资金”是前一期拨付后剩下的部分：写 `余额`。",
    ),
    _lighthouse_undone(
        "PC310", "原文中的数字没有被规则用到",
        "金额 20万元", "金额 未定",
        note="引文写明“一次性 20 万元”，规则却写成 `未定`（还会有 PC510 提示）。",
    ),
    Example(
        "PC311", "规则中的数字在原文中找不到",
        _policy(HEADER, FACTS_REFORM, _reform("封顶 20万元", "封顶 25万元")),
        (("封顶 25万元", "封顶 20万元"),),
        note="原文写的是“每家最高补助 20 万元”。25 万元在引文中没有，在整个原文中也没有。",
    ),
    Example(
        "PC312", "规则中的数字在引文之外",
        _policy(HEADER, """\
程序 application {
  条款 第十二条
  原文 「专项资金项目采取逐级申报、专家评审和综合评定相结合方式，确保公开、公平、公正。」
  步骤 "评审及公示" "按照批次配额确定试点企业并公示。" 不少于 5个工作日
}
"""),
        (("  原文 「专项资金项目采取逐级申报、专家评审和综合评定相结合方式，确保公开、公平、公正。」\n",
          "  原文 「市工业和信息化局会同市财政局组织相关人员按照申报情况对申报主体相关材料进行复核，\n"
          "    按照批次配额确定试点企业，并按有关规定进行公示，公示期不少于 5 个工作日。」\n"),),
        note="“5 个工作日”在原文中，但不在本块引用的那一句里。审核者在规则旁看不到这个数字的出处。",
        fix_note="引用含有这个数字、也正是这一步骤所依据的那一句（第十二条第（三）项）。引文可以跨行。",
    ),
    _lighthouse_undone(
        "PC320", "条款在原文中不存在",
        "条款 第七条第（二）项", "条款 第七条第（八）项",
        note="昆明办法第七条只有第（一）项至第（七）项。编译器读出原文的条、款、项（含 一、（一） 1. 等编号），"
             "诊断列出该条实有的各项。",
    ),
    _lighthouse_undone(
        "PC321", "引文不在所写的条款中",
        "条款 第七条第（二）项", "条款 第七条第（三）项",
        note="引文确实在原文中（所以没有 PC301），但出自第七条第（二）项，而不是本块写的第（三）项："
             "计算过程和申请指南会引错条款。",
        fix_note="项号改为引文实际所在的项。引用条的总述（第一项之前的文字）作为某一项的依据是允许的。",
    ),
    Example(
        "PC330", "原文的上限被当作确定金额",
        _policy(HEADER, FACTS_REFORM, REFORM),
        (("金额 50% × spend_software_cloud 封顶 20万元",
          "金额 不超过 (50% × spend_software_cloud 封顶 20万元)"),),
        note="原文说补助标准**不超过**改造投入的 50%，规则却按确定的 50% 计算："
             "计算器把最高额显示成企业一定能得到的金额（拨付阶段的最低额也随之算错）。"
             "检查按数字配对：引文中与规则数字相同的那个数字前面写有 不超过、最高、至多、上限、不高于、控制在…以内 等，"
             "规则却没有用 不超过 或 封顶 来表达它。",
        fix_note="用 不超过 表达上限：金额从 0 到该公式的值。封顶 的 20 万元本身就是上限，不受影响。",
    ),
    _lighthouse_undone(
        "PC331", "原文的定额被当作上限",
        "金额 20万元", "金额 不超过 20万元",
        note="原文说给予“小灯塔”企业**一次性** 20 万元，规则却写成 不超过 20 万元，最低额变成 0。"
             "原文对同一数字既说定额又说不超过（如上级通知 四、（一）“给予定额奖励。其中……不超过1.5亿元”）时，"
             "无论规则怎样写都报告此代码：须在 说明 中写明所取的读法，并用 忽略 写明理由。",
    ),
    Example(
        "PC340", "原文提到的条件没有被读取",
        _policy(HEADER, """\
事实 {
  applicant_type 必填
  in_pilot_scope
  acceptance_passed
  spend_consulting
}
""", """\
补助 diagnosis_subsidy {
  条款 第七条第（五）项
  标题 "试点企业诊断服务补助"
  对象 enterprise
  原文 「支持纳入改造范围的企业自主选择服务商提供诊断服务。企业数字化转型通过验收后，给予每户企业适当补助。」
  条件 in_pilot_scope 且 acceptance_passed
  金额 未定
}
"""),
        (("条件 in_pilot_scope 且 acceptance_passed",
          "条件 in_pilot_scope 且 acceptance_passed 且 spend_consulting > 0元"),),
        note="引文说补助的是选择服务商提供**诊断服务**的企业，条件却没有读取 spend_consulting："
             "没有买诊断服务的试点企业也会显示这项补助。"
             "共享词汇中的事实各有原文中的关键词（`compiler/vocabulary.py` 的 CONCEPTS，"
             "如 中小企业、诊断服务、纳入改造范围、试点细分行业、验收合格）；"
             "自定义事实和 定义 以其中文标签为关键词。"
             "说明申报对象的关键词（中小企业、试点行业、改造范围）还在本项的全文和本条总述中说明范围的句子里查找；"
             "“中小企业数字化转型”等名称、“大中小企业”“面向中小企业”不算条件。",
        fix_note="在条件中读取该事实。原文在此只是名称或背景时，写 忽略 PC340 \"理由\"。",
    ),
    Example(
        "PC350", "原文写明的项数与列表不符",
        _policy(HEADER.replace("kunming_draft", "changchun_draft")
                .replace("昆明市中小企业数字化转型专项资金管理办法",
                         "长春市中小企业数字化转型专项资金使用管理办法（暂行）")
                .replace("kunming.txt", "changchun.txt"), """\
事实 {
  applicant_type 必填
  industry
}
""", """\
资格 pilot_industry {
  条款 第四条
  原文 「本办法支持试点行业为纳入工信部备案的汽车零部件配件制造、轨道交通高端装备制造、电子元器件制造、
    中成药生物药品制品制造四个行业。」
  条件 applicant_type != "enterprise" 或 industry 属于 [
    "汽车零部件配件制造", "轨道交通高端装备制造", "电子元器件制造"
  ]
}
"""),
        (('"电子元器件制造"\n', '"电子元器件制造", "中成药生物药品制品制造"\n'),),
        files=("changchun.txt",),
        note="原文列举之后写明“四个行业”，列表却只有三项（漏了最后一项）。"
             "检查在引文和所引条款中找到列表各项，读其后的“N个”“等N类”，与列表项数比较。",
    ),
    Example(
        "PC351", "列表值与所引条款的写法不同",
        _policy(HEADER.replace("kunming_draft", "changchun_draft")
                .replace("昆明市中小企业数字化转型专项资金管理办法",
                         "长春市中小企业数字化转型专项资金使用管理办法（暂行）")
                .replace("kunming.txt", "changchun.txt"), """\
事实 {
  applicant_type 必填
  industry
  is_sme
}
""", """\
资格 pilot_industry_sme {
  条款 第七条
  原文 「支持企业范围为长春市汽车零部件配件制造、轨道交通高端装备制造、电子元器件制造和中成药生物药品制造
    等四个细分行业中小企业。」
  条件 applicant_type != "enterprise" 或 (is_sme 且 industry 属于 [
    "汽车零部件配件制造", "轨道交通高端装备制造", "电子元器件制造", "中成药生物药品制品制造", 等
  ])
}
"""),
        (('"中成药生物药品制品制造", 等', '"中成药生物药品制品制造", "中成药生物药品制造", 等'),),
        files=("changchun.txt",),
        note="列表照抄了第四条的“中成药生物药品制品制造”，而本块引用的第七条写作“中成药生物药品制造”："
             "照第七条填写的申请人不被认定。文本事实的 `属于` 列表还与原文的繁简写法对照"
             "（咸宁办法以繁体发布）：原文写作“紡織服裝”而列表只有“纺织服装”时，若计算不认两者相同，也报告此代码。",
        fix_note="两处写法都列入列表，并在注释中说明原文两处用词不一致。",
    ),
    Example(
        "PC502", "资金：点名了出资方但没有比例",
        _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse("  资金 city 100%\n", FUNDING_15)),
        (("    市级、县（区）财政承担。」\n",
          "    市级、县（区）财政承担。」\n  忽略 PC502 \"第十五条未规定分担比例，待市财政局另行明确\"\n"),),
        note="这不是起草的错误：昆明办法第十五条确实只点名了四级财政。计算结果把金额列在 `unspecified` 下。",
        fix_note="审核者确认后，用 `忽略` 关闭该警告并写明理由。被忽略的诊断不再报告，但连同理由出现在 "
                 "`policyc check --format json` 的 `suppressed` 中，申请指南也会展示理由。",
    ),
    Example(
        "PC503", "补助项没有资金来源",
        _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse("  资金 city 100%\n", "")),
        (("  金额 20万元\n", "  金额 20万元\n  资金 city 100%\n"),),
        note="能支付金额的补助项须写明由谁出资。",
        fix_note="本页的示例为简短起见写 `资金 city 100%`；昆明办法的实际写法见 PC502。",
    ),
    Example(
        "PC504", "两条资金规定不一致",
        _policy(HEADER, FACTS_LIGHTHOUSE, _lighthouse("  资金 city 100%\n", "  资金 city 100%\n" + FUNDING_15)),
        (("  资金 city 100%\n  资金 未明确", "  资金 未明确"),),
        note="起草时先按猜测写了 `资金 city 100%`，后来又按第十五条写了四级财政，两条互相矛盾。"
             "（咸宁办法第六条第（三）项与第十四条就是原文本身不一致。）",
        fix_note="删去没有依据的那一条。剩下的 `资金 未明确` 会得到 PC502 警告，见上。",
    ),
    Example(
        "PC510", "补助项金额未定",
        _policy(HEADER, FACTS_LIGHTHOUSE.replace("  lighthouse\n", "  acceptance_passed\n"), """\
补助 diagnosis_subsidy {
  条款 第七条第（五）项
  标题 "试点企业诊断服务补助"
  对象 enterprise
  原文 「企业数字化转型通过验收后，给予每户企业适当补助。」
  条件 acceptance_passed
  金额 未定
  资金 city 100%
}
"""),
        (("  金额 未定\n", '  金额 未定\n  忽略 PC510 "原文只规定“适当补助”，未规定金额"\n'),),
        note="这是提示：原文只写“适当补助”，`金额 未定` 正是正确的编码。计算结果中该项金额为 null。",
        fix_note="若要在报告中关闭该提示，用 `忽略` 写明理由（申请指南会展示理由）。",
    ),
    Example(
        "PC601", "有效期已届满",
        _policy(HEADER.replace('  来源 "kunming.txt"\n',
                               '  来源 "kunming.txt"\n' + VALIDITY_26.replace("至 2026-12-31", "至 2024-12-31")),
                FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (("至 2024-12-31", "至 2026-12-31"),),
        on=dt.date(2025, 8, 1),
        note="本例按 2025-08-01 检查（`policyc check --on 2025-08-01`；不写 `--on` 时按当天）。"
             "终点年份抄错了：依据的原文是“到 2026 年 12 月 31 日”。",
        fix_note="政策确已届满时（如南昌办法），这个警告是如实的提醒，不必修改。",
    ),
    Example(
        "PC602", "有效期起止颠倒",
        _policy(HEADER.replace('  来源 "kunming.txt"\n',
                               '  来源 "kunming.txt"\n' + VALIDITY_26.replace(
                                   "自 2024-05-12 至 2026-12-31", "自 2026-12-31 至 2024-05-12")),
                FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (("自 2026-12-31 至 2024-05-12", "自 2024-05-12 至 2026-12-31"),),
    ),
    Example(
        "PC603", "追溯起点不起追溯作用",
        _policy(HEADER.replace('  来源 "kunming.txt"\n', '  发布日期 2024-04-12\n  来源 "kunming.txt"\n'
                               + VALIDITY_26 + """\
  追溯 自 2024-06-12
    依据 第二十七条 「2023 年 6 月 12 日以来，符合本实施细则规定的，按本实施细则予以奖补。」
"""), FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (("追溯 自 2024-06-12", "追溯 自 2023-06-12"),),
        note="追溯起点晚于发布日期，也晚于有效期起点，等于没有追溯。年份抄错了：原文是“2023 年 6 月 12 日以来”。",
    ),
    Example(
        "PC604", "有效期终点是事件",
        _policy(HEADER.replace('  来源 "kunming.txt"\n', '  来源 "kunming.txt"\n' + VALIDITY_26.replace(
            "至 2026-12-31", '至 事件 "本办法废止"')), FACTS_LIGHTHOUSE, LIGHTHOUSE),
        (('至 事件 "本办法废止"', "至 2026-12-31"),),
        note="终点写成事件时日期未知，计算时视为开放。原文没有给出日期时（如长春办法“试点期结束”），这是正确的写法；"
             "而昆明办法第二十六条写明了终点日期。",
    ),
    Example(
        "PC701", "列举以“等”结尾，而原文是封闭列举",
        _policy(HEADER, """\
事实 {
  applicant_type 必填
  industry
  digital_workshop_title
}
""", """\
补助 workshop_award {
  条款 第七条第（三）项
  标题 "数字化车间/智能工厂奖励"
  对象 enterprise
  原文 「获评国家级数字化车间/智能工厂、省级灯塔工厂/数智工厂或其他同级别同范畴称号的，
    经评审公示无异议后，给予企业不超过 100 万元的奖励。」
  条件 digital_workshop_title 且 industry 属于 [
    "化学新材料制品制造", "民族药品制品制造", "化学药品制造",
    "高原特色电力装备制造", "绿色食品制品制造", 等
  ]
  金额 不超过 100万元
  资金 city 100%
}
"""),
        (('"绿色食品制品制造", 等\n', '"绿色食品制品制造"\n'),),
        note="第六条列出的五个试点行业以“行业的经营主体”结尾，没有“等”。写了 `等`，未列举的行业仍按“不属于”处理，"
             "只是在计算结果的说明中注明，并得到这条提示。",
        fix_note="原文列举以“等”结尾时（如咸宁办法），保留 `等` 是正确的，这条提示是给审核者的提醒。",
    ),
    Example(
        "PC702", "原文列举以“等”结尾，规则却是封闭列表",
        _policy(HEADER, """\
事实 {
  applicant_type 必填
  equipment: 文本 "数据采集传输设备类型"
}
""", """\
补助 equipment_subsidy {
  条款 第七条第（一）项
  标题 "数据采集传输设备补助"
  对象 enterprise
  原文 「对纳入试点改造范围企业的数字化转型相关软件、云服务支出，以及网关、路由等必要的数据采集传输设备支出给予补助。」
  条件 equipment 属于 ["网关", "路由"]
  金额 未定
  资金 city 100%
}
"""),
        (('属于 ["网关", "路由"]', '属于 ["网关", "路由", 等]'),),
        note="原文是“网关、路由等”，规则却只认网关和路由。",
        fix_note="加上 `等`。修改后会得到 PC701、PC510 提示：这两处都是原文本身的不确定。",
    ),
    # --- solver (compiler/check/solver.py) ------------------------------------------------------
    Example(
        "PC401", "分档重叠",
        _policy(HEADER, FACTS_REFORM.replace("  spend_software_cloud\n", ""), """\
补助 reform_subsidy {
  条款 第七条第（一）项
  标题 "中小企业数字化转型企业改造补助"
  对象 enterprise
""" + REFORM_TIERS_QUOTE + """\
  条件 digital_level >= 2
  金额 分档 {
    当 digital_level >= 2 则 20万元
    当 digital_level >= 3 则 40万元
    当 digital_level >= 4 则 50万元
  }
  资金 city 100%
}
"""),
        (("当 digital_level >= 2 则 20万元", "当 digital_level == 2 则 20万元"),
         ("当 digital_level >= 3 则 40万元", "当 digital_level == 3 则 40万元")),
        note="分档取第一个成立的档。“达到二级”写成 `>= 2`，三级、四级企业也落在第一档，只得 20 万元。"
             "诊断附有反例：一份会被少算的申请人资料。",
        fix_note="前两档写成 `==`（或把高档写在前面）。",
    ),
    Example(
        "PC402", "分档缺档",
        _policy(HEADER, FACTS_REFORM.replace("  spend_software_cloud\n", ""), """\
补助 reform_subsidy {
  条款 第七条第（一）项
  标题 "中小企业数字化转型企业改造补助"
  对象 enterprise
""" + REFORM_TIERS_QUOTE + """\
  条件 digital_level >= 2
  金额 分档 {
    当 digital_level == 2 则 20万元
    当 digital_level == 3 则 40万元
  }
  资金 city 100%
}
"""),
        (("    当 digital_level == 3 则 40万元\n",
          "    当 digital_level == 3 则 40万元\n    当 digital_level >= 4 则 50万元\n"),),
        note="本项对二级及以上的企业适用，但分档漏了“四级及以上”：四级企业没有任何一档成立，金额按 0 计。",
    ),
    Example(
        "PC403", "条件不可能成立",
        _policy(HEADER, FACTS_REFORM.replace("  spend_software_cloud\n", ""), """\
补助 reform_subsidy {
  条款 第七条第（一）项
  标题 "中小企业数字化转型企业改造补助"
  对象 enterprise
""" + REFORM_TIERS_QUOTE + """\
  条件 digital_level >= 2
  金额 分档 {
    当 digital_level == 2 则 20万元
    当 digital_level == 3 则 40万元
    当 digital_level > 4 则 50万元
  }
  资金 city 100%
}
"""),
        (("当 digital_level > 4 则 50万元", "当 digital_level >= 4 则 50万元"),),
        note="“四级及以上”写成了 `> 4`，而数字化水平的取值范围是 0..4：这一档永远不会成立（四级企业因此也没有档次，"
             "另有 PC402 警告）。",
    ),
    Example(
        "PC404", "条件恒成立",
        _policy(HEADER, FACTS_LIGHTHOUSE.replace("  lighthouse\n", "  lighthouse\n  digital_level\n"),
                _lighthouse("条件 lighthouse", "条件 lighthouse 且 digital_level >= 0")),
        (("条件 lighthouse 且 digital_level >= 0", "条件 lighthouse"),
         ("  lighthouse\n  digital_level\n", "  lighthouse\n")),
        note="`digital_level >= 0` 对任何申请人都成立（取值范围 0..4），不起筛选作用；原文也没有这个条件。",
    ),
    Example(
        "PC405", "补助项永远不会支付",
        _policy(HEADER, FACTS_REFORM.replace("  spend_software_cloud\n", ""), """\
补助 reform_subsidy {
  条款 第七条第（一）项
  标题 "中小企业数字化转型企业改造补助"
  对象 enterprise
""" + REFORM_TIERS_QUOTE + """\
  条件 digital_level < 2
  金额 分档 {
    当 digital_level == 2 则 20万元
    当 digital_level == 3 则 40万元
    当 digital_level >= 4 则 50万元
  }
  资金 city 100%
}
"""),
        (("条件 digital_level < 2", "条件 digital_level >= 2"),),
        note="条件写反了：本项只对二级以下的企业适用，而这些企业在分档中一档也不成立，金额恒为 0。",
    ),
    Example(
        "PC406", "重复的补助项",
        _policy(HEADER, FACTS_LIGHTHOUSE, LIGHTHOUSE, LIGHTHOUSE_AGAIN),
        (("\n" + LIGHTHOUSE_AGAIN, ""),),
        note="同一条款录入了两次（`20万元` 与 `200000元` 是同一金额）：同一企业会领两次奖励。",
        fix_note="删去重复的一项。",
    ),
    Example(
        "PC410", "累计上限叠加削减",
        _policy(HEADER, FACTS_REFORM.replace("  spend_software_cloud\n", "  spend_software_cloud\n  lighthouse\n"),
                REFORM, LIGHTHOUSE, """\
累计上限 investment_cap {
  条款 第十条
  原文 「企业获得专项资金支持总额度累计不超过该企业数字化转型投入的50%。」
  适用 对象 enterprise
  上限 50% × spend_software_cloud
}
"""),
        (("  资金 city 100%\n}\n\n累计上限",
          '  资金 city 100%\n'
          '  忽略 PC410 "第十条的累计上限是原文的规定：二级企业同时获评小灯塔时，奖励受投入的 50% 限制"\n'
          "}\n\n累计上限"),),
        note="这不是起草的错误，而是原文各条款叠加的后果（昆明办法第七条第（二）项至第（四）项都是如此）："
             "二级企业的改造补助与小灯塔奖励同受第十条“不超过投入的 50%”限制，排在后面的小灯塔奖励会被削减。"
             "诊断附有反例和削减金额。",
        fix_note="规则忠实于原文时不要改规则：审核者核对反例后，用 `忽略` 在被削减的项目中写明理由。",
    ),
    Example(
        "PC411", "永远不起作用的累计上限",
        _policy(HEADER, FACTS_REFORM.replace("  spend_software_cloud\n", "  spend_software_cloud\n  lighthouse\n"),
                REFORM, LIGHTHOUSE, """\
累计上限 investment_cap {
  条款 第十条
  原文 「企业获得专项资金支持总额度累计不超过该企业数字化转型投入的50%。」
  适用 [reform_subsidy]
  上限 50% × spend_software_cloud
}
"""),
        (("适用 [reform_subsidy]", "适用 对象 enterprise"),),
        note="第十条限制的是企业获得的**全部**支持，却只用于改造补助；"
             "而改造补助本身就不超过投入的 50%，这个上限永远不起作用。",
        fix_note="适用于全部企业项目。修改后上限真正起作用，并得到 PC410 警告（见上）。",
    ),
    Example(
        "PC412", "两个封顶不一致",
        _policy(HEADER, FACTS_REFORM, _reform("封顶 20万元", "封顶 20万元 封顶 40万元")),
        (("封顶 20万元 封顶 40万元", "封顶 20万元"),),
        note="二级的封顶 20 万元后面又连写了三级的 40 万元（从下一档复制时多带了一段），两个上限哪个算数不清楚。",
    ),
    Example(
        "PC420", "预算用途比例互相矛盾",
        _policy(HEADER.replace("kunming_draft", "national_draft")
                .replace("昆明市中小企业数字化转型专项资金管理办法", "关于开展中小企业数字化转型城市试点工作的通知")
                .replace("kunming.txt", "national.txt"), """\
事实 { city_type }
""", """\
补助 city_award {
  条款 四、（一）
  标题 "中小企业数字化转型城市试点定额奖励"
  原文 「其他地级市、直辖市所辖区县奖补资金总额不超过1亿元。」
  条件 city_type == "prefecture"
  金额 不超过 1亿元
  资金 central 100%
}
""", """\
预算 fund_use {
  条款 四、（二）
  原文 「安排不低于80%的奖补资金开展中小企业数字化改造工作，通过支持被改造企业，由其选择
    数字化服务商进行数字化改造，可用于与数字化改造相关的软件、云服务支出，网关、路由等必要
    的数据采集传输设备支出，以及咨询诊断等服务支出。企业应注重加强改造深度，着重开展生产
    制造等相关环节的改造。同时，可安排不高于20%的奖补资金支持以下工作」
  适用 [city_award]
  用途 "中小企业数字化改造" 至少 80%
  用途 "中小企业数字化改造" 至多 20%
}
"""),
        (('用途 "中小企业数字化改造" 至多 20%', '用途 "其他工作" 至多 20%'),),
        files=("national.txt",),
        note="昆明办法没有预算比例，本例引用上级通知（财建〔2023〕117号，national.txt）。复制上一行后忘了改用途名称："
             "同一用途至少 80% 又至多 20%，不可能同时满足。"
             "名额的至少多于至多、名额 × 每家最高额超过预算，也报告此代码。",
    ),
    Example(
        "PC430", "与上级政策不一致",
        _policy(HEADER.replace('  来源 "kunming.txt"\n', '  上级 national\n  来源 "kunming.txt"\n'), """\
事实 {
  applicant_type 必填
  in_pilot_scope
  acceptance_passed
  digital_level
  is_sme
  spend_software_cloud
  little_giant_central_funded
  in_2022_pilot
}
""", """\
排除 little_giant {
  条款 第九条第（一）项
  原文 「对已获得中央财政中小企业发展专项资金支持的专精特新“小巨人”企业不再重复支持」
  条件 little_giant_central_funded
}
""", """\
排除 pilot_2022 {
  条款 第九条第（一）项
  原文 「已纳入《工业和信息化部办公厅 财政部办公厅关于开展财
    政支持中小企业数字化转型试点工作的通知》（工信厅联企业〔2022〕22 号）
    中改造试点的中小企业不再重复支持。」
  条件 in_2022_pilot
}
""", """\
补助 reform_subsidy {
  条款 第七条第（一）项
  标题 "中小企业数字化转型企业改造补助（二级）"
  对象 enterprise
  类别 reform
  原文 「补助标准不超过改造投入的 50%，其中，达到二级水平的企业，每家最高补助
    20 万元」
  条件 in_pilot_scope 且 acceptance_passed
  金额 不超过 (50% × spend_software_cloud) 封顶 20万元
  资金 city 100%
}
"""),
        (("条件 in_pilot_scope 且 acceptance_passed",
          "条件 in_pilot_scope 且 acceptance_passed 且 digital_level == 2 且 is_sme"),),
        files=WITH_PARENT,
        note="本政策的上级是财建〔2023〕117号（example.policy 旁确实放着 national.policy）。"
             "上级要求被改造企业是中小企业、改造后达到二级及以上；"
             "本项（`类别 reform`）漏了这两个条件，会向一级企业（和大型企业）支付。诊断附有这样一份申请人资料（反例）。"
             "长春、南昌办法的改造补助就有这个问题。上级的两条排除条款，本例已照录。",
    ),
]

# --- notices from tests/examples (临川区推进中小企业数字化转型若干措施; 云溪 摘要) ---------------

LINCHUAN = ("linchuan.txt",)
LINCHUAN_HEADER = """\
政策 linchuan_draft {
  标题 "临川区推进中小企业数字化转型若干措施"
  来源 "linchuan.txt"
}
"""
LINCHUAN_LEVELS = """\
事实 {
  applicant_type 必填
  acceptance_passed
  digital_level
  spend_software_cloud
}

补助 reform_award {
  条款 第二条
  标题 "数字化改造奖励"
  对象 enterprise
  原文 「数字化水平达到二级、三级、四级的，分别给予最高20、40、50万元奖励，且不超过改造投入的30%。」
  条件 acceptance_passed 且 digital_level >= 2
  金额 分档 {
    当 digital_level == 2 则 不超过 (30% × spend_software_cloud) 封顶 20万元
    当 digital_level == 3 则 不超过 (30% × spend_software_cloud) 封顶 50万元
    当 digital_level >= 4 则 不超过 (30% × spend_software_cloud) 封顶 40万元
  }
  资金 未规定
}
"""
LINCHUAN_INTEREST = """\
事实 {
  applicant_type 必填
  loan_interest_paid: 货币 "数字化改造贷款实际支付的利息"
  other_interest_subsidy: 货币 "该笔贷款已享受的其他贴息"
}

补助 interest_subsidy {
  条款 第四条
  标题 "数字化改造贷款贴息"
  对象 enterprise
  原文 「企业为数字化改造发生的贷款，按实际支付利息扣除已享受的其他贴息后的余额给予贴息，每家最高不超过10万元。」
  条件 loan_interest_paid > 0元
  金额 不超过 (loan_interest_paid - other_interest_subsidy) 封顶 10万元
  资金 未规定
}
"""

LINCHUAN_PROVIDERS = """\
事实 {
  applicant_type 必填
  accepted_enterprises_served
}

补助 provider_award_top {
  条款 附件第2段
  标题 "数字化服务商奖励（20家以上）"
  对象 service_provider
  类别 provider
  原文 「数字化服务商年度服务本区中小企业完成数字化改造并验收达标20家以上的，给予10万元奖励」
  条件 accepted_enterprises_served > 20
  金额 10万元
  资金 未规定
}

补助 provider_award_mid {
  条款 附件第2段
  标题 "数字化服务商奖励（10家以上不足15家）"
  对象 service_provider
  类别 provider
  原文 「10家以上不足15家的，给予5万元奖励」
  条件 accepted_enterprises_served >= 10 且 accepted_enterprises_served < 15
  金额 5万元
  资金 未规定
}
"""

EXAMPLES += [
    Example(
        "PC407", "同一类别的补助项之间有空档",
        _policy(LINCHUAN_HEADER, LINCHUAN_PROVIDERS),
        (("  条件 accepted_enterprises_served > 20", "  条件 accepted_enterprises_served >= 20"),
         ("  金额 5万元\n  资金 未规定\n",
          "  金额 5万元\n  资金 未规定\n  忽略 PC407 \"原文对15至19家没有规定（疑为“不足20家”之误）；按原文不予奖励。\"\n")),
        files=LINCHUAN,
        note="临川附件第2段：服务 14 家的服务商适用“10家以上不足15家”，21 家的适用“20家以上”，15 至 20 家哪一项都不适用。"
             "诊断附有空档中的申请人资料（反例）和两边的取值。其中 20 家是规则的错：「20家以上」含 20 家（“以上”含本数），"
             "规则却写成了 `> 20`；15 至 19 家是原文本身没有规定的一段。",
        fix_note="把条件改回原文的边界 `>= 20`；原文本身留下的 15 至 19 家，写明理由忽略。",
    ),
    Example(
        "PC505", "原文未规定由谁出资",
        _policy(LINCHUAN_HEADER, LINCHUAN_INTEREST.replace("  条件 loan_interest_paid > 0元",
                                                           "  条件 loan_interest_paid > other_interest_subsidy")),
        (("  资金 未规定\n", '  资金 未规定\n  忽略 PC505 "全文没有出资规定，已向区工信局核实"\n'),),
        files=LINCHUAN,
        note="这是提示：《临川区推进中小企业数字化转型若干措施》通篇没有说由谁出资，`资金 未规定` 正是正确的编码。"
             "计算结果把金额列在 `unspecified` 下，没有候选出资方；申请指南写“原文未规定由谁出资”。"
             "（不要列出四级财政写成 `资金 未明确 [...]`：那等于说原文点名了出资方，见 PC502。）",
        fix_note="若要在报告中关闭该提示，用 `忽略` 写明理由（申请指南会展示理由）。",
    ),
    Example(
        "PC605", "有效期只写了起点",
        _policy(LINCHUAN_HEADER.replace('  来源 "linchuan.txt"\n', '  来源 "linchuan.txt"\n'
                                        '  有效期 自 2025-03-01 依据 第六条 「本措施自2025年3月1日起施行。」\n'),
                LINCHUAN_INTEREST.replace("  条件 loan_interest_paid > 0元",
                                          "  条件 loan_interest_paid > other_interest_subsidy")),
        (("施行。」\n}", "施行。」\n  忽略 PC605 \"第六条只规定了施行日期\"\n}"),),
        files=LINCHUAN,
        note="这是提示：第六条只写了施行日期，没有截止日期，`有效期 自 2025-03-01` 正是正确的编码"
             "（不要编造终点或事件）。截止日期视为开放，计算结果的说明注明“原文未规定有效期的截止日期”。",
        fix_note="若要在报告中关闭该提示，用 `忽略` 写明理由。",
    ),
    Example(
        "PC380", "原文只是摘要",
        """\
政策 yunxi_draft {
  标题 "云溪市关于加快工业互联网发展的若干政策措施"
  来源 "yunxi.txt" 摘要
}

事实 {
  applicant_type 必填
  national_platform: 布尔 "获评国家级工业互联网平台"
}

补助 platform_award {
  条款 一、
  标题 "国家级工业互联网平台奖励"
  对象 enterprise
  原文 「对获评国家级工业互联网平台的企业，给予一次性奖励30万元人民币。」
  条件 national_platform
  金额 30万元
  资金 未规定
  忽略 PC505 "摘要未规定出资方"
}
""",
        (('  来源 "yunxi.txt" 摘要\n', '  来源 "yunxi.txt" 摘要\n  忽略 PC380 "全文尚未公开，已向市工信局申请"\n'),),
        files=("yunxi.txt",),
        note="这是提示：云溪市只发布了政策措施的摘要。检查器只能对照摘要：全文中可能还有资格条件、排除情形、上限和出资规定，"
             "它无法发现遗漏；申请指南开头提示申请人原文不完整。（「30万元人民币」读作 300000 元，规则写 `30万元`。）",
        fix_note="取得全文后改写 `来源` 并补齐规则；在此之前可以用 `忽略` 写明理由。",
    ),
    Example(
        "PC360", "分档与原文「分别」的对应不一致",
        _policy(LINCHUAN_HEADER, LINCHUAN_LEVELS),
        (("digital_level == 3 则 不超过 (30% × spend_software_cloud) 封顶 50万元",
          "digital_level == 3 则 不超过 (30% × spend_software_cloud) 封顶 40万元"),
         ("digital_level >= 4 则 不超过 (30% × spend_software_cloud) 封顶 40万元",
          "digital_level >= 4 则 不超过 (30% × spend_software_cloud) 封顶 50万元")),
        files=LINCHUAN,
        note="原文「达到二级、三级、四级的，分别给予最高20、40、50万元」按顺序一一对应：三级 40 万元、四级 50 万元。"
             "规则把两档的上限写反了；数字都在引文中，所以数字检查（PC311）发现不了。",
        fix_note="按原文的顺序逐项对应。",
    ),
    Example(
        "PC361", "较高的档次金额反而较少",
        _policy(HEADER, FACTS_REFORM, """\
补助 reform_subsidy {
  条款 第七条第（一）项
  标题 "中小企业数字化转型企业改造补助"
  对象 enterprise
""" + REFORM_TIERS_QUOTE + """\
  条件 digital_level >= 2
  金额 分档 {
    当 digital_level == 2 则 50% × spend_software_cloud 封顶 20万元
    当 digital_level == 3 则 50% × spend_software_cloud 封顶 50万元
    当 digital_level >= 4 则 50% × spend_software_cloud 封顶 40万元
  }
  资金 city 100%
}
"""),
        (("当 digital_level == 3 则 50% × spend_software_cloud 封顶 50万元",
          "当 digital_level == 3 则 50% × spend_software_cloud 封顶 40万元"),
         ("当 digital_level >= 4 则 50% × spend_software_cloud 封顶 40万元",
          "当 digital_level >= 4 则 50% × spend_software_cloud 封顶 50万元")),
        note="昆明办法第七条第（一）项：三级最高 40 万元、四级及以上最高 50 万元。规则把两档的上限写反了，"
             "四级企业反而比三级企业少。原文没有用「分别」，所以对应检查（PC360）不适用，但档次的高低仍可核对。",
        fix_note="改回原文的金额。原文确实如此时，写 `忽略 PC361 \"理由\"`。",
    ),
    Example(
        "PC520", "金额公式可能为负数",
        _policy(LINCHUAN_HEADER, LINCHUAN_INTEREST),
        (("  条件 loan_interest_paid > 0元", "  条件 loan_interest_paid > other_interest_subsidy"),),
        files=LINCHUAN,
        note="「按实际支付利息扣除已享受的其他贴息后的余额给予贴息」：其他贴息多于利息时公式为负。"
             "负数金额按 0 计（不支付，也不追缴）；诊断附有这样一份申请人资料（反例）。",
        fix_note="原文说的是“余额”，没有余额就不予贴息：写进条件。若确属按 0 计，也可以写 `忽略 PC520 \"理由\"`。",
    ),
]

LINCHUAN_READINGS = """\
事实 {
  applicant_type 必填
  acceptance_passed
  digital_level
  spend_software_cloud
}

解读 upto_30 {
  条款 第二条
  原文 「且不超过改造投入的30%」
  读法 ceiling "“不超过改造投入的30%”是上限：0 至改造投入的 30%"
  读法 rate "奖励按改造投入的 30% 计算，以各级最高额封顶"
  采用 ceiling
}

补助 reform_award {
  条款 第二条
  标题 "数字化改造奖励"
  对象 enterprise
  原文 「数字化水平达到二级、三级、四级的，分别给予最高20、40、50万元奖励，且不超过改造投入的30%。」
  条件 acceptance_passed 且 digital_level >= 2
  金额 解读 upto_30 {
    读法 ceiling 则 不超过 (30% × spend_software_cloud)
    读法 rate 则 30% × spend_software_cloud
  } 封顶 分档 {
    当 digital_level == 2 则 20万元
    当 digital_level == 3 则 40万元
    否则 50万元
  }
  资金 未规定
  忽略 PC505 "原文未规定出资方"
}
"""

EXAMPLES += [
    Example(
        "PC113", "解读的读法不相符",
        _policy(LINCHUAN_HEADER, LINCHUAN_READINGS.replace("读法 rate 则", "读法 ratio 则")),
        (("读法 ratio 则", "读法 rate 则"),),
        files=LINCHUAN,
        note="表达式中的读法名称必须是 解读 块中写明的读法，每种读法各写一项。",
        fix_note="改用 解读 块中的名称。",
    ),
    Example(
        "PC530", "两种读法的金额不同",
        _policy(LINCHUAN_HEADER, LINCHUAN_READINGS),
        (("  采用 ceiling\n}", '  采用 ceiling\n  忽略 PC530 "已请区工信局解释，答复前按上限计算"\n}'),),
        files=LINCHUAN,
        note="这是提示：临川第二条「且不超过改造投入的30%」可以读作上限，也可以读作计算比例。诊断附有一份申请人资料，"
             "两种读法对他的金额不同。计算器按采用的读法计算，并列出每种读法的结果和范围；申请指南告诉申请人此处有不同理解。",
        fix_note="发布机关解释之前，这个提示是如实的提醒；可以用 `忽略` 写明理由。",
    ),
    Example(
        "PC531", "两种读法的金额总是相同",
        _policy(LINCHUAN_HEADER, LINCHUAN_READINGS.replace(
            "读法 rate 则 30% × spend_software_cloud", "读法 rate 则 不超过 (spend_software_cloud × 30%)")),
        (("读法 rate 则 不超过 (spend_software_cloud × 30%)", "读法 rate 则 30% × spend_software_cloud"),),
        files=LINCHUAN,
        note="两种读法写出的金额其实一样（都是 0 至 30%）：这个 解读 不影响任何申请人。",
        fix_note="把第二种读法写成它真正的含义；若两种理解确实不影响金额，只写一种，把另一种写进 说明。",
    ),
]

# 参数 and 约束 (tests/examples/tongxi.txt: 桐溪区 技改 notice)
TONGXI = ("tongxi.txt",)
TONGXI_HEADER = """\
政策 tongxi_draft {
  标题 "桐溪区关于支持工业企业技术改造提质增效的若干措施"
  来源 "tongxi.txt"
}
"""
TONGXI_FACTS = """\
事实 {
  applicant_type 必填
  equipment_spend: 货币 "项目设备购置支出"
  project_investment: 货币 "项目总投资"
  robots_bought: 整数 0..100000 "购置工业机器人台数"
}
"""
TONGXI_ROBOTS = """\
参数 robot_unit_price: 货币 "每台工业机器人补助标准" = 3000元
  依据 第四条 「按每台3000元的标准给予补助」

补助 robot_subsidy {
  条款 第四条
  标题 "机器人购置补助"
  对象 enterprise
  原文 「对购置工业机器人的企业，按每台3000元的标准给予补助。」
  条件 robots_bought > 0
  金额 robot_unit_price × robots_bought
  资金 未规定
}

补助 upgrade_subsidy {
  条款 第三条
  标题 "技改补助"
  对象 enterprise
  原文 「对实施技术改造项目的企业，按项目设备购置支出的10%给予补助，每家最高不超过200万元。」
  条件 equipment_spend > 0元
  金额 10% × equipment_spend 封顶 200万元
  资金 未规定
}
"""
TONGXI_CONSTRAINT = """\
约束 equipment_spend <= project_investment
  依据 第三条 「申报的设备购置支出不得超过项目总投资。」
"""
EXAMPLES += [
    Example(
        "PC114", "参数的类型不是 货币、比例 或 整数",
        _policy(TONGXI_HEADER, TONGXI_FACTS,
                TONGXI_ROBOTS.replace('robot_unit_price: 货币 "每台工业机器人补助标准" = 3000元',
                                      'robot_unit_price: 文本 "每台工业机器人补助标准" = 3000元'), TONGXI_CONSTRAINT),
        (('robot_unit_price: 文本 "每台', 'robot_unit_price: 货币 "每台'),),
        files=TONGXI,
        note="参数是政策依据的数值（单价、全市平均增长率等），只能是金额、比例或数量；由申请人填写的内容应声明为 事实。",
        fix_note="单价是金额：写 货币。",
    ),
    Example(
        "PC115", "约束读取了定义，或没有读取任何事实",
        _policy(TONGXI_HEADER, TONGXI_FACTS, TONGXI_ROBOTS,
                '定义 spend "设备购置支出" = equipment_spend\n\n'
                + TONGXI_CONSTRAINT.replace("约束 equipment_spend <=", "约束 spend <=")),
        (("约束 spend <=", "约束 equipment_spend <="), ('定义 spend "设备购置支出" = equipment_spend\n\n', "")),
        files=TONGXI,
        note="约束是申请人资料中事实之间的关系，每个计算器在计算之前检查它；它只能读取事实和参数。",
        fix_note="直接写事实的名称。",
    ),
    Example(
        "PC440", "约束互相矛盾",
        _policy(TONGXI_HEADER, TONGXI_FACTS, TONGXI_ROBOTS,
                TONGXI_CONSTRAINT.replace("约束 equipment_spend <=", "约束 equipment_spend >")
                + TONGXI_CONSTRAINT.replace("约束 equipment_spend <= project_investment",
                                            "约束 project_investment >= equipment_spend")),
        (("约束 equipment_spend > project_investment", "约束 equipment_spend <= project_investment"),),
        files=TONGXI,
        note="两条约束合起来没有任何申请人资料能满足：每个计算器都会拒绝每一份申请人资料。",
        fix_note="按原文「申报的设备购置支出不得超过项目总投资」写出方向。",
    ),
]

# --- dates and deadlines (云溪 摘要, tests/examples/yunxi.txt) -------------------------------------

YUNXI_HEADER = """\
政策 yunxi_draft {
  标题 "云溪市关于加快工业互联网发展的若干政策措施"
  来源 "yunxi.txt" 摘要
  忽略 PC380 "全文尚未公开"
}
"""
YUNXI_DEADLINES = """\
事实 {
  applicant_type 必填
  spend_software_cloud
  filed_on: 日期 "改造项目备案日期"
  completed_on: 日期 "完成改造并通过验收的日期"
}

程序 reform_schedule {
  条款 三、
  原文 「企业应于2025年6月30日前完成改造项目备案，于2026年3月31日前完成改造并通过验收。」
  步骤 "完成改造项目备案" 截止 2025-06-30
  步骤 "完成改造并通过验收" 截止 2026-03-31 按 completed_on
}

补助 reform_subsidy {
  条款 三、
  标题 "数字化改造补助"
  对象 enterprise
  原文 「按期备案并按期完成改造的，按改造投入的30%给予补助，最高不超过50万元；按期备案、未按期完成改造的，按改造投入的15%给予补助，最高不超过20万元。」
  条件 按期 filed_on
  金额 分档 {
    当 按期 completed_on 则 30% × spend_software_cloud 封顶 50万元
    否则 15% × spend_software_cloud 封顶 20万元
  }
  资金 未规定
  忽略 PC505 "摘要未规定出资方"
}
"""

EXAMPLES += [
    Example(
        "PC116", "按期 的日期事实没有对应的截止日期",
        _policy(YUNXI_HEADER, YUNXI_DEADLINES),
        (('  步骤 "完成改造项目备案" 截止 2025-06-30\n', '  步骤 "完成改造项目备案" 截止 2025-06-30 按 filed_on\n'),),
        files=("yunxi.txt",),
        on=dt.date(2026, 6, 1),
        note="`按期 filed_on` 的意思是“备案日期不晚于备案步骤的截止日期”：程序 块中须有一个步骤写明它的截止日期按 "
             "`filed_on` 计。这里备案步骤只写了截止日期，没有写 `按 filed_on`。",
        fix_note="在步骤的截止日期后写 `按 filed_on`。申请指南写“改造项目备案日期不晚于 2025 年 6 月 30 日"
                 "（“完成改造项目备案”的截止日期）”；也可以不用 按期，直接比较日期：`filed_on <= 2025-06-30`。",
    ),
]

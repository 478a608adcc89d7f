"""mkdocs hook: generate reference/diagnostic-examples.md, one real example for every diagnostic code.

The examples are in docs/_hooks/diagnostic_examples.py. At build time each one is checked by the
compiler (``diagnostic_examples.demonstrate``) and the page shows the bad policy, the diagnostic
the compiler really printed, and the fix. The build fails (``Abort``) when

* a code in the tables of docs/reference/diagnostics.md (PC000 and PC490 aside) has no example,
* a bad example does not produce its code, or its fix still does (or has any error at all,
  unless the example says why),
* the severity the compiler reports differs from the severity in the table.

The page is deterministic: file names are relative to the example's directory and every example
is checked as of a fixed date.

This file lives in docs/ only so that mkdocs.yml can name it; ``exclude_docs`` keeps it out of
the site.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.append(_HERE)  # for diagnostic_examples, next to this file
import diagnostic_examples as dx  # noqa: E402

log = logging.getLogger("mkdocs.hooks.diagnostic_pages")

PAGE = "reference/diagnostic-examples.md"
TABLE = "reference/diagnostics.md"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(PAGE) is not None:
        raise Abort(f"docs/{PAGE} 由 docs/_hooks/diagnostic_pages.py 生成，请删除手写的同名文件。")
    try:
        content = build_page(Path(config.docs_dir) / TABLE)
    except dx.ExampleError as err:
        raise Abort(f"诊断示例页无法生成（docs/_hooks/diagnostic_examples.py）：\n{err}") from None
    files.append(File.generated(config, PAGE, content=content))
    log.debug("diagnostic_pages: generated %s", PAGE)
    return files


def build_page(table: Path) -> str:
    """The Markdown of the page; raises ExampleError listing every example that does not hold."""
    documented = dx.documented_codes(table)
    demos, problems = dx.demonstrate_all(documented)
    if problems:
        raise dx.ExampleError("\n".join(problems))
    out = [_INTRO.format(on=dx.DEFAULT_ON.isoformat(), file=dx.EXAMPLE_FILE)]
    for demo in demos:
        out += _section(demo, documented[demo.example.code])
    return "\n".join(out).rstrip() + "\n"


_INTRO = "\n".join([
    "# 诊断示例",
    "",
    "本页为[诊断代码](diagnostics.md)表中的每个代码（PC000 内部错误与 PC490 规模上限除外）给出一个会触发它的政策、"
    "policyc 对它的实际输出，以及修改后的写法。",
    "",
    "本页在构建文档时生成：每个示例都作为 `{file}` 写入一个临时目录，"
    "旁边放着它所引用的原文（`policies/kunming.txt` 等），由 policyc 实际检查，无错误时再运行其中的 测试。"
    "下面的输出就是那次运行的结果，只把临时目录从文件名中去掉。"
    "错误示例不产生所示代码、修改后仍产生该代码（或仍有错误）、或严重程度与诊断代码表不符时，文档构建失败。",
    "",
    "- 每个示例都是完整的小政策：`政策` 块、读取的事实和出错的那一块。"
    "引文逐字摘自《昆明市中小企业数字化转型专项资金管理办法》（`kunming.txt`），另有注明的除外。",
    "- 为简短起见，示例中的出资多写作 `资金 city 100%`；"
    "昆明办法第十五条实际只点名了出资方，没有规定比例（见 [PC502](#pc502)）。",
    "- 检查日期一律为 {on}（相当于 `policyc check --on {on}`），输出不随构建日期变化。",
    "- 代码块左侧是行号，与诊断中的“文件:行:列”对应；修改前后不同的行以高亮标出。",
    "- 每个示例列出所示代码的第一条诊断；同一文件的其他诊断和修改后的检查结果可以展开查看。",
    "",
])


def _section(demo: dx.Demo, doc: tuple[str, str]) -> list[str]:
    ex = demo.example
    severity, meaning = doc
    old, new = dx.changed_lines(ex.bad, ex.fixed)
    command = "policyc test" if ex.uses_tests else f"policyc check --on {ex.date.isoformat()}"
    out = [f"## {ex.code} {ex.title} {{#{ex.code.lower()}}}", "",
           f"**{severity}** · {meaning}", ""]
    if ex.note:
        out += [ex.note, ""]
    out += [f"错误示例 `{dx.EXAMPLE_FILE}`" + ("（以 GBK 编码保存）" if ex.bad_encoding != "utf-8" else "") + "：", ""]
    out += _fence("policy", ex.bad, old)
    out += [f"`{command} {dx.EXAMPLE_FILE}` 报告的 {ex.code}：", ""]
    out += _fence("text", demo.rendered)
    others = [d for d in demo.bad.diagnostics if d is not demo.diagnostic]
    if others:
        out += _details(f"同一文件的其他诊断（{_summary(others)}）", [demo.bad.render(d) for d in others])
    out += ["修改后：", ""]
    out += _fence("policy", ex.fixed, new)
    if ex.fix_note:
        out += [ex.fix_note, ""]
    out += _fixed_result(demo)
    return out


def _fixed_result(demo: dx.Demo) -> list[str]:
    fixed = demo.fixed
    lines: list[str] = []
    if not fixed.diagnostics:
        lines += ["修改后检查：没有诊断" + ("，测试全部通过。" if demo.example.uses_tests else "。"), ""]
    else:
        head = "修改后检查：没有错误" if not fixed.errors else "修改后检查：仍有错误"
        rendered = [fixed.render(d) for d in fixed.diagnostics]
        lines += _details(f"{head}，还有 {_summary(list(fixed.diagnostics))}", rendered)
        if fixed.errors:
            lines += [demo.example.fixed_errors, ""]
    if fixed.suppressed:
        codes = "、".join(dict.fromkeys(d.code for d in fixed.suppressed))
        lines += [f"被 `忽略` 的诊断：{codes}（连同理由列在 `policyc check --format json` 的 `suppressed` 中）。", ""]
    return lines


def _summary(diags: list[dx.Diagnostic]) -> str:
    counts: dict[tuple[str, str], int] = {}
    for d in diags:
        key = (d.severity.zh, d.code)
        counts[key] = counts.get(key, 0) + 1
    return "、".join(f"{sev} {code}" + (f" ×{n}" if n > 1 else "") for (sev, code), n in counts.items())


def _fence(lang: str, text: str, highlight: list[int] | None = None) -> list[str]:
    attrs = ' linenums="1"' if lang == "policy" else ""
    if highlight:
        attrs += ' hl_lines="' + " ".join(map(str, highlight)) + '"'
    fence = "````" if "```" in text else "```"
    return [f"{fence}{lang}{attrs}", text.rstrip("\n"), fence, ""]


def _details(summary: str, rendered: list[str]) -> list[str]:
    body = "\n".join(_fence("text", "\n\n".join(rendered))).splitlines()
    return [f'??? note "{summary}"', "", *[("    " + line) if line else "" for line in body], ""]

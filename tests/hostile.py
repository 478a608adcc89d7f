"""Generators of hostile policies and profiles, shared by the security tests, the fuzzer and the
benchmarks (``from hostile import …`` with tests/ on ``sys.path``).

Every generator returns text; nothing here touches the file system except :func:`write_policy`.
"""

from __future__ import annotations

from pathlib import Path

# A minimal valid policy: one item whose quote is the whole source text SOURCE.
SOURCE = "第一条 对试点企业给予一次性 20 万元奖励。\n第二条 本办法自 2024 年 1 月 1 日起施行。\n"


def policy(*, source: str = "src.txt", title: str = "试点奖励办法", article: str = "第一条",
           item_title: str = "试点奖励", note: str = "", quote: str = "对试点企业给予一次性 20 万元奖励。",
           extra: str = "", pid: str = "tiny", condition: str = "in_pilot_scope") -> str:
    """A small valid policy; every keyword argument lands in one string slot of the language."""
    note_line = f"  说明 {literal(note)}\n" if note else ""
    return (
        f"政策 {pid} {{\n"
        f"  标题 {literal(title)}\n"
        f"  层级 市级\n"
        f"  来源 {literal(source)}\n"
        f"}}\n\n"
        f"事实 {{\n  applicant_type 必填\n  in_pilot_scope\n}}\n\n"
        f"补助 award {{\n"
        f"  条款 {article}\n"
        f"  标题 {literal(item_title)}\n"
        f"  对象 enterprise\n"
        f"  原文 「{quote}」\n"
        f"  条件 {condition}\n"
        f"  金额 20万元\n"
        f"  资金 city 100%\n"
        f"{note_line}"
        f"}}\n"
        f"{extra}"
    )


def literal(text: str) -> str:
    """A policy string literal for ``text`` (the language's escapes: \\\\ \\" \\n \\t \\uXXXX)."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or 0xD800 <= ord(ch) <= 0xDFFF or ord(ch) in (0x85, 0x2028, 0x2029):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def write_policy(folder: Path, text: str, name: str = "tiny.policy", source: str = SOURCE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "src.txt").write_text(source, encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- hostile sizes
def many_items_under_one_cap(n: int) -> tuple[str, str]:
    """(policy, source): n distinct items under one 累计上限 (the solver-scaling case; its bound
    belongs to the solver's limits). Write with ``write_policy(folder, text, source=source)``."""
    facts = "".join(f"  f{i}: 布尔 \"条件{i}\"\n" for i in range(n))
    items = "".join(
        f"补助 item{i} {{\n  条款 第一条\n  标题 \"项{i}\"\n  对象 enterprise\n"
        f"  原文 「对试点企业给予一次性 20 万元奖励。」\n  条件 in_pilot_scope 且 f{i}\n  金额 20万元\n"
        f"  资金 city 100%\n}}\n" for i in range(n))
    cap = ("累计上限 total_cap {\n  条款 第一条\n  原文 「对试点企业给予一次性 20 万元奖励。」\n"
           "  适用 全部\n  上限 20万元\n}\n")
    head = policy().split("补助 award")[0].replace("  in_pilot_scope\n}", "  in_pilot_scope\n" + facts + "}")
    return head + items + cap, SOURCE


def many_tiers(n: int) -> tuple[str, str]:
    """(policy, source): one 分档 of n tiers over an integer fact (the solver-scaling case)."""
    quote = "；".join(f"等级为{i}的给予{i + 1}元" for i in range(n)) + "。"
    tiers = "\n".join(f"    当 level == {i} 则 {i + 1}元" for i in range(n))
    text = policy(quote=quote).replace("  金额 20万元\n", f"  金额 分档 {{\n{tiers}\n  }}\n")
    text = text.replace("  in_pilot_scope\n}", f"  in_pilot_scope\n  level: 整数 0..{n} \"等级\"\n}}")
    return text, SOURCE + "第三条 " + quote + "\n"


def huge_quote(chars: int) -> str:
    return policy(quote="奖" * chars)


def long_file(lines: int) -> str:
    return policy() + "# 注释\n" * lines

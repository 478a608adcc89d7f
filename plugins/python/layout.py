"""Lay out generated Python within a line width, counting CJK characters as two columns.

Compiled expressions are built as :class:`Call` / :class:`Atom` trees and printed inline when
they fit, otherwise black-style: one argument per line. Long string literals are split into
implicitly concatenated pieces; docstring text is wrapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compiler.diagnostics import display_width

WIDTH = 110


@dataclass(frozen=True)
class Atom:
    text: str


@dataclass(frozen=True)
class Str:
    value: str


@dataclass(frozen=True)
class Call:
    fn: str  # "add", "(" for a tuple/group, "and"/"or" for boolean operators
    args: tuple[Node, ...]
    trailing: bool = False  # a one-element tuple needs a trailing comma


Node = Atom | Str | Call


def inline(node: Node) -> str:
    if isinstance(node, Atom):
        return node.text
    if isinstance(node, Str):
        return repr(node.value)
    if node.fn in ("and", "or"):
        return "(" + f" {node.fn} ".join(inline(a) for a in node.args) + ")"
    body = ", ".join(inline(a) for a in node.args)
    if node.trailing or (node.fn == "" and len(node.args) == 1):
        body += ","
    return f"{node.fn}({body})"


def _split_string(value: str, indent: int) -> list[str]:
    """Pieces of ``value`` whose literals fit in the width at ``indent``."""
    room = max(WIDTH - indent - 4, 20)
    pieces: list[str] = []
    cur = ""
    for ch in value:
        if cur and display_width(repr(cur + ch)) > room:
            pieces.append(repr(cur))
            cur = ""
        cur += ch
    pieces.append(repr(cur))
    return pieces


def fmt(node: Node, indent: int, prefix: str = "", suffix: str = "") -> list[str]:
    """Lines (with ``indent`` spaces) printing ``prefix + node + suffix``."""
    pad = " " * indent
    one = pad + prefix + inline(node) + suffix
    if display_width(one) <= WIDTH:
        return [one]
    if isinstance(node, Atom):
        return [one]
    if isinstance(node, Str):
        parts = _split_string(node.value, indent + 4)
        if len(parts) == 1:
            return [one]
        return [pad + prefix + "("] + [" " * (indent + 4) + p for p in parts] + [pad + ")" + suffix]
    if node.fn in ("and", "or"):
        lines = [pad + prefix + "("]
        for i, a in enumerate(node.args):
            lines += fmt(a, indent + 4, "" if i == 0 else f"{node.fn} ")
        return [*lines, pad + ")" + suffix]
    lines = [pad + prefix + node.fn + "("]
    for a in node.args:
        lines += fmt(a, indent + 4, "", ",")
    return [*lines, pad + ")" + suffix]


# One escape (\\x09, \\u2028, \\U0001f600, \\N{…}, \\\\, \\") or one character.
_ESCAPE_UNIT = re.compile(r"\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\N\{[^}]*\}|\\.|.",
                          re.DOTALL)


def wrap(text: str, indent: int, width: int = WIDTH) -> str:
    """Wrap docstring text (already escaped) to ``width`` display columns."""
    out: list[str] = []
    room = max(width - indent, 20)
    for line in text.split("\n"):
        cur = ""
        for unit in _ESCAPE_UNIT.findall(line.strip()):  # never split inside an escape
            if cur and display_width(cur + unit) > room:
                out.append(cur.rstrip(" "))
                cur = ""
            cur += unit
        out.append(cur)
    pad = " " * indent
    return "\n".join((pad + ln) if ln else "" for ln in out).lstrip()

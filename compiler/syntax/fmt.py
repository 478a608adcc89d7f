"""The canonical layout of a policy file (``policyc fmt``).

The formatter works on the tokens of the parse tree (the same Lark grammar the compiler uses,
with every token kept) and on the comments between them; it never rewrites a token:

* top-level blocks are separated by one blank line; a block's fields, the facts of 事实 and the
  lines of a 分档 each start a line, indented two spaces per level of ``{ }``;
* inside a field, tokens are separated by one space (none before ``, : ) ]``, none after
  ``( [``, none around ``..``, none after a negative sign); a line break the drafter put inside
  a field is kept, and the next line is indented under the open bracket it continues, or two
  spaces deeper than the field;
* comments stay where they were — on their own line (re-indented) or after a token; blank lines
  between fields are kept, at most one;
* quotes 「…」 and strings are copied character for character, so the checked model — including
  every quote — is exactly the same (``format_text`` verifies that the tokens and comments of
  the result equal those of the input, and refuses otherwise).

A file that does not parse is not formatted: ``format_text`` returns its syntax diagnostics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lark import Lark, Token, Tree

from ..diagnostics import Diagnostic, display_width
from ..resources import grammar_path
from .parser import parse_text

INDENT = "  "

# Tree nodes whose first token starts a line of its own.
_LINE_UNITS = frozenset({
    "policy_block", "facts_block", "define", "section", "test_block", "fact_decl", "tier",
    "otherwise",
})
_LINE_UNITS = _LINE_UNITS | {"param_decl", "constraint_decl", "reading_block"}  # 参数, 约束, 解读
# Nodes whose braces open and close an indented block (other braces, as in 输入 {…}, stay inline).
_BLOCK_BRACES = frozenset({"policy_block", "facts_block", "section", "test_block", "tiers", "reading_block"})
_TOP_LEVEL = frozenset({"policy_block", "facts_block", "define", "section", "test_block"})
_TOP_LEVEL = _TOP_LEVEL | {"param_decl", "constraint_decl", "reading_block"}  # 参数, 约束, 解读

_NO_SPACE_BEFORE = frozenset({",", ":", ")", "]", ".."})
_NO_SPACE_AFTER = frozenset({"(", "[", ".."})
_OPEN = frozenset({"(", "[", "{"})
_CLOSE = frozenset({")", "]", "}"})

_GAP = re.compile(r"(?P<nl>\n)|(?P<comment>#[^\n]*)|(?P<ws>[ \t\r\u3000\ufeff]+)")


@cache
def _token_parser() -> Lark:
    """The compiler's grammar with every token kept, built once and then loaded from the cache."""
    from ..cache import cached_parser

    return cached_parser(grammar_path().read_text(encoding="utf-8"), {
        "parser": "lalr", "lexer": "contextual", "keep_all_tokens": True, "maybe_placeholders": False,
    })


@dataclass
class _Tok:
    tok: Token
    starts_line: bool = False
    top_level: bool = False
    block_open: bool = False
    block_close: bool = False
    negative_sign: bool = False


def _flatten(tree: Tree[Token]) -> list[_Tok]:
    out: list[_Tok] = []
    stack: list[Tree[Token] | Token] = [tree]
    pending: list[str] = []  # nodes just entered whose first token is still to come
    depth = 0
    while stack:
        node = stack.pop()
        if isinstance(node, Tree):
            data = str(node.data)
            if data.startswith("f_") or data in _LINE_UNITS:
                pending.append(data)
            stack.extend(reversed([_mark(c, node) for c in node.children]))
            continue
        t = _Tok(node, block_open=node.type == "BLOCK_LBRACE", block_close=node.type == "BLOCK_RBRACE",
                 negative_sign=node.type == "NEG_SIGN")
        if pending:
            t.starts_line = True
            t.top_level = depth == 0 and any(d in _TOP_LEVEL for d in pending)
            pending.clear()
        depth += t.block_open - t.block_close
        out.append(t)
    return out


def _mark(child: Tree[Token] | Token, parent: Tree[Token]) -> Tree[Token] | Token:
    """Tag the braces of a block and the sign of a negative number (by rewriting the token type)."""
    if not isinstance(child, Token):
        return child
    data = str(parent.data)
    value = str(child)
    kind = None
    if data in _BLOCK_BRACES and value in ("{", "}"):
        kind = "BLOCK_LBRACE" if value == "{" else "BLOCK_RBRACE"
    elif data in ("v_negative", "neg_num", "neg_percent") and value == "-":
        kind = "NEG_SIGN"
    if kind is None:
        return child
    return Token.new_borrow_pos(kind, value, child)


def _gap_items(gap: str) -> list[tuple[str, str]]:
    """The gap between two tokens as ("nl", "") and ("comment", text) items (spaces dropped)."""
    items: list[tuple[str, str]] = []
    for m in _GAP.finditer(gap):
        if m.group("nl"):
            items.append(("nl", ""))
        elif m.group("comment"):
            items.append(("comment", m.group("comment").rstrip()))
    return items


@dataclass
class _Bracket:
    after: _Tok  # the bracket itself
    indent: str  # the indentation of the line it opened on
    align: int | None = None  # the column of the token after it, when on the same line


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cur = ""

    def newline(self) -> None:
        self.lines.append(self.cur.rstrip())
        self.cur = ""

    def blank(self) -> None:
        if self.cur.strip():
            self.newline()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def start_line(self, indent: str) -> None:
        if self.cur.strip():
            self.newline()
        self.cur = indent

    def text(self) -> str:
        if self.cur.strip():
            self.newline()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        while self.lines and self.lines[0] == "":
            self.lines.pop(0)
        return "\n".join(self.lines) + "\n" if self.lines else ""


def layout(text: str, tree: Tree[Token]) -> str:
    """Lay out the tokens of ``tree`` (parsed from ``text``) canonically, keeping the comments."""
    w = _Writer()
    depth = 0
    brackets: list[_Bracket] = []  # inline brackets open in the current line unit
    base = ""
    prev: _Tok | None = None
    pos = 0
    for t in [*_flatten(tree), None]:
        start = len(text) if t is None else (t.tok.start_pos or 0)
        gap = _gap_items(text[pos:start])
        if t is not None:
            pos = t.tok.end_pos or start
        inner = INDENT * depth  # the indentation of the lines inside the current block
        line_start = t is None or t.starts_line or t.block_close
        nl = 0
        commented = False
        force_break = False
        for kind, body in gap:
            if kind == "nl":
                nl += 1
                continue
            if nl == 0 and prev is not None:
                w.cur += "  " + body  # a comment after a token stays on that line
            else:
                if (nl >= 2 and not (prev is not None and prev.block_open)) or (
                        t is not None and t.top_level and not commented and prev is not None):
                    w.blank()
                w.start_line(inner if line_start else _continuation(base, brackets, None))
                w.cur += body
                commented = True
            force_break = True
            nl = 0
        if t is None:
            break
        value = str(t.tok)
        if t.block_close:
            depth -= 1
        if prev is None:
            if nl >= 2 and commented:
                w.blank()
            w.start_line("")
        elif line_start:
            if (t.top_level and not commented) or (
                    nl >= 2 and not prev.block_open and not t.block_close):
                w.blank()
            w.start_line(INDENT * depth)
        elif nl > 0 or force_break:
            w.start_line(_continuation(base, brackets, value))
        elif _space_between(prev, t):
            w.cur += " "
        if line_start:
            brackets.clear()
            base = INDENT * depth
        if brackets and brackets[-1].after is prev and not (line_start or nl > 0 or force_break):
            brackets[-1].align = display_width(w.cur)  # continuation lines align under this token
        w.cur += value
        if value in _OPEN and not t.block_open:
            brackets.append(_Bracket(t, _indent_of(w.cur)))
        elif value in _CLOSE and not t.block_close and brackets:
            brackets.pop()
        if t.block_open:
            depth += 1
            brackets.clear()
        prev = t
    return w.text()


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" "))]


def _continuation(base: str, brackets: list[_Bracket], value: str | None) -> str:
    """The indentation of a line that continues a field (or a comment inside one)."""
    if brackets and value in _CLOSE:
        return brackets[-1].indent
    if brackets:
        b = brackets[-1]
        return " " * b.align if b.align is not None else b.indent + INDENT
    return base + INDENT


def _space_between(a: _Tok, b: _Tok) -> bool:
    va, vb = str(a.tok), str(b.tok)
    if vb in _NO_SPACE_BEFORE or va in _NO_SPACE_AFTER or a.negative_sign:
        return False
    return not (va == "{" and vb == "}" and not a.block_open)


def signature(text: str, tree: Tree[Token]) -> tuple[list[tuple[str, str]], list[str]]:
    """What formatting must keep: every token (type and text) and every comment, in order."""
    tokens = [t.tok for t in _flatten(tree)]  # iterative: no recursion on deep expressions
    comments: list[str] = []
    pos = 0
    for t in tokens:
        comments += [body for kind, body in _gap_items(text[pos:t.start_pos or 0]) if kind == "comment"]
        pos = t.end_pos or pos
    comments += [body for kind, body in _gap_items(text[pos:]) if kind == "comment"]
    return [(t.type, str(t)) for t in tokens], comments


class FormatError(Exception):
    """The layout would have changed a token or a comment (a defect of the formatter)."""


def format_text(text: str, file: str = "<text>") -> tuple[str | None, list[Diagnostic]]:
    """The canonical layout of ``text``, or None and the syntax diagnostics when it does not parse."""
    from .edge import too_deep

    text = text.removeprefix("\ufeff")
    tree, diags = parse_text(text, file)
    if tree is None:
        return None, diags
    deep = too_deep(tree, file)
    if deep is not None:
        return None, [deep]
    full = _token_parser().parse(text)
    out = layout(text, full)
    again = _token_parser().parse(out)
    if signature(text, full) != signature(out, again):
        raise FormatError(f"{file}: formatting would change a token or a comment")
    return out, []

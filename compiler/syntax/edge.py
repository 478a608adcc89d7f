"""Validation of policy text at the edge, before any later stage sees it.

Two passes, both never raising and both placing every diagnostic inside the file:

* :func:`check_characters` scans the raw text before parsing. Control characters (NUL, form
  feed, ``\\v``, a lone ``\\r``, C1 controls such as U+0085), the line and paragraph separators
  U+2028/U+2029, lone surrogates, bidirectional-override characters and non-characters are
  refused (PC008): several of them count as line breaks for some tools and not for others, so
  a drafter's editor, the parser and the diagnostics would disagree about line numbers; none
  can be carried safely by every output. Lines are counted by ``\\n`` only, as the parser does.
* :func:`check_tree` walks the parse tree (iteratively) and refuses values no later stage
  should have to handle: nesting deeper than :data:`MAX_DEPTH` (PC007), strings and quotes
  longer than their bound or decoding to a refused character (PC008/PC009), numbers with too
  many digits (PC009), dates outside :data:`YEARS` (PC204), and article labels that are not
  article labels (PC010).

The bounds are documented in docs/reference/language.md (“上限与不允许的字符”).
"""

from __future__ import annotations

import re
import unicodedata

from lark import Token, Tree

from ..diagnostics import Diagnostic, Severity, Span
from .transform import unescape

MAX_DEPTH = 200
"""Nesting of the parse tree; far beyond any real policy, keeps later recursion shallow."""
MAX_STRING_CHARS = 2_000
"""A "…" string (title, label, note, name, test name): a long note is a few hundred characters."""
MAX_QUOTE_CHARS = 20_000
"""A 「…」 quote: the longest article of the seed policies is under 1,000 characters."""
MAX_INTEGER_DIGITS = 15
"""Digits before the point of any number: 10^15 yuan is ~10,000 times China's annual budget."""
MAX_FRACTION_DIGITS = 8
"""Digits after the point (50.12345678% is already beyond any published rate)."""
YEARS = (1900, 2199)
"""Dates in a policy (issue, validity, test dates) lie within these years."""
MAX_REPORTED = 20

_BAD_CHAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]|\r(?!\n)"
)
_NAMES = {
    "\x00": "空字符 NUL", "\x0b": "垂直制表符", "\x0c": "换页符", "\r": "单独的回车符",
    "\x85": "下一行符 NEL", "\u2028": "行分隔符", "\u2029": "段分隔符",
}
# An article label: 第七条第（一）项, 第七条第二款, 四、（一）, 第三章, 第五条之一, 一、（二）1.
ARTICLE_CHARS = re.compile(r"[第〇零一二三四五六七八九十百千0-9０-９条條章节節款项項目之（）().．、]+")
# the unnumbered parts of a source text a citation may name (grammar: ARTICLE's second form)
UNNUMBERED_PART = re.compile(r"(?:标题|通知标题|文号|导语|落款|附件[〇零一二三四五六七八九十0-9]*)")
# a passage (段) or sentence (句) of unnumbered text (grammar: ARTICLE's third form)
_ZH_NUM = "[〇零一二三四五六七八九十百0-9]+"
PASSAGE_PART = re.compile(rf"(?:导语|附件)?第{_ZH_NUM}段(?:第{_ZH_NUM}句)?")
_NUMERIC = ("MONEY", "PERCENT", "COUNT", "NUMBER")
_DIGITS = re.compile(r"(\d+)(?:\.(\d+))?")


def describe_char(ch: str) -> str:
    """U+000C（换页符）: a refused character, named without printing it."""
    name = _NAMES.get(ch)
    if name is None:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            name = "单独的代理码元"
        elif 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069:
            name = "双向文字控制符"
        else:
            name = unicodedata.name(ch, "控制字符")
    return f"U+{ord(ch):04X}（{name}）"


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def check_characters(text: str, file: str) -> list[Diagnostic]:
    """PC008 for each refused character in the raw text (at most MAX_REPORTED)."""
    diags: list[Diagnostic] = []
    for m in _BAD_CHAR.finditer(text):
        line, col = _position(text, m.start())
        diags.append(Diagnostic(
            "PC008", Severity.ERROR, Span(file, line, col, line, col + 1),
            f"不允许的字符 {describe_char(m.group(0))}",
            "从 PDF 或网页复制的文字常带有换页符、控制字符等看不见的字符：请删除，或换成空格、换行。",
        ))
        if len(diags) >= MAX_REPORTED:
            break
    return diags


def _tok_span(file: str, tok: Token) -> Span:
    line, col = tok.line or 1, tok.column or 1
    return Span(file, line, col, tok.end_line or line, tok.end_column or col + 1)


def _check_token(tok: Token, file: str) -> Diagnostic | None:
    kind = tok.type
    text = str(tok)
    span = _tok_span(file, tok)
    if kind == "STRING":
        if len(text) > MAX_STRING_CHARS + 2:
            return Diagnostic("PC009", Severity.ERROR, span,
                              f"字符串过长（{len(text) - 2} 个字符，上限 {MAX_STRING_CHARS}）",
                              "标题、说明等字符串应简短；条款原文请用 原文 「…」 引用。")
        m = _BAD_CHAR.search(unescape(text))  # the transformer's own decoding of "…" literals
        if m is not None:
            return Diagnostic("PC008", Severity.ERROR, span,
                              f"字符串中的转义写出了不允许的字符 {describe_char(m.group(0))}",
                              "\\u 转义不能写控制字符、行分隔符或单独的代理码元（\\ud800–\\udfff）。")
    elif kind == "QUOTE" and len(text) > MAX_QUOTE_CHARS + 2:
        return Diagnostic("PC009", Severity.ERROR, span,
                          f"原文引文过长（{len(text) - 2} 个字符，上限 {MAX_QUOTE_CHARS}）",
                          "每条规则只引用它所编码的条款或项，不要引用整篇原文。")
    elif kind in _NUMERIC:
        m = _DIGITS.search(text)
        if m is not None and (len(m.group(1).lstrip("0")) > MAX_INTEGER_DIGITS
                              or len(m.group(2) or "") > MAX_FRACTION_DIGITS):
            return Diagnostic("PC009", Severity.ERROR, span,
                              f"数字位数过多（整数部分至多 {MAX_INTEGER_DIGITS} 位，"
                              f"小数部分至多 {MAX_FRACTION_DIGITS} 位）",
                              "金额用 万元、亿元 书写；检查是否多打了数字。")
    elif kind == "DATE":
        year = int(text[:4])
        if not YEARS[0] <= year <= YEARS[1]:
            return Diagnostic("PC204", Severity.ERROR, span,
                              f"日期“{text}”超出可用范围（{YEARS[0]}–{YEARS[1]} 年）",
                              "检查年份是否抄错。")
    elif kind == "ARTICLE" and not ARTICLE_CHARS.fullmatch(text) and not UNNUMBERED_PART.fullmatch(text) \
            and not PASSAGE_PART.fullmatch(text):
        bad = next(ch for ch in text if not ARTICLE_CHARS.fullmatch(ch))
        shown = describe_char(bad) if not bad.isprintable() else f"“{bad}”"
        return Diagnostic("PC010", Severity.ERROR, span,
                          f"条款编号中不能有{shown}",
                          "条款编号只由 第、数字、条/章/款/项/目、之 和括号组成，"
                          "如 第七条第（一）项、第七条第二款、四、（一）；"
                          "未编号的部分写 标题、文号、导语、落款、附件。")
    return None


def _deep(node: Tree[Token], file: str) -> Diagnostic:
    meta = node.meta
    line = getattr(meta, "line", 1) if not getattr(meta, "empty", True) else 1
    col = getattr(meta, "column", 1) if not getattr(meta, "empty", True) else 1
    return Diagnostic("PC007", Severity.ERROR, Span(file, line, col, line, col + 1),
                      f"表达式嵌套过深（超过 {MAX_DEPTH} 层）", "请拆分为多个 定义。")


def too_deep(tree: Tree[Token], file: str) -> Diagnostic | None:
    """PC007 for the first node nested deeper than MAX_DEPTH (measured without recursion)."""
    stack: list[tuple[Tree[Token], int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return _deep(node, file)
        stack.extend((c, depth + 1) for c in node.children if isinstance(c, Tree))
    return None


def check_tree(tree: Tree[Token], file: str) -> list[Diagnostic]:
    """PC007 for the first node nested deeper than MAX_DEPTH, else every refused token."""
    diags: list[Diagnostic] = []
    stack: list[tuple[Tree[Token], int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return [_deep(node, file)]
        for child in node.children:
            if isinstance(child, Tree):
                stack.append((child, depth + 1))
            elif isinstance(child, Token) and len(diags) < MAX_REPORTED:
                d = _check_token(child, file)
                if d is not None:
                    diags.append(d)
    return sorted(diags, key=lambda d: d.sort_key)

"""Parse policy text with the Lark LALR grammar; turn Lark's errors into Chinese diagnostics."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from functools import cache
from typing import cast

from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from ..diagnostics import Diagnostic, Severity, Span
from ..resources import grammar_path
from .fields import ALLOWED, FIELD_ZH

# Full-width punctuation an IME types in place of the ASCII the grammar wants.
FULLWIDTH = {
    "＝": "=", "，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "｛": "{", "｝": "}",
    "【": "[", "】": "]", "［": "[", "］": "]", "％": "%", "＋": "+", "－": "-", "＊": "*",
    "“": '"', "”": '"', "＂": '"', "＞": ">", "＜": "<", "！": "!", "．": ".", "＃": "#",
    "。": "", "、": ",",
}

_TERMINAL_NAMES = {
    "NAME": "标识符（英文字母、数字、下划线）",
    "STRING": "字符串（\"…\"）",
    "QUOTE": "原文引文（「…」）",
    "MONEY": "金额（如 20万元、5000元）",
    "PERCENT": "百分比（如 50%）",
    "COUNT": "数量（如 200家、5个工作日）",
    "NUMBER": "数字",
    "DATE": "日期（YYYY-MM-DD）",
    "ARTICLE": "条款编号（如 第七条第（一）项）",
    "CODE": "诊断代码（如 PC301）",
    "LEVEL": "层级（国家级、省级、市级、县级）",
    "BOOL": "真/假（是/否）",
    "SECTION_KW": "块关键字（资格、排除、补助、累计上限、拨付、名额、预算、程序）",
    "SOURCE_KIND": "来源的类型（摘要、节选、转载）",
    "CMP_OP": "比较运算符（== != >= <= > <）",
    "_MUL": "乘号（× 或 *）",
    "$END": "文件结尾",
}

_PUNCT = {
    "_LBRACE": "{", "_RBRACE": "}", "_LSQB": "[", "_RSQB": "]", "_LPAR": "(", "_RPAR": ")",
    "_COMMA": ",", "_COLON": ":", "_EQUAL": "=", "_PLUS": "+", "_MINUS": "-", "_DOTDOT": "..",
}


@cache
def lark_parser() -> Lark:
    """The LALR parser, built once per grammar version and then loaded from the cache."""
    from ..cache import cached_parser

    return cached_parser(grammar_path().read_text(encoding="utf-8"), {
        "parser": "lalr", "lexer": "contextual", "propagate_positions": True,
        "maybe_placeholders": False,
    })


@cache
def _keyword_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for term in lark_parser().terminals:
        if isinstance(term.pattern, PatternStr):
            names[term.name] = f"“{term.pattern.value}”"
    names.update({k: f"“{v}”" for k, v in _PUNCT.items()})
    names.update(_TERMINAL_NAMES)
    return names


@cache
def _terminal_words() -> dict[str, tuple[str, ...]]:
    """The words each terminal stands for: a keyword's own, and each of an alternation of words
    (SECTION_KW: 资格, 排除, …; LEVEL: 国家级, …; BOOL: 真, 假, 是, 否)."""
    out: dict[str, tuple[str, ...]] = {}
    for t in lark_parser().terminals:
        if isinstance(t.pattern, PatternStr):
            out[t.name] = (t.pattern.value,)
        else:
            m = re.fullmatch(r"\(\?:((?:[\u4e00-\u9fff]+\|)+[\u4e00-\u9fff]+)\)", t.pattern.value)
            if m:
                out[t.name] = tuple(m.group(1).split("|"))
    return out


@cache
def _keywords() -> list[str]:
    return sorted({w for words in _terminal_words().values() for w in words if re.match(r"[\u4e00-\u9fff]", w)})


def describe_terminal(name: str) -> str:
    return _keyword_names().get(name, name)


def _words_of(names: set[str] | frozenset[str]) -> set[str]:
    """The words of the terminals ``names`` (what the parser could take here), 是 for BOOL too."""
    words = _terminal_words()
    return {w for n in names for w in words.get(n, ())}


def _taken(names: set[str]) -> set[str]:
    """What a word may be replaced by where the parser takes ``names``: their words, and the
    comparison operators where a comparison may stand."""
    return _words_of(names) | (_OPERATORS if "CMP_OP" in names else set())


@cache
def _sound(word: str) -> tuple[str, ...]:
    """The syllables of ``word`` without tones (适用 → shi, yong)."""
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(word))


def _likeness(typed: str, word: str) -> float:
    """How close ``word`` is to ``typed``, in characters and in sound: a typo made with a pinyin
    input method is mostly a homophone (「试用」 for 「适用」, 「封定」 for 「封顶」)."""
    chars = difflib.SequenceMatcher(None, typed, word).ratio()
    sound = difflib.SequenceMatcher(None, _sound(typed), _sound(word)).ratio()
    return chars + sound


def _closest(word: str, allowed: set[str], cutoff: float, fitting_only: bool = False) -> str | None:
    """The keyword ``word`` was probably meant to be: of the close ones (in characters or, for a
    word of as many characters, in sound), one the parser could take here first (「封定」 after an
    amount is 「封顶」, not 「未定」, though both differ by one character), the likest in characters
    and sound first (「试用」 is 「适用」, not 「采用」)."""
    if word in _SYNONYMS:
        fits = [w for w in _SYNONYMS[word] if w in allowed]
        if fits or not (allowed or fitting_only):
            return (fits or _SYNONYMS[word])[0]
    close = difflib.get_close_matches(word, _keywords(), n=8, cutoff=cutoff)
    close += [w for w in _keywords() if w not in close and len(w) == len(word) and _sound(w) == _sound(word)]
    fitting = [w for w in close if w in allowed]
    best = fitting if fitting or fitting_only else close
    if not best:
        return None
    return max(best, key=lambda w: (_likeness(word, w), -best.index(w)))


_FIELD_WORDS = frozenset(FIELD_ZH.values())
# the keywords that begin a top-level block (解读 too; error recovery resumes at them, but at 解读)
_BLOCKS = ("政策", "事实", "定义", "解读", "资格", "排除", "补助", "累计上限", "拨付", "名额", "预算", "程序", "测试")
_BLOCK_HEAD = re.compile(r"^[ \t\u3000]*(" + "|".join(_BLOCKS) + r")(?=[\s\u3000])", re.M)


_FIELD_HEAD = re.compile(
    r"^[ \t\u3000]*(" + "|".join(sorted(_FIELD_WORDS, key=len, reverse=True)) + r")(?=[\s\u3000])", re.M)
# keywords of an amount only (封顶, 不超过, 未定, 分档): the grammar takes them in any expression
_AMOUNT_ONLY = frozenset({"_KW_CAP", "_KW_UPTO", "_KW_UNDETERMINED", "_KW_TIERS"})
# words of ordinary writing for the policy language's keywords and comparison operators, the
# first one the parser can take there (不高于 is 不超过 before an amount, <= after a value)
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "和": ("且",), "并且": ("且",), "而且": ("且",), "与": ("且",), "以及": ("且",), "同时": ("且",),
    "或者": ("或",), "或是": ("或",), "不是": ("非",), "没有": ("非",), "到": ("至",),
    "最高": ("封顶", "不超过"), "不高于": ("不超过", "<="), "不大于": ("不超过", "<="),
    "小于等于": ("<=",), "不超过": ("<=",), "至多": ("<=",),
    "大于等于": (">=",), "不低于": (">=",), "不小于": ("不少于", ">="), "不少于": (">=",), "至少": (">=",),
    "大于": (">",), "高于": (">",), "超过": (">",), "小于": ("<",), "低于": ("<",),
    "等于": ("==",), "不等于": ("!=",),
}
_OPERATORS = frozenset({"==", "!=", ">=", "<=", ">", "<"})


def _accepted(text: str, pos: int, fallback: set[str] | frozenset[str]) -> set[str]:
    """The terminals the parser can take at ``pos`` (after the text before it), exactly: Lark's
    ``allowed`` for a lexing error is its LALR state's, which merges contexts (「(」 and 「=」 where
    a field must begin). Inside a block, a field keyword only if the block can hold that field."""
    try:
        ip = lark_parser().parse_interactive(text[:pos])
        ip.exhaust_lexer()
        # InteractiveParser.accepts (unannotated in Lark): the names of the terminals it can take
        accepts = cast(Callable[[], set[str]], ip.accepts)
        names = set(accepts())
    except LarkError:
        names = set(fallback)
    return _in_block(text, pos, names)


_NOT_CODE = re.compile(r"「[^」]*」?|\"[^\"\n]*\"?|#[^\n]*")


def _code(text: str) -> str:
    """``text`` with its quotes, strings and comments blanked (their newlines kept): a line of a
    原文 that begins with 补助 or 条件 is not a block or a field."""
    return _NOT_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _in_block(text: str, pos: int, names: set[str]) -> set[str]:
    """``names`` less what the block being written at ``pos`` cannot hold there: another block's
    fields where a field begins, an amount's keywords inside 条件."""
    text = _code(text[:pos])
    heads = list(_BLOCK_HEAD.finditer(text, 0, pos))
    if not heads or heads[-1].group(1) not in ALLOWED:
        return names
    may = {FIELD_ZH[k] for k in ALLOWED[heads[-1].group(1)]}
    fields = list(_FIELD_HEAD.finditer(text, heads[-1].end(), pos))
    if fields and fields[-1].group(1) == "条件":  # a condition: no amount's keyword (the grammar has one expr)
        names = {n for n in names if n not in _AMOUNT_ONLY} or names
    words = _terminal_words()
    if not any(w in may for n in names for w in words.get(n, ())):  # not where a field begins
        return names
    return {n for n in names if not any(w in _FIELD_WORDS and w not in may for w in words.get(n, ()))}


def _expected_order(shown: str) -> tuple[int, str]:
    """Keywords first (what a drafter writes next), then kinds of value, then punctuation."""
    if re.match(r"“[\u4e00-\u9fff]", shown):
        return 0, shown
    return (2 if shown.startswith("“") else 1), shown


def describe_expected(names: set[str] | frozenset[str]) -> str:
    shown = sorted({describe_terminal(n) for n in names if not n.startswith("__ANON")}, key=_expected_order)
    if len(shown) > 10:
        return "、".join(shown[:8]) + f" 等 {len(shown)} 种"
    return "、".join(shown)


def _span(file: str, line: int, column: int, width: int = 1) -> Span:
    return Span(file, max(line, 1), max(column, 1), max(line, 1), max(column, 1) + width)


def _cjk_run(text: str, pos: int) -> str:
    m = re.compile(r"[\u4e00-\u9fff]+").match(text, pos)
    return m.group(0) if m else ""


def _translate(err: UnexpectedInput, text: str, file: str) -> Diagnostic:
    if isinstance(err, UnexpectedCharacters):
        pos = err.pos_in_stream or 0
        ch = text[pos] if 0 <= pos < len(text) else ""
        span = _span(file, err.line, err.column)
        accepted = _accepted(text, pos, err.allowed or set())
        expected = describe_expected(accepted)
        if ch in FULLWIDTH:
            ascii_ = FULLWIDTH[ch]
            if ch in "“”＂":
                msg = f"全角引号“{ch}”不能作为字符串的界符"
                hint = '字符串请用半角 "…"，原文引文请用 「…」；全角引号可以出现在字符串内部。'
            elif ascii_:
                msg = f"全角标点“{ch}”：此处应使用半角“{ascii_}”"
                hint = "中文输入法下容易输入全角标点，请切换到半角后重新输入。"
            else:
                msg = f"此处不应出现“{ch}”"
                hint = "语句之间不需要句号或顿号；多个值请用半角逗号“,”分隔。"
            return Diagnostic("PC004", Severity.ERROR, span, msg, hint)
        if ch == '"':
            return Diagnostic(
                "PC005", Severity.ERROR, span, "字符串没有结束：缺少右引号 \"",
                "字符串 \"…\" 不能跨行；跨行的原文请用 「…」。",
            )
        if ch == "「":
            rest = text[pos + 1:]
            nxt_open, nxt_close = rest.find("「"), rest.find("」")
            if nxt_open != -1 and (nxt_close == -1 or nxt_open < nxt_close):
                return Diagnostic(
                    "PC005", Severity.ERROR, span, "原文引文没有结束，或在引文中又用了「",
                    "每段引文以 」 结束；引文内不能再出现 「 」（原文中的引号请照录为 “”）。",
                )
            return Diagnostic("PC005", Severity.ERROR, span, "原文引文没有结束：缺少 」", "")
        word = _cjk_run(text, pos)
        if word[:1] in ("万", "亿", "元") and re.search(r"\d[ \u3000]*$", text[max(0, pos - 20):pos]):
            return Diagnostic(
                "PC002", Severity.ERROR, span, f"金额单位“{word}”不完整或与数字断开",
                "金额写作 20万元、1.5亿元、5000元：单位只能是 元、万元、亿元。",
            )
        if word:
            # a typo may start inside a word the lexer already took (否责 → 否 + 责)
            before = _cjk_run(text, pos - 1) if pos > 0 and _cjk_run(text, pos - 1) else ""
            allowed = _taken(accepted)
            close: str | None = None
            if before:  # judged by what the parser could take where it begins (否责 is 否则 in 分档 only)
                close = _closest(before, _taken(_accepted(text, pos - 1, set())), 0.3, fitting_only=True)
            if close is not None and close != before:  # the whole word is the typo: name it, from its start
                word, span = before, _span(file, err.line, err.column - 1)
            else:
                close = _closest(word, allowed, 0.3)
            close = close if close != word else None
            hint = f"是否想写“{close}”？" if close else "中文只能出现在关键字、字符串和原文引文中。"
            hint += f" 此处可以是：{expected}" if expected else ""
            return Diagnostic("PC002", Severity.ERROR, span, f"无法识别的词“{word}”", hint)
        shown = ch if ch.strip() else repr(ch)
        return Diagnostic(
            "PC002", Severity.ERROR, span, f"无法识别的字符“{shown}”",
            f"此处应为：{expected}" if expected else "",
        )
    assert isinstance(err, UnexpectedToken)
    tok: Token = err.token
    expected_set = set(err.accepts or err.expected or set())
    if tok.start_pos is not None:
        expected_set = _in_block(text, tok.start_pos, expected_set)
    expected = describe_expected(expected_set)
    if tok.type == "$END":
        lines = text.splitlines() or [""]
        line = len(lines)
        span = _span(file, line, len(lines[-1]) + 1)
        hint = "可能缺少右花括号“}”。" if "_RBRACE" in expected_set else ""
        return Diagnostic(
            "PC003", Severity.ERROR, span, f"文件意外结束，此处应为：{expected}", hint
        )
    width = len(str(tok)) or 1
    span = Span(file, tok.line or 1, tok.column or 1, tok.end_line or tok.line or 1,
                tok.end_column or (tok.column or 1) + width)
    desc = describe_terminal(tok.type)
    got = desc if desc.startswith("“") else f"{desc}“{tok}”"  # keywords are already quoted
    hint = ""
    if tok.type == "NAME" and "_KW_FROM" in expected_set:
        hint = "有效期写作：有效期 自 2024-05-12 至 2026-12-31"
    elif tok.type == "MONEY" and "PERCENT" in expected_set:
        hint = "资金分担比例写作：资金 city 50%, county 50%"
    elif "_RBRACE" in expected_set and tok.type in ("SECTION_KW", "_KW_POLICY", "_KW_TEST"):
        hint = "上一个块可能缺少右花括号“}”。"
    elif tok.end_pos is not None and re.match(r"[\u4e00-\u9fff]", str(tok)):
        # a keyword typo the lexer split (否责 → 否 + 责): compare the whole word
        word = str(tok) + _cjk_run(text, tok.end_pos)
        near = _closest(word, _words_of(expected_set), 0.5)
        if near is not None and near != word:
            hint = f"是否想写“{near}”？"
    return Diagnostic(
        "PC001", Severity.ERROR, span, f"此处不应出现 {got}，应为：{expected}", hint
    )


_BLOCK_START = re.compile(r"^(" + "|".join(b for b in _BLOCKS if b != "解读") + r")(?=[\s\u3000])", re.M)


def _parse_once(text: str, file: str) -> tuple[Tree[Token] | None, Diagnostic | None]:
    try:
        return lark_parser().parse(text), None
    except UnexpectedInput as err:
        return None, _translate(err, text, file)
    except LarkError as err:  # pragma: no cover - defensive: any other Lark failure
        return None, Diagnostic("PC001", Severity.ERROR, _span(file, 1, 1), f"语法错误：{err}")


def parse_text(text: str, file: str) -> tuple[Tree[Token] | None, list[Diagnostic]]:
    """Parse; on failure report the first syntax error of each top-level block (never raise).

    After an error, parsing resumes at the next line that starts a top-level block, so one
    mistake yields one report and independent mistakes in later blocks are still found.
    """
    tree, first = _parse_once(text, file)
    if first is None:
        return tree, []
    diags = [first]
    while len(diags) < 50:
        line = diags[-1].span.line
        offset = sum(len(x) for x in text.splitlines(keepends=True)[:line])
        m = _BLOCK_START.search(text, offset)
        if m is None:
            break
        # Blank out what came before so that lines and columns stay those of the file.
        rest = re.sub(r"[^\n]", " ", text[: m.start()]) + text[m.start():]
        _, err = _parse_once(rest, file)
        if err is None:
            break
        if err.span.line <= line:
            break
        diags.append(err)
    return None, diags

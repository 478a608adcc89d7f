"""What the language server knows about one policy buffer, independent of the protocol.

Positions here are those of the compiler: 1-based lines and columns counted in characters
(``Span``); compiler/lsp/server.py converts them to the protocol's 0-based UTF-16 positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import cast

from lark import Lark
from lark.exceptions import LarkError
from lark.lexer import PatternRE, PatternStr

from ..check.quotes import citations, normalise
from ..check.typecheck import UPTO_SCOPE_MESSAGE
from ..diagnostics import Diagnostic, Span
from ..files import FileRefused, read_beside
from ..model import nodes as n
from ..model.printer import refs, show
from ..model.queries import articles_by_fact, block_exprs
from ..pipeline import Loaded, load_text, parse_source
from ..source.structure import SourceStructure, read_structure
from ..syntax.parser import FULLWIDTH, lark_parser
from ..vocabulary import BENEFICIARIES, FACTS, FUNDING_SOURCES, MEANINGS, type_text


@dataclass(frozen=True)
class Edit:
    span: Span  # the region replaced (end exclusive)
    new_text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edit: Edit


@dataclass(frozen=True)
class Completion:
    label: str
    kind: str  # keyword | fact | definition | item | funding | beneficiary | article | quote | value
    detail: str = ""
    insert_text: str | None = None


@dataclass(frozen=True)
class Location:
    path: Path
    span: Span


@dataclass
class Document:
    """One open policy: its file path (quotes and the parent are looked up beside it) and text."""

    path: Path
    text: str
    policy: n.Policy | None = None  # the last text that produced a model (kept while typing)
    _source: tuple[Path, str] | None = field(default=None, repr=False)

    def update(self, text: str) -> None:
        self.text = text
        policy, _ = parse_source(text, str(self.path))
        if policy is not None:
            self.policy = policy

    def check(self, solver: bool) -> Loaded:
        loaded = load_text(self.path, self.text, semantic=solver, display=str(self.path))
        if loaded.policy is not None:
            self.policy = loaded.policy
        return loaded

    def source(self) -> tuple[Path, str] | None:
        """The policy's source text (来源), read once per file name, as the quote check reads it
        (only a regular file in the policy's folder: compiler/files.py)."""
        if self.policy is None or not self.policy.header.source:
            return None
        path = self.path.parent / self.policy.header.source
        if self._source is None or self._source[0] != path:
            try:
                self._source = (path, read_beside(self.path, self.policy.header.source))
            except FileRefused:
                return None
        return self._source


# --------------------------------------------------------------------------- positions


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset of 1-based ``line``/``column`` (clamped to the text)."""
    lines = text.split("\n")
    line = min(max(line, 1), len(lines))
    return sum(len(x) + 1 for x in lines[: line - 1]) + min(max(column - 1, 0), len(lines[line - 1]))


def span_of(text: str, start: int, end: int, file: str = "") -> Span:
    """The Span of the characters ``text[start:end]``."""
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = text.count("\n", 0, end) + 1
    end_col = end - (text.rfind("\n", 0, end) + 1) + 1
    return Span(file, line, col, end_line, end_col)


def _contains(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def word_at(text: str, line: int, column: int) -> tuple[str, Span] | None:
    """The identifier under the cursor (the cursor may also be just after it)."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    for m in _NAME.finditer(lines[line - 1]):
        if m.start() + 1 <= column <= m.end() + 1:
            return m.group(0), Span("", line, m.start() + 1, line, m.end() + 1)
    return None


# --------------------------------------------------------------------------- the grammar's words


@cache
def grammar_keywords() -> dict[str, tuple[str, ...]]:
    """Every Chinese word of the grammar, by terminal name (SECTION_KW -> 资格, 排除, …)."""
    out: dict[str, tuple[str, ...]] = {}
    for term in lark_parser().terminals:
        p = term.pattern
        if isinstance(p, PatternStr) and re.search(r"[\u4e00-\u9fff]", p.value):
            out[term.name] = (p.value,)
        elif isinstance(p, PatternRE):
            m = re.fullmatch(r"\(\?:((?:[\u4e00-\u9fff]+\|)+[\u4e00-\u9fff]+)\)", p.value)
            if m:
                out[term.name] = tuple(m.group(1).split("|"))
    return out


# --------------------------------------------------------------------------- source articles


def locate_quote(source: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``source``, ignoring white space as the quote check does."""
    keep = [i for i, ch in enumerate(source) if not ch.isspace()]
    flat = "".join(source[i] for i in keep)
    q = normalise(quote)
    k = flat.find(q) if q else -1
    if k < 0:
        return None
    return keep[k], keep[k + len(q) - 1] + 1


def _structure(source: str) -> SourceStructure | None:
    """The source text's article structure (compiler.source.structure)."""
    try:
        return read_structure(source)
    except Exception:  # a source the reader cannot take still hovers, without the article
        return None


def article_text(source: str, label: str) -> tuple[int, int] | None:
    """The character range of the article ``label`` (as written after 条款) in the source text."""
    st = _structure(source)
    part = st.find(label) if st is not None else None
    if part is not None:
        return part.start, part.end
    m = re.search(re.escape(label), source)
    return (m.start(), m.end()) if m else None


def article_labels(source: str) -> list[str]:
    st = _structure(source)
    return st.labels() if st is not None else []


def _enclosing_article(source: str, start: int, end: int) -> tuple[str, int, int] | None:
    st = _structure(source)
    if st is None:
        return None
    numbered = [p for p in st.enclosing(start, end)
                if p.kind in ("article", "paragraph", "item", "subitem", "passage", "sentence")]
    if not numbered:
        return None
    part = numbered[-1]  # the smallest numbered part: what a 条款 label names
    return part.label, part.start, part.end


def _lines_around(source: str, start: int, end: int) -> tuple[int, str]:
    a = source.rfind("\n", 0, start) + 1
    b = source.find("\n", end)
    return source.count("\n", 0, a) + 1, source[a : b if b != -1 else len(source)]


# --------------------------------------------------------------------------- hover


def _definition_readers(policy: n.Policy, name: str) -> list[str]:
    defs = {d.name: d.expr for d in policy.definitions}
    out: list[str] = []
    for block in policy.blocks():
        seen: set[str] = set()
        todo = list(block_exprs(block))
        while todo:
            for r in refs(todo.pop()):
                if r not in seen:
                    seen.add(r)
                    if r in defs:
                        todo.append(defs[r])
        if name in seen and block.citation.article not in out:
            out.append(block.citation.article)
    return out


def hover(doc: Document, line: int, column: int) -> str | None:
    """Markdown for the thing under the cursor, or None."""
    p = doc.policy
    if p is None:
        return None
    for c in citations(p):
        if _contains(c.quote_span, line, column) or _contains(c.article_span, line, column):
            return _hover_citation(doc, c)
    found = word_at(doc.text, line, column)
    if found is None:
        return None
    name = found[0]
    definition = next((d for d in p.definitions if d.name == name), None)
    if definition is not None:
        readers = _definition_readers(p, name)
        return "\n\n".join([
            f"**{name}** 定义 — {definition.label or '（无中文名）'}",
            f"`{show(definition.expr)}`",
            "读取它的条款：" + ("、".join(readers) if readers else "无"),
        ])
    decl = p.fact(name)
    if decl is not None or name in FACTS:
        ftype, label = (decl.type, decl.label) if decl is not None else FACTS[name]
        readers = articles_by_fact(p, beneficiary=True).get(name, [])
        parts = [f"**{name}** 事实 — {label}", f"类型：{type_text(ftype)}"]
        if name in MEANINGS:
            parts.append(MEANINGS[name])
        parts.append("共享词汇表中的事实" if name in FACTS else "本政策自己声明的事实")
        parts.append("读取它的条款：" + ("、".join(readers) if readers else "无"))
        return "\n\n".join(parts)
    prm = p.parameter(name)
    if prm is not None:  # 参数
        value = f"原文{prm.citation.article if prm.citation else ''}规定：{prm.value.normalize():f}" \
            if prm.value is not None else "未公布：计算时须提供（policyc calc --param）"
        return "\n\n".join([f"**{name}** 参数 — {prm.label}", f"类型：{type_text(prm.type)}", value])
    block = next((b for b in p.blocks() if b.id == name), None)
    if block is not None:
        title = getattr(block, "title", "")
        return f"**{name}** — {block.citation.article}" + (f" {title}" if title else "")
    if name in FUNDING_SOURCES:
        return f"**{name}** 出资方 — {FUNDING_SOURCES[name]}"
    if name in BENEFICIARIES:
        return f"**{name}** 申报主体 — {BENEFICIARIES[name]}"
    return None


def _hover_citation(doc: Document, c: n.Citation) -> str:
    src = doc.source()
    head = f"**{c.article}**"
    if src is None:
        return head + "\n\n（找不到原文来源）"
    path, text = src
    where = locate_quote(text, c.quote) if c.quote.strip() else None
    if where is None:
        rng = article_text(text, c.article)
        if rng is None:
            return head + f"\n\n引文在 {path.name} 中找不到。"
        line, body = _lines_around(text, *rng)
        return head + f"\n\n引文在 {path.name} 中找不到；该条款（第 {line} 行）：\n\n> " + _quote_md(body)
    art = _enclosing_article(text, *where)
    if art is not None:
        label, a, b = art
        line = text.count("\n", 0, a) + 1
        return f"**{label}**（{path.name} 第 {line} 行）\n\n> " + _quote_md(text[a:b].strip())
    line, body = _lines_around(text, *where)
    return head + f"（{path.name} 第 {line} 行）\n\n> " + _quote_md(body.strip())


def _quote_md(text: str) -> str:
    """Source lines as a Markdown block quote (the blank lines a PDF extraction leaves dropped)."""
    return "\n> ".join(line for line in text.splitlines() if line.strip())


# --------------------------------------------------------------------------- completion


_PARTIAL = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_]*|[\u4e00-\u9fff]+)$")


@cache
def _interactive_parser() -> Lark:
    return lark_parser()


def expected_terminals(text: str, offset: int) -> set[str] | None:
    """The terminals the grammar accepts at ``offset`` (after removing the word being typed)."""
    prefix = text[:offset]
    m = _PARTIAL.search(prefix)
    if m:
        prefix = prefix[: m.start()]
    try:
        ip = _interactive_parser().parse_interactive(prefix)
        ip.exhaust_lexer()
        return set(cast(set[str], ip.accepts()))  # type: ignore[no-untyped-call]
    except LarkError:
        return None


def _previous_words(text: str, offset: int, count: int = 3) -> list[str]:
    return re.findall(r"[\u4e00-\u9fff]+|[A-Za-z_]\w*|[\[\]{}(),]", text[max(0, offset - 200):offset])[-count:]


def completions(doc: Document, line: int, column: int) -> list[Completion]:
    offset = offset_of(doc.text, line, column)
    accepts = expected_terminals(doc.text, offset)
    words = grammar_keywords()
    out: list[Completion] = []
    if accepts is None:
        accepts = set(words) | {"NAME"}
    for term in sorted(accepts):
        for w in words.get(term, ()):
            out.append(Completion(w, "keyword"))
    before = _previous_words(doc.text, offset)
    if "NAME" in accepts:
        out += _names(doc, before)
    if "ARTICLE" in accepts:
        src = doc.source()
        out += [Completion(label, "article", "原文条款") for label in article_labels(src[1])] if src else []
    if "QUOTE" in accepts and before and before[-1] == "原文":
        out += _quote_for_article(doc, offset)
    seen: set[tuple[str, str]] = set()
    unique = []
    for c in out:
        if (c.label, c.kind) not in seen:
            seen.add((c.label, c.kind))
            unique.append(c)
    return unique


def _names(doc: Document, before: list[str]) -> list[Completion]:
    p = doc.policy
    last = before[-1] if before else ""
    if last == "对象":
        return [Completion(k, "beneficiary", v) for k, v in BENEFICIARIES.items()]
    if (last in ("资金", ",", "[") and "资金" in before) or last == "未明确":
        return [Completion(k, "funding", v) for k, v in FUNDING_SOURCES.items()]
    out = [Completion(k, "fact", f"{label}（{type_text(t)}）") for k, (t, label) in FACTS.items()]
    if p is not None:
        out += [Completion(f.name, "fact", f"{f.label}（{type_text(f.type)}）") for f in p.facts
                if not f.vocabulary]
        out += [Completion(d.name, "definition", d.label) for d in p.definitions]
        out += [Completion(x.name, "parameter", x.label) for x in p.parameters]  # 参数
        out += [Completion(b.id, "item", f"{b.citation.article} {getattr(b, 'title', '')}".strip())
                for b in p.blocks()]
    out += [Completion(k, "funding", v) for k, v in FUNDING_SOURCES.items()]
    return out


_LEADING_LABEL = re.compile(
    r"^(第[〇零一二两三四五六七八九十百0-9]+[条條]|[一二三四五六七八九十]+、)?([（(][一二三四五六七八九十]+[）)])?")


def _quote_for_article(doc: Document, offset: int) -> list[Completion]:
    """After 原文: the exact text of the article named by the block's 条款, as 「…」."""
    src = doc.source()
    found = re.findall(r"条款[ \t\u3000]+(\S+)", doc.text[:offset])
    if src is None or not found:
        return []
    label = found[-1]
    rng = article_text(src[1], label)
    if rng is None:
        return []
    body = re.sub(r"\s+", "", src[1][rng[0]:rng[1]])
    body = _LEADING_LABEL.sub("", body)
    if not body or "「" in body or "」" in body:  # a quote cannot hold 「」: the drafter splits it
        return []
    return [Completion(f"「{body[:20]}…」", "quote", f"{label} 原文", f"「{body}」")]


# --------------------------------------------------------------------------- go to definition


def definition(doc: Document, line: int, column: int) -> list[Location]:
    p = doc.policy
    if p is None:
        return []
    for c in citations(p):
        if _contains(c.article_span, line, column) or _contains(c.quote_span, line, column):
            src = doc.source()
            if src is None:
                return []
            where = locate_quote(src[1], c.quote) if _contains(c.quote_span, line, column) else None
            rng = where or article_text(src[1], c.article)
            return [Location(src[0], span_of(src[1], *rng))] if rng else []
    h = p.header
    if h.source_span is not None and _contains(h.source_span, line, column) and h.source:
        return [Location(doc.path.parent / h.source, Span("", 1, 1, 1, 1))]
    if h.parent_span is not None and _contains(h.parent_span, line, column) and h.parent:
        return [Location(doc.path.parent / f"{h.parent}.policy", Span("", 1, 1, 1, 1))]
    found = word_at(doc.text, line, column)
    if found is None:
        return []
    name = found[0]
    spans = [d.span for d in p.definitions if d.name == name]
    spans += [f.span for f in p.facts if f.name == name]
    spans += [b.span for b in p.blocks() if b.id == name]
    spans += [x.span for x in p.parameters if x.name == name]  # 参数
    return [Location(doc.path, s) for s in spans]


# --------------------------------------------------------------------------- quick fixes


_SUGGESTION = re.compile(r"是否想写“([^”]+)”")


def fixes(text: str, d: Diagnostic) -> list[Fix]:
    """The edits a diagnostic already names: full-width punctuation, a misspelt keyword, 不超过 (…)."""
    start = offset_of(text, d.span.line, d.span.column)
    if d.code == "PC004" and start < len(text) and text[start] in FULLWIDTH:
        ch = text[start]
        ascii_ = '"' if ch in "“”＂" else FULLWIDTH[ch]
        title = f"改为半角“{ascii_}”" if ascii_ else f"删除“{ch}”"
        return [Fix(title, Edit(span_of(text, start, start + 1), ascii_))]
    m = _SUGGESTION.search(d.hint)
    if d.code in ("PC001", "PC002") and m:
        word = m.group(1)
        a, b = _cjk_word(text, start)
        if a == b:
            return []
        # the lexer may have split the typo (否责 -> 否 + 责): the whole run is replaced; the
        # suggestion may share no character with it (和 -> 且, a homophone), the parser chose it
        if text[a:b] != word:
            return [Fix(f"改为“{word}”", Edit(span_of(text, a, b), word))]
    if d.code == "PC202" and d.message.startswith(UPTO_SCOPE_MESSAGE):
        end = offset_of(text, d.span.end_line, d.span.end_column)
        expr = text[start:end]
        mm = re.match(r"不超过[ \t\u3000]*", expr)
        if mm:
            inner = expr[mm.end():]
            new = f"不超过 ({inner})"
            return [Fix(f"加括号：{new}", Edit(span_of(text, start, end), new))]
    return []


def _cjk_word(text: str, pos: int) -> tuple[int, int]:
    """The run of Han characters around ``pos`` (a misspelt keyword)."""
    def han(i: int) -> bool:
        return 0 <= i < len(text) and "\u4e00" <= text[i] <= "\u9fff"
    a = pos
    while han(a - 1):
        a -= 1
    b = pos
    while han(b):
        b += 1
    return a, b

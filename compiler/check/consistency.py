"""Text and structure checks over a policy that type-checks.

* quoted numbers (PC310–PC312): every number in a quote is used by the rule beside it, and every
  number in the rule occurs in the quote (see :mod:`compiler.check.numbers` for what counts);
* malformed amounts (PC207, PC208);
* funding (PC502–PC505) and undetermined amounts (PC510);
* validity (PC601–PC605) and partial sources (PC380);
* lists ending in 等 (PC701, PC702);
* facts and definitions never read (PC140, PC141) and literals outside a fact's domain (PC209).

Every finding cites the article of the block it is in; spans point at the offending node.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, is_dataclass
from decimal import Decimal
from operator import attrgetter
from pathlib import Path

from ..diagnostics import Diagnostic, Severity, Span
from ..files import FileRefused, read_beside
from ..model import nodes as n
from ..model.printer import show
from ..vocabulary import FUNDING_SOURCES
from .numbers import Number, describe, normalise, scan, scan_dates

Key = tuple[str, Decimal]
_LITERALS = (n.MoneyLit, n.RateLit, n.NumberLit, n.CountLit)
_ONE = Decimal(1)


def check_consistency(
    policy: n.Policy, path: Path, on: dt.date, parent: n.Policy | None,
    ctx: PolicyContext | None = None,
) -> list[Diagnostic]:
    """All text and structure findings for ``policy`` (``path`` locates its source text;
    ``ctx``, when given, is the context other checks share)."""
    ctx = ctx if ctx is not None else PolicyContext(policy, path)
    diags: list[Diagnostic] = []
    diags += _quoted_numbers(ctx)
    diags += _parameter_numbers(ctx)
    diags += _malformed_amounts(policy)
    diags += _stage_shares(policy)
    diags += _funding(policy)
    diags += _undetermined(policy)
    diags += _validity(policy, on)
    diags += _partial(policy)
    diags += _lists(ctx)
    diags += _unused(ctx)
    diags += _domains(policy)
    unique = dict.fromkeys(diags)
    return sorted(unique, key=lambda d: (*d.sort_key, d.message))


# ---------------------------------------------------------------------------- the policy


def rule_exprs(block: n.Block) -> list[n.Expr]:
    """The expressions that make up a block's rule (not its quotes, not test cases)."""
    if isinstance(block, n.Requirement | n.Exclusion):
        return [block.cond]
    if isinstance(block, n.Item):
        return [e for e in (block.cond, block.amount) if e is not None]
    if isinstance(block, n.CrossCap):
        return [block.limit]
    if isinstance(block, n.PaymentSchedule):
        return [st.share for st in block.stages if st.share is not None]
    if isinstance(block, n.Quota):
        return [e for e in (block.at_most, block.at_least) if e is not None]
    if isinstance(block, n.Budget):
        return [u.share for u in block.uses]
    return [st.min_duration for st in block.steps if st.min_duration is not None]


def block_citations(block: n.Block) -> list[n.Citation]:
    """The block's own quote, then the quotes of its funding lines."""
    out = [block.citation]
    if isinstance(block, n.Item):
        out += [f.citation for f in block.funding if f.citation is not None]
    return out


_CHILDREN: dict[type, Callable[[object], tuple[object, ...]] | None] = {}
"""Per class: what gives a node's children, last first (None: not a node)."""


def _children(cls: type) -> Callable[[object], tuple[object, ...]] | None:
    if cls not in _CHILDREN:
        names = n.child_fields(cls)[::-1] if is_dataclass(cls) and not issubclass(cls, Span) else None
        get: Callable[[object], tuple[object, ...]] | None = None
        if names is not None and len(names) > 1:
            get = attrgetter(*names)
        elif names:
            get = functools.partial(_fields_of, names)
        elif names is not None:
            get = _leaf
        _CHILDREN[cls] = get
    return _CHILDREN[cls]


def _fields_of(names: tuple[str, ...], x: object) -> tuple[object, ...]:
    return tuple(getattr(x, a) for a in names)


def _leaf(x: object) -> tuple[object, ...]:
    return ()


_WALKED: dict[int, tuple[object, tuple[object, ...]]] = {}
""":func:`walk`'s answers, by the identity of what was walked (kept with it, so that the id is
not reused): the checks of one policy walk each expression several times. Forgotten after each
policy's checks (:func:`forget_walks`) and whenever it grows past :data:`_WALKED_MAX`."""
_WALKED_MAX = 50_000


def forget_walks() -> None:
    _WALKED.clear()


def walk(e: object) -> Iterator[object]:
    """Every node below (and including) ``e``, depth first, in source order."""
    hit = _WALKED.get(id(e))
    if hit is None or hit[0] is not e:
        if len(_WALKED) >= _WALKED_MAX:
            _WALKED.clear()
        hit = _WALKED[id(e)] = (e, tuple(_walk(e)))
    return iter(hit[1])


def _walk(e: object) -> Iterator[object]:
    stack = [e]
    pop, push, known = stack.pop, stack.extend, _CHILDREN
    while stack:
        x = pop()
        if isinstance(x, tuple):
            push(reversed(x))
            continue
        cls = type(x)
        get = known[cls] if cls in known else _children(cls)
        if get is None:
            continue
        yield x
        push(get(x))


def _refs(e: n.Expr) -> set[str]:
    return {x.name for x in walk(e) if isinstance(x, n.Ref)}


class PolicyContext:
    """The policy with its source text and the names each block reads."""

    def __init__(self, policy: n.Policy, path: Path) -> None:
        self.policy = policy
        self.defs = {d.name: d for d in policy.definitions}
        self.labels = {**{f.name: f.label for f in policy.facts},
                       **{d.name: d.label for d in policy.definitions}}
        self.source: str | None = None
        if policy.header.source:
            try:  # the same confined, bounded read as the quote check (PC302 reports refusals)
                self.source = read_beside(path, policy.header.source)
            except FileRefused:
                self.source = None
        self._articles: dict[str, tuple[int, int] | None] = {}
        self._source_numbers: tuple[Number, ...] | None = None
        self._def_reads: dict[str, set[str]] = {}
        self._refs: dict[int, tuple[n.Expr, set[str]]] = {}
        self._places: list[tuple[n.Member, list[n.Block]]] | None = None  # see list_places

    def reads(self, exprs: list[n.Expr]) -> set[str]:
        """Facts and definitions read by ``exprs``, through definitions."""
        out: set[str] = set()
        for e in exprs:
            hit = self._refs.get(id(e))
            if hit is None or hit[0] is not e:  # each expression is walked once per check
                hit = self._refs[id(e)] = (e, _refs(e))
            for name in hit[1]:
                out.add(name)
                out |= self.def_reads(name)
        return out

    def def_reads(self, name: str) -> set[str]:
        if name in self._def_reads:
            return self._def_reads[name]
        self._def_reads[name] = set()  # guards against cycles (typecheck reports them)
        d = self.defs.get(name)
        out: set[str] = set()
        if d is not None:
            for r in _refs(d.expr):
                out.add(r)
                out |= self.def_reads(r)
        self._def_reads[name] = out
        return out

    def article_range(self, label: str) -> tuple[int, int] | None:
        """Where the article ``label`` cites (第七条第（一）项 -> all of 第七条) is in the source."""
        if label not in self._articles:
            self._articles[label] = (
                article_range(self.source, label) if self.source is not None else None
            )
        return self._articles[label]

    def article(self, label: str) -> str | None:
        where = self.article_range(label)
        return None if where is None or self.source is None else self.source[where[0]:where[1]]

    @property
    def source_numbers(self) -> tuple[Number, ...]:
        if self._source_numbers is None:
            self._source_numbers = scan(self.source) if self.source is not None else ()
        return self._source_numbers


_ZH_NUMERALS = "〇零一二三四五六七八九十百0-9"
_ART_HEAD = re.compile(rf"(第[{_ZH_NUMERALS}]+)[条條]")
_SEC_HEAD = re.compile(r"([一二三四五六七八九十]+)、")
_SUB_HEAD = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]")
_ART_LINE = re.compile(rf"\s*第[{_ZH_NUMERALS}]+[条條章]")
_SEC_LINE = re.compile(r"\s*[一二三四五六七八九十]+、")


def article_range(source: str, label: str) -> tuple[int, int] | None:
    """Offsets of the article (or numbered section, for labels like 四、（一）) ``label`` cites."""
    m = _ART_HEAD.match(label)
    if m:
        heads: tuple[str, ...] = (m.group(1) + "条", m.group(1) + "條")
        boundary = _ART_LINE
    else:
        m = _SEC_HEAD.match(label)
        if not m:
            return None
        heads = (m.group(1) + "、",)
        boundary = _SEC_LINE
    start: int | None = None
    pos = 0
    for line in source.splitlines(keepends=True):
        if start is None:
            if line.lstrip().startswith(heads):
                start = pos
        elif boundary.match(line):
            return start, pos
        pos += len(line)
    return None if start is None else (start, pos)


def locate(source: str, offset: int) -> str:
    """The article (and item) that character ``offset`` of the source is in: 第十二条第（三）项, 三、（二）."""
    head = sub = ""
    pos = 0
    for line in source.splitlines(keepends=True):
        if pos > offset:
            break
        pos += len(line)
        text = line.lstrip()
        if (m := _ART_HEAD.match(text)) or (m := _SEC_HEAD.match(text)):
            head, sub = m.group(0), ""
        elif (m := _SUB_HEAD.match(text)) and head:
            sub = f"（{m.group(1)}）"
    if not head:
        return ""
    if head.endswith(("条", "條")):
        return head + (f"第{sub}项" if sub else "")
    return head + sub


def _pos(span: Span, text: str, offset: int) -> tuple[int, int]:
    """Line and column of character ``offset`` of a quote whose opening bracket is at ``span``."""
    before = text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return span.line, span.column + 1 + offset
    return span.line + newlines, offset - before.rfind("\n")


def quote_span(c: n.Citation, num: Number) -> Span:
    line, col = _pos(c.quote_span, c.quote, num.start)
    end_line, end_col = _pos(c.quote_span, c.quote, num.end)
    return Span(c.quote_span.file, line, col, end_line, end_col)


# ---------------------------------------------------------------------------- quoted numbers


@dataclass(frozen=True)
class RuleNumber:
    """A number written in a rule. ``required``: it must occur in the block's quote."""

    kinds: tuple[str, ...]  # how the number may be written in prose (see numbers.KINDS)
    value: Decimal
    text: str
    span: Span
    required: bool

    @property
    def keys(self) -> set[Key]:
        return {(k, self.value) for k in self.kinds}

    def shown(self) -> str:
        return _shown(self.text, describe(self.kinds[0], self.value))


_DURATIONS = {"个工作日", "工作日", "日", "天", "年", "个月"}
_ANY_NUMBER = ("level", "count", "duration", "num")
_LEVEL_WORDS = ("级", "級", "水平")


def _lit_kinds(lit: n.MoneyLit | n.RateLit | n.NumberLit | n.CountLit,
               level: bool) -> tuple[str, ...]:
    if isinstance(lit, n.MoneyLit):
        return ("money",)
    if isinstance(lit, n.RateLit):
        return ("rate",)
    if isinstance(lit, n.CountLit):
        return ("duration",) if lit.unit in _DURATIONS else ("count", "num")
    return ("level", "num") if level else _ANY_NUMBER


def _trivial(cmp: n.Compare, lit: n.Expr) -> bool:
    """``x >= 1``, ``x > 0``, ``x != 0``: "any at all", a number the article need not state."""
    assert isinstance(lit, _LITERALS)
    if lit.value == 0:
        return True
    if lit.value != _ONE:
        return False
    on_right = cmp.right is lit
    return (cmp.op, on_right) in {(">=", True), ("<", True), ("<=", False), (">", False)}


def rule_numbers(e: n.Expr, labels: dict[str, str], required: bool = True) -> list[RuleNumber]:
    """Every number literal in ``e`` (money, rates, counts, tier comparisons), in source order.

    ``labels`` gives the Chinese label of each fact and definition: a number compared with a
    level (数字化水平等级) is looked for as 二级 in the quote.
    """
    out: list[RuleNumber] = []
    trivial: set[int] = set()
    levels: set[int] = set()
    for x in walk(e):
        if isinstance(x, n.Compare):
            for side, other in ((x.left, x.right), (x.right, x.left)):
                if isinstance(side, _LITERALS) and _trivial(x, side):
                    trivial.add(id(side))
                if isinstance(other, n.Ref) and any(w in labels.get(other.name, "")
                                                    for w in _LEVEL_WORDS):
                    levels.add(id(side))
        elif isinstance(x, _LITERALS):
            # x >= 1 on a count means "any"; on a level it is the threshold 一级
            skip = id(x) in trivial and (x.value == 0 or id(x) not in levels)
            need = required and x.value != 0 and not skip
            kinds = _lit_kinds(x, id(x) in levels)
            if isinstance(x, n.NumberLit) and _is_year(x.value):
                kinds = (*kinds, "year")  # 2024 compared with a year: 「2024年」 in the quote
            # a negative rate (增长率 >= -10%) is stated as a fall: 「下降10%」
            value = -x.value if isinstance(x, n.RateLit) and x.value < 0 else x.value
            out.append(RuleNumber(kinds, value, _compact(x.text), x.span, need))
        elif isinstance(x, n.DateLit) and x.value != dt.date.min:
            # a date must be in the quote: 「2026年3月31日前」
            out.append(RuleNumber(("date",), Decimal(x.value.toordinal()), x.text, x.span, required))
        elif isinstance(x, n.Member) and not x.open:
            # a closed list of k values states "these k": 「…四个行业」
            out.append(RuleNumber(("count", "num"), Decimal(len(x.values)), "", x.span, False))
    return out


def _is_year(v: Decimal) -> bool:
    return v == v.to_integral_value() and 1900 <= v <= 2199


def _deadline_numbers(pr: n.Procedure) -> list[RuleNumber]:
    """A step's deadline (截止 2026-03-31) must be a date of the procedure's quote."""
    return [RuleNumber(("date",), Decimal(st.deadline.toordinal()), st.deadline.isoformat(),
                       st.deadline_span or st.span, True)
            for st in pr.steps if st.deadline is not None]


def quoted_keys(cites: Sequence[n.Citation]) -> set[Key]:
    """Every number, date and year the citations state."""
    return {k for c in cites for k in (*(num.key for num in scan(c.quote)), *scan_dates(c.quote))}


def _shown(text: str, plain: str) -> str:
    """“20万元”（200000 元）, “二級”（2 级）; “50%” and “5个工作日” need no gloss."""
    digits = _compact(plain).rstrip("级元%")
    same = (text.startswith(digits) and not text[len(digits):][:1].isdigit()
            and not any(m in text for m in "万萬亿億"))
    return f"“{text}”" if same else f"“{text}”（{plain}）"


def _compact(text: str) -> str:
    return "".join(text.split())


def _share_spans(f: n.Funding) -> tuple[Span, ...]:
    return f.source_spans if len(f.source_spans) == len(f.shares) else (f.span,) * len(f.shares)


def _funding_numbers(it: n.Item) -> list[RuleNumber]:
    out = []
    for f in it.funding:
        for (src, frac), span in zip(f.shares, _share_spans(f), strict=True):
            # 「由省级资金承担」 states 100% without the number; other shares must be quoted
            out.append(RuleNumber(("rate",), frac, f"{src} {describe('rate', frac)}", span,
                                  0 < frac < 1))
    return out


@dataclass
class _BlockNumbers:
    block: n.Block
    rule: list[RuleNumber]  # numbers written in the block's rule
    used: set[Key]  # everything the block's rule uses (incl. definitions, labels)


def _block_numbers(ctx: PolicyContext, block: n.Block) -> _BlockNumbers:
    exprs = rule_exprs(block)
    rule = [r for e in exprs for r in rule_numbers(e, ctx.labels)]
    if isinstance(block, n.Item):
        rule += _funding_numbers(block)
    if isinstance(block, n.Procedure):
        rule += _deadline_numbers(block)
    names = ctx.reads(exprs)
    used = {k for r in rule for k in r.keys}
    for name in sorted(names):
        if name in ctx.defs:
            used |= {k for r in rule_numbers(ctx.defs[name].expr, ctx.labels, False) for k in r.keys}
        # 「近三年」 is read through the fact 近三年存在严重失信行为
        used |= {num.key for num in scan(ctx.labels.get(name, ""))}
        used |= _parameter_keys(ctx.policy.parameter(name))  # 参数 unit_price = 5000元
    return _BlockNumbers(block, rule, used)


def _parameter_keys(prm: n.Parameter | None) -> set[Key]:
    """A 参数's stated value (5000元, 5%) is a number every rule that reads it uses."""
    if prm is None or prm.value is None:
        return set()
    kinds = {"money": ("money",), "rate": ("rate",), "int": _ANY_NUMBER}[prm.type.kind]
    return {(k, prm.value) for k in kinds}


def _header_used(h: n.Header) -> set[Key]:
    """Durations a validity quote may state: 「自公布后 30 日起施行」, 「有效期三年」."""
    keys: set[Key] = set()
    v = h.validity
    start = v.start.date if v else None
    end = v.end.date if v else None
    if h.issued and start:
        keys.add(("duration", Decimal((start - h.issued).days)))
    if start and end:
        after = end + dt.timedelta(days=1)
        months = (after.year - start.year) * 12 + after.month - start.month
        if after.day == start.day:
            keys.add(("duration", Decimal(months)))
            if months % 12 == 0:
                keys.add(("duration", Decimal(months // 12)))
    return keys


def _quoted_numbers(ctx: PolicyContext) -> list[Diagnostic]:
    p = ctx.policy
    if ctx.source is None:
        return []  # the quote check has reported it (PC302)
    per_block = [_block_numbers(ctx, b) for b in p.blocks()]
    by_article: dict[str, set[Key]] = {}
    for bn in per_block:
        for c in block_citations(bn.block):
            by_article.setdefault(c.article, set()).update(bn.used)
    diags: list[Diagnostic] = []
    for bn in per_block:
        cites = block_citations(bn.block)
        quoted = quoted_keys(cites)
        for r in bn.rule:
            if r.required and not r.keys & quoted:
                diags.append(_missing_number(ctx, bn.block, cites, r))
        for c in cites:
            diags += _unused_quote_numbers(c, bn.used | by_article.get(c.article, set()))
    diags += _definition_numbers(ctx, per_block)
    h = p.header
    header_used = _header_used(h)
    for hc in (h.validity.citation if h.validity else None,
               h.retroactive.citation if h.retroactive else None):
        if hc is not None:
            diags += _unused_quote_numbers(hc, header_used)
    return diags


def _definition_numbers(ctx: PolicyContext, per_block: list[_BlockNumbers]) -> list[Diagnostic]:
    """A number in a definition must occur in the quote of some block that reads it."""
    diags: list[Diagnostic] = []
    for d in ctx.policy.definitions:
        rule = [r for r in rule_numbers(d.expr, ctx.labels) if r.required]
        users = [bn.block for bn in per_block if d.name in ctx.reads(rule_exprs(bn.block))]
        if not rule or not users:
            continue  # an unused definition is reported as PC141
        cites = [c for b in users for c in block_citations(b)]
        quoted = quoted_keys(cites)
        for r in rule:
            if not r.keys & quoted:
                diags.append(_missing_number(ctx, users[0], cites, r))
    return diags


def _unused_quote_numbers(c: n.Citation, used: set[Key]) -> list[Diagnostic]:
    diags = []
    seen: set[Key] = set()
    for num in scan(c.quote):
        if num.key in used or num.key in seen:
            continue
        seen.add(num.key)
        what = _shown(num.text, describe(*num.key))
        diags.append(Diagnostic(
            "PC310", Severity.WARNING, quote_span(c, num),
            f"原文中的{what}没有被规则用到",
            "核对规则（条件、金额、封顶、分档、比例、数量）是否漏写了这个数字；"
            "若它确实无需编码，写 忽略 PC310 \"理由\" 说明原因。",
            c.article,
        ))
    return diags


def _parameter_numbers(ctx: PolicyContext) -> list[Diagnostic]:
    """A 参数's stated value must be in its 依据 quote (PC311), or else is shown where the source
    has it (PC312) — as every number of a rule."""
    if ctx.source is None:
        return []
    diags = []
    for prm in ctx.policy.parameters:
        keys = _parameter_keys(prm)
        if not keys or prm.citation is None or prm.value_span is None:
            continue
        if keys & {num.key for num in scan(prm.citation.quote)}:
            continue
        article = prm.citation.article
        shown = f"参数“{prm.name}”的数值"
        if any(num.key in keys for num in ctx.source_numbers):
            diags.append(Diagnostic("PC312", Severity.WARNING, prm.value_span,
                                    f"{shown}不在所引原文中，而见于原文来源的其他位置",
                                    "把写明这个数值的句子纳入 依据 引文。", article))
        else:
            diags.append(Diagnostic("PC311", Severity.ERROR, prm.value_span,
                                    f"{shown}在所引原文及原文来源中都找不到",
                                    "核对数值是否抄错；原文没有写数值时写 未公布。", article))
    return diags


def _missing_number(ctx: PolicyContext, block: n.Block, cites: list[n.Citation],
                    r: RuleNumber) -> Diagnostic:
    article = block.citation.article
    assert ctx.source is not None
    ranges = [w for label in dict.fromkeys(c.article for c in cites)
              if (w := ctx.article_range(label)) is not None]
    hits = [num for num in ctx.source_numbers if num.key in r.keys]
    # the cited articles first, then anywhere in the source
    hits.sort(key=lambda num: not any(a <= num.start < b for a, b in ranges))
    if hits:
        num = hits[0]
        clause = _clause(ctx.source, num)
        where = locate(ctx.source, num.start) or "原文来源"
        return Diagnostic(
            "PC312", Severity.WARNING, r.span,
            f"规则中的{r.shown()}不在所引原文中，而见于{where}的“{clause}”",
            f"把{where}含“{clause}”的句子纳入 原文 引文（出资比例可用 依据 引用），"
            "使审核者能在规则旁看到这个数字的出处。",
            article,
        )
    if set(r.kinds) & {"date", "year"} and r.keys & scan_dates(ctx.source):
        return Diagnostic(  # a date or year the text states elsewhere (dates are not located)
            "PC312", Severity.WARNING, r.span,
            f"规则中的{r.shown()}不在所引原文中，而见于原文来源的其他地方",
            "把原文中写明这个日期或年份的句子纳入 原文 引文，使审核者能在规则旁看到它的出处。",
            article,
        )
    in_quote = sorted({describe(*num.key) for c in cites for num in scan(c.quote)
                       if num.kind in r.kinds})
    also = f"；所引原文中的同类数字：{'、'.join(in_quote)}" if in_quote else ""
    return Diagnostic(
        "PC311", Severity.ERROR, r.span,
        f"规则中的{r.shown()}在所引原文及原文来源中都找不到{also}",
        "核对数字是否抄错（1万元 = 10000 元，50% = 0.5）；原文写作汉字（二级、十五万元）也能识别。",
        article,
    )


_CLAUSE_END = "。；;，,：:！？!?"
_CLAUSE_MAX = 40


def _clause(text: str, num: Number) -> str:
    """The clause of ``text`` around ``num`` (white space removed, at most ~80 characters)."""
    start = num.start
    while start > 0 and text[start - 1] not in _CLAUSE_END and num.start - start < _CLAUSE_MAX:
        start -= 1
    end = num.end
    while end < len(text) and text[end] not in _CLAUSE_END + "（(" and end - num.end < _CLAUSE_MAX:
        end += 1
    return normalise(text[start:end])


# ---------------------------------------------------------------------------- amounts

Bounds = tuple[Decimal, Decimal]


def _const(e: n.Expr) -> Bounds | None:
    """The range of a literal-only expression, or None when it reads facts."""
    if isinstance(e, _LITERALS):
        return (e.value, e.value)
    if isinstance(e, n.RangeLit):
        return (e.low.value, e.high.value)
    if isinstance(e, n.UpTo):
        c = _const(e.operand)
        return None if c is None else (min(Decimal(0), c[1]), max(Decimal(0), c[1]))
    if isinstance(e, n.Arith | n.Cap):
        a = _const(e.left if isinstance(e, n.Arith) else e.base)
        b = _const(e.right if isinstance(e, n.Arith) else e.limit)
        if a is None or b is None:
            return None
        if isinstance(e, n.Cap):
            return (min(a[0], b[0]), min(a[1], b[1]))
        if e.op == "+":
            return (a[0] + b[0], a[1] + b[1])
        if e.op == "-":
            return (a[0] - b[1], a[1] - b[0])
        products = [x * y for x in a for y in b]
        return (min(products), max(products))
    return None


def _amount_exprs(p: n.Policy) -> Iterator[tuple[n.Expr, str]]:
    for block in p.blocks():
        for e in rule_exprs(block):
            yield e, block.citation.article
    for d in p.definitions:
        yield d.expr, ""


def _malformed_amounts(p: n.Policy) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for root, article in _amount_exprs(p):
        compared: set[int] = set()
        reported: set[int] = set()
        for x in walk(root):
            if isinstance(x, n.Compare):
                compared |= {id(x.left), id(x.right)}
            elif isinstance(x, n.RateLit) and id(x) not in compared and not 0 < x.value <= 1:
                diags.append(Diagnostic(
                    "PC207", Severity.ERROR, x.span, f"比例 {_compact(x.text)} 超出 (0, 100%] 的范围",
                    "比例须大于 0% 且不超过 100%；检查是否多写或少写了一位。", article))
            elif isinstance(x, n.Arith) and x.op == "-" and id(x) not in reported:
                c = _const(x)
                if c is not None and c[0] < 0:
                    reported |= {id(y) for y in walk(x)}
                    diags.append(Diagnostic(
                        "PC208", Severity.ERROR, x.span,
                        f"“{show(x)}”的结果为负数（{_range(c)}）",
                        "金额不能为负：检查减法两边是否写反，或数字是否抄错。", article))
    for it in p.items:
        for f in it.funding:
            for (src, frac), span in zip(f.shares, _share_spans(f), strict=True):
                if not 0 < frac <= 1:
                    diags.append(Diagnostic(
                        "PC207", Severity.ERROR, span,
                        f"资金来源 {src} 的分担比例 {describe('rate', frac)} 超出 (0, 100%] 的范围",
                        "不出资的来源不要写；各来源比例须大于 0% 且合计为 100%。",
                        _funding_article(it, f)))
    return diags


def _stage_shares(p: n.Policy) -> list[Diagnostic]:
    """PC210: the stated shares of one schedule's stages (至多 70%, 至多 50%) add up to more than
    100%: the stages would pay more than the items (the calculators never do: each stage pays
    at most what is left)."""
    diags: list[Diagnostic] = []
    for s in p.payments:
        rates = [st for st in s.stages if isinstance(st.share, n.RateLit)]
        total = sum((st.share.value for st in rates if isinstance(st.share, n.RateLit)), Decimal(0))
        if len(rates) >= 2 and total > 1:
            shown = "、".join(f"{st.name} {_compact(st.share.text)}" for st in rates
                             if isinstance(st.share, n.RateLit))
            diags.append(Diagnostic(
                "PC210", Severity.ERROR, rates[-1].span,
                f"拨付各阶段写明的比例合计 {describe('rate', total)}，超过 100%（{shown}）",
                "各阶段合计不能超过补助金额：核对各阶段的比例；最后一期是“剩余部分”时写 余额。",
                s.citation.article))
    return diags


def _range(c: Bounds) -> str:
    lo, hi = (format(v.normalize(), "f") for v in c)
    return lo if c[0] == c[1] else f"{lo} 至 {hi}"


# ---------------------------------------------------------------------------- funding


def _funding_article(it: n.Item, f: n.Funding) -> str:
    return f.citation.article if f.citation is not None else it.citation.article


def _payers(f: n.Funding) -> str:
    return "、".join(FUNDING_SOURCES.get(s, s) for s in f.payers)


def _funding_desc(f: n.Funding) -> str:
    if not f.named:
        return "未规定由谁出资"
    if f.stated:
        return "、".join(f"{FUNDING_SOURCES.get(s, s)} {describe('rate', frac)}" for s, frac in f.shares)
    return f"{_payers(f)}（比例未明确）"


def _funding_kind(f: n.Funding) -> tuple[bool, tuple[object, ...]]:
    if not f.named:
        return (False, ("未规定",))
    return (True, tuple(sorted(f.shares))) if f.stated else (False, tuple(sorted(f.payers)))


def _never_pays(e: n.Expr) -> bool:
    if isinstance(e, n.Undetermined):
        return True
    c = _const(e)
    return c is not None and c[1] <= 0


def _funding(p: n.Policy) -> list[Diagnostic]:
    diags = []
    for it in p.items:
        if not it.funding and not _never_pays(it.amount):
            diags.append(Diagnostic(
                "PC503", Severity.ERROR, it.span,
                f"补助项“{it.id}”（{it.title}）可以支付金额，但没有写明由谁出资",
                "加入 资金 行，例如：资金 city 100%；原文只点名出资方时写 资金 未明确 [city, county]；"
                "原文没有说由谁出资时写 资金 未规定。",
                it.citation.article))
        for f in it.funding:
            if not f.named:
                art = _funding_article(it, f)
                diags.append(Diagnostic(
                    "PC505", Severity.INFO, f.span,
                    f"原文未规定由谁出资：“{it.id}”（{it.title}）的金额列在 unspecified 下，"
                    "没有候选出资方",
                    "若其他文件规定了出资方，改写为 资金 city 100% 或 资金 未明确 [city, county]，"
                    "并用 依据 引用该文件的条款。",
                    art))
            elif not f.stated:
                art = _funding_article(it, f)
                diags.append(Diagnostic(
                    "PC502", Severity.WARNING, f.span,
                    f"{art} 点名了出资方 {_payers(f)}，但未规定各自的分担比例",
                    "计算结果把该项金额列在 unspecified（未明确）下，不作拆分；若其他文件规定了比例，"
                    "改写为 资金 city 50%, county 50% 并用 依据 引用。",
                    art))
        for i, a in enumerate(it.funding):
            for b in it.funding[i + 1:]:
                if _funding_kind(a) == _funding_kind(b):
                    continue
                art_a, art_b = _funding_article(it, a), _funding_article(it, b)
                arts = "、".join(dict.fromkeys((art_a, art_b)))
                diags.append(Diagnostic(
                    "PC504", Severity.WARNING, b.span,
                    f"{art_a} 与 {art_b} 对“{it.id}”（{it.title}）的出资方规定不一致："
                    f"{art_a} 为 {_funding_desc(a)}；{art_b} 为 {_funding_desc(b)}",
                    "计算结果把金额列在 unspecified 下，候选出资方为两处之并集；请向发布机关确认以哪条为准。",
                    arts))
    return diags


def _undetermined(p: n.Policy) -> list[Diagnostic]:
    diags = []
    for it in p.items:
        und = next((x for x in walk(it.amount) if isinstance(x, n.Undetermined)), None)
        if und is None:
            continue
        whole = isinstance(it.amount, n.Undetermined)
        diags.append(Diagnostic(
            "PC510", Severity.INFO, und.span,
            f"“{it.title}”的金额原文未规定（未定）：" + (
                "计算结果中该项金额为 null" if whole else "适用未定部分时，计算结果中该项金额为 null"),
            "计算器照实报告“金额未定”，不作估算；实施细则规定金额后再补充。",
            it.citation.article))
    return diags


# ---------------------------------------------------------------------------- partial sources

_PARTIAL = {"摘要": "政策的摘要", "节选": "政策的节选", "转载": "转载的文本"}


def _partial(p: n.Policy) -> list[Diagnostic]:
    """PC380: the source is only part of the document; say what the checks cannot know."""
    h = p.header
    if h.source_kind is None:
        return []
    return [Diagnostic(
        "PC380", Severity.INFO, h.source_span or h.span,
        f"原文是{_PARTIAL[h.source_kind]}，不是全文：检查只能对照已发布的部分。未发布的部分中可能还有"
        "资格条件、排除情形、累计上限、出资和拨付的规定，检查器无法发现遗漏；引文、条款编号和措辞检查"
        "只对已发布的部分有效",
        "申请指南会提示申请人原文不完整；取得全文后改写 来源 并补齐规则。",
    )]


# ---------------------------------------------------------------------------- validity


def _validity(p: n.Policy, on: dt.date) -> list[Diagnostic]:
    h = p.header
    v = h.validity
    r = h.retroactive
    diags = []
    art = v.citation.article if v and v.citation else ""
    start = v.start.date if v else None
    end = v.end.date if v else None
    if v and start and end and start > end:
        diags.append(Diagnostic(
            "PC602", Severity.ERROR, v.span, f"有效期起点 {start} 晚于终点 {end}",
            "检查起止日期是否写反。", art))
    if r and end and r.start > end:
        diags.append(Diagnostic(
            "PC602", Severity.ERROR, r.span, f"追溯起点 {r.start} 晚于有效期终点 {end}",
            "检查追溯日期。", r.citation.article if r.citation else art))
    if v and end and on > end:
        diags.append(Diagnostic(
            "PC601", Severity.WARNING, v.end.span,
            f"本政策有效期已于 {end} 届满（检查日期 {on}）",
            "届满后计算结果均为“不在有效期内”；如政策已延期，请更新 有效期 并引用延期文件。", art))
    if r:
        rart = r.citation.article if r.citation else ""
        if h.issued and r.start > h.issued:
            diags.append(Diagnostic(
                "PC603", Severity.WARNING, r.span,
                f"追溯起点 {r.start} 晚于发布日期 {h.issued}，不是追溯",
                "追溯起点应早于发布日期；检查日期是否写错。", rart))
        elif start and r.start >= start:
            diags.append(Diagnostic(
                "PC603", Severity.WARNING, r.span,
                f"追溯起点 {r.start} 不早于有效期起点 {start}，不起追溯作用",
                "追溯起点应早于有效期起点；检查日期是否写错。", rart))
    if v and not v.stated:
        diags.append(Diagnostic(
            "PC605", Severity.INFO, v.span,
            "有效期未规定：原文没有写明起止日期，计算时视为一直有效",
            "计算结果的说明会注明“原文未规定有效期”；若另有文件规定了有效期，改写为 "
            "有效期 自 … 至 … 并用 依据 引用。", art))
    elif v and (v.start.open or v.end.open):
        which = "截止日期" if v.end.open else "起始日期"
        diags.append(Diagnostic(
            "PC605", Severity.INFO, v.span,
            f"有效期只写了{'起点' if v.end.open else '终点'}：原文未规定{which}，计算时该端视为开放",
            "计算结果的说明会注明这一点；不要为缺少的一端编造日期或事件。", art))
    if v:
        for bound, which in ((v.start, "起点"), (v.end, "终点")):
            if bound.event is not None:
                diags.append(Diagnostic(
                    "PC604", Severity.INFO, bound.span,
                    f"有效期{which}是事件“{bound.event}”，日期未知：计算时视为开放",
                    "事件日期确定后，请改写为日期。", art))
    return diags


# ---------------------------------------------------------------------------- lists


def _members(e: n.Expr) -> list[n.Member]:
    return [x for x in walk(e) if isinstance(x, n.Member)]


def list_places(ctx: PolicyContext) -> list[tuple[n.Member, list[n.Block]]]:
    """Every ``属于`` list with the blocks it is read by: its own block, or for a list in a
    definition, every block that reads the definition (directly or through another); worked
    out once per context (the list checks and the counted-list check both ask)."""
    if ctx._places is None:
        ctx._places = _list_places(ctx)
    return ctx._places


def _list_places(ctx: PolicyContext) -> list[tuple[n.Member, list[n.Block]]]:
    p = ctx.policy
    users: dict[str, list[n.Block]] = {d.name: [] for d in p.definitions}
    places: list[tuple[n.Member, list[n.Block]]] = []
    for block in p.blocks():
        exprs = rule_exprs(block)
        for name in sorted(ctx.reads(exprs)):
            if name in users:
                users[name].append(block)
        places += [(m, [block]) for e in exprs for m in _members(e)]
    for d in p.definitions:
        places += [(m, users[d.name]) for m in _members(d.expr)]
    return places


def _lists(ctx: PolicyContext) -> list[Diagnostic]:
    diags = []
    for m, blocks in list_places(ctx):
        article = blocks[0].citation.article if blocks else ""
        if m.open:
            where = "、".join(dict.fromkeys(b.citation.article for b in blocks))
            diags.append(Diagnostic(
                "PC701", Severity.INFO, m.span,
                f"“{show(m.operand)}”的列举以“等”结尾：未列举的值在计算时按“不属于”处理（条件不成立），"
                "并在计算结果的说明中注明" + (f"（用于 {where}）" if where else ""),
                "“等”内是否包括某个未列举的值须由主管部门认定；主管部门公布完整名单后，补全列表并去掉“等”。",
                article))
            continue
        hit = _etc_after(ctx, m, blocks)
        if hit is not None:
            label, last = hit
            diags.append(Diagnostic(
                "PC702", Severity.WARNING, m.span,
                f"{label}的列举在“{last}”之后有“等”字，但规则中的列表是封闭的",
                "在列表末尾加上“等”（[…, 等]），使计算过程注明未列举的情形；确属封闭列举时写 忽略 PC702 \"理由\"。",
                article))
    return diags


_CLOSING = "」”\"'’）)》"
_ETC_COUNT = re.compile(r"等[\d〇一二两兩三四五六七八九十]+[个個项項家类類种種]")


def _etc_after(ctx: PolicyContext, m: n.Member, blocks: list[n.Block]) -> tuple[str, str] | None:
    """(article, last value) when the source lists ``m``'s values and then writes 等."""
    values = [v.value for v in m.values]
    if not values:
        return None
    texts: list[tuple[str, str]] = []
    for b in blocks:
        texts += [(c.article, c.quote) for c in block_citations(b)]
    for b in blocks:
        for c in block_citations(b):
            art = ctx.article(c.article)
            if art is not None:
                texts.append((c.article, art))
    for label, raw in texts:
        text = normalise(raw)
        found = [text.find(v) for v in values]
        if min(found) < 0:
            continue
        end, last = max((i + len(v), v) for i, v in zip(found, values, strict=True))
        rest = text[end:].lstrip(_CLOSING)
        if rest.startswith("等") and not _ETC_COUNT.match(rest):
            return label, last
        return None
    return None


# ---------------------------------------------------------------------------- unused names


def _unused(ctx: PolicyContext) -> list[Diagnostic]:
    p = ctx.policy
    direct: set[str] = set()
    for block in p.blocks():
        for e in rule_exprs(block):
            direct |= _refs(e)
    by_defs: set[str] = set()
    for d in p.definitions:
        by_defs |= _refs(d.expr) - {d.name}
    for c in p.constraints:  # 约束 reads the facts it relates
        direct |= _refs(c.cond)
    read = direct | by_defs
    scopes: list[n.Scope | None] = [
        *(c.scope for c in p.caps), *(s.scope for s in p.payments),
        *(q.scope for q in p.quotas), *(b.scope for b in p.budgets)]
    if any(it.beneficiary for it in p.items) or any(
        s is not None and s.kind == "beneficiary" for s in scopes
    ):
        read.add("applicant_type")
    diags = []
    for f in p.facts:
        if f.name not in read:
            diags.append(Diagnostic(
                "PC140", Severity.WARNING, f.span, f"事实“{f.name}”（{f.label}）已声明，但没有被任何规则读取",
                "删去该事实，或在条件、金额、定义中使用它（测试的 输入 不算读取）。"))
    for d in p.definitions:
        if d.name not in read:
            diags.append(Diagnostic(
                "PC141", Severity.WARNING, d.span, f"定义“{d.name}”" + (f"（{d.label}）" if d.label else "")
                + "没有被使用", "删去该定义，或在条件、金额、上限中使用它。"))
    return diags


# ---------------------------------------------------------------------------- domains


def _domains(p: n.Policy) -> list[Diagnostic]:
    """Literals outside a fact's domain that typecheck's range check lets through (PC209).

    (Fact defaults are checked when the model is built; test inputs when the tests run.)
    """
    diags = []
    facts = {f.name: f for f in p.facts}
    for root, article in _amount_exprs(p):
        for x in walk(root):
            if not isinstance(x, n.Compare):
                continue
            for ref, lit in ((x.left, x.right), (x.right, x.left)):
                if not (isinstance(ref, n.Ref) and isinstance(lit, n.NumberLit | n.CountLit)):
                    continue
                fact = facts.get(ref.name)
                if fact is not None and fact.type.kind == "int" and lit.value != lit.value.to_integral_value():
                    diags.append(Diagnostic(
                        "PC209", Severity.ERROR, lit.span,
                        f"“{fact.name}”取整数，不能与 {_compact(lit.text)} 比较",
                        "整数事实只能与整数比较，例如 digital_level >= 3。", article))
    return diags

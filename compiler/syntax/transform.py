"""Parse tree -> surface blocks and expression nodes. Purely structural: no meaning here.

There is one handler per grammar rule or alias; tests/test_grammar.py checks that none is
missing, so a new rule cannot silently fall through.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from lark import Token, Transformer, Tree
from lark.tree import Meta

from ..diagnostics import Span
from ..model import nodes as n
from .surface import Block, DefineBlock, FactsBlock, FactSurface, Field, Text

_UNITS = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
_MONEY_RE = re.compile(r"(\d+(?:\.\d+)?)[ \u3000]*(万元|亿元|元)")
_COUNT_RE = re.compile(r"(\d+)[ \u3000]*(\S+)")


def money_value(text: str) -> Decimal:
    m = _MONEY_RE.fullmatch(text)
    assert m, text
    return Decimal(m.group(1)) * _UNITS[m.group(2)]


YEAR_LOW, YEAR_HIGH = 1900, 2199  # the dates and years the language accepts (PC204)


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class ToSurface(Transformer[Token, list[object]]):
    """Builds surface blocks; spans are computed from tokens and Lark's propagated metadata."""

    def __init__(self, file: str) -> None:
        super().__init__(visit_tokens=False)
        self.file = file

    # -- spans ---------------------------------------------------------------
    def tok_span(self, tok: Token) -> Span:
        line = tok.line or 1
        col = tok.column or 1
        return Span(self.file, line, col, tok.end_line or line, tok.end_column or col + 1)

    def meta_span(self, meta: Meta) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.file, 1, 1, 1, 1)
        return Span(self.file, meta.line, meta.column, meta.end_line, meta.end_column)

    def _span_of(self, x: object) -> Span:
        if isinstance(x, Token):
            return self.tok_span(x)
        span = getattr(x, "span", None)
        assert isinstance(span, Span), x
        return span

    def _join(self, a: object, b: object) -> Span:
        s, e = self._span_of(a), self._span_of(b)
        return Span(self.file, s.line, s.column, e.end_line, e.end_column)

    # Transformer calls rule handlers as f(children); we need meta too.
    def __default__(self, data: str, children: list[Any], meta: Meta) -> Any:
        raise NotImplementedError(f"no handler for grammar rule {data!r}")

    def _call_userfunc(self, tree: Tree[Token], new_children: list[Any] | None = None) -> Any:
        children = new_children if new_children is not None else tree.children
        handler = getattr(self, str(tree.data), None)
        if handler is None:
            return self.__default__(str(tree.data), children, tree.meta)
        return handler(children, tree.meta)

    # -- top level -----------------------------------------------------------
    def start(self, c: list[Any], meta: Meta) -> list[object]:
        return list(c)

    def policy_block(self, c: list[Any], meta: Meta) -> Block:
        name, *fields = c
        return Block("政策", str(name), tuple(fields), self.meta_span(meta), self.tok_span(name))

    def section(self, c: list[Any], meta: Meta) -> Block:
        kw, name, *fields = c
        return Block(str(kw), str(name), tuple(fields), self.meta_span(meta), self.tok_span(name))

    def reading_block(self, c: list[Any], meta: Meta) -> Block:
        name, *fields = c
        return Block("解读", str(name), tuple(fields), self.meta_span(meta), self.tok_span(name))

    def test_block(self, c: list[Any], meta: Meta) -> Block:
        text, *fields = c
        return Block("测试", text.value, tuple(fields), self.meta_span(meta), text.span)

    def facts_block(self, c: list[Any], meta: Meta) -> FactsBlock:
        return FactsBlock(tuple(c), self.meta_span(meta))

    def define(self, c: list[Any], meta: Meta) -> DefineBlock:
        name = c[0]
        label = c[1].value if len(c) == 3 else ""
        return DefineBlock(str(name), label, c[-1], self.meta_span(meta))

    # -- 参数 and 约束 -----------------------------------------------------------
    def param_decl(self, c: list[Any], meta: Meta) -> n.Parameter:
        name, ftype, label, (value, vspan, cite, vkind) = c
        return n.Parameter(str(name), ftype, label.value, value, cite, self.meta_span(meta), vspan, vkind)

    def param_stated(self, c: list[Any], meta: Meta) -> tuple[Decimal | None, Span | None, Any, str]:
        lit = c[0]
        kind = {n.MoneyLit: "money", n.RateLit: "rate", n.NumberLit: "int"}.get(type(lit), "other")
        value = lit.value if kind != "other" else None
        return (value, lit.span, c[1], kind)

    def param_unpublished(self, c: list[Any], meta: Meta) -> tuple[None, None, Any, None]:
        return (None, None, c[0] if c else None, None)

    def constraint_decl(self, c: list[Any], meta: Meta) -> n.Constraint:
        return n.Constraint(c[0], c[1] if len(c) > 1 else None, self.meta_span(meta))

    def f_params(self, c: list[Any], meta: Meta) -> Field:
        return self._field("params", c, meta)

    # -- facts ---------------------------------------------------------------
    def fact_decl(self, c: list[Any], meta: Meta) -> FactSurface:
        name = str(c[0])
        ftype: n.FactType | None = None
        label: str | None = None
        default: n.Expr | None = None
        required = False
        for x in c[1:]:
            if isinstance(x, n.FactType):
                ftype = x
            elif isinstance(x, Text):
                label = x.value
            elif isinstance(x, tuple) and x[0] == "default":
                default = x[1]
            elif x == "required":
                required = True
        return FactSurface(name, ftype, label, default, required, self.meta_span(meta))

    def fact_default(self, c: list[Any], meta: Meta) -> tuple[str, n.Expr]:
        return ("default", c[0])

    def fact_required(self, c: list[Any], meta: Meta) -> str:
        return "required"

    def t_bool(self, c: list[Any], meta: Meta) -> n.FactType:
        return n.FactType("bool")

    def t_int(self, c: list[Any], meta: Meta) -> n.FactType:
        if len(c) == 2:
            return n.FactType("int", int(Decimal(str(c[0]))), int(Decimal(str(c[1]))))
        return n.FactType("int", 0, None)

    def t_money(self, c: list[Any], meta: Meta) -> n.FactType:
        return n.FactType("money")

    def t_rate(self, c: list[Any], meta: Meta) -> n.FactType:
        return n.FactType("rate")

    def t_date(self, c: list[Any], meta: Meta) -> n.FactType:
        return n.FactType("date")

    def t_year(self, c: list[Any], meta: Meta) -> n.FactType:
        # 年份: an integer year (2024), as 整数 1900..2199
        return n.FactType("int", YEAR_LOW, YEAR_HIGH)

    def t_rate_range(self, c: list[Any], meta: Meta) -> n.FactType:
        return n.FactType("rate", c[0], c[1])

    def pos_num(self, c: list[Any], meta: Meta) -> Decimal:
        return Decimal(str(c[0]))

    def neg_num(self, c: list[Any], meta: Meta) -> Decimal:
        return -Decimal(str(c[0]))

    def t_text(self, c: list[Any], meta: Meta) -> n.FactType:
        return n.FactType("text")

    def t_enum(self, c: list[Any], meta: Meta) -> n.FactType:
        return n.FactType("enum", values=tuple(c))

    def enum_value(self, c: list[Any], meta: Meta) -> tuple[str, str]:
        return (unescape(str(c[0])), c[1].value)

    # -- fields --------------------------------------------------------------
    def _field(self, kind: str, args: list[Any], meta: Meta) -> Field:
        return Field(kind, tuple(args), self.meta_span(meta))

    def f_article(self, c: list[Any], meta: Meta) -> Field:
        return self._field("article", [str(c[0]), self.tok_span(c[0])], meta)

    def f_quote(self, c: list[Any], meta: Meta) -> Field:
        return self._field("quote", c, meta)

    def f_title(self, c: list[Any], meta: Meta) -> Field:
        return self._field("title", c, meta)

    def f_note(self, c: list[Any], meta: Meta) -> Field:
        return self._field("note", c, meta)

    def f_docno(self, c: list[Any], meta: Meta) -> Field:
        return self._field("docno", c, meta)

    def f_issuers(self, c: list[Any], meta: Meta) -> Field:
        return self._field("issuers", c, meta)

    def f_issued(self, c: list[Any], meta: Meta) -> Field:
        return self._field("issued", [str(c[0])], meta)

    def f_level(self, c: list[Any], meta: Meta) -> Field:
        return self._field("level", [str(c[0])], meta)

    def f_region(self, c: list[Any], meta: Meta) -> Field:
        return self._field("region", c, meta)

    def f_parent(self, c: list[Any], meta: Meta) -> Field:
        return self._field("parent", [str(c[0])], meta)

    def f_source(self, c: list[Any], meta: Meta) -> Field:
        # (Text, kind): kind is 摘要 / 节选 / 转载 for a source published only in part, else None
        return self._field("source", [c[0], str(c[1]) if len(c) > 1 else None], meta)

    def f_valid(self, c: list[Any], meta: Meta) -> Field:
        return self._field("valid", c, meta)

    def _open(self, meta: Meta) -> n.Bound:
        return n.Bound(None, None, self.meta_span(meta), open=True)

    def f_valid_from(self, c: list[Any], meta: Meta) -> Field:
        return self._field("valid", [c[0], self._open(meta), *c[1:]], meta)

    def f_valid_to(self, c: list[Any], meta: Meta) -> Field:
        return self._field("valid", [self._open(meta), *c], meta)

    def f_valid_unstated(self, c: list[Any], meta: Meta) -> Field:
        return self._field("valid", [self._open(meta), self._open(meta), *c], meta)

    def f_retro(self, c: list[Any], meta: Meta) -> Field:
        return self._field("retro", [str(c[0]), *c[1:]], meta)

    def f_beneficiary(self, c: list[Any], meta: Meta) -> Field:
        return self._field("beneficiary", [str(c[0]), self.tok_span(c[0])], meta)

    def f_category(self, c: list[Any], meta: Meta) -> Field:
        return self._field("category", [str(c[0])], meta)

    def f_cond(self, c: list[Any], meta: Meta) -> Field:
        return self._field("cond", c, meta)

    def f_amount(self, c: list[Any], meta: Meta) -> Field:
        return self._field("amount", c, meta)

    def f_funding(self, c: list[Any], meta: Meta) -> Field:
        return self._field("funding", c, meta)

    def f_applies(self, c: list[Any], meta: Meta) -> Field:
        return self._field("applies", c, meta)

    def f_limit(self, c: list[Any], meta: Meta) -> Field:
        return self._field("limit", c, meta)

    def f_stage(self, c: list[Any], meta: Meta) -> Field:
        return self._field("stage", c, meta)

    def f_at_most(self, c: list[Any], meta: Meta) -> Field:
        return self._field("at_most", c, meta)

    def f_at_least(self, c: list[Any], meta: Meta) -> Field:
        return self._field("at_least", c, meta)

    def f_use(self, c: list[Any], meta: Meta) -> Field:
        return self._field("use", c, meta)

    def f_step(self, c: list[Any], meta: Meta) -> Field:
        return self._field("step", c, meta)

    def deadline(self, c: list[Any], meta: Meta) -> tuple[str, str, str | None, Span]:
        return ("deadline", str(c[0]), str(c[1]) if len(c) > 1 else None, self.tok_span(c[0]))

    def date_lit(self, c: list[Any], meta: Meta) -> n.Expr:
        tok = c[0]
        d = parse_date(str(tok))
        span = self.tok_span(tok)
        if d is None:  # not a calendar date: the model reports it (PC204)
            return n.DateLit(dt.date.min, str(tok), span)
        return n.DateLit(d, str(tok), span)

    def on_time(self, c: list[Any], meta: Meta) -> n.OnTime:
        return n.OnTime(n.Ref(str(c[0]), self.tok_span(c[0])), self.meta_span(meta))

    def f_date(self, c: list[Any], meta: Meta) -> Field:
        return self._field("date", [str(c[0])], meta)

    def f_input(self, c: list[Any], meta: Meta) -> Field:
        return self._field("input", c, meta)

    def f_expect(self, c: list[Any], meta: Meta) -> Field:
        return self._field("expect", c, meta)

    def f_suppress(self, c: list[Any], meta: Meta) -> Field:
        return self._field("suppress", [str(c[0]), c[1]], meta)

    def f_option(self, c: list[Any], meta: Meta) -> Field:
        # (name, name span, label Text, citation or None)
        return self._field("option", [str(c[0]), self.tok_span(c[0]), c[1],
                                      c[2] if len(c) > 2 else None], meta)

    def f_adopt(self, c: list[Any], meta: Meta) -> Field:
        return self._field("adopt", [str(c[0]), self.tok_span(c[0])], meta)

    def f_adopt_reading(self, c: list[Any], meta: Meta) -> Field:
        # in a 测试: 采用 <解读> <读法> — the test is calculated under that reading
        return self._field("reading", [str(c[0]), str(c[1])], meta)

    def bound_date(self, c: list[Any], meta: Meta) -> n.Bound:
        return n.Bound(parse_date(str(c[0])), None, self.meta_span(meta))

    def bound_event(self, c: list[Any], meta: Meta) -> n.Bound:
        return n.Bound(None, c[0].value, self.meta_span(meta))

    def citation(self, c: list[Any], meta: Meta) -> n.Citation:
        art, *texts = c
        span = self.tok_span(art)
        return n.Citation.of(str(art), span, [(t.value, t.span) for t in texts], span)

    def at_most(self, c: list[Any], meta: Meta) -> str:
        return "at_most"

    def at_least(self, c: list[Any], meta: Meta) -> str:
        return "at_least"

    def stage_at_most(self, c: list[Any], meta: Meta) -> n.Expr:
        return c[0]  # type: ignore[no-any-return]

    def stage_remainder(self, c: list[Any], meta: Meta) -> None:
        return None

    def funding_shares(self, c: list[Any], meta: Meta) -> n.Funding:
        shares = tuple((name, rate.value) for name, rate, _ in c)
        spans = tuple(span for _, _, span in c)
        return n.Funding(shares, tuple(s for s, _ in shares), True, None,
                         self.meta_span(meta), spans)

    def funding_unnamed(self, c: list[Any], meta: Meta) -> n.Funding:
        return n.Funding((), (), False, None, self.meta_span(meta), (), named=False)

    def funding_unstated(self, c: list[Any], meta: Meta) -> n.Funding:
        payers = tuple(str(t) for t in c)
        spans = tuple(self.tok_span(t) for t in c)
        return n.Funding((), payers, False, None, self.meta_span(meta), spans)

    def share(self, c: list[Any], meta: Meta) -> tuple[str, n.RateLit, Span]:
        return (str(c[0]), self.percent([c[1]], meta), self.tok_span(c[0]))

    def scope_all(self, c: list[Any], meta: Meta) -> n.Scope:
        return n.Scope("all", (), None, self.meta_span(meta))

    def scope_items(self, c: list[Any], meta: Meta) -> n.Scope:
        return n.Scope("items", tuple(str(t) for t in c), None, self.meta_span(meta))

    def scope_beneficiary(self, c: list[Any], meta: Meta) -> n.Scope:
        return n.Scope("beneficiary", (), str(c[0]), self.meta_span(meta))

    # -- test cases ----------------------------------------------------------
    def profile_obj(self, c: list[Any], meta: Meta) -> tuple[n.InputValue, ...]:
        return tuple(c)

    def pair(self, c: list[Any], meta: Meta) -> n.InputValue:
        return n.InputValue(str(c[0]), c[1], self.meta_span(meta))

    def v_string(self, c: list[Any], meta: Meta) -> str:
        return unescape(str(c[0]))

    def v_number(self, c: list[Any], meta: Meta) -> Decimal:
        return Decimal(str(c[0]))

    def v_negative(self, c: list[Any], meta: Meta) -> Decimal:
        return -Decimal(str(c[0]))

    def v_bool(self, c: list[Any], meta: Meta) -> bool:
        return str(c[0]) in ("真", "是")

    def _expect(self, kind: str, target: str | None, value: object, meta: Meta) -> n.Expectation:
        return n.Expectation(kind, target, value, self.meta_span(meta))

    def e_total(self, c: list[Any], meta: Meta) -> n.Expectation:
        return self._expect("total", None, c[0], meta)

    def e_item(self, c: list[Any], meta: Meta) -> n.Expectation:
        return self._expect("item", str(c[0]), c[1], meta)

    def e_item_absent(self, c: list[Any], meta: Meta) -> n.Expectation:
        return self._expect("item_absent", str(c[0]), None, meta)

    def e_funding(self, c: list[Any], meta: Meta) -> n.Expectation:
        return self._expect("funding", str(c[0]), c[1], meta)

    def e_excluded(self, c: list[Any], meta: Meta) -> n.Expectation:
        return self._expect("excluded", None, str(c[0]) in ("真", "是"), meta)

    def e_exclusions(self, c: list[Any], meta: Meta) -> n.Expectation:
        return self._expect("exclusions", None, tuple(str(t) for t in c), meta)

    def e_in_force(self, c: list[Any], meta: Meta) -> n.Expectation:
        return self._expect("in_force", None, str(c[0]) in ("真", "是"), meta)

    def e_payment(self, c: list[Any], meta: Meta) -> n.Expectation:
        return self._expect("payment", c[0].value, c[1], meta)

    # -- expressions ---------------------------------------------------------
    def or_(self, c: list[Any], meta: Meta) -> n.Logic:
        return n.Logic("或", c[0], c[1], self.meta_span(meta))

    def and_(self, c: list[Any], meta: Meta) -> n.Logic:
        return n.Logic("且", c[0], c[1], self.meta_span(meta))

    def not_(self, c: list[Any], meta: Meta) -> n.Not:
        return n.Not(c[0], self.meta_span(meta))

    def compare(self, c: list[Any], meta: Meta) -> n.Compare:
        op = {"≥": ">=", "≤": "<=", "≠": "!="}.get(str(c[1]), str(c[1]))
        return n.Compare(op, c[0], c[2], self.meta_span(meta))

    def member(self, c: list[Any], meta: Meta) -> n.Member:
        values, is_open = c[1]
        return n.Member(c[0], values, is_open, self.meta_span(meta))

    def list_lit(self, c: list[Any], meta: Meta) -> tuple[tuple[n.StrLit, ...], bool]:
        is_open = bool(c) and c[-1] == "etc"
        return (tuple(x for x in c if isinstance(x, n.StrLit)), is_open)

    def etc(self, c: list[Any], meta: Meta) -> str:
        return "etc"

    def cap(self, c: list[Any], meta: Meta) -> n.Cap:
        return n.Cap(c[0], c[1], self.meta_span(meta))

    def add(self, c: list[Any], meta: Meta) -> n.Arith:
        return n.Arith("+", c[0], c[1], self.meta_span(meta))

    def sub(self, c: list[Any], meta: Meta) -> n.Arith:
        return n.Arith("-", c[0], c[1], self.meta_span(meta))

    def mul(self, c: list[Any], meta: Meta) -> n.Arith:
        return n.Arith("×", c[0], c[1], self.meta_span(meta))

    def upto(self, c: list[Any], meta: Meta) -> n.UpTo:
        return n.UpTo(c[0], self.meta_span(meta))

    def range(self, c: list[Any], meta: Meta) -> n.RangeLit:
        low = self.money([c[0]], meta)
        high = self.money([c[1]], meta)
        return n.RangeLit(low, high, self.meta_span(meta))

    def money(self, c: list[Any], meta: Meta) -> n.MoneyLit:
        tok = c[0]
        return n.MoneyLit(money_value(str(tok)), str(tok), self.tok_span(tok))

    def percent(self, c: list[Any], meta: Meta) -> n.RateLit:
        tok = c[0]
        return n.RateLit(Decimal(str(tok)[:-1]) / 100, str(tok), self.tok_span(tok))

    def neg_percent(self, c: list[Any], meta: Meta) -> n.RateLit:
        # a negative ratio compared with a ratio fact (增长率 >= -10%: a fall of at most 10%)
        tok = c[0]
        return n.RateLit(-Decimal(str(tok)[:-1]) / 100, "-" + str(tok), self.meta_span(meta))

    def number(self, c: list[Any], meta: Meta) -> n.NumberLit:
        tok = c[0]
        return n.NumberLit(Decimal(str(tok)), str(tok), self.tok_span(tok))

    def count(self, c: list[Any], meta: Meta) -> n.CountLit:
        tok = c[0]
        m = _COUNT_RE.fullmatch(str(tok).replace("\u3000", " "))
        assert m
        return n.CountLit(Decimal(m.group(1)), m.group(2).strip(), str(tok), self.tok_span(tok))

    def string(self, c: list[Any], meta: Meta) -> n.StrLit:
        tok = c[0]
        return n.StrLit(unescape(str(tok)), self.tok_span(tok))

    def boolean(self, c: list[Any], meta: Meta) -> n.BoolLit:
        tok = c[0]
        return n.BoolLit(str(tok) in ("真", "是"), self.tok_span(tok))

    def ref(self, c: list[Any], meta: Meta) -> n.Ref:
        return n.Ref(str(c[0]), self.tok_span(c[0]))

    def undetermined(self, c: list[Any], meta: Meta) -> n.Undetermined:
        return n.Undetermined(self.meta_span(meta))

    def tiers(self, c: list[Any], meta: Meta) -> n.Tiers:
        tiers = tuple(x for x in c if isinstance(x, n.Tier))
        other = [x[1] for x in c if isinstance(x, tuple)]
        return n.Tiers(tiers, other[0] if other else None, self.meta_span(meta))

    def readings(self, c: list[Any], meta: Meta) -> n.Readings:
        name, *cases = c
        return n.Readings(str(name), tuple(cases), self.meta_span(meta), self.tok_span(name))

    def reading_case(self, c: list[Any], meta: Meta) -> n.ReadingCase:
        return n.ReadingCase(str(c[0]), c[1], self.meta_span(meta), self.tok_span(c[0]))

    def tier(self, c: list[Any], meta: Meta) -> n.Tier:
        return n.Tier(c[0], c[1], self.meta_span(meta))

    def otherwise(self, c: list[Any], meta: Meta) -> tuple[str, n.Expr]:
        return ("otherwise", c[0])

    def text(self, c: list[Any], meta: Meta) -> Text:
        tok = c[0]
        raw = str(tok)
        value = unescape(raw) if tok.type == "STRING" else raw[1:-1]
        return Text(value, self.tok_span(tok))


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unescape(raw: str) -> str:
    """Decode a "..." string literal: \\n \\t \\" \\\\ and \\uXXXX; unknown escapes stay as written."""
    body = raw[1:-1] if raw.startswith('"') else raw
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
            if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", body[i + 2 : i + 6]):
                out.append(chr(int(body[i + 2 : i + 6], 16)))
                i += 6
                continue
        out.append(ch)
        i += 1
    return "".join(out)


__all__ = ["InvalidOperation", "ToSurface", "money_value", "parse_date"]

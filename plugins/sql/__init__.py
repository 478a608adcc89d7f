"""The SQL backend: one query per policy that turns a table of profiles into a table of results.

Built from the lowered calculation form (``compiler.lowered``) as a sqlglot syntax tree — never
glued strings — and printed for DuckDB and, transpiled by sqlglot, for Spark SQL
(``generated/sql/<policy>.duckdb.sql`` and ``.spark.sql``). :func:`policy_query` gives the tree
for any dialect sqlglot knows, with the calculation date fixed (the files use ``CURRENT_DATE``).

The input table ``profiles`` has a ``row_id`` column (the result has one row per profile, in no
particular order: match on ``row_id``) and one **text** column per profile field
(every field of the policy and of the shared vocabulary), NULL when absent. Values are written
as in CSV: ``true``/``false``, integers, decimal strings with at most two decimals, enum values.
The query validates every field as the calculators do; a row with an invalid field gets the
field's name in ``error_field`` and NULL in every other result column — never a number.

For many policies over one population, :func:`load_query` validates and types the text table
once (typed columns and a ``bad_mask`` of invalid fields) and :func:`typed_query` gives each
policy's query over that table: the same result rows, with arithmetic only.

Exact arithmetic: every numeric node is a DECIMAL(p, s) whose scale is the lowered form's and
whose precision is worked out from the operands (money fields have at most 15 integer digits,
integer fields 12 — larger values are refused by validation), cast explicitly so that every
engine computes the same exact value. Item amounts, cap limits and payment stages are rounded
down (towards zero) to the fen, as in ``compiler/evaluate/runtime.py``; after the items' rounding,
where a sum of DECIMALs would need more than 18 digits (128-bit arithmetic in DuckDB), the amounts
are BIGINT numbers of fen until the result row converts them back; there, an amount or a cap's
limit that is never below 0 and whose every step is exact in 64 bits (``Policy.int_num``: sums,
products, 不超过, tiers of literals and facts, money read as its BIGINT of fen) is computed in
integers at its own scale from the start and divided down to the fen — the same value.

Output columns, per row: ``row_id``, ``error_field``, ``in_force``, ``excluded``; per item
``<id>__applies``, ``<id>__min``, ``<id>__max`` (before cross-item caps, NULL when undetermined),
``<id>__paid_min``, ``<id>__paid_max`` (after the caps; ``paid_max`` NULL when unbounded);
``total_min``, ``total_max``; ``funding_<source>`` for central, province, city, county and
unspecified; ``pay_<k>_min``/``pay_<k>_max`` per payment stage (numbered in schedule order,
NULL when the schedule has no applying item).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

from sqlglot import exp

from compiler.backends import BackendError, CheckedModel, header_line
from compiler.lowered import lower
from compiler.textfold import traditional_chars
from compiler.vocabulary import FUNDING_SOURCES, UNSPECIFIED

from . import lean

Json = dict[str, Any]
SOURCES = (*FUNDING_SOURCES, UNSPECIFIED)  # the result's funding columns, in this order
MONEY_DIGITS = 15  # integer digits accepted in a money field
INT_DIGITS = 12  # integer digits accepted in an integer field without a stated bound
MAX_PRECISION = 38
# Python's str.split() white space: control characters spelled with CHR() in the SQL text,
# the others as they are (U+2028/U+2029 too, inside string literals).
WHITE_CONTROL = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85"
WHITE_PRINTABLE = (" \xa0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B))
                   + "\u2028\u2029\u202f\u205f\u3000")
MONEY_RE = f"^[0-9]{{1,{MONEY_DIGITS}}}([.][0-9]{{1,2}})?$"
# a rate 参数 (runtime.PARAM_RATE_PATTERN without the look-ahead SQL's regex engines lack)
PARAM_RATE_RE = "^-?(0([.][0-9]{1,6})?|1([.]0{1,6})?)$"
RATE_DECIMALS = 8  # a ratio's decimals (runtime.RATE_DIGITS)
RATE_RE = f"^-?[0-9]{{1,{MONEY_DIGITS}}}([.][0-9]{{1,{RATE_DECIMALS}}})?$"
DATE_RE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@dataclass(frozen=True)
class Num:
    """A numeric value: exact (lo is hi) or an interval; lo NULL means undetermined."""

    lo: exp.Expr
    hi: exp.Expr
    top: Decimal  # no value is larger in absolute value: what the type must hold
    scale: int
    exact: bool
    nonneg: bool = False  # never below 0 (what lets a cap narrow the type: least(x, limit) ≤ limit)
    sure: bool = False  # neither end is ever NULL (true of every exact value): no NULL test needed
    fen: bool = False  # the ends are BIGINT numbers of fen (:func:`once_fen`), not DECIMALs

    @property
    def digits(self) -> int:
        """Integer digits of the type: those of ``top`` (at least 1)."""
        return dig(self.top)

    @property
    def type(self) -> exp.DataType:
        return decimal(self.digits + self.scale, self.scale)


def dig(top: Decimal) -> int:
    """The integer digits a DECIMAL needs to hold every value of absolute value at most ``top``."""
    return max(len(str(int(top))), 1)


def _abs(value: str) -> Decimal:
    return abs(Decimal(value))


def decimal(p: int, s: int) -> exp.DataType:
    if p > MAX_PRECISION:
        raise BackendError(f"SQL 后端：计算需要 {p} 位精度，超过 DECIMAL 的 {MAX_PRECISION} 位")
    return exp.DataType.build(f"DECIMAL({max(p, 1)}, {s})")


def cast(e: exp.Expr, t: exp.DataType) -> exp.Expr:
    return exp.Cast(this=e, to=t.copy())


def try_cast(this: exp.Expr, to: exp.DataType) -> exp.Expr:
    """NULL when the text is not a value of the type (``safe``: Spark prints TRY_CAST too)."""
    return exp.TryCast(this=this, to=to.copy(), safe=True)


def lit(value: str) -> exp.Expr:
    return exp.Literal.number(value)


def s(value: str) -> exp.Expr:
    return exp.Literal.string(value)


def col(name: str, table: str | None = None) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


NULL = exp.Null()
TRUE = exp.true()
FALSE = exp.false()


def case(*arms: tuple[exp.Expr, exp.Expr], default: exp.Expr | None = None) -> exp.Expr:
    c = exp.Case()
    for cond, value in arms:
        c = c.when(cond.copy(), value.copy(), copy=False)  # copied here once (not the CASE again)
    if default is not None:
        c = c.else_(default.copy(), copy=False)
    return c


def coalesce(*args: exp.Expr) -> exp.Expr:
    return exp.Coalesce(this=args[0].copy(), expressions=[a.copy() for a in args[1:]])


def least(a: exp.Expr, b: exp.Expr, sure: bool = False) -> exp.Expr:
    """LEAST, NULL when either side is NULL; ``sure``: neither side is ever NULL, so every
    dialect's own LEAST (DuckDB's without the NULL test sqlglot otherwise prints) is the same."""
    return exp.Least(this=a.copy(), expressions=[b.copy()], ignore_nulls=sure or None)


def least_known(a: exp.Expr, b: exp.Expr, a_sure: bool = False, b_sure: bool = False) -> exp.Expr:
    """The smaller of two values where NULL stands for “no bound” (+∞); engines differ on NULLs.
    A side that is never NULL (``_sure``) needs no test."""
    arms = [(is_null(x), y) for x, y, sure in ((a, b, a_sure), (b, a, b_sure)) if not sure]
    return case(*arms, default=least(a, b, True)) if arms else least(a, b, True)


def greatest(a: exp.Expr, b: exp.Expr, sure: bool = False) -> exp.Expr:
    """GREATEST, NULL when either side is NULL (``sure``: as :func:`least`)."""
    return exp.Greatest(this=a.copy(), expressions=[b.copy()], ignore_nulls=sure or None)


def is_null(e: exp.Expr) -> exp.Expr:
    return exp.Is(this=e.copy(), expression=exp.Null())


def not_null(e: exp.Expr) -> exp.Expr:
    return exp.not_(is_null(e))


def and_(*xs: exp.Expr) -> exp.Expr:
    out: exp.Expr = exp.and_(*[x.copy() for x in xs]) if xs else TRUE.copy()
    return out


def or_(*xs: exp.Expr) -> exp.Expr:
    out: exp.Expr = exp.or_(*[x.copy() for x in xs]) if xs else FALSE.copy()
    return out


def paren(e: exp.Expr) -> exp.Expr:
    return exp.Paren(this=e.copy())


def add(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Add(this=paren(a), expression=paren(b))


def sub(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Sub(this=paren(a), expression=paren(b))


def mul(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Mul(this=paren(a), expression=paren(b))


INT64_DIGITS = 18  # DuckDB keeps a DECIMAL of up to 18 digits in 64 bits
BIGINT_TOP = 2**63  # every BIGINT is below this
BIGINT = exp.DataType.build("BIGINT")


def mul_wide(a: exp.Expr, a_type: tuple[int, int], b: exp.Expr, need: int) -> exp.Expr:
    """``a × b`` whose exact value needs ``need`` digits of precision. DuckDB types the product of
    two DECIMALs of at most 18 digits as at most ``DECIMAL(18, s)`` and fails on overflow (money
    near 10^15 times a rate): ``a`` (``DECIMAL(a_type)``) is then widened to 19 digits first, so
    that the product is computed in 128 bits. Other engines compute the same exact value."""
    p, s_ = a_type
    if need > INT64_DIGITS and p <= INT64_DIGITS:
        a = cast(a, decimal(INT64_DIGITS + 1, s_))
    return mul(a, b)


def _lit_digits(value: str) -> int:
    """Integer digits of a decimal literal (at least 1)."""
    return max(len(value.lstrip("-").split(".")[0].lstrip("0")), 1)


def to_fen(x: exp.Expr, digits: int, scale: int, nonneg: bool = False) -> exp.Expr:
    """Round down, towards zero, to the fen: an exact DECIMAL(digits + 2, 2) (``nonneg``: ``x``
    is never below 0, so towards zero is FLOOR)."""
    if scale <= 2:
        return cast(x, decimal(digits + 2, 2))
    cents = mul_wide(x, (digits + scale, scale), lit("100"), digits + 2 + scale)
    trunc: exp.Expr = exp.Floor(this=cents)
    if not nonneg:
        trunc = case((exp.GTE(this=x.copy(), expression=lit("0")), trunc), default=exp.Ceil(this=cents.copy()))
    return cast(mul(cast(trunc, decimal(digits + 2, 0)), lit("0.01")), decimal(digits + 2, 2))


def fen_int(x: exp.Expr, digits: int, nonneg: bool = False) -> exp.Expr:
    """``x``, a DECIMAL(digits + 2, 2), as a BIGINT number of fen (:func:`scaled_int`)."""
    return scaled_int(x, digits, 2, nonneg)


def scaled_int(x: exp.Expr, digits: int, scale: int, nonneg: bool) -> exp.Expr:
    """``x``, a DECIMAL(digits + scale, scale), times 10^scale as a BIGINT, exactly: one
    multiplication where it fits — DuckDB types ``x × 10^scale`` as a DECIMAL(18, scale), which
    holds it below 10^(18 − 2·scale) —, else, for the values beyond (in a CASE arm, which DuckDB
    computes only on the rows that take it), the whole part and the decimals apart, so that no
    value passes 18 digits (a 128-bit product costs 30 times a 64-bit one). The multiplication is
    one operation where the other form is seven (a FLOOR, casts): 1.0 against 5.9 ms per 280,000
    values, one thread. ``nonneg``: ``x`` is never below 0 (one bound to test)."""
    if scale == 0:
        return cast(x, BIGINT)
    unit = lit(str(10 ** scale))
    fast = cast(mul(x, unit), BIGINT)
    if digits + 2 * scale <= INT64_DIGITS:
        return fast
    whole = cast(exp.Floor(this=x.copy()), decimal(digits, 0))
    decimals = cast(sub(x, whole), decimal(scale + 1, scale))  # in [0, 1)
    apart = exp.Add(this=paren(exp.Mul(this=paren(cast(whole, BIGINT)), expression=unit.copy())),
                    expression=paren(cast(mul(decimals, unit), BIGINT)))
    bound = lit(str(10 ** (INT64_DIGITS - 2 * scale)))
    small: exp.Expr = exp.LT(this=paren(x), expression=bound)
    if not nonneg:
        small = and_(small, exp.GT(this=paren(x), expression=exp.Neg(this=bound.copy())))
    return case((small, fast), default=apart)


def once(v: Num, name: str, step: exp.Select) -> Num:
    """``v`` computed once per row as a column of ``step`` (``name``; ``name_lo`` and ``name_hi``
    when it is an interval), and read by column in later steps."""
    if v.exact:
        step.select(exp.alias_(v.lo, name, quoted=True), copy=False)
        return Num(col(name), col(name), v.top, v.scale, True, v.nonneg, True)
    step.select(exp.alias_(v.lo, f"{name}_lo", quoted=True), exp.alias_(v.hi, f"{name}_hi", quoted=True),
                copy=False)
    return Num(col(f"{name}_lo"), col(f"{name}_hi"), v.top, v.scale, False, v.nonneg, v.sure)


def fen_num(v: Num) -> Num:
    return Num(to_fen(v.lo, v.digits, v.scale, v.nonneg), to_fen(v.hi, v.digits, v.scale, v.nonneg), v.top, 2,
               v.exact, v.nonneg, v.sure)


def _int_tiers(arms: list[tuple[exp.Expr, tuple[exp.Expr, exp.Expr]]], other: tuple[exp.Expr, exp.Expr] | None,
               exact: bool) -> tuple[exp.Expr, exp.Expr]:
    """The ends of the first arm whose condition holds (BIGINT ends, :meth:`Policy.int_num`);
    none → ``other``, or 0. ``exact``: one CASE, for both ends."""
    zero = (cast(lit("0"), BIGINT), cast(lit("0"), BIGINT))
    other = other or zero
    lo = case(*[(c, x[0]) for c, x in arms], default=other[0])
    return (lo, lo.copy()) if exact else (lo, case(*[(c.copy(), x[1]) for c, x in arms], default=other[1]))


def fen_of(x: exp.Expr, scale: int) -> exp.Expr:
    """``x``, a BIGINT value × 10^scale never below 0, rounded down to whole fen (BIGINT)."""
    if scale > 2:
        return exp.IntDiv(this=paren(x), expression=cast(lit(str(10 ** (scale - 2))), BIGINT))
    if scale < 2:
        return exp.Mul(this=paren(x), expression=cast(lit(str(10 ** (2 - scale))), BIGINT))
    return x


def once_fen(ends: tuple[exp.Expr, exp.Expr], v: Num, scale: int, name: str, step: exp.Select) -> Num:
    """:func:`once` for a value computed in integers (``ends``: BIGINT × 10^scale, never below 0):
    its columns in ``step``, and a Num (``v``'s bounds) whose ends are its BIGINT fen."""
    if v.exact:
        step.select(exp.alias_(ends[0], name, quoted=True), copy=False)
        lo = fen_of(col(name), scale)
        return Num(lo, lo.copy(), v.top, 2, True, True, True, fen=True)
    step.select(exp.alias_(ends[0], f"{name}_lo", quoted=True), exp.alias_(ends[1], f"{name}_hi", quoted=True),
                copy=False)
    return Num(fen_of(col(f"{name}_lo"), scale), fen_of(col(f"{name}_hi"), scale), v.top, 2, False, True, v.sure,
               fen=True)


class Policy:
    """Translate one policy's lowered form into a sqlglot query."""

    def __init__(self, form: Json) -> None:
        self.form = form
        self.fields: list[Json] = [*form["facts"], *form["vocabulary"]]
        self.by_name = {f["name"]: f for f in self.fields}
        self.defs = {d["name"]: d for d in form["definitions"]}
        self.keyed_facts = {f["name"] for f in form["facts"] if f["kind"] in ("text", "enum")}
        # the text facts whose key a condition reads (under any reading), computed in step v
        self.key_facts: list[str] = form.get("key_facts") or key_facts(form)
        # those whose key a typed table holds for this policy (compared only with literals)
        self.table_keys = literal_keyed(form)
        # typed input (``typed_query``): field name → its bit in the ``bad_mask`` column
        self.bits: Mapping[str, int] | None = None
        # every money column of the result as a BIGINT number of fen, not a DECIMAL (``typed_query``
        # with ``fen``: what an aggregation in the engine sums, without a conversion per column)
        self.fen_out = False
        # 参数: read like numeric facts, typed in step v from the one-row table ``parameters``
        self.params: dict[str, Json] = {x["name"]: x for x in form.get("parameters", [])}
        # money facts an integer computation reads (int_of), each as a BIGINT of fen computed once
        # per row in step x (``<name>__fen``), while the items' amounts are built (``fen_facts``
        # not None: the query has that step)
        self.fen_facts: dict[str, Json] | None = None

    # -- fields --------------------------------------------------------------
    def raw(self, name: str) -> exp.Column:
        return col(name, "p")

    def bad(self, f: Json) -> exp.Expr:
        """When field ``f``'s text is not acceptable (NULL is absent, which is acceptable)."""
        r = self.raw(f["name"])
        kind = f["kind"]
        if kind == "bool":
            wrong: exp.Expr = exp.not_(exp.In(this=r.copy(), expressions=[s("true"), s("false")]))
        elif kind == "money":
            wrong = exp.not_(exp.RegexpLike(this=r.copy(), expression=s(MONEY_RE)))
        elif kind == "rate":  # a signed decimal of at most 8 decimals, within the declared range
            value = try_cast(this=r.copy(), to=decimal(MONEY_DIGITS + RATE_DECIMALS, RATE_DECIMALS))
            outside = or_(exp.LT(this=value.copy(), expression=lit(str(f["low"]))),
                          exp.GT(this=value.copy(), expression=lit(str(f["high"]))))
            wrong = or_(exp.not_(exp.RegexpLike(this=r.copy(), expression=s(RATE_RE))),
                        coalesce(paren(outside), FALSE))
        elif kind == "date":  # YYYY-MM-DD, a real date, years 1900..2199 (ISO text compares in date order)
            years = self.form.get("limits", {}).get("date_years", [1900, 2199])
            wrong = or_(exp.not_(exp.RegexpLike(this=r.copy(), expression=s(DATE_RE))),
                        is_null(try_cast(this=r.copy(), to=exp.DataType.build("DATE"))),
                        exp.LT(this=r.copy(), expression=s(f"{years[0]:04d}-01-01")),
                        exp.GT(this=r.copy(), expression=s(f"{years[1]:04d}-12-31")))
        elif kind == "int":
            digits = self.int_digits(f)
            value = try_cast(this=r.copy(), to=decimal(digits + 1, 0))
            int_re = s(f"^-?[0-9]{{1,{digits}}}$")
            checks: list[exp.Expr] = [exp.not_(exp.RegexpLike(this=r.copy(), expression=int_re))]
            if f["low"] is not None:
                checks.append(coalesce(exp.LT(this=value.copy(), expression=lit(str(f["low"]))), FALSE))
            checks.append(coalesce(exp.GT(this=value.copy(), expression=lit(str(self.int_high(f)))), FALSE))
            wrong = or_(*checks)
        elif kind == "enum":
            wrong = exp.not_(exp.In(this=r.copy(), expressions=[s(v) for v in f["values"]]))
        else:
            most = self.form.get("limits", {}).get("max_text_chars")
            if most is None:
                return FALSE.copy()
            wrong = exp.GT(this=exp.Length(this=r.copy()), expression=lit(str(most)))
        return and_(not_null(r), paren(wrong))

    def _param_raw(self, x: Json) -> tuple[exp.Expr, exp.Expr, exp.DataType]:
        """A 参数's supplied text, whether it is acceptable, and its type."""
        r = col(x["name"], "q")
        digits, scale = _PARAM_DIGITS[x["kind"]]
        pattern = {"money": MONEY_RE, "rate": PARAM_RATE_RE,
                   "int": f"^[0-9]{{1,{len(str(self.form['limits']['max_count']))}}}$"}[x["kind"]]
        t = decimal(digits + scale, scale)
        ok: exp.Expr = exp.RegexpLike(this=r.copy(), expression=s(pattern))
        if x["kind"] == "int":
            ok = and_(ok, coalesce(exp.LTE(this=try_cast(this=r.copy(), to=t),
                                           expression=lit(str(self.form["limits"]["max_count"]))), FALSE))
        return r, ok, t

    def param_value(self, x: Json) -> exp.Expr:
        """The 参数's value: the one supplied, else the one the text states (NULL: neither)."""
        r, ok, t = self._param_raw(x)
        stated = cast(lit(x["value"]), t) if x["value"] is not None else exp.cast(NULL, t)
        return case((and_(not_null(r.copy()), paren(ok)), try_cast(this=r.copy(), to=t)), default=stated)

    def param_bad(self, x: Json) -> exp.Expr:
        """Whether the 参数 is refused: a bad value supplied, or none where the text states none."""
        r, ok, _ = self._param_raw(x)
        bad = and_(not_null(r.copy()), exp.not_(paren(ok)))
        return or_(bad, is_null(r.copy())) if x["value"] is None else bad

    def int_high(self, f: Json) -> int:
        """The largest accepted value: the stated bound, else the profile limit on counts."""
        limit = int(self.form.get("limits", {}).get("max_count", 10**INT_DIGITS - 1))
        return int(f["high"]) if f["high"] is not None else limit

    def int_digits(self, f: Json) -> int:
        bounds = [abs(int(b)) for b in (f["low"], self.int_high(f)) if b is not None]
        return max(len(str(b)) for b in bounds)

    def field_key(self, f: Json) -> str:
        """What decides whether a text is a valid value of ``f`` (and its typed column's type)."""
        spec = {k: f[k] for k in ("name", "kind", "low", "values")}
        spec["high"] = self.int_high(f) if f["kind"] == "int" else f["high"]
        spec["max_text_chars"] = self.form.get("limits", {}).get("max_text_chars")
        return json.dumps(spec, ensure_ascii=False, sort_keys=True)

    def typed_column(self, f: Json, enums: bool = False) -> exp.Expr:
        """Field ``f``'s text as a typed value, NULL when absent or invalid (for the load step).
        ``enums``: a closed list of values (``enum``) as DuckDB's ENUM of those values, which a
        query compares with a value as an integer (a quarter of the time of comparing text:
        ``applicant_type`` is tested by every item and exclusion); the text of a value not in
        the list (an invalid field) is NULL, exactly where ``bad`` flags the field."""
        r = self.raw(f["name"])
        if f["kind"] == "bool":
            return exp.EQ(this=r.copy(), expression=s("true"))
        if f["kind"] in ("money", "rate", "int"):
            return try_cast(this=r.copy(), to=self.num_type(f))
        if f["kind"] == "enum" and enums and f["values"]:
            return try_cast(this=r.copy(), to=exp.DataType(this=exp.DataType.Type.ENUM,
                                                           expressions=[s(v) for v in f["values"]]))
        return exp.cast(r.copy(), "VARCHAR")

    def bit_set(self, bits: int) -> exp.Expr:
        mask = exp.BitwiseAnd(this=col("bad_mask", "p"), expression=lit(str(bits)))
        return exp.NEQ(this=paren(mask), expression=lit("0"))

    def valid(self) -> exp.Expr:
        """When the row has no invalid field (``error_field`` would be NULL)."""
        if self.bits is not None:
            every = 0
            for f in self.fields:
                every |= 1 << self.bits[f["name"]]
            required = [is_null(self.raw(f["name"])) for f in self.fields if f["required"]]
            return exp.not_(paren(or_(self.bit_set(every), *required)))
        return is_null(self.error_field())

    def error_field(self) -> exp.Expr:
        arms: list[tuple[exp.Expr, exp.Expr]] = []
        if self.bits is not None:  # typed input: validated once when it was loaded
            required = [is_null(self.raw(f["name"])) for f in self.fields if f["required"]]
            every = 0
            for f in self.fields:
                bit = 1 << self.bits[f["name"]]
                every |= bit
                cond = self.bit_set(bit)
                if f["required"]:
                    cond = or_(is_null(self.raw(f["name"])), paren(cond))
                arms.append((cond, s(f["name"])))
            fine = or_(self.bit_set(every), *required)
            return case((fine, case(*arms, default=exp.cast(NULL, "VARCHAR"))), default=exp.cast(NULL, "VARCHAR"))
        for f in self.fields:
            cond = self.bad(f)
            if f["required"]:
                cond = or_(is_null(self.raw(f["name"])), paren(cond))
            if cond != FALSE:
                arms.append((cond, s(f["name"])))
        return case(*arms, default=exp.cast(NULL, "VARCHAR")) if arms else exp.cast(NULL, "VARCHAR")

    def typed(self, f: Json) -> exp.Expr:
        """Field ``f``'s value, typed, with its absent value (computed once per row, step ``v``)."""
        kind, absent = f["kind"], f["absent"]
        value: exp.Expr = self.raw(f["name"])
        if self.bits is None and kind in ("bool", "money", "rate", "int"):
            value = self.typed_column(f)  # text input, parsed here as load_query parses it
        if kind == "bool":
            return coalesce(value, TRUE if absent is True else FALSE)
        if kind in ("money", "rate", "int"):
            return coalesce(value, cast(lit(absent or "0"), self.num_type(f)))
        return coalesce(value, s(str(absent))) if absent is not None else value

    def num_type(self, f: Json) -> exp.DataType:
        digits, scale = self.num_digits(f)
        return decimal(digits + scale, scale)

    def num_digits(self, f: Json) -> tuple[int, int]:
        if f["kind"] == "int":
            return self.int_digits(f), 0
        if f["kind"] == "rate":  # the declared range's integer digits, full precision
            return max(len(str(abs(int(Decimal(str(b)))))) for b in (f["low"], f["high"])), RATE_DECIMALS
        return MONEY_DIGITS, 2

    def fact(self, f: Json) -> Num | exp.Expr:
        """A fact's typed value, read from the typed column of step ``v``."""
        c = col(f["name"], "p")
        if f.get("param"):  # a 参数 (a rate may be negative)
            digits, scale = _PARAM_DIGITS[f["kind"]]
            return Num(c, c, Decimal(10) ** digits - Decimal(1).scaleb(-scale), scale, True, f["kind"] != "rate", True)
        if f["kind"] in ("money", "rate", "int"):
            digits, scale = self.num_digits(f)
            nonneg = never_negative(f)
            if f["kind"] == "int":
                top = Decimal(max(abs(int(b)) for b in (f["low"], self.int_high(f)) if b is not None))
            elif f["kind"] == "rate":  # validation: within the declared range
                top = max(abs(Decimal(str(b))) for b in (f["low"], f["high"]))
            else:  # validation: at most MONEY_DIGITS integer digits and two decimals
                top = Decimal(10) ** digits - Decimal("0.01")
            return Num(c, c, top, scale, True, nonneg, True)
        return c

    # -- expressions ---------------------------------------------------------
    def num(self, e: Json) -> Num:
        op = e["op"]
        if op == "num":
            value = e["value"]
            digits = len(value.lstrip("-").split(".")[0])
            t = decimal(digits + e["scale"], e["scale"])
            c = cast(lit(value), t)
            return Num(c, c, _abs(value), e["scale"], True, not value.startswith("-"), True)
        if op == "range":
            lo, hi = e["low"], e["high"]
            digits = max(len(x.lstrip("-").split(".")[0]) for x in (lo, hi))
            t = decimal(digits + e["scale"], e["scale"])
            return Num(cast(lit(lo), t), cast(lit(hi), t), max(_abs(lo), _abs(hi)), e["scale"], False,
                       not lo.startswith("-"), True)
        if op == "undet":
            n = exp.cast(NULL, "DECIMAL(1, 0)")
            return Num(n, n, Decimal(0), 0, False, True)
        if op == "fact":
            v = self.fact(e if e.get("param") else self.by_name[e["name"]])
            assert isinstance(v, Num)
            return v
        if op == "def":
            return self.num(self.defs[e["name"]]["expr"])
        if op == "upto":
            a = self.num(e["args"][0])
            zero = cast(lit("0"), a.type)
            return Num(zero if a.sure else case((is_null(a.hi), NULL), default=zero), a.hi, a.top, a.scale,
                       False, a.nonneg, a.sure)
        if op in ("add", "sub"):
            a, b = (self.num(x) for x in e["args"])
            top, scale = a.top + b.top, max(a.scale, b.scale)
            t = decimal(dig(top) + scale, scale)
            if op == "add":
                lo, hi = add(a.lo, b.lo), add(a.hi, b.hi)
            else:
                lo, hi = sub(a.lo, b.hi), sub(a.hi, b.lo)
            pos = op == "add" and a.nonneg and b.nonneg
            if a.exact and b.exact:
                v = cast(lo, t)
                return Num(v, v, top, scale, True, pos, True)
            return Num(cast(lo, t), cast(hi, t), top, scale, False, pos, a.sure and b.sure)
        if op == "mul":
            a, b = (self.num(x) for x in e["args"])
            top, scale = a.top * b.top, a.scale + b.scale
            t = decimal(dig(top) + scale, scale)
            need = dig(top) + scale
            a_type = (a.digits + a.scale, a.scale)
            if a.exact and b.exact:
                v = cast(mul_wide(a.lo, a_type, b.lo, need), t)
                return Num(v, v, top, scale, True, a.nonneg and b.nonneg, True)
            if a.nonneg and b.nonneg:  # the ends of two intervals in [0, ∞): lo × lo to hi × hi
                lo, hi = cast(mul_wide(a.lo, a_type, b.lo, need), t), cast(mul_wide(a.hi, a_type, b.hi, need), t)
            else:
                prods = [cast(mul_wide(x, a_type, y, need), t) for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
                lo = exp.Least(this=prods[0], expressions=prods[1:])
                hi = exp.Greatest(this=prods[0].copy(), expressions=[p.copy() for p in prods[1:]])
            sure = a.sure and b.sure
            if not sure:
                undet = or_(is_null(a.lo), is_null(b.lo))
                lo, hi = case((undet, NULL), default=lo), case((undet.copy(), NULL), default=hi)
            return Num(lo, hi, top, scale, False, a.nonneg and b.nonneg, sure)
        if op == "cap":
            b, lim = (self.num(x) for x in e["args"])
            return self.cap_of(b, lim)
        if op == "tiers":
            arms = [(self.cond(a["when"]), self.num(a["then"])) for a in e["arms"]]
            other = self.num(e["otherwise"]) if e["otherwise"] is not None else None
            return self.choose(arms, other)
        raise BackendError(f"SQL 后端：不支持的数值表达式 {op}")

    def cap_of(self, b: Num, lim: Num) -> Num:
        """``b`` capped at ``lim`` (不超过): the least of the two, NULL ends as in the runtime."""
        top, scale = max(b.top, lim.top), max(b.scale, lim.scale)
        pos = b.nonneg and lim.nonneg
        if pos and (b.exact or lim.exact):
            # 0 ≤ result ≤ each side that is never NULL (an exact one), also where the other
            # is undetermined (a NULL side does not bound it)
            top = min(x.top for x in (b, lim) if x.sure)
        t = decimal(dig(top) + scale, scale)
        if b.exact and lim.exact:
            v = cast(least(b.lo, lim.lo), t)
            return Num(v, v, top, scale, True, pos, True)
        lo = least_known(b.lo, lim.lo, True, lim.sure)  # b.lo is not NULL here
        if not b.sure:  # an undetermined base: 0, unless the limit is undetermined too
            zero = cast(lit("0"), t)
            lo = case((is_null(b.lo), zero if lim.sure else case((is_null(lim.lo), NULL), default=zero)),
                      default=lo)
        return Num(cast(lo, t), cast(least_known(b.hi, lim.hi, b.sure, lim.sure), t), top, scale, False, pos,
                   b.sure or lim.sure)

    def fen_expr(self, e: Json) -> Num:
        """A value whose rounding down to the fen is that of ``num(e)``, computed without 128-bit
        values where it can be: rounding down commutes with the least of two values (不超过) and
        with the choice of a tier, and rounding twice is rounding once, so a product that needs
        more than 18 digits (DuckDB: 128 bits) is rounded down in 64-bit integers, exactly,
        where its bound allows (``fen_product``), before the cap or the tier that reads it."""
        op = e["op"]
        if op == "def":
            return self.fen_expr(self.defs[e["name"]]["expr"])
        if op == "cap":
            b, lim = (self.fen_expr(x) for x in e["args"])
            return self.cap_of(b, lim)
        if op == "tiers":
            arms = [(self.cond(a["when"]), self.fen_expr(a["then"])) for a in e["arms"]]
            other = self.fen_expr(e["otherwise"]) if e["otherwise"] is not None else None
            return self.choose(arms, other)
        if op == "upto":  # 0 up to the value: its rounding is 0 up to the value's
            a = self.fen_expr(e["args"][0])
            zero = cast(lit("0"), a.type)
            return Num(zero if a.sure else case((is_null(a.hi), NULL), default=zero), a.hi, a.top, a.scale,
                       False, a.nonneg, a.sure)
        if op == "mul":
            made = self.fen_product(e)
            if made is not None:
                return made
        return self.num(e)

    def fen_product(self, e: Json) -> Num | None:
        """A product of two exact values that are never negative, rounded down to the fen in
        BIGINT: each factor as an integer of its own scale (``int_of``), their product, an
        integer division by a power of ten (towards zero: down, as both are ≥ 0); None when the
        product fits 18 digits anyway, or a factor or the product does not fit 63 bits."""
        a, b = (self.num(x) for x in e["args"])
        scale, top = a.scale + b.scale, a.top * b.top
        if scale <= 2 or dig(top) + scale <= INT64_DIGITS or not (a.exact and b.exact and a.nonneg and b.nonneg):
            return None
        if top * 10**scale >= BIGINT_TOP:
            return None
        ia, ib = self.int_of(e["args"][0], a.scale), self.int_of(e["args"][1], b.scale)
        if ia is None or ib is None:
            return None
        fen = exp.IntDiv(this=paren(exp.Mul(this=paren(ia), expression=paren(ib))),
                         expression=cast(lit(str(10 ** (scale - 2))), BIGINT))
        digits = dig(top)
        v = cast(mul(cast(fen, decimal(digits + 2, 0)), lit("0.01")), decimal(digits + 2, 2))
        return Num(v, v, top, 2, True, True, True)

    def int_of(self, e: Json, scale: int) -> exp.Expr | None:
        """``num(e)`` × 10^scale as a BIGINT, exactly: sums and differences of numeric facts and
        literals of at most ``scale`` decimals whose every step fits 63 bits; None otherwise."""
        op = e["op"]
        if op == "def":
            return self.int_of(self.defs[e["name"]]["expr"], scale)
        if op not in ("num", "fact", "add", "sub"):
            return None
        v = self.num(e)
        if v.scale > scale or v.top * 10**scale >= BIGINT_TOP:
            return None
        if op == "num":
            return cast(lit(str(int(Decimal(e["value"]) * 10**scale))), BIGINT)
        if op in ("add", "sub"):
            x, y = (self.int_of(a, scale) for a in e["args"])
            if x is None or y is None:
                return None
            return (exp.Add if op == "add" else exp.Sub)(this=paren(x), expression=paren(y))
        f = self.by_name.get(e["name"]) if not e.get("param") else None
        if f is not None and f["kind"] == "money" and v.scale == 2 and self.fen_facts is not None:
            self.fen_facts[f["name"]] = f  # its fen, once per row (step x)
            out: exp.Expr = col(f"{f['name']}__fen", "p")
        else:
            out = scaled_int(v.lo, v.digits, v.scale, v.nonneg)  # a numeric fact: DECIMAL(digits + s, s)
        if scale > v.scale:
            out = exp.Mul(this=paren(out), expression=cast(lit(str(10 ** (scale - v.scale))), BIGINT))
        return out

    def int_num(self, e: Json, scale: int) -> tuple[exp.Expr, exp.Expr] | None:
        """``num(e)`` × 10^scale as BIGINT, its two ends (lo, hi: one expression twice when the
        value is exact), computed in 64-bit integers throughout: literals, numeric facts (as
        :meth:`int_of` reads them), sums, differences, products, the least of two (不超过),
        tiers and 0-up-to (至多) of values that are never NULL (未定 is) and whose every step
        fits 63 bits at its scale. Integer operations on exact integers are exact: the value is
        ``num(e)``'s, scaled. None where one step is not so (then the DECIMAL form is used)."""
        v = self.num(e)
        if not v.sure or v.scale > scale or v.top * 10**scale >= BIGINT_TOP:
            return None
        op = e["op"]
        if op == "def":
            return self.int_num(self.defs[e["name"]]["expr"], scale)
        if op in ("num", "fact"):
            x = self.int_of(e, scale)
            return None if x is None else (x, x.copy())
        if op == "range":
            lo, hi = (cast(lit(str(int(Decimal(e[k]) * 10**scale))), BIGINT) for k in ("low", "high"))
            return lo, hi
        if op in ("add", "sub"):
            a, b = (self.int_num(x, scale) for x in e["args"])
            if a is None or b is None:
                return None
            if op == "add":
                return (exp.Add(this=paren(a[0]), expression=paren(b[0])),
                        exp.Add(this=paren(a[1]), expression=paren(b[1])))
            return (exp.Sub(this=paren(a[0]), expression=paren(b[1])),
                    exp.Sub(this=paren(a[1]), expression=paren(b[0])))
        if op == "mul":  # each factor at its own scale, the product at their sum, then ``scale``
            na, nb = (self.num(x) for x in e["args"])
            if na.scale + nb.scale > scale:
                return None
            a, b = self.int_num(e["args"][0], na.scale), self.int_num(e["args"][1], nb.scale)
            if a is None or b is None:
                return None
            if na.exact and nb.exact:
                ends = [exp.Mul(this=paren(a[0]), expression=paren(b[0]))]
            elif na.nonneg and nb.nonneg:  # the ends of two intervals in [0, ∞)
                ends = [exp.Mul(this=paren(a[0]), expression=paren(b[0])),
                        exp.Mul(this=paren(a[1]), expression=paren(b[1]))]
            else:
                return None
            up = scale - na.scale - nb.scale
            if up:
                ends = [exp.Mul(this=paren(x), expression=cast(lit(str(10 ** up)), BIGINT)) for x in ends]
            return (ends[0], ends[0].copy()) if len(ends) == 1 else (ends[0], ends[1])
        if op == "cap":
            a, b = (self.int_num(x, scale) for x in e["args"])
            if a is None or b is None:
                return None
            lo = least(a[0], b[0], True)
            return (lo, lo.copy()) if v.exact else (lo, least(a[1], b[1], True))
        if op == "tiers":
            arms = []
            for arm in e["arms"]:
                then = self.int_num(arm["then"], scale)
                if then is None:
                    return None
                arms.append((self.cond(arm["when"]), then))
            other = self.int_num(e["otherwise"], scale) if e["otherwise"] is not None else None
            if e["otherwise"] is not None and other is None:
                return None
            return _int_tiers(arms, other, v.exact)
        if op == "upto":
            a = self.int_num(e["args"][0], scale)
            return None if a is None else (cast(lit("0"), BIGINT), a[1])
        return None

    def int_amount(self, arms: list[tuple[exp.Expr, Json]], tiers: bool,
                   scale: int) -> tuple[exp.Expr, exp.Expr] | None:
        """An item's amount (its arms: condition, expression; ``tiers``: the first arm whose
        condition holds, none → 0) as :meth:`int_num` gives it, or None."""
        ends = []
        for c, e in arms if tiers else arms[:1]:
            x = self.int_num(e, scale)
            if x is None:
                return None
            ends.append((c.copy(), x))
        return _int_tiers(ends, None, False) if tiers else ends[0][1]

    def may_be_unbounded(self, e: Any) -> bool:
        """Whether a lowered expression may have no upper bound (it reads an undetermined value)."""
        if isinstance(e, dict):
            if e.get("op") == "undet":
                return True
            if e.get("op") == "def" and e.get("name") in self.defs:
                return self.may_be_unbounded(self.defs[e["name"]]["expr"])
            return any(self.may_be_unbounded(v) for v in e.values())
        if isinstance(e, list):
            return any(self.may_be_unbounded(v) for v in e)
        return False

    def choose(self, arms: list[tuple[exp.Expr, Num]], other: Num | None) -> Num:
        """The first arm whose condition holds; none → ``other`` or exact 0."""
        values = [v for _, v in arms] + ([other] if other is not None else [])
        top = max((v.top for v in values), default=Decimal(0))
        scale = max((v.scale for v in values), default=0)
        t = decimal(dig(top) + scale, scale)
        fallback = other or Num(lit("0"), lit("0"), Decimal(0), 0, True, True, True)
        lo = case(*[(c, cast(v.lo, t)) for c, v in arms], default=cast(fallback.lo, t))
        hi = case(*[(c, cast(v.hi, t)) for c, v in arms], default=cast(fallback.hi, t))
        exact = all(v.exact for v in values) and fallback.exact
        pos = all(v.nonneg for v in values) and fallback.nonneg
        return Num(lo, lo if exact else hi, top, scale, exact, pos, all(v.sure for v in (*values, fallback)))

    def value(self, e: Json) -> exp.Expr:
        """A text or boolean value (NULL: absent text)."""
        op = e["op"]
        if op == "str":
            return s(e["value"])
        if op == "bool":
            return TRUE.copy() if e["value"] else FALSE.copy()
        if op == "fact":
            v = self.fact(self.by_name[e["name"]])
            assert not isinstance(v, Num)
            return v
        if op == "def":
            d = self.defs[e["name"]]["expr"]
            return self.cond(d) if d["type"] == "bool" else self.value(d)
        return self.cond(e)

    def cond(self, e: Json) -> exp.Expr:
        """A condition, always TRUE or FALSE (never NULL): it holds only when it is true."""
        op = e["op"]
        if op == "and":
            return paren(and_(*[self.cond(a) for a in e["args"]]))
        if op == "or":
            return paren(or_(*[self.cond(a) for a in e["args"]]))
        if op == "not":
            return exp.not_(paren(self.cond(e["args"][0])))
        if op == "cmp":
            a, b = e["args"]
            ops = {"==": exp.EQ, "!=": exp.NEQ, ">=": exp.GTE, "<=": exp.LTE, ">": exp.GT, "<": exp.LT}
            if a["type"] == "num" and b["type"] == "num":
                x, y = self.num(a).lo, self.num(b).lo
            elif a["type"] == "num" or b["type"] == "num":  # a number against text: only != holds
                return TRUE.copy() if e["cmp"] == "!=" else FALSE.copy()
            elif e.get("keyed"):
                x, y = self.key_of(a), self.key_of(b)
            else:
                x, y = self.value(a), self.value(b)
            compared: exp.Expr = ops[e["cmp"]](this=paren(x), expression=paren(y))
            return coalesce(compared, FALSE)
        if op == "in":
            x = self.key(self.value(e["args"][0]))
            keys: list[str] = e["keys"]
            return coalesce(exp.In(this=paren(x), expressions=[s(v) for v in keys]), FALSE)
        if op in ("bool", "fact", "def"):
            return coalesce(self.value(e), FALSE)
        raise BackendError(f"SQL 后端：不支持的条件 {op}")

    def key_of(self, e: Json) -> exp.Expr:
        """A text's key: a literal's is in the form, anything else's is worked out here."""
        if e["op"] == "str":
            return s(str(e["key"]))
        return self.key(self.value(e))

    def key(self, x: exp.Expr) -> exp.Expr:
        """A text's key; a text fact's is computed once per row (column ``<fact>__key``)."""
        if isinstance(x, exp.Column) and x.table == "p" and x.name in self.key_facts:
            return col(f"{x.name}__key", "p")
        return self.key_expr(x)

    def fact_key(self, fl: Json) -> exp.Expr:
        """Text fact ``fl``'s key. Over the typed table, whose ``<fact>__plain`` says that the
        text has no character any key changes (:func:`load_query`, once for every policy), the
        text itself where it is plain: the per-policy key only for the others."""
        value = self.typed(fl)
        if self.bits is None:
            return self.key_expr(value)
        if fl["kind"] == "text" and fl["absent"] is None and fl["name"] in self.table_keys:
            return self.raw(f"{fl['name']}__key")  # the typed table's (:func:`load_query`)
        plain: exp.Expr = col(f"{fl['name']}__plain", "p")
        absent = fl["absent"]
        if absent is not None and any(ch in fold_chars() for ch in str(absent)):
            plain = and_(plain, not_null(self.raw(fl["name"])))  # an absent text: its own key
        return case((plain, value), default=self.key_expr(value))

    def key_expr(self, x: exp.Expr) -> exp.Expr:
        """``runtime.text_key`` in SQL through the policy's ``text_fold`` table (:func:`key_expr`)."""
        return key_expr(x, self.form.get("text_fold", {}))

    # -- the query -----------------------------------------------------------
    def in_force(self, as_of: dt.date | None) -> exp.Expr:
        v = self.form["validity"]
        start = v["retro_from"] or v["from"]
        if as_of is not None:
            ok = (start is None or as_of >= dt.date.fromisoformat(start)) and (
                v["until"] is None or as_of <= dt.date.fromisoformat(v["until"]))
            return TRUE.copy() if ok else FALSE.copy()
        today = exp.CurrentDate()
        checks: list[exp.Expr] = []
        if start is not None:
            checks.append(exp.GTE(this=today.copy(), expression=exp.cast(s(start), "DATE")))
        if v["until"] is not None:
            checks.append(exp.LTE(this=today.copy(), expression=exp.cast(s(v["until"]), "DATE")))
        return and_(*checks)

    def _text_keys(self, validated: exp.Select, declared: list[Json]) -> None:
        """The text keys the conditions read, computed once per row in step v."""
        for fl in declared:
            if fl["name"] in self.key_facts:
                validated.select(exp.alias_(self.fact_key(fl), f"{fl['name']}__key", quoted=True), copy=False)

    def query(self, as_of: dt.date | None = None, table: str = "profiles", valid_only: bool = False,
              through_x: bool = False) -> exp.Select:
        """The per-row query; ``valid_only``: only the rows without an invalid field (the others
        left out, ``error_field`` NULL in every row), the same values in every other column;
        ``through_x``: only its first steps (v, vc, x), every column of x selected."""
        f = self.form
        items = f["items"]
        steps: list[tuple[str, exp.Select]] = []

        # 1. validation and validity (read from the profile table); every fact typed once
        declared = [fl for fl in self.fields if fl["declared"]]
        checked = bool(self.params or f.get("constraints"))
        validated = exp.select(
            col("row_id", "p"),
            exp.alias_(exp.cast(NULL, "VARCHAR") if valid_only else self.error_field(),
                      "profile_error" if checked else "error_field", quoted=True),
            exp.alias_(self.in_force(as_of), "in_force", quoted=True),
            *[exp.alias_(self.typed(fl), fl["name"], quoted=True) for fl in declared],
        ).from_(exp.alias_(exp.to_table(table), "p"))
        if valid_only:
            validated = validated.where(self.valid(), copy=False)
        if self.params:  # 参数: from the one-row table ``parameters`` (text, NULL when not supplied)
            validated = validated.join(exp.alias_(exp.to_table("parameters"), "q"), join_type="cross")
            validated.select(*[exp.alias_(self.param_value(x), x["name"], quoted=True)
                               for x in self.params.values()],
                             *[exp.alias_(self.param_bad(x), f"{x['name']}__bad", quoted=True)
                               for x in self.params.values()], copy=False)
        steps.append(("v", validated))
        if checked:  # a bad or missing 参数, then a broken 约束, after the profile's own errors
            errs: list[tuple[exp.Expr, exp.Expr]] = [(col(f"{x['name']}__bad", "p"), s(x["name"]))
                                                     for x in self.params.values()]
            errs += [(exp.not_(paren(self.cond(c["cond"]))), s(c["field"])) for c in f.get("constraints", [])]
            err = coalesce(col("profile_error", "p"), case(*errs, default=exp.cast(NULL, "VARCHAR")))
            checks = exp.select(exp.Star(), exp.alias_(err, "error_field", quoted=True)).from_(
                exp.alias_(exp.to_table("v"), "p"))
            if valid_only:  # a bad or missing 参数 or a broken 约束 makes the row invalid too
                checks = checks.where(is_null(err.copy()), copy=False)
            steps.append(("vc", checks))
        # requirements and exclusions
        excluded = or_(*[exp.not_(paren(self.cond(r["cond"]))) for r in f["requirements"]],
                       *[paren(self.cond(x["cond"])) for x in f["exclusions"]])
        x_step = exp.select(exp.Star(), exp.alias_(paren(excluded), "excluded", quoted=True)).from_(
            exp.alias_(exp.to_table("vc" if checked else "v"), "p"))
        steps.append(("x", x_step))
        if through_x:
            self._text_keys(validated, declared)
            first = exp.select(exp.Star()).from_("x")
            for name, q in steps:
                first = first.with_(name, as_=q, copy=False)
            return first
        # 2. each item: applies and its amount, then (step i) the amount rounded down to the fen
        # and clamped at 0; every amount and cap limit is computed once (step r) and read by
        # column afterwards, never copied into the expressions that round, clamp or cap it
        raw = exp.select(exp.Star()).from_(exp.alias_(exp.to_table("x"), "p"))
        self.fen_facts = {}
        values: list[tuple[exp.Expr, Num, list[tuple[exp.Expr, Json]]]] = []  # applies, amount, its arms
        for it in items:
            applies = and_(col("in_force", "p"), exp.not_(col("excluded", "p")))
            if it["beneficiary"] is not None:
                who = self.value({"op": "fact", "name": "applicant_type"})
                applies = and_(applies, coalesce(exp.EQ(this=who, expression=s(it["beneficiary"])), FALSE))
            if it["cond"] is not None:
                applies = and_(applies, self.cond(it["cond"]))
            amt = it["amount"]
            conds = [self.cond(a["when"]) if a["when"] is not None else TRUE.copy() for a in amt["arms"]]
            arms = [(c, self.fen_expr(a["expr"])) for c, a in zip(conds, amt["arms"], strict=True)]
            v = self.choose(arms, None) if amt["tiers"] else arms[0][1]
            values.append((applies, v, [(c.copy(), a["expr"]) for c, a in zip(conds, amt["arms"], strict=True)]))
        limits = {k: self.fen_expr(cap["limit"]) for k, cap in enumerate(f["caps"], 1)
                  if any(_in_scope(cap["scope"], it) for it in items)}
        # each payment stage computed from another base (至多 30% × 首付款 封顶 10万元), once
        stage_nums = {(k, j): self.num(st["amount"]) for k, sched in enumerate(f["payments"], 1)
                      for j, st in enumerate(sched["stages"], 1) if st["kind"] == "amount"}
        # every amount after the clamp and the caps is in [0, top]: a cap never raises a member's
        # upper bound, and leaves one without a bound (only an undetermined amount has none) at
        # most its limit; the sum of every item's top bounds every sum (totals, funding, stages):
        # their type, DECIMAL(18, 2) or narrower (int64) unless the sum may reach 10^16 yuan
        open_caps = [limits[k] for k, cap in enumerate(f["caps"], 1)
                     if any(_in_scope(cap["scope"], it) and self.may_be_unbounded(it["amount"]) for it in items)]
        open_top = max([lim.top for lim in open_caps], default=Decimal(0))
        money_top = sum((max(v.top, open_top) if self.may_be_unbounded(it["amount"]) else v.top
                         for it, (_, v, _) in zip(items, values, strict=True)), Decimal(0))
        money_digits = dig(money_top)
        money = decimal(money_digits + 2, 2)
        # after the items' rounding every amount is a whole number of fen: computed from here on
        # as BIGINT fen (a sum of 64-bit integers stays 64-bit, where DuckDB widens a sum of two
        # DECIMAL(18, 2) to 128 bits), converted back to DECIMAL in the result row; kept DECIMAL
        # where a sum or a cap limit could pass 2^63 fen
        # (only where a sum of the policy's amounts may reach 19 digits: DuckDB adds narrower
        # DECIMALs in 64 bits, and the conversions would cost more than they save)
        # (and always where the result is BIGINT fen, ``fen_out``: no conversion at either end)
        fen = (self.fen_out or money_digits + 2 + len(items) + 1 > INT64_DIGITS) and money_top * 100 < BIGINT_TOP \
            and all(lim.top * 100 < BIGINT_TOP for lim in limits.values()) \
            and all(a.top * 100 < BIGINT_TOP for a in stage_nums.values())
        mt = BIGINT if fen else money  # the type of an amount in the steps after i
        # step r: each item's amount and each cap's limit once. With BIGINT fen after step i, an
        # amount that int_num can compute (never below 0) is computed in 64-bit integers at its
        # own scale and divided down to the fen (integer division of a value ≥ 0 rounds down:
        # runtime's rounding), never through DECIMAL: the same value in a fifth of the operations
        amounts: list[Num] = []
        for it, (applies, v, exprs) in zip(items, values, strict=True):
            raw.select(exp.alias_(applies, f"{it['id']}__applies", quoted=True), copy=False)
            scale = max(self.num(e).scale for _, e in exprs)
            ints = self.int_amount(exprs, it["amount"]["tiers"], scale) if fen and v.nonneg else None
            if ints is None:
                amounts.append(fen_num(once(v, f"{it['id']}__raw", raw)))
            else:
                amounts.append(once_fen(ints, v, scale, f"{it['id']}__raw", raw))
        lims: dict[int, Num] = {}
        for k, lim in limits.items():
            scale = self.num(f["caps"][k - 1]["limit"]).scale
            ints = self.int_num(f["caps"][k - 1]["limit"], scale) if fen and lim.nonneg else None
            lims[k] = (fen_num(once(lim, f"cap{k}__raw", raw)) if ints is None else
                       once_fen(ints, lim, scale, f"cap{k}__raw", raw))
        stage_amounts = {key: fen_num(once(v, f"pay{key[0]}s{key[1]}__raw", raw)) for key, v in stage_nums.items()}
        steps.append(("r", raw))
        for name, fl in self.fen_facts.items():  # read by the integer computations of step r
            if self.bits is not None:  # typed input: the table has it (load_query), NULL when absent
                absent = int(Decimal(fl["absent"] or "0") * 100)
                validated.select(exp.alias_(coalesce(self.raw(f"{name}__fen"), cast(lit(str(absent)), BIGINT)),
                                            f"{name}__fen", quoted=True), copy=False)
                continue
            fv = self.fact(fl)
            assert isinstance(fv, Num)
            x_step.select(exp.alias_(scaled_int(fv.lo, fv.digits, 2, fv.nonneg), f"{name}__fen", quoted=True),
                          copy=False)
        self.fen_facts = None

        def m_in(x: exp.Expr, digits: int, nonneg: bool, v: Num | None = None) -> exp.Expr:
            """An amount of fen, DECIMAL(digits + 2, 2) (``nonneg``: never below 0), as the steps
            after i compute with it (``v``: the amount whose end ``x`` is; as it is when its ends
            are BIGINT fen already)."""
            if v is not None and v.fen:
                return x
            return fen_int(x, digits, nonneg) if fen else cast(x, money)

        def m_out(x: exp.Expr) -> exp.Expr:
            """An amount of the steps after i as the result's DECIMAL (``fen_out``: BIGINT fen, or
            a DECIMAL of whole fen where an amount may pass 2^63 fen: 10^20 yuan of a product)."""
            if self.fen_out:
                if fen:
                    return x
                if money_top * 100 < BIGINT_TOP:
                    return fen_int(cast(x, money), money_digits)
                return cast(mul(cast(x, money), lit("100")), decimal(money_digits + 2, 0))
            if not fen:
                return cast(x, money)
            return cast(mul(cast(x, decimal(money_digits + 2, 0)), lit("0.01")), money)

        def m_share(x: exp.Expr, frac: str) -> exp.Expr:
            """A share of an amount (never below 0), rounded down to the fen."""
            num, den = int(Decimal(frac).scaleb(_scale(frac))), 10 ** _scale(frac)
            if not fen or money_top * 100 * max(num, 1) >= BIGINT_TOP:
                return (to_fen(share_of(x, frac), money_digits, 2 + _scale(frac), True) if not fen else
                        cast(exp.Floor(this=mul_wide(cast(x, decimal(money_digits + 2, 0)), (money_digits + 2, 0),
                                                     lit(frac), money_digits + 2 + _lit_digits(frac) + _scale(frac))),
                             BIGINT))
            # x ≥ 0 fen: x × num fits 63 bits, and integer division rounds it down
            return exp.IntDiv(this=paren(exp.Mul(this=paren(x), expression=cast(lit(str(num)), BIGINT))),
                              expression=cast(lit(str(den)), BIGINT))
        item_step = exp.select(exp.Star()).from_("r")
        for it, v in zip(items, amounts, strict=True):
            t = decimal(v.digits + 2, 2)
            zero = cast(lit("0"), t)
            # either end below 0 is paid as 0 (不超过 a negative difference gives 0 .. -x); an
            # amount that cannot be negative needs no clamp
            lo, hi = v.lo, v.hi
            if not v.nonneg:
                neg = or_(exp.LT(this=v.lo.copy(), expression=lit("0")),
                          exp.LT(this=v.hi.copy(), expression=lit("0")))
                lo = case((neg, greatest(v.lo, zero, v.sure)), default=v.lo)
                hi = case((neg.copy(), greatest(v.hi, zero, v.sure)), default=v.hi)
            item_step = item_step.select(
                exp.alias_(m_in(lo, v.digits, True, v), f"{it['id']}__lo", quoted=True),  # clamped: ≥ 0
                exp.alias_(m_in(hi, v.digits, True, v), f"{it['id']}__hi", quoted=True), copy=False)
        steps.append(("i", item_step))
        # after-cap amounts: undetermined items enter the caps as [0, ∞] (hi NULL)
        after: dict[str, tuple[str, str]] = {}
        a0 = exp.select(exp.Star()).from_("i")
        for it, v in zip(items, amounts, strict=True):
            i = it["id"]
            a0 = a0.select(
                exp.alias_(col(f"{i}__lo") if v.sure else
                           case((is_null(col(f"{i}__lo")), cast(lit("0"), mt)), default=col(f"{i}__lo")),
                           f"{i}__a0_lo", quoted=True),
                exp.alias_(col(f"{i}__hi"), f"{i}__a0_hi", quoted=True), copy=False)
            after[i] = (f"{i}__a0_lo", f"{i}__a0_hi")
        steps.append(("a0", a0))
        prev = "a0"
        # 3. cross-item caps, in order. Minimums first: each member, in order, keeps what it can
        # of its lower bound from room = max(limit.lo, 0); then the headroom,
        # spare = max(limit.hi - sum of the kept lows, 0), goes to the members in order.
        zero = lit("0")
        for k, cap in enumerate(f["caps"], 1):
            members = [it["id"] for it in items if _in_scope(cap["scope"], it)]
            if not members:
                continue
            lim = lims[k]
            name = f"c{k}l"

            def lim_in(x: exp.Expr, lim: Num = lim) -> exp.Expr:
                """A limit's end as the steps after i compute with it: in DECIMAL, at most money_top
                (the money type's bound) — a limit above every amount it caps never binds, and
                where a member may be unbounded money_top is at least the limit's bound."""
                if not fen and not lim.fen and lim.top > money_top:  # (every sum of fen is at most its fen)
                    most = money_top.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)
                    x = least(x, cast(lit(str(most)), decimal(dig(most) + 2, 2)))
                return m_in(x, lim.digits, lim.nonneg, lim)
            limit = exp.select(exp.Star()).from_(exp.alias_(exp.to_table(prev), "p")).select(
                exp.alias_(lim_in(lim.lo), f"cap{k}__lim_lo", quoted=True), copy=False)
            if not lim.exact:
                limit.select(exp.alias_(lim_in(lim.hi), f"cap{k}__lim_hi", quoted=True), copy=False)
            steps.append((name, limit))
            lim_lo = col(f"cap{k}__lim_lo")
            room0 = lim_lo if lim.nonneg else greatest(lim_lo, cast(zero, mt), lim.sure)
            rooms = exp.select(exp.Star()).from_(exp.to_table(name)).select(
                exp.alias_(room0, f"cap{k}__room0", quoted=True), copy=False)
            if lim.exact:
                rooms.select(exp.alias_(lim_lo.copy(), f"cap{k}__lim_hi", quoted=True), copy=False)
            steps.append((f"c{k}m", rooms))
            prev = f"c{k}m"
            limited = TRUE.copy() if lim.sure else not_null(col(f"cap{k}__lim_lo"))  # a limit applies
            ons = {m: col(f"{m}__applies") if lim.sure else and_(col(f"{m}__applies"), limited) for m in members}
            lows: dict[str, str] = {}
            for j, m in enumerate(members):
                room = col(f"cap{k}__room{j}")
                cur_lo = col(after[m][0])
                lo_col = f"{m}__c{k}_lo"
                name = f"c{k}a{j}"
                steps.append((name, exp.select(exp.Star()).from_(exp.to_table(prev)).select(
                    exp.alias_(cast(case((ons[m], least(cur_lo, room, True)), default=cur_lo), mt), lo_col,
                               quoted=True),
                    exp.alias_(case((ons[m].copy(), greatest(sub(room, cur_lo), zero, True)), default=room),
                               f"cap{k}__room{j + 1}", quoted=True), copy=False)))
                prev = name
                lows[m] = lo_col
            kept: exp.Expr = cast(zero, mt)
            for m in members:
                kept = add(kept, case((ons[m].copy(), col(lows[m])), default=cast(zero, mt)))
            name = f"c{k}s"
            steps.append((name, exp.select(exp.Star()).from_(exp.to_table(prev)).select(
                exp.alias_(greatest(sub(col(f"cap{k}__lim_hi"), kept), zero, True) if lim.sure else
                           case((limited.copy(), greatest(sub(col(f"cap{k}__lim_hi"), kept), zero)), default=NULL),
                           f"cap{k}__spare0", quoted=True), copy=False)))
            prev = name
            for j, m in enumerate(members):
                spare = col(f"cap{k}__spare{j}")
                lo, cur_hi = col(lows[m]), col(after[m][1])
                room_hi = sub(cur_hi, lo)  # what the member could still take (NULL: unbounded)
                gain = case((is_null(cur_hi), spare), default=least(room_hi, spare, lim.sure))
                hi_col = f"{m}__c{k}_hi"
                name = f"c{k}b{j}"
                steps.append((name, exp.select(exp.Star()).from_(exp.to_table(prev)).select(
                    exp.alias_(cast(case((ons[m].copy(), add(lo, gain)), default=cur_hi), mt), hi_col,
                               quoted=True),
                    exp.alias_(case((ons[m].copy(), case((is_null(cur_hi.copy()), cast(zero, mt)),
                                                         default=greatest(sub(spare, room_hi), zero, lim.sure))),
                                    default=spare), f"cap{k}__spare{j + 1}", quoted=True), copy=False)))
                prev = name
                after[m] = (lows[m], hi_col)
        # each payment schedule's base (its applying, determined members after the caps), once
        zero_m = cast(lit("0"), mt)

        def share_of(amount: exp.Expr, frac: str) -> exp.Expr:
            """A sum of money (never below 0) times a share: exact, widened where DuckDB needs it."""
            return mul_wide(amount, (money_digits + 2, 2), lit(frac),
                            money_digits + _lit_digits(frac) + 2 + _scale(frac))
        if f["payments"]:
            base = exp.select(exp.Star()).from_(exp.to_table(prev))
            for n, sched in enumerate(f["payments"], 1):
                members = [it["id"] for it in items if _in_scope(sched["scope"], it)]
                det = [and_(col(f"{m}__applies"), not_null(col(f"{m}__lo"))) for m in members]
                sum_lo = zero_m
                sum_hi = zero_m
                for m, d in zip(members, det, strict=True):
                    sum_lo = add(sum_lo, case((d, col(after[m][0])), default=zero_m))
                    sum_hi = add(sum_hi, case((d.copy(), col(after[m][1])), default=zero_m))
                base.select(exp.alias_(or_(*det), f"pay{n}__any", quoted=True),
                            exp.alias_(sum_lo, f"pay{n}__base_lo", quoted=True),
                            exp.alias_(sum_hi, f"pay{n}__base_hi", quoted=True), copy=False)
            steps.append(("pay", base))
            prev = "pay"
        self._text_keys(validated, declared)
        # 4. the result row
        out = exp.select(col("row_id"), col("error_field"))
        ok = is_null(col("error_field"))

        def keep(e: exp.Expr, name: str) -> exp.Expr:
            if valid_only:  # every row is valid
                return exp.alias_(e, name, quoted=True)
            ifs = e.args.get("ifs") or []
            if isinstance(e, exp.Case) and len(ifs) == 1 and isinstance(e.args.get("default"), exp.Null):
                # one CASE instead of two nested: valid and the arm's condition
                e = case((and_(ok, ifs[0].this), ifs[0].args["true"]), default=NULL)
                return exp.alias_(e, name, quoted=True)
            aliased: exp.Expr = exp.alias_(case((ok.copy(), e), default=NULL), name, quoted=True)
            return aliased

        out = out.select(keep(col("in_force"), "in_force"), keep(col("excluded"), "excluded"), copy=False)
        total_lo: exp.Expr = zero_m
        total_hi: exp.Expr = zero_m
        funding: dict[str, exp.Expr] = {src: zero_m for src in SOURCES}
        for it in items:
            i = it["id"]
            app = col(f"{i}__applies")
            lo, hi = col(after[i][0]), col(after[i][1])
            paid_lo = case((app, m_out(lo)), default=NULL)
            paid_hi = case((app.copy(), m_out(hi)), default=NULL)
            out = out.select(keep(app, f"{i}__applies"),
                             keep(case((app.copy(), m_out(col(f"{i}__lo"))), default=NULL), f"{i}__min"),
                             keep(case((app.copy(), m_out(col(f"{i}__hi"))), default=NULL), f"{i}__max"),
                             keep(paid_lo, f"{i}__paid_min"), keep(paid_hi, f"{i}__paid_max"), copy=False)
            total_lo = add(total_lo, case((app.copy(), lo), default=zero_m))
            total_hi = add(total_hi, case((app.copy(), hi), default=zero_m))
            finite = and_(app, not_null(hi))  # an undetermined item counts with what a cap leaves it
            plan = it["funding"]
            amount = case((finite, hi), default=zero_m)
            if plan["kind"] in ("unstated", "conflict", "unnamed"):
                funding["unspecified"] = add(funding["unspecified"], amount)
            elif plan["kind"] == "shares":
                rest: exp.Expr = amount
                shares = plan["shares"]
                for n_, (src, frac) in enumerate(shares):
                    if n_ == len(shares) - 1:
                        part = rest
                    else:
                        part = m_share(amount, frac)
                        rest = sub(rest, part)
                    funding[src] = add(funding[src], part)
        out = out.select(keep(m_out(total_lo), "total_min"), keep(m_out(total_hi), "total_max"),
                         *[keep(m_out(funding[src]), f"funding_{src}") for src in SOURCES], copy=False)
        k = 0
        for n, sched in enumerate(f["payments"], 1):
            any_member, base_lo, base_hi = (col(f"pay{n}__{c}") for c in ("any", "base_lo", "base_hi"))
            # stages in order (runtime._payments). What a 余额 is left at least, at any base from lo
            # to hi, never below 0 (0 after 至多 未定 or a 余额): after at most one share, what is left
            # at lo (lo less the share of lo rounded down, less the amounts); after two or more,
            # lo × (1 − the shares) rounded down, less the amounts (a larger base can leave less)
            fracs: list[str] = []
            mosts: list[exp.Expr] = []
            unknown: list[exp.Expr] = []  # an amount stage whose amount is NULL (undetermined)
            gone = False
            for j, st in enumerate(sched["stages"], 1):
                k += 1
                lo_e: exp.Expr
                hi_e: exp.Expr
                if st["kind"] == "rest":
                    hi_e = base_hi
                    rest_of = 1 - sum((Decimal(x) for x in fracs), Decimal(0))
                    if gone or rest_of <= 0:
                        lo_e = zero_m
                    else:
                        left: exp.Expr
                        if not fracs:
                            left = base_lo.copy()
                        elif len(fracs) == 1:  # exact: what is left at lo
                            left = sub(base_lo.copy(), m_share(base_lo, fracs[0]))
                        else:  # a bound for every base from lo to hi
                            left = m_share(base_lo, str(rest_of))
                        for most in mosts:
                            left = sub(left, most.copy())
                        lo_e = greatest(left, zero_m.copy(), True) if mosts else left
                        if unknown:
                            lo_e = case((or_(*unknown), zero_m.copy()), default=lo_e)
                    gone = True
                elif st["kind"] == "amount":
                    # 0 up to the amount (never below 0), never more than the base; undetermined
                    # (NULL): as 至多 未定
                    amt = stage_amounts[(n, j)]
                    most = greatest(m_in(amt.hi, amt.digits, amt.nonneg), zero_m.copy())
                    lo_e = zero_m
                    mosts.append(most)
                    if amt.sure:
                        hi_e = least(most, base_hi.copy())
                    else:
                        hi_e = case((is_null(amt.hi.copy()), base_hi.copy()), default=least(most, base_hi.copy()))
                        unknown.append(is_null(amt.hi.copy()))
                elif st["kind"] == "undetermined" or st["share"] is None:
                    lo_e, hi_e = zero_m, base_hi
                    gone = True
                else:
                    frac = st["share"]
                    lo_e = zero_m
                    hi_e = least(m_share(base_hi, frac), base_hi)
                    fracs.append(frac)
                out = out.select(
                    keep(case((any_member, m_out(lo_e)), default=NULL), f"pay_{k}_min"),
                    keep(case((any_member.copy(), m_out(hi_e)), default=NULL), f"pay_{k}_max"), copy=False)
        out = out.from_(prev)
        for name, q in steps:
            out = out.with_(name, as_=q, copy=False)
        return out  # rows in no particular order (a sort would cost a fifth of the time): join on row_id


# (digits, scale) of a 参数's values: money as a profile's, rates -1..1 in millionths, counts.
_PARAM_DIGITS = {"money": (MONEY_DIGITS, 2), "rate": (1, 6), "int": (10, 0)}


def _scale(frac: str) -> int:
    return len(frac.split(".")[1]) if "." in frac else 0


def _in_scope(scope: Json, it: Json) -> bool:
    if scope["kind"] == "all":
        return True
    if scope["kind"] == "items":
        return it["id"] in scope["items"]
    return bool(it["beneficiary"] == scope["beneficiary"])


def describe(form: Json) -> Json:
    """The result columns of a policy's query: items and payment stages, with articles."""
    stages = []
    k = 0
    for sched in form["payments"]:
        for st in sched["stages"]:
            k += 1
            stages.append({"column": f"pay_{k}", "article": sched["article"], "stage": st["name"]})
    return {
        "policy": form["policy"]["id"],
        "input_fields": [fl["name"] for fl in [*form["facts"], *form["vocabulary"]]],
        "items": [{"id": it["id"], "article": it["article"], "title": it["title"],
                   "funding": it["funding"]["kind"]} for it in form["items"]],
        "stages": stages,
        "sources": list(SOURCES),
        "readings": adopted_readings(form),
        # 参数: the one-row table ``parameters`` has one text column per name (NULL: not supplied)
        "parameters": [{"name": x["name"], "kind": x["kind"], "label": x["label"], "value": x["value"]}
                       for x in form.get("parameters", [])],
    }


def key_expr(x: exp.Expr, fold: Mapping[str, str]) -> exp.Expr:
    """``runtime.text_key`` in SQL: full-width ASCII to half-width, white space removed,
    Traditional characters to Simplified through the table ``fold`` (one TRANSLATE; characters
    without a counterpart are deleted). NFKC's rarer compatibility mappings (ligatures, circled
    digits…) are not reproduced: such text compares unequal."""
    wide = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
    narrow = "".join(chr(c) for c in range(0x21, 0x7F))
    src = wide + "".join(fold) + "".join(WHITE_PRINTABLE)
    dst = narrow + "".join(fold[k] for k in fold)
    controls = [exp.func("chr", lit(str(ord(c)))) for c in WHITE_CONTROL]
    source = exp.func("concat", s(src), *controls)
    # most text needs no change: TRANSLATE (slow with a long table) only when a character of
    # the table occurs, found by one regular-expression character class
    pattern = exp.func("concat", s("["), s(src), *[c.copy() for c in controls], s("]"))
    needs = exp.RegexpLike(this=paren(x), expression=pattern)
    return case((needs, exp.func("translate", paren(x), source, s(dst))), default=x)


@functools.cache
def fold_chars() -> frozenset[str]:
    """Every character that a text key may change, whatever the policy: full-width ASCII, white
    space, and every Traditional character that has a Simplified form (``compiler.textfold``:
    a policy's fold table is a part of that one)."""
    return frozenset(chr(c) for c in range(0xFF01, 0xFF5F)) | set(WHITE_PRINTABLE) | set(WHITE_CONTROL) \
        | set(traditional_chars())


def plain_text(x: exp.Expr) -> exp.Expr:
    """Whether text ``x`` (NULL: absent) has none of :func:`fold_chars`: its key, under every
    policy's fold table, is the text itself."""
    printable = "".join(sorted(c for c in fold_chars() if c not in WHITE_CONTROL))
    controls = [exp.func("chr", lit(str(ord(c)))) for c in WHITE_CONTROL]
    pattern = exp.func("concat", s("["), s(printable), *controls, s("]"))
    return exp.not_(coalesce(exp.RegexpLike(this=x.copy(), expression=pattern), FALSE))


def key_facts(form: Json) -> list[str]:
    """The text facts (declared by the policy) whose key a condition may read, under any reading:
    those compared by key (``in``, a keyed comparison), through definitions."""
    keyed = {f["name"] for f in form["facts"] if f["kind"] in ("text", "enum")}
    defs = {d["name"]: d["expr"] for d in form["definitions"]}
    found: set[str] = set()

    def fact_of(e: Json, seen: frozenset[str] = frozenset()) -> None:
        if e.get("op") == "def" and e["name"] in defs and e["name"] not in seen:
            fact_of(defs[e["name"]], seen | {e["name"]})
        elif e.get("op") == "fact" and e["name"] in keyed:
            found.add(e["name"])

    for x in _form_nodes(form):
        if x.get("op") == "in" or (x.get("op") == "cmp" and x.get("keyed")):
            for a in x["args"]:
                fact_of(a)
    return sorted(found)


def _form_nodes(form: Json) -> Iterator[Json]:
    """Every object of a lowered form's rules (its facts and vocabulary left out), outermost first."""
    todo: list[Any] = [v for k, v in form.items() if k not in ("facts", "vocabulary")]
    while todo:
        x = todo.pop()
        if isinstance(x, dict):
            yield x
            todo.extend(x.values())
        elif isinstance(x, list):
            todo.extend(x)


def literal_keyed(form: Json) -> set[str]:
    """The text facts of ``form`` whose key is compared only with literal texts (``in`` a list, or
    ``==``/``!=`` a literal), under any reading: those whose key a table typed for several
    policies may hold, folded through every policy's table (:func:`load_query`). For a
    comparison with a literal that is the policy's own key (a literal's key has no character
    another table would change: each table maps the characters whose Simplified form occurs in
    the policy's literals); two facts compared with each other are left to the policy's key."""
    keyed = {f["name"] for f in form["facts"] if f["kind"] == "text"}
    defs = {d["name"]: d["expr"] for d in form["definitions"]}
    crossed: set[str] = set()

    def facts_in(e: Any, seen: frozenset[str] = frozenset()) -> set[str]:
        if isinstance(e, dict):
            if e.get("op") == "def" and e.get("name") in defs and e["name"] not in seen:
                return facts_in(defs[e["name"]], seen | {e["name"]})
            if e.get("op") == "fact" and e.get("name") in keyed:
                return {e["name"]}
            return set().union(*[facts_in(v, seen) for v in e.values()])
        if isinstance(e, list):
            return set().union(*[facts_in(v, seen) for v in e])
        return set()

    for x in _form_nodes(form):
        if x.get("op") == "cmp" and x.get("keyed") and not any(a.get("op") == "str" for a in x["args"]):
            crossed.update(facts_in(x["args"]))
    # the argument needs each literal key free of characters another table may map: t2s has
    # chains (薴 → 苧 → 苎), so a literal keyed to 苧 under this table would meet a text folded on
    # to 苎 by another's; such a policy keeps its own keys
    others = set(traditional_chars()) - set(form.get("text_fold", {}))
    if any(ch in others for key in literal_keys(form) for ch in key):
        return set()
    return {name for name in key_facts(form) if name in keyed} - crossed


def literal_keys(form: Json) -> set[str]:
    """The keys of the literal texts a policy's conditions compare with (``in`` lists, ``str``)."""
    out: set[str] = set()
    for x in _form_nodes(form):
        if x.get("op") == "in":
            out.update(str(k) for k in x["keys"])
        elif x.get("op") == "str" and "key" in x:
            out.add(str(x["key"]))
    return out


def adopted(form: Json, choice: Mapping[str, str] | None = None) -> Json:
    """``form`` with every reading expression (解读) replaced by its case under ``choice`` (解读 id
    -> 读法 name), else its adopted case: the query of one combination of readings."""
    chosen = choice or {}

    def walk(x: Any) -> Any:
        if isinstance(x, dict):
            if x.get("op") == "reading":
                name = chosen.get(x["id"], x["adopted"])
                case = next((c for c in x["cases"] if c["name"] == name), x["cases"][0])
                return walk(case["expr"])
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x

    out: Json = walk(form)
    out["key_facts"] = key_facts(form)  # under every reading: the same steps
    return out


def adopted_readings(form: Json) -> list[Json]:
    """The readings (解读) a query spans: id, article, the quoted words, the adopted reading and its
    label, the items it affects and the other readings."""
    out = []
    for r in form["readings"]:
        labels = {o["name"]: o["label"] for o in r["options"]}
        out.append({"id": r["id"], "article": r["article"], "quote": r["quote"], "adopted": r["adopted"],
                    "label": labels.get(r["adopted"], ""), "affects": r["affects"],
                    "others": [{"name": n, "label": lb} for n, lb in labels.items() if n != r["adopted"]]})
    return out


def combinations(form: Json) -> list[dict[str, str]]:
    """Every combination of readings (解读 id -> 读法 name): the adopted one first, then in the
    order written (as ``runtime.combinations``)."""
    adopted_ = {r["id"]: r["adopted"] for r in form["readings"]}
    out = [adopted_]
    for combo in itertools.product(*[[(r["id"], o["name"]) for o in r["options"]] for r in form["readings"]]):
        choice = dict(combo)
        if choice != adopted_:
            out.append(choice)
    return out


def _has_reading(x: Any) -> bool:
    if isinstance(x, dict):
        return x.get("op") == "reading" or any(_has_reading(v) for v in x.values())
    return isinstance(x, list) and any(_has_reading(v) for v in x)


def _needs(e: Json | None, defs: Mapping[str, Json], seen: frozenset[str] = frozenset()) -> list[Json]:
    """Conditions that must hold for ``e`` to hold, cheap to test (a boolean fact; a fact compared
    with a number, a text or another fact; a text fact in a list, by the key step v computed),
    the same under every reading: the conjuncts of ``e``, through definitions (none: every row
    may satisfy it)."""
    if e is None or _has_reading(e):
        return []
    if e["op"] == "def" and e["name"] in defs and e["name"] not in seen:
        return _needs(defs[e["name"]], defs, seen | {e["name"]})
    if e["op"] == "and":
        return [n for a in e["args"] for n in _needs(a, defs, seen)]
    if e["op"] == "fact" and e.get("type") == "bool":
        return [e]
    if e["op"] in ("cmp", "in") and all(a["op"] in ("fact", "num", "str", "bool") for a in e["args"]):
        return [e]
    return []


def _applying_only(q: exp.Select, form: Json, bits: Mapping[str, int] | None,
                   names: list[dict[str, str]]) -> exp.Select:
    """``q`` (a policy's chain of steps) without rows where no item can apply, under any reading:
    a filter on step ``i`` (after the items' ``applies``) by the cheap conditions each item needs
    (its beneficiary, its boolean facts…), which the engine pushes down to the table's scan. A row
    that passes may still have no item that applies: the filter only leaves out rows that cannot."""
    p = Policy(adopted(form))
    p.bits = bits
    # per beneficiary (None: any), the sets of conditions of its items, each by its text
    groups: dict[str | None, list[dict[str, exp.Expr]]] = {}
    for it in form["items"]:
        needs = {c.sql(): c for c in (p.cond(n) for n in _needs(
            it["cond"], {d["name"]: d["expr"] for d in form["definitions"]}))}
        if not needs and it["beneficiary"] is None:
            return q  # an item any row may get: no row is left out
        groups.setdefault(it["beneficiary"], []).append(needs)
    arms: list[exp.Expr] = []
    for who_is, sets in groups.items():
        # an item whose conditions include another's adds no row (A or (A and B) is A)
        kept = [x for n, x in enumerate(sets)
                if not any(set(y) < set(x) or (set(y) == set(x) and m < n) for m, y in enumerate(sets))]
        alternatives = [and_(*x.values()) for x in kept if x]
        test = paren(or_(*alternatives)) if len(kept) == len(alternatives) else None  # None: one needs nothing
        if who_is is None:
            assert test is not None
            arms.append(test)
            continue
        who = p.value({"op": "fact", "name": "applicant_type"})  # as step r tests it
        is_who = coalesce(exp.EQ(this=who, expression=s(who_is)), FALSE)
        arms.append(paren(and_(is_who, test) if test is not None else is_who))
    # and not excluded under every reading
    excluded = list(dict.fromkeys(_each_reading("excluded", names)))
    cond = and_(paren(or_(*arms)), exp.not_(paren(and_(*excluded))))  # the cheap test first
    for c in cond.find_all(exp.Column):
        c.set("table", None)  # step i reads step r's columns (the typed facts of step v)
    for cte in q.args["with_"].expressions:
        if cte.alias == "i":
            cte.this.where(cond, copy=False)
    return q


def chained(form: Json, build: Callable[[Json], exp.Select]) -> tuple[exp.Select, list[dict[str, str]]]:
    """``build`` of the lowered form under every combination of readings (解读) in one chain of
    steps (:func:`merged`), and each combination's renamed columns; without readings, ``build``
    of the form and no names."""
    if not form["readings"]:
        return build(form), [{}]
    return merged([build(adopted(form, c)) for c in combinations(form)])


def _each_reading(name: str, names: list[dict[str, str]]) -> list[exp.Expr]:
    """Column ``name`` under each combination of readings (``names``: :func:`chained`'s), each once."""
    return [col(n) for n in dict.fromkeys(m.get(name, name) for m in names)]


def spanning(form: Json, build: Callable[[Json], exp.Select], valid_only: bool = False,
             applying_only: bool = False, bits: Mapping[str, int] | None = None) -> exp.Select:
    """The query of a policy (``build`` of its lowered form under one combination of readings); with
    readings (解读), one row per profile that spans every combination, as ``runtime.span_results``:
    every result column is its lowest minimum and highest maximum over the combinations (an item
    that does not apply counts as 0, an undetermined one makes the item NULL), ``excluded`` only
    when every combination excludes, and the funding columns of the combination with the highest
    ``total_max`` (the first among equals; NULL — unbounded — is the highest).

    The combinations are computed in one chain of steps (:func:`merged`): a column that a
    reading does not change is computed once, one that it changes once more per combination
    under its own name — no combination is a query of its own, and nothing is joined.
    ``valid_only``: ``build`` gives only valid rows (no column needs a test of validity)."""
    chain, names = chained(form, build)
    if not form["readings"]:
        return _applying_only(chain, form, bits, names) if applying_only else chain
    if applying_only:
        _applying_only(chain, form, bits, names)

    def each(name: str) -> list[exp.Expr]:  # the column under each combination, each name once
        return _each_reading(name, names)

    def lowest(xs: list[exp.Expr], sure: bool = False) -> exp.Expr:  # NULL when one is (``sure``: none is)
        return exp.Least(this=xs[0], expressions=xs[1:], ignore_nulls=sure or None) if len(xs) > 1 else xs[0]

    def highest(xs: list[exp.Expr], sure: bool = False) -> exp.Expr:  # NULL (unbounded) when one is NULL
        if len(xs) == 1:
            return xs[0]
        most = exp.Greatest(this=xs[0], expressions=xs[1:], ignore_nulls=True)  # of values none NULL
        return most if sure else case((or_(*[is_null(x.copy()) for x in xs]), NULL), default=most)

    zero = lit("0")
    ok = is_null(col("error_field"))

    def keep(e: exp.Expr, name: str) -> exp.Expr:
        return exp.alias_(e if valid_only else case((ok.copy(), e), default=NULL), name, quoted=True)

    out = exp.select(col("row_id"), col("error_field"), col("in_force"),
                     keep(and_(*each("excluded")), "excluded"))
    for it in form["items"]:
        i = it["id"]
        cols = [f"{i}__{c}" for c in ("applies", "min", "max", "paid_min", "paid_max")]
        combos = list(dict.fromkeys(tuple(m.get(c, c) for c in cols) for m in names))
        if len(combos) == 1:  # no reading changes the item
            out = out.select(*[exp.alias_(col(c), c, quoted=True) for c in cols], copy=False)
            continue
        apps: list[exp.Expr] = [col(c[0]) for c in combos]
        any_app = or_(*[col(a) for a in dict.fromkeys(c[0] for c in combos)])
        undet = or_(*[and_(a.copy(), is_null(col(c[1]))) for a, c in zip(apps, combos, strict=True)])

        def side(k: int, apps: list[exp.Expr] = apps, combos: list[tuple[str, ...]] = combos) -> list[exp.Expr]:
            return [case((a.copy(), col(c[k])), default=zero.copy()) for a, c in zip(apps, combos, strict=True)]

        known = and_(any_app.copy(), exp.not_(paren(undet)))
        out = out.select(keep(any_app, f"{i}__applies"),
                         # known: no applying reading's minimum is NULL, so no side is
                         keep(case((known, lowest(side(1), True)), default=NULL), f"{i}__min"),
                         keep(case((known.copy(), highest(side(2))), default=NULL), f"{i}__max"),
                         # an applying item's paid minimum is never NULL (an undetermined one's
                         # is 0), nor is a side, where every row is valid (``valid_only``: were a
                         # reading to change a 约束, a combination's row could be NULL): no NULL test
                         keep(case((any_app.copy(), lowest(side(3), valid_only)), default=NULL),
                              f"{i}__paid_min"),
                         keep(case((any_app.copy(), highest(side(4))), default=NULL), f"{i}__paid_max"), copy=False)
    # a total minimum is a sum of paid minimums: never NULL (where every row is valid)
    out = out.select(keep(lowest(each("total_min"), valid_only), "total_min"),
                     keep(highest(each("total_max")), "total_max"), copy=False)
    tops = [m.get("total_max", "total_max") for m in names]
    # read after the arms of a NULL total: none is NULL there
    top = exp.Greatest(this=col(tops[0]), expressions=[col(t) for t in dict.fromkeys(tops[1:])], ignore_nulls=True) \
        if len(set(tops)) > 1 else col(tops[0])
    for src in SOURCES:
        c = f"funding_{src}"
        pairs = list(dict.fromkeys((t, m.get(c, c)) for t, m in zip(tops, names, strict=True)))
        if len({f for _, f in pairs}) == 1:  # the same funding under every combination
            out = out.select(exp.alias_(col(pairs[0][1]), c, quoted=True), copy=False)
            continue
        arms = [(is_null(col(t)), col(f_)) for t, f_ in pairs]
        arms += [(exp.EQ(this=col(t), expression=top.copy()), col(f_)) for t, f_ in pairs]
        out = out.select(keep(case(*arms, default=NULL), c), copy=False)
    for st in describe(form)["stages"]:
        c = st["column"]
        if len(each(f"{c}_min")) == 1 and len(each(f"{c}_max")) == 1:
            out = out.select(col(f"{c}_min"), col(f"{c}_max"), copy=False)
            continue
        present = or_(*[not_null(x) for x in each(f"{c}_min")])
        out = out.select(
            keep(case((present, lowest([coalesce(x, zero.copy()) for x in each(f"{c}_min")], True)), default=NULL),
                 f"{c}_min"),
            keep(case((present.copy(), highest([coalesce(x, zero.copy()) for x in each(f"{c}_max")], True)),
                      default=NULL), f"{c}_max"), copy=False)
    out = out.from_(RESULT_STEP)
    ctes = chain.args["with_"].expressions if chain.args.get("with_") else []
    chain.set("with_", None)
    for cte in ctes:
        out = out.with_(cte.alias, as_=cte.this, copy=False)
    return out.with_(RESULT_STEP, as_=chain, copy=False)


RESULT_STEP = "res"  # the step with every combination's result columns (spanning)


def merged(queries: list[exp.Select]) -> tuple[exp.Select, list[dict[str, str]]]:
    """One query computing every query of ``queries`` — the same policy under each combination of
    readings: the same steps (WITH) in the same order, each ``SELECT *, <new columns> FROM <the
    step before>``, and a final SELECT of result columns. The first query is kept; a column of
    another whose expression (its references renamed) is the first's is not computed again, one
    that differs is added to the same step as ``<name>__q<k>``. Returns the query and, per
    query, its renamed columns (name → column)."""
    first = queries[0]
    steps0 = {cte.alias: cte.this for cte in first.args["with_"].expressions}
    names: list[dict[str, str]] = [{}]
    for k, q in enumerate(queries[1:], 1):
        renamed: dict[str, str] = {}
        if [cte.alias for cte in q.args["with_"].expressions] != list(steps0):
            raise BackendError("SQL 后端：各种读法的计算步骤不一致")
        for cte in q.args["with_"].expressions:
            _merge_step(steps0[cte.alias], cte.this, renamed, k)
        body = q.copy()
        body.set("with_", None)
        _merge_step(first, body, renamed, k)
        names.append(renamed)
    return first, names


def _merge_step(into: exp.Select, other: exp.Select, renamed: dict[str, str], k: int) -> None:
    """Add to ``into`` the columns of ``other`` (the same step under another combination) that
    differ from its own, as ``<name>__q<k>``; ``renamed`` maps a column name to its column."""

    def rename(e: exp.Expr) -> exp.Expr:
        e = e.copy()
        for c in list(e.find_all(exp.Column)):
            if c.name in renamed:
                c.set("this", exp.to_identifier(renamed[c.name], quoted=True))
        return e

    rest = [other.args.get(a) for a in ("from_", "joins", "where")]
    mine = [into.args.get(a) for a in ("from_", "joins", "where")]
    if [None if x is None else rename(x) if isinstance(x, exp.Expr) else [rename(y) for y in x] for x in rest] != mine:
        raise BackendError("SQL 后端：各种读法的计算步骤不一致")
    own = {s.alias_or_name: s for s in into.expressions}
    for sel in other.expressions:
        if isinstance(sel, exp.Star):
            continue
        name = sel.alias_or_name
        e = rename(sel.this if isinstance(sel, exp.Alias) else sel)
        if name in own:
            mine_e = own[name].this if isinstance(own[name], exp.Alias) else own[name]
            if mine_e == e:
                continue
        # the same as another combination's column of that name (长春: a reading of the cap and a
        # reading of the exclusions, each combination of the second with either of the first
        # excludes alike): that column, not one more
        same = next((x.alias for x in into.expressions if isinstance(x, exp.Alias)
                     and re.fullmatch(rf"{re.escape(name)}__q[0-9]+", x.alias) and x.this == e), None)
        if same is not None:
            renamed[name] = same
            continue
        renamed[name] = f"{name}__q{k}"
        into.select(exp.alias_(e, renamed[name], quoted=True), copy=False)


def policy_query(form: Json, as_of: dt.date | None = None, table: str = "profiles") -> exp.Select:
    """The query for one policy's lowered form; ``as_of`` fixes the calculation date. With
    readings (解读) its rows span every reading (:func:`spanning`)."""
    return spanning(form, lambda f: Policy(f).query(as_of, table))


def typed_fields(forms: list[Json]) -> list[tuple[Json, Json]] | None:
    """Every field of ``forms`` once, with a form that declares it; None when two forms validate
    a field differently (the typed table could not serve both: use the text query)."""
    seen: dict[str, tuple[str, Json, Json]] = {}
    for form in forms:
        p = Policy(form)
        for f in p.fields:
            key = p.field_key(f)
            if f["name"] in seen and seen[f["name"]][0] != key:
                return None
            seen.setdefault(f["name"], (key, f, form))
    if len(seen) > 62:
        return None
    return [(f, form) for _, f, form in seen.values()]


def load_query(forms: list[Json], table: str = "profiles",
               enums: bool = False) -> tuple[exp.Select, dict[str, int]] | None:
    """Validate a text profile table once for every policy in ``forms``: the query gives
    ``row_id``, ``bad_mask`` (bit ``bits[field]`` set when the field's text is not acceptable,
    exactly as the text query's validation) and one typed column per field — BOOLEAN, or the
    DECIMAL of the field, text, or with ``enums`` (DuckDB) a closed list of values as an ENUM of
    them — NULL when absent or invalid. :func:`typed_query` reads it."""
    fields = typed_fields(forms)
    if fields is None:
        return None
    bits: dict[str, int] = {}
    mask: exp.Expr = cast(lit("0"), exp.DataType.build("BIGINT"))
    cols: list[exp.Expr] = [col("row_id", "p")]
    keyed = {name for form in forms for name in key_facts(form)}
    table_keys = _key_fields(forms, fields)
    # a text's key under every policy's fold table at once: where a policy compares it only with
    # its literals, the same comparisons as under its own table (:func:`literal_keyed`)
    folds: dict[str, str] = {}
    for form in forms:
        folds.update(form.get("text_fold", {}))
    fold = dict(sorted(folds.items()))
    for n, (f, form) in enumerate(fields):
        p = Policy(form)
        bits[f["name"]] = n
        bad = p.bad(f)
        if bad != FALSE:
            mask = exp.Add(this=mask, expression=case((bad, lit(str(1 << n))), default=lit("0")))
        cols.append(exp.alias_(p.typed_column(f, enums), f["name"], quoted=True))
        if f["kind"] == "money":  # and as a BIGINT of fen, which the integer computations read
            cols.append(exp.alias_(scaled_int(p.typed_column(f), MONEY_DIGITS, 2, True), f"{f['name']}__fen",
                                   quoted=True))
        if f["name"] in keyed:  # a text whose key some policy reads: whether it is its own key
            cols.append(exp.alias_(plain_text(p.raw(f["name"])), f"{f['name']}__plain", quoted=True))
        if f["name"] in table_keys:  # and the key (NULL: absent), read where only literals meet it
            cols.append(exp.alias_(key_expr(p.typed_column(f, enums), fold), f"{f['name']}__key", quoted=True))
    select = exp.select(*cols[:1], exp.alias_(mask, "bad_mask", quoted=True), *cols[1:])
    return select.from_(exp.alias_(exp.to_table(table), "p")), bits


def _key_fields(forms: list[Json], fields: list[tuple[Json, Json]]) -> list[str]:
    """The text fields whose key :func:`load_query`'s table holds (``<field>__key``): those some
    policy of ``forms`` compares by key."""
    keyed = {name for form in forms for name in key_facts(form)}
    return [f["name"] for f, _ in fields if f["name"] in keyed and f["kind"] == "text"]


def text_keys(forms: list[Json]) -> list[str]:
    """The text key columns :func:`load_query` gives for ``forms`` (none where it gives no table)."""
    fields = typed_fields(forms)
    return [] if fields is None else [f"{name}__key" for name in _key_fields(forms, fields)]


def typed_query(form: Json, bits: Mapping[str, int], as_of: dt.date | None = None,
                table: str = "typed_profiles", valid_only: bool = False, applying_only: bool = False,
                fen: bool = False) -> exp.Select:
    """The policy's query over the table made by :func:`load_query` (the same result columns
    and values as :func:`policy_query` over the text table): no text is parsed per policy;
    like it, the rows span every reading (解读). ``valid_only``: only the rows without an invalid
    field, without the per-column test of validity (what an aggregation over the valid applicants
    reads: ``policyc simulate``). ``applying_only`` (with ``valid_only``): without the rows where
    no item can apply under any reading, found by cheap conditions every item needs (which the
    engine tests as it reads the table): every row left out has nothing that applies and no
    amount, so that an aggregation of amounts skips them (it must count them apart); that query,
    the one an aggregation runs over millions of rows, is compacted (:func:`lean.compact`: the
    same values with fewer steps, columns and operations). ``fen``: every money column (min, max,
    paid, totals, funding, payment stages) a BIGINT number of fen — the same values × 100."""

    def build(f: Json) -> exp.Select:
        p = Policy(f)
        p.bits = bits
        p.fen_out = fen
        return p.query(as_of, table, valid_only)

    q = spanning(form, build, valid_only, applying_only, bits)
    if not applying_only:
        return q
    known = known_facts(form)
    parts = [lean.compact(part, base=known) for part in by_beneficiary(q, form)]
    if len(parts) == 1:
        return parts[0]
    # the rows of each beneficiary's query in turn (each reads the table for its own rows)
    union: exp.Expr = exp.select(exp.Star()).from_(parts[0].subquery("b1"))
    for n, part in enumerate(parts[1:], 2):
        union = exp.union(union, exp.select(exp.Star()).from_(part.subquery(f"b{n}")), distinct=False)
    return exp.select(exp.Star()).from_(exp.Subquery(this=union, alias=exp.TableAlias(this=exp.to_identifier("b"))))


def by_beneficiary(q: exp.Select, form: Json) -> list[exp.Select]:
    """``q`` (a policy's chain, the rows where some item can apply) as one query per beneficiary
    (申报主体: enterprise, service provider…) when every item has one and there are several: each
    reads only the rows whose ``applicant_type`` is that beneficiary, and reads ``applicant_type``
    as that constant, so that its compaction (:func:`lean.compact`) drops every item of the other
    beneficiaries (its conditions are FALSE) with the amounts, caps and sums they enter. Every
    row where an item can apply is in exactly one of them: an item applies only to an applicant of
    its beneficiary (what :func:`_applying_only` filters by). One query, ``q``, otherwise. 长春's
    report: 1.2-1.3x (its enterprises and service providers share no item)."""
    who = sorted({it["beneficiary"] for it in form["items"]}, key=str)
    ctes = q.args["with_"].expressions if q.args.get("with_") else []
    if len(who) < 2 or None in who or not ctes or ctes[0].alias != "v":
        return [q]
    first = ctes[0].this
    at = [n for n, x in enumerate(first.expressions) if isinstance(x, exp.Alias) and x.alias == "applicant_type"]
    if len(at) != 1 or first.args.get("joins"):
        return [q]
    out = []
    for b in who:
        part = q.copy()
        step = part.args["with_"].expressions[0].this
        typed = step.expressions[at[0]]  # the typed column, read as b from here on
        step.where(exp.EQ(this=paren(typed.this), expression=s(str(b))), copy=False)
        typed.set("this", s(str(b)))
        out.append(part)
    return out


def known_facts(form: Json) -> dict[str, lean.Info]:
    """What is known of the typed table's columns (:func:`load_query`) on the rows a query
    computes amounts for, those valid for the policy: a boolean fact is a BOOLEAN, money is
    never below 0 (its pattern has no sign), nor its BIGINT of fen, nor a count or a ratio whose
    lower bound is not."""
    out: dict[str, lean.Info] = {}
    for f in [*form["facts"], *form["vocabulary"]]:
        if f["kind"] == "bool":
            out[f["name"]] = lean.Info("BOOLEAN")
        elif f["kind"] in ("money", "int", "rate") and never_negative(f):
            out[f["name"]] = lean.Info(nonneg=True)
        if f["kind"] == "money":  # its fen
            out[f"{f['name']}__fen"] = lean.Info("BIGINT", nonneg=True)
    return out


def never_negative(f: Json) -> bool:
    """Whether a valid value of numeric fact ``f`` is never below 0: money has no sign in its
    pattern; a count or a ratio only with a lower bound ≥ 0."""
    return f["kind"] == "money" or (f["low"] is not None and Decimal(str(f["low"])) >= 0)


def typed_counted(form: Json, bits: Mapping[str, int], as_of: dt.date | None = None,
                  table: str = "typed_profiles") -> exp.Select:
    """Every valid row of the table made by :func:`load_query` with ``row_id``, ``in_force`` and
    ``excluded`` as :func:`typed_query` (``valid_only``) gives them — under readings (解读),
    excluded only when every combination excludes — computed by its first steps alone (v, vc,
    x): what a report counts over the rows whose amounts it never computes (profiles, excluded,
    not in force), without the engine planning the whole query again to prune it."""

    def build(f: Json) -> exp.Select:
        p = Policy(f)
        p.bits = bits
        return p.query(as_of, table, True, through_x=True)

    chain, names = chained(form, build)
    excluded = and_(*_each_reading("excluded", names))
    out = exp.select(col("row_id"), col("in_force"), exp.alias_(excluded, "excluded", quoted=True)).from_("x")
    for cte in chain.args["with_"].expressions:
        out = out.with_(cte.alias, as_=cte.this, copy=False)
    return out


def typed_errors(form: Json, bits: Mapping[str, int], table: str = "typed_profiles") -> exp.Select:
    """The rows of the table made by :func:`load_query` with an invalid field: ``row_id`` and
    ``error_field`` (the first invalid field in the policy's order, as :func:`typed_query`
    gives it; for a policy with 参数 or 约束, then a bad or missing 参数 and a broken 约束, as
    step vc of the query names them) — without computing anything else (validation does not
    depend on the readings; the engine reads only the two columns of the query's rows)."""
    p = Policy(adopted(form))
    p.bits = bits
    if p.params or form.get("constraints"):  # also a bad or missing 参数 and a broken 约束 (step vc)
        rows = typed_query(form, bits, None, table).subquery("r")
        return (exp.select(col("row_id", "r"), col("error_field", "r")).from_(rows)
                .where(not_null(col("error_field", "r"))))
    return (exp.select(col("row_id", "p"), exp.alias_(p.error_field(), "error_field", quoted=True))
            .from_(exp.alias_(exp.to_table(table), "p")).where(exp.not_(paren(p.valid()))))


def sql_text(form: Json, dialect: str, as_of: dt.date | None = None, table: str = "profiles",
             pretty: bool = True) -> str:
    return policy_query(form, as_of, table).sql(dialect=dialect, pretty=pretty)


class SqlBackend:
    name = "sql"
    description = "每个政策一条 SQL 查询（DuckDB 与 Spark SQL）：申请人表 → 结果表"

    def render(self, model: CheckedModel) -> Mapping[str, str]:
        files: dict[str, str] = {}
        for cp in model.policies:
            form = lower(cp.policy, cp.source_file)
            head = f"-- {header_line(cp.source_file)}\n" + "".join(
                f"-- 解读 {r['id']}（{r['article']}）：本查询覆盖各种读法（"
                + "、".join(o["name"] for o in r["options"]) + "），各列取最低额至最高额\n"
                for r in form["readings"])
            query = policy_query(form)  # built once, printed in each dialect (printing copies it)
            for dialect, suffix in (("duckdb", "duckdb"), ("spark", "spark")):
                files[f"{cp.policy.id}.{suffix}.sql"] = head + query.sql(dialect=dialect, pretty=True) + ";\n"
            columns = {"$comment": header_line(cp.source_file), **describe(form)}
            files[f"{cp.policy.id}.columns.json"] = json.dumps(columns, ensure_ascii=False,
                                                               indent=2, sort_keys=True) + "\n"
        return files

    def readings(self, form: Json) -> list[Json]:
        return adopted_readings(form)

    def query(self, form: Json, as_of: dt.date | None, dialect: str, table: str = "profiles") -> str:
        return _cached("query", lambda: sql_text(form, dialect, as_of, table, pretty=False),
                       form, as_of, dialect, table)

    def load_query(self, forms: list[Json], dialect: str, table: str) -> tuple[str, dict[str, int]] | None:
        made = load_query(forms, table, enums=dialect == "duckdb")
        return None if made is None else (made[0].sql(dialect=dialect), made[1])

    def typed_query(self, form: Json, bits: Mapping[str, int], as_of: dt.date | None, dialect: str,
                    table: str, valid_only: bool = False, applying_only: bool = False, fen: bool = False) -> str:
        return _cached("typed", lambda: typed_query(form, bits, as_of, table, valid_only, applying_only, fen)
                       .sql(dialect=dialect), form, bits, as_of, dialect, table, valid_only, applying_only, fen)

    def typed_counted(self, form: Json, bits: Mapping[str, int], as_of: dt.date | None, dialect: str,
                      table: str) -> str:
        return _cached("counted", lambda: typed_counted(form, bits, as_of, table).sql(dialect=dialect),
                       form, bits, as_of, dialect, table)

    def text_keys(self, forms: list[Json]) -> list[str]:
        """The columns of :meth:`load_query`'s table that hold a text's key (``<fact>__key``):
        texts with few distinct values, which an engine may store as an enumeration of them."""
        return text_keys(forms)

    def typed_errors(self, form: Json, bits: Mapping[str, int], dialect: str, table: str) -> str:
        return _cached("errors", lambda: typed_errors(form, bits, table).sql(dialect=dialect),
                       form, bits, dialect, table)


@functools.cache
def _fingerprint() -> bytes:
    """What a query is made with besides its inputs: this translation's own text (every module of
    the package), the compiler's
    (its text folding and vocabulary; compiler/cache.py's fingerprint), and the builds of sqlglot
    and of OpenCC (the Traditional characters a text key folds): a query cached by another is
    not reused."""
    from compiler.cache import compiler_fingerprint, library_fingerprint

    own = b"".join(f.read_bytes() for f in sorted(Path(__file__).parent.glob("*.py")))  # with lean.py
    return (hashlib.blake2b(own, digest_size=16).digest() + compiler_fingerprint()
            + library_fingerprint("sqlglot") + library_fingerprint("opencc"))


def _cached(kind: str, build: Callable[[], str], *key: object) -> str:
    """A query ``policyc simulate`` runs, kept in the cache folder (compiler/cache.py, off with
    ``--no-cache``) by everything it is made from: building one takes sqlglot up to half a second
    (长春), a third of a simulation of a million profiles, the same in every run on the same policies."""
    from compiler.cache import cached_table

    made = json.dumps(key, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    return cached_table(f"sql-{kind}", (_fingerprint(), made), lambda: {"sql": build()}, need=("sql",))["sql"]


backend = SqlBackend()

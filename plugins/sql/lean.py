"""Compaction of a query built as a chain of steps, without changing a single value it computes.

The SQL backend builds a policy's query the way its meaning is written: a chain of steps
(``WITH v AS (SELECT …), x AS (SELECT *, … FROM v), …``), each adding the columns of one stage of
the calculation and passing every column before it on, and a last SELECT of the result columns.
That is easy to read and to check against the lowered form, but an engine pays for the shape as
well as for the arithmetic: every step is a projection, and every column it passes on costs it
something per batch of rows, most of all after a filter that leaves small batches.

:func:`compact` computes the same result columns with as few projections and as few columns
passed on as the dependencies allow. It only rewrites where the value cannot change:

* a column that is another column under a new name, or a constant (no column in it), is not
  computed: its readers read the column, or the constant (with its own casts, so of its type);
* a column computed twice with the same expression is computed once;
* a column read by one expression only is written into that expression (nothing is computed
  twice);
* a ``CASE`` whose arms are all the same expression is that expression;
* a column no result needs is not computed;
* every column is computed in the first step where all it reads is known, but never before a
  filter (``WHERE``) it came after in the chain — a filter of validity keeps invalid rows from the
  arithmetic — and each step passes on only the columns a later step reads;
* :class:`Simplifier` folds what :class:`Info` knows of each value (its DuckDB type where sure,
  a constant, never below 0, never NULL, always NULL): ``LEAST(0, y ≥ 0)``, ``x + 0``,
  arithmetic of constants and of NULL, a ``CASE`` arm known false, ``COALESCE`` of a value never
  NULL, operands written twice; where two types meet, a rewrite that changes the type is made
  only where the value alone matters (:func:`_pinned`) or cast back;
* within a ``CASE`` arm its condition holds (after it, it fails where never NULL), and a column
  that is a ``CASE`` is read there as the arm it takes (:meth:`Simplifier._chosen`); within
  ``x AND y`` (``OR``) y takes x as TRUE (FALSE) — only as TRUE or FALSE, since DuckDB computes
  y also where x decides alone;
* a filter's ``COALESCE(x, FALSE)`` in a place where only TRUE keeps a row goes
  (:meth:`_Chain.tested`);
* what a filter tells of the rows it keeps (``NOT excluded``: excluded is FALSE; each operand
  of an AND is TRUE) is written into every column computed in its step or after, and into the
  same expression written out in another column (:meth:`_Chain.filtered`; in :func:`_emit`, once
  the steps are known): the column's value on those rows is unchanged, and no column is read
  that was not (a ``CASE`` column is not read as its arm there).

A query of another shape (a join, an aggregate, a subquery, a window, ``DISTINCT``, ``ORDER``
or ``LIMIT`` in a step, a step that does not read the one before it, a name given twice or
read in its own SELECT) is returned unchanged. docs/developers/simulate.md ("Compaction of the
aggregated query") says why each rewrite is exact and how it is tested.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Context, Decimal
from typing import Any, TypeGuard

from sqlglot import exp

_REF = "\x00"  # a placeholder column's name starts with it: no column of a policy does


@dataclass
class _Node:
    key: int
    name: str
    expr: exp.Expr | None  # None: a column of the table the chain starts from
    floor: int  # the filter before it (its index in _Chain.filters + 1; 0: none)
    level: int = 0
    uses: int = 0
    inlined: bool = False


class _Unchanged(Exception):
    """The query is of a shape :func:`compact` does not rewrite."""


def _ref(key: int) -> exp.Column:
    return exp.column(f"{_REF}{key}", quoted=True)


def _key(c: exp.Column) -> int | None:
    name = c.name
    return int(name[1:]) if name.startswith(_REF) else None


_PLAIN = (exp.Star, exp.Column, exp.Alias)
_BARRED = (exp.Subquery, exp.Select, exp.AggFunc, exp.Window, exp.Union)


class _Chain:
    def __init__(self) -> None:
        self.nodes: list[_Node] = []
        self.base: dict[str, int] = {}
        self.table: exp.Expr | None = None
        self.filters: list[exp.Expr] = []  # conditions, placeholders for columns
        self.filter_at: list[int] = []  # the number of columns known when each filter was met
        self.by_text: dict[tuple[int, str], int] = {}
        self.infos: dict[int, Info] = {}
        self.last_info = UNKNOWN
        self.base_info: dict[str, Info] = {}
        # what each filter tells of the rows after it (``NOT excluded``: excluded is FALSE there)
        self.filter_facts: list[list[tuple[exp.Expr, bool]]] = []

    def node(self, name: str, e: exp.Expr | None, floor: int) -> int:
        if e is not None:  # the text DuckDB reads (LEAST that ignores NULLs or not is one in another's)
            text = (floor, e.sql("duckdb"))
            if text in self.by_text:
                return self.by_text[text]
        n = _Node(len(self.nodes), name, e, floor)
        self.nodes.append(n)
        self.infos[n.key] = self.last_info if e is not None else self.base_info.get(name, UNKNOWN)
        if e is not None:
            self.by_text[text] = n.key
        return n.key

    def resolve(self, e: exp.Expr, env: dict[str, int] | None, aliases: set[str]) -> exp.Expr:
        """``e`` with each column replaced by its node's placeholder, or by the constant or the
        column it stands for. ``env`` None: the first table's columns."""
        if any(isinstance(x, _BARRED) for x in e.walk()):
            raise _Unchanged
        e = e.copy()
        for c in list(e.find_all(exp.Column)):
            if c.table and c.table not in aliases:
                raise _Unchanged
            name = c.name
            if env is None:
                if name not in self.base:
                    self.base[name] = self.node(name, None, 0)
                k = self.base[name]
            elif name in env:
                k = env[name]
            else:
                raise _Unchanged
            if c is e:
                e = self.use(k)
            else:
                c.replace(self.use(k))
        return self.simplify(e)

    def simplifier(self) -> Simplifier:
        """A :class:`Simplifier` that knows the chain's columns as they are now."""
        return Simplifier(self.infos, {n.key: n.expr for n in self.nodes})

    def simplify(self, e: exp.Expr) -> exp.Expr:
        simp = self.simplifier()
        out = simp.run(e)
        self.last_info = simp.info(out)
        return out

    def filtered(self, condition: exp.Expr) -> None:
        """A filter met: ``condition`` (placeholders) holds on every row after it."""
        self.filters.append(condition)
        self.filter_at.append(len(self.nodes))
        facts = self.simplifier()._holds(condition, True)
        for c, truth in list(facts):  # a column's expression, where it is written out in another
            k = _key(c) if isinstance(c, exp.Column) else None
            written = self.nodes[k].expr if k is not None else None
            if written is not None:
                facts.append((_unparen(written), truth))
        self.filter_facts.append(facts)

    def tested(self, e: exp.Expr, positive: bool = True) -> exp.Expr:
        """A filter's condition ``e`` without what changes no row it keeps: a row is kept where
        the condition is TRUE, so where a part is TRUE only with every operand above it up to
        the filter (AND, OR) — a positive place — ``COALESCE(x, FALSE)`` is TRUE exactly where
        x is, and under a NOT (a negative place) ``COALESCE(x, TRUE)`` is FALSE exactly where x
        is: the COALESCE goes, and a column that is only such a COALESCE of the table's column
        is read as the table's column (the filter can then be tested as the table is read)."""
        if isinstance(e, exp.Paren):
            e.set("this", self.tested(e.this, positive))
            return e
        if isinstance(e, (exp.And, exp.Or)):
            e.set("this", self.tested(e.this, positive))
            e.set("expression", self.tested(e.expression, positive))
            return e
        if isinstance(e, exp.Not):
            e.set("this", self.tested(e.this, not positive))
            return e
        x = _neutral_coalesce(e, positive)
        if x is not None:
            return self.tested(x, positive)
        k = _single(e) if isinstance(e, exp.Column) else None
        n = self.nodes[k].expr if k is not None else None
        x = _neutral_coalesce(n, positive) if n is not None else None
        b = _single(x) if x is not None else None
        if b is not None and self.nodes[b].expr is None:  # the table's column
            return _ref(b)
        return e

    def use(self, k: int) -> exp.Expr:
        n = self.nodes[k]
        if n.expr is not None and not any(_key(c) is not None for c in n.expr.find_all(exp.Column)):
            return exp.Paren(this=n.expr.copy())  # a constant: its own expression, its own type
        return _ref(k)


@dataclass(frozen=True)
class Info:
    """What is known of an expression's value on every row: its type where it is sure
    (``BIGINT``, ``BOOLEAN``, ``DECIMAL(p, s)``; ``INT`` an INTEGER — an integer literal below
    2³¹, or what is made of them —, which a BIGINT it meets makes a BIGINT but a DECIMAL it meets
    makes a wider DECIMAL), its value where it is a constant, whether it is never below 0,
    whether it is never NULL and whether it is always NULL."""

    kind: str | None = None
    const: Decimal | bool | None = None
    nonneg: bool = False
    notnull: bool = False
    null: bool = False  # always NULL


UNKNOWN = Info()
_EXACT = Context(prec=80)


def _kind(t: exp.DataType) -> str | None:
    if t.this == exp.DataType.Type.BIGINT:
        return "BIGINT"
    if t.this == exp.DataType.Type.BOOLEAN:
        return "BOOLEAN"
    if t.this == exp.DataType.Type.DECIMAL and len(t.expressions) == 2:
        p, s_ = (int(x.this.this) for x in t.expressions)
        return f"DECIMAL({p}, {s_})"
    return None


def _fits(v: Decimal, kind: str | None) -> bool:
    """Whether ``v`` is a value of ``kind`` as it is (a cast to it changes nothing)."""
    if kind in ("BIGINT", "INT"):
        return v == v.to_integral_value() and abs(v) < (2**63 if kind == "BIGINT" else 2**31)
    if (d := _decimal(kind)) is not None:
        p, s_ = d
        return v == v.quantize(Decimal(1).scaleb(-s_), context=_EXACT) and abs(v) < Decimal(10) ** (p - s_)
    return False


def _unify(*kinds: str | None) -> str | None:
    """The type values of ``kinds`` take together (in a CASE, LEAST, COALESCE, a sum of
    BIGINTs), where it is sure: one type, or INTEGERs with BIGINTs (a BIGINT); an untyped NULL
    takes the others'; an INTEGER next to a DECIMAL(p, s) makes it DECIMAL(max(p − s, 10) + s, s)
    (COALESCE(d, 1) of a DECIMAL(9, 2) is a DECIMAL(12, 2), of a DECIMAL(18, 2) one). None:
    unknown, or of other types (a sum of two DECIMALs is wider than either: ``_sum_kind``)."""
    present = [k for k in kinds if k != "NULL"]
    known = {k for k in present if k != "INT"}
    if not kinds or None in known or len(known) > 1:
        return None
    if not present:
        return "NULL"
    if not known:
        return "INT"
    kind = known.pop()
    if kind == "BIGINT" or "INT" not in present:
        return kind
    dec = _decimal(kind)  # an INTEGER beside a DECIMAL(p, s): DuckDB's DECIMAL(max(p - s, 10) + s, s)
    return None if dec is None else f"DECIMAL({min(38, max(dec[0] - dec[1], 10) + dec[1])}, {dec[1]})"


def _typed(kind: str | None) -> TypeGuard[str]:
    """Whether ``kind`` names one SQL type (not unknown, an integer literal or an untyped NULL)."""
    return kind not in (None, "INT", "NULL")


def _decimal(kind: str | None) -> tuple[int, int] | None:
    """The precision and scale of a ``DECIMAL(p, s)`` kind."""
    if kind is None or not kind.startswith("DECIMAL"):
        return None
    p, s_ = (int(x) for x in kind[8:-1].split(","))
    return p, s_


def _sum_kind(a: str | None, b: str | None) -> str | None:
    """The type of a sum or a difference: BIGINT (or INTEGER) as its operands; of two DECIMALs,
    DuckDB's DECIMAL(max(p₁ − s₁, p₂ − s₂) + max(s₁, s₂) + 1, max(s₁, s₂)), at most 38 digits."""
    da, db = _decimal(a), _decimal(b)
    if da is None or db is None:
        kind = _unify(a, b)
        return kind if kind in ("BIGINT", "INT") else None
    scale = max(da[1], db[1])
    return f"DECIMAL({min(38, max(da[0] - da[1], db[0] - db[1]) + scale + 1)}, {scale})"


def _constant(v: Decimal | bool, kind: str) -> exp.Expr:
    if isinstance(v, bool):
        return exp.true() if v else exp.false()
    text = format(v, "f")
    number: exp.Expr = exp.Literal.number(text) if not text.startswith("-") else exp.Neg(
        this=exp.Literal.number(text[1:]))
    return number if kind == "INT" else exp.Cast(this=number, to=exp.DataType.build(kind))


class Simplifier:
    """Rewrites an expression into one of the same value on every row, of the same type, with
    fewer operations where what is known of its parts allows it (:class:`Info`)."""

    def __init__(self, columns: dict[int, Info], exprs: dict[int, exp.Expr | None] | None = None) -> None:
        self.columns = columns  # what is known of each placeholder column
        self.exprs = exprs or {}  # each placeholder column's expression (None: the table's)
        # by id: each expression is kept with its Info, so that no id is freed and reused
        self.infos: dict[int, tuple[exp.Expr, Info]] = {}

    def info(self, e: exp.Expr) -> Info:
        """What is known of ``e``, computed once (each expression is read after its operands are
        simplified, and not changed after: an Info kept for it stays true)."""
        got = self.infos.get(id(e))
        if got is not None and got[0] is e:
            return got[1]
        found = self._info(e)
        self._known(e, found)
        return found

    def _known(self, e: exp.Expr, info: Info) -> None:
        self.infos[id(e)] = (e, info)

    def run(self, e: exp.Expr) -> exp.Expr:
        """``e`` simplified (its parts first); its parts are rewritten in place."""
        return self._simp(e)

    def _simp(self, e: exp.Expr) -> exp.Expr:
        for k, v in list(e.args.items()):
            if isinstance(v, exp.Expr):
                e.set(k, self._simp(v))
            elif isinstance(v, list):
                e.set(k, [self._simp(x) if isinstance(x, exp.Expr) else x for x in v])
        out = self._rewrite(e)
        if out is not e and isinstance(out, (exp.Binary, exp.Unary, exp.Connector)) and not isinstance(out, exp.Paren):
            out = exp.Paren(this=out)
        info = self._info(out)
        if info.const is not None and info.kind is not None and not self._is_constant_form(out):
            out = _constant(info.const, info.kind)
        elif info.null and _typed(info.kind) and not isinstance(_bare(out), exp.Null):
            out = exp.Cast(this=exp.Null(), to=exp.DataType.build(info.kind))
        self._known(out, info)
        return out

    @staticmethod
    def _is_constant_form(e: exp.Expr) -> bool:
        e = _unparen(e)
        if isinstance(e, exp.Cast):
            e = e.this
        return isinstance(e, (exp.Literal, exp.Boolean, exp.Neg))

    def _rewrite(self, e: exp.Expr) -> exp.Expr:
        info = self.info
        if isinstance(e, exp.Paren):
            if isinstance(e.this, (exp.Column, exp.Paren, exp.Literal, exp.Boolean, exp.Cast)):
                return _expr(e.this)
            return e
        if isinstance(e, exp.Cast) and not isinstance(e, exp.TryCast):
            if info(e.this).kind is not None and info(e.this).kind == _kind(e.to):
                return _expr(e.this)
            inner = _unparen(e.this)
            if isinstance(inner, exp.Cast) and not isinstance(inner, exp.TryCast):
                # CAST(CAST(x AS DECIMAL(p1, s)) AS t), x a DECIMAL(p0, s), p0 ≤ p1: the inner
                # cast changes nothing (no digit is lost, no value is out of range)
                x, mid = _decimal(info(inner.this).kind), _decimal(_kind(inner.to))
                if x is not None and mid is not None and x[1] == mid[1] and x[0] <= mid[0]:
                    return exp.Cast(this=inner.this, to=e.to)
            return e
        if isinstance(e, exp.Case) and not e.this:
            return self._case(e)
        if isinstance(e, (exp.Add, exp.Sub)):
            a, b = e.this, e.expression
            kind = self._info(e).kind  # a sum of DECIMALs is wider than either
            pinned = _pinned(e)
            if kind is None and not pinned:
                return e
            for x, y in ((a, b), (b, a)) if isinstance(e, exp.Add) else ((a, b),):
                if info(y).const == 0 and not isinstance(info(y).const, bool):
                    if info(x).kind == kind or pinned:
                        return _expr(x)
                    if kind is not None and kind != "INT" and info(x).kind is not None:
                        return self._rewrite(exp.Cast(this=x, to=exp.DataType.build(kind)))  # of the sum's type
            return e
        if isinstance(e, exp.Coalesce):
            first = e.this
            if info(first).notnull and info(first).kind is not None and info(first).kind == self._info(e).kind:
                return _expr(first)
            return e
        if isinstance(e, (exp.And, exp.Or)):
            return self._connective(e)
        if isinstance(e, (exp.Least, exp.Greatest)):
            return self._extremum(e)
        return e

    def _connective(self, e: exp.And | exp.Or) -> exp.Expr:
        """AND, OR without an operand TRUE (AND) or FALSE (OR), nor one written twice; ``x AND
        NOT x`` is FALSE, ``x OR NOT x`` TRUE, where x is never NULL."""
        info = self.info
        neutral = isinstance(e, exp.And)  # the operand that changes nothing
        ops = _distinct([x for x in e.flatten() if info(x).const is not neutral])
        for x in ops:
            inner = _unparen(x)
            if isinstance(inner, exp.Not) and info(inner.this).notnull \
                    and any(_unparen(y) == _unparen(inner.this) for y in ops):
                return exp.false() if neutral else exp.true()
        if not ops:
            return exp.true() if neutral else exp.false()
        if len(ops) == 1:  # a BOOLEAN, as the AND (OR) was: TRUE AND a is CAST(a AS BOOLEAN)
            return ops[0] if info(ops[0]).kind == "BOOLEAN" else exp.Cast(this=ops[0], to=exp.DataType.build("BOOLEAN"))
        # x AND y is x AND y[x := TRUE], x OR y is x OR y[x := FALSE], where x is never NULL:
        # each operand knows what the ones before it are where it decides (only as TRUE or
        # FALSE: DuckDB computes y also where x decides alone, so no CASE column is read as an
        # arm here, which could compute the arm where the CASE did not)
        known = [ops[0]]
        for x in ops[1:]:
            known.append(self._assume(x, [f for y in known if info(y).notnull for f in self._holds(y, neutral)],
                                      arms=False))
        if any(a is not b for a, b in zip(known, ops, strict=True)):
            return self._simp(exp.and_(*known, copy=False) if neutral else exp.or_(*known, copy=False))
        if len(ops) == len(list(e.flatten())):
            return e
        return exp.and_(*ops, copy=False) if neutral else exp.or_(*ops, copy=False)

    def _extremum(self, e: exp.Least | exp.Greatest) -> exp.Expr:
        """LEAST, GREATEST without an argument written twice; of two never NULL, the one a
        constant ≤ 0 and a value never below 0 decide."""
        info = self.info
        args = [e.this, *e.expressions]
        unique = _distinct(args)
        if len(unique) == 1:
            return unique[0]
        if len(unique) < len(args):
            e = e.__class__(this=unique[0], expressions=unique[1:], ignore_nulls=e.args.get("ignore_nulls"))
        if len(args) == 2 and all(info(a).notnull for a in args):
            kind = _unify(*[info(a).kind for a in args])
            pinned = _pinned(e)
            a, b = args
            for x, y in ((a, b), (b, a)):
                cx = info(x).const
                # LEAST(c, y) with c ≤ 0 ≤ y is c; GREATEST(c, y) is y
                if isinstance(cx, Decimal) and not isinstance(cx, bool) and cx <= 0 and info(y).nonneg:
                    keep = x if isinstance(e, exp.Least) else y
                    if (kind is not None and info(keep).kind == kind) or pinned:
                        return _expr(keep)
                    if _typed(kind):
                        return exp.Cast(this=keep, to=exp.DataType.build(kind))
        return e

    def _holds(self, c: exp.Expr, truth: bool) -> list[tuple[exp.Expr, bool]]:
        """What a condition's being ``truth`` tells of expressions in it: itself, and each
        operand of an AND that holds, of an OR that fails, the operand of a NOT (each only where
        it is never NULL when its being false is told)."""
        c = _unparen(c)
        if self.info(c).kind != "BOOLEAN" or (not truth and not self.info(c).notnull):
            return []  # a BIGINT condition is TRUE where not 0: it is not TRUE itself
        out = [(c, truth)]
        if (isinstance(c, exp.And) and truth) or (isinstance(c, exp.Or) and not truth):
            for x in c.flatten():
                out.extend(self._holds(x, truth))
        elif isinstance(c, exp.Not):
            out.extend(self._holds(c.this, not truth))
        return out

    def _assume(self, e: exp.Expr, facts: list[tuple[exp.Expr, bool]], arms: bool = True) -> exp.Expr:
        """``e`` where each expression of ``facts`` is known to be TRUE or FALSE, simplified;
        ``arms``: ``e`` is computed only where the facts hold (a CASE arm), so a CASE column they
        decide may be read as its arm (:meth:`_chosen`)."""
        if not facts:
            return e
        changed = False

        def put(n: exp.Expr) -> exp.Expr:
            nonlocal changed
            if isinstance(n, exp.Paren):
                return n
            for x, truth in facts:
                if n == x:
                    changed = True
                    return exp.true() if truth else exp.false()
            tested = _unparen(n.this) if isinstance(n, exp.Is) and isinstance(n.expression, exp.Null) else None
            if isinstance(tested, exp.Column):
                # whether a CASE column is NULL where the facts choose its arm: told by the arm,
                # which is not computed for it (so also where the facts hold only in an AND)
                kc = _key(tested)
                arm = self._chosen(kc, facts) if kc is not None else None
                if arm is not None and (self.info(arm).notnull or self.info(arm).null):
                    changed = True
                    return exp.false() if self.info(arm).notnull else exp.true()
            k = _key(n) if isinstance(n, exp.Column) and arms else None
            if k is not None:
                chosen = self._chosen(k, facts)
                if chosen is not None:
                    changed = True
                    return exp.Paren(this=chosen)
            return n

        out = e.transform(put, copy=True)
        return self._simp(out) if changed else e

    def _chosen(self, k: int, facts: list[tuple[exp.Expr, bool]]) -> exp.Expr | None:
        """Column ``k``, a CASE, where ``facts`` decide which arm it takes: that arm's value
        (small, of the CASE's type), read where the column was; None where they do not."""
        e = self.exprs.get(k)
        inner = _unparen(e) if e is not None else None
        if not isinstance(inner, exp.Case) or inner.this:
            return None
        kind = self.columns.get(k, UNKNOWN).kind
        known = dict(facts)  # expressions compare (and hash) by what they are
        for w in inner.args["ifs"]:
            t = known.get(_unparen(w.this))
            if t is None:
                return None
            if t:
                value = w.args["true"]
                break
        else:
            value = inner.args.get("default") or exp.Null()
        if isinstance(_unparen(value), exp.Null):
            return exp.Cast(this=exp.Null(), to=exp.DataType.build(kind)) if _typed(kind) else None
        if _size(value) > _CHOSEN_SIZE or not _typed(kind) or self.info(value).kind != kind:
            return None
        return _expr(value).copy()

    def _case(self, e: exp.Case) -> exp.Expr:
        info = self.info
        # arms left out must not change the CASE's type: all of one type (what is left is cast to
        # it where it is not of it: INTEGER arms next to a BIGINT one), or a cast after it
        kind = self._info(e).kind
        pinned = _pinned(e)
        free = kind is not None or pinned

        def typed(out: exp.Expr) -> exp.Expr:
            if pinned or self._info(out).kind == kind:
                return out
            if _typed(kind):
                return exp.Cast(this=out, to=exp.DataType.build(kind))
            return e
        arms: list[exp.If] = []
        default = e.args.get("default")
        for w in e.args["ifs"]:
            c = info(w.this).const
            if c is False:
                continue
            if c is True:
                default = w.args["true"]
                break
            arms.append(w)
        if not free:  # only all arms the same expression (so of the same type)
            default = e.args.get("default")
            arms = list(e.args["ifs"])
        # within an arm its condition holds; after it, the condition is false where it is
        # never NULL: what the arms read of the conditions is known there
        arms = [w.copy() for w in arms]
        default = default.copy() if default is not None else None
        for n, w in enumerate(arms):
            w.set("true", self._assume(w.args["true"], self._holds(w.this, True)))
            false = self._holds(w.this, False)
            if false:
                for later in arms[n + 1:]:
                    later.set("this", self._assume(later.this, false))
                    later.set("true", self._assume(later.args["true"], false))
                if default is not None:
                    default = self._assume(default, false)
        if not arms and default is None:  # NULL, of the CASE's type
            return exp.Cast(this=exp.Null(), to=exp.DataType.build(kind)) if _typed(kind) else e
        values = [w.args["true"] for w in arms] + [default if default is not None else exp.Null()]
        # (each arm keeps its type through the rewrites: arms written alike are of one type)
        if all(v == values[0] for v in values[1:]):
            return typed(_expr(values[0]))
        if free and not arms:
            return typed(_expr(values[-1]))
        out = exp.Case(ifs=arms)
        if default is not None:
            out.set("default", default)
        return e if out == e else typed(out)

    def _info(self, e: exp.Expr) -> Info:
        got = self._info0(e)
        if self._always_null(e):
            return Info(got.kind, nonneg=True, null=True)  # no value: never below 0
        return got

    def _always_null(self, e: exp.Expr) -> bool:
        info = self.info
        if isinstance(e, exp.Null):
            return True
        if isinstance(e, (exp.Paren, exp.Cast, exp.Floor, exp.Neg, exp.Not)) and not isinstance(e, exp.TryCast):
            return info(e.this).null
        if isinstance(e, (exp.Add, exp.Sub, exp.Mul, exp.IntDiv, exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE)):
            return info(e.this).null or info(e.expression).null
        if isinstance(e, (exp.Least, exp.Greatest)):
            xs = [info(a).null for a in [e.this, *e.expressions]]
            return all(xs) if e.args.get("ignore_nulls") else any(xs)
        if isinstance(e, exp.Coalesce):
            return all(info(a).null for a in [e.this, *e.expressions])
        if isinstance(e, exp.Case) and not e.this:
            default = e.args.get("default")
            return (default is None or info(default).null) and all(info(w.args["true"]).null for w in e.args["ifs"])
        return False

    def _info0(self, e: exp.Expr) -> Info:
        info = self.info
        c: Decimal | bool | None
        if isinstance(e, exp.Paren):
            return info(e.this)
        if isinstance(e, exp.Column):
            from_key = _key(e)
            return self.columns.get(from_key, UNKNOWN) if from_key is not None else UNKNOWN
        if isinstance(e, exp.Literal):
            if e.is_string:
                return Info("VARCHAR_", None, False, True)
            v = Decimal(e.this)
            integral = v == v.to_integral_value() and e.this.isdigit()
            kind = "INT" if integral and v < 2**31 else "BIGINT" if integral and v < 2**63 else None
            return Info(kind, v, v >= 0, True)
        if isinstance(e, exp.Neg):
            x = info(e.this)
            c = -x.const if isinstance(x.const, Decimal) else None
            return Info(x.kind, c, c is not None and c >= 0, x.notnull)
        if isinstance(e, exp.Boolean):
            return Info("BOOLEAN", bool(e.this), False, True)
        if isinstance(e, exp.Null):
            return Info("NULL", None, False, False)  # of the type of what it meets
        if isinstance(e, exp.TryCast):
            return Info(_kind(e.to))
        if isinstance(e, exp.Cast):
            x, kind = info(e.this), _kind(e.to)
            c = x.const if isinstance(x.const, Decimal) and _fits(x.const, kind) else None
            if isinstance(x.const, bool) and kind == "BOOLEAN":
                c = x.const
            return Info(kind, c, x.nonneg, x.notnull)
        if isinstance(e, exp.Floor):
            x = info(e.this)
            c = x.const.to_integral_value(rounding="ROUND_FLOOR") if isinstance(x.const, Decimal) else None
            if c is not None and not (x.kind or "").startswith("DECIMAL") and abs(c) >= 2**53:
                c = None  # FLOOR of a BIGINT is a DOUBLE, exact only below 2^53
            return Info(None, c, x.nonneg, x.notnull)
        if isinstance(e, (exp.Add, exp.Sub, exp.Mul, exp.IntDiv)):
            a, b = info(e.this), info(e.expression)
            kind = _sum_kind(a.kind, b.kind) if isinstance(e, (exp.Add, exp.Sub)) else _unify(a.kind, b.kind)
            kind = kind if kind in ("BIGINT", "INT") or isinstance(e, (exp.Add, exp.Sub)) else None
            c = None
            if isinstance(a.const, Decimal) and isinstance(b.const, Decimal):
                if isinstance(e, exp.Add):
                    c = _EXACT.add(a.const, b.const)
                elif isinstance(e, exp.Sub):
                    c = _EXACT.subtract(a.const, b.const)
                elif isinstance(e, exp.Mul):
                    c = _EXACT.multiply(a.const, b.const)
                elif a.const >= 0 and b.const > 0 and a.const == a.const.to_integral_value() \
                        and b.const == b.const.to_integral_value():
                    c = _EXACT.divide_int(a.const, b.const)
            if isinstance(c, Decimal) and kind is not None and not _fits(c, kind):
                c = None  # DuckDB raises an overflow there
            nonneg = (a.nonneg and b.nonneg and not isinstance(e, exp.Sub)) or (isinstance(c, Decimal) and c >= 0)
            if isinstance(e, exp.Sub) and isinstance(_bare(e.expression), exp.Floor) \
                    and _unparen(_bare(e.expression).this) == _unparen(e.this):
                nonneg = True  # x − FLOOR(x): the decimals of x, in [0, 1)
            return Info(kind, c, nonneg, a.notnull and b.notnull)
        if isinstance(e, (exp.Least, exp.Greatest)):
            xs = [info(a) for a in [e.this, *e.expressions]]
            kind = _unify(*[x.kind for x in xs])
            ignore = bool(e.args.get("ignore_nulls"))
            notnull = any(x.notnull for x in xs) if ignore else all(x.notnull for x in xs)
            c = None
            consts = [x.const for x in xs]
            if all(isinstance(v, Decimal) for v in consts):
                c = (min if isinstance(e, exp.Least) else max)(consts)  # type: ignore[type-var]
            if isinstance(e, exp.Least):
                nonneg = all(x.nonneg for x in xs)
            else:
                nonneg = any(x.nonneg and x.notnull for x in xs) or (all(x.nonneg for x in xs))
            return Info(kind, c, nonneg, notnull)
        if isinstance(e, exp.Case) and not e.this:
            default = e.args.get("default")
            values = [info(x) for x in [*(w.args["true"] for w in e.args["ifs"]), default] if x is not None]
            arm_consts = {v.const for v in values}
            # without an ELSE the CASE is NULL where no arm is taken: no constant, maybe NULL
            c = arm_consts.pop() if len(arm_consts) == 1 and default is not None else None
            return Info(_unify(*[v.kind for v in values]), c, all(v.nonneg for v in values),
                        default is not None and all(v.notnull for v in values))
        if isinstance(e, exp.Coalesce):
            xs = [info(a) for a in [e.this, *e.expressions]]
            args = [e.this, *e.expressions]
            # an untyped NULL takes the others' type
            kind = _unify(*[x.kind for x, a in zip(xs, args, strict=True) if not isinstance(_unparen(a), exp.Null)])
            c = xs[0].const if xs[0].notnull else None
            return Info(kind, c, all(x.nonneg for x in xs), any(x.notnull for x in xs))
        if isinstance(e, exp.Is) and isinstance(e.expression, exp.Null):
            x = info(e.this)
            return Info("BOOLEAN", False if x.notnull else True if x.null else None, False, True)
        if isinstance(e, exp.Not):
            x = info(e.this)
            return Info("BOOLEAN", (not x.const) if isinstance(x.const, bool) else None, False, x.notnull)
        if isinstance(e, (exp.And, exp.Or)):
            a, b = info(e.this), info(e.expression)
            stop = isinstance(e, exp.Or)  # the value that decides alone (TRUE for OR, FALSE for AND)
            if a.const is stop or b.const is stop:
                return Info("BOOLEAN", stop, False, True)
            c = (not stop) if a.const is (not stop) and b.const is (not stop) else None
            return Info("BOOLEAN", c, False, a.notnull and b.notnull)
        if isinstance(e, (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE)):
            a, b = info(e.this), info(e.expression)
            return Info("BOOLEAN", _compared(e, a.const, b.const), False, a.notnull and b.notnull)
        if isinstance(e, exp.In) and not e.args.get("query"):
            # x IN (constants): NULL only where x is
            listed = all(info(v).notnull for v in e.expressions)
            value, texts = _text(e.this), [_text(v) for v in e.expressions]
            c = value in texts if value is not None and None not in texts else None
            return Info("BOOLEAN", c, False, info(e.this).notnull and listed)
        if isinstance(e, exp.Predicate):
            return Info("BOOLEAN")
        return UNKNOWN


_SAME_VALUE = (exp.Paren, exp.Add, exp.Sub, exp.Neg, exp.Least, exp.Greatest, exp.Coalesce, exp.Floor, exp.If,
               exp.Case)
_COMPARE = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE)


def _pinned(e: exp.Expr) -> bool:
    """Whether only the value of ``e`` matters, not its type: it reaches a cast to a known type
    or a comparison through operations whose value does not depend on their operands' types
    (sums, differences, LEAST, a CASE's value…), not as a condition. Rewritten to another
    expression of the same value and another exact type, it leaves every value unchanged."""
    child, p = e, e.parent
    while p is not None:
        if isinstance(p, exp.Cast) and not isinstance(p, exp.TryCast):
            return _kind(p.to) is not None
        if isinstance(p, _COMPARE):
            return True
        if not isinstance(p, _SAME_VALUE) or (isinstance(p, (exp.If, exp.Case)) and child is p.this):
            return False
        child, p = p, p.parent
    return False


_CHOSEN_SIZE = 24  # the largest arm a CASE column is read as where its arm is known


def _size(e: exp.Expr) -> int:
    """The number of operations and operands in ``e``."""
    return sum(1 for x in e.walk() if not isinstance(x, (exp.Paren, exp.Identifier, exp.DataType,
                                                          exp.DataTypeParam)))


def _neutral_coalesce(e: exp.Expr, positive: bool) -> exp.Expr | None:
    """x, where ``e`` is ``COALESCE(x, FALSE)`` and ``positive`` (``COALESCE(x, TRUE)`` and not):
    in a filter's place of that sign it keeps the rows x keeps."""
    e = _unparen(e)
    if isinstance(e, exp.Coalesce) and len(e.expressions) == 1 and isinstance(e.expressions[0], exp.Boolean) \
            and e.expressions[0].this is not positive:
        return _expr(e.this)
    return None


def _distinct(xs: list[exp.Expr]) -> list[exp.Expr]:
    """``xs`` without an expression written twice (parentheses aside), in their order."""
    out: list[exp.Expr] = []
    for x in xs:
        if not any(_unparen(y) == _unparen(x) for y in out):
            out.append(x)
    return out


def _text(e: exp.Expr) -> str | None:
    """The value of a text literal (None: ``e`` is not one)."""
    e = _unparen(e)
    return e.this if isinstance(e, exp.Literal) and e.is_string else None


def _compared(e: exp.Expr, x: Decimal | bool | None, y: Decimal | bool | None) -> bool | None:
    """The value of a comparison of two constants (None: not known): two texts (equal or not,
    as DuckDB compares them, character for character), two numbers, two booleans (equal or not);
    ``x`` and ``y``: the operands' constant values where known."""
    a, b = _text(e.this), _text(e.expression)
    if a is not None and b is not None:
        return (a == b) if isinstance(e, exp.EQ) else (a != b) if isinstance(e, exp.NEQ) else None
    if isinstance(x, bool) or isinstance(y, bool):
        if isinstance(x, bool) and isinstance(y, bool) and isinstance(e, (exp.EQ, exp.NEQ)):
            return (x == y) if isinstance(e, exp.EQ) else (x != y)
        return None
    if x is None or y is None:
        return None
    ops: dict[type[exp.Expr], bool] = {exp.EQ: x == y, exp.NEQ: x != y, exp.GT: x > y, exp.GTE: x >= y,
                                       exp.LT: x < y, exp.LTE: x <= y}
    return ops.get(type(e))


def _unparen(e: exp.Expr) -> exp.Expr:
    while isinstance(e, exp.Paren):
        e = e.this
    return e


def _bare(e: exp.Expr) -> exp.Expr:
    """``e`` without the parentheses and casts around it."""
    while isinstance(e, (exp.Paren, exp.Cast)) and not isinstance(e, exp.TryCast):
        e = e.this
    return e


def _expr(x: Any) -> exp.Expr:
    assert isinstance(x, exp.Expr)
    return x


def _single(e: exp.Expr) -> int | None:
    """The node ``e`` is, when it is a placeholder column alone."""
    while isinstance(e, exp.Paren):
        e = e.this
    return _key(e) if isinstance(e, exp.Column) else None


def compact(q: exp.Select, keep: Iterable[str] | None = None, base: Mapping[str, Info] | None = None) -> exp.Select:
    """``q`` (a chain of steps and a last SELECT, as the SQL backend builds it) computed with
    fewer steps and columns; the result columns are the same, with the same values, in the same
    order (``keep``: only those, in ``q``'s order). ``base``: what is known of the columns of
    the table the chain reads."""
    try:
        return _compact(q, None if keep is None else set(keep), dict(base or {}))
    except _Unchanged:
        return q


def _compact(q: exp.Select, keep: set[str] | None, base: dict[str, Info]) -> exp.Select:
    ch = _Chain()
    ch.base_info = base
    steps = [(cte.alias, cte.this) for cte in (q.args["with_"].expressions if q.args.get("with_") else [])]
    body = q.copy()
    body.set("with_", None)
    envs: dict[str, dict[str, int]] = {}
    outputs: list[tuple[str, exp.Expr]] = []
    outputs_named: set[str] = set()
    for i, (name, sel) in enumerate([*steps, ("", body)]):
        if not isinstance(sel, exp.Select) or any(
                sel.args.get(a) for a in ("joins", "group", "having", "order", "limit", "offset", "distinct",
                                         "qualify", "windows", "laterals", "with_")):
            raise _Unchanged
        src = sel.args["from_"].this
        if not isinstance(src, exp.Table):
            raise _Unchanged
        aliases = {src.alias_or_name, src.name}
        # a chain: each step reads the one before it, the first the table (a step reading the
        # table again, or an earlier step, would not see the filters between)
        if i and (src.db or src.name != steps[i - 1][0]):
            raise _Unchanged
        if not i and src.name in {n for n, _ in steps}:
            raise _Unchanged
        env: dict[str, int] | None = envs.get(src.name) if i else None
        if env is None:
            ch.table = exp.to_table(src.name) if not src.db else src.copy()
            ch.table.set("alias", None)
        where = sel.args.get("where")
        if where is not None:
            ch.filtered(ch.tested(ch.resolve(where.this, env, aliases)))
        floor = len(ch.filters)
        out: dict[str, int] = {}
        last = i == len(steps)
        named = {p.alias_or_name for p in sel.expressions if isinstance(p, exp.Alias)}
        if any(c.name in named and not c.table and (env is None or c.name not in env)
               for p in sel.expressions for c in p.find_all(exp.Column)):
            raise _Unchanged  # a column named in its own SELECT (DuckDB reads it as the alias)
        for p in sel.expressions:
            if not isinstance(p, _PLAIN):
                p = exp.alias_(p, p.alias_or_name)
            if isinstance(p, exp.Star):
                if env is None or out or outputs:
                    raise _Unchanged
                out.update(env)
                if last:  # the result columns: every column of the step before, in its order
                    outputs.extend((name_, ch.use(k_)) for name_, k_ in env.items())
                continue
            alias = p.alias_or_name
            if alias in out or alias in outputs_named:  # a name twice: DuckDB reads the first
                raise _Unchanged
            e = ch.resolve(p.this if isinstance(p, exp.Alias) else p, env, aliases)
            if last:
                outputs.append((alias, e))
                outputs_named.add(alias)
                continue
            k = _single(e)
            out[alias] = k if k is not None else ch.node(alias, e, floor)
        envs[name] = out
    if keep is not None:
        outputs = [(n, e) for n, e in outputs if n in keep]
    return _emit(ch, outputs)


def _refs(e: exp.Expr) -> list[int]:
    return [k for c in e.find_all(exp.Column) if (k := _key(c)) is not None]


def _emit(ch: _Chain, outputs: list[tuple[str, exp.Expr]]) -> exp.Select:
    nodes = ch.nodes
    # what is needed: from the result columns and the filters back
    needed: set[int] = set()
    todo = [k for _, e in outputs for k in _refs(e)] + [k for f in ch.filters for k in _refs(f)]
    while todo:
        k = todo.pop()
        if k not in needed:
            needed.add(k)
            e = nodes[k].expr
            if e is not None:
                todo.extend(_refs(e))
    for e in [e for _, e in outputs] + ch.filters + [nodes[k].expr for k in needed]:
        if e is not None:
            for k in _refs(e):
                nodes[k].uses += 1
    top_floor = len(ch.filters)
    _inline(ch, needed)
    outputs = [(n, _with_inlined(ch, e, top_floor)) for n, e in outputs]
    live = sorted(k for k in needed if not nodes[k].inlined)
    # levels, in the chain's order: a column in the first step after the columns it reads and
    # not before the filter it came after; a filter in the first step after what it reads and
    # not before the filter before it
    filter_level: list[int] = []
    pending = list(enumerate(ch.filter_at))
    for k in live:
        while pending and pending[0][1] <= k:
            j, _ = pending.pop(0)
            filter_level.append(max([filter_level[-1] if filter_level else 1,
                                     *[nodes[d].level + 1 for d in _refs(ch.filters[j])]]))
        n = nodes[k]
        if n.expr is not None:
            n.level = max([filter_level[n.floor - 1] if n.floor else 1, *[nodes[d].level + 1 for d in _refs(n.expr)]])
    for j, _ in pending:
        filter_level.append(max([filter_level[-1] if filter_level else 1,
                                 *[nodes[d].level + 1 for d in _refs(ch.filters[j])]]))
    top = max([1, *filter_level, *[nodes[k].level for k in live]])
    # a column computed in a step at or after a filter's sees only the rows it keeps: what the
    # filter tells (excluded FALSE after NOT excluded) is written into it — its value on those
    # rows is unchanged, no column is read that was not (no CASE column is read as its arm)
    simp = ch.simplifier()

    def after(level: int, e: exp.Expr) -> exp.Expr:
        facts = [f for j, lv in enumerate(filter_level) if lv <= level for f in ch.filter_facts[j]]
        return simp._assume(e, facts, arms=False) if facts else e
    for k in live:
        n = nodes[k]
        if n.expr is not None and n.level:
            n.expr = after(n.level, n.expr)
    outputs = [(name_, after(top + 1, e)) for name_, e in outputs]
    # the last step each column is read in (a filter of step L reads the step before it)
    last: dict[int, int] = {}
    readers = [(nodes[k].level, nodes[k].expr) for k in live] + list(zip(filter_level, ch.filters, strict=True))
    readers += [(top + 1, e) for _, e in outputs]
    for lv, e in readers:
        if e is not None:
            for d in _refs(e):
                last[d] = max(last.get(d, 0), lv)
    names = _names(ch, live)

    def sql(e: exp.Expr) -> exp.Expr:
        e = e.copy()
        for c in list(e.find_all(exp.Column)):
            k = _key(c)
            if k is not None:
                if c is e:
                    return exp.column(names[k], quoted=True)
                c.replace(exp.column(names[k], quoted=True))
        return e

    chain: list[exp.Select] = []
    for lv in range(1, top + 1):
        step = exp.select()
        for k in live:
            n = nodes[k]
            if n.level < lv < last.get(k, 0):
                step = step.select(exp.column(names[k], quoted=True), copy=False)
            elif n.level == lv and n.expr is not None:
                step = step.select(exp.alias_(sql(n.expr), names[k], quoted=True), copy=False)
        if not step.expressions:
            step = step.select(exp.Literal.number(1), copy=False)
        assert ch.table is not None
        step = step.from_(ch.table.copy() if lv == 1 else exp.to_table(f"s{lv - 1}"), copy=False)
        conds = [sql(f) for f, fl in zip(ch.filters, filter_level, strict=True) if fl == lv]
        if conds:
            step = step.where(*conds, copy=False)
        chain.append(step)
    final = exp.select(*[exp.alias_(sql(e), n, quoted=True) for n, e in outputs]).from_(f"s{top}")
    for lv, step in enumerate(chain, 1):
        final = final.with_(f"s{lv}", as_=step, copy=False)
    return final


def _inline(ch: _Chain, needed: set[int]) -> None:
    """Write each column read once into its reader, innermost first."""
    nodes = ch.nodes
    for k in sorted(needed, reverse=True):
        n = nodes[k]
        if n.expr is None or n.inlined:
            continue
        n.expr = _with_inlined(ch, n.expr, n.floor)
    for f_i, f in enumerate(ch.filters):
        ch.filters[f_i] = _with_inlined(ch, f, f_i + 1)


def _with_inlined(ch: _Chain, e: exp.Expr, floor: int) -> exp.Expr:
    for c in list(e.find_all(exp.Column)):
        d = _key(c)
        if d is None:
            continue
        m = ch.nodes[d]
        if m.expr is not None and m.uses == 1 and not m.inlined and m.floor <= floor:
            m.inlined = True
            inner = _with_inlined(ch, m.expr, floor)
            if c is e:
                return exp.Paren(this=inner)
            c.replace(exp.Paren(this=inner))
    return e


def _names(ch: _Chain, live: list[int]) -> dict[int, str]:
    """A name per column computed: the first table's columns their own, the others theirs unless
    taken (then with a number)."""
    names = {k: ch.nodes[k].name for k in live if ch.nodes[k].expr is None}
    taken = set(names.values())
    for k in live:
        n = ch.nodes[k]
        if n.expr is None:
            continue
        name, j = n.name, 1
        while name in taken:
            j += 1
            name = f"{n.name}__{j}"
        taken.add(name)
        names[k] = name
    return names

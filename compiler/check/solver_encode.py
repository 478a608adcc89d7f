"""The policy model as z3 terms, for the semantic checks in :mod:`compiler.check.solver`.

The translation follows the reference evaluator (``compiler/evaluate/evaluator.py``) exactly:

* a number is an interval ``[lo, hi]`` of exact rationals, each ``t / d`` with ``t`` a z3
  integer term and ``d`` a constant (see :class:`Q`), plus ``det``: false when the value is
  未定 (undetermined), which makes comparisons false and propagates through arithmetic;
  ``未定 封顶 X`` is ``[0, X]``; ``不超过 X`` is ``[0, X]``; ``1万元 至 3万元`` is an interval;
* facts carry their domain, always asserted: money is a whole number of fen ≥ 0 (so every
  value is one a profile can state), integers stay in their declared range (digital_level
  0..4, counts ≥ 0), rates are hundredths in 0..1, enums take a declared value, texts any;
* a text or enum fact may be absent (not provided) unless it is required or has a default:
  it is then coded ``-1`` and every comparison or membership test with it is false;
* item amounts and cross-item cap limits are rounded down to the fen, as the runtime does
  (integer division: the whole encoding stays in linear integer arithmetic);
* an item applies when its beneficiary is ``applicant_type``, every 资格 holds, no 排除
  holds and its condition holds;
* cross-item caps (累计上限) keep their items' minimums in declaration order, then hand out
  the headroom in declaration order (later items cut first); an undetermined item takes
  whatever headroom the cap leaves.

Strings are interned to integer codes shared by every policy translated in one
:class:`Space`, so that a child policy and its parent speak about the same applicant.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import z3

from ..model import nodes as n
from ..model import queries
from ..model.printer import refs
from ..vocabulary import FACTS

# z3 resource units per query: deterministic (the same answer on any machine, under any load),
# unlike a timeout. Far above what the seed policies need.
RLIMIT = 20_000_000
ABSENT = -1
FEN_PER_YUAN = 100
PARAM_RATE_DENOMINATOR = 10 ** 6  # a rate 参数 has at most six decimals (runtime.PARAM_RATE_SCALE)
RATE_SCALE = 10 ** 8  # a ratio fact is a whole number of 10⁻⁸ (the runtime's RATE_DIGITS)
EPOCH = dt.date(1970, 1, 1)  # a date fact is its day number from here
DATE_LOW, DATE_HIGH = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
DATE_ABSENT = (DATE_LOW - EPOCH).days - 1  # a date fact not provided


def day_number(d: dt.date) -> int:
    return (d - EPOCH).days


def day_date(x: int) -> dt.date:
    return EPOCH + dt.timedelta(days=x)

Term = Any  # a z3 expression; z3 ships no type information
Flag = Any  # a z3 Boolean expression or a Python bool


# ---------------------------------------------------------------------------- small helpers


def is_true(x: Flag) -> bool:
    return x is True


def is_false(x: Flag) -> bool:
    return x is False


# The checker builds tens of thousands of terms for a large policy. z3's Python constructors
# (z3.And, z3.If, …) check and coerce every argument; these go straight to the C API for the
# terms the encoding makes (Booleans and integers of the main context) — the same terms — and
# fall back to the checked constructor for anything else.
_CTX = z3.main_ctx()


def _and(parts: list[Term]) -> Term:
    try:
        arr = (z3.Ast * len(parts))(*[p.as_ast() for p in parts])
        return z3.BoolRef(z3.Z3_mk_and(_CTX.ref(), len(parts), arr), _CTX)
    except (AttributeError, z3.Z3Exception):
        return z3.And(*parts)


def _or(parts: list[Term]) -> Term:
    try:
        arr = (z3.Ast * len(parts))(*[p.as_ast() for p in parts])
        return z3.BoolRef(z3.Z3_mk_or(_CTX.ref(), len(parts), arr), _CTX)
    except (AttributeError, z3.Z3Exception):
        return z3.Or(*parts)


def fast_if(c: Term, a: Term, b: Term) -> Term:
    """``z3.If(c, a, b)`` for a z3 condition and two terms of one sort."""
    try:
        t = z3.Z3_mk_ite(_CTX.ref(), c.as_ast(), a.as_ast(), b.as_ast())
    except (AttributeError, z3.Z3Exception):
        return z3.If(c, a, b)
    return z3.BoolRef(t, _CTX) if isinstance(a, z3.BoolRef) else z3.ArithRef(t, _CTX)


_INTS: dict[int, Term] = {}


def _int(k: int) -> Term:
    hit = _INTS.get(k)
    if hit is None:
        hit = z3.IntVal(k)
        if len(_INTS) < 100_000:
            _INTS[k] = hit
    return hit


def _arith(mk: Any, a: Term, b: Term, fallback: Any) -> Term:
    """``mk`` (a z3 C constructor of two integer terms) applied directly, as the operator would."""
    try:
        x = a if not isinstance(a, int) else _int(a)
        y = b if not isinstance(b, int) else _int(b)
        if mk is z3.Z3_mk_add or mk is z3.Z3_mk_sub or mk is z3.Z3_mk_mul:
            arr = (z3.Ast * 2)(x.as_ast(), y.as_ast())
            return z3.ArithRef(mk(_CTX.ref(), 2, arr), _CTX)
        return z3.ArithRef(mk(_CTX.ref(), x.as_ast(), y.as_ast()), _CTX)
    except (AttributeError, z3.Z3Exception):
        return fallback(a, b)


def _rel(mk: Any, a: Term, b: Term, fallback: Any) -> Term:
    """A comparison of two integer terms made directly (``mk``: Z3_mk_le, …)."""
    try:
        if mk is z3.Z3_mk_distinct:
            arr = (z3.Ast * 2)(a.as_ast(), b.as_ast())
            return z3.BoolRef(mk(_CTX.ref(), 2, arr), _CTX)
        return z3.BoolRef(mk(_CTX.ref(), a.as_ast(), b.as_ast()), _CTX)
    except (AttributeError, z3.Z3Exception):
        return fallback(a, b)


def add(a: Term, b: Term) -> Term:
    return _arith(z3.Z3_mk_add, a, b, lambda x, y: x + y)


def sub(a: Term, b: Term) -> Term:
    return _arith(z3.Z3_mk_sub, a, b, lambda x, y: x - y)


def mul(a: Term, b: Term) -> Term:
    return _arith(z3.Z3_mk_mul, a, b, lambda x, y: x * y)


def div(a: Term, b: Term) -> Term:
    """Integer division (z3's ``/`` on integers)."""
    return _arith(z3.Z3_mk_div, a, b, lambda x, y: x / y)


def conj(*xs: Flag) -> Flag:
    parts = []
    for x in xs:
        if x is False:
            return False
        if x is not True:
            parts.append(x)
    if not parts:
        return True
    return parts[0] if len(parts) == 1 else _and(parts)


def disj(*xs: Flag) -> Flag:
    parts = []
    for x in xs:
        if x is True:
            return True
        if x is not False:
            parts.append(x)
    if not parts:
        return False
    return parts[0] if len(parts) == 1 else _or(parts)


def neg(x: Flag) -> Flag:
    if isinstance(x, bool):
        return not x
    try:
        return z3.BoolRef(z3.Z3_mk_not(_CTX.ref(), x.as_ast()), _CTX)
    except (AttributeError, z3.Z3Exception):
        return z3.Not(x)


def ite(c: Flag, a: Term, b: Term) -> Term:
    if c is True:
        return a
    if c is False:
        return b
    return fast_if(c, a, b)


def ite_flag(c: Flag, a: Flag, b: Flag) -> Flag:
    if c is True:
        return a
    if c is False:
        return b
    if a is b:
        return a
    return fast_if(c, as_bool(a), as_bool(b))


def as_bool(x: Flag) -> Term:
    return z3.BoolVal(x) if isinstance(x, bool) else x


def zmin(a: Term, b: Term) -> Term:
    return fast_if(_cmp("<=", a, b), a, b)


def zmax(a: Term, b: Term) -> Term:
    return fast_if(_cmp(">=", a, b), a, b)


# ---------------------------------------------------------------------------- exact numbers
#
# A number is ``t / d``: ``t`` an integer z3 term, ``d`` a positive Python integer. Money
# facts are whole fen (t = fen, d = 100), 50% is 1/2, so every amount a policy can write with
# constant rates is a linear integer term over a constant denominator: the solver works in
# linear integer arithmetic, rounding down to the fen is integer division, and nothing is
# ever approximated.


@dataclass(frozen=True)
class Q:
    """The exact rational ``t / d``; ``c`` is its value when it is a constant."""

    t: Term
    d: int
    c: Fraction | None = None


_CONSTS: dict[Fraction, Q] = {}


def q_const(x: Fraction | Decimal | int) -> Q:
    f = Fraction(x)
    hit = _CONSTS.get(f)
    if hit is None:
        hit = Q(z3.IntVal(f.numerator), f.denominator, f)
        if len(_CONSTS) < 100_000:  # literals recur (0, rates, caps): each made once
            _CONSTS[f] = hit
    return hit


def _scaled(a: Q, d: int) -> Term:
    k = d // a.d
    if a.c is not None:
        return _int(a.c.numerator * (d // a.c.denominator))
    return a.t if k == 1 else mul(a.t, k)


def _align(a: Q, b: Q) -> tuple[Term, Term, int]:
    d = math.lcm(a.d, b.d)
    return _scaled(a, d), _scaled(b, d), d


def q_add(a: Q, b: Q, sign: int = 1) -> Q:
    if a.c is not None and b.c is not None:
        return q_const(a.c + sign * b.c)
    x, y, d = _align(a, b)
    return Q(add(x, y) if sign > 0 else sub(x, y), d)


def q_scale(a: Q, k: Fraction) -> Q:
    """``a × k`` for a constant ``k``."""
    if a.c is not None:
        return q_const(a.c * k)
    if k == 0:
        return q_const(0)
    return Q(mul(a.t, k.numerator) if k.numerator != 1 else a.t, a.d * k.denominator)


def q_mul(a: Q, b: Q) -> Q:
    if a.c is not None:
        return q_scale(b, a.c)
    if b.c is not None:
        return q_scale(a, b.c)
    return Q(a.t * b.t, a.d * b.d)  # non-linear: two facts multiplied


def q_ite(c: Flag, a: Q, b: Q) -> Q:
    if c is True:
        return a
    if c is False:
        return b
    if a is b:
        return a
    x, y, d = _align(a, b)
    return Q(fast_if(c, x, y), d)


def q_min(a: Q, b: Q) -> Q:
    if a.c is not None and b.c is not None:
        return q_const(min(a.c, b.c))
    x, y, d = _align(a, b)
    return Q(zmin(x, y), d)


def q_max(a: Q, b: Q) -> Q:
    if a.c is not None and b.c is not None:
        return q_const(max(a.c, b.c))
    x, y, d = _align(a, b)
    return Q(zmax(x, y), d)


def cmp(op: str, a: Q | int, b: Q | int) -> Flag:
    """``a op b`` (== != >= <= > <) exactly."""
    qa = a if isinstance(a, Q) else q_const(a)
    qb = b if isinstance(b, Q) else q_const(b)
    if qa.c is not None and qb.c is not None:
        return _cmp_py(op, qa.c, qb.c)
    x, y, _ = _align(qa, qb)
    return _cmp(op, x, y)


def fen(a: Q) -> Q:
    """Round towards zero to the fen (the runtime's ``to_fen``); the result has d = 100."""
    if a.c is not None:
        return q_const(Fraction(int(a.c * FEN_PER_YUAN), FEN_PER_YUAN))
    if FEN_PER_YUAN % a.d == 0:
        return Q(_scaled(a, FEN_PER_YUAN), FEN_PER_YUAN)
    s = a.t * FEN_PER_YUAN
    return Q(z3.If(s >= 0, s / a.d, -((-s) / a.d)), FEN_PER_YUAN)


def fen_of(a: Q, nonneg: Any) -> Q:
    """:func:`fen` with the rounding pushed into the branches of the if-then-else terms (tiers,
    封顶 as ``min``) down to linear terms, and a term known to be non-negative (money, counts,
    rates, their positive multiples and sums: ``nonneg``) divided without the sign test.

    The same value (truncation commutes with a choice and is monotone, so it commutes with
    ``min`` and ``max``), but the solver sees one division per distinct linear term — the base
    that several tiers share is one — instead of two per amount, each of a nested term.
    """
    if a.c is not None or FEN_PER_YUAN % a.d == 0:
        return fen(a)
    memo: dict[int, tuple[Term, Term]] = {}

    ref = _CTX.ref()

    def trunc(t: Term) -> Term:
        ast = t.as_ast()
        key = z3.Z3_get_ast_id(ref, ast)
        hit = memo.get(key)
        if hit is not None:
            return hit[1]
        if z3.Z3_get_ast_kind(ref, ast) == z3.Z3_APP_AST and \
                z3.Z3_get_decl_kind(ref, z3.Z3_get_app_decl(ref, ast)) == z3.Z3_OP_ITE:
            out = fast_if(z3.BoolRef(z3.Z3_get_app_arg(ref, ast, 0), _CTX),
                          trunc(z3.ArithRef(z3.Z3_get_app_arg(ref, ast, 1), _CTX)),
                          trunc(z3.ArithRef(z3.Z3_get_app_arg(ref, ast, 2), _CTX)))
        elif z3.Z3_get_ast_kind(ref, ast) == z3.Z3_NUMERAL_AST:
            x = int(z3.Z3_get_numeral_string(ref, ast)) * FEN_PER_YUAN
            out = z3.IntVal(x // a.d if x >= 0 else -((-x) // a.d))
        else:
            s = mul(t, FEN_PER_YUAN)
            out = div(s, a.d) if nonneg(t) else z3.If(s >= 0, s / a.d, -((-s) / a.d))
        memo[key] = (t, out)
        return out

    return Q(trunc(a.t), FEN_PER_YUAN)


def to_real(a: Q) -> Term:
    return z3.ToReal(a.t) / a.d


# ---------------------------------------------------------------------------- values


@dataclass(frozen=True)
class NumV:
    """An interval ``[lo, hi]`` of exact rationals; ``det`` is false when the value is 未定."""

    lo: Q
    hi: Q
    det: Flag = True

    @property
    def const(self) -> tuple[Fraction, Fraction] | None:
        if self.lo.c is not None and self.hi.c is not None:
            return (self.lo.c, self.hi.c)
        return None


@dataclass(frozen=True)
class BoolV:
    term: Flag


@dataclass(frozen=True)
class StrV:
    code: Term  # z3 Int; ABSENT when the fact is not provided


Val = NumV | BoolV | StrV


def num_const(lo: Fraction | Decimal | int, hi: Fraction | Decimal | int | None = None) -> NumV:
    a = q_const(lo)
    return NumV(a, q_const(hi) if hi is not None else a)


ZERO = num_const(0)
UNDET = NumV(q_const(0), q_const(0), False)


# ---------------------------------------------------------------------------- facts


@dataclass
class FactVar:
    name: str
    kind: str  # bool | int | money | rate | enum | text
    var: Term  # z3 Bool, or z3 Int (the integer, fen, hundredths or string code)
    value: Val
    domain: Flag
    domain_text: str
    required: bool
    default: object
    values: tuple[str, ...] = ()
    vocabulary: bool = False
    low: int | Decimal | None = None
    high: int | Decimal | None = None


@dataclass
class Space:
    """Variables (one per fact name) and interned strings, shared by a policy and its parent."""

    strings: dict[str, int] = field(default_factory=dict)
    facts: dict[str, FactVar] = field(default_factory=dict)
    # 约束 of the policies, and the ranges of 参数 not stated in the text: assumed by every query
    assumptions: list[Term] = field(default_factory=list)
    params: list[Term] = field(default_factory=list)  # the variables of 参数 not stated in the text
    # ids of the fact variables whose domain is ≥ 0 (money, rates, counts), and of terms known
    # to be ≥ 0 because of them (see :meth:`nonneg`)
    positive: dict[int, tuple[Term, bool]] = field(default_factory=dict)

    def nonneg(self, t: Term) -> bool:
        """``t`` is ≥ 0 under the facts' domains: a constant ≥ 0, a fact whose domain says so, or
        a sum, product, choice or division by a positive constant of such terms."""
        key = t.get_id()
        hit = self.positive.get(key)
        if hit is not None:
            return hit[1]
        out: bool
        if z3.is_int_value(t):
            out = bool(t.as_long() >= 0)
        elif z3.is_const(t):
            out = False  # a variable: only those recorded by :func:`_make`
        elif z3.is_add(t) or z3.is_mul(t):
            out = all(self.nonneg(x) for x in t.children())
        elif z3.is_app_of(t, z3.Z3_OP_ITE):
            out = self.nonneg(t.arg(1)) and self.nonneg(t.arg(2))
        elif z3.is_idiv(t):
            out = self.nonneg(t.arg(0)) and z3.is_int_value(t.arg(1)) and bool(t.arg(1).as_long() > 0)
        else:
            out = False
        self.positive[key] = (t, out)
        return out

    def code(self, s: str) -> int:
        if s not in self.strings:
            self.strings[s] = len(self.strings)
        return self.strings[s]

    def string(self, code: int) -> str:
        for s, c in self.strings.items():
            if c == code:
                return s
        base = "（未列举的值）"
        text = base
        i = 2
        while text in self.strings:
            text = f"{base}{i}"
            i += 1
        return text

    def fact(self, decl: n.FactDecl, owner: str) -> FactVar:
        old = self.facts.get(decl.name)
        if old is not None:
            if old.kind == decl.type.kind and old.values == tuple(v for v, _ in decl.type.values):
                return old  # the first policy's declaration (the child's) decides the domain
            key = f"{owner}:{decl.name}"  # a same-named fact of another type in the parent
            if key in self.facts:
                return self.facts[key]
            fv = _make(self, key, decl)
            self.facts[key] = fv
            return fv
        fv = _make(self, decl.name, decl)
        self.facts[decl.name] = fv
        return fv

    def domains(self) -> list[Term]:
        return [as_bool(f.domain) for f in self.facts.values() if not is_true(f.domain)] + self.assumptions


def _make(space: Space, key: str, decl: n.FactDecl) -> FactVar:
    t = decl.type
    kind = t.kind
    default: object = decl.default
    values = tuple(v for v, _ in t.values)
    if kind == "bool":
        var = z3.Bool(key)
        fv = FactVar(decl.name, kind, var, BoolV(var), True, "", decl.required, default)
    elif kind in ("int", "money", "rate"):
        var = z3.Int(key)
        q = Q(var, {"int": 1, "rate": RATE_SCALE}.get(kind, FEN_PER_YUAN))
        fv = FactVar(decl.name, kind, var, NumV(q, q), True, "", decl.required, default,
                     low=t.low, high=t.high)
    elif kind == "date":
        # a day number; DATE_ABSENT when not provided: then, like 未定, every comparison is false
        var = z3.Int(key)
        q = Q(var, 1)
        fv = FactVar(decl.name, kind, var, NumV(q, q, var != DATE_ABSENT), True, "",
                     decl.required, default)
    else:
        var = z3.Int(key)
        for v in values:
            space.code(v)
        fv = FactVar(decl.name, kind, var, StrV(var), True, "", decl.required, default, values)
    fv.vocabulary = decl.vocabulary and decl.name in FACTS
    fv.domain, fv.domain_text = _domain(space, fv)
    if kind == "money" or (kind in ("int", "rate") and fv.low is not None and fv.low >= 0) or \
            (kind == "rate" and fv.low is None):
        space.positive[var.get_id()] = (var, True)  # its domain, asserted in every question
    return fv


def _domain(space: Space, fv: FactVar) -> tuple[Flag, str]:
    v = fv.var
    name = fv.name
    if fv.kind == "bool":
        return True, ""
    if fv.kind == "int":
        parts = []
        if fv.low is not None:
            parts.append(v >= fv.low)
        if fv.high is not None:
            parts.append(v <= fv.high)
        hi = str(fv.high) if fv.high is not None else "∞"
        lo = str(fv.low) if fv.low is not None else "-∞"
        return conj(*parts), f"{name} 的取值范围 {lo}..{hi}"
    if fv.kind == "money":
        return v >= 0, f"{name} ≥ 0"
    if fv.kind == "rate":
        rlo = Decimal(0) if fv.low is None else Decimal(fv.low)
        rhi = Decimal(1) if fv.high is None else Decimal(fv.high)
        return (conj(v >= int(rlo * RATE_SCALE), v <= int(rhi * RATE_SCALE)),
                f"{name} 在 {rlo:f}..{rhi:f} 之间")
    if fv.kind == "date":
        inside = conj(v >= day_number(DATE_LOW), v <= day_number(DATE_HIGH))
        if fv.required:
            return inside, f"{name} 必填"
        return disj(inside, v == DATE_ABSENT), ""
    may_be_absent = not fv.required and fv.default is None
    if fv.kind == "enum":
        opts = [v == space.code(x) for x in fv.values]
        if may_be_absent:
            opts.append(v == ABSENT)
        listed = "、".join(fv.values)
        text = f"{name} 取值为 {listed}" + ("" if may_be_absent else "（必填）")
        return disj(*opts), text
    return (v >= (ABSENT if may_be_absent else 0)), (f"{name} 必填" if not may_be_absent else "")


# ---------------------------------------------------------------------------- the encoder


@dataclass
class CapMember:
    """One item of a cross-item cap; amounts are whole fen (z3 Int terms)."""

    item: n.Item
    lo_in: Term
    hi_in: Term
    inf_in: Flag  # the item is undetermined (its maximum is whatever the cap leaves)
    lo_out: Term
    hi_out: Term


@dataclass
class CapFlow:
    cap: n.CrossCap
    limit: NumV  # rounded down to the fen (``cents`` gives it in fen)
    members: list[CapMember]


class Encoder:
    """One policy's expressions, conditions and amounts as z3 terms over a :class:`Space`."""

    def __init__(self, policy: n.Policy, space: Space) -> None:
        self.policy = policy
        self.space = space
        self.facts = {f.name: space.fact(f, policy.id) for f in policy.facts}
        self.defs = {d.name: d for d in policy.definitions}
        self._def_memo: dict[str, Val] = {}
        # every expression node's value, built once: the checks ask about an item's amount, its
        # tiers and its 封顶 separately (the node is kept so that its id stays its own)
        self._memo: dict[int, tuple[n.Expr, Val]] = {}
        self._app: dict[str, Flag] = {}
        self._amount: dict[str, NumV] = {}
        self._eligible: Flag | None = None
        self._flows: list[CapFlow] | None = None
        self._final: dict[str, tuple[Term, Term]] = {}
        self._scopes: dict[int, tuple[n.Scope | None, list[n.Item]]] = {}
        self.params: dict[str, tuple[n.Parameter, Val, Term | None]] = {}
        for prm in policy.parameters:
            self.params[prm.name] = self._parameter(prm)
        for c in policy.constraints:  # 约束: every applicant the checks consider satisfies them
            t = self.truth(c.cond)
            if not is_true(t):
                space.assumptions.append(as_bool(t))

    def _parameter(self, prm: n.Parameter) -> tuple[n.Parameter, Val, Term | None]:
        """A 参数: its stated value as a constant; one the text does not state (未公布) as a free
        variable over its range (rates -100%..100% in millionths, money in fen ≥ 0, counts ≥ 0),
        so that a finding holds for any value the authority may publish."""
        if prm.value is not None:
            return prm, num_const(prm.value), None
        kind = prm.type.kind
        var = z3.Int(f"参数:{self.policy.id}:{prm.name}")
        d = {"rate": PARAM_RATE_DENOMINATOR, "money": FEN_PER_YUAN}.get(kind, 1)
        low = -PARAM_RATE_DENOMINATOR if kind == "rate" else 0
        self.space.assumptions.append(var >= low)
        if kind == "rate":
            self.space.assumptions.append(var <= PARAM_RATE_DENOMINATOR)
        q = Q(var, d)
        self.space.params.append(var)
        return prm, NumV(q, q), var

    def parameter_values(self, model: Any) -> dict[str, str]:
        """The values a model gives the parameters not stated in the text (for a witness)."""
        out: dict[str, str] = {}
        for name, (_prm, v, var) in self.params.items():
            if var is None:
                continue
            x = model.eval(var, model_completion=True).as_long()
            d = v.lo.d if isinstance(v, NumV) else 1
            out[name] = format((Decimal(x) / Decimal(d)).normalize(), "f") if x else "0"
        return out

    # -- expressions ---------------------------------------------------------
    def value(self, e: n.Expr) -> Val:
        hit = self._memo.get(id(e))
        if hit is not None:
            return hit[1]
        v = self._value(e)
        self._memo[id(e)] = (e, v)
        return v

    def _value(self, e: n.Expr) -> Val:
        if isinstance(e, n.MoneyLit | n.RateLit | n.NumberLit | n.CountLit):
            return num_const(e.value)
        if isinstance(e, n.StrLit):
            return StrV(z3.IntVal(self.space.code(e.value)))
        if isinstance(e, n.BoolLit):
            return BoolV(e.value)
        if isinstance(e, n.Undetermined):
            return UNDET
        if isinstance(e, n.Ref):
            return self.ref(e.name)
        if isinstance(e, n.RangeLit):
            return num_const(e.low.value, e.high.value)
        if isinstance(e, n.UpTo):
            v = self.value(e.operand)
            if not isinstance(v, NumV):
                return UNDET
            return NumV(q_const(0), v.hi, v.det)
        if isinstance(e, n.Arith):
            return self._arith(e.op, self.value(e.left), self.value(e.right))
        if isinstance(e, n.Cap):
            return self._cap(self.value(e.base), self.value(e.limit))
        if isinstance(e, n.Tiers):
            result: Val = self.value(e.otherwise) if e.otherwise is not None else ZERO
            for t in reversed(e.tiers):
                result = merge(self.truth(t.cond), self.value(t.amount), result)
            return result
        if isinstance(e, n.Not):
            v = self.value(e.operand)
            return BoolV(neg(v.term) if isinstance(v, BoolV) else False)
        if isinstance(e, n.Logic):
            a, b = self.truth(e.left), self.truth(e.right)
            return BoolV(conj(a, b) if e.op == "且" else disj(a, b))
        if isinstance(e, n.Compare):
            return BoolV(compare(e.op, self.value(e.left), self.value(e.right)))
        if isinstance(e, n.DateLit):
            return num_const(day_number(e.value))
        if isinstance(e, n.OnTime):
            found = self.policy.deadline(e.fact)
            if found is None or found[1].deadline is None:
                return BoolV(False)
            return BoolV(compare("<=", self.ref(e.fact), num_const(day_number(found[1].deadline))))
        if isinstance(e, n.Readings):
            # an unresolved policy (compiler.model.readings.resolve not applied): the adopted case
            r = self.policy.reading(e.block)
            case = next((c for c in e.cases if r is not None and c.name == r.adopted), e.cases[0])
            return self.value(case.amount)
        assert isinstance(e, n.Member)
        v = self.value(e.operand)
        if not isinstance(v, StrV):
            return BoolV(False)
        codes = [self.space.code(x.value) for x in e.values]
        return BoolV(conj(v.code >= 0, disj(*[v.code == c for c in codes])))

    def ref(self, name: str) -> Val:
        fv = self.facts.get(name)
        if fv is not None:
            return fv.value
        if name in self.params:
            return self.params[name][1]
        if name in self._def_memo:
            return self._def_memo[name]
        d = self.defs.get(name)
        if d is None:  # an unknown name: only in policies with type errors
            return UNDET
        v = self.value(d.expr)
        self._def_memo[name] = v
        return v

    def truth(self, e: n.Expr | None) -> Flag:
        if e is None:
            return True
        v = self.value(e)
        return v.term if isinstance(v, BoolV) else False

    def _arith(self, op: str, a: Val, b: Val) -> NumV:
        if not (isinstance(a, NumV) and isinstance(b, NumV)):
            return UNDET
        det = conj(a.det, b.det)
        exact = a.lo is a.hi and b.lo is b.hi
        if op in "+-":
            sign = 1 if op == "+" else -1
            lo = q_add(a.lo, b.lo if sign > 0 else b.hi, sign)
            hi = lo if exact else q_add(a.hi, b.hi if sign > 0 else b.lo, sign)
            return NumV(lo, hi, det)
        # ×
        for k, v in ((a, b), (b, a)):
            if k.lo.c is not None and k.lo.c == k.hi.c:
                c = k.lo.c
                if c >= 0:
                    return NumV(q_scale(v.lo, c), q_scale(v.hi, c), det)
                return NumV(q_scale(v.hi, c), q_scale(v.lo, c), det)
        if a.lo is a.hi and b.lo is b.hi:
            p = q_mul(a.lo, b.lo)
            return NumV(p, p, det)
        ps = [q_mul(x, y) for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        lo, hi = ps[0], ps[0]
        for p in ps[1:]:
            lo, hi = q_min(lo, p), q_max(hi, p)
        return NumV(lo, hi, det)

    def _cap(self, base: Val, limit: Val) -> Val:
        if not isinstance(limit, NumV):
            return base
        if not isinstance(base, NumV):
            return NumV(q_const(0), limit.hi, limit.det)
        both = conj(base.det, limit.det)
        lo = q_ite(both, q_min(base.lo, limit.lo), q_ite(limit.det, q_const(0), base.lo))
        hi = q_ite(both, q_min(base.hi, limit.hi), q_ite(limit.det, limit.hi, base.hi))
        if base.lo is base.hi and limit.lo is limit.hi:
            hi = lo
        return NumV(lo, hi, disj(base.det, limit.det))

    # -- facts read ---------------------------------------------------------
    def facts_read(self, e: n.Expr | None) -> list[str]:
        """Facts an expression reads, through definitions, in order of first appearance."""
        out: list[str] = []
        seen: set[str] = set()

        def walk(x: n.Expr) -> None:
            for name in refs(x):
                if name in seen:
                    continue
                seen.add(name)
                if name in self.facts:
                    out.append(name)
                elif name in self.defs:
                    walk(self.defs[name].expr)

        if e is not None:
            walk(e)
        return out

    # -- applicability ------------------------------------------------------
    def beneficiary(self, it: n.Item) -> Flag:
        if it.beneficiary is None:
            return True
        fv = self.facts.get("applicant_type")
        if fv is None or not isinstance(fv.value, StrV):
            return False
        return fv.value.code == self.space.code(it.beneficiary)

    def eligible(self) -> Flag:
        if self._eligible is None:
            self._eligible = conj(*[self.truth(r.cond) for r in self.policy.requirements],
                                  *[neg(self.truth(x.cond)) for x in self.policy.exclusions])
        return self._eligible

    def applies(self, it: n.Item) -> Flag:
        """The item applies: beneficiary, eligibility (资格, 排除) and its condition."""
        if it.id not in self._app:
            self._app[it.id] = conj(self.beneficiary(it), self.eligible(), self.truth(it.cond))
        return self._app[it.id]

    def amount(self, it: n.Item) -> NumV:
        """The item's amount as the runtime computes it: rounded down to the fen, not negative.

        Both ends have ``d == 100``: ``cents(amount.hi)`` is the maximum in fen.
        """
        if it.id not in self._amount:
            v = self.value(it.amount)
            if not isinstance(v, NumV):
                v = UNDET
            zero = q_const(0)
            lo = q_max(fen_of(v.lo, self.space.nonneg), zero)
            hi = lo if v.lo is v.hi else q_max(fen_of(v.hi, self.space.nonneg), zero)
            self._amount[it.id] = NumV(lo, hi, v.det)
        return self._amount[it.id]

    def pays(self, it: n.Item) -> Flag:
        """The item applies and may pay something (an undetermined amount may)."""
        a = self.amount(it)
        return conj(self.applies(it), disj(neg(a.det), cmp(">", a.hi, 0)))

    # -- cross-item caps ----------------------------------------------------
    def in_scope(self, scope: n.Scope | None) -> list[n.Item]:
        """The items ``scope`` covers (worked out once per scope: each member of a 累计上限 asks)."""
        key = id(scope)
        hit = self._scopes.get(key)
        if hit is None or hit[0] is not scope:
            hit = self._scopes[key] = (scope, queries.in_scope(self.policy, scope))
        return list(hit[1])

    def flows(self) -> list[CapFlow]:
        """Every cross-item cap in order, with each member's amount (fen) before and after it."""
        if self._flows is not None:
            return self._flows
        zero = z3.IntVal(0)
        state: dict[str, tuple[Term, Term, Flag]] = {}
        for it in self.policy.items:
            app = self.applies(it)
            a = self.amount(it)
            on = conj(app, a.det)
            state[it.id] = (ite(on, cents(a.lo), zero), ite(on, cents(a.hi), zero),
                            conj(app, neg(a.det)))
        flows: list[CapFlow] = []
        for cap in self.policy.caps:
            lim = self.value(cap.limit)
            if not isinstance(lim, NumV) or is_false(lim.det):
                continue
            limit = NumV(fen_of(lim.lo, self.space.nonneg), fen_of(lim.hi, self.space.nonneg), lim.det)
            # The runtime's rule (runtime._apply_cap): minimums first, in order, under the
            # limit's minimum; then the headroom above the kept minimums, in order, under the
            # limit's maximum. Amounts are never negative, so what remains before a member is
            # max(limit - sum of the earlier members' inputs, 0), and no headroom once an
            # undetermined member (which takes all that remains) has applied: a closed form,
            # linear in the members.
            lim_lo, lim_hi = cents(limit.lo), cents(limit.hi)
            scope = self.in_scope(cap.scope)
            total_lo: Term = zero
            for it in scope:
                total_lo = add(total_lo, state[it.id][0])
            spare = zmax(sub(lim_hi, zmin(total_lo, zmax(lim_lo, zero))), zero)
            sum_lo: Term = zero
            sum_extra: Term = zero
            taken: Flag = False
            members = []
            for it in scope:
                lo_in, hi_in, inf_in = state[it.id]
                kept = zmin(lo_in, zmax(sub(lim_lo, sum_lo), zero))
                room = ite(taken, zero, zmax(sub(spare, sum_extra), zero))
                lo_out = ite(limit.det, kept, lo_in)
                hi_out = ite(limit.det, add(kept, ite(inf_in, room, zmin(sub(hi_in, kept), room))), hi_in)
                members.append(CapMember(it, lo_in, hi_in, inf_in, lo_out, hi_out))
                sum_lo = add(sum_lo, lo_in)
                sum_extra = add(sum_extra, sub(hi_in, kept))
                taken = disj(taken, inf_in)
                state[it.id] = (lo_out, hi_out, conj(inf_in, neg(limit.det)))
            flows.append(CapFlow(cap, limit, members))
        self._final = {k: (v[0], v[1]) for k, v in state.items()}
        self._flows = flows
        return flows

    def final(self, it: n.Item) -> tuple[Term, Term]:
        """The item's amount in fen after every cross-item cap (0 when it does not apply)."""
        self.flows()
        return self._final[it.id]


def cents(a: Q) -> Term:
    """An amount rounded to the fen (``d`` dividing 100) as a whole number of fen."""
    assert FEN_PER_YUAN % a.d == 0
    return _scaled(a, FEN_PER_YUAN)


def merge(c: Flag, a: Val, b: Val) -> Val:
    """``a`` when ``c`` holds, else ``b`` (a tier)."""
    if is_true(c):
        return a
    if is_false(c):
        return b
    if isinstance(a, NumV) and isinstance(b, NumV):
        lo = q_ite(c, a.lo, b.lo)
        hi = lo if a.lo is a.hi and b.lo is b.hi else q_ite(c, a.hi, b.hi)
        return NumV(lo, hi, ite_flag(c, a.det, b.det))
    if isinstance(a, BoolV) and isinstance(b, BoolV):
        return BoolV(ite_flag(c, a.term, b.term))
    if isinstance(a, StrV) and isinstance(b, StrV):
        return StrV(z3.If(c, a.code, b.code))
    return UNDET


def compare(op: str, a: Val, b: Val) -> Flag:
    """The runtime's ``compare``: false with an absent or undetermined value; numbers by ``lo``."""
    if isinstance(a, NumV) and isinstance(b, NumV):
        return conj(a.det, b.det, cmp(op, a.lo, b.lo))
    if isinstance(a, StrV) and isinstance(b, StrV):
        if op not in ("==", "!="):
            return False
        return conj(a.code >= 0, b.code >= 0, _cmp(op, a.code, b.code))
    if isinstance(a, BoolV) and isinstance(b, BoolV):
        if op not in ("==", "!="):
            return False
        x, y = as_bool(a.term), as_bool(b.term)
        return x == y if op == "==" else x != y
    return False


_RELS: dict[str, tuple[Any, Any]] = {
    "==": (z3.Z3_mk_eq, lambda x, y: x == y), "!=": (z3.Z3_mk_distinct, lambda x, y: x != y),
    ">=": (z3.Z3_mk_ge, lambda x, y: x >= y), "<=": (z3.Z3_mk_le, lambda x, y: x <= y),
    ">": (z3.Z3_mk_gt, lambda x, y: x > y), "<": (z3.Z3_mk_lt, lambda x, y: x < y),
}


def _cmp(op: str, x: Term, y: Term) -> Term:
    mk, fallback = _RELS[op]
    if isinstance(x, int) or isinstance(y, int):
        return fallback(x, y)
    return _rel(mk, x, y, fallback)


def _cmp_py(op: str, x: Fraction, y: Fraction) -> bool:
    return {"==": x == y, "!=": x != y, ">=": x >= y, "<=": x <= y, ">": x > y,
            "<": x < y}[op]

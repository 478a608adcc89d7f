"""Witnesses: a concrete applicant for a finding, checked against the reference evaluator.

z3 finds a profile (``Optimize`` picks round boundary values: whole 万元 where it can, else
whole yuan, the least spend, the lowest counts and levels, the fewest titles; past the checker's
budget of optimised witnesses, :func:`rounded` moves the solver's plain model to whole 万元 … yuan
where the question still holds); the profile is then run through
:class:`~compiler.evaluate.evaluator.Evaluator`, whose amounts are the ones reported. A profile
the evaluator refuses is never reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import z3

from ..evaluate import runtime as rt
from ..evaluate.evaluator import Evaluator
from ..model import nodes as n
from .solver_encode import (
    ABSENT,
    DATE_ABSENT,
    FEN_PER_YUAN,
    RATE_SCALE,
    RLIMIT,
    Encoder,
    FactVar,
    Flag,
    Term,
    as_bool,
    day_date,
    is_true,
)

MONEY_BOUND = 10**12  # fen (100亿元): keeps every objective bounded
INT_BOUND = 10**6
STEPS = (1_000_000, FEN_PER_YUAN, 1)  # whole 万元, whole yuan, any fen


@dataclass(frozen=True)
class Goal:
    sense: str  # "max" | "min"
    term: Term


def optimize(encoder: Encoder, constraints: list[Flag], goals: list[Goal],
             maximize_ints: frozenset[str] = frozenset()) -> Any:
    """A model of ``constraints`` at the roundest amounts, or None.

    After ``goals``: the least total spend, carried by the earliest money facts; the lowest
    integers (the highest for ``maximize_ints``); the fewest titles, the earliest listed text
    and enum values. The optimum is unique in every fact, so the witness does not depend on
    the solver's search order. Facts the constraints do not read keep their defaults.
    """
    # the policies' 约束 and 参数 ranges hold in every witness
    terms = [as_bool(c) for c in constraints] + list(encoder.space.assumptions)
    read = facts_in([*terms, *(g.term for g in goals)], encoder.space)
    names = _names(encoder.space)
    facts = [f for k, f in encoder.space.facts.items() if names[k] in read]
    # Facts no constraint reads stay out of the problem: they are held at their defaults when
    # the model is read back, which is what constraining them would give, at no solver cost.
    pins = _pins(encoder.space)
    pinned = {names[k]: pins[k] for k in encoder.space.facts if names[k] not in read}
    domains = [as_bool(f.domain) for f in facts if not is_true(f.domain)]
    params = encoder.space.params
    for step in STEPS:
        rewrite = _rewriter(encoder.space, step) if step > 1 else None
        # an unpublished 参数 at a whole percent where possible (rates in millionths), then the
        # one nearest 0: the roundest value the witness can take
        round_params = [v % 10_000 == 0 for v in params] if step > 1 else []
        model = _optimize_at(rewrite, facts, [*domains, *terms, *round_params],
                             [*goals, *(Goal("min", z3.If(v >= 0, v, -v)) for v in params)], maximize_ints,
                             _var_names(encoder.space))
        if model is not None:
            return _Pinned(model, pinned, _var_names(encoder.space), read)
    return None


ROUNDINGS = (1_000_000, 100_000, 10_000, FEN_PER_YUAN)  # whole 万元, 千元, 百元, yuan (in fen)


def rounded(model: Any, encoder: Encoder, holds: Term, goals: list[Goal],
            consts: list[tuple[str, Any, Any]] | None = None) -> tuple[Any, bool]:
    """``model`` with the money facts it states moved to whole 万元 (else 千元, 百元, yuan), each
    down or up, where ``holds`` (the question with every domain) still holds; and whether every
    amount is now a whole yuan.

    The cheap stand-in for :func:`optimize` once its budget is spent: each candidate is checked
    by evaluating ``holds`` in a copy of the model (no solver call). Among the candidates at the
    coarsest step that holds, the first goal decides (the largest cut, …), then the smaller total.
    A model that no rounding keeps valid is returned as it was. ``consts``: the model's own
    constants (:func:`constants`) when the caller has them, read before evaluation completed it.
    """
    if not isinstance(model, z3.ModelRef):
        return model, False
    money = _money_vars(encoder.space)
    values: dict[str, tuple[Any, int]] = {}
    if consts is None:
        consts = constants(model)
    for name, d, v in consts:
        if name in money and z3.is_int_value(v):
            values[name] = (d, v.as_long())
    if all(x % FEN_PER_YUAN == 0 for _, x in values.values()):
        return model, True
    decls = list(values)
    for step in ROUNDINGS:
        odd = [k for k in decls if values[k][1] % step]
        if not odd:
            continue
        combos: list[dict[str, int]] = []
        downs = {k: values[k][1] - values[k][1] % step for k in odd}
        if len(odd) <= 3:
            for mask in range(2 ** len(odd)):
                combos.append({k: downs[k] + (step if mask >> i & 1 else 0) for i, k in enumerate(odd)})
        else:
            combos = [downs, {k: x + step for k, x in downs.items()}]
        best: tuple[tuple[Any, ...], Any] | None = None
        for combo in combos:
            m = model_with(model, {k: (values[k][0], z3.IntVal(x)) for k, x in combo.items()}, consts)
            if not z3.is_true(m.eval(holds, model_completion=True)):
                continue
            rank: list[Any] = []
            for g in goals[:1]:
                gv = m.eval(g.term, model_completion=True)
                if z3.is_int_value(gv):
                    rank.append(-gv.as_long() if g.sense == "max" else gv.as_long())
            rank.append(sum(combo.values()))
            rank.append(sorted(combo.items()))
            if best is None or tuple(rank) < best[0]:
                best = (tuple(rank), m)
        if best is not None:  # every step is whole yuan, and the other amounts were already
            return best[1], True
    return model, False


def model_with(model: Any, changes: dict[str, tuple[Any, Any]],
               consts: list[tuple[str, Any, Any]] | None = None) -> Any:
    """A copy of ``model`` in which each constant named in ``changes`` (name -> (its declaration,
    its new value, or None: left out of the copy)) takes that value. ``consts``: the model's
    constants as :func:`constants` gives them, when several copies are made of one model."""
    m = z3.Model()
    set_values(m, [(d, v) for name, d, v in (consts if consts is not None else constants(model))
                   if name not in changes])
    set_values(m, [(d, v) for d, v in changes.values() if v is not None])
    return m


def set_values(m: Any, values: list[tuple[Any, Any]]) -> None:
    """``m.update_value(d, v)`` for each constant's declaration ``d`` and value ``v``, through
    z3's C API when both are of the main context (thousands of model copies per large policy;
    ``update_value`` checks and converts its arguments each time)."""
    ctx = z3.main_ctx()
    fast = isinstance(m, z3.ModelRef) and m.ctx is ctx
    ref = ctx.ref()
    for d, v in values:
        if fast and isinstance(d, z3.FuncDeclRef) and isinstance(v, z3.ExprRef) and d.ctx is ctx \
                and v.ctx is ctx:
            z3.Z3_add_const_interp(ref, m.model, d.ast, v.ast)
        else:
            m.update_value(d, v)


def constants(model: Any) -> list[tuple[str, Any, Any]]:
    """(name, declaration, value) of each constant a model gives."""
    return [(str(d.name()), d, model.get_interp(d)) for d in model.decls() if d.arity() == 0]


def const_names(model: Any) -> set[str]:
    """The names of the constants a z3 model gives (``str(d.name())`` of its 0-ary ``decls()``;
    its functions, such as z3's ``div0``, are never fact variables), read through z3's C API
    without a Python object per declaration."""
    ref = model.ctx.ref()
    m = model.model
    out: set[str] = set()
    for i in range(z3.Z3_model_get_num_consts(ref, m)):
        sym = z3.Z3_get_decl_name(ref, z3.Z3_model_get_const_decl(ref, m, i))
        out.add(f"k!{z3.Z3_get_symbol_int(ref, sym)}" if z3.Z3_get_symbol_kind(ref, sym) == z3.Z3_INT_SYMBOL
                else z3.Z3_get_symbol_string(ref, sym))
    return out


def _money_vars(space: Any) -> set[str]:
    """The variable names of the money facts, worked out once per policy."""
    names: set[str] = space.__dict__.setdefault("_witness_money", set())
    if not names:
        names.update(_name(f.var) for f in space.facts.values() if f.kind == "money")
    return names


class _Rewriter:
    """Money in whole ``step`` fen: each money fact is step × an integer, substituted so that
    the solver sees (and simplifies) whole multiples rather than a divisibility test.

    One per policy and step, remembering every term it rewrote: the witnesses of one policy
    ask about the same amounts again and again, and each is rewritten once.
    """

    def __init__(self, space: Any, step: int) -> None:
        self.step = step
        names = _names(space)
        self.vars = {names[k]: z3.Int(f"{names[k]}÷{step}") for k, f in space.facts.items()
                     if f.kind == "money"}
        self.pairs = [(f.var, step * self.vars[names[k]]) for k, f in space.facts.items()
                      if names[k] in self.vars]
        self.memo: dict[Any, tuple[Term, Term]] = {}  # id -> (term, result): keeps ids unique

    def __call__(self, t: Term) -> Term:
        key = t.get_id()
        hit = self.memo.get(key)
        if hit is None:
            out = z3.simplify(_push_div(z3.simplify(z3.substitute(t, *self.pairs)), self.memo))
            hit = self.memo[key] = (t, out)
        return hit[1]


def _rewriter(space: Any, step: int) -> _Rewriter:
    """The policy's rewriter for ``step``, kept on its encoding space (and dropped with it)."""
    per_space: dict[int, _Rewriter] = space.__dict__.setdefault("_witness_rewriters", {})
    if step not in per_space:
        per_space[step] = _Rewriter(space, step)
    return per_space[step]


def _optimize_at(rewrite: _Rewriter | None, facts: list[FactVar], base: list[Term],
                 goals: list[Goal], maximize_ints: frozenset[str], names: dict[int, str]) -> Any:
    """The optimum with money in whole steps of ``rewrite.step`` fen (any fen without one)."""
    step = rewrite.step if rewrite is not None else 1
    scale = {_name(f.var): (rewrite.vars[_name(f.var)], step)
             for f in facts if f.kind == "money"} if rewrite is not None else {}

    def put(t: Term) -> Term:
        return rewrite(t) if rewrite is not None else t

    opt = z3.Optimize()
    opt.set("rlimit", RLIMIT)
    hard = [put(t) for t in base]
    money: list[Term] = []
    bools: list[Term] = []
    for f in facts:
        if f.kind == "money":
            v = scale[_name(f.var)][0] if scale else f.var
            hard += [v >= 0, v <= MONEY_BOUND // step]
            money.append(v)
        elif f.kind == "int" and f.high is None:
            hard.append(f.var <= INT_BOUND)
        elif f.kind == "rate" and step > 1:
            hard.append(f.var % (RATE_SCALE // 10) == 0)  # whole tens of percent where possible
        elif f.kind == "bool":
            bools.append(z3.If(f.var, 2 ** len(bools), 0))
    opt.add(*hard)
    objectives: list[tuple[Term, Any]] = []
    wanted: list[tuple[str, Term]] = [(g.sense, put(g.term)) for g in goals]
    if money:
        wanted.append(("min", z3.Sum(*money)))
        wanted += [("min", m) for m in reversed(money[1:])]
    wanted += [("max" if f.name in maximize_ints else "min", f.var)
               for f in facts if f.kind == "int"]
    if bools:
        wanted.append(("min", z3.Sum(*bools)))
    wanted += [("min", f.var) for f in facts if f.kind in ("rate", "enum", "text", "date")]
    for sense, t in wanted:
        objectives.append((t, opt.maximize(t) if sense == "max" else opt.minimize(t)))
    if opt.check() != z3.sat:
        return None
    model = _at_optimum(hard, objectives) or opt.model()
    return _Scaled(model, scale, names) if scale else model


def _push_div(t: Term, memo: dict[Any, tuple[Term, Term]]) -> Term:
    """``t`` with every division (and multiplication) by a constant pushed into the branches
    of the if-then-else terms it applies to.

    With money in whole steps, rounding to the fen divides multiples of the divisor: once the
    division reaches the linear branches, the simplifier removes it, and ``Optimize`` works in
    plain linear arithmetic (an order of magnitude faster than with integer division).
    """
    key = ("push", t.get_id())
    hit = memo.get(key)
    if hit is not None:
        return hit[1]
    out = t
    if z3.is_app(t) and t.num_args() > 0:
        args = [_push_div(a, memo) for a in t.children()]
        if z3.is_idiv(t) and z3.is_int_value(args[1]):
            out = _into_ite(args[0], "div", args[1], memo)
        elif z3.is_mul(t) and len(args) == 2 and z3.is_int_value(args[0]):
            out = _into_ite(args[1], "mul", args[0], memo)
        elif any(a.get_id() != b.get_id() for a, b in zip(args, t.children(), strict=True)):
            out = t.decl()(*args)
    memo[key] = (t, out)
    return out


def _into_ite(t: Term, op: str, k: Term, memo: dict[Any, tuple[Term, Term]]) -> Term:
    key = (op, k.as_long(), t.get_id())
    hit = memo.get(key)
    if hit is not None:
        return hit[1]
    if z3.is_app_of(t, z3.Z3_OP_ITE):
        out = z3.If(t.arg(0), _into_ite(t.arg(1), op, k, memo), _into_ite(t.arg(2), op, k, memo))
    else:
        out = z3.simplify(t / k if op == "div" else k * t)
    memo[key] = (t, out)
    return out


def _at_optimum(hard: list[Term], objectives: list[tuple[Term, Any]]) -> Any:
    """A model with every objective at the optimum ``Optimize`` reported.

    The objectives pin every fact the constraints read, so this model is the same whatever
    order the solver searched in (``Optimize.model()`` alone has been seen to differ).
    """
    s = z3.Solver()
    s.set("rlimit", RLIMIT)
    s.add(*hard)
    for t, h in objectives:
        v = h.value()
        if not z3.is_int_value(v):
            return None
        s.add(t == v)
    return s.model() if s.check() == z3.sat else None


class _Pinned:
    """A model in which the facts the problem left out read as their pinned defaults."""

    def __init__(self, model: Any, pinned: dict[str, Term], names: dict[int, str],
                 read: set[str]) -> None:
        self.model = model
        self.pinned = pinned
        self.names = names
        self.read = read  # the names of the facts the problem kept

    def eval(self, t: Term, model_completion: bool = False) -> Any:
        v = self.pinned.get(self.names.get(t.get_id()) or _name(t))
        return v if v is not None else self.model.eval(t, model_completion=model_completion)


class _Scaled:
    """A model of the stepped problem, read back in fen."""

    def __init__(self, model: Any, scale: dict[str, tuple[Term, int]], names: dict[int, str]) -> None:
        self.model = model
        self.scale = scale
        self.names = names

    def eval(self, t: Term, model_completion: bool = False) -> Any:
        name = self.names.get(t.get_id()) or _name(t)
        if name in self.scale:
            k, step = self.scale[name]
            return z3.IntVal(step * self.model.eval(k, model_completion=True).as_long())
        return self.model.eval(t, model_completion=model_completion)


def _name(t: Term) -> str:
    """A fact variable's name (as :func:`facts_in` reports it); "" for any other term."""
    return str(t.decl().name()) if z3.is_const(t) else ""


def _names(space: Any) -> dict[str, str]:
    """Each fact's variable name, worked out once per policy (printing a term is slow)."""
    names: dict[str, str] = space.__dict__.setdefault("_witness_names", {})
    if len(names) != len(space.facts):
        names.update({k: _name(f.var) for k, f in space.facts.items()})
    return names


def _var_names(space: Any) -> dict[int, str]:
    """Each fact variable's name by its term id, worked out once per policy: a witness of a
    policy with n facts reads n of them, and asking z3 for a name is slow."""
    names: dict[int, str] = space.__dict__.setdefault("_witness_var_names", {})
    if len(names) != len(space.facts):
        names.update({f.var.get_id(): _name(f.var) for f in space.facts.values()})
    return names


def _pins(space: Any) -> dict[str, Term]:
    """Each fact's pinned value (:func:`_pin`), worked out once per policy."""
    pins: dict[str, Term] = space.__dict__.setdefault("_witness_pins", {})
    if len(pins) != len(space.facts):
        pins.update({k: _pin(f, space).arg(1) for k, f in space.facts.items()})
    return pins


def facts_in(terms: list[Any], space: Any) -> set[str]:
    """The names of the uninterpreted constants (fact variables) the terms read.

    Remembered per term for the policy (kept on its encoding space, with the terms asked about,
    so that the ids stay their own): the witnesses of one policy ask about the same amounts and
    caps again and again. The terms are walked through z3's C API, without a Python object per
    node.
    """
    memo: dict[int, frozenset[str]] = space.__dict__.setdefault("_witness_reads", {})
    roots: list[Any] = space.__dict__.setdefault("_witness_read_roots", [])
    ref = z3.main_ctx().ref()
    names: set[str] = set()
    empty: frozenset[str] = frozenset()
    for root in terms:
        if not z3.is_expr(root):
            continue
        if root.ctx.ref() != ref:  # another context (not made by the encoder): the slow way
            names |= _facts_in_slow(root)
            continue
        top = z3.Z3_get_ast_id(ref, root.as_ast())
        if top not in memo:
            roots.append(root)
            stack: list[tuple[Any, int, list[int] | None]] = [(root.as_ast(), top, None)]
            while stack:
                ast, key, kids = stack.pop()
                if kids is not None:
                    memo[key] = empty.union(*(memo[k] for k in kids))
                    continue
                if key in memo:
                    continue
                if z3.Z3_get_ast_kind(ref, ast) != z3.Z3_APP_AST:
                    memo[key] = empty
                    continue
                count = z3.Z3_get_app_num_args(ref, ast)
                if count == 0:
                    decl = z3.Z3_get_app_decl(ref, ast)
                    memo[key] = frozenset((z3.Z3_get_symbol_string(ref, z3.Z3_get_decl_name(ref, decl)),)) \
                        if z3.Z3_get_decl_kind(ref, decl) == z3.Z3_OP_UNINTERPRETED else empty
                    continue
                args = [z3.Z3_get_app_arg(ref, ast, i) for i in range(count)]
                ids = [z3.Z3_get_ast_id(ref, a) for a in args]
                stack.append((ast, key, ids))
                stack.extend((a, k, None) for a, k in zip(args, ids, strict=True) if k not in memo)
        names |= memo[top]
    return names


def _facts_in_slow(root: Any) -> set[str]:
    out: set[str] = set()
    stack = [root]
    while stack:
        t = stack.pop()
        if z3.is_const(t) and t.decl().kind() == z3.Z3_OP_UNINTERPRETED:
            out.add(str(t.decl().name()))
        else:
            stack.extend(t.children())
    return out


def _pin(f: FactVar, space: Any) -> Term:
    """A fact no constraint reads: held at its default (absent when it may be)."""
    if f.kind == "bool":
        return f.var == (f.default is True)
    if f.kind == "int":
        d = int(f.default) if isinstance(f.default, Decimal | int) and \
            not isinstance(f.default, bool) else 0
        if f.low is not None:
            d = max(d, int(f.low))
        if f.high is not None:
            d = min(d, int(f.high))
        return f.var == d
    if f.kind in ("money", "rate"):
        amount = Decimal(f.default) if isinstance(f.default, Decimal | int) else Decimal(0)
        return f.var == int(amount * (RATE_SCALE if f.kind == "rate" else FEN_PER_YUAN))
    if f.kind == "date":
        return f.var == DATE_ABSENT
    if isinstance(f.default, str):
        return f.var == space.code(f.default)
    if _may_be_absent(f):
        return f.var == ABSENT
    return f.var == space.code(f.values[0]) if f.values else f.var == 0


def _may_be_absent(f: FactVar) -> bool:
    return not f.required and f.default is None


def _candidates(model: Any, encoder: Encoder, given: set[str] | None = None) -> list[FactVar] | None:
    """The policy's facts that can appear in the profile of ``model``, in declaration order:
    those the model mentions, and those that appear whatever the model says (required ones, and
    those whose value when not mentioned is not their default). None: every fact (a model of
    another kind).

    A witness of a policy with n facts then reads the few its question is about, not all n.
    ``given``: the names of the constants a z3 model gives (:func:`const_names`), when known.
    """
    memo: dict[str, Any] = encoder.__dict__.setdefault("_witness_candidates", {})
    if not memo:
        own = [encoder.facts[d.name] for d in encoder.policy.facts]
        names = _var_names(encoder.space)
        pins = _pins(encoder.space)
        by_var = {names[f.var.get_id()]: f for f in own}
        always: set[str] = set()
        blank = z3.Solver()
        empty = blank.model() if blank.check() == z3.sat else None
        for key, f in encoder.space.facts.items():
            if f.name not in encoder.facts or encoder.facts[f.name] is not f:
                continue
            pinned = _value(f, pins[key], encoder)
            completed = _value(f, empty.eval(f.var, model_completion=True), encoder) if empty else None
            if f.required or any(v is not None and not _is_default(f, v) for v in (pinned, completed)) \
                    or empty is None:
                always.add(f.name)
        memo.update(order={f.name: i for i, f in enumerate(own)}, by_var=by_var, always=always)
    if isinstance(model, _Pinned):
        mentioned = list(model.read)
    elif isinstance(model, z3.ModelRef):
        mentioned = list(given if given is not None else const_names(model))
    else:
        return None
    chosen = set(memo["always"])
    chosen.update(memo["by_var"][v].name for v in mentioned if v in memo["by_var"])
    order = memo["order"]
    return [encoder.facts[name] for name in sorted(chosen, key=order.__getitem__)]


def profile_of(model: Any, encoder: Encoder, extra: tuple[FactVar, ...] = ()) -> dict[str, object]:
    """The applicant profile a model describes: required facts and every non-default value."""
    out: dict[str, object] = {}
    mentioned: set[str] = const_names(model) if isinstance(model, z3.ModelRef) else set()
    own = _candidates(model, encoder, mentioned)
    if own is None:
        own = [encoder.facts[d.name] for d in encoder.policy.facts]
    # A plain solver model completes a fact it does not mention with its sort's default (0,
    # false), the same for every model: read once per policy, so that a policy of n facts
    # does not cost n evaluations per witness.
    absent: dict[str, object] | None = None
    if isinstance(model, z3.ModelRef):
        absent = encoder.__dict__.setdefault("_witness_absent", {})
    names = _var_names(encoder.space)
    for f in own + [x for x in extra if x.vocabulary and x.name not in encoder.facts]:
        if absent is not None and names[f.var.get_id()] not in mentioned:
            if f.name not in absent:
                absent[f.name] = _value(f, model.eval(f.var, model_completion=True), encoder)
            value = absent[f.name]
        else:
            value = _value(f, model.eval(f.var, model_completion=True), encoder)
        if value is None:
            continue
        if f.required or not _is_default(f, value):
            out[f.name] = value
    return out


def _value(f: FactVar, v: Any, encoder: Encoder) -> object:
    if f.kind == "bool":
        return z3.is_true(v)
    x = v.as_long()
    if f.kind == "int":
        return int(x)
    if f.kind == "money":
        if x % FEN_PER_YUAN == 0:
            return int(x // FEN_PER_YUAN)
        return f"{Decimal(x) / FEN_PER_YUAN:.2f}"
    if f.kind == "rate":  # a ratio as its exact decimal string ("0.075")
        return format((Decimal(x) / RATE_SCALE).normalize(), "f") if x % RATE_SCALE else int(x // RATE_SCALE)
    if f.kind == "date":  # shown as a date, never as a day number
        return None if x == DATE_ABSENT else day_date(int(x)).isoformat()
    if x == ABSENT:
        return None
    return encoder.space.string(int(x))


def _is_default(f: FactVar, value: object) -> bool:
    if f.default is not None:
        if isinstance(f.default, Decimal | int) and not isinstance(f.default, bool):
            return isinstance(value, int | str) and not isinstance(value, bool) and \
                Decimal(value) == Decimal(f.default)
        return value == f.default
    if f.kind == "bool":
        return value is False
    if f.kind in ("int", "money", "rate"):
        return value == 0
    return False


def witness_date(policy: n.Policy, on: dt.date) -> dt.date:
    """``on`` when the policy is in force then, else the nearest date it is."""
    h = policy.header
    start = h.retroactive.start if h.retroactive else (
        h.validity.start.date if h.validity else None)
    end = h.validity.end.date if h.validity else None
    if start is not None and on < start:
        return start
    if end is not None and on > end:
        return end
    return on


def calculate(ev: Evaluator, profile: dict[str, object], on: dt.date,
              parameters: dict[str, str] | None = None,
              items: Container[str] | None = None) -> rt.Result | None:
    """The evaluator's result for a witness (with the values the witness gives the 参数 the text
    does not state; ``items``: the only items that may apply to it); None when it refuses the
    profile (or fails)."""
    try:
        return ev.calculate(profile, on, parameters, items)
    except Exception:  # a witness is an illustration: never let it break the check
        return None


def span_text(lo: Decimal | None, hi: Decimal | None) -> str:
    if lo is None and hi is None:
        return "未定"
    if lo is not None and lo == hi:
        return rt.fmt(lo) or "0.00"
    low = rt.fmt(lo) if lo is not None else "未定"
    return f"{low}..{rt.fmt(hi) if hi is not None else '未定'}"


def amounts(result: rt.Result) -> dict[str, str]:
    out = {i.id: span_text(i.min, i.max) for i in result.items}
    out["total"] = span_text(result.total_min, result.total_max)
    return out


def witness(profile: dict[str, object], on: dt.date, result: rt.Result,
            **more: object) -> dict[str, object]:
    w: dict[str, object] = {"profile": profile, "on": on.isoformat(), "amounts": amounts(result)}
    w.update(more)
    return w


@dataclass(frozen=True)
class Cut:
    """What one cross-item cap did to one item, recomputed from the evaluator's result."""

    limit: rt.Interval
    before: rt.Interval
    after: rt.Interval


def cap_cuts(result: rt.Result) -> dict[tuple[str, str], Cut]:
    """Per (cap id, item id): the item's amount before and after the cap, as the evaluator
    applied it (items with an undetermined amount are left out)."""
    undetermined = {i.id for i in result.items if i.max is None}
    return {(c.cap, c.item): Cut(c.limit, c.before, c.after)
            for c in result.cuts if c.item not in undetermined}

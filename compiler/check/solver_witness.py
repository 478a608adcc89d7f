"""Witnesses: a concrete applicant for a finding, checked against the reference evaluator.

z3 finds a profile (``Optimize`` picks round boundary values: whole 万元 where it can, else
whole yuan, the least spend, the lowest counts and levels, the fewest titles); the profile is
then run through :class:`~compiler.evaluate.evaluator.Evaluator`, whose amounts are the ones
reported. A profile the evaluator refuses is never reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import z3

from ..evaluate import runtime as rt
from ..evaluate.evaluator import Evaluator
from ..model import nodes as n
from .solver_encode import ABSENT, FEN_PER_YUAN, Encoder, FactVar, Flag, Term, as_bool

MONEY_BOUND = 10**12  # fen (100亿元): keeps every objective bounded
INT_BOUND = 10**6
STEPS = (1_000_000, FEN_PER_YUAN, 1)  # whole 万元, whole yuan, any fen
TIMEOUT_MS = 4000


@dataclass(frozen=True)
class Goal:
    sense: str  # "max" | "min"
    term: Term


def optimize(encoder: Encoder, constraints: list[Flag], goals: list[Goal],
             maximize_ints: frozenset[str] = frozenset()) -> Any:
    """A model of ``constraints`` at the roundest amounts, or None."""
    facts = list(encoder.space.facts.values())
    for step in STEPS:
        opt = z3.Optimize()
        opt.set("timeout", TIMEOUT_MS)
        opt.add(*encoder.space.domains())
        opt.add(*[as_bool(c) for c in constraints])
        money_terms: list[Term] = []
        int_terms: list[Term] = []
        max_terms: list[Term] = []
        bools: list[Term] = []
        for i, f in enumerate(facts, 1):
            if f.kind == "money":
                opt.add(f.var <= MONEY_BOUND)
                if step > 1:
                    opt.add(f.var % step == 0)
                money_terms.append(f.var * i)
            elif f.kind == "int":
                if f.high is None:
                    opt.add(f.var <= INT_BOUND)
                (max_terms if f.name in maximize_ints else int_terms).append(f.var)
            elif f.kind == "rate" and step > 1:
                opt.add(f.var % 10 == 0)  # whole tens of percent where possible
            elif f.kind == "bool":
                bools.append(z3.If(f.var, 1, 0))
        for g in goals:
            (opt.maximize if g.sense == "max" else opt.minimize)(g.term)
        if money_terms:
            opt.minimize(z3.Sum(*money_terms))
        for t in max_terms:
            opt.maximize(t)
        if int_terms:
            opt.minimize(z3.Sum(*int_terms))
        if bools:
            opt.minimize(z3.Sum(*bools))
        if opt.check() == z3.sat:
            return opt.model()
    return None


def profile_of(model: Any, encoder: Encoder, extra: tuple[FactVar, ...] = ()) -> dict[str, object]:
    """The applicant profile a model describes: required facts and every non-default value."""
    out: dict[str, object] = {}
    own = [encoder.facts[d.name] for d in encoder.policy.facts]
    for f in own + [x for x in extra if x.vocabulary and x.name not in encoder.facts]:
        v = model.eval(f.var, model_completion=True)
        value = _value(f, v, encoder)
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
    if f.kind in ("money", "rate"):
        if x % FEN_PER_YUAN == 0:
            return int(x // FEN_PER_YUAN)
        return f"{Decimal(x) / FEN_PER_YUAN:.2f}"
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


def calculate(ev: Evaluator, profile: dict[str, object], on: dt.date) -> rt.Result | None:
    """The evaluator's result for a witness; None when it refuses the profile (or fails)."""
    try:
        return ev.calculate(profile, on)
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


def cap_cuts(ev: Evaluator, encoder: Encoder, profile: dict[str, object],
             result: rt.Result) -> dict[tuple[str, str], Cut] | None:
    """Per (cap id, item id): the item's amount before and after the cap.

    Recomputed from the evaluator's item amounts and cap limits following the documented
    semantics; None unless the totals agree with the evaluator's.
    """
    try:
        env = rt.validate(ev.spec.facts, ev.spec.vocabulary, profile)
    except rt.ProfileError:
        return None
    zero = Decimal(0)
    after: dict[str, rt.Interval] = {
        i.id: rt.Interval(i.min, i.max) if i.min is not None and i.max is not None
        else rt.Interval(zero, rt.INF) for i in result.items
    }
    undetermined = {i.id for i in result.items if i.max is None}
    out: dict[tuple[str, str], Cut] = {}
    for cap in encoder.policy.caps:
        members = [it.id for it in encoder.in_scope(cap.scope) if it.id in after]
        if not members:
            continue
        lim = ev.eval(cap.limit, env, [])
        if not isinstance(lim, rt.Interval):
            continue
        limit = lim.to_fen()
        rem_lo, rem_hi = limit.lo, limit.hi
        for m in members:
            a = after[m]
            lo, hi = min(a.lo, max(rem_lo, zero)), min(a.hi, max(rem_hi, zero))
            out[(cap.id, m)] = Cut(limit, a, rt.Interval(lo, hi))
            rem_lo -= lo
            rem_hi -= hi
            after[m] = rt.Interval(lo, hi)
    total_lo = sum((a.lo for a in after.values()), zero)
    total_hi = sum((a.hi for a in after.values()), zero)
    if total_lo != result.total_min:
        return None
    if (result.total_max if result.total_max is not None else rt.INF) != total_hi:
        return None
    return {k: v for k, v in out.items() if k[1] not in undetermined}

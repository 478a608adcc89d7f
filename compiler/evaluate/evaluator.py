"""The reference evaluator. Its behaviour *is* the meaning of the policy language:

* Numeric values are exact intervals [lo, hi]; a fixed amount has lo == hi.
  ``1万元 至 3万元`` is [10000, 30000]; ``不超过 X`` is [0, X]; ``a 封顶 b`` is min on both ends.
* ``未定`` is an undetermined amount: it propagates through arithmetic (``未定 封顶 X`` is
  [0, X]) and is reported as ``null``.
* An absent fact takes its default (false, 0, 0 元); absent text/enum facts make every
  comparison and membership test false. Text compares by key (runtime.text_key): Traditional
  and Simplified spellings, full-/half-width forms and whitespace do not matter. Definitions
  (定义) are computed once per applicant; notes made inside a definition are not traced. A text
  value in none of the policy's lists for that fact gets a note in ``Result.notes``.
* A requirement (资格) that is false, or an exclusion (排除) that is true, excludes the
  applicant: nothing is payable and ``exclusions`` names the articles.
* Outside the validity window (from the retroactive start, if any, to the end) nothing is
  payable and ``in_force`` is false. A bound given as an event (事件) is open.
* An item applies when its beneficiary matches ``applicant_type`` and its condition holds.
  Its amount is rounded down to the fen (see :mod:`compiler.evaluate.runtime`).
* Cross-item caps (累计上限) are applied in declaration order; within a cap each item first
  keeps its minimum (in declaration order, under the cap's minimum), then the headroom under
  the cap's maximum is handed out in declaration order, so the later items are cut first and
  no item's range is inverted. An undetermined item in a cap can take at most what is left.
* ``total`` is after every cap; ``funding`` sums each item's after-cap maximum by source
  (an undetermined item counts with what a cap leaves it, so funding adds up to the total).

The evaluator interprets the model into a :class:`~compiler.evaluate.runtime.PolicySpec`;
everything else (validation, rounding, caps, funding, payments, the result) is the runtime's,
shared with the generated calculators.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Container, Mapping
from typing import Any

from ..model import nodes as n
from ..model.params import constraint_error
from ..model.printer import refs, show
from ..model.queries import text_lists
from ..model.readings import affected, resolve, uses
from ..model.stages import stage_kind
from ..textfold import policy_fold
from ..vocabulary import FACTS
from . import runtime as rt
from .messages import TRACE
from .runtime import UNDET, Env, Interval, Result, Value

ZERO = rt.ZERO


class EvaluationError(Exception):
    """An expression could not be evaluated (only for policies with type errors)."""


def fact_spec(name: str, ftype: n.FactType, label: str, required: bool = False,
              default: object = None) -> rt.FactSpec:
    return rt.FactSpec(name, ftype.kind, label, ftype.low, ftype.high,
                       tuple(v for v, _ in ftype.values), required, default)


VOCABULARY = {name: fact_spec(name, t, label) for name, (t, label) in FACTS.items()}


def scope_spec(scope: n.Scope | None) -> rt.Scope:
    if scope is None or scope.kind == "all":
        return rt.Scope("all")
    return rt.Scope(scope.kind, scope.items, scope.beneficiary)


def funding_specs(it: n.Item) -> tuple[rt.FundingSpec, ...]:
    """An item's 资金 clauses, as the runtime's funding specs (see ``runtime.FundingPlan``)."""
    return tuple(rt.FundingSpec(f.shares, f.payers, f.stated, f.citation.article if f.citation else "", f.named)
                 for f in it.funding)


class Evaluator:
    """Computes what a policy pays.

    With readings (解读) and no ``choice``, :meth:`calculate` spans every reading as the shared
    vocabulary says (``runtime.span_results``: totals and items from the lowest minimum to the
    highest maximum, and ``readings``: the result under each reading). ``choice`` (解读 id ->
    读法 name; ``{}`` for the adopted readings) computes one combination of readings alone, the
    others as adopted."""

    def __init__(self, policy: n.Policy, choice: Mapping[str, str] | None = None) -> None:
        self.source = policy
        # spanning only where some expression still depends on a reading (a policy already
        # resolved to one reading keeps its 解读 blocks but no longer depends on them)
        self.spans = choice is None and any(uses(policy, r.id) for r in policy.readings)
        self._runs: list[tuple[dict[str, str], Evaluator]] | None = None
        policy = resolve(policy, choice)
        self.policy = policy
        self.defs = {d.name: d for d in policy.definitions}
        self.fold = str.maketrans(policy_fold(policy))
        self._keys: dict[int, tuple[str, ...]] = {}
        self._shown: dict[int, tuple[n.Expr, str, tuple[str, ...]]] = {}
        self.spec = self._spec()

    # -- expressions ---------------------------------------------------------
    def eval(self, e: n.Expr, env: Env | dict[str, Value], notes: list[rt.Note]) -> Value:
        if isinstance(e, n.MoneyLit | n.RateLit | n.NumberLit | n.CountLit):
            return Interval.exact(e.value)
        if isinstance(e, n.StrLit):
            return e.value
        if isinstance(e, n.BoolLit):
            return e.value
        if isinstance(e, n.Undetermined):
            return UNDET
        if isinstance(e, n.Ref):
            return self._ref(e, env)
        if isinstance(e, n.RangeLit):
            return Interval(e.low.value, e.high.value)
        if isinstance(e, n.UpTo):
            return rt.upto(self.eval(e.operand, env, notes))
        if isinstance(e, n.Arith):
            a, b = self.eval(e.left, env, notes), self.eval(e.right, env, notes)
            return rt.add(a, b) if e.op == "+" else rt.sub(a, b) if e.op == "-" else rt.mul(a, b)
        if isinstance(e, n.Cap):
            base = self.eval(e.base, env, notes)
            return rt.cap(base, self.eval(e.limit, env, notes), show(e), notes)
        if isinstance(e, n.Tiers):
            chosen, note = self.tier(e, env)
            notes.append(note)
            return self.eval(chosen, env, notes) if chosen is not None else ZERO
        if isinstance(e, n.Not):
            return rt.negate(self.eval(e.operand, env, notes))
        if isinstance(e, n.Logic):
            left = rt.truth(self.eval(e.left, env, notes))
            if e.op == "且":
                return left and rt.truth(self.eval(e.right, env, notes))
            return left or rt.truth(self.eval(e.right, env, notes))
        if isinstance(e, n.Compare):
            return rt.compare(e.op, self.eval(e.left, env, notes), self.eval(e.right, env, notes),
                              self.fold)
        if isinstance(e, n.DateLit):
            return e.value
        if isinstance(e, n.OnTime):
            return rt.compare("<=", self._ref(e.ref, env), deadline_of(self.policy, e.fact), self.fold)
        assert isinstance(e, n.Member)
        keys = self._keys.get(id(e))
        if keys is None:
            keys = self._keys[id(e)] = tuple(rt.text_key(x.value, self.fold) for x in e.values)
        return rt.member(self.eval(e.operand, env, notes), keys, e.open, notes, self.fold)

    def _ref(self, e: n.Ref, env: Env | dict[str, Value]) -> Value:
        if e.name in env:
            return env[e.name]
        if not isinstance(env, Env):
            raise EvaluationError(e.name)
        if e.name not in env.memo:
            d = self.defs.get(e.name)
            if d is None:
                raise EvaluationError(e.name)
            env.memo[e.name] = self.eval(d.expr, env, [])  # notes inside definitions: not traced
        return env.memo[e.name]

    def tier(self, e: n.Tiers, env: Env | dict[str, Value]) -> tuple[n.Expr | None, str]:
        """The amount of the first tier that holds, and the trace note saying which."""
        for i, t in enumerate(e.tiers, 1):
            if rt.truth(self.eval(t.cond, env, [])):
                return t.amount, TRACE["tier"].format(n=i, cond=self.shown(t.cond)[0])
        if e.otherwise is not None:
            return e.otherwise, TRACE["tier_otherwise"]
        return None, TRACE["tier_none"]

    def shown(self, e: n.Expr) -> tuple[str, tuple[str, ...]]:
        """``e`` printed back and the names it reads, worked out once per expression (a
        calculation shows the same formulas every time; the checker runs hundreds)."""
        hit = self._shown.get(id(e))
        if hit is None or hit[0] is not e:  # the expression is kept: its id is not reused
            hit = self._shown[id(e)] = (e, show(e), tuple(refs(e)))
        return hit[1], hit[2]

    # -- the policy as a runtime spec ---------------------------------------
    def _cond(self, e: n.Expr) -> Callable[[Env], bool]:
        return lambda env: rt.truth(self.eval(e, env, []))

    def _amount(self, e: n.Expr) -> Callable[[Env], rt.Amount]:
        def run(env: Env) -> rt.Amount:
            notes: list[rt.Note] = []
            shown: n.Expr = e
            if isinstance(e, n.Tiers):
                chosen, note = self.tier(e, env)
                notes.append(note)
                if chosen is None:
                    return rt.Amount(ZERO, notes, self.shown(e)[0], ())
                shown = chosen
            value = self.eval(shown, env, notes)
            return rt.amount(value, notes, *self.shown(shown), *self.shown(e))

        return run

    def _spec(self) -> rt.PolicySpec:
        p = self.policy
        h = p.header
        v = h.validity
        events = tuple(b.event for b in ((v.start, v.end) if v else ()) if b.event)
        stages = []
        for s in p.payments:
            parts: list[tuple[str, rt.StageShare]] = []
            for st in s.stages:
                if st.share is None:
                    parts.append((st.name, None))  # 余额
                    continue
                if stage_kind(p, st) == "amount":  # computed from another base, with its own cap
                    parts.append((st.name, rt.StageAmount(self._limit(st.share), show(st.share))))
                    continue
                share = self.eval(st.share, {}, [])
                parts.append((st.name, share.hi if isinstance(share, Interval) else rt.UNDET))
            stages.append(rt.ScheduleSpec(s.citation.article, scope_spec(s.scope), tuple(parts)))
        return rt.PolicySpec(
            id=p.id,
            valid_from=v.start.date if v else None,
            valid_until=v.end.date if v else None,
            retro_from=h.retroactive.start if h.retroactive else None,
            events=events,
            facts=tuple(fact_spec(f.name, f.type, f.label, f.required,
                                  f.default if not f.vocabulary else None) for f in p.facts),
            vocabulary=VOCABULARY,
            requirements=tuple(rt.CheckSpec(r.citation.article, self._cond(r.cond), show(r.cond))
                               for r in p.requirements),
            exclusions=tuple(rt.CheckSpec(x.citation.article, self._cond(x.cond), show(x.cond))
                             for x in p.exclusions),
            items=tuple(
                rt.ItemSpec(it.id, it.citation.article, it.title, it.beneficiary,
                            self._cond(it.cond) if it.cond is not None else None,
                            show(it.cond) if it.cond is not None else "",
                            self._amount(it.amount), funding_specs(it))
                for it in p.items
            ),
            caps=tuple(rt.CapSpec(c.citation.article, scope_spec(c.scope),
                                  self._limit(c.limit), show(c.limit), c.id) for c in p.caps),
            payments=tuple(stages),
            lists=tuple(rt.ListSpec(fact, label, tuple(rt.text_key(v, self.fold) for v in values),
                                    is_open, "、".join(arts))
                        for fact, label, values, is_open, arts in text_lists(p)),
            fold=self.fold,
            validity_note=validity_note(v),
            parameters=param_specs(p),
            constraints=tuple(rt.ConstraintSpec(self._cond(c.cond), *constraint_error(p, c))
                              for c in p.constraints),
        )

    def _limit(self, e: n.Expr) -> Callable[[Env], Value]:
        return lambda env: self.eval(e, env, [])

    def calculate(self, profile: Mapping[str, object] | object,
                  on: dt.date | str | None = None,
                  parameters: Mapping[str, object] | None = None,
                  only: Container[str] | None = None) -> Result:
        """``parameters``: values of the policy's 参数 (those the text does not state must be given);
        ``only``: the only items that may apply (:func:`runtime.evaluate_spec`)."""
        if not self.spans:
            return rt.evaluate_spec(self.spec, profile, on, parameters, only)
        if self._runs is None:
            self._runs = [(c, Evaluator(self.source, c)) for c in rt.combinations(self.reading_specs)]
        runs = [(c, ev.calculate(profile, on, parameters, only)) for c, ev in self._runs]
        return rt.span_results(self.reading_specs, runs, [it.id for it in self.policy.items])

    @functools.cached_property
    def reading_specs(self) -> tuple[rt.ReadingSpec, ...]:
        src = self.source
        return tuple(rt.ReadingSpec(r.id, r.citation.article, r.citation.quote.strip(), r.adopted,
                                    tuple(affected(src, r.id)), tuple((o.name, o.label) for o in r.options))
                     for r in src.readings)

    def readings(self, profile: Mapping[str, object] | object,
                 on: dt.date | str | None = None,
                 parameters: Mapping[str, object] | None = None) -> dict[str, Any]:
        """The ``readings`` of :meth:`calculate`'s result: each 解读 with its article, quoted
        words and items affected, and for each reading (the others as adopted) the total, funding,
        exclusions and items; and ``range``, the total across every reading (the result's
        ``total``)."""
        d = self.calculate(profile, on, parameters).to_dict()
        return {"readings": d.get("readings", []), "range": d["total"]}


def calculate(policy: n.Policy, profile: Mapping[str, object] | object,
              on: dt.date | str | None = None,
              parameters: Mapping[str, object] | None = None) -> Result:
    return Evaluator(policy).calculate(profile, on, parameters)


def param_specs(p: n.Policy) -> tuple[rt.ParamSpec, ...]:
    """The policy's 参数 as the runtime binds them."""
    return tuple(rt.ParamSpec(x.name, x.type.kind, x.label, x.value,
                              x.citation.article if x.citation else "") for x in p.parameters)


def deadline_of(policy: n.Policy, fact: str) -> dt.date | None:
    """The deadline 按期 ``fact`` is checked against (None: not a checked policy)."""
    found = policy.deadline(fact)
    return found[1].deadline if found is not None else None


def on_time_compare(policy: n.Policy, e: n.OnTime) -> n.Compare:
    """按期 x as the comparison it means: x <= the deadline of the step that names x."""
    due = deadline_of(policy, e.fact) or dt.date.min
    return n.Compare("<=", e.ref, n.DateLit(due, due.isoformat(), e.span), e.span)


def validity_note(v: n.Validity | None) -> str:
    """What the text leaves open about the policy's validity, for the calculation's notes."""
    if v is None:
        return ""
    if not v.stated:
        return "原文未规定有效期，计算时视为有效"
    if v.end.open:
        return "原文未规定有效期的截止日期"
    if v.start.open:
        return "原文未规定有效期的起始日期"
    return ""

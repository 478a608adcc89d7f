"""The reference evaluator. Its behaviour *is* the meaning of the policy language:

* Numeric values are exact intervals [lo, hi]; a fixed amount has lo == hi.
  ``1万元 至 3万元`` is [10000, 30000]; ``不超过 X`` is [0, X]; ``a 封顶 b`` is min on both ends.
* ``未定`` is an undetermined amount: it propagates through arithmetic (``未定 封顶 X`` is
  [0, X]) and is reported as ``null``.
* An absent fact takes its default (false, 0, 0 元); absent text/enum facts make every
  comparison and membership test false.
* A requirement (资格) that is false, or an exclusion (排除) that is true, excludes the
  applicant: nothing is payable and ``exclusions`` names the articles.
* Outside the validity window (from the retroactive start, if any, to the end) nothing is
  payable and ``in_force`` is false. A bound given as an event (事件) is open.
* An item applies when its beneficiary matches ``applicant_type`` and its condition holds.
  Its amount is rounded down to the fen (see :mod:`compiler.evaluate.money`).
* Cross-item caps (累计上限) are applied in declaration order; within a cap the items are
  filled in declaration order, so the later items are cut first. An undetermined item in a
  cap can take at most what the cap leaves.
* ``total`` is after every cap; ``funding`` sums each item's after-cap maximum by source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..model import nodes as n
from ..model.printer import refs, show
from ..vocabulary import FUNDING_SOURCES, UNSPECIFIED
from .money import INF, Interval, fmt, to_fen
from .profile import ProfileError, validate_profile
from .result import ItemResult, PaymentResult, Result


class _Undetermined:
    def __repr__(self) -> str:
        return "未定"


UNDET = _Undetermined()
Value = bool | str | None | Interval | _Undetermined
ZERO = Interval.exact(Decimal(0))


class EvaluationError(Exception):
    """An expression could not be evaluated (only for policies with type errors)."""


def parse_on(on: dt.date | str | None) -> dt.date:
    if on is None:
        return dt.date.today()
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(on)
    except (TypeError, ValueError):
        raise ProfileError([("on", f"日期“{on}”无效：应为 YYYY-MM-DD")]) from None


@dataclass
class _Live:
    """An applicable item during the calculation."""

    item: n.Item
    amount: Interval | None  # None: undetermined
    after: Interval  # after cross-item caps; undetermined items start as [0, ∞]
    trace: list[str]


class Evaluator:
    def __init__(self, policy: n.Policy) -> None:
        self.policy = policy
        self.defs = {d.name: d for d in policy.definitions}

    # -- expressions ---------------------------------------------------------
    def eval(self, e: n.Expr, env: dict[str, Value], notes: list[str]) -> Value:
        if isinstance(e, n.MoneyLit | n.RateLit | n.NumberLit | n.CountLit):
            return Interval.exact(e.value)
        if isinstance(e, n.StrLit):
            return e.value
        if isinstance(e, n.BoolLit):
            return e.value
        if isinstance(e, n.Undetermined):
            return UNDET
        if isinstance(e, n.Ref):
            if e.name not in env:
                d = self.defs.get(e.name)
                if d is None:
                    raise EvaluationError(e.name)
                env[e.name] = self.eval(d.expr, env, notes)
            return env[e.name]
        if isinstance(e, n.RangeLit):
            return Interval(e.low.value, e.high.value)
        if isinstance(e, n.UpTo):
            v = self.eval(e.operand, env, notes)
            return Interval(Decimal(0), v.hi) if isinstance(v, Interval) else UNDET
        if isinstance(e, n.Arith):
            a, b = self.eval(e.left, env, notes), self.eval(e.right, env, notes)
            if not (isinstance(a, Interval) and isinstance(b, Interval)):
                return UNDET
            return a + b if e.op == "+" else a - b if e.op == "-" else a * b
        if isinstance(e, n.Cap):
            base, lim = self.eval(e.base, env, notes), self.eval(e.limit, env, notes)
            if not isinstance(lim, Interval):
                return base
            if not isinstance(base, Interval):
                return Interval(Decimal(0), lim.hi)
            out = base.cap(lim)
            if out != base:
                notes.append(f"“{show(e)}”：{base.show()} 超过上限 {lim.show()}，取 {out.show()}")
            return out
        if isinstance(e, n.Tiers):
            for i, t in enumerate(e.tiers, 1):
                if self.eval(t.cond, env, notes) is True:
                    notes.append(f"分档：适用第 {i} 档（当 {show(t.cond)}）")
                    return self.eval(t.amount, env, notes)
            if e.otherwise is not None:
                notes.append("分档：适用“否则”档")
                return self.eval(e.otherwise, env, notes)
            notes.append("分档：没有适用的档次，按 0 计")
            return ZERO
        if isinstance(e, n.Not):
            return self.eval(e.operand, env, notes) is False
        if isinstance(e, n.Logic):
            left = self.eval(e.left, env, notes) is True
            if e.op == "且":
                return left and self.eval(e.right, env, notes) is True
            return left or self.eval(e.right, env, notes) is True
        if isinstance(e, n.Compare):
            return _compare(e.op, self.eval(e.left, env, notes), self.eval(e.right, env, notes))
        assert isinstance(e, n.Member)
        v = self.eval(e.operand, env, notes)
        if v is None:
            return False
        hit = v in {x.value for x in e.values}
        if not hit and e.open:
            notes.append(f"“{v}”不在列举中；原文列举以“等”结尾，未列举的情形按不符合处理")
        return hit

    def truth(self, e: n.Expr, env: dict[str, Value], notes: list[str]) -> bool:
        return self.eval(e, env, notes) is True

    # -- validity ------------------------------------------------------------
    def in_force(self, on: dt.date) -> tuple[bool, str]:
        h = self.policy.header
        v = h.validity
        start = v.start.date if v else None
        end = v.end.date if v else None
        if h.retroactive is not None:
            start = h.retroactive.start
        if start is not None and on < start:
            return False, f"{on.isoformat()} 早于本政策的适用起始日 {start.isoformat()}"
        if end is not None and on > end:
            return False, f"{on.isoformat()} 晚于本政策的有效期截止日 {end.isoformat()}"
        if v and (v.start.event or v.end.event):
            events = "；".join(f"“{b.event}”" for b in (v.start, v.end) if b.event)
            return True, f"有效期以事件为界（{events}），日期未定，视为有效"
        return True, ""

    # -- the calculation -----------------------------------------------------
    def calculate(self, profile: Mapping[str, object] | object,
                  on: dt.date | str | None = None) -> Result:
        on_date = parse_on(on)
        env: dict[str, Value] = validate_profile(self.policy, profile)  # type: ignore[assignment]
        p = self.policy
        notes: list[str] = []
        ok, why = self.in_force(on_date)
        if why:
            notes.append(why)
        exclusions: list[str] = []
        for req in p.requirements:
            if not self.truth(req.cond, env, []):
                _add(exclusions, req.citation.article)
                notes.append(f"不满足资格条件（{req.citation.article}）：{show(req.cond)}")
        for exc in p.exclusions:
            if self.truth(exc.cond, env, []):
                _add(exclusions, exc.citation.article)
                notes.append(f"属于排除情形（{exc.citation.article}）：{show(exc.cond)}")
        excluded = bool(exclusions)
        if not ok or excluded:
            return Result(p.id, on_date, ok, excluded, tuple(exclusions), (), Decimal(0),
                          Decimal(0), {}, (), tuple(notes))

        live = [x for it in p.items if (x := self._item(it, env)) is not None]
        for cap in p.caps:
            self._apply_cap(cap, live, env)
        total_lo = sum((x.after.lo for x in live), Decimal(0))
        total_hi = sum((x.after.hi for x in live), Decimal(0))
        funding: dict[str, Decimal] = {}
        for x in live:
            if x.amount is None:
                continue
            split, _ = self._funding(x.item, x.after.hi)
            for src, amt in split.items():
                funding[src] = funding.get(src, Decimal(0)) + amt
        funding = {k: v for k, v in funding.items() if v != 0}
        payments = tuple(pay for s in p.payments for pay in self._payments(s, live))
        items = tuple(
            ItemResult(
                x.item.id, x.item.citation.article, x.item.title,
                x.amount.lo if x.amount else None, x.amount.hi if x.amount else None,
                self._funding(x.item, x.amount.hi)[0] if x.amount else {},
                tuple(x.trace),
            )
            for x in live
        )
        return Result(p.id, on_date, True, False, (), items, total_lo,
                      total_hi if total_hi.is_finite() else None, funding, payments, tuple(notes))

    def _item(self, it: n.Item, env: dict[str, Value]) -> _Live | None:
        art = it.citation.article
        if it.beneficiary is not None and env.get("applicant_type") != it.beneficiary:
            return None
        if it.cond is not None and not self.truth(it.cond, env, []):
            return None
        trace = [f"{art}「{it.title}」适用" + (f"：{show(it.cond)}" if it.cond else "")]
        notes: list[str] = []
        value = self.eval(it.amount, env, notes)
        trace.extend(notes)
        shown = self._chosen(it.amount, env)
        used = [r for r in refs(shown) if isinstance(env.get(r), Interval)]
        where = "，".join(f"{r} = {self._show_value(r, env[r])}" for r in used)
        if isinstance(value, Interval):
            amount = value.to_fen()
            if amount.lo < 0:
                amount = Interval(max(amount.lo, Decimal(0)), max(amount.hi, Decimal(0)))
                trace.append("计算结果为负数，按 0 计")
            trace.append(f"金额：{show(shown)} = {amount.show()}" + (f"（{where}）" if where else ""))
            after = amount
        else:
            amount = None
            trace.append(f"金额：{show(it.amount)}：原文未规定具体金额（未定）")
            after = Interval(Decimal(0), INF)
        _, funding_note = self._funding(it, amount.hi if amount else None)
        trace.append(funding_note)
        return _Live(it, amount, after, trace)

    def _chosen(self, e: n.Expr, env: dict[str, Value]) -> n.Expr:
        """For a tiered amount, the formula of the tier that applies (for the trace)."""
        if isinstance(e, n.Tiers):
            for t in e.tiers:
                if self.truth(t.cond, env, []):
                    return t.amount
            return e.otherwise if e.otherwise is not None else e
        return e

    def _show_value(self, name: str, v: Value) -> str:
        fact = self.policy.fact(name)
        if isinstance(v, Interval) and fact is not None and fact.type.kind == "int":
            return str(int(v.lo))
        return v.show() if isinstance(v, Interval) else str(v)

    def _scope(self, scope: n.Scope | None, live: list[_Live]) -> list[_Live]:
        if scope is None or scope.kind == "all":
            return list(live)
        if scope.kind == "items":
            return [x for x in live if x.item.id in scope.items]
        return [x for x in live if x.item.beneficiary == scope.beneficiary]

    def _apply_cap(self, cap: n.CrossCap, live: list[_Live], env: dict[str, Value]) -> None:
        members = self._scope(cap.scope, live)
        if not members:
            return
        limit = self.eval(cap.limit, env, [])
        if not isinstance(limit, Interval):
            return
        limit = limit.to_fen()
        art = cap.citation.article
        rem_lo, rem_hi = limit.lo, limit.hi
        for x in members:
            lo, hi = min(x.after.lo, max(rem_lo, Decimal(0))), min(x.after.hi, max(rem_hi, Decimal(0)))
            cut_hi = x.after.hi - hi
            if x.amount is not None and (lo, hi) != (x.after.lo, x.after.hi):
                x.trace.append(
                    f"{art} 累计上限 {limit.show()}（{show(cap.limit)}）：本项削减 "
                    f"{Interval(x.after.lo - lo, cut_hi).show()}，实付 {Interval(lo, hi).show()}"
                )
            elif x.amount is None and hi.is_finite():
                x.trace.append(f"{art} 累计上限 {limit.show()}：本项至多 {fmt(hi)}")
            rem_lo -= lo
            rem_hi -= hi
            x.after = Interval(lo, hi)

    def _funding(self, it: n.Item, amount: Decimal | None) -> tuple[dict[str, Decimal], str]:
        decls = it.funding
        amt = amount if amount is not None else Decimal(0)
        if not decls:
            return {}, "出资：原文未规定由谁出资"
        kinds = {(f.stated, f.shares if f.stated else tuple(sorted(f.payers))) for f in decls}
        arts = "、".join(dict.fromkeys((f.citation.article if f.citation else
                                       it.citation.article) for f in decls))
        if len(kinds) == 1 and decls[0].stated:
            shares = decls[0].shares
            out: dict[str, Decimal] = {}
            rest = amt
            for i, (src, frac) in enumerate(shares):
                part = rest if i == len(shares) - 1 else to_fen(frac * amt)
                out[src] = out.get(src, Decimal(0)) + part
                rest -= part
            desc = "、".join(f"{FUNDING_SOURCES.get(s, s)} {frac * 100:g}%" for s, frac in shares)
            return out, f"出资（{arts}）：{desc}"
        payers = list(dict.fromkeys(p for f in decls for p in f.payers))
        names = "、".join(FUNDING_SOURCES.get(p, p) for p in payers)
        if len(kinds) == 1:
            note = f"出资（{arts}）：由 {names} 承担，分担比例未明确"
        else:
            note = f"出资：{arts} 对出资方的规定不一致，候选出资方：{names}，分担比例未明确"
        return ({UNSPECIFIED: amt} if amount is not None else {}), note

    def _payments(self, s: n.PaymentSchedule, live: list[_Live]) -> list[PaymentResult]:
        members = [x for x in self._scope(s.scope, live) if x.amount is not None]
        if not members:
            return []
        base_lo = sum((x.after.lo for x in members), Decimal(0))
        base_hi = sum((x.after.hi for x in members), Decimal(0))
        out = []
        paid_lo = Decimal(0)
        for st in s.stages:
            if st.share is None:
                out.append(PaymentResult(s.citation.article, st.name, base_lo - paid_lo, base_hi))
                continue
            share = self.eval(st.share, {}, [])
            frac = share.hi if isinstance(share, Interval) else Decimal(0)
            hi = to_fen(frac * base_hi)
            paid_lo += to_fen(frac * base_lo)
            out.append(PaymentResult(s.citation.article, st.name, Decimal(0), hi))
        return out


def _add(xs: list[str], x: str) -> None:
    if x not in xs:
        xs.append(x)


def _compare(op: str, a: Value, b: Value) -> bool:
    if a is None or b is None or isinstance(a, _Undetermined) or isinstance(b, _Undetermined):
        return False
    if isinstance(a, Interval) and isinstance(b, Interval):
        x, y = a.lo, b.lo
    else:
        x, y = a, b  # type: ignore[assignment]
    if op == "==":
        return bool(x == y)
    if op == "!=":
        return bool(x != y)
    try:
        return bool({">=": x >= y, "<=": x <= y, ">": x > y, "<": x < y}[op])
    except TypeError:
        return False


def calculate(policy: n.Policy, profile: Mapping[str, object] | object,
              on: dt.date | str | None = None) -> Result:
    return Evaluator(policy).calculate(profile, on)

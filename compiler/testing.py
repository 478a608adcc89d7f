"""Run the test cases written inside a policy (测试 blocks) against the reference evaluator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from .diagnostics import Diagnostic, Severity
from .evaluate.evaluator import Evaluator
from .evaluate.profile import ProfileError
from .evaluate.runtime import UNDET, Interval, Result, fmt
from .model import nodes as n


@dataclass
class Outcome:
    test: n.TestCase
    failures: list[Diagnostic] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def _show(lo: Decimal | None, hi: Decimal | None) -> str:
    if lo is None and hi is None:
        return "未定"
    if lo == hi:
        return f"{fmt(lo)}元"
    return f"{fmt(lo) if lo is not None else '未定'}元 至 {fmt(hi) if hi is not None else '未定'}"


def run_test(ev: Evaluator, t: n.TestCase) -> Outcome:
    out = Outcome(t)

    def fail(e: n.Expectation | n.TestCase, msg: str, code: str = "PC901") -> None:
        out.failures.append(Diagnostic(code, Severity.ERROR, e.span, f"测试“{t.name}”：{msg}"))

    profile = {i.name: i.value for i in t.inputs}
    if t.readings:  # 采用 <解读> <读法>: this test is worked out under the readings it names
        ev = Evaluator(ev.source, {r: o for r, o, _ in t.readings})
    elif ev.spans:  # a test without 采用 is worked out under the adopted readings
        ev = Evaluator(ev.source, {})
    try:
        res = ev.calculate(profile, t.date, {v.name: v.value for v in t.parameters})
    except ProfileError as err:
        fail(t, f"输入无效：{err}", "PC902")
        return out
    for e in t.expectations:
        _check(ev, res, e, fail)
    return out


def _expected(ev: Evaluator, e: n.Expectation) -> tuple[Decimal | None, Decimal | None]:
    v = ev.eval(e.value, {}, []) if e.value is not None else UNDET  # type: ignore[arg-type]
    if isinstance(v, Interval):
        iv = v.to_fen()
        return iv.lo, iv.hi
    return None, None


def _check(ev: Evaluator, res: Result, e: n.Expectation,
           report: Callable[[n.Expectation, str], None]) -> None:
    if e.kind == "in_force":
        if res.in_force is not e.value:
            report(e, f"期望 有效 为 {'是' if e.value else '否'}，实际为 {'是' if res.in_force else '否'}")
    elif e.kind == "excluded":
        if res.excluded is not e.value:
            report(e, f"期望 排除项 为 {'是' if e.value else '否'}，实际为 {'是' if res.excluded else '否'}"
                      + (f"（{'、'.join(res.exclusions)}）" if res.exclusions else ""))
    elif e.kind == "exclusions":
        if tuple(res.exclusions) != e.value:
            report(e, f"期望排除条款 {list(e.value)}，实际 {list(res.exclusions)}")  # type: ignore[call-overload]
    elif e.kind == "item_absent":
        item = res.item(e.target or "")
        if item is not None:
            report(e, f"期望补助项 {e.target} 不适用，实际适用，金额 {_show(item.min, item.max)}")
    elif e.kind == "item":
        item = res.item(e.target or "")
        want = _expected(ev, e)
        if item is None:
            report(e, f"期望补助项 {e.target} 为 {_show(*want)}，实际不适用")
        elif (item.min, item.max) != want:
            report(e, f"期望补助项 {e.target} 为 {_show(*want)}，实际 {_show(item.min, item.max)}")
    elif e.kind == "total":
        want = _expected(ev, e)
        got = (res.total_min, res.total_max)
        if got != want:
            report(e, f"期望总额 {_show(*want)}，实际 {_show(*got)}")
    elif e.kind == "funding":
        _, hi = _expected(ev, e)
        got_f = res.funding.get(e.target or "", Decimal(0))
        if got_f != hi:
            report(e, f"期望资金 {e.target} 为 {fmt(hi)}元，实际 {fmt(got_f)}元"
                      f"（全部：{ {k: fmt(v) for k, v in res.funding.items()} }）")
    elif e.kind == "payment":
        want = _expected(ev, e)
        pay = next((p for p in res.payments if p.stage == e.target), None)
        if pay is None:
            report(e, f"期望拨付阶段“{e.target}”为 {_show(*want)}，实际没有该阶段的拨付")
        elif (pay.min, pay.max) != want:
            report(e, f"期望拨付阶段“{e.target}”为 {_show(*want)}，实际 {_show(pay.min, pay.max)}")


def run_tests(policy: n.Policy) -> list[Outcome]:
    ev = Evaluator(policy)
    return [run_test(ev, t) for t in policy.tests]

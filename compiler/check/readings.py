"""Readings (解读): does it matter which reading is taken? (PC530, PC531)

For each 解读 block and each reading other than the adopted one, the policy is resolved both
ways (:func:`compiler.model.readings.resolve`) and both are encoded over one z3 fact space. The
question is whether some applicant (every fact in its domain) is paid differently by some item:
it applies under one reading and not the other, or its amount (rounded to the fen, negative
paid as 0, undetermined or not) differs, before or (when a reading reaches a cross-item cap's
limit) after the cross-item caps. If so, PC530 with a witness: the applicant's totals
under both readings, from the reference evaluator. If provably never, PC531: the readings do
not change any amount (the 解读 is then documentation only). No answer in time: nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import z3

from ..diagnostics import Diagnostic, Severity
from ..evaluate.evaluator import Evaluator
from ..model import nodes as n
from ..model.readings import resolve
from .solver_encode import RLIMIT, Encoder, Flag, Space, as_bool, cents, disj
from .solver_witness import calculate, optimize, profile_of, span_text, witness, witness_date


def check_readings(policy: n.Policy, on: dt.date) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for r in policy.readings:
        names = [o.name for o in r.options]
        if len(names) < 2 or r.adopted not in names:
            continue  # a type error already (PC113)
        for o in r.options:
            if o.name != r.adopted:
                d = _compare(policy, r, o, on)
                if d is not None:
                    diags.append(d)
    return diags


def _paid(enc: Encoder, it: n.Item) -> tuple[Flag, z3.ArithRef, z3.ArithRef, Flag]:
    a = enc.amount(it)
    return enc.applies(it), cents(a.lo), cents(a.hi), a.det


def _differs(a: Encoder, b: Encoder, items: list[tuple[n.Item, n.Item]]) -> Flag:
    out: list[Flag] = []
    for it_a, it_b in items:
        app_a, lo_a, hi_a, det_a = _paid(a, it_a)
        app_b, lo_b, hi_b, det_b = _paid(b, it_b)
        pa, pb = as_bool(app_a), as_bool(app_b)
        da, db = as_bool(det_a), as_bool(det_b)
        out.append(z3.Or(
            pa != pb,
            z3.And(pa, da != db),
            z3.And(pa, da, db, z3.Or(lo_a != lo_b, hi_a != hi_b)),
        ))
    return disj(*out)


def _capped_differ(a: Encoder, b: Encoder, items: list[tuple[n.Item, n.Item]]) -> list[Flag]:
    """Some item's amount after every cross-item cap differs (fen, 0 when it does not apply)."""
    out: list[Flag] = []
    for it_a, it_b in items:
        (lo_a, hi_a), (lo_b, hi_b) = a.final(it_a), b.final(it_b)
        out.append(z3.Or(lo_a != lo_b, hi_a != hi_b))
    return out


def _compare(policy: n.Policy, r: n.Reading, other: n.ReadingOption,
             on: dt.date) -> Diagnostic | None:
    adopted = r.option(r.adopted)
    assert adopted is not None
    pol_a = resolve(policy, {r.id: r.adopted})
    pol_b = resolve(policy, {r.id: other.name})
    pairs = [(a, b) for a, b in zip(pol_a.items, pol_b.items, strict=True) if a != b]
    defs_differ = pol_a.definitions != pol_b.definitions
    # a reading in a cross-item cap's limit (or a definition it uses) changes amounts after caps
    caps_differ = bool(pol_a.caps) and (defs_differ or pol_a.caps != pol_b.caps)
    # a reading in a requirement (资格) or an exclusion (排除) changes whether any item applies
    gate_differ = pol_a.requirements != pol_b.requirements or pol_a.exclusions != pol_b.exclusions
    if defs_differ or caps_differ or gate_differ:
        pairs = list(zip(pol_a.items, pol_b.items, strict=True))
    where = f"解读“{r.id}”（{r.citation.article}）"
    if not pairs:
        return _never(r, adopted, other, where)
    space = Space()
    enc_a, enc_b = Encoder(pol_a, space), Encoder(pol_b, space)
    differs = _differs(enc_a, enc_b, pairs)
    if caps_differ:
        differs = disj(differs, *_capped_differ(enc_a, enc_b, pairs))
    result, model = _ask(space, as_bool(differs))
    if result == z3.unsat:
        return _never(r, adopted, other, where)
    if result != z3.sat:
        return None
    model = optimize(enc_a, [differs], []) or model
    when = witness_date(pol_a, on)
    ev_a, ev_b = Evaluator(policy, {r.id: r.adopted}), Evaluator(policy, {r.id: other.name})
    profile = profile_of(model, enc_a)
    res_a, res_b = calculate(ev_a, profile, when), calculate(ev_b, profile, when)
    if res_a is None or res_b is None:
        return None
    if (res_a.total_min, res_a.total_max) == (res_b.total_min, res_b.total_max):
        # The witness shows the two totals: an item that applies under one reading only, with
        # nothing to pay or cut to 0 by a cap, leaves them equal (「金额不同」 with 0.00 beside 0.00).
        # Then look for an applicant whose total after every cap differs.
        better = _total_differs(enc_a, enc_b, pol_a, pol_b)
        if better is not None:
            profile = profile_of(better, enc_a)
            res_a, res_b = calculate(ev_a, profile, when), calculate(ev_b, profile, when)
            if res_a is None or res_b is None:
                return None
    total_a = span_text(res_a.total_min, res_a.total_max)
    total_b = span_text(res_b.total_min, res_b.total_max)
    what = (f"两种读法对同一申请人的金额不同——读法 {r.adopted}（采用；{adopted.label}）合计 {total_a}，"
            f"读法 {other.name}（{other.label}）合计 {total_b}（附这份申请人资料）")
    if total_a == total_b:
        # no applicant's total differs: say what does (the items that apply), not 「金额不同」
        what = (f"两种读法下适用的项目或各项金额不同，但没有申请人的应付总额因此不同——读法 {r.adopted}"
                f"（采用；{adopted.label}）与读法 {other.name}（{other.label}）对这份申请人资料都合计 "
                f"{total_a}（附这份申请人资料，见各项）")
    wit = witness(profile, when, res_a, readings={
        r.adopted: {"label": adopted.label, "total": total_a},
        other.name: {"label": other.label, "total": total_b},
    })
    return Diagnostic(
        "PC530", Severity.INFO, r.span,
        f"{where}：{what}",
        "计算器按采用的读法计算，并列出每种读法的结果及其范围；申请指南告诉申请人原文在此处有不同理解。"
        "向发布机关确认后，改写为确定的规则并删去 解读。",
        r.citation.article, {"witness": wit},
    )


def _total_differs(enc_a: Encoder, enc_b: Encoder, pol_a: n.Policy, pol_b: n.Policy) -> Any:
    """A model (at the roundest amounts) of an applicant whose total after every cross-item cap
    differs between the two readings, or None when there is none or no answer in time."""
    finals = [(enc_a.final(a), enc_b.final(b)) for a, b in zip(pol_a.items, pol_b.items, strict=True)]
    if not finals:
        return None
    lo = z3.Sum([fa[0] for fa, _ in finals]) != z3.Sum([fb[0] for _, fb in finals])
    hi = z3.Sum([fa[1] for fa, _ in finals]) != z3.Sum([fb[1] for _, fb in finals])
    differs = z3.Or(lo, hi)
    result, model = _ask(enc_a.space, differs)
    if result != z3.sat:
        return None
    return optimize(enc_a, [differs], []) or model


def _ask(space: Space, cond: Any) -> tuple[Any, Any]:
    """Whether some applicant of ``space`` satisfies ``cond`` (z3's answer, None when it gives
    none within RLIMIT) and, when one does, the solver's model."""
    solver = z3.Solver()
    solver.set("rlimit", RLIMIT)
    solver.add(*space.domains())
    solver.add(cond)
    try:
        result = solver.check()
    except z3.Z3Exception:
        return None, None
    return result, solver.model() if result == z3.sat else None


def _never(r: n.Reading, adopted: n.ReadingOption, other: n.ReadingOption,
           where: str) -> Diagnostic:
    return Diagnostic(
        "PC531", Severity.INFO, r.span,
        f"{where}：读法 {r.adopted}（{adopted.label}）与读法 {other.name}（{other.label}）"
        "对任何申请人的金额都相同",
        "两种读法在本政策中没有区别：可以只写一种，把另一种理解写进 说明。",
        r.citation.article,
    )

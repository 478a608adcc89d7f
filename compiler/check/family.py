"""PC407: a gap between the items of one category (类别).

Items of one category form a family: 「服务20家以上的，奖励10万元；10家以上不足15家的，奖励5万元」
written as two items. When the family's items split applicants by a number they all compare
(a count, an amount, a ratio), the check looks for an applicant who falls between them: for
whom some item of the family applies at a lower value and at a higher value of that number, and
no item applies in between, everything else the same. Written as one 分档 the same gap is PC402;
written as separate items it used to go unnoticed.

The question is asked of z3 with two more copies of the number (``below`` and ``above``): the
family's applicability is substituted at each. The witness is the applicant in the gap (least
value of the number), with the nearest values below and above where an item applies; all three
are run through the reference evaluator before anything is reported. Items that already cover
each other (complementary conditions: ``>= 20`` and ``< 20``) give no finding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import z3

from ..diagnostics import Severity
from ..model import nodes as n
from .solver_encode import FactVar, Flag, as_bool, conj, disj, is_false, is_true, neg
from .solver_witness import _value, calculate, profile_of, witness

if TYPE_CHECKING:
    from .solver import SolverChecks

# Items of one category checked for gaps (a documented limit, docs/reference/diagnostics.md):
# each question holds every item's applicability three times over.
MAX_FAMILY = 40

# kinds of facts whose values are not ordered (no value lies between two others)
_UNORDERED = ("bool", "enum", "text")


def category_gaps(sc: SolverChecks) -> None:
    """PC407 for each category whose items leave a gap (one finding per category)."""
    families: dict[str, list[n.Item]] = {}
    for it in sc.policy.items:
        if it.category is not None and it.cond is not None and it.id not in sc.dead_items:
            families.setdefault(it.category, []).append(it)
    for category, items in families.items():
        if len(items) < 2:
            continue
        if len(items) > MAX_FAMILY:
            late = items[MAX_FAMILY]
            sc.limit(("family", category), late.span, late.citation.article,
                     f"类别“{category}”有 {len(items)} 个补助项，只检查了前 {MAX_FAMILY} 项之间的空档（PC407），"
                     f"自“{late.id}”起未检查")
            items = items[:MAX_FAMILY]
        read = [set(sc.enc.facts_read(it.cond)) for it in items]
        shared = sorted({f for r in read for f in r if sum(f in r2 for r2 in read) >= 2})
        for name in shared:
            fv = sc.enc.facts.get(name)
            if fv is None or fv.kind in _UNORDERED:
                continue
            if _gap(sc, category, items, fv):
                break


def _gap(sc: SolverChecks, category: str, items: list[n.Item], fv: FactVar) -> bool:
    enc = sc.enc
    some = disj(*[enc.applies(it) for it in items])
    if is_true(some) or is_false(some):
        return False
    below = z3.Int(f"{fv.name}__gap_below")
    above = z3.Int(f"{fv.name}__gap_above")
    term = as_bool(some)
    domain = as_bool(fv.domain) if not is_true(fv.domain) else z3.BoolVal(True)

    def at(x: Any) -> Any:
        return z3.substitute(term, (fv.var, x))

    kinds = disj(*[enc.beneficiary(it) for it in items])
    constraints: list[Flag] = [
        enc.eligible(), kinds, neg(some), at(below), at(above), below < fv.var, fv.var < above,
        z3.substitute(domain, (fv.var, below)), z3.substitute(domain, (fv.var, above)),
    ]
    if sc.sat(*constraints) is None:
        return False
    model = _nearest(sc, constraints, fv.var, below, above)
    if model is None:
        return False
    # facts that neither the family nor eligibility reads keep their defaults
    read = {"applicant_type", *(f for it in items for f in enc.facts_read(it.cond))}
    conds = [r.cond for r in sc.policy.requirements] + [x.cond for x in sc.policy.exclusions]
    read |= {f for c in conds for f in enc.facts_read(c)}
    profile = {k: v for k, v in profile_of(model, enc).items()
               if k in read or enc.facts[k].required}
    low = _value(fv, model.eval(below, model_completion=True), enc)
    high = _value(fv, model.eval(above, model_completion=True), enc)
    gap = _value(fv, model.eval(fv.var, model_completion=True), enc)
    ids = {it.id for it in items}
    found = calculate(sc.evaluator, profile, sc.on)
    lower = calculate(sc.evaluator, {**profile, fv.name: low}, sc.on)
    upper = calculate(sc.evaluator, {**profile, fv.name: high}, sc.on)
    if found is None or lower is None or upper is None or any(i.id in ids for i in found.items):
        return False
    first = next((i for i in items if lower.item(i.id) is not None), None)
    second = next((i for i in items if upper.item(i.id) is not None), None)
    if first is None or second is None:
        return False
    at_item = max(first, second, key=items.index)  # the later-written neighbour
    label = next((f.label for f in sc.policy.facts if f.name == fv.name), "") or fv.name
    wit = witness(profile, sc.on, found, gap={"fact": fv.name, "value": gap, "below": low, "above": high,
                                               "below_items": [first.id], "above_items": [second.id]})
    sc.emit("PC407", Severity.WARNING, at_item.cond.span if at_item.cond is not None else at_item.span,
            f"类别 {category} 的补助项之间有空档：{label}（{fv.name}）为 {gap} 时本类别没有任何一项适用，"
            f"而为 {low} 时适用{first.citation.article}「{first.title}」，为 {high} 时适用"
            f"{second.citation.article}「{second.title}」（其他情况相同）",
            "检查各项条件的边界（“以上”“以下”含本数，“超过”“不足”“低于”不含本数）；"
            "若原文确实没有规定这一段，写 忽略 PC407 \"理由\"。",
            at_item.citation.article, wit)
    return True


def _nearest(sc: SolverChecks, constraints: list[Flag], var: Any, below: Any, above: Any) -> Any:
    """A model in the gap: the least value in it, with the nearest values below and above where
    an item applies (None when the witness budget is spent or the solver gives up)."""
    from .solver import WITNESS_BUDGET
    from .solver_encode import RLIMIT

    if sc.witness_spent >= WITNESS_BUDGET:
        sc.unwitnessed += 1
        return None
    sc.witness_spent += 1
    opt = z3.Optimize()
    opt.set("rlimit", RLIMIT)
    opt.add(*sc.space.domains(), as_bool(conj(*constraints)))
    opt.minimize(var)
    opt.maximize(below)
    opt.minimize(above)
    if opt.check() != z3.sat:
        return None
    return opt.model()

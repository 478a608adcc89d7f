"""Readings (解读): a policy with every ``Readings`` expression replaced by one reading's case.

A calculation, a check or a generated calculator that does not itself compare readings works
on :func:`resolve` of the policy: the readings each 解读 block adopts (采用), or those asked
for. The rest of the compiler then never sees a ``Readings`` node.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace

from . import nodes as n
from .queries import rewrite


def adopted(policy: n.Policy) -> dict[str, str]:
    """The reading each 解读 block adopts."""
    return {r.id: r.adopted for r in policy.readings}


def resolve(policy: n.Policy, choice: Mapping[str, str] | None = None) -> n.Policy:
    """``policy`` under the adopted readings, overridden by ``choice`` (解读 id -> 读法 name)."""
    if not policy.readings and not choice:
        return policy
    chosen = {**adopted(policy), **(choice or {})}
    out = _rewrite(policy, chosen)
    assert isinstance(out, n.Policy)
    return out


def uses(e: object, reading_id: str) -> bool:
    """Whether ``e`` (an expression, block or policy) depends on the 解读 ``reading_id``."""
    if isinstance(e, n.Readings):
        return e.block == reading_id or any(uses(c.amount, reading_id) for c in e.cases)
    if isinstance(e, tuple):
        return any(uses(x, reading_id) for x in e)
    if is_dataclass(e) and not isinstance(e, type):
        return any(uses(getattr(e, f.name), reading_id) for f in fields(e) if f.name != "span")
    return False


def _rewrite(x: object, chosen: Mapping[str, str]) -> object:
    def swap(y: object) -> object | None:
        if isinstance(y, n.Readings):
            name = chosen.get(y.block)
            case = next((c for c in y.cases if c.name == name), y.cases[0])
            return rewrite(case.amount, swap)
        return None

    return rewrite(x, swap)


def affected(policy: n.Policy, reading_id: str) -> list[str]:
    """The items whose condition or amount depends on the 解读 ``reading_id`` (directly or
    through definitions): the items whose own condition or amount does, the members of a
    累计上限 whose limit does, and the items for whose applicants a 资格 or 排除 reads
    differently under some reading (compared as written, with 定义 inlined and the item's 对象
    put for ``applicant_type``: a clause that binds only enterprises under one reading does not
    change an item whose 对象 is a service provider's)."""
    from .printer import refs
    from .queries import in_scope

    changed = {d.name for d in policy.definitions if uses(d.expr, reading_id)}
    grew = True
    while grew:
        grew = False
        for d in policy.definitions:
            if d.name not in changed and set(refs(d.expr)) & changed:
                changed.add(d.name)
                grew = True

    def depends(e: n.Expr | None) -> bool:
        return e is not None and (uses(e, reading_id) or bool(set(refs(e)) & changed))

    gated = set()
    gates: list[n.Requirement | n.Exclusion] = [*policy.requirements, *policy.exclusions]
    if any(depends(b.cond) for b in gates):
        differs = {b: _gate_differs(policy, reading_id, b) for b in {it.beneficiary for it in policy.items}}
        gated = {it.id for it in policy.items if differs[it.beneficiary]}
    capped = {it.id for c in policy.caps if depends(c.limit) for it in in_scope(policy, c.scope)}
    return [it.id for it in policy.items
            if it.id in gated or it.id in capped or uses(it, reading_id) or depends(it.amount)
            or depends(it.cond)]


def _gate_differs(policy: n.Policy, reading_id: str, beneficiary: str | None) -> bool:
    """Whether the 资格 and 排除 read differently, under some reading of ``reading_id`` than under
    the adopted one, for an applicant whose ``applicant_type`` is ``beneficiary`` (None: any)."""
    reading = policy.reading(reading_id)
    if reading is None:
        return False

    def gates(name: str) -> list[str]:
        from .printer import show
        from .queries import inline_definitions

        p = resolve(policy, {reading_id: name})
        blocks: list[n.Requirement | n.Exclusion] = [*p.requirements, *p.exclusions]
        return [show(_fold_type(inline_definitions(p, b.cond), beneficiary)) for b in blocks]

    adopted = gates(reading.adopted)
    return any(gates(o.name) != adopted for o in reading.options if o.name != reading.adopted)


def _fold_type(e: n.Expr, beneficiary: str | None) -> n.Expr:
    """``e`` with ``applicant_type`` known to be ``beneficiary`` (None: unknown, ``e`` as it is),
    and the 且/或/非 over the constants that gives folded."""
    if beneficiary is None:
        return e

    def known(x: n.Expr) -> bool | None:
        return x.value if isinstance(x, n.BoolLit) else None

    def fold(x: n.Expr) -> n.Expr:
        if isinstance(x, n.Compare) and x.op in ("==", "!="):
            pair = (x.left, x.right) if isinstance(x.left, n.Ref) else (x.right, x.left)
            ref, lit = pair
            if isinstance(ref, n.Ref) and ref.name == "applicant_type" and isinstance(lit, n.StrLit):
                return n.BoolLit((lit.value == beneficiary) == (x.op == "=="), x.span)
            return x
        if isinstance(x, n.Member):
            if isinstance(x.operand, n.Ref) and x.operand.name == "applicant_type":
                if any(v.value == beneficiary for v in x.values):
                    return n.BoolLit(True, x.span)
                if not x.open:  # an open list (……等) may name more
                    return n.BoolLit(False, x.span)
            return x
        if isinstance(x, n.Not):
            inner = fold(x.operand)
            k = known(inner)
            return n.BoolLit(not k, x.span) if k is not None else replace(x, operand=inner)
        if isinstance(x, n.Logic):
            left, right = fold(x.left), fold(x.right)
            kl, kr = known(left), known(right)
            absorbing = x.op == "或"  # 或: a true side decides; 且: a false side decides
            if kl is absorbing or kr is absorbing:
                return n.BoolLit(absorbing, x.span)
            if kl is not None:
                return right
            if kr is not None:
                return left
            return replace(x, left=left, right=right)
        return x

    return fold(e)

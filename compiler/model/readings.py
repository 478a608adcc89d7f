"""Readings (解读): a policy with every ``Readings`` expression replaced by one reading's case.

A calculation, a check or a generated calculator that does not itself compare readings works
on :func:`resolve` of the policy: the readings each 解读 block adopts (采用), or those asked
for. The rest of the compiler then never sees a ``Readings`` node.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass

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
    through definitions)."""
    from .printer import refs

    changed = {d.name for d in policy.definitions if uses(d.expr, reading_id)}
    grew = True
    while grew:
        grew = False
        for d in policy.definitions:
            if d.name not in changed and set(refs(d.expr)) & changed:
                changed.add(d.name)
                grew = True
    out = []
    for it in policy.items:
        names = set(refs(it.amount)) | (set(refs(it.cond)) if it.cond is not None else set())
        if uses(it, reading_id) or names & changed:
            out.append(it.id)
    return out

"""What a payment stage (拨付 阶段) is, for every backend and check that reads one.

A stage is one of:

* ``share``: ``至多 70%`` — 0 up to a stated share of the items it pays;
* ``undetermined``: ``至多 未定`` — the text does not say how much (0 up to what is left);
* ``amount``: ``至多 (30% × down_payment) 封顶 10万元`` — computed from another base (a fact,
  a definition or a fixed sum), with its own cap: 0 up to that amount, never more than is left;
* ``rest``: ``余额`` — what the earlier stages left.

The type checker has already accepted the stage's expression as a rate or an amount; which of
the two it is decides the kind (:func:`unit`).
"""

from __future__ import annotations

from . import nodes as n

__all__ = ["stage_kind", "unit"]


def unit(policy: n.Policy, e: n.Expr) -> str:
    """The unit of a well-typed numeric expression: ``money``, ``rate``, ``num`` or ``any``
    (未定, or an expression of nothing but 未定)."""
    facts = {f.name: f.type.kind for f in policy.facts}
    defs = {d.name: d.expr for d in policy.definitions}
    seen: set[str] = set()

    def go(x: n.Expr) -> str:
        if isinstance(x, n.MoneyLit | n.RangeLit):
            return "money"
        if isinstance(x, n.RateLit):
            return "rate"
        if isinstance(x, n.NumberLit | n.CountLit):
            return "num"
        if isinstance(x, n.Ref):
            if x.name in facts:
                return {"int": "num"}.get(facts[x.name], facts[x.name])
            if x.name in defs and x.name not in seen:
                seen.add(x.name)
                return go(defs[x.name])
            return "any"
        if isinstance(x, n.UpTo):
            return go(x.operand)
        if isinstance(x, n.Cap):
            return _first(go(x.base), go(x.limit))
        if isinstance(x, n.Arith):
            a, b = go(x.left), go(x.right)
            if x.op != "×":
                return _first(a, b)
            for kind in ("money", "rate", "num"):
                if kind in (a, b):
                    return kind
            return "any"
        if isinstance(x, n.Tiers):
            arms = [t.amount for t in x.tiers] + ([x.otherwise] if x.otherwise is not None else [])
            return _first(*(go(a) for a in arms))
        if isinstance(x, n.Readings):
            return _first(*(go(c.amount) for c in x.cases))
        return "any"

    return go(e)


def _first(*kinds: str) -> str:
    return next((k for k in kinds if k != "any"), "any")


def stage_kind(policy: n.Policy, st: n.Stage) -> str:
    """``rest``, ``undetermined``, ``share`` or ``amount`` (see the module docstring)."""
    if st.share is None:
        return "rest"
    kind = unit(policy, st.share)
    if kind == "money":
        return "amount"
    if kind == "any":
        return "undetermined"
    return "share"

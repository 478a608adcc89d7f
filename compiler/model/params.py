"""约束 as every calculator reports them: the field and the Chinese message of a broken
constraint (written once here, carried by the lowered form)."""

from __future__ import annotations

from . import nodes as n
from .printer import refs, show

# What a comparison requires, said as the error when it does not hold.
_RELATION = {"<=": "不能超过", "<": "应小于", ">=": "不能低于", ">": "应大于", "==": "应等于", "!=": "不能等于"}


def _named(policy: n.Policy, e: n.Expr) -> str:
    """A side of a comparison in words: “设备购置支出（equipment_spend）”, or the literal as written."""
    if isinstance(e, n.Ref):
        f = policy.fact(e.name)
        p = policy.parameter(e.name)
        label = f.label if f is not None else p.label if p is not None else ""
        return f"{label}（{e.name}）" if label else e.name
    return show(e)


def constraint_fields(policy: n.Policy, c: n.Constraint) -> list[str]:
    """The facts a constraint relates, in the order written."""
    facts = {f.name for f in policy.facts}
    return [r for r in refs(c.cond) if r in facts]


def constraint_error(policy: n.Policy, c: n.Constraint) -> tuple[str, str]:
    """(field, message) of the profile error when ``c`` does not hold: the field is the first fact
    it reads; the message names every fact it relates, and the article it cites."""
    fields = constraint_fields(policy, c)
    where = f"（依据{c.citation.article}）" if c.citation is not None else ""
    e = c.cond
    if isinstance(e, n.Compare):
        message = f"{_named(policy, e.left)}{_RELATION[e.op]}{_named(policy, e.right)}{where}"
    else:
        named = "、".join(_named(policy, n.Ref(x, e.span)) for x in fields)
        message = f"申请人资料不符合约束{where}：{show(e)}（{named}）"
    return (fields[0] if fields else "", message)


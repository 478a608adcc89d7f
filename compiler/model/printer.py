"""Print expressions back in the policy language (for traces, diagnostics and guides)."""

from __future__ import annotations

from . import nodes as n

_PREC = {"或": 1, "且": 2, "非": 3, "cmp": 4, "封顶": 5, "+": 6, "-": 6, "×": 7, "不超过": 8}


def show(e: n.Expr) -> str:
    return _show(e, 0)


def _wrap(text: str, prec: int, outer: int) -> str:
    return f"({text})" if prec < outer else text


def _show(e: n.Expr, outer: int) -> str:
    if isinstance(e, n.MoneyLit | n.RateLit | n.NumberLit | n.CountLit):
        return e.text.replace(" ", "").replace("\u3000", "")
    if isinstance(e, n.StrLit):
        return '"' + e.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(e, n.BoolLit):
        return "真" if e.value else "假"
    if isinstance(e, n.Ref):
        return e.name
    if isinstance(e, n.RangeLit):
        return f"{_show(e.low, 9)} 至 {_show(e.high, 9)}"
    if isinstance(e, n.Undetermined):
        return "未定"
    if isinstance(e, n.UpTo):
        return _wrap(f"不超过 {_show(e.operand, 8)}", 8, outer)
    if isinstance(e, n.Arith):
        p = _PREC[e.op]
        return _wrap(f"{_show(e.left, p)} {e.op} {_show(e.right, p + 1)}", p, outer)
    if isinstance(e, n.Cap):
        p = _PREC["封顶"]
        return _wrap(f"{_show(e.base, p)} 封顶 {_show(e.limit, p + 1)}", p, outer)
    if isinstance(e, n.Tiers):
        parts = [f"当 {show(t.cond)} 则 {show(t.amount)}" for t in e.tiers]
        if e.otherwise is not None:
            parts.append(f"否则 {show(e.otherwise)}")
        return "分档 { " + "；".join(parts) + " }"
    if isinstance(e, n.Not):
        return _wrap(f"非 {_show(e.operand, 3)}", 3, outer)
    if isinstance(e, n.Logic):
        p = _PREC[e.op]
        return _wrap(f"{_show(e.left, p)} {e.op} {_show(e.right, p + 1)}", p, outer)
    if isinstance(e, n.Compare):
        p = _PREC["cmp"]
        return _wrap(f"{_show(e.left, p + 1)} {e.op} {_show(e.right, p + 1)}", p, outer)
    if isinstance(e, n.Readings):
        parts = [f"读法 {c.name} 则 {show(c.amount)}" for c in e.cases]
        return f"解读 {e.block} {{ " + "；".join(parts) + " }"
    if isinstance(e, n.DateLit):
        return e.text
    if isinstance(e, n.OnTime):
        return f"按期 {e.fact}"
    assert isinstance(e, n.Member)
    vals = ", ".join(_show(v, 0) for v in e.values) + (", 等" if e.open else "")
    return _wrap(f"{_show(e.operand, 5)} 属于 [{vals}]", 4, outer)


def refs(e: n.Expr) -> list[str]:
    """Names an expression reads, in order of first appearance."""
    out: list[str] = []

    def walk(x: object) -> None:
        if isinstance(x, n.Ref):
            if x.name not in out:
                out.append(x.name)
            return
        if isinstance(x, tuple):
            for y in x:
                walk(y)
            return
        for name in n.child_fields(type(x)):
            walk(getattr(x, name))

    walk(e)
    return out

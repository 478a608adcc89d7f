"""Compile model expressions to Python that calls the calculation runtime.

Each expression becomes one Python expression over the runtime's helpers (``add``, ``mul``,
``cap``, ``compare``…), so a reader can follow the arithmetic and the result is exactly the
reference evaluator's. Every string from a policy goes through :func:`py_str` (``repr``) or
:func:`doc` — never spliced raw into code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal

from compiler.evaluate.runtime import text_key
from compiler.model import nodes as n
from compiler.model.printer import refs, show

from .layout import Atom, Call, Node, Str, inline


def py_str(text: str) -> str:
    """A Python string literal for ``text``: safe for any content."""
    return repr(text)


def doc(text: str) -> str:
    """Text safe inside a triple-quoted docstring: escapes backslashes, quotes, controls."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch != "\n" and unicodedata.category(ch) in ("Cc", "Cs"):
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def comment(text: str) -> str:
    """Text safe inside a ``#`` comment: one line, no control characters."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029\x85]", " ", text)


def ident(name: str) -> str:
    """Policy identifiers are ASCII ``[A-Za-z_][A-Za-z0-9_]*`` by the grammar."""
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name), name
    return name


def dec(x: Decimal) -> str:
    """A decimal's exact digits, without exponent or trailing zeros (50.0 -> "50")."""
    text = format(x.normalize(), "f")
    return text


class ExprCompiler:
    """Expression -> layout tree of Python. Facts are read from ``env``; definitions are functions."""

    def __init__(self, facts: set[str], definitions: set[str], notes: str = "notes",
                 fold: Mapping[str, str] | None = None) -> None:
        self.facts = facts
        self.definitions = definitions
        self.notes = notes  # where notes go; "[]" discards them (conditions, definitions)
        self.fold = dict(fold or {})  # the policy's text table (compiler.textfold), as TEXT_FOLD
        self._table = str.maketrans(self.fold)

    def quiet(self) -> ExprCompiler:
        """A compiler whose notes are discarded, as the evaluator does for conditions."""
        return ExprCompiler(self.facts, self.definitions, "[]", self.fold)

    def cond(self, e: n.Expr) -> Node:
        node = self.quiet()(e)
        return node if _is_bool(e) else Call("truth", (node,))

    def __call__(self, e: n.Expr) -> Node:
        c = self
        if isinstance(e, n.MoneyLit):
            return Call("yuan", (Str(dec(e.value)),))
        if isinstance(e, n.RateLit):
            return Call("pct", (Str(dec(e.value * 100)),))
        if isinstance(e, n.NumberLit | n.CountLit):
            return Call("iv", (Str(dec(e.value)),))
        if isinstance(e, n.StrLit):
            return Str(e.value)
        if isinstance(e, n.BoolLit):
            return Atom("True" if e.value else "False")
        if isinstance(e, n.Undetermined):
            return Atom("UNDET")
        if isinstance(e, n.Ref):
            if e.name in self.definitions:
                return Call(f"d_{ident(e.name)}", (Atom("env"),))
            return Atom(f"env[{py_str(e.name)}]")
        if isinstance(e, n.RangeLit):
            return Call("between", (Str(dec(e.low.value)), Str(dec(e.high.value))))
        if isinstance(e, n.UpTo):
            return Call("upto", (c(e.operand),))
        if isinstance(e, n.Arith):
            fn = {"+": "add", "-": "sub", "×": "mul"}[e.op]
            return Call(fn, (c(e.left), c(e.right)))
        if isinstance(e, n.Cap):
            return Call("cap", (c(e.base), c(e.limit), Str(show(e)), Atom(self.notes)))
        if isinstance(e, n.Tiers):
            arms = ", ".join(
                f"(lambda: {inline(c.cond(t.cond))}, lambda: {inline(c(t.amount))}, "
                f"{py_str(f'分档：适用第 {i} 档（当 {show(t.cond)}）')})"
                for i, t in enumerate(e.tiers, 1)
            )
            other = f"lambda: {inline(c(e.otherwise))}" if e.otherwise is not None else "None"
            return Atom(f"tiers({self.notes}, [{arms}], {other})")
        if isinstance(e, n.Not):
            return Call("negate", (c(e.operand),))
        if isinstance(e, n.Logic):
            op = "and" if e.op == "且" else "or"
            args: list[Node] = []
            for side in (e.left, e.right):
                node = c(side) if _is_bool(side) else Call("truth", (c(side),))
                if isinstance(side, n.Logic) and side.op == e.op and isinstance(node, Call):
                    args.extend(node.args)  # a 且 b 且 c: one flat `and`
                else:
                    args.append(node)
            return Call(op, tuple(args))
        if isinstance(e, n.Compare):
            if isinstance(e.left, n.StrLit) or isinstance(e.right, n.StrLit):
                return Call("compare", (Str(e.op), c(e.left), c(e.right), Atom("TEXT_FOLD")))
            return Call("compare", (Str(e.op), c(e.left), c(e.right)))
        assert isinstance(e, n.Member)
        # the listed values' keys, made now: the calculator only folds its input
        keys = tuple(Str(text_key(v.value, self._table)) for v in e.values)
        values = Call("", keys, trailing=len(keys) == 1)
        return Call("member", (c(e.operand), values, Atom(str(e.open)), Atom(self.notes),
                               Atom("TEXT_FOLD")))


def _is_bool(e: n.Expr) -> bool:
    """Whether the compiled expression is already a Python bool (no ``truth()`` needed)."""
    return isinstance(e, n.Logic | n.Compare | n.Member | n.Not)


def names(e: n.Expr) -> Node:
    """A tuple of the names an expression reads (for the trace)."""
    rs = refs(e)
    return Call("", tuple(Str(r) for r in rs), trailing=len(rs) == 1)

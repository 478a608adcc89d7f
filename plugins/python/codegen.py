"""Translate lowered expressions (:mod:`compiler.lowered`) to Python over exact decimals.

An ``exact`` numeric expression becomes plain arithmetic on ``int``/``Decimal`` values
(``RATE_50 * d_reform_spend(f)``); a ``range`` one goes through the runtime's interval helpers
(``r_add``, ``r_cap``…, ``None`` for undetermined). Literals become module constants. Every string
from a policy goes through :func:`py_str` (``repr``) or :func:`doc` — never spliced raw into code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .layout import Atom, Call, Node, Str, inline

Json = dict[str, Any]

# Python operator precedence of what we print (higher binds tighter).
_PREC = {"or": 1, "and": 2, "not": 3, "cmp": 4, "+": 6, "-": 6, "*": 7}


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


@dataclass(frozen=True)
class Infix(Atom):
    """An already printed operator expression, with the precedence of its outermost operator."""

    prec: int = 99


def _operand(node: Node, prec: int, right: bool = False) -> str:
    text = inline(node)
    p = node.prec if isinstance(node, Infix) else 99
    if isinstance(node, Call) and node.fn in ("and", "or"):
        return text  # printed in parentheses already
    return f"({text})" if p < prec or (right and p == prec) else text


def infix(op: str, a: Node, b: Node) -> Infix:
    p = _PREC["cmp" if op not in _PREC else op]
    return Infix(f"{_operand(a, p)} {op} {_operand(b, p, right=True)}", p)


class Constants:
    """Literals as module constants, named by what they are: YUAN_200000, RATE_50, VALUES_1."""

    def __init__(self) -> None:
        self.lines: dict[str, Node] = {}  # name -> right-hand side
        self._by_value: dict[tuple[str, str], str] = {}

    def add(self, kind: str, key: str, rhs: Node, name: str) -> str:
        got = self._by_value.get((kind, key))
        if got is not None:
            return got
        base, i = name, 2
        while name in self.lines:
            name, i = f"{base}_{i}", i + 1
        self.lines[name] = rhs
        self._by_value[(kind, key)] = name
        return name

    def number(self, value: str, unit: str) -> Node:
        d = Decimal(value)
        if unit == "num" and d == d.to_integral_value():
            return Atom(str(int(d)))  # counts and levels: plain ints
        label = _label(d * 100 if unit == "rate" else d)
        prefix = {"money": "YUAN", "rate": "RATE"}.get(unit, "NUM")
        return Atom(self.add("num", value, Call("Decimal", (Str(value),)), f"{prefix}_{label}"))

    def range(self, low: str, high: str) -> Node:
        name = f"YUAN_{_label(Decimal(low))}_TO_{_label(Decimal(high))}"
        rhs = Call("", (Call("Decimal", (Str(low),)), Call("Decimal", (Str(high),))))
        return Atom(self.add("range", f"{low}..{high}", rhs, name))

    def up_to(self, value: str) -> Node:
        name = f"UP_TO_{_label(Decimal(value))}"
        return Atom(self.add("upto", value, Call("", (Atom("ZERO"), Call("Decimal", (Str(value),)))), name))

    def point(self, value: str) -> Node:
        """An exact amount as a Range: EXACTLY_200000 = (YUAN_200000, YUAN_200000)."""
        amount = self.number(value, "money")
        return Atom(self.add("point", value, Call("", (amount, amount)), f"EXACTLY_{_label(Decimal(value))}"))

    def values(self, values: list[str], hint: str) -> Node:
        key = "\x00".join(values)
        rhs = Call("frozenset", (Call("", tuple(Str(v) for v in values), trailing=len(values) == 1),))
        return Atom(self.add("values", key, rhs, hint))


def _label(d: Decimal) -> str:
    text = format(d.normalize(), "f")
    return text.replace(".", "_").replace("-", "MINUS_")


class ExprCompiler:
    """Lowered expression -> layout tree of Python. ``trace`` names where cap notes go; ``notes``
    is the form's trace templates (the tier notes)."""

    def __init__(self, consts: Constants, defs: dict[str, Json], notes: dict[str, str]) -> None:
        self.consts = consts
        self.defs = defs
        self.notes = notes
        self.values_hint: str | None = None

    def num(self, e: Json, trace: str) -> Node:
        """A numeric expression as it is: exact -> Num, range -> Range."""
        if e["shape"] == "range":
            return self.rng(e, trace)
        return self.exact(e, trace)

    def exact(self, e: Json, trace: str) -> Node:
        op = e["op"]
        if op == "num":
            return self.consts.number(e["value"], e["unit"])
        if op == "fact":
            return Atom(f"f[{py_str(e['name'])}]")
        if op == "def":
            return Atom(f"d_{ident(e['name'])}(f)")
        if op in ("add", "sub", "mul"):
            a, b = (self.exact(x, trace) for x in e["args"])
            return infix({"add": "+", "sub": "-", "mul": "*"}[op], a, b)
        if op == "cap":
            a, b = (self.exact(x, trace) for x in e["args"])
            return Call("cap", (a, b, Str(e["shown"]), Atom(trace)))
        if op == "tiers":
            return self.tiers(e, trace, self.exact)
        if op == "reading":
            return self.reading(e, lambda x: self.exact(x, trace))
        raise AssertionError(op)

    def compared(self, e: Json) -> Node:
        """An exact operand of a comparison: an integral literal as a plain int (cheaper to compare)."""
        if e["op"] == "num" and Decimal(e["value"]) == Decimal(e["value"]).to_integral_value():
            return Atom(str(int(Decimal(e["value"]))))
        return self.exact(e, "None")

    def lift(self, e: Json, trace: str) -> Node:
        """Any numeric expression as a Range."""
        if e["shape"] == "exact":
            return Call("pt", (self.exact(e, trace),))
        return self.rng(e, trace)

    def rng(self, e: Json, trace: str) -> Node:
        op = e["op"]
        if op == "range":
            return self.consts.range(e["low"], e["high"])
        if op == "undet":
            return Atom("None")
        if op == "def":
            return Atom(f"d_{ident(e['name'])}(f)")
        if op == "upto":
            (a,) = e["args"]
            if a["op"] == "num":
                return self.consts.up_to(a["value"])
            if a["shape"] == "exact":
                return Call("", (Atom("ZERO"), self.exact(a, trace)))
            return Call("r_upto", (self.rng(a, trace),))
        if op in ("add", "sub", "mul"):
            return Call(f"r_{op}", tuple(self.lift(x, trace) for x in e["args"]))
        if op == "cap":
            a, b = (self.lift(x, trace) for x in e["args"])
            return Call("r_cap", (a, b, Str(e["shown"]), Atom(trace)))
        if op == "tiers":
            return self.tiers(e, trace, self.lift)
        if op == "reading":
            return self.reading(e, lambda x: self.lift(x, trace))
        raise AssertionError(op)

    def reading(self, e: Json, case: Any, pure: bool = False) -> Node:
        """解读: the case of the reading asked for (runtime ``reading``), else the first case;
        each case a thunk, so that only the chosen one runs (and traces). ``pure``: a condition
        or a text (nothing traced): every case is computed, and when they agree the value is
        taken without asking for a reading (runtime ``pick_same``): the result does not depend
        on it, so no other combination of readings is computed for this applicant."""
        cases = e["cases"]
        first = Atom(f"lambda: {inline(case(cases[0]['expr']))}")
        others = tuple(Call("", (Str(c["name"]), Atom(f"lambda: {inline(case(c['expr']))}"))) for c in cases[1:])
        if pure:
            return Call("pick_same", (Str(e["id"]), Str(e["adopted"]), first, *others))
        chosen = Call("reading", (Str(e["id"]), Str(e["adopted"])))
        return Call("pick", (chosen, first, *others))

    def tiers(self, e: Json, trace: str, arm: Any) -> Node:
        """A tier chosen inside a formula: the first arm that holds (its note first), else 0."""
        other = e["otherwise"]
        if other is not None:
            chosen_note = Call("note", (Atom(trace), Str(self.notes["tier_otherwise"])))
            out: Node = Call("then", (chosen_note, arm(other, trace)))
        else:
            zero = Atom("ZERO") if e["shape"] == "exact" else Atom("(ZERO, ZERO)")
            out = Call("then", (Call("note", (Atom(trace), Str(self.notes["tier_none"]))), zero))
        for a in reversed(e["arms"]):
            chosen = Call("then", (Call("note", (Atom(trace), Str(a["note"]))), arm(a["then"], trace)))
            out = Infix(f"{inline(chosen)} if {inline(self.cond(a['when']))} else {inline(out)}", 0)
        return Infix(f"({out.text})", 99) if isinstance(out, Atom) else out

    # -- conditions ----------------------------------------------------------
    def cond(self, e: Json) -> Node:
        """A condition (notes inside are never traced)."""
        op = e["op"]
        if op == "bool":
            return Atom("True" if e["value"] else "False")
        if op == "fact":
            return Atom(f"f[{py_str(e['name'])}]")
        if op == "def":
            return Atom(f"d_{ident(e['name'])}(f)")
        if op == "not":
            return Infix(f"not {_operand(self.cond(e['args'][0]), _PREC['not'])}", _PREC["not"])
        if op in ("and", "or"):
            return Call(op, tuple(self.cond(x) for x in e["args"]))
        if op == "cmp":
            return self.compare(e)
        if op == "in":
            (x,) = e["args"]
            hint = self.values_hint or (ident(x["name"]).upper() + "_VALUES" if x["op"] in ("fact", "def")
                                        else "VALUES")
            return Call("key_in", (self.text(x), self.consts.values(e["keys"], hint)))
        if op == "reading":
            return self.reading(e, self.cond, pure=True)
        raise AssertionError(op)

    def text(self, e: Json) -> Node:
        if e["op"] == "str":
            return Str(e["value"])
        if e["op"] == "fact":
            return Atom(f"f[{py_str(e['name'])}]")
        if e["op"] == "def":
            return Atom(f"d_{ident(e['name'])}(f)")
        if e["op"] == "reading":
            return self.reading(e, self.text, pure=True)
        return self.cond(e)

    def compare(self, e: Json) -> Node:
        op = e["cmp"]
        a, b = e["args"]
        if a["type"] == "num" and b["type"] == "num":
            if a["shape"] == "exact" and b["shape"] == "exact":
                return infix(op, self.compared(a), self.compared(b))
            return Call("r_compare", (Str(op), self.lift(a, "None"), self.lift(b, "None")))
        if a["type"] == "bool" or b["type"] == "bool":
            return infix(op, self.cond(a), self.cond(b))
        # text, by key when it matters: an absent value (None) compares false, whatever the operator
        keyed = e.get("keyed", False)
        x, y = self.text(a), self.text(b)
        may_be_absent = [n for n, side in ((x, a), (y, b)) if side["op"] != "str"]
        if keyed:
            x = Str(a["key"]) if a["op"] == "str" else Call("key", (x,))
            y = Str(b["key"]) if b["op"] == "str" else Call("key", (y,))
        if op == "==" and len(may_be_absent) < 2:
            return infix(op, x, y)
        parts: list[Node] = [Infix(f"{inline(n)} is not None", _PREC["cmp"]) for n in may_be_absent]
        return Call("and", (*parts, infix(op, x, y)))


def type_of(e: Json) -> str:
    """The Python annotation of a lowered expression's value."""
    if e["type"] == "bool":
        return "bool"
    if e["type"] in ("text", "date"):
        return "str | None"
    return "Num" if e["shape"] == "exact" else "Range"


def digits(e: Json, defs: dict[str, Json], fact_digits: int) -> int:
    """Significant digits an exact value of ``e`` can need when every fact is below 10**fact_digits."""
    op = e["op"]
    if e.get("type") != "num":
        return max((digits(x, defs, fact_digits) for x in _children(e)), default=0)
    if op in ("num", "range"):
        vals = [Decimal(e[k]) for k in ("value", "low", "high") if k in e]
        scale: int = e["scale"]
        return max(len(str(int(abs(v)))) + scale for v in vals)
    if op == "fact":
        return (int(e.get("digits", 1)) if e["kind"] == "rate" else fact_digits) + int(e["scale"])
    if op == "def":
        return digits(defs[e["name"]], defs, fact_digits)
    if op == "undet":
        return 0
    kids = [digits(x, defs, fact_digits) for x in _children(e)]
    if op == "mul":
        return sum(kids)
    if op in ("add", "sub"):
        return max(kids) + 1
    return max(kids, default=0)


def _children(e: Json) -> list[Json]:
    out: list[Json] = list(e.get("args", []))
    for a in e.get("arms", []):
        out += [a["when"], a["then"]]
    if e.get("otherwise"):
        out.append(e["otherwise"])
    out += [c["expr"] for c in e.get("cases", [])]
    return out

"""Questions about a policy that several backends and checks ask of the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import is_dataclass, replace
from decimal import Decimal
from typing import cast

from ..diagnostics import Span
from . import nodes as n
from .printer import refs

_EXPR_FIELDS = ("cond", "amount", "limit", "at_most", "at_least")


def _node_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of a model node class that can hold nodes (None: not a node — a value, a span
    or a test case)."""
    try:
        return _FIELDS[cls]
    except KeyError:
        names = None
        if is_dataclass(cls) and not issubclass(cls, n.TestCase | Span):
            names = n.child_fields(cls)
        _FIELDS[cls] = names
        return names


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def nodes(*roots: object) -> Iterator[object]:
    """Every model node under ``roots`` (tuples of nodes included), each before its fields, in
    the policy's order; test cases (试算) and spans are left out.

    Iterative (a stack of field iterators), so that a walk over every node of a large policy
    costs one step per node rather than a generator per level."""
    stack: list[Iterator[object]] = [iter(roots)]
    while stack:
        for x in stack[-1]:
            if isinstance(x, tuple):
                stack.append(iter(x))
                break
            names = _node_fields(type(x))
            if names is None:
                continue
            yield x
            stack.append(iter([getattr(x, a) for a in names]))
            break
        else:
            stack.pop()


def in_scope(policy: n.Policy, scope: n.Scope | None) -> list[n.Item]:
    """The items a cap, quota or budget covers (no scope: every item), in the policy's order."""
    if scope is None or scope.kind == "all":
        return list(policy.items)
    if scope.kind == "items":
        at = _positions(policy)  # by id, not by testing every item: a policy asks once per cap
        return [policy.items[i] for i in sorted({i for x in scope.items for i in at.get(x, ())})]
    return [it for it in policy.items if it.beneficiary == scope.beneficiary]


_positions_of: tuple[tuple[n.Item, ...], dict[str, list[int]]] | None = None


def _positions(policy: n.Policy) -> dict[str, list[int]]:
    """Item id -> its positions in ``policy.items`` (kept for the last policy asked about)."""
    global _positions_of
    last = _positions_of
    if last is not None and last[0] is policy.items:
        return last[1]
    at: dict[str, list[int]] = {}
    for i, it in enumerate(policy.items):
        at.setdefault(it.id, []).append(i)
    _positions_of = (policy.items, at)
    return at


def block_exprs(block: n.Block) -> list[n.Expr]:
    """The expressions a block computes with (condition, amount, limit, quota bounds)."""
    return [e for attr in _EXPR_FIELDS if (e := getattr(block, attr, None)) is not None]


def facts_read(policy: n.Policy, e: n.Expr) -> set[str]:
    """The facts an expression reads, looking through definitions (定义)."""
    defs = {d.name: d.expr for d in policy.definitions}
    out: set[str] = set()
    seen: set[str] = set()
    todo = [e]
    while todo:
        for r in refs(todo.pop()):
            if r in defs:
                if r not in seen:
                    seen.add(r)
                    todo.append(defs[r])
            else:
                out.add(r)
    return out


def rewrite(x: object, swap: Callable[[object], object | None]) -> object:
    """``x`` (a node, a tuple of nodes or a value) rebuilt with every node for which ``swap``
    returns something replaced by that; unchanged parts are shared, not copied. Only the fields
    that can hold nodes (:func:`~compiler.model.nodes.child_fields`) are looked into."""
    new = swap(x)
    if new is not None:
        return new
    if isinstance(x, tuple):
        items = tuple(rewrite(y, swap) for y in x)
        return items if any(a is not b for a, b in zip(items, x, strict=True)) else x
    names = n.child_fields(type(x))  # none for a value (text, number, span): kept as it is
    if not names:
        return x
    changes = {}
    for name in names:
        old = getattr(x, name)
        if (new := rewrite(old, swap)) is not old:
            changes[name] = new
    return replace(x, **changes) if changes else x  # type: ignore[type-var]


def inline_definitions(policy: n.Policy, e: n.Expr) -> n.Expr:
    """``e`` with every reference to a definition (定义) replaced by the definition's expression,
    through definitions that use others. A check that reads the literals of an amount or a
    condition (how a number binds, which tier pays what) then sees those written in a 定义 too;
    their spans stay where they are written. A cycle (reported by the type check) stops at the
    definition seen twice rather than recursing forever. An expression that reads no definition
    is returned as it is (what the rewrite would give, without rebuilding it)."""
    defs = {d.name: d.expr for d in policy.definitions}
    if not defs or not any(r in defs for r in refs(e)):
        return e

    def through(seen: frozenset[str]) -> Callable[[object], object | None]:
        def swap(x: object) -> object | None:
            if isinstance(x, n.Ref) and x.name in defs and x.name not in seen:
                return rewrite(defs[x.name], through(seen | {x.name}))
            return None
        return swap

    return cast(n.Expr, rewrite(e, through(frozenset())))


def articles_by_fact(policy: n.Policy, beneficiary: bool = False) -> dict[str, list[str]]:
    """For each fact, the articles whose rules read it, in the policy's order.

    With ``beneficiary``, an item's 对象 counts as reading ``applicant_type``.
    """
    uses: dict[str, list[str]] = {}

    def note(name: str, article: str) -> None:
        arts = uses.setdefault(name, [])
        if article not in arts:
            arts.append(article)

    for block in policy.blocks():
        for e in block_exprs(block):
            for name in sorted(facts_read(policy, e)):
                note(name, block.citation.article)
        if beneficiary and isinstance(block, n.Item) and block.beneficiary:
            note("applicant_type", block.citation.article)
    return uses


def first_member(policy: n.Policy, fact: str) -> str | None:
    """The first value of a 属于 list on ``fact`` (e.g. the first pilot industry), if any."""
    for x in nodes(policy.definitions, policy.requirements, policy.items):
        if isinstance(x, n.Member) and isinstance(x.operand, n.Ref) and x.operand.name == fact and x.values:
            return x.values[0].value
    return None


def listed_values(policy: n.Policy, fact: str) -> tuple[list[str], bool]:
    """The literal values a text fact is checked against (``属于`` lists and ``==``/``!=``),
    in the policy's order without repeats, and whether some list ends in 等 (open)."""
    values: list[str] = []
    is_open = False

    def is_fact(e: n.Expr) -> bool:
        return isinstance(e, n.Ref) and e.name == fact

    for x in nodes(policy.definitions, policy.blocks()):
        if isinstance(x, n.Member) and is_fact(x.operand):
            values.extend(v.value for v in x.values)
            is_open = is_open or x.open
        elif isinstance(x, n.Compare) and x.op in ("==", "!="):
            for a, b in ((x.left, x.right), (x.right, x.left)):
                if is_fact(a) and isinstance(b, n.StrLit):
                    values.append(b.value)
    return list(dict.fromkeys(values)), is_open


def text_lists(policy: n.Policy) -> list[tuple[str, str, list[str], bool, list[str]]]:
    """Each text fact checked against listed values: (fact, label, values, open, articles)."""
    out = []
    uses = articles_by_fact(policy)
    for f in policy.facts:
        if f.type.kind != "text":
            continue
        values, is_open = listed_values(policy, f.name)
        if values:
            out.append((f.name, f.label, values, is_open, uses.get(f.name, [])))
    return out


def input_json(value: object) -> object:
    """A test case's input value as JSON: whole Decimals as integers, other Decimals as strings."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    return value


def named_dates(policy: n.Policy) -> list[dt.date]:
    """Every date the policy's rules and 程序 step deadlines name (截止, 2026-03-31), earliest first."""
    out = {st.deadline for pr in policy.procedures for st in pr.steps if st.deadline is not None}
    roots = [*policy.blocks(), *policy.definitions]
    out |= {x.value for x in nodes(*roots) if isinstance(x, n.DateLit) and x.value != dt.date.min}
    return sorted(out)


def compared_rates(policy: n.Policy) -> list[Decimal]:
    """Every percentage a condition compares with (growth >= 7.5%), lowest first."""
    roots = [*policy.blocks(), *policy.definitions]
    return sorted({side.value for x in nodes(*roots) if isinstance(x, n.Compare)
                   for side in (x.left, x.right) if isinstance(side, n.RateLit)})

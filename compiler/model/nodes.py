"""Model nodes. Expressions first, then the policy's blocks.

Every node carries a :class:`~compiler.diagnostics.Span`; blocks also carry the article they
encode, so that diagnostics and calculation traces can cite the law.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass
from decimal import Decimal

from ..diagnostics import Span

# ---------------------------------------------------------------------------- expressions


@dataclass(frozen=True)
class MoneyLit:
    """An amount in yuan, normalised exactly (15万元 -> 150000)."""

    value: Decimal
    text: str
    span: Span


@dataclass(frozen=True)
class RateLit:
    """A percentage, stored as a fraction (50% -> 0.5)."""

    value: Decimal
    text: str
    span: Span


@dataclass(frozen=True)
class NumberLit:
    value: Decimal
    text: str
    span: Span


@dataclass(frozen=True)
class CountLit:
    """A count with its unit (200家, 5个工作日)."""

    value: Decimal
    unit: str
    text: str
    span: Span


@dataclass(frozen=True)
class StrLit:
    value: str
    span: Span


@dataclass(frozen=True)
class BoolLit:
    value: bool
    span: Span


@dataclass(frozen=True)
class Ref:
    name: str
    span: Span


@dataclass(frozen=True)
class RangeLit:
    """A range of money such as 1万元 至 3万元."""

    low: MoneyLit
    high: MoneyLit
    span: Span


@dataclass(frozen=True)
class UpTo:
    """不超过 X: any amount from 0 up to X (no formula)."""

    operand: Expr
    span: Span


@dataclass(frozen=True)
class Arith:
    op: str  # "+", "-", "×"
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True)
class Cap:
    """base 封顶 limit == min(base, limit)."""

    base: Expr
    limit: Expr
    span: Span


@dataclass(frozen=True)
class Tier:
    cond: Expr
    amount: Expr
    span: Span


@dataclass(frozen=True)
class Tiers:
    tiers: tuple[Tier, ...]
    otherwise: Expr | None
    span: Span


@dataclass(frozen=True)
class Undetermined:
    span: Span


@dataclass(frozen=True)
class ReadingCase:
    """One reading's expression: 读法 ceiling 则 不超过 (50% × x)."""

    name: str
    amount: Expr
    span: Span
    name_span: Span


@dataclass(frozen=True)
class Readings:
    """解读 block { 读法 a 则 x  读法 b 则 y }: the value under each reading of an ambiguous clause.

    Calculations take the reading the 解读 block adopts (采用), or the one asked for; see
    :func:`compiler.model.readings.resolve`.
    """

    block: str
    cases: tuple[ReadingCase, ...]
    span: Span
    block_span: Span


@dataclass(frozen=True)
class Not:
    operand: Expr
    span: Span


@dataclass(frozen=True)
class Logic:
    op: str  # "且" or "或"
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True)
class Compare:
    op: str  # == != >= <= > <
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True)
class Member:
    operand: Expr
    values: tuple[StrLit, ...]
    open: bool  # the source list ends in 等
    span: Span


@dataclass(frozen=True)
class DateLit:
    """A date (2026-03-31), compared with date facts (完成日期 <= 2026-03-31)."""

    value: dt.date
    text: str
    span: Span


@dataclass(frozen=True)
class OnTime:
    """按期 completed_on: the date fact is given and not later than the deadline of the 程序 step
    that names it (步骤 "…" 截止 2025-06-30 按 completed_on)."""

    ref: Ref  # the date fact
    span: Span

    @property
    def fact(self) -> str:
        return self.ref.name


Expr = (
    MoneyLit | RateLit | NumberLit | CountLit | StrLit | BoolLit | Ref | RangeLit | UpTo | Arith
    | Cap | Tiers | Undetermined | Not | Logic | Compare | Member | Readings
    | DateLit | OnTime
)

# ---------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Citation:
    """An article reference and the article's text quoted verbatim."""

    article: str
    quote: str  # several passages (原文 「…」 「…」) are joined with ……
    article_span: Span
    quote_span: Span
    passages: tuple[tuple[str, Span], ...] = ()  # each passage when there are several

    @staticmethod
    def of(article: str, article_span: Span, passages: Sequence[tuple[str, Span]],
           nowhere: Span) -> Citation:
        """The citation of ``passages`` (text, span) joined with ……, its quote span running from
        the first to the last (``nowhere`` when there is none)."""
        if not passages:
            return Citation(article, "", article_span, nowhere)
        a, b = passages[0][1], passages[-1][1]
        return Citation(article, "……".join(q for q, _ in passages), article_span,
                        Span(a.file, a.line, a.column, b.end_line, b.end_column),
                        tuple(passages) if len(passages) > 1 else ())

    def parts(self) -> tuple[Citation, ...]:
        """One citation per quoted passage (the quote check looks for each in the source)."""
        if len(self.passages) < 2:
            return (self,)
        return tuple(Citation(self.article, q, self.article_span, sp) for q, sp in self.passages)


@dataclass(frozen=True)
class Bound:
    date: dt.date | None
    event: str | None
    span: Span
    open: bool = False  # no bound: 有效期 自 D (no end), 有效期 至 D (no start), 有效期 未规定


@dataclass(frozen=True)
class Validity:
    start: Bound
    end: Bound
    citation: Citation | None
    span: Span

    @property
    def stated(self) -> bool:
        """False for 有效期 未规定: the text states neither a start nor an end."""
        return not (self.start.open and self.end.open)


@dataclass(frozen=True)
class Retroactive:
    start: dt.date
    citation: Citation | None
    span: Span


@dataclass(frozen=True)
class Suppression:
    code: str
    reason: str
    span: Span


@dataclass(frozen=True)
class Header:
    id: str
    title: str
    docno: str | None
    issuers: tuple[str, ...]
    issued: dt.date | None
    level: str | None
    region: str | None
    parent: str | None
    source: str | None
    validity: Validity | None
    retroactive: Retroactive | None
    span: Span
    parent_span: Span | None = None
    source_span: Span | None = None
    id_span: Span | None = None
    docnos: tuple[str, ...] = ()  # every 文号 (a joint notice has several); docno is the first
    source_kind: str | None = None  # 摘要 | 节选 | 转载: only part of the document is published
    note: str = ""


@dataclass(frozen=True)
class FactType:
    kind: str  # bool | int | money | rate | text | enum | date
    # int: whole bounds; rate: the declared range as decimal fractions (比例 [-1..5]), else 0..1
    low: int | Decimal | None = None
    high: int | Decimal | None = None
    values: tuple[tuple[str, str], ...] = ()  # (value, Chinese label)


@dataclass(frozen=True)
class FactDecl:
    name: str
    type: FactType
    label: str
    default: object
    required: bool
    vocabulary: bool  # taken from the shared vocabulary
    span: Span


@dataclass(frozen=True)
class Definition:
    name: str
    label: str
    expr: Expr
    span: Span


@dataclass(frozen=True)
class Requirement:
    """资格: when the condition is false the applicant is excluded."""

    id: str
    citation: Citation
    cond: Expr
    span: Span
    suppressions: tuple[Suppression, ...] = ()
    note: str = ""  # 说明: shown in the guide beside the block


@dataclass(frozen=True)
class Exclusion:
    """排除: when the condition is true the applicant is excluded."""

    id: str
    citation: Citation
    cond: Expr
    span: Span
    suppressions: tuple[Suppression, ...] = ()
    note: str = ""  # 说明: shown in the guide beside the block


@dataclass(frozen=True)
class Funding:
    """Who pays an item: exact shares, or payers named with the split not stated."""

    shares: tuple[tuple[str, Decimal], ...]  # (source, fraction); empty when unstated
    payers: tuple[str, ...]  # every payer named
    stated: bool
    citation: Citation | None  # None: the item's own article
    span: Span
    source_spans: tuple[Span, ...] = ()
    named: bool = True  # False: 资金 未规定 — the text names no payer at all


@dataclass(frozen=True)
class Item:
    id: str
    citation: Citation
    title: str
    beneficiary: str | None
    category: str | None
    cond: Expr | None
    amount: Expr
    funding: tuple[Funding, ...]
    note: str
    span: Span
    suppressions: tuple[Suppression, ...] = ()
    beneficiary_span: Span | None = None


@dataclass(frozen=True)
class Scope:
    kind: str  # all | items | beneficiary
    items: tuple[str, ...]
    beneficiary: str | None
    span: Span


@dataclass(frozen=True)
class CrossCap:
    id: str
    citation: Citation
    scope: Scope
    limit: Expr
    span: Span
    suppressions: tuple[Suppression, ...] = ()
    note: str = ""  # 说明: shown in the guide beside the block


@dataclass(frozen=True)
class ReadingOption:
    name: str
    label: str  # what this reading says, for drafters and applicants
    citation: Citation | None  # where the text supports it, if elsewhere
    span: Span


@dataclass(frozen=True)
class Reading:
    """解读: a clause of the text that allows two (or more) readings, each named and labelled."""

    id: str
    citation: Citation
    options: tuple[ReadingOption, ...]
    adopted: str  # the reading calculations take (采用; the first when not written)
    span: Span
    suppressions: tuple[Suppression, ...] = ()
    note: str = ""

    def option(self, name: str) -> ReadingOption | None:
        return next((o for o in self.options if o.name == name), None)


@dataclass(frozen=True)
class Stage:
    name: str
    share: Expr | None  # None: the remainder
    span: Span


@dataclass(frozen=True)
class PaymentSchedule:
    id: str
    citation: Citation
    scope: Scope
    stages: tuple[Stage, ...]
    span: Span
    suppressions: tuple[Suppression, ...] = ()
    note: str = ""  # 说明: shown in the guide beside the block


@dataclass(frozen=True)
class Quota:
    id: str
    citation: Citation
    note: str
    scope: Scope | None
    at_most: Expr | None
    at_least: Expr | None
    span: Span
    suppressions: tuple[Suppression, ...] = ()


@dataclass(frozen=True)
class Use:
    name: str
    bound: str  # at_most | at_least
    share: Expr
    span: Span


@dataclass(frozen=True)
class Budget:
    id: str
    citation: Citation
    scope: Scope | None
    uses: tuple[Use, ...]
    span: Span
    suppressions: tuple[Suppression, ...] = ()
    note: str = ""  # 说明: shown in the guide beside the block


@dataclass(frozen=True)
class Step:
    name: str
    description: str
    min_duration: Expr | None
    span: Span
    deadline: dt.date | None = None  # 截止 2025-06-30
    deadline_fact: str | None = None  # 按 completed_on: the date fact of this step
    deadline_span: Span | None = None


@dataclass(frozen=True)
class Procedure:
    id: str
    citation: Citation
    steps: tuple[Step, ...]
    span: Span
    suppressions: tuple[Suppression, ...] = ()
    note: str = ""  # 说明: shown in the guide beside the block


@dataclass(frozen=True)
class InputValue:
    name: str
    value: object  # str | Decimal | bool
    span: Span


@dataclass(frozen=True)
class Expectation:
    kind: str  # total | item | item_absent | funding | excluded | exclusions | in_force | payment
    target: str | None
    value: object  # Expr | bool | tuple[str, ...] | None
    span: Span


@dataclass(frozen=True)
class TestCase:
    name: str
    note: str
    date: dt.date | None
    inputs: tuple[InputValue, ...]
    expectations: tuple[Expectation, ...]
    span: Span
    readings: tuple[tuple[str, str, Span], ...] = ()  # 采用 <解读> <读法>: calculated so
    parameters: tuple[InputValue, ...] = ()  # 参数 { name: value }: supplied parameter values


@dataclass(frozen=True)
class Parameter:
    """参数: a value the policy relies on that is not an applicant fact (a published statistic,
    a unit price). ``value`` is the value the text states (None: 未公布, supplied at calculation
    time); ``type.kind`` is money, rate or int."""

    name: str
    type: FactType
    label: str
    value: Decimal | None
    citation: Citation | None
    span: Span
    value_span: Span | None = None
    value_kind: str | None = None  # the stated literal's unit: money | rate | int | other


@dataclass(frozen=True)
class Constraint:
    """约束: a relation between facts every profile must satisfy (约束 a <= b 依据 …)."""

    cond: Expr
    citation: Citation | None
    span: Span


@dataclass(frozen=True)
class Policy:
    file: str
    header: Header
    facts: tuple[FactDecl, ...]
    definitions: tuple[Definition, ...]
    requirements: tuple[Requirement, ...]
    exclusions: tuple[Exclusion, ...]
    items: tuple[Item, ...]
    caps: tuple[CrossCap, ...]
    payments: tuple[PaymentSchedule, ...]
    quotas: tuple[Quota, ...]
    budgets: tuple[Budget, ...]
    procedures: tuple[Procedure, ...]
    tests: tuple[TestCase, ...]
    suppressions: tuple[Suppression, ...] = ()
    readings: tuple[Reading, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    constraints: tuple[Constraint, ...] = ()

    def parameter(self, name: str) -> Parameter | None:
        return next((x for x in self.parameters if x.name == name), None)

    def reading(self, reading_id: str) -> Reading | None:
        return next((r for r in self.readings if r.id == reading_id), None)

    @property
    def id(self) -> str:
        return self.header.id

    def blocks(self) -> tuple[Block, ...]:
        """Every block that cites an article, in a fixed order."""
        return (*self.requirements, *self.exclusions, *self.items, *self.caps, *self.payments,
                *self.quotas, *self.budgets, *self.procedures)

    def deadline(self, fact: str) -> tuple[Procedure, Step] | None:
        """The 程序 step whose deadline the date fact ``fact`` is checked against (按期)."""
        for pr in self.procedures:
            for st in pr.steps:
                if st.deadline_fact == fact and st.deadline is not None:
                    return pr, st
        return None

    def fact(self, name: str) -> FactDecl | None:
        for f in self.facts:
            if f.name == name:
                return f
        return None

    def item(self, item_id: str) -> Item | None:
        for it in self.items:
            if it.id == item_id:
                return it
        return None


Block = Requirement | Exclusion | Item | CrossCap | PaymentSchedule | Quota | Budget | Procedure


# ---------------------------------------------------------------------------- walking the model

_LEAF_TYPES = frozenset({"str", "int", "bool", "float", "Decimal", "dt.date", "None", "Span", "tuple"})
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def holds_nodes(annotation: object) -> bool:
    """Whether a field annotated so can hold a model node (``str``, ``Decimal | None``,
    ``tuple[tuple[str, Span], ...]`` cannot; ``Expr``, ``tuple[Tier, ...]``, ``object`` can)."""
    return not set(re.findall(r"[A-Za-z_][\w.]*", str(annotation))) <= _LEAF_TYPES


def child_fields(cls: type) -> tuple[str, ...]:
    """The fields of a dataclass that can hold model nodes, in order (none for any other class):
    what a walk over the model needs to look at — not spans, names, numbers or texts."""
    try:
        return _CHILD_FIELDS[cls]
    except KeyError:
        names = tuple(f.name for f in fields(cls) if holds_nodes(f.type)) if is_dataclass(cls) else ()
        _CHILD_FIELDS[cls] = names
        return names

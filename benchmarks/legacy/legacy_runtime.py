"""The runtime the legacy calculators (kunming.py, xianning.py beside this file) embedded, kept once.

When generated, each legacy module carried this code verbatim above its policy; the two copies
were identical, so the benchmark keeps one and each module takes every name from it with a
star import — the functions run unchanged, looking up the same names.
"""


from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Context, Decimal, InvalidOperation
from functools import cache, cached_property
from typing import Any, Union

# --------------------------------------------------------------------------------------
# Runtime: shared verbatim with policyc's reference evaluator (compiler/evaluate/runtime.py).
# --------------------------------------------------------------------------------------

FEN = Decimal("0.01")
INF = Decimal("Infinity")
ZERO_D = Decimal(0)
CTX = Context(prec=50)


def to_fen(x: Decimal) -> Decimal:
    """Round down (towards zero) to the fen."""
    if not x.is_finite():
        return x
    return x.quantize(FEN, rounding=ROUND_DOWN, context=CTX)


def fmt(x: Decimal | None) -> str | None:
    """Two-decimal string in yuan, or None for an undetermined amount."""
    if x is None or not x.is_finite():
        return None
    return f"{to_fen(x):.2f}"


def num(x: Decimal) -> str:
    if not x.is_finite():
        return "未定"
    if x == x.to_integral_value():
        return f"{x:.2f}" if abs(x) >= 1 or x == 0 else str(x)
    return str(x.normalize())


class Interval:
    """A closed range of exact amounts. A fixed amount has lo == hi. Never mutated."""

    __slots__ = ("hi", "lo")

    def __init__(self, lo: Decimal, hi: Decimal) -> None:
        self.lo = lo
        self.hi = hi

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Interval) and self.lo == other.lo and self.hi == other.hi

    def __hash__(self) -> int:
        return hash((self.lo, self.hi))

    def __repr__(self) -> str:
        return f"Interval({self.lo!r}, {self.hi!r})"

    @staticmethod
    def exact(x: Decimal) -> Interval:
        return Interval(x, x)

    @property
    def is_exact(self) -> bool:
        return self.lo == self.hi

    def __add__(self, o: Interval) -> Interval:
        return Interval(CTX.add(self.lo, o.lo), CTX.add(self.hi, o.hi))

    def __sub__(self, o: Interval) -> Interval:
        return Interval(CTX.subtract(self.lo, o.hi), CTX.subtract(self.hi, o.lo))

    def __mul__(self, o: Interval) -> Interval:
        mul_ = CTX.multiply
        if self.lo >= 0 and o.lo >= 0 and self.hi.is_finite() and o.hi.is_finite():
            return Interval(mul_(self.lo, o.lo), mul_(self.hi, o.hi))
        ps = [mul_(a, b) for a in (self.lo, self.hi) for b in (o.lo, o.hi)
              if not (a.is_infinite() and b == 0) and not (b.is_infinite() and a == 0)]
        ps = ps or [ZERO_D]
        return Interval(min(ps), max(ps))

    def cap(self, o: Interval) -> Interval:
        return Interval(min(self.lo, o.lo), min(self.hi, o.hi))

    def to_fen(self) -> Interval:
        return Interval(to_fen(self.lo), to_fen(self.hi))

    def show(self) -> str:
        if self.lo == self.hi:
            return num(self.lo)
        return f"{num(self.lo)} 至 {num(self.hi)}"


class Undetermined:
    """An amount the policy leaves undetermined (未定)."""

    def __repr__(self) -> str:
        return "未定"


UNDET = Undetermined()
Value = Union[bool, str, None, Interval, Undetermined]
# A trace line, or a function that makes it: lines are formatted only when someone reads them.
Note = Union[str, Callable[[], str]]
ZERO = Interval.exact(ZERO_D)


@cache
def iv(text: str) -> Interval:
    """An exact number (a count, a level). Constants are made once: intervals never change."""
    return Interval.exact(Decimal(text))


@cache
def yuan(text: str) -> Interval:
    """An exact amount in yuan."""
    return Interval.exact(Decimal(text))


@cache
def pct(text: str) -> Interval:
    """A percentage: pct("50") is 50%."""
    return Interval.exact(Decimal(text) / 100)


@cache
def between(low: str, high: str) -> Interval:
    """A range of yuan: between("10000", "30000") is 1万元 至 3万元."""
    return Interval(Decimal(low), Decimal(high))


# ---------------------------------------------------------------------------- expressions


def add(a: Value, b: Value) -> Value:
    if isinstance(a, Interval) and isinstance(b, Interval):
        return a + b
    return UNDET


def sub(a: Value, b: Value) -> Value:
    if isinstance(a, Interval) and isinstance(b, Interval):
        return a - b
    return UNDET


def mul(a: Value, b: Value) -> Value:
    if isinstance(a, Interval) and isinstance(b, Interval):
        return a * b
    return UNDET


def upto(a: Value) -> Value:
    """不超过 X: anything from 0 up to X."""
    return Interval(ZERO_D, a.hi) if isinstance(a, Interval) else UNDET


def cap(base: Value, limit: Value, shown: str, notes: list[Note]) -> Value:
    """base 封顶 limit == min(base, limit); notes the cap when it binds."""
    if not isinstance(limit, Interval):
        return base
    if not isinstance(base, Interval):
        return Interval(ZERO_D, limit.hi)
    out = base.cap(limit)
    if out != base:
        notes.append(lambda: f"“{shown}”：{base.show()} 超过上限 {limit.show()}，取 {out.show()}")
    return out


def tiers(notes: list[Note], arms: Sequence[tuple[Callable[[], bool], Callable[[], Value], str]],
          otherwise: Callable[[], Value] | None) -> Value:
    """分档: the first tier whose condition holds; none and no 否则 → 0."""
    for cond, value, note in arms:
        if cond():
            notes.append(note)
            return value()
    if otherwise is not None:
        notes.append("分档：适用“否则”档")
        return otherwise()
    notes.append("分档：没有适用的档次，按 0 计")
    return ZERO


def compare(op: str, a: Value, b: Value) -> bool:
    """Comparisons with an absent or undetermined value are false."""
    if a is None or b is None or isinstance(a, Undetermined) or isinstance(b, Undetermined):
        return False
    x: Any = a.lo if isinstance(a, Interval) else a
    y: Any = b.lo if isinstance(b, Interval) else b
    if isinstance(a, Interval) != isinstance(b, Interval) and op not in ("==", "!="):
        return False
    try:
        if op == "==":
            return bool(x == y)
        if op == "!=":
            return bool(x != y)
        if op == ">=":
            return bool(x >= y)
        if op == "<=":
            return bool(x <= y)
        if op == ">":
            return bool(x > y)
        return bool(x < y)
    except TypeError:
        return False


def member(v: Value, values: Sequence[str], is_open: bool, notes: list[Note]) -> bool:
    """Membership; for a list that ends in 等 in the source, unlisted values do not match."""
    if v is None:
        return False
    hit = v in values
    if not hit and is_open:
        notes.append(f"“{v}”不在列举中；原文列举以“等”结尾，未列举的情形按不符合处理")
    return hit


def truth(v: Value) -> bool:
    return v is True


def negate(v: Value) -> bool:
    return v is False


# ---------------------------------------------------------------------------- profiles

_MONEY_STR = re.compile(r"\d+(\.\d{1,2})?")


class ProfileError(ValueError):
    """One or more fields of an applicant profile are invalid. ``errors`` lists (field, message)."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        self.errors = errors
        self.field = errors[0][0] if errors else ""
        super().__init__("; ".join(f"{f or '(profile)'}: {m}" for f, m in errors))


@dataclass(frozen=True)
class FactSpec:
    """What one fact accepts. kind: bool | money | rate | int | enum | text."""

    name: str
    kind: str
    label: str
    low: int | None = None
    high: int | None = None
    values: tuple[str, ...] = ()
    required: bool = False
    default: Any = None


@dataclass(frozen=True)
class Bad:
    """A rejected value, with the reason in Chinese."""

    message: str


def _show(value: object) -> str:
    if isinstance(value, str):
        return f"“{value}”"
    if value is None:
        return "null"
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)
    return type(value).__name__


def _money(value: object) -> Decimal | str:
    if isinstance(value, bool):
        return "应为金额（元），收到布尔值"
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return "金额必须是有限的数（不接受 NaN 或无穷大）"
        d = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            return "金额必须是有限的数（不接受 NaN 或无穷大）"
        d = value
    elif isinstance(value, str):
        if not _MONEY_STR.fullmatch(value):
            return f"“{value}”不是金额：请写成非负的十进制数，例如 \"12000.50\""
        d = Decimal(value)
    else:
        return f"应为金额（元），收到 {_show(value)}"
    if d < 0:
        return f"金额不能为负数（收到 {d}）"
    try:
        if d != d.quantize(FEN, context=CTX):
            return f"金额最多两位小数（到分），收到 {d}"
    except InvalidOperation:
        return f"金额过大（收到 {d}）"
    return d


def _integer(value: object, spec: FactSpec) -> int | str:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return f"应为整数，收到 {_show(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return "应为整数（不接受 NaN 或无穷大）"
    if isinstance(value, Decimal) and not value.is_finite():
        return "应为整数（不接受 NaN 或无穷大）"
    if not isinstance(value, int):
        if value != int(value):
            return f"应为整数，收到 {value}"
        value = int(value)
    if spec.low is not None and value < spec.low:
        return f"取值 {value} 小于下限 {spec.low}"
    if spec.high is not None and value > spec.high:
        return f"取值 {value} 超出范围 {spec.low}..{spec.high}"
    return value


def check_value(spec: FactSpec, value: object) -> object:
    """Return the normalised value, or :class:`Bad` with the reason."""
    kind = spec.kind
    if type(value) is int and value >= 0 and (kind == "money" or (  # the common cases, fast
            kind == "int" and (spec.high is None or value <= spec.high) and value >= (spec.low or 0))):
        return value
    if kind == "bool":
        return value if isinstance(value, bool) else Bad(f"应为 true 或 false，收到 {_show(value)}")
    if spec.kind in ("money", "rate"):
        r = _money(value)
        if isinstance(r, str):
            return Bad(r)
        if spec.kind == "rate" and r > 1:
            return Bad(f"比例应在 0 到 1 之间，收到 {r}")
        return r
    if spec.kind == "int":
        i = _integer(value, spec)
        return Bad(i) if isinstance(i, str) else i
    if spec.kind == "enum":
        if isinstance(value, str) and value in spec.values:
            return value
        return Bad(f"应为以下之一：{', '.join(spec.values)}；收到 {_show(value)}")
    if isinstance(value, str):
        return value
    return Bad(f"应为文本，收到 {_show(value)}")


def absent_value(kind: str) -> Any:
    """The value an absent fact takes: false, 0, 0 元; text and enums stay absent (None)."""
    if kind == "bool":
        return False
    if kind in ("money", "rate"):
        return Decimal(0)
    if kind == "int":
        return 0
    return None


def _default(spec: FactSpec) -> Any:
    return spec.default if spec.default is not None else absent_value(spec.kind)


class Env(dict):  # type: ignore[type-arg]
    """Fact values of one applicant (the mapping itself), and the memo of derived values (定义)."""

    def __init__(self, facts: dict[str, Value], kinds: dict[str, str]) -> None:
        super().__init__(facts)
        self.kinds = kinds
        self.memo: dict[str, Value] = {}

    @property
    def facts(self) -> dict[str, Value]:
        return self

    def get(self, name: str, default: Value = None) -> Value:  # type: ignore[override]
        if name in self:
            return self[name]  # type: ignore[no-any-return]
        return self.memo.get(name, default)

    def show_value(self, name: str) -> str:
        v = self.get(name)
        if isinstance(v, Interval) and self.kinds.get(name) == "int":
            return str(int(v.lo))
        return v.show() if isinstance(v, Interval) else str(v)

    def where(self, names: Sequence[str]) -> str:
        """“x = 1.00，y = 2” for the names that hold numbers (for the trace)."""
        used = [n for n in names if isinstance(self.get(n), Interval)]
        return "，".join(f"{n} = {self.show_value(n)}" for n in used)


class FactTable:
    """A policy's facts, indexed once: by name, their defaults as values, their kinds."""

    def __init__(self, facts: Sequence[FactSpec]) -> None:
        self.facts = tuple(facts)
        self.declared = {f.name: f for f in facts}
        self.kinds = {f.name: f.kind for f in facts}
        self.required = tuple(f for f in facts if f.required)
        self.numeric = {f.name for f in facts if f.kind in ("money", "rate", "int")}
        self.defaults: dict[str, Value] = {}
        for f in facts:
            v: Any = _default(f)
            if f.kind in ("money", "rate", "int") and v is not None:
                v = Interval.exact(Decimal(v))
            self.defaults[f.name] = v


def validate(facts: Sequence[FactSpec] | FactTable, vocabulary: Mapping[str, FactSpec],
             profile: object) -> Env:
    """Check ``profile`` against the policy's facts (and the shared vocabulary)."""
    table = facts if isinstance(facts, FactTable) else FactTable(facts)
    if type(profile) is not dict and not isinstance(profile, Mapping):
        raise ProfileError([("", "申请人信息必须是一个 JSON 对象（键为事实名称）")])
    declared = table.declared
    numeric = table.numeric
    env = dict(table.defaults)
    errors: list[tuple[str, str]] = []
    for key, v in profile.items():
        spec = declared.get(key)
        if spec is None:
            spec = vocabulary.get(key)
            if spec is None:
                if not isinstance(key, str):
                    errors.append((str(key), "字段名必须是字符串"))
                    continue
                close = difflib.get_close_matches(key, sorted(set(declared) | set(vocabulary)), n=1)
                hint = f"；是否想写“{close[0]}”？" if close else ""
                errors.append((key, f"未知字段“{key}”：不在共享词汇中，本政策也未声明{hint}"))
                continue
        t = type(v)
        if (t is bool and spec.kind == "bool") or (t is str and spec.kind == "text"):
            checked: Any = v
        else:
            checked = check_value(spec, v)
            if isinstance(checked, Bad):
                errors.append((key, checked.message))
                continue
        if key in env:  # a vocabulary fact the policy does not read is checked, then dropped
            if key in numeric:
                d = Decimal(checked)
                env[key] = Interval(d, d)
            else:
                env[key] = checked
    for f in table.required:
        if f.name not in profile:
            errors.append((f.name, f"缺少必填字段“{f.name}”（{f.label}）"))
    if errors:
        raise ProfileError(errors)
    return Env(env, table.kinds)


def parse_on(on: dt.date | str | None) -> dt.date:
    if on is None:
        return dt.date.today()
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(on)
    except (TypeError, ValueError):
        raise ProfileError([("on", f"日期“{on}”无效：应为 YYYY-MM-DD")]) from None


# ---------------------------------------------------------------------------- results

FUNDING_SOURCES = {"central": "中央财政", "province": "省级", "city": "市级",
                   "county": "县（市、区）级"}
UNSPECIFIED = "unspecified"
SOURCE_ORDER = ("central", "province", "city", "county", UNSPECIFIED)


def _ordered(funding: Mapping[str, Decimal]) -> dict[str, str]:
    return {k: fmt(funding[k]) or "0.00" for k in SOURCE_ORDER if k in funding}


@dataclass(eq=True)
class ItemResult:
    """One support item that applies: its amount before cross-item caps, who pays, the trace."""

    id: str
    article: str
    title: str
    min: Decimal | None  # None: undetermined
    max: Decimal | None
    plan: FundingPlan = field(repr=False, compare=False)
    steps: tuple[Note, ...] = field(repr=False, compare=False)

    @property
    def funding(self) -> dict[str, Decimal]:
        """Who pays this item's amount (before cross-item caps), by source."""
        return self.plan.split(self.max)

    @property
    def trace(self) -> tuple[str, ...]:
        """Every article applied and every cap that bound, in order (Chinese)."""
        return tuple(s if isinstance(s, str) else s() for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article": self.article, "title": self.title,
                "min": fmt(self.min), "max": fmt(self.max),
                "funding": _ordered(self.funding), "trace": list(self.trace)}


@dataclass(eq=True)
class PaymentResult:
    article: str
    stage: str
    min: Decimal | None
    max: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "stage": self.stage, "min": fmt(self.min),
                "max": fmt(self.max)}


@dataclass(eq=True)
class Result:
    """The result of one calculation; ``to_dict()`` is the structure of the shared vocabulary."""

    policy: str
    as_of: dt.date
    in_force: bool
    excluded: bool
    exclusions: tuple[str, ...]
    items: tuple[ItemResult, ...]
    total_min: Decimal
    total_max: Decimal | None  # None: undetermined
    paid: tuple[tuple[FundingPlan, Decimal], ...] = field(repr=False, compare=False)
    payments: tuple[PaymentResult, ...]
    notes: tuple[str, ...] = field(default=())  # validity and exclusion reasons, for people
    cuts: tuple[CapCut, ...] = field(default=(), repr=False, compare=False)  # caps, in order

    @property
    def funding(self) -> dict[str, Decimal]:
        """Who pays the total (after every cap), by source; ``unspecified`` when not stated."""
        out: dict[str, Decimal] = {}
        for plan, amt in self.paid:
            for src, part in plan.split(amt).items():
                out[src] = out.get(src, ZERO_D) + part
        return {k: v for k, v in out.items() if v != 0}

    def to_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "as_of": self.as_of.isoformat(),
            "in_force": self.in_force,
            "excluded": self.excluded,
            "exclusions": list(self.exclusions),
            "items": [i.to_dict() for i in self.items],
            "total": {"min": fmt(self.total_min), "max": fmt(self.total_max)},
            "funding": _ordered(self.funding),
            "payments": [p.to_dict() for p in self.payments],
        }

    def item(self, item_id: str) -> ItemResult | None:
        for i in self.items:
            if i.id == item_id:
                return i
        return None


# ---------------------------------------------------------------------------- a policy


@dataclass
class Amount:
    """An item's computed amount, the notes made on the way, and the formula shown."""

    value: Value
    notes: list[Note]
    shown: str
    names: tuple[str, ...]  # the names the shown formula reads


def amount(value: Value, notes: list[Note], shown: str, names: tuple[str, ...],
           whole: str, whole_names: tuple[str, ...]) -> Amount:
    """An item's amount; an undetermined one is shown with the item's whole formula."""
    if isinstance(value, Undetermined):
        return Amount(value, notes, whole, whole_names)
    return Amount(value, notes, shown, names)


@dataclass(frozen=True)
class FundingSpec:
    shares: tuple[tuple[str, Decimal], ...]
    payers: tuple[str, ...]
    stated: bool
    article: str


@dataclass(frozen=True)
class CheckSpec:
    """A requirement (资格) or an exclusion (排除)."""

    article: str
    cond: Callable[[Env], bool]
    shown: str


@dataclass(frozen=True)
class ItemSpec:
    id: str
    article: str
    title: str
    beneficiary: str | None
    cond: Callable[[Env], bool] | None
    cond_shown: str
    amount: Callable[[Env], Amount]
    funding: tuple[FundingSpec, ...]

    @cached_property
    def plan(self) -> FundingPlan:
        return FundingPlan(self.funding, self.article)

    @cached_property
    def heading(self) -> str:
        return f"{self.article}「{self.title}」适用" + (f"：{self.cond_shown}" if self.cond else "")


@dataclass(frozen=True)
class Scope:
    kind: str  # all | items | beneficiary
    items: tuple[str, ...] = ()
    beneficiary: str | None = None


@dataclass(frozen=True)
class CapSpec:
    article: str
    scope: Scope
    limit: Callable[[Env], Value]
    shown: str
    id: str = ""


@dataclass
class CapCut:
    """What one cross-item cap did to one item: its amount before and after the cap."""

    cap: str  # the cap's id
    item: str
    limit: Interval
    before: Interval
    after: Interval


@dataclass(frozen=True)
class ScheduleSpec:
    article: str
    scope: Scope
    stages: tuple[tuple[str, Decimal | None], ...]  # (name, share) — None: the remainder


@dataclass(frozen=True)
class PolicySpec:
    id: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    retro_from: dt.date | None
    events: tuple[str, ...]  # validity bounds given as events (dates unknown)
    facts: tuple[FactSpec, ...]
    vocabulary: Mapping[str, FactSpec]
    requirements: tuple[CheckSpec, ...]
    exclusions: tuple[CheckSpec, ...]
    items: tuple[ItemSpec, ...]
    caps: tuple[CapSpec, ...]
    payments: tuple[ScheduleSpec, ...]

    @cached_property
    def table(self) -> FactTable:
        return FactTable(self.facts)


@dataclass
class _Live:
    spec: ItemSpec
    amount: Interval | None  # None: undetermined
    after: Interval  # after cross-item caps; undetermined items start as [0, ∞]
    trace: list[Note]


def in_force(spec: PolicySpec, on: dt.date) -> tuple[bool, str]:
    start = spec.retro_from or spec.valid_from
    if start is not None and on < start:
        return False, f"{on.isoformat()} 早于本政策的适用起始日 {start.isoformat()}"
    if spec.valid_until is not None and on > spec.valid_until:
        return False, f"{on.isoformat()} 晚于本政策的有效期截止日 {spec.valid_until.isoformat()}"
    if spec.events:
        events = "；".join(f"“{e}”" for e in spec.events)
        return True, f"有效期以事件为界（{events}），日期未定，视为有效"
    return True, ""


class FundingPlan:
    """Who pays an item, worked out once: exact shares, or ``unspecified`` — never a guess."""

    def __init__(self, funding: Sequence[FundingSpec], item_article: str) -> None:
        self.shares: tuple[tuple[str, Decimal], ...] = ()
        self.payers = tuple(dict.fromkeys(p for f in funding for p in f.payers))
        self.articles = "、".join(dict.fromkeys(f.article or item_article for f in funding))
        kinds = {(f.stated, f.shares if f.stated else tuple(sorted(f.payers))) for f in funding}
        names = "、".join(FUNDING_SOURCES.get(p, p) for p in self.payers)
        arts = self.articles
        if not funding:
            self.kind = "none"  # no payer at all
            self.note = "出资：原文未规定由谁出资"
        elif len(kinds) == 1 and funding[0].stated:
            self.kind = "shares"
            self.shares = funding[0].shares
            desc = "、".join(f"{FUNDING_SOURCES.get(s, s)} {frac * 100:g}%" for s, frac in self.shares)
            self.note = f"出资（{arts}）：{desc}"
        elif len(kinds) == 1:
            self.kind = "unstated"  # payers named, split not stated
            self.note = f"出资（{arts}）：由 {names} 承担，分担比例未明确"
        else:
            self.kind = "conflict"  # articles name different payers
            self.note = f"出资：{arts} 对出资方的规定不一致，候选出资方：{names}，分担比例未明确"

    def split(self, amount: Decimal | None) -> dict[str, Decimal]:
        if amount is None or self.kind == "none":
            return {}
        if not self.shares:
            return {UNSPECIFIED: amount}
        out: dict[str, Decimal] = {}
        rest = amount
        last = len(self.shares) - 1
        for i, (src, frac) in enumerate(self.shares):
            part = rest if i == last else to_fen(frac * amount)
            out[src] = out.get(src, ZERO_D) + part
            rest -= part
        return out


def split_funding(funding: Sequence[FundingSpec], item_article: str,
                  amount: Decimal | None) -> tuple[dict[str, Decimal], str]:
    """Who pays ``amount``, and the trace note saying so."""
    plan = FundingPlan(funding, item_article)
    return plan.split(amount), plan.note


def _amount_line(amt: Amount, amount: Interval, env: Env) -> Note:
    def line() -> str:
        where = env.where(amt.names)
        return f"金额：{amt.shown} = {amount.show()}" + (f"（{where}）" if where else "")

    return line


def _scope(scope: Scope, live: list[_Live]) -> list[_Live]:
    if scope.kind == "all":
        return list(live)
    if scope.kind == "items":
        return [x for x in live if x.spec.id in scope.items]
    return [x for x in live if x.spec.beneficiary == scope.beneficiary]


def _item(it: ItemSpec, env: Env) -> _Live | None:
    if it.beneficiary is not None and env.get("applicant_type") != it.beneficiary:
        return None
    if it.cond is not None and not it.cond(env):
        return None
    trace: list[Note] = [it.heading]
    amt = it.amount(env)
    trace.extend(amt.notes)
    if isinstance(amt.value, Interval):
        amount = amt.value.to_fen()
        if amount.lo < 0:
            amount = Interval(max(amount.lo, ZERO_D), max(amount.hi, ZERO_D))
            trace.append("计算结果为负数，按 0 计")
        trace.append(_amount_line(amt, amount, env))
        after = amount
        final: Interval | None = amount
    else:
        final = None
        trace.append(f"金额：{amt.shown}：原文未规定具体金额（未定）")
        after = Interval(ZERO_D, INF)
    trace.append(it.plan.note)
    return _Live(it, final, after, trace)


def _apply_cap(cap: CapSpec, live: list[_Live], env: Env, cuts: list[CapCut]) -> None:
    members = _scope(cap.scope, live)
    if not members:
        return
    limit_v = cap.limit(env)
    if not isinstance(limit_v, Interval):
        return
    limit = limit_v.to_fen()
    rem_lo, rem_hi = limit.lo, limit.hi
    for x in members:
        lo = min(x.after.lo, max(rem_lo, ZERO_D))
        hi = min(x.after.hi, max(rem_hi, ZERO_D))
        if x.amount is not None and (lo != x.after.lo or hi != x.after.hi):
            x.trace.append(_cut_line(cap, limit, x.after, Interval(lo, hi)))
        elif x.amount is None and hi.is_finite():
            x.trace.append(_most_line(cap, limit, hi))
        rem_lo -= lo
        rem_hi -= hi
        cuts.append(CapCut(cap.id, x.spec.id, limit, x.after, Interval(lo, hi)))
        x.after = Interval(lo, hi)


def _cut_line(cap: CapSpec, limit: Interval, before: Interval, after: Interval) -> Note:
    return lambda: (f"{cap.article} 累计上限 {limit.show()}（{cap.shown}）：本项削减 "
                    f"{Interval(before.lo - after.lo, before.hi - after.hi).show()}，实付 {after.show()}")


def _most_line(cap: CapSpec, limit: Interval, hi: Decimal) -> Note:
    return lambda: f"{cap.article} 累计上限 {limit.show()}：本项至多 {fmt(hi)}"


def _payments(s: ScheduleSpec, live: list[_Live]) -> list[PaymentResult]:
    members = [x for x in _scope(s.scope, live) if x.amount is not None]
    if not members:
        return []
    base_lo = sum((x.after.lo for x in members), ZERO_D)
    base_hi = sum((x.after.hi for x in members), ZERO_D)
    out = []
    paid_lo = ZERO_D
    for name, share in s.stages:
        if share is None:
            out.append(PaymentResult(s.article, name, base_lo - paid_lo, base_hi))
            continue
        paid_lo += to_fen(share * base_lo)
        out.append(PaymentResult(s.article, name, ZERO_D, to_fen(share * base_hi)))
    return out


def evaluate_spec(spec: PolicySpec, profile: object, on: dt.date | str | None = None) -> Result:
    """Validate ``profile`` and compute what the policy pays as of ``on`` (default today)."""
    on_date = parse_on(on)
    env = validate(spec.table, spec.vocabulary, profile)
    notes: list[str] = []
    ok, why = in_force(spec, on_date)
    if why:
        notes.append(why)
    exclusions: list[str] = []
    for req in spec.requirements:
        if not req.cond(env):
            if req.article not in exclusions:
                exclusions.append(req.article)
            notes.append(f"不满足资格条件（{req.article}）：{req.shown}")
    for exc in spec.exclusions:
        if exc.cond(env):
            if exc.article not in exclusions:
                exclusions.append(exc.article)
            notes.append(f"属于排除情形（{exc.article}）：{exc.shown}")
    if not ok or exclusions:
        return Result(spec.id, on_date, ok, bool(exclusions), tuple(exclusions), (), ZERO_D,
                      ZERO_D, (), (), tuple(notes))
    live = [x for x in (_item(it, env) for it in spec.items) if x is not None]
    cuts: list[CapCut] = []
    for c in spec.caps:
        _apply_cap(c, live, env, cuts)
    total_lo = sum((x.after.lo for x in live), ZERO_D)
    total_hi = sum((x.after.hi for x in live), ZERO_D)
    paid = tuple((x.spec.plan, x.after.hi) for x in live if x.amount is not None)
    payments = tuple(p for s in spec.payments for p in _payments(s, live))
    items = tuple(
        ItemResult(x.spec.id, x.spec.article, x.spec.title,
                   x.amount.lo if x.amount else None, x.amount.hi if x.amount else None,
                   x.spec.plan, tuple(x.trace))
        for x in live
    )
    return Result(spec.id, on_date, True, False, (), items, total_lo,
                  total_hi if total_hi.is_finite() else None, paid, payments, tuple(notes),
                  tuple(cuts))


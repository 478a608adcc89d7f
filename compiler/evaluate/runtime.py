"""The reference calculation runtime: validation, rounding, caps, funding, payments and the
result structure of the reference evaluator (compiler.evaluate.evaluator), the CLI and the API.

The generated calculators do not embed this module: each backend carries its own small runtime
(plugins/python/runtime.py, plugins/javascript/runtime.js) fed by the lowered form
(compiler.lowered), whose profile limits, field rules and text keys come from here. The
differential tests check every generated calculator against this one.

Rounding rule (stated once): all arithmetic is exact (``decimal.Decimal``, 50 significant
digits, never binary floats). Each support item's amount, each cross-item cap and each
payment stage is rounded DOWN to the fen (0.01 yuan) right after it is computed, so that a
payment never exceeds what the article allows. Funding shares are rounded down to the fen
and the last source named takes the remainder, so shares add up exactly.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Context, Decimal, InvalidOperation
from functools import cache, cached_property
from typing import Any, Union

from .messages import MESSAGES, TRACE

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
        return TRACE["undetermined_value"]
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
        return TRACE["range"].format(lo=num(self.lo), hi=num(self.hi))


class Undetermined:
    """An amount the policy leaves undetermined (未定)."""

    def __repr__(self) -> str:
        return TRACE["undetermined_value"]


UNDET = Undetermined()
Value = Union[bool, str, None, Interval, Undetermined, dt.date]
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
        notes.append(lambda: TRACE["cap"].format(shown=shown, base=base.show(), limit=limit.show(), out=out.show()))
    return out


def tiers(notes: list[Note], arms: Sequence[tuple[Callable[[], bool], Callable[[], Value], str]],
          otherwise: Callable[[], Value] | None) -> Value:
    """分档: the first tier whose condition holds; none and no 否则 → 0."""
    for cond, value, note in arms:
        if cond():
            notes.append(note)
            return value()
    if otherwise is not None:
        notes.append(TRACE["tier_otherwise"])
        return otherwise()
    notes.append(TRACE["tier_none"])
    return ZERO


def text_key(text: str, fold: Mapping[int, str]) -> str:
    """The form in which text facts are compared: NFKC (full-width -> half-width), no
    whitespace, and Traditional characters -> Simplified through ``fold`` (a ``str.translate``
    table made at compile time, see compiler.textfold). Two spellings that differ only in
    script, width or spaces have the same key."""
    if text.isascii():
        return text if text.isidentifier() else "".join(text.split())
    return "".join(unicodedata.normalize("NFKC", text).split()).translate(fold)


NO_FOLD: Mapping[int, str] = {}


def compare(op: str, a: Value, b: Value, fold: Mapping[int, str] | None = None) -> bool:
    """Comparisons with an absent or undetermined value are false; text compares by key."""
    if a is None or b is None or isinstance(a, Undetermined) or isinstance(b, Undetermined):
        return False
    x: Any = a.lo if isinstance(a, Interval) else a
    y: Any = b.lo if isinstance(b, Interval) else b
    if isinstance(a, Interval) != isinstance(b, Interval) and op not in ("==", "!="):
        return False
    if isinstance(x, str) and isinstance(y, str):
        x, y = text_key(x, fold or NO_FOLD), text_key(y, fold or NO_FOLD)
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


def member(v: Value, keys: Sequence[str], is_open: bool, notes: list[Note],
           fold: Mapping[int, str] | None = None) -> bool:
    """Membership by text key (``keys`` are the listed values' keys, made at compile time).
    An unlisted value is noted; for a list that ends in 等 in the source it does not match,
    and the note says that the authority decides."""
    if v is None:
        return False
    hit = (text_key(v, fold or NO_FOLD) if isinstance(v, str) else v) in keys
    if not hit:
        if is_open:
            notes.append(f"“{v}”不在列举中；原文列举以“等”结尾，是否属于“等”内由主管部门认定，"
                         "计算时按不符合处理")
        else:
            notes.append(f"“{v}”不在列举中，按不符合处理")
    return hit


def truth(v: Value) -> bool:
    return v is True


def negate(v: Value) -> bool:
    return v is False


# ---------------------------------------------------------------------------- profile limits
# The bounds on applicant profiles, defined once as data. The reference evaluator uses them
# here; the lowered form carries them to the generated calculators, and the JSON Schema backend
# and any other backend read them through field_rules(), a target-neutral description. Documented in
# docs/developers/result.md (“申请人信息的上限”).

MAX_PROFILE_CHARS = 1_000_000
"""A profile's JSON text: a real profile is well under 2 KB."""
MAX_PROFILE_DEPTH = 32
"""Nesting of the JSON text (a profile is one flat object; depth is checked before parsing)."""
MAX_NUMBER_CHARS = 40
"""A JSON number token: longer ones are refused before they are converted, and so are numbers
whose decimal exponent is beyond ±40 (1e400, 1e-999999999)."""
MAX_TEXT_CHARS = 1_000
"""A text value."""
MONEY_LIMIT = 10 ** 15
"""Money is below this (at most 15 integer digits: under 1,000 trillion yuan)."""
MAX_COUNT = 1_000_000_000
"""Integer facts without a stated upper bound."""
MONEY_PATTERN = r"^[0-9]{1,15}(\.[0-9]{1,2})?(?![\s\S])"
"""A money string: ASCII digits only; the look-ahead is the end of the text in every regex
dialect (``$`` would also match before a final newline in Python)."""
RATE_PATTERN = r"^-?[0-9]{1,15}(\.[0-9]{1,8})?(?![\s\S])"
"""A ratio string: a decimal with at most eight decimals (0.075 is 7.5%), signed; the fact's
declared range (比例 [-1..5], else 0 to 1) is checked on the value."""
RATE_DIGITS = 8
"""Decimals of a ratio fact (the language's own limit on a number's fraction)."""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\s\S])"
"""A date: YYYY-MM-DD (ISO 8601), a real calendar date between DATE_YEARS."""
DATE_YEARS = (1900, 2199)


def rate_range(low: Any = None, high: Any = None) -> tuple[Decimal, Decimal]:
    """The range a ratio fact accepts: its declared one, else 0 to 1."""
    return (Decimal(str(low)) if low is not None else Decimal(0),
            Decimal(str(high)) if high is not None else Decimal(1))


def field_rules(kind: str, low: int | Decimal | None = None, high: int | Decimal | None = None,
                values: Sequence[str] = ()) -> dict[str, Any]:
    """The values one fact accepts, target-neutral: JSON types, bounds (decimal strings for
    money), ``multiple_of``, ``pattern`` for strings, ``enum``, ``max_length``.

    Integral decimals (``4.0``, ``1E+6``) are integers, as in JSON Schema 2020-12.
    """
    if kind == "bool":
        return {"types": ["boolean"]}
    if kind == "rate":
        lo, hi = rate_range(low, high)
        return {"types": ["number", "string"], "minimum": _plain(lo), "maximum": _plain(hi),
                "multiple_of": "0.00000001", "pattern": RATE_PATTERN}
    if kind == "date":
        return {"types": ["string"], "pattern": DATE_PATTERN, "format": "date",
                "years": list(DATE_YEARS)}
    if kind == "money":
        return {"types": ["number", "string"], "minimum": 0, "exclusive_maximum": MONEY_LIMIT,
                "multiple_of": "0.01", "pattern": MONEY_PATTERN}
    if kind == "int":
        top = MAX_COUNT if high is None else min(high, MAX_COUNT)
        return {"types": ["integer"], "minimum": 0 if low is None else low, "maximum": top}
    if kind == "enum":
        return {"types": ["string"], "enum": list(values)}
    return {"types": ["string"], "max_length": MAX_TEXT_CHARS}


def _plain(x: Decimal) -> str:
    """A decimal's digits without exponent or trailing zeros (-1, 0.075, 5)."""
    text = format(x.normalize(), "f")
    return "0" if text in ("-0", "") else text


class NumberToken:
    """A JSON number or constant refused while parsing (too long, NaN, Infinity): kept as a
    value so that validation names the field it was given for."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _int_token(text: str) -> object:
    if len(text) > MAX_NUMBER_CHARS:
        return NumberToken(MESSAGES["number_too_long"].format(n=len(text), max=MAX_NUMBER_CHARS))
    return int(text)


def _float_token(text: str) -> object:
    if len(text) > MAX_NUMBER_CHARS:
        return NumberToken(MESSAGES["number_too_long"].format(n=len(text), max=MAX_NUMBER_CHARS))
    d = Decimal(text)
    if d and not -MAX_NUMBER_CHARS <= d.adjusted() <= MAX_NUMBER_CHARS:  # 1e-999999999, 1e400
        return NumberToken(MESSAGES["number_out_of_range"].format(text=text))
    return d


def _constant_token(name: str) -> object:
    return NumberToken(MESSAGES["constant"].format(name=name))


def _unique_pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in items:
        if k in out:
            raise ProfileError([(k, MESSAGES["duplicate"])])
        out[k] = v
    return out


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def parse_json_profile(text: str) -> Any:
    """Parse a profile's JSON text with exact decimals, cheaply and within the limits above:
    the size and the nesting are checked before parsing; numbers longer than
    MAX_NUMBER_CHARS, NaN and Infinity are never converted (validation refuses them, naming
    the field); duplicate keys are refused."""
    import json

    if len(text) > MAX_PROFILE_CHARS:
        raise ProfileError([("", MESSAGES["profile_too_large"].format(n=len(text), max=MAX_PROFILE_CHARS))])
    depth = top = 0
    for ch in re.sub(r"[^\[\]{}]", "", _JSON_STRING.sub("", text)):
        depth += 1 if ch in "[{" else -1
        top = max(top, depth)
    if top > MAX_PROFILE_DEPTH:
        raise ProfileError([("", MESSAGES["too_deep"].format(max=MAX_PROFILE_DEPTH))])
    try:
        return json.loads(text, parse_int=_int_token, parse_float=_float_token,
                          parse_constant=_constant_token, object_pairs_hook=_unique_pairs)
    except json.JSONDecodeError as err:
        raise ProfileError([("", MESSAGES["not_json"].format(line=err.lineno, col=err.colno, msg=err.msg))]
                           ) from None
    except RecursionError:  # pragma: no cover - the depth check above comes first
        raise ProfileError([("", "JSON 嵌套过深")]) from None


# ---------------------------------------------------------------------------- profiles

_MONEY_STR = re.compile(MONEY_PATTERN)
_RATE_STR = re.compile(RATE_PATTERN)
_DATE_STR = re.compile(DATE_PATTERN)


class ProfileError(ValueError):
    """One or more fields of an applicant profile are invalid. ``errors`` lists (field, message)."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        self.errors = errors
        self.field = errors[0][0] if errors else ""
        super().__init__("; ".join(f"{f or '(profile)'}: {m}" for f, m in errors))


class ParameterError(ProfileError):
    """The 参数 given to a calculation are invalid (unknown, missing, malformed): not the
    applicant's information, though refused the same way. ``errors`` lists (parameter, message)."""


@dataclass(frozen=True)
class FactSpec:
    """What one fact accepts. kind: bool | money | rate | int | enum | text."""

    name: str
    kind: str
    label: str
    low: int | Decimal | None = None
    high: int | Decimal | None = None
    values: tuple[str, ...] = ()
    required: bool = False
    default: Any = None


@dataclass(frozen=True)
class Bad:
    """A rejected value, with the reason in Chinese."""

    message: str


def _show(value: object) -> str:
    if isinstance(value, str):
        if len(value) <= 40:
            return MESSAGES["shown_text"].format(text=value)
        return MESSAGES["shown_long"].format(head=value[:40], n=len(value))
    if value is None:
        return "null"
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)
    return type(value).__name__


def _money(value: object, rate: bool = False) -> Decimal | str:
    if isinstance(value, bool):
        return MESSAGES["money_bool"]
    if isinstance(value, int):
        if value >= MONEY_LIMIT:
            return MESSAGES["money_limit"].format(limit=MONEY_LIMIT)
        d = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return MESSAGES["money_not_finite"]
        d = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            return MESSAGES["money_not_finite"]
        d = value
    elif isinstance(value, str):
        if not (_RATE_STR if rate else _MONEY_STR).match(value):
            return MESSAGES["rate_text" if rate else "money_text"].format(got=_show(value[:40]))
        d = Decimal(value)
    else:
        return MESSAGES["money_type"].format(got=_show(value))
    if d < 0:
        return MESSAGES["money_negative"].format(value=d)
    if d >= MONEY_LIMIT:
        return MESSAGES["money_limit"].format(limit=MONEY_LIMIT)
    try:
        if d != d.quantize(FEN, context=CTX):
            return MESSAGES["money_fen"].format(value=d)
    except InvalidOperation:
        return MESSAGES["money_too_large"].format(value=d)
    return d


def _ratio(value: object, spec: FactSpec) -> Decimal | str:
    """A ratio: exact, at most RATE_DIGITS decimals, within the fact's declared range."""
    if isinstance(value, bool):
        return MESSAGES["rate_bool"]
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return MESSAGES["rate_not_finite"]
        d = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            return MESSAGES["rate_not_finite"]
        d = value
    elif isinstance(value, str):
        if not _RATE_STR.match(value):
            return MESSAGES["rate_text"].format(got=_show(value[:40]))
        d = Decimal(value)
    else:
        return MESSAGES["rate_type"].format(got=_show(value))
    lo, hi = rate_range(spec.low, spec.high)
    if not lo <= d <= hi:  # the bounds first: cheap even for 1E+999999999
        return MESSAGES["rate_range"].format(low=_plain(lo), high=_plain(hi), value=d)
    if d != d.quantize(RATE_QUANTUM, context=CTX):
        return MESSAGES["rate_digits"].format(value=d)
    return d


RATE_QUANTUM = Decimal(1).scaleb(-RATE_DIGITS)


def _date_value(value: object) -> dt.date | str:
    """A date fact: "YYYY-MM-DD", a real date within DATE_YEARS (a ``datetime.date`` is taken as is)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        d = value
    elif isinstance(value, str) and _DATE_STR.match(value):
        try:
            d = dt.date.fromisoformat(value)
        except ValueError:
            return MESSAGES["date_invalid"].format(value=value)
    else:
        return MESSAGES["date"].format(got=_show(value[:40] if isinstance(value, str) else value))
    if not DATE_YEARS[0] <= d.year <= DATE_YEARS[1]:
        return MESSAGES["date_range"].format(low=DATE_YEARS[0], high=DATE_YEARS[1], value=d.isoformat())
    return d


def _integer(value: object, spec: FactSpec) -> int | str:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return MESSAGES["int_type"].format(got=_show(value))
    if isinstance(value, float) and not math.isfinite(value):
        return MESSAGES["int_not_finite"]
    if isinstance(value, Decimal) and not value.is_finite():
        return MESSAGES["int_not_finite"]
    rules = field_rules("int", spec.low, spec.high)
    # the bounds first: comparing is cheap even for 1E+999999999, converting is not
    if value < rules["minimum"]:
        return MESSAGES["int_below"].format(value=value, low=rules["minimum"])
    if value > rules["maximum"]:
        return MESSAGES["int_above"].format(value=value, low=rules["minimum"], high=rules["maximum"])
    if not isinstance(value, int):
        if value != int(value):
            return MESSAGES["int_fraction"].format(value=value)
        value = int(value)  # an integral decimal (4.0, 1E+6) is an integer
    return value


def check_value(spec: FactSpec, value: object) -> object:
    """Return the normalised value, or :class:`Bad` with the reason."""
    kind = spec.kind
    if type(value) is int and value >= 0 and (  # the common cases, fast
            (kind == "money" and value < MONEY_LIMIT) or (kind == "int" and value <= MAX_COUNT and (
                spec.high is None or value <= spec.high) and value >= (spec.low or 0))):
        return value
    if isinstance(value, NumberToken):
        return Bad(value.reason)
    if kind == "bool":
        return value if isinstance(value, bool) else Bad(MESSAGES["bool"].format(got=_show(value)))
    if spec.kind == "money":
        r = _money(value)
        return Bad(r) if isinstance(r, str) else r
    if spec.kind == "rate":
        q = _ratio(value, spec)
        return Bad(q) if isinstance(q, str) else q
    if spec.kind == "date":
        day = _date_value(value)
        return Bad(day) if isinstance(day, str) else day
    if spec.kind == "int":
        i = _integer(value, spec)
        return Bad(i) if isinstance(i, str) else i
    if spec.kind == "enum":
        if isinstance(value, str) and value in spec.values:
            return value
        return Bad(MESSAGES["enum"].format(values=", ".join(spec.values), got=_show(value)))
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            return Bad(MESSAGES["text_too_long"].format(n=len(value), max=MAX_TEXT_CHARS))
        return value
    return Bad(MESSAGES["text"].format(got=_show(value)))


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
        return TRACE["where_sep"].join(TRACE["where_part"].format(name=n, value=self.show_value(n)) for n in used)


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
        raise ProfileError([("", MESSAGES["not_object"])])
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
                    errors.append((str(key), MESSAGES["key_not_text"]))
                    continue
                close = difflib.get_close_matches(key, sorted(set(declared) | set(vocabulary)), n=1)
                hint = MESSAGES["unknown_hint"].format(close=close[0]) if close else ""
                errors.append((key, MESSAGES["unknown"].format(key=key, hint=hint)))
                continue
        t = type(v)
        if (t is bool and spec.kind == "bool") or (
                t is str and spec.kind == "text" and len(v) <= MAX_TEXT_CHARS):
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
            errors.append((f.name, MESSAGES["required"].format(name=f.name, label=f.label)))
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
        raise ProfileError([("on", MESSAGES["on"].format(on=on))]) from None


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
    # a policy with readings (解读): each reading's totals and items (see span_results)
    readings: tuple[dict[str, Any], ...] | None = field(default=None, repr=False, compare=False)

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
            "notes": [note_dict(x) for x in self.notes],
            "cuts": [c.to_dict() for c in self.cuts],
            **({"readings": list(self.readings)} if self.readings is not None else {}),
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
    named: bool = True  # False: 资金 未规定 — the text names no payer at all


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
        return TRACE["heading_cond" if self.cond else "heading"].format(article=self.article, title=self.title,
                                                                       cond=self.cond_shown)


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
    """What one cross-item cap did to one item: its amount before and after the cap.

    An undetermined item enters a cap as 0 .. ∞ (``before.hi`` infinite, shown as null)."""

    cap: str  # the cap's id
    item: str
    limit: Interval
    before: Interval
    after: Interval
    article: str = ""  # the cap's article

    def to_dict(self) -> dict[str, Any]:
        return {"cap": self.cap, "article": self.article, "item": self.item,
                "limit": _pair(self.limit), "before": _pair(self.before), "after": _pair(self.after)}


def _pair(x: Interval) -> dict[str, str | None]:
    return {"min": fmt(x.lo), "max": fmt(x.hi)}


class ResultNote(str):
    """A note of a calculation for people (validity, an unlisted value, a requirement not met, an
    exclusion): the Chinese text itself, which also knows its ``kind`` and the article, fact and
    value it is about, for the JSON result (``{"kind", "text", ...}``).

    ``kind`` is the name of its text in ``messages.TRACE``: ``before_start``, ``after_end``,
    ``events``, ``requirement_failed``, ``excluded``, ``unlisted``, ``unlisted_open``; ``validity_open``
    (what the text leaves open about the validity); or ``parameter`` (the value of a 参数 the
    calculation takes, ``fact`` its name)."""

    kind: str
    data: dict[str, str]

    def __new__(cls, text: str, kind: str, **data: str) -> ResultNote:
        self = super().__new__(cls, text)
        self.kind = kind
        self.data = data
        return self

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": str(self), **self.data}


def note_dict(note: str) -> dict[str, str]:
    """A result note as JSON (a plain string is of kind ``note``)."""
    return note.to_dict() if isinstance(note, ResultNote) else {"kind": "note", "text": str(note)}


@dataclass(frozen=True)
class StageAmount:
    """A payment stage computed from another base with its own cap (至多 30% × 首付款 封顶 10万元):
    the stage pays 0 up to that amount (rounded down to the fen; a negative amount pays 0), and
    never more than the items it pays."""

    amount: Callable[[Env], Value]
    shown: str


# A payment stage's share of the items it pays: a fraction (至多 70%), UNDET (至多 未定: the text
# does not say how much), None (余额: what the earlier stages left) or an amount computed from
# another base (StageAmount).
StageShare = Union[Decimal, Undetermined, None, StageAmount]


@dataclass(frozen=True)
class ScheduleSpec:
    article: str
    scope: Scope
    stages: tuple[tuple[str, StageShare], ...]  # (name, share)


@dataclass(frozen=True)
class ListSpec:
    """The values a text fact is checked against (by key), for the note on unlisted values."""

    fact: str
    label: str
    keys: tuple[str, ...]
    open: bool  # some list ends in 等 in the source
    articles: str


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
    lists: tuple[ListSpec, ...] = ()
    fold: Mapping[int, str] = field(default_factory=dict)
    validity_note: str = ""  # what the text leaves open: no end date, no start date, or neither
    parameters: tuple[ParamSpec, ...] = ()  # 参数
    constraints: tuple[ConstraintSpec, ...] = ()  # 约束

    @cached_property
    def table(self) -> FactTable:
        return FactTable(self.facts)

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        """Item id -> its positions in ``items``."""
        out: dict[str, list[int]] = {}
        for i, it in enumerate(self.items):
            out.setdefault(it.id, []).append(i)
        return out

    @cached_property
    def _cap_index(self) -> tuple[dict[str, list[int]], list[int]]:
        """Item id -> the caps (positions in ``caps``) that name it in their 适用 list, and the
        caps whose scope is not a list of items."""
        named: dict[str, list[int]] = {}
        other: list[int] = []
        for i, c in enumerate(self.caps):
            if c.scope.kind == "items":
                for x in dict.fromkeys(c.scope.items):
                    named.setdefault(x, []).append(i)
            else:
                other.append(i)
        return named, other

    def chosen_items(self, only: Container[str] | None) -> Sequence[ItemSpec]:
        """The items that may apply, in the policy's order: all, or those in ``only`` (picked
        by id rather than by testing every item, when ``only`` can be iterated)."""
        if only is None:
            return self.items
        if not isinstance(only, set | frozenset | dict | list | tuple):
            return [it for it in self.items if it.id in only]
        pos = self._positions
        return [self.items[i] for i in sorted({i for x in only for i in pos.get(x, ())})]

    def caps_over(self, ids: Iterable[str]) -> Sequence[CapSpec]:
        """The caps that can reach an item of ``ids`` (a cap over a list of items none of which
        applies cuts nothing), in the policy's order."""
        named, other = self._cap_index
        hit = set(other)
        for x in ids:
            hit.update(named.get(x, ()))
        if len(hit) == len(self.caps):
            return self.caps
        return [self.caps[i] for i in sorted(hit)]


@dataclass
class _Live:
    spec: ItemSpec
    amount: Interval | None  # None: undetermined
    after: Interval  # after cross-item caps; undetermined items start as [0, ∞]
    trace: list[Note]


def in_force(spec: PolicySpec, on: dt.date) -> tuple[bool, str]:
    start = spec.retro_from or spec.valid_from
    if start is not None and on < start:
        return False, ResultNote(TRACE["before_start"].format(on=on.isoformat(), start=start.isoformat()),
                                 "before_start")
    if spec.valid_until is not None and on > spec.valid_until:
        return False, ResultNote(TRACE["after_end"].format(on=on.isoformat(), end=spec.valid_until.isoformat()),
                                 "after_end")
    if spec.events:
        events = "；".join(f"“{e}”" for e in spec.events)
        return True, ResultNote(TRACE["events"].format(events=events), "events")
    return True, ""


class FundingPlan:
    """Who pays an item, worked out once: exact shares, or ``unspecified`` — never a guess."""

    def __init__(self, funding: Sequence[FundingSpec], item_article: str) -> None:
        self.shares: tuple[tuple[str, Decimal], ...] = ()
        self.payers = tuple(dict.fromkeys(p for f in funding for p in f.payers))
        self.articles = "、".join(dict.fromkeys(f.article or item_article for f in funding))
        kinds = {(f.named, f.stated, f.shares if f.stated else tuple(sorted(f.payers)))
                 for f in funding}
        names = "、".join(FUNDING_SOURCES.get(p, p) for p in self.payers)
        arts = self.articles
        if not funding:
            self.kind = "none"  # no payer at all
            self.note = "出资：原文未规定由谁出资"
        elif len(kinds) == 1 and not funding[0].named:
            self.kind = "unnamed"  # 资金 未规定: the amount is unspecified, no candidate payer
            self.note = f"出资（{arts}）：原文未规定由谁出资"
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
        """Who pays ``amount``: by the stated shares, else all of it under ``unspecified``."""
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


def _amount_line(amt: Amount, amount: Interval, env: Env) -> Note:
    def line() -> str:
        where = env.where(amt.names)
        return TRACE["amount_where" if where else "amount"].format(shown=amt.shown, amount=amount.show(),
                                                                   where=where)

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
        if amount.lo < 0 or amount.hi < 0:
            # the rule for negative amounts: a formula below 0 pays 0 (nothing is owed back);
            # either end may be negative (不超过 a negative difference gives 0 .. -x)
            amount = Interval(max(amount.lo, ZERO_D), max(amount.hi, ZERO_D))
            trace.append(TRACE["negative"])
        trace.append(_amount_line(amt, amount, env))
        after = amount
        final: Interval | None = amount
    else:
        final = None
        trace.append(TRACE["undetermined"].format(shown=amt.shown))
        after = Interval(ZERO_D, INF)
    trace.append(it.plan.note)
    return _Live(it, final, after, trace)


def _apply_cap(cap: CapSpec, live: list[_Live], env: Env, cuts: list[CapCut]) -> None:
    """Fill one cross-item cap. The rule, for the items in the cap's scope:

    1. minimums first: in declaration order, each item keeps as much of its minimum as the
       cap's minimum still allows;
    2. then the headroom: what the cap's maximum leaves above the kept minimums is handed out
       in declaration order, each item up to its own maximum.

    So a later item is cut first (for fixed amounts this is the whole rule), every item keeps
    min <= max, and the items add up exactly to min(sum of minimums, cap minimum) ..
    min(sum of maximums, cap maximum) — the range of the capped total. (Filling the minimums
    and the maximums independently, each in declaration order, could give a ranged item
    declared before a fixed one more than the fixed item's share at the top and less at the
    bottom: an inverted 200000.00..0.00.)
    """
    members = _scope(cap.scope, live)
    if not members:
        return
    limit_v = cap.limit(env)
    if not isinstance(limit_v, Interval):
        return
    limit = limit_v.to_fen()
    room = max(limit.lo, ZERO_D)
    lows: list[Decimal] = []
    for x in members:
        lo = min(x.after.lo, room)
        room -= lo
        lows.append(lo)
    spare = max(limit.hi - sum(lows, ZERO_D), ZERO_D)
    for x, lo in zip(members, lows, strict=False):
        hi = lo + min(x.after.hi - lo, spare)
        spare -= hi - lo
        if x.amount is not None and (lo != x.after.lo or hi != x.after.hi):
            x.trace.append(_cut_line(cap, limit, x.after, Interval(lo, hi)))
        elif x.amount is None and hi.is_finite():
            x.trace.append(_most_line(cap, limit, hi))
        cuts.append(CapCut(cap.id, x.spec.id, limit, x.after, Interval(lo, hi), cap.article))
        x.after = Interval(lo, hi)


def _cut_line(cap: CapSpec, limit: Interval, before: Interval, after: Interval) -> Note:
    cut = sorted((before.lo - after.lo, before.hi - after.hi))
    return lambda: TRACE["cross_cap_cut"].format(article=cap.article, limit=limit.show(), shown=cap.shown,
                                                 cut=Interval(cut[0], cut[1]).show(), after=after.show())


def _most_line(cap: CapSpec, limit: Interval, hi: Decimal) -> Note:
    return lambda: TRACE["cross_cap_most"].format(article=cap.article, limit=limit.show(), most=fmt(hi))


def _payments(s: ScheduleSpec, live: list[_Live], env: Env | None = None) -> list[PaymentResult]:
    """The range of each stage of a schedule over the items it pays (after cross-item caps).

    Stages are paid in order out of the items' amount ``base`` (a range lo..hi):

    * ``至多 X%`` pays 0 up to X% of the base, and never more than what is left;
    * ``至多 未定`` (the text does not say how much) pays 0 up to what is left: the whole base;
    * ``至多 <amount>`` (a StageAmount: an advance of 30% of the down payment, at most 10万元) pays
      0 up to that amount, evaluated on ``env`` and rounded down to the fen, never more than hi;
    * ``余额`` pays what the earlier stages left: at most hi, and at least the least that can be
      left at any base from lo to hi, never below 0. After at most one ``至多 X%``, that is what is
      left at lo (lo less X% of lo rounded down, less the amounts): a larger base never leaves
      less. After two or more, a larger base can leave less (50% + 50% leave 0.01 of 0.01 yuan,
      0.00 of 0.02), and the least is bounded by ``lo × (1 − the shares) − the amounts``, rounded
      down to the fen: within a fen per share of the least.

    So in every case the stages add up to the base and never to more: each stage's range
    contains what it pays, and the remainder is what is left. (An undetermined share used to
    be taken for the remainder, so that 至多 未定 followed by 余额 paid the amount twice.)
    """
    members = [x for x in _scope(s.scope, live) if x.amount is not None]
    if not members:
        return []
    base_lo = sum((x.after.lo for x in members), ZERO_D)
    base_hi = sum((x.after.hi for x in members), ZERO_D)
    out = []
    # what is left after the stages so far, at lo: each share of lo rounded down (``left_lo``) and
    # not rounded (``left_any``, a bound of what is left at any base from lo to hi)
    left_lo = left_any = base_lo
    shares = 0
    for name, share in s.stages:
        if share is None:
            out.append(PaymentResult(s.article, name, left_lo if shares <= 1 else to_fen(left_any), base_hi))
            left_lo = left_any = ZERO_D
        elif isinstance(share, StageAmount):
            most = _stage_most(share, env)
            if most is None:  # an undetermined amount: like 至多 未定
                out.append(PaymentResult(s.article, name, ZERO_D, base_hi))
                left_lo = left_any = ZERO_D
            else:
                left_lo, left_any = max(left_lo - most, ZERO_D), max(left_any - most, ZERO_D)
                out.append(PaymentResult(s.article, name, ZERO_D, min(most, base_hi)))
        elif isinstance(share, Undetermined):
            out.append(PaymentResult(s.article, name, ZERO_D, base_hi))
            left_lo = left_any = ZERO_D
        else:
            shares += 1
            left_lo = max(left_lo - to_fen(share * base_lo), ZERO_D)
            left_any = max(left_any - share * base_lo, ZERO_D)
            out.append(PaymentResult(s.article, name, ZERO_D, min(to_fen(share * base_hi), base_hi)))
    return out


def _stage_most(share: StageAmount, env: Env | None) -> Decimal | None:
    """The most a stage computed from another base pays: its amount's upper end, rounded down to
    the fen and never below 0; None when the amount is undetermined."""
    v = share.amount(env if env is not None else Env({}, {}))
    if not isinstance(v, Interval) or not v.hi.is_finite():
        return None
    return max(to_fen(v.hi), ZERO_D)


def _unlisted(spec: PolicySpec, env: Env) -> list[str]:
    """A note for each text fact whose value is in none of the policy's lists for it."""
    out: list[str] = []
    for ls in spec.lists:
        v = env.get(ls.fact)
        if isinstance(v, str) and text_key(v, spec.fold) not in ls.keys:
            kind = "unlisted_open" if ls.open else "unlisted"
            out.append(ResultNote(TRACE[kind].format(label=ls.label, value=v, articles=ls.articles), kind,
                                  fact=ls.fact, value=v, articles=ls.articles))
    return out


def evaluate_spec(spec: PolicySpec, profile: object, on: dt.date | str | None = None,
                  parameters: Mapping[str, object] | None = None,
                  only: Container[str] | None = None) -> Result:
    """Validate ``profile`` and compute what the policy pays as of ``on`` (default today), with
    ``parameters`` (参数) supplied for those the text does not state or to replace them.

    ``only``: the ids of the only items that may apply to this profile (the caller knows the
    others do not: the checker's witnesses); the result is the same, without evaluating them."""
    on_date = parse_on(on)
    env = validate(spec.table, spec.vocabulary, profile)
    notes: list[str] = []
    if spec.parameters or parameters:
        notes.extend(bind_parameters(spec.parameters, parameters, env))
    check_constraints(spec.constraints, env)
    ok, why = in_force(spec, on_date)
    if why:
        notes.append(why)
    if ok and spec.validity_note:
        notes.append(ResultNote(spec.validity_note, "validity_open"))
    notes.extend(_unlisted(spec, env))
    exclusions: list[str] = []
    for req in spec.requirements:
        if not req.cond(env):
            if req.article not in exclusions:
                exclusions.append(req.article)
            notes.append(ResultNote(TRACE["requirement_failed"].format(article=req.article, shown=req.shown),
                                    "requirement_failed", article=req.article))
    for exc in spec.exclusions:
        if exc.cond(env):
            if exc.article not in exclusions:
                exclusions.append(exc.article)
            notes.append(ResultNote(TRACE["excluded"].format(article=exc.article, shown=exc.shown),
                                    "excluded", article=exc.article))
    if not ok or exclusions:
        return Result(spec.id, on_date, ok, bool(exclusions), tuple(exclusions), (), ZERO_D,
                      ZERO_D, (), (), tuple(notes))
    live = [x for x in (_item(it, env) for it in spec.chosen_items(only)) if x is not None]
    cuts: list[CapCut] = []
    for c in spec.caps_over(x.spec.id for x in live):
        _apply_cap(c, live, env, cuts)
    total_lo = sum((x.after.lo for x in live), ZERO_D)
    total_hi = sum((x.after.hi for x in live), ZERO_D)
    # who pays the capped total: every item's after-cap maximum, including the share of a cap
    # that an undetermined item can take (so funding adds up to a finite total)
    paid = tuple((x.spec.plan, x.after.hi) for x in live if x.after.hi.is_finite())
    payments = tuple(p for s in spec.payments for p in _payments(s, live, env))
    items = tuple(
        ItemResult(x.spec.id, x.spec.article, x.spec.title,
                   x.amount.lo if x.amount else None, x.amount.hi if x.amount else None,
                   x.spec.plan, tuple(x.trace))
        for x in live
    )
    return Result(spec.id, on_date, True, False, (), items, total_lo,
                  total_hi if total_hi.is_finite() else None, paid, payments, tuple(notes),
                  tuple(cuts))


# ---------------------------------------------------------------------------- 参数 and 约束

PARAM_RATE_PATTERN = r"^-?(0(\.[0-9]{1,6})?|1(\.0{1,6})?)(?![\s\S])"
_PARAM_RATE = re.compile(PARAM_RATE_PATTERN)
PARAM_RATE_SCALE = 6


@dataclass(frozen=True)
class ParamSpec:
    """A 参数: kind money | rate | int; ``value`` the text states (None: 未公布)."""

    name: str
    kind: str
    label: str
    value: Decimal | None = None
    article: str = ""


@dataclass(frozen=True)
class ConstraintSpec:
    """A 约束 every profile must satisfy; ``field`` and ``message`` are the error when it does not."""

    cond: Callable[[Env], bool]
    field: str
    message: str


def parameter_value(spec: ParamSpec, value: object) -> Decimal | Bad:
    """A supplied parameter value, normalised, or :class:`Bad` with the reason.

    Money: as a profile's money (≥ 0, at most two decimals); counts: integers ≥ 0; rates: a
    decimal from -1 to 1 with at most six decimals (a statistic may be negative)."""
    if spec.kind == "money":
        m = _money(value)
        return Bad(m) if isinstance(m, str) else m
    if spec.kind == "int":
        i = _integer(value, FactSpec(spec.name, "int", spec.label, 0, None))
        return Bad(i) if isinstance(i, str) else Decimal(i)
    d: Decimal | None = None
    if isinstance(value, bool):
        d = None
    elif isinstance(value, str):
        d = Decimal(value) if _PARAM_RATE.match(value) else None
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        d = Decimal(repr(value)) if math.isfinite(value) else None
    elif isinstance(value, Decimal):
        d = value if value.is_finite() else None
    if d is not None and not (-1 <= d <= 1 and d == d.quantize(Decimal(1).scaleb(-PARAM_RATE_SCALE))):
        d = None
    if d is None:
        shown = value[:40] if isinstance(value, str) else value
        return Bad(MESSAGES["param_rate"].format(got=_show(shown)))
    return d


def bind_parameters(specs: Sequence[ParamSpec], given: Mapping[str, object] | None, env: Env) -> list[str]:
    """Put every parameter's value into ``env`` (the one supplied, else the one the text states);
    return the notes saying which values the calculation takes. A parameter the text does not
    state and the caller did not supply is an error naming it, as is an unknown or bad value."""
    if given is not None and not isinstance(given, Mapping):
        raise ParameterError([("parameters", MESSAGES["parameters_not_object"])])
    given = given or {}
    known = {p.name: p for p in specs}
    errors: list[tuple[str, str]] = []
    for key in given:
        if key not in known:
            errors.append((str(key), MESSAGES["param_unknown"].format(name=key)))
    notes: list[str] = []
    for p in specs:
        if p.name in given:
            v = parameter_value(p, given[p.name])
            if isinstance(v, Bad):
                errors.append((p.name, v.message))
                continue
            source = TRACE["parameter_given"]
        elif p.value is not None:
            v, source = p.value, TRACE["parameter_stated"].format(article=p.article)
        else:
            errors.append((p.name, MESSAGES["param_missing"].format(name=p.name, label=p.label)))
            continue
        env[p.name] = Interval.exact(v)
        env.kinds[p.name] = p.kind
        notes.append(ResultNote(TRACE["parameter"].format(label=p.label, name=p.name, value=env.show_value(p.name),
                                                          source=source), "parameter", fact=p.name))
    if errors:
        raise ParameterError(errors)
    return notes


def check_constraints(specs: Sequence[ConstraintSpec], env: Env) -> None:
    """Refuse a profile that breaks a 约束, naming the fields (every broken one, in order)."""
    errors = [(c.field, c.message) for c in specs if not c.cond(env)]
    if errors:
        raise ProfileError(errors)


# ---------------------------------------------------------------------------- readings (解读)


@dataclass(frozen=True)
class ReadingSpec:
    """One 解读 of a policy: its article, the ambiguous words quoted, the adopted reading, the
    items it affects and its readings as (name, label)."""

    id: str
    article: str
    quote: str
    adopted: str
    affects: tuple[str, ...]
    options: tuple[tuple[str, str], ...]


def combinations(readings: Sequence[ReadingSpec]) -> list[dict[str, str]]:
    """Every combination of readings (解读 id -> 读法 name): the adopted one first, then the
    others in the order the readings are written."""
    adopted = {r.id: r.adopted for r in readings}
    out = [adopted]
    for combo in itertools.product(*[[(r.id, name) for name, _ in r.options] for r in readings]):
        choice = dict(combo)
        if choice != adopted:
            out.append(choice)
    return out


def _lowest(values: Sequence[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _highest(values: Sequence[Decimal | None]) -> Decimal | None:
    return None if any(v is None for v in values) else max(v for v in values if v is not None)


def span_results(readings: Sequence[ReadingSpec], runs: Sequence[tuple[Mapping[str, str], Result]],
                 order: Sequence[str]) -> Result:
    """One result that spans every combination of readings (``runs``, from :func:`combinations`,
    the adopted one first), as the shared vocabulary says:

    * ``total``: the lowest minimum and the highest maximum (null when a reading leaves it open);
    * each item that applies under some reading, in the policy's ``order``: the lowest minimum
      and the highest maximum over the readings, 0 where it does not apply; null (未定) when a
      reading leaves it undetermined; its trace is the adopted reading's (else the first that
      applies); its ``funding`` splits its maximum;
    * ``funding``: who pays under the combination of readings that pays the most (the adopted
      one first among equals), so that it adds up to ``total.max``;
    * ``payments`` and ``cuts``: each stage's and each cut's lowest minimum and highest maximum
      over the readings, 0 where absent;
    * ``excluded``: only when every reading excludes; ``notes``: the adopted reading's, then each
      other reading's new ones (an unlisted value once per fact, any other note once per text);
    * ``readings``: each 解读's article, quoted words, items affected and, for each reading (the
      others as adopted), its total, funding, exclusions and items.
    """
    results = [r for _, r in runs]
    first = results[0]
    items: list[ItemResult] = []
    for iid in order:
        got = [r.item(iid) for r in results]
        present = [i for i in got if i is not None]
        if not present:
            continue
        base = got[0] or present[0]
        if any(i.min is None or i.max is None for i in present):
            lo: Decimal | None = None
            hi: Decimal | None = None
        else:
            lo = _lowest([ZERO_D if i is None else i.min for i in got])
            hi = _highest([ZERO_D if i is None else i.max for i in got])
        items.append(ItemResult(base.id, base.article, base.title, lo, hi, base.plan, base.steps))
    top = max(results, key=lambda r: (1, ZERO_D) if r.total_max is None else (0, r.total_max))
    stages = dict.fromkeys((p.article, p.stage) for r in results for p in r.payments)
    payments = []
    for article, stage in stages:
        found = [next((p for p in r.payments if (p.article, p.stage) == (article, stage)), None) for r in results]
        payments.append(PaymentResult(article, stage,
                                      _lowest([ZERO_D if p is None else p.min for p in found]),
                                      _highest([ZERO_D if p is None else p.max for p in found])))
    cuts = []
    for cap_id, item_id in dict.fromkeys((c.cap, c.item) for r in results for c in r.cuts):
        found_c = [next((c for c in r.cuts if (c.cap, c.item) == (cap_id, item_id)), None) for r in results]
        some = [c for c in found_c if c is not None]
        nil = Interval(ZERO_D, ZERO_D)

        def spread(parts: Sequence[Interval]) -> Interval:
            return Interval(min(x.lo for x in parts), max(x.hi for x in parts))

        cuts.append(CapCut(cap_id, item_id, spread([c.limit for c in some]),
                           spread([nil if c is None else c.before for c in found_c]),
                           spread([nil if c is None else c.after for c in found_c]), some[0].article))
    excluded = all(r.excluded for r in results)
    exclusions = tuple(dict.fromkeys(a for r in results for a in r.exclusions)) if excluded else ()
    # the adopted reading's notes, then each other reading's new ones: an unlisted value once per
    # fact (the readings may list different articles), any other note once per text
    def key(x: str) -> object:
        return (x.kind, x.data.get("fact")) if isinstance(x, ResultNote) and x.kind.startswith("unlisted") else str(x)

    notes = list(first.notes)
    seen = {key(x) for x in notes}
    for r in results[1:]:
        for x in r.notes:
            if key(x) not in seen:
                seen.add(key(x))
                notes.append(x)
    adopted = runs[0][0]
    table = []
    for rd in readings:
        per: dict[str, Any] = {}
        for name, label in rd.options:
            want = {**adopted, rd.id: name}
            r = next(res for choice, res in runs if dict(choice) == want)
            per[name] = {"label": label, "excluded": r.excluded, "exclusions": list(r.exclusions),
                         "total": {"min": fmt(r.total_min), "max": fmt(r.total_max)},
                         "funding": _ordered(r.funding),
                         "items": {i.id: {"min": fmt(i.min), "max": fmt(i.max)} for i in r.items},
                         "cuts": [c.to_dict() for c in r.cuts]}
        table.append({"id": rd.id, "article": rd.article, "quote": rd.quote, "adopted": rd.adopted,
                      "affects": list(rd.affects), "results": per})
    return Result(first.policy, first.as_of, first.in_force, excluded, exclusions, tuple(items),
                  min(r.total_min for r in results), _highest([r.total_max for r in results]),
                  top.paid, tuple(payments), tuple(notes), tuple(cuts), tuple(table))


__all__ = [
    "DATE_PATTERN",
    "DATE_YEARS",
    "INF",
    "MAX_COUNT",
    "MAX_NUMBER_CHARS",
    "MAX_PROFILE_CHARS",
    "MAX_PROFILE_DEPTH",
    "MAX_TEXT_CHARS",
    "MONEY_LIMIT",
    "MONEY_PATTERN",
    "RATE_DIGITS",
    "RATE_PATTERN",
    "UNDET",
    "Amount",
    "CapSpec",
    "CheckSpec",
    "ConstraintSpec",
    "Env",
    "FactSpec",
    "FundingSpec",
    "Interval",
    "ItemResult",
    "ItemSpec",
    "ListSpec",
    "NumberToken",
    "ParamSpec",
    "PaymentResult",
    "PolicySpec",
    "ProfileError",
    "ReadingSpec",
    "Result",
    "ResultNote",
    "ScheduleSpec",
    "Scope",
    "StageAmount",
    "StageShare",
    "add",
    "bind_parameters",
    "cap",
    "check_constraints",
    "check_value",
    "combinations",
    "compare",
    "evaluate_spec",
    "field_rules",
    "fmt",
    "iv",
    "member",
    "mul",
    "negate",
    "parse_json_profile",
    "pct",
    "rate_range",
    "span_results",
    "sub",
    "text_key",
    "tiers",
    "to_fen",
    "truth",
    "upto",
    "validate",
    "yuan",
]

"""The small runtime every generated Python calculator embeds (standard library, Python >= 3.9).

It holds only what is the same for every policy: exact rounding to the fen, intervals for the
rare amounts that are ranges, profile validation driven by the field table, funding splits,
the cross-item cap fill rule, payment stages and the result classes. Everything a policy says
is translated by the Python backend into straight-line code from the lowered calculation form
(:mod:`compiler.lowered`), whose message and trace templates fill ``MESSAGES`` and ``TRACE``.

Rounding rule: all arithmetic is exact (``decimal.Decimal``, never binary floats). Each
support item's amount, each cross-item cap and each payment stage is rounded DOWN to the fen
(0.01 yuan) right after it is computed; funding shares are rounded down to the fen and the
last source named takes the remainder.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from decimal import ROUND_DOWN, Context, Decimal, InvalidOperation, localcontext
from functools import lru_cache, partial
from types import MappingProxyType
from typing import Any, Optional, TypeVar, Union

FEN = Decimal("0.01")
ZERO = Decimal(0)
INF = Decimal("Infinity")
# 50 significant digits, as the reference evaluator. Valid profiles keep money below
# MONEY_LIMIT and counts at most MAX_COUNT, so the caller's context is used when it has the
# PRECISION that the backend has proved enough for this policy.
CTX = Context(prec=50)

Num = Union[int, Decimal]
Range = Optional[tuple[Decimal, Decimal]]  # an interval [lo, hi] of yuan; None: undetermined
FactValues = dict[str, Any]
Trace = Optional[list[str]]  # None: no trace wanted
T = TypeVar("T")

# Replaced in each generated module by the values of the lowered form:
MESSAGES: dict[str, str] = {}  # message templates
TRACE: dict[str, str] = {}  # trace templates
TEXT_FOLD: dict[int, str] = {}  # the policy's Traditional -> Simplified table
MONEY_LIMIT: int = 10**15  # profile limits (compiler.evaluate.runtime)
MAX_COUNT: int = 10**9
MAX_TEXT_CHARS: int = 1000
MAX_NUMBER_CHARS: int = 40
MAX_PROFILE_CHARS: int = 1_000_000
MAX_PROFILE_DEPTH: int = 32
MONEY_PATTERN: str = ""
RATE_PATTERN: str = ""
RATE_DIGITS: int = 8
DATE_PATTERN: str = ""
DATE_YEARS: tuple[int, int] = (1900, 2199)


def fen(x: Num) -> Decimal:
    """Round down (towards zero) to the fen."""
    if x.__class__ is int:
        x = Decimal(x)
    return x.quantize(FEN, ROUND_DOWN, CTX)  # type: ignore[union-attr]


def _cent(x: Decimal) -> Decimal:
    return fen(x) if x.is_finite() else x


def cents(x: Decimal | None) -> Decimal | None:
    """An amount as the result's attributes give it: two decimals (200000 → 200000.00), rounded
    down to the fen as everywhere; None (undetermined) and an unbounded amount unchanged."""
    return None if x is None else _cent(x)


def cents_pair(r: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    """A (min, max) pair as the result's attributes give it (:func:`cents`); unbounded unchanged."""
    return _cent(r[0]), _cent(r[1])


def fmt(x: Decimal | None) -> str | None:
    """Two-decimal string in yuan, or None for an undetermined amount."""
    if x is None or not x.is_finite():
        return None
    return f"{fen(x):.2f}"


def num(x: Num) -> str:
    """A number in a trace: integral with two decimals, others exactly (0.5, 166666.665)."""
    d = Decimal(x)
    if not d.is_finite():
        return TRACE["undetermined_value"]
    if d == d.to_integral_value():
        return f"{d:.2f}" if abs(d) >= 1 or d == 0 else str(d)
    return str(d.normalize())


def show(r: Range) -> str:
    if r is None:
        return TRACE["undetermined_value"]
    if r[0] == r[1]:
        return num(r[0])
    return TRACE["range"].format(lo=num(r[0]), hi=num(r[1]))


# ---------------------------------------------------------------------------- ranges


def pt(x: Num) -> tuple[Decimal, Decimal]:
    """An exact amount as an interval."""
    d = Decimal(x)
    return (d, d)


def r_add(a: Range, b: Range) -> Range:
    if a is None or b is None:
        return None
    return (CTX.add(a[0], b[0]), CTX.add(a[1], b[1]))


def r_sub(a: Range, b: Range) -> Range:
    if a is None or b is None:
        return None
    return (CTX.subtract(a[0], b[1]), CTX.subtract(a[1], b[0]))


def r_mul(a: Range, b: Range) -> Range:
    if a is None or b is None:
        return None
    ps = [CTX.multiply(x, y) for x in a for y in b
          if not (x.is_infinite() and y == 0) and not (y.is_infinite() and x == 0)] or [ZERO]
    return (min(ps), max(ps))


def r_upto(a: Range) -> Range:
    """不超过 X: anything from 0 up to X."""
    return None if a is None else (ZERO, a[1])


def cap(base: Num, limit: Num, shown: str, trace: Trace) -> Num:
    """base 封顶 limit, noting the cap when it binds."""
    if base > limit:
        if trace is not None:
            trace.append(TRACE["cap"].format(shown=shown, base=num(base), limit=num(limit), out=num(limit)))
        return limit
    return base


def r_cap(base: Range, limit: Range, shown: str, trace: Trace) -> Range:
    if limit is None:
        return base
    if base is None:
        return (ZERO, limit[1])
    out = (min(base[0], limit[0]), min(base[1], limit[1]))
    if out != base and trace is not None:
        trace.append(TRACE["cap"].format(shown=shown, base=show(base), limit=show(limit), out=show(out)))
    return out


def lo(r: Range) -> Decimal | None:
    """What a comparison reads of an interval (its low end); None when undetermined."""
    return None if r is None else r[0]


def note(trace: Trace, text: str) -> None:
    if trace is not None:
        trace.append(text)


def then(_: None, value: T) -> T:
    """``value``, after the note written by the first argument (a tier chosen inside a formula)."""
    return value


def pick(chosen: str, first: Callable[[], T], *cases: tuple[str, Callable[[], T]]) -> T:
    """解读: the value of the case named ``chosen``, else of the first case (only the one computed)."""
    for name, value in cases:
        if name == chosen:
            return value()
    return first()


def pick_same(reading_id: str, adopted: str, first: Callable[[], T], *cases: tuple[str, Callable[[], T]]) -> T:
    """解读 of a condition or a text (nothing traced): when every case gives the same value, that
    value, without asking for a reading (the result does not depend on it); else as :func:`pick`."""
    value = first()
    for _, other in cases:
        if other() != value:
            return pick(reading(reading_id, adopted), lambda: value, *cases)
    return value


def r_compare(op: str, a: Range, b: Range) -> bool:
    """A comparison involving an interval reads its low end; undetermined compares false."""
    if a is None or b is None:
        return False
    x, y = a[0], b[0]
    if op == "==":
        return x == y
    if op == "!=":
        return x != y
    if op == ">=":
        return x >= y
    if op == "<=":
        return x <= y
    return x > y if op == ">" else x < y


# ---------------------------------------------------------------------------- text


def text_key(text: str, fold: Mapping[int, str]) -> str:
    """The form in which text facts are compared: NFKC (full-width -> half-width), no
    whitespace, Traditional -> Simplified through ``fold``; spellings that differ only in
    script, width or spaces have the same key."""
    if text.isascii():
        return text if text.isidentifier() else "".join(text.split())
    return "".join(unicodedata.normalize("NFKC", text).split()).translate(fold)


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return text_key(text, TEXT_FOLD)


def key(text: str | None) -> str | None:
    """The text key of a fact's value with this policy's table; None stays None (absent)."""
    return None if text is None else _key(text)


def key_in(text: str | None, keys: frozenset[str]) -> bool:
    """Whether a text fact's value is one of the listed values (compared by key); absent: no."""
    return text is not None and _key(text) in keys


class ResultNote(str):
    """A note of a calculation for people: the Chinese text itself, which also knows its ``kind``
    (``before_start``, ``after_end``, ``events``, ``validity_open``, ``requirement_failed``,
    ``excluded``, ``unlisted``, ``unlisted_open``, ``parameter``) and the article, fact and value it is about."""

    kind: str
    data: Mapping[str, str]

    def __new__(cls, text: str, kind: str, **data: str) -> ResultNote:
        self = super().__new__(cls, text)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "data", MappingProxyType(data))
        return self

    # read-only: a constant note, or the note for one unlisted value, is one object shared by
    # every result that has it
    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a note is read-only: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a note is read-only: cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, tuple[str, str, dict[str, str]]]:
        return _result_note, (str(self), self.kind, dict(self.data))

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": str(self), **self.data}


def _result_note(text: str, kind: str, data: dict[str, str]) -> ResultNote:
    return ResultNote(text, kind, **data)


def note_dict(x: str) -> dict[str, str]:
    return x.to_dict() if isinstance(x, ResultNote) else {"kind": "note", "text": str(x)}


def unlisted(f: Mapping[str, Any], lists: Sequence[tuple[str, str, frozenset[str], bool, str]],
             notes: list[str]) -> None:
    """Note each text fact whose value is in none of the policy's lists for it."""
    for fact, label, keys, is_open, articles in lists:
        v = f[fact]
        if isinstance(v, str) and _key(v) not in keys:
            notes.append(_unlisted_note(fact, label, v, is_open, articles))


@lru_cache(maxsize=1024)
def _unlisted_note(fact: str, label: str, value: str, is_open: bool, articles: str) -> ResultNote:
    """The note for an unlisted value (made once per value: notes are never changed)."""
    kind = "unlisted_open" if is_open else "unlisted"
    return ResultNote(TRACE[kind].format(label=label, value=value, articles=articles), kind,
                      fact=fact, value=value, articles=articles)


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


class FactSpec:
    """What one fact accepts. kind: bool | money | rate | int | enum | text."""

    __slots__ = ("absent", "default", "high", "kind", "label", "low", "name", "required", "values")

    def __init__(self, name: str, kind: str, label: str, low: Any = None, high: Any = None,
                 values: tuple[str, ...] = (), required: bool = False, default: Any = None) -> None:
        self.name, self.kind, self.label = name, kind, label
        self.low: Any = 0 if low is None and kind == "int" else low
        self.high: Any
        self.high = (MAX_COUNT if high is None else min(high, MAX_COUNT)) if kind == "int" else high
        if kind == "rate":  # the declared range (decimal strings), else 0 to 1
            self.low = Decimal(str(low)) if low is not None else Decimal(0)
            self.high = Decimal(str(high)) if high is not None else Decimal(1)
        self.values, self.required, self.default = values, required, default
        if default is not None:
            self.absent: Any = default
        else:  # false, 0, 0 元; text and enums stay absent (None)
            self.absent = {"bool": False, "money": 0, "rate": 0, "int": 0}.get(kind)

    def __repr__(self) -> str:
        return f"FactSpec({self.name!r}, {self.kind!r})"


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
    """Parse a profile's JSON text with exact decimals within the limits: size and nesting
    checked before parsing; over-long numbers, NaN and Infinity kept for validation to refuse
    (naming the field); duplicate keys refused."""
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
    m = MESSAGES
    if isinstance(value, bool):
        return m["money_bool"]
    if isinstance(value, int):
        if value >= MONEY_LIMIT:
            return m["money_limit"].format(limit=MONEY_LIMIT)
        d = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return m["money_not_finite"]
        d = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            return m["money_not_finite"]
        d = value
    elif isinstance(value, str):
        if not (_RATE_STR if rate else _MONEY_STR).match(value):
            return m["rate_text" if rate else "money_text"].format(got=_show(value[:40]))
        d = Decimal(value)
    else:
        return m["money_type"].format(got=_show(value))
    if d < 0:
        return m["money_negative"].format(value=d)
    if d >= MONEY_LIMIT:
        return m["money_limit"].format(limit=MONEY_LIMIT)
    try:
        if d != d.quantize(FEN, context=CTX):
            return m["money_fen"].format(value=d)
    except InvalidOperation:
        return m["money_too_large"].format(value=d)
    return d


def _plain(x: Decimal) -> str:
    text = format(x.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _ratio(value: object, spec: FactSpec) -> Decimal | str:
    """A ratio: exact, at most RATE_DIGITS decimals, within the fact's declared range."""
    m = MESSAGES
    if isinstance(value, bool):
        return m["rate_bool"]
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return m["rate_not_finite"]
        d = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            return m["rate_not_finite"]
        d = value
    elif isinstance(value, str):
        if not _RATE_STR.match(value):
            return m["rate_text"].format(got=_show(value[:40]))
        d = Decimal(value)
    else:
        return m["rate_type"].format(got=_show(value))
    if not spec.low <= d <= spec.high:
        return m["rate_range"].format(low=_plain(spec.low), high=_plain(spec.high), value=d)
    if d != d.quantize(Decimal(1).scaleb(-RATE_DIGITS), context=CTX):
        return m["rate_digits"].format(value=d)
    return d


def _date(value: object) -> str:
    """A date fact as its ISO text (YYYY-MM-DD), or the reason it is rejected (prefixed "!")."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        d = value
    elif isinstance(value, str) and _DATE_STR.match(value):
        try:
            d = dt.date.fromisoformat(value)
        except ValueError:
            return "!" + MESSAGES["date_invalid"].format(value=value)
    else:
        return "!" + MESSAGES["date"].format(got=_show(value[:40] if isinstance(value, str) else value))
    if not DATE_YEARS[0] <= d.year <= DATE_YEARS[1]:
        return "!" + MESSAGES["date_range"].format(low=DATE_YEARS[0], high=DATE_YEARS[1], value=d.isoformat())
    return d.isoformat()


def _integer(value: object, spec: FactSpec) -> int | str:
    m = MESSAGES
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return m["int_type"].format(got=_show(value))
    if isinstance(value, float) and not math.isfinite(value):
        return m["int_not_finite"]
    if isinstance(value, Decimal) and not value.is_finite():
        return m["int_not_finite"]
    # the bounds first: comparing is cheap even for 1E+999999999, converting is not
    if value < spec.low:
        return m["int_below"].format(value=value, low=spec.low)
    if value > spec.high:
        return m["int_above"].format(value=value, low=spec.low, high=spec.high)
    if not isinstance(value, int):
        if value != int(value):
            return m["int_fraction"].format(value=value)
        value = int(value)  # an integral decimal (4.0, 1E+6) is an integer
    return value


def _check(spec: FactSpec, value: object) -> tuple[Any, str | None]:
    """The normalised value, or the reason it is rejected."""
    if isinstance(value, NumberToken):
        return None, value.reason
    kind = spec.kind
    if kind == "bool":
        return value, None if isinstance(value, bool) else MESSAGES["bool"].format(got=_show(value))
    if kind == "money":
        r = _money(value)
        return (None, r) if isinstance(r, str) else (r, None)
    if kind == "rate":
        q = _ratio(value, spec)
        return (None, q) if isinstance(q, str) else (q, None)
    if kind == "date":
        day = _date(value)
        return (None, day[1:]) if day.startswith("!") else (day, None)
    if kind == "int":
        i = _integer(value, spec)
        return (None, i) if isinstance(i, str) else (i, None)
    if kind == "enum":
        if isinstance(value, str) and value in spec.values:
            return value, None
        return None, MESSAGES["enum"].format(values=", ".join(spec.values), got=_show(value))
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            return None, MESSAGES["text_too_long"].format(n=len(value), max=MAX_TEXT_CHARS)
        return value, None
    return None, MESSAGES["text"].format(got=_show(value))


class Fields:
    """A policy's field table, indexed once: what each name accepts and what an absent one takes."""

    def __init__(self, facts: Sequence[FactSpec], vocabulary: Sequence[FactSpec]) -> None:
        self.declared = {f.name: f for f in facts}
        self.known = {**{f.name: f for f in vocabulary}, **self.declared}
        self.names = sorted(self.known)
        self.defaults = {f.name: f.absent for f in facts}
        self.required = tuple(f for f in facts if f.required)

    def validate(self, profile: object) -> FactValues:
        """The fact values of ``profile`` (absent ones defaulted)."""
        if type(profile) is not dict and not isinstance(profile, Mapping):
            raise ProfileError([("", MESSAGES["not_object"])])
        out = dict(self.defaults)
        known = self.known
        errors: list[tuple[str, str]] = []
        for key, v in profile.items():
            spec = known.get(key)
            if spec is None:
                if not isinstance(key, str):
                    errors.append((str(key), MESSAGES["key_not_text"]))
                    continue
                close = difflib.get_close_matches(key, self.names, n=1)
                hint = MESSAGES["unknown_hint"].format(close=close[0]) if close else ""
                errors.append((key, MESSAGES["unknown"].format(key=key, hint=hint)))
                continue
            kind = spec.kind
            t = v.__class__
            # the common cases first, without a call
            if t is bool:
                ok = kind == "bool"
            elif t is int:
                ok = v >= 0 and ((kind == "money" and v < MONEY_LIMIT)
                                 or (kind == "int" and spec.low <= v <= spec.high))
            elif t is str:
                ok = (kind == "text" and len(v) <= MAX_TEXT_CHARS) or (kind == "enum" and v in spec.values)
            else:
                ok = False
            if ok:
                checked: Any = v
            else:
                checked, why = _check(spec, v)
                if why is not None:
                    errors.append((key, why))
                    continue
            if key in out:  # a vocabulary fact the policy does not read is checked, then dropped
                out[key] = checked
        for f in self.required:
            if f.name not in profile:
                errors.append((f.name, MESSAGES["required"].format(name=f.name, label=f.label)))
        if errors:
            raise ProfileError(errors)
        return out


def parse_on(on: dt.date | str | None) -> dt.date:
    if type(on) is dt.date:
        return on
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


# ---------------------------------------------------------------------------- items and results

SOURCE_ORDER = ("central", "province", "city", "county", "unspecified")


class Funding:
    """Who pays an item: exact shares (the last takes the remainder), unspecified, or nobody."""

    __slots__ = ("kind", "note", "shares")

    def __init__(self, kind: str, shares: tuple[tuple[str, Decimal], ...], note: str) -> None:
        self.kind, self.shares, self.note = kind, shares, note

    def split(self, amount: Decimal | None) -> dict[str, Decimal]:
        if amount is None or self.kind == "none":
            return {}
        if not self.shares:
            return {"unspecified": amount}
        out: dict[str, Decimal] = {}
        rest = amount
        last = len(self.shares) - 1
        for i, (src, frac) in enumerate(self.shares):
            part = rest if i == last else fen(frac * amount)
            out[src] = out.get(src, ZERO) + part
            rest -= part
        return out


class Item:
    """A support item's constant facts: id, article, title, beneficiary, trace heading, funding."""

    __slots__ = ("article", "beneficiary", "funding", "heading", "id", "title")

    def __init__(self, id: str, article: str, title: str, beneficiary: str | None, heading: str,
                 funding: Funding) -> None:
        self.id, self.article, self.title, self.beneficiary = id, article, title, beneficiary
        self.heading, self.funding = heading, funding


class Live:
    """An item that applies: its amount (None: undetermined) and what remains after the caps."""

    __slots__ = ("after", "amount", "item", "trace")

    def __init__(self, item: Item, amount: Range, trace: Trace) -> None:
        self.item, self.amount, self.trace = item, amount, trace
        self.after = amount if amount is not None else (ZERO, INF)


def _amount_line(a: Decimal, b: Decimal, trace: list[str], shown: str,
                 where: Sequence[tuple[str, str | None]]) -> None:
    amount = show((a, b))
    parts = [TRACE["where_part"].format(name=k, value=v) for k, v in where if v is not None]
    if parts:
        trace.append(TRACE["amount_where"].format(shown=shown, amount=amount, where=TRACE["where_sep"].join(parts)))
    else:
        trace.append(TRACE["amount"].format(shown=shown, amount=amount))


def exact(value: Num, trace: Trace, shown: str, where: Sequence[tuple[str, str | None]] = (),
          cents: bool = False) -> Range:
    """An item's exact amount rounded down to the fen (never below 0), traced.

    ``cents``: the value is known to have at most two decimals (no rounding needed).
    """
    a = (value if value.__class__ is Decimal else Decimal(value)) if cents else fen(value)
    if a < 0:
        a = ZERO
        note(trace, TRACE["negative"])
    if trace is not None:
        _amount_line(a, a, trace, shown, where)
    return (a, a)


def rounded(value: Range, trace: Trace, shown: str, whole: str,
            where: Sequence[tuple[str, str | None]] = (), cents: bool = False) -> Range:
    """An item's amount rounded down to the fen at both ends (never below 0), traced.

    ``cents``: both ends are known to have at most two decimals (no rounding needed).
    """
    if value is None:
        if trace is not None:
            trace.append(TRACE["undetermined"].format(shown=whole))
        return None
    if cents:
        a, b = value
        if a.__class__ is not Decimal:
            a = Decimal(a)
        if b.__class__ is not Decimal:
            b = Decimal(b)
    else:
        a = fen(value[0])
        b = a if value[1] is value[0] else fen(value[1])
    if a < 0 or b < 0:  # either end: 不超过 a negative difference gives 0 .. -x
        a, b = max(a, ZERO), max(b, ZERO)
        note(trace, TRACE["negative"])
    if trace is not None:
        _amount_line(a, b, trace, shown, where)
    return (a, b)


def exclude(exclusions: list[str], notes: list[str], article: str, text: str, kind: str = "excluded") -> None:
    """A requirement not met (``kind`` requirement_failed) or an exclusion that applies: the
    article (once) and the reason."""
    if article not in exclusions:
        exclusions.append(article)
    notes.append(ResultNote(text, kind, article=article))


def show_r(r: Range) -> str | None:
    """A range-shaped definition in the trace's “where”: left out when undetermined."""
    return None if r is None else show(r)


def run(item: Item, amount: Callable[..., Range], f: Any, trace: bool) -> Live:
    """Compute an applying item's amount (``amount(f, trace)``), with its trace when wanted."""
    t: Trace = [item.heading] if trace else None
    r = amount(f, t)
    if t is not None:
        t.append(item.funding.note)
    return Live(item, r, t)


# What one cross-item cap did to one item: (cap id, article, item id, limit, before, after).
Cut = tuple[str, str, str, tuple[Decimal, Decimal], tuple[Decimal, Decimal], tuple[Decimal, Decimal]]


def cross_cap(article: str, shown: str, limit: Range, members: list[Live], cuts: list[Cut], cap: str) -> None:
    """A cumulative cap over ``members``: each keeps its minimum first (in order, under the cap's
    minimum), then the headroom under the cap's maximum goes out in order; later ones are cut first."""
    if members and limit is not None:
        _fill(article, shown, (fen(limit[0]), fen(limit[1])), members, cuts, cap)


def _fill(article: str, shown: str, lim: tuple[Decimal, Decimal], members: list[Live], cuts: list[Cut],
          cap: str) -> None:
    first = room = lim[0] if lim[0] > 0 else ZERO
    lows = []
    for x in members:
        low = x.after[0]
        if low > room:
            low = room
        room -= low
        lows.append(low)
    spare = lim[1] - (first - room)  # the headroom above the minimums kept
    if spare < 0:
        spare = ZERO
    for i, x in enumerate(members):
        low = lows[i]
        a, b = before = x.after
        if not spare:
            high = low
        else:
            extra = b - low
            if extra > spare:  # cut to the headroom left
                high, spare = low + spare, ZERO
            else:
                high = b
                spare -= extra
        if x.trace is not None:
            if x.amount is not None and (low != a or high != b):
                c1, c2 = sorted((a - low, b - high))
                x.trace.append(TRACE["cross_cap_cut"].format(article=article, limit=show(lim), shown=shown,
                                                             cut=show((c1, c2)), after=show((low, high))))
            elif x.amount is None and high.is_finite():
                x.trace.append(TRACE["cross_cap_most"].format(article=article, limit=show(lim), most=fmt(high)))
        x.after = (low, high)
        cuts.append((cap, article, x.item.id, lim, before, x.after))


def cross_cap_exact(article: str, shown: str, limit: Num, members: list[Live], cuts: list[Cut], cap: str) -> None:
    """A cumulative cap whose limit is one exact amount."""
    if members:
        lim = fen(limit)
        _fill(article, shown, (lim, lim), members, cuts, cap)


def _pair(r: tuple[Decimal, Decimal]) -> dict[str, str | None]:
    return {"min": fmt(r[0]), "max": fmt(r[1])}


def cut_dict(c: Cut) -> dict[str, Any]:
    return {"cap": c[0], "article": c[1], "item": c[2], "limit": _pair(c[3]), "before": _pair(c[4]),
            "after": _pair(c[5])}


class PaymentResult:
    __slots__ = ("_max", "_min", "article", "stage")

    def __init__(self, article: str, stage: str, min: Decimal | None, max: Decimal | None) -> None:
        self.article, self.stage, self._min, self._max = article, stage, min, max

    @property
    def min(self) -> Decimal | None:
        """The least this stage pays (two decimals when read)."""
        return cents(self._min)

    @property
    def max(self) -> Decimal | None:
        """The most this stage pays (two decimals when read)."""
        return cents(self._max)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PaymentResult) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"PaymentResult({self.article!r}, {self.stage!r}, {self.min!r}, {self.max!r})"

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "stage": self.stage, "min": fmt(self.min), "max": fmt(self.max)}


def payments(article: str, stages: Sequence[tuple[str, str, Decimal | Range]], members: list[Live]
             ) -> list[PaymentResult]:
    """A payment schedule over the determined ``members``, its stages paid in order.

    Each stage is (name, kind, share): ``share`` (至多 X%) pays 0 up to X% of the base and never
    more than the base; ``undetermined`` (至多 未定) pays 0 up to the whole base; ``amount`` (至多 an
    amount from another base, its own cap: ``share`` is that amount's Range) pays 0 up to it,
    rounded down to the fen and never below 0 (None: as undetermined); ``rest`` (余额)
    pays what the earlier stages left, at most the base and at least the least left at any base
    (compiler/evaluate/runtime.py ``_payments``): after at most one share, what is left at the lowest
    base; after two or more, the lowest base less each share of it not rounded, less the amounts,
    rounded down to the fen. So the stages add up to the base and never to more.
    """
    base_lo = base_hi = ZERO
    determined = False
    for x in members:
        if x.amount is not None:
            determined = True
            base_lo += x.after[0]
            base_hi += x.after[1]
    if not determined:
        return []
    out = []
    left_lo = left_any = base_lo  # left at the lowest base: shares rounded down; not rounded
    shares = 0
    for name, kind, share in stages:
        if kind == "rest":
            out.append(PaymentResult(article, name, left_lo if shares <= 1 else fen(left_any), base_hi))
            left_lo = left_any = ZERO
        elif kind == "amount" and isinstance(share, tuple):
            most = fen(share[1])
            if most < 0:
                most = ZERO
            left_lo, left_any = max(left_lo - most, ZERO), max(left_any - most, ZERO)
            out.append(PaymentResult(article, name, ZERO, min(most, base_hi)))
        elif kind in ("undetermined", "amount") or not isinstance(share, Decimal):
            out.append(PaymentResult(article, name, ZERO, base_hi))
            left_lo = left_any = ZERO
        else:
            shares += 1
            left_lo = max(left_lo - fen(share * base_lo), ZERO)
            left_any = max(left_any - share * base_lo, ZERO)
            out.append(PaymentResult(article, name, ZERO, min(fen(share * base_hi), base_hi)))
    return out


def _ordered(funding: Mapping[str, Decimal]) -> dict[str, str]:
    return {k: fmt(funding[k]) or "0.00" for k in SOURCE_ORDER if k in funding}


class ItemResult:
    """One support item that applies: its amount before cross-item caps, who pays, the trace."""

    __slots__ = ("_funding", "_result", "_trace", "article", "id", "max", "min", "title")

    def __init__(self, live: Live, result: Result) -> None:
        it, amount = live.item, live.amount
        self.id, self.article, self.title = it.id, it.article, it.title
        self.min = cents(amount[0]) if amount is not None else None  # None: undetermined
        self.max = cents(amount[1]) if amount is not None else None
        self._funding = it.funding
        self._trace = live.trace
        self._result = result

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ItemResult) and (self.id, self.article, self.title, self.min, self.max) == (
            other.id, other.article, other.title, other.min, other.max)

    def __repr__(self) -> str:
        return f"ItemResult({self.id!r}, {self.article!r}, {self.title!r}, {self.min!r}, {self.max!r})"

    @property
    def funding(self) -> dict[str, Decimal]:
        """Who pays this item's amount (before cross-item caps), by source."""
        return self._funding.split(self.max)

    @property
    def trace(self) -> tuple[str, ...]:
        """Every article applied and every cap that bound, in order (Chinese); computed when asked."""
        if self._trace is None:
            self._result.explain()
        return tuple(self._trace or ())

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article": self.article, "title": self.title,
                "min": fmt(self.min), "max": fmt(self.max),
                "funding": _ordered(self.funding), "trace": list(self.trace)}


class Result:
    """The result of one calculation; ``to_dict()`` is the structure of ``policyc calc --format json``."""

    __slots__ = (
        "_cuts",
        "_items",
        "_live",
        "_readings",
        "_rerun",
        "_total_hi",
        "_total_lo",
        "as_of",
        "excluded",
        "exclusions",
        "in_force",
        "notes",
        "payments",
        "policy",
    )

    def __init__(self, policy: str, as_of: dt.date, in_force: bool, exclusions: Sequence[str],
                 live: Sequence[Live], notes: Sequence[str], schedules: Sequence[PaymentResult] = (),
                 rerun: Any = None, cuts: Sequence[Cut] = ()) -> None:
        self.policy, self.as_of, self.in_force = policy, as_of, in_force
        self._cuts = tuple(cuts)  # every cross-item cap on every item in its scope, in order
        self._readings: Any = None  # see span(): (table, runs), made into the table when read
        self.excluded = bool(exclusions)
        self.exclusions = tuple(exclusions)
        self.notes = tuple(notes)  # validity and exclusion reasons, for people
        total_lo = total_hi = ZERO
        for x in live:
            total_lo += x.after[0]
            total_hi += x.after[1]
        self._total_lo, self._total_hi = total_lo, total_hi  # two decimals when read (total_min/max)
        self.payments = tuple(schedules)
        self._live = live
        self._items: tuple[ItemResult, ...] | None = None
        self._rerun = rerun  # computes the same result with traces

    @property
    def total_min(self) -> Decimal:
        """The total after every cap, at least (two decimals)."""
        return fen(self._total_lo)

    @property
    def total_max(self) -> Decimal | None:
        """The total after every cap, at most (two decimals); None when a cap leaves it undetermined."""
        return fen(self._total_hi) if self._total_hi.is_finite() else None

    @property
    def cuts(self) -> tuple[Cut, ...]:
        """What each cumulative cap did to each item in its scope, in order; the amounts with two
        decimals as everywhere (made so when read: the calculation keeps them as they came)."""
        return tuple((*c[:4], cents_pair(c[4]), cents_pair(c[5])) for c in self._all_cuts())

    def _all_cuts(self) -> tuple[Cut, ...]:
        return self._cuts

    @property
    def items(self) -> tuple[ItemResult, ...]:
        """The support items that apply, in the policy's order."""
        if self._items is None:
            self._items = tuple(ItemResult(x, self) for x in self._live)
        return self._items

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Result) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"Result({self.policy!r}, {self.as_of!r}, total=({self.total_min}, {self.total_max}))"

    def explain(self) -> None:
        """Fill in every item's trace (computed again, this time with the trace)."""
        if self._rerun is not None:
            calc, facts, on = self._rerun
            with localcontext(CTX):
                traced = calc(facts, on, True)
            for i, mine in enumerate(self.items):
                mine._trace = traced.items[i]._trace
            self._rerun = None

    @property
    def funding(self) -> dict[str, Decimal]:
        """Who pays the total (after every cap), by source; ``unspecified`` when not stated."""
        out: dict[str, Decimal] = {}
        for x in self._live:  # an undetermined item counts with what a cap leaves it
            if not x.after[1].is_finite():
                continue
            for src, part in x.item.funding.split(x.after[1]).items():
                out[src] = out.get(src, ZERO) + part
        return {k: fen(v) for k, v in out.items() if v != 0}

    def item(self, item_id: str) -> ItemResult | None:
        for i in self.items:
            if i.id == item_id:
                return i
        return None

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
            "cuts": [cut_dict(c) for c in self.cuts],
            **({"readings": list(self.readings)} if self.readings is not None else {}),
        }

    @property
    def readings(self) -> tuple[dict[str, Any], ...] | None:
        """For a policy with readings (解读): each 解读 and the result under each reading (see span())."""
        if isinstance(self._readings, list):
            table, runs = self._readings
            self._readings = _reading_table(table, runs or [(c, self) for c in combinations(table)])
        return self._readings  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------- readings (解读)

# (id, article, quoted words, adopted, items affected, ((name, label), ...)) for each 解读
ReadingTable = tuple[tuple[str, str, str, str, tuple[str, ...], tuple[tuple[str, str], ...]], ...]


# The calculation under way: the readings it takes (解读 id -> 读法 name; absent: the adopted
# one) and the 解读 whose reading it asked for. None: every 解读 as adopted, nobody counting.
_TAKEN: ContextVar[tuple[Mapping[str, str], set[str]] | None] = ContextVar("policyc_readings", default=None)


def reading(reading_id: str, adopted: str) -> str:
    """The reading of ``reading_id`` the current calculation takes."""
    taken = _TAKEN.get()
    if taken is None:
        return adopted
    taken[1].add(reading_id)
    return taken[0].get(reading_id, adopted)


def _under(choice: Mapping[str, str], calc: Callable[[Any, dt.date, bool], Result], facts: Any, on: dt.date,
           trace: bool) -> tuple[Result, set[str]]:
    """``calc(facts, on, trace)`` under the readings ``choice``, and the 解读 it asked for."""
    asked: set[str] = set()
    token = _TAKEN.set((choice, asked))
    try:
        return calc(facts, on, trace), asked
    finally:
        _TAKEN.reset(token)


def combinations(table: ReadingTable) -> list[dict[str, str]]:
    """Every combination of readings: the adopted one first, then in the order written."""
    made = _COMBINATIONS.get(id(table))
    if made is not None and made[0] is table:
        return made[1]
    adopted = {r[0]: r[3] for r in table}
    out = [adopted]
    for combo in itertools.product(*[[(r[0], name) for name, _ in r[5]] for r in table]):
        choice = dict(combo)
        if choice != adopted:
            out.append(choice)
    _COMBINATIONS[id(table)] = (table, out)
    return out


_COMBINATIONS: dict[int, tuple[ReadingTable, list[dict[str, str]]]] = {}


def _lowest(values: Sequence[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _highest(values: Sequence[Decimal | None]) -> Decimal | None:
    return None if any(v is None for v in values) else max(v for v in values if v is not None)


class SpannedItem(ItemResult):
    """An item of a result that spans every reading: its lowest minimum and highest maximum; its
    funding splits the maximum, its trace is that of ``base`` (the adopted readings' item, else
    the first under which it applies)."""

    __slots__ = ("_base",)

    def __init__(self, base: ItemResult, lo: Decimal | None, hi: Decimal | None) -> None:
        self._base = base
        self.id, self.article, self.title = base.id, base.article, base.title
        self.min, self.max = cents(lo), cents(hi)  # 0.00, not 0, where absent under some reading
        self._funding, self._result, self._trace = base._funding, base._result, None

    @property
    def trace(self) -> tuple[str, ...]:
        """The trace under the adopted readings (else the first reading under which it applies)."""
        return self._base.trace


class SpannedResult(Result):
    """A result that spans every combination of readings, as ``policyc calc`` reports it (the
    reference ``runtime.span_results``): totals and items from the lowest minimum to the highest
    maximum, funding of the combination that pays the most, and ``readings``.

    The totals and ``excluded`` are worked out at once; the items, payments, cuts, exclusions
    and notes when one of them is first read (:meth:`_merge`)."""

    __slots__ = ("_order", "_results")

    def __init__(self, table: ReadingTable, runs: Sequence[tuple[Mapping[str, str], Result]],
                 order: Sequence[str], results: Sequence[Result]) -> None:
        """``runs``: each combination of readings and its result; ``results``: each distinct
        result once, the adopted combination's first."""
        first = results[0]
        self.policy, self.as_of, self.in_force = first.policy, first.as_of, first.in_force
        low, high, excluded = first.total_min, first.total_max, first.excluded
        for r in results[1:]:
            low = min(low, r.total_min)
            high = None if high is None or r.total_max is None else max(high, r.total_max)
            excluded = excluded and r.excluded
        self._total_lo, self._total_hi, self.excluded = low, INF if high is None else high, excluded
        self._results, self._order = results, order
        self._items = None
        self._live = ()
        self._rerun = None
        self._readings = [table, runs]

    def __getattr__(self, name: str) -> Any:
        """``payments``, ``exclusions`` and ``notes``, merged when first read."""
        if name in ("payments", "exclusions", "notes") and self._items is None:
            self._merge()
            return getattr(self, name)
        raise AttributeError(name)

    def _all_cuts(self) -> tuple[Cut, ...]:
        """The cuts, merged when first read (:meth:`_merge`)."""
        if self._items is None:
            self._merge()
        return self._cuts

    @property
    def items(self) -> tuple[ItemResult, ...]:
        return self._items if self._items is not None else self._merge()

    def _merge(self) -> tuple[ItemResult, ...]:
        """Work out the items, payments, cuts, exclusions and notes over the readings' results
        (the reference ``span_results``); returns the items."""
        results, nil = self._results, (ZERO, ZERO)
        by_id = [{i.id: i for i in r.items} for r in results]
        items: list[ItemResult] = []
        for iid in self._order:
            got = [found.get(iid) for found in by_id]
            present = [i for i in got if i is not None]
            if not present:
                continue
            base = got[0] or present[0]
            if any(i.min is None or i.max is None for i in present):
                items.append(SpannedItem(base, None, None))
            else:
                items.append(SpannedItem(base, _lowest([ZERO if i is None else i.min for i in got]),
                                         _highest([ZERO if i is None else i.max for i in got])))
        pays = []
        stages = [{(p.article, p.stage): p for p in r.payments} for r in results]
        for article, stage in dict.fromkeys(k for found in stages for k in found):
            ps = [found.get((article, stage)) for found in stages]
            pays.append(PaymentResult(article, stage, _lowest([ZERO if p is None else p.min for p in ps]),
                                      _highest([ZERO if p is None else p.max for p in ps])))
        cuts: list[Cut] = []
        each = [{(c[0], c[2]): c for c in r.cuts} for r in results]
        for cap_id, item_id in dict.fromkeys(k for found in each for k in found):
            cs = [found.get((cap_id, item_id)) for found in each]
            some = [c for c in cs if c is not None]
            cuts.append((cap_id, some[0][1], item_id, _spread([c[3] for c in some]),
                         cents_pair(_spread([nil if c is None else c[4] for c in cs])),
                         cents_pair(_spread([nil if c is None else c[5] for c in cs]))))
        self._items = spanned = tuple(items)
        self.payments = tuple(pays)
        self._cuts = tuple(cuts)
        self.exclusions = tuple(dict.fromkeys(a for r in results for a in r.exclusions)) if self.excluded else ()
        notes = list(results[0].notes)
        seen = {_note_key(x) for x in notes}
        for r in results[1:]:
            for x in r.notes:
                if _note_key(x) not in seen:
                    seen.add(_note_key(x))
                    notes.append(x)
        self.notes = tuple(notes)
        return spanned

    @property
    def funding(self) -> dict[str, Decimal]:
        """Who pays under the combination of readings that pays the most (the adopted one first
        among equals)."""
        top = max(self._results, key=lambda r: (1, ZERO) if r.total_max is None else (0, r.total_max))
        with localcontext(CTX):  # sums of funding: exact whatever the caller's context
            return top.funding

    def explain(self) -> None:
        for i in self.items:
            i._result.explain()


def _spread(parts: Sequence[tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal]:
    return (min(x[0] for x in parts), max(x[1] for x in parts))


def _note_key(x: str) -> object:
    """Notes of other readings are added when new: an unlisted value once per fact (the readings
    may list different articles), any other note once per text."""
    return (x.kind, x.data.get("fact")) if isinstance(x, ResultNote) and x.kind.startswith("unlisted") else str(x)


def _reading_table(table: ReadingTable, runs: Sequence[tuple[Mapping[str, str], Result]]
                   ) -> tuple[dict[str, Any], ...]:
    """Each 解读: its article, quoted words, adopted reading and items affected, and for each
    reading (the others as adopted) the total, funding, exclusions and items."""
    adopted = runs[0][0]
    out = []
    with localcontext(CTX):
        for rid, article, quote, chosen, affects, options in table:
            per: dict[str, Any] = {}
            for name, label in options:
                want = {**adopted, rid: name}
                r = next(res for choice, res in runs if dict(choice) == want)
                per[name] = {"label": label, "excluded": r.excluded, "exclusions": list(r.exclusions),
                             "total": {"min": fmt(r.total_min), "max": fmt(r.total_max)},
                             "funding": _ordered(r.funding),
                             "items": {i.id: {"min": fmt(i.min), "max": fmt(i.max)} for i in r.items},
                             "cuts": [cut_dict(c) for c in r.cuts]}
            out.append({"id": rid, "article": article, "quote": quote, "adopted": chosen,
                        "affects": list(affects), "results": per})
    return tuple(out)



# 参数 (policy parameters) and 约束 (constraints between facts), as compiler.evaluate.runtime.
PARAM_RATE_PATTERN: str = ""
_PARAM_RATE = re.compile(PARAM_RATE_PATTERN)
_MILLIONTH = Decimal("0.000001")


def _param_value(kind: str, label: str, value: object) -> tuple[Any, str | None]:
    """A supplied parameter value, normalised, or the reason it is rejected."""
    if kind == "money":
        m = _money(value)
        return (None, m) if isinstance(m, str) else (m, None)
    if kind == "int":
        return _check(FactSpec("", "int", label, 0, MAX_COUNT), value)
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
    if d is not None and not (-1 <= d <= 1 and d == d.quantize(_MILLIONTH)):
        d = None
    if d is None:
        return None, MESSAGES["param_rate"].format(got=_show(value[:40] if isinstance(value, str) else value))
    return d, None


def bind_parameters(table: Sequence[tuple[str, str, str, Decimal | None, str]], given: object,
                    f: Any) -> list[str]:
    """Put each parameter's value into ``f`` (supplied, else stated by the text) and return the
    notes saying which values the calculation takes; an unstated parameter not supplied, an
    unknown one or a bad value is a ProfileError naming it. ``table``: (name, kind, label,
    stated value or None, “原文…规定”)."""
    if given is None:
        given = {}
    if not isinstance(given, Mapping):
        raise ProfileError([("parameters", MESSAGES["parameters_not_object"])])
    names = {row[0] for row in table}
    errors = [(str(k), MESSAGES["param_unknown"].format(name=k)) for k in given if k not in names]
    notes: list[str] = []
    for name, kind, label, stated, source in table:
        if name in given:
            value, why = _param_value(kind, label, given[name])
            if why is not None:
                errors.append((name, why))
                continue
            source = TRACE["parameter_given"]
        elif stated is not None:
            value = stated
        else:
            errors.append((name, MESSAGES["param_missing"].format(name=name, label=label)))
            continue
        f[name] = value
        shown = str(int(value)) if kind == "int" else num(value)
        notes.append(ResultNote(TRACE["parameter"].format(label=label, name=name, value=shown, source=source),
                                "parameter", fact=name))
    if errors:
        raise ProfileError(errors)
    return notes


def check_constraints(broken: Sequence[tuple[bool, str, str]]) -> None:
    """Refuse a profile that breaks a 约束: (holds, field, message) per constraint, in order."""
    errors = [(name, message) for holds, name, message in broken if not holds]
    if errors:
        raise ProfileError(errors)


def span(calc: Callable[[Any, dt.date, bool], Result], table: ReadingTable, order: Sequence[str], facts: Any,
         on: dt.date) -> Result:
    """``calc(facts, on, False)`` under every combination of readings, as one :class:`SpannedResult`.

    Each calculation counts the 解读 it asks for. A combination that agrees with one already
    computed on every 解读 that one asked for has the same result (the calculation is the same up
    to the first reading that differs, and it never asked for one): it is not computed again.
    When every combination has the adopted one's result, that result spans them all as it is."""
    first, asked = _under({}, calc, facts, on, False)  # {}: every 解读 as adopted
    if not asked:  # no reading asked for: every combination gives this result, which spans them
        first._readings = [table, None]
        return first
    combos = combinations(table)
    done: list[tuple[Mapping[str, str], set[str], Result]] = [(combos[0], asked, first)]
    runs: list[tuple[Mapping[str, str], Result]] = [(combos[0], first)]
    for c in combos[1:]:
        same = next((r for choice, seen, r in done if all(choice[k] == c[k] for k in seen)), None)
        if same is None:
            same, seen = _under(c, calc, facts, on, False)
            if same._rerun is not None:  # its traces, computed again when read, keep its readings
                same._rerun = (_rerun_under(c, calc), facts, on)
            done.append((c, seen, same))
        runs.append((c, same))
    if len(done) == 1:
        first._readings = [table, runs]
        return first
    return SpannedResult(table, runs, order, [r for _, _, r in done])


def _rerun_under(choice: Mapping[str, str], calc: Callable[[Any, dt.date, bool], Result]
                 ) -> Callable[[Any, dt.date, bool], Result]:
    """``calc`` under the readings ``choice`` (the traces of a result computed under them); a
    partial of module functions, so that a result can be pickled and copied."""
    return partial(_rerun_with, dict(choice), calc)


def _rerun_with(choice: Mapping[str, str], calc: Callable[[Any, dt.date, bool], Result],
                f: Any, on: dt.date, trace: bool) -> Result:
    return _under(choice, calc, f, on, trace)[0]

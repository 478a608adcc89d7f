"""Validate an applicant profile against a policy's facts. A bad profile never yields a number.

Accepted values (the same rules as the generated calculators and the JSON Schema forms):

* money: a non-negative integer, a ``Decimal``, a finite float, or a decimal string such as
  ``"12000.50"``; at most two decimals (fen); never NaN, infinity, negative or a boolean.
* integer facts: an integer (or an integral number) within the fact's range; never a boolean.
* booleans: ``true``/``false`` only. Enums: one of the listed strings. Text: a string.
* unknown names are errors; ``null`` is not a value (omit the field instead).
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..model import nodes as n
from ..vocabulary import FACTS, default_for
from .money import Interval

_MONEY_STR = re.compile(r"\d+(\.\d{1,2})?")


class ProfileError(ValueError):
    """One or more fields of an applicant profile are invalid. ``errors`` lists (field, message)."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        self.errors = errors
        self.field = errors[0][0] if errors else ""
        super().__init__("; ".join(f"{f or '(profile)'}: {m}" for f, m in errors))


def load_json_profile(text: str) -> Any:
    """Parse JSON with exact decimals; reject NaN, Infinity and duplicate keys."""

    def constant(name: str) -> Any:
        raise ProfileError([("", f"不接受 {name}：金额必须是有限的数")])

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise ProfileError([(k, "字段重复出现")])
            out[k] = v
        return out

    try:
        return json.loads(text, parse_float=Decimal, parse_constant=constant,
                          object_pairs_hook=pairs)
    except json.JSONDecodeError as err:
        raise ProfileError([("", f"不是合法的 JSON：第 {err.lineno} 行第 {err.colno} 列，{err.msg}")]
                           ) from None


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
        return f"应为金额（元），收到 {type(value).__name__}"
    if d < 0:
        return f"金额不能为负数（收到 {d}）"
    try:
        if d != d.quantize(Decimal("0.01")):
            return f"金额最多两位小数（到分），收到 {d}"
    except InvalidOperation:
        return f"金额过大（收到 {d}）"
    return d


def _integer(value: object, ftype: n.FactType) -> int | str:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return f"应为整数，收到 {type(value).__name__}"
    if isinstance(value, float | Decimal):
        if not (math.isfinite(value) if isinstance(value, float) else value.is_finite()):
            return "应为整数（不接受 NaN 或无穷大）"
        if value != int(value):
            return f"应为整数，收到 {value}"
        value = int(value)
    if ftype.low is not None and value < ftype.low:
        return f"取值 {value} 小于下限 {ftype.low}"
    if ftype.high is not None and value > ftype.high:
        return f"取值 {value} 超出范围 {ftype.low}..{ftype.high}"
    return value


@dataclass(frozen=True)
class Bad:
    """A rejected value, with the reason in Chinese."""

    message: str


def check_value(ftype: n.FactType, value: object) -> object:
    """Return the normalised value, or :class:`Bad` with the reason."""
    if ftype.kind == "bool":
        return value if isinstance(value, bool) else Bad(f"应为 true 或 false，收到 {_show(value)}")
    if ftype.kind in ("money", "rate"):
        r = _money(value)
        if isinstance(r, str):
            return Bad(r)
        if ftype.kind == "rate" and r > 1:
            return Bad(f"比例应在 0 到 1 之间，收到 {r}")
        return r
    if ftype.kind == "int":
        i = _integer(value, ftype)
        return Bad(i) if isinstance(i, str) else i
    if ftype.kind == "enum":
        allowed = [v for v, _ in ftype.values]
        if isinstance(value, str) and value in allowed:
            return value
        return Bad(f"应为以下之一：{', '.join(allowed)}；收到 {_show(value)}")
    if isinstance(value, str):
        return value
    return Bad(f"应为文本，收到 {_show(value)}")


def _show(value: object) -> str:
    if isinstance(value, str):
        return f"“{value}”"
    if value is None:
        return "null"
    return type(value).__name__ if not isinstance(value, int | float | Decimal) else str(value)


def validate_profile(policy: n.Policy, profile: object) -> dict[str, object]:
    """Check ``profile`` and return the environment of fact values (absent facts defaulted).

    Money becomes an exact :class:`Interval`; integers become intervals too.
    """
    if not isinstance(profile, Mapping):
        raise ProfileError([("", "申请人信息必须是一个 JSON 对象（键为事实名称）")])
    declared = {f.name: f for f in policy.facts}
    errors: list[tuple[str, str]] = []
    values: dict[str, object] = {}
    for key in profile:
        if not isinstance(key, str):
            errors.append((str(key), "字段名必须是字符串"))
            continue
        value = profile[key]
        decl = declared.get(key)
        if decl is not None:
            ftype = decl.type
        elif key in FACTS:
            ftype = FACTS[key][0]
        else:
            known = sorted(set(declared) | set(FACTS))
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"；是否想写“{close[0]}”？" if close else ""
            errors.append((key, f"未知字段“{key}”：不在共享词汇中，本政策也未声明{hint}"))
            continue
        checked = check_value(ftype, value)
        if isinstance(checked, Bad):
            errors.append((key, checked.message))
        else:
            values[key] = checked
    for f in policy.facts:
        if f.required and f.name not in profile:
            errors.append((f.name, f"缺少必填字段“{f.name}”（{f.label}）"))
    if errors:
        raise ProfileError(errors)
    env: dict[str, object] = {}
    for f in policy.facts:
        v = values.get(f.name, f.default if f.default is not None else default_for(f.type))
        if f.type.kind in ("money", "rate", "int") and v is not None:
            v = Interval.exact(Decimal(v))  # type: ignore[arg-type]
        env[f.name] = v
    return env

"""Applicant profiles: JSON loading for the CLI, validation against a policy.

The accepted values are those of :func:`compiler.evaluate.runtime.check_value` (shared with
the generated calculators and mirrored by the JSON Schema forms):

* money: a non-negative integer, ``Decimal``, finite float or decimal string such as
  ``"12000.50"``, at most two decimals; never NaN, infinity, negative or a boolean;
* integer facts: an integer (or integral number) within the fact's range; never a boolean;
* booleans ``true``/``false``; enums one of the listed strings; text a string;
* unknown names are errors; ``null`` is not a value (omit the field instead).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..model import nodes as n
from .runtime import Bad, ProfileError, Value, check_value

__all__ = ["Bad", "ProfileError", "check_value", "load_json_profile", "validate_profile"]


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


def validate_profile(policy: n.Policy, profile: object) -> dict[str, Value]:
    """Check ``profile`` for ``policy``; return the fact values (absent facts defaulted)."""
    from .evaluator import Evaluator

    spec = Evaluator(policy).spec
    from .runtime import validate

    return validate(spec.facts, spec.vocabulary, profile).facts

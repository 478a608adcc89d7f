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

from collections.abc import Iterable
from typing import Any

from ..model import nodes as n
from .runtime import Bad, ParameterError, ProfileError, Value, check_value, parse_json_profile

__all__ = ["Bad", "ProfileError", "check_value", "load_json_profile", "parameter_pairs", "validate_profile"]


def load_json_profile(text: str) -> Any:
    """Parse JSON with exact decimals within the profile limits (runtime.parse_json_profile)."""
    return parse_json_profile(text)


def parameter_pairs(pairs: Iterable[str], field: str = "parameters") -> dict[str, str]:
    """参数 values written ``name=value`` (``policyc calc``/``simulate --param``, the API's
    ``?param=``); the values stay text, validated later as the parameter's kind. A pair without
    ``=`` or a name is a ParameterError on ``field``."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, eq, value = pair.partition("=")
        if not eq or not name.strip():
            raise ParameterError([(field, f"参数应写作 名称=值，收到“{pair[:40]}”")])
        out[name.strip()] = value.strip()
    return out


def validate_profile(policy: n.Policy, profile: object) -> dict[str, Value]:
    """Check ``profile`` for ``policy``; return the fact values (absent facts defaulted)."""
    from .evaluator import Evaluator

    spec = Evaluator(policy).spec
    from .runtime import validate

    return validate(spec.facts, spec.vocabulary, profile).facts

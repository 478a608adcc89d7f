"""The lowered calculation form: one policy's calculation as small, target-neutral JSON data.

Every calculator backend (Python, JavaScript, SQL, the in-page calculator) translates this form
instead of walking the checked model, so the meaning of each construct is stated once — here and
in ``docs/reference/lowered.md`` — and every backend is tested against the reference evaluator
(:mod:`compiler.evaluate.evaluator`). The compiler knows nothing of any output format: the form
is plain data (dicts, lists, strings, numbers, booleans, ``None``) that ``json.dumps`` accepts.

    from compiler.lowered import lower
    form = lower(policy)            # a dict; json.dumps(form) is the debug print
"""

from __future__ import annotations

from ..evaluate.messages import MESSAGES, TRACE, fill
from .lower import FORMAT, VERSION, UnsupportedConstruct, lower, lower_expr

__all__ = ["FORMAT", "MESSAGES", "TRACE", "VERSION", "UnsupportedConstruct", "fill", "lower", "lower_expr"]

"""Script- and form-insensitive text facts, worked out at compile time.

Text facts (such as ``industry``) compare equal when they differ only in Traditional vs
Simplified characters, full-width vs half-width forms or whitespace. The comparison itself is
:func:`compiler.evaluate.runtime.text_key` — a pure function of the text and a character
table — which every calculator backend uses. This module builds that table for one policy
with OpenCC (``t2s``), at compile time only, so that generated calculators stay
standard-library-only:

* the policy's literal strings (``属于`` lists and text comparisons) are folded to their
  Simplified, NFKC, whitespace-free form — their *keys*;
* the table maps every Traditional character whose Simplified form occurs in some key to
  that Simplified character. Characters outside the table cannot make an input equal to any
  key, so a table restricted to them decides every comparison the full conversion would.

The table is deterministic (sorted by code point) and small (a few dozen characters).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from .evaluate.runtime import text_key
from .model import nodes as n
from .model.queries import nodes

# CJK Unified Ideographs, Extension A and the compatibility ideographs: every character
# OpenCC's t2s table can change that a policy's lists could contain.
_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@cache
def _t2s() -> Mapping[str, str]:
    """Every single character that OpenCC ``t2s`` changes, and what it becomes (kept in the
    on-disk cache, keyed by OpenCC's build and this module, so that a calculation from a cached
    model neither loads OpenCC nor converts 28,000 characters)."""
    from pathlib import Path

    from .cache import cached_table, library_fingerprint

    return cached_table("t2s", (library_fingerprint("opencc"), Path(__file__).read_bytes()), _convert_all)


def _convert_all() -> dict[str, str]:
    from .source.script import converter  # compile time only

    conv = converter()
    chars = [chr(c) for lo, hi in _RANGES for c in range(lo, hi + 1)]
    out = str(conv.convert("\n".join(chars))).split("\n")
    if len(out) != len(chars):  # a conversion that joined or split lines: be safe, go one by one
        out = [str(conv.convert(c)) for c in chars]
    return {c: s for c, s in zip(chars, out, strict=True) if s != c and len(s) == 1}


def traditional_chars() -> list[str]:
    """Every character ``t2s`` changes (each policy's table maps some of them), sorted."""
    return sorted(_t2s())


def fold_table(values: Iterable[str]) -> dict[str, str]:
    """The Traditional -> Simplified characters that can matter for ``values``, sorted."""
    full = _t2s()
    table = str.maketrans(dict(full))
    targets = {ch for v in values for ch in text_key(v, table)}
    return {t: s for t, s in sorted(full.items()) if s in targets}


def policy_strings(policy: n.Policy) -> list[str]:
    """The literal strings a policy compares text facts with (属于 lists, ==, !=)."""
    return sorted({x.value for x in nodes(policy.definitions, policy.blocks()) if isinstance(x, n.StrLit)})


@cache
def _policy_table(strings: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(fold_table(strings).items())


def policy_fold(policy: n.Policy) -> dict[str, str]:
    """The character table of one policy (see the module docstring)."""
    return dict(_policy_table(tuple(policy_strings(policy))))

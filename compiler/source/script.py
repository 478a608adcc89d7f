"""Script- and form-folding of Chinese text: Traditional to Simplified (OpenCC), full-width to
half-width (NFKC). Used at compile time only: generated code never needs it.
"""

from __future__ import annotations

import functools
import unicodedata

import opencc

__all__ = ["converter", "fold", "simplified"]


@functools.cache
def converter() -> opencc.OpenCC:
    """The one OpenCC Traditional -> Simplified converter of the compiler (also builds the
    character tables of compiler.textfold)."""
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """``text`` in Simplified characters, converted character by character so that offsets
    into the result are offsets into ``text``."""
    whole = str(converter().convert(text))
    if len(whole) == len(text):
        return whole
    return "".join(ch if len(c := str(converter().convert(ch))) != 1 else c for ch in text)


def fold(text: str) -> str:
    """The form two spellings are compared in: Simplified, half-width, converted character by
    character (as :func:`simplified`) so that offsets into the result are offsets into ``text``."""
    out = []
    for ch in simplified(text):
        f = unicodedata.normalize("NFKC", ch)
        out.append(f if len(f) == 1 else ch)
    return "".join(out)

"""Script- and form-folding of Chinese text: Traditional to Simplified (OpenCC), full-width to
half-width (NFKC), white space removed. Used at compile time only: generated code never needs it.
"""

from __future__ import annotations

import functools
import unicodedata

import opencc

__all__ = ["fold", "simplified"]


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """``text`` in Simplified characters, converted character by character so that offsets
    into the result are offsets into ``text``."""
    whole = str(_converter().convert(text))
    if len(whole) == len(text):
        return whole
    return "".join(ch if len(c := str(_converter().convert(ch))) != 1 else c for ch in text)


def fold(text: str) -> str:
    """The form two spellings are compared in: Simplified, half-width, no white space."""
    return "".join(unicodedata.normalize("NFKC", simplified(text)).split())

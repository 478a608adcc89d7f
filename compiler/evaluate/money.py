"""Exact money: see :mod:`compiler.evaluate.runtime` for the rounding rule, stated once."""

from .runtime import CTX, FEN, INF, Interval, fmt, num, to_fen

__all__ = ["CTX", "FEN", "INF", "Interval", "fmt", "num", "to_fen"]

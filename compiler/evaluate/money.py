"""Exact money. The rounding rule, stated once:

* All arithmetic is exact (``decimal.Decimal`` with 50 significant digits; no binary floats).
* Each support item's amount, each cross-item cap and each payment stage is rounded DOWN
  (towards zero) to the fen, 0.01 元, right after it is computed, so that a payment never
  exceeds what the article allows ("不超过"). Totals are sums of rounded amounts.
* Funding shares: each source gets its share of the item amount rounded down to the fen;
  the last source named takes the remainder, so that the shares add up exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Context, Decimal, localcontext

FEN = Decimal("0.01")
INF = Decimal("Infinity")
CTX = Context(prec=50)


def to_fen(x: Decimal) -> Decimal:
    if not x.is_finite():
        return x
    with localcontext(CTX):
        return x.quantize(FEN, rounding=ROUND_DOWN)


def fmt(x: Decimal | None) -> str | None:
    """Two-decimal string in yuan, or None for an undetermined amount."""
    if x is None or not x.is_finite():
        return None
    return f"{to_fen(x):.2f}"


@dataclass(frozen=True)
class Interval:
    """A closed range of exact amounts. A fixed amount has lo == hi."""

    lo: Decimal
    hi: Decimal

    @staticmethod
    def exact(x: Decimal) -> Interval:
        return Interval(x, x)

    @property
    def is_exact(self) -> bool:
        return self.lo == self.hi

    def __add__(self, o: Interval) -> Interval:
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: Interval) -> Interval:
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __mul__(self, o: Interval) -> Interval:
        with localcontext(CTX):
            ps = [a * b for a in (self.lo, self.hi) for b in (o.lo, o.hi)
                  if not (a.is_infinite() and b == 0) and not (b.is_infinite() and a == 0)]
            ps = ps or [Decimal(0)]
            return Interval(min(ps), max(ps))

    def cap(self, o: Interval) -> Interval:
        return Interval(min(self.lo, o.lo), min(self.hi, o.hi))

    def to_fen(self) -> Interval:
        return Interval(to_fen(self.lo), to_fen(self.hi))

    def show(self) -> str:
        if self.is_exact:
            return _num(self.lo)
        return f"{_num(self.lo)} 至 {_num(self.hi)}"


def _num(x: Decimal) -> str:
    if not x.is_finite():
        return "未定"
    if x == x.to_integral_value():
        return f"{x:.2f}" if abs(x) >= 1 or x == 0 else str(x)
    return str(x.normalize())

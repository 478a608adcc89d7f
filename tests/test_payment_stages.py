"""Payment stages add up to the items they pay, and never to more (compiler/evaluate/runtime.py,
``_payments``).

A stage is ``至多 X%`` (0 up to X% of the base), ``至多 未定`` (the text does not say how much:
0 up to what is left) or ``余额`` (what the earlier stages left). The property: for every way
of paying the stages that the text allows — any base in the items' range, any amount up to
each stage's share and what is left — each stage's payment lies in the range the calculator
reports for it, and with a 余额 stage the payments add up exactly to the base.

The bug this guards against: ``至多 未定`` was taken for the remainder, so that 至多 未定
followed by 余额 reported each stage as exactly the whole amount (200,000 + 200,000 on a
200,000 item).
"""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.evaluate import runtime as rt

FEN = Decimal("0.01")


def _live(lo: Decimal, hi: Decimal) -> rt._Live:
    spec = rt.ItemSpec("x", "第一条", "x", None, None, "",
                       lambda env: rt.Amount(rt.ZERO, [], "", ()), ())
    amount = rt.Interval(lo, hi)
    return rt._Live(spec, amount, amount, [])


def payments(lo: Decimal, hi: Decimal,
             stages: list[tuple[str, rt.StageShare]]) -> list[rt.PaymentResult]:
    schedule = rt.ScheduleSpec("第一条", rt.Scope("all"), tuple(stages))
    return rt._payments(schedule, [_live(lo, hi)])


def test_undetermined_first_batch_then_remainder_pays_the_item_once() -> None:
    got = payments(Decimal(200000), Decimal(200000), [("首批", rt.UNDET), ("余款", None)])
    assert [(p.min, p.max) for p in got] == [(0, 200000), (0, 200000)]
    # no stage is guaranteed more than the item; together the minimums are 0, not 400,000
    assert sum(p.min for p in got if p.min is not None) == 0


def test_stated_share_then_remainder() -> None:
    # 昆明 第十七条: 评测验收后 至多 70%, 余额 after: on 200,000 the first is 0..140,000 and the
    # remainder at least 60,000
    got = payments(Decimal(200000), Decimal(200000),
                   [("评测验收后", Decimal("0.7")), ("总体验收后", None)])
    assert [(p.min, p.max) for p in got] == [(0, 140000), (60000, 200000)]


def test_the_remainder_is_the_least_left_at_any_base_not_at_the_lowest() -> None:
    # two stages 至多 50% then 余额 on an item of 0.01 to 0.02 yuan: at 0.01 each 50% rounds down
    # to 0.00 and 0.01 is left; at 0.02 each 50% can pay 0.01 and nothing is left. So the 余额 is
    # at least 0.00 (0.01 × (1 − 50% − 50%)), not 0.01 (what is left at the lowest base) — the
    # property test below found it
    got = payments(Decimal("0.01"), Decimal("0.02"), [("s0", Decimal("0.5")), ("s1", Decimal("0.5")), ("余额", None)])
    assert [(p.min, p.max) for p in got] == [(0, Decimal("0.01")), (0, Decimal("0.01")), (0, Decimal("0.02"))]
    # one share: a larger base never leaves less, so the 余额 is what is left at the lowest base,
    # exactly — 至多 30% of 100.05..200 yuan: 30% of 100.05 is 30.015, rounded down 30.01, and
    # 100.05 − 30.01 = 70.04 (at most 30% of 200 = 60.00 first)
    got = payments(Decimal("100.05"), Decimal("200"), [("首批", Decimal("0.3")), ("余额", None)])
    assert [(p.min, p.max) for p in got] == [(0, Decimal("60.00")), (Decimal("70.04"), 200)]
    # two shares: the 余额 is at least 100.05 × (1 − 30% − 40%) = 30.015, rounded down: 30.01 (the
    # least left is 30.02: the bound is within a fen per share of it)
    got = payments(Decimal("100.05"), Decimal("200"),
                   [("首批", Decimal("0.3")), ("二批", Decimal("0.4")), ("余额", None)])
    assert [(p.min, p.max) for p in got] == [(0, Decimal("60.00")), (0, Decimal("80.00")), (Decimal("30.01"), 200)]


share = st.one_of(
    st.integers(1, 100).map(lambda p: Decimal(p) / 100),
    st.just(rt.UNDET),
)


@settings(max_examples=300, deadline=None)
@given(
    lo=st.integers(0, 10_000_000),
    extra=st.integers(0, 10_000_000),
    shares=st.lists(share, min_size=0, max_size=3),
    remainder=st.booleans(),
    seed=st.integers(0, 2**32 - 1),
)
def test_every_allowed_payment_lies_in_the_reported_ranges_and_adds_up(
        lo: int, extra: int, shares: list[rt.StageShare], remainder: bool, seed: int) -> None:
    base_lo = Decimal(lo) * FEN
    base_hi = Decimal(lo + extra) * FEN
    stages: list[tuple[str, rt.StageShare]] = [(f"s{i}", s) for i, s in enumerate(shares)]
    if remainder:
        stages.append(("余额", None))
    if not stages:
        return
    got = payments(base_lo, base_hi, stages)
    assert [p.stage for p in got] == [name for name, _ in stages]
    rng = random.Random(seed)
    for _ in range(20):
        base = Decimal(rng.randint(lo, lo + extra)) * FEN
        left = base
        paid = []
        for _, s in stages:
            if s is None:
                pay = left
            elif isinstance(s, rt.Undetermined):
                pay = Decimal(rng.randint(0, int(left / FEN))) * FEN
            else:
                most = min(rt.to_fen(s * base), left)
                pay = Decimal(rng.randint(0, int(most / FEN))) * FEN
            left -= pay
            paid.append(pay)
        for p, pay in zip(got, paid, strict=True):
            assert p.min is not None and p.max is not None
            assert p.min <= pay <= p.max, (stages, base, p, pay)
        assert sum(paid) <= base
        if remainder:
            assert sum(paid) == base
    # no stage is ever reported as guaranteed more than the items' least amount
    assert sum(p.min for p in got if p.min is not None) <= base_lo
    assert all(p.max is not None and p.max <= base_hi for p in got)

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

import json
import random
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.evaluate import runtime as rt
from conftest import ROOT
from plugins.python import runtime as prt

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


# ---------------------------------------------------------------- the same stages in every backend

def _least_left(lo: int, hi: int, stages: list[tuple[str, str, Decimal | None]]) -> dict[int, int]:
    """By brute force, in fen: the least each 余额 (by its position) can pay at any base from lo
    to hi, every earlier stage paying the most it may (its share of the base rounded down, its
    amount, all that is left for 至多 未定 or an undetermined amount)."""
    least: dict[int, int] = {}
    for base in range(lo, hi + 1):
        left = base
        for i, (_, kind, share) in enumerate(stages):
            if kind == "rest":
                least[i] = min(least.get(i, left), left)
                left = 0
            elif kind == "undetermined" or share is None:
                left = 0
            elif kind == "amount":
                left = max(left - int(share * 100), 0)
            else:
                left = max(left - int(share * base), 0)
    return least


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (make test installs it when root)")
def test_reference_python_and_javascript_agree_and_the_remainder_is_the_least_within_a_fen_a_share(
        tmp_path: Path) -> None:
    """The reference evaluator, the Python and the JavaScript runtime give the same range for every
    stage of random schedules (shares of several scales, amounts, 至多 未定, a 余额 after a 余额),
    and each 余额's minimum is never more than the least it can pay (brute force over every base
    lo..hi in fen), equal to it after at most one share and within a fen per share after more.
    (The SQL backend is compared with the reference row for row in tests/test_sql_backend.py,
    test_payment_stages_equal_the_reference_where_the_remainder_has_a_minimum.)"""
    rng = random.Random("payment-stages")
    kinds = ["share", "share", "share", "share", "rest", "rest", "undetermined", "amount"]
    fracs = [Decimal(x) for x in ("0.5", "0.3", "0.333", "0.125", "0.7", "0.05", "0.6", "0.0001", "1")]
    cases: list[tuple[int, int, list[tuple[str, str, Decimal | None]]]] = []
    for _ in range(600):
        lo = rng.choice([0, 1, 2, 3, 7, 99, 101, 333, 12345])
        hi = lo + rng.choice([0, 1, 2, 3, 10, 1000])
        stages: list[tuple[str, str, Decimal | None]] = []
        for j in range(rng.randint(1, 4)):
            kind = rng.choice(kinds)
            amounts = [None, Decimal("0.01"), Decimal("0.50"), Decimal("3.33")]
            value = rng.choice(fracs) if kind == "share" else rng.choice(amounts) if kind == "amount" else None
            stages.append((f"s{j}", kind, value))
        cases.append((lo, hi, stages))

    def reference(lo: int, hi: int, stages: list[tuple[str, str, Decimal | None]]) -> list[tuple[Decimal, Decimal]]:
        specs: list[tuple[str, rt.StageShare]] = []
        for name, kind, value in stages:
            if kind == "rest":
                specs.append((name, None))
            elif kind == "undetermined":
                specs.append((name, rt.UNDET))
            elif kind == "share":
                specs.append((name, value))
            else:
                amount = rt.UNDET if value is None else rt.Interval(value, value)
                specs.append((name, rt.StageAmount(lambda env, a=amount: a, "")))
        got = rt._payments(rt.ScheduleSpec("第一条", rt.Scope("all"), tuple(specs)), [_live(lo * FEN, hi * FEN)])
        return [(p.min, p.max) for p in got]  # type: ignore[misc]

    def python(lo: int, hi: int, stages: list[tuple[str, str, Decimal | None]]) -> list[tuple[Decimal, Decimal]]:
        shaped = [(n, k, (v, v) if k == "amount" and v is not None else v) for n, k, v in stages]
        member = SimpleNamespace(amount=lo * FEN, after=(lo * FEN, hi * FEN))
        return [(p.min, p.max) for p in prt.payments("第一条", shaped, [member])]  # type: ignore[arg-type]

    def js_stage(name: str, kind: str, value: Decimal | None) -> list[object]:
        if kind == "share" and value is not None:
            scale = max(-int(value.as_tuple().exponent), 0)
            return [name, kind, str(int(value * 10 ** scale)), scale]
        if kind == "amount":
            return [name, kind, None if value is None else [str(int(value * 100))] * 2, 2]
        return [name, kind, None, 0]

    # the runtime as shipped inside a generated module, with its payments() exported
    module = tmp_path / "stages.mjs"
    module.write_text((ROOT / "generated" / "javascript" / "kunming.js").read_text("utf-8")
                      + "\nexport { payments as stagePayments };\n", "utf-8")
    driver = tmp_path / "driver.mjs"
    driver.write_text(
        'import { stagePayments } from "./stages.mjs";\n'
        'import { readFileSync } from "node:fs";\n'
        'const big = (v) => (v === null ? null : Array.isArray(v) ? v.map(BigInt) : BigInt(v));\n'
        'const out = JSON.parse(readFileSync(0, "utf8")).map(([lo, hi, stages]) => stagePayments("第一条",\n'
        '  stages.map(([n, k, v, s]) => [n, k, big(v), s]), [{ amount: 1, after: [BigInt(lo), BigInt(hi)] }])\n'
        '  .map((p) => [p.min, p.max]));\n'
        'process.stdout.write(JSON.stringify(out));\n', "utf-8")
    batch = [[lo, hi, [js_stage(*s) for s in stages]] for lo, hi, stages in cases]
    proc = subprocess.run(["node", str(driver)], input=json.dumps(batch), capture_output=True, text=True,
                          check=True, timeout=60)
    from_js = json.loads(proc.stdout)

    exact = bounded = 0
    for (lo, hi, stages), js in zip(cases, from_js, strict=True):
        want = reference(lo, hi, stages)
        assert python(lo, hi, stages) == want, (lo, hi, stages)
        assert [(Decimal(a), Decimal(b)) for a, b in js] == want, (lo, hi, stages)
        for i, least in _least_left(lo, hi, stages).items():
            shares = sum(1 for _, kind, _ in stages[:i] if kind == "share")
            got = int(want[i][0] / FEN)
            assert got <= least, (lo, hi, stages, i)  # never more than an allowed payment
            if shares <= 1:
                assert got == least, (lo, hi, stages, i)
                exact += 1
            else:
                assert least - got <= shares, (lo, hi, stages, i)
                bounded += 1
    assert exact > 100 and bounded > 20, (exact, bounded)  # both cases are exercised

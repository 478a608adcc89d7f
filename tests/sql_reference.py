"""Helpers shared by the SQL tests: random profiles (typed and as text) and the reference row.

The reference row is what the SQL backend's query must return for one profile, worked out
from the reference evaluator's :class:`~compiler.evaluate.runtime.Result`.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

import pyarrow as pa

from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.runtime import ProfileError, Result
from plugins.sql import SOURCES, describe

INDUSTRIES = ["装备制造", "电子信息", "纺织服装", "新型建材", "生物医药", "汽车零部件配件制造",
              "轨道交通高端装备制造", "电子元器件制造", "中成药生物药品制品制造", "化学新材料制品制造",
              "民族药品制品制造", "化学药品制造", "高原特色电力装备制造", "绿色食品制品制造", "餐饮", "批发零售",
              # the same industries as applicants may type them: Traditional, spaced, full-width
              "裝備製造", "電子 信息", "紡織服裝　", " 生物醫藥", "化學藥品製造", "ＩＴ服务", "IT服务", "x\ty"]
MONEY = ["0", "0.01", "1", "99999.99", "100000", "150000", "199999.99", "200000", "200000.01",
         "333333.33", "400000", "500000", "800000", "1000000", "1200000.5", "3000000", "100000000"]


def random_value(rng: random.Random, f: dict[str, Any]) -> Any:
    kind = f["kind"]
    if kind == "bool":
        return rng.random() < 0.6
    if kind == "date":  # around the deadlines of the example policies, and far from them
        return rng.choice(DATES)
    if kind in ("money", "rate"):
        if kind == "rate":  # full precision within the declared range (low, high: decimal strings)
            lo, hi = Decimal(f["low"]), Decimal(f["high"])
            r = rng.random()
            if r < 0.3:
                return rng.choice([f["low"], f["high"], "0.075", "0.5", "0"]) if lo <= 0 <= hi else f["low"]
            step = Decimal("0.00000001")
            x = lo + (hi - lo) * Decimal(rng.randrange(0, 10**6)) / Decimal(10**6)
            return str(x.quantize(step if r < 0.6 else Decimal("0.001")))
        r = rng.random()
        if r < 0.5:
            return rng.choice(MONEY)
        if r < 0.8:
            return rng.randrange(0, 2_000_000)
        return f"{rng.randrange(0, 2_000_000)}.{rng.randrange(0, 100):02d}"
    if kind == "int" and (f["low"], f["high"]) == (1900, 2199) and rng.random() < 0.8:  # 年份
        return rng.choice([2023, 2024, 2025, 2026])
    if kind == "int":
        hi = f["high"] if f["high"] is not None else 40
        return rng.randint(f["low"] or 0, hi)
    if kind == "enum":
        return rng.choice(f["values"])
    return rng.choice(INDUSTRIES)


DATES = ["2024-01-01", "2024-12-31", "2025-01-01", "2025-06-30", "2025-07-01", "2025-12-31", "2026-01-01",
         "2026-03-31", "2026-04-01", "2026-06-30", "2026-07-01", "2027-05-17", "1900-01-01", "2199-12-31"]
BAD = {"bool": ["yes", "1"], "money": ["-5", "1.234", "abc", "1e5"], "rate": ["9", "-9", "0.123456789", "x"],
       "date": ["2025-02-30", "2025/06/30", "1899-12-31", "2200-01-01", "20250630"],
       "int": ["7", "-1", "2.5", "x"], "enum": ["company"], "text": []}


def _facts_in(e: Any) -> set[str]:
    if isinstance(e, dict):
        found = {e["name"]} if e.get("op") == "fact" else set()
        return found.union(*[_facts_in(v) for v in e.values()])
    if isinstance(e, list):
        return set().union(*[_facts_in(v) for v in e])
    return set()


def random_profile(rng: random.Random, form: dict[str, Any], bad_rate: float = 0.03) -> dict[str, Any]:
    """A typed profile (as JSON would give it): every policy field often, vocabulary fields sometimes.

    Seven in ten profiles try to pass the requirements and avoid the exclusions (their yes/no
    facts set accordingly), so that most profiles reach the items, caps and payments.
    """
    out: dict[str, Any] = {}
    hopeful = rng.random() < 0.7
    must = _facts_in([r["cond"] for r in form["requirements"]])
    must_not = _facts_in([x["cond"] for x in form["exclusions"]])
    for f in form["facts"]:
        if f["required"] or rng.random() < 0.85:
            out[f["name"]] = random_value(rng, f)
            if hopeful and f["kind"] == "bool" and f["name"] in must_not:
                out[f["name"]] = False
            elif hopeful and f["kind"] == "bool" and f["name"] in must:
                out[f["name"]] = True
    for f in form["vocabulary"]:
        if rng.random() < 0.2:
            out[f["name"]] = random_value(rng, f)
    if rng.random() < bad_rate:
        fields = [f for f in [*form["facts"], *form["vocabulary"]] if BAD[f["kind"]]]
        f = rng.choice(fields)
        bad = rng.choice(BAD[f["kind"]])
        out[f["name"]] = bad if f["kind"] in ("bool", "enum", "text") else _typed_bad(bad, f["kind"])
    if rng.random() < bad_rate / 3:
        for f in form["facts"]:
            if f["required"]:
                out.pop(f["name"], None)
    return out


def _typed_bad(text: str, kind: str) -> Any:
    """A bad number as JSON would carry it (an int for ints when it parses as one)."""
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            return text
    return text


def as_text(value: Any) -> str:
    """A profile value as the SQL input table holds it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def text_table(profiles: list[dict[str, Any]], fields: list[str]) -> pa.Table:
    cols: dict[str, Any] = {"row_id": pa.array(range(len(profiles)), pa.int64())}
    for name in fields:
        cols[name] = pa.array([as_text(p[name]) if name in p else None for p in profiles], pa.string())
    return pa.table(cols)


def _m(x: Decimal | None) -> str | None:
    return None if x is None or not x.is_finite() else f"{x:.2f}"


def reference_row(form: dict[str, Any], ev: Evaluator, profile: dict[str, Any], on: dt.date) -> tuple[Any, ...]:
    """The query's row for ``profile``: error field (True if any), then every result column."""
    meta = describe(form)
    try:
        r: Result = ev.calculate(profile, on)
    except ProfileError as err:
        return ("error", tuple(sorted(f for f, _ in err.errors)))
    out: list[Any] = [None, r.in_force, r.excluded]
    live = not r.excluded and r.in_force
    after: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    for item in r.items:
        after[item.id] = (item.min if item.min is not None else Decimal(0), item.max)
    for cut in r.cuts:
        after[cut.item] = (cut.after.lo, cut.after.hi)
    for it in meta["items"]:
        x = r.item(it["id"]) if live else None
        if x is None:
            out += [False, None, None, None, None]
        else:
            lo, hi = after[it["id"]]
            out += [True, _m(x.min), _m(x.max), _m(lo), _m(hi)]
    out += [_m(r.total_min), _m(r.total_max)]
    funding = r.funding
    out += [_m(funding.get(src, Decimal(0))) for src in SOURCES]
    # payments: the Result lists only the schedules with an applying, determined item (under some
    # reading, for a policy with readings), each stage once
    pays = {(p.article, p.stage): p for p in r.payments}
    for sched in form["payments"]:
        for st in sched["stages"]:
            p = pays.pop((sched["article"], st["name"]), None)
            out += [_m(p.min), _m(p.max)] if p is not None else [None, None]
    assert not pays
    return tuple(out)


def sql_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row fetched from the query, in the reference row's shape."""
    if row[1] is not None:
        return ("error", row[1])
    return tuple(f"{v:.2f}" if isinstance(v, Decimal) else v for v in row[1:])

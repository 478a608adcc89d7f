"""How fast DuckDB itself can compute 昆明's budget report: a hand-written query beside the generated one.

    .venv/bin/python benchmarks/duckdb_floor.py [--profiles 1000000] [--seed 1] [--repeat 5]

Issue 11 asks the simulation to reach about 10 million profiles/s on the real policies. This
benchmark asks what DuckDB can do at best on this machine for one of them, 昆明
(policies/kunming.policy), so that the generated query is measured against DuckDB's own floor and
not only against OpenFisca's two-rule figure.

In one run, on one synthetic population (``benchmarks/simulate.py``'s: generated, written as
Parquet, loaded and typed once for 昆明, not timed):

* generated: ``report()`` over ``policy_views``, exactly what ``policyc simulate`` computes for 昆明
  (benchmarks/simulate.py's "simulate" figure);
* hand-written: :data:`HAND`, the same figures as one query a person would write for 昆明 alone —
  BIGINT fen from the first step, the six items, the 第十条 cap filled as the calculators fill
  it, both readings of 解读 encouraged_industry spanned, the 第十七条 stages, the distribution —
  with nothing general: no validity per column, no 参数, no NULL tests where a value cannot be
  NULL, the fixed facts of the policy written as constants, and one count query for the
  profiles, excluded and not in force.

Both are timed in turn, ``--repeat`` rounds after a first one, the medians shown (wall clock and
per CPU-second, all threads). The hand-written figures must equal the generated report's to the
fen (profiles, invalid, excluded, eligible, every total, item, funding source, payment stage,
quantile and histogram bin) or the run stops: a floor that computes something else would prove
nothing. Not compared: the invalid profiles by field (none is invalid in this population).

What the hand-written query leaves out, so that it is a floor and not a rival: text folding of
the industry (every industry in the synthetic population is plain text; the run checks it), the
fields 昆明 reads but cannot be wrong on this population, and the policy's date (2025-08-01 is
within 第二十六条's period). It cannot serve another policy or a changed one: it is 昆明 by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from compiler.lowered import lower  # noqa: E402
from compiler.pipeline import load_named  # noqa: E402
from compiler.simulate.engine import (  # noqa: E402
    BINS,
    load_population,
    policy_views,
    report_views,
    sql_backend,
    type_population,
)
from compiler.simulate.population import generate, write  # noqa: E402

ON = dt.date(2025, 8, 1)  # benchmarks/simulate.py's date
TARGET = 10_000_000
PILOT_INDUSTRIES = ("化学新材料制品制造", "民族药品制品制造", "化学药品制造", "高原特色电力装备制造",
                    "绿色食品制品制造")
# 第六条's list as equalities: DuckDB plans `industry IN (…)` as a join (its in_clause optimizer),
# which made this query 2.7 times slower (251 against 93 ms of CPU for sum(total_max), one thread)
INDUSTRY_TEST = " OR ".join(f"industry = '{x}'" for x in PILOT_INDUSTRIES)

# 昆明 by hand, money in fen (BIGINT). Step f: the facts; a: each item's amount before the cap
# (第七条第（一）至（六）项) and the cap (第十条: 50% of the three spends, down to the fen); c: the cap
# filled in the items' order, each item's minimum first (only lighthouse_award has one), then what
# is left to each item up to its maximum (diagnosis_subsidy, 金额 未定, takes all that is left);
# under reading `limited` workshop_award and chain_award need a 第六条 industry, under
# `any_industry` they do not (_1 and _2); evaluation_subsidy (未定, a service provider's, outside
# the cap) makes the total unbounded (NULL). The report spans the readings: lowest minimum, highest
# maximum.
HAND = """
WITH f AS (
  SELECT row_id,
    applicant_type = 'enterprise' AS ent,
    applicant_type = 'service_provider' AND coalesce(evaluation_agency, false) AS ev,
    coalesce(in_pilot_scope, false) AND coalesce(acceptance_passed, false) AS acc,
    coalesce(digital_level, 0)::INTEGER AS lvl,
    coalesce(is_sme, false) AS sme,
    coalesce(lighthouse, false) AS lh,
    coalesce(digital_workshop_title, false) AS ws,
    coalesce(chain_transformation_award, false) AS ch,
    coalesce({industries}, false) AS pind,
    (coalesce(spend_software_cloud, 0) * 100)::BIGINT AS s1,
    (coalesce(spend_data_equipment, 0) * 100)::BIGINT AS s2,
    (coalesce(spend_consulting, 0) * 100)::BIGINT AS s3
  FROM population_typed
  WHERE bad_mask & {mask} = 0 AND applicant_type IS NOT NULL
    AND NOT (coalesce(little_giant_central_funded, false) OR coalesce(in_2022_pilot, false)
      OR coalesce(serious_dishonesty_3y, false) OR coalesce(pilot_ended_unaccepted, false)
      OR coalesce(pilot_suspended, false) OR coalesce(falsified_application_3y, false))
    AND ((applicant_type = 'enterprise' AND (coalesce(lighthouse, false) OR coalesce(digital_workshop_title, false)
          OR coalesce(chain_transformation_award, false)
          OR (coalesce(in_pilot_scope, false) AND coalesce(acceptance_passed, false))))
      OR (applicant_type = 'service_provider' AND coalesce(evaluation_agency, false)))
), a AS (
  SELECT row_id, ev,
    ent AND acc AND lvl >= 2 AND sme AS r_app,
    CASE WHEN ent AND acc AND lvl >= 2 AND sme
      THEN least((s1 + s2) // 2, CASE lvl WHEN 2 THEN 20000000 WHEN 3 THEN 40000000 ELSE 50000000 END)
      ELSE 0 END AS r_max,
    ent AND lh AS l_app,
    ent AND ws AND sme AND pind AS w_app1, ent AND ws AND sme AS w_app2,
    ent AND ch AND pind AS c_app1, ent AND ch AS c_app2,
    ent AND acc AND s3 > 0 AS d_app,
    (s1 + s2 + s3) // 2 AS cap
  FROM f
), c AS (
  SELECT *,
    CASE WHEN l_app THEN least(20000000, cap) ELSE 0 END AS l_lo,
    cap - CASE WHEN l_app THEN least(20000000, cap) ELSE 0 END AS spare
  FROM a
), d AS (
  SELECT *, least(r_max, spare) AS r_hi, spare - least(r_max, spare) AS left0 FROM c
), e AS (
  SELECT *,
    CASE WHEN w_app1 THEN least(100000000, left0) ELSE 0 END AS w_hi1,
    CASE WHEN w_app2 THEN least(100000000, left0) ELSE 0 END AS w_hi2
  FROM d
), g AS (
  SELECT *,
    CASE WHEN c_app1 THEN least(100000000, left0 - w_hi1) ELSE 0 END AS c_hi1,
    CASE WHEN c_app2 THEN least(100000000, left0 - w_hi2) ELSE 0 END AS c_hi2
  FROM e
), h AS (
  SELECT *,
    CASE WHEN d_app THEN left0 - w_hi1 - c_hi1 ELSE 0 END AS d_hi1,
    CASE WHEN d_app THEN left0 - w_hi2 - c_hi2 ELSE 0 END AS d_hi2,
    CASE WHEN ev THEN NULL ELSE greatest(l_lo + r_hi + w_hi1 + c_hi1 + (left0 - w_hi1 - c_hi1) * d_app::INTEGER,
                                          l_lo + r_hi + w_hi2 + c_hi2 + (left0 - w_hi2 - c_hi2) * d_app::INTEGER)
      END AS total_max,
    r_app OR l_app OR w_app2 OR c_app2 OR d_app OR ev AS eligible
  FROM g
)
SELECT
  count_if(eligible), coalesce(sum(l_lo), 0), coalesce(sum(total_max), 0), count_if(eligible AND total_max IS NULL),
  count_if(r_app), sum(r_hi), count_if(l_app), sum(l_lo),
  count_if(w_app2), sum(greatest(w_hi1, w_hi2)), count_if(c_app2), sum(greatest(c_hi1, c_hi2)),
  count_if(d_app), sum(greatest(d_hi1, d_hi2)), count_if(ev),
  coalesce(sum(total_max), 0), sum((r_hi * 7) // 10), sum(r_hi),
  quantile_disc(total_max, [0.1, 0.5, 0.9, 0.99]) FILTER (WHERE eligible AND total_max IS NOT NULL),
  max(total_max) FILTER (WHERE eligible),
  {bins}
FROM h
"""

COUNTS = """
SELECT count_if(valid), count_if(valid AND (coalesce(little_giant_central_funded, false)
    OR coalesce(in_2022_pilot, false) OR coalesce(serious_dishonesty_3y, false)
    OR coalesce(pilot_ended_unaccepted, false) OR coalesce(pilot_suspended, false)
    OR coalesce(falsified_application_3y, false))), count_if(NOT valid)
FROM (SELECT *, bad_mask & {mask} = 0 AND applicant_type IS NOT NULL AS valid FROM population_typed)
"""


def _yuan(fen: Any) -> str:
    return f"{Decimal(int(fen or 0)) / 100:.2f}"


def hand_report(con: Any, mask: int) -> dict[str, Any]:
    """昆明's figures from :data:`HAND` and :data:`COUNTS`, in the shape of ``report()``'s."""
    bins = ", ".join(
        f"count_if(eligible AND total_max >= {lo * 100}" + (f" AND total_max < {hi * 100})" if hi else ")")
        for lo, hi in zip(BINS, (*BINS[1:], None), strict=True))
    (row,) = con.execute(HAND.format(industries=INDUSTRY_TEST, mask=mask, bins=bins)).fetchall()
    ((valid, excluded, invalid),) = con.execute(COUNTS.format(mask=mask)).fetchall()
    (eligible, total_min, total_max, unbounded, r_n, r_hi, l_n, l_lo, w_n, w_hi, c_n, c_hi, d_n, d_hi, e_n,
     funding, pay1, pay2, quantiles, most, *hist) = row
    items = [("reform_subsidy", r_n, 0, 0, r_hi, 0), ("lighthouse_award", l_n, 0, l_lo, l_lo, 0),
             ("workshop_award", w_n, 0, 0, w_hi, 0), ("chain_award", c_n, 0, 0, c_hi, 0),
             ("diagnosis_subsidy", d_n, d_n, 0, d_hi, 0), ("evaluation_subsidy", e_n, e_n, 0, 0, e_n)]
    return {
        "profiles": valid + invalid, "invalid": invalid, "excluded": excluded, "eligible": eligible,
        "not_in_force": 0,
        "total": {"min": _yuan(total_min), "max": _yuan(total_max), "unbounded": unbounded},
        "items": [{"id": i, "applicants": n, "undetermined": u, "paid_min": _yuan(lo), "paid_max": _yuan(hi),
                   "unbounded": unb} for i, n, u, lo, hi, unb in items],
        "funding": {"unspecified": _yuan(funding)} if funding else {},
        "payments": [{"min": "0.00", "max": _yuan(pay1)}, {"min": "0.00", "max": _yuan(pay2)}],
        "quantiles": [_yuan(q) for q in quantiles], "max": _yuan(most), "histogram": list(hist),
    }


def generated_view(rep: dict[str, Any]) -> dict[str, Any]:
    """``report()``'s figures in :func:`hand_report`'s shape."""
    keys = ("id", "applicants", "undetermined", "paid_min", "paid_max", "unbounded")
    dist = rep["distribution"]
    return {
        "profiles": rep["profiles"], "invalid": rep["invalid"], "excluded": rep["excluded"],
        "eligible": rep["eligible"], "not_in_force": rep["not_in_force"], "total": rep["total"],
        "items": [{k: it[k] for k in keys} for it in rep["items"]],
        "funding": rep["funding"],
        "payments": [{"min": p["min"], "max": p["max"]} for p in rep["payments"]],
        "quantiles": list(dist["quantiles"].values()), "max": dist["max"],
        "histogram": [b["count"] for b in dist["histogram"]],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--profiles", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if min(args.profiles, args.repeat) < 1:
        ap.error("--profiles and --repeat must be at least 1")
    n = args.profiles
    cols = generate(n, args.seed)
    gc.freeze()  # as benchmarks/simulate.py: the population's Python objects out of the collector's scans
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "population.parquet"
        write(cols, path, "parquet")
        con = duckdb.connect()
        load_population(con, path)
    del cols
    ((threads,),) = con.execute("select current_setting('threads')").fetchall()
    sql = sql_backend()
    loaded = load_named("kunming")
    assert loaded.policy is not None
    form = lower(loaded.policy)
    bits = type_population(con, sql, [form])
    assert bits is not None
    mask = sum(1 << b for b in bits.values())
    ((folded,),) = con.execute("select count(*) from population_typed where not industry__plain").fetchall()
    if folded:
        raise SystemExit(f"{folded} industries need folding: the hand-written query does not fold text")
    text = (ROOT / "policies" / "kunming.txt").read_text("utf-8")
    views = policy_views(con, sql, form, ON, bits)
    print(f"population: {n:,} synthetic profiles (seed {args.seed}); date {ON}; "
          f"DuckDB {duckdb.__version__}, {threads} threads")

    times: dict[str, tuple[list[float], list[float]]] = {"generated": ([], []), "hand-written": ([], [])}
    got: dict[str, dict[str, Any]] = {}
    for i in range(args.repeat + 1):
        for label in times:
            t, c = time.perf_counter(), time.process_time()
            if label == "generated":
                rep = report_views(con, sql, views, form, text, None)
                got[label] = generated_view(rep)
            else:
                got[label] = hand_report(con, mask)
            if i:  # the first round warms the caches and is not counted
                times[label][0].append(time.perf_counter() - t)
                times[label][1].append(time.process_time() - c)
        if got["generated"] != got["hand-written"]:
            for k in got["generated"]:
                if got["generated"][k] != got["hand-written"][k]:
                    print(f"  {k}: generated {got['generated'][k]}\n"
                          f"  {' ' * len(k)}  hand-written {got['hand-written'][k]}")
            raise SystemExit("the hand-written figures differ from the generated report's: not a floor")

    print(f"\n昆明's report, the same figures to the fen ({got['generated']['eligible']:,} eligible; "
          f"total max {got['generated']['total']['max']} yuan); median of {args.repeat} rounds after a first:")
    print(f"{'':<14} {'wall /s':>12} {'(range)':>25} {'/CPU-second':>12}")
    rate = {}
    for label, (wall, cpu) in times.items():
        w, c = n / statistics.median(wall), n / statistics.median(cpu)
        rate[label] = (w, c)
        print(f"{label:<14} {w:>12,.0f} {f'{n / max(wall):,.0f}–{n / min(wall):,.0f}':>25} {c:>12,.0f}")
    hw, hc = rate["hand-written"]
    gw, gc_ = rate["generated"]
    print(f"hand-written / generated: {hw / gw:.2f}x wall, {hc / gc_:.2f}x per CPU-second")
    print(f"issue 11's target: {TARGET:,}/s of wall clock; the hand-written floor reaches {hw / TARGET:.0%} of it, "
          f"the generated query {gw / TARGET:.0%}")


if __name__ == "__main__":
    main()

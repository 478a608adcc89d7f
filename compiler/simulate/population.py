"""A seeded synthetic population of applicants over the shared vocabulary.

Plausible, not real: the shares below are stated assumptions for a city's applicant pool (most
applicants are enterprises; about half are in the pilot list; spend is log-normal with medians
of a few hundred thousand yuan), so that ``policyc simulate`` is useful without private data.
The same seed gives the same population, row for row, on every machine: only
:class:`random.Random` is used, and money is rounded to whole yuan before it becomes a Decimal.
``row_id`` is the application order (first come, first served where a policy says so).

City facts (``city_type``, ``region``) are left empty: the rows are enterprises and service
providers, not cities, so the national notice's award to cities does not apply to them.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..vocabulary import FACTS

# pilot sub-industries as the seed policies name them, and two that no policy lists
INDUSTRIES: tuple[tuple[str, float], ...] = (
    ("装备制造", 10), ("电子信息", 8), ("纺织服装", 5), ("新型建材", 4), ("生物医药", 5),
    ("汽车零部件配件制造", 8), ("轨道交通高端装备制造", 3), ("电子元器件制造", 6),
    ("中成药生物药品制品制造", 3), ("化学新材料制品制造", 4), ("民族药品制品制造", 2),
    ("化学药品制造", 3), ("高原特色电力装备制造", 2), ("绿色食品制品制造", 5),
    ("批发零售", 12), ("软件和信息技术服务业", 10),
)
APPLICANTS = (("enterprise", 88), ("service_provider", 8), ("platform_operator", 2),
              ("public_institution", 2))
FORMATS = ("csv", "jsonl", "parquet")


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]], n: int) -> list[Any]:
    values = [v for v, _ in pairs]
    weights = [w for _, w in pairs]
    return rng.choices(values, weights=weights, k=n)


def _flags(rng: random.Random, p: float, n: int) -> list[bool]:
    r = rng.random
    return [r() < p for _ in range(n)]


def _spend(rng: random.Random, median: float, sigma: float, n: int, share: float) -> list[Decimal]:
    """Log-normal spend in whole yuan for a ``share`` of the rows, 0 for the others."""
    r, g = rng.random, rng.gauss
    mu = math.log(median)
    return [Decimal(round(math.exp(mu + sigma * g(0, 1)))) if r() < share else Decimal(0) for _ in range(n)]


def generate(n: int, seed: int = 0) -> dict[str, list[Any]]:
    """``n`` applicants as columns: ``row_id`` and every shared-vocabulary fact (None = absent)."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {"row_id": list(range(n))}
    kind = _weighted(rng, APPLICANTS, n)
    cols["applicant_type"] = kind
    cols["industry"] = _weighted(rng, INDUSTRIES, n)
    for name, p in (("registered_in_city", 0.95), ("independent_legal_person", 0.97),
                    ("operating_normally", 0.93), ("good_tax_and_credit", 0.9), ("is_sme", 0.85),
                    ("in_pilot_scope", 0.5)):
        cols[name] = _flags(rng, p, n)
    r = rng.random
    cols["acceptance_passed"] = [r() < (0.7 if pilot else 0.1) for pilot in cols["in_pilot_scope"]]
    for name, p in (("serious_dishonesty_3y", 0.02), ("little_giant_central_funded", 0.03),
                    ("in_2022_pilot", 0.04)):
        cols[name] = _flags(rng, p, n)
    passed_levels = ((1, 10), (2, 50), (3, 30), (4, 10))
    other_levels = ((0, 40), (1, 40), (2, 15), (3, 5))
    hi = _weighted(rng, passed_levels, n)
    lo = _weighted(rng, other_levels, n)
    cols["digital_level"] = [h if ok else low for h, low, ok in zip(hi, lo, cols["acceptance_passed"], strict=True)]
    cols["spend_software_cloud"] = _spend(rng, 300_000, 0.9, n, 0.8)
    cols["spend_data_equipment"] = _spend(rng, 100_000, 0.9, n, 0.6)
    cols["spend_consulting"] = _spend(rng, 30_000, 0.8, n, 0.5)
    for name, p in (("cloud_platform_adopted", 0.4), ("platform_benchmark", 0.02), ("lighthouse", 0.03),
                    ("digital_workshop_title", 0.02), ("chain_transformation_award", 0.02),
                    ("chain_demo_enterprise", 0.01), ("provincial_demo_title", 0.03),
                    ("typical_case_title", 0.02)):
        cols[name] = _flags(rng, p, n)
    provider = [k == "service_provider" for k in kind]
    products = _weighted(rng, ((0, 50), (1, 25), (2, 12), (3, 8), (5, 5)), n)
    cols["awarded_products"] = [c if pv else None for c, pv in zip(products, provider, strict=True)]
    excellent = _flags(rng, 0.1, n)
    cols["excellent_provider"] = [e if pv else None for e, pv in zip(excellent, provider, strict=True)]
    served = [rng.randrange(0, 60) for _ in range(n)]
    cols["accepted_enterprises_served"] = [c if pv else None for c, pv in zip(served, provider, strict=True)]
    cols["city_type"] = [None] * n
    cols["region"] = [None] * n
    missing = set(FACTS) - set(cols)
    assert not missing, missing
    return cols


def _arrow(cols: dict[str, list[Any]]) -> Any:
    import pyarrow as pa

    types: dict[str, Any] = {"row_id": pa.int64()}
    for name, (t, _) in FACTS.items():
        types[name] = {"bool": pa.bool_(), "int": pa.int64(), "money": pa.decimal128(17, 2),
                       "rate": pa.decimal128(5, 2)}.get(t.kind, pa.string())
    return pa.table({name: pa.array(cols[name], types[name]) for name in ["row_id", *FACTS]})


def _json_value(v: Any) -> Any:
    return f"{v:.2f}" if isinstance(v, Decimal) else v


def write(cols: dict[str, list[Any]], path: Path, fmt: str,
          progress: Callable[[int], None] | None = None) -> None:
    """Write the population as CSV, JSON Lines (money as decimal strings) or Parquet."""
    if fmt == "jsonl":
        import json

        names = ["row_id", *FACTS]
        n = len(cols["row_id"])
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for i in range(n):
                row = {k: _json_value(cols[k][i]) for k in names if cols[k][i] is not None}
                out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
                if progress is not None and i % 10_000 == 9_999:
                    progress(10_000)
        return
    table = _arrow(cols)
    if fmt == "csv":
        import pyarrow.csv as pcsv

        pcsv.write_csv(table, str(path))
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, str(path), compression="zstd")
    else:
        raise ValueError(fmt)

"""Calculations per second: generated calculators vs hand-written plain-Python Decimal code.

    .venv/bin/python benchmarks/calc.py [--profiles 3000] [--repeat 7]

The baseline is a hand-written, one-at-a-time implementation of the same articles of 昆明 and
咸宁 (validation included, traces left out): the practical ceiling for plain Python. It does the
work the generated calculators do for a result without traces: totals, items, funding, payment
stages (昆明 第十七条), what the cumulative cap did to each item (昆明 第十条), the notes
(validity, an unlisted industry, each exclusion) and the exclusions; text facts compared by
their normalised key. Like the generated calculators it honours the result contract for
readings (解读): where the text allows two readings the numbers span both (lowest minimum,
highest maximum; who pays from the reading that pays the most; payments, cuts and notes merged
when read, as the generated modules merge them), and, as a careful programmer would, it
computes the second reading only for the applicants it can change (昆明 第七条第（三）、（四）项
outside the pilot industries; 咸宁 第六条第（一）项 for an enterprise that is not an SME).
Measured in one run, on the same profiles:

* ``generated``: generated/python/<policy>.py, translated from the lowered form;
* ``legacy``: the calculators generated before the lowered form (benchmarks/legacy/; the
  interpreter-style runtime they embedded is kept once, in legacy_runtime.py), kept to show
  the change — timing only: they encode the policies as they were then (before the fidelity
  fixes), so their numbers differ;
* ``hand-written``: the baseline below;
* ``node``: generated/javascript/<policy>.js in one Node process (when ``node`` is installed),
  on the same profiles sent as JSON.

Before timing, every profile's numbers (totals, items, funding, payments, cuts, notes and
exclusions) are checked to agree between the hand-written baseline and the generated Python
module, and the totals with the JavaScript module. Timings are
interleaved (each repeat times every calculator once) and the best repeat counts, so that load
from other processes hits all alike. Printed: calculations per second and ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import random
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FEN = Decimal("0.01")
ZERO = Decimal(0)
INF = Decimal("Infinity")
HALF = Decimal("0.5")
BOOL_FACTS = {
    "in_pilot_scope", "acceptance_passed", "lighthouse", "digital_workshop_title",
    "chain_transformation_award", "serious_dishonesty_3y", "little_giant_central_funded",
    "in_2022_pilot", "pilot_ended_unaccepted", "evaluation_agency", "chain_demo_enterprise",
    "provincial_demo_title", "typical_case_title", "platform_builder", "training_provider", "is_sme",
    "pilot_suspended", "falsified_application_3y",
}
MONEY_FACTS = {"spend_software_cloud", "spend_data_equipment", "spend_consulting"}
# Numbers of one result: total min and max, items (min, max), funding, and the rest: payment
# stages (article, stage, min, max), cuts (cap, article, item, limit, before, after), notes and
# exclusions; for a result that spans two readings, the rest is merged when asked for (as the
# generated modules do).
Pair = tuple[Decimal, Decimal]
Rest = tuple[list[tuple[str, str, Decimal, Decimal]], list[tuple[str, str, str, Pair, Pair, Pair]], list[str],
             list[str]]
Items = dict[str, tuple[Decimal | None, Decimal | None]]
Plain = tuple[Decimal, Decimal | None, Items, dict[str, Decimal], Rest]  # one reading
Numbers = tuple[Decimal, Decimal | None, Items, dict[str, Decimal], Rest | Callable[[], Rest]]
NIL = (ZERO, ZERO)


def fen(x: Decimal) -> Decimal:
    return x.quantize(FEN, rounding=ROUND_DOWN)


def _money(v: object) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, int | str | Decimal | float):
        raise ValueError("money")
    if isinstance(v, float) and not math.isfinite(v):
        raise ValueError("money")
    d = Decimal(v) if not isinstance(v, float) else Decimal(repr(v))
    if not d.is_finite() or d < 0 or d != d.quantize(FEN):
        raise ValueError("money")
    return d


def _validate(p: Mapping[str, object], known: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in p.items():
        if k not in known:
            raise ValueError(k)
        if k in MONEY_FACTS:
            out[k] = _money(v)
        elif k in BOOL_FACTS:
            if not isinstance(v, bool):
                raise ValueError(k)
            out[k] = v
        elif k in ("digital_level", "accepted_enterprises_served"):
            if isinstance(v, bool) or not isinstance(v, int) or v < 0 or (k == "digital_level" and v > 4):
                raise ValueError(k)
            out[k] = v
        else:
            out[k] = v
    if "applicant_type" not in out:
        raise ValueError("applicant_type")
    return out


KUNMING_FACTS = BOOL_FACTS | MONEY_FACTS | {"applicant_type", "industry", "digital_level"}
KUNMING_INDUSTRIES = {"化学新材料制品制造", "民族药品制品制造", "化学药品制造", "高原特色电力装备制造",
                      "绿色食品制品制造"}


@lru_cache(maxsize=4096)
def text_key(text: str) -> str:
    """Text facts compare regardless of width and spaces (NFKC, no whitespace; the generated
    modules also fold Traditional characters, which cached costs the same)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def validity(on: dt.date, start: dt.date, end: dt.date | None, notes: list[str]) -> bool:
    """Whether the policy is in force on ``on``; if not, noted."""
    if on < start:
        notes.append(f"{on.isoformat()} 早于本政策的适用起始日 {start.isoformat()}")
        return False
    if end is not None and on > end:
        notes.append(f"{on.isoformat()} 晚于本政策的有效期截止日 {end.isoformat()}")
        return False
    return True


def excluded(g: Callable[[str], Any], rules: tuple[tuple[str, str], ...], notes: list[str]) -> list[str]:
    """The articles of the exclusions that apply (each once), noting each fact that triggers one."""
    out: list[str] = []
    for fact, article in rules:
        if g(fact):
            if article not in out:
                out.append(article)
            notes.append(f"属于排除情形（{article}）：{fact}")
    return out


def span(a: Numbers, b: Numbers) -> Numbers:
    """The numbers under two readings as one (the result contract for 解读): each total and item
    from the lowest minimum to the highest maximum (an absent item counts as 0, an undetermined
    one stays undetermined), funding from the reading whose total can be highest (``a`` among
    equals); payments, cuts, notes and exclusions when asked for (:func:`span_rest`)."""
    def top(x: Numbers) -> Decimal:
        return INF if x[1] is None else x[1]

    items: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    for k in {**a[2], **b[2]}:
        got = [x[2].get(k) for x in (a, b)]
        if any(g is not None and (g[0] is None or g[1] is None) for g in got):
            items[k] = (None, None)
        else:
            los = [ZERO if g is None else g[0] for g in got]
            his = [ZERO if g is None else g[1] for g in got]
            items[k] = (min(x for x in los if x is not None), max(x for x in his if x is not None))
    hi = None if a[1] is None or b[1] is None else max(a[1], b[1])
    return min(a[0], b[0]), hi, items, (a if top(a) >= top(b) else b)[3], lambda: span_rest(rest(a), rest(b))


def rest(x: Numbers) -> Rest:
    """The payments, cuts, notes and exclusions of ``x``."""
    r = x[4]
    return r() if callable(r) else r


def span_rest(a: Rest, b: Rest) -> Rest:
    """Payment stages and cuts under two readings: from the lowest minimum to the highest maximum
    (absent counts as 0); ``a``'s notes then ``b``'s new ones; excluded only if both are."""
    stages = [{(p[0], p[1]): p for p in x[0]} for x in (a, b)]
    pays = []
    for key in {**stages[0], **stages[1]}:
        ps = [s.get(key) for s in stages]
        pays.append((*key, min(ZERO if p is None else p[2] for p in ps), max(ZERO if p is None else p[3] for p in ps)))
    each = [{(c[0], c[2]): c for c in x[1]} for x in (a, b)]
    cuts = []
    for key in {**each[0], **each[1]}:
        cs = [e.get(key) for e in each]
        some = [c for c in cs if c is not None]
        limit = (min(c[3][0] for c in some), max(c[3][1] for c in some))
        before = [NIL if c is None else c[4] for c in cs]
        after = [NIL if c is None else c[5] for c in cs]
        cuts.append((key[0], some[0][1], key[1], limit, (min(x[0] for x in before), max(x[1] for x in before)),
                     (min(x[0] for x in after), max(x[1] for x in after))))
    notes = a[2] + [x for x in b[2] if x not in a[2]]
    exclusions = list(dict.fromkeys(a[3] + b[3])) if a[3] and b[3] else []
    return pays, cuts, notes, exclusions


def kunming_by_hand(profile: Mapping[str, object], on: dt.date) -> Numbers:
    f = _validate(profile, KUNMING_FACTS)
    adopted = _kunming(f, on, any_industry=False)  # 解读 encouraged_industry: limited (adopted)
    g = f.get
    industry = g("industry")
    if (not adopted[4][3] and g("applicant_type") == "enterprise"
            and (industry is None or text_key(industry) not in KUNMING_INDUSTRIES)
            and ((g("digital_workshop_title") and g("is_sme")) or g("chain_transformation_award"))):
        return span(adopted, _kunming(f, on, any_industry=True))
    return adopted


KUNMING_EXCLUSIONS = (("little_giant_central_funded", "第九条第（一）项"), ("in_2022_pilot", "第九条第（一）项"),
                      ("serious_dishonesty_3y", "第九条第（二）项"), ("pilot_ended_unaccepted", "第九条第（三）项"),
                      ("pilot_suspended", "第十四条"), ("falsified_application_3y", "第二十三条"))
SHARE_70 = Decimal("0.7")
KUNMING_START, KUNMING_END = dt.date(2023, 6, 12), dt.date(2026, 12, 31)  # 第二十六条, 第二十七条


def _kunming(f: dict[str, Any], on: dt.date, any_industry: bool) -> Plain:
    g = f.get
    notes: list[str] = []
    in_force = KUNMING_START <= on <= KUNMING_END or validity(on, KUNMING_START, KUNMING_END, notes)
    industry = g("industry")
    listed = industry is not None and text_key(industry) in KUNMING_INDUSTRIES
    if industry is not None and not listed:
        notes.append(f"所属行业“{industry}”不在第七条第（三）项、第七条第（四）项列举的范围内；计算时按不符合处理")
    exclusions = excluded(g, KUNMING_EXCLUSIONS, notes)  # 第九条, 第十四条, 第二十三条
    if not in_force or exclusions:
        return ZERO, ZERO, {}, {}, ([], [], notes, exclusions)
    items: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    order: list[tuple[str, Decimal, Decimal]] = []
    cuts: list[tuple[str, str, str, Pair, Pair, Pair]] = []
    payments: list[tuple[str, str, Decimal, Decimal]] = []
    sw, eq, co = g("spend_software_cloud", ZERO), g("spend_data_equipment", ZERO), g("spend_consulting", ZERO)
    if g("applicant_type") == "enterprise":
        level = g("digital_level", 0)
        pilot_done = g("in_pilot_scope") and g("acceptance_passed")
        sme = g("is_sme")
        pilot_industry = any_industry or listed
        if pilot_done and level >= 2 and sme:  # 第七条第（一）项: 不超过 50% of the spend, by level
            top = Decimal(200000 if level == 2 else 400000 if level == 3 else 500000)
            a = fen(min(HALF * (sw + eq), top))
            items["reform_subsidy"] = (ZERO, a)
            order.append(("reform_subsidy", ZERO, a))
        if g("lighthouse"):  # 第七条第（二）项
            a = Decimal(200000)
            items["lighthouse_award"] = (a, a)
            order.append(("lighthouse_award", a, a))
        if g("digital_workshop_title") and pilot_industry and sme:  # （三）
            items["workshop_award"] = (ZERO, Decimal(1000000))
            order.append(("workshop_award", ZERO, Decimal(1000000)))
        if g("chain_transformation_award") and pilot_industry:  # （四）
            items["chain_award"] = (ZERO, Decimal(1000000))
            order.append(("chain_award", ZERO, Decimal(1000000)))
        if pilot_done and co > 0:  # （五） 适当补助: undetermined
            items["diagnosis_subsidy"] = (None, None)
            order.append(("diagnosis_subsidy", ZERO, INF))
        limit = fen(HALF * (sw + eq + co))  # 第十条: minimums first, then the headroom in order
        room = limit
        lows = []
        for _, lo, _ in order:
            low = min(lo, room)
            room -= low
            lows.append(low)
        spare = max(limit - sum(lows, ZERO), ZERO)
        capped = []
        for (name, lo, hi), low in zip(order, lows, strict=True):
            high = low + min(hi - low, spare)
            spare -= high - low
            capped.append((name, low, high))
            cuts.append(("investment_cap", "第十条", name, (limit, limit), (lo, hi), (low, high)))
            if name == "reform_subsidy":  # 第十七条: 70% after 评测验收, the rest after 总体验收
                payments = [("第十七条", "评测验收后", ZERO, min(fen(SHARE_70 * high), high)),
                            ("第十七条", "全市试点工作总体验收后", max(low - fen(SHARE_70 * low), ZERO), high)]
    else:
        capped = []
        if g("applicant_type") == "service_provider" and g("evaluation_agency"):
            items["evaluation_subsidy"] = (None, None)
            capped.append(("evaluation_subsidy", ZERO, INF))
    total_lo = sum((lo for _, lo, _ in capped), ZERO)
    total_hi = sum((hi for _, _, hi in capped), ZERO)
    paid = sum((hi for _, _, hi in capped if hi.is_finite()), ZERO)  # capped undetermined items count
    funding = {"unspecified": paid} if paid else {}
    return total_lo, (total_hi if total_hi.is_finite() else None), items, funding, (payments, cuts, notes, exclusions)


XIANNING_FACTS = BOOL_FACTS | MONEY_FACTS | {"applicant_type", "industry", "digital_level",
                                              "accepted_enterprises_served"}
XIANNING_INDUSTRIES = {"装备制造", "电子信息", "纺织服装", "新型建材", "生物医药"}
XIANNING_EXCLUSIONS = (("little_giant_central_funded", "第五条"), ("in_2022_pilot", "第五条"),
                       ("falsified_application_3y", "第十六条"))
XIANNING_START = dt.date(2025, 5, 20)


def xianning_by_hand(profile: Mapping[str, object], on: dt.date) -> Numbers:
    f = _validate(profile, XIANNING_FACTS)
    adopted = _xianning(f, on, sme_only=False)  # 解读 sme_scope: any_enterprise (adopted)
    if not adopted[4][3] and f.get("applicant_type") == "enterprise" and not f.get("is_sme"):
        return span(adopted, _xianning(f, on, sme_only=True))
    return adopted


def _xianning(f: dict[str, Any], on: dt.date, sme_only: bool) -> Plain:
    g = f.get
    notes: list[str] = []
    in_force = on >= XIANNING_START or validity(on, XIANNING_START, None, notes)
    if in_force:  # 第十七条: until the city's pilot work is done, a date the text does not give
        notes.append("有效期以事件为界（“省级中小企业数字化转型城市试点工作完成”），日期未定，视为有效")
    industry = g("industry")
    listed = industry is not None and text_key(industry) in XIANNING_INDUSTRIES
    if industry is not None and not listed:
        notes.append(f"所属行业“{industry}”不在第六条第（一）项列举的范围内；原文列举以“等”结尾，"
                     "是否属于由主管部门认定，计算时按不符合处理")
    exclusions = excluded(g, XIANNING_EXCLUSIONS, notes)  # 第五条, 第十六条
    if not in_force or exclusions:
        return ZERO, ZERO, {}, {}, ([], [], notes, exclusions)
    items: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    funding: dict[str, Decimal] = {}

    def pay(name: str, lo: Decimal, hi: Decimal, split: dict[str, Decimal]) -> None:
        items[name] = (lo, hi)
        for k, v in split.items():
            funding[k] = funding.get(k, ZERO) + v

    kind = g("applicant_type")
    if kind == "enterprise":
        if (g("digital_level", 0) >= 2 and g("acceptance_passed") and (g("is_sme") or not sme_only)
                and listed):  # 第六条第（一）项
            a = fen(min(Decimal("0.6") * (g("spend_software_cloud", ZERO) + g("spend_data_equipment", ZERO)),
                        Decimal(150000)))
            pay("reform_subsidy", a, a, {"province": a})
        if g("chain_demo_enterprise"):  # （二） 市、县各 50%
            pay("chain_demo_award", Decimal(1000000), Decimal(1000000),
                {"city": Decimal(500000), "county": Decimal(500000)})
        if g("provincial_demo_title"):  # （三） payers conflict with 第十四条
            pay("provincial_demo_award", Decimal(200000), Decimal(200000), {"unspecified": Decimal(200000)})
        if g("typical_case_title"):
            pay("typical_case_award", Decimal(50000), Decimal(50000), {"unspecified": Decimal(50000)})
    elif kind == "service_provider":
        if g("platform_builder"):  # （四）
            pay("platform_service", ZERO, Decimal(200000), {"province": Decimal(200000)})
        if g("training_provider"):  # （五）
            pay("training_service", ZERO, Decimal(100000), {"city": Decimal(100000)})
        n_served = g("accepted_enterprises_served", 0)
        if n_served >= 1:  # （六）
            hi = Decimal(5000) * n_served
            pay("diagnosis_service", ZERO, hi, {"province": hi})
        if g("evaluation_agency"):  # （八）
            pay("evaluation_service", ZERO, Decimal(1200000), {"province": Decimal(1200000)})
    lo = sum((a for a, _ in items.values() if a is not None), ZERO)
    hi = sum((b for _, b in items.values() if b is not None), ZERO)
    return lo, hi, items, {k: v for k, v in funding.items() if v}, ([], [], notes, exclusions)


def profiles(n: int, seed: int, industries: list[str]) -> list[dict[str, object]]:
    rnd = random.Random(seed)
    out: list[dict[str, object]] = []
    for _ in range(n):
        p: dict[str, object] = {"applicant_type": rnd.choice(["enterprise"] * 4 + ["service_provider"])}
        for b in ("in_pilot_scope", "acceptance_passed", "lighthouse", "chain_transformation_award",
                  "digital_workshop_title", "chain_demo_enterprise", "provincial_demo_title",
                  "typical_case_title"):
            p[b] = rnd.random() < 0.6
        p["little_giant_central_funded"] = rnd.random() < 0.05
        p["is_sme"] = rnd.random() < 0.8
        p["digital_level"] = rnd.randint(0, 4)
        p["industry"] = rnd.choice(industries)
        for m in ("spend_software_cloud", "spend_data_equipment", "spend_consulting"):
            p[m] = rnd.choice([0, 100000, 333333, 400000, 1200000, rnd.randint(0, 2000000)])
        out.append(p)
    return out


def numbers_of(result: Any) -> Numbers:
    items = {i.id: (i.min, i.max) for i in result.items}
    pays = [(p.article, p.stage, p.min, p.max) for p in result.payments]
    return (result.total_min, result.total_max, items, dict(result.funding),
            (pays, list(result.cuts), [str(x) for x in result.notes], list(result.exclusions)))


def settled(x: Numbers) -> Numbers:
    """``x`` with its payments, cuts, notes and exclusions worked out (to compare)."""
    return x[0], x[1], x[2], x[3], rest(x)


def load_module(name: str, generated: Path = ROOT / "generated", folder: str = "python") -> ModuleType:
    path = generated / folder / f"{name}.py" if folder else generated / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{folder}_{name}", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def load_legacy(name: str) -> ModuleType | None:
    """The legacy calculator of ``name``, if kept; it imports the runtime it embedded when
    generated from ``legacy_runtime`` beside it."""
    folder = Path(__file__).resolve().parent / "legacy"
    if not (folder / f"{name}.py").exists():
        return None
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return load_module(name, folder, "")


def rates(fns: dict[str, Callable[[dict[str, object], dt.date], object]], data: list[dict[str, object]],
          on: dt.date, repeat: int, chunk: int = 250) -> dict[str, float]:
    """Calculations per second of each function.

    The machine is shared: each repeat times every function in turn on each chunk of profiles
    (CPU time of this process, so time spent descheduled does not count), and for every chunk
    the best repeat counts.
    """
    chunks = [data[i:i + chunk] for i in range(0, len(data), chunk)]
    best = {name: [math.inf] * len(chunks) for name in fns}
    clock = time.process_time
    for _ in range(repeat):
        for c, part in enumerate(chunks):
            for name, fn in fns.items():
                t = clock()
                for p in part:
                    fn(p, on)
                best[name][c] = min(best[name][c], clock() - t)
    return {name: len(data) / sum(b) for name, b in best.items()}


NODE_BENCH = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [module, input, repeat] = process.argv.slice(2);
const mod = await import(pathToFileURL(module).href);
const { on, profiles } = JSON.parse(readFileSync(input, "utf8"));
const totals = profiles.map((p) => { const r = mod.calculate(p, on); return [r.total.min, r.total.max]; });
// CPU time of this process, best of the repeats for each chunk of 250 profiles (as in Python)
const chunks = [];
for (let i = 0; i < profiles.length; i += 250) chunks.push(profiles.slice(i, i + 250));
const best = chunks.map(() => Infinity);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
for (let r = 0; r < Number(repeat); r++) {
  chunks.forEach((part, c) => {
    const t = cpu();
    for (const p of part) mod.calculate(p, on);
    best[c] = Math.min(best[c], cpu() - t);
  });
}
process.stdout.write(JSON.stringify({ rate: profiles.length / best.reduce((a, b) => a + b, 0), totals }));
"""


def node_rate(name: str, generated: Path, data: list[dict[str, object]], on: dt.date, repeat: int,
              want: list[list[str | None]]) -> float | None:
    """The JavaScript calculator's rate in Node on the same profiles (checked first), or None without node."""
    node = shutil.which("node")
    module = generated / "javascript" / f"{name}.js"
    if node is None or not module.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        script, batch = Path(tmp) / "bench.mjs", Path(tmp) / "profiles.json"
        script.write_text(NODE_BENCH, encoding="utf-8")
        batch.write_text(json.dumps({"on": on.isoformat(), "profiles": data}), encoding="utf-8")
        out = subprocess.run([node, str(script), str(module), str(batch), str(repeat * 3)], capture_output=True,
                             text=True, check=True, timeout=600)
    got = json.loads(out.stdout)
    if got["totals"] != want:
        raise SystemExit(f"{name}: the JavaScript calculator disagrees with the Python one")
    return float(got["rate"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profiles", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--generated", type=Path, default=ROOT / "generated",
                    help="the build output to measure (default: generated/)")
    args = ap.parse_args()
    on = dt.date(2025, 8, 1)
    cases = [
        ("kunming", kunming_by_hand, [*sorted(KUNMING_INDUSTRIES), "其他"]),
        ("xianning", xianning_by_hand, [*sorted(XIANNING_INDUSTRIES), "其他"]),
    ]
    print(f"{'policy':<9} {'hand-written/s':>14} {'generated/s':>12} {'ratio':>6} {'legacy/s':>9} {'ratio':>6}"
          f" {'node/s':>9} {'node/generated':>14}")
    for name, by_hand, industries in cases:
        mod = load_module(name, args.generated)
        legacy = load_legacy(name)
        data = profiles(args.profiles, seed=7, industries=industries)
        for p in data:  # same numbers before timing
            want = numbers_of(mod.calculate(p, on))
            got = settled(by_hand(p, on))
            if got != want:
                raise SystemExit(f"{name}: hand-written and generated disagree on {p}:\n{got}\n{want}")
        fns = {"hand": by_hand, "generated": mod.calculate}
        if legacy is not None:
            fns["legacy"] = legacy.calculate
        r = rates(fns, data, on, args.repeat)
        totals = [[t["min"], t["max"]] for t in (mod.calculate(p, on).to_dict()["total"] for p in data)]
        js = node_rate(name, args.generated, data, on, args.repeat, totals)
        leg = f"{r['legacy']:>9,.0f} {r['legacy'] / r['hand']:>6.2f}" if "legacy" in r else f"{'-':>9} {'-':>6}"
        node = f"{js:>9,.0f} {js / r['generated']:>14.2f}" if js else f"{'-':>9} {'-':>14}"
        print(f"{name:<9} {r['hand']:>14,.0f} {r['generated']:>12,.0f} {r['generated'] / r['hand']:>6.2f} {leg} {node}")


if __name__ == "__main__":
    main()

"""The generated Python calculators: identical to the reference evaluator, safe, clean, typed."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import opencc
import pytest

from compiler.backends import CheckedModel, CheckedPolicy
from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.runtime import ProfileError
from compiler.model import nodes as n
from compiler.model.queries import named_dates, nodes
from compiler.pipeline import Loaded, parse_source
from conftest import ROOT, SEEDS
from plugins.python import backend

GENERATED = ROOT / "generated" / "python"
N_PROFILES = 10_000


TO_TRADITIONAL = opencc.OpenCC("s2t")


def import_path(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _literals(p: n.Policy) -> tuple[set[Decimal], set[Decimal], set[str]]:
    money: set[Decimal] = set()
    rates: set[Decimal] = set()
    strings: set[str] = set()

    for x in nodes(p):
        if isinstance(x, n.MoneyLit):
            money.add(x.value)
        elif isinstance(x, n.RateLit):
            rates.add(x.value)
        elif isinstance(x, n.StrLit):
            strings.add(x.value)
    return money, rates, strings


def boundary_profiles(p: n.Policy, count: int, seed: int) -> list[tuple[dict[str, Any], dt.date]]:
    """Random profiles that hit the policy's edges: caps exactly reached, tier edges, zero spend."""
    rnd = random.Random(seed)
    money, rates, strings = _literals(p)
    edges = {Decimal(0), Decimal("0.01")}
    for m in money:
        edges |= {m, m - Decimal("0.01"), m + Decimal("0.01")}
        for r in rates:
            q = (m / r).quantize(Decimal("0.01"))
            edges |= {q, q - Decimal("0.01"), q + Decimal("0.01")}
    edge_list = sorted(e for e in edges if e >= 0)
    v = p.header.validity
    dates = [dt.date(2023, 6, 11), dt.date(2023, 6, 12), dt.date(2024, 8, 1), dt.date(2025, 8, 1),
             dt.date(2027, 1, 1)]
    for b in (v.start.date, v.end.date) if v else ():
        if b:
            dates += [b - dt.timedelta(days=1), b, b + dt.timedelta(days=1)]
    if v and v.start.date:
        dates += [v.start.date + dt.timedelta(days=d) for d in (30, 200, 400)] * 3
    if p.header.retroactive:
        r0 = p.header.retroactive.start
        dates += [r0 - dt.timedelta(days=1), r0]
    from compiler.model.printer import refs

    day_edges = [dt.date(2020, 1, 1), dt.date(2030, 6, 30)]
    for d in named_dates(p):
        day_edges += [d - dt.timedelta(days=1), d, d + dt.timedelta(days=1)]
    # the years a policy names (project_year == 2024) and the years either side
    years = sorted({int(x.value) + d for x in nodes(p) if isinstance(x, n.NumberLit)
                    and x.value == int(x.value) and 1900 <= x.value <= 2199 for d in (-1, 0, 1)})
    rate_edges = {Decimal(0), Decimal(1)}
    for r in rates:
        rate_edges |= {r, r - Decimal("0.00000001"), r + Decimal("0.00000001")}
    needed = {r for q in p.requirements for r in refs(q.cond)}
    barred = {r for x in p.exclusions for r in refs(x.cond)}
    out = []
    for _ in range(count):
        prof: dict[str, Any] = {}
        for f in p.facts:
            if not f.required and f.name not in needed and rnd.random() < 0.25:
                continue
            k = f.type.kind
            if k == "bool":
                bias = 0.9 if f.name in needed else 0.1 if f.name in barred else 0.5
                prof[f.name] = rnd.random() < bias
            elif k == "money":
                if rnd.random() < 0.6:
                    prof[f.name] = str(rnd.choice(edge_list))
                else:
                    prof[f.name] = rnd.choice([rnd.randint(0, 3_000_000),
                                               f"{rnd.randint(0, 300_000_000) / 100:.2f}"])
            elif k == "int" and (f.type.low, f.type.high) == (1900, 2199) and years:  # 年份
                prof[f.name] = rnd.choice(years) if rnd.random() < 0.8 else rnd.randint(1900, 2199)
            elif k == "int":
                hi = f.type.high if f.type.high is not None else 40
                prof[f.name] = rnd.randint(f.type.low or 0, hi)
            elif k == "enum":
                prof[f.name] = rnd.choice([val for val, _ in f.type.values])
            elif k == "date":  # the policy's own dates, the days either side, and far away
                prof[f.name] = rnd.choice(day_edges).isoformat()
            elif k == "rate":  # full precision, the declared range's ends, either side of literals
                lo = Decimal(f.type.low if f.type.low is not None else 0)
                hi = Decimal(f.type.high if f.type.high is not None else 1)
                pick = rnd.random()
                if pick < 0.4:
                    prof[f.name] = str(rnd.choice([x for x in rate_edges if lo <= x <= hi] or [lo]))
                elif pick < 0.7:
                    x = lo + (hi - lo) * Decimal(rnd.randrange(10**8 + 1)) / 10**8
                    prof[f.name] = str(x.quantize(Decimal("0.00000001")))
                else:
                    prof[f.name] = float(round(float(lo) + (float(hi) - float(lo)) * rnd.random(), 3))
            elif k == "text":
                text = rnd.choice([*sorted(strings), "其他行业"])
                if rnd.random() < 0.3:  # the same value in Traditional script, with odd spaces
                    text = f"\u3000{TO_TRADITIONAL.convert(text)} "
                prof[f.name] = text
        out.append((prof, rnd.choice(dates)))
    return out


@pytest.fixture(scope="module")
def modules() -> dict[str, ModuleType]:
    return {name: import_path(GENERATED / f"{name}.py", f"policyc_gen_{name}") for name in SEEDS}


@pytest.mark.parametrize("name", SEEDS)
def test_generated_module_equals_reference_evaluator(modules: dict[str, ModuleType], name: str) -> None:
    """10,000 cases per policy (one in eight broken on purpose): the same result or the same errors."""
    from differential import assert_python_agrees

    want = assert_python_agrees(modules[name], name, N_PROFILES)
    # the generator reaches the interesting cases, not only zeros and refusals
    assert sum(1 for w in want if w.get("ok", {}).get("items")) > 500
    assert sum(1 for w in want if "errors" in w) > 500


def test_exact_beyond_the_fast_path_and_in_a_low_precision_context(seeds: dict[str, Loaded],
                                                                    modules: dict[str, ModuleType]) -> None:
    """Money just under the 10**15 yuan limit, or a caller's 6-digit decimal context, still compute exactly."""
    import decimal

    policy = seeds["kunming"].policy
    assert policy is not None
    ev = Evaluator(policy)
    big = {"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True, "acceptance_passed": True,
           "digital_level": 2,
           "spend_software_cloud": "999999999999999.99", "spend_consulting": 10**15 - 1, "lighthouse": True}
    assert modules["kunming"].calculate(big, "2025-08-01").to_dict() == ev.calculate(big, "2025-08-01").to_dict()
    small = {**big, "spend_software_cloud": "333333.33", "spend_consulting": 0}
    with decimal.localcontext(decimal.Context(prec=6)):
        got = modules["kunming"].calculate(small, "2025-08-01")
    # 第七条第（一）项 “不超过改造投入的 50%”: up to 50% × 333333.33 = 166666.665, rounded down to
    # 166666.66 (level 2, under its 20 万元 ceiling)
    assert got.item("reform_subsidy").max == Decimal("166666.66")
    assert got.to_dict() == ev.calculate(small, "2025-08-01").to_dict()


@pytest.mark.parametrize("name", SEEDS)
def test_generated_module_passes_the_policy_test_cases(
    seeds: dict[str, Loaded], modules: dict[str, ModuleType], name: str
) -> None:
    policy = seeds[name].policy
    assert policy is not None
    ev = Evaluator(policy)
    for t in policy.tests:
        prof = {i.name: i.value for i in t.inputs}
        assert modules[name].calculate(prof, t.date).to_dict() == ev.calculate(prof, t.date).to_dict()


BAD = [
    {"spend_software_cloud": -1}, {"spend_software_cloud": "1.005"}, {"spend_software_cloud": True},
    {"spend_software_cloud": float("nan")}, {"spend_software_cloud": float("inf")},
    {"spend_software_cloud": Decimal("NaN")}, {"digital_level": 9}, {"digital_level": "2"},
    {"lighthouse": 1}, {"applicant_type": "company"}, {"no_such_fact": 1},
    {"spend_software_cloud": None}, {"industry": 5},
]


@pytest.mark.parametrize("bad", BAD)
def test_bad_profiles_raise_the_same_error_naming_the_field(
    seeds: dict[str, Loaded], modules: dict[str, ModuleType], bad: dict[str, Any]
) -> None:
    policy = seeds["kunming"].policy
    assert policy is not None
    profile = {"applicant_type": "enterprise", **bad}
    with pytest.raises(ProfileError) as ref:
        Evaluator(policy).calculate(profile, "2025-08-01")
    with pytest.raises(ValueError) as gen:
        modules["kunming"].calculate(profile, "2025-08-01")
    assert gen.value.errors == ref.value.errors  # type: ignore[attr-defined]
    assert gen.value.field == next(iter(bad))  # type: ignore[attr-defined]


def test_kunming_acceptance_case_through_the_generated_module(modules: dict[str, ModuleType]) -> None:
    k = modules["kunming"]
    profile = k.Profile(applicant_type="enterprise", is_sme=True, in_pilot_scope=True,
                        acceptance_passed=True, digital_level=4, spend_software_cloud=1200000,
                        lighthouse=True)
    r = k.calculate(profile, on=dt.date(2025, 8, 1))
    # 第七条第（一）项 “不超过改造投入的 50%” (a ceiling): 0..600,000, level-4 cap → 0..500,000;
    # 第七条第（二）项 200,000 fixed; 第十条 cap 50% × 1,200,000 = 600,000 keeps the minimums
    # (0 + 200,000) and hands the remaining 400,000 to the reform subsidy → total 200,000..600,000
    assert (r.total_min, r.total_max) == (Decimal("200000.00"), Decimal("600000.00"))
    assert (r.item("reform_subsidy").min, r.item("reform_subsidy").max) == (Decimal("0.00"),
                                                                          Decimal("500000.00"))
    assert r.item("lighthouse_award").max == Decimal("200000.00")
    assert isinstance(r.total_min, Decimal)


def _two_places(v: object) -> bool:
    return isinstance(v, Decimal) and (not v.is_finite() or v.as_tuple().exponent == -2)


def test_every_amount_attribute_has_two_decimals(modules: dict[str, ModuleType]) -> None:
    """As the page on embedding says: every amount a developer reads is a Decimal with two
    decimals (Decimal('200000.00') == Decimal('200000'), so the places are compared)."""
    k = modules["kunming"]
    # 第十条 cuts: 50% × 1,200,000 = 600,000 keeps 第七条第（二）项's fixed 200,000 (before and after)
    # and leaves 0..400,000 of the reform subsidy's 0..500,000
    r = k.calculate({"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True,
                     "acceptance_passed": True, "digital_level": 4, "spend_software_cloud": 1200000,
                     "lighthouse": True}, on="2025-08-01")
    cut = {c[2]: c for c in r.cuts}
    assert [tuple(map(str, x)) for x in cut["lighthouse_award"][3:]] == [
        ("600000.00", "600000.00"), ("200000.00", "200000.00"), ("200000.00", "200000.00")]
    assert [tuple(map(str, x)) for x in cut["reform_subsidy"][4:]] == [("0.00", "500000.00"), ("0.00", "400000.00")]
    # 解读 encouraged_industry: under limited (adopted) 汽车制造 gets neither 第七条第（三）项 nor 第（四）项,
    # under any_industry each is up to 100万元, cut by 第十条 to 50% × 800,000 = 400,000 in all; the
    # spanned items run from 0 (absent under limited) to 1,000,000, the spanned cuts likewise
    r = k.calculate({"applicant_type": "enterprise", "industry": "汽车制造", "is_sme": True,
                     "digital_workshop_title": True, "chain_transformation_award": True,
                     "spend_consulting": 800000}, on="2025-08-01")
    assert [(i.id, str(i.min), str(i.max)) for i in r.items] == [
        ("workshop_award", "0.00", "1000000.00"), ("chain_award", "0.00", "1000000.00")]
    assert (str(r.total_min), str(r.total_max)) == ("0.00", "400000.00")
    assert [tuple(str(x) for part in c[3:] for x in part) for c in r.cuts] == [
        ("400000.00", "400000.00", "0.00", "1000000.00", "0.00", "400000.00"),
        ("400000.00", "400000.00", "0.00", "1000000.00", "0.00", "0.00")]
    for got in (r, k.calculate({"applicant_type": "enterprise", "lighthouse": True}, on="2025-08-01")):
        amounts = [got.total_min, *got.funding.values(), *(x for i in got.items for x in (i.min, i.max)),
                   *(x for i in got.items for x in i.funding.values()),
                   *(x for p in got.payments for x in (p.min, p.max)),
                   *(x for c in got.cuts for part in c[3:] for x in part)]
        assert amounts and all(_two_places(x) for x in amounts), amounts


NASTY = [
    'quote " double', "single ' quote", 'triple """ quotes', "back\\slash \\n \\x00",
    "new\nline", "{{ jinja }} {% raw %}", "tab\tand\u3000full-width", "”“「」‘’",
    "ends with quote\"", "\\", "${x} %s {0}", "# not a comment",
]  # U+2028 and control characters are refused by the checker (PC008, tests/test_edge_text.py)


def test_policy_strings_cannot_break_or_inject_into_generated_code(tmp_path: Path) -> None:
    nasty = "".join(NASTY)
    esc = nasty.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    text = f'''政策 evil {{ 标题 "{esc}" 文号 "{esc}" }}
事实 {{ applicant_type custom: 布尔 "{esc}" }}
定义 bonus "{esc}" = 10元
补助 x {{ 条款 第一条 原文 「{nasty.replace("」", "").replace("「", "")}」 标题 "{esc}" 说明 "{esc}"
  条件 custom 金额 bonus 资金 city 100% }}
'''
    policy, diags = parse_source(text, "evil.policy")
    assert policy is not None, [d.message for d in diags]
    assert policy.header.title == nasty
    src = backend.render(CheckedModel((CheckedPolicy(policy, "policies/evil.policy", (), ()),)))
    code = src["evil.py"]
    compile(code, "evil.py", "exec")
    path = tmp_path / "evil.py"
    path.write_text(code, encoding="utf-8")
    mod = import_path(path, "policyc_gen_evil")
    assert (nasty, nasty) == (mod.TITLE, mod.DOCUMENT_NUMBER)
    r = mod.calculate({"applicant_type": "enterprise", "custom": True}).to_dict()
    assert r["items"][0]["title"] == nasty
    assert r["items"][0]["max"] == "10.00"
    assert mod.FACTS[1].label == nasty
    assert mod.item_x.__doc__ is not None


def assert_ruff_and_mypy_strict(files: list[str], workdir: Path) -> None:
    """Generated Python modules pass ruff (for Python 3.9) and mypy --strict (for 3.10), as a
    developer embedding them would run them; ``workdir`` holds mypy's cache."""
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--target-version", "py39",
                           *files], capture_output=True, text=True, check=False)
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                           "--cache-dir", str(workdir / "mypy"), "--python-version", "3.10", *files],
                          capture_output=True, text=True, check=False, cwd=workdir)
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


def test_generated_modules_pass_ruff_and_mypy_strict(tmp_path: Path) -> None:
    assert_ruff_and_mypy_strict(sorted(str(p) for p in GENERATED.glob("*.py")), tmp_path)


def test_generated_module_uses_only_the_standard_library() -> None:
    import ast

    for path in GENERATED.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mods = [node.module or ""]
            else:
                continue
            for m in mods:
                assert m.split(".")[0] in sys.stdlib_module_names | {"__future__"}, (path, m)


def test_one_function_per_item_with_the_article_quoted(modules: dict[str, ModuleType]) -> None:
    k = modules["kunming"]
    doc = k.item_reform_subsidy.__doc__
    assert doc.startswith("第七条第（一）项 中小企业数字化转型企业改造补助")
    assert "每家最高补助" in doc
    assert "达到二级水平" in (k.Profile.__doc__ or "") or hasattr(k.Profile, "digital_level")


def test_a_shared_note_cannot_be_changed_by_one_caller() -> None:
    # The note for an industry outside 昆明 第四条's list is made once per value and shared by
    # every result that has it: its data is read-only, so one caller cannot rewrite another's.
    mod = import_path(ROOT / "generated" / "python" / "kunming.py", "kunming_shared_note")
    profile = {"applicant_type": "enterprise", "industry": "造船", "in_pilot_scope": True}
    first = mod.calculate(profile, "2025-08-01")
    second = mod.calculate(profile, "2025-08-01")
    note, = (x for x in first.notes if getattr(x, "kind", "").startswith("unlisted"))
    assert note.data["fact"] == "industry"
    with pytest.raises(TypeError):
        note.data["fact"] = "other"
    with pytest.raises(AttributeError):
        note.kind = "other"
    assert [x.to_dict() for x in second.notes] == [x.to_dict() for x in first.notes]


def test_results_pickle_and_copy_before_and_after_they_are_read() -> None:
    # A result spanning 昆明's two readings of 第七条第（三）项 (an SME in 汽车制造, which is not
    # a pilot industry, holding the 数字化车间 title, 800,000 of consulting spend) merges its
    # items only when read; it must pickle and copy either way, notes included, and equal the
    # original.
    import copy
    import pickle

    mod = import_path(ROOT / "generated" / "python" / "kunming.py", "kunming_pickled")
    profile = {"applicant_type": "enterprise", "industry": "汽车制造", "is_sme": True,
               "digital_workshop_title": True, "spend_consulting": 800000}
    for read_first in (False, True):
        result = mod.calculate(profile, "2025-08-01")
        if read_first:
            result.to_dict()
        for twin in (pickle.loads(pickle.dumps(result)), copy.deepcopy(result), copy.copy(result)):
            assert twin.to_dict() == result.to_dict()
            assert [n.to_dict() for n in twin.notes] == [n.to_dict() for n in result.notes]
        # limited: 汽车制造 is not a pilot industry, nothing is paid; any_industry: the award is
        # 不超过 100万元 (第七条第（三）项), cut by 第十条 to 50% × 800,000 = 400,000
        assert result.to_dict()["total"] == {"min": "0.00", "max": "400000.00"}


def test_the_embedding_page_examples_print_what_the_page_says(tmp_path: Path) -> None:
    """Every example of docs/developers/embedding.md that imports the 昆明 module, run as the page says
    (the module copied into an empty folder), prints exactly the output the page shows below it.
    The rounding example: 第七条第（一）项 pays up to 50% × 333333.33 = 166666.665 → 166666.66 (a level-2
    SME in the pilot scope); 第十七条 pays at most 70% (116666.66) after 评测验收, and as the subsidy is a
    range from 0, the rest is 0.00 to 166666.66."""
    import itertools
    import re
    import shutil

    page = (ROOT / "docs" / "developers" / "embedding.md").read_text(encoding="utf-8")
    shutil.copy(GENERATED / "kunming.py", tmp_path / "kunming.py")
    blocks = re.findall(r"^```(\w*)\n(.*?)^```$", page, re.S | re.M)
    examples = [(code, out) for (lang, code), (next_lang, out) in itertools.pairwise(blocks)
                if lang == "python" and "import kunming" in code and next_lang == "text"]
    assert len(examples) == 2
    for code, want in examples:
        (tmp_path / "example.py").write_text(code, encoding="utf-8")
        got = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True,
                             check=False)
        assert got.returncode == 0, got.stderr
        assert got.stdout == want, code

"""JSON Schema forms: valid draft 2020-12, and they accept exactly what the calculators accept."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from jsonschema.validators import extend

from compiler.evaluate.profile import load_json_profile
from compiler.evaluate.runtime import ProfileError
from compiler.pipeline import Loaded
from compiler.vocabulary import FACTS
from conftest import ROOT, SEEDS
from test_python_backend import import_path

SCHEMAS = ROOT / "generated" / "jsonschema"

# Exact decimals: JSON numbers are read as Decimal, and an integral Decimal is an integer
# (draft 2020-12: an integer is a number with a zero fractional part).
DecimalValidator = extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "integer",
        lambda checker, x: (isinstance(x, int) and not isinstance(x, bool))
        or (isinstance(x, Decimal) and x.is_finite() and x == x.to_integral_value()),
    ),
)


def schema(name: str, kind: str) -> dict[str, Any]:
    text = (SCHEMAS / f"{name}.{kind}.schema.json").read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def modules() -> dict[str, ModuleType]:
    return {n: import_path(ROOT / "generated" / "python" / f"{n}.py", f"js_gen_{n}") for n in SEEDS}


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize("kind", ["input", "result"])
def test_schemas_are_valid_draft_2020_12(name: str, kind: str) -> None:
    s = schema(name, kind)
    Draft202012Validator.check_schema(s)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["$id"] == f"urn:policyc:{name}:{kind}"
    assert s["$comment"].startswith(f"generated from policies/{name}.policy by policyc")


@pytest.mark.parametrize("name", SEEDS)
def test_every_policy_test_case_profile_validates(seeds: dict[str, Loaded], name: str) -> None:
    s = schema(name, "input")
    policy = seeds[name].policy
    assert policy is not None
    v = DecimalValidator(s)
    assert len(s["examples"]) == len(policy.tests)
    for t in policy.tests:
        profile = {i.name: i.value for i in t.inputs}
        assert not list(v.iter_errors(profile)), t.name
    for example in s["examples"]:
        assert v.is_valid(json.loads(json.dumps(example), parse_float=Decimal))


def test_input_schema_fields_have_chinese_titles_units_and_articles() -> None:
    s = schema("kunming", "input")
    level = s["properties"]["digital_level"]
    assert level["title"] == "改造后数字化水平等级"
    assert (level["type"], level["minimum"], level["maximum"]) == ("integer", 0, 4)
    assert "第七条第（一）项" in level["description"]
    kinds = s["properties"]["applicant_type"]
    assert {o["const"]: o["title"] for o in kinds["oneOf"]}["enterprise"] == "企业"
    assert s["required"] == ["applicant_type"]
    assert s["additionalProperties"] is False
    assert s["x-field-order"][:3] == ["applicant_type", "industry", "in_pilot_scope"]
    assert set(FACTS) <= set(s["properties"])  # the shared vocabulary is accepted as optional


def _value(kind: str, fact: str) -> st.SearchStrategy[object]:
    t = FACTS[fact][0] if fact in FACTS else None
    if kind == "bool":
        return st.booleans()
    if kind == "money":
        cents = st.integers(0, 300_000_000)
        return st.one_of(st.integers(0, 3_000_000), cents.map(lambda c: f"{c // 100}.{c % 100:02d}"),
                         cents.map(lambda c: Decimal(c) / 100))
    if kind == "int":
        hi = t.high if t and t.high is not None else 50
        return st.integers(0, hi)
    if kind == "enum":
        assert t is not None
        return st.sampled_from([v for v, _ in t.values])
    return st.sampled_from(["化学药品制造", "装备制造", "其他"])


BROKEN = {
    "wrong type": lambda k: {"bool": '"yes"', "money": "true", "int": '"3"', "enum": "7",
                             "text": "5", "rate": '"x"'}[k],
    "negative": lambda k: "-1" if k in ("money", "int") else None,
    "three decimals": lambda k: "1.005" if k == "money" else None,
    "NaN": lambda k: "NaN" if k == "money" else None,
    "Infinity": lambda k: "Infinity" if k in ("money", "int") else None,
    "null": lambda k: "null",
    "out of range": lambda k: "9" if k == "int" else None,
    "not in enum": lambda k: '"company"' if k == "enum" else None,
    "fraction for integer": lambda k: "2.5" if k == "int" else None,
}


def _accepts_schema(text: str, validator: Any) -> bool:
    try:
        data = load_json_profile(text)  # the intake's strict JSON reading (no NaN, no duplicates)
    except ProfileError:
        return False
    return bool(validator.is_valid(data))


def _accepts_calc(text: str, module: ModuleType) -> bool:
    try:
        module.calculate(load_json_profile(text), "2025-08-01")
    except ValueError:
        return False
    return True


def _profile_text(base: dict[str, object], broken: tuple[str, str] | None) -> str:
    body = {k: (str(v) if isinstance(v, Decimal) else v) for k, v in base.items()}
    text = json.dumps(body, ensure_ascii=False)
    # Decimal values were written as strings; money also accepts numbers: write some as numbers
    if broken is None:
        return text
    field, raw = broken
    body.pop(field, None)
    inner = json.dumps(body, ensure_ascii=False)[1:-1]
    return "{" + (inner + ", " if inner else "") + json.dumps(field) + ": " + raw + "}"


@pytest.mark.parametrize("name", SEEDS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_schema_and_calculator_agree_on_accept_and_reject(
    seeds: dict[str, Loaded], modules: dict[str, ModuleType], name: str, data: st.DataObject
) -> None:
    policy = seeds[name].policy
    assert policy is not None
    validator = DecimalValidator(schema(name, "input"))
    facts = {f.name: f.type.kind for f in policy.facts}
    facts.update({k: t.kind for k, (t, _) in FACTS.items() if k not in facts})
    chosen = data.draw(st.lists(st.sampled_from(sorted(facts)), unique=True, max_size=8))
    base: dict[str, object] = {f: data.draw(_value(facts[f], f)) for f in chosen}
    if data.draw(st.booleans()):
        base["applicant_type"] = data.draw(_value("enum", "applicant_type"))
    how = data.draw(st.sampled_from(["valid", "broken", "unknown"]))
    broken = None
    if how == "broken":
        field = data.draw(st.sampled_from(sorted(facts)))
        raw = BROKEN[data.draw(st.sampled_from(sorted(BROKEN)))](facts[field])
        broken = (field, raw) if raw is not None else None
    elif how == "unknown":
        broken = ("no_such_fact", "1")
    text = _profile_text(base, broken)
    assert _accepts_schema(text, validator) == _accepts_calc(text, modules[name]), text


@pytest.mark.parametrize("name", SEEDS)
def test_every_result_validates_against_the_result_schema(
    seeds: dict[str, Loaded], modules: dict[str, ModuleType], name: str
) -> None:
    from test_python_backend import boundary_profiles

    policy = seeds[name].policy
    assert policy is not None
    v = DecimalValidator(schema(name, "result"))
    for prof, on in boundary_profiles(policy, 500, seed=11):
        result = modules[name].calculate(prof, on).to_dict()
        errors = list(v.iter_errors(result))
        assert not errors, (errors[0].message, result)


def test_schema_files_are_utf8_json_built_with_sorted_keys() -> None:
    for path in sorted(Path(SCHEMAS).glob("*.json")):
        text = path.read_text(encoding="utf-8")
        doc = json.loads(text)
        assert text == json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"

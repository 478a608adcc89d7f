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
from test_python_backend import boundary_profiles, import_path

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
@pytest.mark.parametrize("kind", ["input", "vocabulary", "result"])
def test_schemas_are_valid_draft_2020_12(name: str, kind: str) -> None:
    s = schema(name, kind)
    Draft202012Validator.check_schema(s)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["$id"] == f"urn:policyc:{name}:{kind}"
    assert s["$comment"].startswith(f"generated from policies/{name}.policy by policyc")


@pytest.mark.parametrize("name", SEEDS)
def test_every_policy_test_case_profile_validates(seeds: dict[str, Loaded], name: str) -> None:
    policy = seeds[name].policy
    assert policy is not None
    kinds = {f: t.kind for f, (t, _) in FACTS.items()} | {f.name: f.type.kind for f in policy.facts}
    for kind in ("input", "vocabulary"):
        s = schema(name, kind)
        v = DecimalValidator(s)
        assert len(s["examples"]) == len(policy.tests)
        for t in policy.tests:
            # money in the schema's convention: a decimal string
            profile = {i.name: str(i.value) if kinds[i.name] == "money" else i.value for i in t.inputs}
            if kind == "vocabulary" or form_can_say(s, profile):
                assert not list(v.iter_errors(profile)), (kind, t.name)
        for example in s["examples"]:
            if kind == "vocabulary" or form_can_say(s, example):
                assert v.is_valid(json.loads(json.dumps(example), parse_float=Decimal))


def form_fields(s: dict[str, Any], applicant_type: object) -> set[str]:
    """The fields the form shows for a kind of applicant (conditional ones only for theirs)."""
    fields = set(s["properties"])
    for branch in s.get("allOf", []):
        if branch["if"]["properties"]["applicant_type"]["const"] == applicant_type:
            fields |= set(branch["then"]["properties"])
    return fields


def form_can_say(s: dict[str, Any], profile: dict[str, Any]) -> bool:
    return set(profile) <= form_fields(s, profile.get("applicant_type"))


def test_input_schema_fields_have_chinese_titles_units_and_articles() -> None:
    s = schema("kunming", "input")
    enterprise = next(b["then"]["properties"] for b in s["allOf"]
                      if b["if"]["properties"]["applicant_type"]["const"] == "enterprise")
    level = enterprise["digital_level"]
    assert level["title"] == "改造后数字化水平等级"
    assert (level["type"], level["minimum"], level["maximum"]) == ("integer", 0, 4)
    assert [o["title"] for o in level["oneOf"]] == ["未评测（0）", "一级", "二级", "三级", "四级"]
    assert "第七条第（一）项" in level["description"]
    kinds = s["properties"]["applicant_type"]
    # titles through oneOf/const/title and no duplicate enum (form libraries show the codes)
    assert {o["const"]: o["title"] for o in kinds["oneOf"]}["enterprise"] == "企业"
    assert "enum" not in json.dumps(s)
    assert s["required"] == ["applicant_type"]
    assert s["unevaluatedProperties"] is False
    # the order a person answers in: who applies, then what the items read first
    assert s["x-field-order"][:4] == ["applicant_type", "in_pilot_scope", "acceptance_passed", "digital_level"]
    # only the facts 昆明 reads; the evaluation agency's field only for service providers
    assert "cloud_platform_adopted" not in form_fields(s, "enterprise")
    assert "evaluation_agency" in form_fields(s, "service_provider")
    assert "evaluation_agency" not in form_fields(s, "enterprise")
    assert "digital_level" not in form_fields(s, "service_provider")
    # money: one type, a decimal string (json.load keeps "0.29" exact)
    money = s["properties"]["spend_software_cloud"]
    assert (money["type"], money["x-unit"]) == ("string", "元") and "anyOf" not in money
    v = DecimalValidator(s)
    assert v.is_valid(json.loads('{"applicant_type": "enterprise", "spend_software_cloud": "0.29"}'))
    assert not v.is_valid({"applicant_type": "enterprise", "spend_software_cloud": "0.291"})
    assert not v.is_valid({"applicant_type": "enterprise", "spend_software_cloud": 1200000})
    # the industry field offers the listed pilot industries (and still takes any text)
    assert enterprise["industry"]["examples"][0] == "化学新材料制品制造"
    full = schema("kunming", "vocabulary")
    assert set(FACTS) <= set(full["properties"])  # the shared vocabulary is accepted as optional
    assert full["additionalProperties"] is False


def _value(kind: str, fact: str) -> st.SearchStrategy[object]:
    t = FACTS[fact][0] if fact in FACTS else None
    if kind == "bool":
        return st.booleans()
    if kind == "money":
        cents = st.integers(0, 300_000_000)
        # mostly the schema's decimal strings; sometimes JSON numbers, which only the calculator takes
        return st.one_of(cents.map(lambda c: f"{c // 100}.{c % 100:02d}"), st.integers(0, 3_000_000).map(str),
                         st.integers(0, 3_000_000), cents.map(lambda c: Decimal(c) / 100))
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
    if broken is None:
        return json.dumps(body, ensure_ascii=False)
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
    """What a form accepts the calculator accepts; with money as decimal strings (the schemas'
    convention) the vocabulary schema accepts exactly what the calculator accepts, and the form
    schema exactly what it accepts among the fields the form shows that applicant."""
    policy = seeds[name].policy
    assert policy is not None
    form_schema = schema(name, "input")
    form, full = DecimalValidator(form_schema), DecimalValidator(schema(name, "vocabulary"))
    facts = {f.name: f.type.kind for f in policy.facts}
    facts.update({k: t.kind for k, (t, _) in FACTS.items() if k not in facts})
    pool = sorted(facts) if data.draw(st.booleans()) else sorted(
        form_fields(form_schema, "enterprise") | form_fields(form_schema, "service_provider"))
    chosen = data.draw(st.lists(st.sampled_from(pool), unique=True, max_size=8))
    base: dict[str, object] = {f: data.draw(_value(facts[f], f)) for f in chosen}
    if data.draw(st.booleans()):
        base["applicant_type"] = data.draw(_value("enum", "applicant_type"))
    how = data.draw(st.sampled_from(["valid", "valid", "broken", "unknown"]))
    broken = None
    if how == "broken":
        field = data.draw(st.sampled_from(sorted(facts)))
        raw = BROKEN[data.draw(st.sampled_from(sorted(BROKEN)))](facts[field])
        broken = (field, raw) if raw is not None else None
    elif how == "unknown":
        broken = ("no_such_fact", "1")
    text = _profile_text(base, broken)
    calc = _accepts_calc(text, modules[name])
    by_form, by_full = _accepts_schema(text, form), _accepts_schema(text, full)
    assert calc or not by_form, ("the form accepts what the calculator refuses", text)
    assert calc or not by_full, ("the schema accepts what the calculator refuses", text)
    try:
        profile = load_json_profile(text)
    except ProfileError:
        return
    assert by_full == calc, text  # the vocabulary schema takes money as a string or a number
    if any(facts.get(k) == "money" and not isinstance(v, str) for k, v in profile.items()):
        assert not by_form  # money as a JSON number: not the form's way of writing it
        return
    if form_can_say(form_schema, profile):
        assert by_form == calc, text


@pytest.mark.parametrize("name", SEEDS)
def test_every_result_validates_against_the_result_schema(
    seeds: dict[str, Loaded], modules: dict[str, ModuleType], name: str
) -> None:
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

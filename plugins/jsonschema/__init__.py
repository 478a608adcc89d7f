"""The JSON Schema backend: an intake form and a result schema per policy (draft 2020-12).

``<id>.input.schema.json`` accepts exactly what the calculators accept (a test checks both ways):
the facts the policy reads, plus every shared-vocabulary fact as optional; unknown fields are
rejected. Money is yuan, non-negative, at most two decimals, as a number or a decimal string —
validate numbers as exact decimals (Python: ``json.loads(..., parse_float=Decimal)`` for both
schema and data; ajv: ``multipleOfPrecision: 2``), since ``0.07`` is not a multiple of ``0.01``
in binary floating point.

``<id>.result.schema.json`` describes ``Result.to_dict()`` / ``policyc calc --format json``.
JSON is built with the json library (sorted keys, UTF-8), never with text templates.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from compiler.backends import CheckedModel, CheckedPolicy, header_line
from compiler.evaluate.runtime import field_rules
from compiler.model import nodes as n
from compiler.model.queries import articles_by_fact, block_exprs, facts_read, listed_values
from compiler.vocabulary import BENEFICIARIES, FACTS, FUNDING_SOURCES, UNSPECIFIED

DRAFT = "https://json-schema.org/draft/2020-12/schema"
AMOUNT_PATTERN = r"^-?[0-9]+\.[0-9]{2}$"
_UNIT = {"bool": "是/否", "money": "金额，单位元，非负，最多两位小数", "rate": "比例，0 到 1",
         "int": "整数", "enum": "选项", "text": "文本"}


def _json(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _plain(value: object) -> object:
    """A test-case value as JSON: integral Decimals as integers, others as decimal strings."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    return value


def fact_schema(f: n.FactDecl, articles: list[str],
                listed: tuple[list[str], bool] = ([], False)) -> dict[str, Any]:
    t = f.type
    desc = _UNIT[t.kind] + (f"。依据：{'、'.join(articles)}" if articles else "。本政策不读取此项（共享词汇）")
    s: dict[str, Any] = {"title": f.label, "description": desc}
    rules = field_rules(t.kind, t.low, t.high, tuple(v for v, _ in t.values))
    if t.kind == "bool":
        s.update(type="boolean", default=bool(f.default) if f.default is not None else False)
    elif t.kind in ("money", "rate"):
        bounds: dict[str, Any] = {"minimum": rules["minimum"]}
        if "maximum" in rules:
            bounds["maximum"] = rules["maximum"]
        if "exclusive_maximum" in rules:
            bounds["exclusiveMaximum"] = rules["exclusive_maximum"]
        # multipleOf only within the bounds: a validator reading numbers as Decimal would
        # otherwise fail on 1E+28 % 0.01 (beyond the default precision) instead of refusing it
        number: dict[str, Any] = {"type": "number", **bounds, "if": dict(bounds),
                                  "then": {"multipleOf": float(rules["multiple_of"])}}
        s["anyOf"] = [number, {"type": "string", "pattern": rules["pattern"]}]
        s["default"] = 0
    elif t.kind == "int":
        s["type"] = "integer"
        s["minimum"] = rules["minimum"]
        s["maximum"] = rules["maximum"]
        s["default"] = int(f.default) if isinstance(f.default, int | Decimal) else (t.low or 0)
    elif t.kind == "enum":
        s["type"] = "string"
        s["enum"] = rules["enum"]
        s["oneOf"] = [{"const": v, "title": label} for v, label in t.values]
    else:
        s["type"] = "string"
        values, is_open = listed
        if values:
            # The values the policy lists, as choices; any other text is still accepted (the
            # calculators accept it and note that it is not in the list).
            other = ("其他（原文列举以“等”结尾，未列举的是否属于由主管部门认定；计算时按不符合处理）"
                     if is_open else "其他（不在列举中，计算时按不符合处理）")
            s["anyOf"] = [*({"const": v, "title": v} for v in values),
                          {"type": "string", "title": other}]
            s["description"] += "。简体、繁体，全角、半角与多余空格视为相同"
        s["maxLength"] = rules["max_length"]
    return s


def _only_for(p: n.Policy) -> dict[str, str]:
    """Facts read only by items of one beneficiary type (shown only for that type)."""
    by_fact: dict[str, set[str | None]] = {}
    for block in p.blocks():
        who = block.beneficiary if isinstance(block, n.Item) else None
        for e in block_exprs(block):
            for fact in facts_read(p, e):
                by_fact.setdefault(fact, set()).add(who)
    return {fact: who for fact, (who,) in ((f, tuple(w)) for f, w in by_fact.items() if len(w) == 1)
            if who is not None and fact != "applicant_type"}


def input_schema(cp: CheckedPolicy) -> dict[str, Any]:
    p = cp.policy
    uses = articles_by_fact(p, beneficiary=True)
    declared = {f.name: f for f in p.facts}
    order = [f.name for f in p.facts] + sorted(set(FACTS) - set(declared))
    props: dict[str, Any] = {}
    for name in order:
        decl = declared.get(name)
        if decl is None:
            t, label = FACTS[name]
            decl = n.FactDecl(name, t, label, None, False, True, p.header.span)
        props[name] = fact_schema(decl, uses.get(name, []),
                                  listed_values(p, name) if decl.type.kind == "text" else ([], False))
    only = _only_for(p)
    conditional = []
    for who in sorted(set(only.values())):
        fields = sorted(f for f, w in only.items() if w == who)
        conditional.append({
            "if": {"properties": {"applicant_type": {"const": who}}, "required": ["applicant_type"]},
            "then": {"properties": {f: {"description": f"仅{BENEFICIARIES.get(who, who)}填写"}
                                    for f in fields}},
            "$comment": f"{', '.join(fields)}: read only for applicant_type = {who}; "
                        "annotation only, other applicants may leave them out",
        })
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"urn:policyc:{p.id}:input",
        "$comment": header_line(cp.source_file),
        "title": f"{p.header.title} — 申请人信息",
        "description": "申请人填写的事实；金额单位为元。未填写的是/否项按“否”、金额与数量按 0 计算。",
        "type": "object",
        "additionalProperties": False,
        "properties": props,
        "required": sorted(f.name for f in p.facts if f.required),
        "x-field-order": order,
        "examples": [{i.name: _plain(i.value) for i in t.inputs} for t in p.tests],
    }
    if conditional:
        schema["allOf"] = conditional
    return schema


def result_schema(cp: CheckedPolicy) -> dict[str, Any]:
    p = cp.policy
    amount = {"type": "string", "pattern": AMOUNT_PATTERN}
    maybe = {"anyOf": [amount, {"type": "null"}]}
    sources = [*FUNDING_SOURCES, UNSPECIFIED]
    funding = {"type": "object", "propertyNames": {"enum": sources}, "additionalProperties": amount}
    pair = {"type": "object", "additionalProperties": False, "required": ["min", "max"],
            "properties": {"min": amount, "max": maybe}}
    item = {
        "type": "object", "additionalProperties": False,
        "required": ["id", "article", "title", "min", "max", "funding", "trace"],
        "properties": {
            "id": {"enum": [i.id for i in p.items]},
            "article": {"type": "string"}, "title": {"type": "string"},
            "min": maybe, "max": maybe, "funding": funding,
            "trace": {"type": "array", "items": {"type": "string"}},
        },
    }
    payment = {"type": "object", "additionalProperties": False,
               "required": ["article", "stage", "min", "max"],
               "properties": {"article": {"type": "string"}, "stage": {"type": "string"},
                              "min": maybe, "max": maybe}}
    return {
        "$schema": DRAFT,
        "$id": f"urn:policyc:{p.id}:result",
        "$comment": header_line(cp.source_file),
        "title": f"{p.header.title} — 计算结果",
        "type": "object",
        "additionalProperties": False,
        "required": ["policy", "as_of", "in_force", "excluded", "exclusions", "items", "total",
                     "funding", "payments"],
        "properties": {
            "policy": {"const": p.id},
            "as_of": {"type": "string", "format": "date"},
            "in_force": {"type": "boolean"},
            "excluded": {"type": "boolean"},
            "exclusions": {"type": "array", "items": {"type": "string"}},
            "items": {"type": "array", "items": item},
            "total": pair,
            "funding": funding,
            "payments": {"type": "array", "items": payment},
        },
    }


class JsonSchemaBackend:
    name = "jsonschema"
    description = "申请表单与计算结果的 JSON Schema（draft 2020-12）"

    def render(self, model: CheckedModel) -> Mapping[str, str]:
        files: dict[str, str] = {}
        for cp in model.policies:
            files[f"{cp.policy.id}.input.schema.json"] = _json(input_schema(cp))
            files[f"{cp.policy.id}.result.schema.json"] = _json(result_schema(cp))
        return files


backend = JsonSchemaBackend()

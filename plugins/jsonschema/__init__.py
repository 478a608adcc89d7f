"""The JSON Schema backend: intake forms and a result schema per policy (draft 2020-12).

Three input schemas, all of which the calculators accept:

* ``<id>.input.schema.json`` — the form: only the facts the policy reads, in the policy's
  order, each with a Chinese title; fields read only for one kind of applicant appear only for
  that kind (``allOf`` of ``if``/``then``, closed with ``unevaluatedProperties: false``).
  Whatever it accepts, the calculator accepts (a property test checks this both ways on the
  profiles a form can produce).
* ``<id>.vocabulary.schema.json`` — everything the calculator accepts: every shared-vocabulary
  fact as optional, no conditional fields. Accepts exactly what the calculator accepts, money as
  a decimal string or a JSON number (for validating stored profiles, not for forms).
* ``profile.input.schema.json`` — one profile for every policy (the cross-policy page): the
  facts some policy reads, with the policy-specific ones marked in ``x-policies``.

Choices are ``oneOf`` of ``{const, title}`` (no duplicate ``enum``), so form libraries show the
Chinese titles. **Money is one type: a decimal string of yuan**, ``"12000.50"``, with at most two
decimals (the runtime's ``field_rules`` pattern, below 10^15 yuan), so that no JSON reader turns it into a binary float
(``json.load`` reads ``0.29`` as a float that fails ``multipleOf: 0.01``). The calculators also
take money as JSON numbers (the shared vocabulary allows both); only the vocabulary schema does.

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
from compiler.model.queries import articles_by_fact, block_exprs, facts_read, input_json, listed_values
from compiler.vocabulary import BENEFICIARIES, FACTS, FUNDING_SOURCES, UNSPECIFIED

DRAFT = "https://json-schema.org/draft/2020-12/schema"
AMOUNT_PATTERN = r"^-?[0-9]+\.[0-9]{2}$"
_UNIT = {"bool": "是/否", "money": "金额，单位元，写成十进制数字串，最多两位小数，例如 \"12000.50\"",
         "rate": "比例，写成十进制数字串（至多 8 位小数，0.075 即 7.5%）", "int": "整数", "enum": "选项",
         "text": "文本", "date": "日期，写成 YYYY-MM-DD，例如 \"2026-03-31\""}
_LEVELS = "〇一二三四五六七八九十"


def _json(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _plain(value: object, kind: str | None = None) -> object:
    """A test-case value as JSON: money as a decimal string, integers as integers."""
    if kind in ("money", "rate") and isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    return input_json(value)


def _level_titles(f: n.FactDecl) -> list[dict[str, Any]] | None:
    """“一级”…“四级” for a small integer scale such as 改造后数字化水平等级."""
    t = f.type
    if t.kind != "int" or t.low is None or t.high is None or not 0 <= t.low <= t.high <= 10 \
            or "等级" not in f.label:
        return None
    return [{"const": v, "title": "未评测（0）" if v == 0 else f"{_LEVELS[v]}级"}
            for v in range(int(t.low), int(t.high) + 1)]


def fact_schema(f: n.FactDecl, articles: list[str],
                listed: tuple[list[str], bool] = ([], False), *, money_numbers: bool = False) -> dict[str, Any]:
    """One fact's schema. Money is a decimal string; with ``money_numbers`` (the vocabulary
    schema, which accepts exactly what the calculators accept) a JSON number within the same
    bounds is accepted too."""
    t = f.type
    desc = _UNIT[t.kind] + (f"。依据：{'、'.join(articles)}" if articles else "。本政策不读取此项（共享词汇）")
    s: dict[str, Any] = {"title": f.label, "description": desc}
    rules = field_rules(t.kind, t.low, t.high, tuple(v for v, _ in t.values))
    if t.kind == "bool":
        s.update(type="boolean", default=bool(f.default) if f.default is not None else False)
    elif t.kind == "date":
        # an ISO date; JSON Schema cannot say which days a month has: the calculators refuse 2025-02-30
        s.update(type="string", format="date", pattern=rules["pattern"])
    elif t.kind == "rate":
        lo, hi = rules["minimum"], rules["maximum"]
        s["description"] += f"；取值 {lo} 到 {hi}"
        s["x-range"] = [lo, hi]
        # a decimal string whose pattern admits only the declared range (when its ends are whole),
        # or a JSON number within it
        s["anyOf"] = [{"type": "string", "pattern": ratio_pattern(lo, hi)},
                      {"type": "number", "minimum": float(lo), "maximum": float(hi)}]
    elif t.kind in ("money", "rate"):
        # one type: a decimal string (the runtime's pattern: below 10^15 yuan, two decimals)
        s.update(type="string", pattern=rules["pattern"])
        if money_numbers:
            bounds: dict[str, Any] = {"minimum": rules["minimum"]}
            if "maximum" in rules:
                bounds["maximum"] = rules["maximum"]
            if "exclusive_maximum" in rules:
                bounds["exclusiveMaximum"] = rules["exclusive_maximum"]
            # multipleOf only within the bounds: a validator reading numbers as Decimal would
            # otherwise fail on 1E+28 % 0.01 (beyond the default precision) instead of refusing it
            number: dict[str, Any] = {"type": "number", **bounds, "if": dict(bounds),
                                      "then": {"multipleOf": float(rules["multiple_of"])}}
            del s["type"], s["pattern"]
            s["anyOf"] = [{"type": "string", "pattern": rules["pattern"]}, number]
        if t.kind == "money":
            s["x-unit"] = "元"
    elif t.kind == "int":
        s["type"] = "integer"
        s["minimum"] = rules["minimum"]
        s["maximum"] = rules["maximum"]
        levels = _level_titles(f)
        if levels:
            s["oneOf"] = levels
    elif t.kind == "enum":
        s["type"] = "string"
        s["oneOf"] = [{"const": v, "title": label} for v, label in t.values]
    else:
        s.update(type="string", maxLength=rules["max_length"])
        values, is_open = listed
        if values:
            # The values the policy lists, offered as choices (a form shows them as a list to pick
            # from); any other text is still accepted: the calculators note that it is not listed.
            s["examples"] = values
            s["description"] += ("。原文列举：" + "、".join(values)
                                 + ("等（以“等”结尾，未列举的是否属于由主管部门认定；计算时按不符合处理）"
                                    if is_open else "（未列举的按不符合处理）")
                                 + "。简体、繁体，全角、半角与多余空格视为相同")
    return s


def ratio_pattern(low: str, high: str) -> str:
    """The runtime's ratio pattern, narrowed to the range [low, high] when both ends are whole
    numbers not too far apart (比例 [-1..5]); else the runtime's pattern (the calculators check
    the range and say so)."""
    from compiler.evaluate.runtime import RATE_PATTERN

    lo, hi = Decimal(low), Decimal(high)
    whole = lo == lo.to_integral_value() and hi == hi.to_integral_value()
    if not whole or hi - lo > 200:
        return RATE_PATTERN
    a, b = int(lo), int(hi)

    def spans(first: int, last: int) -> list[str]:  # magnitudes first..last, last only as k.000
        return [f"{k}(\\.[0-9]+)?" for k in range(first, last)] + [f"{last}(\\.0+)?"]

    alts = []
    if b >= 0:
        alts += ["0*(?:" + "|".join(spans(max(a, 0), b)) + ")"]
    if a <= 0:
        alts += ["-0*(?:" + "|".join(spans(max(0, -b), -a)) + ")"]
    inner = RATE_PATTERN.removeprefix("^")
    return f"^(?={inner})(?:{'|'.join(alts)})(?![\\s\\S])"


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


def _declared(p: n.Policy) -> dict[str, n.FactDecl]:
    """The policy's facts, then every shared-vocabulary fact it does not declare."""
    out = {f.name: f for f in p.facts}
    for name in sorted(set(FACTS) - set(out)):
        t, label = FACTS[name]
        out[name] = n.FactDecl(name, t, label, None, False, True, p.header.span)
    return out


def _form_order(p: n.Policy, names: list[str]) -> list[str]:
    """The order a person answers in: who applies, then the facts in the order the requirements,
    items and caps first read them, then the exclusions, then anything else."""
    rank: dict[str, int] = {"applicant_type": -1}
    blocks: list[n.Block] = [*p.requirements, *p.items, *p.caps, *p.exclusions]
    for i, block in enumerate(blocks):
        for e in block_exprs(block):
            for fact in sorted(facts_read(p, e)):
                rank.setdefault(fact, i)
    return sorted(names, key=lambda name: (rank.get(name, len(blocks)), names.index(name)))


def _head(cp: CheckedPolicy, kind: str, title: str) -> dict[str, Any]:
    p = cp.policy
    return {
        "$schema": DRAFT,
        "$id": f"urn:policyc:{p.id}:{kind}",
        "$comment": header_line(cp.source_file),
        "title": f"{p.header.title} — {title}",
        "description": "申请人填写的事实；金额单位为元，写成十进制数字串（如 \"12000.50\"）。"
                       "未填写的是/否项按“否”、金额与数量按 0 计算。",
        "type": "object",
    }


def _terms(p: n.Policy, facts: Mapping[str, n.FactDecl]) -> dict[str, Any]:
    """Chinese names for the names a calculation trace may show (facts, definitions, values)."""
    terms = {name: f.label for name, f in facts.items()}
    terms.update({d.name: d.label or d.name for d in p.definitions})
    values = {v: label for f in facts.values() for v, label in f.type.values}
    out: dict[str, Any] = {"x-terms": terms, "x-value-labels": values}
    # 按期 x in a trace: the deadline of the 程序 step that x's date is checked against
    deadlines = {st.deadline_fact: st.deadline.isoformat() for pr in p.procedures for st in pr.steps
                 if st.deadline_fact and st.deadline and st.deadline_fact in facts}
    if deadlines:
        out["x-deadlines"] = deadlines
    return out


def _examples(p: n.Policy, facts: Mapping[str, n.FactDecl]) -> list[dict[str, object]]:
    return [{i.name: _plain(i.value, facts[i.name].type.kind if i.name in facts else None)
             for i in t.inputs} for t in p.tests]


def input_schema(cp: CheckedPolicy) -> dict[str, Any]:
    """The form: only the facts the policy reads, conditional fields under if/then."""
    p = cp.policy
    uses = articles_by_fact(p, beneficiary=True)
    facts = _declared(p)
    read = _form_order(p, [name for name in facts if name in uses or facts[name].required])
    only = _only_for(p)

    def field(name: str) -> dict[str, Any]:
        return fact_schema(facts[name], uses.get(name, []), listed_values(p, name))

    props = {name: field(name) for name in read if name not in only}
    conditional = []
    for who in sorted(set(only.values())):
        fields = [f for f in read if only.get(f) == who]
        conditional.append({
            "if": {"properties": {"applicant_type": {"const": who}}, "required": ["applicant_type"]},
            "then": {"properties": {f: field(f) for f in fields}},
            "$comment": f"read only for {BENEFICIARIES.get(who, who)}",
        })
    schema = _head(cp, "input", "申请人信息")
    schema.update({
        "properties": props,
        "required": sorted(f.name for f in p.facts if f.required),
        "unevaluatedProperties": False,
        "x-field-order": read,
        "examples": _examples(p, facts),
        **_terms(p, facts),
    })
    if conditional:
        schema["allOf"] = conditional
    _constraints(p, schema)
    return schema


def _parameter_words(x: n.Parameter) -> str | None:
    """A stated 参数 as an applicant reads it: “3000 元”, “6.5%”, “10”."""
    if x.value is None:
        return None
    if x.type.kind == "money":
        return f"{x.value.normalize():f} 元"
    if x.type.kind == "rate":
        return f"{(x.value * 100).normalize():f}%"
    return f"{x.value.normalize():f}"


def _constraints(p: n.Policy, schema: dict[str, Any]) -> None:
    """约束 between facts: JSON Schema cannot compare two fields' values (and money is a decimal
    string), so each is an annotation the calculator enforces (it refuses a profile that breaks
    one, naming the fields); 参数 are listed for the calculation, not the form."""
    from compiler.model.params import constraint_error, constraint_fields

    if p.constraints:
        rows: list[dict[str, Any]] = []
        for c in p.constraints:
            _, message = constraint_error(p, c)
            rows.append({"fields": constraint_fields(p, c), "message": message,
                         "article": c.citation.article if c.citation else None})
        schema["x-policyc-constraints"] = rows
        schema["description"] += "另须满足：" + "；".join(r["message"] for r in rows) + "（由计算器检查）。"
    if p.parameters:
        schema["x-policyc-parameters"] = [
            {"name": x.name, "label": x.label, "kind": x.type.kind,
             "value": _plain(x.value, x.type.kind) if x.value is not None else None,
             "shown": _parameter_words(x),
             "article": x.citation.article if x.citation else None} for x in p.parameters]


def vocabulary_schema(cp: CheckedPolicy) -> dict[str, Any]:
    """Everything the calculator accepts: the facts the policy reads and the whole vocabulary."""
    p = cp.policy
    uses = articles_by_fact(p, beneficiary=True)
    facts = _declared(p)
    schema = _head(cp, "vocabulary", "申请人信息（完整词汇）")
    schema.update({
        "properties": {name: fact_schema(f, uses.get(name, []), listed_values(p, name), money_numbers=True)
                       for name, f in facts.items()},
        "required": sorted(f.name for f in p.facts if f.required),
        "additionalProperties": False,
        "x-field-order": list(facts),
        "examples": _examples(p, facts),
        **_terms(p, facts),
    })
    _constraints(p, schema)
    return schema


def profile_schema(model: CheckedModel) -> dict[str, Any]:
    """One profile for every policy: the union of the facts the policies read."""
    props: dict[str, Any] = {}
    owners: dict[str, list[str]] = {}
    order: list[str] = []
    for cp in model.policies:
        p = cp.policy
        uses = articles_by_fact(p, beneficiary=True)
        for name, f in _declared(p).items():
            if name not in uses and not f.required:
                continue
            owners.setdefault(name, []).append(p.id)
            if name not in props:
                order.append(name)
                s = fact_schema(f, [], listed_values(p, name))
                s["description"] = _UNIT[f.type.kind]
                props[name] = s
            elif f.type.kind == "text":
                more = [v for v in listed_values(p, name)[0] if v not in props[name].get("examples", [])]
                if more:
                    props[name]["examples"] = [*props[name].get("examples", []), *more]
    for name, ids in owners.items():
        if name not in FACTS:
            props[name]["x-policies"] = ids
    ids = [cp.policy.id for cp in model.policies]
    return {
        "$schema": DRAFT,
        "$id": "urn:policyc:profile:input",
        "$comment": header_line("policies/"),
        "title": "申请人信息（全部政策）",
        "description": "一份资料用于全部政策；各政策只读取与其相关的项（x-policies 标出仅某些政策读取的项）。",
        "type": "object",
        "properties": props,
        "additionalProperties": False,
        "x-field-order": order,
        "x-policy-ids": ids,
    }


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
    text = {"type": "string"}
    note = {"type": "object", "required": ["kind", "text"],
            "properties": {"kind": {"enum": ["before_start", "after_end", "events", "validity_open",
                                             "requirement_failed", "excluded", "unlisted", "unlisted_open"]},
                           "text": text, "article": text, "fact": text, "value": text, "articles": text},
            "additionalProperties": False}
    spread = {"type": "object", "additionalProperties": False, "required": ["min", "max"],
              "properties": {"min": maybe, "max": maybe}}
    cut = {"type": "object", "additionalProperties": False,
           "required": ["cap", "article", "item", "limit", "before", "after"],
           "properties": {"cap": {"enum": [c.id for c in p.caps]} if p.caps else text, "article": text,
                          "item": {"enum": [i.id for i in p.items]},
                          "limit": spread, "before": spread, "after": spread}}
    extra: dict[str, Any] = {}
    if p.readings:
        one = {"type": "object", "additionalProperties": False,
               "required": ["label", "excluded", "exclusions", "total", "funding", "items", "cuts"],
               "properties": {"label": text, "excluded": {"type": "boolean"},
                              "exclusions": {"type": "array", "items": text}, "total": pair,
                              "funding": funding,
                              "items": {"type": "object", "propertyNames": {"enum": [i.id for i in p.items]},
                                        "additionalProperties": spread},
                              "cuts": {"type": "array", "items": cut}}}
        extra["readings"] = {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "article", "quote", "adopted", "affects", "results"],
            "properties": {"id": {"enum": [r.id for r in p.readings]}, "article": text, "quote": text,
                           "adopted": text, "affects": {"type": "array", "items": text},
                           "results": {"type": "object", "additionalProperties": one}}}}
    return {
        "$schema": DRAFT,
        "$id": f"urn:policyc:{p.id}:result",
        "$comment": header_line(cp.source_file),
        "title": f"{p.header.title} — 计算结果",
        "type": "object",
        "additionalProperties": False,
        "required": ["policy", "as_of", "in_force", "excluded", "exclusions", "items", "total",
                     "funding", "payments", "notes", "cuts", *extra],
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
            "notes": {"type": "array", "items": note},
            "cuts": {"type": "array", "items": cut},
            **extra,
        },
    }


class JsonSchemaBackend:
    name = "jsonschema"
    description = "申请表单与计算结果的 JSON Schema（draft 2020-12）"

    def render(self, model: CheckedModel) -> Mapping[str, str]:
        files: dict[str, str] = {}
        for cp in model.policies:
            files[f"{cp.policy.id}.input.schema.json"] = _json(input_schema(cp))
            files[f"{cp.policy.id}.vocabulary.schema.json"] = _json(vocabulary_schema(cp))
            files[f"{cp.policy.id}.result.schema.json"] = _json(result_schema(cp))
        files["profile.input.schema.json"] = _json(profile_schema(model))
        return files


backend = JsonSchemaBackend()

"""Lower a checked policy (:mod:`compiler.model.nodes`) to the lowered calculation form.

The form is described in ``docs/reference/lowered.md``. In short: a JSON object with the
policy's profile fields and their validation rules, its definitions, requirements, exclusions,
items (condition, amount, funding), cross-item caps, payment schedules, quotas and budgets as
information, and the trace texts — each numeric expression annotated with its *shape* (``exact``:
one exact decimal; ``range``: an interval ``[lo, hi]`` or undetermined) and its *scale* (the
most decimal places an exact value of it can have), so that a backend can compute with scaled
integers or decimals without inferring anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from ..evaluate import runtime as rt
from ..evaluate.evaluator import funding_specs, on_time_compare, validity_note
from ..evaluate.messages import MESSAGES, TRACE, fill
from ..evaluate.runtime import field_rules, text_key
from ..model import nodes as n
from ..model.params import constraint_error, constraint_fields
from ..model.printer import refs, show
from ..model.queries import text_lists
from ..model.readings import affected
from ..model.stages import stage_kind
from ..textfold import policy_fold
from ..vocabulary import FACTS, FUNDING_SOURCES

FORMAT = "policyc-lowered"
VERSION = 3

Json = dict[str, Any]

# Scale of a 参数's values: a rate may have six decimals (0.065 = 6.5%), see runtime.parameter_value.
_PARAM_SCALE = {"money": 2, "rate": rt.PARAM_RATE_SCALE, "int": 0}
# Scale of a fact's validated values: money has at most two decimals, ratios RATE_DIGITS, counts none.
_FACT_SCALE = {"money": 2, "rate": rt.RATE_DIGITS, "int": 0}


def dec(x: Decimal) -> str:
    """A decimal's exact digits as a plain string, without exponent or trailing zeros."""
    text = format(x.normalize(), "f")
    return "0" if text in ("-0", "") else text


def scale_of(x: Decimal) -> int:
    """How many decimal places ``x`` needs (0.5 -> 1, 200000 -> 0)."""
    exp = x.normalize().as_tuple().exponent
    assert isinstance(exp, int)
    return max(-exp, 0)


def rate_digits(t: n.FactType) -> int:
    """Integer digits a ratio fact's value can have (its declared range, else 0..1)."""
    lo, hi = rt.rate_range(t.low, t.high)
    return max(len(str(int(abs(lo)))), len(str(int(abs(hi)))))


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def field_spec(name: str, ftype: n.FactType, label: str, required: bool = False,
               default: object = None, declared: bool = True) -> Json:
    """What one profile field accepts (the rules of ``runtime.check_value``)."""
    low: object = ftype.low
    high: object = ftype.high
    if ftype.kind == "rate":  # the declared range as decimal strings (0..1 when not declared)
        low, high = (dec(x) for x in rt.rate_range(ftype.low, ftype.high))
    out: Json = {"name": name, "kind": ftype.kind, "label": label, "low": low,
                 "high": high, "values": [v for v, _ in ftype.values],
                 "value_labels": [lab for _, lab in ftype.values], "required": required}
    if isinstance(default, bool):
        out["default"] = default
    elif isinstance(default, Decimal | int):
        out["default"] = dec(Decimal(default))
    elif isinstance(default, str):
        out["default"] = default
    else:
        out["default"] = None
    # the value an absent field takes: false, 0, 0 元; text and enums stay absent (null)
    if out["default"] is None:
        out["absent"] = {"bool": False, "money": "0", "rate": "0", "int": "0"}.get(ftype.kind)
    else:
        out["absent"] = out["default"]
    out["declared"] = declared
    # the accepted values, target-neutral (runtime.field_rules: types, bounds, pattern, enum, length)
    out["rules"] = field_rules(ftype.kind, ftype.low, ftype.high, [v for v, _ in ftype.values])
    return out


LIMITS: Json = {
    "money_limit": str(rt.MONEY_LIMIT),
    "max_count": rt.MAX_COUNT,
    "max_text_chars": rt.MAX_TEXT_CHARS,
    "max_number_chars": rt.MAX_NUMBER_CHARS,
    "max_profile_chars": rt.MAX_PROFILE_CHARS,
    "max_profile_depth": rt.MAX_PROFILE_DEPTH,
    "money_pattern": rt.MONEY_PATTERN,
    "rate_pattern": rt.RATE_PATTERN,
    "param_rate_pattern": rt.PARAM_RATE_PATTERN,  # a rate 参数: -1..1, at most six decimals
    "rate_digits": rt.RATE_DIGITS,
    "date_pattern": rt.DATE_PATTERN,
    "date_years": list(rt.DATE_YEARS),
}


class _Lowerer:
    def __init__(self, policy: n.Policy) -> None:
        self.policy = policy
        self.fold = policy_fold(policy)
        self.table = str.maketrans(self.fold)
        self.facts = {f.name: f for f in policy.facts}
        self.defs: dict[str, Json] = {}  # name -> lowered expression (in declaration order)
        for d in policy.definitions:
            self.defs[d.name] = self.expr(d.expr)

    # -- expressions ---------------------------------------------------------
    def expr(self, e: n.Expr) -> Json:
        if isinstance(e, n.MoneyLit | n.RateLit | n.NumberLit | n.CountLit):
            unit = {n.MoneyLit: "money", n.RateLit: "rate"}.get(type(e), "num")
            return {"op": "num", "value": dec(e.value), "unit": unit, "type": "num",
                    "shape": "exact", "scale": scale_of(e.value)}
        if isinstance(e, n.StrLit):
            return {"op": "str", "value": e.value, "key": self.key(e.value), "type": "text"}
        if isinstance(e, n.DateLit):
            # a date is its ISO text: YYYY-MM-DD strings compare in the order of the dates
            return {"op": "str", "value": e.value.isoformat(), "key": e.value.isoformat(), "type": "date"}
        if isinstance(e, n.OnTime):
            return self.expr(on_time_compare(self.policy, e))
        if isinstance(e, n.BoolLit):
            return {"op": "bool", "value": e.value, "type": "bool"}
        if isinstance(e, n.Undetermined):
            return {"op": "undet", "type": "num", "shape": "range", "scale": 0}
        if isinstance(e, n.Ref):
            return self.ref(e.name)
        if isinstance(e, n.RangeLit):
            return {"op": "range", "low": dec(e.low.value), "high": dec(e.high.value), "type": "num",
                    "shape": "range", "scale": max(scale_of(e.low.value), scale_of(e.high.value))}
        if isinstance(e, n.UpTo):
            a = self.expr(e.operand)
            return {"op": "upto", "args": [a], "type": "num", "shape": "range", "scale": a["scale"]}
        if isinstance(e, n.Arith):
            a, b = self.expr(e.left), self.expr(e.right)
            op = {"+": "add", "-": "sub", "×": "mul"}[e.op]
            scale = a["scale"] + b["scale"] if op == "mul" else max(a["scale"], b["scale"])
            return {"op": op, "args": [a, b], "type": "num", "shape": _join(a, b), "scale": scale}
        if isinstance(e, n.Cap):
            a, b = self.expr(e.base), self.expr(e.limit)
            return {"op": "cap", "args": [a, b], "shown": show(e), "type": "num",
                    "shape": _join(a, b), "scale": max(a["scale"], b["scale"])}
        if isinstance(e, n.Tiers):
            arms: list[Json] = [{"when": self.cond(t.cond), "then": self.expr(t.amount),
                     "note": fill(TRACE["tier"], {"n": i, "cond": show(t.cond)})}
                    for i, t in enumerate(e.tiers, 1)]
            other = self.expr(e.otherwise) if e.otherwise is not None else None
            values: list[Json] = [a["then"] for a in arms] + ([other] if other is not None else [])
            shape = "exact" if all(v.get("shape") == "exact" for v in values) else "range"
            return {"op": "tiers", "arms": arms, "otherwise": other, "type": "num", "shape": shape,
                    "scale": max((v.get("scale", 0) for v in values), default=0)}
        if isinstance(e, n.Not):
            return {"op": "not", "args": [self.cond(e.operand)], "type": "bool"}
        if isinstance(e, n.Logic):
            op = "and" if e.op == "且" else "or"
            args: list[Json] = []
            for side in (e.left, e.right):
                x = self.cond(side)
                args.extend(x["args"] if x["op"] == op else [x])  # a 且 b 且 c: one flat list
            return {"op": op, "args": args, "type": "bool"}
        if isinstance(e, n.Compare):
            a, b = self.expr(e.left), self.expr(e.right)
            out: Json = {"op": "cmp", "cmp": e.op, "args": [a, b], "type": "bool"}
            if a["type"] == "text" and b["type"] == "text":
                out["keyed"] = self.keyed(a) or self.keyed(b)
            return out
        if isinstance(e, n.Readings):
            # 解读: the case of the reading the calculation takes (the adopted one unless asked);
            # a name no case has takes the first case (compiler.model.readings.resolve)
            cases: list[Json] = [{"name": c.name, "expr": self.expr(c.amount)} for c in e.cases]
            r = self.policy.reading(e.block)
            first: Json = cases[0]["expr"]
            out_r: Json = {"op": "reading", "id": e.block, "adopted": r.adopted if r else e.cases[0].name,
                           "cases": cases, "type": first["type"]}
            if first["type"] == "num":
                out_r["shape"] = "exact" if all(c["expr"].get("shape") == "exact" for c in cases) else "range"
                out_r["scale"] = max(c["expr"].get("scale", 0) for c in cases)
            return out_r
        assert isinstance(e, n.Member)
        return {"op": "in", "args": [self.expr(e.operand)], "values": [v.value for v in e.values],
                "keys": [self.key(v.value) for v in e.values], "open": e.open, "type": "bool"}

    def key(self, text: str) -> str:
        """The text key of a literal (``runtime.text_key`` with this policy's fold table)."""
        return text_key(text, self.table)

    def keyed(self, e: Json) -> bool:
        """Whether comparing this text needs its key: false for a literal that is its own key
        compared with an enum whose values all are (ASCII identifiers), true otherwise."""
        if e["op"] == "str":
            return bool(e["key"] != e["value"])
        if e["op"] == "fact" and e["kind"] == "enum":
            f = self.facts[e["name"]]
            return not all(v.isascii() and v.isidentifier() for v, _ in f.type.values)
        return True

    def cond(self, e: n.Expr) -> Json:
        """A condition: true only when the value is the boolean true (``runtime.truth``)."""
        return self.expr(e)

    def ref(self, name: str) -> Json:
        prm = self.policy.parameter(name)
        if prm is not None:  # 参数: read like a numeric fact, from the calculation's parameters
            return {"op": "fact", "name": name, "kind": prm.type.kind, "type": "num", "shape": "exact",
                    "scale": _PARAM_SCALE[prm.type.kind], "param": True}
        f = self.facts.get(name)
        if f is not None:
            kind = f.type.kind
            if kind in _FACT_SCALE:
                out_f: Json = {"op": "fact", "name": name, "kind": kind, "type": "num", "shape": "exact",
                               "scale": _FACT_SCALE[kind]}
                if kind == "rate":  # integer digits of the declared range (比例 [-1..5]: 1)
                    out_f["digits"] = rate_digits(f.type)
                return out_f
            return {"op": "fact", "name": name, "kind": kind,
                    "type": {"bool": "bool", "date": "date"}.get(kind, "text")}
        d = self.defs[name]
        out: Json = {"op": "def", "name": name, "type": d["type"]}
        if d["type"] == "num":
            out["shape"], out["scale"] = d["shape"], d["scale"]
        return out

    # -- blocks --------------------------------------------------------------
    def names(self, e: n.Expr) -> list[Json]:
        """The numeric names a formula reads, for the trace's “（x = 1.00，y = 2）”."""
        out = []
        for r in refs(e):
            x = self.ref(r)
            if x["type"] == "num":
                shown_as = "int" if x["op"] == "fact" and x["kind"] == "int" else "num"
                out.append({"name": r, "show": shown_as, "shape": x["shape"]})
        return out

    def amount(self, e: n.Expr) -> Json:
        whole = show(e)
        if isinstance(e, n.Tiers):
            arms: list[Json] = [{"when": self.cond(t.cond),
                     "note": fill(TRACE["tier"], {"n": i, "cond": show(t.cond)}),
                     "expr": self.expr(t.amount), "shown": show(t.amount), "names": self.names(t.amount)}
                    for i, t in enumerate(e.tiers, 1)]
            if e.otherwise is not None:
                arms.append({"when": None, "note": TRACE["tier_otherwise"], "expr": self.expr(e.otherwise),
                             "shown": show(e.otherwise), "names": self.names(e.otherwise)})
            none = None if e.otherwise is not None else {"note": TRACE["tier_none"], "shown": whole}
            return {"tiers": True, "arms": arms, "none": none, "whole": whole}
        arm = {"when": None, "note": None, "expr": self.expr(e), "shown": whole, "names": self.names(e)}
        return {"tiers": False, "arms": [arm], "none": None, "whole": whole}

    def funding(self, it: n.Item) -> Json:
        """Who pays, as the reference runtime works it out (``runtime.FundingPlan``): exact shares,
        payers without a split, or none."""
        plan = rt.FundingPlan(funding_specs(it), it.citation.article)
        return {"kind": plan.kind, "shares": [[s, dec(frac)] for s, frac in plan.shares],
                "payers": list(plan.payers), "articles": plan.articles, "note": plan.note}

    def check(self, b: n.Requirement | n.Exclusion) -> Json:
        return {"id": b.id, "article": b.citation.article, "quote": b.citation.quote.strip(),
                "cond": self.cond(b.cond), "shown": show(b.cond)}

    def item(self, it: n.Item) -> Json:
        cond_shown = show(it.cond) if it.cond is not None else ""
        heading = fill(TRACE["heading_cond"] if it.cond is not None else TRACE["heading"],
                       {"article": it.citation.article, "title": it.title, "cond": cond_shown})
        return {"id": it.id, "article": it.citation.article, "title": it.title,
                "quote": it.citation.quote.strip(), "note": it.note, "beneficiary": it.beneficiary,
                "category": it.category,
                "cond": self.cond(it.cond) if it.cond is not None else None, "cond_shown": cond_shown,
                "heading": heading, "amount": self.amount(it.amount), "funding": self.funding(it)}

    def opt(self, e: n.Expr | None) -> Json | None:
        return self.expr(e) if e is not None else None

    def const(self, e: n.Expr | None) -> str | None:
        """A constant's exact value (a stage share, a quota bound), or None."""
        if e is None:
            return None
        from ..evaluate.evaluator import Evaluator  # the reference meaning of a constant
        from ..evaluate.runtime import Interval

        v = Evaluator(self.policy).eval(e, {}, [])
        return dec(v.hi) if isinstance(v, Interval) and v.hi.is_finite() else None


def _stage(st: n.Stage, lw: _Lowerer) -> Json:
    """A payment stage: ``share`` (至多 X%: its fraction), ``undetermined`` (至多 未定: the text
    does not say how much), ``amount`` (至多 an amount computed from another base, with its own
    cap: the lowered expression) or ``rest`` (余额: what the earlier stages left)."""
    if st.share is None:
        return {"name": st.name, "kind": "rest", "share": None}
    if stage_kind(lw.policy, st) == "amount":  # 至多 30% × 首付款 封顶 10万元: from another base
        return {"name": st.name, "kind": "amount", "share": None, "amount": lw.expr(st.share),
                "shown": show(st.share)}
    share = lw.const(st.share)
    if share is None:
        return {"name": st.name, "kind": "undetermined", "share": None}
    return {"name": st.name, "kind": "share", "share": share}


def _join(a: Json, b: Json) -> str:
    return "exact" if a.get("shape") == "exact" and b.get("shape") == "exact" else "range"


def _scope(s: n.Scope | None) -> Json:
    if s is None or s.kind == "all":
        return {"kind": "all", "items": [], "beneficiary": None}
    return {"kind": s.kind, "items": list(s.items), "beneficiary": s.beneficiary}


def _topo(policy: n.Policy) -> list[n.Definition]:
    """Definitions in an order where each comes after those it reads (checked: no cycles)."""
    defs = {d.name: d for d in policy.definitions}
    out: list[n.Definition] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in defs:
            return
        seen.add(name)
        for r in refs(defs[name].expr):
            visit(r)
        out.append(defs[name])

    for d in policy.definitions:
        visit(d.name)
    return out


class UnsupportedConstruct(Exception):
    """A backend cannot translate a construct of the form (the build stops, saying which)."""


def lower(policy: n.Policy, source_file: str | None = None) -> Json:
    """The lowered calculation form of a checked policy (a JSON-serialisable dict).

    Readings (解读) are lowered as ``reading`` expressions (each case, and the adopted one) and
    the top-level ``readings`` list (article, quoted words, items affected, readings). A
    calculator computes the policy under every combination of readings (the adopted one first)
    and reports one result that spans them, with each reading's totals and items
    (``runtime.span_results``; ``docs/reference/lowered.md``).
    """
    p = policy
    h = p.header
    v = h.validity
    ordered = _topo(p)
    lw = _Lowerer(dataclasses.replace(p, definitions=tuple(ordered)))
    declared = {f.name for f in p.facts}
    facts = [field_spec(f.name, f.type, f.label, f.required, None if f.vocabulary else f.default)
             for f in p.facts]
    vocabulary = [field_spec(name, t, label, declared=False)
                  for name, (t, label) in sorted(FACTS.items()) if name not in declared]
    definitions = []
    for d in ordered:
        x = lw.defs[d.name]
        entry: Json = {"name": d.name, "label": d.label, "shown": show(d.expr), "type": x["type"],
                       "expr": x}
        if x["type"] == "num":
            entry["shape"], entry["scale"] = x["shape"], x["scale"]
        definitions.append(entry)
    events = [b.event for b in ((v.start, v.end) if v else ()) if b.event]
    stages = []
    for s in p.payments:
        stages.append({"id": s.id, "article": s.citation.article, "quote": s.citation.quote.strip(),
                       "scope": _scope(s.scope),
                       "stages": [_stage(st, lw) for st in s.stages]})
    return {
        "format": FORMAT,
        "version": VERSION,
        "policy": {"id": p.id, "title": h.title, "docno": h.docno, "issuers": list(h.issuers),
                   "issued": _date(h.issued), "level": h.level, "region": h.region, "parent": h.parent,
                   "source": source_file},
        "validity": {"from": _date(v.start.date) if v else None, "until": _date(v.end.date) if v else None,
                     "retro_from": _date(h.retroactive.start) if h.retroactive else None,
                     "events": events,
                     "note": validity_note(v),
                     "article": v.citation.article if v and v.citation else None},
        "limits": dict(LIMITS),
        "facts": facts,
        "vocabulary": vocabulary,
        "definitions": definitions,
        "requirements": [lw.check(r) for r in p.requirements],
        "exclusions": [lw.check(x) for x in p.exclusions],
        "items": [lw.item(it) for it in p.items],
        "caps": [{"id": c.id, "article": c.citation.article, "quote": c.citation.quote.strip(),
                  "scope": _scope(c.scope), "limit": lw.expr(c.limit), "shown": show(c.limit)}
                 for c in p.caps],
        "payments": stages,
        "quotas": [{"id": q.id, "article": q.citation.article, "note": q.note, "scope": _scope(q.scope),
                    "at_most": lw.opt(q.at_most), "at_least": lw.opt(q.at_least)} for q in p.quotas],
        "budgets": [{"id": b.id, "article": b.citation.article, "scope": _scope(b.scope),
                     "uses": [{"name": u.name, "bound": u.bound, "share": lw.opt(u.share)} for u in b.uses]}
                    for b in p.budgets],
        "readings": [{"id": r.id, "article": r.citation.article, "quote": r.citation.quote.strip(),
                      "adopted": r.adopted,
                      "affects": affected(p, r.id),
                      "options": [{"name": o.name, "label": o.label} for o in r.options]} for r in p.readings],
        "parameters": [parameter_spec(x) for x in p.parameters],
        "constraints": [constraint_spec(lw, p, c) for c in p.constraints],
        "text_fold": lw.fold,
        "text_lists": [{"fact": fact, "label": label, "keys": [lw.key(x) for x in values], "open": is_open,
                        "articles": "、".join(arts)} for fact, label, values, is_open, arts in text_lists(p)],
        "funding_sources": dict(FUNDING_SOURCES),
        "messages": dict(MESSAGES),
        "trace": dict(TRACE),
    }


def parameter_spec(x: n.Parameter) -> Json:
    """A 参数: its kind, label, the value the text states (null: 未公布, must be supplied), the
    article, and the scale of its values; ``note`` is the trace's “原文…规定” for a stated value."""
    article = x.citation.article if x.citation else ""
    return {"name": x.name, "kind": x.type.kind, "label": x.label,
            "value": dec(x.value) if x.value is not None else None, "article": article,
            "scale": _PARAM_SCALE[x.type.kind], "stated": fill(TRACE["parameter_stated"], {"article": article})}


def constraint_spec(lw: _Lowerer, p: n.Policy, c: n.Constraint) -> Json:
    """A 约束: the condition every profile must satisfy, and the (field, message) error otherwise."""
    field, message = constraint_error(p, c)
    return {"cond": lw.cond(c.cond), "shown": show(c.cond), "field": field, "message": message,
            "fields": constraint_fields(p, c), "article": c.citation.article if c.citation else None}


def lower_expr(policy: n.Policy, e: n.Expr) -> Json:
    """One expression of ``policy``, lowered (for tests and tools)."""
    return _Lowerer(policy).expr(e)

"""The JavaScript backend: one standalone ES module per policy, no runtime dependency.

A thin translator of the lowered calculation form (:mod:`compiler.lowered`). Exact decimals are
BigInt integers at a scale fixed per expression when the module is generated (the form gives
every numeric expression its scale), so arithmetic is plain BigInt ``+ - *`` and alignment by
a power of ten; nothing is ever a binary float. The small runtime (``runtime.js`` beside this
file) is embedded in every module. The output is an npm-style package folder: ``package.json``,
``index.js``, one module per policy and TypeScript declarations (``.d.ts``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from compiler.backends import CheckedModel, CheckedPolicy, header_line
from compiler.lowered import lower

_HERE = Path(__file__).resolve().parent
Json = dict[str, Any]
_CMP = {"==": "===", "!=": "!=="}
VERSION = "0.1.0"


def js_str(text: str) -> str:
    """A JavaScript string literal for ``text``: safe for any content (JSON is valid JS since ES2019)."""
    return json.dumps(text, ensure_ascii=False)


def js_comment(text: str) -> str:
    """Text safe in a ``//`` comment: one line (no JS line terminator)."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029\x85]", " ", text)


def ident(name: str) -> str:
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name), name
    return name


def scaled(value: str, scale: int) -> str:
    """The BigInt literal of ``value`` at ``scale`` (0.5 at scale 1 -> 5n)."""
    d = Decimal(value).scaleb(scale)
    assert d == d.to_integral_value(), (value, scale)
    return f"{int(d)}n"


def align(code: str, have: int, want: int) -> str:
    if want == have:
        return code
    assert want > have, (have, want)
    return f"({code} * {10 ** (want - have)}n)"


def _label(d: Decimal) -> str:
    return format(d.normalize(), "f").replace(".", "_").replace("-", "MINUS_")


class _Consts:
    def __init__(self) -> None:
        self.lines: dict[str, str] = {}
        self._seen: dict[tuple[str, ...], str] = {}

    def add(self, key: tuple[str, ...], name: str, rhs: str) -> str:
        if key in self._seen:
            return self._seen[key]
        base, i = name, 2
        while name in self.lines:
            name, i = f"{base}_{i}", i + 1
        self.lines[name] = rhs
        self._seen[key] = name
        return name


class _Expr:
    """Lowered expression -> JavaScript source; numbers are BigInt at the expression's scale."""

    def __init__(self, defs: dict[str, Json], notes: dict[str, str]) -> None:
        self.consts = _Consts()
        self.defs = defs
        self.notes = notes  # the form's trace templates (the tier notes)

    def exact(self, e: Json, trace: str) -> str:
        op, s = e["op"], e["scale"]
        if op == "num":
            d = Decimal(e["value"])
            if e["unit"] == "num" and d == d.to_integral_value():
                return f"{int(d)}n"
            prefix = {"money": "YUAN", "rate": "RATE"}.get(e["unit"], "NUM")
            label = _label(d * 100 if e["unit"] == "rate" else d)
            return self.consts.add(("num", e["value"], str(s)), f"{prefix}_{label}",
                                   f"{scaled(e['value'], s)}; // {e['value']} at scale {s}")
        if op == "fact":
            return f"f[{js_str(e['name'])}]"
        if op == "def":
            return f"d_{ident(e['name'])}(f)"
        if op in ("add", "sub"):
            a, b = e["args"]
            sign = "+" if op == "add" else "-"
            return f"({align(self.exact(a, trace), a['scale'], s)} {sign} {align(self.exact(b, trace), b['scale'], s)})"
        if op == "mul":
            a, b = e["args"]
            if a["op"] != "num" and b["op"] != "num":  # two facts (untyped): a number to tsc, a BigInt here
                return f"BigInt({self.exact(a, trace)} * {self.exact(b, trace)})"
            return f"({self.exact(a, trace)} * {self.exact(b, trace)})"
        if op == "cap":
            a, b = e["args"]
            return (f"cap({align(self.exact(a, trace), a['scale'], s)}, {align(self.exact(b, trace), b['scale'], s)}, "
                    f"{s}, {js_str(e['shown'])}, {trace})")
        if op == "tiers":
            return self.tiers(e, trace, lambda x: align(self.exact(x, trace), x["scale"], s), "0n")
        if op == "reading":
            return self.reading(e, lambda x: align(self.exact(x, trace), x["scale"], s))
        raise AssertionError(op)

    def reading(self, e: Json, case: Any, pure: bool = False) -> str:
        """解读: the case of the reading asked for (runtime ``reading``), else the first case.
        ``pure``: a condition or a text (nothing traced): when every case agrees, the value without
        asking for a reading (runtime ``pickSame``, as the Python calculators' ``pick_same``)."""
        if pure:
            thunks = ", ".join(f"[{js_str(c['name'])}, () => {case(c['expr'])}]" for c in e["cases"])
            return f"pickSame({js_str(e['id'])}, {js_str(e['adopted'])}, [{thunks}])"
        out: str = case(e["cases"][0]["expr"])
        for c in reversed(e["cases"][1:]):
            out = f"(reading({js_str(e['id'])}, {js_str(e['adopted'])}) === {js_str(c['name'])} ? " \
                  f"{case(c['expr'])} : {out})"
        return out

    def lift(self, e: Json, trace: str, want: int) -> str:
        """Any numeric expression as a range at scale ``want``."""
        if e["shape"] == "exact":
            return f"pt({align(self.exact(e, trace), e['scale'], want)})"
        code = self.rng(e, trace)
        k = want - e["scale"]
        return code if k == 0 else f"rAlign({code}, {k})"

    def rng(self, e: Json, trace: str) -> str:
        op, s = e["op"], e["scale"]
        if op == "range":
            name = f"YUAN_{_label(Decimal(e['low']))}_TO_{_label(Decimal(e['high']))}"
            return self.consts.add(("range", e["low"], e["high"], str(s)), name,
                                   f"[{scaled(e['low'], s)}, {scaled(e['high'], s)}]; // at scale {s}")
        if op == "undet":
            return "null"
        if op == "def":
            return f"d_{ident(e['name'])}(f)"
        if op == "upto":
            (a,) = e["args"]
            if a["shape"] == "exact":
                return f"[0n, {align(self.exact(a, trace), a['scale'], s)}]"
            return f"rUpto({self.lift(a, trace, s)})"
        if op in ("add", "sub"):
            a, b = e["args"]
            return f"r{op.title()}({self.lift(a, trace, s)}, {self.lift(b, trace, s)})"
        if op == "mul":
            a, b = e["args"]
            return f"rMul({self.lift(a, trace, a['scale'])}, {self.lift(b, trace, b['scale'])})"
        if op == "cap":
            a, b = e["args"]
            return f"rCap({self.lift(a, trace, s)}, {self.lift(b, trace, s)}, {s}, {js_str(e['shown'])}, {trace})"
        if op == "tiers":
            return self.tiers(e, trace, lambda x: self.lift(x, trace, s), "[0n, 0n]")
        if op == "reading":
            return self.reading(e, lambda x: self.lift(x, trace, s))
        raise AssertionError(op)

    def tiers(self, e: Json, trace: str, arm: Any, zero: str) -> str:
        other = e["otherwise"]
        if other is not None:
            out = f"then(note({trace}, {js_str(self.notes['tier_otherwise'])}), {arm(other)})"
        else:
            out = f"then(note({trace}, {js_str(self.notes['tier_none'])}), {zero})"
        for a in reversed(e["arms"]):
            out = f"({self.cond(a['when'])} ? then(note({trace}, {js_str(a['note'])}), {arm(a['then'])}) : {out})"
        return out

    def cond(self, e: Json) -> str:
        op = e["op"]
        if op == "bool":
            return "true" if e["value"] else "false"
        if op in ("fact", "def"):
            return self.text(e)
        if op == "not":
            return f"!{self.cond(e['args'][0])}"
        if op in ("and", "or"):
            joiner = " && " if op == "and" else " || "
            return "(" + joiner.join(self.cond(x) for x in e["args"]) + ")"
        if op == "cmp":
            return self.compare(e)
        if op == "in":
            (x,) = e["args"]
            hint = ident(x["name"]).upper() + "_VALUES" if x["op"] in ("fact", "def") else "VALUES"
            values = self.consts.add(("in", *e["keys"]), hint,
                                     "new Set([" + ", ".join(js_str(v) for v in e["keys"]) + "]);")
            return f"keyIn({self.text(x)}, {values})"
        if op == "reading":
            return self.reading(e, self.cond, pure=True)
        raise AssertionError(op)

    def text(self, e: Json) -> str:
        if e["op"] == "str":
            return js_str(e["value"])
        if e["op"] == "fact":
            return f"f[{js_str(e['name'])}]"
        if e["op"] == "def":
            return f"d_{ident(e['name'])}(f)"
        if e["op"] == "reading":
            return self.reading(e, self.text, pure=True)
        return self.cond(e)

    def compare(self, e: Json) -> str:
        op = e["cmp"]
        jop = _CMP.get(op, op)
        a, b = e["args"]
        if a["type"] == "num" and b["type"] == "num":
            s = max(a["scale"], b["scale"])
            if a["shape"] == "exact" and b["shape"] == "exact":
                x, y = align(self.exact(a, "null"), a["scale"], s), align(self.exact(b, "null"), b["scale"], s)
                return f"({x} {jop} {y})"
            return f"rCompare({js_str(op)}, {self.lift(a, 'null', s)}, {self.lift(b, 'null', s)})"
        if a["type"] == "bool" or b["type"] == "bool":
            return f"({self.cond(a)} {jop} {self.cond(b)})"
        x, y = self.text(a), self.text(b)
        absent = [c for c, side in ((x, a), (y, b)) if side["op"] != "str"]
        if e.get("keyed"):
            x = js_str(a["key"]) if a["op"] == "str" else f"key({x})"
            y = js_str(b["key"]) if b["op"] == "str" else f"key({y})"
        if op == "==" and len(absent) < 2:
            return f"({x} === {y})"
        return "(" + " && ".join([f"{c} !== null" for c in absent] + [f"{x} {jop} {y}"]) + ")"


class _Module:
    def __init__(self, form: Json) -> None:
        self.form = form
        self.defs = {d["name"]: d["expr"] for d in form["definitions"]}
        self.x = _Expr(self.defs, form["trace"])

    def definitions(self) -> list[str]:
        out = []
        for d in self.form["definitions"]:
            e = d["expr"]
            if e["type"] == "num":
                body = self.x.exact(e, "null") if e["shape"] == "exact" else self.x.rng(e, "null")
                what = f"scale {e['scale']}" + (", [lo, hi] or null" if e["shape"] == "range" else "")
            elif e["type"] == "text":
                body, what = self.x.text(e), "text or null"
            else:
                body, what = self.x.cond(e), "boolean"
            doc = []
            if e["type"] == "num" and e["shape"] == "exact" and e["op"] in ("sub", "mul"):
                # a difference or product of facts (untyped) is a number to tsc: say it is a BigInt
                doc, body = ["/** @returns {bigint} */"], f"BigInt({body})"
            out += ["", f"// {js_comment(d['label'] or d['name'])} = {js_comment(d['shown'])} ({what})", *doc,
                    f"function d_{ident(d['name'])}(f) {{", f"  return {body};", "}"]
        return out

    def where(self, names: list[Json]) -> str:
        parts = []
        for x in names:
            name = ident(x["name"])
            if name in self.defs:
                e = self.defs[name]
                fn = "showR" if x["shape"] == "range" else "num"
                parts.append(f"[{js_str(name)}, {fn}(d_{name}(f), {e['scale']})]")
            elif x["show"] == "int":
                parts.append(f"[{js_str(name)}, String(f[{js_str(name)}])]")
            else:
                parts.append(f"[{js_str(name)}, num(f[{js_str(name)}], 2)]")
        return "trace && [" + ", ".join(parts) + "]" if parts else "null"

    def arm(self, arm: Json, whole: str, pad: str) -> list[str]:
        e = arm["expr"]
        if e["shape"] == "exact":
            return [f"{pad}const amount = {self.x.exact(e, 'trace')};",
                    f"{pad}return exact(amount, {e['scale']}, trace, {js_str(arm['shown'])}, "
                    f"{self.where(arm['names'])});"]
        return [f"{pad}const amount = {self.x.rng(e, 'trace')};",
                f"{pad}return rounded(amount, {e['scale']}, trace, {js_str(arm['shown'])}, {js_str(whole)}, "
                f"{self.where(arm['names'])});"]

    def item(self, it: Json) -> list[str]:
        fu = it["funding"]
        shares = ", ".join(f"[{js_str(src)}, {scaled(fr, _scale(fr))}, {_scale(fr)}]" for src, fr in fu["shares"])
        const = it_const(it["id"])
        out = ["", f"// {js_comment(it['article'])} {js_comment(it['title'])}",
               f"// 原文：{js_comment(it['quote'])}",
               f"const {const} = {{", f"  id: {js_str(it['id'])},", f"  article: {js_str(it['article'])},",
               f"  title: {js_str(it['title'])},",
               f"  beneficiary: {js_str(it['beneficiary']) if it['beneficiary'] else 'null'},",
               f"  heading: {js_str(it['heading'])},",
               f"  funding: {{ kind: {js_str(fu['kind'])}, shares: [{shares}], note: {js_str(fu['note'])} }},",
               "};", "", f"function item_{ident(it['id'])}(f, trace) {{"]
        amount = it["amount"]
        for arm in amount["arms"]:
            pad = "  "
            if arm["when"] is not None:
                out.append(f"  if ({_bare(self.x.cond(arm['when']))}) {{")
                pad = "    "
            if arm["note"] is not None:
                out.append(f"{pad}if (trace) trace.push({js_str(arm['note'])});")
            out += self.arm(arm, amount["whole"], pad)
            if arm["when"] is not None:
                out.append("  }")
        if amount["none"] is not None:
            out.append(f"  if (trace) trace.push({js_str(amount['none']['note'])});")
            out.append(f"  return exact(0n, 0, trace, {js_str(amount['whole'])}, null);")
        out.append("}")
        return out

    def scope(self, s: Json) -> str:
        if s["kind"] == "all":
            return "live"
        if s["kind"] == "items":
            return "live.filter((x) => [" + ", ".join(js_str(i) for i in s["items"]) + "].includes(x.item.id))"
        return f"live.filter((x) => x.item.beneficiary === {js_str(s['beneficiary'])})"

    def calculate(self) -> list[str]:
        f = self.form
        v = f["validity"]
        out = ["", "/** The whole policy for one applicant (validated facts), article by article. */",
               "function calculateFacts(f, on, trace) {", "  let inForce = true;", "  const notes = [];"]
        start = v["retro_from"] or v["from"]
        branch = "if"
        if start:
            out += ["  if (on < START) {", "    inForce = false;",
                    '    notes.push({ kind: "before_start", text: fill(TRACE.before_start, { on, start: START }) });']
            branch = "} else if"
        if v["until"]:
            out += [f"  {branch} (on > UNTIL) {{" if branch == "if" else "  } else if (on > UNTIL) {",
                    "    inForce = false;",
                    '    notes.push({ kind: "after_end", text: fill(TRACE.after_end, { on, end: UNTIL }) });']
            branch = "} else if"
        if v["events"]:
            text = f["trace"]["events"].format(events="；".join(f"“{e}”" for e in v["events"]))
            push = f'notes.push({{ kind: "events", text: {js_str(text)} }});'
            out += ["  } else {", f"    {push}", "  }"] if branch != "if" else [f"  {push}"]
        elif branch != "if":
            out.append("  }")
        if v["note"]:  # what the text leaves open about the validity, noted while in force
            out.append(f'  if (inForce) notes.push({{ kind: "validity_open", text: {js_str(v["note"])} }});')
        if f["text_lists"]:
            out.append("  unlisted(f, TEXT_LISTS, notes);")
        out.append("  const exclusions = [];")
        for b in f["requirements"]:
            text = f["trace"]["requirement_failed"].format(article=b["article"], shown=b["shown"])
            out.append(f"  // 资格 {js_comment(b['article'])}")
            out.append(f"  if (!{self.x.cond(b['cond'])}) exclude(exclusions, notes, {js_str(b['article'])}, "
                       f"{js_str(text)}, \"requirement_failed\");")
        for b in f["exclusions"]:
            text = f["trace"]["excluded"].format(article=b["article"], shown=b["shown"])
            out.append(f"  // 排除 {js_comment(b['article'])}")
            out.append(f"  if ({_bare(self.x.cond(b['cond']))}) exclude(exclusions, notes, {js_str(b['article'])}, "
                       f"{js_str(text)});")
        out += ["  if (!inForce || exclusions.length) return result(on, inForce, exclusions, [], [], null, notes, []);",
                "  const live = [];", "  const cuts = [];"]
        if any(it["beneficiary"] for it in f["items"]):
            out.append('  const who = f["applicant_type"];')
        for it in f["items"]:
            parts = []
            if it["beneficiary"]:
                parts.append(f"who === {js_str(it['beneficiary'])}")
            if it["cond"] is not None:
                parts.append(self.x.cond(it["cond"]))
            call = f"live.push(run({it_const(it['id'])}, item_{ident(it['id'])}, f, trace));"
            out.append(f"  // {js_comment(it['article'])} {js_comment(it['title'])}")
            out.append(f"  if ({' && '.join(parts)}) {call}" if parts else f"  {call}")
        for c in f["caps"]:
            s = c["limit"].get("scale", 0)
            out += [f"  // {js_comment(c['article'])} 累计上限 {ident(c['id'])}",
                    "  {", f"    const members = {self.scope(c['scope'])};",
                    f"    if (members.length) crossCap({js_str(c['article'])}, {js_str(c['shown'])}, "
                    f"{self.x.lift(c['limit'], 'null', s)}, {s}, members, cuts, {js_str(c['id'])});", "  }"]
        out.append("  const schedules = [];")
        for sch in f["payments"]:
            stages = ", ".join(self._stage(st) for st in sch["stages"])
            out += [f"  // {js_comment(sch['article'])} 拨付",
                    f"  schedules.push(...payments({js_str(sch['article'])}, [{stages}], {self.scope(sch['scope'])}));"]
        out += ["  const rerun = trace ? null : () => calculateFacts(f, on, true);",
                "  return result(on, true, [], live, schedules, rerun, notes, cuts);",
                "}"]
        return out

    def _stage(self, st: Json) -> str:
        """A stage [name, kind, share, scale]: the share's BigInt, an amount's range from another
        base (at its own scale), or null."""
        head = f"[{js_str(st['name'])}, {js_str(st['kind'])}"
        if st["kind"] == "amount":
            s = st["amount"].get("scale", 0)
            return f"{head}, {self.x.lift(st['amount'], 'null', s)}, {s}]"
        if st["share"] is not None:
            return f"{head}, {scaled(st['share'], _scale(st['share']))}, {_scale(st['share'])}]"
        return f"{head}, null, 0]"


def _parameters_js(form: Json, m: Any, ret: str) -> list[str]:
    """calculate(profile, on, parameters): the 参数 bound and every 约束 checked before computing;
    ``ret``: the line that computes the result from the facts ``f`` and the date ``date``."""
    rows = [f"  [{js_str(x['name'])}, {js_str(x['kind'])}, {js_str(x['label'])}, "
            f"{scaled(x['value'], x['scale']) if x['value'] is not None else 'null'}, {js_str(x['stated'])}, "
            f"{x['scale']}],"
            for x in form["parameters"]]
    checks = [f"    [{m.x.cond(c['cond'])}, {js_str(c['field'])}, {js_str(c['message'])}],"
              for c in form["constraints"]]
    return [
        "// 参数: [name, kind, label, the value the text states (BigInt at the kind's scale) or null,",
        "// where the text states it (for the note), the kind's scale].",
        "/** @type {Array<[string, string, string, bigint | null, string, number]>} */",
        "const PARAMETERS = [", *rows, "];",
        "",
        "/** 约束: [holds, field, message] for each constraint between facts. */",
        "function constraints(f) {", "  return [", *checks, "  ];", "}",
        "",
        "export function calculate(profile, on, parameters) {",
        "  const date = parseOn(on);",
        "  const f = validate(profile);",
        "  const notes = bindParameters(PARAMETERS, parameters, f);",
        "  checkConstraints(constraints(f));",
        f"  const r = {ret};",
        "  r.notes = [...notes, ...r.notes];",
        "  return r;",
        "}"]


def _bare(cond: str) -> str:
    """A condition without its outer parentheses (inside ``if (…)``)."""
    if cond.startswith("(") and cond.endswith(")"):
        depth = 0
        for i, ch in enumerate(cond):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(cond) - 1:
                return cond
        return cond[1:-1]
    return cond


def _scale(value: str) -> int:
    from compiler.lowered.lower import scale_of

    return scale_of(Decimal(value))


def it_const(item_id: str) -> str:
    return "ITEM_" + ident(item_id).upper()


def _spec(f: Json) -> str:
    keys = ("name", "kind", "label", "low", "high", "values", "required", "default")
    return "{ " + ", ".join(f"{k}: {json.dumps(f[k], ensure_ascii=False)}" for k in keys) + " }"


class JavaScriptBackend:
    name = "javascript"
    description = "独立的 JavaScript ES 模块计算器（无运行时依赖，BigInt 精确小数），npm 包形式，附类型声明"

    def render(self, model: CheckedModel) -> Mapping[str, str]:
        files: dict[str, str] = {}
        ids = sorted(cp.policy.id for cp in model.policies)
        for cp in model.policies:
            form = lower(cp.policy, cp.source_file)
            files[f"{cp.policy.id}.js"] = self.module(cp, form)
            files[f"{cp.policy.id}.d.ts"] = self.declarations(cp, form)
        head = header_line("policies/")
        files["index.js"] = "\n".join([f"// {head}", "// Every policy's calculator, by policy id.", "",
                                       *[f'export * as {ident(i)} from "./{i}.js";' for i in ids], ""])
        files["index.d.ts"] = "\n".join([f"// {head}", *[f'export * as {ident(i)} from "./{i}.js";' for i in ids],
                                         ""])
        files["types.d.ts"] = (_HERE / "types.d.ts").read_text(encoding="utf-8").replace("// HEADER", f"// {head}")
        files["package.json"] = json.dumps({
            "//": head,  # npm's convention for a comment: the do-not-edit header
            "name": "policyc-calculators",
            "version": VERSION,
            "description": "Subsidy calculators generated by policyc: one standalone ES module per policy.",
            "type": "module",
            "main": "index.js",
            "types": "index.d.ts",
            "exports": {".": {"types": "./index.d.ts", "default": "./index.js"},
                        **{f"./{i}": {"types": f"./{i}.d.ts", "default": f"./{i}.js"} for i in ids}},
            "sideEffects": False,
            "license": "MIT",
            "engines": {"node": ">=14"},
        }, ensure_ascii=False, indent=2) + "\n"
        return files

    def module(self, cp: CheckedPolicy, form: Json) -> str:
        m = _Module(form)
        p = form["policy"]
        v = form["validity"]
        body = m.definitions()
        for it in form["items"]:
            body += m.item(it)
        body += m.calculate()
        consts = [f"const {k} = {rhs}" for k, rhs in m.x.consts.lines.items()]
        start = v["retro_from"] or v["from"]
        title = p["title"] + (f"（{p['docno']}）" if p["docno"] else "")
        runtime = (_HERE / "runtime.js").read_text(encoding="utf-8").strip("\n")
        ret = ("span((g, d) => calculateFacts(g, d, false), READINGS, ORDER, f, date)" if form["readings"]
               else "calculateFacts(f, date, false)")
        lines = [
            f"// {js_comment(header_line(cp.source_file))}",
            f"// {js_comment(title)} — 补贴计算器 / subsidy calculator.",
            "//",
            "// Standalone ES module, no dependency. calculate(profile, on) returns the structure of",
            "// `policyc calc --format json` (money as two-decimal strings, exact to the fen) or throws",
            "// ProfileError naming the field. Exact decimals are BigInt integers at a fixed scale.",
            "",
            f"export const POLICY_ID = {js_str(p['id'])};",
            f"export const TITLE = {js_str(p['title'])};",
            f"export const DOCUMENT_NUMBER = {js_str(p['docno'] or '')};",
            f"export const SOURCE = {js_str(cp.source_file)};",
            f"const START = {js_str(start) if start else 'null'};",
            f"const UNTIL = {js_str(v['until']) if v['until'] else 'null'};",
            f"const LIMITS = {json.dumps(form['limits'], ensure_ascii=False, indent=2)};",
            f"const MESSAGES = {json.dumps(form['messages'], ensure_ascii=False, indent=2)};",
            f"const TRACE = {json.dumps(form['trace'], ensure_ascii=False, indent=2)};",
            "// Text facts compare by key: Traditional -> Simplified for the characters in this policy's lists.",
            f"const TEXT_FOLD = new Map({json.dumps(sorted(form['text_fold'].items()), ensure_ascii=False)});",
            "// Text facts checked against listed values: [fact, label, keys, list ends in 等, articles].",
            "const TEXT_LISTS = [" + ", ".join(
                f"[{js_str(ls['fact'])}, {js_str(ls['label'])}, new Set({json.dumps(ls['keys'], ensure_ascii=False)}), "
                f"{'true' if ls['open'] else 'false'}, {js_str(ls['articles'])}]" for ls in form["text_lists"]) + "];",
            "/** The facts this policy reads. */",
            "export const FACTS = [", *[f"  {_spec(f)}," for f in form["facts"]], "];",
            "const VOCABULARY = [", *[f"  {_spec(f)}," for f in form["vocabulary"]], "];",
            "const KNOWN = new Map([...VOCABULARY, ...FACTS].map((s) => [s.name, s]));",
            "const DECLARED = new Set(FACTS.map((s) => s.name));",
            "const NAMES = [...KNOWN.keys()].sort();",
            "",
            runtime,
            "",
            "const DEFAULTS = Object.fromEntries(FACTS.map((s) => [s.name, absent(s)]));",
            "",
            *consts,
            *body,
            "",
            f"// What {js_comment(p['title'])} pays the applicant `profile` as of `on` (YYYY-MM-DD; default today).",
            "// Throws ProfileError (errors: [field, message] pairs) for a bad profile or date.",
            *(["// The text allows more than one reading (解读): the result spans every reading (totals and",
               "// items from the lowest minimum to the highest maximum) and `readings` gives each one's."]
              if form["readings"] else []),
            *(_parameters_js(form, m, ret) if form["parameters"] or form["constraints"] else [
                "export function calculate(profile, on) {",
                "  const date = parseOn(on);",
                "  const f = validate(profile);",
                f"  return {ret};",
                "}"]),
            "",
        ]
        if form["readings"]:
            table = json.dumps([[r["id"], r["article"], r["quote"], r["adopted"], r["affects"],
                                 [[o["name"], o["label"]] for o in r["options"]]] for r in form["readings"]],
                               ensure_ascii=False)
            lines += [
                "// The readings (解读) of ambiguous clauses:",
                "// [id, article, quoted words, adopted, items affected, [[name, label]]].",
                f"const READINGS = {table};",
                f"const ORDER = {json.dumps([it['id'] for it in form['items']], ensure_ascii=False)};",
                "",
                "// The `readings` of calculate()'s result, and `range`: its total, across every reading.",
                *(["export function readings(profile, on, parameters) {",
                   "  const r = calculate(profile, on, parameters);"]
                  if form["parameters"] or form["constraints"] else
                  ["export function readings(profile, on) {",
                   "  const r = calculate(profile, on);"]),
                "  return { readings: r.readings, range: r.total };",
                "}",
                "",
            ]
        return "\n".join(lines)

    def declarations(self, cp: CheckedPolicy, form: Json) -> str:
        p = form["policy"]
        ts = {"bool": "boolean", "money": "number | string", "rate": "number | string", "int": "number",
              "text": "string", "date": "string"}
        fields = []
        for f in form["facts"]:
            t = " | ".join(js_str(x) for x in f["values"]) if f["kind"] == "enum" else ts[f["kind"]]
            fields += [f"  /** {js_comment(f['label']).replace('*/', '* /')} */",
                       f"  {ident(f['name'])}{'' if f['required'] else '?'}: {t};"]
        return "\n".join([
            f"// {js_comment(header_line(cp.source_file))}",
            'import type { CalculationResult, FactSpec, ProfileErrorPair } from "./types.js";',
            "export type { CalculationResult, FactSpec, ItemResult, PaymentResult, ProfileErrorPair }"
            ' from "./types.js";',
            "",
            f"export declare const POLICY_ID: {js_str(p['id'])};",
            "export declare const TITLE: string;",
            "export declare const DOCUMENT_NUMBER: string;",
            "export declare const SOURCE: string;",
            "export declare const FACTS: readonly FactSpec[];",
            "",
            "/** The facts this policy reads (money in yuan: a number or a decimal string). */",
            "export interface Profile {", *fields, "}",
            "",
            "export declare class ProfileError extends Error {",
            "  errors: ProfileErrorPair[];",
            "  field: string;",
            "}",
            "",
            "export declare function calculate(profile: Profile | Record<string, unknown>, on?: string | Date"
            + (", parameters?: Record<string, number | string>" if form["parameters"] else "")
            + "): CalculationResult;",
            "",
            *(["export declare function readings(profile: Profile | Record<string, unknown>, on?: string | Date)"
               ': import("./types.js").ReadingsResult;', ""] if form["readings"] else []),
        ])


backend = JavaScriptBackend()

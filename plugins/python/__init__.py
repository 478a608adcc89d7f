"""The Python backend: one standalone calculator module per policy (standard library only).

A thin translator of the lowered calculation form (:mod:`compiler.lowered`): each policy becomes
straight-line Python over exact decimals — literals as module constants, one function per
definition and per support item (its article quoted in the docstring), and one ``_calculate``
that reads like a hand-written calculator. The small shared runtime (``runtime.py`` beside this
file: rounding, intervals, validation, caps, funding, results) is embedded in every module, so a
module is a one-file drop-in. Traces are built only when someone reads them.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2

from compiler.backends import CheckedModel, CheckedPolicy, header_line
from compiler.lowered import lower
from compiler.lowered.lower import scale_of

from .codegen import Constants, ExprCompiler, Infix, comment, digits, doc, ident, py_str, type_of
from .layout import Atom, Call, Node, Str, fmt, inline, wrap

_HERE = Path(__file__).resolve().parent
_TEMPLATES = _HERE / "templates"
Json = dict[str, Any]

# Profiles whose numbers stay below 10**15 run in the caller's decimal context when it has at
# least PRECISION digits (28 by default) and this policy provably needs no more; otherwise in
# the runtime's 50-digit context, as the reference evaluator.
FACT_DIGITS = 15
DEFAULT_PRECISION = 28


# The runtime's placeholders that each module defines from its lowered form, before the runtime.
_FROM_THE_FORM = ("MESSAGES", "TRACE", "TEXT_FOLD", "MONEY_LIMIT", "MAX_COUNT", "MAX_TEXT_CHARS", "MAX_NUMBER_CHARS",
                  "MAX_PROFILE_CHARS", "MAX_PROFILE_DEPTH", "MONEY_PATTERN", "RATE_PATTERN",
                  "PARAM_RATE_PATTERN", "RATE_DIGITS", "DATE_PATTERN", "DATE_YEARS")


def runtime_source() -> tuple[list[str], str]:
    """The runtime's (import lines, code) without its docstring, future import and templates."""
    src = (_HERE / "runtime.py").read_text(encoding="utf-8")
    tree = ast.parse(src)
    lines = src.splitlines()
    drop: set[int] = set()
    for node in tree.body:
        is_doc = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
            and isinstance(node.value.value, str)
        is_future = isinstance(node, ast.ImportFrom) and node.module == "__future__"
        is_table = isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
            and node.target.id in _FROM_THE_FORM
        if is_doc or is_future or is_table:
            drop.update(range(node.lineno - 1, (node.end_lineno or node.lineno)))
    last_import = max(node.end_lineno or node.lineno for node in tree.body
                      if isinstance(node, ast.Import)
                      or (isinstance(node, ast.ImportFrom) and node.module != "__future__"))
    imports = [ln for i, ln in enumerate(lines[:last_import]) if i not in drop and ln.strip()]
    body = [ln for i, ln in enumerate(lines[last_import:], last_import) if i not in drop]
    return imports, "\n".join(body).strip("\n")


def _imports(extra: list[str]) -> str:
    """The runtime's imports plus ``extra`` ``from`` lines, in isort order."""
    lines, _ = runtime_source()
    plain = [ln for ln in lines if ln.startswith("import ")]
    froms = [ln for ln in lines if ln.startswith("from ")]
    merged: dict[str, set[str]] = {}
    for ln in froms + extra:
        mod, names = ln[5:].split(" import ")
        merged.setdefault(mod, set()).update(x.strip() for x in names.split(","))

    def order(name: str) -> tuple[int, str]:  # isort: CONSTANTS, Classes, functions
        rank = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
        return rank, name.lower()

    out = plain + [f"from {m} import {', '.join(sorted(ns, key=order))}" for m, ns in sorted(merged.items())]
    return "\n".join(out)


def _fact_type(kind: str) -> str:
    return {"bool": "bool | None", "money": "Decimal | int | str | None", "rate": "Decimal | int | str | None",
            "int": "int | None", "enum": "str | None", "text": "str | None", "date": "str | None"}[kind]


def _value_type(kind: str) -> str:
    return {"bool": "bool", "money": "Num", "rate": "Num", "int": "int", "enum": "str | None",
            "text": "str | None", "date": "str | None"}[kind]


_UNIT = {"bool": "是/否", "money": "金额（元，非负，最多两位小数）", "rate": "比例（十进制小数，0.075 即 7.5%）",
         "int": "整数", "enum": "枚举", "text": "文本", "date": "日期（YYYY-MM-DD）"}


def _fact_doc(f: Json, articles: list[str]) -> str:
    unit = _UNIT[f["kind"]]
    if f["kind"] == "rate":
        unit = unit[:-1] + f"，{f['low']} 到 {f['high']}）"
    text: str = f["label"] + ("（必填）" if f["required"] else "") + " — " + unit
    if f["values"]:
        text += "：" + "、".join(f"{v}（{lab}）" for v, lab in zip(f["values"], f["value_labels"], strict=True))
    if articles:
        text += "。见 " + "、".join(articles)
    return text + "。"


def _fact_spec(f: Json) -> Call:
    args: list[Node] = [Str(f["name"]), Str(f["kind"]), Str(f["label"]), Atom(f"low={f['low']!r}"),
                        Atom(f"high={f['high']!r}")]
    if f["values"]:
        args.append(Call("values=", tuple(Str(v) for v in f["values"]), trailing=len(f["values"]) == 1))
    if f["required"]:
        args.append(Atom("required=True"))
    default = f["default"]
    if isinstance(default, bool):
        args.append(Atom(f"default={default!r}"))
    elif default is not None and f["kind"] in ("money", "rate", "int"):
        args.append(Atom(f"default=Decimal({py_str(default)})"))
    elif default is not None:
        args.append(Atom(f"default={py_str(default)}"))
    return Call("FactSpec", tuple(args))


def _lines(node: Node, indent: int, prefix: str = "", suffix: str = "") -> list[str]:
    return fmt(node, indent, prefix, suffix)


def _const_name(item_id: str) -> str:
    return ident(item_id).upper()


class _Module:
    """One policy's module body, built from its lowered form."""

    def __init__(self, form: Json) -> None:
        self.form = form
        self.consts = Constants()
        self.defs = {d["name"]: d["expr"] for d in form["definitions"]}
        self.c = ExprCompiler(self.consts, self.defs, form["trace"])

    # -- pieces --------------------------------------------------------------
    def definition(self, d: Json) -> list[str]:
        self.c.values_hint = ident(d["name"]).upper() + "_VALUES"
        e = d["expr"]

        def compile_(x: Json) -> Node:
            if e["type"] == "num":  # each case of a range-shaped 解读 as a Range
                return self.c.lift(x, "None") if e["shape"] == "range" else self.c.exact(x, "None")
            return self.c.text(x) if e["type"] == "text" else self.c.cond(x)

        if e["op"] == "reading":
            body = self.reading(e, e["type"] != "num", compile_)
        else:
            body = _lines(compile_(e), 4, "return ")
        self.c.values_hint = None
        text = f"{d['label'] or d['name']} = {d['shown']}"
        return [f"def d_{ident(d['name'])}(f: Facts) -> {type_of(e)}:",
                f'    """{wrap(doc(text), 4)}"""', *body]

    def reading(self, e: Json, pure: bool, case: Callable[[Json], Node]) -> list[str]:
        """A definition that is a 解读, as statements: the case of the reading the calculation
        takes (runtime ``reading``). ``pure`` (a condition or a text, nothing traced): every case
        is computed first, and when they agree that value is returned without asking for a
        reading — the result does not depend on it, so no other combination of readings is
        computed for this applicant."""
        cases = e["cases"]
        names = [f"case_{ident(c['name'])}" for c in cases]
        ask = inline(Call("reading", (Str(e["id"]), Str(e["adopted"]))))
        out: list[str] = []
        if pure:
            for name, c in zip(names, cases, strict=True):
                out += _lines(case(c["expr"]), 4, f"{name} = ")
            out += [f"    if {' == '.join(names)}:  # the readings agree for this applicant",
                    f"        return {names[0]}"]
        if len(cases) > 2:
            out.append(f"    chosen = {ask}")
            ask = "chosen"
        for name, c in zip(names[1:], cases[1:], strict=True):
            out.append(f"    if {ask} == {py_str(c['name'])}:")
            out += [f"        return {name}"] if pure else _lines(case(c["expr"]), 8, "return ")
        out += [f"    return {names[0]}"] if pure else _lines(case(cases[0]["expr"]), 4, "return ")
        return out

    def _where(self, names: list[Json]) -> Node:
        entries: list[Node] = []
        for x in names:
            name = ident(x["name"])
            if x["name"] in self.defs:
                value: Node = Call("show_r" if x["shape"] == "range" else "num", (Atom(f"d_{name}(f)"),))
            elif x["show"] == "int":
                value = Call("str", (Atom(f"f[{py_str(name)}]"),))
            else:
                value = Call("num", (Atom(f"f[{py_str(name)}]"),))
            entries.append(Call("", (Str(name), value)))
        return Call("", tuple(entries), trailing=len(entries) == 1)

    def _fixed(self, e: Json) -> Node | None:
        """An amount written as a literal (never negative, at most two decimals: nothing to round):
        its Range as a module constant; None for any other amount."""
        if e["op"] == "undet":
            return Atom("None")
        if e["scale"] > 2:
            return None
        if e["op"] == "num" and Decimal(e["value"]) >= 0:
            return self.consts.point(e["value"])
        if e["op"] == "range" and Decimal(e["low"]) >= 0:
            return self.consts.range(e["low"], e["high"])
        if e["op"] == "upto" and e["args"][0]["op"] == "num" and Decimal(e["args"][0]["value"]) >= 0:
            return self.consts.up_to(e["args"][0]["value"])
        return None

    def _arm(self, arm: Json, whole: str, indent: int) -> list[str]:
        e = arm["expr"]
        out: list[str] = []
        fixed = self._fixed(e)
        if fixed is not None:  # without a trace, the amount is the constant
            out += [" " * indent + "if trace is None:", " " * indent + f"    return {inline(fixed)}"]
        if e["shape"] == "exact":
            out += _lines(self.c.exact(e, "trace"), indent, "amount = ")
            fn, extra = "exact", []
            cents: list[Node] = [Atom("cents=True")] if e["scale"] <= 2 else []
        else:
            out += _lines(self.c.rng(e, "trace"), indent, "amount = ")
            fn, extra = "rounded", [Str(whole)]
            cents = [Atom("cents=True")] if e["scale"] <= 2 else []
        pad = " " * indent
        if arm["names"]:
            out.append(f"{pad}if trace is None:")
            fast = f"{fn}(amount, None, ''{', ' + chr(39) * 2 if fn == 'rounded' else ''}" \
                   f"{', (), cents=True' if cents else ''})"
            out.append(f"{pad}    return {fast}")
            call = Call(fn, (Atom("amount"), Atom("trace"), Str(arm["shown"]), *extra, self._where(arm["names"]),
                             *cents))
        else:
            call = Call(fn, (Atom("amount"), Atom("trace"), Str(arm["shown"]), *extra, *cents))
        return out + _lines(call, indent, "return ")

    def item_function(self, it: Json) -> list[str]:
        text = f"{it['article']} {it['title']}\n\n原文：{it['quote']}"
        if it["note"]:
            text += f"\n\n说明：{it['note']}"
        amount = it["amount"]
        out = [f"def item_{ident(it['id'])}(f: Facts, trace: Trace) -> Range:",
               f'    """{wrap(doc(text), 4)}\n    """']
        whole = amount["whole"]
        for arm in amount["arms"]:
            indent = 4
            if arm["when"] is not None:
                out += _lines(self.c.cond(arm["when"]), 4, "if ", ":")
                indent = 8
            if arm["note"] is not None:
                out.append(" " * indent + "if trace is not None:")
                out += _lines(Call("trace.append", (Str(arm["note"]),)), indent + 4)
            out += self._arm(arm, whole, indent)
        if amount["none"] is not None:
            out.append("    if trace is not None:")
            out += _lines(Call("trace.append", (Str(amount["none"]["note"]),)), 8)
            out += _lines(Call("exact", (Atom("ZERO"), Atom("trace"), Str(whole), Atom("()"), Atom("cents=True"))), 4,
                          "return ")
        return out

    def item_constant(self, it: Json) -> list[str]:
        fu = it["funding"]
        shares = Call("", tuple(Call("", (Str(s), Call("Decimal", (Str(fr),)))) for s, fr in fu["shares"]),
                      trailing=len(fu["shares"]) == 1)
        node = Call("Item", (
            Str(it["id"]), Str(it["article"]), Str(it["title"]),
            Str(it["beneficiary"]) if it["beneficiary"] else Atom("None"),
            Str(it["heading"]),
            Call("Funding", (Str(fu["kind"]), shares, Str(fu["note"]))),
        ))
        return _lines(node, 0, f"{_const_name(it['id'])} = ")

    def scope(self, s: Json) -> str:
        if s["kind"] == "all":
            return "live"
        if s["kind"] == "items" and len(s["items"]) == 1:
            return f"[x for x in live if x.item.id == {py_str(s['items'][0])}]"
        if s["kind"] == "items":
            ids = ", ".join(py_str(i) for i in s["items"])
            return f"[x for x in live if x.item.id in ({ids})]"
        return f"[x for x in live if x.item.beneficiary == {py_str(s['beneficiary'])}]"

    def calculate_body(self) -> list[str]:
        f = self.form
        v = f["validity"]
        out = ["notes: list[str] = []", "in_force = True"]
        start = v["retro_from"] or v["from"]
        branch = "if"
        if start:
            out += ["if on < START:", "    in_force = False",
                    "    notes.append(ResultNote(TRACE['before_start'].format(on=on.isoformat(), "
                    "start=START.isoformat()),",
                    "                            'before_start'))"]
            branch = "elif"
        if v["until"]:
            out += [f"{branch} on > UNTIL:", "    in_force = False",
                    "    notes.append(ResultNote(TRACE['after_end'].format(on=on.isoformat(), end=UNTIL.isoformat()),",
                    "                            'after_end'))"]
            branch = "elif"
        if v["events"]:
            events = "；".join(f"“{e}”" for e in v["events"])
            text = f["trace"]["events"].format(events=events)
            note = self.consts.add("note", "events", Call("ResultNote", (Str(text), Str("events"))), "EVENTS_NOTE")
            add = Call("notes.append", (Atom(note),))
            if branch == "elif":
                out += ["else:", *_lines(add, 4)]
            else:
                out += _lines(add, 0)
        if v["note"]:  # what the text leaves open about the validity, noted while in force
            note = self.consts.add("note", "validity_open", Call("ResultNote", (Str(v["note"]), Str("validity_open"))),
                                   "VALIDITY_NOTE")
            add = Call("notes.append", (Atom(note),))
            if branch == "elif":
                out += ["if in_force:", *_lines(add, 4)]
            else:
                out += _lines(add, 0)
        if f["text_lists"]:
            out.append("unlisted(f, TEXT_LISTS, notes)")
        out.append("exclusions: list[str] = []")
        for kind, blocks in (("requirement_failed", f["requirements"]), ("excluded", f["exclusions"])):
            for b in blocks:
                cond = self.c.cond(b["cond"])
                out.append(f"# {'资格' if kind == 'requirement_failed' else '排除'} {comment(b['article'])}")
                if kind == "requirement_failed" and isinstance(cond, Call) and cond.fn in ("and", "or"):
                    out += _lines(cond, 0, "if not ", ":")  # and/or print in parentheses
                else:
                    out += _lines(_negate(cond) if kind == "requirement_failed" else cond, 0, "if ", ":")
                text = f["trace"][kind].format(article=b["article"], shown=b["shown"])
                args: tuple[Node, ...] = (Atom("exclusions"), Atom("notes"), Str(b["article"]), Str(text))
                if kind != "excluded":
                    args += (Str(kind),)
                out += _lines(Call("exclude", args), 4)
        out += ["if not in_force or exclusions:",
                "    return Result(POLICY_ID, on, in_force, exclusions, (), notes)",
                "live: list[Live] = []",
                "cuts: list[Cut] = []"]
        if any(it["beneficiary"] for it in f["items"]):
            out.append("who = f['applicant_type']")
        for it in f["items"]:
            parts: list[Node] = []
            if it["beneficiary"]:
                parts.append(Infix(f"who == {py_str(it['beneficiary'])}", 4))
            if it["cond"] is not None:
                c = self.c.cond(it["cond"])
                parts += list(c.args) if isinstance(c, Call) and c.fn == "and" else [c]
            out.append(f"# {comment(it['article'])} {comment(it['title'])}")
            call = Call("live.append", (Call("run", (Atom(_const_name(it["id"])), Atom(f"item_{ident(it['id'])}"),
                                                     Atom("f"), Atom("trace"))),))
            if parts:
                out += _lines(parts[0] if len(parts) == 1 else Call("and", tuple(parts)), 0, "if ", ":")
                out += _lines(call, 4)
            else:
                out += _lines(call, 0)
        for cap in f["caps"]:
            out.append(f"# {comment(cap['article'])} 累计上限 {ident(cap['id'])}")
            out.append(f"members = {self.scope(cap['scope'])}")
            if cap["limit"]["shape"] == "exact":
                limit = self.c.exact(cap["limit"], "None")
                call = Call("cross_cap_exact", (Str(cap["article"]), Str(cap["shown"]), limit, Atom("members"),
                                                Atom("cuts"), Str(cap["id"])))
            else:
                call = Call("cross_cap", (Str(cap["article"]), Str(cap["shown"]), self.c.lift(cap["limit"], "None"),
                                          Atom("members"), Atom("cuts"), Str(cap["id"])))
            out += ["if members:", *_lines(call, 4)]
        out.append("schedules: list[PaymentResult] = []")
        for s in f["payments"]:
            stages = Call("", tuple(Call("", (Str(st["name"]), Str(st["kind"]), self._stage_share(st)))
                                    for st in s["stages"]), trailing=len(s["stages"]) == 1)
            out.append(f"# {comment(s['article'])} 拨付")
            out.append(f"members = {self.scope(s['scope'])}")
            out += ["if members:", *_lines(Call("schedules.extend", (Call("payments", (Str(s["article"]), stages,
                                                                                   Atom("members"))),)), 4)]
        out.append("return Result(POLICY_ID, on, True, (), live, notes, schedules, None if trace else "
                   "(_calculate, f, on), cuts)")
        return out

    def parameters(self) -> str:
        """PARAMETERS: (name, kind, label, stated value or None, “原文…规定”) per 参数."""
        rows = tuple(Call("", (Str(x["name"]), Str(x["kind"]), Str(x["label"]),
                               Call("Decimal", (Str(x["value"]),)) if x["value"] is not None else Atom("None"),
                               Str(x["stated"]))) for x in self.form["parameters"])
        return "\n".join(_lines(Call("", rows, trailing=len(rows) == 1), 0,
                                "PARAMETERS: tuple[tuple[str, str, str, Decimal | None, str], ...] = "))

    def constraints(self) -> list[str]:
        """_constraints(f): every 约束 as (holds, field, message), checked before any calculation."""
        rows = tuple(Call("", (self.c.cond(c["cond"]), Str(c["field"]), Str(c["message"])))
                     for c in self.form["constraints"])
        return ["def _constraints(f: Facts) -> None:",
                '    """约束: a profile that breaks one is refused (ProfileError naming the fields)."""',
                *_lines(Call("check_constraints", (Call("", rows, trailing=len(rows) == 1),)), 4)]

    def _stage_share(self, st: Json) -> Node:
        """A stage's share: its fraction, the Range of an amount from another base, or None."""
        if st["kind"] == "amount":
            return self.c.lift(st["amount"], "None")
        return Call("Decimal", (Str(st["share"]),)) if st["share"] is not None else Atom("None")

    def precision(self) -> int:
        """Digits the fast path needs: the widest exact value, plus room for sums and shares."""
        exprs: list[Json] = [d["expr"] for d in self.form["definitions"]]
        for it in self.form["items"]:
            exprs += [a["expr"] for a in it["amount"]["arms"]] + ([it["cond"]] if it["cond"] else [])
        exprs += [c["limit"] for c in self.form["caps"]]
        exprs += [st["amount"] for s in self.form["payments"] for st in s["stages"] if st["kind"] == "amount"]
        exprs += [b["cond"] for b in self.form["requirements"] + self.form["exclusions"]]
        exprs += [c["cond"] for c in self.form.get("constraints", [])]
        widest = max([digits(e, self.defs, FACT_DIGITS) for e in exprs] + [FACT_DIGITS + 2])
        shares = [fr for it in self.form["items"] for _, fr in it["funding"]["shares"]]
        shares += [st["share"] for s in self.form["payments"] for st in s["stages"] if st["share"]]
        share_digits = max((len(str(int(Decimal(x)))) + scale_of(Decimal(x)) for x in shares), default=0)
        items = len(str(max(len(self.form["items"]), 1)))  # a sum of that many amounts
        return widest + items + share_digits


class PythonBackend:
    name = "python"
    description = "独立的 Python 计算器模块（仅依赖标准库，Python ≥ 3.9）"

    def __init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters.update(py_str=py_str, doc=doc, comment=comment, ident=ident, wrap=wrap)

    def render(self, model: CheckedModel) -> Mapping[str, str]:
        files = {f"{cp.policy.id}.py": self.module(cp) for cp in model.policies}
        files["__init__.py"] = self.env.get_template("package.py.j2").render(
            header=header_line("policies/"),
            modules=sorted(cp.policy.id for cp in model.policies),
        )
        return files

    def module(self, cp: CheckedPolicy) -> str:
        from compiler.model.queries import articles_by_fact

        form = lower(cp.policy, cp.source_file)
        m = _Module(form)
        uses = articles_by_fact(cp.policy)
        v = form["validity"]
        definitions = ["\n".join(m.definition(d)) for d in form["definitions"]]
        items = [{"constant": "\n".join(m.item_constant(it)), "function": "\n".join(m.item_function(it))}
                 for it in form["items"]]
        body = "\n".join(("    " + ln) if ln else "" for ln in m.calculate_body())
        start = v["retro_from"] or v["from"]
        need = m.precision()
        return self.env.get_template("module.py.j2").render(
            header=header_line(cp.source_file),
            form=form, p=form["policy"], source_file=cp.source_file,
            imports=_imports(["from dataclasses import dataclass", "from typing import TypedDict"]
                             + ([] if need > DEFAULT_PRECISION else ["from decimal import getcontext"])),
            runtime=runtime_source()[1],
            messages=_table("MESSAGES", form["messages"]),
            text_fold=[f"{py_str(t)}: {py_str(x)},  # U+{ord(t):04X}" for t, x in form["text_fold"].items()],
            text_lists=[_lines(Call("", (Str(ls["fact"]), Str(ls["label"]), Call("frozenset", (
                Call("", tuple(Str(k) for k in ls["keys"]), trailing=len(ls["keys"]) == 1),)),
                Atom(repr(ls["open"])), Str(ls["articles"]))), 4, "", ",") for ls in form["text_lists"]],
            trace=_table("TRACE", form["trace"]),
            start=_date(start), until=_date(v["until"]),
            limits=[f"{k.upper()} = {_limit(x)}" for k, x in form["limits"].items()],
            facts=[{"f": f, "spec": "\n".join(_lines(_fact_spec(f), 4, "", ",")), "type": _fact_type(f["kind"]),
                    "value_type": _value_type(f["kind"]),
                    "doc": wrap(doc(_fact_doc(f, uses.get(f["name"], []))), 4)} for f in form["facts"]],
            vocabulary=["\n".join(_lines(_fact_spec(f), 4, "", ",")) for f in form["vocabulary"]],
            constants=["\n".join(_lines(rhs, 0, f"{k} = ")) for k, rhs in m.consts.lines.items()],
            definitions=definitions, items=items, calculate_body=body,
            parameters=m.parameters() if form["parameters"] else "",
            constraints="\n".join(m.constraints()) if form["constraints"] else "",
            param_facts=[{"name": x["name"], "doc": wrap(doc(f"{x['label']}（参数）"), 4)} for x in form["parameters"]],
            precision=need, slow=need > DEFAULT_PRECISION,
            readings="\n".join(_lines(Call("", tuple(
                Call("", (Str(r["id"]), Str(r["article"]), Str(r["quote"]), Str(r["adopted"]),
                          Call("", tuple(Str(i) for i in r["affects"]), trailing=len(r["affects"]) == 1),
                          Call("", tuple(Call("", (Str(o["name"]), Str(o["label"]))) for o in r["options"]),
                               trailing=len(r["options"]) == 1)))
                for r in form["readings"]), trailing=len(form["readings"]) == 1), 0, "READINGS: ReadingTable = "))
            if form["readings"] else "",
            item_order="\n".join(_lines(Call("", tuple(Str(it["id"]) for it in form["items"]),
                                              trailing=len(form["items"]) == 1), 0, "ITEM_ORDER: tuple[str, ...] = ")),
        )


def _table(name: str, table: Mapping[str, str]) -> str:
    lines = [f"{name}: dict[str, str] = {{"]
    for k, v in table.items():
        lines += _lines(Str(v), 4, f"{py_str(k)}: ", ",")
    return "\n".join([*lines, "}"])


def _limit(x: object) -> str:
    if isinstance(x, list):
        return "(" + ", ".join(_limit(y) for y in x) + ")"
    if isinstance(x, str) and x.isdigit():
        return f"{int(x):_}"
    return f"{x:_}" if isinstance(x, int) else py_str(str(x))


def _date(d: str | None) -> str:
    if d is None:
        return "None"
    y, mo, da = (int(x) for x in d.split("-"))
    return f"dt.date({y}, {mo}, {da})"


def _negate(cond: Node) -> Node:
    if isinstance(cond, Infix):
        return Infix(f"not ({cond.text})", 3)
    return Infix(f"not {inline(cond)}", 3)


backend = PythonBackend()

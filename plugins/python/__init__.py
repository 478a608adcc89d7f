"""The Python backend: one standalone calculator module per policy (standard library only).

Each module embeds the calculation runtime shared with the reference evaluator
(:mod:`compiler.evaluate.runtime`) and compiles the policy's definitions, conditions and
amounts to Python: one function per support item, its article quoted in the docstring.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

import jinja2

from compiler.backends import CheckedModel, CheckedPolicy, header_line
from compiler.evaluate import runtime
from compiler.evaluate.evaluator import validity_note
from compiler.evaluate.runtime import text_key
from compiler.model import nodes as n
from compiler.model.printer import show
from compiler.model.queries import articles_by_fact, text_lists
from compiler.textfold import policy_fold
from compiler.vocabulary import FACTS

from .codegen import ExprCompiler, comment, dec, doc, ident, names, py_str
from .layout import Atom, Call, Node, Str, fmt, wrap

_TEMPLATES = Path(__file__).resolve().parent / "templates"


def runtime_source() -> tuple[str, str]:
    """The runtime's (imports, code) without its docstring, future import and ``__all__``."""
    src = Path(runtime.__file__).read_text(encoding="utf-8")
    tree = ast.parse(src)
    lines = src.splitlines()
    drop: set[int] = set()
    for node in tree.body:
        is_doc = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
            and isinstance(node.value.value, str)
        is_future = isinstance(node, ast.ImportFrom) and node.module == "__future__"
        is_all = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
        if is_doc or is_future or is_all:
            drop.update(range(node.lineno - 1, (node.end_lineno or node.lineno)))
    last_import = max(node.end_lineno or node.lineno for node in tree.body
                      if isinstance(node, ast.Import)
                      or (isinstance(node, ast.ImportFrom) and node.module != "__future__"))
    imports = [ln for i, ln in enumerate(lines[:last_import]) if i not in drop]
    body = [ln for i, ln in enumerate(lines[last_import:], last_import) if i not in drop]
    return "\n".join(imports).strip("\n"), "\n".join(body).strip("\n")


def _fact_type(kind: str) -> str:
    return {
        "bool": "bool | None",
        "money": "Decimal | int | str | None",
        "rate": "Decimal | int | str | None",
        "int": "int | None",
        "enum": "str | None",
        "text": "str | None",
    }[kind]


_UNIT = {"bool": "是/否", "money": "金额（元，非负，最多两位小数）", "rate": "比例（0 到 1）",
         "int": "整数", "enum": "枚举", "text": "文本"}


def _fact_spec(f: n.FactDecl) -> Call:
    t = f.type
    args: list[Node] = [Str(f.name), Str(t.kind), Str(f.label), Atom(f"low={t.low!r}"),
                        Atom(f"high={t.high!r}")]
    if t.values:
        args.append(Call("values=", tuple(Str(v) for v, _ in t.values), trailing=len(t.values) == 1))
    if f.required:
        args.append(Atom("required=True"))
    default = None if f.vocabulary else f.default
    if isinstance(default, bool):
        args.append(Atom(f"default={default!r}"))
    elif default is not None:
        args.append(Atom(f"default=Decimal({py_str(str(default))})"))
    return Call("FactSpec", tuple(args))


def _vocab_spec(name: str) -> Call:
    t, label = FACTS[name]
    return _fact_spec(n.FactDecl(name, t, label, None, False, True, None))  # type: ignore[arg-type]


def _lines(node: Node, indent: int, prefix: str = "", suffix: str = "") -> str:
    return "\n".join(fmt(node, indent, prefix, suffix))


def _tuple(nodes: list[Node]) -> Call:
    return Call("", tuple(nodes), trailing=len(nodes) == 1)


def _fact_doc(f: n.FactDecl, articles: list[str]) -> str:
    text = f.label + ("（必填）" if f.required else "") + " — " + _UNIT[f.type.kind]
    if f.type.values:
        text += "：" + "、".join(f"{val}（{lab}）" for val, lab in f.type.values)
    if articles:
        text += "。见 " + "、".join(articles)
    return text + "。"


class UnsupportedConstruct(Exception):
    """The policy uses a construct this backend cannot yet compile (the build stops, saying which)."""


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
        self.env.filters.update(py_str=py_str, doc=doc, comment=comment, ident=ident)

    def render(self, model: CheckedModel) -> Mapping[str, str]:
        for cp in model.policies:
            if cp.policy.readings:
                # 解读: the generated calculators do not compute each reading yet; emitting the
                # adopted reading alone would hide the ambiguity the policy declares
                raise UnsupportedConstruct(
                    f"{cp.source_file}：Python 计算器尚不支持 解读（"
                    + "、".join(r.id for r in cp.policy.readings)
                    + "）；参考求值器（policyc calc）支持。请暂不为该政策生成 Python 计算器。")
        files = {f"{cp.policy.id}.py": self.module(cp) for cp in model.policies}
        files["__init__.py"] = self.env.get_template("package.py.j2").render(
            header=header_line("policies/"),
            modules=sorted(cp.policy.id for cp in model.policies),
        )
        return files

    def module(self, cp: CheckedPolicy) -> str:
        p = cp.policy
        defs = {d.name for d in p.definitions}
        fold = policy_fold(p)
        table = str.maketrans(fold)
        compile_ = ExprCompiler({f.name for f in p.facts}, defs, fold=fold)
        quiet = compile_.quiet()
        uses = articles_by_fact(p)
        h = p.header
        v = h.validity
        items = [self._item(it, compile_, quiet) for it in p.items]
        events = [b.event for b in ((v.start, v.end) if v else ()) if b.event]

        def group(name: str, nodes: list[Node]) -> Call:
            return Call(f"{name}=", tuple(nodes), trailing=len(nodes) == 1)

        spec = Call("PolicySpec", (
            Atom("id=POLICY_ID"),
            Atom(f"valid_from={_date(v.start.date if v else None)}"),
            Atom(f"valid_until={_date(v.end.date if v else None)}"),
            Atom(f"retro_from={_date(h.retroactive.start if h.retroactive else None)}"),
            group("events", [Str(e) for e in events if e]),
            Atom("facts=FACTS"),
            Atom("vocabulary=VOCABULARY"),
            group("requirements", [Call("CheckSpec", (Str(r.citation.article),
                  Atom(f"requirement_{ident(r.id)}"), Str(show(r.cond)))) for r in p.requirements]),
            group("exclusions", [Call("CheckSpec", (Str(x.citation.article),
                  Atom(f"exclusion_{ident(x.id)}"), Str(show(x.cond)))) for x in p.exclusions]),
            group("items", [it["spec"] for it in items]),  # type: ignore[misc]
            group("caps", [Call("CapSpec", (Str(c.citation.article), _scope(c.scope),
                  Atom(f"limit_{ident(c.id)}"), Str(show(c.limit)), Str(c.id))) for c in p.caps]),
            group("payments", [Call("ScheduleSpec", (
                Str(s.citation.article), _scope(s.scope),
                _tuple([_tuple([Str(st.name), Call("Decimal", (Str(dec(st.share.value)),))
                                if isinstance(st.share, n.RateLit) else
                                Atom("UNDET") if isinstance(st.share, n.Undetermined) else
                                Atom("None")])
                        for st in s.stages]),
            )) for s in p.payments]),
            group("lists", [Call("ListSpec", (
                Str(fact), Str(label), _tuple([Str(text_key(v, table)) for v in values]),
                Atom(str(is_open)), Str("、".join(arts)),
            )) for fact, label, values, is_open, arts in text_lists(p)]),
            Atom("fold=TEXT_FOLD"),
            *((Atom(f"validity_note={validity_note(v)!r}"),) if validity_note(v) else ()),
        ))
        return self.env.get_template("module.py.j2").render(
            header=header_line(cp.source_file),
            p=p, h=h, source_file=cp.source_file,
            policy_spec=_lines(spec, 0, "POLICY = "),
            facts=[{"decl": f, "spec": _lines(_fact_spec(f), 4, "", ","), "type": _fact_type(f.type.kind),
                    "doc": wrap(doc(_fact_doc(f, uses.get(f.name, []))), 4)}
                   for f in p.facts],
            vocabulary=[_lines(_vocab_spec(name), 4, f"{py_str(name)}: ", ",") for name in sorted(FACTS)],
            definitions=[{
                "name": d.name,
                "doc": wrap(doc(f"{d.label or d.name} = {show(d.expr)}"), 4),
                "body": "\n".join(fmt(quiet(d.expr), 8, f"env.memo[{py_str(d.name)}] = ")),
            } for d in p.definitions],
            requirements=[self._check(r, "资格", quiet) for r in p.requirements],
            exclusions=[self._check(x, "排除", quiet) for x in p.exclusions],
            items=items,
            caps=[{"id": c.id, "article": c.citation.article,
                   "doc": wrap(doc(f"累计上限 {c.citation.article}：{c.citation.quote.strip()}"), 4),
                   "body": "\n".join(fmt(quiet(c.limit), 4, "return ")),
                   "shown": py_str(show(c.limit)), "scope": _scope(c.scope)}
                  for c in p.caps],
            text_fold=[f"{py_str(t)}: {py_str(s)},  # U+{ord(t):04X}" for t, s in fold.items()],
            runtime_imports=runtime_source()[0],
            runtime=runtime_source()[1],
        )


    def _check(self, block: n.Requirement | n.Exclusion, kind: str, quiet: ExprCompiler
               ) -> dict[str, str]:
        return {
            "id": block.id, "article": block.citation.article,
            "doc": wrap(doc(f"{kind} {block.citation.article}：{block.citation.quote.strip()}"), 4),
            "body": "\n".join(fmt(quiet.cond(block.cond), 4, "return ")),
            "shown": py_str(show(block.cond)),
        }

    def _item(self, it: n.Item, compile_: ExprCompiler, quiet: ExprCompiler) -> dict[str, object]:
        """One support item: its condition function and its amount function, laid out."""
        text = f"{it.citation.article} {it.title}\n\n原文：{it.citation.quote.strip()}"
        if it.note:
            text += f"\n\n说明：{it.note}"
        body: list[str] = ["notes: list[Note] = []"]
        whole = Str(show(it.amount))
        whole_names = names(it.amount)
        body += fmt(whole, 0, "whole = ")
        body += fmt(whole_names, 0, "whole_names: tuple[str, ...] = ")

        def ret(value: n.Expr, indent: int) -> list[str]:
            lines = fmt(compile_(value), indent, "value = ")
            call = Call("amount", (Atom("value"), Atom("notes"), Str(show(value)), names(value),
                                   Atom("whole"), Atom("whole_names")))
            return lines + fmt(call, indent, "return ")

        if isinstance(it.amount, n.Tiers):
            for i, t in enumerate(it.amount.tiers, 1):
                body += fmt(compile_.cond(t.cond), 0, "if ", ":")
                body += fmt(Str(f"分档：适用第 {i} 档（当 {show(t.cond)}）"), 4, "notes.append(", ")")
                body += ret(t.amount, 4)
            if it.amount.otherwise is not None:
                body.append('notes.append("分档：适用“否则”档")')
                body += ret(it.amount.otherwise, 0)
            else:
                body.append('notes.append("分档：没有适用的档次，按 0 计")')
                body.append("return Amount(ZERO, notes, whole, ())")
        else:
            body += ret(it.amount, 0)
        return {
            "id": it.id, "article": it.citation.article, "title": it.title,
            "doc": wrap(doc(text), 4),
            "beneficiary": it.beneficiary,
            "cond": "\n".join(fmt(quiet.cond(it.cond), 4, "return ")) if it.cond is not None else None,
            "cond_shown": py_str(show(it.cond)) if it.cond is not None else py_str(""),
            "body": "\n".join(("    " + ln) if ln else "" for ln in body),
            "spec": Call("ItemSpec", (
                Str(it.id), Str(it.citation.article), Str(it.title),
                Str(it.beneficiary) if it.beneficiary else Atom("None"),
                Atom(f"applies_{ident(it.id)}") if it.cond is not None else Atom("None"),
                Str(show(it.cond)) if it.cond is not None else Str(""),
                Atom(f"item_{ident(it.id)}"),
                _tuple([Call("FundingSpec", (
                    _tuple([_tuple([Str(src), Call("Decimal", (Str(dec(fr)),))])
                            for src, fr in f.shares]),
                    _tuple([Str(x) for x in f.payers]),
                    Atom(repr(f.stated)),
                    Str(f.citation.article if f.citation else ""),
                    *(() if f.named else (Atom("named=False"),)),
                )) for f in it.funding]),
            )),
        }


def _date(d: object) -> str:
    return "None" if d is None else f"dt.date.fromisoformat({py_str(str(d))})"


def _scope(s: n.Scope | None) -> Call:
    if s is None or s.kind == "all":
        return Call("Scope", (Str("all"),))
    ben: Node = Str(s.beneficiary) if s.beneficiary is not None else Atom("None")
    return Call("Scope", (Str(s.kind), _tuple([Str(i) for i in s.items]), ben))


backend = PythonBackend()

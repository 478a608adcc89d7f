"""Surface blocks -> the typed model. Reports structural problems as diagnostics:
fields that do not belong in a block, missing or repeated fields, duplicate ids, bad dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from ..diagnostics import Diagnostic, Severity, Span
from ..names import reserved
from ..syntax.fields import ALLOWED, FIELD_ZH
from ..syntax.surface import Block, DefineBlock, FactsBlock, FactSurface, Field, Text, TopLevel
from ..syntax.transform import parse_date
from ..vocabulary import FACTS, default_for
from . import nodes as n

REQUIRED: dict[str, tuple[str, ...]] = {
    "政策": ("title",),
    "资格": ("article", "quote", "cond"),
    "排除": ("article", "quote", "cond"),
    "补助": ("article", "quote", "title", "amount"),
    "累计上限": ("article", "quote", "applies", "limit"),
    "拨付": ("article", "quote", "applies", "stage"),
    "名额": ("article", "quote"),
    "预算": ("article", "quote", "use"),
    "程序": ("article", "quote", "step"),
    "测试": ("date", "input"),
    "解读": ("article", "quote", "option"),
}
REPEATABLE = {"funding", "stage", "use", "step", "expect", "suppress", "option", "reading"}
LEVELS = {"国家级": "national", "省级": "provincial", "市级": "city", "县级": "county"}


class _Fields:
    """The fields of one block, checked against what the block allows."""

    def __init__(self, block: Block, diags: list[Diagnostic]) -> None:
        self.block = block
        self.by_kind: dict[str, list[Field]] = {}
        allowed = ALLOWED[block.keyword]
        for f in block.fields:
            if f.kind not in allowed:
                where = "、".join(FIELD_ZH[k] for k in sorted(allowed))
                diags.append(Diagnostic(
                    "PC101", Severity.ERROR, f.span,
                    f"“{FIELD_ZH[f.kind]}”不能出现在“{block.keyword}”块中",
                    f"“{block.keyword}”块可以包含：{where}",
                ))
                continue
            seen = self.by_kind.setdefault(f.kind, [])
            if seen and f.kind not in REPEATABLE:
                diags.append(Diagnostic(
                    "PC103", Severity.ERROR, f.span,
                    f"“{FIELD_ZH[f.kind]}”重复出现（第一次在第 {seen[0].span.line} 行）",
                    "每个块中该字段只能写一次。",
                ))
                continue
            seen.append(f)
        for kind in REQUIRED[block.keyword]:
            if kind not in self.by_kind:
                diags.append(Diagnostic(
                    "PC102", Severity.ERROR, block.name_span,
                    f"“{block.keyword} {block.name}”缺少“{FIELD_ZH[kind]}”",
                    _REQUIRED_HINT.get(kind, ""),
                ))

    def one(self, kind: str) -> Field | None:
        fs = self.by_kind.get(kind)
        return fs[0] if fs else None

    def span(self, kind: str) -> Span | None:
        f = self.one(kind)
        return f.span if f else None

    def all(self, kind: str) -> list[Field]:
        return self.by_kind.get(kind, [])

    def text(self, kind: str, default: str = "") -> str:
        f = self.one(kind)
        return f.args[0].value if f and isinstance(f.args[0], Text) else default

    def arg(self, kind: str) -> Any:
        f = self.one(kind)
        return f.args[0] if f else None

    def citation(self) -> n.Citation:
        art = self.one("article")
        quote = self.one("quote")
        article = str(art.args[0]) if art else ""
        art_span = art.args[1] if art else self.block.name_span
        texts = [(t.value, t.span) for t in quote.args if isinstance(t, Text)] if quote else []
        return n.Citation.of(article, art_span, texts, self.block.name_span)

    def suppressions(self) -> tuple[n.Suppression, ...]:
        return tuple(n.Suppression(f.args[0], f.args[1].value, f.span) for f in self.all("suppress"))


_REQUIRED_HINT = {
    "article": "写明所依据的条款，例如：条款 第七条第（一）项",
    "quote": "逐字引用该条款原文，例如：原文 「……」",
    "amount": "金额可以是 20万元、50% × 支出 封顶 15万元、不超过 100万元、1万元 至 3万元 或 未定",
    "cond": "写明条件，例如：条件 little_giant_central_funded",
    "applies": "写明适用范围：适用 全部 | 适用 [item1, item2] | 适用 对象 enterprise",
}


def _date(text: str, span: Span, diags: list[Diagnostic]) -> dt.date | None:
    d = parse_date(text)
    if d is None:
        diags.append(Diagnostic("PC204", Severity.ERROR, span, f"日期“{text}”不存在", "检查月份和日期。"))
    return d


def lower(blocks: Sequence[TopLevel], file: str) -> tuple[n.Policy | None, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    headers = [b for b in blocks if isinstance(b, Block) and b.keyword == "政策"]
    if not headers:
        diags.append(Diagnostic(
            "PC105", Severity.ERROR, Span(file, 1, 1, 1, 1), "缺少“政策”块",
            "文件应以 政策 <id> { 标题 \"…\" … } 开头。",
        ))
        return None, diags
    for extra in headers[1:]:
        diags.append(Diagnostic(
            "PC105", Severity.ERROR, extra.name_span, "一个文件只能有一个“政策”块",
            f"第一个“政策”块在第 {headers[0].span.line} 行。",
        ))
    header = _header(headers[0], diags)
    why = reserved(header.id)
    if why is not None:
        diags.append(Diagnostic(
            "PC108", Severity.ERROR, headers[0].name_span, f"政策标识不可用：{why}",
            f"政策标识用作各输出的文件名；换一个标识，如 {header.id}_policy。",
        ))

    facts: list[n.FactDecl] = []
    definitions: list[n.Definition] = []
    groups: dict[str, list[Any]] = {k: [] for k in ALLOWED if k != "政策"}
    ids: dict[str, Span] = {}
    parameters: list[n.Parameter] = []
    constraints: list[n.Constraint] = []
    for b in blocks:
        if isinstance(b, n.Parameter):
            parameters.append(_parameter(b, diags))
            continue
        if isinstance(b, n.Constraint):
            constraints.append(b)
            continue
        if isinstance(b, FactsBlock):
            facts.extend(_facts(b, diags))
        elif isinstance(b, DefineBlock):
            _unique(ids, b.name, b.span, diags)
            definitions.append(n.Definition(b.name, b.label, b.expr, b.span))
        elif b.keyword != "政策":
            if b.keyword != "测试":
                _unique(ids, b.name, b.name_span, diags)
            lowered = _section(b, diags)
            if lowered is not None:
                groups[b.keyword].append(lowered)
    fact_names = {f.name for f in facts}
    for d in definitions:
        if d.name in fact_names:
            diags.append(Diagnostic(
                "PC104", Severity.ERROR, d.span, f"定义“{d.name}”与已声明的事实同名",
                "事实与定义共用一个名称空间；请给定义另起名称。",
            ))
    seen_facts: dict[str, Span] = {}
    for f in facts:
        if f.name in seen_facts:
            diags.append(Diagnostic(
                "PC104", Severity.ERROR, f.span, f"事实“{f.name}”重复声明",
                f"第一次声明在第 {seen_facts[f.name].line} 行。",
            ))
        seen_facts.setdefault(f.name, f.span)
    _parameter_names(parameters, seen_facts, definitions, diags)
    test_names: dict[str, Span] = {}
    for t in groups["测试"]:
        if t.name in test_names:
            diags.append(Diagnostic("PC104", Severity.ERROR, t.span, f"测试名称“{t.name}”重复", ""))
        test_names.setdefault(t.name, t.span)

    policy = n.Policy(
        file=file,
        header=header,
        facts=tuple(facts),
        definitions=tuple(definitions),
        requirements=tuple(groups["资格"]),
        exclusions=tuple(groups["排除"]),
        items=tuple(groups["补助"]),
        caps=tuple(groups["累计上限"]),
        payments=tuple(groups["拨付"]),
        quotas=tuple(groups["名额"]),
        budgets=tuple(groups["预算"]),
        procedures=tuple(groups["程序"]),
        tests=tuple(groups["测试"]),
        suppressions=_Fields(headers[0], []).suppressions(),
        readings=tuple(groups["解读"]),
        parameters=tuple(parameters),
        constraints=tuple(constraints),
    )
    return policy, diags


_PARAM_KINDS = {"money": "货币", "rate": "比例", "int": "整数"}
_PARAM_EXAMPLE = {"money": "= 5000元", "rate": "= 5%", "int": "= 10"}


def _parameter(p: n.Parameter, diags: list[Diagnostic]) -> n.Parameter:
    """A 参数 checked for its kind (money, rate, int) and its stated value's type."""
    kind = p.type.kind
    if kind not in _PARAM_KINDS:
        diags.append(Diagnostic(
            "PC114", Severity.ERROR, p.span, f"参数“{p.name}”的类型只能是 货币、比例 或 整数",
            "参数是政策依据的数值（如单价、全市平均增长率）；是非、文本由申请人填写，应声明为 事实。"))
        return p
    if p.value_span is None:
        return p
    # the literal's unit must be the parameter's: 5000元 for 货币, 5% for 比例, 10 for 整数
    value = p.value
    ok = value is not None and p.value_kind == kind
    if ok and value is not None and kind == "money":
        ok = value == value.quantize(Decimal("0.01"))
    if ok and value is not None and kind == "int":
        ok = value == value.to_integral_value()
    if ok and value is not None and kind == "rate":
        ok = value == value.quantize(Decimal("0.000001")) and value <= 1
    if not ok:
        diags.append(Diagnostic(
            "PC202", Severity.ERROR, p.value_span, f"参数“{p.name}”的值与其类型（{_PARAM_KINDS[kind]}）不符",
            f"例如：参数 {p.name}: {_PARAM_KINDS[kind]} \"{p.label}\" {_PARAM_EXAMPLE[kind]} 依据 …"))
        return n.Parameter(p.name, p.type, p.label, None, p.citation, p.span, None)
    return p


def _parameter_names(params: Sequence[n.Parameter], facts: dict[str, Span],
                     definitions: Sequence[n.Definition], diags: list[Diagnostic]) -> None:
    """Parameters share the name space of facts and definitions."""
    seen: dict[str, Span] = dict(facts)
    for d in definitions:
        seen.setdefault(d.name, d.span)
    for p in params:
        if p.name in seen:
            diags.append(Diagnostic(
                "PC104", Severity.ERROR, p.span, f"参数“{p.name}”与已声明的事实、定义或参数同名",
                f"第一次声明在第 {seen[p.name].line} 行；事实、定义和参数共用一个名称空间。"))
        else:
            seen[p.name] = p.span


def _unique(ids: dict[str, Span], name: str, span: Span, diags: list[Diagnostic]) -> None:
    if name in ids:
        diags.append(Diagnostic(
            "PC104", Severity.ERROR, span, f"标识“{name}”重复",
            f"第一次定义在第 {ids[name].line} 行；每个补助、资格、排除、上限等块的标识必须唯一。",
        ))
    else:
        ids[name] = span


def _header(b: Block, diags: list[Diagnostic]) -> n.Header:
    f = _Fields(b, diags)
    issued = f.one("issued")
    valid = f.one("valid")
    retro = f.one("retro")
    validity = None
    if valid:
        start, end, *cite = valid.args
        validity = n.Validity(start, end, cite[0] if cite else None, valid.span)
        for bound in (start, end):
            if bound.date is None and bound.event is None and not bound.open:
                diags.append(Diagnostic("PC204", Severity.ERROR, bound.span, "日期不存在", ""))
    retroactive = None
    if retro:
        d = _date(retro.args[0], retro.span, diags)
        if d:
            retroactive = n.Retroactive(d, retro.args[1] if len(retro.args) > 1 else None,
                                        retro.span)
    issuers = f.one("issuers")
    docnos = f.one("docno")
    source = f.one("source")
    return n.Header(
        id=b.name,
        title=f.text("title"),
        docno=f.text("docno") or None,
        docnos=tuple(t.value for t in docnos.args) if docnos else (),
        source_kind=source.args[1] if source else None,
        note=f.text("note"),
        issuers=tuple(t.value for t in issuers.args) if issuers else (),
        issued=_date(issued.args[0], issued.span, diags) if issued else None,
        level=LEVELS.get(f.arg("level") or ""),
        region=f.text("region") or None,
        parent=f.arg("parent"),
        source=f.text("source") or None,
        validity=validity,
        retroactive=retroactive,
        span=b.span,
        parent_span=f.span("parent"),
        source_span=f.span("source"),
        id_span=b.name_span,
    )


def _facts(b: FactsBlock, diags: list[Diagnostic]) -> Iterable[n.FactDecl]:
    for fs in b.facts:
        vocab = FACTS.get(fs.name)
        if vocab is not None:
            vtype, vlabel = vocab
            if fs.type is not None and fs.type != vtype:
                diags.append(Diagnostic(
                    "PC107", Severity.ERROR, fs.span,
                    f"“{fs.name}”是共享词汇中的事实，类型已由词汇表确定，不能重新声明",
                    "删去类型和标签，只写名称；如需不同含义，请另起一个名称。",
                ))
            default = default_for(vtype)
            yield n.FactDecl(fs.name, vtype, vlabel, default, fs.required, True, fs.span)
            continue
        if fs.type is None or not fs.label:
            diags.append(Diagnostic(
                "PC106", Severity.ERROR, fs.span,
                f"“{fs.name}”不在共享词汇表中：自定义事实须声明类型和中文标签",
                f'例如：{fs.name}: 布尔 "中文说明"。共享词汇见文档中的“共享词汇表”（reference/vocabulary.md）。',
            ))
            continue
        t = fs.type
        if t.kind == "int" and t.low is not None and t.high is not None and t.low > t.high:
            diags.append(Diagnostic("PC206", Severity.ERROR, fs.span,
                                    f"取值范围 {t.low}..{t.high} 的下限大于上限", "写作：整数 0..4"))
        if t.kind == "rate" and t.low is not None and t.high is not None and t.low >= t.high:
            diags.append(Diagnostic("PC206", Severity.ERROR, fs.span,
                                    f"取值范围 {t.low}..{t.high} 的下限不小于上限", "写作：比例 [-1..5]"))
        default = default_for(fs.type)
        if fs.default is not None:
            default = _default_value(fs, diags)
        yield n.FactDecl(fs.name, fs.type, fs.label, default, fs.required, False, fs.span)


_DEFAULT_NODE = {"bool": n.BoolLit, "money": n.MoneyLit, "rate": n.RateLit, "int": n.NumberLit,
                 "text": n.StrLit, "enum": n.StrLit, "date": n.DateLit}
_DEFAULT_EXAMPLE = {"bool": "默认 假", "money": "默认 0元", "rate": "默认 50%", "int": "默认 0",
                    "text": '默认 "……"', "enum": '默认 "取值"', "date": "日期事实没有默认值：未填写时任何比较都不成立"}


def _default_value(fs: FactSurface, diags: list[Diagnostic]) -> object:
    """The declared default, checked against the fact's type; the type's default if wrong."""
    t = fs.type
    d = fs.default
    assert t is not None and d is not None
    value = getattr(d, "value", None)
    ok = isinstance(d, _DEFAULT_NODE[t.kind])
    if ok and t.kind == "int":
        assert isinstance(value, Decimal)
        ok = value == value.to_integral_value() and (t.low is None or value >= t.low) and (
            t.high is None or value <= t.high)
        value = int(value) if ok else value
    if ok and t.kind == "enum":
        ok = value in [v for v, _ in t.values]
    if ok and t.kind == "rate":
        assert isinstance(value, Decimal)
        lo = Decimal(0) if t.low is None else Decimal(t.low)
        hi = Decimal(1) if t.high is None else Decimal(t.high)
        ok = lo <= value <= hi
    if not ok:
        diags.append(Diagnostic(
            "PC202", Severity.ERROR, d.span, f"“{fs.name}”的默认值与其类型不符",
            f"例如：{_DEFAULT_EXAMPLE[t.kind]}",
        ))
        return default_for(t)
    return value


def _section(b: Block, diags: list[Diagnostic]) -> Any:
    f = _Fields(b, diags)
    kw = b.keyword
    sup = f.suppressions()
    if kw in ("资格", "排除"):
        cond = f.arg("cond")
        if cond is None:
            return None
        cls = n.Requirement if kw == "资格" else n.Exclusion
        return cls(b.name, f.citation(), cond, b.span, sup, note=f.text("note"))
    if kw == "补助":
        amount = f.arg("amount")
        if amount is None:
            return None
        ben = f.one("beneficiary")
        fundings = []
        for ff in f.all("funding"):
            fund: n.Funding = ff.args[0]
            cite = ff.args[1] if len(ff.args) > 1 else None
            fundings.append(n.Funding(fund.shares, fund.payers, fund.stated, cite, ff.span,
                                      fund.source_spans, named=fund.named))
        return n.Item(
            id=b.name, citation=f.citation(), title=f.text("title"),
            beneficiary=ben.args[0] if ben else None, category=f.arg("category"),
            cond=f.arg("cond"), amount=amount, funding=tuple(fundings), note=f.text("note"),
            span=b.span, suppressions=sup, beneficiary_span=ben.args[1] if ben else None,
        )
    if kw == "累计上限":
        scope, limit = f.arg("applies"), f.arg("limit")
        if scope is None or limit is None:
            return None
        return n.CrossCap(b.name, f.citation(), scope, limit, b.span, sup, note=f.text("note"))
    if kw == "拨付":
        scope = f.arg("applies")
        if scope is None:
            return None
        stages = tuple(n.Stage(s.args[0].value, s.args[1], s.span) for s in f.all("stage"))
        return n.PaymentSchedule(b.name, f.citation(), scope, stages, b.span, sup,
                                 note=f.text("note"))
    if kw == "名额":
        return n.Quota(b.name, f.citation(), f.text("note"), f.arg("applies"),
                       f.arg("at_most"), f.arg("at_least"), b.span, sup)
    if kw == "预算":
        uses = tuple(n.Use(u.args[0].value, u.args[1], u.args[2], u.span) for u in f.all("use"))
        return n.Budget(b.name, f.citation(), f.arg("applies"), uses, b.span, sup,
                        note=f.text("note"))
    if kw == "程序":
        steps = []
        for s in f.all("step"):
            texts = [a for a in s.args if isinstance(a, Text)]
            dur = [a for a in s.args if not isinstance(a, Text)]
            due = [a for a in s.args if isinstance(a, tuple) and a[:1] == ("deadline",)]
            dur = [a for a in dur if not isinstance(a, tuple)]
            deadline = _date(due[0][1], due[0][3], diags) if due else None
            steps.append(n.Step(texts[0].value, texts[1].value if len(texts) > 1 else "",
                                dur[0] if dur else None, s.span, deadline,
                                due[0][2] if due else None, due[0][3] if due else None))
        return n.Procedure(b.name, f.citation(), tuple(steps), b.span, sup, note=f.text("note"))
    if kw == "解读":
        options = tuple(n.ReadingOption(o.args[0], o.args[2].value, o.args[3], o.span)
                        for o in f.all("option"))
        adopt = f.one("adopt")
        adopted = adopt.args[0] if adopt else (options[0].name if options else "")
        return n.Reading(b.name, f.citation(), options, adopted, b.span, sup, f.text("note"))
    assert kw == "测试"
    date_f = f.one("date")
    inputs_f = f.one("input")
    return n.TestCase(
        name=b.name, note=f.text("note"),
        date=_date(date_f.args[0], date_f.span, diags) if date_f else None,
        inputs=inputs_f.args[0] if inputs_f else (),
        expectations=tuple(e.args[0] for e in f.all("expect")),
        span=b.span,
        readings=tuple((r.args[0], r.args[1], r.span) for r in f.all("reading")),
        parameters=f.arg("params") or (),
    )

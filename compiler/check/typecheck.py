"""Name resolution and type/unit checking. Every problem is a diagnostic, never an exception.

Types: ``bool``, ``money`` (元), ``rate`` (%), ``num`` (integers, counts), ``text``, ``enum``,
and ``any`` (an undetermined amount, compatible with everything).
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from decimal import Decimal

from ..diagnostics import Diagnostic, Severity, Span
from ..model import nodes as n
from ..model.printer import refs
from ..model.stages import unit
from ..vocabulary import BENEFICIARIES, FACTS, FUNDING_SOURCES, UNSPECIFIED

# The start of the message for `不超过 50% × x` (editors offer the parenthesised form as a fix).
UPTO_SCOPE_MESSAGE = "“不超过”只作用于紧随其后的一个值"

UNIT_ZH = {"money": "金额（元）", "rate": "比例（%）", "num": "数量", "bool": "条件（真/假）",
           "text": "文本", "enum": "枚举值", "any": "未定", "date": "日期"}


@dataclass(frozen=True)
class Ty:
    kind: str
    values: tuple[str, ...] = ()  # enum values
    low: int | Decimal | None = None
    high: int | Decimal | None = None
    name: str = ""  # the fact it comes from, for messages


ANY = Ty("any")
BOOL = Ty("bool")
MONEY = Ty("money")
RATE = Ty("rate")
NUM = Ty("num")
TEXT = Ty("text")
DATE = Ty("date")


def fact_ty(f: n.FactDecl) -> Ty:
    t = f.type
    kind = {"int": "num"}.get(t.kind, t.kind)
    return Ty(kind, tuple(v for v, _ in t.values), t.low, t.high, f.name)


class Checker:
    def __init__(self, policy: n.Policy) -> None:
        self.policy = policy
        self.diags: list[Diagnostic] = []
        self.env: dict[str, Ty] = {f.name: fact_ty(f) for f in policy.facts}
        for prm in policy.parameters:  # 参数: read like facts (their names are checked distinct)
            self.env.setdefault(prm.name, Ty({"int": "num"}.get(prm.type.kind, prm.type.kind), (),
                                              prm.type.low, prm.type.high, prm.name))
        self.defined: set[str] = set()
        self.pending_defs = {d.name for d in policy.definitions}

    def error(self, code: str, span: Span, msg: str, hint: str = "", article: str = "") -> None:
        self.diags.append(Diagnostic(code, Severity.ERROR, span, msg, hint, article))

    # -- expressions ---------------------------------------------------------
    def infer(self, e: n.Expr, article: str = "") -> Ty:
        if isinstance(e, n.MoneyLit):
            return MONEY
        if isinstance(e, n.RateLit):
            return RATE
        if isinstance(e, n.NumberLit | n.CountLit):
            return NUM
        if isinstance(e, n.StrLit):
            return TEXT
        if isinstance(e, n.BoolLit):
            return BOOL
        if isinstance(e, n.Undetermined):
            return ANY
        if isinstance(e, n.Ref):
            return self._ref(e, article)
        if isinstance(e, n.RangeLit):
            if e.low.value > e.high.value:
                self.error("PC206", e.span, f"区间下限 {e.low.text} 大于上限 {e.high.text}",
                           "区间写作：较小金额 至 较大金额", article)
            return MONEY
        if isinstance(e, n.UpTo):
            t = self.infer(e.operand, article)
            if t.kind not in ("money", "num", "any"):
                self._mismatch(e.operand.span, "金额", t, article)
            return t
        if isinstance(e, n.Arith):
            return self._arith(e, article)
        if isinstance(e, n.Cap):
            b, lim = self.infer(e.base, article), self.infer(e.limit, article)
            if not _compatible(b, lim) or b.kind not in ("money", "num", "rate", "any"):
                self.error("PC201", e.span,
                           f"单位不一致：{UNIT_ZH[b.kind]} 不能以 {UNIT_ZH[lim.kind]} 封顶",
                           "封顶两边须是同一单位，例如 60% × 支出 封顶 15万元。", article)
            return b if b.kind != "any" else lim
        if isinstance(e, n.Tiers):
            result: Ty = ANY
            for tier in e.tiers:
                self.expect_bool(tier.cond, article)
                result = self._join(result, self.infer(tier.amount, article), tier.amount.span,
                                    article)
            if e.otherwise is not None:
                result = self._join(result, self.infer(e.otherwise, article), e.otherwise.span,
                                    article)
            return result
        if isinstance(e, n.Not):
            self.expect_bool(e.operand, article)
            return BOOL
        if isinstance(e, n.Logic):
            self.expect_bool(e.left, article)
            self.expect_bool(e.right, article)
            return BOOL
        if isinstance(e, n.Compare):
            self._compare(e, article)
            return BOOL
        if isinstance(e, n.Readings):
            return self._readings(e, article)
        if isinstance(e, n.DateLit):
            if e.value == dt.date.min:
                self.error("PC204", e.span, f"日期“{e.text}”不存在", "检查月份和日期。", article)
            return DATE
        if isinstance(e, n.OnTime):
            return self._on_time(e, article)
        assert isinstance(e, n.Member)
        t = self.infer(e.operand, article)
        if t.kind not in ("text", "enum", "any"):
            self._mismatch(e.operand.span, "文本或枚举", t, article)
        if t.kind == "enum":
            for v in e.values:
                self._enum_value(t, v, article)
        return BOOL

    def _on_time(self, e: n.OnTime, article: str) -> Ty:
        """按期 x: x is a date fact that a 程序 step's deadline names (截止 D 按 x)."""
        t = self._ref(e.ref, article)
        if t.kind == "any":
            return BOOL
        if t.kind != "date" or e.fact in self.pending_defs:
            self._mismatch(e.ref.span, "日期事实", t, article)
        elif self.policy.deadline(e.fact) is None:
            self.error("PC116", e.ref.span, f"没有哪个 程序 步骤的截止日期按“{e.fact}”计",
                       f"在 程序 块的步骤后写：步骤 \"…\" 截止 2025-06-30 按 {e.fact}；"
                       f"或直接比较日期：{e.fact} <= 2025-06-30", article)
        return BOOL

    def _ref(self, e: n.Ref, article: str) -> Ty:
        if e.name in self.env and (e.name in self.defined or e.name not in self.pending_defs):
            return self.env[e.name]
        if e.name in self.pending_defs:
            self.error("PC112", e.span, f"“{e.name}”在定义之前被使用",
                       "把该 定义 移到使用它的地方之前。", article)
            return ANY
        known = sorted(set(self.env) | self.pending_defs)
        close = difflib.get_close_matches(e.name, known, n=1)
        if e.name in FACTS:
            hint = f"“{e.name}”是共享词汇中的事实，请在 事实 块中列出它。"
        elif close:
            hint = f"是否想写“{close[0]}”？"
        else:
            hint = "事实须在 事实 块中声明，派生值须用 定义 声明。"
        self.error("PC110", e.span, f"未知的名称“{e.name}”", hint, article)
        return ANY

    def _arith(self, e: n.Arith, article: str) -> Ty:
        before = len(self.diags)
        a, b = self.infer(e.left, article), self.infer(e.right, article)
        if isinstance(e.left, n.UpTo):
            self._upto_scope(e, before, article)
        if a.kind == "any" or b.kind == "any":
            return b if a.kind == "any" else a
        if "date" in (a.kind, b.kind):
            self.error("PC201", e.span, "日期不能参与加减乘运算",
                       "日期只能与日期比较，例如 completed_on <= 2026-03-31。", article)
            return ANY
        if e.op in "+-":
            if a.kind == b.kind and a.kind in ("money", "num", "rate"):
                return Ty(a.kind)
            self.error("PC201", e.span,
                       f"单位不一致：不能把 {UNIT_ZH[a.kind]} 与 {UNIT_ZH[b.kind]} 相加减",
                       "只有同一单位的量可以相加，例如两项支出之和。", article)
            return ANY
        pair = {a.kind, b.kind}
        table = {
            frozenset({"rate", "money"}): MONEY,
            frozenset({"num", "money"}): MONEY,
            frozenset({"num"}): NUM,
            frozenset({"rate", "num"}): NUM,
            frozenset({"rate"}): RATE,
        }
        result = table.get(frozenset(pair))
        if result is None:
            self.error("PC201", e.span,
                       f"单位不一致：{UNIT_ZH[a.kind]} × {UNIT_ZH[b.kind]} 没有意义",
                       "金额只能乘以比例（50% × 支出）或数量（5000元 × 企业数）。", article)
            return ANY
        return result

    def _upto_scope(self, e: n.Arith, before: int, article: str) -> None:
        """不超过 takes only the value right after it: `不超过 50% × x` reads (不超过 50%) × x.

        When that makes 不超过's own operand the wrong unit, say so with the parenthesised form
        (an editor offers it as a quick fix: PC202 with the message below) instead of the bare
        unit mismatch.
        """
        assert isinstance(e.left, n.UpTo)
        operand = e.left.operand.span
        for i in range(before, len(self.diags)):
            d = self.diags[i]
            if d.code == "PC202" and d.span == operand:
                self.diags[i] = Diagnostic(
                    "PC202", Severity.ERROR, e.span, f"{UPTO_SCOPE_MESSAGE}，此处读作 (不超过 …) {e.op} …",
                    "整个式子是上限时请加括号，例如 不超过 (50% × 支出)。", article)
                return

    def _readings(self, e: n.Readings, article: str) -> Ty:
        """解读 X { 读法 a 则 … }: X is a 解读 block and the cases are exactly its readings."""
        result: Ty = ANY
        for case in e.cases:
            result = self._join(result, self.infer(case.amount, article), case.amount.span, article)
        r = self.policy.reading(e.block)
        if r is None:
            names = [x.id for x in self.policy.readings]
            close = difflib.get_close_matches(e.block, names, n=1)
            self.error("PC113", e.block_span, f"未知的解读“{e.block}”",
                       (f"是否想写“{close[0]}”？" if close else "")
                       + "先写 解读 块，列出各种读法：解读 名称 { 条款 … 原文 「…」 读法 a \"…\" 读法 b \"…\" }",
                       article)
            return result
        declared = [o.name for o in r.options]
        written = [c.name for c in e.cases]
        for c in e.cases:
            if c.name not in declared:
                self.error("PC113", c.name_span, f"解读“{r.id}”没有读法“{c.name}”",
                           "可选：" + "、".join(declared), article)
            elif written.count(c.name) > 1:
                self.error("PC113", c.name_span, f"读法“{c.name}”写了不止一次", "", article)
        missing = [d for d in declared if d not in written]
        if missing:
            self.error("PC113", e.span, f"解读“{r.id}”的读法 {'、'.join(missing)} 没有给出金额",
                       "每种读法都要写一项：读法 名称 则 金额。", article)
        return result

    def _join(self, acc: Ty, t: Ty, span: Span, article: str) -> Ty:
        if acc.kind == "any":
            return t
        if t.kind == "any" or t.kind == acc.kind:
            return acc
        self.error("PC201", span,
                   f"各档单位不一致：{UNIT_ZH[acc.kind]} 与 {UNIT_ZH[t.kind]}", "", article)
        return acc

    def _compare(self, e: n.Compare, article: str) -> None:
        a, b = self.infer(e.left, article), self.infer(e.right, article)
        if a.kind == "any" or b.kind == "any":
            return
        for fact_t, lit in ((a, e.right), (b, e.left)):
            if fact_t.kind == "enum" and isinstance(lit, n.StrLit):
                self._enum_value(fact_t, lit, article)
                if e.op not in ("==", "!="):
                    self.error("PC202", e.span, "枚举值只能比较相等（== 或 !=）", "", article)
                return
            if fact_t.kind == "rate" and isinstance(lit, n.RateLit | n.NumberLit):
                lo, hi = rate_bounds(fact_t.low, fact_t.high)
                if not lo <= lit.value <= hi:
                    self.error("PC203", lit.span,
                               f"{lit.text} 超出“{fact_t.name}”的取值范围 {lo}..{hi}",
                               "比例事实的范围在 事实 块中声明，例如 比例 [-1..5]。", article)
            if fact_t.kind == "num" and isinstance(lit, n.NumberLit | n.CountLit):
                v = lit.value
                if (fact_t.low is not None and v < fact_t.low) or (
                    fact_t.high is not None and v > fact_t.high
                ):
                    rng = f"{fact_t.low}..{fact_t.high if fact_t.high is not None else '∞'}"
                    self.error("PC203", lit.span,
                               f"{v} 超出“{fact_t.name}”的取值范围 {rng}",
                               "检查等级或数量的取值。", article)
        if a.kind != b.kind:
            self.error("PC201", e.span,
                       f"单位不一致：不能比较 {UNIT_ZH[a.kind]} 与 {UNIT_ZH[b.kind]}", "", article)
        elif a.kind in ("text", "bool") and e.op not in ("==", "!="):
            self.error("PC202", e.span, f"{UNIT_ZH[a.kind]}只能比较相等（== 或 !=）", "", article)

    def _enum_value(self, t: Ty, lit: n.StrLit, article: str) -> None:
        if lit.value not in t.values:
            self.error("PC203", lit.span,
                       f"“{lit.value}”不是“{t.name}”的取值",
                       "可选值：" + "、".join(t.values), article)

    def _mismatch(self, span: Span, want: str, got: Ty, article: str) -> None:
        self.error("PC202", span, f"此处应为{want}，实际是{UNIT_ZH[got.kind]}", "", article)

    def expect_bool(self, e: n.Expr, article: str) -> None:
        t = self.infer(e, article)
        if t.kind not in ("bool", "any"):
            self._mismatch(e.span, "条件（真/假）", t, article)

    def expect(self, e: n.Expr, kinds: tuple[str, ...], want: str, article: str) -> None:
        t = self.infer(e, article)
        if t.kind not in (*kinds, "any"):
            self._mismatch(e.span, want, t, article)

    # -- blocks --------------------------------------------------------------
    def run(self) -> list[Diagnostic]:
        p = self.policy
        for r in p.readings:
            names = [o.name for o in r.options]
            art = r.citation.article
            if len(r.options) < 2:
                self.error("PC113", r.span, f"解读“{r.id}”只有一种读法",
                           "解读 是原文可以有两种（或更多）理解的地方：至少写两种 读法。", art)
            for i, o in enumerate(r.options):
                if o.name in names[:i]:
                    self.error("PC113", o.span, f"读法“{o.name}”重复", "", art)
            if r.adopted not in names:
                self.error("PC113", r.span, f"采用的读法“{r.adopted}”不是解读“{r.id}”的读法",
                           "可选：" + "、".join(names), art)
        for d in p.definitions:
            self.env[d.name] = self.infer(d.expr)
            self.defined.add(d.name)
        for req in p.requirements:
            self.expect_bool(req.cond, req.citation.article)
        for exc in p.exclusions:
            self.expect_bool(exc.cond, exc.citation.article)
        item_ids = {i.id for i in p.items}
        for it in p.items:
            art = it.citation.article
            if it.cond is not None:
                self.expect_bool(it.cond, art)
            self.expect(it.amount, ("money",), "金额（元）", art)
            self._beneficiary(it.beneficiary, it.beneficiary_span or it.span, art)
            for f in it.funding:
                self._funding(f, art)
        for c in p.caps:
            self._scope(c.scope, item_ids, c.citation.article)
            self.expect(c.limit, ("money",), "金额（元）", c.citation.article)
        for s in p.payments:
            self._scope(s.scope, item_ids, s.citation.article)
            for st in s.stages:
                if st.share is not None:
                    self.expect(st.share, ("rate", "money"), "比例（%）或金额（元）", s.citation.article)
                    self._stage_share(st, s.citation.article)
        for q in p.quotas:
            if q.scope:
                self._scope(q.scope, item_ids, q.citation.article)
            for e in (q.at_most, q.at_least):
                if e is not None:
                    self.expect(e, ("num",), "数量", q.citation.article)
        for b in p.budgets:
            if b.scope:
                self._scope(b.scope, item_ids, b.citation.article)
            for u in b.uses:
                self.expect(u.share, ("rate",), "比例（%）", b.citation.article)
        for pr in p.procedures:
            for step in pr.steps:
                if step.min_duration is not None:
                    self.expect(step.min_duration, ("num",), "数量", pr.citation.article)
                self._deadline(step, pr.citation.article)
        for con in p.constraints:
            self._constraint(con)
        for t in p.tests:
            self._test(t, item_ids)
            self._test_parameters(t)
        return self.diags

    def _constraint(self, c: n.Constraint) -> None:
        """约束: a condition over facts and parameters only (checked on every profile)."""
        from ..model.printer import refs

        art = c.citation.article if c.citation else ""
        self.expect_bool(c.cond, art)
        facts = {f.name for f in self.policy.facts}
        params = {x.name for x in self.policy.parameters}
        for name in refs(c.cond):
            if name not in facts and name not in params and name in self.env:
                self.error("PC115", c.span, f"约束只能读取事实和参数，“{name}”是定义",
                           "把定义的式子直接写进约束，例如 约束 equipment_spend <= project_investment。", art)
        if not any(r in facts for r in refs(c.cond)):
            self.error("PC115", c.span, "约束没有读取任何事实",
                       "约束是申请人资料中事实之间的关系，例如 约束 equipment_spend <= project_investment。", art)

    def _test_parameters(self, t: n.TestCase) -> None:
        for v in t.parameters:
            if self.policy.parameter(v.name) is None:
                names = [x.name for x in self.policy.parameters]
                close = difflib.get_close_matches(v.name, names, n=1)
                self.error("PC130", v.span, f"测试提供了未知的参数“{v.name}”",
                           (f"是否想写“{close[0]}”？" if close else "")
                           + ("可选：" + "、".join(names) if names else "本政策没有声明 参数。"))

    def _deadline(self, step: n.Step, article: str) -> None:
        """截止 D 按 x: x is a date fact, named by one step only."""
        if step.deadline_fact is None:
            return
        span = step.deadline_span or step.span
        t = self.env.get(step.deadline_fact)
        if t is None:
            self._ref(n.Ref(step.deadline_fact, span), article)
        elif t.kind != "date":
            self._mismatch(span, "日期", t, article)
        found = self.policy.deadline(step.deadline_fact)
        if found is not None and found[1] is not step:
            self.error("PC116", span, f"“{step.deadline_fact}”已是步骤“{found[1].name}”的日期",
                       "每个日期事实只对应一个步骤的截止日期。", article)

    def _stage_share(self, st: n.Stage, article: str) -> None:
        """A stage's share is a stated ratio (至多 70%): one that reads facts is written as the
        amount it gives (至多 30% × 首付款 封顶 10万元), which is paid from another base."""
        if st.share is None or unit(self.policy, st.share) != "rate" or not refs(st.share):
            return
        self.error("PC202", st.share.span, f"拨付阶段“{st.name}”的比例读取了申请人的事实",
                   "拨付阶段的比例须是原文写明的比例（如 至多 70%）；按其他基数计算的阶段写成金额，"
                   "如 至多 (30% × down_payment) 封顶 10万元。", article)

    def _beneficiary(self, ben: str | None, span: Span, article: str) -> None:
        if ben is not None and ben not in BENEFICIARIES:
            self.error("PC121", span, f"未知的申报主体类型“{ben}”",
                       "可选：" + "、".join(BENEFICIARIES), article)

    def _funding(self, f: n.Funding, article: str) -> None:
        spans = f.source_spans or (f.span,) * len(f.payers)
        for payer, span in zip(f.payers, spans, strict=False):
            if payer not in FUNDING_SOURCES:
                close = difflib.get_close_matches(payer, list(FUNDING_SOURCES), n=1)
                hint = f"是否想写“{close[0]}”？" if close else ""
                self.error("PC120", span, f"未知的资金来源“{payer}”",
                           hint + " 可选：central、province、city、county", article)
        if len(set(f.payers)) != len(f.payers):
            self.error("PC120", f.span, "同一资金来源出现多次", "", article)
        if f.stated:
            total = sum((s for _, s in f.shares), Decimal(0))
            if total != 1:
                self.error("PC501", f.span,
                           f"资金分担比例合计为 {total * 100:g}%，不等于 100%",
                           "各来源比例之和必须恰好为 100%；比例未明确时写：资金 未明确 [city, county]",
                           article)

    def _scope(self, scope: n.Scope, item_ids: set[str], article: str) -> None:
        for name in scope.items:
            if name not in item_ids:
                close = difflib.get_close_matches(name, sorted(item_ids), n=1)
                self.error("PC122", scope.span, f"未知的补助项“{name}”",
                           f"是否想写“{close[0]}”？" if close else "", article)
        if scope.kind == "beneficiary":
            self._beneficiary(scope.beneficiary, scope.span, article)

    def _test(self, t: n.TestCase, item_ids: set[str]) -> None:
        for rid, name, span in t.readings:
            r = self.policy.reading(rid)
            if r is None:
                self.error("PC113", span, f"测试采用了未知的解读“{rid}”", "")
            elif r.option(name) is None:
                self.error("PC113", span, f"解读“{rid}”没有读法“{name}”",
                           "可选：" + "、".join(o.name for o in r.options))
        stages = {st.name for s in self.policy.payments for st in s.stages}
        for e in t.expectations:
            if e.kind in ("item", "item_absent") and e.target not in item_ids:
                self.error("PC130", e.span, f"测试引用了未知的补助项“{e.target}”", "")
            if e.kind == "funding" and e.target not in (*FUNDING_SOURCES, UNSPECIFIED):
                self.error("PC130", e.span, f"测试引用了未知的资金来源“{e.target}”",
                           "可选：central、province、city、county、unspecified")
            if e.kind == "payment" and e.target not in stages:
                self.error("PC130", e.span, f"测试引用了未知的拨付阶段“{e.target}”",
                           ("可选：" + "、".join(sorted(stages))) if stages else "本政策没有写 拨付 阶段。")
            if isinstance(e.value, n.RangeLit | n.MoneyLit | n.Undetermined):
                self.infer(e.value)
            elif e.kind in ("total", "item", "funding", "payment"):
                self.expect(e.value, ("money",), "金额（元）", "")  # type: ignore[arg-type]


def rate_bounds(low: object, high: object) -> tuple[Decimal, Decimal]:
    """The range a ratio fact accepts: the declared one (比例 [-1..5]), else 0..1."""
    lo = Decimal(str(low)) if low is not None else Decimal(0)
    hi = Decimal(str(high)) if high is not None else Decimal(1)
    return lo, hi


def _compatible(a: Ty, b: Ty) -> bool:
    return a.kind == "any" or b.kind == "any" or a.kind == b.kind


def typecheck(policy: n.Policy) -> list[Diagnostic]:
    return Checker(policy).run()

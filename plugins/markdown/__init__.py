"""The Markdown backend: an applicant guide per policy, in Chinese, and a comparison page.

Every number in a guide is computed at build time by the reference evaluator from a profile
(the policy's own test cases, or a profile made from an item's conditions) — none is typed
by hand. Strings from policies are escaped (:func:`plugins.markdown.plain.md`). Nothing
depends on the build date: whether a policy is in force *today* is filled in by the site's
``validity.js`` from the dates in the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2

from compiler.backends import CheckedModel, CheckedPolicy, header_line
from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.runtime import FundingPlan, ProfileError, Result, rate_range
from compiler.model import nodes as n
from compiler.model.queries import compared_rates, facts_read, first_member, in_scope, named_dates, nodes
from compiler.model.readings import affected
from compiler.model.stages import stage_kind
from compiler.vocabulary import BENEFICIARIES, FACTS, FUNDING_SOURCES

from .plain import Words, adm_title, cell, date_words, md, money_words, ratio_words, span, yuan

_TEMPLATES = Path(__file__).resolve().parent / "templates"
LEVELS = {"national": "国家级", "provincial": "省级", "city": "市级", "county": "县级"}
# Findings that depend on the build date are left to validity.js, to keep guides deterministic.
DATE_DEPENDENT = {"PC601"}
COMPARE_ON = dt.date(2025, 8, 1)
COMPARE_PROFILES: list[tuple[str, dict[str, object]]] = [
    ("二级企业，改造投入 30 万元（软件 20 万 + 设备 10 万）", {
        "applicant_type": "enterprise", "digital_level": 2,
        "spend_software_cloud": 200000, "spend_data_equipment": 100000}),
    ("四级企业，软件投入 120 万元，“小灯塔”企业", {
        "applicant_type": "enterprise", "digital_level": 4, "spend_software_cloud": 1200000,
        "lighthouse": True}),
    ("三级企业，投入 80 万元，上云上平台，获国家级数字化车间称号", {
        "applicant_type": "enterprise", "digital_level": 3, "spend_software_cloud": 500000,
        "spend_data_equipment": 200000, "spend_consulting": 100000,
        "cloud_platform_adopted": True, "digital_workshop_title": True}),
    ("链主企业（三级）：智能化改造示范企业、“链式”转型，软件投入 200 万元", {
        "applicant_type": "enterprise", "digital_level": 3, "spend_software_cloud": 2000000,
        "chain_demo_enterprise": True, "chain_transformation_award": True}),
    ("数字化服务商：3 个获奖产品，优秀服务商，服务验收达标企业 30 家", {
        "applicant_type": "service_provider", "awarded_products": 3, "excellent_provider": True,
        "accepted_enterprises_served": 30}),
]
COMMON = {"registered_in_city": True, "independent_legal_person": True, "operating_normally": True,
          "good_tax_and_credit": True, "is_sme": True, "in_pilot_scope": True,
          "acceptance_passed": True}


def _indent(text: str, width: int = 4) -> str:
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def _requirements_summary(p: n.Policy, words: Words) -> str:
    """The 资格 in one line for the summary, grouped by who must meet them: 「所有申请人须满足：…；
    企业另须满足：…」 (a 资格 written ``applicant_type != "enterprise" 或 X`` binds only enterprises),
    not 「须同时满足：企业须满足：X；企业须满足：Y」."""
    groups: dict[str, list[str]] = {}
    for r in p.requirements:
        who, e = words.only_for(r.cond) or ("", r.cond)
        groups.setdefault(who, []).append(words.cond(e))
    everyone = groups.pop("", [])
    parts = [f"所有申请人须满足：{'；'.join(everyone)}"] if everyone else []
    parts += [f"{who}{'另' if everyone else ''}须满足：{'；'.join(xs)}" for who, xs in groups.items()]
    return "；".join(parts)


def _quote(text: str) -> str:
    """A quoted article for an admonition: whitespace of the published layout folded."""
    return re.sub(r"\s+", "", text) if re.search(r"[\u4e00-\u9fff]", text) else " ".join(text.split())


def _limit_words(words: Words, limit: n.Expr) -> str:
    """A 累计上限's limit after 「合计不超过」: a noun phrase, or after a colon the sentence that says
    the text is read two ways (「合计不超过：原文有不同理解——……」, not 「合计不超过原文有不同理解」)."""
    text = words.limit(limit)
    return f"：{text}" if text.startswith("原文有不同理解") else text


def _ceiling(e: n.Expr, defs: Mapping[str, n.Expr] | None = None) -> Decimal | None:
    """The most an amount can be when that is a fixed sum (None: no fixed maximum); ``defs``: the
    policy's definitions, by name, through which an amount may be written (定义 award_high …)."""
    defs = defs or {}
    if isinstance(e, n.Ref) and e.name in defs:
        return _ceiling(defs[e.name], defs)
    if isinstance(e, n.MoneyLit):
        return e.value
    if isinstance(e, n.UpTo):
        return _ceiling(e.operand, defs)
    if isinstance(e, n.RangeLit):
        return e.high.value
    if isinstance(e, n.Cap):
        limit = _ceiling(e.limit, defs)
        base = _ceiling(e.base, defs)
        return limit if base is None else (base if limit is None else min(base, limit))
    if isinstance(e, n.Tiers):
        tops = [_ceiling(t.amount, defs) for t in e.tiers]
        if e.otherwise is not None:
            tops.append(_ceiling(e.otherwise, defs))
        return None if any(t is None for t in tops) else max(t for t in tops if t is not None)
    if isinstance(e, n.Arith) and e.op == "+":
        left, right = _ceiling(e.left, defs), _ceiling(e.right, defs)
        return None if left is None or right is None else left + right
    if isinstance(e, n.Readings):  # 解读: the most any reading pays
        tops = [_ceiling(c.amount, defs) for c in e.cases]
        return None if any(t is None for t in tops) else max(t for t in tops if t is not None)
    return None


def _has_readings(e: n.Expr, defs: Mapping[str, n.Expr]) -> bool:
    """Whether an amount (or a definition it reads) depends on a 解读."""
    todo: list[n.Expr] = [e]
    seen: set[str] = set()
    while todo:
        for x in nodes(todo.pop()):
            if isinstance(x, n.Readings):
                return True
            if isinstance(x, n.Ref) and x.name in defs and x.name not in seen:
                seen.add(x.name)
                todo.append(defs[x.name])
    return False


def _undetermined(e: n.Expr) -> bool:
    if isinstance(e, n.Tiers):
        return all(_undetermined(t.amount) for t in e.tiers)
    return isinstance(e, n.Undetermined)


def _is_up_to(e: n.Expr) -> bool:
    return any(isinstance(x, n.UpTo | n.RangeLit) for x in nodes(e))


def _open_list(p: n.Policy, e: n.Expr) -> bool:
    defs = {d.name: d.expr for d in p.definitions}
    todo: list[object] = [e]
    seen: set[str] = set()
    while todo:
        for x in nodes(todo.pop()):
            if isinstance(x, n.Member) and x.open:
                return True
            if isinstance(x, n.Ref) and x.name in defs and x.name not in seen:
                seen.add(x.name)
                todo.append(defs[x.name])
    return False


def _dates(p: n.Policy) -> tuple[dt.date | None, dt.date | None]:
    """The first day the policy applies (its retroactive start, or its start) and its last."""
    v = p.header.validity
    start = p.header.retroactive.start if p.header.retroactive else (v.start.date if v else None)
    return start, v.end.date if v else None


def _value_text(ftype: n.FactType | None, value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if ftype is not None and ftype.kind == "money":
        return yuan(Decimal(str(value)))
    if ftype is not None and ftype.kind == "enum":
        return dict(ftype.values).get(str(value), str(value))
    if ftype is not None and ftype.kind == "rate":
        return ratio_words(value)
    if ftype is not None and ftype.kind == "date":
        return date_words(str(value)).strip()
    return str(value)


# What a guide says when only part of the document is published (来源 "…" 摘要 / 节选 / 转载).
PARTIAL = {
    "摘要": "本指南依据的原文是政策的摘要，不是全文：全文中可能还有未列出的申请条件、不予支持的情形、"
            "金额上限或出资规定。申请前请查阅全文或咨询发布机关。",
    "节选": "本指南依据的原文是政策的节选，不是全文：未发布的条款中可能还有申请条件、不予支持的情形、"
            "金额上限或出资规定。申请前请查阅全文或咨询发布机关。",
    "转载": "本指南依据的原文是转载的文本，可能不完整：原件中可能还有未转载的申请条件、不予支持的情形、"
            "金额上限或出资规定。申请前请查阅原件或咨询发布机关。",
}


def _stage_words(p: n.Policy, st: n.Stage, words: Words) -> str:
    kind = stage_kind(p, st)
    if st.share is None:
        return "余额（前面各期拨付后剩下的部分）"
    if kind == "undetermined":
        return "原文未规定这一期拨付多少（可能是 0 至全部）"
    if kind == "amount":
        return f"至多 {words.amount(st.share)}，且不超过应拨付的总额"
    return f"至多 {words.amount(st.share)}"


def _readings_nodes(p: n.Policy, reading_id: str) -> list[n.Readings]:
    """Every 解读 expression of ``reading_id`` in the policy (items, definitions, caps, …)."""
    blocks = (p.definitions, p.items, p.caps, p.requirements, p.exclusions)
    return [x for x in nodes(blocks) if isinstance(x, n.Readings) and x.block == reading_id]


class MarkdownBackend:
    name = "markdown"
    description = "中文申请指南（Markdown，发布为文档站点）"

    def __init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(_TEMPLATES)), autoescape=False,
            keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters.update(md=md, cell=cell, adm_title=adm_title, indent4=_indent, yuan=yuan)

    def render(self, model: CheckedModel) -> Mapping[str, str]:
        titles = {cp.policy.id: cp.policy.header.title for cp in model.policies}
        files = {f"{cp.policy.id}.md": self.guide(cp, titles) for cp in model.policies}
        files.update({f"review/{cp.policy.id}.md": self.review(cp) for cp in model.policies})
        files["compare.md"] = self.compare(model)
        files["calculator.md"] = self.calculator(model)
        return files

    # -- one guide -----------------------------------------------------------
    def guide(self, cp: CheckedPolicy, titles: Mapping[str, str]) -> str:
        p = cp.policy
        h = p.header
        words = Words(p)
        ev = Evaluator(p, {})  # the worked examples: under the adopted readings (解读), as the tests
        items = [self._item(cp, it, ev, words) for it in p.items]
        return self.env.get_template("guide.md.j2").render(
            header=header_line(cp.source_file),
            p=p, h=h,
            parent_title=titles.get(h.parent or "", h.parent or ""),
            summary=self._summary(p, words),
            level=LEVELS.get(h.level or "", ""),
            dates=self._dates_row(p),
            beneficiaries=sorted({BENEFICIARIES.get(i.beneficiary or "", "") for i in p.items
                                  if i.beneficiary} - {""}),
            # items without 对象: no applicant type is encoded for them (国家 四、（一）
            # is paid to cities, which the shared vocabulary has no type for): never "企业" alone
            unnamed=[f"{i.citation.article}「{i.title}」" for i in p.items if not i.beneficiary],
            partial=PARTIAL.get(h.source_kind or "", ""),
            requirements=[{"article": r.citation.article, "words": words.cond(r.cond),
                           "quote": _quote(r.citation.quote), "note": r.note}
                          for r in p.requirements],
            requirements_summary=_requirements_summary(p, words),
            exclusions=[{"article": x.citation.article, "words": words.cond(x.cond),
                         "quote": _quote(x.citation.quote), "note": x.note} for x in p.exclusions],
            items=items,
            caps=[self._cap(cp, c, ev, words) for c in p.caps],
            payments=[{"article": s.citation.article, "quote": _quote(s.citation.quote),
                       "items": self._scope_words(p, s.scope), "note": s.note,
                       "stages": [(st.name, _stage_words(p, st, words)) for st in s.stages]}
                      for s in p.payments],
            quotas=[{"article": q.citation.article, "note": q.note, "quote": _quote(q.citation.quote),
                     "bound": (f"至多 {words.amount(q.at_most)}" if q.at_most else "")
                     + (f"至少 {words.amount(q.at_least)}" if q.at_least else "")}
                    for q in p.quotas],
            budgets=[{"article": b.citation.article, "quote": _quote(b.citation.quote),
                      "note": b.note,
                      "uses": [(u.name, ("至少" if u.bound == "at_least" else "至多")
                                + " " + words.amount(u.share)) for u in b.uses]} for b in p.budgets],
            procedures=[{"article": pr.citation.article, "quote": _quote(pr.citation.quote),
                         "note": pr.note,
                         "steps": [(s.name, s.description,
                                    words.amount(s.min_duration) if s.min_duration else "",
                                    date_words(s.deadline.isoformat()).strip() if s.deadline else "")
                                   for s in pr.steps]} for pr in p.procedures],
            readings=[self._reading(p, r, words) for r in p.readings],
            parameters=[self._parameter(x) for x in p.parameters],
            constraints=[{"words": words.cond(c.cond), "article": c.citation.article if c.citation else "",
                          "quote": _quote(c.citation.quote) if c.citation else ""} for c in p.constraints],
        )

    def _parameter(self, x: n.Parameter) -> dict[str, Any]:
        """A 参数 for applicants: its name, and its value or who publishes it."""
        from .plain import parameter_value_words

        value = (f"原文规定为 {parameter_value_words(x)}" if x.value is not None else
                 "原文未写明数值，以主管部门公布的为准；在线计算时请填写主管部门公布的数值")
        return {"label": x.label, "value": value, "article": x.citation.article if x.citation else "",
                "quote": _quote(x.citation.quote) if x.citation else ""}

    def review(self, cp: CheckedPolicy) -> str:
        """The drafters' page of one policy: every checker finding, with its code."""
        p = cp.policy
        findings = [d for d in cp.findings if d.code not in DATE_DEPENDENT]
        return self.env.get_template("review.md.j2").render(
            header=header_line(cp.source_file), p=p, h=p.header,
            findings=findings,
            notes=[(it.citation.article, it.title, it.note) for it in p.items if it.note],
            suppressed=[(d, s) for d, s in cp.suppressed if d.code not in DATE_DEPENDENT],
        )

    # -- the one-minute summary ------------------------------------------------
    def _summary(self, p: n.Policy, words: Words) -> dict[str, Any]:
        defs = {d.name: d.expr for d in p.definitions}
        rows = []
        for it in p.items:
            rows.append({
                "article": it.citation.article, "title": it.title,
                # no 对象: who may apply is in the item's conditions (国家 四、（一） is paid to the
                # pilot cities, which the vocabulary has no type for), not 「各类申请人」
                "who": BENEFICIARIES.get(it.beneficiary or "", "申请对象见本项条件"),
                "most": self._most(it.amount, words, defs),
                "capped": _ceiling(it.amount, defs) is not None,
                "read_two_ways": _has_readings(it.amount, defs),
                "cond": words.cond(it.cond) if it.cond is not None else "无其他条件",
            })
        return {
            "rows": rows,
            "caps": [f"{c.citation.article}：{self._scope_words(p, c.scope)}合计不超过{_limit_words(words, c.limit)}"
                     for c in p.caps],
        }

    def _most(self, e: n.Expr, words: Words, defs: Mapping[str, n.Expr]) -> str:
        """What an item pays at most, in words (“50 万元”, “按改造投入的 60% 计算，无固定上限”)."""
        top = _ceiling(e, defs)
        if top is not None:
            return money_words(top)
        if _undetermined(e):
            return "原文未规定金额"
        return words.amount(e) + "（无固定上限）"

    def _validity(self, p: n.Policy) -> str:
        v = p.header.validity
        if v is None or not v.stated:
            return "原文未规定有效期"

        def bound(b: n.Bound) -> str:
            return b.date.isoformat() if b.date else f"“{b.event}”"

        if v.end.open:
            text = f"自 {bound(v.start)} 起，原文未规定截止日期"
        elif v.start.open:
            text = f"至 {bound(v.end)} 止，原文未规定起始日期"
        else:
            text = f"自 {bound(v.start)} 至 {bound(v.end)}"
        if p.header.retroactive:
            text += f"；追溯适用自 {p.header.retroactive.start.isoformat()}"
        return text

    def _reading(self, p: n.Policy, r: n.Reading, words: Words) -> dict[str, Any]:
        """One 解读 in words: what each reading pays, and an applicant for whom they differ."""
        cases: dict[str, list[str]] = {o.name: [] for o in r.options}
        for x in _readings_nodes(p, r.id):
            for c in x.cases:
                # a condition that holds for everyone (真) or no one (假): say whom it covers
                # rather than a bare 是/否
                said = (("所有申请人" if c.amount.value else "没有申请人") if isinstance(c.amount, n.BoolLit)
                        else words.amount(c.amount))
                cases.setdefault(c.name, []).append(said)
        ids = affected(p, r.id)
        affected_items = [f"{it.citation.article}「{it.title}」" for it in p.items if it.id in ids]
        evs = [(o.label, Evaluator(p, {r.id: o.name})) for o in r.options]
        example = None
        for t in p.tests:
            profile = {i.name: i.value for i in t.inputs}
            totals = [(label, self._calc(ev, profile, t.date)) for label, ev in evs]
            done = [(label, res) for label, res in totals if res is not None]
            if len(done) < len(totals):
                continue  # a test with an invalid profile is reported by policyc test
            if len({(res.total_min, res.total_max) for _, res in done}) > 1:
                example = {"label": t.name, "on": (t.date or COMPARE_ON).isoformat(),
                           "totals": [(label, span(res.total_min, res.total_max))
                                      for label, res in done]}
                break
        return {"article": r.citation.article, "quote": _quote(r.citation.quote), "note": r.note,
                "items": "、".join(affected_items),
                "options": [(o.label, o.name == r.adopted, "；".join(cases.get(o.name, [])))
                            for o in r.options],
                "example": example}

    def _scope_words(self, p: n.Policy, scope: n.Scope | None) -> str:
        if scope is None or scope.kind == "all":
            return "全部补助项目"
        if scope.kind == "beneficiary":
            return f"{BENEFICIARIES.get(scope.beneficiary or '', scope.beneficiary)}获得的全部补助"
        titles = [f"{it.citation.article}「{it.title}」" for it in p.items if it.id in scope.items]
        return "、".join(titles)

    def _item(self, cp: CheckedPolicy, it: n.Item, ev: Evaluator, words: Words) -> dict[str, Any]:
        funding = self._funding(next(s for s in ev.spec.items if s.id == it.id).plan)
        return {
            "id": it.id, "article": it.citation.article, "title": it.title,
            "beneficiary": BENEFICIARIES.get(it.beneficiary or "", "见本项条件"),
            "cond": words.cond(it.cond) if it.cond is not None else "",
            "amount": words.amount(it.amount),
            "quote": _quote(it.citation.quote),
            "note": it.note,
            "ambiguous": any(it.id in affected(cp.policy, r.id) for r in cp.policy.readings),
            "funding": funding,
            "examples": self._examples(cp, it, ev, words),
            "caveats": self._caveats(cp.policy, it, funding["kind"]),
        }

    def _caveats(self, p: n.Policy, it: n.Item, funding_kind: str) -> list[str]:
        """What an applicant should know that the text leaves open, in plain words."""
        out: list[str] = []
        if _undetermined(it.amount):
            out.append("原文没有规定本项的金额，具体金额由主管部门确定。")
        elif _is_up_to(it.amount):
            out.append("原文只规定了最高金额（“不超过”），实际金额由主管部门评审确定，"
                       "计算器给出的是从 0 到最高额的区间。")
        if funding_kind == "unstated":
            out.append("文件没有写明各级财政分别承担多少，这不影响您可得的金额。")
        if funding_kind == "conflict":
            out.append("文件不同条款对由哪一级财政出资的说法不一致，也没有写明分担比例；这不影响您可得的金额。")
        if funding_kind in ("none", "unnamed"):
            out.append("文件没有写明本项资金由哪一级财政承担。")
        cond_parts = [it.cond, *(r.cond for r in p.requirements)]
        if any(_open_list(p, e) for e in cond_parts if e is not None):
            out.append("原文列举的范围以“等”结尾，有两种读法：只限列出的几项，或还包括同类情形。"
                       "计算器按只限列出的几项计算；未列出的情形能否申请，请向主管部门咨询。")
        for c in p.caps:
            if it in in_scope(p, c.scope):
                out.append(f"本项与其他项目合计受{c.citation.article}的累计上限约束，"
                           "同时申请多个项目时可能被削减（见下文“跨项目累计上限”）。")
        return out

    def _funding(self, plan: FundingPlan) -> dict[str, Any]:
        """Who pays, in words: the runtime's funding plan, the one the calculators use."""
        payers = "、".join(FUNDING_SOURCES.get(x, x) for x in plan.payers)
        text = {
            "none": "原文未规定由谁出资",
            "unnamed": "原文未规定由谁出资",
            "shares": f"依据 {plan.articles}",
            "unstated": f"由 {payers} 承担，文件未明确分担比例（{plan.articles}）",
            "conflict": f"{plan.articles} 对出资方的规定不一致（{payers}），文件未明确分担比例",
        }[plan.kind]
        rows = [(FUNDING_SOURCES[s], f"{frac * 100:g}%") for s, frac in plan.shares]
        return {"kind": plan.kind, "rows": rows, "text": text}

    # -- worked examples -----------------------------------------------------
    def _examples(self, cp: CheckedPolicy, it: n.Item, ev: Evaluator, words: Words
                  ) -> list[dict[str, Any]]:
        p = cp.policy
        found: list[dict[str, Any]] = []
        seen: set[str] = set()
        for t in p.tests:
            if t.readings:
                continue  # worked out under another reading than the page's (采用 in the test)
            profile = {i.name: i.value for i in t.inputs}
            params = {v.name: v.value for v in t.parameters}
            res = self._calc(ev, profile, t.date, params)
            if res is not None and res.item(it.id) is not None:
                key = repr((sorted(profile.items()), t.date))
                if key not in seen:
                    seen.add(key)
                    found.append(self._example(p, words, t.name, profile, t.date, res, it.id, params))
            if len(found) >= 2:
                return found
        on = self._in_force_date(p)
        for label, profile in self._synthesised(p, it):
            res = self._calc(ev, profile, on)
            if res is not None and res.item(it.id) is not None:
                key = repr((sorted(profile.items()), on))
                if key not in seen:
                    seen.add(key)
                    found.append(self._example(p, words, label, profile, on, res, it.id))
            if len(found) >= 2:
                break
        return found

    def _calc(self, ev: Evaluator, profile: dict[str, object], on: dt.date | None,
              params: dict[str, object] | None = None) -> Result | None:
        try:
            return ev.calculate(profile, on or COMPARE_ON, params)
        except ProfileError:
            return None

    def _in_force_date(self, p: n.Policy) -> dt.date:
        start, end = _dates(p)
        on = COMPARE_ON
        if start and on < start:
            on = start
        if end and on > end:
            on = end
        return on

    def _synthesised(self, p: n.Policy, it: n.Item) -> list[tuple[str, dict[str, object]]]:
        """Profiles made from the item's own conditions, when the test cases do not reach it.

        Every fact the item, the policy's requirements and the caps over the item read is set,
        so that the example's table, title and total describe the same applicant.
        """
        names: set[str] = set()
        exprs = [it.cond, it.amount, *(r.cond for r in p.requirements),
                 *(c.limit for c in p.caps if it in in_scope(p, c.scope))]
        for e in exprs:
            if e is not None:
                names |= facts_read(p, e)
        base: dict[str, object] = {}
        if it.beneficiary:
            base["applicant_type"] = it.beneficiary
        facts = {f.name: f for f in p.facts}
        for name in sorted(names):
            f = facts.get(name)
            if f is None or name == "applicant_type":
                continue
            k = f.type.kind
            if k == "bool":
                base[name] = True
            elif k == "int":
                base[name] = f.type.high if f.type.high is not None else 3
            elif k in ("text", "enum"):
                member = first_member(p, name) or (f.type.values[0][0] if f.type.values else None)
                if member:
                    base[name] = member
            elif k == "date":  # the earliest date the policy names: meets its deadlines
                dates = named_dates(p)
                if dates:
                    base[name] = dates[0].isoformat()
            elif k == "rate":  # the highest rate the policy compares with, within the range
                lo, hi = rate_range(f.type.low, f.type.high)
                rates = [r for r in compared_rates(p) if lo <= r <= hi]
                if rates:
                    base[name] = str(max(rates))
        if "applicant_type" not in base and "applicant_type" in facts:
            base["applicant_type"] = "enterprise"
        money = sorted(f for f in names if f in facts and facts[f].type.kind == "money")
        if not money:
            return [("满足本项全部条件的申请人", base)]
        spend = "；".join(facts[f].label for f in money)
        return [(f"满足本项全部条件，{spend}各 {money_words(Decimal(v))}",
                 {**base, **{f: v for f in money}}) for v in (300000, 1500000)]

    def _example(self, p: n.Policy, words: Words, label: str, profile: dict[str, object],
                 on: dt.date | None, res: Result, item_id: str,
                 params: dict[str, object] | None = None) -> dict[str, Any]:
        facts = {f.name: f for f in p.facts}
        inputs = []
        for x in p.parameters:  # the 参数 the example takes (supplied, else stated by the text)
            if params and x.name in params:
                v = params[x.name]
                shown = (f"{(Decimal(str(v)) * 100).normalize():f}%" if x.type.kind == "rate"
                         else _value_text(x.type, v))
                inputs.append((x.label + "（示例取值）", shown))
        for name, value in profile.items():
            f = facts.get(name)
            ftype = f.type if f else FACTS.get(name, (None, ""))[0]
            label_ = f.label if f else FACTS.get(name, (None, name))[1]
            inputs.append((label_, _value_text(ftype, value)))
        item = res.item(item_id)
        assert item is not None
        # what the cross-item caps leave of this item, beside its own amount (as the calculator
        # on the page says it): 「本项金额：0.00 元 至 500,000.00 元」 alone read as payable in full
        cuts = [c for c in res.cuts if c.item == item_id]
        after = ""
        if cuts and item.max is not None and (cuts[-1].after.lo, cuts[-1].after.hi) != (item.min, item.max):
            caps = "、".join(dict.fromkeys(c.article for c in cuts))
            after = f"经{caps}累计上限后实付 {span(cuts[-1].after.lo, cuts[-1].after.hi)}"
        return {
            "label": label,
            "on": (on or COMPARE_ON).isoformat(),
            "inputs": inputs,
            "amount": span(item.min, item.max),
            "after": after,
            "total": span(res.total_min, res.total_max),
            "trace": [words.plain(t) for t in item.trace],
            "others": [(i.article, i.title, span(i.min, i.max)) for i in res.items if i.id != item_id],
        }

    def _cap(self, cp: CheckedPolicy, c: n.CrossCap, ev: Evaluator, words: Words) -> dict[str, Any]:
        p = cp.policy
        example = None
        candidates: list[tuple[str, dict[str, object], dt.date | None]] = [
            (t.name, {i.name: i.value for i in t.inputs}, t.date) for t in p.tests]
        for d in cp.findings:
            w = d.extra.get("witness")
            if d.code == "PC410" and isinstance(w, dict) and isinstance(w.get("profile"), dict):
                candidates.append(("检查器给出的反例", dict(w["profile"]), self._in_force_date(p)))
        for label, profile, on in candidates:
            res = self._calc(ev, profile, on)
            if res is None:
                continue
            # the items this cap cut (an undetermined item is not cut, only bounded)
            cut_ids = {k.item for k in res.cuts if k.cap == c.id and k.before != k.after}
            cut = [i for i in res.items if i.id in cut_ids and i.min is not None]
            if cut:
                example = {
                    "label": label, "on": (on or COMPARE_ON).isoformat(),
                    "items": [(i.article, i.title, span(i.min, i.max)) for i in res.items],
                    "cut": [words.plain(t) for i in cut for t in i.trace if "累计上限" in t],
                    "total": span(res.total_min, res.total_max),
                }
                break
        return {"article": c.citation.article, "quote": _quote(c.citation.quote), "note": c.note,
                "scope": self._scope_words(p, c.scope), "limit": words.amount(c.limit),
                "example": example}

    # -- comparison ----------------------------------------------------------
    def _dates_row(self, p: n.Policy) -> dict[str, str]:
        """The policy and when it applies: its validity in words, its first and last day and
        whether it is in force on COMPARE_ON (the validity badges and the tables)."""
        start, end = _dates(p)
        if start and start > COMPARE_ON:
            state = "尚未生效"
        elif end and end < COMPARE_ON:
            state = "已失效"
        else:
            state = "有效"
        return {"id": p.id, "title": p.header.title, "validity": self._validity(p),
                "valid_from": start.isoformat() if start else "",
                "valid_until": end.isoformat() if end else "", "on_state": state}

    def calculator(self, model: CheckedModel) -> str:
        """The cross-policy page: one profile, every policy side by side."""
        return self.env.get_template("calculator.md.j2").render(
            header=header_line("policies/"),
            # the cities first: the national notice's applicant is a pilot city, not an enterprise
            policies=[self._dates_row(cp.policy) for cp in sorted(
                model.policies, key=lambda cp: cp.policy.header.level == "national")],
        )

    def compare(self, model: CheckedModel) -> str:
        cities = [cp for cp in model.policies if cp.policy.header.level != "national"]
        # each city's evaluator, and the industry its enterprises are given (its first pilot one)
        calcs = [(Evaluator(cp.policy, {}), first_member(cp.policy, "industry")) for cp in cities]
        rows = []
        for label, profile in COMPARE_PROFILES:
            cells = []
            for ev, member in calcs:
                full = {**COMMON, **profile}
                if member and profile.get("applicant_type") == "enterprise":
                    full["industry"] = member
                try:
                    res = ev.calculate(full, COMPARE_ON)
                except ProfileError as err:
                    cells.append(f"不适用（{err.errors[0][1]}）")
                    continue
                if res.excluded:
                    cells.append("不予支持（" + "、".join(res.exclusions) + "）")
                elif not res.in_force:
                    cells.append("不在有效期内")
                else:
                    cells.append(span(res.total_min, res.total_max))
            rows.append((label, cells))
        return self.env.get_template("compare.md.j2").render(
            header=header_line("policies/"),
            on=COMPARE_ON.isoformat(),
            cities=[self._dates_row(cp.policy) for cp in cities],
            rows=rows,
        )


backend = MarkdownBackend()

__all__ = ["MarkdownBackend", "backend", "money_words"]

"""Modality (PC330, PC331): a number the quote states as a ceiling is paid as a ceiling, and a
number it states as a fixed sum is paid exactly.

Each money or rate literal in an item's amount is paired with the numbers of the item's quote
that have the same value (the pairing of the quoted-number check, PC310–PC312). The words
before a quoted number, within its clause, say how it binds:

* ceiling: 不超过, 最高, 至多, 上限, 不高于, 原则上不超过, 累计不超过, 控制在…以内; or after it:
  以内, 为限, 封顶;
* fixed: 一次性, 定额 (定额 anywhere in the quote: 「给予定额奖励。其中，…」).

How the rule uses the literal: under ``不超过`` or as the limit of ``封顶`` it is a ceiling;
as an end of ``X 至 Y`` it is a range; anywhere else the calculator pays it exactly. A ceiling
paid exactly presents the most an applicant may get as what it will get (PC330); a fixed sum
paid as a range or ceiling understates a promise (PC331). A number the quote calls both (定额 …
不超过 X) is ambiguous: PC331 says so whatever the rule does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Severity
from ..evaluate.evaluator import Evaluator
from ..model import nodes as n
from .fidelity import SourceContext, profile_json
from .numbers import Number, describe, scan

_CEILING_BEFORE = re.compile(r"不超过|最高|至多|上限|不高于|不多于|控制在")
_CEILING_AFTER = re.compile(r"^(以内|以下|为限|封顶)")
_FIXED_BEFORE = re.compile(r"一次性|定额")
_FIXED_ANYWHERE = re.compile(r"定额")
_CLAUSE = "，。；：,;:！？"


@dataclass(frozen=True)
class Use:
    """How a rule uses one literal."""

    lit: n.MoneyLit | n.RateLit
    how: str  # exact | ceiling | range


def uses(e: n.Expr, how: str = "exact") -> Iterator[Use]:
    """Every money/rate literal of an amount with how the calculation binds it."""
    if isinstance(e, n.MoneyLit | n.RateLit):
        yield Use(e, how)
    elif isinstance(e, n.RangeLit):
        yield Use(e.low, "range")
        yield Use(e.high, "range")
    elif isinstance(e, n.UpTo):
        yield from uses(e.operand, "ceiling")
    elif isinstance(e, n.Cap):
        yield from uses(e.base, how)
        yield from uses(e.limit, "ceiling")
    elif isinstance(e, n.Arith):
        yield from uses(e.left, how)
        yield from uses(e.right, how)
    elif isinstance(e, n.Tiers):
        for t in e.tiers:
            yield from uses(t.amount, how)
        if e.otherwise is not None:
            yield from uses(e.otherwise, how)


def modality(quote: str, num: Number) -> tuple[bool, bool]:
    """(ceiling, fixed): how the quote states ``num``."""
    before = quote[:num.start]
    cut = max(before.rfind(ch) for ch in _CLAUSE)
    clause = "".join(before[cut + 1:].split())
    after = "".join(quote[num.end:num.end + 8].split())
    ceiling = bool(_CEILING_BEFORE.search(clause) or _CEILING_AFTER.match(after))
    fixed = bool(_FIXED_BEFORE.search(clause) or _FIXED_ANYWHERE.search(quote))
    return ceiling, fixed


def check_modality(ctx: SourceContext) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for it in ctx.policy.items:
        quoted = scan(it.citation.quote)
        seen: set[tuple[int, str]] = set()
        for u in uses(it.amount):
            kind = "money" if isinstance(u.lit, n.MoneyLit) else "rate"
            pairs = [q for q in quoted if q.key == (kind, u.lit.value)]
            if not pairs:
                continue  # PC311/PC312 report a number the quote does not have
            marks = [modality(it.citation.quote, q) for q in pairs]
            ceiling = any(c for c, _ in marks)
            fixed = any(f for _, f in marks)
            q = pairs[0]
            if ceiling and fixed:
                code = "PC331"
                msg = (f"原文对{q.text}既说定额（一次性）又说不超过，规则按"
                       f"{'上限' if u.how != 'exact' else '确定金额'}计算")
                hint = ("原文的两种读法金额不同：向发布机关确认；确认前在 说明 中写明所取的读法，"
                        "并写 忽略 PC331 \"理由\"。")
            elif ceiling and u.how == "exact":
                code = "PC330"
                msg = (f"原文说{_shown(q)}是上限（不超过/最高），规则却按确定的{_shown(q)}计算："
                       "计算器会把最高额显示为确定能得到的金额")
                hint = "把金额写成 不超过 …（如 不超过 (50% × reform_spend 封顶 20万元)），最低额为 0。"
            elif fixed and not ceiling and u.how != "exact":
                code = "PC331"
                msg = f"原文说{_shown(q)}是定额（一次性），规则却按{'上限' if u.how == 'ceiling' else '区间'}计算"
                hint = "去掉 不超过／区间，按原文的确定金额计算。"
            else:
                continue
            key = (q.start, code)
            if key in seen:
                continue
            seen.add(key)
            extra: dict[str, object] = {}
            w = _witness(ctx, it, exact=u.how == "exact")
            if w is not None:
                extra["witness"] = w
            diags.append(Diagnostic(code, Severity.WARNING, u.lit.span, msg, hint,
                                    it.citation.article, extra))
    return diags


def _shown(q: Number) -> str:
    return f"“{q.text}”" if q.text.endswith(("%", "元")) else f"“{q.text}”（{describe(*q.key)}）"


def _witness(ctx: SourceContext, it: n.Item, exact: bool) -> dict[str, object] | None:
    """The policy's own test case in which the item pays a single amount (``exact``) or a
    range, as a witness: what the calculator shows an applicant."""
    try:
        ev = Evaluator(ctx.policy)
    except Exception:  # a witness is an illustration: never let it break the check
        return None
    for t in ctx.policy.tests:
        profile = {i.name: profile_json(i.value) for i in t.inputs}
        on = t.date
        if on is None:
            continue
        try:
            res = ev.calculate(profile, on)
        except Exception:  # a witness is an illustration: never let it break the check
            continue
        got = next((x for x in res.items if x.id == it.id), None)
        if got is None or got.min is None or got.max is None or got.max <= 0:
            continue
        if (got.min == got.max) == exact:
            from .solver_witness import witness

            return witness(profile, on, res, test=t.name)
    return None

"""Modality (PC330, PC331): a number the quote states as a ceiling is paid as a ceiling, and a
number it states as a fixed sum is paid exactly.

Each money or rate literal in an item's amount (including those of the definitions it reads,
and every reading of a 解读) is paired with the numbers of the item's quote
that have the same value (the pairing of the quoted-number check, PC310–PC312). The words
before a quoted number, within its clause, say how it binds:

* ceiling: 不超过, 最高, 至多, 上限, 不高于, 原则上不超过, 累计不超过, 控制在…以内; or after it:
  以内, 为限, 封顶;
* fixed: 一次性, 定额 (定额 anywhere in the quote: 「给予定额奖励。其中，…」);
* plain: granted (给予, 奖励, 补助, 补贴, 支持) with no word of limit: 「奖励20万元」.

The quote is read in Simplified characters (咸宁's 「不超過」). An end of a range (「1-3万」)
is none of these.

How the rule uses the literal: under ``不超过`` or as the limit of ``封顶`` it is a ceiling;
as an end of ``X 至 Y`` it is a range; anywhere else the calculator pays it exactly. A ceiling
paid exactly presents the most an applicant may get as what it will get (PC330); a fixed sum
paid as a range or ceiling understates a promise (PC331), as does a plain sum paid as 不超过 or
a range. A number the quote calls both (定额 … 不超过 X) is ambiguous: PC331 says so whatever
the rule does, unless a 解读 writes both readings (one paying X exactly, one as a ceiling or
range), which is how the language makes the ambiguity visible.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Severity
from ..model import nodes as n
from ..model.queries import inline_definitions
from ..source.script import simplified
from .consistency import _shown as shown
from .fidelity import SourceContext, test_witness
from .numbers import Number, describe, scan

_CEILING_BEFORE = re.compile(r"不超过|最高|至多|上限|不高于|不多于|控制在")
_CEILING_AFTER = re.compile(r"^(以内|以下|为限|封顶)")
_FIXED_BEFORE = re.compile(r"一次性|定额")
_FIXED_ANYWHERE = re.compile(r"定额")
_PLAIN_GRANT = re.compile(r"给予|奖励|补助|补贴|奖补|支持")
_RANGE_MARK = "-—–~～至到"
_CLAUSE = "，。；：,;:！？"


@dataclass(frozen=True)
class Use:
    """How a rule uses one literal; ``block``: the 解读 whose reading it is written in, if any."""

    lit: n.MoneyLit | n.RateLit
    how: str  # exact | ceiling | range
    block: str | None = None


def uses(e: n.Expr, how: str = "exact", block: str | None = None) -> Iterator[Use]:
    """Every money/rate literal of an amount with how the calculation binds it."""
    if isinstance(e, n.MoneyLit | n.RateLit):
        yield Use(e, how, block)
    elif isinstance(e, n.RangeLit):
        yield Use(e.low, "range", block)
        yield Use(e.high, "range", block)
    elif isinstance(e, n.UpTo):
        yield from uses(e.operand, "ceiling", block)
    elif isinstance(e, n.Cap):
        yield from uses(e.base, how, block)
        yield from uses(e.limit, "ceiling", block)
    elif isinstance(e, n.Arith):
        yield from uses(e.left, how, block)
        yield from uses(e.right, how, block)
    elif isinstance(e, n.Tiers):
        for t in e.tiers:
            yield from uses(t.amount, how, block)
        if e.otherwise is not None:
            yield from uses(e.otherwise, how, block)
    elif isinstance(e, n.Readings):  # each reading binds its own literals
        for c in e.cases:
            yield from uses(c.amount, how, e.block)


def _read_both_ways(found: list[Use]) -> set[tuple[str, str, object]]:
    """(解读, kind, value) of each number that the readings of one 解读 bind both exactly and as
    a ceiling or range: the ambiguity is written down, so the number is not judged."""
    hows: dict[tuple[str, str, object], set[bool]] = {}
    for u in found:
        if u.block is not None:
            hows.setdefault((u.block, _kind(u.lit), u.lit.value), set()).add(u.how == "exact")
    return {k for k, v in hows.items() if len(v) == 2}


def _kind(lit: n.MoneyLit | n.RateLit) -> str:
    return "money" if isinstance(lit, n.MoneyLit) else "rate"


def modality(quote: str, num: Number) -> tuple[bool, bool, bool]:
    """(ceiling, fixed, plain): how the quote states ``num``. ``fixed`` is an explicit 一次性/
    定额; ``plain`` a sum granted with no word of limit (「奖励20万元」). An end of a range
    (「1-3万」) is none of these."""
    q = simplified(quote)  # 不超過 -> 不超过; offsets are kept
    before = q[:num.start]
    after = "".join(q[num.end:num.end + 8].split())
    last = "".join(before.split())[-1:]
    if (after and after[0] in _RANGE_MARK) or (last and last in _RANGE_MARK):
        return False, False, False
    cut = max(before.rfind(ch) for ch in _CLAUSE)
    clause = "".join(before[cut + 1:].split())
    ceiling = bool(_CEILING_BEFORE.search(clause) or _CEILING_AFTER.match(after))
    fixed = bool(_FIXED_BEFORE.search(clause) or _FIXED_ANYWHERE.search(q))
    plain = not ceiling and not fixed and bool(_PLAIN_GRANT.search(clause))
    return ceiling, fixed, plain


def check_modality(ctx: SourceContext, written: n.Policy) -> list[Diagnostic]:
    """PC330/PC331 over ``written``: the policy with every reading of its 解读 blocks (the
    context's policy has them resolved to the adopted ones)."""
    diags: list[Diagnostic] = []
    for it in written.items:
        quoted = scan(it.citation.quote)
        seen: set[tuple[int, str]] = set()
        amount = inline_definitions(written, it.amount)  # 金额 base_award: its 定义's literals
        found = list(uses(amount))
        covered = _read_both_ways(found)
        for u in found:
            kind = _kind(u.lit)
            if (u.block, kind, u.lit.value) in covered:
                continue  # 解读 { 读法 … 则 不超过 X  读法 … 则 X }: both readings are written
            pairs = [q for q in quoted if q.key == (kind, u.lit.value)]
            if not pairs:
                continue  # PC311/PC312 report a number the quote does not have
            marks = [modality(it.citation.quote, q) for q in pairs]
            ceiling = any(c for c, _, _ in marks)
            fixed = any(f for _, f, _ in marks)
            plain = not ceiling and not fixed and any(p for _, _, p in marks)
            q = pairs[0]
            if ceiling and fixed:
                code = "PC331"
                msg = (f"原文对{_shown(q)}既说定额（一次性）又说不超过，规则按"
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
            elif plain and (u.how == "range" or (u.how == "ceiling" and _under_upto(amount, u.lit))):
                code = "PC331"
                msg = (f"原文给予{_shown(q)}，没有不超过、最高之类的说法，规则却按"
                       f"{'上限' if u.how == 'ceiling' else '区间'}计算")
                hint = "原文未说是上限时，按确定金额计算；原文别处写明了上限时，把那句纳入引文。"
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


def _under_upto(e: n.Expr, lit: n.MoneyLit | n.RateLit) -> bool:
    """Whether ``lit`` is bound by 不超过 (not merely the limit of a 封顶)."""
    return any(u.lit is lit for u in uses(e) if u.how == "ceiling") and _in_upto(e, lit, False)


def _in_upto(e: n.Expr, lit: n.Expr, inside: bool) -> bool:
    if e is lit:
        return inside
    if isinstance(e, n.UpTo):
        return _in_upto(e.operand, lit, True)
    if isinstance(e, n.Cap):
        return _in_upto(e.base, lit, inside) or _in_upto(e.limit, lit, inside)
    if isinstance(e, n.Arith):
        return _in_upto(e.left, lit, inside) or _in_upto(e.right, lit, inside)
    if isinstance(e, n.Tiers):
        return any(_in_upto(t.amount, lit, inside) for t in e.tiers) or (
            e.otherwise is not None and _in_upto(e.otherwise, lit, inside))
    if isinstance(e, n.Readings):
        return any(_in_upto(c.amount, lit, inside) for c in e.cases)
    return False


def _shown(q: Number) -> str:
    return shown(q.text, describe(*q.key))


def _witness(ctx: SourceContext, it: n.Item, exact: bool) -> dict[str, object] | None:
    """The policy's own test case in which the item pays a single amount (``exact``) or a
    range, as a witness: what the calculator shows an applicant."""
    return test_witness(ctx, it.id, lambda got: got.min is not None and got.max is not None
                        and got.max > 0 and (got.min == got.max) == exact)

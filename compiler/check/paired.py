"""Paired lists and tier order (PC360, PC361).

* PC360: a quote pairs two lists with 「分别」 — 「达到二级、三级、四级的……分别给予最高20、40、50万元」
  pairs level 2 with 20万元, 3 with 40万元, 4 with 50万元 — and the item's 分档 pairs them
  otherwise (two caps swapped), or follows another order. The left list is levels (二级、三级、
  四级; 二、三、四级) or named categories (国家级、省级、市级); the right list is amounts or rates
  (20、40、50万元; 100万元、50万元; 30%、20%). A tier is matched to a level by the integer it
  compares a fact with (``digital_level == 3``, ``>= 4``), to a category by the text in its
  condition (a 文本 value, or an enum value and its label).
* PC361: tiers on an integer level where a higher level's amount (its fixed amount, 封顶 or
  不超过 ceiling) is less than a lower level's. Unusual but possible in a text, so a warning.

Both look through definitions (定义): an item whose 金额 is a 定义 holding the 分档, tiers that pay
定义s, conditions that read them. Amounts under a 解读 count with every reading's literals.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from ..diagnostics import Diagnostic, Severity
from ..model import nodes as n
from ..model.queries import inline_definitions
from .numbers import describe, normalise, scan, zh_number

_SENTENCE = re.compile(r"[。；;]")
_LEVEL_LIST = re.compile(
    r"(?P<list>(?:[一二三四五六七八九十\d]+级?(?:[、和及与]|以及))+[一二三四五六七八九十\d]+级)")
_CATEGORY_SPLIT = re.compile(r"[、]|以及|和|及|与")


@dataclass(frozen=True)
class Pairing:
    """What a 「分别」 sentence pairs: left keys (levels or category words) with amounts."""

    kind: str  # "level" | "category"
    left: tuple[str, ...]  # as written
    keys: tuple[Decimal | str, ...]
    values: tuple[tuple[str, Decimal], ...]  # (kind, value): money or rate


def pairings(quote: str) -> list[Pairing]:
    """Every 「A、B、C……分别……X、Y、Z」 in ``quote`` with lists of equal length (at least two)."""
    s = normalise(quote)
    out: list[Pairing] = []
    for m in re.finditer("分别", s):
        start = max((x.end() for x in _SENTENCE.finditer(s, 0, m.start())), default=0)
        ends = [x.start() for x in _SENTENCE.finditer(s, m.end())]
        end = ends[0] if ends else len(s)
        before, after = s[start:m.start()], s[m.end():end]
        # the amounts paired are those of the first clause after 分别 that lists several
        # (「分别给予最高20、40、50万元奖励，且不超过改造投入的30%」: not the 30%)
        values: tuple[tuple[str, Decimal], ...] = ()
        for clause in re.split(r"[，,]", after):
            values = tuple(x.key for x in scan(clause) if x.kind in ("money", "rate"))
            if len(values) >= 2:
                break
        if len(values) < 2:
            continue
        lv = list(_LEVEL_LIST.finditer(before))
        if lv:
            words = [w for w in re.split(r"[、和及与]|以及", lv[-1].group("list")) if w]
            keys: list[Decimal | str] = []
            for w in words:
                num = w.removesuffix("级")
                value = Decimal(num) if num.isdigit() else zh_number(num)
                if value is None:
                    break
                keys.append(value)
            if len(keys) == len(words) == len(values):
                out.append(Pairing("level", tuple(words), tuple(keys), values))
            continue
        clause = re.split(r"[，,：:]", before.rstrip("，,"))[-1]
        if "、" not in clause:
            continue
        words = [w for w in _CATEGORY_SPLIT.split(clause) if w]
        words = [re.sub(r"^(对|对于|经|被|认定为|获得|获评|评为|入选)+", "", w) for w in words]
        if len(words) == len(values) and all(words):
            out.append(Pairing("category", tuple(words), tuple(words), values))
    return out


def _amounts(e: n.Expr) -> set[tuple[str, Decimal]]:
    """The fixed amounts, caps and rates a tier's amount is written with."""
    out: set[tuple[str, Decimal]] = set()

    def walk(x: object) -> None:
        if isinstance(x, n.MoneyLit):
            out.add(("money", x.value))
        elif isinstance(x, n.RateLit):
            out.add(("rate", x.value))
        elif isinstance(x, n.RangeLit):
            out.update({("money", x.low.value), ("money", x.high.value)})
        for attr in ("operand", "left", "right", "base", "limit"):
            child = getattr(x, attr, None)
            if child is not None:
                walk(child)
        if isinstance(x, n.Readings):
            for c in x.cases:
                walk(c.amount)

    walk(e)
    return out


def _ceiling(e: n.Expr) -> Decimal | None:
    """The most a tier can pay when that is a written constant (20万元, … 封顶 20万元, 不超过 …)."""
    if isinstance(e, n.MoneyLit):
        return e.value
    if isinstance(e, n.RangeLit):
        return e.high.value
    if isinstance(e, n.UpTo):
        return _ceiling(e.operand)
    if isinstance(e, n.Cap):
        return _ceiling(e.limit)
    if isinstance(e, n.Readings):  # a ceiling only where every reading has the same one
        tops = {_ceiling(c.amount) for c in e.cases}
        return tops.pop() if len(tops) == 1 else None
    return None


def _level(cond: n.Expr, ints: set[str]) -> Decimal | None:
    """The level a tier's condition selects: ``digital_level == 3`` or ``>= 4`` (lower bound)."""
    if (isinstance(cond, n.Compare) and cond.op in ("==", ">=", ">")
            and isinstance(cond.left, n.Ref) and cond.left.name in ints
            and isinstance(cond.right, n.NumberLit)):
        return cond.right.value + (1 if cond.op == ">" else 0)
    if isinstance(cond, n.Logic) and cond.op == "且":
        for side in (cond.left, cond.right):
            if (lv := _level(side, ints)) is not None:
                return lv
    return None


def _words(cond: n.Expr, labels: dict[str, str]) -> set[str]:
    out: set[str] = set()

    def walk(x: object) -> None:
        if isinstance(x, n.StrLit):
            out.add(x.value)
            if x.value in labels:
                out.add(labels[x.value])
        for attr in ("operand", "left", "right"):
            child = getattr(x, attr, None)
            if child is not None:
                walk(child)
        for v in getattr(x, "values", ()):
            walk(v)

    walk(cond)
    return out


def _matches(word: str, texts: set[str]) -> bool:
    w = word.removesuffix("的")
    return any(t and (t in w or w in t) for t in texts)


def check_paired(policy: n.Policy) -> list[Diagnostic]:
    ints = {f.name for f in policy.facts if f.type.kind == "int"}
    labels = {v: lab for f in policy.facts for v, lab in f.type.values}
    diags: list[Diagnostic] = []
    for it in policy.items:
        # 金额 = a 定义 that is the 分档, tiers paying 定义s, conditions reading 定义s: look through
        amount = inline_definitions(policy, it.amount)
        if not isinstance(amount, n.Tiers):
            continue
        tiers = amount.tiers
        for pr in pairings(it.citation.quote):
            diags += _pairing(it, tiers, pr, ints, labels)
        diags += _monotone(it, tiers, ints)
    return diags


def _pairing(it: n.Item, tiers: tuple[n.Tier, ...], pr: Pairing, ints: set[str],
             labels: dict[str, str]) -> list[Diagnostic]:
    matched: list[tuple[int, n.Tier]] = []  # (position in the quote, tier), in tier order
    for t in tiers:
        if pr.kind == "level":
            lv = _level(t.cond, ints)
            pos = [i for i, k in enumerate(pr.keys) if k == lv]
        else:
            words = _words(t.cond, labels)
            pos = [i for i, w in enumerate(pr.left) if _matches(w, words)]
        if len(pos) == 1:
            matched.append((pos[0], t))
    if len(matched) < 2:
        return []  # the rule does not encode this pairing as tiers
    out: list[Diagnostic] = []
    quoted = set(pr.values)
    for i, t in matched:
        has = _amounts(t.amount) & quoted
        want = pr.values[i]
        if has and want not in has:
            other = sorted(has)[0]
            j = pr.values.index(other)
            out.append(Diagnostic(
                "PC360", Severity.WARNING, t.amount.span,
                f"原文「分别」把{pr.left[i]}对应{describe(*want)}（第 {i + 1} 项），"
                f"本档却是{describe(*other)}（原文对应{pr.left[j]}）",
                "按原文列举的顺序逐项对应：第一项对应第一个金额，依此类推；检查是否把两档的金额写反。",
                it.citation.article))
    order = [i for i, _ in matched]
    if not out and order != sorted(order):
        out.append(Diagnostic(
            "PC360", Severity.WARNING, it.amount.span,
            "分档的顺序与原文「分别」列举的顺序不同（原文："
            + "、".join(pr.left) + "）",
            "按原文的顺序书写各档，便于逐项核对金额的对应关系。", it.citation.article))
    return out


def _monotone(it: n.Item, tiers: tuple[n.Tier, ...], ints: set[str]) -> list[Diagnostic]:
    levels: list[tuple[Decimal, Decimal, n.Tier]] = []
    for t in tiers:
        lv = _level(t.cond, ints)
        top = _ceiling(t.amount)
        if lv is not None and top is not None:
            levels.append((lv, top, t))
    out: list[Diagnostic] = []
    levels.sort(key=lambda x: x[0])
    for (lo_lv, lo_top, _), (hi_lv, hi_top, hi_t) in itertools.pairwise(levels):
        if hi_lv > lo_lv and hi_top < lo_top:
            out.append(Diagnostic(
                "PC361", Severity.WARNING, hi_t.amount.span,
                f"较高的档次（{hi_lv}）至多 {describe('money', hi_top)}，"
                f"少于较低的档次（{lo_lv}）的 {describe('money', lo_top)}",
                "核对原文：若原文确实如此，写 忽略 PC361 \"理由\"；否则检查两档金额是否写反。",
                it.citation.article))
    return out

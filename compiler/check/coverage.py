"""Concept coverage (PC340): the text an item encodes names a concept that has a fact — 中小企业,
诊断服务, 试点细分行业, 验收… — but neither the item (condition, amount) nor an eligibility
block (资格, 排除) reads that fact. A 资格 block's own quote is held to the same rule (read by
some 资格 or 排除).

The text is the item's quote and, for an item cited as 第X条第（N）项, its article's lead-in
(the text before the article's first item, which governs every item: 「支持企业范围为…四个细分
行业中小企业」). Titles in 《》 are left out. Concepts and their key terms:

* shared facts: ``compiler.vocabulary.CONCEPTS`` (with the applicants each concept can
  describe, ``CONCEPT_BENEFICIARIES``);
* definitions and policy-defined facts: their Chinese label is their key term (a leading
  属于/是/为 removed; at least four characters), e.g. ``定义 pilot_industry "属于试点细分行业"``.

A concept counts as read when the item or an eligibility block reads the fact, or for a
definition, the definition or any fact it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Severity
from ..model import nodes as n
from ..source.script import simplified
from ..vocabulary import CONCEPT_ALSO, CONCEPT_BENEFICIARIES, CONCEPTS, FACTS, SUBJECT_CONCEPTS
from .fidelity import SourceContext, test_witness

_TITLES = re.compile(r"《[^《》]*》")
_LABEL_LEAD = ("属于", "是", "为", "已")


@dataclass(frozen=True)
class Concept:
    name: str  # the fact or definition
    label: str
    patterns: tuple[re.Pattern[str], ...]
    beneficiaries: tuple[str, ...] | None
    facts: frozenset[str]  # reading any of these covers the concept
    subject: bool  # says who may apply: also looked for beyond the quote
    term: str | None = None  # the key term of a label concept (definitions, policy facts)


_HEAD = 4  # the shortest term of a label concept (shorter labels are no concept)


def concepts(ctx: SourceContext) -> list[Concept]:
    out: list[Concept] = []
    own: list[tuple[str, str]] = [(f.name, f.label) for f in ctx.policy.facts if not f.vocabulary]
    own += [(d.name, d.label) for d in ctx.policy.definitions]
    for name, label in own:
        term = simplified(label)
        for lead in _LABEL_LEAD:
            term = term.removeprefix(lead)
        term = "".join(term.split())
        if len(term) < _HEAD:
            continue
        covered = frozenset({name, *ctx.def_reads(name)})
        out.append(Concept(name, label, (re.compile(re.escape(term)),), None, covered, False, term))
    out += [Concept(name, FACTS[name][1], tuple(re.compile(p) for p in pats),
                    CONCEPT_BENEFICIARIES.get(name), frozenset({name, *CONCEPT_ALSO.get(name, ())}),
                    name in SUBJECT_CONCEPTS)
            for name, pats in CONCEPTS.items()]
    return out


def _prepared(text: str) -> str:
    return _TITLES.sub("", "".join(simplified(text).split()))


def check_coverage(ctx: SourceContext) -> list[Diagnostic]:
    p = ctx.policy
    eligibility = ctx.reads([*(b.cond for b in p.requirements), *(b.cond for b in p.exclusions)])
    found = concepts(ctx)
    # label concepts by the first characters of their term (every term has at least 4): the
    # terms a quote contains are found by looking up each place of the quote, not each term
    by_head: dict[str, list[int]] = {}
    unlabelled: list[int] = []
    for i, c in enumerate(found):
        if c.term is None:
            unlabelled.append(i)
        else:
            by_head.setdefault(c.term[:_HEAD], []).append(i)
    diags: list[Diagnostic] = []
    for it in p.items:
        reads = ctx.reads([e for e in (it.cond, it.amount) if e is not None]) | eligibility
        areas = [("quote", _prepared(it.citation.quote)),
                 ("own", _prepared(_own_text(ctx, it.citation.article))),
                 ("lead", _prepared(_scope_sentences(ctx.lead_in(it.citation.article))))]
        reported: set[str] = set()
        quote = areas[0][1]
        # a label concept counts only where the quote contains its term
        named = {i for k in range(len(quote) - _HEAD + 1) for i in by_head.get(quote[k:k + _HEAD], ())
                 if quote.startswith(found[i].term or "", k)}
        for c in (found[i] for i in sorted(named.union(unlabelled))):
            if c.facts & reads or c.facts & reported:
                continue
            if c.beneficiaries is not None and it.beneficiary is not None \
                    and it.beneficiary not in c.beneficiaries:
                continue
            hit = next(((m.group(0), where) for where, text in areas
                        if where == "quote" or c.subject
                        for pat in c.patterns if (m := pat.search(text))), None)
            if hit is None:
                continue
            reported |= c.facts
            term, where = hit
            place = {"quote": "引文", "own": f"{it.citation.article}的原文",
                     "lead": f"{_article(ctx, it.citation.article)}的总述"}[where]
            extra: dict[str, object] = {}
            w = _witness(ctx, it, c)
            if w is not None:
                extra["witness"] = w
            diags.append(Diagnostic(
                "PC340", Severity.WARNING, it.cond.span if it.cond is not None else it.span,
                f"{place}提到“{term}”，但本项的条件和资格都没有读取 {c.name}（{c.label}）",
                f"若“{term}”是本项的条件，在 条件 中加上 {c.name}；若原文在此只是名称或背景、"
                f"不构成条件，写 忽略 PC340 \"理由\"。",
                it.citation.article, extra,
            ))
    diags += _requirements(p, found, eligibility)
    return diags


def _requirements(p: n.Policy, found: list[Concept], eligibility: set[str]) -> list[Diagnostic]:
    """A 资格 block's quote names a concept that no 资格 or 排除 reads (quote only: an
    eligibility article often lists several conditions, each encoded by its own block)."""
    diags: list[Diagnostic] = []
    for r in p.requirements:
        quote = _prepared(r.citation.quote)
        for c in found:
            if c.facts & eligibility:
                continue
            m = next((m for pat in c.patterns if (m := pat.search(quote))), None)
            if m is None:
                continue
            diags.append(Diagnostic(
                "PC340", Severity.WARNING, r.cond.span,
                f"引文提到“{m.group(0)}”，但没有任何 资格 或 排除 读取 {c.name}（{c.label}）",
                f"若“{m.group(0)}”是申报条件，在本块的 条件 中加上 {c.name}；"
                "若原文在此不构成条件，写 忽略 PC340 \"理由\"。",
                r.citation.article,
            ))
    return diags


def _article(ctx: SourceContext, label: str) -> str:
    part = ctx.part(label)
    return ctx.article_of(part).label if part is not None else label


_SENTENCE = re.compile(r"[^。；;]*[。；;]?")
_SCOPE_WORDS = re.compile(r"范围|範圍|对象|對象|限于|限於")


def _scope_sentences(text: str) -> str:
    """The sentences of a lead-in that state whom the article covers."""
    return "".join(s for s in _SENTENCE.findall(text) if _SCOPE_WORDS.search(s))


def _own_text(ctx: SourceContext, label: str) -> str:
    """The source text of the part an item label names, unless that is a whole article."""
    part = ctx.part(label)
    if part is None or ctx.source is None or ctx.article_of(part) is part:
        return ""
    return ctx.source[part.start:part.end]


def _without(ftype: n.FactType) -> object:
    """A value of a fact that does not have the concept."""
    if ftype.kind == "bool":
        return False
    if ftype.kind in ("money", "int", "rate"):
        return 0
    if ftype.kind == "text":
        return "其他"
    return None


def _witness(ctx: SourceContext, it: n.Item, c: Concept) -> dict[str, object] | None:
    """A test case of the policy in which the item pays, rerun without the concept: the
    amount the calculator still shows an applicant who lacks it."""
    # a fact the policy does not declare cannot be given; the calculation ignores it anyway
    facts = [f for f in ctx.policy.facts if f.name in c.facts]

    def without(profile: dict[str, object]) -> bool:
        for f in facts:
            value = _without(f.type)
            if value is None:
                return False
            profile[f.name] = value
        return True

    return test_witness(ctx, it.id, lambda got: got.max is None or got.max > 0, without)

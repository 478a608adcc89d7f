"""Checks that the encoding says what its source article says (beyond the quote being there).

* ``articles``  PC320 a 条款 label the source does not have; PC321 a quote outside its article
* ``modality``  PC330 a ceiling (不超过 X) paid exactly; PC331 a fixed sum (一次性/定额 X) paid as
  a range or ceiling
* ``coverage``  PC340 the text names a concept (中小企业, 诊断服务, …) the item never reads
* ``counted``   PC350 「等四个行业」 and a `属于` list of another length; PC351 a list value the
  source spells in another script or form, which the calculation does not accept

They share :class:`SourceContext`: the source text, its structure and where each quote is.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..evaluate import runtime as rt
from ..evaluate.evaluator import Evaluator
from ..model import nodes as n
from ..model.queries import input_json
from ..source.structure import Part, SourceStructure, read_structure
from .consistency import PolicyContext
from .numbers import unspaced

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Flat:
    """A text without white space, with each character's offset in the original."""

    text: str
    where: tuple[int, ...]

    @staticmethod
    def of(text: str) -> Flat:
        flat, where = unspaced(text)
        return Flat(flat, tuple(where))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original of the flat range [start, end)."""
        return self.where[start], self.where[end - 1] + 1


class SourceContext(PolicyContext):
    """The policy, its source text (``source``, None when unreadable) and the names each block
    reads (:class:`~compiler.check.consistency.PolicyContext`), with the text's structure and
    its flat form (where each quote is)."""

    def __init__(self, policy: n.Policy, path: Path) -> None:
        super().__init__(policy, path)
        self.structure: SourceStructure | None = None
        self.flat = Flat("", ())
        if self.source is not None:
            self.structure = read_structure(self.source)
            self.flat = Flat.of(self.source)

    @property
    def numbered(self) -> bool:
        """Whether the reader found the text's numbering, or the passages of unnumbered text
        (else the label checks say nothing)."""
        return self.structure is not None and any(
            p.kind in ("article", "passage") for p in self.structure.walk())

    def part(self, label: str) -> Part | None:
        return None if self.structure is None else self.structure.find(label)

    def occurrences(self, quote: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """The places (original offsets) the quote occurs in the source, white space ignored;
        only those within the original range [start, end) when given."""
        q = _WS.sub("", quote)
        if not q or self.source is None:
            return []
        lo = bisect.bisect_left(self.flat.where, start)
        hi = len(self.flat.text) if end is None else bisect.bisect_left(self.flat.where, end)
        out = []
        i = self.flat.text.find(q, lo, hi)
        while i >= 0:
            out.append(self.flat.span(i, i + len(q)))
            i = self.flat.text.find(q, i + 1, hi)
        return out

    def first_occurrence(self, quote: str) -> tuple[int, int] | None:
        q = _WS.sub("", quote)
        i = self.flat.text.find(q) if q else -1
        return None if i < 0 else self.flat.span(i, i + len(q))

    def article_of(self, part: Part) -> Part:
        """The article (or 一、 section) a part belongs to."""
        assert self.structure is not None
        chain = self.structure.enclosing(part.start, part.end)
        return next((p for p in chain if p.kind == "article"), part)

    def innermost(self, start: int, end: int) -> str | None:
        """The label of the smallest part (not a chapter) that holds [start, end), if any."""
        assert self.structure is not None
        part = self.structure.innermost(start, end)
        return None if part is None else part.label

    def lead_in(self, label: str) -> str:
        """The lead-in of the article an item label belongs to: the text before the article's
        first item, which applies to every item ("" for an article label)."""
        p = self.part(label)
        if p is None or self.source is None:
            return ""
        art = self.article_of(p)
        first = next((c for c in art.children if c.kind == "item"), None)
        return "" if art is p or first is None else self.source[art.start:first.start]

    def scope_text(self, label: str) -> str | None:
        """The text a block's label governs: the part itself and, for an item, its article's
        lead-in."""
        p = self.part(label)
        if p is None or self.source is None:
            return None
        own = self.source[p.start:p.end]
        return own if self.article_of(p) is p else self.lead_in(label) + "\n" + own

    @functools.cached_property
    def evaluator(self) -> Evaluator | None:
        """The reference evaluator, for witnesses and for asking how a list compares (None if
        it cannot be built: the checks then say less, never fail)."""
        try:
            return Evaluator(self.policy)
        except Exception:  # a witness is an illustration: never let it break the check
            return None


def test_witness(ctx: SourceContext, item: str, shows: Callable[[rt.ItemResult], bool],
                 vary: Callable[[dict[str, object]], bool] = lambda profile: True,
                 ) -> dict[str, object] | None:
    """The first of the policy's own test cases (with a date) in which the calculator's result
    for ``item`` ``shows`` what a finding says, as a witness; ``vary`` may change a test's
    profile first (False: skip that test). None without an evaluator or such a test."""
    from .solver_witness import calculate, witness

    if not any(t.date is not None for t in ctx.policy.tests):
        return None  # no test to take a witness from: the evaluator is not even built
    ev = ctx.evaluator
    if ev is None:
        return None
    for t in ctx.policy.tests:
        profile = {i.name: input_json(i.value) for i in t.inputs}
        if t.date is None or not vary(profile):
            continue
        res = calculate(ev, profile, t.date)
        got = None if res is None else next((x for x in res.items if x.id == item), None)
        if res is not None and got is not None and shows(got):
            return witness(profile, t.date, res, test=t.name)
    return None


def check_fidelity(ctx: SourceContext, written: n.Policy | None = None) -> list[Diagnostic]:
    """PC320–PC351 for the context's policy; ``written`` is the policy before its readings were
    resolved (every 读法's literals), for the modality check."""
    from .articles import check_articles
    from .counted import check_counted
    from .coverage import check_coverage
    from .modality import check_modality

    if ctx.source is None:
        return []  # the quote check has reported it (PC302)
    diags = [*check_articles(ctx), *check_modality(ctx, written or ctx.policy), *check_coverage(ctx),
             *check_counted(ctx)]
    return sorted(dict.fromkeys(diags), key=lambda d: (*d.sort_key, d.message))

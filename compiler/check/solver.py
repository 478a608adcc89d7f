"""Semantic checks backed by the z3 SMT solver.

Every question is asked of the exact translation in :mod:`compiler.check.solver_encode` (the
reference evaluator's semantics, with every fact's domain asserted); every witness is a real
applicant profile, run through the reference evaluator (:mod:`compiler.check.solver_witness`).

========  ========  =============================================================
PC401     error     two tiers of one 分档 can both hold and pay differently
PC402     warning   the item applies but no tier holds (and there is no 否则)
PC403     error     a condition no applicant can satisfy (explained by an unsat core)
PC404     warning   a condition, or one of its 且-parts, that holds for every applicant
PC405     warning   an item that can never pay (eligibility, amount 0, always cut)
PC406     error     two items with the same condition and the same amount
PC407     warning   a gap between the items of one category (compiler/check/family.py)
PC410     warning   an item cut by a 累计上限 when it stacks with earlier items
PC411     warning   a 封顶 or a 累计上限 that can never bind
PC412     warning   two caps on one quantity that disagree
PC420     warning   budget shares or quotas that cannot all be met
PC430     warning   the policy pays what its parent policy does not allow
PC490     info      a documented limit of the checker was reached: what was not checked
PC520     warning   an amount formula that can go negative (paid as 0)
========  ========  =============================================================
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import z3

from ..diagnostics import Diagnostic, Severity, Span
from ..evaluate.evaluator import Evaluator
from ..model import nodes as n
from ..model.printer import show
from .consistency import walk
from .family import category_gaps
from .solver_encode import (
    RLIMIT,
    CapFlow,
    CapMember,
    Encoder,
    FactVar,
    Flag,
    NumV,
    Space,
    StrV,
    Term,
    as_bool,
    cents,
    cmp,
    conj,
    disj,
    is_false,
    is_true,
    merge,
    neg,
    to_real,
    zmax,
)
from .solver_witness import (
    Goal,
    calculate,
    cap_cuts,
    constants,
    facts_in,
    optimize,
    profile_of,
    rounded,
    set_values,
    span_text,
    witness,
    witness_date,
)

# Limits are counted, never timed, so that a check gives the same findings on any machine and
# under any load (guides show findings, and generated/ must be byte-identical everywhere).
# Each keeps the solver's work bounded on a hostile policy; reaching one is reported (PC490,
# documented in docs/reference/diagnostics.md), never silent.
OPTIMIZE_BUDGET = 4  # optimised (round-number) witnesses per policy; then rounded solver models
WITNESS_BUDGET = 1000  # witnesses per policy; then findings come without one
MAX_GROUP = 40  # items compared pairwise for PC406 within one group of look-alike items
MAX_TIERS = 200  # tiers of one 分档 checked for overlaps (PC401)
MAX_CAP_MEMBERS = 25  # members of one 累计上限 checked one by one (PC405 always cut, PC410)
LARGE_CAP = 12  # members of a 累计上限 from which its questions leave the other members out
RECENT_MODELS = 4  # models tried on a question before the solver is asked

E, W = Severity.ERROR, Severity.WARNING
_RESULTS = {z3.Z3_L_TRUE: z3.sat, z3.Z3_L_FALSE: z3.unsat, z3.Z3_L_UNDEF: z3.unknown}


def check_solver(policy: n.Policy, on: dt.date, parent: n.Policy | None) -> list[Diagnostic]:
    """Semantic findings about ``policy`` (and its conformance to ``parent``)."""
    return SolverChecks(policy, on, parent).run()


@dataclass
class _Occurrence:
    node: n.Tiers | n.Cap
    article: str
    contexts: list[Flag] = field(default_factory=list)


def conjuncts(e: n.Expr) -> list[n.Expr]:
    """The 且-parts of a condition, left to right."""
    if isinstance(e, n.Logic) and e.op == "且":
        return [*conjuncts(e.left), *conjuncts(e.right)]
    return [e]


def _yuan(x: Fraction | Decimal) -> str:
    d = Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, Fraction) else x
    return span_text(d, d)


class SolverChecks:
    def __init__(self, policy: n.Policy, on: dt.date, parent: n.Policy | None) -> None:
        self.policy = policy
        self.parent = parent
        self.space = Space()
        self.enc = Encoder(policy, self.space)
        self.penc = Encoder(parent, self.space) if parent is not None else None
        self.on = witness_date(policy, on)
        self.solver = z3.Solver()
        self.solver.set("rlimit", RLIMIT)
        self.solver.add(*self.space.domains())
        self.diags: list[Diagnostic] = []
        self.optimize_spent = 0
        self.witness_spent = 0
        self._evaluator: Evaluator | None = None
        self.dead_items: set[str] = set()
        self.always_cut: set[str] = set()
        self.impossible_requirement = False
        self.limits: dict[tuple[str, ...], tuple[Span, str, str]] = {}
        self.unwitnessed = 0
        self.plain_witnesses = 0
        self.unrounded = 0  # plain witnesses whose amounts could not be made whole yuan
        self.answers: dict[int, tuple[Flag, Any, Any]] = {}
        self.recent: list[Any] = []  # the latest models found, newest first
        self._own: dict[int, tuple[Any, list[tuple[str, Any, Any]]]] = {}
        self._bools: dict[str, Term] | None = None
        self._last_alone: list[tuple[str, Any, Any]] | None = None  # see _alone_possible
        self.wide: list[Any] = []  # models kept for yes/no questions (:meth:`_keep_wide`)
        self._wide_base: Any = None
        self.domains = as_bool(conj(*self.space.domains()))
        self._mates_memo: dict[str, list[n.Item]] | None = None
        self._gates: tuple[dict[str, list[tuple[str, list[str]]]], set[str], set[str],
                           dict[str, bool]] | None = None

    # -- plumbing -------------------------------------------------------------
    def run(self) -> list[Diagnostic]:
        try:
            if self.policy.constraints and self.unsat(True):
                self._contradictory_constraints()
                return sorted(self.diags, key=lambda d: (*d.sort_key, d.message))
            self._conditions()
            if self.unsat(self.enc.eligible()):
                self._nobody_eligible()
            else:
                self._items()
                self._expressions()
                category_gaps(self)
                self._cross_caps()
                self._parent()
            self._budgets()
        except z3.Z3Exception:  # the solver gave up (resources): keep what was found so far
            self.limit(("rlimit",), self.policy.header.span, "",
                       "求解器用尽了资源上限，之后的语义检查没有完成")
        self._report_limits()
        out = sorted(self.diags, key=lambda d: (*d.sort_key, d.message))
        return list(dict.fromkeys(out))

    def _contradictory_constraints(self) -> None:
        """PC440: no profile satisfies every 约束 (with the facts' ranges): every calculator
        would refuse every applicant. The message lists a minimal set that cannot hold together."""
        p = self.policy
        parts = [(show(c.cond), self.enc.truth(c.cond)) for c in p.constraints]
        domains = self.domain_parts(self.enc, [c.cond for c in p.constraints])
        core = self.core(parts + domains) or [x for x, _ in parts]
        first = p.constraints[0]
        self.emit("PC440", Severity.ERROR, first.span,
                  "约束互相矛盾：没有任何申请人资料能同时满足" + "；".join(f"“{x}”" for x in core),
                  "核对约束的方向（<= 还是 >=）与原文；计算器会拒绝每一份申请人资料。",
                  first.citation.article if first.citation else "")

    def limit(self, key: tuple[str, ...], span: Span, article: str, what: str) -> None:
        """Note that a documented limit was reached (reported once per key as PC490)."""
        self.limits.setdefault(key, (span, article, what))

    def _report_limits(self) -> None:
        if self.plain_witnesses:
            rest = f"，其中 {self.unrounded} 个无法取整" if self.unrounded else ""
            self.limit(("optimize",), self.policy.header.span, "",
                       f"{self.plain_witnesses} 个反例未按整数金额优选（每个政策最多优选 {OPTIMIZE_BUDGET} 个），"
                       f"只把求解器给出的金额取整到万元、千元、百元或元{rest}")
        if self.unwitnessed:
            self.limit(("witness",), self.policy.header.span, "",
                       f"{self.unwitnessed} 个发现没有附反例（每个政策最多 {WITNESS_BUDGET} 个反例）")
        for key, (span, article, what) in self.limits.items():
            # the optimisation budget limits how round the witnesses' amounts are, nothing checked:
            # it is reached by a policy of a few items too (more than OPTIMIZE_BUDGET witnesses)
            # (every finding has its witness unless the witness budget ran out too: then not said)
            hint = ("这不是政策的错误，也不影响任何发现："
                    + ("" if self.unwitnessed else "每个发现都已检查并附反例，")
                    + "只是这些反例中的金额未经优选。"
                    if key == ("optimize",) else
                    "这是检查器有意设定的上限，不是政策的错误；规模较小的政策会得到完整检查。"
                    "可将过长的分档或上限拆分后分别检查。")
            self.emit("PC490", Severity.INFO, span, f"检查达到规模上限：{what}", hint, article)

    def _check(self, conds: tuple[Flag, ...], want_model: bool, widen: bool = False,
               wide: bool = False, found: list[Any] | None = None) -> tuple[Any, Any]:
        """The answer to a question, and a model when ``want_model`` (``found``: a list to which
        the solver's model of a yes/no question is added, when it has one)."""
        c = conj(*conds)
        if is_false(c):
            return z3.unsat, None
        # z3 shares equal terms, so a question asked again (the same tier condition in many
        # items, the same cap in many contexts) is the same term: answered once per policy.
        key = c.get_id() if not is_true(c) else -1
        hit = self.answers.get(key)
        if hit is not None and (hit[2] is not None or hit[1] != z3.sat or not want_model):
            return hit[1], hit[2]
        q = as_bool(c)
        if want_model:
            # A model found for an earlier question often answers this one (the next member
            # of the same 累计上限, the next tier): checking it costs far less than solving.
            holds = conj(q, self.domains)
            for model in self.recent:
                if _holds_in(model, holds):
                    self.answers[key] = (c, z3.sat, model)
                    return z3.sat, model
            widened = self._widened(q, holds) if widen else None
            if widened is not None:
                self._remember(widened)
                self.answers[key] = (c, z3.sat, widened)
                return z3.sat, widened
        if wide and self.wide:
            # A yes/no question: first the few models kept for them, with every yes/no fact true
            # (:meth:`_keep_wide`) — the next item's 封顶, tier or condition usually holds in
            # one of them, found by evaluating rather than solving.
            holds = conj(q, self.domains)
            for model in self.wide:
                if _holds_in(model, holds):
                    self.answers[key] = (c, z3.sat, None)
                    return z3.sat, None
        # push, assert, check, pop through z3's C API (what Solver.push/add/check/pop call,
        # without their argument handling: thousands of questions per large policy)
        ref, s = self.solver.ctx.ref(), self.solver.solver
        z3.Z3_solver_push(ref, s)
        try:
            z3.Z3_solver_assert(ref, s, q.as_ast())
            result = _RESULTS[z3.Z3_solver_check(ref, s)]
            found_now = self.solver.model() if result == z3.sat and (
                want_model or wide or found is not None) else None
        finally:
            z3.Z3_solver_pop(ref, s, 1)
        if found is not None and found_now is not None:
            found.append(found_now)
        model = found_now if want_model else None
        if found_now is not None and wide:
            self._keep_wide(found_now)
        if model is not None:
            self._remember(model)
        if result != z3.unknown:
            self.answers[key] = (c, result, model)  # the term is kept so that its id stays its own
        if result == z3.sat and len(conds) > 1:
            # each part of a satisfiable question is satisfiable (by the same model): the
            # item's context asked alone after the item was asked with it is not asked again
            for part in conds:
                if not isinstance(part, bool) and part.get_id() not in self.answers:
                    self.answers[part.get_id()] = (part, z3.sat, model)
        return result, model

    def _keep_wide(self, model: Any) -> None:
        """Keep ``model`` for yes/no questions, with every yes/no fact of the policy true (the
        items' conditions are mostly such facts joined by 且) and its other values as found."""
        if self._wide_base is None:
            base = z3.Model()
            for var in self._bool_vars().values():
                base.update_value(var, z3.BoolVal(True))
            self._wide_base = base
        wide = copy.copy(self._wide_base)  # z3 copies a model in C: cheap whatever its size
        bools = self._bool_vars()
        set_values(wide, [(d, model.get_interp(d)) for d in model.decls()
                          if d.arity() == 0 and str(d.name()) not in bools])
        self.wide.insert(0, wide)
        del self.wide[RECENT_MODELS:]

    def _widened(self, q: Term, holds: Term) -> Any:
        """The newest model found, with every yes/no fact the question reads and the model leaves
        false made true, if that answers the question (None otherwise).

        The next member of a 累计上限 is cut when one more item applies: the model that cut the
        member before it, with that item's condition switched on, usually is a model of the
        next question, found by evaluating it rather than solving.
        """
        if not self.recent:
            return None
        model = self.recent[0]
        if not isinstance(model, z3.ModelRef):
            return None
        bools = self._bool_vars()
        read = facts_in([q], self.space)
        on = {name: bools[name] for name in read if name in bools}
        own = self._own[id(model)][1]
        if len({name for name, _, v in own if name in on and z3.is_true(v)}) == len(on):
            return None  # nothing to switch on
        # the model's own values (as the solver gave them, before any evaluation completed it)
        # but its yes/no facts: those the question reads are true, the others left out (false),
        # so that the model of one 累计上限 does not carry its items into the next witness
        wide = z3.Model()
        yes = z3.BoolVal(True)
        set_values(wide, [(d, v) for name, d, v in own if name not in bools])
        set_values(wide, [(var.decl(), yes) for var in on.values()])
        return wide if _holds_in(wide, holds) else None

    def _remember(self, model: Any) -> None:
        """``model`` as the newest of the recent models, with its own constants (read now:
        evaluating a question in it with completion adds every constant the question reads)."""
        self.recent.insert(0, model)
        del self.recent[RECENT_MODELS:]
        self._own = {id(m): e if (e := self._own.get(id(m))) is not None and e[0] is m
                     else (m, constants(m)) for m in self.recent}

    def _bool_vars(self) -> dict[str, Term]:
        if self._bools is None:
            self._bools = {str(f.var.decl().name()): f.var for f in self.space.facts.values()
                           if f.kind == "bool"}
        return self._bools

    def sat(self, *conds: Flag, widen: bool = False) -> Any:
        """A model of the conditions (with every domain), or None (none, or no answer in time).
        ``widen``: the newest model with the yes/no facts the conditions read made true is tried
        before the solver (:meth:`_widened`)."""
        return self._check(conds, True, widen)[1]

    def possible(self, *conds: Flag, wide: bool = False) -> bool:
        """The conditions can hold together (found; no model is read). ``wide``: a question of
        a kind that usually holds, tried first on the models kept for such questions
        (:meth:`_keep_wide`)."""
        return bool(self._check(conds, False, wide=wide)[0] == z3.sat)

    def unsat(self, *conds: Flag, wide: bool = False) -> bool:
        """The conditions cannot hold together (proved; an exhausted resource limit proves
        nothing). ``wide``: as for :meth:`possible`."""
        return bool(self._check(conds, False, wide=wide)[0] == z3.unsat)

    def emit(self, code: str, sev: Severity, span: Span, msg: str, hint: str, article: str,
             wit: dict[str, object] | None = None) -> None:
        extra: dict[str, object] = {"witness": wit} if wit is not None else {}
        self.diags.append(Diagnostic(code, sev, span, msg, hint, article, extra))

    def example(self, constraints: list[Flag], goals: list[Goal] | None = None,
                maximize_ints: frozenset[str] = frozenset(), extra: tuple[FactVar, ...] = (),
                fallback: Any = None) -> tuple[dict[str, object], Any] | None:
        """A witness profile and the evaluator's result for it (None if it cannot be had)."""
        if self.witness_spent >= WITNESS_BUDGET:
            self.unwitnessed += 1
            return None
        self.witness_spent += 1
        return self._example(constraints, goals, maximize_ints, extra, fallback)

    @property
    def evaluator(self) -> Evaluator:
        if self._evaluator is None:
            self._evaluator = Evaluator(self.policy)
        return self._evaluator

    def _example(self, constraints: list[Flag], goals: list[Goal] | None,
                 maximize_ints: frozenset[str], extra: tuple[FactVar, ...],
                 fallback: Any) -> tuple[dict[str, object], Any] | None:
        model = None
        if self.optimize_spent < OPTIMIZE_BUDGET:
            self.optimize_spent += 1
            model = optimize(self.enc, constraints, goals or [], maximize_ints)
        else:
            self.plain_witnesses += 1
        if model is None:
            model = fallback if fallback is not None else self.sat(*constraints)
            if model is None:
                return None
            # the solver's own model (355555.56): its amounts moved to whole 万元 … yuan where
            # the question still holds, checked without asking the solver again
            own = self._own.get(id(model))
            model, whole = rounded(model, self.enc, as_bool(conj(*constraints, self.domains)),
                                   goals or [], own[1] if own is not None and own[0] is model else None)
            if not whole:
                self.unrounded += 1
        profile = profile_of(model, self.enc, extra)
        params = self.enc.parameter_values(model)
        # with readings (解读) spanned, another reading may gate an item otherwise: all are run
        only = self.may_apply(profile) if not self.evaluator.spans else None
        result = calculate(self.evaluator, profile, self.on, params, only)
        if result is None:
            return None
        if params:  # the witness says which values of the unpublished 参数 it takes
            profile = {**profile, "参数": params}
        return profile, result

    def may_apply(self, profile: dict[str, object]) -> set[str]:
        """The items that may apply to ``profile``: all but those with a 且-part that is a yes/no
        fact the profile leaves false (the evaluator need not look at them, so that a witness
        costs what its own items cost, not what the whole policy does)."""
        if self._gates is None:
            bools = {d.name: d.default is True for d in self.policy.facts if d.type.kind == "bool"}
            by_gate: dict[str, list[tuple[str, list[str]]]] = {}
            ungated: set[str] = set()
            for it in self.policy.items:
                gates = [c.name for c in conjuncts(it.cond) if isinstance(c, n.Ref) and c.name in bools] \
                    if it.cond is not None else []
                if gates:
                    by_gate.setdefault(gates[0], []).append((it.id, gates))
                else:
                    ungated.add(it.id)
            self._gates = (by_gate, ungated, {k for k, v in bools.items() if v and k in by_gate}, bools)
        by_gate, ungated, default_true, bools = self._gates

        def true(name: str) -> bool:
            return profile.get(name, bools.get(name, False)) is True

        out = set(ungated)
        for name in [k for k, v in profile.items() if v is True and k in by_gate] + \
                [k for k in default_true if k not in profile]:
            out.update(i for i, gates in by_gate[name] if all(true(g) for g in gates))
        return out

    def core(self, parts: list[tuple[str, Flag]]) -> list[str]:
        """A minimal set of the labelled parts that cannot hold together (empty if they can)."""
        s = z3.Solver()
        s.set("rlimit", RLIMIT)
        lits = []
        for i, (_, f) in enumerate(parts):
            p = z3.Bool(f"__part{i}")
            s.add(z3.Implies(p, as_bool(f)))
            lits.append(p)
        if s.check(*lits) != z3.unsat:
            return []
        names = {str(x) for x in s.unsat_core()}
        keep = [i for i, p in enumerate(lits) if str(p) in names]
        for i in list(keep):
            trial = [j for j in keep if j != i]
            if s.check(*[lits[j] for j in trial]) == z3.unsat:
                keep = trial
        return [parts[i][0] for i in keep]

    def domain_parts(self, enc: Encoder, exprs: list[n.Expr | None]) -> list[tuple[str, Flag]]:
        out: list[tuple[str, Flag]] = []
        seen: set[str] = set()
        for e in exprs:
            for name in enc.facts_read(e):
                fv = enc.facts[name]
                if name not in seen and not is_true(fv.domain):
                    seen.add(name)
                    out.append((fv.domain_text or f"{name} 的取值", fv.domain))
        return out

    def cond_parts(self, enc: Encoder, e: n.Expr) -> list[tuple[str, Flag]]:
        return [(show(c), enc.truth(c)) for c in conjuncts(e)]

    # -- PC403, PC404: conditions -------------------------------------------------
    def _conditions(self) -> None:
        p = self.policy
        for req in p.requirements:
            if not self._condition(req.cond, req.citation.article, "requirement", True, ""):
                self.impossible_requirement = True
        for exc in p.exclusions:
            self._condition(exc.cond, exc.citation.article, "exclusion", True, "")
        for it in p.items:
            if it.cond is not None:
                ben = self.enc.beneficiary(it)
                label = f"对象 {it.beneficiary}" if it.beneficiary else ""
                if not self._condition(it.cond, it.citation.article, "item", ben, label):
                    self.dead_items.add(it.id)

    def _condition(self, cond: n.Expr, article: str, kind: str, ctx: Flag, ctx_label: str) -> bool:
        enc = self.enc
        whole = enc.truth(cond)
        if self.unsat(ctx, whole, wide=True):
            parts = self.cond_parts(enc, cond)
            if ctx_label:
                parts.insert(0, (ctx_label, ctx))
            parts += self.domain_parts(enc, [cond])
            core = self.core(parts) or [show(cond)]
            quoted = "、".join(f"“{c}”" for c in core)
            why = f"{quoted}不能同时成立" if len(core) > 1 else f"{quoted}永远不成立"
            effect = {"item": "本项永远不会支付",
                      "requirement": "所有申请人都不符合该资格条件，都会被排除",
                      "exclusion": "该排除情形永远不会出现"}[kind]
            self.emit("PC403", E, cond.span, f"条件不可能成立：{why}，{effect}",
                      "检查比较的方向和数值（如数字化水平 0..4，金额与数量不小于 0），"
                      "或确认各部分条件确实应当同时满足。", article)
            return False
        for part in conjuncts(cond):
            if self.unsat(ctx, neg(enc.truth(part))):
                effect = ("所有申请人都会被排除" if kind == "exclusion" and part is cond
                          else "不起筛选作用")
                self.emit("PC404", W, part.span,
                          f"条件“{show(part)}”对任何申请人都成立，{effect}",
                          "删除该条件，或检查比较的数值与方向"
                          "（如数字化水平 0..4，金额与数量不小于 0）。", article)
        return True

    def _nobody_eligible(self) -> None:
        """资格 and 排除 together exclude everyone (an impossible 资格 alone is PC403 already)."""
        if self.impossible_requirement:
            return
        enc, p = self.enc, self.policy
        blocks: list[n.Requirement | n.Exclusion] = [*p.requirements, *p.exclusions]
        labelled = [(f"资格 {b.citation.article}：{show(b.cond)}" if isinstance(b, n.Requirement)
                     else f"不属于排除情形 {b.citation.article}：{show(b.cond)}", b) for b in blocks]
        parts: list[tuple[str, Flag]] = [
            (label, enc.truth(b.cond) if isinstance(b, n.Requirement) else neg(enc.truth(b.cond)))
            for label, b in labelled]
        parts += self.domain_parts(enc, [b.cond for b in blocks])
        core = self.core(parts)
        first = next((b for label, b in labelled if label in core), blocks[0])
        self.emit("PC403", E, first.cond.span,
                  "资格与排除条款合起来排除了所有申请人："
                  + "、".join(f"“{c}”" for c in core) + "不能同时成立",
                  "检查资格条件与排除条件是否互相矛盾。", first.citation.article)

    # -- PC405, PC406: items ------------------------------------------------------
    def _items(self) -> None:
        enc = self.enc
        live: list[n.Item] = []
        late = self._late_members()
        for it in self.policy.items:
            if it.id in self.dead_items:
                continue
            app = enc.applies(it)
            a = enc.amount(it)
            capped = bool(enc.flows()) and not is_false(a.det) and it.id not in late
            paid = enc.final(it)[1] if capped else cents(a.hi)
            self._negative(it)
            may_pay = disj(neg(a.det), paid > 0)
            # The usual case, settled by one question: first with the item's fellow members of
            # its 累计上限 not applying (a model of that is a model of the question, and the
            # solver, with their amounts at 0, answers it several times faster), then as asked.
            mates = self._mates().get(it.id, []) if capped else []
            alone = self.without([app, may_pay], mates) if len(mates) >= LARGE_CAP else \
                [app, may_pay, *[neg(enc.applies(o)) for o in mates]] if mates else None
            if (alone is not None and self._alone_possible(alone, app, mates)) or \
                    self.possible(app, may_pay):
                live.append(it)
                continue
            if self.unsat(app):
                self._never_applies(it)
                continue
            live.append(it)
            if self.unsat(app, disj(neg(a.det), cmp(">", a.hi, 0))):
                self.emit("PC405", W, it.amount.span,
                          f"本项适用时金额恒为 0（{show(it.amount)}），永远不会实际支付",
                          "检查金额公式与分档条件。", it.citation.article)
            elif capped and self.unsat(app, a.det, paid > 0):
                self.always_cut.add(it.id)
                caps = "、".join(dict.fromkeys(
                    f.cap.citation.article for f in enc.flows()
                    if any(m.item.id == it.id for m in f.members)))
                self.emit("PC405", W, it.span,
                          f"本项总会被累计上限（{caps}）全部削减，实际永远不会支付",
                          "上限内排在前面的项目总会用尽额度：检查上限的适用范围或项目顺序。",
                          it.citation.article)
        self._duplicates(live)

    def _alone_possible(self, alone: list[Flag], app: Flag, mates: list[n.Item]) -> bool:
        """``alone`` (an item applying and paying, its fellow members of a 累计上限 not applying)
        can hold. First tried on the model found for the item before: with the yes/no facts this
        item's applicability reads made true and those only its fellow members' read made false
        (the next member of a 累计上限 alone, where the last one was), then asked."""
        last = self._last_alone
        # Not in a large 累计上限: reading the solver's models of its questions was seen to make
        # the many later questions whether its members can be cut slower than this saves.
        small = len(mates) < LARGE_CAP
        if last is not None and small:
            bools = self._bool_vars()
            own = {x for x in facts_in([app], self.space) if x in bools}
            off = {x for x in facts_in([self.enc.applies(o) for o in mates], self.space)
                   if x in bools} - own
            candidate = z3.Model()
            # the facts made false are left out
            set_values(candidate, [(d, v) for name, d, v in last if name not in own and name not in off])
            yes = z3.BoolVal(True)
            for x in own:
                candidate.update_value(bools[x], yes)
            if _holds_in(candidate, conj(*alone, self.domains)):
                for part in alone:  # each part holds too, as after a question solved
                    if not isinstance(part, bool) and part.get_id() not in self.answers:
                        self.answers[part.get_id()] = (part, z3.sat, None)
                return True
        found: list[Any] = []
        possible = self._check(tuple(alone), False, found=found if small else None)[0] == z3.sat
        if found:
            self._last_alone = constants(found[0])
        return bool(possible)

    def without(self, conds: list[Flag], items: list[n.Item], goal: Term | None = None) -> list[Flag] | None:
        """``conds`` for an applicant to whom none of ``items`` applies (None: nothing to leave
        out, or an item that always applies).

        Each item's applicability is replaced by false inside the terms and simplified, so that
        its amount and its share of every 累计上限 drop out of the question, and is asserted
        false beside them: a model of the result is a model of ``conds``. A question about one
        member of a 累计上限 of n items is then of the size of what it reads, not of n.
        """
        pairs = self._off(items)
        if pairs is None:
            return None
        out: list[Flag] = []
        for c in conds:
            if isinstance(c, bool) or not pairs:
                out.append(c)
                continue
            t = z3.simplify(z3.substitute(c, *pairs))
            out.append(True if z3.is_true(t) else False if z3.is_false(t) else t)
        return out + [z3.Not(a) for a, _ in pairs]

    def off_term(self, t: Term, items: list[n.Item]) -> Term:
        """A term (an objective) as it reads for an applicant to whom none of ``items`` applies."""
        pairs = self._off(items)
        return z3.simplify(z3.substitute(t, *pairs)) if pairs else t

    def _off(self, items: list[n.Item]) -> list[tuple[Term, Term]] | None:
        apps = list(dict.fromkeys(self.enc.applies(i) for i in items if i.id not in self.dead_items))
        if not apps or any(is_true(a) for a in apps):
            return None
        return [(a, z3.BoolVal(False)) for a in apps if not is_false(a)]

    def _mates(self) -> dict[str, list[n.Item]]:
        """Per item, the other members of the 累计上限 it belongs to (in order, once each)."""
        if self._mates_memo is None:
            mates: dict[str, dict[str, n.Item]] = {}
            for flow in self.enc.flows():
                for m in flow.members:
                    mine = mates.setdefault(m.item.id, {})
                    mine.update({o.item.id: o.item for o in flow.members if o.item.id != m.item.id})
            self._mates_memo = {k: list(v.values()) for k, v in mates.items()}
        return self._mates_memo

    def _late_members(self) -> set[str]:
        """Items beyond MAX_CAP_MEMBERS in some 累计上限: not checked one by one against it."""
        late: set[str] = set()
        for flow in self.enc.flows():
            members = [m for m in flow.members if m.item.id not in self.dead_items]
            if len(members) > MAX_CAP_MEMBERS:
                first = members[MAX_CAP_MEMBERS].item
                self.limit(("cap", flow.cap.id), flow.cap.span, flow.cap.citation.article,
                           f"累计上限“{flow.cap.id}”适用于 {len(members)} 个补助项，只逐项检查了前 "
                           f"{MAX_CAP_MEMBERS} 项是否被削减（PC405、PC410），自“{first.id}”起未逐项检查")
                late |= {m.item.id for m in members[MAX_CAP_MEMBERS:]}
        return late

    def _negative(self, it: n.Item) -> None:
        """PC520: a formula with a subtraction that can be negative for an applicant it applies to.

        The rule (docs/reference/language.md): a negative amount is paid as 0 — nothing is
        paid, nothing is owed back, and the trace says so. Only formulas that subtract are asked.
        """
        if not any(isinstance(x, n.Arith) and x.op == "-" for x in walk(it.amount)):
            return
        v = self.enc.value(it.amount)
        if not isinstance(v, NumV):
            return
        below = [self.enc.applies(it), v.det, disj(cmp("<", v.lo, 0), cmp("<", v.hi, 0))]
        model = self.sat(*below)
        if model is None:
            return
        got = self.example(below, fallback=model)
        wit = witness(got[0], self.on, got[1]) if got else None
        self.emit("PC520", W, it.amount.span,
                  f"金额公式可能为负数（{show(it.amount)}）：计算时按 0 计，本项不支付",
                  "负数按 0 计是本语言的规则（不支付，也不追缴）。若原文在这种情况下不予支持，"
                  "请把它写进 条件；若确属按 0 计，写 忽略 PC520 \"理由\"。",
                  it.citation.article, wit)

    def _never_applies(self, it: n.Item) -> None:
        enc = self.enc
        parts: list[tuple[str, Flag]] = []
        if it.beneficiary is not None:
            parts.append((f"对象 {it.beneficiary}", enc.beneficiary(it)))
        for r in self.policy.requirements:
            parts.append((f"资格 {r.citation.article}：{show(r.cond)}", enc.truth(r.cond)))
        for x in self.policy.exclusions:
            parts.append((f"不属于排除情形 {x.citation.article}：{show(x.cond)}",
                          neg(enc.truth(x.cond))))
        if it.cond is not None:
            parts += self.cond_parts(enc, it.cond)
        exprs: list[n.Expr | None] = [it.cond, *[r.cond for r in self.policy.requirements],
                                      *[x.cond for x in self.policy.exclusions]]
        parts += self.domain_parts(enc, exprs)
        core = self.core(parts)
        why = "、".join(f"“{c}”" for c in core) + "不能同时成立" if core else "条件无法满足"
        self.emit("PC405", W, it.span, f"本项永远不会支付：{why}",
                  "检查本项的对象、条件与资格、排除条款是否矛盾。", it.citation.article)

    def _duplicates(self, items: list[n.Item]) -> None:
        enc = self.enc
        groups: dict[tuple[object, ...], list[n.Item]] = {}
        for it in items:
            key = (it.beneficiary, tuple(sorted(enc.facts_read(it.cond))),
                   tuple(sorted(enc.facts_read(it.amount))), tuple(sorted(_literals(it.amount))))
            groups.setdefault(key, []).append(it)
        for group in groups.values():
            if len(group) > MAX_GROUP:
                self.limit(("group", group[0].id), group[MAX_GROUP].span, group[MAX_GROUP].citation.article,
                           f"{len(group)} 个补助项的条件与金额形式相同，只两两比较了前 {MAX_GROUP} 项"
                           f"是否重复（PC406），自“{group[MAX_GROUP].id}”起未比较")
            group = group[:MAX_GROUP]
            reported: set[str] = set()
            for j, b in enumerate(group):
                for a in group[:j]:
                    if b.id in reported:
                        break
                    if self._same(a, b):
                        reported.add(b.id)
                        self.emit(
                            "PC406", E, b.span,
                            f"与 {a.citation.article}「{a.title}」（{a.id}）的适用条件和金额完全相同："
                            "同一申请人会重复获得两次",
                            "删除重复的项目，或用条件区分两者。", b.citation.article)

    def _same(self, a: n.Item, b: n.Item) -> bool:
        enc = self.enc
        x, y = enc.amount(a), enc.amount(b)
        if is_false(x.det) and is_false(y.det):
            return False  # two 未定 amounts are not known to be the same
        pa, pb = enc.applies(a), enc.applies(b)
        if not self.unsat(disj(conj(pa, neg(pb)), conj(pb, neg(pa)))):
            return False
        differ = disj(
            conj(x.det, neg(y.det)), conj(y.det, neg(x.det)),
            conj(x.det, y.det, disj(cmp("!=", x.lo, y.lo), cmp("!=", x.hi, y.hi))),
        )
        return self.unsat(pa, differ)

    # -- PC401, PC402, PC403 (tiers), PC411, PC412 (封顶) --------------------------------
    def _expressions(self) -> None:
        occ: dict[int, _Occurrence] = {}
        enc = self.enc
        for it in self.policy.items:
            if it.id not in self.dead_items:
                self._walk(it.amount, enc.applies(it), it.citation.article, occ, set())
        for cap in self.policy.caps:
            ctx = disj(*[enc.applies(i) for i in enc.in_scope(cap.scope)])
            self._walk(cap.limit, ctx, cap.citation.article, occ, set())
        for q in self.policy.quotas:
            for e in (q.at_least, q.at_most):
                if e is not None:
                    self._walk(e, True, q.citation.article, occ, set())
        chained: set[int] = set()
        for o in occ.values():
            if isinstance(o.node, n.Cap):
                self._nested_caps(o, chained)
        for o in occ.values():
            if isinstance(o.node, n.Tiers):
                self._tiers(o.node, disj(*o.contexts), o.article)
            elif id(o.node) not in chained:
                self._cap_binds(o.node, disj(*o.contexts), o.article)

    def _walk(self, e: n.Expr, ctx: Flag, article: str, occ: dict[int, _Occurrence],
              seen_defs: set[str]) -> None:
        if isinstance(e, n.Tiers | n.Cap):
            o = occ.setdefault(id(e), _Occurrence(e, article))
            o.contexts.append(ctx)
        if isinstance(e, n.Tiers):
            prefix: Flag = True
            for t in e.tiers:
                c = self.enc.truth(t.cond)
                self._walk(t.amount, conj(ctx, prefix, c), article, occ, seen_defs)
                prefix = conj(prefix, neg(c))
            if e.otherwise is not None:
                self._walk(e.otherwise, conj(ctx, prefix), article, occ, seen_defs)
        elif isinstance(e, n.Cap):
            self._walk(e.base, ctx, article, occ, seen_defs)
            self._walk(e.limit, ctx, article, occ, seen_defs)
        elif isinstance(e, n.Arith):
            self._walk(e.left, ctx, article, occ, seen_defs)
            self._walk(e.right, ctx, article, occ, seen_defs)
        elif isinstance(e, n.UpTo):
            self._walk(e.operand, ctx, article, occ, seen_defs)
        elif isinstance(e, n.Ref) and e.name in self.enc.defs and e.name not in seen_defs:
            self._walk(self.enc.defs[e.name].expr, ctx, article, occ, seen_defs | {e.name})

    def _tiers(self, node: n.Tiers, ctx: Flag, article: str) -> None:
        enc = self.enc
        if not self.possible(ctx):
            return
        conds = [enc.truth(t.cond) for t in node.tiers]
        amounts = [enc.value(t.amount) for t in node.tiers]
        prefixes: list[Flag] = []
        prefix: Flag = True
        for c in conds:
            prefixes.append(prefix)
            prefix = conj(prefix, neg(c))
        # firsts[j]: the amount of the first of tiers 0..j-1 that holds (they exclude each
        # other as first tiers, so the chain grows by one node per tier); None without numbers
        firsts: list[NumV | None] = [None]
        if all(isinstance(a, NumV) for a in amounts):
            acc = amounts[0]
            for j in range(1, len(amounts)):
                firsts.append(acc if isinstance(acc, NumV) else None)
                first_j = conj(prefixes[j], conds[j])
                acc = merge(first_j, amounts[j], acc)
        else:
            firsts = [None] * len(amounts)
        possible: list[bool] = []
        for j, t in enumerate(node.tiers):
            if self.unsat(conds[j]):
                parts = self.cond_parts(enc, t.cond) + self.domain_parts(enc, [t.cond])
                core = self.core(parts) or [show(t.cond)]
                quoted = "、".join(f"“{c}”" for c in core)
                why = f"{quoted}不能同时成立" if len(core) > 1 else f"{quoted}永远不成立"
                self.emit("PC403", E, t.cond.span,
                          f"分档第 {j + 1} 档的条件不可能成立：{why}，该档永远不会适用",
                          "检查比较的方向和数值。", article)
                possible.append(False)
                continue
            if self.unsat(ctx, conds[j], wide=True):
                self.emit("PC403", E, t.cond.span,
                          f"分档第 {j + 1} 档（当 {show(t.cond)}）在本项适用的情形下不可能成立，"
                          "该档永远不会适用",
                          "对照本项的 条件 检查该档的条件，或删除该档。", article)
                possible.append(False)
                continue
            possible.append(True)
            if j >= MAX_TIERS:
                self.limit(("tiers", str(id(node))), node.span, article,
                           f"分档共 {len(node.tiers)} 档，只检查了前 {MAX_TIERS} 档之间是否重叠（PC401），"
                           f"第 {MAX_TIERS + 1} 档起未检查")
                continue
            earlier = [i for i in range(j) if possible[i]]
            # One question settles the usual case (no earlier tier overlaps this one with a
            # different amount), so that a 分档 of n tiers costs n questions of constant size
            # to build, not n²/2; only a tier that does overlap is compared with each earlier
            # tier to name the first.
            # tiers whose conditions exclude each other (== 2, == 3, >= 4) settle it in one
            # question about the conditions alone, shared by every 分档 that uses them
            if earlier and self.unsat(neg(prefixes[j]), conds[j]):
                continue
            shown = firsts[j]
            if shown is not None:
                overlap = conj(ctx, neg(prefixes[j]), conds[j], _differ(shown, amounts[j]))
            else:
                overlap = conj(ctx, conds[j], disj(*[
                    conj(prefixes[i], conds[i], _differ(amounts[i], amounts[j])) for i in earlier]))
            if not earlier or self.unsat(overlap):
                continue
            for i in earlier:
                first_i = conj(prefixes[i], conds[i])
                differ = _differ(amounts[i], amounts[j])
                model = self.sat(ctx, first_i, conds[j], differ)
                if model is None:
                    continue
                dead = self.unsat(ctx, prefixes[j], conds[j])
                got = self.example([ctx, first_i, conds[j], differ], fallback=model)
                wit = witness(got[0], self.on, got[1]) if got else None
                self.emit(
                    "PC401", E, t.span,
                    f"分档第 {i + 1} 档（当 {show(node.tiers[i].cond)}）与第 {j + 1} 档"
                    f"（当 {show(t.cond)}）可能同时成立，且金额不同：按书写顺序只适用第 {i + 1} 档"
                    + (f"，第 {j + 1} 档永远不会适用" if dead else f"，第 {j + 1} 档被遮蔽"),
                    "分档按书写顺序取第一个成立的档。请把各档条件写成互斥（如 digital_level == 3），"
                    "使每个申请人只落入一档。", article, wit)
                break
        if node.otherwise is None:
            provided = [enc.facts[f].var >= 0 for f in enc.facts_read(node)
                        if isinstance(enc.facts[f].value, StrV)]
            gap = [ctx, prefix, *provided]
            model = self.sat(*gap)
            if model is not None:
                got = self.example(gap, fallback=model)
                wit = witness(got[0], self.on, got[1]) if got else None
                self.emit("PC402", W, node.span,
                          "分档没有覆盖全部情形：本项适用时可能没有任何一档成立，金额按 0 计",
                          "补上缺少的档次或加 否则 档；如确属不予支付，请在 条件 中排除这些情形。",
                          article, wit)

    def _nested_caps(self, o: _Occurrence, chained: set[int]) -> None:
        node = o.node
        assert isinstance(node, n.Cap)
        limits: list[tuple[n.Cap, Fraction]] = []
        x: n.Expr = node
        while isinstance(x, n.Cap):
            lim = self.enc.value(x.limit)
            if isinstance(lim, NumV) and lim.const is not None and lim.const[0] == lim.const[1]:
                limits.append((x, lim.const[0]))
            x = x.base
        values = {v for _, v in limits}
        if len(values) < 2 or id(node) in chained:
            return
        for c, _ in limits:
            chained.add(id(c))
        shown = " 与 ".join(_yuan(v) for _, v in reversed(limits))
        self.emit("PC412", W, node.span,
                  f"同一金额有两个不一致的封顶（{shown}），实际只有较小的 {_yuan(min(values))} 起作用",
                  "核对原文，只保留原文规定的上限。", o.article)

    def _cap_binds(self, node: n.Cap | n.Tiers, ctx: Flag, article: str) -> None:
        assert isinstance(node, n.Cap)
        base, lim = self.enc.value(node.base), self.enc.value(node.limit)
        if not (isinstance(base, NumV) and isinstance(lim, NumV)):
            return
        both = conj(ctx, base.det, lim.det)
        # the usual answer (it can bind) in one question; only a cap that never binds is asked
        # whether its context can hold at all
        if self.unsat(both, disj(cmp(">", base.hi, lim.hi), cmp(">", base.lo, lim.lo)), wide=True) \
                and self.possible(both):
            self.emit("PC411", W, node.limit.span,
                      f"封顶 {show(node.limit)} 永远不会起作用：{show(node.base)} 不会超过它",
                      "检查上限的数值，或删除多余的 封顶。", article)

    # -- PC410, PC411, PC412: cross-item caps ---------------------------------------
    def _cross_caps(self) -> None:
        enc = self.enc
        flows = enc.flows()
        disagree = self._cap_pairs(flows)
        for flow in flows:
            cap = flow.cap
            members = [m for m in flow.members if m.item.id not in self.dead_items]
            any_app = disj(*[enc.applies(m.item) for m in members])
            if self.unsat(any_app, flow.limit.det):
                self.emit("PC411", W, cap.limit.span,
                          "累计上限永远不会起作用：适用范围内没有可能适用的补助项",
                          "检查 适用 的范围。", cap.citation.article)
                continue
            binds = False  # some member can be cut (a model of one below is a model of ``changed``)
            for k, m in enumerate(members[:MAX_CAP_MEMBERS]):  # beyond: reported by _late_members
                if m.item.id not in self.always_cut:
                    binds |= self._stacking(flow.cap, flow.limit, m, [x.item for x in members[k + 1:]],
                                            len(members) >= LARGE_CAP)
            if binds or cap.id in disagree:
                continue
            changed = disj(*[
                conj(enc.applies(m.item),
                     disj(m.lo_out < m.lo_in, m.hi_out < m.hi_in, m.inf_in))
                for m in members])
            if self.unsat(flow.limit.det, changed):
                self.emit("PC411", W, cap.limit.span,
                          f"累计上限 {show(cap.limit)} 永远不会起作用：适用范围内各项合计不会超过它",
                          "检查上限的数值与适用范围，或删除该上限。", cap.citation.article)

    def _stacking(self, cap: n.CrossCap, limit: NumV, m: CapMember, later: list[n.Item],
                  large: bool) -> bool:
        """PC410 for one member; whether it can be cut at all."""
        enc = self.enc
        it = m.item
        a = enc.amount(it)
        if is_false(a.det):
            return False
        cut = [enc.applies(it), a.det, limit.det, m.hi_out < m.hi_in, m.hi_in <= cents(limit.hi)]
        # In a large 累计上限 the usual cut comes from the items written before this one: asked
        # first with the later members not applying (a question of the size of the members up
        # to this one; a model of it is a model of ``cut``), then as asked.
        early = self.without(cut, later) if later and large else None
        model = self.sat(*early, widen=True) if early is not None else None
        if model is None:
            early = None
            model = self.sat(*cut, widen=True)
        if model is None:
            return False
        goal = m.hi_in - m.hi_out
        if early is not None and large:  # a large 累计上限: the witness among the earlier members
            got = self.example(early, [Goal("max", self.off_term(goal, later))], fallback=model)
        else:
            got = self.example(cut, [Goal("max", goal)], fallback=model)
        art = it.citation.article
        wit = None
        detail = ""
        if got is not None:
            profile, result = got
            cuts = cap_cuts(result)
            c = cuts.get((cap.id, it.id)) if cuts else None
            if c is not None and c.after.hi < c.before.hi:
                lost = span_text(*sorted((c.before.lo - c.after.lo, c.before.hi - c.after.hi)))
                wit = witness(profile, self.on, result, cut={
                    "cap": cap.citation.article, "item": it.id,
                    "limit": span_text(c.limit.lo, c.limit.hi),
                    "before": span_text(c.before.lo, c.before.hi),
                    "after": span_text(c.after.lo, c.after.hi), "lost": lost})
                scope = [x.id for x in enc.in_scope(cap.scope) if x.id != it.id]
                others = [f"{i.article}（{i.id}）" for i in result.items if i.id in scope]
                detail = (f"。例如：{cap.citation.article} 上限为 {span_text(c.limit.lo, c.limit.hi)}，"
                          f"与 {'、'.join(others)} 同时适用时，本项 {span_text(c.before.lo, c.before.hi)}"
                          f" 被削减 {lost}，实付 {span_text(c.after.lo, c.after.hi)}")
        self.emit(
            "PC410", W, it.span,
            f"{art}「{it.title}」与同属{cap.citation.article}累计上限（{show(cap.limit)}）的其他项目"
            f"叠加时合计可超过上限，本项会被悄然削减{detail}",
            f"{cap.citation.article}的上限先保留各项的最低额，余下额度按书写顺序先满足排在前面的项目，"
            "排在后面的先被削减。如属有意，"
            "请在申请指南中说明叠加规则（可在本项中写 忽略 PC410 \"理由\"）；否则请核对上限的适用范围。",
            art, wit)
        return True

    def _cap_pairs(self, flows: list[CapFlow]) -> set[str]:
        """PC412 for cross-item caps; returns the caps reported."""
        enc = self.enc
        reported: set[str] = set()
        by_members: dict[tuple[str, ...], list[CapFlow]] = {}
        for f in flows:
            by_members.setdefault(tuple(m.item.id for m in f.members), []).append(f)
        for ids, group in by_members.items():
            if not ids:
                continue
            any_app = disj(*[enc.applies(m.item) for m in group[0].members])
            for j, g in enumerate(group):
                for f in group[:j]:
                    a, b = f.limit, g.limit
                    if self.possible(any_app, a.det, b.det, cmp("!=", a.hi, b.hi)):
                        reported.add(g.cap.id)
                        self.emit("PC412", W, g.cap.span,
                                  f"与 {f.cap.citation.article} 的累计上限适用于同样的项目，"
                                  f"但上限不同（{show(f.cap.limit)} 与 {show(g.cap.limit)}）",
                                  "核对两条上限的原文，只保留一条，或明确各自的适用范围。",
                                  g.cap.citation.article)
                        break
            if len(ids) == 1:
                it = group[0].members[0].item
                own = _own_cap(enc, it.amount)
                for f in group:
                    lim = f.limit
                    if own is not None and lim.const is not None and lim.const[0] == lim.const[1] \
                            and lim.const[0] != own:
                        reported.add(f.cap.id)
                        self.emit("PC412", W, f.cap.span,
                                  f"累计上限 {_yuan(lim.const[0])} 只适用于 {it.citation.article}"
                                  f"「{it.title}」，与该项自身的封顶 {_yuan(own)} 不一致",
                                  "核对原文，两处上限应当一致，或删除多余的一处。",
                                  f.cap.citation.article)
        return reported

    # -- PC420: budgets and quotas ------------------------------------------------
    def _budgets(self) -> None:
        enc = self.enc
        for b in self.policy.budgets:
            shares: dict[str, Term] = {}
            parts: list[tuple[str, Flag]] = []
            for u in b.uses:
                s = shares.setdefault(u.name, z3.Real(f"__use_{b.id}_{len(shares)}"))
                v = enc.value(u.share)
                if not isinstance(v, NumV) or is_false(v.det):
                    continue
                if u.bound == "at_least":
                    parts.append((f"至少 {show(u.share)} 用于“{u.name}”", conj(v.det, s >= to_real(v.lo))))
                else:
                    parts.append((f"至多 {show(u.share)} 用于“{u.name}”", conj(v.det, s <= to_real(v.hi))))
            if not shares:
                continue
            parts.append(("各用途合计不超过 100%", z3.Sum(*shares.values()) <= 1))
            parts.append(("各用途比例不为负", conj(*[s >= 0 for s in shares.values()])))
            parts += self.domain_parts(enc, [u.share for u in b.uses])
            core = self.core(parts)
            if core:
                self.emit("PC420", W, b.span,
                          "预算的用途比例无法同时满足：" + "、".join(f"“{c}”" for c in core),
                          "核对各用途的“至少/至多”比例，合计不能超过 100%。", b.citation.article)
        for q in self.policy.quotas:
            if q.at_least is None or q.at_most is None:
                continue
            lo, hi = enc.value(q.at_least), enc.value(q.at_most)
            if not (isinstance(lo, NumV) and isinstance(hi, NumV)):
                continue
            if self.possible(lo.det, hi.det, cmp(">", lo.lo, hi.hi)):
                self.emit("PC420", W, q.span,
                          f"名额要求至少 {show(q.at_least)}，却又规定至多 {show(q.at_most)}："
                          "两者可能无法同时满足",
                          "核对名额的上下限。", q.citation.article)
        self._pots()

    def _pots(self) -> None:
        """A quota × the most one applicant can get, against the fund it is paid from.

        The fund is a 预算 block's scope (in this policy or the parent), at its largest; a use
        whose name mentions 改造 is the share for 类别 reform items.
        """
        pots = [(enc, b) for enc in (self.enc, self.penc) if enc is not None
                for b in enc.policy.budgets if b.scope is not None]
        for q in self.policy.quotas:
            at_most = q.at_most
            cnt = self.enc.value(at_most) if at_most is not None else None
            if at_most is None or not isinstance(cnt, NumV) or cnt.const is None:
                continue
            items = self.enc.in_scope(q.scope) if q.scope is not None else []
            per = _extreme(self.enc, items, "max") if items else None
            if per is None:
                continue
            need = cnt.const[1] * per
            sources = {p for it in items for f in it.funding for p in f.payers}
            reform = all(it.category == "reform" for it in items)
            label = f"名额至多 {show(at_most)} × 每家最多 {_yuan(per)} = {_yuan(need)}"
            audience = {it.beneficiary for it in items}
            for enc, b in pots:
                pot_items = enc.in_scope(b.scope)
                own = {it.id for it in items} if enc is self.enc else set()
                if any(it.beneficiary is not None and it.beneficiary in audience
                       for it in pot_items) or any(it.id in own for it in pot_items):
                    continue  # not a fund: the budget is about the same applicants' items
                if not sources & {p for it in pot_items for f in it.funding for p in f.payers}:
                    continue
                pot = _extreme(enc, pot_items, "max")
                if pot is None:
                    continue
                where = b.citation.article if enc is self.enc else \
                    f"{enc.policy.id} {b.citation.article}"
                budget, use_name = pot, "全部资金"
                for u in b.uses:
                    v = enc.value(u.share)
                    if not (reform and "改造" in u.name and isinstance(v, NumV)
                            and v.const is not None):
                        continue
                    if u.bound == "at_most":
                        budget, use_name = min(budget, v.const[1] * pot), f"“{u.name}”"
                    else:
                        low = _extreme(enc, pot_items, "min")
                        if low is not None and need < v.const[0] * low:
                            self.emit("PC420", W, q.span,
                                      f"{label}，达不到 {where} “至少 {show(u.share)} 用于{u.name}”"
                                      f"所需的 {_yuan(v.const[0] * low)}（按资金 {_yuan(low)} 计）",
                                      "核对名额与补助标准：按现有上限，预算的最低用途比例无法实现。",
                                      q.citation.article)
                if need > budget:
                    self.emit("PC420", W, q.span,
                              f"{label}，超过 {where} 可用于{use_name}的 {_yuan(budget)}",
                              "核对名额与补助标准：名额内足额补助将超出预算。", q.citation.article)

    # -- PC430: the parent policy ------------------------------------------------------
    def _parent(self) -> None:
        penc, parent = self.penc, self.parent
        if penc is None or parent is None:
            return
        enc = self.enc
        self._parent_exclusions(enc, penc, parent)
        for it in self.policy.items:
            if it.category is None or it.id in self.dead_items:
                continue
            same = [p for p in parent.items if p.category == it.category
                    and (p.beneficiary is None or p.beneficiary == it.beneficiary)]
            if not same:
                continue
            if it.category == "reform":
                self._parent_condition(it, same)
            self._parent_amount(it, same)

    def _parent_exclusions(self, enc: Encoder, penc: Encoder, parent: n.Policy) -> None:
        pays = disj(*[enc.pays(i) for i in self.policy.items if i.id not in self.dead_items])
        for x in parent.exclusions:
            cond = penc.truth(x.cond)
            model = self.sat(cond, enc.eligible(), pays)
            if model is None:
                continue
            read = penc.facts_read(x.cond)
            extra = tuple(penc.facts[f] for f in read)
            got = self.example([cond, enc.eligible(), pays], extra=extra, fallback=model)
            wit = witness(got[0], self.on, got[1]) if got else None
            missing = [f for f in read if f not in enc.facts]
            note = f"（本政策未声明事实 {'、'.join(missing)}）" if missing else ""
            self.emit("PC430", W, self.policy.header.span,
                      f"上级政策 {parent.id} {x.citation.article} 排除“{show(x.cond)}”的申请人，"
                      f"本政策没有相应的排除条款，仍会向其支付{note}",
                      f"增加 排除 块，条件 {show(x.cond)}，并引用本政策中对应的原文；"
                      "如本政策确无此规定，请在报告中说明。",
                      f"{parent.id} {x.citation.article}", wit)

    def _parent_condition(self, it: n.Item, same: list[n.Item]) -> None:
        enc, penc = self.enc, self.penc
        assert penc is not None
        allowed = disj(*[conj(penc.beneficiary(p), penc.truth(p.cond)) for p in same])
        bad = [enc.pays(it), neg(allowed)]
        model = self.sat(*bad)
        if model is None:
            return
        a = enc.amount(it)
        goals = [Goal("max", z3.If(as_bool(a.det), cents(a.hi), 0))] if not is_false(a.det) else []
        read: list[str] = []
        for p in same:
            read += [f for f in penc.facts_read(p.cond) if f not in read]
        ints = frozenset(f for f in read if penc.facts[f].kind == "int")
        got = self.example(bad, goals, ints, tuple(penc.facts[f] for f in read), fallback=model)
        wit = None
        detail = ""
        if got is not None:
            profile, result = got
            wit = witness(profile, self.on, result)
            r = result.item(it.id)
            shown = "，".join(f"{f} = {_show_value(profile.get(f, _default(penc.facts[f])))}"
                             for f in read)
            if r is not None:
                paid = "金额未定（可能支付）" if r.max is None else f"支付 {span_text(r.min, r.max)}"
                detail = f"。例如 {shown} 的申请人，本项{paid}"
        conds = "；".join(f"{p.citation.article}：{show(p.cond)}" for p in same if p.cond)
        art = it.citation.article
        self.emit(
            "PC430", W, it.cond.span if it.cond is not None else it.span,
            f"{art}「{it.title}」（类别 {it.category}）会支付上级政策 {self.parent.id if self.parent else ''}"
            f" 不予支持的申请人：上级政策的同类项目要求 {conds}，本项条件中没有这一要求{detail}",
            "如本办法有意放宽上级政策的条件，请在 说明 中注明依据（可写 忽略 PC430 \"理由\"）；"
            f"否则在 条件 中加入上级政策的要求（{conds}）。",
            art, wit)

    def _parent_amount(self, it: n.Item, same: list[n.Item]) -> None:
        enc, penc = self.enc, self.penc
        assert penc is not None
        if not all(is_true(penc.amount(p).det) for p in same):
            return
        a = enc.amount(it)
        if is_false(a.det):
            return
        apps = [conj(penc.beneficiary(p), penc.truth(p.cond)) for p in same]
        top: Term = z3.IntVal(0)
        for p, app in zip(same, apps, strict=True):
            top = z3.If(as_bool(app), zmax(top, cents(penc.amount(p).hi)), top)
        bad = [enc.pays(it), a.det, disj(*apps), cents(a.hi) > top]
        model = self.sat(*bad)
        if model is None:
            return
        read = list(dict.fromkeys(f for p in same for f in penc.facts_read(p.cond)))
        got = self.example(bad, [Goal("max", cents(a.hi) - top)],
                           extra=tuple(penc.facts[f] for f in read), fallback=model)
        wit = witness(got[0], self.on, got[1]) if got else None
        parts = "；".join(f"{p.citation.article}：{show(p.amount)}" for p in same)
        self.emit("PC430", W, it.amount.span,
                  f"{it.citation.article}「{it.title}」的金额可超过上级政策同类项目的标准（{parts}）",
                  "核对本项的补助标准是否突破上级政策的上限。", it.citation.article, wit)


# ---------------------------------------------------------------------------- helpers


def _holds_in(model: Any, t: Flag) -> bool:
    """``t`` is true in ``model`` (completed), evaluated through z3's C API: ``model.eval`` and
    ``z3.is_true`` wrap the result in Python objects, thousands of times per large policy."""
    if isinstance(t, bool):
        return t
    if not isinstance(model, z3.ModelRef):
        return bool(z3.is_true(model.eval(t, model_completion=True)))
    ref = model.ctx.ref()
    out = (z3.Ast * 1)()
    if not z3.Z3_model_eval(ref, model.model, t.as_ast(), True, out):
        return False
    z3.Z3_inc_ref(ref, out[0])  # held while it is read, as a Python wrapper would
    try:
        return bool(z3.Z3_get_bool_value(ref, out[0]) == z3.Z3_L_TRUE)
    finally:
        z3.Z3_dec_ref(ref, out[0])


def _differ(a: Any, b: Any) -> Flag:
    """Two tier amounts differ (one determined and the other not, or different bounds)."""
    if not (isinstance(a, NumV) and isinstance(b, NumV)):
        return True
    return disj(conj(a.det, neg(b.det)), conj(b.det, neg(a.det)),
                conj(a.det, b.det, disj(cmp("!=", a.lo, b.lo), cmp("!=", a.hi, b.hi))))


def _literals(e: n.Expr) -> Iterator[str]:
    if isinstance(e, n.MoneyLit | n.RateLit | n.NumberLit | n.CountLit):
        yield str(e.value.normalize())
        return
    for name in getattr(e, "__dataclass_fields__", {}):
        if name == "span":
            continue
        x = getattr(e, name)
        for y in x if isinstance(x, tuple) else (x,):
            if hasattr(y, "__dataclass_fields__"):
                yield from _literals(y)


def _own_cap(enc: Encoder, e: n.Expr) -> Fraction | None:
    """The constant 封顶 on an amount's outermost formula, if any."""
    if isinstance(e, n.Cap):
        lim = enc.value(e.limit)
        if isinstance(lim, NumV) and lim.const is not None and lim.const[0] == lim.const[1]:
            return lim.const[0]
    return None


def _extreme(enc: Encoder, items: list[n.Item], sense: str) -> Fraction | None:
    """The most (``max``) one applicant can get from ``items`` together, or the least
    (``min``) maximum among applicants some item applies to. None: unbounded or unknown."""
    total: Term = z3.IntVal(0)
    for it in items:
        a = enc.amount(it)
        if not is_true(a.det):
            return None
        total = total + z3.If(as_bool(enc.applies(it)), cents(a.hi), 0)
    opt = z3.Optimize()
    opt.set("rlimit", RLIMIT)
    opt.add(*enc.space.domains())
    if sense == "min":
        opt.add(as_bool(disj(*[enc.applies(it) for it in items])))
    h = opt.maximize(total) if sense == "max" else opt.minimize(total)
    if opt.check() != z3.sat:
        return None
    v = opt.upper(h) if sense == "max" else opt.lower(h)
    if not z3.is_int_value(v):
        return None
    return Fraction(v.as_long(), 100)


def _default(f: FactVar) -> object:
    if f.default is not None:
        return f.default
    return {"bool": False, "int": 0, "money": 0, "rate": 0}.get(f.kind)


def _show_value(v: object) -> str:
    if v is True:
        return "真"
    if v is False:
        return "假"
    if v is None:
        return "未提供"
    return str(v)


__all__ = ["check_solver"]

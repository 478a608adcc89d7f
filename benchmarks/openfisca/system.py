"""Two OpenFisca tax-benefit systems over one entity, the applicant, for the comparison with the
DuckDB simulation (``benchmarks/openfisca_compare.py``).

* :func:`two_rule` — a two-rule subsidy model like the one OpenFisca's batch figure in issue 11
  was measured on: 30% of the software and cloud spend capped at 200,000 yuan for pilot-scope
  enterprises that passed acceptance, plus a flat 100,000 yuan for a 小灯塔 title.
* :func:`kunming` — 昆明's rules as ``policies/kunming.policy`` encodes them
  (``generated/python/kunming.py`` read as the spec): the six items and their conditions, the
  three tiers of 第七条第（一）项, the six exclusions, the validity period with its 追溯, the
  第十条 累计上限 across the enterprise items (each keeps its minimum, then the headroom goes
  out in the policy's order), the 第十七条 payment stages of 第七条第（一）项, the funding split
  (every item's source is 未明确: all of it is ``unspecified``), and BOTH readings of the
  解读 ``encouraged_industry`` with the result spanning them (lowest minimum, highest maximum).

Money is one of three number kinds (:class:`Money`), the formulas being the same:

* ``float32`` — OpenFisca's own ``value_type = float`` (numpy float32), in yuan; each amount,
  cap and stage rounded down to the fen with ``floor(x * 100) / 100`` as a modeller would;
* ``float64`` — the same formulas with the variables' dtype set to float64 after the system
  is built (OpenFisca has no float64 value type);
* ``int64`` — integer fen: ``value_type = int`` with the dtype set to int64 (OpenFisca's int
  is int32, which overflows above 21,474,836.47 yuan); percentages are ``x * p // 100``, which
  is the round-down rule itself.

The rates, caps and awards are module constants rather than an OpenFisca parameter tree: the
three number kinds share them and a parameter lookup per formula call costs nothing at a
million rows. Facts are named as in the shared vocabulary and the policy's own ``事实``;
``industry`` is an Enum of 第六条's five pilot industries and ``other`` (text that is not one of
them, as written), ``applicant_type`` an Enum of the vocabulary's four kinds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import reduce
from typing import Any

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

Array = Any  # a numpy array (OpenFisca's formulas take and return them)

MONTH = DateUnit.MONTH
MODES = ("float32", "float64", "int64")

# 第二十六条 有效期 and 第二十七条 追溯: in force from 2023-06-12 to 2026-12-31
KUNMING_FROM = dt.date(2023, 6, 12)
KUNMING_UNTIL = dt.date(2026, 12, 31)
READINGS = ("limited", "any_industry")  # 解读 encouraged_industry, the adopted one first


class Money:
    """One kind of number for money: the dtype, constants, a percentage and the fen round-down."""

    def __init__(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"money mode {mode!r}: one of {', '.join(MODES)}")
        self.mode = mode
        self.fen = mode == "int64"
        self.value_type: type = int if self.fen else float
        self.dtype = np.dtype(mode)

    def const(self, yuan: int) -> Array:
        """A whole-yuan amount in this kind."""
        return self.dtype.type(yuan * 100 if self.fen else yuan)

    def pct(self, x: Array, percent: int) -> Array:
        """``percent``% of ``x`` (x >= 0): rounded down to the fen when money is integer fen,
        else in floating point (round with :meth:`floor_fen`)."""
        if self.fen:
            return x * percent // 100
        return x * self.dtype.type(percent / 100)

    def floor_fen(self, x: Array) -> Array:
        """Round down to the fen (exact for integer fen)."""
        if self.fen:
            return x
        return np.floor(x * self.dtype.type(100)) / self.dtype.type(100)

    def from_yuan(self, yuan: Array) -> Array:
        """Input: whole-yuan amounts (int64) as this kind."""
        return (yuan * 100).astype(np.int64) if self.fen else yuan.astype(self.dtype)

    def to_fen(self, x: Array) -> Array:
        """Output as integer fen: exact for integer fen, else the nearest fen of the float."""
        if self.fen:
            return np.asarray(x, dtype=np.int64)
        return np.rint(np.asarray(x, dtype=np.float64) * 100).astype(np.int64)


def _entity() -> Any:
    return build_entity(key="applicant", plural="applicants", label="申请人", is_person=True)


class ApplicantType(Enum):
    unknown = "未填写"
    enterprise = "企业"
    service_provider = "服务商"
    platform_operator = "平台运营商"
    public_institution = "事业单位"


class Industry(Enum):
    """第六条's five pilot sub-industries (定义 pilot_industry), and any other text."""

    other = "其他行业"
    chemical_materials = "化学新材料制品制造"
    ethnic_medicine = "民族药品制品制造"
    chemical_drugs = "化学药品制造"
    plateau_power_equipment = "高原特色电力装备制造"
    green_food = "绿色食品制品制造"


def industry_codes(values: list[str | None]) -> Array:
    """The ``industry`` Enum's indices for text values (anything not listed: ``other``)."""
    index = {m.value: i for i, m in enumerate(Industry)}
    return np.array([index.get(v or "", 0) for v in values], dtype=np.int16)


def applicant_codes(values: list[str | None]) -> Array:
    """The ``applicant_type`` Enum's indices for the vocabulary's names."""
    index = {m.name: i for i, m in enumerate(ApplicantType)}
    return np.array([index.get(v or "", 0) for v in values], dtype=np.int16)


def _variable(name: str, value_type: type, entity: Any, formula: Callable[..., Array] | None = None,
              **extra: Any) -> type[Variable]:
    """A Variable subclass named ``name`` (OpenFisca names variables after their class)."""
    body: dict[str, Any] = {"value_type": value_type, "entity": entity, "definition_period": MONTH,
                            "label": name, **extra}
    if formula is not None:
        body["formula"] = formula
    return type(name, (Variable,), body)


def _system(entity: Any, variables: list[type[Variable]], money: Money, money_names: list[str]) -> TaxBenefitSystem:
    tbs = TaxBenefitSystem([entity])
    tbs.add_variables(*variables)
    for name in money_names:  # float64 / int64: OpenFisca's value types are float32 and int32
        tbs.variables[name].dtype = money.dtype
    return tbs


# The money inputs of each system (whole yuan in the population), the boolean inputs, and the
# money outputs the comparison reads.
TWO_RULE_MONEY_INPUTS = ("spend_software_cloud",)
TWO_RULE_BOOL_INPUTS = ("in_pilot_scope", "acceptance_passed", "lighthouse")
TWO_RULE_OUTPUTS = ("two_rule_total",)


def two_rule(money: Money) -> TaxBenefitSystem:
    """Rule 1: 30% × spend_software_cloud, at most 200,000 yuan, for in_pilot_scope and
    acceptance_passed; rule 2: 100,000 yuan for lighthouse. The total is their sum."""
    m = money
    applicant = _entity()
    cap, award = m.const(200_000), m.const(100_000)

    def rate_rule(a: Any, period: Any, parameters: Any) -> Array:
        ok = a("in_pilot_scope", period) * a("acceptance_passed", period)
        return np.where(ok, np.minimum(m.floor_fen(m.pct(a("spend_software_cloud", period), 30)), cap), 0)

    def flat_rule(a: Any, period: Any, parameters: Any) -> Array:
        return np.where(a("lighthouse", period), award, 0)

    def total(a: Any, period: Any, parameters: Any) -> Array:
        return a("two_rule_rate_award", period) + a("two_rule_flat_award", period)

    variables = [
        *(_variable(n, m.value_type, applicant) for n in TWO_RULE_MONEY_INPUTS),
        *(_variable(n, bool, applicant) for n in TWO_RULE_BOOL_INPUTS),
        _variable("two_rule_rate_award", m.value_type, applicant, rate_rule),
        _variable("two_rule_flat_award", m.value_type, applicant, flat_rule),
        _variable("two_rule_total", m.value_type, applicant, total),
    ]
    money_names = [*TWO_RULE_MONEY_INPUTS, "two_rule_rate_award", "two_rule_flat_award", "two_rule_total"]
    return _system(applicant, variables, m, money_names)


KUNMING_MONEY_INPUTS = ("spend_software_cloud", "spend_data_equipment", "spend_consulting")
KUNMING_BOOL_INPUTS = (
    "in_pilot_scope", "acceptance_passed", "lighthouse", "digital_workshop_title", "chain_transformation_award",
    "serious_dishonesty_3y", "little_giant_central_funded", "in_2022_pilot", "is_sme",
    # the policy's own facts (not in the shared vocabulary, so False in the synthetic population)
    "pilot_ended_unaccepted", "pilot_suspended", "falsified_application_3y", "evaluation_agency",
)
KUNMING_INT_INPUTS = ("digital_level",)
KUNMING_ENUM_INPUTS = ("applicant_type", "industry")
# the items in the policy's order (the order the 第十条 cap fills them); evaluation_subsidy's
# beneficiary is the service provider: outside the cap, its amount 未定
KUNMING_ITEMS = ("reform_subsidy", "lighthouse_award", "workshop_award", "chain_award", "diagnosis_subsidy")
# What the comparison reads: per item the amount after the cap, spanning both readings (its
# minimum is 0 except for lighthouse_award); the totals; the funding; the payment stages.
KUNMING_OUTPUTS = (
    *(f"kunming_{i}_max" for i in KUNMING_ITEMS),
    "kunming_lighthouse_award_min",
    "kunming_total_min",
    "kunming_total_max",
    "kunming_total_undetermined",
    "kunming_funding_unspecified",
    "kunming_pay_1_max",
    "kunming_pay_2_max",
)


def kunming(money: Money) -> TaxBenefitSystem:
    """昆明市中小企业数字化转型专项资金管理办法 (昆工信规〔2024〕1号) as policies/kunming.policy reads it."""
    m = money
    mt = m.value_type
    applicant = _entity()
    zero = m.const(0)
    v: list[type[Variable]] = []
    money_names: list[str] = list(KUNMING_MONEY_INPUTS)

    def add(name: str, value_type: type, formula: Callable[..., Array] | None = None) -> None:
        """A variable; ``value_type`` ``mt`` is money (its dtype set by :func:`_system`)."""
        if value_type is Money:
            value_type = mt
            if name not in money_names:
                money_names.append(name)
        v.append(_variable(name, value_type, applicant, formula))

    v.append(_variable("applicant_type", Enum, applicant, possible_values=ApplicantType,
                       default_value=ApplicantType.unknown))
    v.append(_variable("industry", Enum, applicant, possible_values=Industry, default_value=Industry.other))
    for n in KUNMING_BOOL_INPUTS:
        add(n, bool)
    add("digital_level", int)
    for n in KUNMING_MONEY_INPUTS:
        add(n, Money)

    # 第二十六条、第二十七条: the month's first day within the validity period (with its 追溯)
    def in_force(a: Any, period: Any, parameters: Any) -> Array:
        day = period.start.date
        return np.full(a.count, KUNMING_FROM <= day <= KUNMING_UNTIL)

    # 第九条 (一)(二)(三), 第十四条, 第二十三条
    def excluded(a: Any, period: Any, parameters: Any) -> Array:
        out = a("little_giant_central_funded", period) | a("in_2022_pilot", period)
        for n in ("serious_dishonesty_3y", "pilot_ended_unaccepted", "pilot_suspended", "falsified_application_3y"):
            out = out | a(n, period)
        return out

    def paid(a: Any, period: Any, parameters: Any) -> Array:
        return a("kunming_in_force", period) & ~a("kunming_excluded", period)

    def enterprise(a: Any, period: Any, parameters: Any) -> Array:
        return (a("applicant_type", period) == ApplicantType.enterprise) & a("kunming_paid", period)

    # 第七条第（一）项 改造投入; 第十条 数字化转型投入
    def reform_spend(a: Any, period: Any, parameters: Any) -> Array:
        return a("spend_software_cloud", period) + a("spend_data_equipment", period)

    def transformation_investment(a: Any, period: Any, parameters: Any) -> Array:
        return a("kunming_reform_spend", period) + a("spend_consulting", period)

    # 第六条's list; 解读 encouraged_industry: under `limited` 第七条第（三）项、第（四）项 need it,
    # under `any_industry` neither does
    def pilot_industry(a: Any, period: Any, parameters: Any) -> Array:
        return a("industry", period) != Industry.other

    add("kunming_in_force", bool, in_force)
    add("kunming_excluded", bool, excluded)
    add("kunming_paid", bool, paid)
    add("kunming_enterprise", bool, enterprise)
    add("kunming_reform_spend", Money, reform_spend)
    add("kunming_transformation_investment", Money, transformation_investment)
    add("kunming_pilot_industry", bool, pilot_industry)

    # 第七条第（一）项: in_pilot_scope 且 acceptance_passed 且 digital_level >= 2 且 is_sme; 不超过
    # 50% × 改造投入 (0 up to it), 封顶 20/40/50 万元 by level, rounded down to the fen
    def reform_applies(a: Any, period: Any, parameters: Any) -> Array:
        return (a("kunming_enterprise", period) & a("in_pilot_scope", period) & a("acceptance_passed", period)
                & (a("digital_level", period) >= 2) & a("is_sme", period))

    def reform_before_cap(a: Any, period: Any, parameters: Any) -> Array:
        level = a("digital_level", period)
        tier_cap = np.select([level == 2, level == 3, level >= 4],
                             [m.const(200_000), m.const(400_000), m.const(500_000)], zero)
        amount = m.floor_fen(np.minimum(m.pct(a("kunming_reform_spend", period), 50), tier_cap))
        return np.where(a("kunming_reform_subsidy_applies", period), amount, zero)

    # 第七条第（二）项: lighthouse, 一次性 20 万元
    def lighthouse_applies(a: Any, period: Any, parameters: Any) -> Array:
        return a("kunming_enterprise", period) & a("lighthouse", period)

    # 第七条第（五）项: in_pilot_scope 且 acceptance_passed 且 spend_consulting > 0; 金额 未定
    def diagnosis_applies(a: Any, period: Any, parameters: Any) -> Array:
        return (a("kunming_enterprise", period) & a("in_pilot_scope", period) & a("acceptance_passed", period)
                & (a("spend_consulting", period) > 0))

    # 第七条第（六）项: the service provider evaluation_agency; 金额 未定, outside the 第十条 cap
    def evaluation_applies(a: Any, period: Any, parameters: Any) -> Array:
        return ((a("applicant_type", period) == ApplicantType.service_provider) & a("kunming_paid", period)
                & a("evaluation_agency", period))

    add("kunming_reform_subsidy_applies", bool, reform_applies)
    add("kunming_reform_subsidy_before_cap", Money, reform_before_cap)
    add("kunming_lighthouse_award_applies", bool, lighthouse_applies)
    add("kunming_diagnosis_subsidy_applies", bool, diagnosis_applies)
    add("kunming_evaluation_subsidy_applies", bool, evaluation_applies)

    # 第七条第（三）项 (digital_workshop_title 且 行业 且 is_sme) and 第（四）项 (chain_transformation_award 且
    # 行业), each 不超过 100 万元: under the reading `limited` 行业 is 第六条's list, under `any_industry`
    # any industry
    for reading in READINGS:
        def industry_ok(a: Any, period: Any, r: str = reading) -> Array:
            return a("kunming_pilot_industry", period) if r == "limited" else np.full(a.count, True)

        def workshop_applies(a: Any, period: Any, parameters: Any, ok: Any = industry_ok) -> Array:
            return (a("kunming_enterprise", period) & a("digital_workshop_title", period) & ok(a, period)
                    & a("is_sme", period))

        def chain_applies(a: Any, period: Any, parameters: Any, ok: Any = industry_ok) -> Array:
            return a("kunming_enterprise", period) & a("chain_transformation_award", period) & ok(a, period)

        add(f"kunming_workshop_award_applies_{reading}", bool, workshop_applies)
        add(f"kunming_chain_award_applies_{reading}", bool, chain_applies)

    def before_cap(a: Any, period: Any, item: str, r: str) -> tuple[Array, Array | None]:
        """An item's amount before the cap under reading ``r``: (minimum, maximum; None: 未定)."""
        if item == "reform_subsidy":
            return zero, a("kunming_reform_subsidy_before_cap", period)
        if item == "lighthouse_award":
            award = np.where(a("kunming_lighthouse_award_applies", period), m.const(200_000), zero)
            return award, award
        if item in ("workshop_award", "chain_award"):
            return zero, np.where(a(f"kunming_{item}_applies_{r}", period), m.const(1_000_000), zero)
        return zero, None  # diagnosis_subsidy: 金额 未定

    # 第十条 累计上限: 50% × 数字化转型投入, rounded down to the fen, over the enterprise items under each
    # reading, as the generated calculators fill it: each item in the policy's order keeps its
    # minimum while the limit lasts (room), then what is left (spare) goes to the items in order,
    # each up to its maximum (an amount 未定 takes all that is left).
    def cap_limit(a: Any, period: Any, parameters: Any) -> Array:
        return m.floor_fen(m.pct(a("kunming_transformation_investment", period), 50))

    add("kunming_cap_limit", Money, cap_limit)
    for reading in READINGS:
        for i, item in enumerate(KUNMING_ITEMS):
            room_before = f"kunming_{KUNMING_ITEMS[i - 1]}_room_{reading}" if i else "kunming_cap_limit"
            spare_before = (f"kunming_{KUNMING_ITEMS[i - 1]}_spare_{reading}" if i
                            else f"kunming_{KUNMING_ITEMS[-1]}_room_{reading}")

            def low(a: Any, period: Any, parameters: Any, item: str = item, r: str = reading,
                    room: str = room_before) -> Array:
                return np.minimum(before_cap(a, period, item, r)[0], a(room, period))

            def room(a: Any, period: Any, parameters: Any, item: str = item, r: str = reading,
                     room: str = room_before) -> Array:
                return a(room, period) - a(f"kunming_{item}_low_{r}", period)

            def high(a: Any, period: Any, parameters: Any, item: str = item, r: str = reading,
                     spare: str = spare_before) -> Array:
                kept, most = a(f"kunming_{item}_low_{r}", period), before_cap(a, period, item, r)[1]
                left = a(spare, period)
                if most is None:
                    return kept + np.where(a(f"kunming_{item}_applies", period), left, zero)
                return kept + np.minimum(most - kept, left)

            def spare(a: Any, period: Any, parameters: Any, item: str = item, r: str = reading,
                      spare: str = spare_before) -> Array:
                return a(spare, period) - (a(f"kunming_{item}_high_{r}", period) - a(f"kunming_{item}_low_{r}", period))

            add(f"kunming_{item}_low_{reading}", Money, low)
            add(f"kunming_{item}_room_{reading}", Money, room)
            add(f"kunming_{item}_high_{reading}", Money, high)
            add(f"kunming_{item}_spare_{reading}", Money, spare)

        def total_min_r(a: Any, period: Any, parameters: Any, r: str = reading) -> Array:
            return sum((a(f"kunming_{i}_low_{r}", period) for i in KUNMING_ITEMS[1:]),
                       a(f"kunming_{KUNMING_ITEMS[0]}_low_{r}", period))

        def total_max_r(a: Any, period: Any, parameters: Any, r: str = reading) -> Array:
            return sum((a(f"kunming_{i}_high_{r}", period) for i in KUNMING_ITEMS[1:]),
                       a(f"kunming_{KUNMING_ITEMS[0]}_high_{r}", period))

        # 第十七条 over reform_subsidy: 评测验收后 至多 70% (0 up to it, rounded down to the fen, never
        # above the item), then 余额 (up to the whole item)
        def pay_1_r(a: Any, period: Any, parameters: Any, r: str = reading) -> Array:
            base = a(f"kunming_reform_subsidy_high_{r}", period)
            return np.minimum(m.floor_fen(m.pct(base, 70)), base)

        def pay_2_r(a: Any, period: Any, parameters: Any, r: str = reading) -> Array:
            return a(f"kunming_reform_subsidy_high_{r}", period)

        add(f"kunming_total_min_{reading}", Money, total_min_r)
        add(f"kunming_total_max_{reading}", Money, total_max_r)
        add(f"kunming_pay_1_max_{reading}", Money, pay_1_r)
        add(f"kunming_pay_2_max_{reading}", Money, pay_2_r)

    # the span over the readings: the lowest minimum and the highest maximum
    def spanned(name: str, pick: Callable[..., Array]) -> Callable[..., Array]:
        def formula(a: Any, period: Any, parameters: Any) -> Array:
            return reduce(pick, [a(name.format(r=r), period) for r in READINGS])
        return formula

    for item in KUNMING_ITEMS:
        add(f"kunming_{item}_max", Money, spanned(f"kunming_{item}_high_{{r}}", np.maximum))
        add(f"kunming_{item}_min", Money, spanned(f"kunming_{item}_low_{{r}}", np.minimum))
    add("kunming_total_min", Money, spanned("kunming_total_min_{r}", np.minimum))
    add("kunming_total_max", Money, spanned("kunming_total_max_{r}", np.maximum))
    add("kunming_pay_1_max", Money, spanned("kunming_pay_1_max_{r}", np.maximum))
    add("kunming_pay_2_max", Money, spanned("kunming_pay_2_max_{r}", np.maximum))

    # an item whose amount is 未定 outside any cap (evaluation_subsidy): no highest total
    def total_undetermined(a: Any, period: Any, parameters: Any) -> Array:
        return a("kunming_evaluation_subsidy_applies", period)

    # every item's source is 未明确 (第六条、第十五条): the whole maximum is `unspecified`
    def funding_unspecified(a: Any, period: Any, parameters: Any) -> Array:
        return a("kunming_total_max", period)

    add("kunming_total_undetermined", bool, total_undetermined)
    add("kunming_funding_unspecified", Money, funding_unspecified)
    return _system(applicant, v, m, money_names)

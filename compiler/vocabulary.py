"""The shared vocabulary: fact names, types, labels, meanings, funding sources.

Published as the page reference/vocabulary.md of the documentation site (generated at build time
by docs/_hooks/vocabulary_page.py).

These names are the users' contract: one applicant profile runs against every policy.
"""

from __future__ import annotations

from .evaluate import runtime
from .evaluate.runtime import absent_value
from .model.nodes import FactType

APPLICANT_TYPES = (
    ("enterprise", "企业"),
    ("service_provider", "数字化服务商"),
    ("platform_operator", "平台运营方"),
    ("public_institution", "事业单位等公共机构"),
)
CITY_TYPES = (
    ("provincial_capital", "省会城市"),
    ("separately_planned", "计划单列市"),
    ("xpcc", "新疆生产建设兵团"),
    ("prefecture", "其他地级市"),
    ("municipality_district", "直辖市所辖区县"),
)
REGIONS = (("east", "东部地区"), ("central", "中部地区"), ("west", "西部地区"))

_B = FactType("bool")
_M = FactType("money")
_N = FactType("int", 0, None)

# name -> (type, Chinese label)
FACTS: dict[str, tuple[FactType, str]] = {
    "applicant_type": (FactType("enum", values=APPLICANT_TYPES), "申报主体类型"),
    "industry": (FactType("text"), "所属行业"),
    "registered_in_city": (_B, "在本市依法注册登记"),
    "independent_legal_person": (_B, "具有独立法人资格"),
    "operating_normally": (_B, "运营正常"),
    "good_tax_and_credit": (_B, "依法纳税，财务及信用记录良好"),
    "is_sme": (_B, "中小企业"),
    "in_pilot_scope": (_B, "纳入试点改造范围"),
    "acceptance_passed": (_B, "改造项目验收合格"),
    "serious_dishonesty_3y": (_B, "近三年存在严重失信行为"),
    "little_giant_central_funded": (_B, "已获得中央财政专项资金支持的专精特新“小巨人”企业"),
    "in_2022_pilot": (_B, "已纳入工信厅联企业〔2022〕22号改造试点"),
    "digital_level": (FactType("int", 0, 4), "改造后数字化水平等级"),
    "spend_software_cloud": (_M, "软件、云服务支出"),
    "spend_data_equipment": (_M, "网关、路由等数据采集传输设备支出"),
    "spend_consulting": (_M, "咨询诊断等服务支出"),
    "cloud_platform_adopted": (_B, "上云上平台"),
    "platform_benchmark": (_B, "工业互联网平台创新应用标杆"),
    "lighthouse": (_B, "数字化转型“小灯塔”企业"),
    "digital_workshop_title": (_B, "国家级数字化车间/智能工厂等称号"),
    "chain_transformation_award": (_B, "“链式”数字化转型典型应用/企业"),
    "chain_demo_enterprise": (_B, "智能化改造数字化转型试点示范企业"),
    "provincial_demo_title": (_B, "省级示范项目称号"),
    "typical_case_title": (_B, "省级及以上数字化转型典型案例"),
    "awarded_products": (_N, "获奖励的“小快轻准”产品和服务数量"),
    "excellent_provider": (_B, "优秀数字化服务商"),
    "accepted_enterprises_served": (_N, "服务且验收达标的企业数量"),
    "city_type": (FactType("enum", values=CITY_TYPES), "城市类型"),
    "region": (FactType("enum", values=REGIONS), "东/中/西部地区"),
}

# name -> what the fact means, where the label alone does not say it (Chinese: the vocabulary page
# of the documentation site is generated from this module for drafters).
MEANINGS: dict[str, str] = {
    "applicant_type": "谁在申报",
    "industry": "政策所列的试点细分行业名称；简繁体、全角半角和多余空格视为相同",
    "registered_in_city": "在政策所在城市注册登记（数字化服务商：在中国境内注册）",
    "is_sme": "按工信部联企业〔2011〕300号划型的中小企业",
    "in_pilot_scope": "列入本市试点改造名单",
    "acceptance_passed": "数字化改造项目通过验收",
    "serious_dishonesty_3y": "排除条件",
    "little_giant_central_funded": "排除条件",
    "in_2022_pilot": "排除条件",
    "digital_level": "按《中小企业数字化水平评测指标》评定的改造后等级（0 表示未评测）",
    "spend_software_cloud": "数字化改造中软件、云服务的支出（元）",
    "spend_data_equipment": "数据采集、传输设备的支出（元）",
    "spend_consulting": "咨询、诊断服务的支出（元）",
    "cloud_platform_adopted": "企业已上云、上工业互联网平台",
    "platform_benchmark": "被认定为工业互联网平台创新应用标杆",
    "lighthouse": "入选数字化转型“小灯塔”企业",
    "digital_workshop_title": "获国家级数字化车间、智能工厂等称号",
    "chain_transformation_award": "获评“链式”数字化转型典型应用或企业",
    "chain_demo_enterprise": "市级智能化改造数字化转型试点示范企业（链主）",
    "provincial_demo_title": "省级智能制造、上云、5G 工厂、两化融合等示范项目称号",
    "typical_case_title": "省级及以上数字化转型典型案例",
    "awarded_products": "数字化服务商获奖励的产品和服务数量",
    "excellent_provider": "数字化服务商被评为优秀",
    "accepted_enterprises_served": "诊断、咨询服务商服务且验收达标的企业数量",
    "city_type": "全国通知的申报城市的类型",
    "region": "申报城市所在的东、中、西部地区",
}

# the funding sources and their Chinese names are the runtime's (which cannot import this module)
FUNDING_SOURCES: dict[str, str] = dict(runtime.FUNDING_SOURCES)
UNSPECIFIED = runtime.UNSPECIFIED

BENEFICIARIES = dict(APPLICANT_TYPES)


def default_for(ftype: FactType) -> object:
    """The value an absent fact takes (defined once, in the calculation runtime)."""
    return absent_value(ftype.kind)


_TYPE_WORDS = {"bool": "布尔", "int": "整数", "money": "货币", "rate": "比例", "text": "文本", "enum": "枚举",
               "date": "日期"}


def type_text(ftype: FactType) -> str:
    """A fact type as drafters write and read it: 布尔, 整数 0..4, 枚举 enterprise（企业） | …"""
    word = _TYPE_WORDS.get(ftype.kind, ftype.kind)
    if ftype.kind == "int":
        if ftype.low is not None and ftype.high is not None:
            return f"{word} {ftype.low}..{ftype.high}"
        if ftype.low is not None:
            return f"{word} ≥ {ftype.low}"
    if ftype.kind == "enum":
        return f"{word} " + " | ".join(f"{v}（{label}）" for v, label in ftype.values)
    if ftype.kind == "money":
        return f"{word}（元，≥ 0）"
    if ftype.kind == "rate":
        lo = 0 if ftype.low is None else ftype.low
        hi = 1 if ftype.high is None else ftype.high
        return f"{word} {lo}..{hi}"
    return word


# Key terms: how the published texts name the concept a fact stands for. The concept-coverage
# check (PC340) flags a support item whose quote or article names a concept while neither the
# item nor an eligibility block reads its fact. Each entry is a list of regular expressions
# over the text in Simplified characters without white space (titles in 《》 removed); the
# lookaheads keep out the places where the words name a programme, a fund or an authority
# rather than a condition (「中小企业数字化转型」, 「中小企业发展专项资金」, 「中小企业主管部门」).
# ``CONCEPT_BENEFICIARIES`` limits a concept to the applicants it can describe.
_PROGRAMME = r"(?!数字化|发展|主管|服务局|局|服务主管|划型|促进|公共服务|的划分|“|\")"
CONCEPTS: dict[str, tuple[str, ...]] = {
    # not 「大中小企业」, nor the SMEs a measure serves (面向/带动/引导/鼓励…中小企业)
    "is_sme": (rf"(?<!大)(?<!支持)(?<!推动)(?<!促进)(?<!带动)(?<!面向)(?<!引导)(?<!鼓励)(?<!服务)"
               rf"中小企业{_PROGRAMME}",),
    # 「以及咨询诊断等服务支出」 lists what the money may pay for, not who may get it
    "spend_consulting": (r"诊断服务(?!支出)", r"咨询诊断(?!等服务支出)", r"诊断咨询(?!等服务支出)",
                         r"诊断、咨询服务"),
    "in_pilot_scope": (r"纳入(试点)?改造范围", r"被改造企业", r"试点企业(?!数字化)"),
    # 「先建后补」: paid after the project is built and accepted
    "acceptance_passed": (r"验收(合格|通过|达标|评定)", r"通过(评测)?验收", r"评测验收后", r"先建后补"),
    "industry": (r"试点(细分)?行业", r"[四五六七八九十]个(细分)?行业"),
    "lighthouse": (r"小灯塔",),
    "digital_workshop_title": (r"数字化车间", r"智能工厂"),
    "cloud_platform_adopted": (r"上云上平台",),
    "chain_transformation_award": (r"“链式”",),
    "typical_case_title": (r"典型案例",),
    "chain_demo_enterprise": (r"试点示范企业",),
    "excellent_provider": (r"优秀数字化服务商",),
    "little_giant_central_funded": (r"小巨人",),
    "serious_dishonesty_3y": (r"严重失信",),
    "independent_legal_person": (r"独立的?法人",),
    # registered *in this city* (「须在长春市依法注册登记」); 「依法登记注册」 alone names no place
    "registered_in_city": (r"在[^，。；、]{1,8}[市区县]内?依法(注册登记|登记注册)",),
    "operating_normally": (r"运营正常", r"经营正常", r"正常经营"),
    "good_tax_and_credit": (r"依法纳税", r"信用记录良好", r"良好的财务记录和信用记录"),
}
# Concepts that say who may apply. Only these are looked for beyond the item's quote: in the
# rest of the item's own text, and in its article's lead-in where that states the scope
# (「支持企业范围为…」). The others (spending, titles) count only in the quote.
SUBJECT_CONCEPTS = frozenset({"is_sme", "industry", "in_pilot_scope", "acceptance_passed",
                              "registered_in_city", "independent_legal_person"})
# Facts that also cover a concept: 咸宁's 「打造“链式”数字化转型标杆」 is read as chain_demo_enterprise.
CONCEPT_ALSO: dict[str, tuple[str, ...]] = {
    "chain_transformation_award": ("chain_demo_enterprise",),
}
CONCEPT_BENEFICIARIES: dict[str, tuple[str, ...]] = {
    "is_sme": ("enterprise",),
    "spend_consulting": ("enterprise",),
    "in_pilot_scope": ("enterprise",),
    "acceptance_passed": ("enterprise",),
    "lighthouse": ("enterprise",),
    "digital_workshop_title": ("enterprise",),
    "cloud_platform_adopted": ("enterprise",),
    "chain_transformation_award": ("enterprise",),
    "typical_case_title": ("enterprise",),
    "chain_demo_enterprise": ("enterprise",),
    "excellent_provider": ("service_provider",),
}

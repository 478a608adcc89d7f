"""`policyc calc`: the vocabulary's result structure, the acceptance case, bad profiles."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import main

KUNMING_L4 = {
    "applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True,
    "acceptance_passed": True, "digital_level": 4, "spend_software_cloud": 1200000,
    "lighthouse": True,
}


def calc(tmp_path: Path, profile: object, *args: str, raw: str | None = None) -> tuple[int, str]:
    f = tmp_path / "p.json"
    f.write_text(raw if raw is not None else json.dumps(profile), encoding="utf-8")
    res = CliRunner().invoke(main, ["calc", *args, "--input", str(f)])
    assert "Traceback" not in res.output
    return res.exit_code, res.output


def test_kunming_level4_lighthouse_gets_200000_to_600000_after_article_10(tmp_path: Path) -> None:
    # 第七条第（一）项 「补助标准不超过改造投入的 50%」 is a ceiling: 0..600,000, capped at
    # 500,000 for level ≥ 4. 第七条第（二）项: 小灯塔 200,000 (一次性, fixed). Sum 200,000..700,000.
    # 第十条: total ≤ 50% × investment (1,200,000) = 600,000. The cap keeps every minimum
    # (0 + 200,000), then hands the remaining 400,000 out in order: 改造补助 0..400,000.
    code, out = calc(tmp_path, KUNMING_L4, "kunming", "--on", "2025-08-01", "--format", "json")
    assert code == 0, out
    r = json.loads(out)
    assert r["total"] == {"min": "200000.00", "max": "600000.00"}
    items = {i["id"]: i for i in r["items"]}
    assert (items["reform_subsidy"]["min"], items["reform_subsidy"]["max"]) == ("0.00", "500000.00")
    assert items["lighthouse_award"]["min"] == items["lighthouse_award"]["max"] == "200000.00"
    assert any("第十条" in t and "实付 0.00 至 400000.00" in t
               for t in items["reform_subsidy"]["trace"])
    assert r["funding"] == {"unspecified": "600000.00"}
    # 第十七条: at most 70% of the 改造补助 after the cap (0..400,000) after acceptance.
    assert r["payments"][0] == {"article": "第十七条", "stage": "评测验收后",
                                "min": "0.00", "max": "280000.00"}


def test_result_has_exactly_the_vocabulary_structure(tmp_path: Path) -> None:
    code, out = calc(tmp_path, KUNMING_L4, "kunming", "--on", "2025-08-01", "--format", "json")
    assert code == 0
    r = json.loads(out)
    # the shared vocabulary's keys, then notes and cuts; 昆明 第七条第（三）、（四）项 are read two ways
    # (解读 encouraged_industry): readings
    assert list(r) == ["policy", "as_of", "in_force", "excluded", "exclusions", "items",
                       "total", "funding", "payments", "notes", "cuts", "readings"]
    assert [x["id"] for x in r["readings"]] == ["encouraged_industry"]
    assert list(r["readings"][0]) == ["id", "article", "quote", "adopted", "affects", "results"]
    assert r["readings"][0]["quote"] == "鼓励试点细分行业中小企业打造数字化车间、智能工厂。"
    # 第十条 on both items of the level-4 小灯塔 enterprise: the 200,000 award kept, the reform cut
    assert [(c["article"], c["item"]) for c in r["cuts"]] == [("第十条", "reform_subsidy"),
                                                             ("第十条", "lighthouse_award")]
    assert r["policy"] == "kunming" and r["as_of"] == "2025-08-01"
    for item in r["items"]:
        assert list(item) == ["id", "article", "title", "min", "max", "funding", "trace"]


def test_text_format_is_a_chinese_breakdown(tmp_path: Path) -> None:
    code, out = calc(tmp_path, KUNMING_L4, "kunming", "--on", "2025-08-01", "--format", "text")
    assert code == 0
    assert "应付总额（经全部上限后）：200000.00 至 600000.00 元" in out
    assert "第十条 累计上限 600000.00" in out


def test_xianning_reform_subsidy_paid_by_the_province(tmp_path: Path) -> None:
    # 咸宁 第六条第（一）项 「企业」 is read two ways (解读 sme_scope). Reading any_enterprise (adopted):
    # 60% × 300,000 = 180,000 > 15万 → 150,000, 由省级资金承担. Reading sme_only: this enterprise
    # does not say it is an SME → the item does not apply → 0. The result spans both: 0 to 150,000;
    # who pays is the reading that pays the most (省级 150,000).
    profile = {"applicant_type": "enterprise", "digital_level": 2, "acceptance_passed": True,
               "industry": "装备制造", "spend_software_cloud": "200000",
               "spend_data_equipment": "100000.00"}
    code, out = calc(tmp_path, profile, "xianning", "--on", "2025-08-01", "--format", "json")
    assert code == 0, out
    r = json.loads(out)
    assert r["total"] == {"min": "0.00", "max": "150000.00"}
    assert r["funding"] == {"province": "150000.00"}
    each = r["readings"][0]["results"]
    assert each["any_enterprise"]["total"] == {"min": "150000.00", "max": "150000.00"}
    assert each["any_enterprise"]["funding"] == {"province": "150000.00"}
    assert each["sme_only"]["total"] == {"min": "0.00", "max": "0.00"} and each["sme_only"]["items"] == {}
    # and for an SME both readings pay the same 150,000
    code, out = calc(tmp_path, {**profile, "is_sme": True}, "xianning", "--on", "2025-08-01", "--format", "json")
    assert json.loads(out)["total"] == {"min": "150000.00", "max": "150000.00"}


@pytest.mark.parametrize(
    ("profile", "raw", "field"),
    [
        ({"applicant_type": "enterprise", "spend_software_cloud": -1}, None, "spend_software_cloud"),
        ({"applicant_type": "enterprise", "spend_software_cloud": "abc"}, None, "spend_software_cloud"),
        ({"applicant_type": "enterprise", "spend_software_cloud": "1.005"}, None, "spend_software_cloud"),
        ({"applicant_type": "enterprise", "spend_software_cloud": True}, None, "spend_software_cloud"),
        ({"applicant_type": "enterprise", "spend_software_cloud": None}, None, "spend_software_cloud"),
        (None, '{"applicant_type": "enterprise", "spend_software_cloud": NaN}', ""),
        (None, '{"applicant_type": "enterprise", "spend_software_cloud": Infinity}', ""),
        (None, '{"applicant_type": "enterprise", "applicant_type": "enterprise"}', "applicant_type"),
        (None, "{not json", ""),
        ({"applicant_type": "enterprise", "digital_level": 5}, None, "digital_level"),
        ({"applicant_type": "enterprise", "digital_level": 2.5}, None, "digital_level"),
        ({"applicant_type": "enterprise", "digital_level": "3"}, None, "digital_level"),
        ({"applicant_type": "enterprise", "lighthouse": "yes"}, None, "lighthouse"),
        ({"applicant_type": "company"}, None, "applicant_type"),
        ({"applicant_type": "enterprise", "lighthous": True}, None, "lighthous"),
        ({"digital_level": 2}, None, "applicant_type"),
        ([1, 2, 3], None, ""),
    ],
)
def test_bad_profile_is_refused_with_the_field_named(
    tmp_path: Path, profile: object, raw: str | None, field: str
) -> None:
    code, out = calc(tmp_path, profile, "kunming", "--on", "2025-08-01", "--format", "json",
                     raw=raw)
    assert code == 2, out
    assert "申请人信息有误" in out
    assert '"total"' not in out
    if field:
        assert f"  {field}:" in out


def test_unknown_field_suggests_the_right_name(tmp_path: Path) -> None:
    code, out = calc(tmp_path, {"applicant_type": "enterprise", "lighthous": True}, "kunming",
                     "--on", "2025-08-01")
    assert code == 2 and "lighthouse" in out


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    code, out = calc(tmp_path, KUNMING_L4, "kunming", "--on", "2025-13-01")
    assert code == 2 and "on" in out


def test_unknown_policy_is_reported(tmp_path: Path) -> None:
    code, out = calc(tmp_path, KUNMING_L4, "shanghai", "--on", "2025-08-01")
    assert code == 1 and "找不到政策" in out


def test_money_is_exact_decimal_not_float(tmp_path: Path) -> None:
    # 昆明 第七条第（一）项 at level 2: 50% × (0.10 + 0.20) = 0.15 exactly (a float sum gives
    # 0.30000000000000004). Rounded down to the fen.
    profile = {"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True,
               "acceptance_passed": True, "digital_level": 2, "spend_software_cloud": "0.10",
               "spend_data_equipment": 0.2}
    code, out = calc(tmp_path, profile, "kunming", "--on", "2025-08-01", "--format", "json")
    assert code == 0
    r = json.loads(out)
    items = {i["id"]: i for i in r["items"]}
    assert items["reform_subsidy"]["max"] == "0.15"
    # 第十条: 50% × 0.30 = 0.15 — not cut; “不超过” makes the minimum 0.
    assert Decimal(r["total"]["max"]) == Decimal("0.15")
    assert Decimal(r["total"]["min"]) == Decimal("0")


def test_odd_fen_rounds_down(tmp_path: Path) -> None:
    # 50% × 0.01 = 0.005 → 0.00 (rounded down: never more than the article allows)
    profile = {"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True,
               "acceptance_passed": True, "digital_level": 3, "spend_software_cloud": "0.01"}
    code, out = calc(tmp_path, profile, "kunming", "--on", "2025-08-01", "--format", "json")
    assert code == 0
    items = {i["id"]: i for i in json.loads(out)["items"]}
    assert items["reform_subsidy"]["max"] == "0.00"


def test_kunming_result_spans_both_readings_of_the_pilot_industry_clause(tmp_path: Path) -> None:
    # 昆明 第七条第（三）、（四）项 both open with 「鼓励试点细分行业……」 (解读 encouraged_industry). An SME
    # in 汽车制造 (not one of 第六条's five pilot industries) with both titles and 800,000 of
    # diagnosis spend. Reading limited (adopted): neither item applies → 0. Reading any_industry:
    # 第（三）项 「给予企业不超过 100 万元的奖励」 0..1,000,000, 第（四）项 0..1,000,000; 第十条 caps the
    # total at 50% × 800,000 = 400,000, handed out in order: 第（三）项 keeps 0..400,000, 第（四）项 0.
    profile = {"applicant_type": "enterprise", "industry": "汽车制造", "is_sme": True,
               "digital_workshop_title": True, "chain_transformation_award": True, "spend_consulting": 800000}
    code, out = calc(tmp_path, profile, "kunming", "--on", "2025-08-01", "--format", "json")
    assert code == 0, out
    r = json.loads(out)
    assert r["total"] == {"min": "0.00", "max": "400000.00"}
    items = {i["id"]: (i["min"], i["max"]) for i in r["items"]}
    # each item spans the readings: 0 where it does not apply (limited), 0..1,000,000 (any_industry)
    assert items == {"workshop_award": ("0.00", "1000000.00"), "chain_award": ("0.00", "1000000.00")}
    # who pays: the reading that pays the most (any_industry): 400,000, split not stated (第六条)
    assert r["funding"] == {"unspecified": "400000.00"}
    after = {c["item"]: c["after"] for c in r["cuts"]}
    assert after == {"workshop_award": {"min": "0.00", "max": "400000.00"},
                     "chain_award": {"min": "0.00", "max": "0.00"}}
    (rd,) = r["readings"]
    assert rd["results"]["limited"]["total"] == {"min": "0.00", "max": "0.00"}
    assert rd["results"]["limited"]["items"] == {}
    assert rd["results"]["any_industry"]["total"] == {"min": "0.00", "max": "400000.00"}
    # the value outside the listed industries, as data (once, though the readings list it differently)
    assert r["notes"] == [{"kind": "unlisted", "fact": "industry", "value": "汽车制造",
                           "articles": "第七条第（三）项、第七条第（四）项",
                           "text": "所属行业“汽车制造”不在第七条第（三）项、第七条第（四）项列举的范围内；"
                                   "计算时按不符合处理"}]


def test_notes_of_an_excluded_applicant_are_data(tmp_path: Path) -> None:
    # 昆明 第九条第（二）项: 近三年存在严重失信行为 is excluded — the note names the article
    profile = {"applicant_type": "enterprise", "serious_dishonesty_3y": True}
    code, out = calc(tmp_path, profile, "kunming", "--on", "2025-08-01", "--format", "json")
    r = json.loads(out)
    assert r["excluded"] is True and r["exclusions"] == ["第九条第（二）项"]
    assert [(n["kind"], n["article"]) for n in r["notes"]] == [("excluded", "第九条第（二）项")]
    # 有效期 to 2026-12-31: on 2027-01-01 nothing is payable, and the note says why
    code, out = calc(tmp_path, {"applicant_type": "enterprise"}, "kunming", "--on", "2027-01-01", "--format", "json")
    assert code == 0 and [n["kind"] for n in json.loads(out)["notes"]] == ["after_end"]


CHANGCHUN_PROVIDER = {"applicant_type": "service_provider", "registered_in_city": True,
                      "independent_legal_person": True, "good_tax_and_credit": True,
                      "awarded_products": 12, "excellent_provider": True}


def test_each_reading_says_what_the_cross_item_cap_leaves_each_item(tmp_path: Path) -> None:
    # 长春 第七条第（三）项: 「每个“小快轻准”产品和服务不超过 5万元，每家服务商奖补累计不超过 50万元」:
    # 12 products → 不超过 600,000, 封顶 500,000 → 0..500,000. 第七条第（四）项: 不超过 200,000.
    # Whether 「每家服务商奖补累计不超过 50万元」 also binds 第（四）项 is 解读 provider_cap_scope.
    # Reading item_only (adopted): the 累计上限 is 500,000 + 200,000, nothing is cut, total 0..700,000.
    # Reading combined: both together ≤ 500,000: the minimums (0 + 0) are kept, the 500,000 left goes
    # in the order written — 第（三）项 keeps 0..500,000, 第（四）项 is left 0 — total 0..500,000.
    code, out = calc(tmp_path, CHANGCHUN_PROVIDER, "changchun", "--on", "2025-08-01", "--format", "json")
    assert code == 0, out
    r = json.loads(out)
    (rd,) = [x for x in r["readings"] if x["id"] == "provider_cap_scope"]
    item_only, combined = rd["results"]["item_only"], rd["results"]["combined"]
    # the items are before the caps under both readings (as the result's items); the cuts differ
    assert item_only["items"] == combined["items"] == {
        "product_award": {"min": "0.00", "max": "500000.00"},
        "excellent_provider_award": {"min": "0.00", "max": "200000.00"}}
    assert item_only["total"] == {"min": "0.00", "max": "700000.00"}
    assert all(c["after"] == c["before"] for c in item_only["cuts"])
    assert combined["total"] == {"min": "0.00", "max": "500000.00"}
    cut = {c["item"]: (c["limit"], c["before"], c["after"]) for c in combined["cuts"]}
    assert cut["excellent_provider_award"] == ({"min": "500000.00", "max": "500000.00"},
                                               {"min": "0.00", "max": "200000.00"},
                                               {"min": "0.00", "max": "0.00"})
    assert cut["product_award"][2] == {"min": "0.00", "max": "500000.00"}
    # the text says it beside the item, under the reading that cuts
    code, out = calc(tmp_path, CHANGCHUN_PROVIDER, "changchun", "--on", "2025-08-01")
    assert code == 0, out
    combined_text = out[out.index("读法 combined"):]
    assert "第七条第（四）项 优秀数字化服务商奖补：0.00 至 200000.00 元（第七条第（三）项 累计上限后实付 0.00 元）" \
        in combined_text
    assert "累计上限后实付" not in out[out.index("读法 item_only"):out.index("读法 combined")]


def test_a_reading_says_what_the_total_counts_for_an_item_without_an_amount(tmp_path: Path) -> None:
    # 昆明, a level-2 SME: 第七条第（一）项 不超过 50% × (200,000 + 100,000) → 0..150,000; 第七条第（五）项
    # (100,000 of consulting) has no amount in the text (未定); 第十条 caps the total at 50% ×
    # 400,000 = 200,000, and the 50,000 the reform subsidy leaves goes to 第（五）项. Under each
    # reading of 解读 encouraged_industry (which this applicant does not touch) the line of 第（五）项
    # says what the total counts for it, not 「实付」 of an amount the text does not state
    profile = {"applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True, "acceptance_passed": True,
               "digital_level": 2, "spend_software_cloud": 200000, "spend_data_equipment": 100000,
               "spend_consulting": 100000}
    code, out = calc(tmp_path, profile, "kunming", "--on", "2025-08-01")
    assert code == 0, out
    line = ("第七条第（五）项 试点企业诊断服务补助：金额未定（原文未规定）"
            "（合计按第十条累计上限的余额计本项 0.00 至 50000.00 元）")
    assert out.count(line) == 2  # limited and any_industry

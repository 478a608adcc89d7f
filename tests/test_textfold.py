"""Text facts compare regardless of script, width and stray spaces (issue 9 item 3).

The comparison is compiler.evaluate.runtime.text_key (stdlib only, shared by every backend);
its Traditional -> Simplified table is made at compile time from OpenCC (compiler.textfold).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import jsonschema
import pytest

from compiler.evaluate import runtime as rt
from compiler.evaluate.evaluator import Evaluator
from compiler.pipeline import Loaded
from compiler.textfold import fold_table, policy_fold
from conftest import ROOT

ON = dt.date(2025, 8, 1)
XIANNING_LIST = ["装备制造", "电子信息", "纺织服装", "新型建材", "生物医药"]


def test_text_key_folds_script_width_and_spaces() -> None:
    table = str.maketrans(fold_table(XIANNING_LIST))
    # 咸宁 第六条 spells the industries in Traditional characters: 「裝備制造、電子信息、紡織服裝…」
    assert rt.text_key("紡織服裝", table) == "纺织服装"
    assert rt.text_key("裝備製造", table) == "装备制造"
    assert rt.text_key(" 生物醫藥\u3000", table) == "生物医药"
    assert rt.text_key("新型 建材", table) == "新型建材"
    # full-width Latin letters and digits become half-width (NFKC)
    assert rt.text_key("５Ｇ工厂", table) == "5G工厂"
    # ASCII identifiers (enum values) are left alone
    assert rt.text_key("enterprise", table) == "enterprise"
    # a different industry stays different
    assert rt.text_key("食品加工", table) != rt.text_key("纺织服装", table)


def test_table_is_small_sorted_and_only_for_listed_characters() -> None:
    table = fold_table(XIANNING_LIST)
    assert list(table) == sorted(table)
    assert table["紡"] == "纺" and table["醫"] == "医" and table["製"] == "制"
    listed = set("".join(XIANNING_LIST))
    assert set(table.values()) <= listed
    assert len(table) < 40
    assert fold_table(XIANNING_LIST) == table  # deterministic


def test_every_seed_lists_only_simplified_keys(seeds: dict[str, Loaded]) -> None:
    for loaded in seeds.values():
        assert loaded.policy is not None
        fold = policy_fold(loaded.policy)
        assert all(len(t) == 1 and len(s) == 1 for t, s in fold.items())


@pytest.mark.parametrize(("industry", "amount"), [
    ("纺织服装", "120000.00"),   # as listed
    ("紡織服裝", "120000.00"),   # as the source text spells it
    ("紡織 服裝 ", "120000.00"),  # with stray spaces
    ("食品加工", None),           # not listed: 第六条 ends in 等, the authority decides
])
def test_xianning_industry_in_either_script(seeds: dict[str, Loaded], industry: str,
                                            amount: str | None) -> None:
    # 咸宁 第六条第（一）项: 60% × 200000 = 120000 < 15万 → 120000 for a listed industry.
    policy = seeds["xianning"].policy
    assert policy is not None
    r = Evaluator(policy).calculate(
        {"applicant_type": "enterprise", "industry": industry, "acceptance_passed": True,
         "digital_level": 2, "spend_software_cloud": 200000}, ON)
    item = r.item("reform_subsidy")
    if amount is None:
        assert item is None and r.total_max == Decimal(0)
        assert any("食品加工" in note and "主管部门认定" in note for note in r.notes)
    else:
        assert item is not None and item.max == Decimal(amount)
        assert not any("不在" in note for note in r.notes)


def test_changchun_accepts_both_spellings_of_its_fourth_industry(seeds: dict[str, Loaded]) -> None:
    # 第四条 「中成药生物药品制品制造」, 第七条 「中成药生物药品制造」: the same industry; 第七条第（二）项
    # 上云上平台 1-3万 → 10000..30000 for either spelling, in either script.
    policy = seeds["changchun"].policy
    assert policy is not None
    ev = Evaluator(policy)
    base = {"applicant_type": "enterprise", "is_sme": True, "registered_in_city": True,
            "independent_legal_person": True, "good_tax_and_credit": True,
            "cloud_platform_adopted": True}
    for spelling in ("中成药生物药品制品制造", "中成药生物药品制造", "中成藥生物藥品製造"):
        r = ev.calculate({**base, "industry": spelling}, ON)
        assert (r.excluded, r.total_min, r.total_max) == (False, Decimal("10000.00"),
                                                          Decimal("30000.00")), spelling
    r = ev.calculate({**base, "industry": "化学药品制造"}, ON)
    assert r.exclusions == ("第四条",)
    assert any("化学药品制造" in note and "不符合" in note for note in r.notes)


def test_input_schema_offers_the_listed_values_and_accepts_any_text() -> None:
    schema = json.loads((ROOT / "generated" / "jsonschema" / "xianning.input.schema.json")
                        .read_text(encoding="utf-8"))
    choices = schema["properties"]["industry"]["anyOf"]
    assert [c["const"] for c in choices if "const" in c] == XIANNING_LIST
    assert "主管部门认定" in choices[-1]["title"]
    v = jsonschema.Draft202012Validator(schema)
    for industry in ("纺织服装", "紡織服裝", "食品加工"):  # the calculators accept all three
        assert v.is_valid({"applicant_type": "enterprise", "industry": industry})
    assert not v.is_valid({"applicant_type": "enterprise", "industry": 3})


def test_generated_calculator_has_the_table_and_no_opencc() -> None:
    src = (ROOT / "generated" / "python" / "xianning.py").read_text(encoding="utf-8")
    assert "'紡': '纺'" in src
    assert "opencc" not in src.lower().replace("derived from opencc", "")



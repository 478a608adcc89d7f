"""The vocabulary page of the docs site (docs/_hooks/vocabulary_page.py), generated from compiler/vocabulary.py."""

from __future__ import annotations

import sys

from compiler.vocabulary import FACTS, FUNDING_SOURCES
from conftest import ROOT

HOOKS = str(ROOT / "docs" / "_hooks")
if HOOKS not in sys.path:
    sys.path.append(HOOKS)

import vocabulary_page as vp  # noqa: E402


def _row(page: str, name: str) -> str:
    return next(line for line in page.splitlines() if line.startswith(f"| `{name}` |"))


def test_every_fact_and_funding_source_has_a_row() -> None:
    page = vp.build_page()
    for name in [*FACTS, *FUNDING_SOURCES]:
        assert _row(page, name)
    assert page == vp.build_page()  # deterministic


def test_readers_are_the_articles_whose_rules_read_the_fact() -> None:
    page = vp.build_page()
    # kunming.txt 第七条第（二）项 rewards 数字化转型“小灯塔”企业; no other seed has that award.
    assert _row(page, "lighthouse") == (
        "| `lighthouse` | 布尔 | 数字化转型“小灯塔”企业 | 入选数字化转型“小灯塔”企业 | `kunming`（第七条第（二）项） |")
    # digital_level: integer 0..4; kunming 第七条第（一）项 tiers on levels 2/3/4, national 四、（二）
    # requires level 二级 after transformation, xianning 第六条第（一）项 likewise.
    row = _row(page, "digital_level")
    assert "| 整数 0..4 |" in row
    assert "`kunming`（第七条第（一）项）" in row and "`national`（四、（二））" in row
    assert "`xianning`（第六条第（一）项）" in row and "changchun" not in row
    # the national notice's applicant is a city: city_type is read by 四、（一） (the funding tiers)
    assert "`national`（四、（一））" in _row(page, "city_type")


def test_own_facts_listed_per_policy() -> None:
    page = vp.build_page()
    assert "### `kunming`" in page
    assert "| `pilot_ended_unaccepted` | 布尔 | 试点实施期结束时项目未验收或验收不合格 | 第九条第（三）项 |" in page

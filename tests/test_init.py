"""`policyc init SOURCE.txt`: a skeleton policy from each seed source that parses and whose quotes verify."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.check.quotes import normalise
from compiler.cli import main
from compiler.pipeline import load
from conftest import ROOT

SOURCES = sorted((ROOT / "policies").glob("*.txt"))
_QUOTE = re.compile(r"「([^「」]*)」")


def _init(tmp_path: Path, name: str) -> tuple[Path, str]:
    src = tmp_path / name
    shutil.copy(ROOT / "policies" / name, src)
    r = CliRunner().invoke(main, ["init", str(src)])
    assert r.exit_code == 0, r.output
    out = src.with_suffix(".policy")
    return out, out.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_skeleton_parses_and_every_quote_verifies(tmp_path: Path, source: Path) -> None:
    path, text = _init(tmp_path, source.name)
    loaded = load(path)
    assert loaded.policy is not None and loaded.errors == [], [str(d) for d in loaded.errors]
    src = normalise(source.read_text(encoding="utf-8"))
    # the article blocks are comments: take their quotes out of the comments and check them too
    uncommented = re.sub(r"^# ?", "", text, flags=re.M)
    quotes = _QUOTE.findall(uncommented)
    assert len(quotes) >= 6
    for q in quotes:
        assert normalise(q) in src, q[:40]
    # one block per article, in the text's order, each with its 条款
    labels = re.findall(r"^#   条款 (\S+)$", text, re.M)
    assert len(labels) == len(re.findall(r"^#   原文 「", text, re.M)) == len(quotes) - text.count("    依据 ")
    assert labels == sorted(set(labels), key=labels.index)  # no label twice


def test_kunming_header_and_articles(tmp_path: Path) -> None:
    """kunming.txt: 文号 line 1, 落款 「昆明市工业和信息化局 / 昆明市财政局 / 2024 年 4 月 12 日」,
    title 《昆明市中小企业数字化转型专项资金管理办法》, 第二十六条 「有效期自 2024 年 5 月 12 日到
    2026 年 12 月 31 日」; the 办法 has 第一条 … 第二十七条 in seven chapters."""
    path, text = _init(tmp_path, "kunming.txt")
    loaded = load(path)
    assert loaded.policy is not None
    h = loaded.policy.header
    assert h.id == "kunming" and h.title == "昆明市中小企业数字化转型专项资金管理办法"
    assert h.docno == "昆工信规〔2024〕1号"
    assert h.issuers == ("昆明市工业和信息化局", "昆明市财政局")
    assert h.issued is not None and h.issued.isoformat() == "2024-04-12"
    assert h.level == "city" and h.source == "kunming.txt"  # 层级 市级
    assert h.validity is not None and h.validity.citation is not None
    assert h.validity.start.date is not None and h.validity.start.date.isoformat() == "2024-05-12"
    assert h.validity.end.date is not None and h.validity.end.date.isoformat() == "2026-12-31"
    assert h.validity.citation.article == "第二十六条"
    labels = re.findall(r"^#   条款 (\S+)$", text, re.M)
    assert labels[0] == "第一条" and labels[-1] == "第二十七条" and len(labels) == 27
    assert text.count("# ----") == 7  # one heading per chapter
    assert "#   原文 「为规范昆明市中小企业数字化转型专项资金（以下简称“资金”）使用管理" in text


def test_what_the_text_does_not_say_is_left_out(tmp_path: Path) -> None:
    """changchun.txt states no 文号, issuer or date, and its period runs 「自印发之日起」「至…试点期结束」
    (第二十一条): both ends are events. national.txt states no end of validity."""
    _path, text = _init(tmp_path, "changchun.txt")
    assert "# 文号：原文未载明。" in text and "# 发布机关：原文未载明。" in text
    assert '有效期 自 事件 "印发之日" 至 事件 "长春市中小企业数字化转型城市试点期结束"' in text
    _path, text = _init(tmp_path, "national.txt")
    assert "层级 国家级" in text and '发布机关 "财政部", "工业和信息化部"' in text
    assert "# 有效期：原文中没有找到" in text
    assert re.findall(r"^#   条款 (\S+)$", text, re.M) == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_refuses_to_overwrite_and_reports_bad_input(tmp_path: Path) -> None:
    path, _text = _init(tmp_path, "kunming.txt")
    path.write_text("# mine\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["init", str(tmp_path / "kunming.txt")])
    assert r.exit_code == 2 and path.read_text(encoding="utf-8") == "# mine\n"
    r = CliRunner().invoke(main, ["init", str(ROOT / "tests" / "malformed" / "kunming_gbk.txt"), "--out", "-"])
    assert r.exit_code == 2 and "UTF-8" in r.output


def test_a_day_that_does_not_exist_is_left_to_the_drafter() -> None:
    """「有效期至2025年2月30日」: February has no 30th, so the skeleton states no 有效期 (and
    asks for it) rather than guessing a date or failing."""
    from compiler.source.skeleton import skeleton

    for period in ("本办法自2024年1月1日起施行，有效期至2025年2月30日。",
                   "本办法有效期自2024年2月30日至2025年12月31日。"):
        text = skeleton(f"某市某办法\n第一条 为了规范资金管理。\n第二条 {period}\n", "a.txt", "a")
        assert "有效期 自" not in text and "# 有效期：原文中没有找到" in text
    text = skeleton("某市某办法\n第一条 为了规范资金管理。\n第二条 本办法有效期自2024年2月29日至"
                    "2025年12月31日。\n", "a.txt", "a")
    assert "有效期 自 2024-02-29 至 2025-12-31" in text  # 2024 is a leap year

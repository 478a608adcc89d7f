"""The structure reader (compiler/source/structure.py) on the five published source texts.

Every expectation below was read off the source text by hand (line numbers are those of the
files in /work/shared/sources/, identical to policies/*.txt).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from compiler.source.structure import Part, SourceStructure, chinese, numeral, parse_label, read_structure
from conftest import POLICIES, SEEDS

SHARED = Path("/work/shared/sources")


def _read(name: str) -> tuple[str, SourceStructure]:
    text = (POLICIES / f"{name}.txt").read_text(encoding="utf-8")
    return text, read_structure(text)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _part(s: SourceStructure, label: str) -> Part:
    p = s.find(label)
    assert p is not None, label
    return p


def _is(text: str, p: Part, kind: str, line: int, begins: str, ends: str) -> None:
    body = _flat(text[p.start:p.end])
    assert p.kind == kind
    assert p.line == line
    assert body.startswith(_flat(begins)), body[:40]
    assert body.endswith(_flat(ends)), body[-40:]
    assert not text[p.start].isspace() and not text[p.end - 1].isspace()


def test_numerals_and_labels() -> None:
    assert [numeral(t) for t in ("七", "十", "十五", "二十一", "一百零二", "12", "１２")] == \
        [7, 10, 15, 21, 102, 12, 12]
    assert [chinese(n) for n in (7, 10, 15, 21, 102)] == ["七", "十", "十五", "二十一", "一百零二"]
    # the ways of writing one label read as one key
    same = ["第七条第（一）项", "第七条（一）", "第7条第(1)项", "第七條第（一）項", "第七条 第（一）项"]
    assert len({parse_label(x) for x in same}) == 1
    assert parse_label("四、（一）") == ("num", ("、", 4), None, 1, None)
    assert parse_label("一、（二）1.") == ("num", ("、", 1), None, 2, 1)
    assert parse_label("第七条第（五）项第1目") == ("num", ("条", 7), None, 5, 1)
    assert parse_label("第十三条第二款") == ("num", ("条", 13), 2, None, None)
    assert parse_label("落款") == ("name", "落款")
    assert parse_label("第七") is None and parse_label("总则") is None


def test_kunming_front_matter_and_articles() -> None:
    text, s = _read("kunming")
    labels = s.labels()
    assert labels[:5] == ["文号", "导语", "落款", "标题", "第一章"]
    # lines 1, 3-9, 11-17 (two issuers, the date, 「（此件公开发布）」), 19
    _is(text, _part(s, "文号"), "doc_number", 1, "昆工信规〔2024〕1 号", "1 号")
    _is(text, _part(s, "导语"), "preamble", 3, "市级有关部门，", "请遵照执行。")
    _is(text, _part(s, "落款"), "signature", 11, "昆明市工业和信息化局", "（此件公开发布）")
    _is(text, _part(s, "标题"), "title", 19, "昆明市中小企业数字化转型专项资金管理办法", "管理办法")
    # seven chapters, 27 articles in sequence
    assert [p.label for p in s.parts if p.kind == "chapter"] == [f"第{chinese(i)}章" for i in range(1, 8)]
    assert [p.label for p in s.walk() if p.kind == "article"] == \
        [f"第{chinese(i)}条" for i in range(1, 28)]
    # 第七条: seven items; (五) has two subitems (lines 169, 173), (六) four
    seven = _part(s, "第七条")
    assert [c.label for c in seven.children] == [f"第七条第（{chinese(i)}）项" for i in range(1, 8)]
    _is(text, _part(s, "第七条第（一）项"), "item", 121, "（一）中小企业数字化转型企业改造补助",
        "补助以验收评定结果为准。")
    _is(text, _part(s, "第七条第（五）项"), "item", 167, "（五）中小企业数字化转型公共服务补助",
        "给予每户企业适当补助。")
    _is(text, _part(s, "第七条第（五）项第2目"), "subitem", 173, "2.支持试点企业选择", "当补助。")
    assert _part(s, "第七条第（六）项第4目").line == 197
    # 第十条 ends at the chapter heading on line 235
    _is(text, _part(s, "第十条"), "article", 229, "第十条 企业获得专项资金支持总额度", "投入的50%。")
    # 第六条 has two paragraphs (lines 111 and 113); 第十三条 too, then five items
    _is(text, _part(s, "第六条第二款"), "paragraph", 113, "专项资金重点支持在昆明市域", "经营主体。")
    assert [c.label for c in _part(s, "第十三条").children][:3] == \
        ["第十三条第一款", "第十三条第二款", "第十三条第（一）项"]
    # 第二十七条 starts with a date, and is the last part: nothing follows the body
    _is(text, _part(s, "第二十七条"), "article", 417, "第二十七条 2023 年 6 月 12 日以来",
        "确定政策延续执行期限。")
    assert s.find("第二十八条") is None and s.find("第七条第（八）项") is None
    assert s.find("第七条第二款") is None  # 第七条 is one sentence and its items


def test_national_sections_attachments_and_signature() -> None:
    text, s = _read("national")
    top = [(p.kind, p.label) for p in s.parts]
    assert top == [("title", "标题"), ("doc_number", "文号"), ("preamble", "导语"),
                   *[("article", f"{chinese(i)}、") for i in range(1, 7)],
                   ("attachment", "附件"), ("signature", "落款")]
    _is(text, _part(s, "标题"), "title", 35, "财政部 工业和信息化部关于开展", "城市试点工作的通知")
    _is(text, _part(s, "文号"), "doc_number", 39, "财建〔2023〕117号", "117号")
    _is(text, _part(s, "导语"), "preamble", 41, "各省、自治区、直辖市", "现将有关事项通知如下：")
    _is(text, _part(s, "四、（一）"), "item", 89, "（一）资金分配。", "奖补资金分期拨付。")
    _is(text, _part(s, "四、（二）"), "item", 95, "（二）资金使用。", "不再重复支持。")
    _is(text, _part(s, "一、（二）4."), "subitem", 57, "4. 加强统筹，城市负责。", "向中小企业汇聚。")
    _is(text, _part(s, "五、第二款"), "paragraph", 107, "省级中小企业主管部门", "拨付奖补资金。")
    _is(text, _part(s, "附件"), "attachment", 127, "附件：", "试点重点行业领域.wps")
    _is(text, _part(s, "落款"), "signature", 132, "财政部", "2023年6月12日")
    # the page furniture before the title and after the date is in no part
    furniture = text.index("[中国政府网]")
    assert s.enclosing(furniture, furniture + 5) == []
    assert s.find("七、") is None and s.find("二、（四）") is None


def test_enclosing_is_outermost_first() -> None:
    text, s = _read("national")
    at = text.index("不超过1.5亿元")
    assert [p.label for p in s.enclosing(at, at + 8)] == ["四、", "四、（一）"]
    text, s = _read("kunming")
    at = text.index("诊断服务")
    assert [p.label for p in s.enclosing(at, at + 4)] == \
        ["第三章", "第七条", "第七条第（五）项", "第七条第（五）项第2目"]
    # a span across two items is enclosed by the article only
    a, b = text.index("（一）中小企业数字化转型企业改造补助"), text.index("（二）数字化转型“小灯塔”")
    assert [p.label for p in s.enclosing(a, b + 3)] == ["第三章", "第七条"]


def test_changchun_has_no_front_matter_but_its_title() -> None:
    text, s = _read("changchun")
    assert [p.kind for p in s.parts][:2] == ["title", "chapter"]
    assert s.find("文号") is None and s.find("落款") is None and s.find("导语") is None
    _is(text, _part(s, "标题"), "title", 1, "长春市中小企业数字化转型", "使用管理办法（暂行）")
    assert len([p for p in s.walk() if p.kind == "article"]) == 21
    # （四） starts after a leading space on line 152; （一） of 第十条 restarts the count
    _is(text, _part(s, "第七条第（四）项"), "item", 152, "（四）优秀数字化服务商", "不超过 20万元。")
    _is(text, _part(s, "第七条第（六）项"), "item", 166, "（六）政府采购服务。", "服务等。")
    _is(text, _part(s, "第十条第（三）项"), "item", 197, "（三）试点实施期结束", "不合格的单位。")
    _is(text, _part(s, "第二十一条"), "article", 310, "第二十一条 本办法自印发之日起实施",
        "城市试点期结束。")


def test_nanchang_covering_notice_and_attached_rules() -> None:
    text, s = _read("nanchang")
    assert [p.label for p in s.parts][:5] == ["通知标题", "导语", "附件", "落款", "标题"]
    _is(text, _part(s, "通知标题"), "title", 2, "关于印发《南昌市中小企业", "管理办法》的通知")
    _is(text, _part(s, "导语"), "preamble", 7, "各县（区）政府", "请遵照执行。")
    _is(text, _part(s, "附件"), "attachment", 21, "附件：《南昌市", "项资金管理办法》")
    _is(text, _part(s, "落款"), "signature", 25, "南昌市中小企业服务局 南昌市财政局", "2024 年 3 月 27 日")
    _is(text, _part(s, "标题"), "title", 33, "南昌市中小企业数字化转型城市试点工作", "专项资金管理办法")
    # half-width (一) on line 79, then full-width （二）: one sequence; five subitems under (一)
    _is(text, _part(s, "第四条第（一）项"), "item", 79, "(一)市中小企业局牵头", "的验收和评审工作。")
    assert [c.label for c in _part(s, "第四条第（一）项").children] == \
        [f"第四条第（一）项第{i}目" for i in range(1, 6)]
    _is(text, _part(s, "第七条第（五）项"), "item", 233, "（五）企业不重复享受", "奖补资金。")
    assert s.find("第五条第（十）项") is not None and s.find("第五条第（十一）项") is None


def test_xianning_traditional_script() -> None:
    text, s = _read("xianning")
    assert [p.label for p in s.parts][:4] == ["导语", "附件", "落款", "标题"]
    _is(text, _part(s, "落款"), "signature", 4, "咸寧市財政局 咸寧市經濟和信息化局", "2025年5月20日")
    _is(text, _part(s, "标题"), "title", 6, "咸寧市中小企業數字化轉型專項資金管理辦法", "管理辦法")
    # 第六條 with half-width (一)…(八), labelled in Simplified with full-width brackets
    assert [c.label for c in _part(s, "第六条").children] == \
        [f"第六条第（{chinese(i)}）项" for i in range(1, 9)]
    _is(text, _part(s, "第六條第(三)項"), "item", 20, "(三)支持企業申報省級示范項目",
        "獎勵資金由市、縣(市、區)配套資金承擔。")
    assert [p.label for p in s.walk() if p.kind == "article"][-1] == "第二十条"


@pytest.mark.parametrize("name", SEEDS)
def test_every_seed_label_is_found_and_the_shared_copy_reads_the_same(name: str) -> None:
    text, s = _read(name)
    for p in s.walk():
        assert s.find(p.label) == p, p.label
        assert 0 <= p.start < p.end <= len(text)
        for c in p.children:
            assert p.start <= c.start < c.end <= p.end
    # siblings do not overlap and come in document order
    for level in [s.parts, *[p.children for p in s.walk()]]:
        for a, b in itertools.pairwise(level):
            assert a.end <= b.start
    shared = SHARED / f"{name}.txt"
    if shared.is_file():
        assert read_structure(shared.read_text(encoding="utf-8")) == s


def test_text_without_structure_and_odd_input() -> None:
    assert read_structure("").parts == ()
    s = read_structure("第三条 不是从第一条开始\n第五条 也不成序列\n")
    assert [p.kind for p in s.walk()] == []
    # a heading that breaks the sequence is text (第十条 quoted at a line start)
    s = read_structure("第一条 甲。\n第十条 乙。\n第二条 丙。\n")
    assert s.labels() == ["第一条", "第一条第一款", "第一条第二款", "第二条"]
    assert _flat(_part(s, "第一条").text("第一条 甲。\n第十条 乙。\n第二条 丙。\n")) == "第一条甲。第十条乙。"


def test_copies_of_a_seed_source_text_are_the_seed_s() -> None:
    # a policy reads its 来源 from its own folder only, so test folders hold copies of the seeds'
    # source texts (policies/*.txt); a correction of the law made in policies/ must reach them
    tests = POLICIES.parent / "tests"
    copies = {p: POLICIES / p.name for p in tests.rglob("*.txt") if (POLICIES / p.name).is_file()}
    assert len(copies) >= 8  # kunming.txt in four folders, every seed's in tests/fixtures/unfixed
    stale = [str(p.relative_to(tests)) for p, seed in copies.items() if p.read_bytes() != seed.read_bytes()]
    assert stale == []

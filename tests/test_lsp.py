"""The language server, driven as an editor drives it: `policyc lsp` in a subprocess, JSON-RPC over stdio.

The client is pygls's protocol client; every request below is a real LSP message to the server
process. The document is the seed policy kunming.policy (with its source text kunming.txt and its
parent national.policy beside it, in a temporary directory).
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from compiler.lsp.analysis import Document, completions, fixes, grammar_keywords
from compiler.pipeline import load_text
from conftest import ROOT

POLICYC = str(Path(sys.executable).parent / "policyc")
TIMEOUT = 60.0


def _pos(text: str, needle: str, offset: int = 0) -> t.Position:
    """The position of ``needle``'s character ``offset`` (the seed texts are all in the BMP)."""
    i = text.index(needle) + offset
    line = text.count("\n", 0, i)
    return t.Position(line=line, character=i - (text.rfind("\n", 0, i) + 1))


async def _session(folder: Path) -> None:
    path = folder / "kunming.policy"
    uri = from_fs_path(str(path))
    assert uri is not None
    text = path.read_text(encoding="utf-8")
    client = LanguageClient("policyc-test", "1")
    published: asyncio.Queue[t.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _diagnostics(params: t.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    async def diagnostics_for(version: int, want: str | None = None) -> list[t.Diagnostic]:
        """The diagnostics published for ``version`` (waiting for the one that has code ``want``)."""
        while True:
            p = await asyncio.wait_for(published.get(), TIMEOUT)
            if p.version == version and (want is None or any(d.code == want for d in p.diagnostics)):
                return list(p.diagnostics)

    await client.start_io(POLICYC, "lsp", cwd=str(folder))
    try:
        await client.initialize_async(t.InitializeParams(
            capabilities=t.ClientCapabilities(), root_uri=from_fs_path(str(folder))))
        client.initialized(t.InitializedParams())
        client.text_document_did_open(t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(uri=uri, language_id="policy", version=1, text=text)))
        # kunming's reviewed finding: 第十五条 names four payers without a split (PC502, README)
        first = await diagnostics_for(1, want="PC502")
        assert not [d for d in first if d.severity == t.DiagnosticSeverity.Error]

        doc_id = t.TextDocumentIdentifier(uri=uri)
        # hover on a fact: Chinese label, type, the articles whose rules read it
        h = await client.text_document_hover_async(t.HoverParams(
            text_document=doc_id, position=_pos(text, "digital_level >= 2", 3)))
        assert h is not None and isinstance(h.contents, t.MarkupContent)
        assert "改造后数字化水平等级" in h.contents.value
        assert "整数 0..4" in h.contents.value
        assert "读取它的条款：第七条第（一）项" in h.contents.value  # kunming tiers only in 第七条第（一）项
        # hover on a definition
        h = await client.text_document_hover_async(t.HoverParams(
            text_document=doc_id, position=_pos(text, "定义 reform_spend", 4)))
        assert h is not None and isinstance(h.contents, t.MarkupContent)
        assert "改造投入" in h.contents.value and "spend_software_cloud + spend_data_equipment" in h.contents.value
        # hover on a quote: the source text around it, with its line in kunming.txt
        h = await client.text_document_hover_async(t.HoverParams(
            text_document=doc_id, position=_pos(text, "「申报单位近三年内存在严重失信行为。」", 3)))
        assert h is not None and isinstance(h.contents, t.MarkupContent)
        # the smallest numbered part of kunming.txt holding the quote, found by the structure reader
        assert h.contents.value.startswith("**第九条第（二）项**（kunming.txt 第 ")
        assert "> （二）申报单位近三年内存在严重失信行为。" in h.contents.value

        # completion inside a block, after `条件 `: fields are not expected there, facts are
        after = "  条件 in_pilot_scope 且 "
        pos = _pos(text, after, len(after))
        c = await client.text_document_completion_async(t.CompletionParams(text_document=doc_id, position=pos))
        assert isinstance(c, t.CompletionList)
        labels = {i.label: i for i in c.items}
        assert "lighthouse" in labels and labels["lighthouse"].detail == "数字化转型“小灯塔”企业（布尔）"
        assert "pilot_ended_unaccepted" in labels  # the policy's own fact
        assert "非" in labels and "金额" not in labels

        # go to definition: a definition's use jumps to its 定义 line
        use = text.index("50% × reform_spend") + len("50% × ")
        locs = await client.text_document_definition_async(t.DefinitionParams(
            text_document=doc_id, position=_pos(text, "50% × reform_spend", len("50% × "))))
        assert isinstance(locs, list) and locs
        assert locs[0].range.start.line == text[:text.index("定义 reform_spend")].count("\n")
        assert use > 0

        # type a full-width ＝ (an IME habit): PC004 with a quick fix back to =
        bad = text.replace('  标题 "昆明市', '  标题 ＝ "昆明市', 1)
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=bad)]))
        diags = await diagnostics_for(2, want="PC004")
        pc004 = next(d for d in diags if d.code == "PC004")
        assert pc004.range.start == _pos(bad, "＝")
        actions = await client.text_document_code_action_async(t.CodeActionParams(
            text_document=doc_id, range=pc004.range, context=t.CodeActionContext(diagnostics=[pc004])))
        assert actions
        action = actions[0]
        assert isinstance(action, t.CodeAction) and action.edit and action.edit.changes
        (edit,) = action.edit.changes[uri]
        assert edit.new_text == "=" and edit.range == t.Range(start=pc004.range.start, end=t.Position(
            line=pc004.range.start.line, character=pc004.range.start.character + 1))
        fixed = bad.replace("＝", "=", 1)
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=fixed)]))
        # `标题 = "…"` is still wrong (标题 takes no =): the fix removes PC004, the parser moves on
        after_fix = await diagnostics_for(3)
        assert not any(d.code == "PC004" for d in after_fix)

        # format the buffer (policyc fmt): the field back on its own line, indented two spaces
        messy = text.replace("  层级 市级\n", "      层级    市级\n", 1)
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=4),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=messy)]))
        edits = await client.text_document_formatting_async(t.DocumentFormattingParams(
            text_document=doc_id, options=t.FormattingOptions(tab_size=2, insert_spaces=True)))
        assert edits is not None and len(edits) == 1 and edits[0].new_text == text

        await client.shutdown_async(None)
        client.exit(None)
    finally:
        process = getattr(client, "_server", None)
        if process is not None and process.returncode is None:  # a failed assertion: no shutdown sent
            process.kill()
        await asyncio.wait_for(client.stop(), TIMEOUT)


def test_language_server_over_stdio(tmp_path: Path) -> None:
    for name in ("kunming.policy", "kunming.txt", "national.policy", "national.txt"):
        shutil.copy(ROOT / "policies" / name, tmp_path / name)
    asyncio.run(_session(tmp_path))


# ------------------------------------------------------------------ the analysis behind it


def test_keywords_come_from_the_grammar() -> None:
    words = grammar_keywords()
    assert set(words["SECTION_KW"]) == {"资格", "排除", "补助", "累计上限", "拨付", "名额", "预算", "程序"}
    assert words["_KW_UPTO"] == ("不超过",) and set(words["LEVEL"]) == {"国家级", "省级", "市级", "县级"}


def test_quick_fixes_for_typos_and_upto_scope(tmp_path: Path) -> None:
    shutil.copy(ROOT / "policies" / "kunming.txt", tmp_path / "kunming.txt")
    head = '政策 demo {\n  标题 "示例"\n  层级 市级\n  来源 "kunming.txt"\n}\n事实 { spend_software_cloud }\n'
    item = ('补助 a {\n  条款 第七条第（一）项\n  标题 "改造补助"\n  原文 「补助标准不超过改造投入的 50%」\n'
            '  金额 不超过 50% × spend_software_cloud\n  资金 city 100%\n}\n')
    cases = [
        # 50% × spend is the whole bound (第七条第（一）项 「补助标准不超过改造投入的 50%」)
        (head + item, "PC202", "不超过 (50% × spend_software_cloud)"),
        (head + item.replace("补助 a", "补足 a"), "PC002", "补助"),
        (head.replace("层级 市级", "层级 地市级") + item, "PC002", "市级"),
        # connectives of ordinary writing: 和 shares no character with 且, 或者 is lexed 或 + 者
        (head + item.replace("  金额", "  条件 spend_software_cloud > 0元 和 spend_software_cloud < 9元\n  金额"),
         "PC002", "0元 且 spend"),
        (head + item.replace("  金额", "  条件 spend_software_cloud > 0元 或者 spend_software_cloud < 9元\n  金额"),
         "PC002", "0元 或 spend"),
    ]
    for text, code, replacement in cases:
        loaded = load_text(tmp_path / "demo.policy", text, semantic=False)
        d = next(d for d in loaded.diagnostics if d.code == code)
        (fix,) = fixes(text, d)
        lines = text.split("\n")
        s = fix.edit.span
        assert s.line == s.end_line
        line = lines[s.line - 1]
        lines[s.line - 1] = line[: s.column - 1] + fix.edit.new_text + line[s.end_column - 1:]
        fixed = "\n".join(lines)
        assert replacement in fixed
        after = load_text(tmp_path / "demo.policy", fixed, semantic=False)
        assert not any(x.code == code for x in after.diagnostics), (code, after.diagnostics)


def test_completion_offers_payers_after_zijin_and_articles_from_policy(tmp_path: Path) -> None:
    shutil.copy(ROOT / "policies" / "kunming.txt", tmp_path / "kunming.txt")
    text = (ROOT / "policies" / "kunming.policy").read_text(encoding="utf-8")
    doc = Document(tmp_path / "kunming.policy", text)
    doc.update(text)
    i = text.index("资金 未明确 [") + len("资金 未明确 [")
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    got = {c.label: c.kind for c in completions(doc, line, col)}
    assert got.get("central") == "funding" and "digital_level" not in got


def test_completion_of_article_labels_and_their_text(tmp_path: Path) -> None:
    """After 条款 the labels of kunming.txt; after 原文 the text of the article the block names
    (第七条第（一）项 begins 「开展中小企业数字化改造工作，对纳入试点改造范围企业…」)."""
    shutil.copy(ROOT / "policies" / "kunming.txt", tmp_path / "kunming.txt")
    text = (ROOT / "policies" / "kunming.policy").read_text(encoding="utf-8")
    doc = Document(tmp_path / "kunming.policy", text)
    doc.update(text)

    def at(i: int) -> tuple[int, int]:
        return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1

    labels = [c.label for c in completions(doc, *at(text.index("条款 第七条第（一）项") + 3)) if c.kind == "article"]
    assert "第七条第（一）项" in labels and "第二十七条" in labels
    assert labels.index("第七条") < labels.index("第七条第（一）项") < labels.index("第七条第（二）项")
    after_quote = at(text.index("原文 「开展中小企业数字化改造工作") + 3)
    (quote,) = [c for c in completions(doc, *after_quote) if c.kind == "quote"]
    assert quote.insert_text is not None
    assert quote.insert_text.startswith("「中小企业数字化转型企业改造补助开展中小企业数字化改造工作，对纳入试点")
    assert quote.insert_text.endswith("具体补助以验收评定结果为准。」")


def test_hover_reads_the_source_only_as_the_quote_check_does(tmp_path: Path) -> None:
    """The editor's hover reads 来源 through compiler/files.py: a source outside the policy's
    folder, or a named pipe, is not shown (and the pipe is not waited on)."""
    import os
    import threading

    from compiler.lsp.analysis import hover

    (tmp_path / "secret.txt").write_text("API_TOKEN=s3cr3t\n", encoding="utf-8")
    folder = tmp_path / "p"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    text = (ROOT / "policies" / "kunming.policy").read_text(encoding="utf-8")
    quote = text.index("原文 「开展中小企业数字化改造工作") + 4
    line, col = text.count("\n", 0, quote) + 1, quote - (text.rfind("\n", 0, quote) + 1) + 1
    for source in ("../secret.txt", "pipe.txt"):
        doc = Document(folder / "kunming.policy", text.replace('来源 "kunming.txt"', f'来源 "{source}"'))
        doc.update(doc.text)
        got: list[str | None] = []
        th = threading.Thread(target=lambda d=doc, out=got: out.append(hover(d, line, col)), daemon=True)
        th.start()
        th.join(30)
        assert got and got[0] is not None and "找不到原文来源" in got[0], (source, got)


def test_go_to_definition_does_not_wait_on_a_pipe(tmp_path: Path) -> None:
    """Go to definition on 来源 reads the target only to place the cursor: a named pipe there
    (or a device) gives an empty text instead of a server that hangs."""
    import os
    import threading

    from compiler.lsp.server import _read

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("\ufeff第一条", encoding="utf-8")
    got: list[str] = []
    th = threading.Thread(target=lambda: got.append(_read(tmp_path / "pipe.txt")), daemon=True)
    th.start()
    th.join(30)
    assert got == [""]
    assert _read(tmp_path / "ok.txt") == "第一条" and _read(Path("/dev/zero")) == ""

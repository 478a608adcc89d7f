"""The policy language server (``policyc lsp``, JSON-RPC over stdio), built on pygls.

* Diagnostics as you type: 0.3 s after the last change the buffer is parsed, resolved,
  type-checked and its quotes verified against the source text; 1.5 s after the last change (and
  on save) the consistency and solver checks run as well, in a worker thread, and replace them.
  A newer change cancels what is pending, and results for an older version are dropped.
* Hover, completion, go-to-definition and quick fixes come from compiler/lsp/analysis.py;
  formatting is ``policyc fmt`` (compiler/syntax/fmt.py).
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..diagnostics import Diagnostic, Severity, Span
from ..files import MAX_SOURCE_BYTES, FileRefused, read_regular
from ..syntax.fmt import FormatError, format_text
from .analysis import Document, completions, definition, fixes, hover

FAST_DELAY = 0.3
SOLVER_DELAY = 1.5

_SEVERITY = {
    Severity.ERROR: t.DiagnosticSeverity.Error,
    Severity.WARNING: t.DiagnosticSeverity.Warning,
    Severity.INFO: t.DiagnosticSeverity.Information,
}
_KINDS = {
    "keyword": t.CompletionItemKind.Keyword,
    "fact": t.CompletionItemKind.Field,
    "definition": t.CompletionItemKind.Variable,
    "item": t.CompletionItemKind.Reference,
    "funding": t.CompletionItemKind.EnumMember,
    "beneficiary": t.CompletionItemKind.EnumMember,
    "article": t.CompletionItemKind.Reference,
    "quote": t.CompletionItemKind.Text,
    "parameter": t.CompletionItemKind.Constant,  # 参数
}


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def to_position(text: str, line: int, column: int) -> t.Position:
    """A compiler position (1-based, characters) as a protocol position (0-based, UTF-16)."""
    lines = text.split("\n")
    if line > len(lines):
        return t.Position(line=max(line - 1, 0), character=0)
    prefix = lines[line - 1][: max(column - 1, 0)]
    return t.Position(line=line - 1, character=_utf16_len(prefix))


def from_position(text: str, pos: t.Position) -> tuple[int, int]:
    """A protocol position as a compiler (line, column)."""
    lines = text.split("\n")
    if pos.line >= len(lines):
        return len(lines), len(lines[-1]) + 1
    units = 0
    for i, ch in enumerate(lines[pos.line]):
        if units >= pos.character:
            return pos.line + 1, i + 1
        units += _utf16_len(ch)
    return pos.line + 1, len(lines[pos.line]) + 1


def to_range(text: str, span: Span) -> t.Range:
    end_line, end_col = span.end_line, span.end_column
    if (end_line, end_col) <= (span.line, span.column):
        end_line, end_col = span.line, span.column + 1
    return t.Range(start=to_position(text, span.line, span.column), end=to_position(text, end_line, end_col))


def to_lsp_diagnostic(text: str, d: Diagnostic) -> t.Diagnostic:
    message = d.message + (f"\n提示：{d.hint}" if d.hint else "")
    return t.Diagnostic(range=to_range(text, d.span), message=message, severity=_SEVERITY[d.severity],
                        code=d.code, source="policyc", data={"hint": d.hint, "message": d.message})


class PolicyServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("policyc", __version__)
        self.docs: dict[str, Document] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.versions: dict[str, int] = {}
        self.last: dict[str, list[Diagnostic]] = {}

    def document(self, uri: str) -> Document:
        doc = self.docs.get(uri)
        text = self.workspace.get_text_document(uri).source
        if doc is None:
            doc = Document(Path(to_fs_path(uri) or uri), text)
            doc.update(text)
            self.docs[uri] = doc
        elif doc.text != text:
            doc.update(text)
        return doc

    def schedule(self, uri: str, version: int, *, fast_delay: float = FAST_DELAY,
                 solver_delay: float = SOLVER_DELAY) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.versions[uri] = version
        self.pending[uri] = asyncio.ensure_future(self._check(uri, version, fast_delay, solver_delay))

    async def _check(self, uri: str, version: int, fast_delay: float, solver_delay: float) -> None:
        await asyncio.sleep(fast_delay)
        doc = self.document(uri)
        text = doc.text
        self._publish(uri, version, text, doc.check(solver=False).diagnostics)
        await asyncio.sleep(solver_delay)
        loaded = await asyncio.to_thread(Document(doc.path, text).check, True)
        if self.versions.get(uri) == version:
            if loaded.policy is not None:
                doc.policy = loaded.policy
            self._publish(uri, version, text, loaded.diagnostics)

    def _publish(self, uri: str, version: int, text: str, diags: list[Diagnostic]) -> None:
        if self.versions.get(uri) != version:
            return
        mine = [d for d in diags if Path(d.span.file) == self.docs[uri].path or not d.span.file]
        self.last[uri] = mine
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[to_lsp_diagnostic(text, d) for d in mine]))


server = PolicyServer()


@server.feature(t.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: PolicyServer, params: t.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, params.text_document.version, fast_delay=0)


@server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: PolicyServer, params: t.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, params.text_document.version)


@server.feature(t.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: PolicyServer, params: t.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.schedule(uri, ls.versions.get(uri, 0), fast_delay=0, solver_delay=0)


@server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: PolicyServer, params: t.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.docs.pop(uri, None)
    ls.versions.pop(uri, None)
    ls.last.pop(uri, None)
    ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(t.TEXT_DOCUMENT_HOVER)
def on_hover(ls: PolicyServer, params: t.HoverParams) -> t.Hover | None:
    doc = ls.document(params.text_document.uri)
    line, col = from_position(doc.text, params.position)
    md = hover(doc, line, col)
    if md is None:
        return None
    return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=md))


@server.feature(t.TEXT_DOCUMENT_COMPLETION,
                t.CompletionOptions(trigger_characters=[" ", "[", ",", "\u3000"]))
def on_completion(ls: PolicyServer, params: t.CompletionParams) -> t.CompletionList:
    doc = ls.document(params.text_document.uri)
    line, col = from_position(doc.text, params.position)
    items = [
        t.CompletionItem(label=c.label, kind=_KINDS.get(c.kind, t.CompletionItemKind.Text),
                         detail=c.detail or None, insert_text=c.insert_text,
                         sort_text=f"{0 if c.kind != 'keyword' else 1}{c.label}")
        for c in completions(doc, line, col)
    ]
    return t.CompletionList(is_incomplete=False, items=items)


@server.feature(t.TEXT_DOCUMENT_DEFINITION)
def on_definition(ls: PolicyServer, params: t.DefinitionParams) -> list[t.Location]:
    doc = ls.document(params.text_document.uri)
    line, col = from_position(doc.text, params.position)
    out = []
    for loc in definition(doc, line, col):
        target = doc.text if loc.path == doc.path else _read(loc.path)
        out.append(t.Location(uri=from_fs_path(str(loc.path)) or str(loc.path),
                              range=to_range(target, loc.span)))
    return out


def _read(path: Path) -> str:
    """The text of a definition's target (to convert its span), never blocking on a pipe."""
    try:
        return read_regular(path, MAX_SOURCE_BYTES).decode("utf-8-sig")
    except (FileRefused, UnicodeDecodeError):
        return ""


@server.feature(t.TEXT_DOCUMENT_CODE_ACTION,
                t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix]))
def on_code_action(ls: PolicyServer, params: t.CodeActionParams) -> list[t.CodeAction]:
    uri = params.text_document.uri
    doc = ls.document(uri)
    actions = []
    for d in ls.last.get(uri, []):
        lsp_diag = to_lsp_diagnostic(doc.text, d)
        r = lsp_diag.range
        if (r.end.line, r.end.character) < (params.range.start.line, params.range.start.character) or \
                (r.start.line, r.start.character) > (params.range.end.line, params.range.end.character):
            continue
        for fix in fixes(doc.text, d):
            edit = t.TextEdit(range=to_range(doc.text, fix.edit.span), new_text=fix.edit.new_text)
            actions.append(t.CodeAction(
                title=fix.title, kind=t.CodeActionKind.QuickFix, diagnostics=[lsp_diag],
                is_preferred=True, edit=t.WorkspaceEdit(changes={uri: [edit]})))
    return actions


@server.feature(t.TEXT_DOCUMENT_FORMATTING)
def on_formatting(ls: PolicyServer, params: t.DocumentFormattingParams) -> list[t.TextEdit] | None:
    """`policyc fmt` on the buffer: one edit replacing the whole text (none when it does not parse)."""
    doc = ls.document(params.text_document.uri)
    try:
        out, _ = format_text(doc.text, str(doc.path))
    except FormatError:
        return None
    if out is None or out == doc.text:
        return []
    lines = doc.text.split("\n")
    end = to_position(doc.text, len(lines), len(lines[-1]) + 1)
    return [t.TextEdit(range=t.Range(start=t.Position(line=0, character=0), end=end), new_text=out)]


def main() -> None:
    with contextlib.suppress(KeyboardInterrupt):
        server.start_io()

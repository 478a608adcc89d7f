"""Diagnostics: what the compiler tells a drafter. Chinese message first, stable English code.

Code ranges (stable; documented in docs/reference/diagnostics.md):

* ``PC0xx`` reading and syntax
* ``PC1xx`` structure and names (blocks, fields, identifiers, references)
* ``PC2xx`` types, units and domains
* ``PC3xx`` fidelity to the source text (quotes)
* ``PC9xx`` in-policy test cases
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def zh(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True, order=True)
class Span:
    """A region of a policy file. Lines and columns are 1-based, counted in characters."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    span: Span
    message: str
    hint: str = ""
    article: str = ""
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str, int, int, str, str]:
        """A total order: position, code, then the rest, so output never depends on hashing."""
        return (self.span.file, self.span.line, self.span.column, self.code,
                self.span.end_line, self.span.end_column, self.message, self.hint)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.span.file,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "article": self.article,
            "message": self.message,
            "hint": self.hint,
        }
        data.update(self.extra)
        return data


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: East-Asian wide and full-width characters count two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def render(diag: Diagnostic, source: str | None) -> str:
    """Render one diagnostic like a compiler: location, message, the line, a caret under it."""
    head = f"{diag.span}: {diag.severity.zh}[{diag.code}]"
    if diag.article:
        head += f" {diag.article}"
    lines = [f"{head}: {diag.message}"]
    if source is not None:
        src_lines = source.split("\n")  # the parser counts lines by \n only
        if 1 <= diag.span.line <= len(src_lines):
            raw = src_lines[diag.span.line - 1].removesuffix("\r").replace("\t", " ")
            # control characters (a form feed from a PDF, U+2028) print as one space each
            text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\r]", " ", raw)
            prefix = text[: max(diag.span.column - 1, 0)]
            if diag.span.end_line == diag.span.line and diag.span.end_column > diag.span.column:
                marked = text[diag.span.column - 1 : diag.span.end_column - 1]
                length = max(display_width(marked), 1)
            else:
                length = 1
            gutter = f"{diag.span.line:>5} | "
            lines.append(gutter + text)
            lines.append(" " * (len(gutter) + display_width(prefix)) + "^" * min(length, 60))
    if diag.hint:
        lines.append(f"  提示: {diag.hint}")
    witness = diag.extra.get("witness")
    if isinstance(witness, dict):
        import json

        lines.append("  反例: " + json.dumps(witness, ensure_ascii=False, sort_keys=True))
    return "\n".join(lines)

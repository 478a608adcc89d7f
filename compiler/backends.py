"""The backend plugin API. The compiler knows this protocol, never a backend's format.

A backend is an object with a ``name``, a one-line ``description`` and
``render(model) -> {relative path: text}``; ``render`` does no I/O. Backends — the built-in
ones in ``plugins/`` and third-party ones alike — are discovered through the entry-point
group ``policyc.backends``::

    [project.entry-points."policyc.backends"]
    mine = "my_package.my_module:backend"

``policyc build`` writes each backend's files under ``<out>/<backend name>/``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from .diagnostics import Diagnostic
from .model import nodes as n

GROUP = "policyc.backends"


@dataclass(frozen=True)
class CheckedPolicy:
    """A policy that passed the checks (no errors), with what the checker still reports."""

    policy: n.Policy
    source_file: str  # e.g. "policies/kunming.policy" (POSIX, relative)
    findings: tuple[Diagnostic, ...]  # warnings and notes
    suppressed: tuple[tuple[Diagnostic, n.Suppression], ...]


@dataclass(frozen=True)
class CheckedModel:
    """Everything a backend receives: the checked policies, in a fixed order."""

    policies: tuple[CheckedPolicy, ...]

    def get(self, policy_id: str) -> CheckedPolicy | None:
        return next((p for p in self.policies if p.policy.id == policy_id), None)


@runtime_checkable
class Backend(Protocol):
    name: str
    description: str

    def render(self, model: CheckedModel) -> Mapping[str, str]: ...


class BackendError(Exception):
    """A backend could not be loaded or failed; the message says which and why (Chinese)."""


def discover() -> dict[str, Backend]:
    """Every backend registered under the ``policyc.backends`` entry-point group, by name."""
    from importlib.metadata import entry_points  # not on the calculation path

    found: dict[str, Backend] = {}
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
        except Exception as err:  # a broken third-party plugin must not crash policyc
            raise BackendError(f"无法加载后端“{ep.name}”（{ep.value}）：{err}") from err
        if isinstance(obj, type):
            obj = obj()
        if not isinstance(obj, Backend):
            raise BackendError(f"“{ep.name}”（{ep.value}）不是后端：须有 name、description 和 render(model)")
        found[ep.name] = obj
    return found


def inert_path(path: str) -> str:
    """``path`` safe inside any comment syntax (``#``, ``//``, ``/* */``, ``--``, ``<!-- -->``).

    Letters (any script), digits, ``_ . / -`` are kept; anything else becomes ``_``, and
    ``--`` becomes ``-_``, so a file named ``a--><img src=x>.policy`` cannot end a comment.
    """
    text = re.sub(r"[^\w./-]", "_", path)
    while "--" in text:
        text = text.replace("--", "-_")
    return text


def header_line(source_file: str) -> str:
    """The sentence every generated file starts with (in the file format's comment syntax)."""
    return (f"generated from {inert_path(source_file)} by policyc — do not edit; "
            "regenerate with `policyc build`")

"""Locate the grammar and the seed policies, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_DATA = _PACKAGE / "_data"
_CHECKOUT = _PACKAGE.parent


def grammar_path() -> Path:
    """The Lark grammar: shipped inside the wheel, or grammar/ in a checkout."""
    installed = _DATA / "grammar" / "policy.lark"
    if installed.is_file():
        return installed
    return _CHECKOUT / "grammar" / "policy.lark"


def policy_dirs() -> list[Path]:
    """Where policy ids are looked up: ./policies first, then the shipped seed policies."""
    dirs = [Path.cwd() / "policies", _DATA / "policies", _CHECKOUT / "policies"]
    seen: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [s.resolve() for s in seen]:
            seen.append(d)
    return seen


SEED_POLICIES = ("national", "nanchang", "changchun", "kunming", "xianning")

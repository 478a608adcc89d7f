"""Shared cases for the differential tests of the calculator backends against the reference evaluator.

Per seed policy: 10,000 boundary-heavy random profiles (``test_python_backend.boundary_profiles``)
of which about one in eight is broken on purpose (a wrong type, a negative or three-decimal
amount, an out-of-range level, an unknown or misspelt field, a missing required field), each
as the JSON text a client would send. The reference outcome of each is computed once per test
session: ``{"ok": to_dict()}`` or ``{"errors": [[field, message], ...]}``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from functools import cache
from pathlib import Path
from typing import Any

from compiler.backends import CheckedModel, CheckedPolicy
from compiler.evaluate.evaluator import Evaluator
from compiler.evaluate.runtime import ProfileError
from compiler.model import nodes as n
from compiler.pipeline import checked_model
from conftest import POLICIES, load_once

N_PROFILES = 10_000

# JSON values that a field of each kind must refuse (or, for floats, accept exactly).
BROKEN: dict[str, list[Any]] = {
    "money": [-1, "1.005", True, None, "abc", "-5", [1], {}, 1.005, 1.5, 0.1, "12,000", -0.5, 1e60],
    "int": [-1, 9, 2.5, "2", True, None, 1e300, 40, 10**10],
    "bool": [1, 0, "true", None, [], "是"],
    "enum": ["company", 5, None, True, ""],
    "text": [5, True, None, [], {"a": 1}],
    "rate": ["1.5", 9, -9, "0.333", "0.123456789", True, None, "x", 1e60, 0.1, "-0", "5.000000001"],
    "date": ["2025-02-29", "2025/06/30", "1899-12-31", "2200-01-01", 20250630, True, None, "", "2025-6-30",
             "2024-02-29"],
}


def _misspell(name: str, rnd: random.Random) -> str:
    i = rnd.randrange(len(name))
    return rnd.choice([name[:i] + name[i + 1:], name + "s", name.replace("_", "", 1), "x_" + name[:6]])


def _break(p: n.Policy, prof: dict[str, Any], rnd: random.Random) -> dict[str, Any]:
    out = dict(prof)
    choice = rnd.random()
    if choice < 0.6:
        f = rnd.choice(p.facts)
        out[f.name] = rnd.choice(BROKEN[f.type.kind])
    elif choice < 0.85:
        out[_misspell(rnd.choice(p.facts).name, rnd)] = 1
    elif choice < 0.95:
        out["no_such_fact_" + str(rnd.randint(0, 9))] = True
    else:
        out.pop("applicant_type", None)
    return out


EXAMPLES = POLICIES.parent / "tests" / "examples"


@cache
def policy(name: str) -> n.Policy:
    """A seed policy, or else an example policy of tests/examples (the language's constructs)."""
    path = POLICIES / f"{name}.policy"
    loaded = load_once(path if path.exists() else EXAMPLES / f"{name}.policy")
    assert loaded.policy is not None
    return loaded.policy


@cache
def cases(name: str, count: int = N_PROFILES) -> tuple[tuple[str, str], ...]:
    """(profile as JSON text, on) pairs; the same for every backend."""
    from test_python_backend import boundary_profiles

    p = policy(name)
    rnd = random.Random(7 + len(name))
    out = []
    for prof, on in boundary_profiles(p, count, seed=20231117 + len(name)):
        if rnd.random() < 0.125:
            prof = _break(p, prof, rnd)
        out.append((json.dumps(prof, ensure_ascii=False), on.isoformat()))
    return tuple(out)


def outcome(result: Any) -> dict[str, Any]:
    return {"ok": result.to_dict()}


@cache
def _reference(name: str, count: int = N_PROFILES) -> tuple[tuple[dict[str, Any], list[str]], ...]:
    ev = Evaluator(policy(name))
    out: list[tuple[dict[str, Any], list[str]]] = []
    for text, on in cases(name, count):
        try:
            result = ev.calculate(json.loads(text), dt.date.fromisoformat(on))
            out.append((outcome(result), list(result.notes)))
        except ProfileError as err:
            out.append(({"errors": [list(e) for e in err.errors]}, []))
    return tuple(out)


def reference(name: str, count: int = N_PROFILES) -> tuple[dict[str, Any], ...]:
    """The reference evaluator's outcome for each case of :func:`cases`."""
    return tuple(r for r, _ in _reference(name, count))


def reference_notes(name: str, count: int = N_PROFILES) -> tuple[list[str], ...]:
    """The reference evaluator's notes (validity, exclusions, unlisted text) for each case."""
    return tuple(notes for _, notes in _reference(name, count))


def assert_python_agrees(mod: Any, name: str, count: int = N_PROFILES) -> tuple[dict[str, Any], ...]:
    """A generated Python calculator gives the reference outcome (result or errors) and notes for
    every case of :func:`cases`; returns the reference outcomes."""
    batch, want, notes = cases(name, count), reference(name, count), reference_notes(name, count)
    assert len(batch) == count
    for (text, on), expected, expected_notes in zip(batch, want, notes, strict=True):
        try:
            result = mod.calculate(json.loads(text), on)
            got: dict[str, Any] = {"ok": result.to_dict()}
            assert list(result.notes) == expected_notes, (text, on)
        except ValueError as err:
            got = {"errors": [list(e) for e in err.errors]}  # type: ignore[attr-defined]
        assert got == expected, (text, on)
    return want


def checked_example(name: str) -> CheckedPolicy:
    """tests/examples/<name>.policy as ``policyc build`` hands it to the backends."""
    return checked_model([load_once(EXAMPLES / f"{name}.policy")]).policies[0]


def render_calculators(out: Path, names: tuple[str, ...]) -> Path:
    """The Python and JavaScript calculators of the examples ``names``, written under ``out``
    (``out/python/<name>.py``, ``out/javascript/<name>.js``)."""
    from plugins.javascript import backend as js
    from plugins.python import backend as py

    model = CheckedModel(tuple(checked_example(name) for name in names))
    for sub, backend in (("python", py), ("javascript", js)):
        for rel, text in backend.render(model).items():
            path = out / sub / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return out

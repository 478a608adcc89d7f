"""The checks run with the cycle collector's young generation collected less often
(pipeline.fewer_collections), and the process's own thresholds come back afterwards."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

import compiler.check
from compiler import pipeline

ROOT = Path(__file__).resolve().parent.parent


def test_the_checks_run_with_the_higher_threshold_and_it_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int, int]] = []
    real = compiler.check.semantic_checks

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(compiler.check, "semantic_checks", spy)  # load_text imports it per call
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        loaded = pipeline.load(ROOT / "policies" / "national.policy", dt.date(2025, 6, 1))
        assert loaded.ok
        assert seen == [(pipeline.GC_THRESHOLD, 10, 10)]
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(50_000, 10, 10)  # a higher threshold the process set is kept
        with pipeline.fewer_collections():
            assert gc.get_threshold() == (50_000, 10, 10)
        assert gc.get_threshold() == (50_000, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_overlapping_loads_restore_the_threshold_once_the_last_ends() -> None:
    # two loads that overlap (threads of `policyc serve`): A enters, B enters, A leaves, B leaves.
    # Each saving and restoring its own "before" left B's (the raised one) in place for good.
    import threading

    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, tuple[int, int, int]] = {}

    def a() -> None:
        with pipeline.fewer_collections():
            a_in.set()
            b_in.wait(5)
        a_out.set()

    def b() -> None:
        a_in.wait(5)
        with pipeline.fewer_collections():
            b_in.set()
            a_out.wait(5)
            seen["b after a left"] = gc.get_threshold()

    try:
        threads = [threading.Thread(target=a), threading.Thread(target=b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert seen["b after a left"] == (pipeline.GC_THRESHOLD, 10, 10)  # still raised for B
        assert gc.get_threshold() == (700, 10, 10)  # and restored when both are done
    finally:
        gc.set_threshold(*before)

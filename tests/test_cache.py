"""The parser and checked-model caches (compiler/cache.py): a hit gives exactly what a fresh
check gives; an edit of the policy, its source text or its parent, another date, a corrupted or
truncated entry all lead to a fresh check, never to a stale or broken result.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler import cache
from compiler.cli import main
from compiler.pipeline import Loaded, load_named

ROOT = Path(__file__).resolve().parent.parent
ON = dt.date(2025, 8, 1)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("POLICYC_CACHE_DIR", str(d))
    monkeypatch.delenv("POLICYC_NO_CACHE", raising=False)
    return d


@pytest.fixture
def policies(tmp_path: Path) -> Path:
    d = tmp_path / "policies"
    d.mkdir()
    for f in ("kunming.policy", "kunming.txt", "national.policy", "national.txt"):
        shutil.copy(ROOT / "policies" / f, d / f)
    return d


def as_json(loaded: Loaded) -> list[dict[str, object]]:
    return [d.to_dict() for d in loaded.diagnostics]


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "models").glob("*.pickle"))


def test_a_hit_equals_a_fresh_check(cache_dir: Path, policies: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(policies / "kunming.policy")
    first = load_named(path, ON)
    assert len(entries(cache_dir)) == 1
    hit = load_named(path, ON)
    monkeypatch.setenv("POLICYC_NO_CACHE", "1")
    fresh = load_named(path, ON)
    assert as_json(hit) == as_json(first) == as_json(fresh)
    assert hit.policy == fresh.policy and hit.suppressed == fresh.suppressed
    assert hit.text == fresh.text and hit.display == fresh.display
    assert len(entries(cache_dir)) == 1  # POLICYC_NO_CACHE neither reads nor writes


def _codes(loaded: Loaded) -> set[str]:
    return {d.code for d in loaded.diagnostics}


def test_editing_the_source_text_invalidates(cache_dir: Path, policies: Path) -> None:
    path = str(policies / "kunming.policy")
    assert "PC301" not in _codes(load_named(path, ON))
    src = policies / "kunming.txt"
    # 第十条's quote (the cumulative cap) no longer occurs in the source text
    src.write_text(src.read_text(encoding="utf-8").replace("累计不超过", "累计不高于"), encoding="utf-8")
    assert "PC301" in _codes(load_named(path, ON))


def test_editing_the_parent_invalidates(cache_dir: Path, policies: Path) -> None:
    path = str(policies / "kunming.policy")
    before = load_named(path, ON)
    assert "PC123" not in _codes(before)
    (policies / "national.policy").unlink()  # 上级 national is gone: PC123
    assert "PC123" in _codes(load_named(path, ON))


def test_editing_the_policy_and_changing_the_date_invalidate(cache_dir: Path, policies: Path) -> None:
    path = policies / "kunming.policy"
    assert "PC601" not in _codes(load_named(str(path), ON))
    # 昆明 is in force until 2026-12-31 (第二十七条): a check as of 2027 reports it expired
    assert "PC601" in _codes(load_named(str(path), dt.date(2027, 1, 1)))
    path.write_text(path.read_text(encoding="utf-8") + "\n事实 {\n", encoding="utf-8")
    assert "PC003" in _codes(load_named(str(path), ON))


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_entry_is_ignored_and_rebuilt(cache_dir: Path, policies: Path, damage: str) -> None:
    path = str(policies / "kunming.policy")
    good = as_json(load_named(path, ON))
    [entry] = entries(cache_dir)
    raw = entry.read_bytes()
    entry.write_bytes({"truncate": raw[: len(raw) // 2],
                       "flip": raw[:-10] + bytes([raw[-10] ^ 0xFF]) + raw[-9:],
                       "garbage": b"\x80\x04not a pickle",
                       "empty": b""}[damage])
    assert as_json(load_named(path, ON)) == good
    assert entry.read_bytes() == raw  # rebuilt: the same entry again


def test_a_valid_frame_around_a_bad_payload_is_rebuilt(cache_dir: Path, policies: Path) -> None:
    path = str(policies / "kunming.policy")
    good = as_json(load_named(path, ON))
    [entry] = entries(cache_dir)
    cache._write_entry(entry, b"not a pickle")  # the digest matches; unpickling fails
    assert as_json(load_named(path, ON)) == good


def test_a_damaged_parser_entry_is_rebuilt(cache_dir: Path) -> None:
    grammar = (ROOT / "grammar" / "policy.lark").read_text(encoding="utf-8")
    options = {"parser": "lalr", "lexer": "contextual", "propagate_positions": True,
               "maybe_placeholders": False}
    first = cache.cached_parser(grammar, options)
    [entry] = sorted(cache_dir.glob("parser-*.pickle"))
    entry.write_bytes(entry.read_bytes()[:100])
    rebuilt = cache.cached_parser(grammar, options)
    assert cache._read_entry(entry) is not None and len(entry.read_bytes()) > 100  # written whole again
    loaded = cache.cached_parser(grammar, options)  # from the entry
    text = (ROOT / "policies" / "kunming.policy").read_text(encoding="utf-8")
    assert first.parse(text) == rebuilt.parse(text) == loaded.parse(text)


def test_calc_and_check_answer_the_same_from_the_cache(cache_dir: Path) -> None:
    profile = json.dumps({"applicant_type": "enterprise", "in_pilot_scope": True, "acceptance_passed": True,
                          "is_sme": True, "digital_level": 4, "spend_software_cloud": 1200000,
                          "lighthouse": True})
    runner = CliRunner()
    calc = ["calc", "kunming", "--input", "-", "--on", "2025-08-01", "--format", "json"]
    check = ["check", "--on", "2025-08-01", "--format", "json", "kunming", "xianning"]
    cold = [runner.invoke(main, args, input=profile) for args in (calc, check)]
    warm = [runner.invoke(main, args, input=profile) for args in (calc, check)]
    old = [runner.invoke(main, ["--no-cache", *args], input=profile) for args in (calc, check)]
    for a, b, c in zip(cold, warm, old, strict=True):
        assert a.output == b.output == c.output
    # 昆明 第七条第（一）项 「补助标准不超过改造投入的 50%」 (a ceiling: 0..500,000 at level 4),
    # 第（二）项 小灯塔 200,000 fixed, 第十条 50% × 1,200,000 = 600,000 cumulative cap:
    # a level-4 小灯塔 SME with 1,200,000 元 of software spend gets 200,000 to 600,000 in total
    assert json.loads(warm[0].output)["total"] == {"min": "200000.00", "max": "600000.00"}


def test_no_cache_writes_nothing(cache_dir: Path, policies: Path) -> None:
    result = CliRunner().invoke(main, ["--no-cache", "check", str(policies / "kunming.policy")])
    assert result.exit_code == 0
    assert not cache_dir.exists()


def test_an_entry_others_may_write_is_not_trusted(cache_dir: Path, policies: Path) -> None:
    path = str(policies / "kunming.policy")
    good = as_json(load_named(path, ON))
    [entry] = entries(cache_dir)
    cache._write_entry(entry, b"not a pickle")
    entry.chmod(0o666)  # world-writable: never unpickled, rebuilt instead
    assert cache._read_entry(entry) is None
    assert as_json(load_named(path, ON)) == good
    assert entry.stat().st_mode & 0o022 == 0


def test_a_policy_that_is_a_pipe_or_a_device_is_refused_with_the_cache_on(cache_dir: Path, tmp_path: Path) -> None:
    """The cache reads the policy as the check does (compiler/files.py): `policyc check` on a
    named pipe reports PC006 instead of waiting on it, and on /dev/zero instead of filling memory."""
    import os
    import threading

    os.mkfifo(tmp_path / "pipe.policy")
    for name in (str(tmp_path / "pipe.policy"), "/dev/zero"):
        got: list[object] = []
        th = threading.Thread(target=lambda a=name, out=got: out.append(
            CliRunner().invoke(main, ["check", "--format", "json", a])), daemon=True)
        th.start()
        th.join(30)
        assert got, f"check {name} blocked"
        r = got[0]
        assert r.exit_code == 1, r.output  # type: ignore[attr-defined]
        codes = [d["code"] for d in json.loads(r.stdout)["diagnostics"]]  # type: ignore[attr-defined]
        assert codes == ["PC006"], (name, r.output)  # type: ignore[attr-defined]


def test_the_traditional_table_is_read_from_the_cache(cache_dir: Path) -> None:
    # 咸宁's Traditional spellings (「不超過」「萬元」) are matched through OpenCC's t2s table. It
    # is converted once and then read from the cache as JSON, in another process, without
    # loading OpenCC; a damaged entry is converted again, never trusted.
    from compiler import textfold

    textfold._t2s.cache_clear()
    table = dict(textfold._t2s())
    assert table["過"] == "过" and table["萬"] == "万" and "过" not in table
    entry, = cache_dir.glob("t2s-*.json")
    probe = ("import sys; from compiler import textfold; t = textfold._t2s(); "
             "print(len(t), t['過'], 'opencc' in sys.modules)")
    env = {**os.environ, "POLICYC_CACHE_DIR": str(cache_dir)}
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == [str(len(table)), "过", "False"]
    entry.write_bytes(entry.read_bytes()[:-10])  # truncated: the digest no longer matches
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == [str(len(table)), "过", "True"]
    textfold._t2s.cache_clear()


def test_a_simulation_query_is_read_from_the_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # policyc simulate's queries (plugins/sql) are kept by everything they are made from: a hit
    # is the query sqlglot builds afresh; another date is built again, never read
    import plugins.sql as sqlb
    from compiler.lowered import lower

    loaded = load_named("kunming")
    assert loaded.policy is not None
    form = lower(loaded.policy)
    bits = {f["name"]: i for i, f in enumerate([*form["facts"], *form["vocabulary"]])}
    backend = sqlb.SqlBackend()
    fresh = sqlb.typed_query(form, bits, ON, "population_typed", True, True).sql(dialect="duckdb")
    assert backend.typed_query(form, bits, ON, "duckdb", "population_typed", True, True) == fresh
    assert len(list(cache_dir.glob("sql-typed-*.json"))) == 1

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("built again")

    with monkeypatch.context() as m:  # a hit does not build
        m.setattr(sqlb, "typed_query", refuse)
        assert backend.typed_query(form, bits, ON, "duckdb", "population_typed", True, True) == fresh
        with pytest.raises(AssertionError, match="built again"):  # another date is not a hit
            backend.typed_query(form, bits, dt.date(2027, 1, 1), "duckdb", "population_typed", True, True)
    later = sqlb.typed_query(form, bits, dt.date(2027, 1, 1), "population_typed", True, True).sql(dialect="duckdb")
    assert later != fresh
    assert backend.typed_query(form, bits, dt.date(2027, 1, 1), "duckdb", "population_typed", True, True) == later
    # a valid frame around a table without the query (the digest matches, the key "sql" is not
    # there) is built again and rewritten, never a KeyError
    entry, = [e for e in cache_dir.glob("sql-typed-*.json") if e.read_bytes().endswith(json.dumps(
        {"sql": later}, ensure_ascii=False).encode("utf-8"))]
    cache._write_entry(entry, b'{"other": "x"}')
    assert backend.typed_query(form, bits, dt.date(2027, 1, 1), "duckdb", "population_typed", True, True) == later
    assert json.loads(cache._read_entry(entry) or b"") == {"sql": later}


def test_the_simulation_queries_kept_are_bounded(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # each date makes new queries (policyc simulate's default date is today): beyond MAX_TABLES
    # of a kind the least recently written are removed, the others kept
    import plugins.sql as sqlb
    from compiler.lowered import lower

    loaded = load_named("kunming")
    assert loaded.policy is not None
    form = lower(loaded.policy)
    bits = {f["name"]: i for i, f in enumerate([*form["facts"], *form["vocabulary"]])}
    monkeypatch.setattr(cache, "MAX_TABLES", 2)
    made = []
    for day in (1, 2, 3):
        sqlb.SqlBackend().typed_counted(form, bits, dt.date(2025, 8, day), "duckdb", "population_typed")
        made.append({e.name: e.stat().st_mtime_ns for e in cache_dir.glob("sql-counted-*.json")})
        if day < 3:  # distinct write times, which pruning orders by
            for e in cache_dir.glob("sql-counted-*.json"):
                os.utime(e, ns=(e.stat().st_atime_ns, e.stat().st_mtime_ns - 10**9 * (4 - day)))
    assert len(made[0]) == 1 and len(made[1]) == 2
    first = next(iter(made[0]))
    assert len(made[2]) == 2 and first not in made[2]

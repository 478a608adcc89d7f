"""policyc build: deterministic, headed, checkable, atomic, extensible through entry points."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import main
from conftest import ROOT


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compiler.cli", *args], cwd=cwd or ROOT,
                          capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})})


def tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("b") / "generated"
    res = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_build_is_byte_identical_across_runs_and_matches_the_committed_tree(
    built: Path, tmp_path: Path
) -> None:
    again = tmp_path / "generated"
    res = CliRunner().invoke(main, ["build", "--out", str(again)])
    assert res.exit_code == 0
    assert tree(built) == tree(again)
    assert tree(built) == {k: v for k, v in tree(ROOT / "generated").items() if k in tree(built)}


def test_every_generated_file_has_the_do_not_edit_header_and_no_absolute_paths(built: Path) -> None:
    for rel, data in tree(built).items():
        text = data.decode("utf-8")
        head = "\n".join(text.splitlines()[:3])
        assert "by policyc — do not edit" in head, rel
        assert str(built) not in text and str(ROOT) not in text, rel
        assert "\r\n" not in text, rel


def test_check_reports_a_stale_tree_with_a_diff(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "generated"
    shutil.copytree(built, out)
    ok = CliRunner().invoke(main, ["build", "--check", "--out", str(out)])
    assert ok.exit_code == 0, ok.output
    target = out / "python" / "kunming.py"
    target.write_text(target.read_text(encoding="utf-8").replace("第十条", "第十一条"), encoding="utf-8")
    (out / "python" / "stray.py").write_text("x = 1\n", encoding="utf-8")
    stale = CliRunner().invoke(main, ["build", "--check", "--out", str(out)])
    assert stale.exit_code == 1
    assert "-" in stale.output and "第十一条" in stale.output and "stray.py" in stale.output
    assert target.read_text(encoding="utf-8").count("第十一条") > 0  # --check wrote nothing


def test_a_policy_with_errors_stops_the_build_and_writes_nothing(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "generated"
    shutil.copytree(built, out)
    before = tree(out)
    pol = tmp_path / "policies"
    pol.mkdir()
    shutil.copy(ROOT / "policies" / "kunming.txt", pol)
    shutil.copy(ROOT / "policies" / "national.policy", pol)
    shutil.copy(ROOT / "policies" / "national.txt", pol)
    text = (ROOT / "policies" / "kunming.policy").read_text(encoding="utf-8")
    (pol / "kunming.policy").write_text(text.replace("不超过 (50% × reform_spend) 封顶 20万元",
                                                     "50% + 20万元", 1), encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(pol / "kunming.policy"), "--out", str(out)])
    assert res.exit_code == 1
    assert "PC201" in res.output and "没有生成" in res.output
    assert tree(out) == before


TINY = '''
"""A third-party backend: one text file per policy."""


class Tiny:
    name = "tiny"
    description = "tiny third-party backend"

    def render(self, model):
        return {f"{cp.policy.id}.txt": f"# generated from {cp.source_file} by policyc — do not edit\\n"
                f"{cp.policy.header.title}\\n{len(cp.policy.items)} items\\n"
                for cp in model.policies}


class Broken:
    name = "broken"
    description = "always fails"

    def render(self, model):
        raise RuntimeError("boom")


backend = Tiny()
broken = Broken()
'''


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("tinypkg")
    (src / "policyc_tiny.py").write_text(TINY, encoding="utf-8")
    (src / "pyproject.toml").write_text('''[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "policyc-tiny"
version = "1.0"

[project.entry-points."policyc.backends"]
tiny = "policyc_tiny:backend"
broken = "policyc_tiny:broken"

[tool.hatch.build.targets.wheel]
include = ["policyc_tiny.py"]
''', encoding="utf-8")
    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                           "--target", str(target), str(src)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return target


def test_third_party_backend_is_discovered_and_used(plugin_path: Path, tmp_path: Path) -> None:
    env = {"PYTHONPATH": os.pathsep.join([str(plugin_path), str(ROOT)])}
    listed = run("backends", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "tiny\ttiny third-party backend" in listed.stdout
    assert "python\t" in listed.stdout
    out = tmp_path / "gen"
    res = run("build", "--target", "tiny", "--out", str(out), env=env)
    assert res.returncode == 0, res.stderr
    assert (out / "tiny" / "kunming.txt").read_text(encoding="utf-8").splitlines()[1] == \
        "昆明市中小企业数字化转型专项资金管理办法"
    assert not (out / "python").exists()


def test_a_failing_backend_leaves_the_previous_output_untouched(
    plugin_path: Path, built: Path, tmp_path: Path
) -> None:
    out = tmp_path / "generated"
    shutil.copytree(built, out)
    before = tree(out)
    env = {"PYTHONPATH": os.pathsep.join([str(plugin_path), str(ROOT)])}
    res = run("build", "--target", "python", "--target", "broken", "--out", str(out), env=env)
    assert res.returncode == 1
    assert "boom" in res.stderr and "没有改动任何文件" in res.stderr
    assert "Traceback" not in res.stderr
    assert tree(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".generated")]


def test_unknown_target_is_a_usage_error() -> None:
    res = CliRunner().invoke(main, ["build", "--target", "cobol", "--check"])
    assert res.exit_code == 2 and "未知的后端" in res.output


def test_check_and_build_do_not_depend_on_hash_seeds(tmp_path: Path) -> None:
    """Two processes with different string hashing must print and build the same bytes."""
    outs = []
    for seed in ("1", "2"):
        env = {"PYTHONHASHSEED": seed}
        check = run("check", "--format", "json", "--on", "2025-08-01", env=env)
        out = tmp_path / f"gen{seed}"
        built = run("build", "--out", str(out), env=env)
        assert built.returncode == 0, built.stderr
        outs.append((check.stdout, tree(out)))
    assert outs[0][0] == outs[1][0]
    assert outs[0][1] == outs[1][1]

"""A non-editable install ships the grammar and the seed policies and works from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    # Build and install the wheel (not editable); dependencies come from the test venv.
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
         str(target), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        pytest.fail(proc.stdout + proc.stderr)
    return target


def test_wheel_contains_grammar_and_policies(installed: Path) -> None:
    data = installed / "compiler" / "_data"
    assert (data / "grammar" / "policy.lark").is_file()
    for name in ("national", "nanchang", "changchun", "kunming", "xianning"):
        assert (data / "policies" / f"{name}.policy").is_file()
        assert (data / "policies" / f"{name}.txt").is_file()


def test_installed_calc_runs_from_an_unrelated_directory(installed: Path, tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({
        "applicant_type": "enterprise", "is_sme": True, "in_pilot_scope": True,
        "acceptance_passed": True, "digital_level": 4, "spend_software_cloud": 1200000,
        "lighthouse": True,
    }), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(installed)}
    code = ("import sys; from compiler.cli import main; "
            "sys.argv=['policyc','calc','kunming','--input',sys.argv[1],'--on','2025-08-01',"
            "'--format','json']; main()")
    proc = subprocess.run([sys.executable, "-c", code, str(profile)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    # 第七条第（一）项 0..500000 (a ceiling) + 小灯塔 200000, 第十条 cap 600000 (see test_calc_cli)
    assert json.loads(proc.stdout)["total"] == {"min": "200000.00", "max": "600000.00"}
    import_check = subprocess.run(
        [sys.executable, "-c", "import compiler, sys; print(compiler.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert str(installed) in import_check.stdout

"""`来源` and `上级` read only regular files in the policy's own folder, never block, and no
diagnostic echoes text from a file that may not be read.

Each refused case is reported as PC302 at the 来源 line (line 4 of :func:`hostile.policy`).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hostile import SOURCE, policy, write_policy

from compiler.files import MAX_SOURCE_BYTES, FileRefused, confined, read_regular
from compiler.pipeline import load

SECRET = "API_TOKEN=s3cr3t-Zq9"
SOURCE_LINE = 4


def _pc302(path: Path) -> str:
    loaded = load(path)
    errs = [d for d in loaded.errors if d.code == "PC302"]
    assert errs, [(d.code, d.message) for d in loaded.diagnostics]
    d = errs[0]
    assert (d.span.line, d.span.column) == (SOURCE_LINE, 3)
    for other in loaded.diagnostics:  # nothing from the refused file leaks into any message
        assert "s3cr3t" not in other.message + other.hint
    return d.message


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text(SOURCE + SECRET + "\n", encoding="utf-8")
    return secret


def test_the_minimal_policy_is_accepted(tmp_path: Path) -> None:
    assert load(write_policy(tmp_path / "p", policy())).ok


@pytest.mark.parametrize("name", ["/etc/passwd", "/proc/self/environ", "/dev/zero", "C:/x.txt",
                                  "\\\\server\\share\\x.txt"])
def test_absolute_paths_are_refused(tmp_path: Path, name: str) -> None:
    msg = _pc302(write_policy(tmp_path / "p", policy(source=name)))
    assert "绝对路径" in msg or "反斜杠" in msg


@pytest.mark.parametrize("name", ["../secret.txt", "sub/../../secret.txt", "./src.txt", "a//b.txt"])
def test_dot_dot_and_odd_components_are_refused(tmp_path: Path, outside: Path, name: str) -> None:
    assert ".." in _pc302(write_policy(tmp_path / "p", policy(source=name)))


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path, outside: Path) -> None:
    path = write_policy(tmp_path / "p", policy(source="link.txt"))
    (path.parent / "link.txt").symlink_to(outside)
    assert "符号链接" in _pc302(path)


def test_a_symlink_inside_the_folder_is_followed(tmp_path: Path) -> None:
    path = write_policy(tmp_path / "p", policy(source="sub/link.txt"))
    (path.parent / "sub").mkdir()
    (path.parent / "sub" / "link.txt").symlink_to(path.parent / "src.txt")
    assert load(path).ok


def test_the_quote_oracle_cannot_probe_an_outside_file(tmp_path: Path, outside: Path) -> None:
    """The red-team attack: one quote per candidate text; PC301 told which ones matched."""
    quote = SECRET[:9]
    path = write_policy(tmp_path / "p", policy(source="../secret.txt", quote=quote))
    loaded = load(path)
    assert [d.code for d in loaded.errors if d.code.startswith("PC3")] == ["PC302"]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = write_policy(tmp_path / "p", policy(source="pipe.txt"))
    os.mkfifo(path.parent / "pipe.txt")
    result: list[str] = []
    t = threading.Thread(target=lambda: result.append(_pc302(path)), daemon=True)
    t.start()
    t.join(30)
    assert result and "普通文件" in result[0]


def test_a_directory_is_refused(tmp_path: Path) -> None:
    path = write_policy(tmp_path / "p", policy(source="d"))
    (path.parent / "d").mkdir()
    assert "普通文件" in _pc302(path)


def test_an_oversized_source_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = write_policy(tmp_path / "p", policy(source="big.txt"))
    with open(path.parent / "big.txt", "wb") as fh:  # sparse: costs no disk and no reading
        fh.truncate(MAX_SOURCE_BYTES + 1)
    assert "过大" in _pc302(path)


def test_a_source_with_a_control_character_in_its_name_is_refused(tmp_path: Path) -> None:
    """NUL written as an escape: PC008 on the 来源 string (it was PC000 at 1:1); the file reader
    itself refuses control characters too."""
    loaded = load(write_policy(tmp_path / "p", policy(source="src\u0000.txt")))
    assert [(d.code, d.span.line, d.span.column) for d in loaded.errors] == [("PC008", SOURCE_LINE, 6)]
    with pytest.raises(FileRefused, match="控制字符"):
        confined(tmp_path, "src\x00.txt")


def test_read_regular_stops_at_the_limit_even_if_the_file_grows(tmp_path: Path) -> None:
    f = tmp_path / "f"
    f.write_bytes(b"x" * 100)
    assert read_regular(f, 100) == b"x" * 100
    with pytest.raises(FileRefused):
        read_regular(f, 99)


def test_a_device_is_refused_before_it_is_opened() -> None:
    with pytest.raises(FileRefused, match="普通文件"):
        read_regular(Path("/dev/zero"), 10)


def test_confined_accepts_a_subfolder(tmp_path: Path) -> None:
    assert confined(tmp_path, "a/b.txt") == (tmp_path / "a" / "b.txt").resolve()


def test_the_parent_policy_is_not_read_through_a_symlink_out(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    write_policy(outside, policy(pid="national"), name="national.policy")
    path = write_policy(tmp_path / "p", policy().replace("  层级 市级\n", "  层级 市级\n  上级 national\n"))
    (path.parent / "national.policy").symlink_to(outside / "national.policy")
    loaded = load(path)
    assert "PC123" in [d.code for d in loaded.errors]


def test_check_format_json_survives_hostile_file_names(tmp_path: Path) -> None:
    """Names that are not UTF-8, or that try to close an HTML comment: valid JSON, no traceback."""
    import json
    import subprocess
    import sys

    folder = tmp_path / "p"
    write_policy(folder, policy())
    names = [b"\xff\xfe-->.policy", b"bad\xff.policy", b"a\nb.policy"]
    (folder / os.fsdecode(names[0])).write_text(policy(), encoding="utf-8")
    (folder / os.fsdecode(names[1])).write_bytes(b"\xff\xfe not UTF-8")
    (folder / os.fsdecode(names[2])).write_text(policy(pid="other"), encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "compiler.cli", "check", "--format", "json",
                          *[os.fsdecode(n) for n in names]], cwd=folder, capture_output=True, check=False)
    assert b"Traceback" not in res.stderr, res.stderr.decode("utf-8", "replace")
    doc = json.loads(res.stdout.decode("utf-8", "replace"))
    assert [d["code"] for d in doc["diagnostics"]] == ["PC006"]
    assert res.returncode == 1


def test_fmt_and_init_read_through_the_same_guard(tmp_path: Path) -> None:
    """`policyc fmt` and `policyc init` read their file as `check` does (a FIFO is refused, not
    waited on), and an unwritable target is an error message with exit code, not a traceback."""
    from click.testing import CliRunner

    from compiler.cli import main

    os.mkfifo(tmp_path / "pipe.policy")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    cases = [(["fmt", str(tmp_path / "pipe.policy")], 1, "普通文件"),
             (["fmt", str(tmp_path / "missing.policy")], 1, "文件不存在"),
             (["init", str(tmp_path / "pipe.txt"), "--out", "-"], 2, "普通文件"),
             (["init", str(tmp_path / "src.txt"), "--out", str(tmp_path / "no" / "x.policy")], 2,
              "无法写入")]
    for args, code, words in cases:
        result: list[object] = []
        t = threading.Thread(target=lambda a=args, out=result: out.append(CliRunner().invoke(main, a)),
                             daemon=True)
        t.start()
        t.join(30)
        assert result, f"{args} blocked"
        r = result[0]
        assert r.exit_code == code and words in r.output, (args, r.output)  # type: ignore[attr-defined]
        assert r.exception is None or isinstance(r.exception, SystemExit), args  # type: ignore[attr-defined]

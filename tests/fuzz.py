"""A seeded mutational fuzzer of the whole pipeline: policy text -> diagnostics -> every backend.

Each text is a small valid policy mutated 1-4 times (delete, insert, replace or duplicate a
span; insert a token from a dictionary of keywords and hostile values). Every text is
parsed and checked as a file beside its source text (``load``); every text accepted without
errors is rendered by every backend, and the outputs are compiled (Python) or parsed (JSON).
Counted failures:

* ``internal``  — an exception escaping the pipeline, or a PC000 diagnostic;
* ``outside``   — a diagnostic whose line/column is not inside the file, or that names
  another file, or that cannot be rendered or serialised as ``check --format json`` does;
* ``backend``   — a backend (or its output) failing on a text the checker accepted;
* ``hang``      — a text taking more than ``HANG_SECONDS`` of CPU time.

Run ``python tests/fuzz.py --count 100000 --seed 1`` (``make fuzz``); tests/test_fuzz_mutational.py
runs a few thousand texts. Same seed, same texts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile import SOURCE, policy  # noqa: E402

HANG_SECONDS = 10.0

RICH_EXTRA = """
累计上限 total {
  条款 第一条
  原文 「对试点企业给予一次性 20 万元奖励。」
  适用 全部
  上限 20万元
}

拨付 pay {
  条款 第三条
  原文 「首期拨付 50%，其余验收后拨付」
  适用 [award]
  阶段 "首期" 至多 50%
  阶段 "验收后" 余额
}

测试 "试点企业" {
  日期 2025-01-01
  输入 { applicant_type: "enterprise", in_pilot_scope: 真 }
  期望 项目 award 200000元
  期望 总额 200000元
}
"""

FUZZ_SOURCE = SOURCE + ("第三条 首期拨付 50%，其余验收后拨付。"
                        "对试点企业给予一次性 20 万元奖励，未纳入试点的企业给予 1 万元。\n")
SEEDS = [
    policy(),
    policy(extra=RICH_EXTRA),
    policy(condition='in_pilot_scope 且 applicant_type == "enterprise"', note="说明文字"),
    policy(article="第三条", quote="对试点企业给予一次性 20 万元奖励，未纳入试点的企业给予 1 万元。").replace(
        "  金额 20万元\n", "  金额 分档 {\n    当 in_pilot_scope 则 20万元\n    否则 1万元\n  }\n"),
    policy().replace("  层级 市级\n", "  层级 市级\n  有效期 自 2024-01-01 至 2026-12-31\n"),
]

DICTIONARY = [
    # keywords and structure
    "政策", "事实", "定义", "补助", "累计上限", "拨付", "测试", "条款", "原文", "标题", "说明", "来源", "有效期",
    "条件", "金额", "资金", "适用", "上限", "阶段", "分档", "当", "则", "否则", "封顶", "不超过", "至", "且", "或",
    "非", "属于", "等", "未定", "余额", "全部", "期望", "输入", "忽略 PC140 \"x\"", "{", "}", "[", "]", "(", ")",
    ",", ":", "=", "==", ">=", "×", "+", "-", "\n", " ", "\t", "\r\n", "#", '"', "「", "」",
    # values
    "20万元", "0元", "1.5亿元", "50%", "100%", "0.001%", "200家", "5个工作日", "2024-01-01", "9999-12-31",
    "0000-01-01", "2024-02-30", "1" + "0" * 30 + "元", "9" * 5000, "0." + "0" * 30 + "1", "第二条",
    "第七条第（一）项", "四、（一）", "真", "假", "enterprise", "applicant_type", "in_pilot_scope", "city",
    "national", "compare", "__init__", "class",
    # hostile text
    "\x00", "\x0c", "\x0b", "\x85", "\u2028", "\u2029", "\u202e", "\ufeff", "\u3000", "\\u0000", "\\ud800",
    "\\u2028", "\\t", "\\", '\\"', "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "-->",
    '"""', "'''", "{{ x }}", "{% raw %}", "${x}", "`", "**", "|", "!!! danger", "../../etc/passwd",
    "/etc/passwd", "＝", "，", "（", "％", "“", "”",
]


@dataclass
class Outcome:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    slowest: float = 0.0

    def fail(self, kind: str, text: str, detail: str) -> None:
        self.counts[kind] += 1
        ex = self.examples.setdefault(kind, [])
        if len(ex) < 5:
            ex.append(f"{detail}\n--- text ---\n{text[:2000]}")


_INSIDE = re.compile(r'"(?:[^"\\\n]|\\.)*"|「[^」「]*」|#[^\n]*')


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 4)):
        pos = rng.randint(0, len(text))
        if rng.random() < 0.4:  # inside a string, a quote or a comment: often still accepted
            spots = list(_INSIDE.finditer(text))
            if spots:
                m = rng.choice(spots)
                pos = rng.randint(m.start() + 1, max(m.start() + 1, m.end() - 1))
                text = text[:pos] + rng.choice(DICTIONARY) + text[pos:]
                continue
        op = rng.random()
        span = rng.randint(1, 30)
        if op < 0.25:
            text = text[:pos] + text[pos + span:]
        elif op < 0.6:
            text = text[:pos] + rng.choice(DICTIONARY) + text[pos:]
        elif op < 0.85:
            text = text[:pos] + rng.choice(DICTIONARY) + text[pos + rng.randint(1, 6):]
        else:
            text = text[:pos] + text[pos:pos + span] + text[pos:]
    return text


class Hang(BaseException):
    """Raised by the CPU-time alarm; a BaseException, so no ``except Exception`` swallows it."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def _inside(d: object, text: str, display: str) -> str | None:
    from compiler.diagnostics import Diagnostic, render

    assert isinstance(d, Diagnostic)
    lines = text.split("\n")
    s = d.span
    if s.file != display:
        return f"{d.code} names another file: {s.file}"
    if not 1 <= s.line <= len(lines):
        return f"{d.code} at line {s.line} of {len(lines)}"
    if not 1 <= s.column <= len(lines[s.line - 1]) + 1:
        return f"{d.code} at {s.line}:{s.column}, line has {len(lines[s.line - 1])} characters"
    render(d, text)
    json.dumps(d.to_dict(), ensure_ascii=False).encode("utf-8")
    return None


def run_one(text: str, folder: Path, out: Outcome, render_backends: bool) -> bool:
    """Check one text; returns whether it was accepted (no errors)."""
    from compiler.backends import CheckedModel, CheckedPolicy, discover
    from compiler.build import render_all
    from compiler.pipeline import load

    path = folder / "fuzz.policy"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    start = time.process_time()  # CPU time: the machine may be busy with other work
    signal.setitimer(signal.ITIMER_PROF, HANG_SECONDS)
    accepted = False
    hung = False
    try:
        loaded = load(path)
        display = loaded.display
        for d in [*loaded.diagnostics, *(d for d, _ in loaded.suppressed)]:
            if d.code == "PC000":
                out.fail("internal", text, f"PC000: {d.message}")
                continue
            bad = _inside(d, loaded.text or "", display)
            if bad is not None:
                out.fail("outside", text, bad)
        accepted = loaded.ok and loaded.policy is not None
        if accepted and render_backends and loaded.policy is not None:
            model = CheckedModel((CheckedPolicy(loaded.policy, "policies/fuzz.policy",
                                                tuple(loaded.diagnostics), tuple(loaded.suppressed)),))
            try:
                files = render_all(model, discover())
                for rel, body in files.items():
                    body.encode("utf-8")
                    if rel.endswith(".py"):
                        compile(body, rel, "exec")
                    elif rel.endswith(".json"):
                        json.loads(body)
            except Exception as err:
                out.fail("backend", text, "".join(traceback.format_exception_only(err)).strip()[:500])
    except Hang:
        hung = True
        out.fail("hang", text, f"over {HANG_SECONDS} s of CPU")
    except Exception:
        out.fail("internal", text, traceback.format_exc(limit=6)[-1500:])
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    elapsed = time.process_time() - start
    out.slowest = max(out.slowest, elapsed)
    if elapsed > HANG_SECONDS and not hung:
        out.fail("hang", text, f"{elapsed:.1f} s of CPU")
    return accepted


def fuzz(count: int, seed: int, render_every: int = 1, progress: bool = False) -> tuple[Outcome, Counter[str]]:
    """Run ``count`` texts; render the backends for every ``render_every``-th accepted text."""
    rng = random.Random(seed)
    out = Outcome()
    stats: Counter[str] = Counter()
    old = signal.signal(signal.SIGPROF, _alarm)
    try:
        with tempfile.TemporaryDirectory(prefix="policyc-fuzz-") as tmp:
            folder = Path(tmp)
            (folder / "src.txt").write_text(FUZZ_SOURCE, encoding="utf-8")
            for i in range(count):
                text = mutate(rng, rng.choice(SEEDS))
                render_now = stats["accepted"] % render_every == 0
                if run_one(text, folder, out, render_now):
                    stats["accepted"] += 1
                    stats["rendered"] += render_now
                stats["texts"] += 1
                if progress and (i + 1) % 1000 == 0:
                    print(f"{i + 1} texts, {dict(stats)}, failures {dict(out.counts)}", flush=True)
    finally:
        signal.signal(signal.SIGPROF, old)
    return out, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--render-every", type=int, default=1,
                    help="render the backends for every n-th accepted text (default: all)")
    args = ap.parse_args()
    start = time.monotonic()
    out, stats = fuzz(args.count, args.seed, args.render_every, progress=True)
    print(json.dumps({"seed": args.seed, **stats, "failures": dict(out.counts),
                      "slowest_cpu_seconds": round(out.slowest, 2),
                      "seconds": round(time.monotonic() - start, 1)}, ensure_ascii=False))
    for kind, examples in out.examples.items():
        print(f"=== {kind}: {out.counts[kind]}")
        for ex in examples:
            print(ex, "\n")
    return 1 if out.counts else 0


if __name__ == "__main__":
    sys.exit(main())

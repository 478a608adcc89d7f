"""A bounded load test of `policyc serve` on loopback.

    .venv/bin/python benchmarks/api_load.py [--requests 2000] [--concurrency 8] [--time-limit 60]

Starts the API (uvicorn, one process) on 127.0.0.1 and an ephemeral port — never another
interface —, sends a fixed number of requests from a thread pool of keep-alive clients, stops
after ``--requests`` or ``--time-limit`` seconds (whichever comes first), then stops the server.
Printed per endpoint: requests/s, p50 and p99 latency, and the in-process calculation rate of the
same profiles as the baseline (what the HTTP layer costs is the ratio).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from compiler.serve.app import PolicyService, create_app  # noqa: E402
from compiler.simulate.population import generate  # noqa: E402

ON = "2025-08-01"
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _profiles(n: int) -> list[dict[str, Any]]:
    cols = generate(n, seed=5)
    out = []
    for i in range(n):
        p: dict[str, Any] = {}
        for k, v in cols.items():
            if k == "row_id" or v[i] is None or k in ("city_type", "region"):
                continue
            p[k] = f"{v[i]:.2f}" if hasattr(v[i], "quantize") else v[i]
        out.append(p)
    return out


def _run(client_count: int, total: int, limit_s: float, make: Any) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + limit_s
    counter = iter(range(total))

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=30) as c:
            while time.perf_counter() < deadline:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                method, url, body = make(i)
                t = time.perf_counter()
                r = c.request(method, url, json=body)
                dt_ = time.perf_counter() - t
                with lock:
                    latencies.append(dt_)
                    if r.status_code != 200:
                        errors += 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(client_count) as pool:
        for _ in range(client_count):
            pool.submit(worker)
    return time.perf_counter() - t0, latencies, errors


def _pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[round(q) - 1] * 1000 if len(xs) > 1 else 0.0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--policy", default="kunming")
    args = ap.parse_args()

    service = PolicyService.load([args.policy])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(service), host=HOST, port=port, log_level="warning",
                                           access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    profiles = _profiles(1000)
    rng = random.Random(1)
    try:
        ev = service.policies[args.policy].evaluator
        t = time.perf_counter()
        for p in profiles:
            ev.calculate(p, dt.date.fromisoformat(ON)).to_dict()
        local_rate = len(profiles) / (time.perf_counter() - t)
        print(f"policy {args.policy}; {args.concurrency} keep-alive clients on {HOST}:{port}; "
              f"one uvicorn process; time limit {args.time_limit:.0f} s per endpoint")
        print(f"in-process baseline: {local_rate:,.0f} calculations/s (evaluator + to_dict)")
        for name, n, make in (
            ("calculate", args.requests,
             lambda i: ("POST", f"/policies/{args.policy}/calculate?on={ON}", profiles[i % len(profiles)])),
            ("batch x100", max(args.requests // 50, 10),
             lambda i: ("POST", f"/policies/{args.policy}/batch?on={ON}",
                        {"profiles": rng.sample(profiles, 100)})),
            ("list", args.requests, lambda i: ("GET", f"/policies?on={ON}", None)),
        ):
            elapsed, lat, errors = _run(args.concurrency, n, args.time_limit, make)
            rate = len(lat) / elapsed
            per = " (" + f"{rate * 100:,.0f} profiles/s" + ")" if name.startswith("batch") else ""
            print(f"{name:<11} {len(lat):>6} requests in {elapsed:5.1f} s: {rate:8,.0f} requests/s{per}, "
                  f"p50 {_pct(lat, 50):6.1f} ms, p99 {_pct(lat, 99):6.1f} ms, non-200: {errors}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)

"""Studio API and page benchmark: latency of listing 1,000 runs and of fetching a 100-node
pipeline (p50/p99 over repeated requests to a real `kumi up`), and the time headless
Chromium takes to show the designer with that pipeline (every node drawn).

    python bench/api.py [--requests 200] [--chromium /usr/bin/chromium]

Targets: API p99 <= 50 ms; designer shown <= 1.5 s.
"""

from __future__ import annotations

import argparse
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

from kumi.storage.workspace import Workspace

RUNS = 1000
NODES = 100


def seed(workspace_path: Path) -> None:
    """1,000 finished runs and a 100-node pipeline (a long chain of table steps)."""
    nodes = [{"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}}]
    edges = []
    for i in range(1, NODES):
        previous = nodes[-1]["id"]
        port_out = "dataset" if previous == "data" else "results_dataset"
        nodes.append({"id": f"step{i}", "component": "remove_duplicate_rows", "params": {}})
        edges.append({"from": f"{previous}.{port_out}", "to": f"step{i}.dataset"})
    for i, node in enumerate(nodes):
        node["position"] = {"x": (i % 10) * 220, "y": (i // 10) * 120}
    document = {"schema_version": 1, "name": "hundred", "nodes": nodes, "edges": edges}
    with Workspace.open(workspace_path) as workspace:
        workspace.pipelines.save("hundred", document)
        for i in range(RUNS):
            run = workspace.runs.create(
                document=document, experiment=f"bench-{i % 10}", pipeline_name="hundred"
            )
            workspace.runs.set_status(run.id, "completed")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentiles(seconds: list[float]) -> tuple[float, float]:
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def latency(client: httpx.Client, path: str, requests: int) -> tuple[float, float]:
    client.get(path).raise_for_status()  # warm
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(path).raise_for_status()
        times.append(time.perf_counter() - start)
    return percentiles(times)


def designer_seconds(url: str, chromium: str, repeats: int = 5) -> list[float]:
    """From navigation to every node of the pipeline drawn on the canvas."""
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for _ in range(repeats):
            page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
            start = time.perf_counter()
            page.goto(f"{url}/pipelines/hundred")
            page.wait_for_function(
                f"document.querySelectorAll('.react-flow__node').length >= {NODES}",
                timeout=30_000,
            )
            results.append(time.perf_counter() - start)
            page.context.close()
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kumi-bench-api-") as folder:
        workspace = Path(folder) / "ws"
        seed(workspace)
        port = free_port()
        command = [sys.executable, "-m", "kumi", "up", "--workspace", str(workspace)]
        server = subprocess.Popen(
            [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    urllib.request.urlopen(f"{url}/api/health", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.5)
            with httpx.Client(base_url=url, timeout=30) as client:
                runs = latency(client, "/api/runs?limit=1000", args.requests)
                pipeline = latency(client, "/api/pipelines/hundred", args.requests)
            shown = designer_seconds(url, args.chromium)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(60)
    print(f"list 1,000 runs          p50 {runs[0]:6.1f} ms  p99 {runs[1]:6.1f} ms  (p99 <= 50)")
    print(f"fetch 100-node pipeline  p50 {pipeline[0]:6.1f} ms  p99 {pipeline[1]:6.1f} ms")
    print(
        f"designer with 100 nodes  median {statistics.median(shown):.2f} s "
        f"(runs: {', '.join(f'{s:.2f}' for s in shown)}; target <= 1.5 s)"
    )


if __name__ == "__main__":
    main()

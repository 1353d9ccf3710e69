"""Benchmark the generator and the site build on synthetic briefings of 1,000, 5,000 and 10,000 events.

Run from the project root:  .venv/bin/python bench/run.py [--sizes 1000 5000 10000] [--json FILE]

Every figure comes from a separate process, started the way a contributor starts it, timed with
a monotonic clock and with its peak memory read from the operating system (ru_maxrss); each step
runs several times and the fastest is kept (on a shared machine, noise only adds time). For each
size it measures:

- check: `python -m generator check`;
- generate, cold: empty docs/ and no cache; again with nothing changed; after editing one event
  (with the files each run wrote);
- make build: generate + `mkdocs build --strict`, and `mkdocs build --strict` alone on the same
  docs/, in the same run, so that the generator's share is a ratio of two measured times;
- the site's size, its search index's size, and bytes of search index per event.

It prints a Markdown table (for the README) and writes every figure as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REPEAT = 3


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    output: str


@dataclass(frozen=True)
class Result:
    events: int
    check_s: float
    cold_s: float
    cold_written: int
    unchanged_s: float
    unchanged_written: int
    one_edit_s: float
    one_edit_written: int
    warm_cache_s: float  # docs/ emptied, cache kept: a fresh checkout with the cache of an earlier run
    generate_peak_mib: float
    build_s: float  # generate + mkdocs build, as `make build`
    mkdocs_alone_s: float
    mkdocs_peak_mib: float
    ratio: float
    site_mib: float
    search_index_kib: float
    search_bytes_per_event: float
    serve_edit_s: float  # make serve: from saving an event file to the page served with the change


def run(args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run one command to completion; return its wall time, peak memory and output."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{output}")
    return Run(seconds, usage.ru_maxrss / 1024, output)


def written(output: str) -> int:
    match = re.search(r"(\d+) written", output)
    return int(match.group(1)) if match else -1


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def make_project(folder: Path, events: int) -> None:
    """A project like ours, around a synthetic briefing."""
    subprocess.run(
        [PYTHON, "-m", "generator", "synth", "--events", str(events), "--out", str(folder / "data")],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (folder / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "methode.md", folder / "docs" / "methode.md")
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("generator/mkdocs_hooks.py", str(ROOT / "generator" / "mkdocs_hooks.py"))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")


def fastest(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


def _forget(docs: Path, cache: Path) -> None:
    """Back to a fresh checkout: no generated page, no cache."""
    if (docs / ".generated.json").exists():
        _remove_generated(docs)
    shutil.rmtree(cache, ignore_errors=True)


def _remove_generated(docs: Path) -> None:
    manifest = json.loads((docs / ".generated.json").read_text(encoding="utf-8"))
    for path in manifest["files"]:
        (docs / path).unlink()
    (docs / ".generated.json").unlink()


def edit_one_event(data: Path, index: int = 0) -> None:
    """Edit the summary of one event: a different one for each index, spread over the years."""
    events = sorted((data / "events").rglob("*.yaml"))
    event = events[(len(events) // 2 + index * len(events) // 7) % len(events)]
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("summary: ", "summary: Modifié. ", 1), encoding="utf-8")


def serve_edit(project: Path, env: dict[str, str]) -> float:
    """Start `mkdocs serve --dirty` as `make serve` does, edit one event, time until it is served."""
    port = _free_port()
    args = [PYTHON, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(args, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        event = sorted((project / "data" / "events").rglob("*.yaml"))[7]
        year = event.parent.name
        url = f"http://127.0.0.1:{port}/chronologie/{year}/"
        _wait_for(url, lambda page: True, timeout=600)
        marker = f"Servi-{time.time_ns()}"
        text = event.read_text(encoding="utf-8")
        start = time.perf_counter()
        event.write_text(text.replace("summary: ", f"summary: {marker} ", 1), encoding="utf-8")
        _wait_for(url, lambda page: marker in page, timeout=120)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, ready: Callable[[str], bool], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not become ready in {timeout} s")


def measure(events: int, work: Path) -> Result:
    project = work / f"project-{events}"
    make_project(project, events)
    # Python's compiled bytecode is kept as on a contributor's machine (some sandboxes turn it off,
    # which would time compiling the generator at every start).
    env = {
        **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
        "BRIEFING_CACHE_DIR": str(work / f"cache-{events}"),
    }
    generator = [PYTHON, "-m", "generator"]
    # Each step is run several times and the fastest kept: on a shared machine noise only adds
    # time. Each cold run starts from an empty docs/ and no cache; check runs as on a fresh clone.
    check = fastest([run([*generator, "check"], project, {**env, "BRIEFING_CACHE_DIR": "off"}) for _ in range(REPEAT)])
    colds = []
    for _ in range(REPEAT):
        _forget(project / "docs", work / f"cache-{events}")
        colds.append(run([*generator, "generate"], project, env))
    cold = fastest(colds)
    unchanged = fastest([run([*generator, "generate"], project, env) for _ in range(REPEAT)])
    edits = []
    for index in range(REPEAT):
        edit_one_event(project / "data", index)
        edits.append(run([*generator, "generate"], project, env))
    edited = fastest(edits)
    warms = []
    for _ in range(REPEAT):
        _remove_generated(project / "docs")
        warms.append(run([*generator, "generate"], project, env))
    warm = fastest(warms)
    mkdocs = [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet"]
    # `make build` after an edit: generate (incremental, as a contributor runs it) then build.
    # and, alternating with it, the same mkdocs build alone on the same docs/.
    together: list[float] = []
    alone_runs: list[Run] = []
    for attempt in range(2):
        edit_one_event(project / "data", REPEAT + attempt)
        generate_again = run([*generator, "generate"], project, env)
        build = run(mkdocs, project, env)
        together.append(generate_again.seconds + build.seconds)
        alone_runs.append(run(mkdocs, project, env))
    alone = fastest(alone_runs)
    index = project / "site" / "search" / "search_index.json"
    build_s = min(together)
    serve_s = serve_edit(project, env)
    return Result(
        events=events,
        check_s=check.seconds,
        cold_s=cold.seconds,
        cold_written=written(cold.output),
        unchanged_s=unchanged.seconds,
        unchanged_written=written(unchanged.output),
        one_edit_s=edited.seconds,
        one_edit_written=written(edited.output),
        warm_cache_s=warm.seconds,
        generate_peak_mib=max(cold.peak_mib, unchanged.peak_mib, edited.peak_mib),
        build_s=build_s,
        mkdocs_alone_s=alone.seconds,
        mkdocs_peak_mib=max(run.peak_mib for run in alone_runs),
        ratio=build_s / alone.seconds,
        site_mib=folder_size(project / "site") / 2**20,
        search_index_kib=index.stat().st_size / 1024,
        search_bytes_per_event=index.stat().st_size / events,
        serve_edit_s=serve_s,
    )


def table(results: list[Result]) -> str:
    rows = [
        ("check", lambda r: f"{r.check_s:.2f} s"),
        ("generate, cold (files written)", lambda r: f"{r.cold_s:.2f} s ({r.cold_written})"),
        ("generate, nothing changed (files written)", lambda r: f"{r.unchanged_s:.2f} s ({r.unchanged_written})"),
        ("generate, one event edited (files written)", lambda r: f"{r.one_edit_s:.2f} s ({r.one_edit_written})"),
        ("generate, empty docs/ but cache of an earlier run", lambda r: f"{r.warm_cache_s:.2f} s"),
        ("generate, peak memory", lambda r: f"{r.generate_peak_mib:.0f} MiB"),
        ("generate + mkdocs build", lambda r: f"{r.build_s:.2f} s"),
        ("mkdocs build alone, same docs/", lambda r: f"{r.mkdocs_alone_s:.2f} s"),
        ("ratio (target ≤ 1.3)", lambda r: f"{r.ratio:.2f}"),
        ("mkdocs build, peak memory", lambda r: f"{r.mkdocs_peak_mib:.0f} MiB"),
        ("site size", lambda r: f"{r.site_mib:.1f} MiB"),
        ("search index", lambda r: f"{r.search_index_kib:.0f} KiB"),
        ("search index per event (target ≤ 2 KB)", lambda r: f"{r.search_bytes_per_event:.0f} B"),
        ("make serve: event edited → page served", lambda r: f"{r.serve_edit_s:.1f} s"),
    ]
    header = "| | " + " | ".join(f"{r.events:,} events" for r in results) + " |"
    lines = [header, "| --- |" + " --- |" * len(results)]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in rows]
    if len(results) > 1:
        by_size = {r.events: r for r in results}
        if 5000 in by_size and 10000 in by_size:
            small, large = by_size[5000], by_size[10000]
            lines.append(
                f"| growth 10,000 / 5,000 (target ≤ 2.2) | time {large.cold_s / small.cold_s:.2f} (generate), "
                f"{large.build_s / small.build_s:.2f} (build); size {large.site_mib / small.site_mib:.2f} | |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        results = [measure(size, Path(work)) for size in args.sizes]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    print(f"Machine: {machine}\n")
    print(table(results))
    args.json.write_text(
        json.dumps({"machine": machine, "results": [asdict(r) for r in results]}, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()

"""Benchmark the generator and the site build on synthetic briefings, against a bare MkDocs baseline.

Run from the project root:  .venv/bin/python bench/run.py [--sizes 1000 5000 10000] [--json FILE]

Every figure comes from a separate process, started the way a contributor starts it, timed with
a monotonic clock (wall time) and with its CPU time and peak memory read from the operating
system (wait4). Each step runs several times and the median is kept. For each size, in one run:

- check: `python -m generator check`;
- generate, cold: empty docs/ and no cache; again with nothing changed; after editing one event
  (with the files each run wrote); with an emptied docs/ but the cache of an earlier run;
- mkdocs build --strict of what generate wrote, then the search index (`generator search`, as
  `make build` runs it), and the bare baseline (bench/baseline.py: one page per year, each event
  with its date, status, summary, actors and quoted sources, the same theme, and the theme's
  search in the same language) built the same way, alternately, so that the whole build (cold
  generate + mkdocs build + search index) is a ratio of times measured together;
- docs/ bytes per event (generated files), the site's size (the search index is bench/search.py's);
- the preview (`generator serve`): from saving an edited event to the page served with the edit.

It prints a Markdown table (for the README) and writes every figure as JSON. CPU times are
printed beside wall times: on a machine shared with other work they move less.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import write_baseline  # bench/ is not a package: its folder is on the path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REPEAT = 3


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    peak_mib: float
    output: str


@dataclass(frozen=True)
class Result:
    events: int
    check_s: float
    cold_s: float
    cold_cpu: float
    cold_written: int
    unchanged_s: float
    unchanged_written: int
    one_edit_s: float
    one_edit_written: int
    warm_cache_s: float  # docs/ emptied, cache kept: a fresh checkout with the cache of an earlier run
    generate_peak_mib: float
    mkdocs_s: float
    mkdocs_cpu: float
    mkdocs_peak_mib: float
    search_s: float  # generator search: the Pagefind index of the built site
    search_peak_mib: float
    baseline_s: float
    baseline_cpu: float
    whole_s: float  # cold generate + mkdocs build + search index
    ratio: float  # whole build / baseline build
    ratio_cpu: float
    docs_bytes_per_event: float  # every file generate wrote
    pages_bytes_per_event: float  # its Markdown pages only
    site_mib: float
    serve_edit_s: float


def run(args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run one command to completion; return its wall and CPU time, peak memory and output."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{output}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def median(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.seconds)
    middle = ordered[len(ordered) // 2]
    return Run(statistics.median(r.seconds for r in runs), statistics.median(r.cpu for r in runs),
               max(r.peak_mib for r in runs), middle.output)  # fmt: skip


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
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("generator/mkdocs_hooks.py", str(ROOT / "generator" / "mkdocs_hooks.py"))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")


def _forget(docs: Path, cache: Path) -> None:
    """Back to a fresh checkout: no generated file, no cache."""
    if (docs / ".generated.json").exists():
        _remove_generated(docs)
    shutil.rmtree(cache, ignore_errors=True)


def _remove_generated(docs: Path) -> None:
    manifest = json.loads((docs / ".generated.json").read_text(encoding="utf-8"))
    for path in manifest["files"]:
        (docs / path).unlink()
    (docs / ".generated.json").unlink()


def _generated_bytes(docs: Path, *, pages_only: bool) -> int:
    manifest = json.loads((docs / ".generated.json").read_text(encoding="utf-8"))
    return sum((docs / p).stat().st_size for p in manifest["files"] if p.endswith(".md") or not pages_only)


def edit_one_event(data: Path, index: int = 0) -> None:
    """Edit the summary of one event: a different one for each index, spread over the years."""
    events = sorted((data / "events").rglob("*.yaml"))
    event = events[(len(events) // 2 + index * len(events) // 7) % len(events)]
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("summary: ", "summary: Modifié. ", 1), encoding="utf-8")


def serve_edit(project: Path, env: dict[str, str]) -> float:
    """Start the preview as `make serve` does, edit one event, time until it is served."""
    port = _free_port()
    args = [PYTHON, "-m", "generator", "serve", "--address", f"127.0.0.1:{port}"]
    server = subprocess.Popen(args, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        event = sorted((project / "data" / "events").rglob("*.yaml"))[7]
        url = f"http://127.0.0.1:{port}/chronologie/{event.parent.name}/"
        _wait_for(url, lambda page: True, timeout=900)
        time.sleep(2)  # let the first build settle
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
    bare = work / f"baseline-{events}"
    write_baseline(project / "data", bare)
    cache = work / f"cache-{events}"
    # Python's compiled bytecode is kept as on a contributor's machine (some sandboxes turn it off,
    # which would time compiling the generator at every start).
    env = {
        **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
        "BRIEFING_CACHE_DIR": str(cache),
    }
    generator = [PYTHON, "-m", "generator"]
    check = median([run([*generator, "check"], project, {**env, "BRIEFING_CACHE_DIR": "off"}) for _ in range(REPEAT)])
    colds = []
    for _ in range(REPEAT):
        _forget(project / "docs", cache)
        colds.append(run([*generator, "generate"], project, env))
    cold = median(colds)
    docs_bytes = _generated_bytes(project / "docs", pages_only=False)
    pages_bytes = _generated_bytes(project / "docs", pages_only=True)
    # The site of a cold generate, and the baseline, built alternately.
    mkdocs = [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet"]
    builds, indexes, bases = [], [], []
    for _ in range(REPEAT):
        builds.append(run(mkdocs, project, env))
        indexes.append(run([*generator, "search"], project, env))
        bases.append(run([PYTHON, "-m", "mkdocs", "build", "--quiet"], bare, env))
    build, indexed, base = median(builds), median(indexes), median(bases)
    unchanged = median([run([*generator, "generate"], project, env) for _ in range(REPEAT)])
    edits = []
    for index in range(REPEAT):
        edit_one_event(project / "data", index)
        time.sleep(1.1)  # older than load.RACY_NS: the edited file's key is trusted, as an edit's is
        edits.append(run([*generator, "generate"], project, env))
    edited = median(edits)
    warms = []
    for _ in range(REPEAT):
        _remove_generated(project / "docs")
        warms.append(run([*generator, "generate"], project, env))
    warm = median(warms)
    return Result(
        events=events,
        check_s=check.seconds,
        cold_s=cold.seconds,
        cold_cpu=cold.cpu,
        cold_written=written(cold.output),
        unchanged_s=unchanged.seconds,
        unchanged_written=written(unchanged.output),
        one_edit_s=edited.seconds,
        one_edit_written=written(edited.output),
        warm_cache_s=warm.seconds,
        generate_peak_mib=max(cold.peak_mib, unchanged.peak_mib, edited.peak_mib),
        mkdocs_s=build.seconds,
        mkdocs_cpu=build.cpu,
        mkdocs_peak_mib=build.peak_mib,
        search_s=indexed.seconds,
        search_peak_mib=indexed.peak_mib,
        baseline_s=base.seconds,
        baseline_cpu=base.cpu,
        whole_s=cold.seconds + build.seconds + indexed.seconds,
        ratio=(cold.seconds + build.seconds + indexed.seconds) / base.seconds,
        ratio_cpu=(cold.cpu + build.cpu + indexed.cpu) / base.cpu,
        docs_bytes_per_event=docs_bytes / events,
        pages_bytes_per_event=pages_bytes / events,
        site_mib=folder_size(project / "site") / 2**20,
        serve_edit_s=serve_edit(project, env),
    )


def table(results: list[Result]) -> str:
    rows = [
        ("check", lambda r: f"{r.check_s:.2f} s"),
        ("generate, cold (files written)", lambda r: f"{r.cold_s:.2f} s ({r.cold_written}), CPU {r.cold_cpu:.2f} s"),
        ("generate, nothing changed (files written)", lambda r: f"{r.unchanged_s:.2f} s ({r.unchanged_written})"),
        ("generate, one event edited (files written)", lambda r: f"{r.one_edit_s:.2f} s ({r.one_edit_written})"),
        ("generate, empty docs/ but cache of an earlier run", lambda r: f"{r.warm_cache_s:.2f} s"),
        ("generate, peak memory", lambda r: f"{r.generate_peak_mib:.0f} MiB"),
        ("mkdocs build --strict", lambda r: f"{r.mkdocs_s:.2f} s, CPU {r.mkdocs_cpu:.2f} s"),
        ("mkdocs build, peak memory", lambda r: f"{r.mkdocs_peak_mib:.0f} MiB"),
        ("search index (generator search), peak memory", lambda r: f"{r.search_s:.2f} s, {r.search_peak_mib:.0f} MiB"),
        ("whole build (cold generate + mkdocs build + search index)", lambda r: f"{r.whole_s:.2f} s"),
        ("bare baseline build, same run", lambda r: f"{r.baseline_s:.2f} s, CPU {r.baseline_cpu:.2f} s"),
        ("whole build / baseline (target ≤ 1.5)", lambda r: f"{r.ratio:.2f} (CPU {r.ratio_cpu:.2f})"),
        ("docs/ bytes per event, all files (pages only)",
         lambda r: f"{r.docs_bytes_per_event:.0f} B ({r.pages_bytes_per_event:.0f} B)"),
        ("site size", lambda r: f"{r.site_mib:.1f} MiB"),
        ("make serve: event edited → page served", lambda r: f"{r.serve_edit_s:.1f} s"),
    ]  # fmt: skip
    header = "| | " + " | ".join(f"{r.events:,} events" for r in results) + " |"
    lines = [header, "| --- |" + " --- |" * len(results)]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in rows]
    by_size = {r.events: r for r in results}
    if 5000 in by_size and 10000 in by_size:
        small, large = by_size[5000], by_size[10000]
        lines.append(
            f"| growth 10,000 / 5,000 (target ≤ 2.2) | whole build {large.whole_s / small.whole_s:.2f}; "
            f"size {large.site_mib / small.site_mib:.2f} | |"
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

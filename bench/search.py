"""Benchmark the site search on synthetic briefings: the index build, and a reader's queries in Chromium.

Run from the project root, with the test dependencies installed (`make test` installs them):

    .venv/bin/python bench/search.py [--sizes 5000 10000] [--json bench/search-results.json]

For each size, a synthetic briefing (`generator synth`, seed 1) is generated and built as
`make build` does; then:

- the search step (`python -m generator search`) runs three times: its wall time (median) and
  the peak memory of its largest process (the Pagefind binary), from the operating system;
- the site is served under a sub-path (/briefing/), as GitHub Pages serves a project site, by a
  server that logs every file it sends with its size (uncompressed: the upper bound);
- Chromium (Debian's, or $CHROMIUM_PATH) opens a year page (2020: about a tenth of the events,
  the longest pages a reader searches from) with the CPU slowed down four times
  (CDP Emulation.setCPUThrottlingRate: it slows the page's main thread; Pagefind searches in a
  Web Worker, which it does not slow, so the figures flatter a slow phone);
- cold: a new browser context per query, the box clicked and the query typed key by key (90 ms
  a key); bytes = the search files sent until the results show (pagefind/ and our script);
- warm: further queries typed in the same page;
- latency: from the last keystroke's `input` event to the last change of the results panel
  after it, the panel then staying still for 1.5 s (page clock).

Every request to another host is blocked and counted (none is expected). This machine is shared:
the figures are medians, and they move from run to run.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PYTHON, ROOT, make_project, run  # bench/ is not a package: its folder is on the path

REPEAT = 3
SUB_PATH = "/briefing/"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
THROTTLE = 4
KEY_DELAY_MS = 90
YEAR_PAGE = "chronologie/2020/"
QUIET_MS = 1500
# Words of the synthetic briefings (seed 1): broad ones (a word of most records), names found in a
# few dozen records, a year, two-word queries.
COLD = ["sommet", "eutan dorvelsu", "traité armée", "ligne aérienne", "2020"]
WARM = [*COLD, "jaanmo velni", "satellite technologie", "cooperation", "missiles balistiques", "defile militaire",
        "sanctions", "zenmi"]  # fmt: skip


@dataclass
class Result:
    events: int
    records: int = 0
    index_s: float = 0.0
    index_peak_mib: float = 0.0
    index_kib: float = 0.0
    index_files: int = 0
    cold: list[dict[str, Any]] = field(default_factory=list)
    warm: list[dict[str, Any]] = field(default_factory=list)
    external: list[str] = field(default_factory=list)


class _Log(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only, and notes each file sent with its size."""

    sent: list[tuple[str, int]]

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(SUB_PATH):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + url_path.removeprefix(SUB_PATH))

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data)
        self.sent.append((urlsplit(self.path).path.removeprefix(SUB_PATH), len(data)))

    def log_message(self, format: str, *args: Any) -> None:
        pass


WATCH = """() => {
  const b = window.__bench = { lastInput: 0, changes: [] }
  document.addEventListener("input", () => { b.lastInput = performance.now() }, true)
  new MutationObserver(() => b.changes.push(performance.now()))
    .observe(document.querySelector(".md-search-result"), { subtree: true, childList: true, characterData: true })
}"""
STATE = """() => {
  const b = window.__bench, after = b.changes.filter(t => t > b.lastInput)
  return { now: performance.now(), lastInput: b.lastInput, last: after.length ? after[after.length - 1] : null,
           status: document.querySelector("#bf-search-status").textContent }
}"""


def _is_search_file(path: str) -> bool:
    return path.startswith(("pagefind/", "assets/javascripts/search.js"))


class Reader:
    """A reader in Chromium on the served site: opens a page, types, waits for the results."""

    def __init__(self, browser: Any, url: str, sent: list[tuple[str, int]], external: list[str], start: str) -> None:
        self.browser, self.url, self.sent, self.external, self.start = browser, url, sent, external, start

    def open(self) -> tuple[Any, Any]:
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        context.route("**/*", self._route)
        page = context.new_page()
        page.goto(self.url + self.start, wait_until="load")
        page.evaluate(WATCH)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
        return context, page

    def _route(self, route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def query(self, page: Any, text: str) -> dict[str, Any]:
        mark = len(self.sent)
        page.click("#bf-search-input")
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.keyboard.type(text, delay=KEY_DELAY_MS)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            state = page.evaluate(STATE)
            if state["last"] is not None and state["now"] - state["last"] > QUIET_MS:
                files = self.sent[mark:]
                return {
                    "query": text,
                    "latency_ms": round(state["last"] - state["lastInput"]),
                    "search_bytes": sum(size for path, size in files if _is_search_file(path)),
                    "requests": len(files),
                    "status": state["status"],
                }
            page.wait_for_timeout(100)
        raise SystemExit(f"no results for {text!r} within 240 s")


def measure_browser(
    site: Path, result: Result, cold: list[str] = COLD, warm: list[str] = WARM, start: str = ""
) -> None:
    from playwright.sync_api import sync_playwright

    sent: list[tuple[str, int]] = []
    handler = type("Handler", (_Log,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
            )
            reader = Reader(browser, url, sent, result.external, start)
            for text in cold:
                context, page = reader.open()
                result.cold.append(reader.query(page, text))
                context.close()
            context, page = reader.open()
            reader.query(page, "russie")  # the first query loads Pagefind
            result.warm = [reader.query(page, text) for text in warm]
            context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def measure(events: int, work: Path) -> Result:
    project = work / f"project-{events}"
    make_project(project, events)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", "BRIEFING_CACHE_DIR": str(work / "cache")}
    run([PYTHON, "-m", "generator", "generate"], project, env)
    run([PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet"], project, env)
    runs = [run([PYTHON, "-m", "generator", "search"], project, env) for _ in range(REPEAT)]
    result = Result(events)
    result.index_s = statistics.median(r.seconds for r in runs)
    result.index_peak_mib = max(r.peak_mib for r in runs)
    index = project / "site" / "pagefind"
    files = [p for p in index.rglob("*") if p.is_file()]
    result.index_kib = sum(p.stat().st_size for p in files) / 1024
    result.index_files = len(files)
    result.records = int(runs[0].output.split(": ", 1)[1].split()[0])
    measure_browser(project / "site", result, start=YEAR_PAGE)
    return result


SELECTIVE = 1100  # results: a name, a year; beyond, a word of a good share of the records


def _matches(row: dict[str, Any]) -> int:
    """The number of results, from the status the box showed ("6 621 résultats")."""
    digits = "".join(c for c in row["status"] if c.isdigit())
    return int(digits) if digits else 0


def _spread(rows: list[dict[str, Any]], key: str, unit: str, scale: float = 1) -> str:
    """'320 KB (370 KB)': the median, then the largest."""
    values = [row[key] / scale for row in rows]
    return f"{statistics.median(values):.0f} {unit} ({max(values):.0f} {unit})"


def table(results: list[Result]) -> str:
    rows = [
        ("records indexed", lambda r: f"{r.records:,}"),
        ("search step: time (median of 3)", lambda r: f"{r.index_s:.1f} s"),
        ("search step: peak memory (Pagefind)", lambda r: f"{r.index_peak_mib:.0f} MiB"),
        ("index on disk", lambda r: f"{r.index_kib / 1024:.1f} MiB in {r.index_files:,} files"),
        ("first query: bytes downloaded, median (max) — target ≤ 500 KB",
         lambda r: _spread(r.cold, "search_bytes", "KB", 1000)),
        ("first query: last key → results, median (max) — target ≤ 300 ms",
         lambda r: _spread(r.cold, "latency_ms", "ms")),
        ("later queries: last key → results, median (max)", lambda r: _spread(r.warm, "latency_ms", "ms")),
        (f"— of them, queries with ≤ {SELECTIVE:,} results (names, a year)",
         lambda r: _spread([w for w in r.warm if _matches(w) <= SELECTIVE], "latency_ms", "ms")),
        ("— of them, queries with thousands of results (a word of half the records)",
         lambda r: _spread([w for w in r.warm if _matches(w) > SELECTIVE], "latency_ms", "ms")),
        ("requests to another host", lambda r: str(len(r.external))),
    ]  # fmt: skip
    lines = ["| | " + " | ".join(f"{r.events:,} events" for r in results) + " |", "| --- |" + " --- |" * len(results)]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000])
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "search-results.json")
    parser.add_argument("--site", type=Path, help="only the queries, on this built site")
    parser.add_argument("--queries", help="with --site: the queries, separated by '|' (default: synthetic words)")
    parser.add_argument("--page", default="", help="with --site: the page to search from (default: the summary)")
    args = parser.parse_args()
    if args.site:
        result = Result(events=0)
        queries = args.queries.split("|") if args.queries else None
        measure_browser(args.site, result, queries[:5] if queries else COLD, queries or WARM, args.page)
        print(json.dumps(asdict(result), indent=1))
        return
    with tempfile.TemporaryDirectory(prefix="bench-search-") as work:
        results = [measure(size, Path(work)) for size in args.sizes]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    print(f"Machine: {machine}; CPU slowed {THROTTLE}×; keys typed {KEY_DELAY_MS} ms apart\n")
    print(table(results))
    args.json.write_text(
        json.dumps({"machine": machine, "results": [asdict(r) for r in results]}, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()

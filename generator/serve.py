"""The preview: `mkdocs serve`, with the pages generated again whenever the data changes.

MkDocs only renders: it watches docs/ and rebuilds what changed there. What changes docs/ is this
loop, which looks at the data folder's files (their keys, as `generate` does, a few milliseconds
even for thousands of files) a few times a second and generates when one of them moved. The
generator's memory is kept between runs, so an edit costs what an edit costs.

The search works in the preview too: after each generation, a thread indexes the briefing into
docs/pagefind/, which mkdocs.yml lists in `draft_docs`: `mkdocs serve` serves it, `mkdocs build`
leaves it out (`make build` indexes the built site itself). The pages of an edit are shown first;
its search follows, a moment later (seconds for thousands of events).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from .cache import Cache
from .errors import DataError, GeneratorError
from .load import scan
from .pipeline import generate, read_briefing

POLL_SECONDS = 0.2


def serve(data_dir: Path, docs_dir: Path, address: str) -> int:
    # Stopped by SIGTERM as by Ctrl-C: either way MkDocs is stopped too, not left serving alone.
    signal.signal(signal.SIGTERM, lambda signum, frame: _stop())
    cache = Cache.for_data(data_dir)
    indexer = _Indexer(data_dir, docs_dir)
    if _regenerate(data_dir, docs_dir, cache):
        indexer.wanted.set()
    # --dirty: MkDocs rebuilds only the pages that changed, which the writer leaves alone otherwise.
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", address])
    print(f"Serving on http://{address}/ ; the pages follow {data_dir}/ (Ctrl-C stops)", file=sys.stderr)
    seen = _keys(data_dir)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _keys(data_dir)
            if now != seen:
                seen = now
                if _regenerate(data_dir, docs_dir, cache):
                    indexer.wanted.set()
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


def _stop() -> None:
    raise KeyboardInterrupt


def _keys(data_dir: Path) -> object:
    files, misplaced = scan(data_dir) if data_dir.is_dir() else ([], [])
    return [(file.relative, file.stat) for file in files], misplaced


def _regenerate(data_dir: Path, docs_dir: Path, cache: Cache) -> bool:
    """Generate; tell whether the data was good (the search index then follows it)."""
    started = time.perf_counter()
    try:
        outcome = generate(data_dir, docs_dir, cache=cache)
    except DataError as error:
        print(f"the data has problems; the preview shows the last good pages:\n{error.report()}", file=sys.stderr)
        return False
    except GeneratorError as error:
        print(f"error: {error}", file=sys.stderr)
        return False
    if outcome.written or outcome.removed:
        seconds = time.perf_counter() - started
        print(f"{len(outcome.written)} written, {len(outcome.removed)} removed ({seconds:.2f} s)", file=sys.stderr)
    return True


class _Indexer:
    """Indexes the briefing into docs/pagefind/ whenever asked, in a thread of its own; asked again
    while it works, it indexes once more afterwards."""

    def __init__(self, data_dir: Path, docs_dir: Path) -> None:
        self.data_dir, self.docs_dir = data_dir, docs_dir
        self.wanted = threading.Event()
        threading.Thread(target=self._run, name="search-index", daemon=True).start()

    def _run(self) -> None:
        from .search import build_index, make_records

        while True:
            self.wanted.wait()
            self.wanted.clear()
            try:
                # Read without the generator's memory, which the loop's thread writes meanwhile.
                briefing = read_briefing(self.data_dir, cache=Cache(None))
                stats = build_index(make_records(briefing, self.docs_dir), self.docs_dir)
            except (DataError, GeneratorError) as error:
                print(f"search: the preview's index is as it was ({error})", file=sys.stderr)
                continue
            print(f"search: {stats.records} records indexed ({stats.seconds:.2f} s)", file=sys.stderr)

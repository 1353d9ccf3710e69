"""What a run remembers for the next one, so that a small change costs little.

- records: each data file that passed its own checks, keyed by its path, with its size, time
  and content digest; an unchanged file is neither read nor parsed again.
- fragments: the Markdown of each event, keyed by the digests of every file it shows.
- stamp: the data files' and the generated pages' sizes and times after the last run; when
  nothing moved, generation stops there.

Everything is keyed by a digest of the generator's own code, templates and schemas, so a
change to the generator starts afresh. The cache lives outside the project (in
$BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing-generator or ~/.cache/briefing-generator),
one folder per data folder: files from a pull request never reach it, so it can be pickled.
BRIEFING_CACHE_DIR=off turns it off. A cache that cannot be read is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .load import Cached

FORMAT = 1
Stats = dict[str, tuple[int, int]]  # path -> (mtime_ns, size)


@cache
def code_version() -> str:
    """A digest of everything in the generator package that shapes its output."""
    digest = hashlib.sha256(str(FORMAT).encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".j2", ".json", ".js") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_root() -> Path | None:
    setting = os.environ.get("BRIEFING_CACHE_DIR")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing-generator"


@dataclass(frozen=True, slots=True)
class Stamp:
    docs: str  # the docs folder it was written to
    data: Stats
    outputs: Stats


@dataclass(slots=True)
class Cache:
    """The memory of one data folder; empty when there is none."""

    folder: Path | None
    records: dict[str, Cached] = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)
    stamp: Stamp | None = None
    _loaded: set[str] = field(default_factory=set)
    _saved: dict[tuple[str, int], frozenset[Any]] = field(default_factory=dict)  # what each shard on disk holds

    @classmethod
    def for_data(cls, data_dir: Path) -> Cache:
        root = cache_root()
        if root is None:
            return cls(None)
        key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:24]
        return cls(root / key)

    def load(self, *names: str) -> None:
        """Read the named parts (records, fragments, stamp) if they were written by this code."""
        for name in names:
            if name in self._loaded or self.folder is None:
                continue
            self._loaded.add(name)
            if name not in SHARDED:
                value = _read(self.folder / f"{name}.pickle")
                if value is not None:
                    setattr(self, name, value)
                continue
            merged: dict[str, Any] = {}
            for shard in range(SHARDS):
                part = _read(self.folder / f"{name}-{shard:02d}.pickle")
                if isinstance(part, dict):
                    merged.update(part)
                    self._saved[name, shard] = _signature(part)
            setattr(self, name, merged)

    def save(self, *names: str) -> None:
        """Write the named parts; of records and fragments, only the shards that changed."""
        if self.folder is None:
            return
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
            self.folder.mkdir(parents=True, exist_ok=True)
            for name in names:
                if name not in SHARDED:
                    _write(self.folder / f"{name}.pickle", getattr(self, name))
                    continue
                for shard, part in enumerate(_shards(getattr(self, name))):
                    signature = _signature(part)
                    if self._saved.get((name, shard)) != signature:
                        _write(self.folder / f"{name}-{shard:02d}.pickle", part)
                        self._saved[name, shard] = signature


# Records and fragments are split by key: a small change rewrites a few shards, not everything.
# A record's key is its path; a fragment's ends with a digest, so that a new version of the same
# fragment lands in the same shard as the old one and keys tell apart contents.
SHARDED = frozenset({"records", "fragments"})
SHARDS = 16


def _signature(part: dict[str, Any]) -> frozenset[Any]:
    """What tells two versions of a shard apart: a record's size, time and digest; a fragment's key."""
    return frozenset(
        (key, value.mtime_ns, value.size, value.digest) if isinstance(value, Cached) else key
        for key, value in part.items()
    )


def _shards(entries: dict[str, Any]) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = [{} for _ in range(SHARDS)]
    for key, value in entries.items():
        name = key.rsplit(" ", 1)[0]
        parts[zlib.crc32(name.encode()) % SHARDS][key] = value
    return parts


def _read(path: Path) -> Any:
    try:
        with path.open("rb") as stream:
            version, value = pickle.load(stream)
    except Exception:  # missing, truncated, or from another version: start afresh
        return None
    return value if version == code_version() else None


def _write(path: Path, value: Any) -> None:
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        pickle.dump((code_version(), value), stream, protocol=pickle.HIGHEST_PROTOCOL)
    Path(name).replace(path)

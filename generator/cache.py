"""What a run remembers for the next one, so that a small change costs little.

- records: each data file that passed its own checks, keyed by its path, with its key (times,
  inode, size: see load.file_key) and content digest; an unchanged file is neither read nor
  parsed again.
- fragments: the Markdown of each event, keyed by the digests of every file it shows.
- stamp: the keys of the data files and of the generated files after the last run; when
  nothing moved, generation stops there.

Everything is keyed by a digest of the generator's own code, templates and schemas, so a
change to the generator starts afresh. The cache lives outside the project (in
$BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing-generator or ~/.cache/briefing-generator),
one folder per data folder; BRIEFING_CACHE_DIR=off turns it off.

It holds plain data, as JSON, never anything that loading could run (such as a pickle). Each
file starts with a line naming the code that wrote it and the digest of the rest: a file from
other code is not even parsed, and one that is truncated, edited or of the wrong shape is
ignored, which only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .load import KINDS, Cached, FileKey

FORMAT = 3
Stats = dict[str, FileKey]  # path -> key


@cache
def code_version() -> str:
    """A digest of everything in the generator package that shapes its output."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".j2", ".json", ".js", ".yaml") and "__pycache__" not in path.parts:
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
    site: str  # what the pages show beyond the data: the site's address, the day the data last changed
    data: Stats | None  # None: some file had just changed, its key is not to be trusted (load.RACY_NS)
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
            decode = _DECODERS[name]
            if name not in SHARDED:
                value = _read(self.folder / f"{name}.json", decode)
                if value is not None:
                    setattr(self, name, value)
                continue
            merged: dict[str, Any] = {}
            for shard in range(SHARDS):
                part = _read(self.folder / f"{name}-{shard:02d}.json", decode)
                if part is not None:
                    merged.update(part)
                    self._saved[name, shard] = _signature(part)
            setattr(self, name, merged)

    def save(self, *names: str) -> None:
        """Write the named parts; of records and fragments, only the shards that changed."""
        if self.folder is None:
            return
        with contextlib.suppress(OSError, ValueError):  # a cache that cannot be written only costs time
            self.folder.mkdir(parents=True, exist_ok=True)
            for name in names:
                encode = _ENCODERS[name]
                if name not in SHARDED:
                    _write(self.folder / f"{name}.json", encode(getattr(self, name)))
                    continue
                for shard, part in enumerate(_shards(getattr(self, name))):
                    signature = _signature(part)
                    if self._saved.get((name, shard)) != signature:
                        _write(self.folder / f"{name}-{shard:02d}.json", encode(part))
                        self._saved[name, shard] = signature


# Records and fragments are split by key: a small change rewrites a few shards, not everything.
# A record's key is its path; a fragment's ends with a digest, so that a new version of the same
# fragment lands in the same shard as the old one and keys tell apart contents.
SHARDED = frozenset({"records", "fragments"})
SHARDS = 16


def _signature(part: dict[str, Any]) -> frozenset[Any]:
    """What tells two versions of a shard apart: a record's key and digest; a fragment's key."""
    return frozenset(
        (key, value.stat, value.digest) if isinstance(value, Cached) else key for key, value in part.items()
    )


def _shards(entries: dict[str, Any]) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = [{} for _ in range(SHARDS)]
    for key, value in entries.items():
        name = key.rsplit(" ", 1)[0]
        parts[zlib.crc32(name.encode()) % SHARDS][key] = value
    return parts


# --- On disk: a header line, then the JSON body ---------------------------------------------------


def _read(path: Path, decode: Callable[[Any], Any]) -> Any:
    """The value in `path`, or None when it is missing, from other code, damaged or misshapen."""
    try:
        with path.open("rb") as stream:
            header = json.loads(stream.readline())
            if not isinstance(header, dict) or header.get("code") != code_version():
                return None  # written by other code: not even parsed
            body = stream.read()
        if hashlib.sha256(body).hexdigest() != header.get("body"):
            return None
        return decode(json.loads(body))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _write(path: Path, value: Any) -> None:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"code": code_version(), "body": hashlib.sha256(body).hexdigest()}).encode()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(header + b"\n" + body)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


# --- Plain data to and from the typed values -------------------------------------------------------


def _key(value: Any) -> FileKey:
    if not (isinstance(value, list) and len(value) == 4 and all(type(n) is int for n in value)):
        raise ValueError("not a file key")
    return (value[0], value[1], value[2], value[3])


def _encode_records(records: dict[str, Cached]) -> dict[str, Any]:
    return {
        path: [r.kind, r.stat, r.digest, r.data, [[list(at), text] for at, text in r.typed.items()], r.escapes]
        for path, r in records.items()
    }


def _decode_records(value: Any) -> dict[str, Cached]:
    records = {}
    for path, (kind, stat, digest, data, typed, escapes) in value.items():
        if kind not in KINDS or not isinstance(digest, str) or not isinstance(data, dict):
            raise ValueError("not a record")
        typed_paths = {tuple(at): str(text) for at, text in typed}
        key = None if stat is None else _key(stat)
        records[str(path)] = Cached(kind, key, digest, data, typed_paths, bool(escapes))
    return records


def _decode_fragments(value: Any) -> dict[str, str]:
    if not all(isinstance(text, str) for text in value.values()):
        raise ValueError("not a fragment")
    return {str(key): text for key, text in value.items()}


def _encode_stamp(stamp: Stamp | None) -> Any:
    if stamp is None:
        return None
    return {"docs": stamp.docs, "site": stamp.site, "data": stamp.data, "outputs": stamp.outputs}


def _decode_stamp(value: Any) -> Stamp | None:
    if value is None:
        return None
    return Stamp(
        str(value["docs"]),
        str(value["site"]),
        None if value["data"] is None else {str(path): _key(key) for path, key in value["data"].items()},
        {str(path): _key(key) for path, key in value["outputs"].items()},
    )


_ENCODERS: dict[str, Callable[[Any], Any]] = {
    "records": _encode_records,
    "fragments": lambda fragments: fragments,
    "stamp": _encode_stamp,
}
_DECODERS: dict[str, Callable[[Any], Any]] = {
    "records": _decode_records,
    "fragments": _decode_fragments,
    "stamp": _decode_stamp,
}

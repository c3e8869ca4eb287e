"""A table derived from files, kept between runs in the user's cache folder (issue 14: cold
start), keyed by the content of every file it is built from.

`load_or_build(name, sources, build)` answers what `build()` returns, read back from
`<cache folder>/<name>-<key>.marshal` when that file exists: the key is a hash of the
sources' bytes (and of the Python that wrote it), so a changed source is a new key and a
table is never read stale. A file that fails its own checksum or does not read back is
built again; a folder that cannot be written only costs the build, every run. Tables are
plain values (dict, list, str, int, set …) stored with `marshal`, which builds no objects
of any other kind. The folder is `POLICYKG_CACHE_DIR`, else the platform's user cache
folder for policykg; `POLICYKG_CACHE_DIR=off` builds every time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

_DIGEST = 32  # bytes of blake2b over the payload, written before it


def cache_dir() -> Path | None:
    """Where tables are kept; None when POLICYKG_CACHE_DIR is `off`."""
    given = os.environ.get("POLICYKG_CACHE_DIR")
    if given:
        return None if given.strip().lower() == "off" else Path(given)
    from platformdirs import user_cache_path

    return user_cache_path("policykg")


def key_of(name: str, sources: Iterable[bytes]) -> str:
    """Hash of the table's name, this Python's marshal format and every source's bytes."""
    h = hashlib.blake2b(digest_size=16)
    for part in (name.encode(), sys.version.encode(), str(marshal.version).encode(), *sources):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def load_or_build(name: str, sources: Iterable[bytes], build: Callable[[], Any]) -> Any:
    """`build()`, or the table it built before from the same sources."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key_of(name, sources)}.marshal"
    found = _read(path)
    if found is not None:
        return found[0]
    table = build()
    _write(path, name, table)
    return table


def _read(path: Path) -> tuple[Any] | None:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    digest, payload = blob[:_DIGEST], blob[_DIGEST:]
    if len(digest) != _DIGEST or hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None
    try:
        return (marshal.loads(payload),)
    except (EOFError, ValueError, TypeError):
        return None


def _write(path: Path, name: str, table: Any) -> None:
    """Written whole under a temporary name, then renamed into place (readers in other
    processes see the old file, none or the new one); the name's older tables removed."""
    try:
        payload = marshal.dumps(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in path.parent.glob(f"{name}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        return

"""Atomic writes: a reader sees the old file or the new one, never a partial one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

TEMP_PREFIX = ".partial-"


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``, else vanishes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX + path.name + ".")
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        # mkstemp creates owner-only files; published files must be readable like any other.
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


# A temporary file older than this was left by a build that was killed; it can go.
STALE_AFTER_S = 600


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files that interrupted writes left in ``folder``; return how many."""
    import time

    removed = 0
    cutoff = time.time() - STALE_AFTER_S
    for path in folder.glob(f"{TEMP_PREFIX}*"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            continue  # another process got there first
    return removed


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    with replacing(path) as temp:
        temp.write_text(text, encoding="utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

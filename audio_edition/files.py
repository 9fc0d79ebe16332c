"""Atomic writes: a reader sees the old file or the new one, never a partial one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import AudioEditionError

TEMP_PREFIX = ".partial-"


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``, else vanishes."""
    # The writer's process id is in the name, so a later run can tell an abandoned file from
    # one that another running build is writing.
    prefix = f"{TEMP_PREFIX}{os.getpid()}-{path.name}."
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=prefix)
    except OSError as exc:
        raise AudioEditionError(f"cannot write: {exc.strerror or exc}", path) from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        # mkstemp creates owner-only files; published files must be readable like any other.
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except OSError as exc:  # a full disk, a quota, a file size limit: say so in one line
        raise AudioEditionError(f"cannot write: {exc.strerror or exc}", path) from exc
    finally:
        temp.unlink(missing_ok=True)


# A temporary file this old was abandoned, whoever wrote it (process ids are reused).
STALE_AFTER_S = 600


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files that killed writers left in ``folder``; return how many.

    A file goes when the process that wrote it is gone, or when it is older than
    ``STALE_AFTER_S``; files of builds still running beside this one stay.
    """
    import time

    removed = 0
    cutoff = time.time() - STALE_AFTER_S
    for path in folder.glob(f"{TEMP_PREFIX}*"):
        try:
            abandoned = not _writer_alive(path) or path.stat().st_mtime < cutoff
            if path.is_file() and abandoned:
                path.unlink()
                removed += 1
        except OSError:
            continue  # another process got there first
    return removed


def _writer_alive(path: Path) -> bool:
    """Whether the process named in a temporary file's name is still running."""
    pid_text = path.name.removeprefix(TEMP_PREFIX).split("-", 1)[0]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    with replacing(path) as temp:
        temp.write_text(text, encoding="utf-8")


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write bytes atomically."""
    with replacing(path) as temp:
        temp.write_bytes(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""Content-addressed clip cache: a clip is stored under a hash of everything that shapes it."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import wave
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs

from ..files import remove_stale_temporaries, replacing
from ..media import from_pcm16, to_pcm16

log = logging.getLogger(__name__)

# Bump when the stored form of clips (or the trimming applied before storing) changes.
CACHE_FORMAT = 1


CACHE_DIR_VARIABLE = "AUDIO_EDITION_CACHE_DIR"
"""Environment variable naming the clip cache folder (e.g. per cluster worker)."""


def default_cache_dir() -> Path:
    """``AUDIO_EDITION_CACHE_DIR`` when set, else the user cache directory, e.g.
    ``~/.cache/audio-edition`` on Linux."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    return Path(chosen) if chosen else Path(platformdirs.user_cache_dir("audio-edition"))


def cache_key(engine_identity: dict[str, Any], spoken_text: str) -> str:
    """A stable hex key for one clip: engine, voice, parameters, versions and the text."""
    payload = json.dumps(
        {"format": CACHE_FORMAT, "engine": engine_identity, "text": spoken_text},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ClipCache:
    """16-bit mono WAV files under ``root/clips/ab/abcdef....wav``, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root / "clips"

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def get(self, key: str) -> tuple[np.ndarray, int] | None:
        """The cached samples (float32) and their rate, or None when absent or unreadable."""
        path = self.path(key)
        try:
            with wave.open(str(path), "rb") as reader:
                rate = reader.getframerate()
                expected = reader.getnframes() * reader.getsampwidth() * reader.getnchannels()
                frames = reader.readframes(reader.getnframes())
                valid = reader.getsampwidth() == 2 and reader.getnchannels() == 1
        except FileNotFoundError:
            return None
        except (wave.Error, EOFError, OSError):
            valid, frames, expected = False, b"", -1
        if valid and len(frames) == expected:
            with contextlib.suppress(OSError):
                os.utime(path)  # "unused for N days" counts from the last read
        if not valid or len(frames) != expected:
            # A damaged entry (cut short, or not ours): drop it so the clip is made again.
            log.warning("clip cache: discarding damaged entry %s", path)
            path.unlink(missing_ok=True)
            return None
        return from_pcm16(frames), rate

    def words(self, key: str) -> tuple[tuple[int, int], ...] | None:
        """The word spans stored with a clip, or None when it has none."""
        try:
            spans = json.loads(self._words_path(key).read_text(encoding="utf-8"))
            return tuple((int(a), int(b)) for a, b in spans)
        except (OSError, ValueError, TypeError):
            return None

    def _words_path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.words.json"

    def put(
        self,
        key: str,
        samples: np.ndarray,
        sample_rate: int,
        word_spans: tuple[tuple[int, int], ...] | None = None,
    ) -> None:
        """Store a clip (and its word spans, written first: a clip present has its words);
        a reader sees either no entry or the whole entry."""
        path = self.path(key)
        pcm = to_pcm16(samples)
        if word_spans is not None:
            spans = json.dumps([list(span) for span in word_spans], separators=(",", ":"))
            with replacing(self._words_path(key)) as temp:
                temp.write_text(spans, encoding="utf-8")
        with replacing(path) as temp, wave.open(str(temp), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(sample_rate)
            writer.writeframes(pcm)

    def entries(self) -> list[Path]:
        """Every stored clip: a key's name, never a hidden temporary file of a clip being
        written (nor one an earlier version left behind)."""
        return sorted(self.root.glob("??/[!.]*.wav")) if self.root.is_dir() else []

    def usage(self) -> tuple[int, int]:
        """(clips, bytes) stored."""
        entries = self.entries()
        return len(entries), sum(path.stat().st_size for path in entries)

    def clear(self, older_than_s: float | None = None) -> tuple[int, int]:
        """Delete clips (only those unused for ``older_than_s`` seconds, when given) and the
        temporary files a killed build left behind; return (clips, bytes) removed."""
        import time

        for folder in self.root.glob("??") if self.root.is_dir() else []:
            remove_stale_temporaries(folder)
        cutoff = time.time() - older_than_s if older_than_s is not None else None
        files = size = 0
        for path in self.entries():
            try:
                stat = path.stat()
                if cutoff is None or stat.st_mtime < cutoff:
                    path.unlink()
                    path.with_suffix(".words.json").unlink(missing_ok=True)
                    files, size = files + 1, size + stat.st_size
            except OSError:
                continue  # gone already
        return files, size

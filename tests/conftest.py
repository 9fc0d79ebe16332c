"""Shared fixtures: the real Piper voice (loaded once), real ffmpeg, and paths to fixtures."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from audio_edition import Article
from audio_edition.media import ffmpeg_exe, to_pcm16
from audio_edition.tts import Engine, engine_for

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_file(relative: str) -> Path:
    """A file of ../shared, or skip the test with a message when it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared real-world articles are not checked out here")
    return path


class CountingEngine:
    """The real engine, with every synthesis call recorded (to prove what the cache saves)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.offline = engine.offline
        self.accepts_phonemes = engine.accepts_phonemes
        self.concurrency = engine.concurrency
        self.texts: list[str] = []

    @property
    def ready(self) -> bool:
        return self.engine.ready

    @property
    def sample_rate(self) -> int:
        return self.engine.sample_rate

    def identity(self) -> dict[str, Any]:
        return self.engine.identity()

    def synthesize(self, text: str) -> np.ndarray:
        self.texts.append(text)
        return self.engine.synthesize(text)


@pytest.fixture(scope="session")
def piper() -> Engine:
    """The bundled Piper voice, loaded once for the whole test session."""
    return engine_for("joe")


@pytest.fixture
def counting(piper: Engine) -> CountingEngine:
    return CountingEngine(piper)


@pytest.fixture
def article_copy(tmp_path: Path) -> Iterator[Path]:
    """The short fixture article, copied so a test may edit it."""
    target = tmp_path / "short-article.txt"
    shutil.copy(FIXTURES / "short-article.txt", target)
    yield target


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated loudness in LUFS, true peak in dBTP) as ffmpeg's EBU R128 scanner reports."""
    done = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-nostats", "-i", str(path),
         "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    summary = done.stderr.rsplit("Summary:", 1)[1]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))  # type: ignore[union-attr]
    peak = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))  # type: ignore[union-attr]
    return integrated, peak


def ffmpeg_info(path: Path) -> str:
    """What ``ffmpeg -i`` prints about a file."""
    done = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True
    )
    return done.stderr


def decode_errors(path: Path) -> str:
    """Errors ffmpeg reports while decoding the whole file (empty when it decodes cleanly)."""
    done = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True, text=True,
    )  # fmt: skip
    return done.stderr.strip() if done.returncode == 0 else f"exit {done.returncode}: {done.stderr}"


def tiny_png() -> bytes:
    """A valid 1x1 PNG, built here so no image file is needed."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x80\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# Google Translate's TTS endpoint for the British voice, as the gtts package calls it.
ENDPOINT = re.compile(r"https://translate\.google\.co\.uk/_/TranslateWebserverUi/data/batchexecute")


@pytest.fixture(scope="session")
def google_mp3(piper: Engine) -> bytes:
    """An MP3 shaped like Google's (24 kHz mono), made from real speech by our own voice."""
    speech = piper.synthesize("The ferry sails at dawn.")
    done = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-f", "s16le", "-ar", str(piper.sample_rate), "-ac", "1",
         "-i", "pipe:0", "-ar", "24000", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", "pipe:1"],
        input=to_pcm16(speech), capture_output=True, check=True,
    )  # fmt: skip
    return done.stdout


def batchexecute_body(mp3: bytes) -> str:
    """A batchexecute answer in the shape Google Translate sends (as gtts parses it)."""
    encoded = base64.b64encode(mp3).decode("ascii")
    return f')]}}\'\n\n{len(encoded) + 60}\n[["wrb.fr","jQ1olc","[\\"{encoded}\\"]",null,null,null,"generic"]]\n'


def tone_file(path: Path, frequency: int, seconds: float) -> Path:
    """A sine tone written by ffmpeg in the format ``path``'s suffix names (music for tests)."""
    subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i",
         f"sine=frequency={frequency}:duration={seconds}", "-y", str(path)],
        check=True,
    )  # fmt: skip
    return path


def heard(article: Article) -> list[str]:
    """Every text the listener hears as written, in order: headline, lede, headings, paragraphs."""
    parts = [article.headline]
    if article.lede:
        parts.append(article.lede)
    for section in article.sections:
        if section.heading:
            parts.append(section.heading)
        parts.extend(section.paragraphs)
    return parts

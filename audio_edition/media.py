"""The ground every audio stage stands on: the ffmpeg binary (from imageio-ffmpeg, so no system
install), running it, decoding any audio file to samples, and 16-bit PCM in and out.
"""

from __future__ import annotations

import logging
import signal
import subprocess
from functools import cache
from pathlib import Path

import numpy as np

from .errors import EncodeError

log = logging.getLogger(__name__)


def to_pcm16(samples: np.ndarray) -> bytes:
    """Float samples in [-1, 1] -> little-endian 16-bit PCM."""
    return np.clip(np.round(samples * 32767.0), -32767, 32767).astype("<i2").tobytes()


def from_pcm16(data: bytes) -> np.ndarray:
    """Little-endian 16-bit PCM -> float32 samples; exact inverse of ``to_pcm16``."""
    samples: np.ndarray = np.frombuffer(data, dtype="<i2").astype(np.float32) / np.float32(32767.0)
    return samples


@cache
def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary bundled with imageio-ffmpeg."""
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def run_ffmpeg(
    args: list[str],
    *,
    input_bytes: bytes | None = None,
    subject: str | Path,
    strict: bool = False,
) -> bytes:
    """Run ffmpeg with ``args``; return its stdout or raise with the last line it printed.

    ``strict`` also fails when ffmpeg reports errors but finishes (a damaged stream)."""
    argv = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", *args]
    log.debug("ffmpeg: %s", " ".join(argv))
    try:
        done = subprocess.run(argv, input=input_bytes, capture_output=True, check=False)
    except OSError as exc:
        raise EncodeError(f"cannot run ffmpeg: {exc}", subject) from exc
    if done.returncode != 0:
        raise EncodeError(describe_failure(done.returncode, done.stderr), subject)
    if strict and done.stderr.strip():
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1]
        raise EncodeError(f"the audio does not decode cleanly: {last}", subject)
    return done.stdout


def describe_failure(returncode: int, stderr: bytes) -> str:
    """What went wrong, in one line: ffmpeg's last message, or the signal that stopped it."""
    if returncode < 0:
        name = signal.Signals(-returncode).name
        if name == "SIGXFSZ":
            return "cannot write: File too large (the disk is full or a size limit was reached)"
        return f"ffmpeg was stopped by {name}"
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return f"ffmpeg failed: {lines[-1] if lines else returncode}"


def decode_audio(
    path: Path,
    sample_rate: int | None = None,
    *,
    subject: str | Path | None = None,
    strict: bool = False,
) -> tuple[np.ndarray, int]:
    """Decode any audio file to mono float32 samples (at ``sample_rate`` when given);
    ``strict`` refuses a file ffmpeg reports errors in."""
    rate = sample_rate or _probe_rate(path)
    pcm = run_ffmpeg(
        ["-i", str(path), "-ac", "1", "-ar", str(rate), "-f", "s16le", "pipe:1"],
        subject=subject or path,
        strict=strict,
    )
    return from_pcm16(pcm), rate


def decode_audio_bytes(data: bytes, sample_rate: int, *, subject: str) -> tuple[np.ndarray, int]:
    """Decode an audio file held in memory (e.g. MP3 from an online engine) to mono float32."""
    pcm = run_ffmpeg(
        ["-i", "pipe:0", "-ac", "1", "-ar", str(sample_rate), "-f", "s16le", "pipe:1"],
        input_bytes=data,
        subject=subject,
    )
    return from_pcm16(pcm), sample_rate


def probe_duration_ms(path: Path) -> int:
    """Length of an audio file, in milliseconds (decoded, so exact for any format)."""
    samples, rate = decode_audio(path, 8000)
    return len(samples) * 1000 // rate


def _probe_rate(path: Path) -> int:
    from mutagen import File as MutagenFile

    info = MutagenFile(path)
    if info is None or not getattr(info.info, "sample_rate", None):
        raise EncodeError("not an audio file ffmpeg can read", path)
    return int(info.info.sample_rate)

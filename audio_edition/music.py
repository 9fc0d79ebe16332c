"""Intro and outro music and a sting between sections, mixed under the speech.

Music plays at its own level where nobody speaks and is ducked well under the voice where
somebody does, with short fades so it never jumps; loudness is set afterwards, on the mix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import InputError

# Music under speech is at least this far below the music's own level.
DUCK_DB = 24.0
# Music alone is set this far below full scale before the mix is normalized.
MUSIC_LEVEL_DB = -14.0
FADE_MS = 400
# The longest a sting between sections may last.
MAX_STING_MS = 8000


@dataclass(frozen=True)
class MusicCue:
    """One placement of a music file in the programme."""

    samples: np.ndarray
    """Mono float32 samples at the programme's rate."""

    start_ms: int
    """Where it starts in the programme."""

    end_ms: int | None = None
    """Where it must have faded out by (None: play to its end)."""


def load_music(path: Path, rate: int) -> np.ndarray:
    """A music file of any format ffmpeg reads, as mono float32 at ``rate``."""
    from .encode import decode_audio
    from .errors import EncodeError

    if not path.is_file():
        raise InputError("no such music file", path)
    try:
        samples, _ = decode_audio(path, rate)
    except EncodeError as exc:
        raise InputError("not an audio file ffmpeg can read", path) from exc
    if samples.size == 0:
        raise InputError("the music file holds no audio", path)
    peak = float(np.max(np.abs(samples)))
    level = 10 ** (MUSIC_LEVEL_DB / 20)
    scaled: np.ndarray = (
        (samples * np.float32(level / peak)).astype(np.float32) if peak else samples
    )
    return scaled


def speech_mask(length: int, rate: int, spans_ms: list[tuple[int, int]]) -> np.ndarray:
    """1.0 where somebody speaks (per the cue spans), else 0.0."""
    mask = np.zeros(length, dtype=np.float32)
    for start_ms, end_ms in spans_ms:
        mask[start_ms * rate // 1000 : end_ms * rate // 1000] = 1.0
    return mask


def mix_music(
    speech: np.ndarray,
    rate: int,
    cues: list[MusicCue],
    speech_spans_ms: list[tuple[int, int]],
    *,
    duck_db: float = DUCK_DB,
    fade_ms: int = FADE_MS,
) -> np.ndarray:
    """Lay each music cue under ``speech``, ducked by ``duck_db`` wherever speech is heard."""
    if not cues:
        return speech
    fade = max(1, rate * fade_ms // 1000)
    # The ducking follows speech with a fade on both sides: widen the mask, then smooth it.
    from .dsp import sliding_mean

    mask = speech_mask(speech.size, rate, speech_spans_ms)
    widened = (sliding_mean(mask, 2 * fade + 1) > 0).astype(np.float32)  # speech within a fade
    ducking = sliding_mean(widened, fade | 1)
    floor = np.float32(10 ** (-duck_db / 20))
    gain = 1.0 - ducking * (1.0 - floor)
    mixed = speech.astype(np.float32, copy=True)
    for cue in cues:
        start = cue.start_ms * rate // 1000
        end = speech.size if cue.end_ms is None else min(speech.size, cue.end_ms * rate // 1000)
        piece = cue.samples[: max(0, end - start)].copy()
        if piece.size == 0:
            continue
        ramp = min(fade, piece.size // 2)
        if ramp:
            piece[:ramp] *= np.linspace(0.0, 1.0, ramp, dtype=np.float32)
            piece[-ramp:] *= np.linspace(1.0, 0.0, ramp, dtype=np.float32)
        mixed[start : start + piece.size] += piece * gain[start : start + piece.size]
    return mixed

"""Intro and outro music and a sting between sections, mixed under the speech.

Music plays at its own level where nobody speaks and is ducked well under the voice where
somebody does, with short fades so it never jumps; loudness is set afterwards, on the mix.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..config import Settings
from ..errors import InputError
from ..models import Cue, Script

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
    from ..errors import EncodeError
    from ..media import decode_audio

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


class MusicBed:
    """Music cues laid under a programme of ``length`` samples, ducked by ``duck_db`` wherever
    speech is heard; mixed into the programme chunk by chunk, so it need not be in memory."""

    def __init__(
        self,
        rate: int,
        length: int,
        cues: list[MusicCue],
        speech_spans_ms: list[tuple[int, int]],
        *,
        duck_db: float = DUCK_DB,
        fade_ms: int = FADE_MS,
    ) -> None:
        self.rate, self.length = rate, length
        self._fade = max(1, rate * fade_ms // 1000)
        self._floor = np.float32(10 ** (-duck_db / 20))
        self._spans = [
            (start_ms * rate // 1000, end_ms * rate // 1000) for start_ms, end_ms in speech_spans_ms
        ]
        # Each cue as (first sample, faded samples), cut where it must have ended.
        self._placed: list[tuple[int, np.ndarray]] = []
        for cue in cues:
            start = cue.start_ms * rate // 1000
            end = length if cue.end_ms is None else min(length, cue.end_ms * rate // 1000)
            piece = cue.samples[: max(0, end - start)].astype(np.float32, copy=True)
            ramp = min(self._fade, piece.size // 2)
            if ramp:
                piece[:ramp] *= np.linspace(0.0, 1.0, ramp, dtype=np.float32)
                piece[-ramp:] *= np.linspace(1.0, 0.0, ramp, dtype=np.float32)
            if piece.size:
                self._placed.append((start, piece))

    def apply(self, chunk: np.ndarray, start: int) -> np.ndarray:
        """``chunk`` (samples ``start`` onwards of the programme) with the music mixed in."""
        end = start + chunk.size
        mixed = chunk.astype(np.float32, copy=True)
        if not any(first < end and first + piece.size > start for first, piece in self._placed):
            return mixed
        gain = self._music_gain(start, end)
        for first, piece in self._placed:
            lo, hi = max(start, first), min(end, first + piece.size)
            if lo < hi:
                music = piece[lo - first : hi - first] * gain[lo - start : hi - start]
                mixed[lo - start : hi - start] += music
        return mixed

    def _music_gain(self, start: int, end: int) -> np.ndarray:
        """The music's gain over samples [start, end): 1 alone, the ducking floor under speech,
        with a fade on both sides of speech. Worked out with a margin around the range, wider
        than the fades reach, so any cut into chunks gives the same gain as the whole."""
        from .dsp import sliding_mean

        fade = self._fade
        lo, hi = max(0, start - 3 * fade), min(self.length, end + 3 * fade)
        mask = np.zeros(hi - lo, dtype=np.float32)
        for first, last in self._spans:
            if first < hi and last > lo:
                mask[max(first, lo) - lo : min(last, hi) - lo] = 1.0
        # Sums of zeros and ones are exact, so "any speech within a fade" never misfires.
        widened = (sliding_mean(mask, 2 * fade + 1) > 0).astype(np.float32)
        ducking = sliding_mean(widened, fade | 1)
        gain: np.ndarray = 1.0 - ducking * (1.0 - self._floor)
        return gain[start - lo : end - lo]


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
    bed = MusicBed(rate, speech.size, cues, speech_spans_ms, duck_db=duck_db, fade_ms=fade_ms)
    return bed.apply(speech, 0)


# Music under the intro plays alone this long before the first word.
INTRO_MUSIC_LEAD_MS = 3000
# Music under the outro plays on this long after the last word.
OUTRO_MUSIC_TAIL_MS = 5000
# Outro music starts this long before the outro's first word.
OUTRO_MUSIC_EARLY_MS = 1000
# The section sting sits this far into the pause before a heading, and leaves as much after it.
STING_MARGIN_MS = 300


def music_fingerprint(settings: Settings) -> dict[str, str]:
    """Hashes of the music files in use (they shape the output), by their role."""
    files = {
        "intro": settings.intro_music,
        "outro": settings.outro_music,
        "sting": settings.section_sting,
    }
    hashes = {}
    for role, path in files.items():
        if path is None:
            continue
        try:
            hashes[role] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise InputError(f"cannot read music file: {exc.strerror or exc}", path) from exc
    return hashes


def make_room_for_music(script: Script, settings: Settings) -> Script:
    """Longer silences where music plays alone: before the first word, after the last, and
    around each section sting."""
    from ..media import probe_duration_ms

    lead_in = script.lead_in_ms
    if settings.intro_music:
        lead_in = max(lead_in, INTRO_MUSIC_LEAD_MS)
    segments = list(script.segments)
    if settings.outro_music and segments:
        last = segments[-1]
        segments[-1] = replace(last, pause_after_ms=max(last.pause_after_ms, OUTRO_MUSIC_TAIL_MS))
    if settings.section_sting:
        sting_ms = probe_duration_ms(settings.section_sting)
        needed = sting_ms + 2 * STING_MARGIN_MS
        for index, segment in enumerate(segments[1:], 1):
            if segment.kind == "heading" and segments[index - 1].kind != "heading":
                before = segments[index - 1]
                segments[index - 1] = replace(
                    before, pause_after_ms=max(before.pause_after_ms, needed)
                )
    return replace(script, segments=tuple(segments), lead_in_ms=lead_in)


def music_bed(
    rate: int, length: int, script: Script, cues: tuple[Cue, ...], settings: Settings
) -> MusicBed | None:
    """Intro and outro music and section stings to mix under the speech (None: no music)."""
    if not (settings.intro_music or settings.outro_music or settings.section_sting):
        return None
    placed: list[MusicCue] = []
    spoken = list(zip(script.segments, cues, strict=True))
    if settings.intro_music:
        opening = [cue for segment, cue in spoken if segment.kind in ("intro", "headline")]
        end_ms = (opening[-1].end_ms if opening else INTRO_MUSIC_LEAD_MS) + INTRO_MUSIC_LEAD_MS
        placed.append(MusicCue(load_music(settings.intro_music, rate), 0, end_ms))
    if settings.outro_music:
        closing = [cue for segment, cue in spoken if segment.kind == "outro"] or [cues[-1]]
        start_ms = max(0, closing[0].start_ms - OUTRO_MUSIC_EARLY_MS)
        placed.append(MusicCue(load_music(settings.outro_music, rate), start_ms))
    if settings.section_sting:
        sting = load_music(settings.section_sting, rate)
        for index, (segment, cue) in enumerate(spoken[1:], 1):
            if segment.kind == "heading" and spoken[index - 1][0].kind != "heading":
                start_ms = spoken[index - 1][1].end_ms + STING_MARGIN_MS
                placed.append(MusicCue(sting, start_ms, cue.start_ms - STING_MARGIN_MS // 2))
    speech_spans = [(cue.start_ms, cue.end_ms) for cue in cues]
    return MusicBed(rate, length, placed, speech_spans)

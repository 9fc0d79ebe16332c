"""Clips + pauses -> one programme, with chapter and cue times taken from the real clip lengths."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .dsp import resample
from .models import Chapter, Clip, Cue, Script
from .tts.cache import from_pcm16, to_pcm16


@dataclass(frozen=True, eq=False)
class Programme:
    """The assembled audio of an edition and its timings."""

    audio: object
    """The programme as a pydub ``AudioSegment`` (mono, 16-bit)."""

    sample_rate: int
    """Samples per second of ``audio``."""

    chapters: tuple[Chapter, ...]
    """Chapters covering the whole programme, in order."""

    cues: tuple[Cue, ...]
    """One cue per segment (sentence), in order."""

    @property
    def samples(self) -> np.ndarray:
        """The programme as float32 samples."""
        return from_pcm16(self.audio.raw_data)  # type: ignore[attr-defined]

    @property
    def duration_ms(self) -> int:
        return len(self.audio.raw_data) // 2 * 1000 // self.sample_rate  # type: ignore[attr-defined]


def assemble(script: Script, clips: Sequence[Clip]) -> Programme:
    """Stitch ``clips`` (one per script segment) with the script's pauses.

    The PCM pieces are joined once into a single pydub ``AudioSegment``: adding segments one by
    one would copy the growing programme for every clip, which is quadratic in its length.
    """
    from .audio import AudioSegment

    rate = max((clip.sample_rate for clip in clips), default=22050)
    pieces: list[bytes] = [_silence(script.lead_in_ms, rate)]
    position = len(pieces[0]) // 2
    cues: list[Cue] = []
    chapter_starts: dict[int, int] = {0: 0}
    for segment, clip in zip(script.segments, clips, strict=True):
        samples = resample(clip.samples, clip.sample_rate, rate)
        chapter_starts.setdefault(segment.chapter, position)
        start = position
        pieces.append(to_pcm16(samples))
        position += samples.size
        cues.append(Cue(_ms(start, rate), _ms(position, rate), segment.display_text))
        silence = _silence(segment.pause_after_ms, rate)
        pieces.append(silence)
        position += len(silence) // 2
    audio = AudioSegment(data=b"".join(pieces), sample_width=2, frame_rate=rate, channels=1)
    end_ms = _ms(position, rate)
    starts = [_ms(chapter_starts.get(i, position), rate) for i in range(len(script.chapters))]
    chapters = tuple(
        Chapter(mark.title, starts[i], starts[i + 1] if i + 1 < len(starts) else end_ms)
        for i, mark in enumerate(script.chapters)
    )
    return Programme(audio, rate, chapters, tuple(cues))


def _silence(duration_ms: int, rate: int) -> bytes:
    return bytes(2 * (rate * duration_ms // 1000))


def _ms(samples: int, rate: int) -> int:
    return samples * 1000 // rate

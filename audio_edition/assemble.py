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


class Assembler:
    """Stitches clips, as they arrive, with the script's pauses into one pydub programme.

    Each clip becomes 16-bit PCM as soon as it is added (the float clip can then go), and the
    pieces are joined once at the end into a single pydub ``AudioSegment``: adding segments
    one by one would copy the growing programme for every clip, quadratic in its length.
    """

    def __init__(self, script: Script, sample_rate: int) -> None:
        self.script = script
        self.rate = sample_rate
        self._pieces: list[bytes] = [_silence(script.lead_in_ms, sample_rate)]
        self._position = len(self._pieces[0]) // 2
        self._cues: list[Cue] = []
        self._chapter_starts: dict[int, int] = {0: 0}

    def add(self, clip: Clip) -> None:
        """Append the clip of the next segment, then that segment's pause."""
        segment = self.script.segments[len(self._cues)]
        samples = resample(clip.samples, clip.sample_rate, self.rate)
        self._chapter_starts.setdefault(segment.chapter, self._position)
        start = self._position
        self._pieces.append(to_pcm16(samples))
        self._position += samples.size
        self._cues.append(
            Cue(_ms(start, self.rate), _ms(self._position, self.rate), segment.display_text)
        )
        silence = _silence(segment.pause_after_ms, self.rate)
        self._pieces.append(silence)
        self._position += len(silence) // 2

    def finish(self) -> Programme:
        """The programme, once every segment's clip has been added."""
        from .audio import AudioSegment

        if len(self._cues) != len(self.script.segments):
            raise ValueError("a clip is missing: add one per segment before finishing")
        data = b"".join(self._pieces)
        self._pieces = []
        audio = AudioSegment(data=data, sample_width=2, frame_rate=self.rate, channels=1)
        end_ms = _ms(self._position, self.rate)
        starts = [
            _ms(self._chapter_starts.get(i, self._position), self.rate)
            for i in range(len(self.script.chapters))
        ]
        chapters = tuple(
            Chapter(mark.title, starts[i], starts[i + 1] if i + 1 < len(starts) else end_ms)
            for i, mark in enumerate(self.script.chapters)
        )
        return Programme(audio, self.rate, chapters, tuple(self._cues))


def assemble(script: Script, clips: Sequence[Clip]) -> Programme:
    """Stitch ``clips`` (one per script segment) at the highest of their rates."""
    assembler = Assembler(script, max((clip.sample_rate for clip in clips), default=22050))
    for clip in clips:
        assembler.add(clip)
    return assembler.finish()


def _silence(duration_ms: int, rate: int) -> bytes:
    return bytes(2 * (rate * duration_ms // 1000))


def _ms(samples: int, rate: int) -> int:
    return samples * 1000 // rate

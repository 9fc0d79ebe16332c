"""Clips + pauses -> one programme, with chapter and cue times taken from the real clip lengths.

The programme goes to an unnamed temporary file as it is assembled, not into memory: an hour
of speech is 150 MB of samples, and the build's memory must not grow with the article.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from ..errors import AudioEditionError
from ..media import from_pcm16, to_pcm16
from ..models import Chapter, Clip, Cue, Script
from .dsp import resample

# Samples read back from the programme file at a time.
READ_CHUNK = 1 << 18


@dataclass(frozen=True, eq=False)
class Programme:
    """The assembled audio of an edition (16-bit mono PCM in a temporary file) and its timings.

    Close it (or use it as a context manager) to free the file.
    """

    store: BinaryIO
    """The samples, little-endian 16-bit mono."""

    sample_rate: int
    """Samples per second."""

    length: int
    """Samples in all."""

    chapters: tuple[Chapter, ...]
    """Chapters covering the whole programme, in order."""

    cues: tuple[Cue, ...]
    """One cue per segment (sentence), in order."""

    word_times: tuple[tuple[tuple[int, int], ...] | None, ...] = ()
    """Per segment: (start, end) in milliseconds of each of its spoken words, or None when its
    engine gave no word timings."""

    @property
    def duration_ms(self) -> int:
        return self.length * 1000 // self.sample_rate

    def chunks(self, size: int = READ_CHUNK) -> Iterator[np.ndarray]:
        """The programme as float32 samples, ``size`` at a time, from the start."""
        self.store.seek(0)
        while data := self.store.read(2 * size):
            yield from_pcm16(data)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Programme:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class Assembler:
    """Stitches clips, as they arrive, with the script's pauses into one programme.

    Each segment (its clip, then the pause after it) becomes a pydub ``AudioSegment`` whose
    samples are appended to the programme's file, and handed to ``listener`` (a loudness
    meter, say) so that work on the programme proceeds while later clips are synthesized.
    """

    def __init__(
        self,
        script: Script,
        sample_rate: int,
        *,
        folder: Path | None = None,
        listener: Callable[[np.ndarray], None] | None = None,
    ) -> None:
        self.script = script
        self.rate = sample_rate
        self._listener = listener
        self._folder = folder or Path(tempfile.gettempdir())
        # Unnamed where the system allows: it vanishes with the process, however it ends.
        try:
            self._store: BinaryIO = tempfile.TemporaryFile(  # noqa: SIM115 - closed by Programme
                dir=folder, prefix=".programme-"
            )
        except OSError as exc:  # a read-only folder: one clear line
            raise AudioEditionError(f"cannot write: {exc.strerror or exc}", self._folder) from exc
        self._position = 0
        self._cues: list[Cue] = []
        self._word_times: list[tuple[tuple[int, int], ...] | None] = []
        self._chapter_starts: dict[int, int] = {0: 0}
        self._append(_silence(script.lead_in_ms, sample_rate))

    def add(self, clip: Clip) -> None:
        """Append the clip of the next segment, then that segment's pause."""
        segment = self.script.segments[len(self._cues)]
        samples = resample(clip.samples, clip.sample_rate, self.rate)
        self._chapter_starts.setdefault(segment.chapter, self._position)
        start = self._position
        # The pause is made of whole samples: pydub's own silence rounds through floats.
        spoken = self._segment(to_pcm16(samples))
        pause = self._segment(_silence(segment.pause_after_ms, self.rate))
        self._append((spoken + pause).raw_data)
        end = start + samples.size
        self._cues.append(Cue(_ms(start, self.rate), _ms(end, self.rate), segment.display_text))
        self._word_times.append(self._placed(clip, start))

    def _placed(self, clip: Clip, start: int) -> tuple[tuple[int, int], ...] | None:
        """The clip's word spans in milliseconds of the programme (through its resampling)."""
        if clip.word_spans is None:
            return None
        scale = self.rate / clip.sample_rate
        return tuple(
            (_ms(start + round(a * scale), self.rate), _ms(start + round(b * scale), self.rate))
            for a, b in clip.word_spans
        )

    def finish(self) -> Programme:
        """The programme, once every segment's clip has been added."""
        if len(self._cues) != len(self.script.segments):
            raise ValueError("a clip is missing: add one per segment before finishing")
        self._store.flush()
        end_ms = _ms(self._position, self.rate)
        starts = [
            _ms(self._chapter_starts.get(i, self._position), self.rate)
            for i in range(len(self.script.chapters))
        ]
        chapters = tuple(
            Chapter(mark.title, starts[i], starts[i + 1] if i + 1 < len(starts) else end_ms)
            for i, mark in enumerate(self.script.chapters)
        )
        return Programme(
            self._store,
            self.rate,
            self._position,
            chapters,
            tuple(self._cues),
            tuple(self._word_times),
        )

    def abandon(self) -> None:
        """Free the programme's file when the build stops before ``finish``."""
        self._store.close()

    def _segment(self, pcm: bytes) -> Any:
        from .audio import AudioSegment

        return AudioSegment(data=pcm, sample_width=2, frame_rate=self.rate, channels=1)

    def _append(self, pcm: bytes) -> None:
        try:
            self._store.write(pcm)
        except OSError as exc:  # a full disk: one clear line
            raise AudioEditionError(
                f"cannot write the programme: {exc.strerror or exc}", self._folder
            ) from exc
        self._position += len(pcm) // 2
        if self._listener is not None:  # it hears exactly what was stored
            self._listener(from_pcm16(pcm))


def _silence(duration_ms: int, rate: int) -> bytes:
    return bytes(2 * (rate * duration_ms // 1000))


def _ms(samples: int, rate: int) -> int:
    return samples * 1000 // rate

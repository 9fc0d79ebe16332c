"""Speech: a script's segments in, clips out (samples, and the words' times when the engine
knows them). Engines sit behind one small protocol and a registry; clips are cached by content."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import AudioEditionError, ConfigError
from ..media import from_pcm16, to_pcm16
from ..models import Clip
from .cache import ClipCache, cache_key, default_cache_dir
from .voices import VoicePreset, load_presets


class Engine(Protocol):
    """What the pipeline needs from a speech engine.

    An engine that knows where its words are (Piper) also has ``timed`` (True once it can
    say) and ``synthesize_timed(text) -> (samples, word spans or None)``; the synthesizer uses
    them when present, and the transcript falls back to sentences for the others."""

    offline: bool
    """True when the engine needs no network."""

    accepts_phonemes: bool
    """True when ``synthesize`` reads inline IPA in Piper's form: ``"in [[ kˈiːɪv ]] today"``."""

    concurrency: int
    """How many ``synthesize`` calls may usefully run at once, from different threads."""

    @property
    def ready(self) -> bool:
        """True when the engine can synthesize now (model present...)."""

    @property
    def sample_rate(self) -> int:
        """Rate of the samples ``synthesize`` returns, in hertz."""

    def identity(self) -> dict[str, Any]:
        """Everything that changes the sound; part of every cache key."""

    def synthesize(self, text: str) -> np.ndarray:
        """Mono float32 samples in [-1, 1] for ``text``."""


def _piper(preset: VoicePreset) -> Engine:
    from .piper import PiperEngine

    return PiperEngine(preset)


def _gtts(preset: VoicePreset) -> Engine:
    from .gtts import GttsEngine

    return GttsEngine(preset)


ENGINES: dict[str, Callable[[VoicePreset], Engine]] = {"piper": _piper, "gtts": _gtts}
"""Engine name -> factory taking a preset. Engines import their heavy modules lazily."""


def engine_for(name: str, voices_dir: Path | None = None) -> Engine:
    """The engine for the voice preset called ``name``."""
    presets = load_presets(voices_dir)
    preset = presets.get(name)
    if preset is None:
        known = ", ".join(sorted(presets)) or "none"
        raise ConfigError(f"unknown voice (available: {known})", name)
    factory = ENGINES.get(preset.engine)
    if factory is None:
        known = ", ".join(sorted(ENGINES))
        raise ConfigError(f"unknown engine {preset.engine!r} (known: {known})", preset.path)
    return factory(preset)


@dataclass(frozen=True)
class VoiceStatus:
    """A voice preset and whether it can speak on this machine (``audio-edition voices``)."""

    name: str
    preset: VoicePreset
    offline: bool | None
    """Whether the engine works without a network; None when it could not be created."""
    ready: str
    """"yes", "needs network", "no", or "no: <why>" / "unknown engine"."""

    @property
    def description(self) -> str:
        """The preset's display name; empty for a preset of an engine that does not exist."""
        return self.preset.display_name if self.preset.engine in ENGINES else ""


def voice_statuses(voices_dir: Path | None = None) -> list[VoiceStatus]:
    """Every preset, by name, with its engine's offline use and readiness."""
    statuses = []
    for name, preset in sorted(load_presets(voices_dir).items()):
        factory = ENGINES.get(preset.engine)
        if factory is None:
            statuses.append(VoiceStatus(name, preset, None, "unknown engine"))
            continue
        try:
            engine = factory(preset)
        except AudioEditionError as exc:
            statuses.append(VoiceStatus(name, preset, None, f"no: {exc.message}"))
            continue
        ready = ("yes" if engine.offline else "needs network") if engine.ready else "no"
        statuses.append(VoiceStatus(name, preset, engine.offline, ready))
    return statuses


class EngineSet:
    """Engines by voice name, each created once per run (so each model loads once)."""

    def __init__(
        self, voices_dir: Path | None = None, given: Mapping[str, Engine] | None = None
    ) -> None:
        self.voices_dir = voices_dir
        self._engines: dict[str, Engine] = dict(given or {})

    def __getitem__(self, voice: str) -> Engine:
        if voice not in self._engines:
            self._engines[voice] = engine_for(voice, self.voices_dir)
        return self._engines[voice]


# Level below the clip's peak under which leading and trailing audio counts as silence.
_SILENCE_BELOW_PEAK_DB = 40.0
# Silence kept at each end of a clip so words are not clipped, in milliseconds.
_EDGE_MS = 40


def trim_silence(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Cut an engine's own leading and trailing silence, so pauses are exactly the style's."""
    start, end = sound_bounds(samples, sample_rate)
    return samples[start:end]


def sound_bounds(samples: np.ndarray, sample_rate: int) -> tuple[int, int]:
    """(start, end) of the samples ``trim_silence`` keeps."""
    if samples.size == 0:
        return 0, 0
    peak = float(np.max(np.abs(samples)))
    if peak == 0.0:
        return 0, 0
    threshold = peak * 10 ** (-_SILENCE_BELOW_PEAK_DB / 20)
    loud = np.flatnonzero(np.abs(samples) > threshold)
    edge = sample_rate * _EDGE_MS // 1000
    return max(0, int(loud[0]) - edge), min(samples.size, int(loud[-1]) + 1 + edge)


def _shifted(
    spans: list[tuple[int, int]] | None, start: int, end: int
) -> tuple[tuple[int, int], ...] | None:
    """Word spans of the untrimmed speech, in the trimmed clip's samples."""
    if spans is None:
        return None
    limit = end - start
    return tuple((min(max(0, a - start), limit), min(max(0, b - start), limit)) for a, b in spans)


class Synthesizer:
    """Synthesizes spoken texts with one engine, through the clip cache when there is one."""

    def __init__(self, engine: Engine, cache: ClipCache | None) -> None:
        self.engine = engine
        self.cache = cache
        self.engine_calls = 0
        self._identity = engine.identity()
        self._count_lock = threading.Lock()  # clips may be made from several threads

    def key(self, spoken_text: str) -> str:
        return cache_key(self._identity, spoken_text)

    def clip(self, spoken_text: str) -> Clip:
        """The clip for ``spoken_text``: from the cache, or synthesized and then cached. A
        clip cached without the word timings its engine can give is made again."""
        key = self.key(spoken_text)
        timed = getattr(self.engine, "synthesize_timed", None)
        if self.cache is not None:
            hit = self.cache.get(key)
            words = self.cache.words(key) if hit is not None else None
            if hit is not None and (words is not None or not _gives_timings(self.engine)):
                return Clip(hit[0], hit[1], cached=True, word_spans=words)
        with self._count_lock:
            self.engine_calls += 1
        rate = self.engine.sample_rate
        if timed is not None:
            speech, spans = timed(spoken_text)
        else:
            speech, spans = self.engine.synthesize(spoken_text), None
        start, end = sound_bounds(speech, rate)
        # Quantized like a cached clip, so a rebuild from the cache sounds bit-identical.
        samples = from_pcm16(to_pcm16(speech[start:end]))
        word_spans = _shifted(spans, start, end)
        if self.cache is not None:
            self.cache.put(key, samples, rate, word_spans)
        return Clip(samples, rate, cached=False, word_spans=word_spans)


def _gives_timings(engine: Engine) -> bool:
    """Whether the engine says where its words are (Piper with alignments)."""
    return bool(getattr(engine, "timed", False))


def clips_in_order(requests: Iterable[tuple[Synthesizer, str]], workers: int) -> Iterator[Clip]:
    """The clip of each (synthesizer, spoken text) request, in order, with up to ``workers``
    made at once. Only a few finished clips wait ahead of the one being consumed, so memory
    stays flat however long the script is."""
    if workers <= 1:
        for synthesizer, text in requests:
            yield synthesizer.clip(text)
        return
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="synthesis")
    pending: deque[Future[Clip]] = deque()
    try:
        for synthesizer, text in requests:
            pending.append(executor.submit(synthesizer.clip, text))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        # On an error or an interrupt, drop what has not started; calls under way finish.
        executor.shutdown(wait=True, cancel_futures=True)


__all__ = [
    "ENGINES",
    "ClipCache",
    "Engine",
    "EngineSet",
    "Synthesizer",
    "VoicePreset",
    "VoiceStatus",
    "clips_in_order",
    "default_cache_dir",
    "engine_for",
    "load_presets",
    "sound_bounds",
    "trim_silence",
    "voice_statuses",
]

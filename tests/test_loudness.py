"""Our BS.1770 meter agrees with ffmpeg's, and the limiter holds the true-peak ceiling."""

from __future__ import annotations

import itertools
import math
import subprocess
from pathlib import Path

import numpy as np
import pytest

from audio_edition.media import ffmpeg_exe, to_pcm16
from audio_edition.programme.loudness import integrated_loudness, normalize_loudness, true_peak_db
from audio_edition.tts import Engine

from .conftest import ebur128


def _speechlike(rate: int, seconds: float = 8.0, seed: int = 7) -> np.ndarray:
    """Noise bursts shaped like syllables with gaps, peaks far above the average level."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(rate * seconds)) / rate
    envelope = np.clip(np.sin(2 * np.pi * 3.1 * t), 0, None) ** 3 * (
        0.3 + 0.7 * (np.sin(2 * np.pi * 0.21 * t) > 0)
    )
    tone = np.sin(2 * np.pi * 180 * t) + 0.5 * np.sin(2 * np.pi * 2400 * t)
    return (0.4 * envelope * (tone + 0.3 * rng.standard_normal(t.size))).astype(np.float32)


def _wav(path: Path, samples: np.ndarray, rate: int) -> Path:
    subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0", "-y", str(path)],
        input=to_pcm16(samples), check=True,
    )  # fmt: skip
    return path


@pytest.mark.parametrize("rate", [22050, 44100, 48000])
def test_meter_agrees_with_ffmpeg_ebur128(tmp_path: Path, rate: int) -> None:
    samples = _speechlike(rate)
    ours = integrated_loudness(samples, rate)
    theirs, _ = ebur128(_wav(tmp_path / "signal.wav", samples, rate))
    assert abs(ours - theirs) <= 0.15  # ffmpeg prints one decimal


def test_silence_and_short_clips_have_no_loudness() -> None:
    assert integrated_loudness(np.zeros(44100, dtype=np.float32), 44100) == -math.inf
    assert integrated_loudness(np.ones(1000, dtype=np.float32) * 0.5, 44100) == -math.inf


def test_normalize_reaches_target_and_holds_ceiling_on_real_speech(
    tmp_path: Path, piper: Engine
) -> None:
    rate = piper.sample_rate
    speech = piper.synthesize(
        "The lamp turned again on Friday. Hundreds of people stood on the pier!"
    )
    for level in (0.05, 1.0):  # far too quiet, and peaking at full scale
        result = normalize_loudness(speech * np.float32(level), rate, -16.0, -1.0)
        assert abs(integrated_loudness(result, rate) + 16.0) <= 0.2
        assert true_peak_db(result) <= -1.0
        integrated, peak = ebur128(_wav(tmp_path / "mastered.wav", result, rate))
        assert abs(integrated + 16.0) <= 0.3 and peak <= -1.0


def test_chunked_analysis_equals_the_whole_signal(monkeypatch: pytest.MonkeyPatch) -> None:
    from audio_edition.programme import loudness

    rate = 22050
    samples = _speechlike(rate, seconds=6.0)
    whole = loudness.analyse(samples, rate)
    monkeypatch.setattr(loudness, "_CHUNK_SAMPLES", 10_000)  # many chunks, odd boundaries
    chunked = loudness.analyse(samples, rate)
    assert chunked.energy.size == whole.energy.size and chunked.peak.size == whole.peak.size
    assert np.allclose(chunked.energy, whole.energy, rtol=1e-9, atol=1e-12)
    assert np.array_equal(chunked.peak, whole.peak)
    assert loudness.gated_loudness(chunked) == pytest.approx(
        loudness.gated_loudness(whole), abs=1e-9
    )


def test_the_meter_gives_the_same_analysis_however_the_signal_arrives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from audio_edition.programme import loudness

    monkeypatch.setattr(loudness, "_CHUNK_SAMPLES", 10_000)  # many chunks inside the signal
    rate = 22050
    samples = _speechlike(rate, seconds=6.0)
    whole = loudness.analyse(samples, rate)
    meter = loudness.LoudnessMeter(rate)
    sizes = itertools.cycle([1, 0, 7919, 12_345, 333, 20_000])  # clips and pauses of any length
    start = 0
    while start < samples.size:
        size = next(sizes)
        meter.add(samples[start : start + size])
        start += size
    pieced = meter.finish()
    assert pieced.length == samples.size
    assert np.allclose(pieced.energy, whole.energy, rtol=1e-9, atol=1e-12)
    assert np.array_equal(pieced.peak, whole.peak)


def test_the_limiter_curve_worked_out_around_peaks_is_the_whole_signal_curve() -> None:
    from audio_edition.programme.dsp import sliding_mean, sliding_min
    from audio_edition.programme.loudness import limiter_gain

    rate, block, ceiling_db = 22050, 49, -3.0
    half = round(0.02 * rate / block)  # the limiter's 20 ms, in blocks
    rng = np.random.default_rng(7)
    for _ in range(50):
        peak = (rng.random(int(rng.integers(1, 4000))) * 0.5).astype(np.float32)
        loud = rng.integers(0, peak.size, int(rng.integers(1, 40)))  # near, far, at the edges
        peak[loud] = rng.uniform(0.6, 1.5, loud.size).astype(np.float32)
        wanted = np.minimum(np.float32(1.0), 10 ** (ceiling_db / 20) / peak)
        whole = sliding_mean(sliding_min(wanted, 2 * half + 3), 2 * half + 1)
        curve = limiter_gain(peak, rate, block, ceiling_db)
        assert curve is not None and np.array_equal(curve, whole)
    assert limiter_gain(np.full(100, 0.5, np.float32), rate, block, ceiling_db) is None

"""Loudness to the podcast standard: ITU-R BS.1770 measurement, gain, and a true-peak limiter.

Everything happens in NumPy on the assembled signal, so the encoder runs once with no
loudness filter of its own.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from .dsp import biquad_impulse_response, fft_convolve, resample, sliding_mean, sliding_min

# Gating per BS.1770-4: 400 ms blocks every 100 ms, absolute gate -70 LUFS, relative gate -10 LU.
_BLOCK_S = 0.4
_STEP_S = 0.1
_ABSOLUTE_GATE = -70.0
_RELATIVE_GATE = -10.0
# True peak is estimated on a 4x oversampled signal, as BS.1770 annex 2 describes.
_OVERSAMPLE = 4
# Only the ratio matters to the resampler; any rate gives the same oversampling.
_RATE_FOR_PEAKS = 48000
# Half the limiter's window, in seconds: the gain falls and recovers over this time around a peak.
_LIMITER_WINDOW_S = 0.02
# The limiter works out its gain per block of this many samples, then interpolates.
_LIMITER_BLOCK = 32
# The gain search stops this close to the target, or after this many steps.
_LOUDNESS_PRECISION_LU = 0.05
_MAX_GAIN_STEPS = 8
# MP3 encoding adds a little to peaks; the limiter aims this far below the ceiling.
_ENCODER_MARGIN_DB = 1.5


def k_weighting(rate: int) -> np.ndarray:
    """The two K-weighting biquads (high shelf, then high pass) for ``rate``, as SOS rows.

    Derived from the analog prototype so any sample rate works, not just 48 kHz.
    """
    f0, gain_db, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain_db / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / q + k * k
    shelf = [
        (vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
        1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0,
    ]  # fmt: skip
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    high_pass = [1.0, -2.0, 1.0, 1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]
    return np.array([shelf, high_pass])


@cache
def _k_weighting_response(rate: int) -> np.ndarray:
    """The K-weighting filter's impulse response; it dies away within milliseconds."""
    return biquad_impulse_response(k_weighting(rate), rate // 10)


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness of a mono signal in LUFS; ``-inf`` for silence or < 400 ms."""
    return gated_loudness(k_weighted(samples, rate), rate)


def k_weighted(samples: np.ndarray, rate: int) -> np.ndarray:
    """The signal through the K-weighting filter."""
    return fft_convolve(samples, _k_weighting_response(rate))


def gated_loudness(weighted: np.ndarray, rate: int) -> float:
    """Integrated loudness (LUFS) of an already K-weighted signal: the gating of BS.1770."""
    step = round(_STEP_S * rate)
    steps_per_block = round(_BLOCK_S / _STEP_S)
    count = weighted.size // step
    if count < steps_per_block:
        return -math.inf
    # Energy per 100 ms step; a 400 ms block is four consecutive steps.
    step_energy = np.square(weighted[: count * step]).reshape(count, step).sum(axis=1)
    block_energy = sum(
        step_energy[i : count - steps_per_block + 1 + i] for i in range(steps_per_block)
    )
    power = block_energy / (step * steps_per_block)
    with np.errstate(divide="ignore"):
        block_lufs = -0.691 + 10 * np.log10(power)
    gated = power[block_lufs > _ABSOLUTE_GATE]
    if gated.size == 0:
        return -math.inf
    relative = -0.691 + 10 * math.log10(float(gated.mean())) + _RELATIVE_GATE
    gated = power[(block_lufs > _ABSOLUTE_GATE) & (block_lufs > relative)]
    return -0.691 + 10 * math.log10(float(gated.mean()))


def true_peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Per-sample true-peak estimate: the largest oversampled magnitude around each sample."""
    upsampled = np.abs(resample(samples, _RATE_FOR_PEAKS, _RATE_FOR_PEAKS * _OVERSAMPLE))
    phases = [upsampled[phase::_OVERSAMPLE][: samples.size] for phase in range(_OVERSAMPLE)]
    envelope: np.ndarray = np.maximum.reduce(phases)
    return envelope


def true_peak_db(samples: np.ndarray) -> float:
    """True peak in dBTP."""
    peak = float(true_peak_envelope(samples).max(initial=0.0))
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def limiter_gain(envelope: np.ndarray, rate: int, ceiling_db: float) -> np.ndarray | None:
    """Gain curve that brings a true-peak ``envelope`` under ``ceiling_db``; None if not needed.

    The wanted gain is worked out per block of ``_LIMITER_BLOCK`` samples (the block's lowest),
    taken as the minimum over a window one block wider on each side than the averaging window,
    then averaged and interpolated back to samples. Each block's gain is then below the wanted
    gain of its own and its neighbours' samples, so the interpolated curve never lets a peak
    through, and it changes smoothly, without clicks.
    """
    ceiling = 10 ** (ceiling_db / 20)
    if float(envelope.max(initial=0.0)) <= ceiling:
        return None
    blocks = -(-envelope.size // _LIMITER_BLOCK)
    padded = np.zeros(blocks * _LIMITER_BLOCK, dtype=np.float32)
    padded[: envelope.size] = envelope
    block_peak = padded.reshape(blocks, _LIMITER_BLOCK).max(axis=1)
    wanted = np.minimum(np.float32(1.0), ceiling / np.maximum(block_peak, np.float32(1e-9)))
    half = max(1, round(_LIMITER_WINDOW_S * rate / _LIMITER_BLOCK))
    gain = sliding_mean(sliding_min(wanted, 2 * half + 3), 2 * half + 1)
    centres = np.arange(blocks) * _LIMITER_BLOCK + (_LIMITER_BLOCK - 1) / 2
    curve: np.ndarray = np.interp(np.arange(envelope.size), centres, gain).astype(np.float32)
    return curve


def normalize_loudness(
    samples: np.ndarray, rate: int, target_lufs: float, ceiling_db: float
) -> np.ndarray:
    """Gain to ``target_lufs``, with true peaks limited below ``ceiling_db``.

    Limiting takes back part of every decibel of gain, so the gain is found by the secant
    method on (gain -> loudness after limiting), which rises monotonically.
    """
    weighted = k_weighted(samples, rate)
    measured = gated_loudness(weighted, rate)
    if not math.isfinite(measured):
        return samples
    # Gain is linear, so the true-peak envelope of the scaled signal is the scaled envelope.
    envelope = true_peak_envelope(samples)

    def mastered(gain_db: float) -> tuple[np.ndarray, float]:
        gain = np.float32(10 ** (gain_db / 20))
        curve = limiter_gain(envelope * gain, rate, ceiling_db - _ENCODER_MARGIN_DB)
        if curve is None:
            return samples * gain, gated_loudness(weighted * gain, rate)
        # The limiter's gain changes over tens of milliseconds, slowly next to what K-weighting
        # passes, so weighting then limiting equals limiting then weighting: no refiltering.
        return samples * gain * curve, gated_loudness(weighted * (gain * curve), rate)

    gain_db = target_lufs - measured
    result, loudness = mastered(gain_db)
    previous: tuple[float, float] | None = None
    for _ in range(_MAX_GAIN_STEPS):
        shortfall = target_lufs - loudness
        if abs(shortfall) < _LOUDNESS_PRECISION_LU:
            break
        slope = 1.0
        if previous is not None and loudness != previous[1]:
            slope = min(1.0, max(0.05, (loudness - previous[1]) / (gain_db - previous[0])))
        previous = (gain_db, loudness)
        gain_db += shortfall / slope
        result, loudness = mastered(gain_db)
    return result.astype(np.float32, copy=False)

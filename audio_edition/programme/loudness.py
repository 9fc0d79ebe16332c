"""Loudness to the podcast standard: ITU-R BS.1770 measurement, gain, and a true-peak limiter.

The signal is analysed chunk by chunk (K-weighted energy and true peak per block of ~60
samples); the gain and the limiter's curve are worked out on those blocks, and applied as the
encoder is fed, so the encoder runs with no loudness filter of its own and memory stays small.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from .dsp import biquad_impulse_response, fft_convolve, sliding_mean, sliding_min

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
# Signals are analysed in chunks of about this many samples, so memory stays small. The meter
# and the encoder's check may each hold a chunk, 4x oversampled, at the same time: at 1 << 18
# that was some 8 MB that came and went with thread timing (and failed the memory test under
# load); at 1 << 16 it is 2 MB, and the analysis is about 0.2 s slower per 10 audio minutes.
_CHUNK_SAMPLES = 1 << 16
# The gain search stops this close to the target, or after this many steps.
_LOUDNESS_PRECISION_LU = 0.05
_MAX_GAIN_STEPS = 8
# Gating sums the weighted energy this many 100 ms steps at a time.
_GATING_PIECE = 1 << 12
# The limiter's curve is worked out this many blocks at a time (about 36 s of audio).
_LIMITER_PIECE = 1 << 14
# MP3 encoding adds a little to peaks; the limiter aims this far below the ceiling.
_ENCODER_MARGIN_DB = 2.0


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


def gating_step(rate: int) -> int:
    """Samples per 100 ms gating step."""
    return round(_STEP_S * rate)


def block_size(rate: int) -> int:
    """Samples per analysis block: it divides the 100 ms gating step, so steps are whole blocks."""
    step = gating_step(rate)
    return max(size for size in range(1, 65) if step % size == 0)


@dataclass(frozen=True, eq=False)
class Analysis:
    """What loudness and peak control need to know of a signal, per block of ``block`` samples.

    Worked out chunk by chunk, so memory is a small fraction of the signal's own.
    """

    rate: int
    """Sample rate of the signal."""

    block: int
    """Samples per block."""

    length: int
    """Samples in the signal."""

    energy: np.ndarray
    """Sum of squares of the K-weighted signal, per block (float64)."""

    peak: np.ndarray
    """Largest 4x-oversampled magnitude (true peak), per block (float32)."""


class LoudnessMeter:
    """Works out the ``Analysis`` of a signal fed to it piece by piece, in pieces of any size.

    The signal is processed in fixed chunks whatever the pieces, so the result is the same
    however it arrives, and memory stays at a few chunks whatever the signal's length.
    """

    def __init__(self, rate: int, block: int | None = None) -> None:
        """``block``: samples per block of the analysis; by default fine enough for limiting.
        A measurement alone can take the 100 ms gating step (``gating_step(rate)``): about a
        fortieth of the memory."""
        import soxr

        self.rate = rate
        self.block = block or block_size(rate)
        if gating_step(rate) % self.block:
            raise ValueError(f"a block of {self.block} samples does not divide the gating step")
        self.length = 0
        self._kernel = _k_weighting_response(rate)
        self._chunk = self.block * (_CHUNK_SAMPLES // self.block)
        # The samples before the next chunk that its K-weighted start depends on (overlap-save).
        self._history = np.zeros(self._kernel.size - 1, dtype=np.float32)
        self._pending: list[np.ndarray] = []
        self._pending_size = 0
        self._oversampler = soxr.ResampleStream(
            _RATE_FOR_PEAKS, _RATE_FOR_PEAKS * _OVERSAMPLE, 1, dtype="float32", quality="VHQ"
        )
        self._oversampled_tail = np.zeros(0, dtype=np.float32)
        self._energies: list[np.ndarray] = []
        self._peaks: list[np.ndarray] = []

    def add(self, samples: np.ndarray) -> None:
        """Feed the next piece of the signal."""
        if samples.size == 0:
            return
        self._pending.append(samples.astype(np.float32, copy=False))
        self._pending_size += samples.size
        self.length += samples.size
        if self._pending_size >= self._chunk:
            waiting = np.concatenate(self._pending)
            whole = waiting.size // self._chunk * self._chunk
            for start in range(0, whole, self._chunk):
                self._measure(waiting[start : start + self._chunk], last=False)
            self._pending = [waiting[whole:]] if whole < waiting.size else []
            self._pending_size = waiting.size - whole

    def finish(self) -> Analysis:
        """The analysis of everything fed so far; feed nothing after this."""
        rest = np.concatenate(self._pending) if self._pending else np.zeros(0, np.float32)
        self._pending, self._pending_size = [], 0
        self._measure(rest, last=True)
        blocks = -(-self.length // self.block)
        energy = np.concatenate(self._energies)[:blocks]
        peak = np.concatenate(self._peaks)[:blocks]
        if peak.size < blocks:
            peak = np.pad(peak, (0, blocks - peak.size))
        return Analysis(self.rate, self.block, self.length, energy, peak.astype(np.float32))

    def _measure(self, piece: np.ndarray, *, last: bool) -> None:
        context = np.concatenate((self._history, piece))
        weighted = fft_convolve(context, self._kernel)[self._history.size :]
        self._energies.append(_per_block(np.square(weighted, dtype=np.float64), self.block, np.sum))
        self._history = context[context.size - self._history.size :]
        # The stream's output is exactly the one-shot resampling, delivered piecewise.
        oversampled = np.concatenate(
            (self._oversampled_tail, np.abs(self._oversampler.resample_chunk(piece, last=last)))
        )
        group = _OVERSAMPLE * self.block
        usable = oversampled.size if last else oversampled.size // group * group
        self._peaks.append(_per_block(oversampled[:usable], group, np.max))
        self._oversampled_tail = oversampled[usable:]


def analyse(samples: np.ndarray, rate: int) -> Analysis:
    """Per-block K-weighted energy and true peak of ``samples``."""
    meter = LoudnessMeter(rate)
    meter.add(samples)
    return meter.finish()


def _per_block(values: np.ndarray, block: int, reduce: Any) -> np.ndarray:
    """``reduce`` (np.sum or np.max) over consecutive blocks; a short last block counts too."""
    if values.size == 0:
        return np.zeros(0, dtype=values.dtype)
    blocks = -(-values.size // block)
    padded = np.zeros(blocks * block, dtype=values.dtype)
    padded[: values.size] = values
    reduced: np.ndarray = reduce(padded.reshape(blocks, block), axis=1)
    return reduced


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness of a mono signal in LUFS; ``-inf`` for silence or < 400 ms."""
    return gated_loudness(analyse(samples, rate))


def gated_loudness(analysis: Analysis, gain: np.ndarray | float = 1.0) -> float:
    """Integrated loudness (LUFS) per the BS.1770 gating, of the analysed signal times ``gain``
    (a number, or one gain per block)."""
    rate, block = analysis.rate, analysis.block
    step = gating_step(rate)
    steps_per_block = round(_BLOCK_S / _STEP_S)
    count = analysis.length // step
    if count < steps_per_block:
        return -math.inf
    per_step = step // block
    step_energy = np.empty(count)
    # Steps a few thousand at a time: no temporary the size of the whole analysis.
    for first in range(0, count, _GATING_PIECE):
        last = min(count, first + _GATING_PIECE)
        blocks = slice(first * per_step, last * per_step)
        weight = gain if np.ndim(gain) == 0 else np.asarray(gain)[blocks]
        energy = analysis.energy[blocks] * np.square(weight)
        step_energy[first:last] = energy.reshape(last - first, per_step).sum(axis=1)
    # A 400 ms gating block is four consecutive 100 ms steps.
    blocks_in_all = count - steps_per_block + 1
    block_energy = step_energy[:blocks_in_all].copy()
    for i in range(1, steps_per_block):
        block_energy += step_energy[i : blocks_in_all + i]
    power = block_energy / (step * steps_per_block)
    with np.errstate(divide="ignore"):
        block_lufs = -0.691 + 10 * np.log10(power)
    gated = power[block_lufs > _ABSOLUTE_GATE]
    if gated.size == 0:
        return -math.inf
    relative = -0.691 + 10 * math.log10(float(gated.mean())) + _RELATIVE_GATE
    gated = power[(block_lufs > _ABSOLUTE_GATE) & (block_lufs > relative)]
    return -0.691 + 10 * math.log10(float(gated.mean()))


def true_peak_db(samples: np.ndarray, rate: int = 48000) -> float:
    """True peak in dBTP."""
    peak = float(analyse(samples, rate).peak.max(initial=0.0))
    return 20 * math.log10(peak) if peak > 0 else -math.inf


@dataclass(frozen=True, eq=False)
class Mastering:
    """How to turn the signal into the finished programme: a gain and a limiter curve."""

    gain: float
    """Linear gain applied to every sample."""

    block_gain: np.ndarray | None
    """Limiter gain per analysis block (None: no limiting needed)."""

    block: int
    """Samples per block of ``block_gain``."""

    def apply(self, chunk: np.ndarray, start: int) -> np.ndarray:
        """The mastered samples of ``chunk``, which starts at sample ``start`` of the signal."""
        result: np.ndarray = chunk.astype(np.float32) * np.float32(self.gain)
        curve = self.block_gain
        if curve is not None and curve.size > 1:
            # Linear interpolation between block centres (flat beyond the first and last).
            where = (np.arange(start, start + chunk.size) - (self.block - 1) / 2) / self.block
            left = np.clip(np.floor(where), 0, curve.size - 2).astype(np.intp)
            fraction = np.clip(where - left, 0.0, 1.0)
            result *= (curve[left] + fraction * (curve[left + 1] - curve[left])).astype(np.float32)
        elif curve is not None:
            result *= curve[0]
        return result


def limiter_gain(peak: np.ndarray, rate: int, block: int, ceiling_db: float) -> np.ndarray | None:
    """Gain per block that brings the per-block true ``peak`` under ``ceiling_db``; None if
    not needed.

    The wanted gain of each block is taken as the minimum over a window one block wider on
    each side than the averaging window, then averaged. Each block's gain is then below the
    wanted gain of its own and its neighbours' samples, so the curve interpolated between block
    centres never lets a peak through, and it changes smoothly, without clicks.

    The curve is worked out in pieces of ``_LIMITER_PIECE`` blocks, each with the blocks
    around it that it depends on, and only where some block is over the ceiling (elsewhere
    it is 1): the same curve as over the whole signal at once, without the whole signal's
    worth of temporary arrays (50 MB for an hour).
    """
    ceiling = np.float32(10 ** (ceiling_db / 20))
    over = peak > ceiling
    if not over.any():
        return None
    half = max(1, round(_LIMITER_WINDOW_S * rate / block))
    reach = (half + 1) + half  # how far the minimum and then the mean carry a peak's effect
    curve = np.ones(peak.size, dtype=np.float32)
    for first in range(0, peak.size, _LIMITER_PIECE):
        last = min(peak.size, first + _LIMITER_PIECE)
        if not over[max(0, first - reach) : last + reach].any():
            continue
        start, stop = max(0, first - 2 * reach), min(peak.size, last + 2 * reach)
        wanted = np.minimum(np.float32(1.0), ceiling / np.maximum(peak[start:stop], 1e-9))
        smoothed = sliding_mean(sliding_min(wanted, 2 * half + 3), 2 * half + 1)
        curve[first:last] = smoothed[first - start : last - start]
    return curve


def plan_mastering(analysis: Analysis, target_lufs: float, ceiling_db: float) -> Mastering:
    """The gain (and limiter curve) that brings the signal to ``target_lufs`` with its true
    peaks below ``ceiling_db``.

    Limiting takes back part of every decibel of gain, so the gain is found by the secant
    method on (gain -> loudness after limiting), which rises monotonically. The limiter's gain
    changes over tens of milliseconds, slowly next to what K-weighting passes, so the loudness
    of the limited signal is the weighted energy times the squared gain, block by block.
    """
    measured = gated_loudness(analysis)
    if not math.isfinite(measured):
        return Mastering(1.0, None, analysis.block)
    limit_db = ceiling_db - _ENCODER_MARGIN_DB

    def attempt(gain_db: float) -> tuple[Mastering, float]:
        gain = 10 ** (gain_db / 20)
        curve = limiter_gain(
            analysis.peak * np.float32(gain), analysis.rate, analysis.block, limit_db
        )
        loudness = gated_loudness(analysis, gain if curve is None else gain * curve)
        return Mastering(gain, curve, analysis.block), loudness

    gain_db = target_lufs - measured
    plan, loudness = attempt(gain_db)
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
        plan, loudness = attempt(gain_db)
    return plan


def normalize_loudness(
    samples: np.ndarray, rate: int, target_lufs: float, ceiling_db: float
) -> np.ndarray:
    """``samples`` at ``target_lufs`` with true peaks below ``ceiling_db`` (the whole signal)."""
    plan = plan_mastering(analyse(samples, rate), target_lufs, ceiling_db)
    return plan.apply(samples, 0)

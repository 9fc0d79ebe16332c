"""Small signal-processing helpers in NumPy (and soxr for resampling).

SciPy's signal module takes 1.5 s to import, longer than the rest of a rebuild; these few
operations are all the pipeline needs, and each is exact for our use (see the docstrings).
"""

from __future__ import annotations

import numpy as np

# FFT convolution works in transforms of this size, so memory stays flat in the length.
_FFT_SIZE = 1 << 17


def resample(samples: np.ndarray, from_rate: int, to_rate: int) -> np.ndarray:
    """Band-limited resampling with soxr's very-high-quality filter."""
    if from_rate == to_rate or samples.size == 0:
        return samples
    import soxr

    resampled: np.ndarray = soxr.resample(
        samples.astype(np.float32), from_rate, to_rate, quality="VHQ"
    )
    return resampled


def sliding_min(values: np.ndarray, window: int) -> np.ndarray:
    """Minimum over a centred window of odd length (edges repeat the end values)."""
    half = window // 2
    padded = np.pad(values, half, mode="edge")
    result: np.ndarray = np.lib.stride_tricks.sliding_window_view(padded, window).min(axis=1)
    return result


def sliding_mean(values: np.ndarray, window: int) -> np.ndarray:
    """Mean over a centred window of odd length (edges repeat the end values)."""
    half = window // 2
    padded = np.pad(values.astype(np.float64), half, mode="edge")
    sums = np.concatenate(([0.0], np.cumsum(padded)))
    means: np.ndarray = ((sums[window:] - sums[:-window]) / window).astype(np.float32)
    return means


def biquad_impulse_response(sections: np.ndarray, length: int) -> np.ndarray:
    """Impulse response of cascaded biquads (rows b0 b1 b2 a0 a1 a2), ``length`` samples.

    Used for filters whose response has died away long before ``length`` (K-weighting: within
    a few milliseconds), so convolving with it equals running the recursion.
    """
    signal = np.zeros(length)
    signal[0] = 1.0
    for b0, b1, b2, a0, a1, a2 in sections:
        out = np.zeros(length)
        x1 = x2 = y1 = y2 = 0.0
        for n in range(length):
            x0 = signal[n]
            y0 = (b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0
            out[n] = y0
            x2, x1, y2, y1 = x1, x0, y1, y0
        signal = out
    return signal


def fft_convolve(samples: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``samples`` convolved with a short ``kernel`` (overlap-add), cut to the input's length."""
    size = _FFT_SIZE
    step = size - kernel.size + 1
    kernel_spectrum = np.fft.rfft(kernel, size)
    out = np.zeros(samples.size + kernel.size - 1)
    for start in range(0, samples.size, step):
        block = samples[start : start + step].astype(np.float64)
        filtered = np.fft.irfft(np.fft.rfft(block, size) * kernel_spectrum, size)
        length = block.size + kernel.size - 1
        out[start : start + length] += filtered[:length]
    result: np.ndarray = out[: samples.size]
    return result

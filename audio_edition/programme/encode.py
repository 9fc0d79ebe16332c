"""Samples -> the MP3 at the podcast loudness standard: encoded, decoded again and measured, with
ffmpeg (through ``media``) as the codec."""

from __future__ import annotations

import logging
import math
import re
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

import numpy as np

from ..errors import EncodeError
from ..media import describe_failure, ffmpeg_exe, from_pcm16, run_ffmpeg, to_pcm16

if TYPE_CHECKING:
    from .loudness import Analysis, LoudnessMeter, Mastering

log = logging.getLogger(__name__)
# Samples of the decoded check read and measured at a time.
_CHECK_CHUNK = 1 << 16


# Options of ffmpeg's MP3 muxer: no tags (``edition.tags`` writes them all with mutagen).
_UNTAGGED = {"id3v2_version": "0", "write_id3v1": "0"}


def _pcm_to_mp3(sample_rate: int, bitrate_kbps: int) -> list[str]:
    """Arguments that read mono 16-bit PCM on stdin and encode it as CBR MP3."""
    return [
        "-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0",
        "-map", "0:a", "-map_metadata", "-1", "-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k",
    ]  # fmt: skip


def mp3_args(sample_rate: int, bitrate_kbps: int, output: Path) -> list[str]:
    """Arguments that encode mono 16-bit PCM on stdin to an untagged CBR MP3 file with a
    Xing/LAME header (exact duration and gapless playback)."""
    muxer = [arg for key, value in _UNTAGGED.items() for arg in (f"-{key}", value)]
    return [
        *_pcm_to_mp3(sample_rate, bitrate_kbps),
        "-write_xing", "1", *muxer, "-f", "mp3", "-y", str(output),
    ]  # fmt: skip


def encode_mp3(samples: np.ndarray, sample_rate: int, bitrate_kbps: int, output: Path) -> None:
    """Encode mono float samples (already at the output rate) to ``output``."""
    run_ffmpeg(
        mp3_args(sample_rate, bitrate_kbps, output), input_bytes=to_pcm16(samples), subject=output
    )


# How close to the loudness target the encoded file must come before a second encode is tried.
_LOUDNESS_TOLERANCE_LU = 0.3
# MP3 coding of speech at podcast bitrates lowers measured loudness by about this much (measured
# at 48-128 kb/s); aiming above the target by as much usually makes the first encode the last.
_EXPECTED_CODEC_LOSS_LU = 0.4
# Names ffmpeg's tee muxer takes as they are (its syntax gives meaning to | [ ] : and \).
_PLAIN_FILE_NAME = re.compile(r"[A-Za-z0-9._-]+")

Source = Callable[[], Iterable[np.ndarray]]
"""Gives the programme's float32 samples, chunk by chunk, from the start, each time it is called."""


def encode_to_standard(
    source: Source,
    analysis: Analysis,
    mp3_path: Path,
    *,
    target_lufs: float,
    max_true_peak_db: float,
    sample_rate: int,
    bitrate_kbps: int,
    subject: str | Path | None = None,
) -> dict[str, float]:
    """Set loudness and true peak, encode, and check both on the decoded MP3. ``analysis``
    is that of the samples ``source`` gives (at ``analysis.rate``). Errors name ``subject``
    (the final file) rather than the temporary one being written.

    MP3 coding changes both a little (at 64 kb/s about -0.4 LU and +1 dB of peak), so the
    encoded stream is decoded and measured while it is being made and, when it misses, encoded
    once more with the error corrected. Loudness is set at the voice's rate and the result
    resampled as it is fed to the encoder: the true peak belongs to the band-limited signal,
    which resampling keeps.
    """
    from .loudness import gated_loudness, plan_mastering

    target, ceiling = target_lufs, max_true_peak_db
    aim, limit = target + _EXPECTED_CODEC_LOSS_LU, ceiling
    for _attempt in range(2):
        plan = plan_mastering(analysis, aim, limit)
        check = _encode_and_measure(
            source(), analysis.rate, plan, sample_rate, bitrate_kbps, mp3_path, subject
        )
        measured = gated_loudness(check)
        top = float(check.peak.max(initial=0.0))
        peak = 20 * math.log10(top) if top > 0 else -math.inf
        if abs(measured - target) <= _LOUDNESS_TOLERANCE_LU and peak <= ceiling:
            break
        log.debug("encoded at %.2f LUFS, %.2f dBTP: encoding again", measured, peak)
        aim += target - measured
        limit -= max(0.0, peak - ceiling + 0.1)
    return {"integrated_lufs": round(measured, 2), "true_peak_dbtp": round(peak, 2)}


def _encode_and_measure(
    chunks: Iterable[np.ndarray],
    rate: int,
    plan: Mastering,
    sample_rate: int,
    bitrate_kbps: int,
    output: Path,
    subject: str | Path | None = None,
) -> Analysis:
    """Master, resample and encode ``chunks`` to ``output``; meanwhile decode the encoded
    stream and measure it. The analysis of the decoded audio (at ``rate``) is returned.

    Three things run at once, on as many cores: this thread masters and feeds the encoder, the
    encoder writes the file and copies its stream to a decoder (ffmpeg's tee muxer), and a
    second thread measures what the decoder gives. Every stream must decode cleanly.
    """
    import soxr

    from .loudness import LoudnessMeter, gating_step

    subject = subject or output
    if not _PLAIN_FILE_NAME.fullmatch(output.name):
        raise ValueError(f"not a plain file name: {output.name!r}")
    muxer = ":".join(f"{key}={value}" for key, value in _UNTAGGED.items())
    encoder_args = [
        ffmpeg_exe(), "-hide_banner", "-loglevel", "error",
        *_pcm_to_mp3(sample_rate, bitrate_kbps),
        "-f", "tee", f"[f=mp3:write_xing=1:{muxer}]{output.name}|[f=mp3:{muxer}]pipe:1",
    ]  # fmt: skip
    decoder_args = [
        ffmpeg_exe(), "-hide_banner", "-loglevel", "error",
        "-f", "mp3", "-i", "pipe:0", "-ac", "1", "-ar", str(rate), "-f", "s16le", "pipe:1",
    ]  # fmt: skip
    log.debug("ffmpeg: %s | %s", " ".join(encoder_args), " ".join(decoder_args))
    resampler = soxr.ResampleStream(rate, sample_rate, 1, dtype="float32", quality="VHQ")
    meter = LoudnessMeter(rate, gating_step(rate))  # loudness and peak alone: coarse blocks
    with tempfile.TemporaryFile() as encoder_errors, tempfile.TemporaryFile() as decoder_errors:
        try:
            encoder = subprocess.Popen(
                encoder_args, cwd=output.parent,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=encoder_errors,
            )  # fmt: skip
        except OSError as exc:
            raise EncodeError(f"cannot run ffmpeg: {exc}", subject) from exc
        try:
            decoder = subprocess.Popen(
                decoder_args, stdin=encoder.stdout, stdout=subprocess.PIPE, stderr=decoder_errors
            )
        except OSError as exc:
            encoder.kill()
            encoder.wait()
            raise EncodeError(f"cannot run ffmpeg: {exc}", subject) from exc
        assert encoder.stdin and encoder.stdout and decoder.stdout  # pipes by construction
        encoder.stdout.close()  # the decoder holds it now
        failures: list[BaseException] = []
        measuring = threading.Thread(
            target=_measure_stream, args=(decoder.stdout, meter, failures), daemon=True
        )
        measuring.start()
        try:
            start = 0
            for chunk in chunks:
                piece = plan.apply(chunk, start)
                start += chunk.size
                if rate != sample_rate:
                    piece = resampler.resample_chunk(piece)
                encoder.stdin.write(to_pcm16(piece))
            if rate != sample_rate:  # the resampler's last samples
                flushed = resampler.resample_chunk(np.zeros(0, np.float32), last=True)
                encoder.stdin.write(to_pcm16(flushed))
            encoder.stdin.close()
        except BrokenPipeError:
            pass  # the encoder stopped early; its own message says why
        except BaseException:
            for process in (encoder, decoder):
                process.kill()
                process.wait()
            measuring.join()
            raise
        measuring.join()
        encoder.wait()
        decoder.wait()
        if encoder.returncode != 0:
            raise EncodeError(describe_failure(encoder.returncode, _read(encoder_errors)), subject)
        if decoder.returncode != 0:
            raise EncodeError(describe_failure(decoder.returncode, _read(decoder_errors)), subject)
        problems = _read(decoder_errors).decode("utf-8", "replace").strip()
        if problems:
            last = problems.splitlines()[-1]
            raise EncodeError(f"the audio does not decode cleanly: {last}", subject)
    if failures:
        raise failures[0]
    return meter.finish()


def _measure_stream(pcm: IO[bytes], meter: LoudnessMeter, failures: list[BaseException]) -> None:
    """Feed 16-bit PCM from ``pcm`` to ``meter`` until the end of the stream."""
    try:
        while data := pcm.read(2 * _CHECK_CHUNK):
            meter.add(from_pcm16(data[: len(data) // 2 * 2]))
    except BaseException as exc:  # handed to the main thread, which raises it
        failures.append(exc)
    finally:
        pcm.close()


def _read(handle: IO[bytes]) -> bytes:
    handle.seek(0)
    return handle.read()

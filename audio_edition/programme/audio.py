"""pydub, set up to use the ffmpeg binary from imageio-ffmpeg instead of a system one."""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    # pydub warns at import when no system ffmpeg is on PATH (ours is configured just below),
    # and about its use of audioop, which audioop-lts provides from Python 3.13 on.
    warnings.simplefilter("ignore", RuntimeWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    from pydub import AudioSegment

from ..media import ffmpeg_exe

AudioSegment.converter = ffmpeg_exe()

__all__ = ["AudioSegment"]

"""The gTTS engine: Google Translate's voices, with accents chosen by Google's domain (tld).

It needs the network. Rate limits (HTTP 429) and passing server errors are retried with
exponential backoff and jitter, within a time budget; an unreachable Google stops the build
with one clear line. Google returns 24 kHz MP3, decoded here through our one ffmpeg chokepoint.
"""

from __future__ import annotations

import importlib.metadata
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import AudioEditionError, ConfigError, EngineError
from .voices import VoicePreset

# Parameters a preset may set.
PARAMETERS = {"lang", "tld", "slow", "timeout_s"}
GTTS_SAMPLE_RATE = 24000
# Google Translate hosts whose voices differ by accent.
ACCENT_DOMAINS = ("com", "co.uk", "com.au", "co.in", "ca", "ie", "co.za", "us")


@dataclass(frozen=True)
class RetryPolicy:
    """How long to keep trying when Google answers "too many requests" or fails for a moment."""

    attempts: int = 5
    """Tries in all, the first included."""

    first_delay_s: float = 1.0
    """Wait before the second try; each later wait doubles."""

    budget_s: float = 45.0
    """Give up when the next wait would end later than this after the first try."""

    jitter: float = 0.5
    """Each wait is scaled by a random factor in [1 - jitter, 1 + jitter]."""


class GttsEngine:
    """Synthesizes with Google Translate's text-to-speech through the gtts package."""

    offline = False
    accepts_phonemes = False
    sample_rate = GTTS_SAMPLE_RATE
    concurrency = 1
    """One request at a time: Google answers bursts with "too many requests"."""

    def __init__(
        self,
        preset: VoicePreset,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        unknown = set(preset.parameters) - PARAMETERS
        if unknown:
            raise ConfigError(
                f"unknown gTTS parameter(s): {', '.join(sorted(unknown))}", preset.path
            )
        tld = str(preset.parameters.get("tld", "com"))
        if tld not in ACCENT_DOMAINS:
            raise ConfigError(
                f"field 'parameters.tld': {tld!r} is not a Google domain with its own accent "
                f"({', '.join(ACCENT_DOMAINS)})",
                preset.path,
            )
        self.preset = preset
        self.lang = str(preset.parameters.get("lang", preset.language.split("-")[0]))
        self.tld = tld
        self.slow = bool(preset.parameters.get("slow", False))
        self.timeout_s = float(preset.parameters.get("timeout_s", 15.0))
        self.retry = retry or RetryPolicy()
        self._sleep = sleep

    @property
    def ready(self) -> bool:
        """Always ready to try; whether Google answers is known only by asking."""
        return True

    def identity(self) -> dict[str, Any]:
        return {
            "engine": "gtts",
            "engine_version": importlib.metadata.version("gTTS"),
            "lang": self.lang,
            "tld": self.tld,
            "slow": self.slow,
        }

    def synthesize(self, text: str) -> np.ndarray:
        """Speech for ``text`` as mono float32 samples at 24 kHz."""
        from ..media import decode_audio_bytes

        mp3 = self._fetch_mp3(text)
        if not mp3:
            raise EngineError(f"voice {self.preset.name}: Google Translate TTS sent no audio")
        try:
            samples, _ = decode_audio_bytes(
                mp3, GTTS_SAMPLE_RATE, subject=f"voice {self.preset.name}"
            )
        except AudioEditionError as exc:
            name = self.preset.name
            raise EngineError(
                f"voice {name}: Google sent audio that cannot be decoded ({exc.message})"
            ) from exc
        return samples

    def _fetch_mp3(self, text: str) -> bytes:
        from gtts import gTTS, gTTSError

        started = time.monotonic()
        delay = self.retry.first_delay_s
        for attempt in range(1, self.retry.attempts + 1):
            try:
                request = gTTS(
                    text, lang=self.lang, tld=self.tld, slow=self.slow, timeout=self.timeout_s
                )
                return b"".join(request.stream())
            except gTTSError as exc:
                status = exc.rsp.status_code if exc.rsp is not None else None
                if status is None:
                    raise self._offline(exc) from exc
                retryable = status == 429 or status >= 500
                wait = delay * random.uniform(1 - self.retry.jitter, 1 + self.retry.jitter)
                out_of_time = time.monotonic() - started + wait > self.retry.budget_s
                if not retryable or attempt == self.retry.attempts or out_of_time:
                    raise self._failed(status, attempt, exc) from exc
                self._sleep(wait)
                delay *= 2
            except ValueError as exc:  # gtts refuses a language it does not know
                raise ConfigError(
                    f"gTTS cannot speak this language: {exc}", self.preset.path
                ) from exc
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _offline(self, exc: Exception) -> AudioEditionError:
        return AudioEditionError(
            f"voice {self.preset.name} needs internet access (Google Translate TTS): "
            f"translate.google.{self.tld} cannot be reached",
            cause="no internet access; the default voice `joe` works offline",
        )

    def _failed(self, status: int, attempts: int, exc: Exception) -> AudioEditionError:
        reason = {
            429: "too many requests (rate limited)",
            403: "refused (403)",
            200: "without audio (the service may have changed)",
        }.get(status, f"HTTP {status}")
        tries = f" after {attempts} tries" if attempts > 1 else ""
        return EngineError(
            f"voice {self.preset.name}: Google Translate TTS answered {reason}{tries}"
        )

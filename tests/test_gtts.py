"""The gTTS engine against recorded Google responses, and its real failure when offline."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest
import responses

from audio_edition import AudioEditionError, ConfigError, EngineError
from audio_edition.tts.gtts import GttsEngine, RetryPolicy
from audio_edition.tts.voices import VoicePreset

from .conftest import ENDPOINT, batchexecute_body


def preset(name: str = "google-uk", **parameters: object) -> VoicePreset:
    return VoicePreset(
        name=name, engine="gtts", language="en-GB", display_name=name, model=None,
        parameters={"tld": "co.uk", **parameters}, path=Path(f"voices/{name}.toml"),
    )  # fmt: skip


class Waits(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@responses.activate
def test_recorded_answer_is_decoded_to_24_khz_speech(google_mp3: bytes) -> None:
    responses.post(ENDPOINT, body=batchexecute_body(google_mp3))
    samples = GttsEngine(preset()).synthesize("The ferry sails at dawn.")
    seconds = len(samples) / 24000
    assert 0.8 < seconds < 4.0
    assert float(np.sqrt(np.mean(samples**2))) > 0.01
    sent = responses.calls[0].request.body
    assert "ferry" in str(sent)


@responses.activate
def test_rate_limit_is_retried_with_growing_jittered_waits(google_mp3: bytes) -> None:
    responses.post(ENDPOINT, status=429)
    responses.post(ENDPOINT, status=429)
    responses.post(ENDPOINT, body=batchexecute_body(google_mp3))
    waits = Waits()
    policy = RetryPolicy(attempts=5, first_delay_s=1.0, jitter=0.5)
    samples = GttsEngine(preset(), retry=policy, sleep=waits).synthesize("The ferry sails at dawn.")
    assert samples.size > 0 and len(responses.calls) == 3
    assert len(waits) == 2
    assert 0.5 <= waits[0] <= 1.5 and 1.0 <= waits[1] <= 3.0


@responses.activate
def test_server_errors_give_up_after_the_attempts_in_one_line() -> None:
    for _ in range(3):
        responses.post(ENDPOINT, status=503)
    waits = Waits()
    engine = GttsEngine(preset(), retry=RetryPolicy(attempts=3), sleep=waits)
    with pytest.raises(EngineError) as caught:
        engine.synthesize("Hello there.")
    assert (
        str(caught.value) == "voice google-uk: Google Translate TTS answered HTTP 503 after 3 tries"
    )
    assert len(waits) == 2 and len(responses.calls) == 3


@responses.activate
def test_retries_stop_at_the_time_budget() -> None:
    for _ in range(5):
        responses.post(ENDPOINT, status=429)
    waits = Waits()
    engine = GttsEngine(
        preset(),
        retry=RetryPolicy(attempts=5, first_delay_s=10, budget_s=15, jitter=0),
        sleep=waits,
    )
    with pytest.raises(EngineError, match="too many requests"):
        engine.synthesize("Hello there.")
    assert waits == [10.0]  # a second wait of 20 s would pass the 15 s budget


@responses.activate
def test_a_forbidden_answer_is_not_retried() -> None:
    responses.post(ENDPOINT, status=403)
    waits = Waits()
    with pytest.raises(EngineError, match="refused"):
        GttsEngine(preset(), sleep=waits).synthesize("Hello there.")
    assert waits == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[["wrb.fr","jQ1olc","[null]",null]]\n', "without audio"),
        ("<html>Service unavailable</html>", "sent no audio"),
        (batchexecute_body(b"this is not audio at all" * 20), "cannot be decoded"),
    ],
)
@responses.activate
def test_malformed_answers_are_clear_errors(body: str, message: str) -> None:
    responses.post(ENDPOINT, body=body)
    with pytest.raises(EngineError, match=message):
        GttsEngine(preset(), sleep=Waits()).synthesize("Hello there.")


def test_offline_failure_is_real_and_says_what_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    # A real request through the network stack, sent to a port where nothing listens.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    for variable in ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(variable, f"http://127.0.0.1:{closed}")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    with pytest.raises(AudioEditionError) as caught:
        GttsEngine(preset(), sleep=Waits()).synthesize("Hello there.")
    assert str(caught.value).startswith(
        "voice google-uk needs internet access (Google Translate TTS): translate.google.co.uk cannot be reached"
    )


def test_preset_fields_are_checked() -> None:
    with pytest.raises(ConfigError, match=r"voices/google-uk.toml: field 'parameters.tld'"):
        GttsEngine(preset(tld="example"))
    with pytest.raises(ConfigError, match="unknown gTTS parameter"):
        GttsEngine(preset(speed=2))

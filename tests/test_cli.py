"""The command line as a user meets it: help, outlines, builds and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import main

from .conftest import FIXTURES

CLI = [sys.executable, "-m", "audio_edition.cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, so exit codes and stderr are what a shell sees."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, check=False)


@pytest.mark.parametrize("command", [[], ["build"], ["parse"], ["voices"]])
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "audio-edition" in result.output


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("audio-edition, version ")


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
    assert result.returncode == 1 and "nobody: unknown voice (available: joe" in result.stderr
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

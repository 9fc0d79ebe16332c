"""Hostile and huge input, internal errors, and looking after the clip cache, through the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.files import TEMP_PREFIX
from audio_edition.tts.cache import ClipCache

from .conftest import FIXTURES

CLI = [sys.executable, "-m", "audio_edition.cli"]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        for _ in range(50):
            out.write(b"All work and no play makes a very long article. " * 21_000)  # ~1 MB
    started = time.monotonic()
    result = subprocess.run(
        [*CLI, "build", str(huge), "-o", str(tmp_path / "out")], capture_output=True, text=True
    )
    assert time.monotonic() - started < 10
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"audio-edition: error: {huge}: the file is 50.4 MB, larger than the 10 MB limit for an "
        "article; use --max-input-size to allow more"
    )
    assert not (tmp_path / "out").exists()


def test_the_size_limit_can_be_raised_or_lowered(tmp_path: Path) -> None:
    article = FIXTURES / "short-article.txt"
    refused = CliRunner().invoke(main, ["parse", str(article), "--max-input-size", "100B"])
    assert refused.exit_code == 1
    assert "the file is 400 bytes, larger than the 100 bytes limit for an article" in refused.output
    allowed = CliRunner().invoke(main, ["parse", str(article), "--max-input-size", "1MB"])
    assert allowed.exit_code == 0 and "Rain Garden" in allowed.output
    bad = CliRunner().invoke(main, ["parse", str(article), "--max-input-size", "lots"])
    assert bad.exit_code == 2 and "is not a size like 50MB" in bad.output


def test_stdin_is_limited_too() -> None:
    result = subprocess.run(
        [*CLI, "parse", "-", "--max-input-size", "1KB"], input=b"x " * 5000, capture_output=True
    )
    assert result.returncode == 1
    assert b"<stdin>: the input is larger than" in result.stderr


def test_an_internal_error_is_one_line_and_a_crash_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import audio_edition.ingest

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the parser tripped\nover two lines")

    monkeypatch.setattr(audio_edition.ingest, "load_article", broken)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = CliRunner().invoke(main, ["parse", str(FIXTURES / "short-article.txt")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith(
        "audio-edition: error: internal error: RuntimeError: the parser tripped over two lines; details in "
    )
    report = Path(lines[0].rsplit("details in ", 1)[1])
    assert (
        report.is_file()
        and "Traceback" in report.read_text()
        and "RuntimeError" in report.read_text()
    )


def test_cache_info_and_clear(tmp_path: Path) -> None:
    clips = tmp_path / "cache" / "clips" / "ab"
    clips.mkdir(parents=True)
    old, new = clips / ("ab" + "0" * 62 + ".wav"), clips / ("ab" + "1" * 62 + ".wav")
    old.write_bytes(b"x" * 1000)
    new.write_bytes(b"y" * 2000)
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    # A half-written clip under its temporary name, from a killed build and from a live one.
    left_behind = clips / f"{TEMP_PREFIX}999999999-{new.name}.x1"
    being_written = clips / f"{TEMP_PREFIX}{os.getpid()}-{new.name}.x2"
    left_behind.write_bytes(b"z" * 500)
    being_written.write_bytes(b"z" * 500)
    info = CliRunner().invoke(main, ["cache", "info", "--cache-dir", str(tmp_path / "cache")])
    assert info.exit_code == 0 and "2 clips" in info.output
    cleared = CliRunner().invoke(
        main, ["cache", "clear", "--cache-dir", str(tmp_path / "cache"), "--older-than", "30d"]
    )
    assert cleared.exit_code == 0 and "removed 1 clips" in cleared.output
    assert not old.exists() and new.exists()
    assert not left_behind.exists() and being_written.exists()  # a live write is left alone
    bad = CliRunner().invoke(
        main, ["cache", "clear", "--cache-dir", str(tmp_path / "cache"), "--older-than", "soon"]
    )
    assert bad.exit_code == 1 and "an age is a number and a unit" in bad.output
    everything = CliRunner().invoke(
        main, ["cache", "clear", "--cache-dir", str(tmp_path / "cache")]
    )
    assert "removed 1 clips" in everything.output and not new.exists()


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_a_killed_build_leaves_nothing_half_written_and_a_rerun_completes(
    tmp_path: Path, signal_name: str
) -> None:
    import random
    import signal

    from mutagen.mp3 import MP3

    out, cache = tmp_path / "out", tmp_path / "cache"
    command = [
        *CLI,
        "build",
        str(FIXTURES.parent.parent / "examples" / "night-train.md"),
        "-o",
        str(out),
        "--cache-dir",
        str(cache),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while (
        time.monotonic() < deadline
        and len(ClipCache(cache).entries()) < 3
        and process.poll() is None
    ):
        time.sleep(0.05)
    time.sleep(random.uniform(0.0, 1.5))
    process.send_signal(getattr(signal, signal_name))
    process.communicate(timeout=60)
    finished_before = len(ClipCache(cache).entries())  # a killed writer's temp file is not one
    for mp3 in out.glob("*.mp3") if out.exists() else []:
        assert MP3(mp3).info.length > 10  # a final file is only ever a complete one
        assert mp3.with_suffix(".json").exists()
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    summary = rerun.stderr.strip().splitlines()[-1]
    if "up to date" not in summary:  # the killed build had not finished: its clips are reused
        counts = summary.split("(")[1].split(" clips")[0]
        synthesized, total = (int(n) for n in counts.split(" of "))
        assert synthesized <= total - finished_before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_four_builds_at_once_share_one_cache_safely(tmp_path: Path) -> None:
    import wave

    from mutagen.mp3 import MP3

    articles = [
        FIXTURES / "short-article.txt",
        FIXTURES.parent.parent / "examples" / "night-train.md",
    ]
    cache = tmp_path / "cache"
    runs = []
    for index in range(4):
        chosen = [str(articles[index % 2]), str(articles[(index + 1) % 2])]  # overlapping sets
        command = [
            *CLI,
            "build",
            *chosen,
            "-o",
            str(tmp_path / f"out{index}"),
            "--cache-dir",
            str(cache),
            "-q",
        ]
        runs.append(subprocess.Popen(command, stderr=subprocess.PIPE))
    for run in runs:
        _, errors = run.communicate(timeout=300)
        assert run.returncode == 0, errors
    for index in range(4):
        mp3s = sorted((tmp_path / f"out{index}").glob("*.mp3"))
        assert len(mp3s) == 2 and all(MP3(mp3).info.length > 20 for mp3 in mp3s)
    for entry in (cache / "clips").rglob("*.wav"):
        with wave.open(str(entry)) as clip:
            assert clip.getnframes() * 2 == len(clip.readframes(clip.getnframes())) > 0
    assert not list(cache.rglob(f"{TEMP_PREFIX}*"))


@pytest.mark.parametrize("limit_kb", [64, 400])
def test_a_full_disk_is_one_clear_line_and_nothing_half_written(
    tmp_path: Path, limit_kb: int
) -> None:
    import resource
    import signal

    def small_disk() -> None:  # in the child: files may not grow past the limit, like a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_kb * 1024, limit_kb * 1024))

    out = tmp_path / "out"
    result = subprocess.run(
        [*CLI, "build", str(FIXTURES.parent.parent / "examples" / "night-train.md"), "-o", str(out), "--cache-dir", str(tmp_path / "cache")],
        capture_output=True, text=True, preexec_fn=small_disk, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "File too large" in lines[0] or "No space left" in lines[0]
    assert not out.exists() or [p.name for p in out.iterdir()] == []

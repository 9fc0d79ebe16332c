"""Batch builds on a real Dask cluster: a LocalCluster of two worker processes, and a
scheduler and two workers started as separate commands, as a user would start them."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audio_edition import InputError, Settings
from audio_edition.orchestration.runners import build_batch

from .conftest import tiny_png

pytest.importorskip("distributed")

# Our own short articles, so the real voice is quick.
ARTICLES = {
    f"story-{n}.txt": f"{title}\n\nBy Ada Lind\n\n{body}\n"
    for n, (title, body) in enumerate(
        [
            ("Ferry Returns to the Island", "The night ferry is back after two winters."),
            ("Bakery Opens at Dawn", "The bakery on the quay now opens at five for the crews."),
            ("Keepers Move Into the Lighthouse", "Two keepers moved in, the first in years."),
            ("Harbour Wall Repaired", "Masons finished the harbour wall before the storms."),
        ]
    )
}


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in ARTICLES]


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _dask(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "dask"), *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(count, timeout=60)


@pytest.fixture
def command_cluster(tmp_path: Path) -> Iterator[tuple[str, list[subprocess.Popen[bytes]], Path]]:
    """`dask scheduler` and two `dask worker` (no nanny, so a killed worker stays dead), each
    worker with a clip cache of its own."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    scheduler = _dask("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                      "--no-dashboard")  # fmt: skip
    workers = []
    caches = tmp_path / "worker-caches"
    try:
        for number in (1, 2):
            env = {**os.environ, "AUDIO_EDITION_CACHE_DIR": str(caches / f"w{number}")}
            workers.append(
                _dask(
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--no-nanny",
                    "--no-dashboard",
                    "--name",
                    f"w{number}",
                    env=env,
                )
            )
        _wait_for_workers(address, 2)
        yield address, workers, caches
    finally:
        for process in [*workers, scheduler]:
            process.terminate()
        for process in [*workers, scheduler]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _outline(folder: Path) -> dict[str, object]:
    """What a listener gets from each edition: duration, chapters, cues, tags."""
    from audio_edition.edition.transcript import parse_vtt

    outline = {}
    for mp3 in sorted(folder.glob("*.mp3")):
        tags = ID3(mp3)
        frames = sorted(
            (key, str(frame)) for key, frame in tags.items() if not key.startswith(("APIC", "TXXX"))
        )
        chapters = [(c.element_id, c.start_time, c.end_time) for c in tags.getall("CHAP")]
        cues = parse_vtt(mp3.with_suffix(".vtt").read_text(encoding="utf-8"))
        outline[mp3.name] = (frames, chapters, [(c.start_ms, c.end_ms, c.text) for c in cues])
    return outline


def test_a_cluster_build_equals_a_local_build(
    local_cluster: str, articles: list[str], tmp_path: Path
) -> None:
    cache = tmp_path / "cache"  # a path every worker sees, so the clips are the same
    local = list(build_batch(articles, Settings(output_dir=tmp_path / "local", cache_dir=cache)))
    assert all(not isinstance(result, Exception) for _, result in local)
    remote = list(
        build_batch(
            articles,
            Settings(output_dir=tmp_path / "remote", cache_dir=cache),
            scheduler=local_cluster,
        )
    )
    assert len(remote) == len(articles)
    assert all(not isinstance(result, Exception) for _, result in remote)
    assert _outline(tmp_path / "remote") == _outline(tmp_path / "local")
    durations = {Path(r.mp3_path).name: r.duration_ms for _, r in remote}  # type: ignore[union-attr]
    assert durations == {Path(r.mp3_path).name: r.duration_ms for _, r in local}  # type: ignore[union-attr]
    # Every file landed, the manifest with it, and no temporary is left.
    names = sorted(p.name for p in (tmp_path / "remote").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "local").iterdir())
    # Up to date: recognized on the client, nothing is sent out.
    again = list(
        build_batch(
            articles,
            Settings(output_dir=tmp_path / "remote", cache_dir=cache),
            scheduler=local_cluster,
        )
    )
    assert all(result.up_to_date for _, result in again)  # type: ignore[union-attr]


def test_a_bad_article_fails_alone_on_the_cluster(
    local_cluster: str, articles: list[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "no-such-article.txt")
    results = dict(
        build_batch(
            [articles[0], missing, articles[1]],
            Settings(output_dir=tmp_path / "out", cache_dir=tmp_path / "cache"),
            scheduler=local_cluster,
        )
    )
    assert isinstance(results[missing], InputError)
    assert "no such file" in str(results[missing])
    assert len(list((tmp_path / "out").glob("*.mp3"))) == 2


def test_workers_started_as_commands_share_the_batch_and_a_killed_worker_loses_nothing(
    command_cluster: tuple[str, list[subprocess.Popen[bytes]], Path],
    articles: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    address, workers, caches = command_cluster
    client_cache = tmp_path / "client-cache"
    monkeypatch.setenv("AUDIO_EDITION_CACHE_DIR", str(client_cache))
    results = list(build_batch(articles, Settings(output_dir=tmp_path / "out"), scheduler=address))
    assert all(not isinstance(result, Exception) for _, result in results), results
    assert len(list((tmp_path / "out").glob("*.mp3"))) == len(articles)
    # Both workers synthesized (their caches filled); the client synthesized nothing.
    for number in (1, 2):
        assert list((caches / f"w{number}").rglob("*.wav")), f"worker {number} cached nothing"
    assert not list(client_cache.rglob("*.wav"))

    # The same stories, edited, and one worker killed at the first result: its article is
    # built again on the other worker.
    for path in articles:
        Path(path).write_text(Path(path).read_text(encoding="utf-8") + "\nMore later.\n")
    killed = []

    def kill_a_worker(done: int, total: int) -> None:
        if not killed:
            os.kill(workers[1].pid, signal.SIGKILL)
            killed.append(workers[1].pid)

    edited = list(
        build_batch(
            articles,
            Settings(output_dir=tmp_path / "out"),
            scheduler=address,
            on_done=kill_a_worker,
        )
    )
    assert killed
    assert all(not isinstance(result, Exception) for _, result in edited), edited
    assert all("More later." in r.article.full_text for _, r in edited)  # type: ignore[union-attr]
    assert len(list((tmp_path / "out").glob("*.mp3"))) == len(articles)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_the_build_command_runs_on_a_scheduler_from_the_environment(
    local_cluster: str, articles: list[str], tmp_path: Path
) -> None:
    env = {**os.environ, "AUDIO_EDITION_SCHEDULER": local_cluster}
    tool = str(Path(sys.executable).parent / "audio-edition")
    result = subprocess.run(
        [
            tool,
            "build",
            *articles[:2],
            "-o",
            str(tmp_path / "out"),
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.mp3"))) == 2
    unreachable = subprocess.run(
        [
            tool,
            "build",
            articles[0],
            "-o",
            str(tmp_path / "x"),
            "--scheduler",
            f"tcp://127.0.0.1:{_free_port()}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"},
    )
    assert unreachable.returncode == 1
    assert "cannot reach the Dask scheduler" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
    assert not (tmp_path / "x").exists() or not list((tmp_path / "x").iterdir())


def test_an_interrupted_batch_cancels_its_tasks_and_leaves_no_partial_files(
    local_cluster: str, articles: list[str], tmp_path: Path
) -> None:
    from distributed import Client

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        for _ in build_batch(
            articles,
            Settings(output_dir=out, cache_dir=tmp_path / "cache"),
            scheduler=local_cluster,
            on_done=interrupt,
        ):
            pass
    with Client(local_cluster) as client:
        for _ in range(100):
            if not any(client.processing().values()):
                break
            time.sleep(0.1)
        assert not any(client.processing().values())
    # Whatever landed is whole: every MP3 has its manifest, and no temporary is left.
    landed = list(out.iterdir()) if out.exists() else []
    assert all(p.with_suffix(".json").is_file() for p in landed if p.suffix == ".mp3")
    assert not [p for p in landed if p.name.startswith(".")]


def test_files_named_by_the_settings_travel_with_the_task(
    local_cluster: str, articles: list[str], tmp_path: Path
) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(tiny_png())
    lexicon = tmp_path / "names.toml"
    lexicon.write_text('[words]\n"Lind" = { respelling = "LINNED" }\n', encoding="utf-8")
    settings = Settings(
        output_dir=tmp_path / "out", cache_dir=tmp_path / "cache", cover=cover, lexicon=lexicon
    )
    [(_, edition)] = build_batch(articles[:1], settings, scheduler=local_cluster)
    assert not isinstance(edition, Exception), edition
    assert ID3(edition.mp3_path).getall("APIC")[0].data == tiny_png()
    manifest = json.loads(edition.manifest_path.read_text(encoding="utf-8"))
    assert manifest["settings"]["cover"] == str(cover)
    # Built here with the same settings, the edition is already current: the worker used
    # the same cover and lexicon (they are in the fingerprint) as the client would.
    [(_, local)] = build_batch(articles[:1], settings)
    assert local.up_to_date  # type: ignore[union-attr]

"""Batch builds: many articles, built in this process, in local processes, or on a Dask cluster.

Every runner takes the same inputs (paths, URLs or parsed Articles, and the build settings) and
yields ``(source, edition or error)`` as each article ends, so ``build``, ``sync`` and the
Python API pick one with ``choose_runner`` and nothing else changes. A bad article is its own
error; the others go on.

On a cluster the client reads and plans every article (bad input fails before anything is
sent, and editions already current are never sent out); a worker builds into a scratch folder
of its own with its own clip cache and returns the finished files, which the client writes
into the output folder with the same atomic writes as a local build. No shared filesystem.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..config import Settings
from ..errors import AudioEditionError, ConfigError
from ..files import write_bytes_atomically
from ..models import Article, Edition

if TYPE_CHECKING:
    from .pipeline import Progress

SCHEDULER_VARIABLE = "AUDIO_EDITION_SCHEDULER"
"""Environment variable naming a Dask scheduler, as ``--scheduler`` does."""

BatchResult = tuple["str | Article", "Edition | AudioEditionError"]
ArticleProgress = Callable[["str | Article"], AbstractContextManager["Progress | None"]]
"""Gives one build a progress callback (a bar per article); used when articles run one by one."""
BatchProgress = Callable[[int, int], None]
"""Called with (articles done, articles in all) as a batch advances."""

# A task whose worker died is run again elsewhere; so is one that failed for a reason that is
# not the article's (those come back as errors, not exceptions, and are not retried).
_RETRIES = 2


@dataclass(frozen=True)
class Batch:
    """What a runner is given: the articles, their settings, and whom to tell of progress."""

    sources: Sequence[str | Article]
    settings: Settings
    input_format: str | None = None
    progress: ArticleProgress | None = None
    """A progress callback for each build; used when articles are built one by one."""

    on_done: BatchProgress | None = None

    def done(self, count: int) -> None:
        """``count`` articles of the batch have ended."""
        if self.on_done:
            self.on_done(count, len(self.sources))


class Runner(Protocol):
    """Builds a batch of articles; yields each result as it is ready."""

    def run(self, batch: Batch) -> Iterator[BatchResult]: ...


def default_jobs(cores: int | None = None) -> int:
    """Processes for a batch: one per two cores (at least two), each synthesizing with its
    share of the cores.

    Measured on 2 cores (benchmarks/RESULTS.md): two processes of one core each build about
    20% more audio per minute than one process using both, because one article's encoding
    and loudness work (which runs after its last sentence) overlaps the other's synthesis.
    Within a process, sentences side by side on one thread each are the fastest use of its
    cores, so larger machines get processes of two cores: the same overlap, and half the
    memory of one process per core.
    """
    cores = cores or os.cpu_count() or 1
    return max(2, cores // 2)


def choose_runner(jobs: int = 1, scheduler: str | None = None) -> Runner:
    """The Dask runner when a scheduler is named (here or in ``AUDIO_EDITION_SCHEDULER``),
    else local processes for ``jobs`` > 1, else this process."""
    address = scheduler or os.environ.get(SCHEDULER_VARIABLE) or None
    if address:
        return DaskRunner(address)
    return ProcessRunner(jobs) if jobs > 1 else InProcessRunner()


def build_batch(
    sources: Sequence[str | Article],
    settings: Settings,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    input_format: str | None = None,
    progress: ArticleProgress | None = None,
    on_done: BatchProgress | None = None,
) -> Iterator[BatchResult]:
    """Build several articles with the runner ``choose_runner(jobs, scheduler)`` picks."""
    batch = Batch(sources, settings, input_format, progress, on_done)
    return choose_runner(jobs, scheduler).run(batch)


class InProcessRunner:
    """One article after another, in this process, each voice loaded once."""

    def run(self, batch: Batch) -> Iterator[BatchResult]:
        from ..tts import EngineSet
        from .pipeline import build

        engines = EngineSet(batch.settings.voices_dir)
        for done, source in enumerate(batch.sources, 1):
            try:
                with batch.progress(source) if batch.progress else nullcontext() as on_progress:
                    result: Edition | AudioEditionError = build(
                        source,
                        batch.settings,
                        on_progress=on_progress,
                        engines=engines,
                        input_format=batch.input_format,
                    )
            except AudioEditionError as exc:
                result = exc
            batch.done(done)
            yield source, result


@dataclass
class ProcessRunner:
    """``jobs`` local processes, each with its share of the cores (threads times processes
    stays within the machine's cores)."""

    jobs: int

    def run(self, batch: Batch) -> Iterator[BatchResult]:
        if len(batch.sources) <= 1:
            yield from InProcessRunner().run(batch)
            return
        from concurrent.futures import ProcessPoolExecutor, as_completed

        from ..tts.piper import available_cores

        cores = max(1, available_cores() // self.jobs)
        with ProcessPoolExecutor(
            max_workers=self.jobs, initializer=_start_worker, initargs=(cores,)
        ) as pool:
            futures = {
                pool.submit(_build_in_worker, source, batch.settings, batch.input_format): source
                for source in batch.sources
            }
            for done, future in enumerate(as_completed(futures), 1):
                batch.done(done)
                yield futures[future], future.result()


# The engines of a worker process (local or Dask), kept for its next article.
_WORKER_ENGINES: dict[str, Any] = {}


def _start_worker(cores: int) -> None:
    from ..tts.piper import CORES_VARIABLE

    os.environ[CORES_VARIABLE] = str(cores)


def _worker_engines(settings: Settings) -> Any:
    from ..tts import EngineSet

    key = str(settings.voices_dir)
    if key not in _WORKER_ENGINES:
        _WORKER_ENGINES[key] = EngineSet(settings.voices_dir)
    return _WORKER_ENGINES[key]


def _build_in_worker(
    source: str | Article, settings: Settings, input_format: str | None
) -> Edition | AudioEditionError:
    """One article in a worker process; the worker keeps its engines for its next article."""
    from .pipeline import build

    try:
        return build(source, settings, engines=_worker_engines(settings), input_format=input_format)
    except AudioEditionError as exc:
        return exc


# --- Dask --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Task:
    """What travels to a worker: the article, the settings, and the bytes of every file the
    settings name (the worker has no access to the client's files)."""

    article: Article
    settings: Settings
    files: dict[str, bytes]
    """Settings field -> content, for cover, lexicon and music files."""

    cover_origin: str | None = None
    """Where the client found the cover, for the manifest (the worker reads a copy)."""


@dataclass(frozen=True)
class _Finished:
    """What comes back: the edition (its paths on the worker) and its files, by name."""

    edition: Edition
    files: dict[str, bytes]
    worker: str


_FILE_SETTINGS = ("cover", "lexicon", "intro_music", "outro_music", "section_sting")


@dataclass
class DaskRunner:
    """One task per article on the Dask cluster whose scheduler is at ``address``."""

    address: str
    connect_timeout_s: float = 20.0

    def run(self, batch: Batch) -> Iterator[BatchResult]:
        from ..tts import EngineSet
        from .pipeline import plan_edition

        settings = batch.settings
        engines = EngineSet(settings.voices_dir)
        tasks: list[tuple[str | Article, _Task]] = []
        done = 0
        # Read and plan every article here: bad input fails before anything is sent, and an
        # edition already current is never sent out.
        for source in batch.sources:
            try:
                plan = plan_edition(
                    source, settings, engines=engines, input_format=batch.input_format
                )
                ready: Edition | AudioEditionError | None = plan.current()
            except AudioEditionError as exc:
                ready = exc
            if ready is None:
                tasks.append((source, _task_for(plan.article, settings, plan.cover)))
                continue
            done += 1
            yield source, ready
        if done:
            batch.done(done)
        if not tasks:
            return
        client = self._connect()
        try:
            yield from self._gather(client, tasks, batch, done)
        finally:
            client.close()

    def _connect(self) -> Any:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ConfigError(
                "running on a cluster needs Dask: pip install 'audio-edition[cluster]'",
                self.address,
            ) from exc
        try:
            return Client(self.address, timeout=self.connect_timeout_s)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler ({type(exc).__name__}: {exc})".rstrip(": "),
                self.address,
                cause="the scheduler is not running, or the address or port is wrong",
            ) from exc

    def _gather(
        self, client: Any, tasks: list[tuple[str | Article, _Task]], batch: Batch, done: int
    ) -> Iterator[BatchResult]:
        from distributed import as_completed

        futures = {
            client.submit(_build_on_dask_worker, task, pure=False, retries=_RETRIES): (source, task)
            for source, task in tasks
        }
        try:
            for future in as_completed(futures):
                source, task = futures[future]
                try:
                    outcome = future.result()
                except AudioEditionError as exc:
                    outcome = exc
                except Exception as exc:  # the task itself broke (after its retries)
                    outcome = AudioEditionError(
                        f"the cluster could not build it: {type(exc).__name__}: {exc}",
                        source if isinstance(source, str) else source.headline,
                    )
                done += 1
                batch.done(done)
                if isinstance(outcome, AudioEditionError):
                    yield source, outcome
                else:
                    yield source, _land(outcome, batch.settings.output_dir, task.cover_origin)
        except BaseException:
            client.cancel(list(futures))  # Ctrl-C: nothing more is built, nothing half-written
            raise


def _task_for(article: Article, settings: Settings, cover: Any) -> _Task:
    files: dict[str, bytes] = {}
    for name in _FILE_SETTINGS:
        path = getattr(settings, name)
        if name == "cover":
            # The cover the client chose (the user's file, or the article's lead image, which
            # may be a local file or need the web): the worker gets its bytes.
            if cover is not None:
                files[name] = cover.data
            continue
        if path is not None:
            files[name] = Path(path).read_bytes()
    return _Task(article, settings, files, cover.origin if cover is not None else None)


def _build_on_dask_worker(task: _Task) -> _Finished | AudioEditionError:
    """Runs on a worker: build into a scratch folder and send the files back."""
    from ..tts.piper import CORES_VARIABLE
    from .pipeline import build

    worker_name = "local"
    try:
        from distributed import get_worker

        worker = get_worker()
        worker_name = str(worker.address)
        # ONNX Runtime threads follow the worker's --nthreads.
        os.environ.setdefault(CORES_VARIABLE, str(worker.state.nthreads))
    except (ImportError, ValueError):
        pass
    scratch = Path(tempfile.mkdtemp(prefix="audio-edition-task-"))
    try:
        inputs = scratch / "inputs"
        inputs.mkdir()
        local: dict[str, Any] = {"output_dir": scratch / "out"}
        for name, data in task.files.items():
            path = inputs / name
            path.write_bytes(data)
            local[name] = path
        if "cover" not in task.files:
            local["cover"] = None
        settings = replace(task.settings, **local)
        try:
            edition = build(task.article, settings, engines=_worker_engines(settings))
        except AudioEditionError as exc:
            return exc
        files = {path.name: path.read_bytes() for path in (scratch / "out").iterdir()}
        return _Finished(edition, files, worker_name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _land(finished: _Finished, folder: Path, cover_origin: str | None) -> Edition:
    """Write a worker's files into ``folder`` (the manifest last: it marks the edition
    complete) and return the edition with its paths there."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = finished.edition.manifest_path.name
    files = dict(finished.files)
    if cover_origin is not None and manifest in files:
        # The manifest names the cover the client chose, not the worker's copy of it.
        document = json.loads(files[manifest])
        document.setdefault("settings", {})["cover"] = cover_origin
        files[manifest] = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode()
    for name, data in sorted(files.items(), key=lambda item: item[0] == manifest):
        write_bytes_atomically(folder / name, data)
    edition = finished.edition
    return replace(
        edition,
        mp3_path=folder / edition.mp3_path.name,
        vtt_path=folder / edition.vtt_path.name,
        srt_path=folder / edition.srt_path.name,
        manifest_path=folder / manifest,
    )


__all__ = [
    "SCHEDULER_VARIABLE",
    "Batch",
    "BatchResult",
    "DaskRunner",
    "InProcessRunner",
    "ProcessRunner",
    "Runner",
    "build_batch",
    "choose_runner",
    "default_jobs",
]

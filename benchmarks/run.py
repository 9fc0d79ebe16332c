"""Benchmarks of audio-edition: prints a table of figures measured side by side in one run.

    python benchmarks/run.py            # everything (the long-form runs take minutes)
    python benchmarks/run.py --quick    # shorter long-form articles, fewer repeats

Figures: the pipeline's overhead next to Piper alone, warm rebuilds, long-form time and
memory, start-up times and the feed over 1,000 episodes. Inputs are made here (our own text);
the shared sample is used when ../shared is present.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "kursk-offensive.txt"
FALLBACK_SAMPLE = ROOT / "examples" / "harbour-lights.txt"

PLACES = ("the harbour", "the old mill", "the ferry pier", "the library", "the market hall")
THINGS = ("boats", "bicycles", "visitors", "volunteers", "crates of apples", "lamps")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
COLOURS = ("green", "blue", "grey", "red", "brown", "black", "yellow")
TRENDS = (
    "clear", "steady", "surprising", "welcome", "slow", "uneven", "encouraging",
    "modest", "familiar", "early", "late",
)  # fmt: skip
WEATHER = ("if the rain holds off", "whatever the wind", "after the ferry leaves",
           "once the fog lifts", "before the market opens")  # fmt: skip


def long_article(minutes: int, first: int = 0) -> str:
    """An article of our own that reads for about ``minutes`` (150 words a minute); articles
    with different ``first`` (far enough apart) share no sentence.

    Every sentence differs (the word lists have co-prime lengths), so the clip cache saves
    nothing within an article, and numbers stay in the same range, so a sentence takes as long
    to say at the end of an hour as at the start: wall time per minute must not depend on
    the length for any reason but the pipeline's.
    """
    paragraphs: list[str] = []
    sentences: set[str] = set()
    words = 0
    index = first
    while words < minutes * 150:
        paragraph = [
            f"On {DAYS[index % 7]}, the count at {PLACES[index % 5]} reached "
            f"{120 + index * 37 % 880} {THINGS[index % 6]}, "
            f"about {index % 9 + 2} percent more than the week before.",
            f"The keeper of the records, who has counted them for {index % 30 + 3} years, "
            f"wrote the number in a {COLOURS[index % 7]} ledger "
            f"and said the trend was {TRENDS[index % 11]}.",
            f"The next count begins at {index % 12 + 1} o'clock, {WEATHER[index % 5]}, "
            f"{index % 13 + 2} hours after high water.",
        ]
        if index % 8 == 0:
            paragraphs.append(f"Part {index // 8 + 1} of the Count")
        paragraphs.append(" ".join(paragraph))
        sentences.update(paragraph)
        words += len(paragraphs[-1].split())
        index += 1
    assert len(sentences) == 3 * (index - first), "a sentence repeats: the cache would skew it"
    return (
        f"A Long Count at the Harbour ({minutes} Minutes)\n\nBy Benchmark Desk\n\nMay 5, 2025\n\n"
        + "\n\n".join(paragraphs)
        + "\n"
    )


def child_build(source: str, output: str, cache: str) -> None:
    """Run in a child process: one cold build, then print wall time, audio length and peak RSS."""
    from audio_edition import Settings, build

    started = time.perf_counter()
    edition = build(source, Settings(output_dir=Path(output), cache_dir=Path(cache)))
    wall = time.perf_counter() - started
    # VmHWM, not getrusage: Linux carries ru_maxrss over exec from the forked parent's memory.
    status = Path("/proc/self/status").read_text()
    peak_kb = int(status.split("VmHWM:")[1].split()[0])
    print(
        json.dumps(
            {"wall_s": wall, "audio_s": edition.duration_ms / 1000, "peak_mb": peak_kb / 1024}
        )
    )


def child_piper_alone(source: str) -> None:
    """Run in a child process: Piper alone (its own loader) says the article's spoken text in
    one call; print its wall time and peak RSS, the floor under any build's memory."""
    from piper import PiperVoice

    from audio_edition import ReadingStyle, load_article
    from audio_edition.script.writer import write_script
    from audio_edition.tts import engine_for
    from audio_edition.tts.piper import PiperEngine

    engine = engine_for("joe")
    assert isinstance(engine, PiperEngine)
    script = write_script(load_article(source), ReadingStyle(), "joe", phoneme_voices={"joe"})
    text = "\n".join(segment.spoken_text for segment in script.segments)
    started = time.perf_counter()
    voice = PiperVoice.load(engine.model_path, engine.config_path)
    samples = sum(chunk.audio_float_array.size for chunk in voice.synthesize(text))
    wall = time.perf_counter() - started
    status = Path("/proc/self/status").read_text()
    peak_kb = int(status.split("VmHWM:")[1].split()[0])
    audio_s = samples / engine.sample_rate
    print(json.dumps({"wall_s": wall, "audio_s": audio_s, "peak_mb": peak_kb / 1024}))


def run_child(source: Path, work: Path, cores: int | None = None) -> dict[str, float]:
    """One cold build in a fresh process (given ``cores`` for synthesis, when set)."""
    from audio_edition.tts.piper import CORES_VARIABLE

    output, cache = work / "out", work / "cache"
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    environment = dict(os.environ)
    if cores:
        environment[CORES_VARIABLE] = str(cores)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(source), str(output), str(cache)],
        capture_output=True, text=True, check=True, env=environment,
    )  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def overhead(sample: Path, work: Path, repeats: int) -> list[tuple[str, str]]:
    """Cold build vs Piper alone on the same spoken text, the voice loaded in both; each
    measured ``repeats`` times, taking turns, and the best of each kept (the machine is noisy)."""
    from piper import PiperVoice

    from audio_edition import ReadingStyle, Settings, build, load_article
    from audio_edition.script.writer import write_script
    from audio_edition.tts import engine_for
    from audio_edition.tts.piper import PiperEngine

    engine = engine_for("joe")
    assert isinstance(engine, PiperEngine)
    engine.synthesize("Warm up.")  # loads the model
    # The baseline is Piper as its own API loads a voice: one session on all cores.
    alone = PiperVoice.load(engine.model_path, engine.config_path)
    list(alone.synthesize("Warm up."))
    article = load_article(sample)
    script = write_script(article, ReadingStyle(), "joe", phoneme_voices={"joe"})
    text = "\n".join(segment.spoken_text for segment in script.segments)
    piper_times, cold_times = [], []
    for attempt in range(repeats):
        started = time.perf_counter()
        samples = sum(chunk.audio_float_array.size for chunk in alone.synthesize(text))
        piper_times.append(time.perf_counter() - started)
        settings = Settings(
            output_dir=work / f"sample-out-{attempt}", cache_dir=work / f"sample-cache-{attempt}"
        )
        started = time.perf_counter()
        edition = build(sample, settings, engine=engine)
        cold_times.append(time.perf_counter() - started)
    del alone
    piper_s, cold_s = min(piper_times), min(cold_times)
    started = time.perf_counter()
    build(sample, settings, engine=engine)
    warm_s = time.perf_counter() - started
    edited = work / "edited.txt"
    original = sample.read_text(encoding="utf-8")
    paragraph = next(p for p in original.split("\n\n") if len(p.split()) > 25)
    edited.write_text(
        original.replace(paragraph, paragraph.replace(" the ", " that ", 1)), encoding="utf-8"
    )
    started = time.perf_counter()
    build(edited, settings, engine=engine)
    edit_s = time.perf_counter() - started
    audio_s = edition.duration_ms / 1000
    return [
        ("sample", f"{sample.name}, {audio_s / 60:.1f} min of audio"),
        (
            "Piper alone (voice loaded)",
            f"{piper_s:.2f} s for {samples / engine.sample_rate:.0f} s of speech"
            f" (best of {repeats})",
        ),
        ("cold build (voice loaded)", f"{cold_s:.2f} s (best of {repeats})"),
        ("overhead ratio (cold / Piper alone)", f"{cold_s / piper_s:.2f}  (target <= 1.10)"),
        (
            "warm rebuild, nothing changed",
            f"{warm_s:.3f} s = {100 * warm_s / cold_s:.1f}% of cold (target <= 5%)",
        ),
        (
            "rebuild, one paragraph edited",
            f"{edit_s:.2f} s = {100 * edit_s / cold_s:.1f}% of cold (target <= 15%)",
        ),
    ]


def long_form(
    minutes: list[int], work: Path, baseline_s_per_min: float | None
) -> list[tuple[str, str]]:
    rows = []
    points = []
    first_per_minute = None
    for length in minutes:
        source = work / f"long-{length}.txt"
        source.write_text(long_article(length), encoding="utf-8")
        figures = run_child(source, work / f"long-{length}")
        per_minute = figures["wall_s"] / (figures["audio_s"] / 60)
        points.append((figures["audio_s"] / 60, figures["peak_mb"]))
        first_per_minute = first_per_minute or per_minute
        note = ""
        if baseline_s_per_min:
            note = f", {100 * (per_minute / baseline_s_per_min - 1):+.0f}% vs the sample"
        if length != minutes[0]:
            note += f", {100 * (per_minute / first_per_minute - 1):+.0f}% vs {minutes[0]} min"
        audio_min = figures["audio_s"] / 60
        rows.append(
            (
                f"long form, {length} min article",
                f"{audio_min:.1f} min audio, {figures['wall_s']:.0f} s ({per_minute:.1f} s "
                f"per audio minute{note}), peak RSS {figures['peak_mb']:.0f} MB",
            )
        )
    if len(points) >= 2:
        (x0, y0), (x1, y1) = points[0], points[-1]
        rows.append(
            (
                "peak RSS slope",
                f"{(y1 - y0) / (x1 - x0):.1f} MB per audio minute (target: flat, <= 400 MB)",
            )
        )
    return rows


def one_minute_articles(work: Path, name: str, count: int) -> list[str]:
    """``count`` one-minute articles with no sentence in common: the cache must not do the
    work of a batch."""
    paths = []
    for index in range(count):
        path = work / f"{name}-{index:02d}.txt"
        text = long_article(1, first=100 * index).replace("A Long Count", f"Count {index + 1}")
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def batch(work: Path, count: int = 20) -> list[tuple[str, str]]:
    """Throughput of ``count`` short articles with --jobs 1, 2 and auto (fresh caches)."""
    from audio_edition import Edition, Settings
    from audio_edition.orchestration.runners import build_batch, default_jobs

    sources = one_minute_articles(work, "batch", count)
    rows = []
    for jobs in dict.fromkeys([1, 2, default_jobs()]):
        settings = Settings(
            output_dir=work / f"batch-out-{jobs}", cache_dir=work / f"batch-cache-{jobs}"
        )
        started = time.perf_counter()
        results = [result for _, result in build_batch(sources, settings, jobs=jobs)]
        wall = time.perf_counter() - started
        audio = sum(r.duration_ms for r in results if isinstance(r, Edition)) / 60000
        label = f"--jobs {jobs}" + (" (auto)" if jobs == default_jobs() else "")
        rows.append(
            (
                f"batch of {count}, {label}",
                f"{audio / (wall / 60):.1f} min of audio per minute ({wall:.0f} s)",
            )
        )
    return rows


def cluster(work: Path, count: int = 12) -> list[tuple[str, str]]:
    """Throughput of ``count`` short articles on a Dask LocalCluster of 1 and 2 workers (one
    thread each), fresh caches: the scheduler's overhead against tasks of several seconds."""
    from distributed import LocalCluster

    from audio_edition import Edition, Settings
    from audio_edition.orchestration.runners import build_batch

    sources = one_minute_articles(work, "cluster", count)
    rows = []
    for workers in (1, 2):
        # Set before the workers start, so that they inherit it: a fresh cache for each run.
        os.environ["AUDIO_EDITION_CACHE_DIR"] = str(work / f"cluster-cache-{workers}")
        try:
            with LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as local:
                settings = Settings(output_dir=work / f"cluster-out-{workers}")
                started = time.perf_counter()
                results = [
                    r for _, r in build_batch(sources, settings, scheduler=local.scheduler_address)
                ]
                wall = time.perf_counter() - started
        finally:
            os.environ.pop("AUDIO_EDITION_CACHE_DIR", None)
        audio = sum(r.duration_ms for r in results if isinstance(r, Edition)) / 60000
        rows.append(
            (
                f"Dask LocalCluster, {workers} worker(s) x 1 thread, {count} articles",
                f"{audio / (wall / 60):.1f} min of audio per minute ({wall:.0f} s)",
            )
        )
    return rows


def sync_rerun(work: Path, count: int = 20) -> list[tuple[str, str]]:
    """``sync`` of a feed of ``count`` full-content entries: the first run, then a re-run with
    nothing new (the feed read from a file: no network in the figure)."""
    from audio_edition import Settings
    from audio_edition.orchestration.sync import sync

    items = "".join(
        f"<item><title>Feed Story {n}</title><link>https://example.com/{n}</link>"
        f"<pubDate>Mon, 02 Jun 2025 0{n % 10}:00:00 +0000</pubDate><content:encoded><![CDATA["
        f"<p>Story {n} of the feed is short, so the figure is about sync itself.</p>]]>"
        "</content:encoded></item>"
        for n in range(count)
    )
    feed = work / "site-feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Site</title>'
        f"<link>https://example.com/</link><description>d</description>{items}</channel></rss>",
        encoding="utf-8",
    )
    settings = Settings(output_dir=work / "synced", cache_dir=work / "sync-cache")
    overrides = {"base_url": "https://example.com/audio/"}
    started = time.perf_counter()
    sync(feed, settings, show_overrides=overrides)
    first = time.perf_counter() - started
    started = time.perf_counter()
    report = sync(feed, settings, show_overrides=overrides)
    again = time.perf_counter() - started
    return [
        (f"sync, feed of {count} articles, first run", f"{first:.1f} s"),
        (
            f"sync, the same feed again ({report.unchanged} unchanged)",
            f"{again:.2f} s (target: about 1 s plus the feed download)",
        ),
    ]


def best_of(command: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def startup(sample: Path, repeats: int) -> list[tuple[str, str]]:
    cli = [sys.executable, "-m", "audio_edition.cli"]
    help_s = best_of([*cli, "--help"], repeats)
    parse_s = best_of([*cli, "parse", str(sample), "--json"], repeats)
    return [
        ("audio-edition --help", f"{help_s:.2f} s (target <= 0.25)"),
        ("audio-edition parse sample --json", f"{parse_s:.2f} s (target <= 0.6)"),
    ]


def feed_of_many(work: Path, count: int = 1000) -> list[tuple[str, str]]:
    """publish() over ``count`` manifests (files hard-linked from one real edition)."""
    from audio_edition import Settings, build
    from audio_edition.publish import ShowSettings, publish

    fixture = ROOT / "tests" / "fixtures" / "short-article.txt"
    one = build(fixture, Settings(output_dir=work / "one", cache_dir=work / "one-cache"))
    originals = {
        kind: one.mp3_path.parent / name
        for kind, name in _manifest(one.manifest_path)["files"].items()
    }
    folder = work / "many"
    folder.mkdir(exist_ok=True)
    manifest = _manifest(one.manifest_path)
    for index in range(count):
        stem = f"2025-01-01-episode-{index:04d}"
        files = {}
        for kind, original in originals.items():
            name = stem + original.name.removeprefix(one.mp3_path.stem)
            if not (folder / name).exists():
                os.link(original, folder / name)
            files[kind] = name
        article = dict(manifest["article"], headline=f"Episode {index}")
        article["published"] = f"2025-01-{index % 28 + 1:02d}"
        copy = dict(manifest, files=files, article=article)
        (folder / f"{stem}.json").write_text(json.dumps(copy))
    show = ShowSettings(title="Many", base_url="https://example.com/")
    publish(folder, show)  # artwork is drawn once
    started = time.perf_counter()
    publish(folder, show)
    elapsed = time.perf_counter() - started
    return [(f"feed + page over {count} manifests", f"{elapsed:.2f} s (target <= 2)")]


def _manifest(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short long-form runs, fewer repeats")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--child-piper", help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help="also write the table to this Markdown file")
    parser.add_argument(
        "--only", choices=["batch", "long", "cluster", "sync"], help="run one part alone"
    )
    args = parser.parse_args()
    if args.child:
        child_build(*args.child)
        return
    if args.child_piper:
        child_piper_alone(args.child_piper)
        return
    if args.only:
        with tempfile.TemporaryDirectory() as temp:
            work = Path(temp)
            parts = {
                "batch": lambda: batch(work),
                "long": lambda: long_form([4, 15, 30, 60], work, None),
                "cluster": lambda: cluster(work),
                "sync": lambda: sync_rerun(work),
            }
            part = parts[args.only]()
            for name, value in part:
                print(f"{name}  {value}")
        return
    sample = SAMPLE if SAMPLE.exists() else FALLBACK_SAMPLE
    minutes = [2, 4, 8] if args.quick else [4, 15, 30, 60]
    rows: list[tuple[str, str]] = [
        ("machine", f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    ]
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        rows += overhead(sample, work, 1 if args.quick else 3)
        fresh = run_child(sample, work / "sample-child")
        per_min = fresh["wall_s"] / (fresh["audio_s"] / 60)
        rows.append(
            (
                "sample, cold build in a fresh process",
                f"{fresh['wall_s']:.1f} s ({per_min:.1f} s per audio minute), "
                f"peak RSS {fresh['peak_mb']:.0f} MB",
            )
        )
        done = subprocess.run(
            [sys.executable, __file__, "--child-piper", str(sample)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        alone = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(
            (
                "sample, Piper alone in a fresh process",
                f"{alone['wall_s']:.1f} s with loading, peak RSS {alone['peak_mb']:.0f} MB",
            )
        )
        single = run_child(sample, work / "sample-single", cores=1)
        rows.append(
            (
                "sample, one sentence at a time, one thread",
                f"{single['wall_s']:.1f} s, peak RSS {single['peak_mb']:.0f} MB"
                " (AUDIO_EDITION_CORES=1)",
            )
        )
        rows += long_form(minutes, work, per_min)
        rows += batch(work, 6 if args.quick else 20)
        rows += cluster(work, 4 if args.quick else 12)
        rows += sync_rerun(work)
        rows += startup(sample, 3 if args.quick else 5)
        rows += feed_of_many(work)
    width = max(len(name) for name, _ in rows)
    table = "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows)
    print(table)
    if args.results:
        markdown = "| measure | figure |\n|---|---|\n" + "\n".join(
            f"| {n} | {v} |" for n, v in rows
        )
        args.results.write_text(markdown + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""The ``audio-edition`` command: options -> settings -> pipeline; errors -> one line.

Status and progress go to stderr; results (outlines, JSON) to stdout.
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import AudioEditionError

F = TypeVar("F", bound=Callable[..., Any])
FILE = click.Path(dir_okay=False, path_type=Path)
FOLDER = click.Path(file_okay=False, path_type=Path)


def _fail(message: str) -> None:
    click.echo(f"audio-edition: error: {message}", err=True)


def _guarded(command: F) -> F:
    """Turn our errors into one line on stderr and exit status 1; tracebacks only with --debug."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(click.get_current_context().find_root().params.get("debug"))
        try:
            return command(*args, **kwargs)
        except AudioEditionError as exc:
            if debug:
                traceback.print_exc()
            _fail(str(exc))
            sys.exit(1)
        except KeyboardInterrupt:
            _fail("interrupted")
            sys.exit(130)
        except Exception as exc:  # an internal error: say so in one line, keep the details
            if debug:
                traceback.print_exc()
            report = _crash_report(exc)
            where = f"; details in {report}" if report else ""
            summary = " ".join(str(exc).split())[:200]
            _fail(f"internal error: {type(exc).__name__}: {summary}{where}")
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _crash_report(exc: BaseException) -> Path | None:
    """Write the traceback, version and command to a crash report; its path, or None."""
    import datetime as dt
    import platform

    from .tts import default_cache_dir

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = default_cache_dir() / "crash-reports" / f"crash-{stamp}.txt"
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    text = (
        f"audio-edition {__version__}, Python {platform.python_version()}, {platform.platform()}\n"
        f"command: {' '.join(sys.argv)}\n\n{details}"
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError:
        return None
    return path


class _OneLineFormatter(logging.Formatter):
    """ "audio-edition: warning: ...", in the same shape as our error lines."""

    def format(self, record: logging.LogRecord) -> str:
        return f"audio-edition: {record.levelname.lower()}: {record.getMessage()}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audio-edition")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
def main(debug: bool) -> None:
    """Turn written articles into podcast-quality audio editions.

    \b
    Example:
      audio-edition parse article.txt
      audio-edition build article.txt -o output
      audio-edition say "Talks in Kyiv resumed."
    """
    # Warnings from the library (a damaged cache entry, a text the voice cannot read) go to
    # stderr as one line each; --debug shows the library's debug log too.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter())
    library = logging.getLogger("audio_edition")
    library.handlers[:] = [handler]
    library.setLevel(logging.DEBUG if debug else logging.WARNING)
    library.propagate = False


_article_argument = click.argument("source", type=str, metavar="FILE")


SIZE_UNITS = {"": 1, "B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3}


class _ByteSize(click.ParamType):
    """A size such as 50MB, 2GB or 1000000 (bytes)."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().replace(" ", "")
        number = text.rstrip("KMGB")
        unit = text[len(number) :]
        if not number.replace(".", "", 1).isdigit() or unit not in SIZE_UNITS:
            self.fail(f"{value!r} is not a size like 50MB or 2GB", param, ctx)
        return int(float(number) * SIZE_UNITS[unit])


_max_input_option = click.option(
    "--max-input-size",
    "max_input_bytes",
    type=_ByteSize(),
    help="Largest article file to read (default: 10MB).",
)


_format_option = click.option(
    "--format",
    "input_format",
    type=click.Choice(["text", "html", "markdown"]),
    help="How to read FILE (default: by extension, else by looking at the content).",
)


_voice_option = click.option(
    "--voice",
    help="Voice preset (see `audio-edition voices`; default: joe).",
)


_lexicon_option = click.option(
    "--lexicon",
    type=FILE,
    help="Pronunciation lexicon (TOML) merged over the built-in one.",
)


_jobs_option = click.option(
    "--jobs",
    default="1",
    show_default=True,
    metavar="N|auto",
    help="Articles built at once (auto: one process per two cores, at least two).",
)


_scheduler_option = click.option(
    "--scheduler",
    envvar="AUDIO_EDITION_SCHEDULER",
    metavar="ADDR",
    help="Build on the Dask cluster of this scheduler, e.g. tcp://host:8786 "
    "(also AUDIO_EDITION_SCHEDULER).",
)


_config_option = click.option(
    "--config",
    "config_path",
    type=FILE,
    help="Settings file (default: ./audio-edition.toml when present).",
)


@main.command()
@_article_argument
@click.option("--json", "as_json", is_flag=True, help="Print the article model as JSON.")
@_format_option
@_max_input_option
@_guarded
def parse(
    source: str, as_json: bool, input_format: str | None, max_input_bytes: int | None
) -> None:
    """Show the structure found in an article (a file, a URL, or - for stdin).

    \b
    Example:
      audio-edition parse article.txt
      audio-edition parse https://example.com/news/story --json
      pbpaste | audio-edition parse - --format text
    """
    from .ingest import load_article
    from .outline import outline

    limit = {"max_bytes": max_input_bytes} if max_input_bytes else {}
    article = load_article(source, input_format=input_format, **limit)
    if as_json:
        click.echo(json.dumps(article.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(outline(article))


def _build_options(command: F) -> F:
    """The options of a build, shared by ``build`` and ``sync``."""
    for option in reversed(_BUILD_OPTIONS):
        command = option(command)
    return command


_BUILD_OPTIONS = [
    click.option(
        "-o",
        "--output-dir",
        type=FOLDER,
        help="Folder for the MP3 and its companions (default: output).",
    ),
    click.option(
        "--voice",
        "voice_choices",
        multiple=True,
        metavar="[ROLE=]NAME",
        help="Voice preset, or a voice for one role (headline, byline, heading, body, quote, "
        "intro, outro); may be repeated: --voice joe --voice headline=google-uk.",
    ),
    _lexicon_option,
    click.option(
        "--voices-dir",
        type=FOLDER,
        help="Extra folder of voice presets.",
    ),
    click.option("--intro", metavar="TEMPLATE", help='Spoken intro, e.g. "This is {publication}."'),
    click.option("--outro", metavar="TEMPLATE", help="Spoken outro, with the same fields."),
    click.option(
        "--intro-music",
        type=FILE,
        help="Music under the start (any format ffmpeg reads).",
    ),
    click.option(
        "--outro-music",
        type=FILE,
        help="Music under the end.",
    ),
    click.option(
        "--sting",
        "section_sting",
        type=FILE,
        help="Short sound played before each section heading.",
    ),
    click.option(
        "--urls", type=click.Choice(["read", "drop"]), help="Say web addresses, or say 'a link'."
    ),
    click.option(
        "--cover",
        type=FILE,
        help="Cover image (JPEG or PNG) embedded in the MP3.",
    ),
    click.option(
        "--cache-dir",
        type=FOLDER,
        help="Clip cache folder (default: the user cache directory).",
    ),
    click.option("--no-cache", is_flag=True, help="Neither reuse nor store synthesized clips."),
    click.option("--bitrate", "bitrate_kbps", type=int, help="MP3 bitrate in kb/s (default: 64)."),
    click.option("--sample-rate", type=int, help="MP3 sample rate in Hz (default: 44100)."),
    click.option(
        "--sentence-pause",
        "between_sentences_ms",
        type=int,
        metavar="MS",
        help="Pause between sentences, in ms.",
    ),
    click.option(
        "--paragraph-pause",
        "between_paragraphs_ms",
        type=int,
        metavar="MS",
        help="Pause between paragraphs, in ms.",
    ),
    click.option(
        "--section-pause",
        "before_heading_ms",
        type=int,
        metavar="MS",
        help="Pause before a section heading, in ms.",
    ),
    click.option(
        "--headline-pause",
        "after_headline_ms",
        type=int,
        metavar="MS",
        help="Pause after the headline, in ms.",
    ),
]


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="FILE...")
@_build_options
@_format_option
@_max_input_option
@_config_option
@click.option(
    "--feed", "update_feed", is_flag=True, help="Rebuild feed.xml and index.html afterwards."
)
@_jobs_option
@_scheduler_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@_guarded
def build(
    sources: tuple[str, ...],
    config_path: Path | None,
    no_cache: bool,
    quiet: bool,
    input_format: str | None,
    voice_choices: tuple[str, ...],
    update_feed: bool,
    jobs: str,
    scheduler: str | None,
    **options: Any,
) -> None:
    """Build the audio edition of each article (files, URLs, or - for stdin): MP3,
    transcripts and manifest.

    \b
    Example:
      audio-edition build article.txt
      audio-edition build post.md page.html -o public --cover cover.jpg
      audio-edition build https://example.com/news/story --lexicon names.toml
      audio-edition build article.txt --voice joe --voice headline=google-uk
    """
    from .config import load_settings
    from .runners import build_batch

    voice, cast = _voice_choices(voice_choices)
    settings = load_settings(
        config_path, use_cache=False if no_cache else None, voice=voice, cast=cast, **options
    )
    if update_feed:
        from .publish import load_show

        show = load_show(config_path)  # missing feed settings fail before any synthesis
    count = _job_count(jobs)
    failures = 0
    with _batch_bar(len(sources), quiet or not (scheduler or count > 1)) as on_done:
        results = build_batch(
            sources,
            settings,
            jobs=count,
            scheduler=scheduler,
            input_format=input_format,
            # A bar per article when they are built one by one, else one for the batch.
            progress=lambda source: _progress(Path(str(source)).name, quiet),
            on_done=on_done,
        )
        for _source, result in results:
            if isinstance(result, AudioEditionError):
                if len(sources) == 1:
                    raise result
                _fail(str(result))
                failures += 1
            elif not quiet:
                click.echo(_summary(result), err=True)
    if update_feed:
        from .publish import publish

        publication = publish(settings.output_dir, show)
        if not quiet:
            click.echo(f"{publication.feed_path}  ({publication.episodes} episodes)", err=True)
    if failures:
        _fail(f"{failures} of {len(sources)} articles failed")
        sys.exit(1)


def _job_count(jobs: str) -> int:
    from .runners import default_jobs

    if jobs != "auto" and not jobs.isdigit():
        raise AudioEditionError("--jobs takes a number of articles at once, or auto", jobs)
    return default_jobs() if jobs == "auto" else max(1, int(jobs))


def _voice_choices(choices: tuple[str, ...]) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """ "--voice joe --voice headline=google-uk" -> ("joe", (("headline", "google-uk"),))."""
    voice = None
    cast = []
    for choice in choices:
        role, separator, name = choice.partition("=")
        if separator:
            cast.append((role.strip(), name.strip()))
        else:
            voice = choice.strip()
    return voice, tuple(cast)


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar over segments on a terminal; nothing when quiet or piped."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label=label, show_pos=True, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


@contextmanager
def _batch_bar(total: int, hidden: bool) -> Iterator[Callable[[int, int], None] | None]:
    """One progress bar for a batch (articles done of all), on a terminal."""
    if hidden or total <= 1 or not sys.stderr.isatty():
        yield None
        return
    bar: Any = click.progressbar(length=total, label="articles", show_pos=True, file=sys.stderr)
    with bar:
        yield lambda done, _total: bar.update(done - bar.pos)


def _summary(edition: Any) -> str:
    minutes, seconds = divmod(round(edition.duration_ms / 1000), 60)
    size_mb = edition.size_bytes / 1_000_000
    if edition.up_to_date:
        note = "up to date"
    else:
        note = f"{edition.clips_synthesized} of {len(edition.cues)} clips synthesized"
    return f"{edition.mp3_path}  {minutes}:{seconds:02d}  {size_mb:.1f} MB  ({note})"


@main.command()
@click.argument("text")
@click.option(
    "-o",
    "--output",
    type=FILE,
    default=Path("say.wav"),
    show_default=True,
    help="Audio file to write: .wav, or .mp3.",
)
@_voice_option
@_lexicon_option
@_config_option
@_guarded
def say(text: str, output: Path, config_path: Path | None, **options: Any) -> None:
    """Say TEXT with a voice into a WAV or MP3 file, to hear how a name or phrase comes out.

    The text is normalized and the pronunciation lexicon applied, as in `build`; the spoken
    text is printed on stderr.

    \b
    Example:
      audio-edition say "Zelenskyy met Erdoğan in Kyiv."
      audio-edition say "Niamh Keir" -o names.mp3 --lexicon names.toml
    """
    from .config import load_settings
    from .speak import say as say_text

    utterance = say_text(text, output, load_settings(config_path, **options))
    click.echo(f"{utterance.path}  {utterance.duration_ms / 1000:.1f} s", err=True)
    click.echo(f"spoken: {utterance.spoken_text}", err=True)


@main.command("normalize")
@_article_argument
@click.option(
    "--plain", is_flag=True, help="FILE is plain prose: print each line as spoken, one by one."
)
@_format_option
@_voice_option
@_lexicon_option
@_config_option
@_guarded
def normalize_command(
    source: str, plain: bool, input_format: str | None, config_path: Path | None, **options: Any
) -> None:
    """Print what the voice will read for an article (a file, or - for stdin): one line per
    utterance, KIND<TAB>spoken text, an empty line between paragraphs. Nothing is synthesized.

    \b
    Example:
      audio-edition normalize article.txt
      echo "Xi Jinping met Scholz." | audio-edition normalize - --plain
      audio-edition normalize post.md --lexicon names.toml --voice joe
    """
    from .config import load_settings
    from .speak import spoken_lines

    if plain and input_format:
        raise click.UsageError("--plain reads plain prose; --format does not apply to it")
    settings = load_settings(config_path, **options)
    for line in spoken_lines(source, settings, plain=plain, input_format=input_format):
        click.echo(line)


@main.group(invoke_without_command=True)
@click.option(
    "--voices-dir",
    type=FOLDER,
    help="Extra folder of voice presets.",
)
@click.pass_context
@_guarded
def voices(context: click.Context, voices_dir: Path | None) -> None:
    """List the voices: engine, language, offline use and readiness.

    \b
    Example:
      audio-edition voices
      audio-edition voices add ~/piper/en_GB-alan-medium.onnx
      audio-edition voices preview google-uk "Good evening from the harbour."
    """
    if context.invoked_subcommand is not None:
        return
    from .tts import ENGINES, load_presets

    rows = [("NAME", "ENGINE", "LANGUAGE", "OFFLINE", "READY", "DESCRIPTION")]
    for name, preset in sorted(load_presets(voices_dir).items()):
        factory = ENGINES.get(preset.engine)
        if factory is None:
            rows.append((name, preset.engine, preset.language, "?", "unknown engine", ""))
            continue
        try:
            engine = factory(preset)
            offline = "yes" if engine.offline else "no"
            ready = ("yes" if engine.offline else "needs network") if engine.ready else "no"
        except AudioEditionError as exc:
            offline, ready = "?", f"no: {exc.message}"
        rows.append((name, preset.engine, preset.language, offline, ready, preset.display_name))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


@main.command()
@click.argument("folder", required=False, type=FOLDER, metavar="[DIR]")
@click.option("--title", help="Show title (else [feed] title in audio-edition.toml).")
@click.option("--base-url", help="Where DIR will be hosted, e.g. https://example.com/audio/.")
@click.option("--description", help="Show description.")
@click.option("--author", help="Show author.")
@click.option("--owner-name", help="iTunes owner name.")
@click.option("--owner-email", help="iTunes owner email.")
@click.option("--language", help="Show language (default: en).")
@click.option("--category", help="iTunes category (default: News).")
@click.option("--image", help="Show artwork: a URL or a file (default: drawn from the title).")
@click.option("--limit", type=click.IntRange(min=1), help="Only the newest N episodes.")
@click.option(
    "--episode-covers",
    is_flag=True,
    default=None,
    help="Draw a cover from each episode's headline.",
)
@_config_option
@_guarded
def feed(folder: Path | None, config_path: Path | None, **options: Any) -> None:
    """Write feed.xml (a podcast feed) and index.html (a listening page) for the built
    editions in DIR (default: output).

    \b
    Example:
      audio-edition feed --title "Harbour Reports" --base-url https://example.com/audio/
      audio-edition feed public --limit 20
    """
    from .config import load_settings
    from .publish import load_show, publish

    show = load_show(config_path, **options)
    target = folder or load_settings(config_path).output_dir
    publication = publish(target, show)
    click.echo(f"{publication.feed_path}  ({publication.episodes} episodes)", err=True)
    click.echo(f"{publication.page_path}", err=True)


@main.command()
@click.argument("feed_source", metavar="FEED")
@_build_options
@click.option("--title", help="Show title (default: the site feed's title + ' (audio)').")
@click.option("--base-url", help="Where the output folder is hosted (else [feed] base_url).")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="At most N entries not built before (the newest).",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Skip entries not built before that were published before this date.",
)
@click.option("--prune", is_flag=True, help="Remove editions of entries gone from the feed.")
@_jobs_option
@_scheduler_option
@_config_option
@click.option("-q", "--quiet", is_flag=True, help="Print only failures (for cron).")
@_guarded
def sync(
    feed_source: str,
    config_path: Path | None,
    no_cache: bool,
    quiet: bool,
    voice_choices: tuple[str, ...],
    title: str | None,
    base_url: str | None,
    limit: int | None,
    since: datetime.datetime | None,
    prune: bool,
    jobs: str,
    scheduler: str | None,
    **options: Any,
) -> None:
    """Keep a podcast in step with a site's article feed (RSS, Atom or JSON Feed; a URL or a
    file): build the audio edition of each new or changed article, then write feed.xml and
    index.html. Safe to run from cron: an unchanged feed rebuilds nothing.

    \b
    Example:
      audio-edition sync https://example.com/feed.xml -o public --base-url https://example.com/audio/
      audio-edition sync https://example.com/feed.xml -o public --limit 20 --quiet
    """
    from .config import load_settings
    from .publish.sync import sync as run_sync

    voice, cast = _voice_choices(voice_choices)
    settings = load_settings(
        config_path, use_cache=False if no_cache else None, voice=voice, cast=cast, **options
    )
    report = run_sync(
        feed_source,
        settings,
        config_path=config_path,
        show_overrides={"title": title, "base_url": base_url},
        limit=limit,
        since=since.date() if since else None,
        prune=prune,
        jobs=_job_count(jobs),
        scheduler=scheduler,
        on_failure=lambda failure: _fail(str(failure)),
        progress=lambda article: _progress(article.headline[:40], quiet),
    )
    if not quiet:
        click.echo(f"{report.feed_path}  ({report.episodes} episodes)", err=True)
        click.echo(f"sync: {report.summary()}", err=True)
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("folder", required=False, type=FOLDER, metavar="[DIR]")
@click.option("--port", type=int, default=8000, show_default=True)
@_guarded
def serve(folder: Path | None, port: int) -> None:
    """Preview DIR (default: output) on http://127.0.0.1:PORT/, with seeking in the player.

    \b
    Example:
      audio-edition serve output --port 8000
    """
    from .publish.serve import make_server

    target = folder or Path("output")
    if not target.is_dir():
        raise AudioEditionError("no such folder", target)
    try:
        server = make_server(target, port)
    except OSError as exc:
        raise AudioEditionError(f"cannot listen on port {port}: {exc.strerror or exc}") from exc
    click.echo(
        f"serving {target} at http://127.0.0.1:{server.server_port}/ (Ctrl-C stops)", err=True
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.group()
def cache() -> None:
    """Look after the clip cache.

    \b
    Example:
      audio-edition cache info
      audio-edition cache clear --older-than 30d
    """


@cache.command("info")
@click.option("--cache-dir", type=FOLDER, help="Clip cache folder (default: the user cache).")
@_guarded
def cache_info(cache_dir: Path | None) -> None:
    """Where the clip cache is, how many clips it holds and their size.

    \b
    Example:
      audio-edition cache info
    """
    from .tts import ClipCache, default_cache_dir

    root = cache_dir or default_cache_dir()
    entries = ClipCache(root).entries()
    size = sum(path.stat().st_size for path in entries)
    click.echo(f"{root}: {len(entries)} clips, {size / 1e6:.1f} MB")


@cache.command("clear")
@click.option("--cache-dir", type=FOLDER, help="Clip cache folder (default: the user cache).")
@click.option("--older-than", metavar="AGE", help="Only clips unused for AGE, e.g. 30d or 12h.")
@_guarded
def cache_clear(cache_dir: Path | None, older_than: str | None) -> None:
    """Delete cached clips (they are made again when needed).

    \b
    Example:
      audio-edition cache clear --older-than 30d
    """
    from .tts import ClipCache, default_cache_dir

    age = _age_seconds(older_than) if older_than else None
    files, size = ClipCache(cache_dir or default_cache_dir()).clear(age)
    click.echo(f"removed {files} clips, {size / 1e6:.1f} MB")


def _age_seconds(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    value, unit = text[:-1], text[-1:].lower()
    if unit not in units or not value.replace(".", "", 1).isdigit():
        raise AudioEditionError("an age is a number and a unit: 30d, 12h, 90m", text)
    return float(value) * units[unit]


@voices.command("add")
@click.argument("model", type=FILE)
@click.option(
    "--voices-dir",
    type=FOLDER,
    default=Path("voices"),
    show_default=True,
    help="Folder to write the preset into.",
)
@click.option("--name", help="Preset name (default: from the model's file name).")
@_guarded
def voices_add(model: Path, voices_dir: Path, name: str | None) -> None:
    """Add a Piper voice you have on disk (MODEL.onnx with MODEL.onnx.json beside it).

    \b
    Example:
      audio-edition voices add ~/piper/en_GB-alan-medium.onnx
      audio-edition build article.txt --voice en-gb-alan-medium
    """
    from .tts.voices import write_piper_preset

    path = write_piper_preset(model, voices_dir, name)
    click.echo(f"wrote {path}; use it with --voice {path.stem}", err=True)


@voices.command("preview")
@click.argument("name")
@click.argument("text", required=False)
@click.option("-o", "--output", type=FILE)
@click.option(
    "--voices-dir",
    type=FOLDER,
    help="Extra folder of voice presets.",
)
@_guarded
def voices_preview(
    name: str, text: str | None, output: Path | None, voices_dir: Path | None
) -> None:
    """Write a short sample of a voice (default: preview-NAME.wav).

    \b
    Example:
      audio-edition voices preview joe
      audio-edition voices preview google-uk "Good evening." -o uk.mp3
    """
    from .config import Settings
    from .speak import say

    sample = text or PREVIEW_TEXT
    target = output or Path(f"preview-{name}.wav")
    result = say(sample, target, Settings(voice=name, voices_dir=voices_dir))
    click.echo(f"{result.path}  ({result.duration_ms / 1000:.1f} s)", err=True)


PREVIEW_TEXT = (
    "This is the audio edition. The ferry sails at 6:30 in the morning, and 1,300 people "
    "rode it on Friday."
)


if __name__ == "__main__":  # pragma: no cover
    main()

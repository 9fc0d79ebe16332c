"""What every command shares: the one-line error guard, option decorators and progress bars."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import AudioEditionError
from ..version import __version__

if TYPE_CHECKING:
    from ..config import Settings

F = TypeVar("F", bound=Callable[..., Any])
FILE = click.Path(dir_okay=False, path_type=Path)
FOLDER = click.Path(file_okay=False, path_type=Path)


def fail(message: str) -> None:
    """Print one error line on stderr, in the shape of all of ours."""
    click.echo(f"audio-edition: error: {message}", err=True)


def guarded(command: F) -> F:
    """Turn our errors into one line on stderr and exit status 1; tracebacks only with --debug."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(click.get_current_context().find_root().params.get("debug"))
        try:
            return command(*args, **kwargs)
        except AudioEditionError as exc:
            if debug:
                traceback.print_exc()
            fail(str(exc))
            sys.exit(1)
        except KeyboardInterrupt:
            fail("interrupted")
            sys.exit(130)
        except BrokenPipeError:
            # The reader of the output went away ("... | head"): no error of ours. Point stdout
            # at nothing so the interpreter's own flush at exit does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)  # as a shell reports a pipe closed under a writer
        except Exception as exc:  # an internal error: say so in one line, keep the details
            if debug:
                traceback.print_exc()
            report = _crash_report(exc)
            where = f"; details in {report}" if report else ""
            summary = " ".join(str(exc).split())[:200]
            fail(f"internal error: {type(exc).__name__}: {summary}{where}")
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _crash_report(exc: BaseException) -> Path | None:
    """Write the traceback, version and command to a crash report; its path, or None."""
    import datetime as dt
    import platform

    from ..tts import default_cache_dir

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


SIZE_UNITS = {"": 1, "B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3}


class ByteSize(click.ParamType):
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


article_argument = click.argument("source", type=str, metavar="FILE")

max_input_option = click.option(
    "--max-input-size",
    "max_input_bytes",
    type=ByteSize(),
    help="Largest article file to read (default: 10MB).",
)

format_option = click.option(
    "--format",
    "input_format",
    type=click.Choice(["text", "html", "markdown"]),
    help="How to read FILE (default: by extension, else by looking at the content).",
)

voice_option = click.option(
    "--voice",
    help="Voice preset (see `audio-edition voices`; default: joe).",
)

voices_dir_option = click.option(
    "--voices-dir",
    type=FOLDER,
    help="Extra folder of voice presets.",
)

lexicon_option = click.option(
    "--lexicon",
    type=FILE,
    help="Pronunciation lexicon (TOML) merged over the built-in one.",
)

jobs_option = click.option(
    "--jobs",
    default="1",
    show_default=True,
    metavar="N|auto",
    help="Articles built at once (auto: one process per two cores, at least two).",
)

scheduler_option = click.option(
    "--scheduler",
    envvar="AUDIO_EDITION_SCHEDULER",
    metavar="ADDR",
    help="Build on the Dask cluster of this scheduler, e.g. tcp://host:8786 "
    "(also AUDIO_EDITION_SCHEDULER).",
)

config_option = click.option(
    "--config",
    "config_path",
    type=FILE,
    help="Settings file (default: ./audio-edition.toml when present).",
)

cache_dir_option = click.option(
    "--cache-dir", type=FOLDER, help="Clip cache folder (default: the user cache)."
)


def build_options(command: F) -> F:
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
    lexicon_option,
    voices_dir_option,
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
    cache_dir_option,
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


def build_settings(
    config_path: Path | None,
    no_cache: bool,
    voice_choices: tuple[str, ...],
    options: dict[str, Any],
) -> Settings:
    """Settings from the config file and the build options (``--voice [ROLE=]NAME`` split)."""
    from ..config import load_settings

    voice = None
    cast = []
    for choice in voice_choices:
        role, separator, name = choice.partition("=")
        if separator:
            cast.append((role.strip(), name.strip()))
        else:
            voice = choice.strip()
    return load_settings(
        config_path,
        use_cache=False if no_cache else None,
        voice=voice,
        cast=tuple(cast),
        **options,
    )


def job_count(jobs: str) -> int:
    """``--jobs N|auto`` as a number of articles at once."""
    from ..orchestration.runners import default_jobs

    if jobs != "auto" and not jobs.isdigit():
        raise AudioEditionError("--jobs takes a number of articles at once, or auto", jobs)
    return default_jobs() if jobs == "auto" else max(1, int(jobs))


@contextmanager
def progress(label: str, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
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
def batch_bar(total: int, hidden: bool) -> Iterator[Callable[[int, int], None] | None]:
    """One progress bar for a batch (articles done of all), on a terminal."""
    if hidden or total <= 1 or not sys.stderr.isatty():
        yield None
        return
    bar: Any = click.progressbar(length=total, label="articles", show_pos=True, file=sys.stderr)
    with bar:
        yield lambda done, _total: bar.update(done - bar.pos)

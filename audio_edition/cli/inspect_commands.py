"""Commands that look before a build: ``parse``, ``normalize``, ``say``, ``voices`` and
``cache``. Each shows one stage's work on its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..errors import AudioEditionError
from .options import (
    FILE,
    FOLDER,
    article_argument,
    cache_dir_option,
    config_option,
    format_option,
    guarded,
    lexicon_option,
    max_input_option,
    voice_option,
    voices_dir_option,
)


@click.command()
@article_argument
@click.option("--json", "as_json", is_flag=True, help="Print the article model as JSON.")
@format_option
@max_input_option
@guarded
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
    from ..ingest import load_article
    from ..ingest.outline import outline

    limit = {"max_bytes": max_input_bytes} if max_input_bytes else {}
    article = load_article(source, input_format=input_format, **limit)
    if as_json:
        click.echo(json.dumps(article.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(outline(article))


@click.command()
@click.argument("text")
@click.option(
    "-o",
    "--output",
    type=FILE,
    default=Path("say.wav"),
    show_default=True,
    help="Audio file to write: .wav, or .mp3.",
)
@voice_option
@lexicon_option
@config_option
@guarded
def say(text: str, output: Path, config_path: Path | None, **options: Any) -> None:
    """Say TEXT with a voice into a WAV or MP3 file, to hear how a name or phrase comes out.

    The text is normalized and the pronunciation lexicon applied, as in `build`; the spoken
    text is printed on stderr.

    \b
    Example:
      audio-edition say "Zelenskyy met Erdoğan in Kyiv."
      audio-edition say "Niamh Keir" -o names.mp3 --lexicon names.toml
    """
    from ..config import load_settings
    from ..orchestration.speak import say as say_text

    utterance = say_text(text, output, load_settings(config_path, **options))
    click.echo(f"{utterance.path}  {utterance.duration_ms / 1000:.1f} s", err=True)
    click.echo(f"spoken: {utterance.spoken_text}", err=True)


@click.command("normalize")
@article_argument
@click.option(
    "--plain", is_flag=True, help="FILE is plain prose: print each line as spoken, one by one."
)
@format_option
@voice_option
@lexicon_option
@config_option
@guarded
def normalize(
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
    from ..config import load_settings
    from ..orchestration.speak import spoken_lines

    if plain and input_format:
        raise click.UsageError("--plain reads plain prose; --format does not apply to it")
    settings = load_settings(config_path, **options)
    for line in spoken_lines(source, settings, plain=plain, input_format=input_format):
        click.echo(line)


@click.group(invoke_without_command=True)
@voices_dir_option
@click.pass_context
@guarded
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
    from ..tts import voice_statuses

    rows = [("NAME", "ENGINE", "LANGUAGE", "OFFLINE", "READY", "DESCRIPTION")]
    for status in voice_statuses(voices_dir):
        preset = status.preset
        offline = "?" if status.offline is None else ("yes" if status.offline else "no")
        rows.append(
            (status.name, preset.engine, preset.language, offline, status.ready, status.description)
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


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
@guarded
def voices_add(model: Path, voices_dir: Path, name: str | None) -> None:
    """Add a Piper voice you have on disk (MODEL.onnx with MODEL.onnx.json beside it).

    \b
    Example:
      audio-edition voices add ~/piper/en_GB-alan-medium.onnx
      audio-edition build article.txt --voice en-gb-alan-medium
    """
    from ..tts.voices import write_piper_preset

    path = write_piper_preset(model, voices_dir, name)
    click.echo(f"wrote {path}; use it with --voice {path.stem}", err=True)


PREVIEW_TEXT = (
    "This is the audio edition. The ferry sails at 6:30 in the morning, and 1,300 people "
    "rode it on Friday."
)


@voices.command("preview")
@click.argument("name")
@click.argument("text", required=False)
@click.option("-o", "--output", type=FILE)
@voices_dir_option
@guarded
def voices_preview(
    name: str, text: str | None, output: Path | None, voices_dir: Path | None
) -> None:
    """Write a short sample of a voice (default: preview-NAME.wav).

    \b
    Example:
      audio-edition voices preview joe
      audio-edition voices preview google-uk "Good evening." -o uk.mp3
    """
    from ..config import Settings
    from ..orchestration.speak import say as say_text

    sample = text or PREVIEW_TEXT
    target = output or Path(f"preview-{name}.wav")
    result = say_text(sample, target, Settings(voice=name, voices_dir=voices_dir))
    click.echo(f"{result.path}  ({result.duration_ms / 1000:.1f} s)", err=True)


@click.group()
def cache() -> None:
    """Look after the clip cache.

    \b
    Example:
      audio-edition cache info
      audio-edition cache clear --older-than 30d
    """


@cache.command("info")
@cache_dir_option
@guarded
def cache_info(cache_dir: Path | None) -> None:
    """Where the clip cache is, how many clips it holds and their size.

    \b
    Example:
      audio-edition cache info
    """
    from ..tts import ClipCache, default_cache_dir

    root = cache_dir or default_cache_dir()
    clips, size = ClipCache(root).usage()
    click.echo(f"{root}: {clips} clips, {size / 1e6:.1f} MB")


@cache.command("clear")
@cache_dir_option
@click.option("--older-than", metavar="AGE", help="Only clips unused for AGE, e.g. 30d or 12h.")
@guarded
def cache_clear(cache_dir: Path | None, older_than: str | None) -> None:
    """Delete cached clips (they are made again when needed).

    \b
    Example:
      audio-edition cache clear --older-than 30d
    """
    from ..tts import ClipCache, default_cache_dir

    age = _age_seconds(older_than) if older_than else None
    files, size = ClipCache(cache_dir or default_cache_dir()).clear(age)
    click.echo(f"removed {files} clips, {size / 1e6:.1f} MB")


def _age_seconds(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    value, unit = text[:-1], text[-1:].lower()
    if unit not in units or not value.replace(".", "", 1).isdigit():
        raise AudioEditionError("an age is a number and a unit: 30d, 12h, 90m", text)
    return float(value) * units[unit]

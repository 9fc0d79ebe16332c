"""``audio-edition build``: articles in, editions (and optionally the feed) out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import AudioEditionError
from .options import (
    batch_bar,
    build_options,
    build_settings,
    config_option,
    fail,
    format_option,
    guarded,
    job_count,
    jobs_option,
    max_input_option,
    progress,
    scheduler_option,
)

if TYPE_CHECKING:
    from ..models import Edition


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="FILE...")
@build_options
@format_option
@max_input_option
@config_option
@click.option(
    "--feed", "update_feed", is_flag=True, help="Rebuild feed.xml and index.html afterwards."
)
@jobs_option
@scheduler_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@guarded
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
    from ..orchestration.runners import build_batch

    settings = build_settings(config_path, no_cache, voice_choices, options)
    if update_feed:
        from ..publish import load_show

        show = load_show(config_path)  # missing feed settings fail before any synthesis
    count = job_count(jobs)
    failures = 0
    with batch_bar(len(sources), quiet or not (scheduler or count > 1)) as on_done:
        results = build_batch(
            sources,
            settings,
            jobs=count,
            scheduler=scheduler,
            input_format=input_format,
            # A bar per article when they are built one by one, else one for the batch.
            progress=lambda source: progress(Path(str(source)).name, quiet),
            on_done=on_done,
        )
        for _source, result in results:
            if isinstance(result, AudioEditionError):
                if len(sources) == 1:
                    raise result
                fail(str(result))
                failures += 1
            elif not quiet:
                click.echo(_summary(result), err=True)
    if update_feed:
        from ..publish import publish

        publication = publish(settings.output_dir, show)
        if not quiet:
            click.echo(f"{publication.feed_path}  ({publication.episodes} episodes)", err=True)
    if failures:
        fail(f"{failures} of {len(sources)} articles failed")
        sys.exit(1)


def _summary(edition: Edition) -> str:
    minutes, seconds = divmod(round(edition.duration_ms / 1000), 60)
    size_mb = edition.size_bytes / 1_000_000
    if edition.up_to_date:
        note = "up to date"
    else:
        note = f"{edition.clips_synthesized} of {len(edition.cues)} clips synthesized"
    return f"{edition.mp3_path}  {minutes}:{seconds:02d}  {size_mb:.1f} MB  ({note})"

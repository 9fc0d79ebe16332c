"""Commands that publish built editions: ``feed``, ``sync`` (a site's feed in, a podcast out)
and ``serve`` (a local preview)."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import AudioEditionError
from .options import (
    FOLDER,
    build_options,
    build_settings,
    config_option,
    fail,
    guarded,
    job_count,
    jobs_option,
    progress,
    scheduler_option,
)


@click.command()
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
@config_option
@guarded
def feed(folder: Path | None, config_path: Path | None, **options: Any) -> None:
    """Write feed.xml (a podcast feed) and index.html (a listening page) for the built
    editions in DIR (default: output).

    \b
    Example:
      audio-edition feed --title "Harbour Reports" --base-url https://example.com/audio/
      audio-edition feed public --limit 20
    """
    from ..config import load_settings
    from ..publish import load_show, publish

    show = load_show(config_path, **options)
    target = folder or load_settings(config_path).output_dir
    publication = publish(target, show)
    click.echo(f"{publication.feed_path}  ({publication.episodes} episodes)", err=True)
    click.echo(f"{publication.page_path}", err=True)


@click.command()
@click.argument("feed_source", metavar="FEED")
@build_options
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
@jobs_option
@scheduler_option
@config_option
@click.option("-q", "--quiet", is_flag=True, help="Print only failures (for cron).")
@guarded
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
    from ..orchestration.sync import sync as run_sync

    settings = build_settings(config_path, no_cache, voice_choices, options)
    report = run_sync(
        feed_source,
        settings,
        config_path=config_path,
        show_overrides={"title": title, "base_url": base_url},
        limit=limit,
        since=since.date() if since else None,
        prune=prune,
        jobs=job_count(jobs),
        scheduler=scheduler,
        on_failure=lambda failure: fail(str(failure)),
        progress=lambda article: progress(article.headline[:40], quiet),
    )
    if not quiet:
        click.echo(f"{report.feed_path}  ({report.episodes} episodes)", err=True)
        click.echo(f"sync: {report.summary()}", err=True)
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("folder", required=False, type=FOLDER, metavar="[DIR]")
@click.option("--port", type=int, default=8000, show_default=True)
@guarded
def serve(folder: Path | None, port: int) -> None:
    """Preview DIR (default: output) on http://127.0.0.1:PORT/, with seeking in the player.

    \b
    Example:
      audio-edition serve output --port 8000
    """
    from ..publish.serve import make_server

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

"""A site's article feed in, a podcast feed out, kept in step: ``sync``.

One run reads the site's feed (a conditional request: an unchanged feed costs a 304), builds
the audio edition of every entry that is new or changed, and republishes ``feed.xml`` and
``index.html`` as ``publish`` writes them. What was seen is kept in ``.sync-state.json`` in the
output folder: each entry's content digest, its page's ``ETag``/``Last-Modified`` and the
edition built from it, so a re-run with nothing new fetches no page and synthesizes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import html
import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import AudioEditionError, InputError
from ..files import replacing, write_text
from ..ingest import article_from_page, read_source
from ..ingest.fetch import FetchedPage, Validators, fetch_url, is_url
from ..ingest.html import parse_html
from ..models import Article, Edition
from ..publish import publish
from ..publish.feed import ShowSettings, load_show
from ..publish.sources import FEED_TYPES, FeedEntry, SourceFeed, read_feed
from .runners import build_batch

if TYPE_CHECKING:
    from .pipeline import Progress

STATE_FILE = ".sync-state.json"
LOCK_FILE = ".sync.lock"
SOURCE_COPY = ".sync-feed"
"""The last copy of the source feed, read again when the server says it has not changed."""

_STATE_FORMAT = 1
# The manifest first: without it the edition is no longer listed, whatever is left.
_EDITION_SUFFIXES = (
    ".json", ".mp3", ".vtt", ".srt", ".chapters.json", ".transcript.json", ".cover.jpg",
    ".cover.png",
)  # fmt: skip


class SyncBusy(AudioEditionError):
    """Another sync holds the output folder's lock."""


@dataclass(frozen=True)
class SyncFailure:
    """An entry that could not be fetched, read or built."""

    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


@dataclass
class SyncReport:
    """What a sync did; ``failed`` entries make the command exit 1."""

    new: list[Edition] = field(default_factory=list)
    updated: list[Edition] = field(default_factory=list)
    unchanged: int = 0
    failed: list[SyncFailure] = field(default_factory=list)
    removed: int = 0
    feed_path: Path | None = None
    page_path: Path | None = None
    episodes: int = 0
    feed_not_modified: bool = False
    on_failure: Callable[[SyncFailure], None] | None = field(default=None, repr=False)

    def fail(self, failure: SyncFailure) -> None:
        """Count a failed entry, and say so at once (a long first run may have more to do)."""
        self.failed.append(failure)
        if self.on_failure:
            self.on_failure(failure)

    def summary(self) -> str:
        removed = f", {self.removed} removed" if self.removed else ""
        return (
            f"{len(self.new)} new, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.failed)} failed{removed}"
        )


@dataclass
class _Record:
    """What the last runs saw of one entry."""

    link: str | None = None
    updated: str | None = None
    digest: str | None = None
    stem: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


@dataclass
class _Pending:
    """An entry whose edition is to be built."""

    entry: FeedEntry
    article: Article
    record: _Record
    kind: str  # "new" or "updated"


def sync(
    feed: str | Path,
    settings: Settings | None = None,
    *,
    show: ShowSettings | None = None,
    config_path: Path | None = None,
    show_overrides: Mapping[str, Any] | None = None,
    limit: int | None = None,
    since: dt.date | None = None,
    prune: bool = False,
    jobs: int = 1,
    scheduler: str | None = None,
    fetch_timeout_s: float | None = None,
    on_failure: Callable[[SyncFailure], None] | None = None,
    progress: Callable[[Article], AbstractContextManager[Progress | None]] | None = None,
) -> SyncReport:
    """Bring the podcast in ``settings.output_dir`` in step with the article feed ``feed`` (a
    URL or a file): build new and changed entries, then write feed.xml and index.html.

    ``show`` is the podcast's settings; by default ``[feed]`` of the config file with
    ``show_overrides`` over it, and what both lack taken from the source feed (its title +
    " (audio)", description, image and language). ``limit`` and ``since`` bound how far back
    entries not yet built are taken. Entries gone from the source feed stay published unless
    ``prune``. ``fetch_timeout_s`` bounds each download (default: as for a URL given to
    ``build``). ``on_failure`` hears of each failed entry; ``jobs``, ``scheduler`` and
    ``progress`` are handed to ``build_batch``.
    """
    settings = settings or Settings()
    folder = settings.output_dir
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        state = _load_state(folder)
        fetch = _fetcher(fetch_timeout_s)
        source, not_modified = _read_source(feed, folder, state, fetch)
        # Missing settings fail here, before anything is built.
        show = show or _show_for(source, config_path, show_overrides or {})
        report = SyncReport(feed_not_modified=not_modified, on_failure=on_failure)
        records: dict[str, _Record] = state["entries"]
        pending = _changes(source, folder, records, report, fetch, limit=limit, since=since)
        _build(pending, settings, jobs, scheduler, report, progress)
        if prune:
            report.removed = _prune(source, folder, records)
        _save_state(folder, state)
        publication = publish(folder, show)
        report.feed_path, report.page_path = publication.feed_path, publication.page_path
        report.episodes = publication.episodes
        return report


# --- the source feed ---------------------------------------------------------------------------


Fetch = Callable[..., FetchedPage]


def _fetcher(timeout_s: float | None) -> Fetch:
    if timeout_s is None:
        return fetch_url
    return functools.partial(fetch_url, timeout_s=timeout_s)


def _read_source(
    feed: str | Path, folder: Path, state: dict[str, Any], fetch: Fetch
) -> tuple[SourceFeed, bool]:
    """The source feed, fetched with the validators of the last run; (feed, not modified)."""
    name = str(feed)
    copy = folder / SOURCE_COPY
    if not is_url(name):
        data, subject = read_source(feed)
        return read_feed(data, subject), False
    same_feed = state.get("feed") == name and copy.is_file()
    validators = Validators(state.get("etag"), state.get("last_modified")) if same_feed else None
    page = fetch(name, accept=FEED_TYPES, validators=validators)
    if page.not_modified:
        return read_feed(copy.read_bytes(), name), True
    source = read_feed(page.data, name)
    with replacing(copy) as temp:
        temp.write_bytes(page.data)
    state.update(feed=name, etag=page.etag, last_modified=page.last_modified)
    return source, False


def _show_for(
    source: SourceFeed, config_path: Path | None, overrides: Mapping[str, Any]
) -> ShowSettings:
    defaults = {
        "title": f"{source.title} (audio)" if source.title else None,
        "description": source.description,
        "image": source.image,
        "language": (source.language or "").split("-")[0].lower() or None,
    }
    return load_show(config_path, defaults={k: v for k, v in defaults.items() if v}, **overrides)


# --- what changed ------------------------------------------------------------------------------


def _changes(
    source: SourceFeed,
    folder: Path,
    records: dict[str, _Record],
    report: SyncReport,
    fetch: Fetch,
    *,
    limit: int | None,
    since: dt.date | None,
) -> list[_Pending]:
    """Entries to build; unchanged ones are counted, unreadable ones reported."""
    pending = []
    for entry in _chosen(source.entries, records, limit, since):
        record = records.setdefault(entry.identity, _Record())
        built = _edition_exists(folder, record)
        try:
            article, digest = _read_entry(entry, source, record, built, fetch)
        except InputError as exc:
            failure = SyncFailure(entry.link or entry.identity, exc.reason)
            report.fail(failure)
            record.error = failure.reason
            continue
        if article is None:
            report.unchanged += 1
            continue
        record.digest = digest
        pending.append(_Pending(entry, article, record, "updated" if built else "new"))
    return pending


def _chosen(
    entries: tuple[FeedEntry, ...],
    records: dict[str, _Record],
    limit: int | None,
    since: dt.date | None,
) -> list[FeedEntry]:
    """Entries built before are always kept in step; new ones only within the bounds."""
    newest_first = sorted(
        entries,
        key=lambda e: e.published or e.updated or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
        reverse=True,
    )
    chosen = []
    fresh = 0
    for entry in newest_first:
        if entry.identity in records and records[entry.identity].stem:
            chosen.append(entry)
            continue
        moment = entry.published or entry.updated
        if since and moment and moment.date() < since:
            continue
        if limit is not None and fresh >= limit:
            continue
        fresh += 1
        chosen.append(entry)
    return chosen


def _read_entry(
    entry: FeedEntry, source: SourceFeed, record: _Record, built: bool, fetch: Fetch
) -> tuple[Article | None, str | None]:
    """The entry's article and content digest, or (None, None) when it has not changed."""
    updated = entry.updated.isoformat() if entry.updated else None
    text = entry.content_html or (None if entry.link else entry.summary_html)
    if text is not None:
        digest = _digest(entry.title, *entry.authors, str(entry.published), text)
        if built and digest == record.digest:
            return None, None
        article = parse_html(_as_page(entry.title, text), entry.link or entry.identity)
        record.updated = updated
        return _with_entry_metadata(article, entry, source), digest
    assert entry.link is not None
    if built and updated and updated == record.updated:
        return None, None  # the feed says it has not changed: not even a conditional request
    validators = Validators(record.etag, record.last_modified) if built else None
    page = fetch(entry.link, validators=validators)
    if page.not_modified:
        record.updated = updated
        return None, None
    digest = _digest(page.data.decode("utf-8", "replace"))
    read = None if built and digest == record.digest else article_from_page(page)
    # Only a page read in full moves the record on: a failure is fetched again next run.
    record.etag, record.last_modified, record.updated = page.etag, page.last_modified, updated
    return (None, None) if read is None else (_with_entry_metadata(read, entry, source), digest)


def _as_page(title: str, content: str) -> str:
    """Feed content is the article's body: give it the title as its headline."""
    heading = html.escape(title)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{heading}</title></head>"
        f"<body><article><h1>{heading}</h1>{content}</article></body></html>"
    )


def _with_entry_metadata(article: Article, entry: FeedEntry, source: SourceFeed) -> Article:
    """The page's own metadata first; the feed's where the page has none."""
    return replace(
        article,
        authors=article.authors or entry.authors,
        published=article.published or entry.published or entry.updated,
        publication=article.publication or source.title,
        source_url=entry.link or article.source_url,
        source_id=entry.identity,
    )


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _edition_exists(folder: Path, record: _Record) -> bool:
    return bool(record.stem) and (folder / f"{record.stem}.json").is_file()


# --- building ----------------------------------------------------------------------------------


def _build(
    pending: list[_Pending],
    settings: Settings,
    jobs: int,
    scheduler: str | None,
    report: SyncReport,
    progress: Callable[[Any], AbstractContextManager[Progress | None]] | None,
) -> None:
    # build_batch hands back the very object it was given, in whatever order builds end.
    by_article = {id(item.article): item for item in pending}
    articles = [item.article for item in pending]
    results = build_batch(articles, settings, jobs=jobs, scheduler=scheduler, progress=progress)
    for article, result in results:
        item = by_article[id(article)]
        if isinstance(result, AudioEditionError):
            failure = SyncFailure(item.entry.link or item.entry.identity, result.reason)
            report.fail(failure)
            # Forget what was seen, so that the next run fetches and tries again.
            item.record.error = failure.reason
            item.record.digest = item.record.updated = None
            item.record.etag = item.record.last_modified = None
            continue
        old_stem, new_stem = item.record.stem, result.mp3_path.stem
        if old_stem and old_stem != new_stem:
            _remove_edition(settings.output_dir, old_stem)  # the headline changed
        item.record.stem, item.record.link, item.record.error = new_stem, item.entry.link, None
        if result.up_to_date:
            report.unchanged += 1
        else:
            (report.updated if item.kind == "updated" else report.new).append(result)


def _prune(source: SourceFeed, folder: Path, records: dict[str, _Record]) -> int:
    """Remove the editions of entries no longer in the source feed."""
    listed = {entry.identity for entry in source.entries}
    gone = [identity for identity in records if identity not in listed]
    for identity in gone:
        stem = records.pop(identity).stem
        if stem:
            _remove_edition(folder, stem)
    return len(gone)


def _remove_edition(folder: Path, stem: str) -> None:
    for suffix in _EDITION_SUFFIXES:
        (folder / f"{stem}{suffix}").unlink(missing_ok=True)


# --- state and lock ----------------------------------------------------------------------------


def _load_state(folder: Path) -> dict[str, Any]:
    path = folder / STATE_FILE
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        stored = {}
    except (OSError, ValueError) as exc:
        raise InputError(f"unreadable sync state ({exc}); delete it to start over", path) from exc
    if stored and stored.get("format") != _STATE_FORMAT:
        raise InputError("sync state of another version; delete it to start over", path)
    entries = {
        identity: _Record(**{k: v for k, v in record.items() if k in _Record.__dataclass_fields__})
        for identity, record in (stored.get("entries") or {}).items()
    }
    return {**stored, "format": _STATE_FORMAT, "entries": entries}


def _save_state(folder: Path, state: dict[str, Any]) -> None:
    document = {
        **state,
        "entries": {identity: vars(record) for identity, record in state["entries"].items()},
    }
    write_text(folder / STATE_FILE, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the folder's sync lock: a second sync on the same folder stops with a clear
    message. The lock is the operating system's, so it goes with a process that dies."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        yield
        return
    path = folder / LOCK_FILE
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise SyncBusy(
                f"another sync is running on this folder ({holder}); this run did nothing",
                folder,
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


__all__ = ["SyncBusy", "SyncFailure", "SyncReport", "sync"]

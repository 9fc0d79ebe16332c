"""The listening page: one static index.html with a player, chapters and a live transcript.

Everything is inline (no fonts, scripts or styles from elsewhere), so the page works from any
host, or offline, and makes no outside request.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from ..edition.transcript import parse_json_transcript, parse_vtt
from ..models import join_names
from .feed import FEED_FILE, Episode, ShowSettings

STYLE = """
:root { color-scheme: light dark; --accent: #1f5f8b; --muted: #666; --cue: #fff3b0; }
* { box-sizing: border-box; }
body { font: 17px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
       max-width: 46rem; padding: 1rem; }
header { display: flex; gap: 1rem; align-items: center; }
header img { width: 6rem; height: 6rem; border-radius: .5rem; }
h1 { font-size: 1.5rem; margin: 0; }
h2 { font-size: 1.25rem; margin: 0 0 .25rem; }
article { border-top: 1px solid #8884; padding: 1.25rem 0; }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 .5rem; }
audio { width: 100%; margin: .5rem 0; }
button { font: inherit; color: inherit; background: none; border: 0; padding: .1rem .2rem;
         text-align: left; cursor: pointer; border-radius: .25rem; }
button:hover, button:focus-visible { background: #8882; outline: 2px solid var(--accent); }
.chapters button { color: var(--accent); }
.chapters span { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: .5rem; }
.transcript { max-height: 16rem; overflow-y: auto; border: 1px solid #8884; padding: .5rem;
              border-radius: .25rem; }
.transcript button { display: inline; padding: 0 .1rem; }
.transcript button.current { background: var(--cue); color: #000; }
details { margin: .5rem 0; }
a { color: var(--accent); }
@media (prefers-color-scheme: dark) { :root { --accent: #7fb8e6; --muted: #aaa; --cue: #6b5b00; } }
"""

SCRIPT = """
document.querySelectorAll('article.episode').forEach(function (episode) {
  var audio = episode.querySelector('audio');
  var cues = Array.prototype.slice.call(episode.querySelectorAll('.transcript button'));
  function seek(seconds) {
    audio.currentTime = seconds;
    if (audio.paused) { audio.play().catch(function () {}); }
  }
  episode.querySelectorAll('button[data-start]').forEach(function (button) {
    button.addEventListener('click', function () { seek(parseFloat(button.dataset.start)); });
  });
  var current = null;
  function follow() {
    var now = audio.currentTime;
    var next = null;
    for (var i = 0; i < cues.length; i++) {
      if (parseFloat(cues[i].dataset.start) <= now && now < parseFloat(cues[i].dataset.end)) {
        next = cues[i];
        break;
      }
    }
    if (next === current) { return; }
    if (current) { current.classList.remove('current'); current.removeAttribute('aria-current'); }
    current = next;
    if (current) {
      current.classList.add('current');
      current.setAttribute('aria-current', 'true');
      var box = current.parentElement;
      var top = current.offsetTop - box.offsetTop;
      if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - current.offsetHeight) {
        box.scrollTop = top - box.clientHeight / 3;
      }
    }
  }
  audio.addEventListener('timeupdate', follow);
  audio.addEventListener('seeked', follow);
});
"""


def _clock(ms: int) -> str:
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _date(episode: Episode) -> str:
    published = episode.article.get("published")
    if not published:
        return ""
    day = dt.date.fromisoformat(str(published)[:10])
    return f"{day:%B} {day.day}, {day.year}"


def _seek_button(start_ms: int, end_ms: int | None, text: str) -> str:
    """A button that moves the player to ``start_ms`` (cues also carry their end)."""
    end = f' data-end="{end_ms / 1000:.3f}"' if end_ms is not None else ""
    return f'<button type="button" data-start="{start_ms / 1000:.3f}"{end}>{escape(text)}</button>'


def _transcript_parts(episode: Episode) -> list[tuple[int, int, str]]:
    """(start, end, text) to follow: each word of the JSON transcript, else each sentence."""
    words_file = episode.file("transcript")
    if words_file:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            document = json.loads(words_file.read_text(encoding="utf-8"))
            words = parse_json_transcript(document)
            if words:
                return [(w.start_ms, w.end_ms, w.text) for w in words]
    vtt = episode.file("vtt")
    cues = parse_vtt(vtt.read_text(encoding="utf-8")) if vtt else []
    return [(c.start_ms, c.end_ms, c.text) for c in cues]


def _episode(episode: Episode) -> str:
    article = episode.article
    mp3 = quote(episode.mp3.name)
    authors = join_names(article.get("authors") or [])
    details = [
        part
        for part in (_date(episode), authors, _clock(int(episode.manifest["duration_ms"])))
        if part
    ]
    chapters = "".join(
        f"<li><span>{_clock(int(c['start_ms']))}</span>"
        f"{_seek_button(int(c['start_ms']), None, c['title'])}</li>"
        for c in episode.manifest.get("chapters") or []
    )
    transcript = " ".join(
        _seek_button(start, end, text) for start, end, text in _transcript_parts(episode)
    )
    source = article.get("source_url")
    links = [f'<a href="{mp3}" download>Download MP3</a>']
    if source:
        links.append(f'<a href="{escape(source)}">Read the article</a>')
    return f"""<article class="episode" id="{escape(episode.stem)}">
<h2>{escape(article["headline"])}</h2>
<p class="meta">{escape(" · ".join(details))}</p>
<audio controls preload="metadata" src="{mp3}"></audio>
<p class="meta">{" · ".join(links)}</p>
<details open><summary>Chapters</summary><ol class="chapters">{chapters}</ol></details>
<details><summary>Transcript</summary><div class="transcript">{transcript}</div></details>
</article>"""


def build_page(episodes: Sequence[Episode], show: ShowSettings, show_image: str) -> str:
    """The listening page's HTML."""
    items = "\n".join(_episode(e) for e in (episodes[: show.limit] if show.limit else episodes))
    title = escape(show.title or "")
    return f"""<!doctype html>
<html lang="{escape(show.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title}</title>
<link rel="alternate" type="application/rss+xml" title="{title}" href="{FEED_FILE}">
<style>{STYLE}</style>
</head>
<body>
<header>
<img src="{escape(show_image)}" alt="">
<div><h1>{title}</h1><p class="meta">{escape(show.description)}</p>
<p class="meta"><a href="{FEED_FILE}">Podcast feed (RSS)</a></p></div>
</header>
<main>
{items or "<p>No episodes yet.</p>"}
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""

"""Plain text pasted from a web page -> Article.

A copy-paste from a browser keeps the article and the page furniture around it: kicker labels,
photo credits, "Trending Now", share buttons. The parser works on lines ("units"), drops what a
listener must not hear, takes the byline and date from the top of the article, and finds the
subheadings: short title-like lines that start a run of paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..models import Article, Published, Section
from .dates import find_date

# Whole lines that are page furniture, compared casefolded without trailing punctuation.
JUNK_LINES = frozenset(
    {
        "advertisement", "ad", "sponsored", "sponsored content", "trending now", "trending",
        "read more", "read next", "read also", "see also", "more", "share", "shares",
        "share this article", "share this story", "share on facebook", "share on twitter",
        "tweet", "email", "print", "comments", "show comments", "view comments",
        "subscribe", "sign up", "sign in", "log in", "newsletter", "most popular", "most read",
        "related", "related articles", "related stories", "recommended", "recommended for you",
        "follow us", "continue reading", "story continues below", "scroll to continue",
        "skip advertisement", "listen to this article", "copy link", "link copied",
        "image", "photo", "video", "gallery", "close", "menu", "loading", "loading...",
    }
)  # fmt: skip

# Lines that start like a caption, a credit or a teaser for another article.
JUNK_PREFIX = re.compile(
    r"^(?:photo|photos|image|images|picture|photograph|credit|credits|source|video|watch"
    r"|read more|read also|also read|related|see also|more|advertisement|sponsored"
    r"|(?:photo|image|picture)s?\s+(?:by|credit|courtesy(?:\s+of)?))\s*[:|—–-]",
    re.IGNORECASE,
)
# Short lines that are only a photo credit: "Getty Images", "(AP Photo/Jane Doe)".
CREDIT_LINE = re.compile(
    r"^\(?\s*(?:[\w.'’ -]+/)?\s*(?:getty images|ap photo|reuters|afp|shutterstock|epa|alamy"
    r"|wikimedia commons|istock|pa images|bloomberg)\b[^.!?]{0,60}\)?$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:written\s+by|words\s+by|story\s+by|reporting\s+by|by|author)\s*:?\s+(?P<names>\S.*)$",
    re.IGNORECASE,
)
UPDATED = re.compile(r"^(?:updated|last updated|modified)\b", re.IGNORECASE)
PUBLISHED = re.compile(r"^(?:published|posted|first published)(?:\s+on)?\b[:\s]*", re.IGNORECASE)

# Words that mark a byline part as a role or an employer rather than a name.
ROLE_WORDS = frozenset(
    {
        "editor", "reporter", "correspondent", "writer", "contributor", "staff", "columnist",
        "producer", "journalist", "analyst", "senior", "chief", "associate", "deputy",
        "contributing", "freelance", "special", "news", "desk", "team", "press", "agency",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "den", "la", "le", "del", "bin", "al"})
TITLE_SMALL_WORDS = frozenset(
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
        "in", "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "is",
    }
)  # fmt: skip

# A body paragraph has at least this many words (shorter lines may be labels or headings).
_MIN_BODY_WORDS = 8
# Headings are short.
_MAX_HEADING_WORDS = 15
_MAX_HEADING_CHARS = 120
# Byline and date are looked for among the first lines after the headline.
_META_LINES = 12
_SENTENCE_END = ".!?\"”’')]…"


@dataclass(frozen=True)
class _Unit:
    """A line of the paste (hard-wrapped lines already joined)."""

    text: str
    words: int

    @property
    def is_short(self) -> bool:
        return self.words <= _MAX_HEADING_WORDS and len(self.text) <= _MAX_HEADING_CHARS

    @property
    def ends_sentence(self) -> bool:
        return self.text.endswith(tuple(_SENTENCE_END)) or self.text.endswith((":", ";", ","))


def parse_text(text: str, source: str | Path | None = None) -> Article:
    """Parse an article pasted as plain text."""
    units = _drop_junk(_units(text))
    if not units:
        raise InputError("no article text found (only page furniture)", source or "<text>")
    headline = units[0].text
    authors, published, body = _take_meta(units[1:])
    lede, sections = _sections(body)
    return Article(
        headline=headline,
        authors=authors,
        published=published,
        lede=lede,
        sections=sections,
    )


def _units(text: str) -> list[_Unit]:
    """Lines of the paste, cleaned, with hard-wrapped paragraphs joined back together."""
    lines: list[str] = []
    previous_blank = True
    for raw in text.splitlines():
        line = _clean(raw)
        if not line:
            previous_blank = True
            continue
        if lines and not previous_blank and _is_wrapped(lines[-1], line):
            lines[-1] = lines[-1] + " " + line
        else:
            lines.append(line)
        previous_blank = False
    return [_Unit(line, len(line.split())) for line in lines]


def _clean(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\u200b", "")
    line = "".join(ch for ch in line if unicodedata.category(ch) != "Cc" or ch == "\t")
    return " ".join(line.split())


def _is_wrapped(previous: str, line: str) -> bool:
    """True when ``line`` continues ``previous`` (text hard-wrapped at a fixed width)."""
    if len(previous) < 40 or previous.endswith(tuple(_SENTENCE_END)):
        return False
    return line[0].islower() or previous.endswith((",", ";", "-", "—"))


def _drop_junk(units: list[_Unit]) -> list[_Unit]:
    seen: set[str] = set()
    kept = []
    for unit in units:
        key = unit.text.casefold().rstrip(" .:!")
        if key in seen or _is_junk(unit):
            continue
        seen.add(key)
        kept.append(unit)
    return kept


def _is_junk(unit: _Unit) -> bool:
    text = unit.text
    key = text.casefold().rstrip(" .:!›»>")
    if key in JUNK_LINES:
        return True
    if JUNK_PREFIX.match(text):
        return True
    return unit.words <= 12 and bool(CREDIT_LINE.match(text))


def _take_meta(units: list[_Unit]) -> tuple[tuple[str, ...], Published | None, list[_Unit]]:
    """Take byline, date and kicker labels from the top; return what remains of the body."""
    authors: tuple[str, ...] = ()
    published: Published | None = None
    body: list[_Unit] = []
    seen_body = False
    for index, unit in enumerate(units):
        if index >= _META_LINES:
            body.extend(units[index:])
            break
        text = unit.text
        byline = BYLINE.match(text) if not authors and unit.is_short else None
        if byline:
            names = byline["names"]
            date = find_date(names)
            if date:
                published = published or date.value
                names = names[: date.start]  # what follows the date is a category or time
            found = split_authors(names)
            if found:
                authors = found
                continue
        if unit.is_short and (UPDATED.match(text) or PUBLISHED.match(text)):
            if published is None and not UPDATED.match(text):
                date = find_date(text)
                published = date.value if date else None
            continue
        if published is None and unit.words <= 14:
            date = find_date(text)
            if date and _is_date_line(text, date.start, date.end):
                published = date.value
                continue
        if not seen_body and _is_label(unit):
            continue
        seen_body = seen_body or unit.words >= _MIN_BODY_WORDS
        body.append(unit)
    return authors, published, body


def _is_date_line(text: str, start: int, end: int) -> bool:
    """A line that is mostly the date (a weekday, "Published" or a separator may remain)."""
    rest = re.sub(r"[|,·•–—-]", " ", text[:start] + " " + text[end:]).split()
    return len(rest) <= 3


def _is_label(unit: _Unit) -> bool:
    """A kicker such as "News" or "World" standing alone above the article."""
    return unit.words <= 3 and not unit.ends_sentence


def split_authors(names: str) -> tuple[str, ...]:
    """ "Jane Doe, Science Editor and John Roe" -> ("Jane Doe", "John Roe")."""
    names = re.split(r"\s+(?:for|at|in)\s+(?:the\s+)?[A-Z]", names, maxsplit=1)[0]
    names = re.split(r"\s*[|•·]\s*|\s+[-–—]\s+", names)[0]
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", names.strip(" ,;-–—"))
    authors = []
    for part in parts:
        part = part.strip(" .")
        if part and _looks_like_name(part):
            authors.append(part)
    return tuple(authors)


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5:
        return False
    if any(word.casefold().strip(".") in ROLE_WORDS for word in words):
        return False
    return all(
        word[0].isupper() or word.casefold() in NAME_PARTICLES or not word[0].isalpha()
        for word in words
    )


def _sections(units: list[_Unit]) -> tuple[str | None, tuple[Section, ...]]:
    """Lede (the first body paragraph), then sections split at subheadings."""
    lede: str | None = None
    heading: str | None = None
    paragraphs: list[str] = []
    sections: list[Section] = []
    for index, unit in enumerate(units):
        previous = units[index - 1] if index else None
        following = units[index + 1] if index + 1 < len(units) else None
        if lede is None and not _is_heading(unit, previous, following):
            lede = unit.text
            continue
        if _is_heading(unit, previous, following):
            if paragraphs or heading:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = unit.text, []
            continue
        paragraphs.append(unit.text)
    if paragraphs or heading:
        sections.append(Section(heading, tuple(paragraphs)))
    return lede, tuple(s for s in sections if s.paragraphs)


def _is_heading(unit: _Unit, previous: _Unit | None, following: _Unit | None) -> bool:
    """A short title-like line that starts a run of paragraphs (not an item of a list)."""
    text = unit.text
    if (
        not unit.is_short
        or following is None
        or (following.is_short and not following.ends_sentence)
    ):
        return False
    if not text[0].isupper() and not text[0].isdigit():
        return False
    if text.endswith("?") or text.endswith("!"):
        return unit.words <= 12 and _is_title_case(text)
    if unit.ends_sentence:
        return False
    # A line after a colon or after another unpunctuated short line is a list item.
    return previous is None or not (
        previous.text.endswith(":") or (previous.is_short and not previous.ends_sentence)
    )


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)

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
from .boilerplate import is_boilerplate, starts_link_list
from .dates import find_date

BYLINE = re.compile(
    r"^(?:written\s+by|words\s+by|story\s+by|reporting\s+by|by|author)\s*:?\s+(?P<names>\S.*)$",
    re.IGNORECASE,
)
# A bare name line, optionally followed by " - date", " | role" or " @handle".
BARE_NAME_LINE = re.compile(r"^(.*?)(?:\s+(-|–|—|\||/|@)\s*(.*))?$")
RELATIVE_TIME = re.compile(
    r"\b\d+\s+(?:minutes?|hours?|days?|weeks?)(?:\s+ago)?\b|\byesterday\b", re.I
)
GLUED_MONTH = re.compile(
    r"([a-z])(?=(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d)"
)
# Kicker labels above an article that would otherwise pass for a two-word name.
SECTION_LABELS = frozenset(
    {
        "world news", "local news", "breaking news", "top stories", "white house", "hong kong",
        "new york", "real estate", "personal finance", "health care", "climate change",
    }
)  # fmt: skip
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
# Titles in a box of links to other articles are at most this long.
_MAX_LINK_TITLE_WORDS = 20
# A byline with a date and an "Updated" stamp can be this long.
_MAX_BYLINE_WORDS = 30
_SENTENCE_END = ".!?\"”’')]…"
# Closing punctuation, after which only quotes, brackets, emoji or symbols may follow.
_CLOSES_SENTENCE = re.compile(r"[.!?…:;,][\"”’')\]]*[^\w\s]*$")


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
        return bool(_CLOSES_SENTENCE.search(self.text))


def parse_text(text: str, source: str | Path | None = None) -> Article:
    """Parse an article pasted as plain text."""
    units = _drop_junk(_units(text))
    if not units:
        raise InputError("no article text found (only page furniture)", source or "<text>")
    start = _headline_index(units)
    headline = units[start].text
    authors, published, body = _take_meta(units[start + 1 :])
    lede, sections = _sections(body)
    return Article(
        headline=headline,
        authors=authors,
        published=published,
        lede=lede,
        sections=sections,
    )


def _headline_index(units: list[_Unit]) -> int:
    """Skip site furniture pasted above the headline: short all-capitals lines ("DONATE",
    "WHITE HOUSE") and search boxes, as long as something remains to be the headline."""
    for index, unit in enumerate(units[:-1]):
        text = unit.text
        shouting = unit.words <= 6 and text.upper() == text and any(ch.isalpha() for ch in text)
        if not (shouting or text.casefold().startswith("search ")):
            return index
    return 0


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
    """Drop page furniture, repeated lines, and the links listed under "Most Popular" & co."""
    seen: set[str] = set()
    kept: list[_Unit] = []
    in_link_list = False
    for unit in units:
        key = unit.text.casefold().rstrip(" .:!")
        if starts_link_list(unit.text):
            in_link_list = True
            continue
        if in_link_list and _is_link_title(unit):
            continue
        in_link_list = False
        if key in seen or is_boilerplate(unit.text, headline=not kept):
            continue
        seen.add(key)
        kept.append(unit)
    return kept


def _is_link_title(unit: _Unit) -> bool:
    """A short line without a closing period, as the titles in a box of links are."""
    return unit.words <= _MAX_LINK_TITLE_WORDS and not unit.text.endswith((".", ".”", '."'))


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
        text = _unglue(unit.text)
        if not authors and unit.words <= _MAX_BYLINE_WORDS:
            found, date = _byline(text, before_body=not seen_body)
            if found:
                authors = found
                published = published or date
                continue
        if unit.is_short and (UPDATED.match(text) or PUBLISHED.match(text)):
            if published is None and not UPDATED.match(text):
                date_match = find_date(text)
                published = date_match.value if date_match else None
            continue
        if published is None and unit.words <= 14:
            date_match = find_date(text)
            if date_match and _is_date_line(text, date_match.start, date_match.end):
                published = date_match.value
                continue
        if not seen_body and _is_label(unit):
            continue
        seen_body = seen_body or unit.words >= _MIN_BODY_WORDS
        body.append(unit)
    return authors, published, body


def _byline(text: str, before_body: bool) -> tuple[tuple[str, ...], Published | None]:
    """Authors (and a date) from a byline: "By A and B", or, above the body, a bare name
    line such as "Jane Doe", "Jane Doe - Nov 19, 2019" or "Jane Doe @janedoe / 2 days"."""
    match = BYLINE.match(text)
    if match:
        names = match["names"]
    elif before_body:
        head, separator, tail = BARE_NAME_LINE.match(text).groups()  # type: ignore[union-attr]
        if not _is_bare_name(head):
            return (), None
        if separator and not (find_date(tail) or RELATIVE_TIME.search(tail) or separator == "@"):
            return (), None
        names = head
    else:
        return (), None
    date = find_date(names)
    if date:
        names = names[: date.start]  # what follows the date is a category or time
    return split_authors(names), date.value if date else None


def _unglue(line: str) -> str:
    """Put back a space copy-paste lost: "SteinbuchNovember 19" -> "Steinbuch November 19"."""
    return GLUED_MONTH.sub(r"\1 ", line)


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
        # "GarberFOXBusiness": the site's name glued to the author's by a lost space.
        part = re.split(r"(?<=[a-z])(?=[A-Z]{2,})", part.strip(" ."))[0]
        if part and _looks_like_name(part):
            authors.append(part.title() if part.isupper() else part)
    return tuple(authors)


_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+)$")


def _is_bare_name(text: str) -> bool:
    """A line that can only be a person's name: two to four capitalized words, nothing else."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and text.casefold() not in SECTION_LABELS
        and all(_NAME_WORD.match(w) or w in NAME_PARTICLES for w in words)
        and not any(w.casefold() in ROLE_WORDS or w.casefold() in TITLE_SMALL_WORDS for w in words)
    )


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


# "KYIV, Ukraine (AP) — Text": a dateline in capitals, then the wire agency.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{2,40})(?P<region>(?:,\s*[A-Z][\w.'’ -]{1,30})?)\s*"
    r"(?:\((?:AP|Reuters|AFP|UPI|dpa|Bloomberg|CNN)\)\s*)?[—–-]{1,2}\s+(?=\S)"
)


def tidy_dateline(paragraph: str) -> str:
    """ "KYIV, Ukraine (AP) — Text" -> "Kyiv, Ukraine — Text": the place is read as a word
    (not spelled out letter by letter) and the wire agency's name is not read."""
    match = DATELINE.match(paragraph)
    if not match or not any(ch.isalpha() for ch in match["place"]):
        return paragraph
    place = match["place"].strip().title()
    return f"{place}{match['region'].rstrip()} — {paragraph[match.end() :]}"


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
            lede = tidy_dateline(unit.text)
            continue
        if _is_heading(unit, previous, following):
            if paragraphs or heading:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = unit.text, []
            continue
        paragraphs.append(
            tidy_dateline(unit.text) if not sections and not paragraphs else unit.text
        )
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
    if text.endswith(("?", "!")):
        # A short question between paragraphs reads as a subheading ("Will It Work?").
        return unit.words <= 12 and (
            previous is None or not previous.is_short or _is_title_case(text)
        )
    if unit.ends_sentence:
        return False
    # A line after a colon or after another unpunctuated short line is a list item.
    return previous is None or not (
        previous.text.endswith(":") or (previous.is_short and not previous.ends_sentence)
    )


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)

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
from .byline import (
    BY_ALONE,
    HONORIFICS,
    JOB_WORDS,
    ROLE_WORDS,
    Byline,
    names_publication,
    read_byline,
    split_authors,
)
from .credits import ABOUT_THE_WRITER, end_credits
from .dates import (
    DATE_LINE_WORDS,
    RELATIVE_STAMP,
    LabelledDate,
    blank_out,
    find_dates,
    yearless_dates,
)

_TIME_OR_ZONE = re.compile(
    r"^(?:\d{1,2}[:.]\d\d(?:[ap]\.?m\.?)?|[ap]\.?m\.?|[A-Z]{2,5}|\(?\d+\)?)$"
)
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
# Subheadings are shorter still (a longer one is in title case), and an article with sections
# has at least two.
_MAX_SUBHEADING_WORDS = 12
_MAX_SENTENCE_CASE_SUBHEADING_WORDS = 8
_MIN_HEADINGS = 2
_MAX_LONE_HEADING_WORDS = 5
# A section label or the site's name above the headline is at most this long.
_MAX_LABEL_WORDS = 4
# ... over a line of headline length (a longer one is a caption under a short headline).
_MAX_LABELLED_HEADLINE_WORDS = 20
# A site's menu pasted above the headline: at least this many lines of a few words.
_MIN_MENU_ITEMS = 3
_MAX_MENU_ITEM_WORDS = 3
# "and John Roe" under "By Jane Doe": the byline goes on.
_CONTINUES_BYLINE = re.compile(r"^(?:and|&)\s+(?=[A-Z])")
_JOINER = re.compile(r"and|&|,", re.IGNORECASE)
# Lines that may stand between the writer's name and the date (a role, a handle, the outlet).
_MAX_BYLINE_EXTRAS = 2
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
    body, signed = _take_end_credit(body)
    lede, sections = _sections(body)
    authors = authors or signed
    return Article(
        headline=headline,
        authors=authors,
        published=published,
        lede=lede,
        sections=sections,
    )


def _take_end_credit(body: list[_Unit]) -> tuple[list[_Unit], tuple[str, ...]]:
    """The story without the credits it ends with, and the writers they name."""
    credits, writers = end_credits([unit.text for unit in body])
    return [unit for index, unit in enumerate(body) if index not in credits], writers


def read_meta_lines(lines: list[str]) -> tuple[tuple[str, ...], Published | None]:
    """Authors and date from the lines printed under a headline, read as in a paste (the HTML
    reader uses it for pages that print their byline only as text)."""
    units = _drop_junk([_Unit(line, len(line.split())) for line in map(_clean, lines) if line])
    authors, published, _ = _take_meta(units)
    return authors, published


def _headline_index(units: list[_Unit]) -> int:
    """Skip site furniture pasted above the headline: the site's menu, a breadcrumb trail,
    the date bar, short all-capitals lines ("DONATE", "WHITE HOUSE"), search boxes, and a
    section label or the site's name, as long as something remains to be the headline."""
    first = _after_menu(units)
    for index, unit in enumerate(units[first:-1], start=first):
        text = unit.text
        shouting = unit.words <= 6 and text.upper() == text and any(ch.isalpha() for ch in text)
        following = units[index + 1]
        # "Opinion" or "Science": a section label of a word or two over a longer headline.
        kicker = unit.words <= 2 and not unit.ends_sentence and 4 <= following.words <= 30
        # "Harbour and transport" or "The Island Post": a few words over a longer line that
        # sits on the byline or the date is a label over the headline.
        label = (
            unit.words <= _MAX_LABEL_WORDS
            and not unit.ends_sentence
            and following.words > unit.words
            and 4 <= following.words <= _MAX_LABELLED_HEADLINE_WORDS
            and not following.ends_sentence
            and not _is_byline_or_date(following.text)
            and index + 2 < len(units)
            and _is_byline_or_date(units[index + 2].text)
        )
        furniture = (
            BREADCRUMB.match(text) is not None
            or text.casefold().startswith("search ")
            or (unit.words <= _MAX_BYLINE_WORDS and _is_date_line(text, find_dates(text)))
        )
        if not (shouting or kicker or label or furniture):
            return index
    return 0


# "Home › News › Local", "News / Europe": the trail of sections above a page.
BREADCRUMB = re.compile(r"^[\w&'’ .-]{1,30}(?:\s*[›»>/|]\s*[\w&'’ .-]{1,30}){1,5}$")


def _after_menu(units: list[_Unit]) -> int:
    """Where the page starts after its menu: a run of at least ``_MIN_MENU_ITEMS`` lines of one
    to three words ("News", "Sport", "Local news") before the headline. The run ends at a
    byline or a date, whose headline is the line above it."""
    run = 0
    for unit, following in zip(units, [*units[1:], None], strict=True):
        if unit.words > _MAX_MENU_ITEM_WORDS or unit.ends_sentence:
            break
        # A name without "By" is a byline here only right above the date.
        above_date = following is not None and bool(find_dates(following.text))
        if find_dates(unit.text) or read_byline(unit.text, bare=above_date):
            # The byline or date under a short headline: that headline closes the run.
            return run - 1 if run >= _MIN_MENU_ITEMS + 1 else 0
        run += 1
    return run if run >= _MIN_MENU_ITEMS and run < len(units) else 0


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
    # "March 4, 20255:02 PM": a copy-paste glued the time to the year.
    line = re.sub(r"(?<=\b(?:19|20)\d\d)(?=[0-2]?\d:[0-5]\d\b)", " ", line)
    line = "".join(ch for ch in line if unicodedata.category(ch) != "Cc" or ch == "\t")
    return " ".join(line.split())


def _is_wrapped(previous: str, line: str) -> bool:
    """True when ``line`` continues ``previous`` (text hard-wrapped at a fixed width)."""
    if len(previous) < 40 or previous.endswith(tuple(_SENTENCE_END)):
        return False
    if re.match(r"by\s+[A-Z]", line):  # "by Jane Doe" under the headline is its byline
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
        # The byline or date under the headline ends a box of links above it.
        if in_link_list and _is_link_title(unit) and not _is_byline_or_date(unit.text):
            continue
        in_link_list = False
        if key in seen or is_boilerplate(unit.text, headline=not kept):
            continue
        seen.add(key)
        kept.append(unit)
    return kept


def _is_byline_or_date(text: str) -> bool:
    return bool(find_dates(text)) or read_byline(text) is not None


def _is_link_title(unit: _Unit) -> bool:
    """A short line without a closing period, as the titles in a box of links are."""
    return unit.words <= _MAX_LINK_TITLE_WORDS and not unit.text.endswith((".", ".”", '."'))


def _take_meta(units: list[_Unit]) -> tuple[tuple[str, ...], Published | None, list[_Unit]]:
    """Take byline, date and kicker labels from the top; return what remains of the body.

    Every line near the top is read as a possible byline and date line. The authors are those
    of the first "By" line, else of the first line that starts with a person's name; the date
    is the first one labelled published (or not labelled), else the first "Updated" stamp.
    """
    zone = units[:_META_LINES]
    # Each line's dates, found once: a line is read as a byline and, before that, as the date
    # line under the one above it.
    short = [unit.words <= _MAX_BYLINE_WORDS for unit in zone]
    zone_dates = [find_dates(u.text) if ok else [] for u, ok in zip(zone, short, strict=True)]
    date_lines = [
        ok and (_is_date_line(u.text, found) or RELATIVE_STAMP.match(u.text) is not None)
        for u, ok, found in zip(zone, short, zone_dates, strict=True)
    ]
    bylines: list[Byline] = []
    dates: list[LabelledDate] = []
    meta: set[int] = set()
    seen_body = False
    for index, unit in enumerate(zone):
        if index in meta:
            continue
        if unit.words > _MAX_BYLINE_WORDS:
            seen_body = True
            continue
        text = unit.text
        about = ABOUT_THE_WRITER.match(text)
        if about and any(_refers_to(about["name"], byline.authors) for byline in bylines):
            meta.add(index)  # "Jane Doe is a senior reporter ..." under her byline
            continue
        label = BY_ALONE.fullmatch(text.rstrip(": "))
        # "Contributor" under a writer's name is the writer's role, not a label over names.
        role = bool(label and label["role"] and not text.rstrip().endswith(":") and bylines)
        joined = bool(label) and not role and index + 1 < len(zone)
        if joined:
            # "By" or "Written by:" on a line of its own, the name on the next.
            text = f"By {zone[index + 1].text}"
        beside_date = _beside_date(zone, date_lines, index)
        # A line that carries the date and is no sentence is the header, below a standfirst too.
        dated_header = bool(zone_dates[index]) and not unit.ends_sentence
        byline = read_byline(
            text, bare=not seen_body or beside_date or dated_header, beside_date=beside_date
        )
        # Below the body's start, only a "By" line or the first byline still counts.
        if byline and (byline.explicit or not bylines or not seen_body):
            following = index + (2 if joined else 1)
            if following < len(zone) and _CONTINUES_BYLINE.match(zone[following].text):
                # "By Jane Doe" over "and John Roe": one byline on two lines.
                more = split_authors(_CONTINUES_BYLINE.sub("", zone[following].text))
                byline = Byline(byline.authors + more, byline.explicit, byline.dates)
                meta.add(following)
            while following + 1 < len(zone) and _JOINER.fullmatch(zone[following].text):
                # "Jane Doe", "and", "John Roe": each name a link the layout set on its own line.
                more = split_authors(f"{byline.authors[-1]} and {zone[following + 1].text}")[1:]
                if not more:
                    break
                byline = Byline(byline.authors + more, byline.explicit, byline.dates)
                meta.update((following, following + 1))
                following += 2
            bylines.append(byline)
            dates.extend(byline.dates)
            meta.update((index, index + 1) if joined else (index,))
        elif date_lines[index]:
            dates.extend(zone_dates[index])
            meta.add(index)
        elif not unit.ends_sentence and any(d.kind != "plain" for d in zone_dates[index]):
            # "New Delhi, City Bureau | Updated: 19 November 2019": a stamp said to be the
            # publication or update date, among other words of the page's header (which,
            # unlike a sentence of the story, does not end with a full stop).
            dates.extend(d for d in zone_dates[index] if d.kind != "plain")
            meta.add(index)
        elif not seen_body and is_label(unit.text):
            meta.add(index)
        seen_body = seen_body or unit.words >= _MIN_BODY_WORDS
    chosen = next((b for b in bylines if b.explicit), bylines[0] if bylines else None)
    authors = chosen.authors if chosen else ()
    published = next(
        (d.match.value for d in dates if d.kind != "updated"),
        next((d.match.value for d in dates), None),
    )
    body = [unit for index, unit in enumerate(zone) if index not in meta]
    return authors, published, body + units[_META_LINES:]


def _refers_to(name: str, authors: tuple[str, ...]) -> bool:
    """Whether ``name`` is one of ``authors``, in full or as "Ms. Doe" for "Jane Doe"."""
    title, _, surname = name.partition(" ")
    return name in authors or (
        title.casefold() in HONORIFICS and any(a.split()[-1] == surname for a in authors)
    )


def _beside_date(zone: list[_Unit], date_lines: list[bool], index: int) -> bool:
    """Whether line ``index`` is in the byline block around the date line: right above or
    below it, or above the writer's role, handle or outlet lines that lead to it ("Jane Doe",
    "Senior Reporter", "March 4, 2025")."""
    if index > 0 and date_lines[index - 1]:
        return True
    if index + 1 < len(zone) and _is_role_or_handle(zone[index + 1].text):
        return True  # "Nnamdi Okafor" over "Senior Correspondent": the writer and the role
    for following in range(index + 1, min(len(zone), index + 1 + _MAX_BYLINE_EXTRAS + 1)):
        if date_lines[following]:
            return True
        if not _is_byline_extra(zone[following].text):
            return False
    return False


def _is_byline_extra(text: str) -> bool:
    """A line that goes with the writer's name: a role ("Transport Correspondent"), a handle
    ("@janedoe") or the outlet ("Harbour Times")."""
    if not _is_short_label(text):
        return False
    role = any(word.casefold().strip(",") in JOB_WORDS for word in text.split())
    return role or text.startswith("@") or names_publication(text)


def _is_role_or_handle(text: str) -> bool:
    """ "Senior Correspondent", "Staff writer, Harbour Times", "@janedoe": what only a
    writer's name has under it."""
    if not _is_short_label(text):
        return False
    role = any(word.casefold().strip(",") in ROLE_WORDS for word in text.split())
    return role or re.fullmatch(r"@\w+", text) is not None


def _is_short_label(text: str) -> bool:
    words = text.split()
    return bool(words) and len(words) <= _MAX_LABEL_WORDS and not text.endswith(".")


def _is_date_line(text: str, dates: list[LabelledDate]) -> bool:
    """A line that is mostly its dates: a weekday, a label, a time or a separator may remain."""
    spans = [(found.match.start, found.match.end) for found in dates] or yearless_dates(text)
    if not spans:
        return False
    rest = blank_out(text, spans)
    words = [
        word
        for word in re.sub(r"[|,;·•–—-]", " ", rest).split()
        if word.casefold().strip(".:()") not in DATE_LINE_WORDS
        and not _TIME_OR_ZONE.match(word.strip(".:()"))
    ]
    return len(words) <= 3


def is_label(text: str) -> bool:
    """A kicker such as "News", "World" or "Review" standing alone above the article."""
    return len(text.split()) <= 3 and not _CLOSES_SENTENCE.search(text)


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
    sections = [s for s in sections if s.paragraphs]
    headings = [s.heading for s in sections if s.heading]
    if len(headings) < _MIN_HEADINGS and not all(map(_is_lone_heading, headings)):
        # One line between paragraphs is more often a caption or a promoted link than a
        # heading: articles with sections have several. Read it as a paragraph.
        merged = [p for s in sections for p in ((s.heading,) if s.heading else ()) + s.paragraphs]
        sections = [Section(None, tuple(merged))] if merged else []
    return lede, tuple(sections)


def _is_heading(unit: _Unit, previous: _Unit | None, following: _Unit | None) -> bool:
    """A short title-like line that starts a run of paragraphs (not an item of a list)."""
    text = unit.text
    if (
        not unit.is_short
        or unit.words > _MAX_SUBHEADING_WORDS
        or (unit.words > _MAX_SENTENCE_CASE_SUBHEADING_WORDS and not _is_title_case(text))
        or following is None
        or (following.is_short and not following.ends_sentence)
    ):
        return False
    if not text[0].isupper() and not text[0].isdigit():
        return False
    if text.endswith(("?", "!")):
        # A short question in title case reads as a subheading ("Will It Work?"); in sentence
        # case it is the writer asking the reader.
        return _is_title_case(text)
    if text.upper() == text and unit.words > 1:
        # Capitals between paragraphs are a run-in label or a promoted link, not a heading.
        return False
    if unit.ends_sentence:
        return False
    # A line after a colon or after another unpunctuated short line is a list item.
    return previous is None or not (
        previous.text.endswith(":") or (previous.is_short and not previous.ends_sentence)
    )


def _is_lone_heading(text: str) -> bool:
    """A heading that may stand alone: a few words in title case ("Neighbours Take Over")."""
    words = len(text.split())
    return words <= _MAX_LONE_HEADING_WORDS and _is_title_case(text) and text.upper() != text


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)

"""Plain text pasted from a web page -> Article.

A copy-paste from a browser keeps the article and the page furniture around it: kicker labels,
photo credits, "Trending Now", share buttons. The parser works on lines (``lines``: cleaned,
furniture dropped), finds the headline under the site's menu and labels, takes the byline and
date from the lines under it (``header``), and finds the subheadings: short title-like lines
that start a run of paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..models import Article, Section
from .byline import read_byline
from .credits import end_credits
from .dates import find_dates
from .header import MAX_BYLINE_WORDS, MAX_LABEL_WORDS, is_date_line, take_meta
from .lines import Unit, drop_junk, is_byline_or_date, split_units

TITLE_SMALL_WORDS = frozenset(
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
        "in", "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "is",
    }
)  # fmt: skip


# Subheadings are shorter still (a longer one is in title case), and an article with sections
# has at least two.
_MAX_SUBHEADING_WORDS = 12
_MAX_SENTENCE_CASE_SUBHEADING_WORDS = 8
_MIN_HEADINGS = 2
_MAX_LONE_HEADING_WORDS = 5
# A section label or the site's name above the headline sits over a line of headline length
# (a longer one is a caption under a short headline).
_MAX_LABELLED_HEADLINE_WORDS = 20
# A site's menu pasted above the headline: at least this many lines of a few words.
_MIN_MENU_ITEMS = 3
_MAX_MENU_ITEM_WORDS = 3


def parse_text(text: str, source: str | Path | None = None) -> Article:
    """Parse an article pasted as plain text."""
    units = drop_junk(split_units(text))
    if not units:
        raise InputError("no article text found (only page furniture)", source or "<text>")
    start = _headline_index(units)
    headline = units[start].text
    authors, published, body = take_meta(units[start + 1 :])
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


def _take_end_credit(body: list[Unit]) -> tuple[list[Unit], tuple[str, ...]]:
    """The story without the credits it ends with, and the writers they name."""
    credits, writers = end_credits([unit.text for unit in body])
    return [unit for index, unit in enumerate(body) if index not in credits], writers


def _headline_index(units: list[Unit]) -> int:
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
            unit.words <= MAX_LABEL_WORDS
            and not unit.ends_sentence
            and following.words > unit.words
            and 4 <= following.words <= _MAX_LABELLED_HEADLINE_WORDS
            and not following.ends_sentence
            and not is_byline_or_date(following.text)
            and index + 2 < len(units)
            and is_byline_or_date(units[index + 2].text)
        )
        # "News" over "UK", or "Science & Environment" over "Climate Change", over a headline
        # with its byline or date: labels stacked over the headline.
        stacked = (
            unit.words <= MAX_LABEL_WORDS
            and not unit.ends_sentence
            and following.words <= 2
            and not following.ends_sentence
            and index + 3 < len(units)
            and 4 <= units[index + 2].words <= _MAX_LABELLED_HEADLINE_WORDS
            and not units[index + 2].ends_sentence
            and is_byline_or_date(units[index + 3].text)
        )
        furniture = (
            BREADCRUMB.match(text) is not None
            or text.casefold().startswith("search ")
            or (unit.words <= MAX_BYLINE_WORDS and is_date_line(text, find_dates(text)))
        )
        if not (shouting or kicker or label or stacked or furniture):
            return index
    return 0


# "Home › News › Local", "News / Europe": the trail of sections above a page.
BREADCRUMB = re.compile(r"^[\w&'’ .-]{1,30}(?:\s*[›»>/|]\s*[\w&'’ .-]{1,30}){1,5}$")


def _after_menu(units: list[Unit]) -> int:
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


def _sections(units: list[Unit]) -> tuple[str | None, tuple[Section, ...]]:
    """Lede (the first body paragraph), then sections split at subheadings."""
    lede, sections = _split_sections(units, _MAX_SENTENCE_CASE_SUBHEADING_WORDS)
    if sum(1 for s in sections if s.heading) >= _MIN_HEADINGS:
        return _split_sections(units, _MAX_SUBHEADING_WORDS)
    return lede, sections


def _split_sections(
    units: list[Unit], sentence_case_words: int
) -> tuple[str | None, tuple[Section, ...]]:
    lede: str | None = None
    heading: str | None = None
    paragraphs: list[str] = []
    sections: list[Section] = []
    for index, unit in enumerate(units):
        previous = units[index - 1] if index else None
        following = units[index + 1] if index + 1 < len(units) else None
        if lede is None and not _is_heading(unit, previous, following, sentence_case_words):
            lede = tidy_dateline(unit.text)
            continue
        if _is_heading(unit, previous, following, sentence_case_words):
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


def _is_heading(
    unit: Unit, previous: Unit | None, following: Unit | None, sentence_case_words: int
) -> bool:
    """A short title-like line that starts a run of paragraphs (not an item of a list)."""
    text = unit.text
    if (
        not unit.is_short
        or unit.words > _MAX_SUBHEADING_WORDS
        or (unit.words > sentence_case_words and not _is_title_case(text))
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

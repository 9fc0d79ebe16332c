"""Plain text pasted from a web page -> Article.

A copy-paste from a browser keeps the article and the page furniture around it: kicker labels,
photo credits, "Trending Now", share buttons. The parser works on lines (``lines``: cleaned,
furniture dropped), finds the headline under the site's menu and labels, takes the byline and
date from the lines under it (``header``), ends the story at its end mark or credits, drops
pull quotes and the headlines of other stories set between its paragraphs, and finds the
subheadings: short title-like lines that start a run of paragraphs.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from itertools import pairwise
from pathlib import Path

from ..errors import InputError
from ..models import Article, Published, Section
from .boilerplate import pull_quotes
from .byline import BY_ALONE, read_byline
from .credits import end_credits, story_end
from .dates import find_dates, is_stamp, numeric_dates_day_first, writes_day_first
from .header import MAX_BYLINE_WORDS, MIN_BODY_WORDS, is_date_line, take_meta
from .lines import (
    MAX_LABEL_WORDS,
    Unit,
    drop_junk,
    is_byline_or_date,
    is_heading_under_box,
    is_title_case,
    split_units,
)
from .names import is_person_name, names_publication

# Subheadings are shorter still (a longer one is in title case), and an article with sections
# has at least two.
_MAX_SUBHEADING_WORDS = 12
_MAX_SENTENCE_CASE_SUBHEADING_WORDS = 8
_MIN_HEADINGS = 2
# A picture's caption beside a heading is at least this long; a heading may sit over the
# captions of up to this many pictures.
_MIN_CAPTION_WORDS = 5
_MAX_CAPTIONS_UNDER_HEADING = 3
# A line of this many topic words that shares fewer than this share of them with the story
# is another story's headline, promoted between its paragraphs.
_MIN_PROMOTED_WORDS = 5
_MIN_SHARED_SHARE = 0.3
_STEM_LETTERS = 5
# Words too common to tell what a line is about.
_COMMON_WORDS = frozenset(
    {
        "the", "and", "but", "for", "nor", "yet", "with", "from", "into", "onto", "over",
        "after", "before", "about", "than", "then", "this", "that", "these", "those", "its",
        "are", "was", "were", "been", "being", "has", "have", "had", "not", "can", "will",
        "would", "could", "should", "may", "might", "must", "what", "why", "who", "how",
        "when", "where", "which", "new", "more", "most", "all", "our", "your", "their", "his",
        "her", "they", "you", "she", "him", "out", "off", "says", "said", "now", "just",
    }
)  # fmt: skip
_MAX_LONE_HEADING_WORDS = 5
# A section label or the site's name above the headline sits over a line of headline length
# (a longer one is a caption under a short headline).
_MAX_LABELLED_HEADLINE_WORDS = 20
# A site's motto under its name, over the headline, is at most this long.
_MAX_TAGLINE_WORDS = 10
# A date bar over the headline holds its date and at most this many other words, on up to
# this many lines of at most this many words, under up to this many labels.
_MAX_DATE_BAR_WORDS = 1
_MAX_DATE_BAR_LINES = 2
_MAX_DATE_BAR_LINE_WORDS = 8
_MAX_STACKED_LABELS = 3
# A headline under labels has at least this many words (shorter lines may be labels too).
_MIN_HEADLINE_WORDS = 4
# A standfirst between the headline and the byline: up to this many lines, each a few words.
_MAX_STANDFIRST_LINES = 3
_MIN_STANDFIRST_WORDS = 5
_MAX_NAME_WORDS = 8
# A site's menu pasted above the headline: at least this many lines of a few words.
_MIN_MENU_ITEMS = 3
_MAX_SITE_NAME_WORDS = 6
_MAX_MENU_ITEM_WORDS = 3


def parse_text(text: str, source: str | Path | None = None) -> Article:
    """Parse an article pasted as plain text."""
    with numeric_dates_day_first(writes_day_first(text)):
        return _parse_text(text, source)


def _parse_text(text: str, source: str | Path | None) -> Article:
    units = drop_junk(split_units(text))
    if not units:
        raise InputError("no article text found (only page furniture)", source or "<text>")
    start = _headline_index(units)
    headline = units[start].text
    authors, published, body = take_meta(units[start + 1 :])
    published = published or _date_above(units[:start]) or _dateline_date(body)
    body, signed = _take_end_credit(body)
    # A sentence set again as a line of its own is a pull quote (a heading that names what a
    # paragraph says is not one).
    repeats = pull_quotes([unit.text for unit in body])
    body = [unit for unit in body if not (unit.text in repeats and unit.ends_sentence)]
    # A date alone between paragraphs, under the header, is a related link's or a post's.
    body = [unit for unit in body if not _is_date_alone(unit)]
    lede, sections = _sections(_without_promoted_headlines(headline, body))
    # A live blog's time stamp over an entry ("10:20 p.m. ET", "2 hours ago") is not read. It
    # is dropped only now: over an entry's title, it says where the entry starts.
    sections = tuple(
        Section(section.heading, kept)
        for section in sections
        if (kept := tuple(p for p in section.paragraphs if not _is_stamp_alone(p)))
    )
    authors = authors or signed
    return Article(
        headline=headline,
        authors=authors,
        published=published,
        lede=lede,
        sections=sections,
    )


def _is_stamp_alone(paragraph: str) -> bool:
    """ "10:20 p.m. ET", "2 hours ago", "Nov 19": a stamp with a number in it ("Today" may be
    a weather page's heading)."""
    return any(ch.isdigit() for ch in paragraph) and is_stamp(paragraph)


def _is_date_alone(unit: Unit) -> bool:
    """ "Oct 14, 2024", "Sat, Sep 14 · 8:02 PM": a line that is a full date and nothing else."""
    dates = find_dates(unit.text) if unit.words <= _MAX_DATE_BAR_LINE_WORDS else []
    return bool(dates) and is_date_line(unit.text, dates, other_words=0)


def _date_above(furniture: list[Unit]) -> Published | None:
    """The date of a date line above the headline ("Press release | 3 March 2025", the page's
    date bar), for a story that prints none under it."""
    for unit in furniture:
        dates = find_dates(unit.text) if unit.words <= MAX_BYLINE_WORDS else []
        if dates and is_date_line(unit.text, dates):
            return dates[0].match.value
    return None


# A press release's dateline before its date: "SAN JOSE, Calif.--(BUSINESS WIRE)--",
# "DAKAR/NEW YORK, "; after the date comes a dash, the wire's name or a bracket.
_DATELINE_PLACE = re.compile(
    r"^[A-Z][A-Z.'’/ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{0,20})?\s*"
    r"(?:--\s*\(?[\w ]{2,30}\)?\s*--|,)\s*$"
)
_AFTER_DATELINE_DATE = re.compile(r"\s*(?:--|[–—-]|/|\()")


def _dateline_date(body: list[Unit]) -> Published | None:
    """The date in the dateline that opens a press release's first paragraph, for a story
    that prints no date line: "SAN JOSE, Calif.--(BUSINESS WIRE)--Mar. 12, 2024--Kestrel ..."."""
    for unit in body[:2]:  # under the standfirst, if any
        for found in find_dates(unit.text[:120]):
            match = found.match
            if _DATELINE_PLACE.match(unit.text[: match.start]) and _AFTER_DATELINE_DATE.match(
                unit.text, match.end
            ):
                return match.value
    return None


def _take_end_credit(body: list[Unit]) -> tuple[list[Unit], tuple[str, ...]]:
    """The story without the credits it ends with and what follows its end mark, and the
    writers the credits name."""
    body = body[: story_end([unit.text for unit in body])]
    # An end mark of symbols alone ("###") in the first half of the story is not read either.
    body = [unit for unit in body if any(ch.isalnum() for ch in unit.text)]
    credits, writers = end_credits([unit.text for unit in body])
    return [unit for index, unit in enumerate(body) if index not in credits], writers


def _headline_index(units: list[Unit]) -> int:
    """Skip site furniture pasted above the headline: the site's menu, a breadcrumb trail,
    the date bar, short all-capitals lines ("DONATE", "WHITE HOUSE"), search boxes, and a
    section label or the site's name, as long as something remains to be the headline."""
    first = _after_menu(units)
    under_release_label = _under_release_label(units, first)
    if under_release_label is not None:
        return under_release_label
    below_date_bar = _under_labels_and_date_bar(units, first)
    if below_date_bar is not None:
        return below_date_bar
    for index, unit in enumerate(units[first:-1], start=first):
        text = unit.text
        shouting = unit.words <= 6 and text.upper() == text and any(ch.isalpha() for ch in text)
        following = units[index + 1]
        # "Opinion" or "Science": a section label of a word or two over a longer headline, or
        # over a short one with the date or byline under it.
        over_stamp = following.words > 1 and _on_stamp(units, index + 2)
        kicker = (
            unit.words <= 2
            and not unit.ends_sentence
            and (4 <= following.words <= 30 or over_stamp)
            and not _is_header_line(following)
        )
        # "Harbour and transport" or "The Island Post": a few words over a longer line that
        # sits on the byline or the date is a label over the headline.
        label = (
            unit.words <= MAX_LABEL_WORDS
            and not unit.ends_sentence
            and following.words > unit.words
            and 4 <= following.words <= _MAX_LABELLED_HEADLINE_WORDS
            and not is_byline_or_date(following.text)
            and (
                (
                    not _ends_statement(following)
                    and _on_byline(units, index + 2, standfirst_lines=_MAX_STANDFIRST_LINES)
                )
                or _over_standfirst_without_stop(units, index + 1)
            )
        )
        # "News" over "UK", or "Climate & Environment" over "Democracy Dies in Darkness", over
        # a headline with its byline or date under it or under its standfirst: labels stacked
        # over the headline; and so is the site's name over its motto ("Boreal Science Daily",
        # "Your source for the latest research news").
        motto = (
            unit.words > 1
            and names_publication(unit.text)
            and following.words <= _MAX_TAGLINE_WORDS
        )
        if (
            unit.words <= MAX_LABEL_WORDS
            and not _closes_sentence(unit)
            and (following.words <= MAX_LABEL_WORDS or motto)
            and not _closes_sentence(following)
        ):
            under_labels = _under_stacked_labels(units, index)
            if under_labels is not None:
                return under_labels  # the labels skipped: the line under them is the headline
        furniture = (
            BREADCRUMB.match(text) is not None
            or _HOME.fullmatch(text) is not None  # a breadcrumb trail's first step, alone
            or text.casefold().startswith("search ")
            # (a headline may name a day: "Postmortem: API outage on March 4, 2024")
            or (
                unit.words <= MAX_BYLINE_WORDS
                and is_date_line(text, find_dates(text), other_words=_MAX_DATE_BAR_WORDS)
            )
            # A wire's "News provided by" over the company that sent the release.
            or _PROVIDED_BY.fullmatch(text) is not None
            or (index > 0 and _PROVIDED_BY.fullmatch(units[index - 1].text) is not None)
        )
        if _OBITUARY.search(text) or not (shouting or kicker or label or furniture):
            return index
    return 0


def _under_release_label(units: list[Unit], first: int) -> int | None:
    """The headline's index in a press release that opens with its labels ("City of Port
    Alder", "NEWS RELEASE", "FOR IMMEDIATE RELEASE", the date, "Contact: ..."): the first line
    of headline length after them; None when a line of headline length comes before them (a
    release whose headline is at the top)."""
    for index in range(first, min(len(units), first + _MAX_RELEASE_LABEL_LINE)):
        unit = units[index]
        if _RELEASE_LABEL.fullmatch(unit.text) is not None:
            break
        if unit.words > _MAX_NAME_WORDS or _closes_sentence(unit):
            return None  # a line of headline length, not the name of who sends the release
    else:
        return None
    for headline in range(index + 1, min(len(units), index + 1 + _MAX_RELEASE_HEADER_LINES)):
        unit = units[headline]
        if (
            _MIN_HEADLINE_WORDS <= unit.words <= _MAX_RELEASE_HEADLINE_WORDS
            and not unit.ends_sentence
            and not _is_header_line(unit)
            and not _RELEASE_LABEL.fullmatch(unit.text)
            and not _CONTACT_LINE.match(unit.text)
        ):
            return headline
    return None


# A press release's labels over its headline, on lines of their own; its contact lines.
_RELEASE_LABEL = re.compile(
    r"(?:for immediate release|(?:news|press|media) releases?|embargoed[\w :.,-]{0,40})\W*",
    re.IGNORECASE,
)
_CONTACT_LINE = re.compile(r"(?:media |press )?contacts?\s*:", re.IGNORECASE)
# The labels come within this many lines of the top; the headline within this many under them.
_MAX_RELEASE_LABEL_LINE = 4
_MAX_RELEASE_HEADER_LINES = 6
_MAX_RELEASE_HEADLINE_WORDS = 30


def _over_standfirst_without_stop(units: list[Unit], index: int) -> bool:
    """Whether the line at ``index``, a sentence, is a headline over its standfirst: a line of
    a few words with no full stop that the byline or the date is under, as newsletters and
    blogs set a headline that is a sentence ("Early voting is running ahead of 2020. Here's
    who is showing up." over "A look at the first week of turnout data"). A news page's
    standfirst under a short headline ends with its full stop, on the byline."""
    below = units[index + 1] if index + 1 < len(units) else None
    return (
        below is not None
        and below.words >= _MIN_STANDFIRST_WORDS
        and not below.ends_sentence
        and not is_byline_or_date(below.text)
        and _on_stamp(units, index + 2)
    )


def _under_stacked_labels(units: list[Unit], index: int) -> int | None:
    """The headline's index under two or three labels stacked from ``index`` ("Grain & Milling
    Review", "Regulation", "Flour"), when the byline or the date is under it; else None."""
    labels = 2
    while (
        labels < _MAX_STACKED_LABELS
        and index + labels + 1 < len(units)
        and _is_label_line(units[index + labels])
        and units[index + labels].words < _MIN_HEADLINE_WORDS
    ):
        labels += 1
    for headline in range(index + labels, index + 1, -1):
        unit = units[headline] if headline < len(units) else None
        if (
            unit is not None
            and (unit.words >= _MIN_HEADLINE_WORDS or _OBITUARY.search(unit.text))
            and unit.words <= _MAX_LABELLED_HEADLINE_WORDS
            and not _ends_statement(unit)
            and not _is_header_line(unit)
            and _on_byline(units, headline + 1, standfirst_lines=_MAX_STANDFIRST_LINES)
        ):
            return headline
    return None


def _under_labels_and_date_bar(units: list[Unit], first: int) -> int | None:
    """The headline's index when the site's name and section labels, then the date bar, come
    before it ("Formosa Current", "Business", "03/06/2024 05:14 PM", headline); else None."""
    index = first
    while (
        index < len(units) and index - first < _MAX_STACKED_LABELS and _is_label_line(units[index])
    ):
        index += 1
    if index == first:
        return None
    dated = index
    while index < len(units) and index - dated < _MAX_DATE_BAR_LINES and _is_date_bar(units[index]):
        index += 1
    if index == dated or index >= len(units):
        return None
    headline = units[index]
    if 4 <= headline.words <= _MAX_LABELLED_HEADLINE_WORDS and not _ends_statement(headline):
        return index if not _is_header_line(headline) else None
    return None


def _ends_statement(unit: Unit) -> bool:
    """Whether the line ends with a full stop (or a colon or a comma), as a standfirst or a
    paragraph does; a headline may end with a question or an exclamation mark."""
    return unit.ends_sentence and not unit.text.rstrip("\"”’')]").endswith(("?", "!"))


def _is_label_line(unit: Unit) -> bool:
    """A site's name or a section's label: a few words, no sentence, no byline, no date."""
    return (
        unit.words <= MAX_LABEL_WORDS
        and not _closes_sentence(unit)
        and not _is_header_line(unit)
        and not BY_ALONE.fullmatch(unit.text.rstrip(": "))
        and not _OBITUARY.search(unit.text)
    )


# "Margaret Ellwood obituary": a headline as British papers set an obituary's, however short.
_OBITUARY = re.compile(r"\S\s+obituary$", re.IGNORECASE)


def _is_date_bar(unit: Unit) -> bool:
    """A line of the date and time alone ("Sunday, 14/01/2024 09:05", "7:01 PM MYT")."""
    text, dates = unit.text, find_dates(unit.text)
    return unit.words <= _MAX_DATE_BAR_LINE_WORDS and (
        is_stamp(text)
        or (bool(dates) and is_date_line(text, dates, other_words=_MAX_DATE_BAR_WORDS))
    )


def _on_byline(units: list[Unit], index: int, standfirst_lines: int) -> bool:
    """Whether the byline or the date is at ``index``, or under at most ``standfirst_lines``
    lines of a standfirst there (a standfirst alone may be one line without its full stop)."""
    lines = units[index : index + standfirst_lines + 2]
    for offset, unit in enumerate(lines):
        below = lines[offset + 1] if offset + 1 < len(lines) else None
        if is_byline_or_date(unit.text) or BY_ALONE.fullmatch(unit.text.rstrip(": ")):
            return True
        if (
            below is not None
            and unit.words <= _MAX_NAME_WORDS
            and (find_dates(below.text) or is_stamp(below.text))
        ):
            return True  # a writer's name over the date or the page's age, known name or not
        standfirst = unit.words >= _MIN_STANDFIRST_WORDS and (
            standfirst_lines > 1 or unit.ends_sentence
        )
        if offset >= standfirst_lines or not standfirst:
            return False
    return False


def _on_stamp(units: list[Unit], index: int) -> bool:
    """Whether the byline, the date line or a stamp of the day is at ``index``."""
    return index < len(units) and (is_stamp(units[index].text) or _on_byline(units, index, 0))


def _is_header_line(unit: Unit) -> bool:
    """A byline or a date line: with "By", with a date, or a few words that are names (a
    headline may start with a name: "Jane Doe and John Roe Welcome a Baby")."""
    text = unit.text
    if find_dates(text) or read_byline(text, bare=False):
        return True
    return unit.words <= _MAX_NAME_WORDS and read_byline(text) is not None


def _closes_sentence(unit: Unit) -> bool:
    """Whether the line ends a sentence ("U.S." and "U.K." as menu items do not)."""
    return unit.ends_sentence and not _ABBREVIATION.fullmatch(unit.text)


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")


_PROVIDED_BY = re.compile(r"(?:news\s+)?provided\s+by\s*:?", re.IGNORECASE)


# "Home › News › Local", "News / Europe": the trail of sections above a page.
BREADCRUMB = re.compile(
    r"^[\w&'’ .-]{1,30}(?:\s*[›»>/|]\s*[\w&'’ .-]{1,30}){1,5}$"
    # ... or ending with the page's own title: "Home » Fruit Trees » How I Got My Fig Tree ..."
    r"|^[\w&'’ .-]{1,30}(?:\s*[›»]\s*[\w&'’ .-]{1,30}){0,4}\s*[›»]\s*[^›»]{1,160}$"
)


def _after_menu(units: list[Unit]) -> int:
    """Where the page starts after its menu: a run of at least ``_MIN_MENU_ITEMS`` lines of one
    to three words ("News", "Sport", "Local news") before the headline, under the site's name
    if the copy began with it ("The Lion City Daily"). The run ends at a byline or a date,
    whose headline is the line above it."""
    if (
        len(units) > 1
        and units[0].words <= _MAX_SITE_NAME_WORDS
        and names_publication(units[0].text)
    ):
        under_name = _menu_end(units[1:])
        if under_name:
            return 1 + under_name
    return _menu_end(units)


def _menu_end(units: list[Unit]) -> int:
    run = 0
    for unit, following in zip(units, [*units[1:], None], strict=True):
        if (
            unit.words > _MAX_MENU_ITEM_WORDS
            or _closes_sentence(unit)
            or _OBITUARY.search(unit.text)
        ):
            break
        # A name without "By" is a byline here only right above the date.
        above_date = following is not None and bool(find_dates(following.text))
        dates = find_dates(unit.text)
        if (
            dates
            and run >= _MIN_MENU_ITEMS
            and is_date_line(unit.text, dates)
            and following is not None
            and 4 <= following.words <= _MAX_LABELLED_HEADLINE_WORDS
        ):
            return run  # the date bar between the menu and the headline
        if dates or is_stamp(unit.text) or read_byline(unit.text, bare=above_date):
            # The byline or date under a short headline: that headline closes the run.
            return run - 1 if run >= _MIN_MENU_ITEMS + 1 else 0
        run += 1
    return run if run >= _MIN_MENU_ITEMS and run < len(units) else 0


_HOME = re.compile(r"home\W*", re.IGNORECASE)
# "KYIV, Ukraine (AP) — Text": a dateline in capitals, then the wire agency.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,39}[A-Z.])(?P<region>(?:,\s*[A-Z][\w.'’ -]{0,29}[\w.])?)\s*"
    r"(?:\((?:[A-Z]{2,6}|[A-Z][a-z]{2,12}(?: [A-Z][a-z]+)?)\)\s*)?[—–-]{1,2}\s+(?=\S)"
)


def tidy_dateline(paragraph: str) -> str:
    """ "KYIV, Ukraine (AP) — Text" -> "Kyiv, Ukraine — Text": the place is read as a word
    (not spelled out letter by letter) and the wire agency's name ("(Yonhap)") is not read."""
    match = DATELINE.match(paragraph)
    if not match or not any(ch.isalpha() for ch in match["place"]):
        return paragraph
    place = match["place"].strip().title()
    return f"{place}{match['region'].rstrip()} — {paragraph[match.end() :]}"


def _sections(units: list[Unit]) -> tuple[str | None, tuple[Section, ...]]:
    """Lede (the first body paragraph), then sections split at subheadings."""
    lede, sections, first_line_heading = _split_sections(units, _MAX_SENTENCE_CASE_SUBHEADING_WORDS)
    if sum(1 for s in sections if s.heading) + first_line_heading >= _MIN_HEADINGS:
        return _split_sections(units, _MAX_SUBHEADING_WORDS)[:2]
    return lede, sections


def _split_sections(
    units: list[Unit], sentence_case_words: int
) -> tuple[str | None, tuple[Section, ...], bool]:
    """Lede and sections, and whether the line over the first paragraph would pass for a
    heading (it is read as the lede's line, but says the page sets subheadings)."""
    lede: str | None = None
    heading: str | None = None
    paragraphs: list[str] = []
    sections: list[Section] = []
    questions_head = not _is_interview(units)
    headings = [
        _is_heading(units, i, sentence_case_words, questions_head) for i in range(len(units))
    ]
    # A page that ends its headings with a colon ends them all so: one such line alone is a
    # lead-in to the paragraph under it.
    colons = [i for i, heading in enumerate(headings) if heading and units[i].text.endswith(":")]
    if len(colons) < _MIN_HEADINGS:
        for index in colons:
            headings[index] = False
    # A page sets its subheadings in one style: among short ones, a line in sentence case
    # much longer than they are is a picture's caption.
    for index in _captions_among_headings(units, headings):
        headings[index] = False
    # A title-like line over the story's first paragraph heads nothing under it: it is a
    # picture's caption, a score, a product's name or a video's title. It still tells that
    # the page sets subheadings, so a lone heading further down is not merged for want of
    # company.
    first_line_heading = bool(headings) and headings[0]
    if first_line_heading:
        headings[0] = False
    # A listicle's or a guide's numbered items head their sections; what stands between an
    # item and its first paragraph (a price, a line of specs) is the item's, and heads nothing.
    numbered = _numbered_items(units)
    for index in numbered:
        headings[index] = True
        following = index + 1
        while following < len(units) and not _is_prose(units[following]):
            headings[following] = False
            following += 1
    # A line that shares no words with the paragraphs under it is read, but heads nothing.
    for index in _off_topic(units, headings):
        headings[index] = False
    # The caption beside a heading is the picture's, not the story's.
    captions = {
        caption
        for index, heading in enumerate(headings)
        if heading
        for caption in _beside_captions(units, index)
    } - set(numbered)
    first_prose = next((i for i, unit in enumerate(units) if _is_prose(unit)), len(units))
    for index, unit in enumerate(units):
        if index in captions:
            continue
        is_heading = headings[index]
        # A fact box over the story ("Working time: 6 hrs", "Serves: 4") is read after the
        # lede, which is the story's first paragraph.
        fact_over_story = _is_fact_or_stamp(unit) and index < first_prose
        if lede is None and not is_heading and not fact_over_story:
            lede = tidy_dateline(unit.text)
            continue
        if is_heading:
            if paragraphs or heading:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = unit.text.rstrip(":"), []
            continue
        paragraphs.append(
            tidy_dateline(unit.text) if not sections and not paragraphs else unit.text
        )
    if paragraphs or heading:
        sections.append(Section(heading, tuple(paragraphs)))
    sections = [s for s in sections if s.paragraphs]
    headed = [s for s in sections if s.heading]
    if len(headed) + first_line_heading < _MIN_HEADINGS and not all(map(_stands_alone, headed)):
        # One line between paragraphs is more often a caption or a promoted link than a
        # heading: articles with sections have several. Read it as a paragraph.
        merged = [p for s in sections for p in ((s.heading,) if s.heading else ()) + s.paragraphs]
        sections = [Section(None, tuple(merged))] if merged else []
    return lede, tuple(sections), first_line_heading


def _numbered_items(units: list[Unit]) -> list[int]:
    """The lines of a numbered run ("1. Corvid Air 14", "2. Northam Flex", "3. ...", counting
    up or down by one) with a paragraph of the story between each and the next: the items
    of a listicle or the steps of a guide. A numbered list without paragraphs between its
    items is a list."""
    numbered = [
        (index, int(match[1]))
        for index, unit in enumerate(units)
        if (match := _NUMBERED_LINE.match(unit.text))
        and unit.words <= _MAX_SUBHEADING_WORDS
        and (not unit.ends_sentence or unit.text.endswith("?"))
    ]
    runs: list[list[tuple[int, int]]] = []
    for index, number in numbered:
        run = runs[-1] if runs else []
        step = run[1][1] - run[0][1] if len(run) > 1 else None
        if (
            run
            and number - run[-1][1] in ((step,) if step else (1, -1))
            and any(_is_prose(unit) for unit in units[run[-1][0] + 1 : index])
        ):
            run.append((index, number))
        else:
            runs.append([(index, number)])
    return [index for run in runs if len(run) >= _MIN_NUMBERED_ITEMS for index, _ in run]


# "3. Move early", "Step 2: Cut the boards", "Day 4 - Into the hills".
_NUMBERED_LINE = re.compile(
    r"^(?:(?:step|part|day|stage|round|week|chapter|no\.?)\s*)?(\d{1,2})(?:[.):](?!\d)|\s+[-–—])\s*\S",
    re.IGNORECASE,
)
_MIN_NUMBERED_ITEMS = 3


def _captions_among_headings(units: list[Unit], headings: list[bool]) -> list[int]:
    """The lines taken for headings that read as pictures' captions beside the page's other
    headings: in sentence case, and many words longer than the page's headings are ("The
    living room looks out over the Atlantic from the fourth floor" among "The kitchen" and
    "Bathrooms"). A question, a numbered step or a labelled line ("Myth 2: ...") is a heading
    of another kind, as is a clause that says what the section explains ("Why ...") or what
    is to come, which no picture shows ("Riders will count the buses themselves")."""
    found = [index for index, heading in enumerate(headings) if heading]
    if len(found) < _MIN_HEADINGS:
        return []
    typical = statistics.median(units[index].words for index in found)
    return [
        index
        for index in found
        if units[index].words
        >= max(_MIN_LONG_CAPTION_WORDS, typical + _CAPTION_WORDS_OVER_HEADINGS)
        and not is_title_case(units[index].text)
        and not units[index].text.endswith("?")
        and not _MARKED_HEADING.match(units[index].text)
        and not _UNSEEN.search(units[index].text)
    ]


def _off_topic(units: list[Unit], headings: list[bool]) -> list[int]:
    """The lines taken for headings that share none of their words with the paragraphs under
    them: a picture's caption or another story's title set between paragraphs ("Help Shape
    the Future of Public Transit" in a court report). A heading names what its section is
    about, unless it is numbered, labelled or a question, which may ask about what the
    section never names."""
    found = []
    for index, heading in enumerate(headings):
        words = _topic_stems(units[index].text)
        text = units[index].text
        if (
            not heading
            or len(words) < _MIN_TOPIC_WORDS
            or _MARKED_HEADING.match(text)
            or text.endswith("?")
        ):
            continue
        under: set[str] = set()
        for following in range(index + 1, min(len(units), index + 1 + _PARAGRAPHS_UNDER_HEADING)):
            if headings[following]:
                break
            under.update(_topic_stems(units[following].text))
        if not any(word in under for word in words):
            found.append(index)
    return found


# A heading of this many topic words shares one of them with the first paragraphs under it.
_MIN_TOPIC_WORDS = 5
_PARAGRAPHS_UNDER_HEADING = 3


# A heading of a kind of its own: numbered ("3. Move early"), labelled ("Step 2: ...", "Q:
# ..."), or a clause that says what the section explains ("Why counting is slower ...").
_MARKED_HEADING = re.compile(r"^(?:\d|[\w’' ]{1,20}:|(?:why|how|what|when|where|who)\b)", re.I)
# What no picture shows: what will, could or must happen ("Riders will count the buses").
_UNSEEN = re.compile(r"\b(?:will|would|could|should|may|might|must|can|won['’]t|can['’]t)\b", re.I)
# A caption among headings is at least this long, and this many words longer than the page's
# typical heading.
_MIN_LONG_CAPTION_WORDS = 6
_CAPTION_WORDS_OVER_HEADINGS = 4


def _is_heading(
    units: list[Unit], index: int, sentence_case_words: int, questions_head: bool
) -> bool:
    """A short title-like line that starts a run of paragraphs (not an item of a list)."""
    unit = units[index]
    previous = units[index - 1] if index else None
    following = units[index + 1] if index + 1 < len(units) else None
    text = unit.text
    if (
        not unit.is_short
        or unit.words > _MAX_SUBHEADING_WORDS
        or (unit.words > sentence_case_words and not is_title_case(text))
        or following is None
    ):
        return False
    opening = text.lstrip("‘“'\"")[:1]  # a heading may quote someone: "‘It's exhausting’"
    if not opening.isupper() and not opening.isdigit():
        return False
    if not _WORD.search(text) or is_stamp(text) or is_date_line(text, find_dates(text)):
        return False  # "8/10", "1 / 12", "10:57 p.m.", "Oct 14, 2024": a score, a counter, a date
    if _BY_LINE.match(text):
        return False  # "By Meridian News Agency": a byline, even below the story's start
    if " · " in text or " • " in text:
        return False  # "Beginner · 10 minutes": a card's details, set apart by dots
    if _ABOUT_BOX.match(text):
        return False  # "About Harbour Transit": the box on the company or the writer
    if text.casefold().rstrip(" :") in _BOX_LABELS:
        return False  # "Tip" over a line of advice: a box set in the story, no section
    if _WEB_ADDRESS.search(text) or _HANDLE.search(text):
        # An embedded post's text with its link ("... pic.twitter.com/x1"), or who posted it
        # ("Mesa County Sheriff (@MesaSheriff)").
        return False
    if index == 0 and unit.words >= _MIN_STANDFIRST_WORDS and not is_title_case(text):
        return False  # a sentence without its full stop atop the story is its standfirst
    # A line after a colon or beside another unpunctuated short line is a list item, unless
    # the two stand alone between paragraphs: a heading and its picture's caption.
    beside_caption = bool(_beside_captions(units, index))
    if _in_fact_box(units, index):
        return False  # "Director: Maren Lisk" over "Where to watch: Streamvale"
    # A recipe's parts head their lists ("Ingredients" over "4 ripe tomatoes").
    recipe_part = _RECIPE_PART.fullmatch(text) is not None
    if (
        _is_loose(following)
        and not beside_caption
        and not _is_fact_or_stamp(following)
        and not recipe_part
    ):
        return False
    if previous is not None and (
        previous.text.endswith((":", ","))  # a lead-in, or a letter's "See you next week,"
        or (
            _is_loose(previous)
            and not beside_caption
            and not recipe_part
            and not _is_fact_or_stamp(previous)
            and not _ends_box_of_longer_lines(units, index)
        )
    ):
        return False
    if text.endswith(("?", "!")):
        # A short question in title case reads as a subheading ("Will It Work?"), and so does
        # one in sentence case ("What happens next?") unless the answers under the questions
        # are in the first person: an interview, whose questions head no sections.
        return is_title_case(text) or (text.endswith("?") and questions_head)
    if text.upper() == text and unit.words > 1:
        # Capitals between paragraphs are a run-in label, a promoted link or an agency's
        # crosshead set as a paragraph, which pages do not mark up as a heading.
        return False
    if text.endswith(":"):
        # "The bull case:" over a paragraph heads it; "The statement said:" leads into a quote.
        last_word = text[:-1].split()[-1].casefold() if text[:-1].split() else ""
        return (
            _is_prose(following)
            and last_word not in _LEADS_IN
            and not any(mark in text for mark in '"“”‘’')
        )
    return not unit.ends_sentence


_WORD = re.compile(r"[^\W\d_]{2,}")
_RECIPE_PART = re.compile(
    r"(?:ingredients|method|instructions|directions|equipment|you will need|preparation)",
    re.IGNORECASE,
)
# "By Meridian News Agency": a byline, every word capitalized ("By the numbers" is a heading).
_BY_LINE = re.compile(r"^[Bb][Yy]\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}$")
_HANDLE = re.compile(r"\(@\w+\)|^@\w+$")
_WEB_ADDRESS = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co|ly|io)/", re.IGNORECASE)

# The last word of a line that leads into what follows it rather than heading it.
_LEADS_IN = frozenset(
    {
        "said", "says", "say", "read", "reads", "wrote", "writes", "added", "adds", "told",
        "explained", "explains", "stated", "states", "tweeted", "posted", "following", "below",
        "include", "includes", "included", "are", "is", "was", "were", "be", "this", "these",
        "asked", "asks", "replied", "answered", "continued", "noted", "warned",
    }
)  # fmt: skip


def _is_prose(unit: Unit) -> bool:
    """A paragraph of the story: a sentence or more."""
    return unit.words >= MIN_BODY_WORDS and unit.ends_sentence


# "Last season: 2nd", "Distance: 6 miles | Difficulty: hard": a fact box's lines of a label
# and its value, which a heading may stand next to (they are not the items of a list).
_FACT_LINE = re.compile(r"^(?:[A-Z][\w’' -]{0,24}:\s*[^:|]{1,48}?(?:\s*\|\s*|$))+$")
_MAX_FACT_WORDS = 10


def _is_fact_or_stamp(unit: Unit) -> bool:
    """A fact box's line, or a widget's time stamp ("2 hours ago"), which a heading may stand
    next to."""
    return unit.words <= _MAX_FACT_WORDS and (
        _FACT_LINE.match(unit.text) is not None or is_stamp(unit.text)
    )


def _in_fact_box(units: list[Unit], index: int) -> bool:
    """Whether the line and one next to it are both a fact box's lines ("Course: Soup",
    "Cuisine: Middle Eastern")."""
    if _FACT_LINE.match(units[index].text) is None:
        return False
    return any(
        0 <= other < len(units) and _FACT_LINE.match(units[other].text) is not None
        for other in (index - 1, index + 1)
    )


def _is_loose(unit: Unit) -> bool:
    """A short line that ends no sentence: a heading, a caption, a credit or a list item."""
    return unit.is_short and not unit.ends_sentence


def _ends_box_of_longer_lines(units: list[Unit], index: int) -> bool:
    """Whether the line is a few words under a run of longer loose lines that the story's
    paragraphs broke off for (a box of other stories' headlines, a caption, a list), so that
    it heads the paragraphs under it: "Jobs hit" under "Nickel miners brace for more pain as
    new supply floods market"."""
    start = index
    while start and _is_loose(units[start - 1]):
        start -= 1
    if start == 0:
        return False  # loose lines from the top: the page's header, not a box in the story
    box = units[start:index]
    if len(box) > 1:
        box = box[1:]  # the box's own header ("Related") may be short
    return is_heading_under_box(units[index].words, [unit.words for unit in box])


def _beside_captions(units: list[Unit], index: int) -> tuple[int, ...]:
    """The captions' indices when the line and the loose lines next to it (one over it, or up
    to ``_MAX_CAPTIONS_UNDER_HEADING`` under it) stand alone between paragraphs, and the line
    is their heading: the others read as captions, each a few words longer and in sentence
    case (a line in title case beside it may be the heading, a promoted link or a brand's
    name)."""
    heading = units[index]

    def reads_as_caption(unit: Unit) -> bool:
        return (
            _is_loose(unit)
            and unit.words >= max(_MIN_CAPTION_WORDS, heading.words + 2)
            and not is_title_case(unit.text)
        )

    def between_paragraphs(first: int, last: int) -> bool:
        if first < 1 or last + 1 >= len(units):
            return False
        before, after = units[first - 1], units[last + 1]
        return not (_is_loose(before) or before.text.endswith(":") or _is_loose(after))

    if between_paragraphs(index - 1, index) and reads_as_caption(units[index - 1]):
        return (index - 1,)
    last = index
    while last + 1 < len(units) and last - index < _MAX_CAPTIONS_UNDER_HEADING:
        if not reads_as_caption(units[last + 1]):
            break
        last += 1
    if last > index and between_paragraphs(index, last):
        return tuple(range(index + 1, last + 1))
    return ()


def _without_promoted_headlines(headline: str, units: list[Unit]) -> list[Unit]:
    """The story without the headlines of other stories a page sets between its paragraphs
    ("Man Shot at Gas Station Dies at Hospital"): a line that would pass for a subheading but
    shares almost none of its words with the story."""
    stems = [_topic_stems(unit.text) for unit in units]
    story = Counter(_topic_stems(headline))
    for unit_stems in stems:
        story.update(unit_stems)
    kept = []
    for index, unit in enumerate(units):
        words = stems[index]
        if len(words) >= _MIN_PROMOTED_WORDS and _is_heading(
            units, index, _MAX_SUBHEADING_WORDS, questions_head=True
        ):
            rest = story - Counter(words)
            if sum(1 for word in words if rest[word]) < _MIN_SHARED_SHARE * len(words):
                continue
        kept.append(unit)
    return kept


def _topic_stems(text: str) -> list[str]:
    """The words of ``text`` that say what it is about, cut to a stem ("hospitalized" and
    "hospital" share one)."""
    words = re.findall(r"[^\W\d_]{3,}", text.casefold())
    return [word[:_STEM_LETTERS] for word in words if word not in _COMMON_WORDS]


# An answer in the first person ("I", "my"), outside the quotes a reporter cites.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|[Mm]y|[Mm]e)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _is_interview(units: list[Unit]) -> bool:
    """Whether the short questions of the text are answered in the first person in at least
    half the answers: a question-and-answer interview."""
    answers = [
        following.text
        for unit, following in pairwise(units)
        if unit.is_short and unit.text.endswith("?") and not _is_loose(following)
    ]
    first_person = sum(map(_in_first_person, answers))
    if not answers or 2 * first_person < len(answers):
        return False
    # A writer who speaks in the first person before the questions too asks them herself: a
    # blog's questions head its sections. An interview's introduction is about its guest.
    first_question = next(i for i, unit in enumerate(units) if unit.text.endswith("?"))
    introduction = [unit.text for unit in units[:first_question] if _is_prose(unit)]
    return not (introduction and 2 * sum(map(_in_first_person, introduction)) >= len(introduction))


def _in_first_person(paragraph: str) -> bool:
    return _FIRST_PERSON.search(_QUOTED.sub("", paragraph)) is not None


def _stands_alone(section: Section) -> bool:
    """Whether the section's heading may be the page's only one: a few words in title case,
    or a crosshead of up to five words that names something the paragraphs under it tell of
    ("Hostage swap" over the exchange of prisoners); a longer line is more often a caption.
    A question is a box's title."""
    heading = section.heading or ""
    if _is_lone_heading(heading):
        return True
    stems = _topic_stems(heading)
    under = {stem for paragraph in section.paragraphs[:_PARAGRAPHS_UNDER_HEADING]
             for stem in _topic_stems(paragraph)}  # fmt: skip
    return (
        len(heading.split()) <= _MAX_LONE_CROSSHEAD_WORDS
        and bool(stems)
        and any(stem in under for stem in stems)
        and not heading.endswith(("?", ":"))
        and not is_person_name(heading, known_first_name=True)  # the writer, over her bio
    )


_MAX_LONE_CROSSHEAD_WORDS = 5
# The labels of boxes set among a guide's paragraphs.
_BOX_LABELS = frozenset(
    {"tip", "tips", "top tip", "pro tip", "quick tip", "note", "warning", "caution",
     "did you know?", "good to know", "fact", "fast fact", "fun fact", "quick fact"}
)  # fmt: skip
# The title of the box on the company or the writer under a release or a post: "About Efua".
_ABOUT_BOX = re.compile(
    r"^(?:About|ABOUT) (?:the )?(?:[A-Z\d]|[a-z]+[A-Z\d])[\w&.'’-]*(?: [A-Z\d][\w&.'’-]*){0,3}$"
    r"|^(?i:about (?:the|this) (?:author|writer|company|editor)s?)$"
)


def _is_lone_heading(text: str) -> bool:
    """A heading that may stand alone: a few words in title case ("Neighbours Take Over"),
    not a person's name alone, which is a picture's credit or a writer's."""
    words = len(text.split())
    return (
        words <= _MAX_LONE_HEADING_WORDS
        and is_title_case(text)
        and text.upper() != text
        and not is_person_name(text, known_first_name=True)
    )

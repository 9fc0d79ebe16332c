"""What a page prints between the headline and the story: the byline block and the date.

In come the lines under the headline; out go the authors, the publication date and the lines
left for the story. The byline block is read the way a reader reads it: "By" lines, a name
beside the date line or over the writer's role, a kicker label, an "Updated" stamp.
"""

from __future__ import annotations

import re

from ..models import Published
from .boilerplate import READ_TIME
from .byline import BY_ALONE, Byline, read_byline, split_authors
from .credits import ABOUT_THE_WRITER, END_CREDIT
from .dates import (
    AGO,
    DATE_LINE_WORDS,
    WEEKDAYS,
    LabelledDate,
    blank_out,
    find_dates,
    is_stamp,
    yearless_dates,
)
from .lines import CLOSES_SENTENCE, Unit, clean_line, drop_junk
from .names import (
    HONORIFICS,
    JOB_WORDS,
    ROLE_WORDS,
    WIRE_SERVICES,
    is_first_name,
    is_person_name,
    names_publication,
    names_section,
)

_TIME_OR_ZONE = re.compile(
    r"^(?:\d{1,2}[:.]\d\d(?:[ap]\.?m\.?)?|[ap]\.?m\.?|[A-Z]{2,5}|\(?\d+\)?)$"
)
# A body paragraph has at least this many words (shorter lines may be labels or headings).
MIN_BODY_WORDS = 8
# "and John Roe" under "By Jane Doe": the byline goes on.
_CONTINUES_BYLINE = re.compile(r"^(?:and|&)\s+(?=[A-Z])")
_JOINER = re.compile(r"and|&|,", re.IGNORECASE)
# A line of the writer's role or outlet is at most this long ("Special to the Island Post").
_MAX_EXTRA_WORDS = 6
# Lines that may stand between the writer's name and the date (a role, a handle, the outlet).
_MAX_BYLINE_EXTRAS = 2
# Byline and date are looked for among the first lines after the headline.
_META_LINES = 12
# Notes of the header about the story: where it was reported, who helped, when it changed.
HEADER_NOTE = re.compile(
    r"^(?:reporting from|(?:with\s+)?(?:additional\s+)?reporting by|contributing:"
    # Who checked the writer's work: "Medically reviewed by ...", "Edited by ..." (a review's
    # "Reviewed by" names its writer).
    r"|(?:medically|clinically|expert)\s+reviewed\s+by|(?:fact[- ]?)?checked\s+by|edited\s+by"
    r"|published in|(?:updated|posted|published)\s*:?\s*\d{1,2}[:.]\d\d)\b",
    re.IGNORECASE,
)
_MAX_NOTE_WORDS = 12
_REVIEWED_BY = re.compile(r"^reviewed\s+by\b", re.IGNORECASE)
_LABEL_OVER_PUBLICATION = re.compile(r"published in\s*:?", re.IGNORECASE)
_CREDITS_LINE = re.compile(r"^(?:additional\s+)?reporting by\b", re.IGNORECASE)
# A byline ending like a sentence is at most this long ("By Jane Doe, Associated Press.").
_MAX_BYLINE_PROSE = 10
# A byline with a date and an "Updated" stamp can be this long.
MAX_BYLINE_WORDS = 30


def read_meta_lines(lines: list[str]) -> tuple[tuple[str, ...], Published | None]:
    """Authors and date from the lines printed under a headline, read as in a paste (the HTML
    reader uses it for pages that print their byline only as text)."""
    units = drop_junk([Unit(line, len(line.split())) for line in map(clean_line, lines) if line])
    authors, published, _ = take_meta(units)
    return authors, published


def _first_name_over_date(zone: list[Unit], date_lines: list[bool], index: int) -> bool:
    """Whether the line is a first name alone (not a place or a section) between the
    subtitle and the date line."""
    text = zone[index].text
    return (
        index == 1
        and zone[0].words >= _MIN_SUBTITLE_WORDS
        and zone[index].words == 1
        and index + 1 < len(zone)
        and date_lines[index + 1]
        and _LETTERS_ONLY.fullmatch(text) is not None
        and not text.isupper()
        and is_first_name(text)
        and not names_section(text)
    )


_LETTERS_ONLY = re.compile(r"[^\W\d_]{2,}")
_MIN_SUBTITLE_WORDS = 4


def take_meta(units: list[Unit]) -> tuple[tuple[str, ...], Published | None, list[Unit]]:
    """Take byline, date and kicker labels from the top; return what remains of the body.

    Every line near the top is read as a possible byline and date line. The authors are those
    of the first "By" line, else of the first line that starts with a person's name; the date
    is the first one labelled published, else the first not labelled, else the first "Updated"
    stamp.
    """
    units = _date_labels_joined(units[: _META_LINES + 1]) + units[_META_LINES + 1 :]
    zone = units[:_META_LINES]
    # Each line's dates, found once: a line is read as a byline and, before that, as the date
    # line under the one above it.
    short = [unit.words <= MAX_BYLINE_WORDS for unit in zone]
    zone_dates = [find_dates(u.text) if ok else [] for u, ok in zip(zone, short, strict=True)]
    date_lines = [
        ok and (is_date_line(u.text, found) or is_stamp(u.text))
        for u, ok, found in zip(zone, short, zone_dates, strict=True)
    ]
    bylines: list[Byline] = []
    dates: list[LabelledDate] = []
    meta: set[int] = set()
    seen_body = False
    last_byline = -1
    for index, unit in enumerate(zone):
        if index in meta:
            continue
        if unit.words > MAX_BYLINE_WORDS:
            seen_body = True
            continue
        text = unit.text
        about = ABOUT_THE_WRITER.match(text)
        if (
            about
            and not seen_body
            and any(_refers_to(about["name"], byline.authors) for byline in bylines)
        ):
            meta.add(index)  # "Jane Doe is a senior reporter ..." under her byline
            continue
        if (
            unit.words > _MAX_BYLINE_PROSE
            and text.rstrip("\"”’')").endswith((".", "!", "?"))
            and not date_lines[index]  # "... | UPDATED: March 6, 2024 at 9:02 a.m."
            and not _ENDS_WITH_CLOCK.search(text)  # "By Jane Doe Globe Staff,Updated ... p.m."
            and not _is_byline_with_bio(text)
        ):
            # Prose is the story's: "By Christmas Eve, the shops had ..." is no byline.
            seen_body = seen_body or unit.words >= MIN_BODY_WORDS
            continue
        if _LABEL_OVER_PUBLICATION.fullmatch(text):
            meta.update((index, index + 1))  # "Published in" over the publication's name
            continue
        if seen_body and END_CREDIT.match(text):
            continue  # "Reporting by Jane Doe; Editing by John Roe" closes a short story
        if bylines and _REVIEWED_BY.match(text):
            # "Reviewed by Dana Ochoa" under "By Marcus Feld": who checked the writer's work
            # (alone, "Reviewed by" names a review's critic).
            meta.add(index)
            continue
        label = BY_ALONE.fullmatch(text.rstrip(": "))
        # "Contributor" under a writer's name is the writer's role, not a label over names.
        role = bool(label and label["role"] and not text.rstrip().endswith(":") and bylines)
        joined = bool(label) and not role and index + 1 < len(zone)
        if joined:
            # "By" or "Written by:" on a line of its own, the name on the next.
            text = f"By {zone[index + 1].text}"
        beside_date = _beside_date(zone, date_lines, index, dated=bool(zone_dates[index]))
        # A line that carries the date and is no sentence is the header, below a standfirst too.
        dated_header = bool(zone_dates[index]) and not unit.ends_sentence
        byline = read_byline(
            text, bare=not seen_body or beside_date or dated_header, beside_date=beside_date
        )
        if (
            byline
            and bylines
            and index - 1 == last_byline
            and _is_role_or_handle(text)
            and not re.search(r"[,|·•]", text)
        ):
            # "Maori Affairs Reporter" under "Jane Doe" is her beat, not a second writer (who
            # would come with her role: "John Roe, Staff Reporter").
            byline = None
        # Below the body's start, only a "By" line or the first byline still counts.
        if byline and (byline.explicit or not bylines or not seen_body):
            byline = _with_names_below(byline, zone, index + (2 if joined else 1), meta)
            if bylines and index - 1 == last_byline and _stacks_on(bylines[-1], byline):
                # Writers' names one to a line, over the date: one byline.
                byline = Byline(bylines.pop().authors + byline.authors, False, byline.dates)
            elif bylines and index - last_byline <= 2 and bylines[-1].explicit and byline.explicit:
                # "Author:" over each writer's name and outlet, one writer under the other.
                above = bylines.pop()
                authors = tuple(dict.fromkeys(above.authors + byline.authors))
                byline = Byline(authors, True, above.dates + byline.dates)
            bylines.append(byline)
            last_byline = index
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
        elif zone_dates[index] and not unit.ends_sentence and bylines and index - 1 in meta:
            # "Island Daily Inquirer / 05:30 AM March 5, 2025" under the byline: the outlet
            # and the date, on the line where the date goes.
            dates.extend(zone_dates[index])
            meta.add(index)
        elif not bylines and _first_name_over_date(zone, date_lines, index):
            # "Oona" over "Sep 9, 2024", under the post's subtitle: a blogger who signs with
            # her first name. (Right under the headline, a word that names people and places
            # alike, "Sydney" or "Georgia", is more often the section's label.)
            bylines.append(Byline((text,), explicit=False, dates=()))
            last_byline = index
            meta.add(index)
        elif not seen_body and is_label(unit.text):
            meta.add(index)
        elif unit.words <= _MAX_NOTE_WORDS and (
            # (after the story's start, "Reporting by ..." is the credits the story ends with)
            (HEADER_NOTE.match(text) and not (seen_body and _CREDITS_LINE.match(text)))
            or (index - 1 in meta and bylines and _is_byline_extra(text))
        ):
            # "Reporting from Harwick County", "Updated 9:41 a.m. ET", or the writer's role,
            # outlet or e-mail under the byline: the header's, not the story's.
            meta.add(index)
        # The story has begun at a sentence; a long line without its full stop is a standfirst
        # or a caption, which the byline may still follow.
        seen_body = seen_body or (unit.words >= MIN_BODY_WORDS and unit.ends_sentence)
    chosen = next((b for b in bylines if b.explicit), bylines[0] if bylines else None)
    authors = chosen.authors if chosen else ()
    # "Thu 12 Mar 2020 09.15 GMT" over "First published on Wed 11 Mar 2020": the stamp said
    # to be the publication's wins over one said to be nothing, which wins over an update.
    by_label = sorted(dates, key=lambda d: _DATE_PREFERENCE.index(d.kind))
    published = by_label[0].match.value if by_label else None
    body = [unit for index, unit in enumerate(zone) if index not in meta]
    return authors, published, body + units[_META_LINES:]


_DATE_PREFERENCE = ("published", "plain", "updated")
# A line that ends with a time of day ends no sentence, though "p.m." ends with a full stop.
_ENDS_WITH_CLOCK = re.compile(r"\d\s*[ap]\.\s?m\.$", re.IGNORECASE)

# "Updated" on a line of its own, over the date it labels.
_DATE_LABEL_ALONE = re.compile(
    r"(?:first\s+|last\s+)?(?:published|posted|updated|modified)(?:\s+on)?\s*:?", re.IGNORECASE
)


def _date_labels_joined(units: list[Unit]) -> list[Unit]:
    """The lines with each date label alone on its line joined to the date under it, so
    "Updated" / "Apr 2, 2024" and "Published" / "Apr 1, 2024" say which date is which."""
    joined: list[Unit] = []
    for unit in units:
        if joined and _DATE_LABEL_ALONE.fullmatch(joined[-1].text) and find_dates(unit.text):
            label = joined.pop()
            unit = Unit(f"{label.text} {unit.text}", label.words + unit.words)
        joined.append(unit)
    return joined


# "By Jane Doe, a senior reviewer covering laptops. She has ...": the byline and the writer's
# note on one line.
_BYLINE_WITH_BIO = re.compile(r"^by\s+(?P<name>[^,]{3,40}),\s+(?:an?|the)\s", re.IGNORECASE)


def _is_byline_with_bio(text: str) -> bool:
    match = _BYLINE_WITH_BIO.match(text)
    return match is not None and is_person_name(match["name"], known_first_name=True)


def _stacks_on(above: Byline, below: Byline) -> bool:
    """Whether two bylines on lines one under the other are one list of writers: each is a
    name alone, with no "By" and no date on the upper one."""
    return (
        not above.explicit
        and not below.explicit
        and not above.dates
        and len(above.authors) == len(below.authors) == 1
        and below.authors[0].casefold() not in WIRE_SERVICES  # the writer's agency
        and not names_publication(below.authors[0])
    )


def _with_names_below(byline: Byline, zone: list[Unit], following: int, meta: set[int]) -> Byline:
    """The byline with the names its lines below carry on with ("and John Roe"; "and" and
    "John Roe" on lines of their own, each name a link the layout set apart); the lines
    used go into ``meta``."""
    following = _after_role_line(zone, following, meta)
    if following < len(zone) and _CONTINUES_BYLINE.match(zone[following].text):
        more = split_authors(_CONTINUES_BYLINE.sub("", zone[following].text))
        byline = Byline(byline.authors + more, byline.explicit, byline.dates)
        meta.add(following)
    while following + 1 < len(zone) and _JOINER.fullmatch(zone[following].text):
        more = split_authors(f"{byline.authors[-1]} and {zone[following + 1].text}")[1:]
        if not more:
            break
        byline = Byline(byline.authors + more, byline.explicit, byline.dates)
        meta.update((following, following + 1))
        following = _after_role_line(zone, following + 2, meta)
    return byline


def _after_role_line(zone: list[Unit], index: int, meta: set[int]) -> int:
    """Past the writer's role line at ``index`` ("Political Editor" under "Jane Doe", before
    "and" and the next writer), which goes into ``meta``."""
    if (
        index + 1 < len(zone)
        and _JOINER.fullmatch(zone[index + 1].text)
        and _is_role_or_handle(zone[index].text)
    ):
        meta.add(index)
        return index + 1
    return index


def _refers_to(name: str, authors: tuple[str, ...]) -> bool:
    """Whether ``name`` is one of ``authors``, in full or as "Ms. Doe" for "Jane Doe"."""
    title, _, surname = name.partition(" ")
    return name in authors or (
        title.casefold() in HONORIFICS and any(a.split()[-1] == surname for a in authors)
    )


def _beside_date(zone: list[Unit], date_lines: list[bool], index: int, *, dated: bool) -> bool:
    """Whether line ``index`` is in the byline block around the date line: right above or
    below it, or above the writer's role, handle or outlet lines that lead to it ("Jane Doe",
    "Senior Reporter", "March 4, 2025"); or, right under the headline, the line that carries
    the date (``dated``: "Wanjiru Kamau | Sep 12, 2022", or glued, "Wanjiru KamauSep 12, 2022",
    which ``clean_line`` has set apart)."""
    if (index > 0 and date_lines[index - 1]) or (index == 0 and dated):
        return True
    if index + 1 < len(zone) and _is_role_or_handle(zone[index + 1].text):
        return True  # "Nnamdi Okafor" over "Senior Correspondent": the writer and the role
    for following in range(index + 1, min(len(zone), index + 1 + _MAX_BYLINE_EXTRAS + 1)):
        if date_lines[following]:
            return True
        text = zone[following].text
        about = ABOUT_THE_WRITER.match(text)
        if not _is_byline_extra(text) and not (about and about["name"] in zone[index].text):
            return False  # (a line about the writer may stand between her name and the date)
    return False


# Words of a writer's role or outlet line (a weekday is no role: "Talks resume on Monday").
_EXTRA_WORDS = JOB_WORDS - WEEKDAYS


def _is_byline_extra(text: str) -> bool:
    """A line that goes with the writer's name: a role ("Transport Correspondent"), a handle
    ("@janedoe"), the outlet ("Harbour Times") or the section ("Politics")."""
    if not _is_short_label(text):
        return False
    role = any(word.casefold().strip(",") in _EXTRA_WORDS for word in text.split())
    e_mail = re.fullmatch(r"\S+@\S+\.[a-z]{2,}", text, re.IGNORECASE) is not None
    listed = names_publication(text) or names_section(text)  # "Harbour Times", "Politics"
    return role or e_mail or text.startswith("@") or listed


def _is_role_or_handle(text: str) -> bool:
    """ "Senior Correspondent", "Staff writer, Harbour Times", "@janedoe": what only a
    writer's name has under it."""
    if not _is_short_label(text):
        return False
    role = any(word.casefold().strip(",") in ROLE_WORDS for word in text.split())
    return role or re.fullmatch(r"@\w+", text) is not None


def _is_short_label(text: str) -> bool:
    """A few words, no sentence: "Special to the Island Post", "Senior Reporter"."""
    words = text.split()
    return bool(words) and len(words) <= _MAX_EXTRA_WORDS and not text.endswith(".")


# A field of the meta line that names where the story came from and who edited it, beside its
# date: "Source: Xinhua | 2024-03-05 19:11:20 | Editor: Zhang Yu".
_SOURCE_OR_EDITOR_FIELD = re.compile(
    r"(?:^|(?<=[|·•]))\s*(?:source|editors?|edited by)\s*:[^|·•]*", re.IGNORECASE
)


def is_date_line(text: str, dates: list[LabelledDate], *, other_words: int = 3) -> bool:
    """A line that is mostly its dates: a weekday, a label, a time or a separator may remain,
    and up to ``other_words`` other words."""
    spans = [(found.match.start, found.match.end) for found in dates] or yearless_dates(text)
    if not spans:
        return False
    # The page's age and reading time may share the line: "• Last updated 1 day ago • 3 min read".
    rest = READ_TIME.sub(" ", re.sub(rf"\b{AGO}\b", " ", blank_out(text, spans), flags=re.I))
    rest = _SOURCE_OR_EDITOR_FIELD.sub(" ", rest)
    words = [
        word
        for word in re.sub(r"[|,;·•–—-]", " ", rest).split()
        if word.casefold().strip(".:()") not in DATE_LINE_WORDS
        and not _TIME_OR_ZONE.match(word.strip(".:()"))
    ]
    return len(words) <= other_words


def is_label(text: str) -> bool:
    """A kicker such as "News", "World" or "Review" standing alone above the article."""
    return len(text.split()) <= 3 and not CLOSES_SENTENCE.search(text)

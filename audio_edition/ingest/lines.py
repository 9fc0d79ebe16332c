"""Lines of a pasted page: the unit the text readers work on.

A paste comes in as raw lines; out go ``Unit``s, cleaned, with hard-wrapped paragraphs joined
and the page furniture a listener must not hear dropped (share buttons, credits, the boxes of
links to other stories).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from .boilerplate import (
    GALLERY_COUNTER,
    LABELS_OVER_CAPTIONS,
    is_boilerplate,
    is_newsletter_pitch,
    is_photo_credit,
    starts_link_list,
)
from .byline import BY_ALONE, GLUED_DATE, read_byline
from .credits import is_end_mark
from .dates import blank_out, find_dates

SENTENCE_END = ".!?\"”’')]…"
# Closing punctuation, after which only quotes, brackets, emoji or symbols may follow.
CLOSES_SENTENCE = re.compile(r"[.!?…:;,][\"”’')\]]*[^\w\s]*$")
# Headings are short.
MAX_HEADING_WORDS = 15
MAX_HEADING_CHARS = 120
# A caption is at most this long, and in the story at least this long.
_MAX_CAPTION_WORDS = 30
# A caption is a sentence's worth of words; five or fewer over a picture's credit are the
# heading the picture sits under ("Back up your photos" over "Screenshot by Jo Roe").
_MIN_CAPTION_WORDS = 6
# A label (a section's, the site's name) is at most this long: "Video", "Local news".
MAX_LABEL_WORDS = 4
# A poll's question is a sentence at most this long.
_MAX_POLL_QUESTION_WORDS = 25
# The title of a box in the story (a newsletter's name) is at most this long.
_MAX_BOX_TITLE_WORDS = 5
# A drop cap: the story's first letter set large, copied as a line of its own.
_DROP_CAP = re.compile(r"[A-Z]")
# A date line is at most this long.
_MAX_DATE_LINE_WORDS = 12
# A paragraph of the story (which a heading stands over) has at least this many words.
_MIN_PARAGRAPH_WORDS = 12
# A contents box lists at least this many of the story's headings.
_MIN_CONTENTS_ENTRIES = 3
# Titles in a box of links to other articles are at most this long.
_MAX_LINK_TITLE_WORDS = 20
_MAX_LINK_DATE_WORDS = 6  # "Wednesday, November 20, 2019 13:42"
# A heading under a box of lines (links, a caption, a list) is at most this long, and each
# line of the box at least this long and this many words longer than it.
_MAX_HEADING_UNDER_BOX_WORDS = 5
_MIN_BOX_LINE_WORDS = 5
_MIN_LONGER_BOX_LINE_WORDS = 3

# Words that title case leaves in lower case ("Ferry Returns to the Islands").
TITLE_SMALL_WORDS = frozenset(
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
        "in", "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "is",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """A line of the paste (hard-wrapped lines already joined)."""

    text: str
    words: int

    @property
    def is_short(self) -> bool:
        return self.words <= MAX_HEADING_WORDS and len(self.text) <= MAX_HEADING_CHARS

    @property
    def ends_sentence(self) -> bool:
        return bool(CLOSES_SENTENCE.search(self.text))


def split_units(text: str) -> list[Unit]:
    """Lines of the paste, cleaned, with hard-wrapped paragraphs joined back together."""
    lines: list[str] = []
    previous_blank = True
    for raw in text.splitlines():
        line = clean_line(raw)
        if not line:
            previous_blank = True
            continue
        if lines and _DROP_CAP.fullmatch(lines[-1]) and line[:1].islower():
            lines[-1] = lines[-1] + line  # "T" over "he wind rose": the first letter set large
        elif lines and not previous_blank and _is_wrapped(lines[-1], line):
            lines[-1] = lines[-1] + " " + line
        else:
            lines.append(line)
        previous_blank = False
    return [Unit(line, len(line.split())) for line in lines]


def clean_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\u200b", "")
    # "March 4, 20255:02 PM": a copy-paste glued the time to the year.
    line = re.sub(r"(?<=\b(?:19|20)\d\d)(?=[0-2]?\d:[0-5]\d\b)", " ", line)
    # "5 Mar 20245 Mar 2024", "03/05/2024March 5, 2024": a date printed twice, glued.
    line = re.sub(
        r"(?<=\b(?:19|20)\d\d)(?=[0-3]?\d [A-Z][a-z]{2}|[A-Z][a-z]{2,8}\.? \d)", " | ", line
    )
    line = GLUED_DATE.sub(r"\1 ", line)
    line = "".join(ch for ch in line if unicodedata.category(ch) != "Cc" or ch == "\t")
    line = re.sub(r"^/\s+(?=\w)", "", line)  # "/ The dek": a standfirst's glyph
    return " ".join(line.split())


def _is_wrapped(previous: str, line: str) -> bool:
    """True when ``line`` continues ``previous`` (text hard-wrapped at a fixed width)."""
    if len(previous) < 40 or previous.endswith(tuple(SENTENCE_END)):
        return False
    if re.match(r"by\s+[A-Z]", line):  # "by Jane Doe" under the headline is its byline
        return False
    return line[0].islower() or previous.endswith((",", ";", "-", "—"))


def drop_junk(units: list[Unit]) -> list[Unit]:
    """Drop page furniture, repeated lines, and the links listed under "Most Popular" & co."""
    seen: set[str] = set()
    kept: list[Unit] = []
    in_link_list = False
    listed: set[str] = set()  # the titles in the box of links, which a contents box repeats
    listed_words: list[int] = []
    keys = [_line_key(unit) for unit in units]
    # (what a screen reader is told of a picture, "Image copyright", and the line it labels)
    labels = [index for index, key in enumerate(keys) if key in LABELS_OVER_CAPTIONS]
    labelled = {*labels, *(index + 1 for index in labels)}
    contents = (
        _contents_list(units, keys)
        | _listed_before_their_section(units, keys)
        | _polls(keys)
        | labelled
        | _gallery_captions(units)
    )
    for index, (unit, key) in enumerate(zip(units, keys, strict=True)):
        if index in contents:
            continue
        if starts_link_list(unit.text):
            in_link_list, listed, listed_words = True, set(), []
            continue
        # The byline or date under the headline ends a box of links above it, the first
        # heading a contents box listed ends that box, and so does the story's next heading,
        # told from the box's headlines by its few words.
        if in_link_list and listed and _dates_listed_title(units, index):
            continue
        if (
            in_link_list
            and _is_link_title(unit)
            and not is_byline_or_date(unit.text)
            and not (key in listed and not _over_link_title(units, index))
            and not (
                is_heading_under_box(unit.words, listed_words)
                and index + 1 < len(units)
                and not _is_link_title(units[index + 1])
            )
        ):
            listed.add(key)
            listed_words.append(unit.words)
            continue
        in_link_list = False
        if key in seen and not BY_ALONE.fullmatch(key):
            continue  # (a label over each writer's name is printed once per writer)
        if (
            is_boilerplate(unit.text, headline=_may_be_headline(kept))
            and not _byline_over_date(units, index)
            and not is_end_mark(unit.text)  # "###": where the story ends, found later
        ):
            if is_photo_credit(unit.text) and (_is_header_caption(kept) or _is_caption(kept)):
                kept.pop()  # the caption of the picture goes with its credit
            elif is_newsletter_pitch(unit.text) and _is_box_title(kept):
                kept.pop()  # the sign-up box's title goes with its pitch
            continue
        seen.add(key)
        kept.append(unit)
    return kept


def _over_link_title(units: list[Unit], index: int) -> bool:
    """Whether a link title follows the line at ``index``: a box's section label ("FEATURES")
    is printed over each of its titles, while a title the box listed, set again over a
    paragraph, is where the story starts."""
    return index + 1 < len(units) and _is_link_title(units[index + 1])


def _dates_listed_title(units: list[Unit], index: int) -> bool:
    """Whether the line at ``index`` in a box of links is the date of the title over it: a
    date alone, with another title under it ("Elite Exaltas: the Nissan nicknames" over
    "December 18, 2015" over "FEATURES"). Under the last title, a date can't be told from
    the story's own, and is left to the reader of the header."""
    unit = units[index]
    dates = find_dates(unit.text) if unit.words <= _MAX_LINK_DATE_WORDS else []
    spans = [(found.match.start, found.match.end) for found in dates]
    date_alone = bool(spans) and not blank_out(unit.text, spans).strip(" ,|·•–—-:")
    return (
        date_alone
        and _over_link_title(units, index)
        and not is_byline_or_date(units[index + 1].text)
    )


def _may_be_headline(kept: list[Unit]) -> bool:
    """Whether the next line may be the headline: only labels are over it ("Video", "UAE"),
    and no byline or date, which come under the headline."""
    return all(unit.words <= MAX_LABEL_WORDS and not is_byline_or_date(unit.text) for unit in kept)


def _gallery_captions(units: list[Unit]) -> set[int]:
    """The indices of the captions under a gallery's counters ("Image 3 of 8" over "Dancers
    form circles around the flower stacks"): what follows a counter is its picture's caption,
    however it is punctuated, unless it is furniture of its own (a box of links, another
    counter)."""
    captions: set[int] = set()
    for index, (unit, following) in enumerate(pairwise(units)):
        if (
            GALLERY_COUNTER.fullmatch(unit.text)
            and following.words <= _MAX_CAPTION_WORDS
            and not starts_link_list(following.text)
            and not is_boilerplate(following.text)
        ):
            captions.add(index + 1)
    return captions


def _line_key(unit: Unit) -> str:
    """What makes two lines the same line: case and closing punctuation aside."""
    return unit.text.casefold().rstrip(" .:!")


def _contents_list(units: list[Unit], keys: list[str]) -> set[int]:
    """The indices of a contents box without its "Jump to:" label: a run of at least
    ``_MIN_CONTENTS_ENTRIES`` short lines that the story sets again, in the same order, further
    down (as its headings). The later lines are the ones to keep: they head the sections."""
    dropped: set[int] = set()
    start = 0
    while start < len(units):
        end = start
        repeats: list[int] = []  # where each entry of the run is set again, in order
        while end < len(units) and units[end].is_short and not units[end].ends_sentence:
            found = _index_after(keys, keys[end], max(end, repeats[-1] if repeats else end) + 1)
            if found < 0:
                break
            repeats.append(found)
            end += 1
        if end - start >= _MIN_CONTENTS_ENTRIES and repeats[0] >= end:
            dropped.update(range(start, end))
        start = max(end, start + 1)
    return dropped


def _listed_before_their_section(units: list[Unit], keys: list[str]) -> set[int]:
    """The indices of a list of short lines set before the places where they head sections (a
    live blog's "Key events", a box of the story's highlights), in any order: two or more
    lines in a row, each set again further down over a paragraph. The later copies are the
    ones to keep. A writer's name, over her bio at the end, is not one of them."""
    loose = [unit.is_short and not unit.ends_sentence for unit in units]
    heads = [
        loose[index]
        and index + 1 < len(units)
        and units[index + 1].words >= _MIN_PARAGRAPH_WORDS
        and units[index + 1].ends_sentence
        for index in range(len(units))
    ]
    last_heading = {key: index for index, key in enumerate(keys) if heads[index]}
    listed = [
        loose[index]
        and not heads[index]
        and last_heading.get(keys[index], -1) > index
        and read_byline(units[index].text) is None
        for index in range(len(units))
    ]
    beside = [False, *listed, False]  # a neighbour on either side is listed too
    return {
        index
        for index, is_listed in enumerate(listed)
        if is_listed and (beside[index] or beside[index + 2])
    }


# The buttons under a poll's options, and the answers a poll offers without them.
_POLL_BUTTONS = frozenset(
    {"vote", "vote now", "submit", "submit vote", "view results", "see results", "show results",
     "results"}
)  # fmt: skip
_POLL_ANSWERS = re.compile(r"(?:yes|no|not sure|maybe|don't know|undecided|unsure)\b.{0,40}")
_MAX_POLL_OPTIONS = 8
_MAX_POLL_OPTION_WORDS = 8


def _polls(keys: list[str]) -> set[int]:
    """The lines of the readers' polls: a question, its options ("Cole Whitaker", "Sign a
    free agent") and the button under them ("Vote", "View results"), or a question answered
    "Yes", "No", "Not sure" ("Was this guide helpful?")."""
    polls: set[int] = set()
    for index, key in enumerate(keys):
        if not key.endswith("?") or len(key.split()) > _MAX_POLL_QUESTION_WORDS:
            continue
        options = index + 1
        while (
            options < len(keys)
            and options - index <= _MAX_POLL_OPTIONS
            and keys[options] not in _POLL_BUTTONS
            and len(keys[options].split()) <= _MAX_POLL_OPTION_WORDS
            and not keys[options].endswith("?")
        ):
            options += 1
        answers = keys[index + 1 : options]
        if options < len(keys) and keys[options] in _POLL_BUTTONS and answers:
            end = options
            while end < len(keys) and keys[end] in _POLL_BUTTONS:
                end += 1
            polls.update(range(index, end))
        elif len(answers) >= 2:
            answered = [bool(_POLL_ANSWERS.fullmatch(answer)) for answer in answers]
            if answered[0] and answered[1]:
                last = next((i for i, ok in enumerate(answered) if not ok), len(answered))
                polls.update(range(index, index + 1 + last))
    return polls


def _index_after(keys: list[str], key: str, start: int) -> int:
    """Where ``key`` is found again from ``start`` on, or -1."""
    try:
        return keys.index(key, start)
    except ValueError:
        return -1


def _is_header_caption(kept: list[Unit]) -> bool:
    """Whether the last line kept is a caption between the byline or date and the story: a
    short line under them, with a photo credit under it."""
    return (
        len(kept) >= 2
        and kept[-1].words <= _MAX_CAPTION_WORDS
        and is_byline_or_date(kept[-2].text)
        and not is_byline_or_date(kept[-1].text)
    )


def _is_caption(kept: list[Unit]) -> bool:
    """Whether the last line kept, over a photo credit, is the picture's caption in the story:
    a sentence's worth of words after a paragraph, with no closing stop (a heading, shorter,
    may sit over a picture with only a credit), and no byline ("Words by Jo Roe & Ann Poe"
    over "Photographs by Kim Adler")."""
    if len(kept) < 2 or (kept[-2].is_short and not kept[-2].ends_sentence):
        return False
    caption = kept[-1]
    return (
        _MIN_CAPTION_WORDS <= caption.words <= _MAX_CAPTION_WORDS
        and not caption.ends_sentence
        and not is_byline_or_date(caption.text)
    )


def _is_box_title(kept: list[Unit]) -> bool:
    """Whether the last line kept is the title of a box inside the story ("The Health Brief"
    over its sign-up pitch): a few words in title case after a paragraph."""
    return (
        len(kept) >= 2
        and not (kept[-2].is_short and not kept[-2].ends_sentence)
        and kept[-1].words <= _MAX_BOX_TITLE_WORDS
        and not kept[-1].ends_sentence
        and is_title_case(kept[-1].text)
    )


def _byline_over_date(units: list[Unit], index: int) -> bool:
    """ "Jane Doe | Reuters" over the date line is the byline, though under a photo the same
    line is its credit."""
    following = units[index + 1] if index + 1 < len(units) else None
    return (
        following is not None
        and following.words <= _MAX_DATE_LINE_WORDS
        and bool(find_dates(following.text))
        and read_byline(units[index].text) is not None
    )


def is_heading_under_box(words: int, box_words: list[int]) -> bool:
    """Whether a line of ``words`` words under a box of lines of ``box_words`` words (other
    stories' headlines, a caption, a list) is short enough beside them to be the heading of
    the paragraphs that follow: "Jobs hit" under "Nickel miners brace for more pain"."""
    return (
        bool(box_words)
        and words <= _MAX_HEADING_UNDER_BOX_WORDS
        and min(box_words) >= max(_MIN_BOX_LINE_WORDS, words + _MIN_LONGER_BOX_LINE_WORDS)
    )


def is_byline_or_date(text: str) -> bool:
    return bool(find_dates(text)) or read_byline(text) is not None


def _is_link_title(unit: Unit) -> bool:
    """A short line without a closing period, as the titles in a box of links are, or cut
    short ("Sir, – Regarding housing targets...")."""
    cut_short = unit.text.endswith(("...", "…"))
    return unit.words <= _MAX_LINK_TITLE_WORDS and (
        cut_short or not unit.text.endswith((".", ".”", '."'))
    )


def is_title_case(text: str) -> bool:
    """Whether most words of the line (all but the small ones) start with a capital."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)

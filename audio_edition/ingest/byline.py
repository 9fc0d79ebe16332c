"""Who wrote it: the authors a byline line names.

Bylines come in many shapes: "By Jane Doe and John Roe", "11/19/2019 by Jane Doe", "Jane Doe |
The Daily", "Jane Doe, Science Editor", "Jane Doe @janedoe Nov 18, 2019", "Jane DoeView More
Articles", "Reuters, Washington". A line without "By" counts as a byline only when it starts
with a person's name (told from a label in ``names``: a first name the list knows, or a
name where bylines go) or with the name of a news agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import CONTACT_DETAIL, READ_TIME
from .dates import AGO, DATE_LINE_WORDS, LabelledDate, blank_out, days_without_year, find_dates
from .names import (
    COLLECTIVE_WORDS,
    HONORIFICS,
    JOB_WORDS,
    MONTH_WORDS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SECTION_WORDS,
    SUFFIX,
    WIRE_SERVICES,
    is_person_name,
    names_publication,
    names_section,
    with_surname_titled,
)

# "By", "Written by", "Analysis by", "Author:" before the names (not "Published by" or
# "Sponsored by", which name a company).
BY = re.compile(
    r"(?:^|(?<=\s))(?<!published\s)(?<!sponsored\s)(?<!presented\s)(?<!powered\s)"
    r"(?:(?:written|words|story|text|reporting|reported|article|analysis|opinion"
    r"|commentary|column|review|reviewed|recipe|interview|photos and text|submitted"
    r"|(?:words|story|text) and (?:photographs|photos|pictures|images))\s+by"
    r"|(?:authors?|writers?) of (?:the|this) (?:article|post|story)(?=\s*:)|by|authors?"
    r"|(?:words|text|contributors?|writers?|reporters?)(?=\s*:)"
    # "From Jane Doe, Enugu": a correspondent and where she files from, alone on the line.
    r"|^from(?-i:(?=\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*,\s*[A-Z][\w'’ -]{1,30}$)))"
    r"\s*:?\s*(?=\S)",
    re.IGNORECASE,
)
_WRITTEN_BY = re.compile(r"(?:^|(?<=\s))written\s+by\s*:?\s*(?=\S)", re.IGNORECASE)
# The label alone on its line, the names on the next: "By", "Written by:", "Authors:".
BY_ALONE = re.compile(
    r"(?:(?:written|words|story|text|reported|article)\s+)?by"
    r"|(?:authors?|writers?) of (?:the|this) (?:article|post|story)"
    r"|(?P<role>authors?|words|contributors?)",
    re.IGNORECASE,
)


# Labels a copy-paste glued to the name: "Marcus De GuzmanView More Articles".
_GLUED_LABEL = re.compile(
    r"(?<=[a-z.])(?=(?:View|More|Follow|Senior|Contributing|Contributor|Staff|Reporter|Editor"
    r"|Writer|Correspondent|Columnist|Updated|Published|Posted|Email|Bio)\b)"
)
# A button left at the end of the line: "Jane Doe Follow", "Jane Doe View profile".
_TRAILING_BUTTON = re.compile(
    r"\s+(?:follow|view (?:profile|bio|all posts)|more articles|email|bio|leave a comment"
    r"|\d+\s+comments?|comments?)\s*$",
    re.IGNORECASE,
)
# A label before a date on a byline line: "Jane Doe Published <date>".
_LABEL_BEFORE_DATE = re.compile(
    r"\b(?:first\s+)?(?:published|posted|updated|last\s+updated)(?:\s+on)?\s*:?\s*(?=\||$)",
    re.IGNORECASE,
)
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
# "Jane DoeMarch 3, 2024", "Jane Doe3 March 2024", "ShareMar 3, 2024": a name or a button's
# label glued to the date.
GLUED_DATE = re.compile(rf"([a-z])(?={_MONTH_NAME}\.?\s+\d|\d{{1,2}}\s+{_MONTH_NAME}\b)")
_CONTACT = re.compile(CONTACT_DETAIL, re.IGNORECASE)
_SEPARATORS = " ,;:|·•/–—-"


@dataclass(frozen=True)
class Byline:
    """Authors read from one line, with the dates the line also holds."""

    authors: tuple[str, ...]
    explicit: bool
    """True when the line says "By" (or "Author:"), rather than starting with a name."""

    dates: tuple[LabelledDate, ...] = ()
    """The dates on the same line, found after the copy-paste damage was undone."""


def tidy_byline(line: str) -> str:
    """Undo what a copy-paste glued together and drop e-mail, handles, links and phone numbers."""
    line = re.sub(r"^By(?=[A-Z][a-z])", "By ", line)  # "ByJane Doe"
    line = GLUED_DATE.sub(r"\1 ", _GLUED_LABEL.sub(" | ", line))
    line = re.sub(r"\(\s*\)|\[\s*\]", " ", _CONTACT.sub(" ", line))  # "(@janedoe)" -> ""
    line = READ_TIME.sub(" | ", line)
    line = _TRAILING_BUTTON.sub("", line)
    return " ".join(line.split())


def read_byline(line: str, *, bare: bool = True, beside_date: bool = False) -> Byline | None:
    """The authors named by ``line`` when it is a byline, else None.

    ``bare`` allows a line without "By" that starts with a person's or an agency's name. The
    first word of such a name must be a known first name, unless the line sits beside the date
    line (``beside_date``), where bylines go; there it must not be a publication's name.
    """
    text = tidy_byline(line)
    dates = tuple(find_dates(text))
    undated = blank_out(text, [(d.match.start, d.match.end) for d in dates], " | ")
    undated = blank_out(undated, days_without_year(undated), " | ")
    # "Jane Doe | Published 2h ago": the page's age stands where the date goes.
    undated, aged = _AGE_STAMP.subn(" | ", undated)
    undated = _LABEL_BEFORE_DATE.sub(" | ", undated)  # "Jane Doe Published <date>"
    lower_case = undated.islower()
    if lower_case:
        undated = undated.title()  # "by jane doe", but not "by the harbour wall"
    # "Medically reviewed by Dr. Ann Poe — Written by Jane Doe": the writer's label wins over
    # the credits set before it on the line.
    by = _WRITTEN_BY.search(undated) or BY.search(undated)
    if by and undated[by.end() :].strip():
        before, after = undated[: by.start()].strip(_SEPARATORS), undated[by.end() :]
        if by.re is _WRITTEN_BY:
            before = ""
        if before and after.startswith(before) and is_person_name(before):
            # "Jane Doe By Jane Doe Fox News": the name of the author's photo, then the byline
            # with the outlet glued on.
            return Byline((before,), explicit=True, dates=dates)
        if _only_date_words(before):
            authors = split_authors(after, explicit=True)
            if lower_case:
                authors = tuple(a for a in authors if is_person_name(a, known_first_name=True))
            if by[0].strip().casefold() == "from":
                authors = tuple(a for a in authors if not names_section(a))  # "From New York,"
            return Byline(authors, explicit=True, dates=dates) if authors else None
    if not bare:
        return None
    first, *rest = re.split(
        r"\s*[|·•/,;&(]\s*|\s+[-–—]\s+|\s+(?:and|with)\s+",
        undated.strip(_SEPARATORS),
        maxsplit=1,
    )
    if rest and (dates or aged) and _is_section_label(first) and rest[0].strip(_SEPARATORS):
        # "Local | Mandy Lai 27 Mar 2024": the section's label, then the byline.
        byline = read_byline(rest[0], bare=bare, beside_date=True)
        return Byline(byline.authors, byline.explicit, dates) if byline else None
    head, after_role = _after_leading_role(_without_place_or_role(first))
    if head.casefold() in WIRE_SERVICES:
        return Byline((head,), explicit=False, dates=dates)
    # Where bylines go, a name need not start with a first name the list knows: beside the
    # date line, after the writer's role ("Senior Reporter Nnamdi Okafor"), or on the date
    # line before the writer's outlet. Else it must: "Nnamdi Okafor | <date>" is set like
    # "Fact Check | <date>", and "Nnamdi Okafor, <date>" like "New York, <date>".
    by_position = (
        beside_date or after_role or aged or (bool(dates) and _followed_by_outlet(undated, first))
    )
    candidate = (
        head.title()
        if head.isupper()
        else " ".join(with_surname_titled(head.split(), any_first_name=bool(by_position)))
    )
    if lower_case and not is_person_name(candidate, known_first_name=True):
        return None
    if is_person_name(candidate, known_first_name=not by_position) and not (
        by_position and (names_publication(candidate) or names_section(candidate))
    ):
        # "Jane Doe, John Roe and Ann Poe": the others follow the first name.
        names = split_authors(undated.strip(_SEPARATORS))
        candidate = _without_title(candidate)
        authors = names if names and names[0].startswith(candidate) else (candidate,)
        return Byline(authors, explicit=False, dates=dates)
    if by_position:
        # "Wahyuningsih & Dimas Prasetyo": a one-word name listed with a full one.
        names = split_authors(undated.strip(_SEPARATORS))
        if len(names) >= 2 and names[0] == candidate:
            return Byline(names, explicit=False, dates=dates)
    # "New Delhi, City News Bureau | Updated ...": a staff signature on or beside the date line
    # (elsewhere, a line such as "Special Reports" is a section label).
    signed = dates or aged or beside_date
    parts = re.split(r"\s*[|·•/,;]\s*|\s+[-–—]\s+", undated.strip(_SEPARATORS)) if signed else []
    for part in parts:
        if _is_staff_signature(part):
            return Byline((part,), explicit=False, dates=dates)
    return None


# The page's age: "3 days ago", "yesterday".
_AGE = re.compile(rf"\b(?:{AGO}|yesterday|today)\b", re.IGNORECASE)
# The page's age on the byline line: "Published 2h ago", "3 hours ago", "Yesterday".
_AGE_STAMP = re.compile(
    r"(?:(?<=[|·•,])|(?<=\s[|·•-]))\s*(?:(?:published|posted|updated)\s*:?\s*)?"
    rf"(?:{AGO}|yesterday|today)\b",
    re.IGNORECASE,
)


def _is_section_label(part: str) -> bool:
    """ "Local", "World News": a word or two of the paper's sections, set before a byline."""
    words = part.casefold().split()
    return 1 <= len(words) <= 2 and all(word in SECTION_WORDS for word in words)


def _after_leading_role(head: str) -> tuple[str, bool]:
    """ "Staff Writer Jane Doe" -> ("Jane Doe", True): the role some pages print before the
    name; other heads come back as they are."""
    words = head.split()
    cut = 0
    while cut < len(words) and words[cut].casefold() in JOB_WORDS and words[cut][:1].isupper():
        cut += 1
    rest = " ".join(words[cut:])
    if cut and any(w.casefold() in ROLE_WORDS for w in words[:cut]) and is_person_name(rest):
        return rest, True
    return head, False


def _after_role_in_lower_case(part: str) -> str:
    """ "political reporter Jess Doe" -> "Jess Doe": the writer's role in lower case before
    the name, as some broadcasters print it after "By"."""
    role = re.match(r"(?:[a-z]+\s+){1,4}(?=[A-Z])", part)
    if role and role[0].split()[-1] in JOB_WORDS:
        return part[role.end() :]
    return part


def _followed_by_outlet(undated: str, first: str) -> bool:
    """Whether the name ``first`` is followed on its line by the writer's outlet or role:
    "Nnamdi Okafor, Island Post • <date>", "Nnamdi Okafor | Reuters | <date>"."""
    after = undated[undated.find(first) + len(first) :].strip(_SEPARATORS)
    outlet = re.split(r"\s*[|·•/,;]\s*|\s+[-–—]\s+", after)[0]
    return bool(outlet) and (
        outlet.casefold() in WIRE_SERVICES
        or re.fullmatch(r"[A-Z]{2,5}", outlet) is not None  # an agency's initials: "TNN"
        or names_publication(outlet)
        or any(word.casefold() in ROLE_WORDS for word in outlet.split())
    )


def _is_staff_signature(part: str) -> bool:
    """ "HNN Staff", "News Nation Bureau": an outlet's name and a word for its staff."""
    words = part.split()
    # (a station's name may start with its channel: "13 Action News Staff")
    named = part[:1].isupper() or (part[:1].isdigit() and len(words) > 2)
    return 2 <= len(words) <= 4 and words[-1].casefold() in COLLECTIVE_WORDS and named


def _without_place_or_role(head: str) -> str:
    """ "Jane Doe in Stockholm" -> "Jane Doe"; "Jane Doe Transport correspondent" -> "Jane Doe":
    the place after "in", "at" or "for", or a role in lower case, follows the name."""
    head = re.split(r"\s+(?:in|at|for)\s+(?:the\s+)?(?=[A-Z])", head, maxsplit=1)[0]
    head = _name_before_affiliation(head) or head
    words = head.split()
    for index, word in enumerate(words[2:], start=2):
        if word.casefold() in JOB_WORDS and word.islower():
            # The role starts at the capitalized word before its job title, if there is one.
            start = index - 1 if words[index - 1][:1].isupper() and index > 2 else index
            return " ".join(words[:start])
    return head


def _name_before_affiliation(part: str) -> str | None:
    """ "Jane Doe Associated Press", "Jane Doe The Island Post", "JANE DOE Correspondent": the
    name, when what a lost separator glued to it is an agency, a paper or a role."""
    words = part.split()
    cuts = []
    for cut in range(2, len(words)):
        name = " ".join(words[:cut])
        name = name.title() if name.isupper() else name
        if is_person_name(name) and not names_publication(name) and words[cut][:1].isupper():
            cuts.append((name, words[cut:]))
    # An agency, "The ..." or a role is told for sure; a paper only by its last word.
    for name, rest in cuts:
        if (
            " ".join(rest).casefold() in WIRE_SERVICES
            or (rest[0] == "The" and len(rest) > 1)
            or all(word.casefold() in ROLE_WORDS | ROLE_MODIFIERS for word in rest)
            or (len(rest) <= 3 and rest[-1].casefold() in ROLE_WORDS)  # "Investigations Editor"
        ):
            return name
    # (a paper of one word is no affiliation: "Mesa Ridge Sentinel" is the paper's whole name)
    return next(
        (name for name, rest in cuts if len(rest) > 1 and names_publication(" ".join(rest))), None
    )


def _only_date_words(text: str) -> bool:
    """True for what may stand before "By" on a date line: nothing, separators, labels such
    as "Published" and "Updated" (the dates themselves are blanked out), or the page's age
    ("Posted 3 days ago by Jane Doe")."""
    text = _AGE.sub(" ", text)
    words = re.sub(r"[|,;:·•/–—-]", " ", text).split()
    return all(word.casefold().strip(".()") in DATE_LINE_WORDS for word in words)


def split_authors(names: str, *, explicit: bool = False) -> tuple[str, ...]:
    """ "Jane Doe, Science Editor and John Roe" -> ("Jane Doe", "John Roe").

    Parts that are not names (a role, an outlet, a place) are left out.
    """
    # "Ann Poe in Madrid and Jo Roe in Oslo": where each writer is, before the next one.
    names = re.sub(
        r"\s+(?:in|at)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=\s*(?:[,;&]|and\s))", "", names
    )
    names = re.split(
        r"\s+(?:for|at|in|of|FOR|AT|IN|OF)\s+(?:the\s+|THE\s+)?[A-Z]", names, maxsplit=1
    )[0]
    names = re.sub(r"\s+(?:on|at)\s*(?=\||$)", " ", names)  # "by Jane Doe on <date>"
    names = re.split(r"\s+(?=(?:Updated|Published|Posted|Last [Uu]pdated)\b)", names, maxsplit=1)[0]
    # "Jane Doe (now) and John Roe (earlier)": a live blog's notes on who writes when.
    names = re.sub(r"\s*\((?:now|earlier|later|previously|until \S+|from \S+)\)", "", names)
    names = re.split(r"\s*[|•·/(]\s*|\s+[-–—]\s+", names)[0]  # "Jane Doe (Island Post)"
    if names.isupper():  # "TOMOKO OTAKI AND GABRIEL DOMINGO"
        names = re.sub(r"\b(?:AND|WITH)\b", lambda joiner: joiner[0].lower(), names)
    # "with" joins a co-writer or the agency the story draws on ("By Jane Doe with Reuters").
    # "Ann Poe, Staff Engineer; Jo Roe, Manager": a semicolon between writers with roles.
    pieces = re.split(
        r"(\s*,\s*(?:and\s+)?|\s*;\s*|\s+and\s+|\s*&\s*|\s+with\s+)", names.strip(" ,;-–—")
    )
    authors: list[str] = []
    joiner = ""
    for index in range(0, len(pieces), 2):
        # "GarberFOXBusiness": the site's name glued to the author's by a lost space.
        part = re.split(r"(?<=[a-z])(?=[A-Z]{2,})", pieces[index].strip(" ."))[0]
        part = _name_before_affiliation(part) or part
        part = _after_role_in_lower_case(part)
        if part.isupper() and len(part) > 3:
            part = part.title()
        part = " ".join(with_surname_titled(part.split(), any_first_name=explicit))
        if re.search(r"\b(?:Jr|Sr)$", part):
            part += "."  # the suffix keeps its full stop
        if authors and SUFFIX.fullmatch(part) and "," in joiner:
            authors[-1] = f"{authors[-1]}, {part}"  # "Ed Begley, Jr."
            joiner = pieces[index + 1] if index + 1 < len(pieces) else ""
            continue
        # After a bare comma a place or an outlet may follow ("Jane Doe, New York"): only a
        # name with a known first name counts there; "and" says a name follows, and so does
        # a list that goes on to one ("A, B and C").
        listed = any(re.search(r"\band\b|&", j) for j in pieces[index + 1 :: 2])
        after_comma = (
            bool(authors)
            and "and" not in joiner
            and "&" not in joiner
            and ";" not in joiner
            and (not listed or names_publication(part))
        )
        if part and (
            is_person_name(part, known_first_name=after_comma)
            or _is_signature(
                part, explicit and not authors, after_person=bool(authors), alone=len(pieces) == 1
            )
            or _is_single_name_in_list(pieces, index, explicit=explicit)
        ):
            authors.append(_without_title(part))
        joiner = pieces[index + 1] if index + 1 < len(pieces) else ""
    return tuple(authors)


def _is_single_name_in_list(pieces: list[str], index: int, *, explicit: bool) -> bool:
    """A one-word name joined by "and" or "&" to a person's full name in a list of writers, as
    many Indonesians and others are named ("Wahyuningsih & Dimas Prasetyo"); after "By" or
    "Reporter:" a comma joins it to the name after it too ("Sutrisno, Dewi Kartika Sari"; a
    word after a name and a comma is a place: "Jane Doe, Jakarta")."""
    part = pieces[index].strip(" .")
    if not _is_word(part) or not part[:1].isupper() or part.isupper():
        return False
    key = part.casefold()
    if key in JOB_WORDS | MONTH_WORDS | COLLECTIVE_WORDS or key in WIRE_SERVICES:
        return False
    if names_section(part) or names_publication(part):
        return False
    after = _LISTED_AFTER if explicit else _LISTED
    # (the name, the joiner and how it may join) on each side
    neighbours = [(index - 2, index - 1, _LISTED), (index + 2, index + 1, after)]
    return any(
        0 <= other < len(pieces)
        and joiner_shape.fullmatch(pieces[joiner]) is not None
        and is_person_name(pieces[other].strip(" ."))
        for other, joiner, joiner_shape in neighbours
    )


# How a one-word name joins the full name beside it; after "By", a comma joins it to the next.
_LISTED = re.compile(r"\s*(?:and|&)\s*")
_LISTED_AFTER = re.compile(r"\s*(?:,|and|&)\s*")


def _without_title(name: str) -> str:
    """The name as a catalogue or a feed gives it: "Dr. Jane Doe" -> "Jane Doe"."""
    title, _, rest = name.partition(" ")
    return rest if title.casefold() in HONORIFICS and rest else name


def _is_signature(
    part: str, first_of_explicit: bool, *, after_person: bool = False, alone: bool = False
) -> bool:
    """A signature that is not a person's name: an agency, or after "By" a staff byline
    ("HNN Staff") or a one-word handle alone after it ("By admin", not "By morning, crews
    had ...")."""
    key = part.casefold()
    if key in WIRE_SERVICES:
        return not after_person  # "Jane Doe, Reuters": the agency is her outlet
    if not first_of_explicit:
        return False
    words = key.split()
    if len(words) == 1:
        return (
            alone
            and words[0] not in JOB_WORDS
            and words[0] not in MONTH_WORDS
            and _is_word(words[0])
        )
    # "By The Island Post", "By The Editorial Board": the paper signs.
    if words[0] == "the" and len(words) <= 5 and all(w[:1].isupper() for w in part.split()):
        return True
    return _is_staff_signature(part)


def _is_word(word: str) -> bool:
    return bool(re.fullmatch(r"[^\W\d_][\w.'’-]*", word))

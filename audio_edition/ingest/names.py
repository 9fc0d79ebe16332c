"""A person's name told from a label: "Jane Doe" from "Local Politics", "Island Post" or
"Senior Correspondent".

The word lists of bylines (news agencies, writers' roles, the last words of papers' names,
sections of a paper, words place names are made with) and the first-name list shipped with
gender-guesser (about 40,000 names of many countries) decide it.
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import Any

from .dates import MONTHS, WEEKDAYS

# News agencies, which sign wire copy in place of a person.
WIRE_SERVICES = frozenset(
    {
        "associated press", "the associated press", "ap", "reuters", "thomson reuters", "afp",
        "agence france-presse", "pti", "press trust of india", "ians", "ani", "upi", "dpa",
        "bloomberg", "aap", "xinhua", "efe", "ansa", "kyodo", "kyodo news", "yonhap",
        "canadian press", "the canadian press", "cnn wire", "bloomberg news",
    }
)  # fmt: skip
# What a writer is: the line under a name that holds one of these is the writer's role.
ROLE_WORDS = frozenset(
    {
        "editor", "reporter", "correspondent", "writer", "contributor", "columnist", "producer",
        "journalist", "analyst", "critic", "photographer", "author", "staff",
    }
)  # fmt: skip
# Words that go before a role: "Senior Correspondent", "Contributing Writer".
ROLE_MODIFIERS = frozenset(
    {"senior", "chief", "associate", "deputy", "contributing", "freelance", "special", "guest"}
)
# Job titles and labels: a byline part holding one of these is a role, not a name.
JOB_WORDS = ROLE_WORDS | frozenset(
    {
        "senior", "chief", "associate", "deputy", "contributing", "freelance", "special",
        "intern", "host", "anchor", "director", "manager", "president", "founder", "professor",
        "news", "desk", "team", "press", "agency", "bureau", "newsroom", "wire", "guest",
        "view", "more", "articles", "follow", "profile", "bio", "updated", "published",
        "posted", "photo", "photos", "image", "courtesy", "credit", "video", "getty",
        "publication", "release", "statement", "sponsored", "partner",
    }
    | WEEKDAYS  # "Jane Doe Monday" is a name and the day of the date line
)  # fmt: skip
# The last word of many a paper's or site's name.
PUBLICATION_WORDS = frozenset(
    {
        "times", "post", "news", "herald", "journal", "tribune", "gazette", "daily", "press",
        "media", "magazine", "chronicle", "observer", "telegraph", "guardian", "independent",
        "express", "globe", "review", "today", "weekly", "online", "tv", "radio", "network",
        "courier", "dispatch", "examiner", "inquirer", "bulletin", "record", "register",
        "reporter", "standard", "star", "sun", "mail", "mirror", "monitor", "insider", "wire",
        "sentinel", "advocate", "enquirer", "ledger", "beacon", "citizen", "argus", "pioneer",
        "statesman", "leader", "messenger", "intelligencer", "dealer", "gleaner", "clarion",
    }
)  # fmt: skip
# Words of the sections a paper is divided into, which label a story as bylines sign it.
SECTION_WORDS = frozenset(
    {
        "news", "world", "sport", "sports", "business", "politics", "opinion", "health",
        "science", "technology", "tech", "culture", "entertainment", "lifestyle", "life",
        "style", "travel", "food", "arts", "books", "money", "markets", "economy", "weather",
        "crime", "education", "environment", "climate", "local", "national", "international",
        "breaking", "latest", "top", "estate", "east", "league", "cup", "change", "elections",
        "election", "policy", "media", "music", "film", "games", "gaming", "reviews", "review",
        "video", "videos", "podcasts", "features", "analysis", "home", "region", "asia",
        "europe", "africa", "americas", "us", "uk", "fact", "check", "explainer", "explained",
        "exclusive", "special", "live", "updates", "obituaries", "letters", "comment",
        "investigations",
    }
)  # fmt: skip
# Words place names are made with: "New Delhi | <date>" is where, not who.
PLACE_WORDS = frozenset(
    {
        "new", "los", "las", "san", "santa", "saint", "st.", "fort", "port", "lake", "mount",
        "city", "county", "beach", "springs", "valley", "bay", "north", "south", "west",
        "island", "islands", "district", "province", "state", "kong", "york", "angeles",
    }
)  # fmt: skip
# A staff byline names the outlet and then one of these: "HNN Staff", "News Nation Bureau".
COLLECTIVE_WORDS = frozenset({"staff", "bureau", "desk", "team", "newsroom", "reports", "wire"})
# Titles before a name: "Dr. Jane Doe" is a person's name.
HONORIFICS = frozenset(
    {
        "dr.", "dr", "prof.", "prof", "rev.", "sir", "dame", "mr.", "mrs.", "ms.", "hon", "hon.",
        # An office-holder's op-ed: "By Sen. Jane Doe", "By Gov. John Roe", "Cllr Ann Poe".
        "sen.", "rep.", "gov.", "gen.", "col.", "lt.", "capt.", "maj.", "sgt.", "adm.", "fr.",
        "cllr", "cllr.",
    }
)  # fmt: skip
NAME_PARTICLES = frozenset(
    {
        "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "del", "della", "dos",
        "das", "do", "ter", "ten", "zu", "af", "bin", "binti", "bint", "ibn", "al", "el", "ap",
        "ó", "ní",
    }
)  # fmt: skip
# "al-Qahtani", "el-Din": an Arabic article joined to the name it belongs to.
_ARTICLE_JOINED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ud)-[^\W\d_]*[A-Z][^\W\d_'’-]*")
MONTH_WORDS = frozenset(
    {name.casefold() for name in calendar.month_name[1:]} | set(MONTHS) | {"sept"}
)
INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
# Words no name is made of, though the first-name list knows some ("The").
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "and", "or", "of", "for", "in", "on", "at", "to", "with", "by", "from"}
)
# A generational suffix ends a name: "Martin Luther King Jr.", "John Smith III".
SUFFIX = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def names_section(text: str) -> bool:
    """ "Middle East", "Real Estate", "New Delhi": a section of the paper or a place, not a
    writer."""
    return any(word in SECTION_WORDS or word in PLACE_WORDS for word in text.casefold().split())


def names_publication(text: str) -> bool:
    """ "Harbour Times", "Island Post", "Skarvik Daily News": a name that ends like a paper's,
    a station's or a site's."""
    words = text.casefold().split()
    return bool(words) and words[-1].split("-")[-1] in PUBLICATION_WORDS  # "Courier-Journal"


def is_person_name(text: str, *, known_first_name: bool = False) -> bool:
    """Two to five capitalized words with no job title or web address among them, not
    starting with a month; with
    ``known_first_name``, the first word (not an initial) must be a known first name."""
    words = text.split()
    if words and words[0].casefold() in HONORIFICS:
        words = words[1:]
    if words and SUFFIX.fullmatch(words[-1]):
        words = words[:-1]
    if not 2 <= len(words) <= 5 or words[0].casefold() in NAME_PARTICLES:
        return False
    words = with_surname_titled(words)
    for position, word in enumerate(words, start=1):
        key = re.sub(r"['’]s$", "", word.casefold().strip(".,"))  # "Editor's Note"
        # A function word may end a name ("Nguyen Van An"), never start or join one.
        function_word = (
            key in _FUNCTION_WORDS and position < len(words) and not INITIALS.fullmatch(word)
        )
        if key in JOB_WORDS or function_word or re.search(r"\.[a-z]{2,}$", word):
            return False
        if not (_is_name_word(word) or key in NAME_PARTICLES):
            return False
    # "November Nineteen" is a date; "April Ryan" and "Theresa May" are people.
    if words[0].casefold().strip(".") in MONTH_WORDS and not is_first_name(words[0]):
        return False
    if not known_first_name:
        return True
    first = next((w for w in words if not INITIALS.fullmatch(w)), "")
    return first != words[-1] and is_first_name(first)


def _surname_in_capitals(words: list[str], *, any_first_name: bool) -> bool:
    """ "Jane DOE", "Anne-Marie LE BRUN": the family name in capitals after a known first
    name, as many European and African papers print it."""
    return (
        _is_name_word(words[0])
        and all(len(word) > 1 and word.isupper() and _LETTERS.fullmatch(word) for word in words[1:])
        and (any_first_name or is_first_name(words[0]))
    )


def _family_name_first_in_capitals(words: list[str]) -> bool:
    """ "YAMAGUCHI Haruka", "NGUYEN Van An": the family name first, in capitals, as Japanese and
    Vietnamese papers print it (a call sign has no vowel: "KLMV Staff")."""
    first = words[0]
    return (
        len(first) > 2
        and first.isupper()
        and bool(_LETTERS.fullmatch(first))
        and re.search(r"[AEIOUY]", first) is not None
        and all(_is_name_word(word) and not word.isupper() for word in words[1:])
    )


def with_surname_titled(words: list[str], *, any_first_name: bool = False) -> list[str]:
    """ "Jane DOE" -> "Jane Doe": said as a name, not spelled out, and tagged as one.

    Where the line is surely a byline (``any_first_name``: after "By", or beside the date), the
    first name need not be one the list knows ("Oluwaseun ADEYEMI"), and a family name in
    capitals may come first ("YAMAGUCHI Haruka")."""
    if len(words) < 2:
        return words
    if _surname_in_capitals(words, any_first_name=any_first_name):
        return [words[0], *(word.title() for word in words[1:])]
    if any_first_name and _family_name_first_in_capitals(words):
        return [words[0].title(), *words[1:]]
    return words


# A given name cut short with a full stop, as Filipino, South Asian and Malay papers print
# them: "Ma. Cristina" (Maria), "Md." and "Mohd." (Mohammad).
_ABBREVIATED_NAME = re.compile(r"[A-Z][a-z]{1,3}\.")


def _is_name_word(word: str) -> bool:
    """ "Jane", "Zoë", "McBride", "O'Neil", "J.", "J.R." or "al-Harbi": capitalized letters,
    any script."""
    if INITIALS.fullmatch(word) or (
        _ABBREVIATED_NAME.fullmatch(word) and word.casefold() not in HONORIFICS
    ):
        return word[0].isupper()
    if _ARTICLE_JOINED.fullmatch(word):
        return True
    return bool(_LETTERS.fullmatch(word)) and word[0].isupper() and any(c.islower() for c in word)


@functools.cache
def _first_names() -> Any:
    # Loaded on first use (0.1 s): the list is only needed for lines without "By".
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def is_first_name(word: str) -> bool:
    """A first name the list knows; of a double one ("Marie-Ève"), its first part will do."""
    return any(_first_names().get_gender(name) != "unknown" for name in (word, word.split("-")[0]))

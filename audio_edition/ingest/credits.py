"""Who signs a story at its end, and which of its last lines are credits rather than story.

Wire copy ends with its credits ("Reporting by Jane Doe; Editing by John Roe"), an op-ed with a
sign-off ("— Jane Doe"), a US paper's story with how to reach the writer ("Email Jane Doe at
..."). These name the writer when the byline at the top did not, and are not read; a line
about the writer ("Jane Doe is a staff writer for ...") names the writer and is read, as a
radio piece names its reporter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .boilerplate import CONTACT_DETAIL, is_contact_line
from .byline import split_authors
from .dates import find_date
from .names import ROLE_WORDS, is_person_name

END_CREDIT = re.compile(
    r"^(?:\(?(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b[^;]*;?\s*)+"
    r"\)?$"
    # Who else helped: "Contributing: Jo Roe", "With files from Jo Roe in Toronto", "Jo Roe in
    # Salem contributed to this report."
    r"|^(?:contributing|contributors?)\s*:\s*[^.]{2,80}\.?$|^with files from\b[^.]{2,80}\.?$"
    r"|^[^.]{3,120}\bcontributed(?: reporting)? to (?:this|the) (?:report|story|article)\.?$"
    # "Abigail Roe and Ben Poe contributed.", "Jane Doe reported from Seoul, and Jo Roe from
    # Hong Kong."
    r"|^(?-i:[A-Z][\w.'’-]*(?:,?\s+(?:and\s+)?[A-Z][\w.'’-]*){1,7})\s+contributed"
    r"(?: reporting| research)?\.?$"
    r"|^(?-i:[A-Z])[\w.'’-]*(?:\s+[\w.'’-]+){1,3}\s+reported from\b[^.]{2,80}\.?$"
    r"|^(?:from )?staff and (?:wire|news) (?:service )?reports\.?$",
    re.IGNORECASE,
)
_SIGNED_BY = re.compile(r"(?:^|;)\s*\(?(?:reporting|writing)\s+by\s+([^;)]+)", re.IGNORECASE)
# The credits are looked for among the story's last lines.
_CREDIT_REACH = 5
_MAX_STAMP_WORDS = 10
_SIGN_OFF_REACH = 3
_MAX_ROLE_WORDS = 4
SIGN_OFF = re.compile(r"^[—–-]\s*(?P<name>[^\W\d_][\w.'’ -]+)$")
# "(By Chen Yun-hsuan and Huang Li-chun)": the byline in brackets under an agency's story.
_BRACKETED_BYLINE = re.compile(r"^\(\s*by\s+(?P<names>[^()]{3,80})\)$", re.IGNORECASE)
_NAME = r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,4}?)"
_CONTACT_THE_WRITER = re.compile(
    rf"^(?:e-?mail|contact|reach|follow|write to|message)\s+{_NAME}\s+(?:at|on|via|@|:)", re.I
)
_WRITER_CAN_BE_REACHED = re.compile(
    rf"^{_NAME}\s+(?:can|may)\s+be\s+(?:reached|contacted|emailed|followed)\b", re.I
)
ABOUT_THE_WRITER = re.compile(
    rf"^(?:about the author:?\s*)?{_NAME}\s+(?:(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|critic)s?\b"
    r"|(?:covers|writes about|reports on)\s)",
    re.I,
)
# A blog's signature under the post: "Posted by Jane Doe at 9:14 PM".
_POSTED_BY = re.compile(rf"^posted by {_NAME}(?:\s+(?:at|on)\s+[\w:,. ]{{1,30}})?$", re.I)
# The writer's card under the story: "Jane Doe | jdoe@post.example | @janedoe".
_WAY_TO_REACH = rf"(?:(?:e-?mail|twitter|x|instagram|phone|tel)\s*:?\s*)?(?:{CONTACT_DETAIL})"
_CONTACT_CARD = re.compile(
    rf"^{_NAME}(?:(?:\s*[|·•,;:/]\s*|\s+[-–—]\s+|\s+){_WAY_TO_REACH})+\.?$", re.IGNORECASE
)
# How the last lines name the writer, whether the line is read, and whether it counts only
# with a way to reach the writer in it ("Email Jane Doe at ...", not "Contact Jane Doe's
# office").
WRITER_NOTES = (
    (_CONTACT_THE_WRITER, False, True),
    (_WRITER_CAN_BE_REACHED, False, True),
    (_POSTED_BY, False, False),
    (_CONTACT_CARD, False, True),
    (ABOUT_THE_WRITER, True, False),
)
# What makes a line a way to reach someone: an address or handle, a phone number, a network.
_CONTACT_DETAIL = re.compile(
    r"@|\d{3}[\s.-]\d{4}\b|\b(?:twitter|facebook|instagram|linkedin|threads|bluesky|mastodon)\b",
    re.IGNORECASE,
)


# Lines after which a story has ended: a press release's end mark and its contacts, the
# notes for editors, the legal notice, the list of references.
_END_MARKS = frozenset(
    {
        "###", "# # #", "ends", "-ends-", "- ends -", "-30-", "media contact", "media contacts",
        "press contact", "press contacts", "media enquiries", "media inquiries",
        "press enquiries", "press inquiries", "notes to editors", "note to editors",
        "notes for editors", "forward-looking statements", "references", "bibliography",
        "footnotes", "works cited", "suggested citation", "sources", "cite this page",
        "cite this article", "leave a reply", "leave a comment", "post a comment",
        "add a comment", "comments are closed", "discussion about this post",
        "comments will be moderated", "submit a comment",
    }
)  # fmt: skip
_CONTACTS_LABEL = re.compile(r"^(?:media|press) (?:contacts?|enquiries|inquiries)\s*:", re.I)
_SOURCE_LINE = re.compile(r"^SOURCE\s+[A-Z][\w&.,' -]{1,60}$")  # "SOURCE Kestrel Robotics"


def story_end(paragraphs: Sequence[str]) -> int:
    """Where the story ends: at the first end mark ("###", "Media contacts", "References")
    or readers' comment in its second half, else after its last paragraph."""
    for index in range(max(1, len(paragraphs) // 2), len(paragraphs)):
        if is_end_mark(paragraphs[index]):
            return index
        if paragraphs[index].strip().casefold() == "reply":
            return _comment_start(paragraphs, index)
    return len(paragraphs)


# A reader's comment is headed by the reader's name over the date, or by "Margo says:".
_COMMENT_REACH = 4
_SAYS = re.compile(r"^[\w.'’ -]{1,40}\s+(?:says|said|wrote)\s*:?$", re.IGNORECASE)


def _comment_start(paragraphs: Sequence[str], reply: int) -> int:
    """Where the comment over the "Reply" button at ``reply`` starts: at its "... says" line,
    or at the name over its date; the button alone when neither is found."""
    for index in range(reply - 1, max(0, reply - _COMMENT_REACH) - 1, -1):
        text = paragraphs[index].strip()
        if _SAYS.match(text):
            return index
        if len(text.split()) <= _MAX_STAMP_WORDS and find_date(text) is not None:
            name = index - 1
            return name if name > 0 and len(paragraphs[name].split()) <= _MAX_ROLE_WORDS else index
    return reply


def is_end_mark(line: str) -> bool:
    """ "###", "-30-", "Media contacts:", "References", "SOURCE Kestrel Robotics"."""
    text = line.strip()
    if _CONTACTS_LABEL.match(text):
        return True  # "Media Contact: Priya Raman, press@..." on one line
    return text.casefold().rstrip(" :.") in _END_MARKS or _SOURCE_LINE.match(text) is not None


def end_credits(paragraphs: Sequence[str]) -> tuple[set[int], tuple[str, ...]]:
    """Which of the story's ``paragraphs`` are its closing credits (not read), and the writers
    they name. Wire credits close the story: what a paste has after them is the page's footer."""
    for index in range(len(paragraphs) - 1, max(0, len(paragraphs) - _CREDIT_REACH) - 1, -1):
        credit = paragraphs[index]
        signed = _BRACKETED_BYLINE.match(credit)
        if index > 0 and (END_CREDIT.match(credit) or signed):
            found = [signed["names"]] if signed else _SIGNED_BY.findall(credit)
            names = " and ".join(match.strip() for match in found)
            writers = split_authors(names, explicit=True) if names else ()
            # (the writers' notes may stand over the credits: "Jane Doe" over "Jane Doe is a
            # producer based in Seoul", then "Jo Roe contributed.")
            notes, noted = writer_notes(paragraphs[:index])
            return set(range(index, len(paragraphs))) | notes, writers or noted
    # "— Jane Doe" signs a letter or a newsletter off; what the page prints under it (a pitch
    # to subscribe, the likes) is its footer.
    for index in range(len(paragraphs) - 1, max(0, len(paragraphs) - _SIGN_OFF_REACH) - 1, -1):
        sign_off = SIGN_OFF.match(paragraphs[index])
        if index > 0 and sign_off and is_person_name(sign_off["name"].strip()):
            return set(range(index, len(paragraphs))), (sign_off["name"].strip(),)
    # "Yours, etc," over "MAIREAD FOLEY," and her town: a letter to the editor signed.
    for index in range(len(paragraphs) - 2, max(0, len(paragraphs) - _CREDIT_REACH) - 1, -1):
        if index > 0 and _VALEDICTION.fullmatch(paragraphs[index].strip()):
            name = paragraphs[index + 1].strip().rstrip(",.")
            if is_person_name(name.title() if name.isupper() else name):
                return set(range(index, len(paragraphs))), split_authors(name, explicit=True)
    return writer_notes(paragraphs)


# How a letter signs off, over its writer's name.
_VALEDICTION = re.compile(
    r"(?:yours(?:,? (?:etc|sincerely|faithfully|truly))?|sincerely|regards|kind regards"
    r"|best wishes)\W*",
    re.IGNORECASE,
)


def writer_notes(paragraphs: Sequence[str]) -> tuple[set[int], tuple[str, ...]]:
    """Where the writer's contact lines are among the last ``paragraphs`` (never the first),
    which are not read, and the writer named there or in a line about the writer."""
    contact_lines: set[int] = set()
    writer: tuple[str, ...] = ()
    for index in range(len(paragraphs) - 1, max(0, len(paragraphs) - _CREDIT_REACH), -1):
        text = paragraphs[index]
        if is_contact_line(text):
            contact_lines.add(index)  # "twitter.com/jdoe" under the writer's note
            continue
        for pattern, read, needs_contact in WRITER_NOTES:
            match = pattern.match(text)
            if not match or not is_person_name(match["name"]):
                continue
            if not needs_contact or _CONTACT_DETAIL.search(text):
                writer = writer or (match["name"],)
                if not read:
                    contact_lines.add(index)
                if pattern is ABOUT_THE_WRITER:
                    contact_lines.update(_bio_box_header(paragraphs, index, match["name"]))
            break
    return contact_lines, writer


def _bio_box_header(paragraphs: Sequence[str], about: int, name: str) -> set[int]:
    """The lines over a line about the writer that head the writer's box: the name, and the
    role under it ("Jane Doe", "Senior Reporter"), which would be heard as a heading. (A name
    the byline printed has already gone as a repeated line.)"""
    header: set[int] = set()
    index = about - 1
    if index > 0 and _is_role_line(paragraphs[index]):
        header.add(index)
        index -= 1
    if index > 0 and paragraphs[index].strip().casefold() == name.strip().casefold():
        header.add(index)
    return header


def _is_role_line(text: str) -> bool:
    """ "Journalist", "Senior Reporter", "Contributing Writer": a writer's role alone."""
    words = text.casefold().split()
    return 0 < len(words) <= _MAX_ROLE_WORDS and words[-1] in ROLE_WORDS

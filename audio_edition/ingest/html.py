"""HTML page -> Article.

trafilatura finds the article body (and drops navigation, comments, ads and widgets); the
page's own markup (``metadata``) decides headline, authors and date, because that is where
publishers state them exactly; trafilatura's own guesses come last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Article, Published, Section, sections_to_read
from .boilerplate import is_boilerplate, pull_quotes
from .byline import read_byline, split_authors
from .credits import story_end, writer_notes
from .dates import calendar_day, find_date, find_dates
from .header import is_label
from .markup import clean_text, in_other_articles, named_in_article
from .metadata import choose_headline, page_metadata, parse_date
from .text import tidy_dateline

# Headings that introduce page furniture rather than a part of the article. The whole heading
# must be such a label: "Popular with tourists" and "Share prices rise" head real sections.
FURNITURE_HEADINGS = re.compile(
    r"(?:(?:related|recommended|trending|popular|most popular|most read|top|latest|more|further)"
    r"(?:\s+(?:stories|articles|content|coverage|reading|links|posts|news|videos|topics|now"
    r"|for you|on this (?:story|topic)))*"
    # "More from The Island Post", "Latest in Politics": a name follows, not a phrase
    # ("Popular in the suburbs, less so downtown" heads a section of the story).
    r"(?:\s+(?:from|in|on)\s+(?:the\s+)?(?-i:[A-Z0-9])[^,.;:]{0,40})?"
    r"|read (?:more|next|also)\b.*|see also|also read|you (?:may|might) also like\b.*"
    r"|don'?t miss\b.*|share(?: this(?: article| story| post)?| on .+)?|\d* ?comments?"
    r"|leave a (?:comment|reply)|join the conversation|advertisement"
    # The boxes that close a story: who wrote it, whom the press may call, what it cites.
    r"|about the (?:authors?|writers?|reporters?|contributors?)|(?:media |press )?contacts?"
    r"|sources|references|citations|bibliography|footnotes"
    # Readers' replies, the paywall.
    r"|(?:responses|comments|replies)\s*\(\d+\)|related (?:internet|external) links"
    r"|already a (?:paid )?(?:subscriber|member)\b.*"
    r"|keep reading\b.*|support (?:local|our|independent) (?:news|journalism|reporting)\b.*"
    r"|become a (?:paid )?(?:member|subscriber|supporter)\b.*|donate\b.*"
    r"|this (?:article|story|content) is (?:only )?(?:for|available to) (?:paid )?"
    r"(?:subscribers|members)\b.*"
    r"|(?:sign up|subscribe|newsletter)\b.*)[\s:.!]*",
    re.IGNORECASE,
)
# Headings of things set inside the story, which head no part of it: a gallery, a link to
# another story. Unlike furniture, the story goes on under them.
_INSET_HEADINGS = re.compile(r"(?:photos?|gallery|video|watch)\s*:.*|read:\s.*", re.IGNORECASE)
_MAX_HEADING_WORDS = 18
_MAX_SENTENCE_HEADING_WORDS = 8
# A byline or date line above the story is at most this long.
_MAX_META_WORDS = 20
# The link to a heading's own anchor that blogs and docs print beside it: "#", "¶", "§", "🔗".
_PERMALINK = re.compile(r"^\s*[#¶§🔗]\s+|\s+[#¶§🔗]\s*$")
# "1. The north wall", "2) Price", "#3 Battery life": an item of a numbered list of sections.
_NUMBERED = re.compile(r"^(?:#\s?)?(?P<number>\d{1,2})\s?[.):]\s+\S")
# A line of text that states a date ("Posted Tuesday, March 4, 2025 at 10:20 AM") is short.
_MAX_DATE_LINE_CHARS = 200
# A repeated passage this long or longer is a pull quote; shorter ones may be legitimate.


def parse_html(text: str, source: str | Path | None = None) -> Article:
    """Parse an HTML page into an Article."""
    subject = source or "<html>"
    tree = _parse_tree(text, subject)
    metadata = page_metadata(tree)
    blocks, extracted = _extract_body(_prepared_for_extraction(tree, text))
    blocks = _with_lost_headings(blocks, tree)
    headline = choose_headline(metadata, extracted)
    if not headline:
        raise InputError("no article found in the page (no headline)", subject)
    blocks = blocks[: story_end([block.text for block in blocks])]  # "Media contact", "###"
    contact_lines, noted_writer = writer_notes([block.text for block in blocks])
    blocks = [block for index, block in enumerate(blocks) if index not in contact_lines]
    # trafilatura takes any author link on the page, even one in the list of other stories.
    guessed_authors = tuple(
        name
        for name in split_authors(str(extracted.get("author") or ""))
        if named_in_article(tree, name)
    )
    authors = metadata.authors or guessed_authors or noted_writer
    lede, sections = _sections(blocks, headline, authors)
    if lede is None and not sections:
        raise InputError("no article text found in the page", subject)
    guessed_date = parse_date(str(extracted.get("date") or ""))
    published = metadata.published or _attested(guessed_date, tree, text)
    return Article(
        headline=headline,
        authors=authors,
        published=published,
        publication=metadata.publication or extracted.get("sitename") or None,
        lede=lede,
        language=(metadata.language or "en").split("-")[0].lower() or "en",
        sections=sections,
        source_url=metadata.url,
        image=metadata.image,
        tags=metadata.tags,
    )


def _attested(guess: Published | None, tree: Any, source: str) -> Published | None:
    """trafilatura's date guess when the page states that day (an ISO date in its source, or a
    full date in a line of its text); None otherwise, as a year alone ("November 2019") makes it
    guess January 1."""
    if guess is None:
        return None
    day = calendar_day(guess)
    if day.isoformat() in source:
        return guess
    lines = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    for line in lines:
        if len(line) <= _MAX_DATE_LINE_CHARS and any(
            calendar_day(found.match.value) == day for found in find_dates(line)
        ):
            return guess
    return None


def _parse_tree(text: str, subject: str | Path) -> Any:
    import lxml.html
    from lxml import etree

    # The HTML parser never fetches anything and never expands external entities. It gets the
    # decoded text (minus any XML declaration), so a <meta charset> cannot re-decode it.
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, huge_tree=False)
    try:
        tree = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", text), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not an HTML page: {exc}", subject) from exc
    return tree


# --- body -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    kind: str  # "heading" or "paragraph"
    text: str
    level: int = 0
    """Heading level (2 for ``<h2>``), 0 for a paragraph."""


# Subheadings some CMSs set as styled paragraphs: class "subhead", "crosshead", "intertitle".
_HEADING_CLASS = re.compile(
    r"(?:^|[\s_-])(?:sub-?head(?:ing)?|cross-?head|inter-?title)(?:$|\s)", re.IGNORECASE
)


def _prepared_for_extraction(tree: Any, text: str) -> str:
    """The page as trafilatura should see it: styled subheadings marked as headings and a body
    cut into chunks by ads joined up; the page as it was when neither is found. ``tree`` is
    changed in place: the metadata has been read from it already."""
    import lxml.html

    marked = _mark_styled_headings(tree)
    dropped = _drop_promotion_boxes(tree)
    spaced = _space_line_breaks(tree)
    joined = _join_body_chunks(tree)
    changed = marked or dropped or spaced or joined
    return lxml.html.tostring(tree, encoding="unicode") if changed else text


# A small box with a heading set in the story by the page: a sign-up form, a call to action,
# a card of links to related stories.
_PROMOTION_BOX = re.compile(
    r"(?:^|[\s_-])(?:signup|sign-up|newsletter|subscribe|cta|callout|promo|related)(?:$|[\s_-])"
)
_MAX_PROMOTION_WORDS = 80


def _drop_promotion_boxes(tree: Any) -> bool:
    """Drop the boxes a page sets inside the story with a heading of their own ("Get the free
    newsletter", "Compare travel insurance quotes"), which would head a section."""
    boxes = [
        box
        for box in tree.iter("div", "section", "aside", "form")
        if (_PROMOTION_BOX.search(_box_marks(box)) or _has_furniture_heading(box))
        and any(box.find(f".//{tag}") is not None for tag in ("h2", "h3", "h4"))
        and len(box.text_content().split()) <= _MAX_PROMOTION_WORDS
    ]
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return bool(boxes)


def _has_furniture_heading(box: Any) -> bool:
    """Whether the box opens with a heading of page furniture ("More from Opinion"), whatever
    its class: the box is the furniture, and the story goes on after it."""
    first = next(box.iter("h2", "h3", "h4"), None)
    return first is not None and bool(
        FURNITURE_HEADINGS.fullmatch(clean_text(first.text_content()) or "")
    )


def _box_marks(box: Any) -> str:
    return " ".join(box.get(key) or "" for key in ("class", "id", "aria-label")).casefold()


def _space_line_breaks(tree: Any) -> bool:
    """Put a space where a ``<br>`` breaks a line ("Copyright Daily Beacon<br>All rights"),
    which trafilatura would otherwise join into one word."""
    breaks = list(tree.iter("br"))
    for line_break in breaks:
        if not (line_break.tail or "").startswith((" ", "\n")):
            line_break.tail = " " + (line_break.tail or "")
    return bool(breaks)


def _mark_styled_headings(tree: Any) -> bool:
    """Rename short paragraphs with a heading role or class to ``<h2>``, which trafilatura
    keeps as headings."""
    marked = False
    for element in tree.iter("p", "div", "span"):
        styled = element.get("role") == "heading" or _HEADING_CLASS.search(
            element.get("class") or ""
        )
        if styled and len(element.text_content().split()) <= _MAX_HEADING_WORDS:
            element.tag = "h2"
            marked = True
    bold = [p for p in tree.iter("p") if _is_bold_heading(p)]
    if len(bold) >= _MIN_BOLD_HEADINGS:
        for paragraph in bold:
            paragraph.tag = "h3"
        marked = True
    return marked


# Subheadings set as bold paragraphs: "<p><strong>Project details</strong></p>", several in
# a story, each a few words with no closing punctuation, over a paragraph of the story.
_MIN_BOLD_HEADINGS = 2
_MAX_BOLD_HEADING_WORDS = 10
# The paragraph a bold heading stands over is at least this long (a lead-in is shorter).
_MIN_HEADED_PARAGRAPH_WORDS = 10


def _is_bold_heading(paragraph: Any) -> bool:
    text = clean_text(paragraph.text_content()) or ""
    children = list(paragraph)
    following = paragraph.getnext()
    return (
        0 < len(text.split()) <= _MAX_BOLD_HEADING_WORDS
        and len(children) == 1
        and children[0].tag in ("strong", "b")
        and not (paragraph.text or "").strip()
        and not (children[0].tail or "").strip()
        and text[-1] not in ".,:;?!…"
        and not text.isupper()  # capitals are another story's title, set as a link
        and not is_boilerplate(text)
        and following is not None
        and following.tag == "p"
        and len((following.text_content() or "").split()) >= _MIN_HEADED_PARAGRAPH_WORDS
    )


# Below this, a run of paragraphs is a widget (a footer, a caption box), not an article's body.
_MIN_BODY_WORDS = 150


def _join_body_chunks(tree: Any) -> bool:
    """Move the paragraphs of every later body chunk into the first. Templates that put ads
    between parts of an article repeat the body container's class on each part, and trafilatura
    would read only the first. The body is the class holding the most words in paragraphs."""
    containers: dict[tuple[str, str], list[Any]] = {}
    words: dict[tuple[str, str], int] = {}
    for element in tree.iter("div", "section", "article"):
        paragraphs = [child for child in element if child.tag == "p"]
        if not paragraphs or not element.get("class"):
            continue
        key = (element.tag, element.get("class"))
        containers.setdefault(key, []).append(element)
        words[key] = words.get(key, 0) + sum(len(p.text_content().split()) for p in paragraphs)
    if not words:
        return False
    body = max(words, key=words.__getitem__)
    first, *later = containers[body]
    if not later or words[body] < _MIN_BODY_WORDS:
        return False
    # Where each chunk ends in document order, to find the headings set between chunks (in
    # blocks of their own: "<div class=subheadline><h2>...</h2></div>"), which go along.
    order = {element: index for index, element in enumerate(tree.iter())}
    ends = {chunk: order[_last_descendant(chunk)] for chunk in containers[body]}
    headings = [
        heading
        for heading in tree.iter("h2", "h3", "h4")
        if not in_other_articles(heading)
        and not FURNITURE_HEADINGS.fullmatch(heading.text_content().strip())
        and heading.getparent() is not None
        and len(heading.getparent()) == 1  # in a block of its own, not a box's title
    ]
    previous = first
    for chunk in later:
        if any(ancestor in later or ancestor is first for ancestor in chunk.iterancestors()):
            continue  # nested inside another chunk: moved with it
        between = [h for h in headings if ends[previous] < order[h] < order[chunk]]
        first.extend([*between, *chunk])
        chunk.getparent().remove(chunk)
        previous = chunk
    return True


def _with_lost_headings(blocks: list[_Block], tree: Any) -> list[_Block]:
    """The blocks with the page's subheadings put back where trafilatura kept none (it drops
    them when it falls back to its simpler extractors, outside an ``<article>``): an
    ``<h2>``-``<h4>`` goes before the paragraph that follows it on the page."""
    if any(block.kind == "heading" for block in blocks):
        return blocks
    where = {block.text: index for index, block in enumerate(blocks) if block.kind == "paragraph"}
    before: dict[int, _Block] = {}
    for element in tree.iter("h2", "h3", "h4"):
        heading = clean_text(element.text_content())
        following = element.getnext()
        if not heading or following is None or following.tag != "p" or in_other_articles(element):
            continue
        index = where.get(clean_text(following.text_content()) or "")
        if index is not None and index > 0 and index not in before:
            before[index] = _Block("heading", heading, int(element.tag[1]))
    return [
        block
        for index, paragraph in enumerate(blocks)
        for block in ([before[index]] if index in before else []) + [paragraph]
    ]


def _last_descendant(element: Any) -> Any:
    *_, last = element.iter()  # the element itself first, then its descendants in order
    return last


def _extract_body(text: str) -> tuple[list[_Block], dict[str, Any]]:
    """Article blocks (headings and paragraphs) and trafilatura's metadata guesses."""
    import trafilatura

    document = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        include_links=False,
    )
    if document is None:
        return [], {}
    details = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = getattr(document, "body", None)
    if body is None:
        return [], details
    return list(_blocks(body)), details


def _blocks(body: Any) -> Iterator[_Block]:
    """Headings, paragraphs and lists (read as sentences) of trafilatura's XML body."""
    for element in body:
        tag = element.tag
        if tag == "head":
            heading = _PERMALINK.sub("", _element_text(element) or "")
            rank = re.fullmatch(r"h([1-6])", element.get("rend") or "")
            if heading:
                yield _Block("heading", heading, int(rank[1]) if rank else 2)
        elif tag == "list":
            items = [_element_text(item) for item in element.iter("item")]
            sentences = [_as_sentence(item) for item in items if item and not is_boilerplate(item)]
            if sentences:
                yield _Block("paragraph", " ".join(sentences))
        elif tag in ("p", "quote", "div"):
            paragraphs = [element] if tag == "p" else list(element.iter("p")) or [element]
            for paragraph in paragraphs:
                text = _element_text(paragraph)
                if text:
                    yield _Block("paragraph", text)


def _element_text(element: Any) -> str | None:
    return clean_text("".join(element.itertext()))


def _as_sentence(text: str) -> str:
    return text if text[-1] in '.!?:;…"”’)' else text + "."


def _opens_numbers(heading: _Block, blocks: list[_Block]) -> bool:
    """Whether ``heading`` is "1. ..." and a later heading of its level goes on "2. ..."."""
    first = _NUMBERED.match(heading.text)
    if not first or first["number"] != "1":
        return False
    return any(
        block.kind == "heading"
        and block.level == heading.level
        and (number := _NUMBERED.match(block.text)) is not None
        and number["number"] == "2"
        for block in blocks
    )


def _reads_as_heading(text: str) -> bool:
    """Pages mark up standfirsts as h2 too; a heading is short, and a full sentence only when
    it is shorter still ("Then the south wall.", "Why it matters for the U.S.")."""
    words = len(text.split())
    return words <= _MAX_HEADING_WORDS and (
        not text.endswith(".") or words <= _MAX_SENTENCE_HEADING_WORDS
    )


def _is_meta_line(text: str, authors: tuple[str, ...]) -> bool:
    """A byline ("By Jane Doe"), an author's name alone, or a date line, as pages print them
    between the headline and the story."""
    if len(text.split()) > _MAX_META_WORDS:
        return False
    if text.strip(" .") in authors or read_byline(text, bare=False):
        return True
    return find_date(text) is not None and not text.endswith(".")


def _sections(
    blocks: list[_Block], headline: str, authors: tuple[str, ...]
) -> tuple[str | None, tuple[Section, ...]]:
    """Lede (the first paragraph), then sections at headings; furniture and repeats dropped."""
    seen: set[str] = {headline.casefold()}
    repeats = pull_quotes([block.text for block in blocks if block.kind == "paragraph"])
    lede: str | None = None
    sections: list[tuple[Section, int]] = []
    heading: str | None = None
    level = 0
    paragraphs: list[str] = []
    skipping = False  # inside a "Related articles" or similar box
    started = False  # a paragraph (or a numbered list of sections) has begun the story
    for block in blocks:
        key = block.text.casefold()
        if block.kind == "heading" and key in seen:
            continue  # the headline again, as the body's h1
        if block.kind == "heading" and not started and _opens_numbers(block, blocks):
            started = True  # "1. ..." over a "2. ..." later: the story is a list of sections
        elif block.kind == "heading" and (not started or block.text.endswith(":")):
            # Before the first paragraph a heading is a deck, a kicker or a promoted link, and
            # one that ends in a colon introduces a list ("More:"): neither heads a section.
            continue
        if block.kind == "heading" and _INSET_HEADINGS.fullmatch(block.text):
            continue
        if block.kind == "heading" and _reads_as_heading(block.text):
            if paragraphs or heading:
                sections.append((Section(heading, tuple(paragraphs)), level))
            skipping = bool(FURNITURE_HEADINGS.fullmatch(block.text))
            heading, level, paragraphs = (None if skipping else block.text), block.level, []
            continue
        if skipping or key in seen or block.text in repeats or is_boilerplate(block.text):
            continue
        if not started and (_is_meta_line(block.text, authors) or is_label(block.text)):
            # The byline or date printed above the story (tags, not text to read), or a label
            # such as "Review" or "Opinion" standing alone above it, as the text reader has it.
            continue
        seen.add(key)
        started = True
        if lede is None and heading is None and not sections:
            lede = tidy_dateline(block.text)
        else:
            paragraphs.append(block.text)
    if paragraphs or heading:
        sections.append((Section(heading, tuple(paragraphs)), level))
    return lede, sections_to_read(sections)

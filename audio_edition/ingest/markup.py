"""A page's markup as a reader sees it: the lines shown under the headline, the boxes of other
stories around the article, and the writers its byline markup and author-page links name.

In comes a parsed page (an lxml tree); out go lines of text and names, for ``metadata`` to use
when the page's own metadata does not say who wrote it or when.
"""

from __future__ import annotations

import html as html_lib
import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from .byline import split_authors
from .names import is_person_name


def clean_text(text: str | None) -> str | None:
    if not text:
        return None
    cleaned = " ".join(html_lib.unescape(text).split())
    return cleaned or None


# The address of a writer's page: /author/jane-doe, /contributors/jane-doe.html, /by/jane-doe;
# not a topic page about a person (/topics/people/jane-doe, /tag/jane-doe).
_AUTHOR_PAGE = re.compile(
    r"/(?:authors?|contributors?|writers?|staff|profiles?|by)/([^/]+?)(?:\.s?html?)?/?$"
)
_TOPIC_PAGE = re.compile(r"/(?:topics?|tags?|category|categories|subjects?)/")


def author_page_links(tree: Any) -> tuple[str, ...]:
    """Writers named by links to their author pages, where the page's address spells the name
    ("Jose Altoveros" -> /author/jose-altoveros.html), not in boxes of other articles. The
    first such link is the article's writer; co-writers share its parent element."""
    links = [
        (element, name)
        for element in tree.xpath("//a[@href]")
        if _in_author_box(element) and (name := _named_by_address(element))
    ]
    if not links:
        return ()
    byline = links[0][0].getparent()
    names: list[str] = []
    for element, name in links:
        if element.getparent() is byline and name not in names:
            names.append(name)
    return tuple(names)


def _in_author_box(element: Any) -> bool:
    """Whether the nearest telling box around ``element`` is about a writer (author-info,
    author-box, byline) rather than a list of other articles (related, popular, a sidebar)."""
    for ancestor in _boxes_around(element.getparent()):
        marks = _marks(ancestor)
        if "author" in marks or "byline" in marks:
            return True
        if _is_other_stories_box(ancestor):
            return False
    return True


def _named_by_address(link: Any) -> str | None:
    try:
        path = urlsplit(link.get("href")).path
    except ValueError:  # not an address at all ("http://[x")
        return None
    match = _AUTHOR_PAGE.search(path)
    name = clean_text(link.text_content())
    if not match or _TOPIC_PAGE.search(path) or not name or not is_person_name(name):
        return None
    letters = re.sub(r"[^a-z]", "", _ascii(name.casefold()))
    return name if letters == re.sub(r"[^a-z]", "", _ascii(match[1].casefold())) else None


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# Elements that hold a line of text of their own, as a browser lays them out.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "header", "footer", "section", "article", "aside", "address", "h1",
        "h2", "h3", "h4", "h5", "h6", "figcaption", "figure", "td", "dd", "dt", "blockquote",
        "ul", "ol", "main", "nav", "form", "table", "tr", "body",
    }
)  # fmt: skip
_UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "select"})
_SCREEN_READER_ONLY = re.compile(
    r"\b(?:screen-reader-text|sr-only|visually-hidden|visuallyhidden)\b"
)
# Byline and date are printed within this many lines under the headline.
_LINES_UNDER_HEADLINE = 15
# A line this long is the story's, not the byline's or the date's.
_STORY_LINE_WORDS = 20
# Byline markup inside these (by class or id) belongs to other articles.
_OTHER_ARTICLES = re.compile(
    r"related|recommend|more-from|more_from|popular|trending|sidebar|comment|breaking|ticker"
)


def lines_under_headline(tree: Any, headline: str | None) -> list[str]:
    """The first lines of text after the headline's ``<h1>``, one per block, as they show."""
    headings = list(tree.iter("h1"))
    wanted = " ".join((headline or "").split()).casefold()
    h1 = next(
        (h for h in headings if " ".join(h.text_content().split()).casefold() == wanted),
        headings[0] if headings else None,
    )
    if h1 is None:
        return []
    lines: list[str] = []
    current: Any = None
    story_begun = False
    for node in h1.xpath("following::text()"):
        text = " ".join(str(node).split())
        parent = _holder(node)
        block = _block_of(parent) if parent is not None and text else None
        if block is None:
            continue
        story_begun = story_begun or any(len(line.split()) >= _STORY_LINE_WORDS for line in lines)
        if story_begun and in_other_articles(parent):
            # The boxes of other stories after the story's start hold their writers, not its
            # own (a rail beside the headline may hold the byline: it comes before the story).
            continue
        if block is current:
            lines[-1] = f"{lines[-1]} {text}"
        elif len(lines) < _LINES_UNDER_HEADLINE:
            lines.append(text)
            current = block
        else:
            break
    return lines


def _holder(node: Any) -> Any:
    """The element a text node is shown in: its parent's, for the text after a child's end
    ("<span>Post author</span> By Jane Doe": "By Jane Doe" is the paragraph's, not the span's)."""
    parent = node.getparent()
    return parent.getparent() if parent is not None and node.is_tail else parent


def _block_of(element: Any) -> Any:
    """The block that lays out ``element``'s text, or None when the text is not shown (the
    labels only screen readers say, "Post author", count as not shown)."""
    for candidate in itertools.chain([element], element.iterancestors()):
        if candidate.tag in _UNSEEN_TAGS or _SCREEN_READER_ONLY.search(
            candidate.get("class") or ""
        ):
            return None
        if candidate.tag in _BLOCK_TAGS:
            return candidate
    return None


def byline_markup_authors(tree: Any) -> tuple[str, ...]:
    """Names in byline markup: rel=author links, itemprop=author, class*=author/byline, but not
    in boxes of other articles."""
    candidates = tree.xpath(
        '//*[@rel="author"] | //*[@itemprop="author"]//*[@itemprop="name"]'
        ' | //*[@itemprop="author"][not(.//*[@itemprop="name"])]'
        ' | //*[contains(@class, "author-name") or contains(@class, "byline__name")'
        ' or contains(@class, "author__name")]'
    )
    names: list[str] = []
    for element in candidates:
        if in_other_articles(element):
            continue
        text = clean_text(element.text_content()) or ""
        for name in split_authors(re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)):
            if name not in names:
                names.append(name)
    if names:
        return tuple(names)
    for element in tree.xpath('//*[contains(@class, "byline")]'):
        text = clean_text(element.text_content()) or ""
        match = re.match(r"^by\s+(.{3,80})$", text, flags=re.IGNORECASE)
        if match:
            return split_authors(match.group(1))
    return ()


def named_in_article(tree: Any, name: str) -> bool:
    """Whether the page shows ``name`` outside the boxes of other stories (related, popular,
    the sidebar, the site's footer), where a byline of the article itself would be."""
    wanted = " ".join(name.casefold().split())
    shown: dict[Any, list[str]] = {}  # each block's text, as it reads ("By <a>Jane</a> Doe")
    for node in tree.xpath("//body//text()"):
        parent = _holder(node)
        if parent is None or in_other_articles(parent):
            continue
        block = _block_of(parent)
        if block is not None:
            shown.setdefault(block, []).append(str(node))
    return any(wanted in " ".join(" ".join(parts).casefold().split()) for parts in shown.values())


def in_other_articles(element: Any) -> bool:
    """Whether ``element`` sits in a box of other stories (or is one)."""
    return any(_is_other_stories_box(box) for box in _boxes_around(element))


def _boxes_around(element: Any) -> Iterator[Any]:
    """``element`` and the elements around it, up to the page's main content: the page's own
    wrappers are marked for its layout (``<body class="one-sidebar">``), not for a box."""
    for box in itertools.chain([element], element.iterancestors()) if element is not None else ():
        if box.tag in ("main", "body"):
            return
        yield box


def _is_other_stories_box(box: Any) -> bool:
    """A related, popular, comments or sidebar box, an ``<aside>``, a ``<nav>``, or the site's
    footer (an article's own ``<footer>`` may hold its byline)."""
    site_footer = box.tag == "footer" and not any(
        outer.tag == "article" for outer in box.iterancestors()
    )
    return bool(_OTHER_ARTICLES.search(_marks(box))) or box.tag in ("aside", "nav") or site_footer


def _marks(element: Any) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".casefold()

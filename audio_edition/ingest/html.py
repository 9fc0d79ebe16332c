"""HTML page -> Article.

trafilatura finds the article body (and drops navigation, comments, ads and widgets); the
page's own metadata decides headline, authors and date, because that is where publishers state
them exactly: schema.org JSON-LD first, then Open Graph and article meta tags, then byline
markup and ``<time>`` elements, and trafilatura's own guesses last.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Article, Published, Section
from .boilerplate import is_boilerplate
from .byline import split_authors
from .dates import find_date
from .text import read_meta_lines, tidy_dateline

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
        "scholarlyarticle", "socialmediaposting", "liveblogposting", "report", "posting",
    }
)  # fmt: skip
# Meta tags that carry a publication date, best first.
DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "article.published",
)  # fmt: skip
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
# Headings that introduce page furniture rather than a part of the article.
FURNITURE_HEADINGS = re.compile(
    r"^(?:related|read more|more from|more stories|recommended|trending|popular|share|comments"
    r"|sign up|subscribe|newsletter|advertisement|you may also like|see also)\b",
    re.IGNORECASE,
)
_MAX_HEADING_WORDS = 18
# A repeated passage this long or longer is a pull quote; shorter ones may be legitimate.
_MIN_QUOTE_WORDS = 6
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")


@dataclass
class PageMetadata:
    """What the page says about its article, each field from the most reliable source found."""

    headline: str | None = None
    social_title: str | None = None
    """The title for sharing (``og:title``), often reworded for search; the h1 comes first."""

    authors: tuple[str, ...] = ()
    published: Published | None = None
    publication: str | None = None
    language: str | None = None
    url: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    h1: list[str] = field(default_factory=list)
    title: str | None = None


def parse_html(text: str, source: str | Path | None = None) -> Article:
    """Parse an HTML page into an Article."""
    subject = source or "<html>"
    tree = _parse_tree(text, subject)
    metadata = page_metadata(tree)
    blocks, extracted = _extract_body(text)
    headline = _headline(metadata, extracted)
    if not headline:
        raise InputError("no article found in the page (no headline)", subject)
    lede, sections = _sections(blocks, headline)
    if lede is None and not sections:
        raise InputError("no article text found in the page", subject)
    authors = metadata.authors or split_authors(str(extracted.get("author") or ""))
    published = metadata.published or _parse_date(str(extracted.get("date") or ""))
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


# --- metadata -------------------------------------------------------------------------------


def page_metadata(tree: Any) -> PageMetadata:
    """Headline, authors, date, site, language, URL and image, from the page's own markup."""
    meta = _meta_tags(tree)
    found = PageMetadata()
    for item in _json_ld_articles(tree):
        found.headline = found.headline or _clean(_first_text(item.get("headline")))
        found.authors = found.authors or _json_ld_authors(item.get("author"))
        found.published = found.published or _parse_date(_first_text(item.get("datePublished")))
        found.publication = found.publication or _clean(_name(item.get("publisher")))
        found.language = found.language or _first_text(item.get("inLanguage"))
        found.image = found.image or _image_url(item.get("image"))
        found.url = found.url or _absolute(_first_text(item.get("url")))
    found.social_title = _clean(meta.get("og:title") or meta.get("twitter:title"))
    found.publication = found.publication or _clean(meta.get("og:site_name"))
    found.h1 = [_clean(h.text_content()) or "" for h in tree.iter("h1")]
    title = tree.find(".//title")
    found.title = _clean(title.text_content()) if title is not None else None
    if found.headline is None:
        found.headline = _visible_headline(found.h1, found.social_title or found.title)
    found.authors = found.authors or _meta_authors(meta)
    found.published = (
        found.published
        or next((_parse_date(meta[key]) for key in DATE_META if _parse_date(meta.get(key))), None)
        or _time_element_date(tree)
    )
    if not (found.authors and found.published):
        # Only the page's text is left: the byline and date printed under the headline, then
        # byline markup.
        lines = _lines_under_headline(tree, found.headline or found.social_title)
        printed_authors, printed_date = read_meta_lines(lines)
        found.authors = found.authors or printed_authors or _byline_authors(tree)
        found.published = found.published or printed_date
    found.language = found.language or tree.get("lang") or meta.get("og:locale") or None
    found.url = _canonical_url(tree) or _absolute(meta.get("og:url")) or found.url
    found.image = found.image or _absolute(meta.get("og:image")) or meta.get("og:image")
    keywords = meta.get("keywords") or meta.get("news_keywords") or ""
    found.tags = tuple(k.strip() for k in keywords.split(",") if k.strip())
    return found


def _meta_tags(tree: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = element.get("content")
        if key and content and key.lower() not in tags:
            tags[key.lower()] = content.strip()
    return tags


def _json_ld_articles(tree: Any) -> Iterator[dict[str, Any]]:
    """Every schema.org article object in the page's JSON-LD, in page order."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        yield from (item for item in _walk_json_ld(data) if _is_article(item))


def _walk_json_ld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_json_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _walk_json_ld(data[key], depth + 1)


def _is_article(item: dict[str, Any]) -> bool:
    types = item.get("@type")
    names = types if isinstance(types, list) else [types]
    return any(isinstance(n, str) and n.lower() in ARTICLE_TYPES for n in names)


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return (
        str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else None
    )


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _first_text(value.get("name"))
    return _first_text(value)


def _json_ld_authors(value: Any) -> tuple[str, ...]:
    entries = value if isinstance(value, list) else [value]
    names: list[str] = []
    for entry in entries:
        name = _name(entry)
        if not name:
            continue
        name = _clean(re.sub(r"^by\s+", "", name, flags=re.IGNORECASE)) or ""
        for part in split_authors(name) or ((name,) if name else ()):
            if part not in names:
                names.append(part)
    return tuple(names)


def _meta_authors(meta: dict[str, str]) -> tuple[str, ...]:
    for key in AUTHOR_META:
        value = meta.get(key)
        if value and not value.startswith("http"):
            authors = split_authors(re.sub(r"^by\s+", "", value, flags=re.IGNORECASE))
            if authors:
                return authors
    return ()


# Elements that hold a line of text of their own, as a browser lays them out.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "header", "footer", "section", "article", "aside", "address", "h1",
        "h2", "h3", "h4", "h5", "h6", "figcaption", "figure", "td", "dd", "dt", "blockquote",
        "ul", "ol", "main", "nav", "form", "table", "tr", "body",
    }
)  # fmt: skip
_UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "select"})
# Byline and date are printed within this many lines under the headline.
_LINES_UNDER_HEADLINE = 15
# Byline markup inside these (by class or id) belongs to other articles.
_OTHER_ARTICLES = re.compile(r"related|recommend|more-from|more_from|popular|trending|sidebar")


def _lines_under_headline(tree: Any, headline: str | None) -> list[str]:
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
    for node in h1.xpath("following::text()"):
        text = " ".join(str(node).split())
        parent = node.getparent()
        block = _block_of(parent) if parent is not None and text else None
        if block is None:
            continue
        if block is current:
            lines[-1] = f"{lines[-1]} {text}"
        elif len(lines) < _LINES_UNDER_HEADLINE:
            lines.append(text)
            current = block
        else:
            break
    return lines


def _block_of(element: Any) -> Any:
    """The block that lays out ``element``'s text, or None when the text is not shown."""
    for candidate in itertools.chain([element], element.iterancestors()):
        if candidate.tag in _UNSEEN_TAGS:
            return None
        if candidate.tag in _BLOCK_TAGS:
            return candidate
    return None


def _byline_authors(tree: Any) -> tuple[str, ...]:
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
        if _in_other_articles(element):
            continue
        text = _clean(element.text_content()) or ""
        for name in split_authors(re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)):
            if name not in names:
                names.append(name)
    if names:
        return tuple(names)
    for element in tree.xpath('//*[contains(@class, "byline")]'):
        text = _clean(element.text_content()) or ""
        match = re.match(r"^by\s+(.{3,80})$", text, flags=re.IGNORECASE)
        if match:
            return split_authors(match.group(1))
    return ()


def _in_other_articles(element: Any) -> bool:
    return any(
        _OTHER_ARTICLES.search(f"{a.get('class') or ''} {a.get('id') or ''}".casefold())
        or a.tag in ("aside", "footer", "nav")
        for a in element.iterancestors()
    )


def _time_element_date(tree: Any) -> Published | None:
    for element in tree.iter("time"):
        value = _parse_date(element.get("datetime") or element.get("content"))
        if value:
            return value
    return None


def _canonical_url(tree: Any) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return _absolute(link.get("href"))
    return None


def _image_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return str(value).strip() if isinstance(value, str) and value.strip() else None


def _absolute(url: str | None) -> str | None:
    return url.strip() if url and re.match(r"^https?://", url.strip()) else None


def _parse_date(value: str | None) -> Published | None:
    """ISO 8601 first (as metadata gives it), then the shapes pages print."""
    if not value:
        return None
    text = value.strip()
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        found = find_date(text)
        return found.value if found else None
    if len(text) <= 10:
        return moment.date()
    return moment


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    cleaned = " ".join(html_lib.unescape(text).split())
    return cleaned or None


def _visible_headline(h1s: list[str], title: str | None) -> str | None:
    """The headline a reader sees: of the ``<h1>`` elements of two words or more (one-word h1s
    are section names), the one sharing most words with the page's title, since some pages set
    their logo in an h1 too."""
    candidates = [h1 for h1 in h1s if len(h1.split()) >= 2]
    title_words = set(re.findall(r"\w+", (title or "").casefold()))

    def shared(h1: str) -> float:
        words = set(re.findall(r"\w+", h1.casefold()))
        return len(words & title_words) / len(words) if words else 0.0

    return max(candidates, key=shared, default=None)


def _headline(metadata: PageMetadata, extracted: dict[str, Any]) -> str | None:
    """The page's stated headline (JSON-LD), else the h1 the reader sees, else the title for
    sharing or the <title>, without " | Site Name"."""
    if metadata.headline:
        return _strip_site_name(metadata.headline, metadata)
    title = metadata.social_title or metadata.title or _clean(str(extracted.get("title") or ""))
    return _strip_site_name(title, metadata) if title else None


def _strip_site_name(title: str, metadata: PageMetadata) -> str:
    """ "Title | Site Name" -> "Title", when the tail is the site's name or the h1 is the head."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    head, tail = " - ".join(parts[:-1]), parts[-1]
    site = (metadata.publication or "").casefold()
    h1s = {h.casefold() for h in metadata.h1}
    if (site and (tail.casefold() in site or site in tail.casefold())) or head.casefold() in h1s:
        return head
    return title


# --- body -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    kind: str  # "heading" or "paragraph"
    text: str


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
            text = _element_text(element)
            if text:
                yield _Block("heading", text)
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
    return _clean("".join(element.itertext()))


def _as_sentence(text: str) -> str:
    return text if text[-1] in '.!?:;…"”’)' else text + "."


def _pull_quotes(blocks: list[_Block]) -> set[str]:
    """Paragraphs that repeat a passage of a longer paragraph: pull quotes, teasers."""
    paragraphs = [block.text for block in blocks if block.kind == "paragraph"]
    return {
        text
        for text in paragraphs
        if len(text.split()) >= _MIN_QUOTE_WORDS
        and any(text in other and text != other for other in paragraphs)
    }


def _reads_as_heading(text: str) -> bool:
    """Pages mark up standfirsts as h2 too; a heading is short and not a full sentence."""
    return len(text.split()) <= _MAX_HEADING_WORDS and not text.endswith(".")


def _sections(blocks: list[_Block], headline: str) -> tuple[str | None, tuple[Section, ...]]:
    """Lede (the first paragraph), then sections at headings; furniture and repeats dropped."""
    seen: set[str] = {headline.casefold()}
    repeats = _pull_quotes(blocks)
    lede: str | None = None
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    skipping = False  # inside a "Related articles" or similar box
    for block in blocks:
        key = block.text.casefold()
        if block.kind == "heading" and key in seen:
            continue  # the headline again, as the body's h1
        if block.kind == "heading" and (lede is None or block.text.endswith(":")):
            # Before the first paragraph a heading is a deck, a kicker or a promoted link, and
            # one that ends in a colon introduces a list ("More:"): neither heads a section.
            continue
        if block.kind == "heading" and _reads_as_heading(block.text):
            if paragraphs or heading:
                sections.append(Section(heading, tuple(paragraphs)))
            skipping = bool(FURNITURE_HEADINGS.match(block.text))
            heading, paragraphs = (None if skipping else block.text), []
            continue
        if skipping or key in seen or block.text in repeats or is_boilerplate(block.text):
            continue
        seen.add(key)
        if lede is None and heading is None and not sections:
            lede = tidy_dateline(block.text)
        else:
            paragraphs.append(block.text)
    if paragraphs or heading:
        sections.append(Section(heading, tuple(paragraphs)))
    return lede, tuple(section for section in sections if section.paragraphs)

"""What an HTML page says about its article in its own markup: headline, authors, date, site,
language, URL, image and tags.

Publishers state these exactly in schema.org JSON-LD, then in Open Graph and article meta
tags; the byline and date printed under the headline, byline markup and ``<time>`` elements
come next. ``html`` uses this for everything but the body.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..models import Published
from .byline import split_authors
from .dates import find_date, numeric_dates_day_first, writes_day_first
from .header import read_meta_lines
from .markup import (
    author_page_links,
    byline_markup_authors,
    clean_text,
    in_other_articles,
    lines_under_headline,
)
from .names import WIRE_SERVICES, is_person_name

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
    "dcterms.issued",
)  # fmt: skip
# Two stamps this close are one moment told in two time zones.
_SAME_MOMENT = dt.timedelta(minutes=1)
# How a template marks which of its <time> elements is which.
_PUBLISHED_MARK = re.compile(r"publish|pubdate|entry-date|created")
_UPDATED_MARK = re.compile(r"updated|modified")
AUTHOR_META = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl",
)  # fmt: skip
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


def page_metadata(tree: Any) -> PageMetadata:
    """Headline, authors, date, site, language, URL and image, from the page's own markup."""
    meta = _meta_tags(tree)
    found = PageMetadata()
    organizations_only = False  # the JSON-LD names only companies as authors
    for item in _json_ld_articles(tree):
        found.headline = found.headline or clean_text(_first_text(item.get("headline")))
        if not found.authors:
            found.authors = _json_ld_authors(item.get("author"))
            organizations_only = bool(found.authors) and _only_organizations(item.get("author"))
        found.published = found.published or parse_date(_first_text(item.get("datePublished")))
        found.publication = found.publication or clean_text(_name(item.get("publisher")))
        found.language = found.language or _first_text(item.get("inLanguage"))
        found.image = found.image or _image_url(item.get("image"))
        found.url = found.url or _absolute(_first_text(item.get("url")))
    found.social_title = clean_text(meta.get("og:title") or meta.get("twitter:title"))
    found.publication = found.publication or clean_text(meta.get("og:site_name"))
    found.h1 = [clean_text(h.text_content()) or "" for h in tree.iter("h1") if not _is_logo(h)]
    title = tree.find(".//title")
    found.title = clean_text(title.text_content()) if title is not None else None
    if found.headline is None:
        found.headline = _visible_headline(found.h1, found.social_title or found.title)
    if found.published is None:
        stamps = [parse_date(meta.get(key)) for key in DATE_META] + [_time_element_date(tree)]
        found.published = _in_local_time([stamp for stamp in stamps if stamp is not None])
    # What the page shows: the byline and date printed under the headline, the links to the
    # writers' pages, byline markup.
    lines = lines_under_headline(tree, found.headline or found.social_title)
    # (a numeric date is read in the order the page writes dates, as in a paste)
    with numeric_dates_day_first(writes_day_first(_visible_text(tree))):
        printed_authors, printed_date = read_meta_lines(lines)
    shown = _fullest(author_page_links(tree), printed_authors, byline_markup_authors(tree))
    publishers = _publisher_names(meta, found)
    found.authors = _stated_or_shown(
        found.authors, _meta_authors(tree, publishers), shown, publishers, organizations_only
    )
    found.published = found.published or printed_date
    found.language = found.language or tree.get("lang") or meta.get("og:locale") or None
    found.url = _canonical_url(tree) or _absolute(meta.get("og:url")) or found.url
    found.published = found.published or _date_in_address(found.url)
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


def _fullest(*sources: tuple[str, ...]) -> tuple[str, ...]:
    """The first list of names that some source gives, or a later one that names the same
    writers and more (links to only the first writer's page, a byline naming three)."""
    found = next((names for names in sources if names), ())
    for names in sources:
        if set(found) < set(names):
            found = names
    return found


def _stated_or_shown(
    json_ld: tuple[str, ...],
    meta: tuple[str, ...],
    shown: tuple[str, ...],
    publishers: str,
    organizations_only: bool = False,
) -> tuple[str, ...]:
    """The authors: the JSON-LD's, else the author meta tags', else the byline the page
    shows. The byline shown wins where the markup says less than it does: where the JSON-LD
    names only the publisher or other companies (an agency, the station), where a meta tag
    names only an agency, or only the first of the writers the byline names."""
    people = bool(shown) and all(is_person_name(name) for name in shown)
    if json_ld:
        publisher_only = all(name.casefold() in publishers for name in json_ld)
        return shown if (publisher_only or organizations_only) and people else json_ld
    if meta:
        agency_only = all(name.casefold() in WIRE_SERVICES for name in meta)
        fuller = set(meta) < set(shown)
        return shown if (agency_only and people) or fuller else meta
    return shown


def _json_ld_authors(value: Any) -> tuple[str, ...]:
    entries = value if isinstance(value, list) else [value]
    names: list[str] = []
    for entry in entries:
        name = _name(entry)
        if not name:
            continue
        name = clean_text(re.sub(r"^by\s+", "", name, flags=re.IGNORECASE)) or ""
        # A company's name is one name ("Freight & Logistics Weekly"); a person's may be a
        # byline of several.
        parts = (name,) if _is_organization(entry) else split_authors(name)
        for part in parts or ((name,) if name else ()):
            if part not in names:
                names.append(part)
    return tuple(names)


def _is_organization(entry: Any) -> bool:
    """A JSON-LD author typed as a company ("Organization", "NewsMediaOrganization")."""
    types = entry.get("@type") if isinstance(entry, dict) else None
    names = types if isinstance(types, list) else [types]
    return any(isinstance(n, str) and n.endswith(("Organization", "Corporation")) for n in names)


def _visible_text(tree: Any) -> str:
    """The text a reader sees: the body's, without its scripts and styles (whose "color" and
    "center" are no one's spelling)."""
    return " ".join(tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"))


def _only_organizations(value: Any) -> bool:
    entries = value if isinstance(value, list) else [value]
    return bool(entries) and all(_is_organization(entry) for entry in entries)


def _meta_authors(tree: Any, publishers: str) -> tuple[str, ...]:
    """The names in the first author meta tag that has some, with the same tag repeated for
    co-writers, unless a name is the publisher's (many templates put the company in
    ``<meta name="author">``)."""
    for key in AUTHOR_META:
        authors: list[str] = []
        for element in tree.iter("meta"):
            tag = element.get("property") or element.get("name") or element.get("itemprop")
            value = (element.get("content") or "").strip()
            if (tag or "").lower() != key or not value or value.startswith("http"):
                continue
            names = split_authors(re.sub(r"^by\s+", "", value, flags=re.IGNORECASE))
            authors.extend(name for name in names if name not in authors)
        if authors and not any(name.casefold() in publishers for name in authors):
            return tuple(authors)
    return ()


def _publisher_names(meta: dict[str, str], found: PageMetadata) -> str:
    """Everything that names the publisher (site name, copyright holder, the end of the page
    title: "... | Island Post"), casefolded."""
    title_parts = re.split(r"\s+[|–—-]\s+|\s*\|\s*", found.title or "")
    title_end = title_parts[-1] if len(title_parts) > 1 else None
    names = (found.publication, meta.get("og:site_name"), meta.get("copyright"), title_end)
    return " | ".join(name for name in names if name).casefold()


# "/2023/11/07/" or "/2023-11-07-" in an article's address: many sites file stories by day.
_DATE_IN_ADDRESS = re.compile(
    r"/((?:19|20)\d\d)([/-])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/-]|\.html?\b|$)"
)


def _date_in_address(url: str | None) -> dt.date | None:
    """The day the article's address files it under, when the page states no date."""
    match = _DATE_IN_ADDRESS.search(url or "")
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[3]), int(match[4]))
    except ValueError:
        return None


def _in_local_time(stamps: list[Published]) -> Published | None:
    """The first of the page's publication stamps, in the local time another of them gives
    for the same moment: "03:05Z" is "23:05-04:00" the day before, the day the page shows.
    (The JSON-LD's stamp is taken as it is, as the page states it.)"""
    first = stamps[0] if stamps else None
    if not isinstance(first, dt.datetime) or first.utcoffset() != dt.timedelta(0):
        return first
    for stamp in stamps[1:]:
        if (
            isinstance(stamp, dt.datetime)
            and stamp.utcoffset() not in (None, dt.timedelta(0))
            and abs(stamp - first) <= _SAME_MOMENT
        ):
            return stamp
    return first


def _time_element_date(tree: Any) -> Published | None:
    """The date of the article's own ``<time>`` (or ``itemprop="datePublished"``) element: one
    marked published first, then any not marked updated, then any, in page order; never one
    in the comments or in a box of other stories."""
    ranked: list[tuple[int, Published]] = []
    for element in tree.xpath('//time | //*[@itemprop="datePublished"]'):
        stated = element.get("datetime") or element.get("content") or element.get("title")
        value = parse_date(stated)
        if value is None or in_other_articles(element):
            continue
        marks = f"{element.get('class') or ''} {element.get('itemprop') or ''}".casefold()
        rank = 0 if _PUBLISHED_MARK.search(marks) else 2 if _UPDATED_MARK.search(marks) else 1
        ranked.append((rank, value))
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


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


def parse_date(value: str | None) -> Published | None:
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


def _is_logo(h1: Any) -> bool:
    """An ``<h1>`` that is the site's name linking to its home page, as blog templates set
    their logo: "<h1><a href="https://blog.example/">Fenland Birding Notes</a></h1>"."""
    links = h1.findall(".//a")
    href = (links[0].get("href") or "").strip() if len(links) == 1 else ""
    if not href or href.startswith("#"):
        return False
    address = urlsplit(href)
    return address.path in ("", "/") and not address.query


def _visible_headline(h1s: list[str], title: str | None) -> str | None:
    """The headline a reader sees: of the ``<h1>`` elements of two words or more (one-word h1s
    are section names), the one sharing most words with the page's title, since some pages set
    their logo in an h1 too; of two the title holds whole ("Elm Valley Voice | Board votes
    to keep Hillcrest open"), the longer, which is the story's rather than the site's."""
    candidates = [h1 for h1 in h1s if len(h1.split()) >= 2]
    title_words = set(re.findall(r"\w+", (title or "").casefold()))

    def shared(h1: str) -> tuple[float, int]:
        words = set(re.findall(r"\w+", h1.casefold()))
        return (len(words & title_words) / len(words) if words else 0.0), len(words)

    return max(candidates, key=shared, default=None)


def choose_headline(metadata: PageMetadata, extracted: dict[str, Any]) -> str | None:
    """The page's stated headline (JSON-LD), else the h1 the reader sees, else the title for
    sharing or the <title>, without " | Site Name"."""
    if metadata.headline:
        return _strip_site_name(metadata.headline, metadata)
    title = metadata.social_title or metadata.title or clean_text(str(extracted.get("title") or ""))
    return _strip_site_name(title, metadata) if title else None


def _strip_site_name(title: str, metadata: PageMetadata) -> str:
    """ "Title | Site Name" -> "Title", when the tail is the site's name or the h1 is the head;
    "Opinion | Title" -> "Title", when the h1 is what follows the label."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    head, tail = " - ".join(parts[:-1]), parts[-1]
    site = (metadata.publication or "").casefold()
    h1s = {h.casefold() for h in metadata.h1}
    if (site and (tail.casefold() in site or site in tail.casefold())) or head.casefold() in h1s:
        return head
    after_label = " - ".join(parts[1:])
    return after_label if after_label.casefold() in h1s else title

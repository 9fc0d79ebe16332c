"""Markdown article (Hugo, Jekyll, Eleventy, Ghost export) -> Article.

A static-site article states its metadata exactly in its front matter (YAML between ``---``
lines or TOML between ``+++`` lines), so headline, authors, date and lede come from there first.
The body is parsed with markdown-it-py and read as a listener should hear it: link text without
the address, no images, no markup characters, and a short notice instead of code or tables,
which make no sense read aloud.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from ..errors import InputError
from ..models import Article, Published, Section, sections_to_read
from .byline import split_authors
from .dates import find_date

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CODE_NOTICE = "A code example is skipped here."
TABLE_NOTICE = "A table is skipped here."

# Rewrites of the body before parsing. Site-generator template syntax is removed: none of it is
# prose. Highlight blocks are code, so they become an empty fence (read as CODE_NOTICE).
_EMPTY_FENCE = "\n\n```\n```\n\n"
SOURCE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Jekyll: {% highlight ruby %} ... {% endhighlight %}
    (re.compile(r"\{%-?\s*highlight\b.*?\{%-?\s*endhighlight\s*-?%\}", re.S), _EMPTY_FENCE),
    # Hugo: {{< highlight go >}} ... {{< /highlight >}}
    (re.compile(r"\{\{[<%]\s*highlight\b.*?\{\{[<%]\s*/highlight\s*[%>]\}\}", re.S), _EMPTY_FENCE),
    # Hugo shortcodes: {{< figure src="a.jpg" >}}, {{% notice %}}
    (re.compile(r"\{\{[<%][^\n]*?[%>]\}\}"), ""),
    # Liquid and Nunjucks tags and output: {% include note.html %}, {{ page.title }}
    (re.compile(r"\{%[^\n]*?%\}"), ""),
    (re.compile(r"\{\{[^\n]*?\}\}"), ""),
    # A footnote definition "[^1]: ..." starts a paragraph of its own, even right after text.
    (re.compile(r"^(?=\[\^[^\]\s]+\]:)", re.MULTILINE), "\n"),
)

# Front matter keys (compared casefolded), best first, for each Article field they fill.
HEADLINE_KEYS = ("title",)
AUTHOR_KEYS = ("authors", "author")
DATE_KEYS = ("date", "publishdate", "pubdate", "published_at")
LEDE_KEYS = ("description", "summary", "excerpt", "custom_excerpt")
IMAGE_KEYS = ("image", "cover", "feature_image", "featured_image", "cover_image", "images")
TAG_KEYS = ("tags", "categories", "keywords")
LANGUAGE_KEYS = ("lang", "language")
PUBLICATION_KEYS = ("publication", "site")
URL_KEYS = ("canonical_url", "canonicalurl", "url")
# Inside an image mapping (Hugo themes: ``cover: {image: ..., alt: ...}``).
IMAGE_SUBKEYS = ("image", "src", "url")

# A footnote reference "[^1]" (with the space before it) and a definition "[^1]: ...".
_FOOTNOTE_REFERENCE = re.compile(r"\s*\[\^[^\]\s]+\]")
_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]\s]+\]:")
# Attribute lists that Hugo and kramdown allow after a heading or on their own line:
# "## Intro {#intro}", "{: .note}".
_ATTRIBUTE_LIST = re.compile(r"\{[:#.][^{}]*\}")
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
# An item of a list is a sentence of its own; these endings already close it.
_CLOSING_PUNCTUATION = (".", "!", "?", "…", ":", ";", ",")
_CLOSING_QUOTES = "\"'”’»)]"

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse_markdown(text: str, source: str | Path | None = None) -> Article:
    """Parse a Markdown article, with or without YAML or TOML front matter."""
    subject = source or "<markdown>"
    front, body = _split_front_matter(text, subject)
    blocks = list(_blocks(SyntaxTreeNode(_MARKDOWN.parse(_rewrite_source(body))).children))
    headline, blocks = _take_headline(_first(front, HEADLINE_KEYS, _plain_text), blocks)
    if not headline:
        raise InputError("no headline: give a title in the front matter or a # heading", subject)
    lede, blocks = _take_lede(_first(front, LEDE_KEYS, _plain_text), blocks)
    return Article(
        headline=headline,
        authors=_first(front, AUTHOR_KEYS, _authors) or (),
        published=_first(front, DATE_KEYS, _published),
        publication=_first(front, PUBLICATION_KEYS, _plain_text),
        lede=lede,
        language=_first(front, LANGUAGE_KEYS, _language) or "en",
        sections=_sections(blocks),
        source_url=_first(front, URL_KEYS, _absolute_url),
        image=_first(front, IMAGE_KEYS, _image),
        tags=_first(front, TAG_KEYS, _tags) or (),
    )


# --- front matter ---------------------------------------------------------------------------


def _load_yaml(text: str) -> object:
    # safe_load builds only plain data: a "!!python/object" tag is an error, never a call.
    return yaml.safe_load(text)


@dataclass(frozen=True)
class _FrontMatterFormat:
    """How a front matter opened by a given fence line ends and is loaded."""

    closers: tuple[str, ...]
    load: Callable[[str], object]


FRONT_MATTER_FORMATS = {
    "---": _FrontMatterFormat(("---", "..."), _load_yaml),
    "+++": _FrontMatterFormat(("+++",), tomllib.loads),
}
"""Opening fence line -> front matter format (YAML for Jekyll, Eleventy, Hugo; TOML for Hugo)."""


def _split_front_matter(text: str, subject: str | Path) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping with casefolded keys, and the Markdown body after it."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    start = next((index for index, line in enumerate(lines) if line.strip()), 0)
    fence = lines[start].strip() if lines else ""
    form = FRONT_MATTER_FORMATS.get(fence)
    if form is None:
        return {}, text
    for end in range(start + 1, len(lines)):
        if lines[end].strip() in form.closers:
            # Blank lines in place of what precedes keep error line numbers true to the file.
            raw = "\n" * (start + 1) + "".join(lines[start + 1 : end])
            return _load_front_matter(form, raw, subject), "".join(lines[end + 1 :])
    raise InputError(f"invalid front matter: no closing {fence} line", subject)


def _load_front_matter(form: _FrontMatterFormat, raw: str, subject: str | Path) -> dict[str, Any]:
    try:
        data = form.load(raw)
    except yaml.YAMLError as exc:
        raise InputError(f"invalid front matter: {_yaml_problem(exc)}", subject) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid front matter: {exc}", subject) from exc
    if data is None:  # "---" right after "---": empty, and valid
        return {}
    if not isinstance(data, Mapping):
        kind = type(data).__name__
        raise InputError(f"invalid front matter: expected key: value lines, got a {kind}", subject)
    front: dict[str, Any] = {}
    for key, value in data.items():
        front.setdefault(str(key).casefold(), value)
    return front


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """One line saying what is wrong and where (PyYAML's own message spans several lines)."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        return f"{exc.problem} (line {mark.line + 1})" if mark else exc.problem
    return " ".join(str(exc).split())


def _first(front: Mapping[str, Any], keys: Iterable[str], convert: Callable[[Any], Any]) -> Any:
    """The first usable value among ``keys``, converted; None when no key gives one."""
    for key in keys:
        value = convert(front.get(key))
        if value:
            return value
    return None


def _plain_text(value: object) -> str | None:
    """A scalar as one line of text (YAML reads ``title: 1984`` as a number)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return " ".join(str(value).split()) or None


def _authors(value: object) -> tuple[str, ...]:
    """ "A and B", ["A", "B"], [{name: A}, {name: B}] or {name: A} -> ("A", "B")."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            name = _plain_text(item.get("name"))
            names.extend([name] if name else [])
        else:
            names.extend(_split_names(item))
    return tuple(dict.fromkeys(names))


def _split_names(value: object) -> tuple[str, ...]:
    """A byline string split into names; kept whole when it does not look like names."""
    text = _plain_text(value)
    if text is None:
        return ()
    return split_authors(text) or (text,)


def _published(value: object) -> Published | None:
    """A date or datetime as YAML or TOML loaded it, or a date written as a string.

    A time zone is kept when given; a time without one stays naive rather than guessed.
    """
    if isinstance(value, (dt.datetime, dt.date)):
        return value
    text = _plain_text(value)
    if text is None:
        return None
    match = find_date(text)
    if match:
        return match.value
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _image(value: object) -> str | None:
    """A path or URL, a mapping holding one (``{image: ...}``), or the first of a list."""
    items = value if isinstance(value, list) else [value]
    return next((image for image in map(_image_source, items) if image), None)


def _image_source(item: object) -> str | None:
    if isinstance(item, Mapping):
        item = next((item[key] for key in IMAGE_SUBKEYS if item.get(key)), None)
    if not isinstance(item, str):
        return None
    return item.strip() or None


def _tags(value: object) -> tuple[str, ...]:
    """A list of tags, or tags in one comma-separated string."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        return ()
    tags = (_plain_text(item) for item in items)
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _language(value: object) -> str | None:
    """The primary language subtag, as the other readers give it: "en_US" -> "en"."""
    text = _plain_text(value)
    if text is None:
        return None
    return text.replace("_", "-").split("-")[0].lower() or None


def _absolute_url(value: object) -> str | None:
    """An absolute http(s) URL; Hugo's ``url`` is often a site path, which says nothing."""
    text = _plain_text(value)
    if text is None:
        return None
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.netloc else None


# --- body -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    """A heading or a paragraph of the body, as text to read."""

    text: str
    level: int = 0
    """Heading level (1 for ``#``), 0 for a paragraph."""

    can_lead: bool = True
    """False for text that cannot open an article as its lede (a list, a skipped code block)."""


def _rewrite_source(body: str) -> str:
    for pattern, replacement in SOURCE_RULES:
        body = pattern.sub(replacement, body)
    return body


def _blocks(nodes: Iterable[SyntaxTreeNode]) -> Iterator[_Block]:
    """Readable blocks in order; a node type missing from BLOCK_READERS is not read."""
    for node in nodes:
        reader = BLOCK_READERS.get(node.type)
        if reader is not None:
            yield from reader(node)


def _heading(node: SyntaxTreeNode) -> Iterator[_Block]:
    text = _collapse(_inline_text(node))
    if text:
        yield _Block(text, level=int(node.tag[1:]))


def _paragraph(node: SyntaxTreeNode) -> Iterator[_Block]:
    if node.children and _FOOTNOTE_DEFINITION.match(node.children[0].content):
        return  # footnotes are asides written to be glanced at, not read in the flow
    text = _collapse(_inline_text(node))
    if text:
        yield _Block(text)


def _list(node: SyntaxTreeNode) -> Iterator[_Block]:
    """The items of one list as one paragraph, each item a sentence."""
    sentences = [
        _as_sentence(block.text) for item in node.children for block in _blocks(item.children)
    ]
    if sentences:
        yield _Block(" ".join(sentences), can_lead=False)


def _quote(node: SyntaxTreeNode) -> Iterator[_Block]:
    yield from _blocks(node.children)


def _notice(text: str) -> Callable[[SyntaxTreeNode], Iterator[_Block]]:
    """A reader that says ``text`` in place of a block that cannot be read aloud."""

    def read(node: SyntaxTreeNode) -> Iterator[_Block]:
        yield _Block(text, can_lead=False)

    return read


BLOCK_READERS: dict[str, Callable[[SyntaxTreeNode], Iterator[_Block]]] = {
    "heading": _heading,
    "paragraph": _paragraph,
    "bullet_list": _list,
    "ordered_list": _list,
    "blockquote": _quote,
    "fence": _notice(CODE_NOTICE),
    "code_block": _notice(CODE_NOTICE),
    "table": _notice(TABLE_NOTICE),
}
"""markdown-it block node type -> reader. Rules ("hr") and raw HTML blocks are left out."""


def _as_sentence(text: str) -> str:
    """A list item as a sentence the script splits and pauses after like any other.

    The sentence splitter wants a capital after the full stop, so a lowercase first word is
    capitalized ("flour" -> "Flour."); a word with capitals inside ("iPhone") is left alone.
    """
    first_word = text.split(maxsplit=1)[0]
    if first_word.islower() and first_word[0].isalpha():
        text = text[0].upper() + text[1:]
    closed = text.rstrip(_CLOSING_QUOTES).endswith(_CLOSING_PUNCTUATION)
    return text if closed else text + "."


def _inline_text(node: SyntaxTreeNode) -> str:
    """The text of a heading's or paragraph's inline content, as it should be heard."""
    text = ""
    for child in node.children:
        if _is_footnote_link(child):
            text = text.rstrip()
        else:
            text += INLINE_READERS.get(child.type, _inline_text)(child)
    return text


def _is_footnote_link(node: SyntaxTreeNode) -> bool:
    """ "[^1]" becomes a link when a one-word "[^1]: note" line defines it as a reference."""
    if node.type != "link":
        return False
    label = _inline_text(node)
    return label.startswith("^") and not any(char.isspace() for char in label)


def _text(node: SyntaxTreeNode) -> str:
    """Plain text, without footnote markers and attribute lists (never in code spans)."""
    return _ATTRIBUTE_LIST.sub("", _FOOTNOTE_REFERENCE.sub("", node.content))


def _html_inline(node: SyntaxTreeNode) -> str:
    """Inline tags are markup, not words; a line break still separates the words around it."""
    return " " if _LINE_BREAK_TAG.fullmatch(node.content.strip()) else ""


INLINE_READERS: dict[str, Callable[[SyntaxTreeNode], str]] = {
    "text": _text,
    "code_inline": lambda node: node.content,
    "softbreak": lambda node: " ",
    "hardbreak": lambda node: " ",
    "image": lambda node: "",
    "html_inline": _html_inline,
}
"""markdown-it inline node type -> its text. Links, emphasis, strong and strikethrough read as
their content (the default), so their addresses and markers are never heard."""


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --- article structure ----------------------------------------------------------------------


def _take_headline(title: str | None, blocks: list[_Block]) -> tuple[str | None, list[_Block]]:
    """The headline, and the blocks without the ``#`` heading that repeats or gives it.

    With a front matter title, a first ``#`` equal to it is a repeat; without one, the first
    ``#`` is the title. Any other ``#`` heading starts a section.
    """
    first_h1 = next((index for index, block in enumerate(blocks) if block.level == 1), None)
    if first_h1 is None:
        return title, blocks
    h1 = blocks[first_h1].text
    if title and h1.casefold() != title.casefold():
        return title, blocks
    return title or h1, blocks[:first_h1] + blocks[first_h1 + 1 :]


def _take_lede(given: str | None, blocks: list[_Block]) -> tuple[str | None, list[_Block]]:
    """The lede, and the blocks without the paragraph that gives or repeats it.

    The front matter's description is the lede; a first paragraph that says the same is not
    read twice. Without a description, the first paragraph is the lede when it opens the body
    (same as the text reader).
    """
    opening = blocks[0] if blocks and blocks[0].level == 0 and blocks[0].can_lead else None
    if opening is None:
        return given, blocks
    if given and opening.text.casefold() != given.casefold():
        return given, blocks
    return given or opening.text, blocks[1:]


def _sections(blocks: list[_Block]) -> tuple[Section, ...]:
    """Sections split at headings; a heading straight over another is a part title, kept."""
    sections: list[tuple[Section, int]] = []
    heading: str | None = None
    level = 0
    paragraphs: list[str] = []
    for block in blocks:
        if block.level:
            sections.append((Section(heading, tuple(paragraphs)), level))
            heading, level, paragraphs = block.text, block.level, []
        else:
            paragraphs.append(block.text)
    sections.append((Section(heading, tuple(paragraphs)), level))
    return sections_to_read(sections)

"""A readable outline of an article, for checking its structure before a build."""

from __future__ import annotations

from ..models import Article, join_names

_FIRST_WORDS = 8


def _first_words(text: str, count: int = _FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def outline(article: Article) -> str:
    """Headline, byline, date, lede, then each section with its paragraph count and first words."""
    published = article.published.isoformat() if article.published else "(none found)"
    lines = [
        f"Headline:    {article.headline}",
        f"Byline:      {join_names(article.authors) if article.authors else '(none found)'}",
        f"Published:   {published}",
    ]
    if article.publication:
        lines.append(f"Publication: {article.publication}")
    if article.source_url:
        lines.append(f"Source:      {article.source_url}")
    lines.append(f"Lede:        {_first_words(article.lede, 14) if article.lede else '(none)'}")
    paragraphs = sum(len(section.paragraphs) for section in article.sections)
    words = sum(len(p.split()) for section in article.sections for p in section.paragraphs)
    lines.append(f"Sections:    {len(article.sections)} ({paragraphs} paragraphs, {words} words)")
    for number, section in enumerate(article.sections, 1):
        heading = section.heading or "(untitled)"
        count = len(section.paragraphs)
        if not count:
            lines.append(f"  {number}. {heading}  [part title over the sections below]")
            continue
        lines.append(f"  {number}. {heading}  [{count} paragraph{'s' if count != 1 else ''}]")
        lines.append(f"       {_first_words(section.paragraphs[0])}")
    return "\n".join(lines)

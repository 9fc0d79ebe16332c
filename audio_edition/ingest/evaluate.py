"""Score the article parser on a corpus of real pages.

    python -m audio_edition.evaluate ../shared/corpus [--form html|txt|both]
                                     [--split all|development|held-out] [--failures]

A corpus folder holds ``html/<id>.html`` and/or ``txt/<id>.txt`` with the expected structure in
``expected/<id>.json`` (``headline``, ``authors``, ``published``, ``section_headings``,
``body_text``). Scoring: headline exact after normalization; author set equality; same published
day; section-heading multiset precision and recall; body word-multiset precision and recall.
Figures are macro-averaged over the items that have the label.

Sites are split in two, by a hash of the site's name: rules are written looking only at the
development sites, and the held-out sites (a fifth of them) are scored but never read while
tuning, so their figure estimates what a page from a site never seen will get. Item ids name
their site (``dev-<site>[-N]``, as in the shared corpus); the report gives all three figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AudioEditionError
from ..models import Article
from . import load_article
from .dates import find_dates
from .html import parse_html
from .lines import clean_line

FORMS = {"html": ("html", ".html"), "txt": ("txt", ".txt")}
METRICS = ("headline", "authors", "date", "headings_f1", "body_recall", "body_precision")
SPLITS = ("all", "development", "held-out")
# Sites fall into this many folds by hash; one fold is held out from rule writing.
_FOLDS = 5
_HELD_OUT_FOLD = 0

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"}
)


def normalize_label(text: str) -> str:
    """NFKC, straight quotes and dashes, collapsed whitespace, casefolded."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split()).casefold()


def _author_key(name: str) -> str:
    return re.sub(r"^by\s+", "", normalize_label(name))


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _overlap(found: Counter[str], expected: Counter[str]) -> tuple[float | None, float | None]:
    """(precision, recall) of multisets; None where the denominator is empty."""
    common = sum((found & expected).values())
    precision = common / sum(found.values()) if found else None
    recall = common / sum(expected.values()) if expected else None
    return precision, recall


def site_of(item: str) -> str:
    """The site an item comes from: ``dev-nypost-com-2`` -> ``nypost-com``."""
    return re.sub(r"-\d+$", "", re.sub(r"^[a-z]+-", "", item, count=1))


def split_of(item: str) -> str:
    """``held-out`` or ``development``, the same for every page of a site."""
    fold = zlib.crc32(site_of(item).encode("utf-8")) % _FOLDS
    return "held-out" if fold == _HELD_OUT_FOLD else "development"


@dataclass
class ItemScore:
    """Scores of one corpus item; None where the item has no label for the metric."""

    item: str
    scores: dict[str, float | None] = field(default_factory=dict)
    error: str | None = None
    failures: list[str] = field(default_factory=list)
    """One line per field the parser got wrong: expected, then what it found."""

    @property
    def split(self) -> str:
        return split_of(self.item)


def score_article(article: Article, expected: dict[str, Any]) -> dict[str, float | None]:
    """Compare a parsed article with its expected structure."""
    scores: dict[str, float | None] = dict.fromkeys(METRICS)
    if expected.get("headline"):
        scores["headline"] = float(
            normalize_label(article.headline) == normalize_label(expected["headline"])
        )
    if expected.get("authors"):
        found = {_author_key(a) for a in article.authors}
        scores["authors"] = float(found == {_author_key(a) for a in expected["authors"]})
    if expected.get("published"):
        published = article.published.isoformat() if article.published else ""
        scores["date"] = float(published[:10] == str(expected["published"])[:10])
    found_headings = Counter(normalize_label(s.heading) for s in article.sections if s.heading)
    expected_headings = Counter(normalize_label(h) for h in expected.get("section_headings", []))
    if found_headings or expected_headings:
        precision, recall = _overlap(found_headings, expected_headings)
        p, r = precision or 0.0, recall or 0.0
        scores["headings_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    if expected.get("body_text"):
        body = [article.lede or ""] + [p for s in article.sections for p in s.paragraphs]
        precision, recall = _overlap(_words("\n".join(body)), _words(expected["body_text"]))
        scores["body_precision"] = precision if precision is not None else 0.0
        scores["body_recall"] = recall
    return scores


# The page's own JSON-LD, which the labels come from.
_JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.I | re.S)


def score_corpus(corpus: Path, form: str, *, without_json_ld: bool = False) -> list[ItemScore]:
    """Parse every item of ``form`` in ``corpus`` and score it.

    ``without_json_ld`` removes the pages' JSON-LD first, to measure the HTML reader on what
    else a page shows (the labels are taken from JSON-LD, so with it the task is easier).
    """
    folder, suffix = FORMS[form]
    results = []
    for expected_path in sorted((corpus / "expected").glob("*.json")):
        source = corpus / folder / f"{expected_path.stem}{suffix}"
        if not source.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        try:
            if without_json_ld and form == "html":
                html = _JSON_LD.sub("", source.read_text(encoding="utf-8"))
                article = parse_html(html, source)
            else:
                article = load_article(source)
        except AudioEditionError as exc:
            results.append(ItemScore(expected_path.stem, dict.fromkeys(METRICS, 0.0), str(exc)))
            continue
        scores = score_article(article, expected)
        results.append(
            ItemScore(expected_path.stem, scores, failures=_failures(article, expected, scores))
        )
    return results


def _failures(
    article: Article, expected: dict[str, Any], scores: dict[str, float | None]
) -> list[str]:
    found = {
        "headline": article.headline,
        "authors": list(article.authors),
        "date": article.published.isoformat() if article.published else None,
        "headings_f1": [s.heading for s in article.sections if s.heading],
    }
    wanted = {
        "headline": expected.get("headline"),
        "authors": expected.get("authors"),
        "date": expected.get("published"),
        "headings_f1": expected.get("section_headings"),
    }
    return [
        f"{metric}: expected {wanted[metric]!r}, got {found[metric]!r}"
        for metric in found
        if (scores.get(metric) is not None and (scores[metric] or 0.0) < 1.0)
    ]


def averages(results: Iterable[ItemScore]) -> dict[str, float | None]:
    """Macro average of each metric over the items that have it."""
    totals: dict[str, float | None] = {}
    items = list(results)
    for metric in METRICS:
        values = [r.scores[metric] for r in items if r.scores.get(metric) is not None]
        totals[metric] = sum(v for v in values if v is not None) / len(values) if values else None
    return totals


def printed_dates(corpus: Path, split: str) -> tuple[int, int]:
    """(pages whose labelled calendar day is printed as a full date anywhere in their pasted
    text, pages with a labelled date): the most the date column can reach on pasted text,
    since pages that print no year, "Monday 5:30PM", or a local day other than the label's
    give the reader nothing to find."""

    def printed(label: Any, text: str) -> bool:
        day = str(label)[:10]
        # (read as the parser reads the lines, with what a copy-paste glued apart again)
        lines = (clean_line(line) for line in text.splitlines())
        found = (d.match.value for line in lines for d in find_dates(line))
        return any(value.isoformat()[:10] == day for value in found)

    return _printed(corpus, split, "published", printed)


def printed_authors(corpus: Path, split: str) -> tuple[int, int]:
    """(pages whose labelled authors are all named somewhere in their pasted text, pages with
    labelled authors): the most the authors column can reach on pasted text, since a paste that
    starts below the byline, or a page that names the writer only in its markup, gives the reader
    nobody to find."""

    def printed(label: Any, text: str) -> bool:
        pasted = normalize_label(text)
        return all(_author_key(name) in pasted for name in label)

    return _printed(corpus, split, "authors", printed)


def _printed(
    corpus: Path, split: str, field: str, printed: Callable[[Any, str], bool]
) -> tuple[int, int]:
    found = labelled = 0
    for expected_path in sorted((corpus / "expected").glob("*.json")):
        source = corpus / "txt" / f"{expected_path.stem}.txt"
        if not source.exists() or split not in ("all", split_of(expected_path.stem)):
            continue
        label = json.loads(expected_path.read_text(encoding="utf-8")).get(field)
        if not label:
            continue
        labelled += 1
        found += printed(label, source.read_text(encoding="utf-8"))
    return found, labelled


def _cell(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def in_split(results: Iterable[ItemScore], split: str) -> list[ItemScore]:
    """The results of one split (``all`` keeps every item)."""
    return [r for r in results if split == "all" or r.split == split]


def _row(label: str, scores: dict[str, float | None]) -> str:
    return f"{label[:28]:<28}" + " ".join(f"{_cell(scores.get(m)):>13}" for m in METRICS)


def report(form: str, results: list[ItemScore], failures: bool = False) -> str:
    """A table: one row per item, then the macro averages of each split."""
    lines = [f"{form:<28}" + " ".join(f"{m[:13]:>13}" for m in METRICS)]
    for result in results:
        note = f"  ({result.error})" if result.error else ""
        lines.append(_row(result.item, result.scores) + note)
        if failures:
            lines.extend(f"    {failure}" for failure in result.failures)
    for split in SPLITS:
        chosen = in_split(results, split)
        if chosen:
            lines.append(_row(f"{split} ({len(chosen)})", averages(chosen)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="corpus folder (with expected/)")
    parser.add_argument("--form", choices=[*FORMS, "both"], default="both")
    parser.add_argument("--split", choices=SPLITS, default="all", help="score only these sites")
    parser.add_argument("--failures", action="store_true", help="print expected vs found")
    parser.add_argument(
        "--without-json-ld", action="store_true", help="score HTML with its JSON-LD removed"
    )
    parser.add_argument("--json", action="store_true", help="print the averages as JSON")
    args = parser.parse_args(argv)
    if not (args.corpus / "expected").is_dir():
        print(f"{args.corpus}: not a corpus folder (no expected/)", file=sys.stderr)
        return 1
    forms = list(FORMS) if args.form == "both" else [args.form]
    summary = {}
    for form in forms:
        scored = score_corpus(args.corpus, form, without_json_ld=args.without_json_ld)
        results = in_split(scored, args.split)
        summary[form] = {split: averages(in_split(results, split)) for split in SPLITS}
        if not args.json:
            print(report(form, results, args.failures))
            if form == "txt":
                for what, ceiling in (("authors", printed_authors), ("date", printed_dates)):
                    counts = [
                        (split, *ceiling(args.corpus, split))
                        for split in SPLITS
                        if args.split in ("all", split)
                    ]
                    print(
                        f"{what} printed in the text (the most the {what} column can reach): "
                        + ", ".join(f"{split} {n}/{total}" for split, n, total in counts if total)
                    )
            print()
    if args.json:
        print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

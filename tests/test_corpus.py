"""The parser on real pages: ../shared/corpus scored as `python -m audio_edition.evaluate` does.

The corpus's sites are split by a hash of their names (see ``audio_edition.evaluate``): rules
are written against the development sites only, and the held-out sites estimate what a site
never seen gets. The issue's targets are below; where the parser does not reach one, the test
holds the figure measured when the rules were written, so it cannot silently get worse. Some
targets cannot be reached on this corpus for reasons outside the parser: the labels give a
UTC time while the page prints local time (another calendar day), or the page prints no year.
The README lists every figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audio_edition.ingest.evaluate import (
    averages,
    in_split,
    printed_authors,
    printed_dates,
    score_corpus,
)

from .conftest import shared_file

TARGETS = {
    "html": {"headline": 0.97, "authors": 0.85, "date": 0.95, "headings_f1": 0.90,
             "body_recall": 0.95, "body_precision": 0.92},
    "txt": {"headline": 0.95, "authors": 0.80, "date": 0.85, "headings_f1": 0.75,
            "body_recall": 0.95, "body_precision": 0.92},
}  # fmt: skip
# Measured floors, (form, split, metric) -> figure, where a target is not reached.
FLOORS = {
    ("txt", "held-out", "headline"): 0.94,
    ("txt", "held-out", "authors"): 0.74,
    ("txt", "all", "date"): 0.62,
    ("txt", "held-out", "date"): 0.64,
    ("txt", "all", "headings_f1"): 0.50,
    ("txt", "held-out", "headings_f1"): 0.23,
    # HTML without JSON-LD: what the reader's fallbacks reach, as on sites that have none.
    ("html-without-json-ld", "held-out", "date"): 0.93,
}


@pytest.mark.parametrize("split", ["all", "held-out"])
@pytest.mark.parametrize("form", ["html", "html-without-json-ld", "txt"])
def test_corpus_scores_stay_above_targets(form: str, split: str) -> None:
    corpus = shared_file("corpus")
    without_json_ld = form == "html-without-json-ld"
    scored = score_corpus(
        corpus, "html" if without_json_ld else form, without_json_ld=without_json_ld
    )
    results = in_split(scored, split)
    assert len(results) >= 10
    overall = averages(results)
    for metric, target in TARGETS["html" if without_json_ld else form].items():
        required = min(target, FLOORS.get((form, split, metric), target))
        value = overall[metric]
        assert value is not None and value >= required, f"{form} {split} {metric}: {value:.2f}"


def test_the_date_ceiling_counts_only_pages_that_print_the_labelled_day(tmp_path: Path) -> None:
    pages = {
        "dev-a-example": (
            "Headline\n\nBy Jo Park | March 3, 2025\n\nText.",
            "2025-03-03T10:00:00Z",
        ),
        "dev-b-example": ("Headline\n\nMonday 5:30PM\n\nText.", "2025-03-03T10:00:00Z"),
        "dev-c-example": ("Headline\n\nMarch 2, 2025\n\nText.", "2025-03-03T01:00:00Z"),
        "dev-d-example": ("Headline\n\nText.", None),
    }
    _write_corpus(tmp_path, "published", pages)
    assert printed_dates(tmp_path, "all") == (1, 3)


def test_the_authors_ceiling_counts_only_pages_that_name_every_labelled_author(
    tmp_path: Path,
) -> None:
    pages = {
        "dev-a-example": ("Headline\n\nBy JO PARK and Ann Lee\n\nText.", ["Jo Park", "Ann Lee"]),
        "dev-b-example": ("Headline\n\nBy Jo Park\n\nText.", ["Jo Park", "Ann Lee"]),
        "dev-c-example": ("Headline\n\nText by nobody.", ["Jo Park"]),
        "dev-d-example": ("Headline\n\nText.", []),
    }
    _write_corpus(tmp_path, "authors", pages)
    assert printed_authors(tmp_path, "all") == (1, 3)


def _write_corpus(folder: Path, field: str, pages: dict[str, tuple[str, object]]) -> None:
    """A corpus of pasted texts, each labelled with its headline and ``field``."""
    for name in ("expected", "txt"):
        (folder / name).mkdir()
    for item, (text, value) in pages.items():
        (folder / "txt" / f"{item}.txt").write_text(text, encoding="utf-8")
        label = {"headline": "Headline", field: value}
        (folder / "expected" / f"{item}.json").write_text(json.dumps(label), encoding="utf-8")

"""The text reader on the probe sets of ``tests/fixtures/probes``, scored as
`python -m audio_edition.evaluate` scores the shared corpus.

The figures are those measured when the rules were last written: they hold the reader where
it is, so that a rule that helps one set and hurts another shows. The ``held-out`` sets were
never read while writing rules (see the folder's README).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.ingest.evaluate import averages, score_corpus

PROBES = Path(__file__).parent / "fixtures" / "probes"

# (headline, authors, date, headings F1, body recall, body precision), as measured; None where
# the set has no label for the figure.
MEASURED: dict[str, tuple[float | None, ...]] = {
    "header-blocks": (1.00, 1.00, 1.00, 1.00, 0.99, 0.97),
    "sections": (1.00, 1.00, 1.00, 0.80, 0.98, 0.96),
    "site-families": (1.00, 1.00, 0.98, 0.77, 0.99, 0.94),
    "article-kinds": (1.00, 1.00, 1.00, 0.78, 0.97, 0.92),
    "whole-pastes": (1.00, 1.00, 1.00, 0.86, 0.98, 0.93),
    "whole-pastes-2": (1.00, 1.00, 1.00, 0.78, 0.99, 0.91),
    "whole-pastes-3": (1.00, 1.00, 1.00, 0.83, 0.98, 0.93),
    "regional-headers": (1.00, 0.94, 0.98, None, 1.00, 0.96),
    "clutter": (1.00, 1.00, 1.00, 0.89, 0.99, 0.94),
    "bylines-world": (1.00, 1.00, 0.98, 1.00, 0.99, 0.96),
    "inline-lines": (1.00, 1.00, 1.00, 0.95, 0.97, 0.93),
    "captions": (1.00, 1.00, 1.00, 0.84, 0.98, 0.95),
    "held-out": (1.00, 0.97, 1.00, 0.86, 0.98, 0.90),
    "held-out-2": (0.97, 0.94, 0.97, 0.82, 0.99, 0.93),
    "held-out-3": (0.90, 0.97, 0.97, 0.81, 0.99, 0.91),
    "held-out-4": (1.00, 0.97, 0.97, 0.84, 0.98, 0.92),
}
METRICS = ("headline", "authors", "date", "headings_f1", "body_recall", "body_precision")
# Rounding of the figures above.
SLACK = 0.005


@pytest.mark.parametrize("probe_set", sorted(MEASURED))
def test_probe_set_scores_stay_where_they_were_measured(probe_set: str) -> None:
    results = score_corpus(PROBES / probe_set, "txt")
    assert not [r.item for r in results if r.error], "a probe failed to parse"
    overall = averages(results)
    for metric, measured in zip(METRICS, MEASURED[probe_set], strict=True):
        value = overall[metric]
        if measured is None:
            assert value is None, f"{probe_set} {metric}: headings found where none are labelled"
            continue
        assert value is not None and value >= measured - SLACK, f"{probe_set} {metric}: {value:.3f}"

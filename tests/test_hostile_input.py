"""Arbitrary and hostile input: the parsers raise our InputError or return an article, never
anything else (property tests with hypothesis), and hostile files get one clear line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audio_edition import Article, InputError
from audio_edition.ingest.decode import decode_text
from audio_edition.ingest.html import parse_html
from audio_edition.ingest.markdown import parse_markdown
from audio_edition.ingest.text import parse_text

LINES = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(["", "By Ana Ruiz", "Photo: x", "Trending Now", "## Heading", "---", "+++",
                         "title: x", "<p>", "</p>", "<h2>A</h2>", "Feb.06 - 2025 10:20 AM CET",
                         "- item", "```", "| a | b |", "[^1]: note", "<script>alert(1)</script>"]),
    ),
    max_size=40,
).map("\n".join)  # fmt: skip


def _parses_or_refuses(parse: object, text: str) -> None:
    try:
        article = parse(text, "fuzz")  # type: ignore[operator]
    except InputError:
        return
    assert isinstance(article, Article) and isinstance(article.headline, str)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_text_parser_never_crashes(text: str) -> None:
    _parses_or_refuses(parse_text, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_markdown_parser_never_crashes(text: str) -> None:
    _parses_or_refuses(parse_markdown, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_html_parser_never_crashes(text: str) -> None:
    _parses_or_refuses(parse_html, text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        text = decode_text(data, "fuzz")
    except InputError:
        return
    assert isinstance(text, str) and text.strip()


HOSTILE = {
    "nested.html": "<html><body>"
    + "<div>" * 10_000
    + "<p>deep text here</p>"
    + "</div>" * 10_000
    + "</body></html>",
    "billion-laughs.html": '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><html><body><h1>Laughs Are Not Expanded Here</h1><p>&lol3; and some text that is long enough to count as a body paragraph for the extractor.</p></body></html>',
    "one-line.txt": "A Headline Over One Long Line\n\n" + "word " * 200_000,
    "emoji.txt": "🎉🎉🎉\n\n🙂🙂 🙂🙂\n\n👍\n",
    "controls.txt": "Bad\x00Headline\x07 Here\n\nBy Ana Ruiz\n\nA paragraph with a NUL \x00 and a bell \x07 inside it, long enough to read.\n"
    + "More ordinary text follows here so that the stray bytes are few among many. " * 40,
    "front-matter-only.md": "---\ntitle: Only Front Matter Here\nauthor: Ana Ruiz\n---\n",
    "python-tag.md": "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n\nBody text.\n",
    "slashes.txt": "../../../../etc/passwd\n\nA paragraph that is long enough to be read as the body of this article.\n",
    "furniture.txt": "Advertisement\n\nTrending Now\n\nShare this article\n\nRead more\n",
    "rtl.txt": "مرحبا بالعالم\n\nهذه فقرة طويلة باللغة العربية لاختبار النص من اليمين إلى اليسار.\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_give_an_outline_or_one_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(HOSTILE[name], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "audio_edition.cli", "parse", str(path), "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1 and str(path) in lines[0], result.stderr
    else:
        assert "hacked" not in result.stdout and "lollol" not in result.stdout
        assert "\x00" not in result.stdout


def test_stray_control_characters_are_cleaned_from_everything(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_text(HOSTILE["controls.txt"], encoding="utf-8")
    from audio_edition import load_article
    from audio_edition.edition.manifest import edition_stem

    article = load_article(path)
    assert article.headline == "BadHeadline Here"
    assert "\x00" not in str(article.to_dict()) and "\x07" not in str(article.to_dict())
    assert edition_stem(article) == "badheadline-here"


def test_text_in_another_script_builds_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "rtl.txt"
    path.write_text(HOSTILE["rtl.txt"], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "audio_edition.cli", "build", str(path), "-o", str(tmp_path / "out"),
         "--cache-dir", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        f"audio-edition: warning: {path}: most of the text is not in the Latin alphabet"
        in result.stderr
    )
    assert len(list((tmp_path / "out").glob("article-*.mp3"))) == 1


@pytest.mark.parametrize("line", ["99999-01-01", "0000-00-00", "Feb. 31, 2025", "13/45/2025"])
def test_impossible_dates_are_ignored(line: str) -> None:
    article = parse_text(
        f"A Headline Here\n\nBy Ana Ruiz\n\n{line}\n\nA paragraph that is long enough to be the lede of this article.\n"
    )
    assert article.published is None

"""Pure builders: ID3 chapter frames, file names, settings precedence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from mutagen.id3 import CTOCFlags

from audio_edition import Article, Chapter, ConfigError, load_settings
from audio_edition.edition.manifest import edition_stem, slugify
from audio_edition.edition.tags import chapter_frames, episode_frames


def test_chapter_frames_one_toc_and_one_chap_per_chapter() -> None:
    frames = chapter_frames([Chapter("Intro", 0, 5000), Chapter("Part Two", 5000, 9000)])
    toc, *chaps = frames
    assert toc.FrameID == "CTOC" and toc.child_element_ids == ["chp0", "chp1"]
    assert toc.flags == CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
    assert [(c.start_time, c.end_time, str(c.sub_frames["TIT2"])) for c in chaps] == [
        (0, 5000, "Intro"),
        (5000, 9000, "Part Two"),
    ]


def test_tag_text_loses_control_characters() -> None:
    article = Article(headline="Bad\x00Title\x07 here", authors=("Ana\x1bRuiz",))
    frames = {
        frame.FrameID: frame for frame in episode_frames(article, [], "audio-edition test", None)
    }
    assert str(frames["TIT2"]) == "BadTitle here"
    assert frames["TPE1"].text == ["AnaRuiz"]


@pytest.mark.parametrize(
    ("headline", "published", "stem"),
    [
        (
            "Ukraine Strikes Hard in Kursk: 40,000 Russian Losses",
            dt.date(2025, 2, 6),
            "2025-02-06-ukraine-strikes-hard-in-kursk",
        ),
        ("Café Öffnet — Wieder", None, "cafe-offnet-wieder"),
        ("../../etc/passwd", None, "etc-passwd"),
        ("???", None, "article-a03b221c"),
        ("第一个标题", None, "article-e8affca8"),
        ("word " * 200, None, ("word-" * 12).rstrip("-")),
    ],
)
def test_edition_stem_is_a_short_safe_slug(
    headline: str, published: dt.date | None, stem: str
) -> None:
    assert edition_stem(Article(headline=headline, published=published)) == stem


def test_slug_never_exceeds_limit() -> None:
    assert len(slugify("x" * 500)) == 60


def test_settings_precedence_defaults_file_flags(tmp_path: Path) -> None:
    config = tmp_path / "audio-edition.toml"
    config.write_text(
        '[build]\nbitrate_kbps = 96\noutput_dir = "public"\n[style]\nbetween_paragraphs_ms = 900\n'
    )
    settings = load_settings(config, bitrate_kbps=None, between_sentences_ms=150)
    assert settings.bitrate_kbps == 96  # file beats default; a flag not given changes nothing
    assert settings.output_dir == Path("public")
    assert settings.style.between_paragraphs_ms == 900
    assert settings.style.between_sentences_ms == 150  # flag
    assert load_settings(config, bitrate_kbps=128).bitrate_kbps == 128  # flag beats file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[build]\nbitrate_kbps = 65\n", "bitrate 65 kb/s is not an MP3 bitrate"),
        ("[build]\ncolour = 'red'\n", "unknown setting(s): colour"),
        ("[style]\nafter_headline_ms = 'long'\n", "after_headline_ms must be a whole number"),
        ("[build\n", "invalid TOML"),
    ],
)
def test_bad_settings_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "audio-edition.toml"
    config.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert str(caught.value).startswith(f"{config}: ") and message in str(caught.value)

"""Article -> Script: what is said, in which order, with which pauses and chapters."""

from __future__ import annotations

import datetime as dt

from audio_edition import Article, ReadingStyle, Section
from audio_edition.script.lexicon import Entry, Lexicon
from audio_edition.script.writer import byline_text, script_lines, write_script

ARTICLE = Article(
    headline="Harbour Lights",
    authors=("Maren Holt", "Tomas Eriksen"),
    published=dt.datetime(2025, 3, 14, 8, 45, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    lede="The lamp turned again. Hundreds watched.",
    sections=(
        Section(None, ("The tower stood dark for years.",)),
        Section("A Lens Found in a Barn", ("It came back in 84 pieces.", "Experts reset it.")),
        Section(None, ("Visitors may climb it in summer.",)),
    ),
)


def test_byline_is_spoken_from_parsed_data() -> None:
    assert byline_text(ARTICLE) == "By Maren Holt and Tomas Eriksen. Published March 14, 2025."
    assert byline_text(Article(headline="X")) is None


def test_segments_in_reading_order_with_style_pauses() -> None:
    style = ReadingStyle()
    script = write_script(ARTICLE, style, "joe")
    kinds = [(s.kind, s.display_text) for s in script.segments]
    assert kinds[:5] == [
        ("headline", "Harbour Lights"),
        ("byline", "By Maren Holt and Tomas Eriksen."),
        ("byline", "Published March 14, 2025."),
        ("lede", "The lamp turned again."),
        ("lede", "Hundreds watched."),
    ]
    pauses = {s.display_text: s.pause_after_ms for s in script.segments}
    assert pauses["Harbour Lights"] == style.after_headline_ms
    assert pauses["The lamp turned again."] == style.between_sentences_ms
    assert pauses["Hundreds watched."] == style.after_lede_ms
    assert pauses["The tower stood dark for years."] == style.before_heading_ms
    assert pauses["A Lens Found in a Barn"] == style.after_heading_ms
    assert pauses["It came back in 84 pieces."] == style.between_paragraphs_ms
    assert script.segments[-1].pause_after_ms == style.tail_ms
    assert style.before_heading_ms > style.between_paragraphs_ms > style.between_sentences_ms


def test_chapters_first_covers_the_opening_and_untitled_sections_get_titles() -> None:
    script = write_script(ARTICLE, ReadingStyle(), "joe")
    assert [c.title for c in script.chapters] == [
        "Harbour Lights",
        "A Lens Found in a Barn",
        "Visitors may climb it in summer…",
    ]
    chapter_of = {s.display_text: s.chapter for s in script.segments}
    assert chapter_of["The tower stood dark for years."] == 0
    assert chapter_of["Experts reset it."] == 1
    assert chapter_of["Visitors may climb it in summer."] == 2


def test_spoken_text_is_normalized_and_display_text_is_not() -> None:
    article = Article(headline="Costs", sections=(Section(None, ("It cost $2bn in 1993.",)),))
    segment = write_script(article, ReadingStyle(), "joe").segments[-1]
    assert segment.display_text == "It cost $2bn in 1993."
    assert segment.spoken_text == "It cost two billion dollars in nineteen ninety-three."


def test_byline_can_be_left_out() -> None:
    script = write_script(ARTICLE, ReadingStyle(read_byline=False), "joe")
    assert all(s.kind != "byline" for s in script.segments)


NAMES = Lexicon(
    (
        Entry("Kyiv", respelling="KEE-iv", phonemes="kˈiːɪv"),
        Entry("Holt", respelling="HOHLT"),
    )
)


def test_lexicon_applies_to_spoken_text_after_normalizing_and_never_to_display_text() -> None:
    article = Article(
        headline="Kyiv Costs",
        authors=("Maren Holt",),
        sections=(Section(None, ("Kyiv's bill: $2bn.",)),),
    )
    with_phonemes = write_script(article, ReadingStyle(), "joe", NAMES, phoneme_voices={"joe"})
    spoken = {s.display_text: s.spoken_text for s in with_phonemes.segments}
    assert spoken["Kyiv Costs"] == "[[ kˈiːɪv ]] Costs"
    assert spoken["By Maren Holt."] == "By Maren hohlt."
    bill = spoken["Kyiv's bill: $2bn."]
    assert bill.startswith("[[ kˈiːɪvz ]] bill:") and "dollars" in bill and "$" not in bill
    assert [c.title for c in with_phonemes.chapters] == ["Kyiv Costs"]
    respelled = write_script(article, ReadingStyle(), "joe", NAMES, phoneme_voices=())
    assert respelled.segments[0].spoken_text == "keeiv Costs"
    plain = write_script(article, ReadingStyle(), "joe")
    assert plain.segments[0].spoken_text == "Kyiv Costs"
    assert [s.display_text for s in plain.segments] == [s.display_text for s in respelled.segments]


def test_script_lines_are_kind_tab_spoken_with_a_blank_line_between_paragraphs() -> None:
    lines = list(script_lines(write_script(ARTICLE, ReadingStyle(read_byline=False), "joe")))
    assert lines[:4] == [
        "headline\tHarbour Lights",
        "",
        "lede\tThe lamp turned again.",
        "lede\tHundreds watched.",
    ]
    assert lines[4:7] == ["", "paragraph\tThe tower stood dark for years.", ""]
    assert lines[7] == "heading\tA Lens Found in a Barn"
    assert lines[-1] == "paragraph\tVisitors may climb it in summer."


def test_a_part_title_without_paragraphs_is_read_and_has_its_chapter() -> None:
    article = Article(
        headline="Harbour Lights",
        lede="The lamp turned again.",
        sections=(
            Section("The Restoration", ()),
            Section("The Lens", ("It came back in 84 pieces.",)),
        ),
    )
    script = write_script(article, ReadingStyle(), "joe")
    assert [c.title for c in script.chapters] == ["Harbour Lights", "The Restoration", "The Lens"]
    spoken = [(s.kind, s.display_text, s.chapter) for s in script.segments]
    assert ("heading", "The Restoration", 1) in spoken
    assert ("paragraph", "It came back in 84 pieces.", 2) in spoken

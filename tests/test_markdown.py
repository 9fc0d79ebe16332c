"""Markdown article -> Article: front matter, headline, and the body as it is read aloud."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from audio_edition.errors import InputError
from audio_edition.ingest import load_article
from audio_edition.ingest.markdown import parse_markdown

from .conftest import FIXTURES, heard

MARKDOWN = FIXTURES / "markdown"
CODE_NOTICE = "A code example is skipped here."
TABLE_NOTICE = "A table is skipped here."


def body(markdown: str) -> list[str]:
    """What is heard after the headline of an article with ``markdown`` as its body."""
    return heard(parse_markdown("# Headline\n\n" + markdown))[1:]


def zone(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# --- front matter ---------------------------------------------------------------------------


def test_jekyll_yaml_front_matter_gives_the_metadata() -> None:
    article = parse_markdown((MARKDOWN / "jekyll-post.md").read_text(encoding="utf-8"))

    assert article.headline == "The Night the Lighthouse Went Dark"
    assert article.authors == ("Maren Oskarsdottir", "Tobias Lindqvist")
    assert article.published == dt.datetime(2016, 2, 14, 9, 30, tzinfo=zone(-5))
    assert article.lede == (
        "A keeper's logbook tells how a small island coped without its light for a week."
    )
    assert article.image == "/assets/img/lighthouse.jpg"
    assert article.tags == ("lighthouses", "storms")
    assert article.source_url == "https://harbour-notes.example/2016/lighthouse-dark"
    assert article.language == "en"


def test_with_a_description_the_first_paragraph_stays_in_the_body() -> None:
    article = parse_markdown((MARKDOWN / "jekyll-post.md").read_text(encoding="utf-8"))

    assert [(s.heading, s.paragraphs) for s in article.sections] == [
        (
            None,
            (
                "The storm reached the island a little after midnight, and by two in the "
                "morning the great lamp had stopped turning.",
            ),
        ),
        (
            "What the logbook says",
            ("The keeper wrote in pencil, in short lines, as if every word cost him something.",),
        ),
        ("The first morning", ("Fishing boats stayed in the harbour while the wind kept rising.",)),
    ]


def test_hugo_toml_front_matter() -> None:
    article = parse_markdown((MARKDOWN / "hugo-post.md").read_text(encoding="utf-8"))

    assert article.headline == "Growing Tomatoes on a Cold Balcony"
    assert article.authors == ("Ilse Brandt",)
    assert article.published == dt.datetime(2023, 5, 2, 7, 15, tzinfo=zone(2))
    assert article.lede == "Six seasons of trial and error, from seed to sauce."
    assert article.language == "de"
    assert article.image == "images/tomatoes.jpg"
    assert article.tags == ("gardening", "balcony")
    assert article.sections[-1].heading == "Choosing the pots"


def test_ghost_export_fields() -> None:
    article = parse_markdown((MARKDOWN / "ghost-export.md").read_text(encoding="utf-8"))

    assert article.authors == ("Priya Raman", "Oliver Achterberg")
    assert article.image == "https://cdn.example.org/libraries.jpg"
    assert article.lede == (
        "Village libraries are lending tools, seeds and telescopes alongside books."
    )
    assert article.published == dt.datetime(2024, 9, 18, 16, 40, tzinfo=dt.timezone.utc)
    assert article.publication == "The County Ledger"
    assert len(article.sections[0].paragraphs) == 2


def test_load_article_reads_a_markdown_file() -> None:
    path = MARKDOWN / "ghost-export.md"

    article = load_article(path)

    assert article.headline == "A Quiet Revolution in Rural Libraries"
    assert article.source_path == path


@pytest.mark.parametrize(
    ("front", "authors"),
    [
        ("author: Ada Brook", ("Ada Brook",)),
        ("author: Ada Brook, Ben Carver", ("Ada Brook", "Ben Carver")),
        ("authors: [Ada Brook, Ben Carver]", ("Ada Brook", "Ben Carver")),
        ("author: {name: Ada Brook, url: 'https://ada.example'}", ("Ada Brook",)),
        ("authors: [{name: Ada Brook}, {name: Ben Carver}]", ("Ada Brook", "Ben Carver")),
        ("author: adabrook", ("adabrook",)),
    ],
)
def test_author_shapes(front: str, authors: tuple[str, ...]) -> None:
    article = parse_markdown(f"---\ntitle: T\n{front}\n---\n\nText.\n")

    assert article.authors == authors


@pytest.mark.parametrize(
    ("front", "published"),
    [
        ("date: 2024-03-05", dt.date(2024, 3, 5)),
        ("date: 2024-03-05T10:20:00+01:00", dt.datetime(2024, 3, 5, 10, 20, tzinfo=zone(1))),
        ("date: 2024-03-05 10:20:00", dt.datetime(2024, 3, 5, 10, 20)),
        ('date: "2024-03-05T10:20:00Z"', dt.datetime(2024, 3, 5, 10, 20, tzinfo=dt.timezone.utc)),
        ('date: "March 5, 2024"', dt.date(2024, 3, 5)),
        ("date: 2024-03-05 10:20:00 -0800", dt.datetime(2024, 3, 5, 10, 20, tzinfo=zone(-8))),
        ("date: soon", None),
    ],
)
def test_dates(front: str, published: dt.date | None) -> None:
    article = parse_markdown(f"---\ntitle: T\n{front}\n---\n\nText.\n")

    # repr shows the type and the zone: a date is not a midnight, naive is not UTC.
    assert repr(article.published) == repr(published)


def test_toml_date_without_time_is_a_date() -> None:
    article = parse_markdown('+++\ntitle = "T"\ndate = 2024-03-05\n+++\n\nText.\n')

    assert article.published == dt.date(2024, 3, 5)
    assert not isinstance(article.published, dt.datetime)


@pytest.mark.parametrize(
    ("front", "field", "value"),
    [
        ("tags: travel, trains,  night", "tags", ("travel", "trains", "night")),
        ("keywords: [a, b]", "tags", ("a", "b")),
        ("language: fr_CA", "language", "fr"),
        ("site: Rail Weekly", "publication", "Rail Weekly"),
        ("url: /posts/night-train/", "source_url", None),
        ("url: https://rail.example/night", "source_url", "https://rail.example/night"),
        ("featured_image: {src: img/train.png}", "image", "img/train.png"),
        ("cover: {image: img/train.png, alt: A train}", "image", "img/train.png"),
        ("summary: The last sleeper of the line.", "lede", "The last sleeper of the line."),
    ],
)
def test_front_matter_aliases(front: str, field: str, value: object) -> None:
    article = parse_markdown(f"---\ntitle: T\n{front}\n---\n")

    assert getattr(article, field) == value


def test_a_first_paragraph_repeating_the_description_is_not_read_twice() -> None:
    article = parse_markdown(
        "---\ntitle: T\nsummary: Rain is coming.\n---\n\nRain is  coming.\n\nBring a coat.\n"
    )

    assert heard(article) == ["T", "Rain is coming.", "Bring a coat."]


def test_front_matter_only_is_an_article_without_sections() -> None:
    article = parse_markdown("---\ntitle: Just a Note\ndescription: Nothing more to say.\n---\n")

    assert article.headline == "Just a Note"
    assert article.lede == "Nothing more to say."
    assert article.sections == ()


# --- bad front matter -----------------------------------------------------------------------


def test_python_object_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n\n# Hi\n'

    with pytest.raises(InputError, match="invalid front matter"):
        parse_markdown(text, tmp_path / "evil.md")
    assert not marker.exists()


def test_malformed_yaml_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    text = "---\ntitle: Fine\ntags: [one, two\n---\n\nText.\n"

    with pytest.raises(InputError) as caught:
        parse_markdown(text, path)

    message = str(caught.value)
    assert message.startswith(f"{path}: invalid front matter: ")
    assert "line 4" in message
    assert "\n" not in message


def test_malformed_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"

    with pytest.raises(InputError, match=rf"^{path}: invalid front matter: "):
        parse_markdown('+++\ntitle = "unclosed\n+++\n\nText.\n', path)


@pytest.mark.parametrize(
    "text",
    [
        "---\n- just\n- a list\n---\n\n# Title\n",
        "---\nJust a sentence.\n---\n\n# Title\n",
        "---\ntitle: Never closed\n\n# Title\n",
    ],
)
def test_front_matter_that_is_not_key_value_pairs_is_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"^post\.md: invalid front matter"):
        parse_markdown(text, "post.md")


# --- headline -------------------------------------------------------------------------------


def test_headline_from_the_first_heading_without_front_matter() -> None:
    article = parse_markdown(
        "# Counting Birds at Dawn\n\n"
        "Volunteers gathered before sunrise with notebooks.\n\n"
        "They counted forty species.\n\n"
        "# Results\n\n"
        "Swallows were the most common.\n"
    )

    assert article.headline == "Counting Birds at Dawn"
    assert article.lede == "Volunteers gathered before sunrise with notebooks."
    assert [(s.heading, s.paragraphs) for s in article.sections] == [
        (None, ("They counted forty species.",)),
        ("Results", ("Swallows were the most common.",)),
    ]


def test_a_heading_repeating_the_title_is_not_read_twice() -> None:
    article = parse_markdown("---\ntitle: Counting Birds\n---\n\n# Counting  birds\n\nText.\n")

    assert heard(article) == ["Counting Birds", "Text."]


def test_a_heading_other_than_the_title_starts_a_section() -> None:
    article = parse_markdown("---\ntitle: Counting Birds\n---\n\n# Method\n\nWe listened.\n")

    assert heard(article) == ["Counting Birds", "Method", "We listened."]


def test_a_part_title_over_its_subheadings_is_read_and_a_closing_heading_is_not() -> None:
    article = parse_markdown(
        "# Counting Birds\n\nWe counted.\n\n## Method\n\n### Dawn\n\nWe listened.\n\n"
        "### Dusk\n\nWe looked.\n\n## Notes\n"
    )

    assert [(s.heading, s.paragraphs) for s in article.sections] == [
        ("Method", ()),
        ("Dawn", ("We listened.",)),
        ("Dusk", ("We looked.",)),
    ]
    assert heard(article) == [
        "Counting Birds", "We counted.", "Method", "Dawn", "We listened.", "Dusk", "We looked."
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["", "Just a paragraph, no title.\n", "---\nauthor: Ada Brook\n---\n\n## Sub\n\nText.\n"],
)
def test_no_headline_is_an_error(text: str) -> None:
    with pytest.raises(InputError, match=r"^notes\.md: no headline: give a title"):
        parse_markdown(text, "notes.md")


def test_lede_only_when_a_paragraph_opens_the_body() -> None:
    article = parse_markdown("# Title\n\n- first item\n- second item\n\nThen prose.\n")

    assert article.lede is None
    assert article.sections[0].paragraphs == ("First item. Second item.", "Then prose.")


# --- inline ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "spoken"),
    [
        ("Read [the report](https://example.org/r) today.", "Read the report today."),
        ("Read <https://example.org> today.", "Read https://example.org today."),
        ("A chart ![sales by month](chart.png) follows.", "A chart follows."),
        ("It was *very* **very** _really_ __loud__.", "It was very very really loud."),
        ("It was ~~cheap~~ free.", "It was cheap free."),
        ("Call `print()` twice.", "Call print() twice."),
        ("A claim[^1] and another [^note].", "A claim and another."),
        (
            "First line\nsecond line  \nthird line\\\nfourth.",
            "First line second line third line fourth.",
        ),
        ("Tea <em>and</em> cake<br/>after.", "Tea and cake after."),
        ("Salt &amp; pepper.", "Salt & pepper."),
        ("Lots    of\tspace.", "Lots of space."),
    ],
)
def test_inline_rules(markdown: str, spoken: str) -> None:
    assert body(markdown) == [spoken]


def test_footnote_definitions_are_not_read() -> None:
    heard_body = body(
        "The bridge opened in 1932.[^1] It was repainted twice.[^paint]\n\n"
        "Traffic doubled since.\n"
        "[^1]: Some sources say 1933.\n"
        "[^paint]: Once in grey, once in green.\n"
    )

    assert heard_body == [
        "The bridge opened in 1932. It was repainted twice.",
        "Traffic doubled since.",
    ]


def test_one_word_footnote_is_not_read_as_a_link() -> None:
    assert body("A claim[^1] stands.\n\n[^1]: Unsourced\n") == ["A claim stands."]


def test_image_only_paragraph_is_dropped() -> None:
    assert body("![A harbour at dusk](dusk.jpg)\n\nThe boats came in.\n") == ["The boats came in."]


# --- blocks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "```python\nprint('secret words')\n```",
        "~~~\nprint('secret words')\n~~~",
        "    print('secret words')",
    ],
)
def test_code_blocks_are_replaced_by_a_notice(code: str) -> None:
    heard_body = body(f"Before.\n\n{code}\n\nAfter.\n")

    assert heard_body == ["Before.", CODE_NOTICE, "After."]


def test_tables_are_replaced_by_a_notice() -> None:
    heard_body = body("Before.\n\n| City | Rain |\n|---|---|\n| Oslo | 763 mm |\n\nAfter.\n")

    assert heard_body == ["Before.", TABLE_NOTICE, "After."]


@pytest.mark.parametrize(
    ("markdown", "spoken"),
    [
        ("- flour\n- two eggs\n- a pinch of salt", "Flour. Two eggs. A pinch of salt."),
        ("1. Preheat the oven.\n2. Mix it all!\n3. Wait", "Preheat the oven. Mix it all! Wait."),
        ("* You need:\n  - a *whisk*\n  - a bowl", "You need: A whisk. A bowl."),
        ('- She said "enough."\n- (Then left)', 'She said "enough." (Then left).'),
        ("- iPhone apps\n- and tablets", "iPhone apps. And tablets."),
    ],
)
def test_lists_are_read_as_sentences(markdown: str, spoken: str) -> None:
    assert body(f"Intro.\n\n{markdown}\n")[1:] == [spoken]


def test_separate_lists_are_separate_paragraphs() -> None:
    assert body("Intro.\n\n- one\n- two\n\nMiddle.\n\n1. three\n")[1:] == [
        "One. Two.",
        "Middle.",
        "Three.",
    ]


def test_block_quotes_are_read_as_paragraphs() -> None:
    heard_body = body("Intro.\n\n> The sea is *patient*.\n>\n> It waits.\n\nOutro.\n")

    assert heard_body == ["Intro.", "The sea is patient.", "It waits.", "Outro."]


def test_rules_and_html_blocks_are_not_read() -> None:
    heard_body = body(
        'Intro.\n\n---\n\n<div class="promo">\nSubscribe now\n</div>\n\n<!-- more -->\n\nOutro.\n'
    )

    assert heard_body == ["Intro.", "Outro."]


def test_headings_of_every_level_start_sections() -> None:
    article = parse_markdown("# T\n\nLede.\n\n## Two\n\nA.\n\n### Three\n\nB.\n\n#### Four\n\nC.\n")

    assert [s.heading for s in article.sections] == ["Two", "Three", "Four"]


def test_a_heading_with_nothing_under_it_is_not_read() -> None:
    article = parse_markdown("# T\n\nLede.\n\n## Empty\n\n## Full\n\nText.\n")

    assert [s.heading for s in article.sections] == ["Full"]


# --- site generator syntax ------------------------------------------------------------------


def test_heading_ids_and_attribute_lists_are_not_read() -> None:
    assert body("## Method {#method}\n\nWe listened.\n{: .note}\n") == ["Method", "We listened."]


def test_shortcodes_and_liquid_tags_are_not_read() -> None:
    heard_body = body(
        '{{< figure src="owl.jpg" caption="An owl" >}}\n\n'
        "Owls hunt at night. {{% sidenote %}}Mostly.{{% /sidenote %}}\n\n"
        "{% include newsletter.html %}\n\n"
        "{{ page.signature }}\n\n"
        "Thanks for reading.\n"
    )

    assert heard_body == ["Owls hunt at night. Mostly.", "Thanks for reading."]


@pytest.mark.parametrize(
    "code",
    [
        "{% highlight ruby %}\nputs 'secret words'\n{% endhighlight %}",
        '{{< highlight go >}}\nfmt.Println("secret words")\n{{< /highlight >}}',
    ],
)
def test_highlight_blocks_are_code(code: str) -> None:
    assert body(f"Before.\n\n{code}\n\nAfter.\n") == ["Before.", CODE_NOTICE, "After."]

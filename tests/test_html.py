"""HTML pages -> Article: page metadata beats guesses, and page furniture is never read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from audio_edition import Article, InputError, load_article
from audio_edition.ingest import sniff_format

from .conftest import FIXTURES, heard

HTML = FIXTURES / "html"


def _load_page(folder: Path, html: str) -> Article:
    page = folder / "page.html"
    page.write_text(html, encoding="utf-8")
    return load_article(page)


def read_aloud(path: Path) -> str:
    return "\n".join(heard(load_article(path)))


def test_json_ld_news_page_metadata() -> None:
    article = load_article(HTML / "news-jsonld.html")
    assert article.headline == "Ferry Timetable Doubles for the Summer"  # no " | The Fjord Courier"
    assert article.authors == ("Sigrid Aune", "Leo Varga")
    assert article.published == dt.datetime(
        2025, 5, 2, 7, 15, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.publication == "The Fjord Courier"
    assert article.source_url == "https://courier.example/news/ferry-timetable-doubles"
    assert article.image == "https://courier.example/images/ferry.jpg"
    assert article.language == "en"
    assert article.tags == ("ferries", "transport", "summer")


def test_sections_come_from_headings_in_the_article() -> None:
    article = load_article(HTML / "news-jsonld.html")
    assert article.lede is not None and article.lede.startswith("The ferry between the island")
    assert [s.heading for s in article.sections] == [
        None,
        "Two Boats Instead of One",
        "What It Costs",
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        "SCRIPT TEXT MUST NOT BE READ",
        "STYLE TEXT MUST NOT BE READ",
        "Photo: Kari Lund",
        "morning ferry leaves the harbour",  # the figure caption
        "Related articles",
        "Bridge plan shelved again",
        "Sign up for our newsletter",
        "Advertisement",
        "Share on Facebook",
        "All rights reserved",
        "Crossword Corner",
    ],
)
def test_page_furniture_is_never_read(furniture: str) -> None:
    assert furniture.casefold() not in read_aloud(HTML / "news-jsonld.html").casefold()


def test_pull_quote_repeated_from_the_body_is_read_once() -> None:
    text = read_aloud(HTML / "news-jsonld.html")
    assert text.count("Queues of cars often reach the bakery") == 1


def test_page_without_json_ld_uses_meta_tags_time_and_title() -> None:
    article = load_article(HTML / "blog-meta.html")
    assert article.headline == "Why Our Orchard Switched to Old Apple Varieties"
    assert article.authors == ("Helga Brandt",)
    assert article.published == dt.date(2024, 10, 12)
    assert article.publication == "Orchard Notes"
    assert article.image is not None and article.image.startswith("data:image/png;base64,")
    assert [s.heading for s in article.sections] == [None, "Fewer Sprays, More Work"]


def test_lists_are_read_as_sentences_and_comments_are_dropped() -> None:
    article = load_article(HTML / "blog-meta.html")
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert (
        "Early varieties go to the farm shop. Mid-season fruit is pressed for juice. Late keepers are stored in the cellar until March."
        in paragraphs
    )
    assert "Great post" not in read_aloud(HTML / "blog-meta.html")


def test_format_is_sniffed_without_an_extension(tmp_path: Path) -> None:
    page = tmp_path / "download"
    page.write_bytes((HTML / "blog-meta.html").read_bytes())
    assert load_article(page).headline == "Why Our Orchard Switched to Old Apple Varieties"
    assert sniff_format("<!DOCTYPE html><html>") == "html"
    assert sniff_format("---\ntitle: x\n---\nbody") == "markdown"
    assert sniff_format("A Headline\n\nBy Someone\n\nText.") == "text"


def test_forced_format_reads_html_as_text(tmp_path: Path) -> None:
    article = load_article(HTML / "blog-meta.html", input_format="html")
    assert article.authors == ("Helga Brandt",)
    with pytest.raises(InputError, match="unknown input format 'pdf'"):
        load_article(HTML / "blog-meta.html", input_format="pdf")


def test_page_with_no_article_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title></title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError) as caught:
        load_article(page)
    assert str(caught.value).startswith(f"{page}: no article")


def test_xml_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT")
    page = tmp_path / "xxe.html"
    page.write_text(
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><article><h1>Entity Test Page Title</h1>"
        "<p>This paragraph mentions &xxe; and goes on long enough to count as the article body text.</p>"
        "<p>A second paragraph keeps the extractor happy with a little more text to read aloud.</p>"
        "</article></body></html>"
    )
    article = load_article(page)
    assert "TOP SECRET" not in str(article.to_dict())


PRINTED_BYLINE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Island Post | Ferry Returns to the Outer Islands</title>
<meta property="og:title" content="Ferry is back: what it means for islanders"></head>
<body><header><h1>Island Post</h1></header>
<article><h1>Ferry Returns to the Outer Islands After Two Winters</h1>
<div class="meta"><span>By</span> <span>Jane Doe</span></div>
<div class="meta">Posted: 03/14/2025 5:00 a.m. PT</div>
<p>The first ferry in two winters left the mainland pier on Monday morning with forty passengers,
a van of post and a crate of seedlings for the island school.</p>
<p>Islanders had waited since the old boat failed its inspection, and many came down to the quay
at Skarvik to watch it come in, some with flags and some with flasks of coffee.</p>
<p>The new timetable runs three crossings a day in summer and two in winter, weather allowing,
and the harbour office says bookings for the first month are already full.</p></article>
<aside class="related"><h2>More from our writers</h2>
<a rel="author" href="/a">Mark Roe</a><a rel="author" href="/b">Lena Holm</a></aside>
</body></html>"""


def test_a_byline_printed_only_as_text_is_read_and_related_authors_are_not(
    tmp_path: Path,
) -> None:
    article = _load_page(tmp_path, PRINTED_BYLINE_PAGE)
    # The article's h1, not the logo's, and not the reworded og:title.
    assert article.headline == "Ferry Returns to the Outer Islands After Two Winters"
    assert article.authors == ("Jane Doe",)
    assert article.published == dt.datetime(
        2025,
        3,
        14,
        5,
        0,
        tzinfo=article.published.tzinfo,  # type: ignore[union-attr]
    )
    assert article.published.utcoffset() == dt.timedelta(hours=-7)  # type: ignore[union-attr]


DECK_AND_LIST_LABEL_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lighthouse Keepers Return to Bramble Point</title></head><body><article>
<h1>Lighthouse Keepers Return to Bramble Point</h1>
<h2>The light was automated in 1991; now two keepers live there again</h2>
<p>For the first time in more than thirty years, someone sleeps at the top of the cliff at
Bramble Point, where the county has hired two keepers to look after the old light.</p>
<p>The keepers, a retired ferry captain and his sister, moved in on Monday with a van of
books and a cat that refuses to climb the spiral stair.</p>
<h3>More:</h3>
<p>The county says the keepers will also run guided tours of the tower on weekends from May
to September, with tickets sold at the harbour office.</p>
<h2>Why bring keepers back</h2>
<p>Storms have twice cut the power to the automated lamp this winter, and each time a crew had
to drive out from town in the dark to restart it by hand.</p>
<p>With people on the point, the council says, the light will never again go dark for hours
while the road is flooded.</p>
<h2>What it costs</h2>
<p>The two posts cost the county less than the overtime it paid the repair crews last year,
according to figures the council published on Tuesday.</p>
<p>The keepers are paid a modest salary and live in the cottage beside the tower rent free.</p>
</article></body></html>"""


def test_a_deck_above_the_first_paragraph_and_a_list_label_head_no_section(
    tmp_path: Path,
) -> None:
    article = _load_page(tmp_path, DECK_AND_LIST_LABEL_PAGE)
    assert article.lede is not None and article.lede.startswith("For the first time")
    assert [s.heading for s in article.sections] == [
        None,
        "Why bring keepers back",
        "What it costs",
    ]
    # The paragraph under "More:" is still read, in the opening section.
    assert any("guided tours" in p for p in article.sections[0].paragraphs)


BYLINE_PARAGRAPHS_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour Board Shuts the Old Ferry Pier</title></head><body><article>
<h1>Harbour Board Shuts the Old Ferry Pier</h1>
<p>By Maria Lindqvist</p>
<p>March 4, 2025 10:00 AM</p>
<p>The harbour board voted on Tuesday to close the old ferry pier for repairs, a decision that
will send commuters to the north terminal for at least six months.</p>
<p>Engineers found corrosion in several of the steel piles last spring, and the board said it
could no longer certify the structure for heavy foot traffic.</p>
</article></body></html>"""


def test_byline_and_date_paragraphs_above_the_story_are_tags_not_the_lede(
    tmp_path: Path,
) -> None:
    article = _load_page(tmp_path, BYLINE_PARAGRAPHS_PAGE)
    assert article.authors == ("Maria Lindqvist",)
    assert article.published is not None and article.published.day == 4  # type: ignore[union-attr]
    assert article.lede is not None and article.lede.startswith("The harbour board voted")
    spoken = " ".join(heard(article))
    assert "Maria Lindqvist" not in spoken and "10:00" not in spoken


STYLED_SUBHEADINGS_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour Board Shuts the Old Ferry Pier</title></head><body><article>
<h1>Harbour Board Shuts the Old Ferry Pier</h1>
<p>The harbour board voted on Tuesday to close the old ferry pier for repairs, a decision that
will send commuters to the north terminal for at least six months.</p>
<p class="article-subhead">What happens to the ferries</p>
<p>The morning boats will leave from the north terminal, which the board says can take the
extra passengers once a second gangway is fitted in May.</p>
<div role="heading" aria-level="2">Who pays for the work</div>
<p>The repairs will be paid for from the reserve fund, which the board built up over a decade
of surpluses from the car ferry.</p>
</article></body></html>"""


def test_subheadings_set_as_styled_paragraphs_head_sections(tmp_path: Path) -> None:
    article = _load_page(tmp_path, STYLED_SUBHEADINGS_PAGE)
    assert [s.heading for s in article.sections] == [
        "What happens to the ferries",
        "Who pays for the work",
    ]


def _body_chunk(paragraphs: list[str]) -> str:
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<div class="grid"><div class="grid__item article-body">'
        f"{inner}</div>"
        '<aside class="grid__rail"><div class="ad ad--rail"></div></aside></div>'
    )


CHUNKED_BODY_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>The Lighthouse Keepers Who Stayed</title></head><body><main><article>
<header><h1>The Lighthouse Keepers Who Stayed</h1></header>
{
    _body_chunk(
        [
            "When the coast guard automated the last lamps on the north shore, three of the "
            "keepers refused the transfer offered to them and stayed on as caretakers, paid by "
            "a village trust that sold postcards and raffle tickets to cover their wages.",
            "For twenty years they painted the towers, logged the weather by hand and showed "
            "school parties up the spiral stairs, long after any ship needed them to.",
            "The trust's ledgers, kept in a tin box in the oil store, show every penny: the "
            "paint, the ladders, the single telephone line and a cake for each keeper's "
            "birthday.",
        ]
    )
}
<div class="row full-bleed-ad"><div class="ad"><span class="ad-label">Advertisement</span>
</div></div>
{
    _body_chunk(
        [
            "The last of the three, a former fisherman, retired this autumn at eighty-one, and "
            "the trust now faces a question it has put off for years: whether anyone should "
            "live at the light at all.",
            "Some villagers want the cottages let to holidaymakers, which would pay for the "
            "upkeep of the towers several times over and bring visitors through the winter.",
            "Others say a light with nobody beside it is only a machine, and that the whole "
            "point of the trust was that somebody stayed.",
        ]
    )
}
</article></main></body></html>"""


def test_a_heading_between_body_chunks_heads_the_chunk_after_it(tmp_path: Path) -> None:
    # Templates that set each run of paragraphs in a block of its own set the subheadings
    # in blocks between them.
    page = CHUNKED_BODY_PAGE.replace(
        '<div class="row full-bleed-ad">',
        '<div class="subheadline-block"><h2>What the trust must decide</h2></div>'
        '<div class="row full-bleed-ad">',
    )
    article = _load_page(tmp_path, page)
    assert [s.heading for s in article.sections if s.heading] == ["What the trust must decide"]
    after = next(s for s in article.sections if s.heading)
    assert after.paragraphs[0].startswith("The last of the three")


def test_a_body_cut_into_chunks_by_ads_is_read_to_the_end(tmp_path: Path) -> None:
    article = _load_page(tmp_path, CHUNKED_BODY_PAGE)
    spoken = " ".join(heard(article))
    assert "eighty-one" in spoken
    assert spoken.rstrip().endswith("somebody stayed.")
    assert "Advertisement" not in spoken


_STORY = (
    "The council met on Tuesday to weigh the harbour wall repairs, which engineers say cannot "
    "wait another winter, and to hear what the work will cost the town and its ferry users."
)
_NORTH = (
    "The north wall will be rebuilt first, in stone from the old quarry above the town, because "
    "the storms of the last two winters took most of its parapet into the sea."
)
_SOUTH = (
    "Work on the south wall waits until the ferry's summer timetable ends, so that the "
    "gangway can stay open for the visitors who arrive on the morning boats."
)


def _sectioned_page(body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Harbour Wall Plans Approved</title></head><body><article>"
        f"<h1>Harbour Wall Plans Approved</h1><p>{_STORY}</p>{body}</article></body></html>"
    )


def test_a_part_title_over_its_subheadings_heads_a_section_of_its_own(tmp_path: Path) -> None:
    article = _load_page(
        tmp_path,
        _sectioned_page(
            f"<h2>The plans</h2><h3>The north wall</h3><p>{_NORTH}</p>"
            f"<h3>The south wall</h3><p>{_SOUTH}</p>"
            "<h2>Story timeline</h2>"  # heads nothing: not read
        ),
    )
    assert [(s.heading, len(s.paragraphs)) for s in article.sections] == [
        ("The plans", 0),
        ("The north wall", 1),
        ("The south wall", 1),
    ]


@pytest.mark.parametrize(
    "heading",
    ["Share prices of the builders rise", "Popular with tourists", "Latest figures from the port"],
)
def test_a_heading_that_only_starts_like_furniture_heads_a_section(
    tmp_path: Path, heading: str
) -> None:
    page = _sectioned_page(f"<h2>{heading}</h2><p>{_NORTH}</p>")
    article = _load_page(tmp_path, page)
    assert [s.heading for s in article.sections] == [heading]
    assert article.sections[0].paragraphs == (_NORTH,)


@pytest.mark.parametrize(
    "label",
    [
        "Related stories", "More from the Harbour Times", "Read more", "Most read", "Comments",
        "About the author", "Media contacts", "Sources", "Keep reading with a 7-day free trial",
        "Support local news", "Become a member",
    ],
)  # fmt: skip
def test_a_furniture_box_is_not_read(tmp_path: Path, label: str) -> None:
    page = _sectioned_page(
        f"<h2>What happens next</h2><p>{_SOUTH}</p>"
        f"<h2>{label}</h2><p>Ferry fares rise again as fuel costs climb</p>"
    )
    article = _load_page(tmp_path, page)
    assert [s.heading for s in article.sections] == ["What happens next"]
    assert "Ferry fares" not in " ".join(heard(article))


def _page_without_json_ld(head: str, article: str, around: str = "") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Harbour Wall Plans Approved</title>{head}</head><body><main><article>"
        f"<h1>Harbour Wall Plans Approved</h1>{article}<p>{_STORY}</p><p>{_NORTH}</p>"
        f"<p>{_SOUTH}</p></article>{around}</main></body></html>"
    )


def test_a_company_in_the_author_meta_tag_is_the_publisher_not_the_writer(
    tmp_path: Path,
) -> None:
    page = _page_without_json_ld(
        '<meta name="author" content="Fjord Media Group">'
        '<meta name="copyright" content="Copyright (c) Fjord Media Group 2025">',
        '<div class="byline"><span class="byline__name">Sigrid Aune</span></div>',
    )
    assert _load_page(tmp_path, page).authors == ("Sigrid Aune",)


def test_the_site_name_in_the_page_title_is_the_publisher_not_the_writer(tmp_path: Path) -> None:
    page = _page_without_json_ld(
        '<meta name="author" content="Fjord Herald">', "<p>By Nnamdi Okafor</p>"
    ).replace(
        "<title>Harbour Wall Plans Approved", "<title>Harbour Wall Plans Approved | Fjord Herald"
    )
    assert _load_page(tmp_path, page).authors == ("Nnamdi Okafor",)


@pytest.mark.parametrize(
    "tags",
    [
        '<meta name="parsely-author" content="Sigrid Aune">'
        '<meta name="parsely-author" content="Tomas Berg">',  # the tag once per writer
        '<meta name="byl" content="By Sigrid Aune and Tomas Berg">',
    ],
)
def test_every_writer_in_the_author_meta_tags_is_an_author(tmp_path: Path, tags: str) -> None:
    page = _page_without_json_ld(tags, "")
    assert _load_page(tmp_path, page).authors == ("Sigrid Aune", "Tomas Berg")


def test_an_author_link_among_other_stories_is_not_the_writer(tmp_path: Path) -> None:
    around = (
        '<aside class="related"><ul><li><a rel="author" href="/author/tomas-berg">Tomas Berg</a>'
        ' <a href="/story/2">Ferry timetable changes for the winter season</a></li></ul></aside>'
    )
    assert _load_page(tmp_path, _page_without_json_ld("", "", around)).authors == ()


def test_a_layout_class_on_the_page_does_not_hide_its_byline(tmp_path: Path) -> None:
    byline = (
        '<p class="meta"><a href="/author/tiwalade-ogunlowo">Tiwalade Ogunlowo</a>'
        "<span>Harbour desk</span></p>"
    )
    page = _page_without_json_ld("", byline).replace("<body>", '<body class="one-sidebar">')
    assert _load_page(tmp_path, page).authors == ("Tiwalade Ogunlowo",)


def test_a_writer_linked_to_their_author_page_is_the_author(tmp_path: Path) -> None:
    # The box about the writer may sit in the sidebar; a list of other stories there may not.
    around = (
        '<div class="sidebar"><div class="writer-box author-info">'
        '<h4><a href="/author/maria-lindqvist.html">Maria Lindqvist</a></h4></div>'
        '<div class="popular"><a href="/author/tomas-berg.html">Tomas Berg</a></div></div>'
    )
    page = _page_without_json_ld("", "", around)
    assert _load_page(tmp_path, page).authors == ("Maria Lindqvist",)


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/topics/people/erik-holm.html">Erik Holm</a>',  # a topic page about him
        '<a href="/author/harbour-desk">Erik Holm</a>',  # the address does not spell the name
    ],
)
def test_a_link_that_is_not_a_writers_page_names_no_author(tmp_path: Path, link: str) -> None:
    page = _page_without_json_ld("", f"<p>The mayor, {link}, spoke first at the meeting.</p>")
    assert "Erik Holm" not in _load_page(tmp_path, page).authors


def test_the_writers_contact_line_is_not_read_and_names_a_writer_the_markup_did_not(
    tmp_path: Path,
) -> None:
    contact = "Email Maria Lindqvist at mlindqvist@harbourtimes.example or follow her @mlind."
    page = _page_without_json_ld("", "").replace("</article>", f"<p>{contact}</p></article>")
    article = _load_page(tmp_path, page)
    assert article.authors == ("Maria Lindqvist",)
    assert "mlindqvist" not in " ".join(heard(article))


def test_a_month_and_year_alone_give_no_date(tmp_path: Path) -> None:
    # trafilatura guesses January 1 from "November 2019"; the page states no day.
    page = _page_without_json_ld("", '<p class="kicker">Harbour diary, November 2019</p>')
    assert _load_page(tmp_path, page).published is None


def test_a_byline_beside_a_date_without_a_year_names_the_writer(tmp_path: Path) -> None:
    meta = (
        '<div class="meta"><span class="by">By Maria Lindqvist</span>'
        '<time datetime="2025-03-04T10:00:00Z">March 4</time></div>'
    )
    article = _load_page(tmp_path, _page_without_json_ld("", meta))
    assert article.authors == ("Maria Lindqvist",)
    assert article.published == dt.datetime(2025, 3, 4, 10, 0, tzinfo=dt.timezone.utc)


def test_a_headings_permalink_mark_is_not_part_of_it(tmp_path: Path) -> None:
    body = (
        f'<h2 id="north">The north wall <a href="#north">#</a></h2><p>{_NORTH}</p>'
        f'<h2 id="south"><a href="#south">¶</a> The south wall</h2><p>{_SOUTH}</p>'
    )
    article = _load_page(tmp_path, _sectioned_page(body))
    assert [s.heading for s in article.sections] == ["The north wall", "The south wall"]


def test_a_story_that_is_a_numbered_list_keeps_its_first_item(tmp_path: Path) -> None:
    body = f"<h2>1. The north wall</h2><p>{_NORTH}</p><h2>2. The south wall</h2><p>{_SOUTH}</p>"
    page = _sectioned_page(body).replace(f"<p>{_STORY}</p>", "")
    article = _load_page(tmp_path, page)
    assert article.lede is None
    assert [s.heading for s in article.sections] == ["1. The north wall", "2. The south wall"]
    assert article.sections[0].paragraphs == (_NORTH,)


def test_a_short_heading_may_end_with_a_full_stop(tmp_path: Path) -> None:
    body = (
        f"<h2>Start with the north wall.</h2><p>{_NORTH}</p><h2>Then the south.</h2><p>{_SOUTH}</p>"
    )
    article = _load_page(tmp_path, _sectioned_page(body))
    assert [s.heading for s in article.sections] == [
        "Start with the north wall.",
        "Then the south.",
    ]


@pytest.mark.parametrize(
    "closing",
    [
        "© 2025 Harbour Wire. All Rights Reserved. This material may not be published, "
        "broadcast, rewritten, or redistributed.",
        "Copyright 2025 Harbour Times. All rights reserved.",
        "Originally published on Harbour Science.",
        "Like this story? Share it with a friend!",
        "Get the latest updates in your inbox. Subscribe to the Harbour Times' newsletters.",
        "Reach the reporters on Twitter at https://social.example/harbourdesk",
        "More ferry news: https://harbour.example/ferries and https://harbour.example/tides",
        "___",
        "Explore further",
    ],
)
def test_the_notices_and_calls_to_action_that_close_a_story_are_not_read(
    tmp_path: Path, closing: str
) -> None:
    page = _sectioned_page(f"<p>{_NORTH}</p><p>{_SOUTH}</p><p>{closing}</p>")
    spoken = " ".join(heard(_load_page(tmp_path, page)))
    assert spoken.rstrip().endswith(_SOUTH[-30:])


@pytest.mark.parametrize(
    "sentence",
    [
        "Copyright law protects the 2019 mural, the judge said on Tuesday after a long hearing.",
        "Contact us if the ferry is late, the board said in a statement after the vote.",
    ],
)
def test_story_sentences_about_copyright_or_contact_are_read(tmp_path: Path, sentence: str) -> None:
    page = _sectioned_page(f"<p>{_NORTH}</p><p>{sentence}</p>")
    assert sentence in " ".join(heard(_load_page(tmp_path, page)))


def test_a_label_above_the_story_is_not_its_lede(tmp_path: Path) -> None:
    page = _sectioned_page(f"<p>{_NORTH}</p>").replace(
        f"<p>{_STORY}</p>", f"<p>Review</p><p>{_STORY}</p>"
    )
    assert _load_page(tmp_path, page).lede == _STORY


_COMMENTS = (
    '<section class="comments"><h3>2 comments</h3><div class="comment">'
    '<span itemprop="author">Delia Park</span> <time datetime="2025-03-05T08:11:00Z">'
    "March 5, 2025</time><p>Good to see the wall fixed at last, it has been years.</p></div>"
    "</section>"
)


def test_the_comments_name_neither_the_writer_nor_the_day(tmp_path: Path) -> None:
    byline = (
        '<div class="submitted">Submitted by <span>Kenji Watanabe</span> on '
        '<time class="entry-date published" datetime="2025-03-03T14:05:00Z">Mon, 03/03/2025'
        "</time></div>"
    )
    article = _load_page(tmp_path, _page_without_json_ld("", byline, _COMMENTS))
    assert article.authors == ("Kenji Watanabe",)
    assert article.published is not None and str(article.published)[:10] == "2025-03-03"


def test_the_published_time_wins_over_an_updated_one_printed_first(tmp_path: Path) -> None:
    stamps = (
        '<time class="updated" datetime="2025-04-20T10:00:00Z">April 20, 2025</time>'
        '<time class="entry-date published" datetime="2025-03-03T09:00:00Z">March 3, 2025</time>'
    )
    article = _load_page(tmp_path, _page_without_json_ld("", f"<p>{stamps}</p>"))
    assert article.published is not None and str(article.published)[:10] == "2025-03-03"


def test_a_label_only_screen_readers_say_does_not_hide_the_byline(tmp_path: Path) -> None:
    byline = (
        '<p class="meta"><span class="screen-reader-text">Post author</span> '
        'By <a href="/people/7">Tiwalade Ogunlowo</a></p>'
    )
    article = _load_page(tmp_path, _page_without_json_ld("", byline))
    assert article.authors == ("Tiwalade Ogunlowo",)


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="author" content="Sigrid Aune">',  # the first writer only
        '<meta name="author" content="The Associated Press">',  # the agency only
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour Wall'
        ' Plans Approved", "author": {"@type": "Organization", "name": "Fjord Herald"},'
        ' "publisher": {"@type": "Organization", "name": "Fjord Herald"}}</script>',
        # A company other than the publisher (the agency, the station) as the JSON-LD author.
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour Wall'
        ' Plans Approved", "author": {"@type": "Organization", "name": "Associated Press"}}'
        "</script>",
    ],
)
def test_the_byline_shown_wins_where_the_markup_says_less(tmp_path: Path, head: str) -> None:
    byline = '<p class="byline">By Sigrid Aune and Tomas Berg</p>'
    article = _load_page(tmp_path, _page_without_json_ld(head, byline))
    assert article.authors == ("Sigrid Aune", "Tomas Berg")


def test_a_desk_role_beside_the_name_is_not_part_of_it(tmp_path: Path) -> None:
    byline = (
        '<p class="byline">By <a href="/x">Gifty Osei</a> <span>Investigations Editor</span></p>'
    )
    assert _load_page(tmp_path, _page_without_json_ld("", byline)).authors == ("Gifty Osei",)


def test_headings_that_start_like_furniture_head_their_sections(tmp_path: Path) -> None:
    body = (
        f"<h2>Popular in the suburbs, less so downtown</h2><p>{_NORTH}</p>"
        f"<h2>Latest in a series of setbacks</h2><p>{_SOUTH}</p>"
    )
    article = _load_page(tmp_path, _sectioned_page(body))
    assert [s.heading for s in article.sections if s.heading] == [
        "Popular in the suburbs, less so downtown",
        "Latest in a series of setbacks",
    ]
    assert _SOUTH in " ".join(heard(article))


def test_the_site_title_in_an_h1_above_the_story_is_not_the_headline(tmp_path: Path) -> None:
    page = (
        _page_without_json_ld("", "")
        .replace(
            "<title>Harbour Wall Plans Approved",
            "<title>Fjord Herald | Harbour Wall Plans Approved",
        )
        .replace("<body>", '<body><div id="header"><h1 class="site-title">Fjord Herald</h1></div>')
    )
    assert _load_page(tmp_path, page).headline == "Harbour Wall Plans Approved"


def test_a_company_named_as_the_author_is_one_name(tmp_path: Path) -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour Wall'
        ' Plans Approved", "author": {"@type": "Organization", "name": "Freight & Ports'
        ' Weekly"}}</script>'
    )
    article = _load_page(tmp_path, _page_without_json_ld(head, ""))
    assert article.authors == ("Freight & Ports Weekly",)


def test_a_label_before_the_stated_headline_is_not_part_of_it(tmp_path: Path) -> None:
    head = (
        '<script type="application/ld+json">{"@type": "OpinionNewsArticle", "headline":'
        ' "Opinion | Harbour Wall Plans Approved"}</script>'
    )
    assert _load_page(tmp_path, _page_without_json_ld(head, "")).headline == (
        "Harbour Wall Plans Approved"
    )


def test_a_utc_stamp_is_read_in_the_local_time_the_page_gives_for_it(tmp_path: Path) -> None:
    # 03:05 UTC on the 16th is 23:05 on the 15th where the page was published: the day shown.
    head = '<meta name="parsely-pub-date" content="2024-06-16T03:05:00Z">'
    stamp = '<p class="byline"><time datetime="2024-06-15T23:05:00-04:00">2 hours ago</time></p>'
    published = _load_page(tmp_path, _page_without_json_ld(head, stamp)).published
    assert isinstance(published, dt.datetime)
    assert published.date() == dt.date(2024, 6, 15)
    assert published.utcoffset() == dt.timedelta(hours=-4)


def test_the_day_in_the_articles_address_dates_a_page_that_states_none(tmp_path: Path) -> None:
    head = '<link rel="canonical" href="https://herald.example/news/2023/11/07/harbour-wall">'
    assert _load_page(tmp_path, _page_without_json_ld(head, "")).published == dt.date(2023, 11, 7)
    stated = head + '<meta property="article:published_time" content="2023-11-08T09:00:00Z">'
    published = _load_page(tmp_path, _page_without_json_ld(stated, "")).published
    assert isinstance(published, dt.datetime) and published.date() == dt.date(2023, 11, 8)


def test_a_blogs_name_in_an_h1_linking_home_is_not_the_headline(tmp_path: Path) -> None:
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Fenland Notes: First cuckoo of the spring at Welney</title>"
        '<meta property="og:title" content="First cuckoo of the spring at Welney"></head><body>'
        '<div class="header"><h1><a href="https://fenland.example/">Fenland Notes</a></h1></div>'
        '<div class="post"><h3 class="post-title">First cuckoo of the spring at Welney</h3>'
        f"<p>{_STORY}</p><p>{_NORTH}</p><p>{_SOUTH}</p></div></body></html>"
    )
    assert _load_page(tmp_path, page).headline == "First cuckoo of the spring at Welney"


def test_a_line_break_inside_a_paragraph_is_a_space_between_words(tmp_path: Path) -> None:
    article = _load_page(tmp_path, _sectioned_page(f"<p>{_NORTH}<br>{_SOUTH}</p>"))
    assert f"{_NORTH} {_SOUTH}" in " ".join(heard(article))


@pytest.mark.parametrize(
    "box",
    [
        '<div class="inline-signup"><h4>Get the free newsletter</h4><p>The week in ports, every'
        " Friday.</p></div>",
        '<div class="compare-cta"><h4>Compare travel insurance quotes</h4><p>Find cover in'
        " minutes.</p></div>",
        '<div aria-label="Related stories"><h3>More harbour news</h3><p>Ferry fares rise again'
        "</p></div>",
        # Whatever its class, a box of links under a furniture heading is no end of the story.
        '<div class="recirc-inline"><h3>More from Opinion</h3><ul><li><a href="/a">Ferry fares'
        ' rise again</a></li><li><a href="/b">Letters on the quay</a></li></ul></div>',
    ],
)
def test_a_box_with_a_heading_set_inside_the_story_is_not_read(tmp_path: Path, box: str) -> None:
    page = _sectioned_page(f"<h2>The north wall</h2><p>{_NORTH}</p>{box}<p>{_SOUTH}</p>")
    article = _load_page(tmp_path, page)
    assert [s.heading for s in article.sections] == ["The north wall"]
    heard_text = " ".join(heard(article))
    assert _SOUTH in heard_text
    assert not any(word in heard_text for word in ("newsletter", "quotes", "Ferry fares"))


def test_nothing_after_the_press_contacts_is_read(tmp_path: Path) -> None:
    page = _sectioned_page(
        f"<p>{_NORTH}</p><p>{_SOUTH}</p><p><strong>Media Contact:</strong></p>"
        "<p>Priya Raman, Bright Communications</p><p>press@bright.example</p>"
    )
    heard_text = " ".join(heard(_load_page(tmp_path, page)))
    assert _SOUTH in heard_text and "Priya Raman" not in heard_text


@pytest.mark.parametrize(
    "inset", ["Photos: The north wall at low tide", "Read: Why the pier closed"]
)
def test_a_gallery_or_a_link_titled_inside_the_story_heads_nothing(
    tmp_path: Path, inset: str
) -> None:
    page = _sectioned_page(f"<h2>{inset}</h2><p>{_NORTH}</p><p>{_SOUTH}</p>")
    article = _load_page(tmp_path, page)
    heard_text = " ".join(heard(article))
    assert inset not in heard_text
    assert _NORTH in heard_text and _SOUTH in heard_text


@pytest.mark.parametrize(
    "box",
    [
        "<h2>Responses (23)</h2><p>Great piece, thanks for writing it up.</p>",
        "<h2>This article is for subscribers only</h2><p>Unlock unlimited access today.</p>",
    ],
)
def test_replies_and_the_paywall_box_after_the_story_are_not_read(tmp_path: Path, box: str) -> None:
    page = _sectioned_page(f"<h2>What happens next</h2><p>{_SOUTH}</p>{box}")
    heard_text = " ".join(heard(_load_page(tmp_path, page)))
    assert _SOUTH in heard_text
    assert "Great piece" not in heard_text and "Unlock" not in heard_text


def test_subheadings_outside_an_article_element_still_head_their_sections(
    tmp_path: Path,
) -> None:
    # A university news office's template: no <article>, the story in a div between the
    # page's columns; trafilatura keeps the paragraphs but loses the <h4>s.
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Harbour Wall Plans Approved | Skarvik University News</title></head><body>"
        '<div class="container"><div class="row"><div class="col-md-8 main-col">'
        '<div class="news-article"><h1>Harbour Wall Plans Approved</h1>'
        '<div class="news-meta"><p>March 4, 2025</p></div><div class="news-body">'
        f"<p>{_STORY}</p><h4>The north wall</h4><p>{_NORTH}</p>"
        f"<h4>The south wall</h4><p>{_SOUTH}</p>"
        "<p>The engineers will report to the council again in the autumn, once the first "
        "stones are set and the cost of the second phase is known.</p>"
        '</div></div></div><div class="col-md-4 sidebar"><div class="related-news">'
        '<h3>Related news</h3><ul><li><a href="/a">Ferry fares rise again</a></li></ul></div>'
        "</div></div></div></body></html>"
    )
    article = _load_page(tmp_path, page)
    assert [s.heading for s in article.sections if s.heading] == [
        "The north wall",
        "The south wall",
    ]
    assert "Ferry fares" not in " ".join(heard(article))


@pytest.mark.parametrize("bold", ["strong", "b"])
def test_bold_paragraphs_that_head_the_story_s_parts_are_its_subheadings(
    tmp_path: Path, bold: str
) -> None:
    page = _sectioned_page(
        f"<p><{bold}>The north wall</{bold}></p><p>{_NORTH}</p>"
        f"<p><{bold}>The south wall</{bold}></p><p>{_SOUTH}</p>"
        # Capitals in bold are another story's title set as a link, and a lead-in ends in a colon.
        "<p><strong>FERRY FARES RISE AGAIN AS FUEL COSTS CLIMB</strong></p>"
        "<p><strong>Note:</strong> the engineers will report again in the autumn.</p>"
        f"<p>{_STORY.replace('Tuesday', 'Friday')}</p>"
    )
    article = _load_page(tmp_path, page)
    assert [s.heading for s in article.sections if s.heading] == [
        "The north wall",
        "The south wall",
    ]


def test_one_bold_line_between_paragraphs_is_no_subheading(tmp_path: Path) -> None:
    page = _sectioned_page(
        f"<p>{_NORTH}</p><p><strong>Work starts in May</strong></p><p>{_SOUTH}</p>"
    )
    article = _load_page(tmp_path, page)
    assert not [s.heading for s in article.sections if s.heading]
    assert "Work starts in May" in " ".join(heard(article))


@pytest.mark.parametrize(
    ("spelling", "published"),
    [
        ("The harbour centre reopens after the council's programme of repairs.", "2024-03-04"),
        ("The harbor center, in a new color, reopens after the city's repairs.", "2024-04-03"),
    ],
)
def test_a_date_printed_as_text_is_read_in_the_order_the_page_writes_dates(
    tmp_path: Path, spelling: str, published: str
) -> None:
    # The page's CSS ("color", "center") is no one's spelling.
    head = "<style>p { color: navy; text-align: center; } .x { color: red; }</style>"
    byline = f'<p class="byline">By Sigrid Aune | 04/03/2024</p><p>{spelling}</p>'
    article = _load_page(tmp_path, _page_without_json_ld(head, byline))
    assert article.published is not None and str(article.published)[:10] == published

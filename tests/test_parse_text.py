"""Pasted plain text -> Article: byline, date, junk, lede and subheadings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from audio_edition import Article
from audio_edition.ingest import load_article
from audio_edition.ingest.byline import split_authors
from audio_edition.ingest.text import parse_text

from .conftest import FIXTURES, heard, shared_file

CET = dt.timezone(dt.timedelta(hours=1))

BODY = (
    "The council approved the new bus timetable after a long debate on Tuesday evening.\n\n"
    "Buses will now run every ten minutes on the busiest routes, the transport office said.\n"
)


def parse(head: str, body: str = BODY) -> Article:
    return parse_text(head + "\n\n" + body)


def read_aloud(article: Article) -> str:
    return "\n".join(heard(article))


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Written by Camille Vard", ("Camille Vard",)),
        ("By Camille Vard", ("Camille Vard",)),
        ("By Camille Vard and Pieter Hals", ("Camille Vard", "Pieter Hals")),
        (
            "By Camille Vard, Pieter Hals & Ines Moura",
            ("Camille Vard", "Pieter Hals", "Ines Moura"),
        ),
        ("By Camille Vard, Transport Correspondent", ("Camille Vard",)),
        ("BY CAMILLE VARD", ("Camille Vard",)),  # said as a name, not spelled out
        ("By Camille Vard | Feb. 3, 2025", ("Camille Vard",)),
        ("By Ludwig van der Berg", ("Ludwig van der Berg",)),
    ],
)
def test_byline_forms(byline: str, authors: tuple[str, ...]) -> None:
    article = parse(f"Buses Every Ten Minutes\n\n{byline}")
    assert article.authors == authors
    assert byline not in read_aloud(article)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Feb.06 - 2025 10:20 AM CET", dt.datetime(2025, 2, 6, 10, 20, tzinfo=CET)),
        ("February 6, 2025", dt.date(2025, 2, 6)),
        ("6 Feb 2025 09:00 GMT", dt.datetime(2025, 2, 6, 9, 0, tzinfo=dt.timezone.utc)),
        ("2025-02-06", dt.date(2025, 2, 6)),
        ("Published Thursday 6 February 2025", dt.date(2025, 2, 6)),
        (
            "Feb 6, 2025, 4:05 pm EST",
            dt.datetime(2025, 2, 6, 16, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        ),
        ("2025-02-06T10:20:00+01:00", dt.datetime(2025, 2, 6, 10, 20, tzinfo=CET)),
        (
            "Source: Harbour Wire| 2025-02-06 10:20:00|Editor: Jo Lee",
            dt.datetime(2025, 2, 6, 10, 20),
        ),
    ],
)
def test_date_shapes(line: str, published: dt.date) -> None:
    article = parse(f"Buses Every Ten Minutes\n\nBy Camille Vard\n\n{line}")
    assert article.published == published
    assert isinstance(article.published, dt.datetime) == isinstance(published, dt.datetime)
    assert line not in read_aloud(article)


def test_date_labels_on_lines_of_their_own_say_which_date_is_which() -> None:
    head = (
        "Harbour City to Cut Late Buses\n\nBy Camille Vard\n\nUpdated\n\n"
        "Apr 02, 2024, 06:06 PM\n\nPublished\n\nApr 01, 2024, 10:30 AM"
    )
    article = parse(head)
    assert article.published and article.published.isoformat()[:10] == "2024-04-01"
    assert "Published" not in read_aloud(article) and "Updated" not in read_aloud(article)


@pytest.mark.parametrize(
    "dateline",
    [
        "SAN JOSE, Calif.--(BUSINESS WIRE)--Mar. 12, 2024-- ",
        "DAKAR/NEW YORK, 12 March 2024 – ",
        "HARBOUR CITY, March 12, 2024 /PRNewswire/ -- ",
    ],
)
def test_a_press_release_is_dated_by_its_dateline(dateline: str) -> None:
    text = (
        "Kestrel Robotics Reports Record Quarter\n\n"
        f"{dateline}Kestrel Robotics today announced results for its fourth quarter.\n\n"
        "Revenue reached a record, the company said in a statement on Tuesday.\n"
    )
    article = parse_text(text)
    assert article.published and article.published.isoformat()[:10] == "2024-03-12"


def test_iso_output_keeps_the_zone() -> None:
    article = parse("Buses Every Ten Minutes\n\nFeb.06 - 2025 10:20 AM CET")
    assert article.to_dict()["published"] == "2025-02-06T10:20:00+01:00"


@pytest.mark.parametrize(
    "junk",
    [
        "Trending Now",
        "TRENDING NOW",
        "Advertisement",
        "Read more",
        "Share this article",
        "Photo: Jo Smith",
        "Photo: Wikimedia Commons",
        "Image credit: City archive",
        "(AP Photo/Jo Smith)",
        "Getty Images",
        "Read more: Why the trams stopped running",
        "Also: See our coverage of the tram strike",
        "2of4Riders queue for the last night bus at Elm Park on Tuesday, Nov. 19, 2019.",
        "ALSO: Night buses return to Elm Park",
        "This article is more than 2 years old",
        "Listen · 4:32 min",
        "Reading time: 4 min",
        "5 min read",
    ],
)
def test_junk_lines_are_never_read(junk: str) -> None:
    text = f"Buses Every Ten Minutes\n\nBy Camille Vard\n\n{junk}\n\n{BODY}\n{junk}\n\nA closing paragraph that says what happens next, at some length.\n"
    article = parse_text(text)
    assert junk.casefold() not in str(article.to_dict()).casefold()
    assert article.lede and article.lede.startswith("The council approved")


def test_a_share_menu_printed_once_is_never_read() -> None:
    menu = (
        "Share this story\n\nShare All sharing options\n\n"
        "Share All sharing options for: Buses Every Ten Minutes\n\nReddit\n\nPocket\n\n"
        "Flipboard\n\nTumblr\n\nEmail"
    )
    article = parse_text(f"Buses Every Ten Minutes\n\nBy Camille Vard\n\n{menu}\n\n{BODY}")
    spoken = str(article.to_dict()).casefold()
    assert not any(word in spoken for word in ("sharing", "pocket", "flipboard", "tumblr"))
    assert article.lede and article.lede.startswith("The council approved")


@pytest.mark.parametrize(
    "furniture",
    ["Buy at Harbour Cycles", "Follow The Harbour Post channel on WhatsApp",
     "Follow Harbour Post on Google News for the latest updates.",
     "We respect your privacy. Unsubscribe at any time.",
     "Harbour Post welcomes respectful comments. Comments are moderated.",
     "What are your thoughts?", "Share this guide", "Viber",
     "Harbour Post uses cookies. By continuing you agree to our use of cookies.",
     "Our journalism needs your support. Subscribe today.",
     "Support independent local journalism. Become a member from £5 a month.",
     "Share your feedback to help improve our site!", "Report a problem with this page",
     "RELATED STORY: Tram strike ends after nine days",
     "The bike was provided by the manufacturer for testing.",
     "Camille Vard travelled with support from Visit Harbour City.",
     "This series was supported by the Harbour Fund for Local Reporting.",
     "Get the latest news from Harbour City every morning.",
     "The best of local news, every weekday morning."],
)  # fmt: skip
def test_the_outlets_pitches_and_shop_links_between_paragraphs_are_not_read(
    furniture: str,
) -> None:
    story = [f"Paragraph {n} of the story says what the council decided on the buses." for n in
             "ABCDEFGHIJKL"]  # fmt: skip
    text = "\n\n".join(["Buses Every Ten Minutes", "By Camille Vard", *story[:9], furniture,
                         *story[9:]])  # fmt: skip
    spoken = read_aloud(parse_text(text))
    assert furniture not in spoken
    assert spoken.count("says what the council decided") == len(story)


@pytest.mark.parametrize(
    "sentence",
    ["The best of the festival came every evening on the beach, when the bands played.",
     "Get the best news you can from your doctor before the operation, she said.",
     "Follow the money on the island, the auditor told the council on Tuesday."],
)  # fmt: skip
def test_story_sentences_shaped_like_pitches_are_read(sentence: str) -> None:
    text = "\n\n".join(["Buses Every Ten Minutes", "By Camille Vard", BODY, sentence,
                         "The council meets again in March to settle the timetable."])  # fmt: skip
    assert sentence in read_aloud(parse_text(text))


def test_label_before_lede_and_repeated_lines_are_dropped() -> None:
    text = (
        "Buses Every Ten Minutes\n\nBy Camille Vard\n\nNews\nPhoto: Jo Smith\nPhoto: Jo Smith\n"
        "The city will run buses every ten minutes from March, officials said.\n\n" + BODY
    )
    article = parse_text(text)
    assert article.lede == "The city will run buses every ten minutes from March, officials said."
    assert "News" not in str(article.to_dict())
    assert [s.heading for s in article.sections] == [None]


def test_subheadings_start_sections_and_lists_are_not_headings() -> None:
    text = (
        "Buses Every Ten Minutes\n\nBy Camille Vard\n\n"
        "The council approved the new bus timetable after a long debate on Tuesday evening.\n\n"
        "What Changes for Riders\n\n"
        "Buses will now run every ten minutes on the busiest routes, the office said.\n\n"
        "The routes that change are:\n\nRoute 4, Harbour to Station\n\nRoute 9, Old Town loop\n\n"
        "Night buses keep their hourly timetable until the summer.\n\n"
        "Will It Work?\n\n"
        "Riders' groups say they will count the buses themselves for the first month.\n"
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections] == ["What Changes for Riders", "Will It Work?"]
    assert "Route 4, Harbour to Station" in article.sections[0].paragraphs


def test_a_longer_heading_counts_in_an_article_whose_other_headings_it_resembles() -> None:
    # One 10-word line in sentence case between paragraphs could be a caption; among an
    # article's other headings, it is one of them.
    text = (
        "Buses Every Ten Minutes\n\nBy Camille Vard\n\n"
        "The council approved the new bus timetable after a long debate on Tuesday evening.\n\n"
        "What changes for riders\n\n"
        "Buses will now run every ten minutes on the busiest routes, the office said.\n\n"
        "Night buses\n\n"
        "Night buses keep their hourly timetable until the summer, the office added.\n\n"
        "Riders' groups will count the buses themselves this spring\n\n"
        "The groups say they will publish their own figures for the first month.\n"
    )
    assert [s.heading for s in parse_text(text).sections] == [
        "What changes for riders",
        "Night buses",
        "Riders' groups will count the buses themselves this spring",
    ]


QUESTION_EXPLAINER = (
    "Why the reservoir is being drained\n\nBy Camille Vard\n\n"
    "Water levels at the reservoir have been falling for three weeks, engineers said.\n\n"
    "What happened?\n\n"
    "An inspection last autumn found cracks in the spillway and water seeping through it.\n\n"
    "Will my bill go up?\n\n"
    "Not this year, the water company says, though the regulator will decide next spring.\n"
)


def test_questions_in_sentence_case_head_the_sections_of_an_explainer() -> None:
    assert [s.heading for s in parse_text(QUESTION_EXPLAINER).sections] == [
        "What happened?",
        "Will my bill go up?",
    ]


def test_the_questions_of_an_interview_head_no_sections() -> None:
    # Answered in the first person, the questions are the interviewer's, read as paragraphs.
    text = (
        "A novelist on her debut\n\nInterview by Camille Vard\n\n"
        "Ada Okonjo spent eight years as a lawyer before she published a word of fiction.\n\n"
        "When did you start writing?\n\n"
        "As a child, but I stopped for a long time and only came back to it at forty.\n\n"
        "What made you come back to it?\n\n"
        "My grandmother got ill, and I started recording her stories on my phone.\n"
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections] == [None]
    assert "When did you start writing?" in article.sections[0].paragraphs


def test_a_bloggers_own_questions_head_her_sections() -> None:
    # Written in the first person from the start, the questions are the writer's headings,
    # though the paragraphs under them are in the first person too.
    text = (
        "Building a weather station from scrap\n\nBy Camille Vard\n\n"
        "I have been meaning to write up my garden weather station for most of a year.\n\n"
        "So what does it measure?\n\n"
        "Wind, rain and temperature, which I log every minute to an old laptop in the shed.\n\n"
        "How did I build it?\n\n"
        "Mostly from a broken bicycle computer and parts I had lying around the workshop.\n"
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections] == [
        "So what does it measure?",
        "How did I build it?",
    ]


@pytest.mark.parametrize("caption_first", [True, False])
def test_a_heading_beside_its_pictures_caption_still_heads_its_section(
    caption_first: bool,
) -> None:
    # A heading and the caption of the picture under or over it stand between paragraphs as
    # two short lines; the caption is the longer one, in sentence case.
    def headed(heading: str, caption: str, paragraph: str) -> str:
        pair = (caption, heading) if caption_first else (heading, caption)
        return f"{pair[0]}\n\n{pair[1]}\n\n{paragraph}\n\n"

    text = (
        "Saving the orchids of the downs\n\nBy Camille Vard\n\n"
        "Each May a dozen volunteers lie face down on the slopes and count orchids.\n\n"
        + headed(
            "A hillside brought back",
            "Volunteers surveying the western slope at dawn",
            "The recovery began when a farmer agreed to stop ploughing the steepest field.",
        )
        + headed(
            "Counting every flower",
            "A burnt-tip orchid with its dark crimson top",
            "Counting is slow, tiring work, but the volunteers say the data matters.",
        )
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == [
        "A hillside brought back",
        "Counting every flower",
    ]
    heard_text = read_aloud(article)
    assert "slope at dawn" not in heard_text and "crimson top" not in heard_text
    assert "The recovery began" in heard_text


def test_other_stories_headlines_between_the_paragraphs_are_neither_headings_nor_read() -> None:
    # Two lines in headline case set between the paragraphs, about nothing the story is about,
    # are links to other stories; the subheadings that share the story's words stay.
    text = (
        "State Unveils Plan to Replace Aging Bridges\n\nBy Camille Vard\n\n"
        "The state transportation department announced a plan to replace its oldest bridges.\n\n"
        "Governor Signs Budget With Record School Funding\n\n"
        "Officials said about 120 of the bridges are rated in poor condition this year.\n\n"
        "Rural Bridges on School Bus Routes Come First\n\n"
        "Bridges on rural routes come first, the transportation department said.\n\n"
        "Heavy Rain Expected to Bring Flooding to River Towns\n\n"
        "Drivers should expect lane closures and detours on the bridges as work begins.\n\n"
        "What the Plan Costs Drivers\n\n"
        "The plan adds no toll, and drivers will pay nothing more, officials said.\n"
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == [
        "Rural Bridges on School Bus Routes Come First",
        "What the Plan Costs Drivers",
    ]
    heard_text = read_aloud(article)
    assert "Governor Signs Budget" not in heard_text and "Heavy Rain" not in heard_text


@pytest.mark.parametrize(
    "standfirst",
    [
        "Night shift workers fear the cuts will leave them stranded",
        "Ridership fell again last year; the council wants service back",
    ],
)
def test_a_standfirst_without_its_full_stop_is_read_first(standfirst: str) -> None:
    # A sentence under the headline that shares few words with the story is its standfirst,
    # not another story's headline, and a listener hears it before the story, not after.
    text = (
        f"Harbour City to Cut Late Buses\n\n{standfirst}\n\nBy Camille Vard\n\n"
        "March 4, 2025\n\n" + BODY
    )
    article = parse_text(text)
    assert article.lede == standfirst
    assert heard(article)[-2:] == [p for p in BODY.split("\n") if p]
    assert not [s.heading for s in article.sections if s.heading]


@pytest.mark.parametrize(
    "header",
    [
        "More on this story",
        "More from Island Sport",
        "Jump to:",
        "Products in this story",
        "Also Watch",
        "More explainers",
    ],
)
def test_a_box_of_links_to_other_stories_is_not_read(header: str) -> None:
    # A contents box repeats the headings; the headings themselves still head their sections.
    text = (
        "Harbour City to Cut Late Buses\n\nBy Camille Vard\n\n"
        f"{BODY}\n{header}\n\nWhat the Night Shift Says\n\nFares Rise on the Ferry\n\n"
        "What the Night Shift Says\n\nNurses who finish at midnight said they would walk.\n\n"
        "Fares Rise on the Ferry\n\nThe ferry company raised its fares for the second time.\n"
    )
    article = parse_text(text)
    assert header.rstrip(":") not in read_aloud(article)
    assert [s.heading for s in article.sections if s.heading] == [
        "What the Night Shift Says",
        "Fares Rise on the Ferry",
    ]


@pytest.mark.parametrize(
    "credit", ["Screenshot by Ravi Menon/Downs Trust", "Chart: Orchids counted each May, 2015-2024"]
)
def test_a_short_heading_over_its_pictures_credit_heads_its_section(credit: str) -> None:
    # A caption is a sentence's worth of words; a line of five or fewer over a picture's credit
    # (or a chart's title) is the heading the picture sits under.
    text = "\n\n".join(
        ["Saving the orchids of the downs", "By Camille Vard",
         "Each May a dozen volunteers lie face down on the slopes and count orchids.",
         "Design", "The recovery began when a farmer agreed to stop ploughing his fields.",
         "Back up the counts", credit,
         "Every count is copied to the trust's archive before the volunteers go home."]
    )  # fmt: skip
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == ["Design", "Back up the counts"]
    assert credit not in read_aloud(article)


def test_a_caption_in_title_case_over_its_bracketed_credit_is_not_read() -> None:
    caption = "Crowds on the Meadow Stage on Sunday Night"
    text = "\n\n".join(
        ["Harrowdown Review", "By Camille Vard",
         "Three days of music on the downs drew the festival's biggest crowd in a decade.",
         "Friday", "It rained for most of the weekend, and the main field turned to mud.",
         caption, "(Photo: Loud & Clear)", "The verdict",
         "Harrowdown remains a festival that knows its audience, mud and all."]
    )  # fmt: skip
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == ["Friday", "The verdict"]
    assert caption not in read_aloud(article)


@pytest.mark.parametrize(
    "header",
    ["Most viewed", "More theatre reviews", "Recommended from Editorial", "TOP ARTICLES",
     "You may also be interested in:", "Related guides", "More gift ideas", "See more on",
     "More letters", "More episodes", "MORE STORIES LIKE THIS ONE", "More like this",
     "Latest from Travel"],
)  # fmt: skip
def test_a_box_of_links_is_told_by_the_shape_of_its_header(header: str) -> None:
    titles = ["Ferry fares rise for the second time this year", "Night buses return to Elm Park"]
    text = "\n\n".join(["Harbour City to Cut Late Buses", "By Camille Vard", BODY, header, *titles])
    spoken = read_aloud(parse_text(text))
    assert header.rstrip(":") not in spoken
    assert not [title for title in titles if title in spoken]


def test_a_box_of_links_with_a_label_and_a_date_for_each_title_is_not_read() -> None:
    # Each story in the box carries its section's label and its date; the labels repeat.
    box = [
        "More stories like this",
        "TRANSPORT", "Night buses return to Elm Park", "March 2, 2022",
        "FEATURES", "The ferry that never ran on time", "June 15, 2019",
        "TRANSPORT", "Tram strike ends after nine days", "May 27, 2021",
        "FEATURES", "A day with the harbour's last ticket inspector", "July 30, 2018",
    ]  # fmt: skip
    text = "\n\n".join(["Harbour City to Cut Late Buses", "By Camille Vard", *box, BODY])
    article = parse_text(text)
    spoken = read_aloud(article)
    assert not [line for line in box if line in spoken]
    assert article.lede and article.lede.startswith("The council approved")


@pytest.mark.parametrize("heading", ["Top priorities", "More delays", "Up next", "Most affected"])
def test_a_heading_that_starts_like_a_box_of_links_heads_its_section(heading: str) -> None:
    text = "\n\n".join(
        ["Harbour City to Cut Late Buses", "By Camille Vard", "Drivers said the plan came late.",
         "What the Night Shift Says", BODY,
         heading, "Repairs to the depot roof will take the rest of the month, the council said."]
    )  # fmt: skip
    headings = [s.heading for s in parse_text(text).sections if s.heading]
    assert headings == ["What the Night Shift Says", heading]


def test_a_contents_list_without_its_label_leaves_the_headings_it_lists() -> None:
    # A health site's contents box lists the headings over the story; the story repeats them.
    headings = ["Steel-cut oats", "Portion size", "What to add"]
    paragraphs = [
        "Oats are digested slowly, so they raise blood sugar less than a sweet cereal does.",
        "Half a cup of dry oats is one serving, and a bigger bowl adds up quickly.",
        "Nuts and yogurt slow digestion further, while syrup and dried fruit do the opposite.",
    ]
    story = [line for pair in zip(headings, paragraphs, strict=True) for line in pair]
    text = "\n\n".join(
        ["Are Oats Good for Blood Sugar?", "By Camille Vard", *headings, BODY, *story]
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == headings
    assert read_aloud(article).count("Portion size") == 1


def test_an_agencys_byline_in_brackets_under_the_story_names_the_writers() -> None:
    text = "\n\n".join(
        ["Ferry Fares to Rise in April", BODY, "(By Jane Doe and Nnamdi Okafor)", "Enditem/AW"]
    )
    article = parse_text(text)
    assert article.authors == ("Jane Doe", "Nnamdi Okafor")
    assert "Jane Doe" not in read_aloud(article) and "Enditem" not in read_aloud(article)


def test_the_writers_box_under_the_story_heads_no_section() -> None:
    bio = "Camille Vard is a Harbour City-based journalist who covers transport and the port."
    story = [
        "The council approved the new bus timetable after a long debate on Tuesday evening.",
        "Buses will now run every ten minutes on the busiest routes, the transport office said.",
        "Drivers welcomed the change but said the depot would need more staff by the spring.",
        "The night routes keep their hourly service until the new buses arrive in the autumn.",
        "Passengers can find the new times at every stop and on the council's website.",
        "The first buses on the new timetable leave the depot at five on Monday morning.",
    ]
    box = ["Camille Vard", "Journalist", bio]
    text = "\n\n".join(["Buses Every Ten Minutes", "By Camille Vard", *story, *box])
    article = parse_text(text)
    assert [s.heading for s in article.sections] == [None]
    assert "Journalist" not in read_aloud(article)
    assert read_aloud(article).endswith(bio)


def test_a_live_blogs_entries_head_sections_under_their_time_stamps() -> None:
    # The "Key events" box lists the entries' titles before the entries themselves; each entry
    # has its time of day over its title.
    entries = [
        ("9:41 p.m. ET", "Ferry count finishes early",
         "The count of the ferry referendum finished an hour early, the clerk's office said."),
        ("8:15 p.m. ET", "Polls close with record turnout",
         "Polls have closed across the islands, with turnout the highest since the vote began."),
    ]  # fmt: skip
    summary = "Islanders voted all day on whether to keep the ferry, and the count is under way."
    lines = ["Island Referendum Live: Polls Close", "By Camille Vard", summary, "Key events"]
    lines += [title for _, title, _ in entries]
    lines += [line for entry in entries for line in entry]
    article = parse_text("\n\n".join(lines))
    assert [s.heading for s in article.sections if s.heading] == [title for _, title, _ in entries]
    assert "p.m." not in " ".join(s.heading or "" for s in article.sections)


def test_a_live_blogs_time_stamps_are_not_read() -> None:
    # Each entry's stamp is printed over its title, and the newest entry comes first.
    opening = [
        f"Polling station {n} reported its turnout to the clerk before noon." for n in "ABCDEF"
    ]
    lines = ["Island Referendum Live: Polls Close", "By Camille Vard", BODY, *opening]
    for stamp, title in (
        ("10:20 p.m. ET", "Ferry count finishes early"),
        ("Updated at 9.41pm", "Polls close with record turnout"),
        ("8:15 p.m. ET", "Queues at the harbour polling station"),
    ):
        lines += [stamp, title, f"The clerk's office posted its update on {title.lower()}.",
                  f"{len(title)} reposts {len(title)}K likes", "Share"]  # fmt: skip
    article = parse_text("\n\n".join(lines))
    spoken = read_aloud(article)
    assert "p.m. ET" not in spoken and "9.41" not in spoken and "reposts" not in spoken
    assert spoken.count("The clerk's office posted its update") == 3


HEADING_SHAPES = [
    # A fact box's lines, a card's details and the name under a letter's "See you next
    # week," head nothing.
    (
        "Beginner · 10 minutes\n\n"
        "Everyone who rides will fix a flat in the end, and this list is where to start.\n\n"
        "The Hollow Season\n\nDirector: Maren Lisk\n\nWhere to watch: Streamvale\n\n"
        "A grieving farmer keeps finding scarecrows in his fields that he did not put there.\n\n"
        "Night Ferry\n\nDirector: Sol Okoye\n\nStarring: Liv Moreau, Jonas Ek, Saga Virtanen\n\n"
        "Where to watch: Harbour Plus\n\n"
        "A night crossing goes wrong when the captain vanishes somewhere between two ports.\n\n"
        "That is all for this week, and the next list comes out on Friday.\n\n"
        "See you next week,\n\nCamille\n",
        ["The Hollow Season", "Night Ferry"],
        "A night crossing goes wrong",
    ),
    # "By the numbers" is a heading, not a byline.
    (
        "What the ferry carried\n\nThe new ferry carried more cars in its first month than the "
        "old one did all winter, the operator said.\n\n"
        "By the numbers\n\nIt made 240 crossings, with 9,800 passengers and 3,100 cars, and "
        "was late only four times.\n",
        ["What the ferry carried", "By the numbers"],
        "It made 240 crossings",
    ),
    # A date between the paragraphs, and a byline below the story's start, head nothing.
    (
        "The first test\n\nThe ferry's new engines ran for six hours without a fault on "
        "Tuesday, the harbour master said.\n\n"
        "Oct 14, 2024\n\n"
        "The second run, with a full load of cars, is planned for the end of the month.\n\n"
        "By Harbour News Agency\n\n"
        "The new timetable starts once both runs are passed by the inspectors.\n\n"
        "What comes next\n\nThe old ferry will be sold, and the crew will move to the new "
        "boat in the spring.\n",
        ["The first test", "What comes next"],
        "The second run, with a full load",
    ),
    # An embedded post's text with its link, and who posted it, head nothing.
    (
        "The defence fell apart\n\nThe visitors ran for 211 yards, the most the Otters have "
        "allowed all season, and Okoye scored on four straight drives.\n\n"
        "Nobody on the Otters defence is tackling Okoye today pic.twitter.com/x1y2z3\n\n"
        "Otters Insider (@OttersInsider)\n\n"
        "The Otters' coach said the tackling was the worst he had seen from his side.\n\n"
        "The playoff maths\n\nThe Otters need to win both remaining games to reach the "
        "play-offs for the first time in six years.\n",
        ["The defence fell apart", "The playoff maths"],
        "The Otters' coach said",
    ),
    # Headings ending with a colon, but not a lead-in to a quote.
    (
        "The case for selling:\n\nA buyer would take on the debts and the ageing boats, and "
        "the port would keep a share of the fares.\n\n"
        "The harbour master's statement said:\n\nWe have no plans to sell any of the boats "
        "before the next season begins.\n\n"
        "The case against:\n\nFares rose by a third the last time a ferry line was sold, "
        "the union said.\n",
        ["The case for selling", "The case against"],
        "The harbour master's statement said:",
    ),
    # "Distance: 4 miles" beside a heading is a fact about the section, not an item of a list.
    (
        "The Lighthouse Loop\n\nDistance: 4 miles | Difficulty: easy\n\n"
        "The loop starts at the car park and follows the cliff path to the old lighthouse.\n\n"
        "Seal Bay\n\nDistance: 6 miles\n\n"
        "Seals haul out on the sand at low tide, so check the tide tables before you set off.\n\n"
        "Best time: September\n\n"
        "The North Cliffs\n\nThe hardest of the three climbs steeply from the harbour wall.\n",
        ["The Lighthouse Loop", "Seal Bay", "The North Cliffs"],
        "Distance: 6 miles",
    ),
    # A heading that quotes someone; a video's time stamp beside a heading.
    (
        "‘We are the last boat out’\n\nThe crews say the island runs on the late ferry and "
        "that nobody asked them before the timetable changed.\n\n"
        "What the company says\n\nThe company said the new timetable saves fuel and keeps "
        "the boats in service for longer.\n\n"
        "Video: crews on the picket line\n\n2 hours ago\n\n"
        "Talks resume on Monday\n\nBoth sides will meet the mediator again on Monday morning, "
        "the union said.\n",
        ["‘We are the last boat out’", "What the company says", "Talks resume on Monday"],
        "Both sides will meet the mediator",
    ),
]


@pytest.mark.parametrize(("body", "headings", "heard_line"), HEADING_SHAPES)
def test_heading_shapes(body: str, headings: list[str], heard_line: str) -> None:
    text = "Harbour Ferries Face an Uncertain Winter\n\nBy Camille Vard\n\n" + BODY + "\n" + body
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == headings
    assert heard_line in read_aloud(article)


def test_a_newsletter_box_in_the_story_is_not_read_and_its_title_heads_nothing() -> None:
    text = (
        "Short sleep and the heart\n\nBy Camille Vard\n\n"
        "People who sleep less than six hours a night are more likely to develop heart disease.\n\n"
        "How the study worked\n\nParticipants wore wrist trackers for a week at the start.\n\n"
        "The Health Brief\n\nSign up for our free newsletter to get the week's health news.\n\n"
        "Enter your email\n\nSubscribe\n\n"
        "What the experts say\n\nCardiologists said the findings added to the evidence.\n"
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == [
        "How the study worked",
        "What the experts say",
    ]
    assert "Health Brief" not in read_aloud(article)


def test_a_pull_quote_repeating_a_sentence_of_the_story_is_read_once() -> None:
    sentence = "They asked where they were supposed to park, which was always the first question."
    text = (
        "The Town That Buried Its River\n\nBy Camille Vard\n\n"
        f"Residents came to the meetings with one worry. {sentence} Then they asked about "
        "the shops.\n\n"
        f"“{sentence}”\n\n"
        "The council promised a car park at the edge of the old town by the spring.\n"
    )
    assert read_aloud(parse_text(text)).count("supposed to park") == 1


def test_a_drop_cap_copied_as_a_line_of_its_own_joins_its_word() -> None:
    text = "Lighthouse Keepers\n\nBy Camille Vard\n\nT\n\nhe wind rose at dusk.\n\n" + BODY
    assert parse_text(text).lede == "The wind rose at dusk."


@pytest.mark.parametrize(
    "mark", ["###", "Media contacts:", "References", "Sources", "SOURCE Kestrel Robotics"]
)
def test_nothing_after_a_storys_end_mark_is_read(mark: str) -> None:
    text = (
        f"Kestrel Robotics Raises $48 Million\n\nBy Camille Vard\n\n{BODY}\n"
        "The company will open two assembly centres over the next eighteen months.\n\n"
        f"{mark}\n\nLim Wei Ting\n\npress@kestrel.example\n\n+65 6555 0143\n"
    )
    heard_text = read_aloud(parse_text(text))
    assert "two assembly centres" in heard_text
    assert "Lim Wei Ting" not in heard_text and "6555" not in heard_text


def test_the_date_line_above_the_headline_dates_a_story_with_none_under_it() -> None:
    text = (
        "Home\n\nMedia\n\nPress releases\n\nPress release | 3 March 2025\n\n"
        "Lumeva Announces Positive Results for Its Eczema Trial\n\n" + BODY
    )
    article = parse_text(text)
    assert article.headline == "Lumeva Announces Positive Results for Its Eczema Trial"
    assert article.published == dt.date(2025, 3, 3)


def test_a_caption_over_its_credit_is_neither_read_nor_a_heading() -> None:
    text = (
        "Saving the orchids of the downs\n\nBy Camille Vard\n\n"
        "Each May a dozen volunteers lie face down on the slopes and count orchids.\n\n"
        "Design\n\nThe recovery began when a farmer agreed to stop ploughing his fields.\n\n"
        "The western slope of the reserve at dawn in May\n\nRavi Menon / Downs Trust\n\n"
        "Grazing sheep keep the scrub down, the trust says, and the orchids come back.\n\n"
        "Counting\n\nCounting is slow, tiring work, but the volunteers say the data matters.\n"
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections] == ["Design", "Counting"]
    heard_text = read_aloud(article)
    assert "western slope" not in heard_text and "Ravi Menon" not in heard_text
    assert "Grazing sheep keep the scrub down" in heard_text


@pytest.mark.parametrize(
    "furniture",
    [
        "Story continues below advertisement",
        "Continue Reading Below",
        "Illustration: Jo Smith",
        "(Submitted by Lena Moore)",
        "Enter your email",
        "4 min",
        "Estimated 5 minutes",
        "Gift this article",
        "Listen",
        "4:12",
        "[Laughter]",
        "When you buy through links on our site, we may earn an affiliate commission.",
        "Start your free trial",
        "Subscribe: Apple | Spotify | YouTube",
        "Find The Island Post on WhatsApp",
        "Listen to our Inside Politics podcast",
        "This article appears in the December 2024 print edition.",
        # Captions that end with their credit.
        "The ferry leaves the harbour at dawn. Photograph: Jo Smith/The Island Post",
        "A volunteer sorts coats at the depot on Saturday. (Photo by Jo Smith/Herald)",
        "The new terminal seen from the quay (Image credit: Harbour Authority)",
        "Bees were trained to open a two-step box. Credit: Jo Smith",
        "Image caption, The harbour lights seen from the cliffs on Friday",
        "Screenshot: Harbour Games",
        "Image 1 of 6",
        # The credit after a caption's last sentence: the outlet, or the agency's "pic".
        "Workers leave the ferry at the quay. Island Tribune",
        "The minister speaks to reporters at the harbour. — Bernama pic",
        "A crane lifts the first stone into place. (Island News)",
        "Contact: Harbour Press Office press@harbour.example (555) 010-2200",
        "(555) 014-2277",
        "+44 20 7946 0958",
        "A worker at the plant in Fremont. Jo Smith via Getty Images",
        "Fans at the stadium | Photo Credit: FILE PHOTO",
        "Rescue teams on the river —HARBOUR FILE PHOTO",
        "Protesters outside the hall © Jo Smith, AFP",
        "The couple on their wedding day in 1998. Courtesy of the family",
        "FacebookTwitterPinterestLinkedInEmail",
        "(jdoe@islandpost.example)",
        "Your browser does not support the audio element.",
        "Duration 2:04",
        "Get the week's harbour news with the Morning Tide newsletter. Sign up here.",
        "after newsletter promotion",
        "Type your email…",
        "Pin this post for later!",
        "Help keep family & friends informed by sharing this article",
        "Follow me on Twitter or LinkedIn.",
        "This article appeared in the Britain section of the print edition under the headline "
        '"Low tide"',
        "Materials provided by Harbour University. Note: Content may be edited for length.",
        "By subscribing, you can help us get the story right.",
        "READ: Ferry fares rise again as fuel costs climb",
        "The new roofs can carry heavier panels. HT PHOTO: JO SMITH",
        "Photo shows a ferry leaving the harbour at dawn",
        "Image of a weatherboard shop with a red tin roof and a petrol pump out front",
        "Enlarge this image",
        "toggle caption",
        "Supplied: Harbour Monitoring Network",
        "Workers sort avocados at a packhouse in the valley. PHOTO | JO SMITH",
        "Serve with rice and sliced tomatoes. Photo by Jo Smith",
        "A train on the Yellow Line near the interchange. (Express Photo)",
        "Volunteers install a nesting box on the headland. Photo / Supplied",
        "A farmer dries coffee beans in the valley. PHOTO/FILE",
        "Commuters board a bus at the harbour terminus. [File, Harbour Eye]",
        "Did you make this recipe? Tag @harbourkitchen so I can see it!",
        "This article is for general information and is not a substitute for medical advice.",
        "This article does not constitute financial advice.",
        "The writer travelled at her own expense.",
        "Continue reading the main story",
        "Share on WhatsApp",
        "Login",
        "Key takeaways",
        "Find out more about Harbour Bank Kickstart",
        "Terms and conditions apply. Insured up to $100k.",
        "View photo",
        "A version of this article appears in print on Page A22 of the Harbour edition with the "
        "headline: Under the Quay, a Century of Pipes.",
        # Calls to action and a review site's shop window.
        "Got a story? Email newsdesk@islandpost.example",
        "Which side will win the cup? Have your say in the comments below.",
        "Thanks for reading! Subscribe for free to receive new posts.",
        "Listen to article (6 minutes)",
        "Today's best Harbour Phone 8 deals",
        "$348 at Amazon",
        "Read our full Harbour Phone 8 review",
        "Reuse this content",
        # Pitches for money and sign-ups, and notes on how the page was made.
        "Our reporting is free to read because readers chip in. Donate today.",
        "This post is free for everyone. Consider becoming a paid member.",
        "By signing up, you agree to our Privacy Policy and Terms of Service.",
        "When you buy a book through this page, we receive a commission.",
        "This story appears in our Winter 2024 issue.",
        "This story is licensed under Creative Commons.",
        "Produced by Harbour Audio using AI narration.",
        "From the March 2025 issue",
        "Share this article in your social network",
        "ShareComments",
        "Buy Photo",
        "Order Reprint of this Story",
        "All sharing options",
        "Via: The Mobile Chronicle",
        "Provided by Harbour University",
        "Heard on Morning Edition",
        "Republish",
        "View all prices",
        "Advertisement 2",
        "Load more updates",
        "Report ad",
        "Very large text size",
        "License this article",
        "Social Sharing",
        "Get the day's top harbour stories delivered to your inbox every weekday morning.",
        "A crane lifts the roof into place on Monday. Jo Smith/Island Post Staff",
        "Share this on Facebook",
        "Skip past newsletter promotion",
        "4.5 out of 5 stars",
        # A review's score and a gallery's counter.
        "8/10",
        "3 / 12",
        # What players, embeds and comment boxes print; counters of likes and comments.
        "Media playback is unsupported on your device",
        "View this post on Instagram",
        "Your email address will not be published. Required fields are marked *",
        "You must be logged in to join the discussion.",
        "Show 41 comments",
        "42 Likes",
        "3 Restacks",
        "Normal text size",
        "Advertisement · Scroll to continue",
        "Share on Facebook (opens in new tab)",
        "Share this with Messenger",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "Audio created using AI assistance",
        "The audio version of this article is generated by text-to-speech.",
        # The outlet's channels and credits.
        "Follow The Harbour Post WhatsApp channel",
        "Catch all the Business News and Latest Updates on Harbour Live.",
        "For the latest news and weather, head to Harbour 7 News.",
        "Get the latest from Harbour 7 anywhere, anytime",
        "Advertise with Harbour News",
        "(With inputs from agencies)",
        "Contributed photo",
        "Copyright Harbour 7 News",
        "Kindly share this story:",
        "Add to your saved stories",
        "Opinions expressed by contributors are their own.",
        "Stay with Harbour 7 News for updates on this developing story.",
        "Check out Harbour TV on YouTube for more ferry news:",
        "Upgrade to paid",
        "Report a typo",
        "Our Standards: The Harbour Trust Principles.",
        "HRLN -6.32%",
        "3 mins to read",
        "Get the Harbour Post in your inbox",
        "Get the biggest daily stories by email",
        "In this article: ferries, buses, timetables",
        "Previous",
        "FILED UNDER",
        "UpdatedFerry fares rise for the second time this year",
        "RelatedNight buses return to Elm Park",
        "Photography: Dara Roe",
        "1.2K Followers",
        "About the author",
    ],
)
def test_breaks_for_advertisements_and_credits_are_not_read(furniture: str) -> None:
    text = f"Buses Every Ten Minutes\n\nBy Camille Vard\n\n{BODY}\n{furniture}\n\n{BODY}"
    assert furniture not in read_aloud(parse_text(text))


@pytest.mark.parametrize(
    "poll",
    [
        ["Should the night buses run all year?", "Yes", "No", "Not sure"],
        ["Who should run the depot?", "The council", "A private firm", "Vote", "View results"],
        ["Was this guide helpful?", "Yes", "No"],
    ],
)
def test_a_readers_poll_is_not_read(poll: list[str]) -> None:
    after = "Night buses will run from the depot on Elm Road, the transport office said."
    text = "\n\n".join(["Buses Every Ten Minutes", "By Camille Vard", BODY, *poll, after])
    spoken = read_aloud(parse_text(text))
    assert not [line for line in poll if line in spoken.split("\n")]
    assert spoken.endswith(after)


def test_a_question_the_story_answers_is_read() -> None:
    question = "Will the night buses run all year?"
    text = "\n\n".join(["Buses Every Ten Minutes", "By Camille Vard", BODY, question, BODY])
    assert question in read_aloud(parse_text(text))


@pytest.mark.parametrize(
    "comments",
    [
        ["Comments", "busrider88", "March 30, 2025 at 5:02 pm", "Great news for Elm Park.",
         "Reply"],
        ["Margo says", "Thank you for this! The 14 is always late.", "Reply", "Leave a Reply"],
        ["Comments are closed."],
        ["Submit a Comment", "Your name"],
    ],
)  # fmt: skip
def test_readers_comments_under_the_story_are_not_read(comments: list[str]) -> None:
    more = [
        f"Night buses will run from the depot on {road} Road, the transport office said."
        for road in (
            "Elm",
            "Mill",
            "Quarry",
            "Harbour",
            "Station",
            "Chapel",
            "Castle",
            "Bridge",
            "Market",
            "Church",
            "Park",
            "Dock",
        )
    ]
    text = "\n\n".join(["Buses Every Ten Minutes", "By Camille Vard", BODY, *more, *comments])
    spoken = read_aloud(parse_text(text))
    assert not [line for line in comments if line in spoken]


@pytest.mark.parametrize(
    "credit",
    [
        "Contributing: Hannah Roe",
        "With files from Hannah Roe in Toronto",
        "Harbour Wire writer Hannah Roe in Salem contributed to this report.",
        "With reporting by Hannah Roe in Irbid.",
        "From staff and wire reports",
        "Hannah Roe and Ben Poe contributed.",
        "Camille Vard reported from Seoul, and Hannah Roe from Hong Kong.",
    ],
)
def test_the_helpers_credited_under_the_story_are_neither_read_nor_writers(credit: str) -> None:
    text = "\n\n".join(["Buses Every Ten Minutes", "By Camille Vard", BODY, credit])
    article = parse_text(text)
    assert credit not in read_aloud(article)
    assert article.authors == ("Camille Vard",)


@pytest.mark.parametrize(
    "contact",
    ["Twitter @hroe", "hroe@harbour.example; twitter: @hroe", "twitter.com/hroe",
     "Hannah Roe: 555-0177, @hroe"],
)  # fmt: skip
def test_ways_to_reach_the_writer_are_not_read(contact: str) -> None:
    text = "\n\n".join(["Buses Every Ten Minutes", "By Hannah Roe", BODY, contact])
    assert contact not in read_aloud(parse_text(text))


@pytest.mark.parametrize("stamp", ["Oct 14, 2024", "Sat, Sep 14, 2024 · 8:02 PM"])
def test_a_date_alone_between_paragraphs_is_not_read(stamp: str) -> None:
    # Under the header, a date on its own line is a related link's or an embedded post's.
    story = [
        f"Night buses will run from the depot on {road} Road, the transport office said."
        for road in ("Elm", "Mill", "Quarry", "Harbour", "Station", "Chapel", "Castle", "Bridge",
                     "Market", "Church", "Park", "Dock")
    ]  # fmt: skip
    text = "\n\n".join(
        ["Buses Every Ten Minutes", "By Camille Vard", "March 3, 2025", *story[:10], stamp,
         *story[10:]]
    )  # fmt: skip
    article = parse_text(text)
    assert article.published == dt.date(2025, 3, 3)
    spoken = read_aloud(article)
    assert stamp not in spoken and "Dock Road" in spoken


@pytest.mark.parametrize("label", ["Image copyright", "Image caption"])
def test_what_a_screen_reader_is_told_of_a_picture_is_not_read(label: str) -> None:
    text = "\n\n".join(
        ["Buses Every Ten Minutes", "By Camille Vard", BODY, label, "Harbour City Transport", BODY]
    )
    article = parse_text(text)
    assert label not in read_aloud(article) and "Harbour City Transport" not in read_aloud(article)
    assert not [s.heading for s in article.sections if s.heading]


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents can sign up for the council newsletter at the library, which now lends tools.",
        "Voters can sign up now at the town hall, the clerk said on Tuesday.",
        "Follow the money, the auditor told the council, and you will find the missing buses.",
        "He has worked for Reuters and the Island Post since the ferry strike of 2009.",
        "For the latest timetable, head to the council's website, the transport office said.",
        "Catch all the buses you can on Saturday.",
        "Copyright lawyers declined to comment.",
        "The bank's results disappointed. Credit Suisse shares fell on Monday, traders said.",
        "Image of the party suffered after the vote, the pollster said on Tuesday.",
        "The writer of the letter asked the council to keep the ferry running in winter.",
        "Every family on the street contributed.",
        "Stay with your neighbours for the night if the road floods, the police said.",
        "Check out the timetable on the council's website before you travel.",
    ],
)
def test_story_sentences_that_name_furniture_are_read(sentence: str) -> None:
    text = f"Buses Every Ten Minutes\n\nBy Camille Vard\n\n{BODY}\n{sentence}\n\n{BODY}"
    assert sentence in read_aloud(parse_text(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "By morning, crews had cleared the line and the first trains were running again.",
        "By Christmas Eve, the shops on the high street had sold out of candles and torches.",
    ],
)
def test_a_sentence_that_starts_with_by_is_the_story_not_a_byline(sentence: str) -> None:
    text = (
        "Night Buses Return After Storm\n\nMarch 2, 2025\n\n"
        "The storm brought down trees across the city and closed three bus depots overnight.\n\n"
        f"{sentence}\n\n"
        "Night buses keep their hourly timetable until the summer, the office added.\n"
    )
    article = parse_text(text)
    assert article.authors == ()
    assert sentence in heard(article)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Buses Every Ten Minutes\n\nBy Camille Vard\n\n"
        "The council approved the new bus timetable after a long debate\n"
        "on Tuesday evening, and the first buses run in March.\n\n"
        "Buses will now run every ten minutes on the busiest routes of\n"
        "the city, the transport office said.\n"
    )
    article = parse_text(text)
    assert article.lede == (
        "The council approved the new bus timetable after a long debate on Tuesday evening, "
        "and the first buses run in March."
    )


def test_single_newline_paragraphs() -> None:
    text = (
        "Buses Every Ten Minutes\nBy Camille Vard\nMarch 2, 2025\n"
        "The council approved the new bus timetable after a long debate on Tuesday evening.\n"
        "Buses will now run every ten minutes on the busiest routes, the office said.\n"
        "Night buses keep their hourly timetable until the summer, the office added.\n"
    )
    article = parse_text(text)
    assert article.authors == ("Camille Vard",)
    assert article.published == dt.date(2025, 3, 2)
    assert len(article.sections[0].paragraphs) == 2


def test_split_authors_drops_roles_and_employers() -> None:
    assert split_authors("Ana Ruiz, Senior Editor, and Bo Li for The Daily Planet") == (
        "Ana Ruiz",
        "Bo Li",
    )


def test_fixture_article_structure() -> None:
    article = load_article(FIXTURES / "short-article.txt")
    assert article.headline == "Rain Garden Opens on Mill Street"
    assert article.authors == ("Ada Lind",)
    assert article.published == dt.date(2025, 6, 3)
    assert (
        article.lede == "A new rain garden on Mill Street now soaks up water from the whole block."
    )
    assert [(s.heading, len(s.paragraphs)) for s in article.sections] == [
        (None, 1),
        ("Neighbours Take Over", 1),
    ]


def test_shared_sample_structure() -> None:
    article = load_article(shared_file("samples/kursk-offensive.txt"))
    assert article.headline.startswith("Ukraine Strikes Hard in Kursk")
    assert article.authors == ("Camilla Jessen",)
    assert article.to_dict()["published"] == "2025-02-06T10:20:00+01:00"
    assert article.lede is not None and "40,000 troops" in article.lede
    assert [(s.heading, len(s.paragraphs)) for s in article.sections] == [
        (None, 3),
        ("Russian Forces Suffer Heavy Losses", 3),
        ("North Korea Enters the War, but Pays a Heavy Price", 3),
        ("A Key Factor in Future Peace Talks?", 3),
    ]
    text = str(article.to_dict()).casefold()
    for junk in ("trending now", "photo:", "wikimedia", "'news'", "feb.06"):
        assert junk not in text


@pytest.mark.parametrize(
    ("first_paragraph", "read_as"),
    [
        (
            "KYIV, Ukraine (AP) — The city council met on Tuesday.",
            "Kyiv, Ukraine — The city council met on Tuesday.",
        ),
        (
            "BUFFALO, N.Y. — Hours before the game, the coach spoke.",
            "Buffalo, N.Y. — Hours before the game, the coach spoke.",
        ),
        ("LONDON (Reuters) - Prices rose in March.", "London — Prices rose in March."),
        (
            "BOSTON -- The team announced it on Wednesday.",
            "Boston — The team announced it on Wednesday.",
        ),
        (
            "KIKUYO, Japan -- Workers began on Monday.",
            "Kikuyo, Japan — Workers began on Monday.",
        ),
        (
            "SEOUL, March 18 (Yonhap) -- The North fired a missile.",
            "Seoul, March 18 — The North fired a missile.",
        ),
        (
            "NATO leaders met in Brussels on Tuesday to talk.",
            "NATO leaders met in Brussels on Tuesday to talk.",
        ),
    ],
)
def test_datelines_are_read_as_places_without_the_agency(
    first_paragraph: str, read_as: str
) -> None:
    article = parse_text(f"Council Meets\n\nBy Ana Ruiz\n\n{first_paragraph}\n\n{BODY}")
    assert article.lede == read_as


def test_mojibake_is_repaired_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    text = "Café Terrace Reopens\n\nBy Zoë Brandt\n\nThe café on the quay — it’s open again after a long winter of repairs.\n"
    path.write_bytes(text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    article = load_article(path)
    assert article.headline == "Café Terrace Reopens"
    assert article.lede == "The café on the quay — it’s open again after a long winter of repairs."


@pytest.mark.parametrize(
    "caption",
    [
        "Mayor Ana Ruiz (left) and her deputy open the new bridge on Tuesday morning",
        "The ferry leaves the harbour at dawn (Image: Kari Lund)",
        "Workers on the dock in spring (Photo: City archive)",
        "Supporters gather outside the hall © Jo Smith",
        # The credit glued to the caption by the copy, or set after it with its label.
        "A worker repairs cables under the quay this month.CreditKari Lund for The Island Post",
        "The old pier after the storm of 1978.CreditCreditKari Lund/The Island Post",
        "Crowds gather at a rally in the square on Thursday.Kari Lund / AFP - Getty Images",
        "Peacekeepers at a camp on Monday. Credit Kari Lund/Agence France-Presse — Getty Images",
    ],
)
def test_captions_inside_the_body_are_dropped(caption: str) -> None:
    article = parse_text(
        f"Bridge Opens\n\nBy Ana Ruiz\n\n{BODY}\n{caption}\n\nThe bridge carries two lanes and a cycle path across the river to the station.\n"
    )
    assert caption not in read_aloud(article)


def test_party_labels_are_not_mistaken_for_captions() -> None:
    line = "Sen. Jo Smith (R) said the bridge was long overdue and thanked the crews."
    article = parse_text(f"Bridge Opens\n\nBy Ana Ruiz\n\n{BODY}\n{line}\n")
    assert line in read_aloud(article)


def test_the_rights_notice_under_wire_copy_is_not_read() -> None:
    notice = (
        "© 2025 Harbour Wire. All Rights Reserved. This material may not be published, "
        "broadcast, rewritten, or redistributed."
    )
    paragraphs = BODY.strip().split("\n\n")
    article = parse_text("\n\n".join(["Ferry Fares Rise", "By Jane Doe", *paragraphs, notice]))
    assert notice not in heard(article)
    assert heard(article)[-1] == paragraphs[-1]


@pytest.mark.parametrize("box_header", ["Related", "More on this story", ""])
def test_a_heading_right_under_a_box_of_links_heads_its_section(box_header: str) -> None:
    # (a box without its header is read as lines of the story, but still heads nothing)
    box = [
        *([box_header] if box_header else []),
        "Ferry operator cuts winter sailings as fuel costs climb",
        "Harbour bridge repairs to close two lanes until spring",
    ]
    text = "\n\n".join(
        [
            "Island Bus Fares Frozen",
            "By Camille Vard",
            "The council froze island bus fares for another year after a long debate on Tuesday.",
            "Drivers' wages will rise in line with inflation, the transport office said.",
            "Routes kept",
            "All six island routes keep their timetable, including the early market service.",
            *box,
            "Fares frozen",
            "A single ticket stays at two pounds, and a weekly pass at nine pounds.",
            "Pensioners and schoolchildren keep travelling free before nine in the morning.",
        ]
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections] == [None, "Routes kept", "Fares frozen"]
    assert "A single ticket stays at two pounds" in article.sections[2].paragraphs[0]
    if box_header:
        assert not any("Ferry operator" in line for line in heard(article))


def test_the_last_short_item_of_a_list_is_no_heading() -> None:
    text = "\n\n".join(
        [
            "What the Market Sells",
            "By Camille Vard",
            "The Saturday market on the quay sells more than it did a year ago, traders said.",
            "The stalls sell:",
            "Bread and pastries",
            "Fish",
            "Fruit and flowers",
            "The market opens at seven and closes when the last stall sells out.",
        ]
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections] == [None]
    assert "Fruit and flowers" in heard(article)


@pytest.mark.parametrize("counter", ["2 of 5", "Image 3 of 8", "4 / 6"])
def test_a_gallery_counter_and_the_caption_under_it_are_not_read(counter: str) -> None:
    captions = [
        "Traders close their shops on Dock Road as marchers pass",
        "Demonstrators gather outside City Hall in the late afternoon.",
    ]
    story = [
        "Hundreds of traders marched on City Hall on Thursday against a new daily market levy.",
        "The march was largely peaceful, though police fired tear gas near a bus stage at noon.",
        "Members of the county assembly are due to debate the levy again next week, aides said.",
    ]
    header = ["Market Traders March on City Hall", "By Camille Vard"]
    text = "\n\n".join(
        [*header, story[0], counter, captions[0], story[1], counter, captions[1], story[2]]
    )
    article = parse_text(text)
    spoken = read_aloud(article)
    assert counter not in spoken and not any(caption in spoken for caption in captions)
    assert not [s.heading for s in article.sections if s.heading]
    assert all(paragraph in spoken for paragraph in story)


def test_a_caption_much_longer_than_the_pages_headings_heads_nothing() -> None:
    # The page sets its subheadings in a few words; the long line in sentence case between
    # its paragraphs is a picture's caption.
    caption = "The living room looks out over the harbour from the fourth floor"
    text = "\n\n".join(
        [
            "A Flat Above the Harbour",
            "By Camille Vard",
            "The couple bought the flat in 2019 and spent two years taking it back to its bones.",
            "The kitchen",
            "They moved the kitchen to the back wall, where the morning light comes in first.",
            caption,
            "A long oak table now runs the length of the room, made from the old floorboards.",
            "Bathrooms",
            "Both bathrooms kept their old tiles, cleaned by hand over a long and cold winter.",
            "Upstairs",
            "The two bedrooms under the roof share a landing that doubles as a small library.",
            "3. Leave the walls bare for a year",
            "The couple waited a year before hanging anything, to see how the rooms were used.",
        ]
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == [
        "The kitchen",
        "Bathrooms",
        "Upstairs",
        "3. Leave the walls bare for a year",  # numbered: a heading of its own kind
    ]
    assert caption in article.sections[0].paragraphs


def test_a_heading_over_the_captions_of_two_pictures_heads_its_section() -> None:
    captions = [
        "Reclaimed pine cabinets and a terrazzo counter in the kitchen",
        "The owner's own stoneware lines the open shelves by the window",
    ]
    text = "\n\n".join(
        [
            "A Flat Above the Harbour",
            "By Camille Vard",
            "The couple bought the flat in 2019 and spent two years taking it back to its bones.",
            "The kitchen",
            *captions,
            "They moved the kitchen to the back wall, where the morning light comes in first.",
            "The bedroom",
            "The bedroom is deliberately quiet, painted a soft clay colour mixed by a local maker.",
        ]
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == ["The kitchen", "The bedroom"]
    assert not any(caption in read_aloud(article) for caption in captions)


@pytest.mark.parametrize(
    ("story", "published"),
    [
        # Spelled the British way: the day first, as the page's country writes it.
        ("The harbour centre will open after the council's programme of repairs.", (3, 4)),
        ("Mr Doe said the repairs would cost ten per cent more than first planned.", (3, 4)),
        # Spelled the American way, or not telling: the month first.
        ("The harbor center will open after the city's program of repairs.", (4, 3)),
        ("The repairs will cost more than first planned, the office said.", (4, 3)),
        # A date elsewhere on the page that can be read only one way tells the order.
        ("The harbor center closed on 25/02/2024 and will open after repairs.", (3, 4)),
        ("The harbour centre closed on 02/25/2024 and will open after repairs.", (4, 3)),
    ],
)
def test_a_numeric_date_is_read_in_the_order_the_page_writes_dates(
    story: str, published: tuple[int, int]
) -> None:
    text = "\n\n".join(
        ["Pier to Reopen After Repairs", "By Camille Vard", "04/03/2024", story, BODY]
    )
    month, day = published
    assert parse_text(text).published == dt.date(2024, month, day)


@pytest.mark.parametrize(
    ("header", "headline"),
    [
        # A newsletter's name over a headline that is a sentence, over its standfirst.
        (
            [
                "Ballot Box Brief",
                "Early voting is running ahead of 2020. Here's who is showing up.",
                "A look at the first week of turnout data, precinct by precinct",
                "Adebola Ogunleye and Grant Whitfield",
                "Mar 03, 2024",
            ],
            "Early voting is running ahead of 2020. Here's who is showing up.",
        ),
        (
            [
                "Metro Transit Notes",
                "The bus survey closes Friday. Here's what I'd tell them.",
                "Some honest feedback on the draft map, from someone who rides the 14",
                "Feb 28",
            ],
            "The bus survey closes Friday. Here's what I'd tell them.",
        ),
        # A short headline over a standfirst that ends with its full stop, on the byline.
        (
            [
                "Ferry Fares Rise Again",
                "Operators blame fuel costs for the third rise this year.",
                "By Camille Vard",
                "March 3, 2024",
            ],
            "Ferry Fares Rise Again",
        ),
    ],
)
def test_a_headline_that_is_a_sentence_under_the_newsletters_name(
    header: list[str], headline: str
) -> None:
    assert parse_text("\n\n".join([*header, BODY])).headline == headline


@pytest.mark.parametrize(
    "header",
    [
        # Who sends the release and its labels over the headline.
        [
            "Okanee County Department of Public Health",
            "NEWS RELEASE",
            "FOR IMMEDIATE RELEASE",
            "03/18/2024",
            "Contact: Marisol Tejeda, Public Information Officer",
            "(555) 014-2277",
            "Harbour County confirms first measles case since 2019, urges residents to check",
        ],
        # The headline at the top, the labels under it.
        [
            "Harbour County confirms first measles case since 2019, urges residents to check",
            "News Release",
            "March 18, 2024",
            "Contact: Office of Communications, 555-0120",
        ],
    ],
)
def test_the_headline_of_a_press_release(header: list[str]) -> None:
    article = parse_text("\n\n".join([*header, BODY]))
    assert article.headline.startswith("Harbour County confirms first measles case")
    assert "014-2277" not in read_aloud(article)


@pytest.mark.parametrize(
    ("header", "headline"),
    [
        # A breadcrumb trail's steps on lines of their own.
        (
            ["Home", "Releases", "$48 million to mend rural roads on the coast", "12 July 2023"],
            "$48 million to mend rural roads on the coast",
        ),
        # A blog platform's buttons.
        (
            ["Open in app", "Sign up", "Sign in", "Write", "I Replaced Our Cron Jobs With a Queue",
             "Karthik Raman", "8 min read"],
            "I Replaced Our Cron Jobs With a Queue",
        ),
        # A question under the section's labels.
        (
            ["News", "Explainers", "Route licensing bill: what changes for commuters?",
             "By Wanjiru Kamau", "Saturday, February 10, 2024"],
            "Route licensing bill: what changes for commuters?",
        ),
        # A video's or a gallery's headline, whose label looks like a teaser's or a credit's.
        (
            ["Video", "UAE", "Watch: Dubai's abra captains prepare for electric boats",
             "By Farah Al Mansoori", "Wed 15 Nov 2023, 4:10 PM"],
            "Watch: Dubai's abra captains prepare for electric boats",
        ),
        (
            ["Counties", "Elgeyo Marakwet", "IN PICTURES: Schoolchildren take on the fun run",
             "Story by Chebet Kiprono", "Sunday May 19 2024"],
            "IN PICTURES: Schoolchildren take on the fun run",
        ),
        # An obituary's headline, however short, under its labels and over its standfirst.
        (
            ["Obituaries", "Other lives", "Margaret Ellwood obituary",
             "Marine engineer who kept the harbour ferries running for three decades",
             "Helen Marsh", "Tue 14 Mar 2023 17.20 GMT"],
            "Margaret Ellwood obituary",
        ),
    ],
)  # fmt: skip
def test_the_headline_under_a_pages_labels_and_buttons(header: list[str], headline: str) -> None:
    assert parse_text("\n\n".join([*header, BODY])).headline == headline


def test_a_letter_to_the_editor_is_signed_by_its_writer() -> None:
    text = "\n\n".join(
        ["Rural bus cuts will leave older people stranded", "Thu Jan 18 2024 - 05:00",
         "Sir, – The announcement that the evening bus is to be withdrawn from March is a blow.",
         "For many older residents who no longer drive, this bus is the only way to get home.",
         "Yours, etc,", "MAIREAD FOLEY,", "Ballinasloe,", "Co Galway.", "More Letters",
         "Sir, – Regarding housing targets...", "Sir, – As a lifelong cyclist..."]
    )  # fmt: skip
    article = parse_text(text)
    assert article.authors == ("Mairead Foley",)
    spoken = read_aloud(article)
    assert "lifelong cyclist" not in spoken and "housing targets" not in spoken
    assert "only way to get home" in spoken


def test_a_recipes_parts_head_their_lists() -> None:
    text = "\n\n".join(
        ["Light Soup with Smoked Fish", "By Efua Mensah",
         "Light soup was the Sunday lunch of my childhood, started as soon as we got home.",
         "Ingredients", "2 smoked fish, broken into pieces", "4 ripe tomatoes", "1 large onion",
         "Method", "Simmer the tomatoes and onion in a large pot of water for fifteen minutes.",
         "Add the fish and simmer gently for twenty minutes, until the soup has thickened."]
    )  # fmt: skip
    sections = parse_text(text).sections
    assert [s.heading for s in sections] == ["Ingredients", "Method"]
    assert sections[0].paragraphs == (
        "2 smoked fish, broken into pieces",
        "4 ripe tomatoes",
        "1 large onion",
    )


def test_a_name_alone_between_paragraphs_heads_nothing() -> None:
    # A picture's credit, or a writer's name over a note about her: not a chapter.
    text = "\n\n".join(
        ["Navy Veteran Defends Her Flag Photo", "By Camille Vard",
         "A photographer and Navy veteran is fighting back after a photo she posted online.",
         "Vanessa Hicks",
         "The flag code has guidelines for the treatment of the flag but no rules for punishment."]
    )  # fmt: skip
    assert not [s.heading for s in parse_text(text).sections if s.heading]


def test_the_writers_notes_over_the_helpers_credit_are_not_read() -> None:
    notes = ["Stella Kim", "Stella Kim is a freelance producer based in Seoul.", "Jennifer Jett",
             "Jennifer Jett is the Asia digital editor, based in Hong Kong."]  # fmt: skip
    text = "\n\n".join(
        ["Impeachment Vote Looms in Seoul", "By Stella Kim and Jennifer Jett", BODY, *notes,
         "Abigail Williams and Beomsu Jo contributed."]
    )  # fmt: skip
    article = parse_text(text)
    assert not [s.heading for s in article.sections if s.heading]
    assert "contributed" not in read_aloud(article)
    assert "Stella Kim is a freelance producer" in read_aloud(article)  # a note about the writer


@pytest.mark.parametrize(
    "first_line", ["Starring: Saga Virtanen, Jonas Ek", "The Long Room, Episode 142"]
)
def test_a_title_like_line_over_the_first_paragraph_heads_no_section(first_line: str) -> None:
    # A film's cast, an episode's title, a score or a caption sits there: it heads nothing.
    text = "\n\n".join(["Harbour City to Cut Late Buses", "By Camille Vard", first_line, BODY])
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == []
    assert first_line in heard(article)  # (a fact line, "Starring: ...", after the lede)


def test_a_line_over_the_first_paragraph_keeps_company_for_a_lone_heading() -> None:
    # The page sets subheadings, so the one further down is not merged into the paragraphs.
    text = "\n\n".join(
        ["Harbour City to Cut Late Buses", "By Camille Vard", "What the Night Shift Says", BODY,
         "Repairs begin in the spring", "The depot roof will be mended before the new timetable."]
    )  # fmt: skip
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == ["Repairs begin in the spring"]


@pytest.mark.parametrize(
    ("crosshead", "heads"),
    [("Ferry talks", True), ("A smaller depot", True), ("Union waits on the outcome", True),
     ("The union waits for a vote in the spring", False), ("Got a story?", False),
     ("About Harbour Transit", False), ("Book tickets", False)],
)  # fmt: skip
def test_a_lone_crosshead_heads_its_section_when_it_names_what_the_section_tells(
    crosshead: str, heads: bool
) -> None:
    text = "\n\n".join(
        ["Harbour City to Cut Late Buses", "By Camille Vard", BODY, crosshead,
         "Talks with the ferry company on a smaller depot for Harbour Transit resume in May.",
         "The union said it would wait for the talks before calling any strike."]
    )  # fmt: skip
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == ([crosshead] if heads else [])
    assert crosshead in read_aloud(article)


def test_a_listicles_numbered_items_head_their_sections_over_a_line_of_specs() -> None:
    items = [
        ("1. Tessel Air 14 — the best for most riders", "Specs: 14-inch frame, 9kg, 60km range"),
        ("2. Northam Fold — the best budget pick", "Specs: 20-inch wheels, 12kg, 40km range"),
        ("3. Halden Cargo — the best for families", "Specs: two seats, 30kg, 80km range"),
    ]
    text = "\n\n".join(
        ["The Best Electric Bikes for Commuters", "By Camille Vard", BODY]
        + [line for title, specs in items
           for line in (title, "$899 at Harbour Cycles", specs,
                        f"We rode the {title.split()[1]} to work for a month in all weathers.")]
    )  # fmt: skip
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == [title for title, _ in items]


def test_a_guides_steps_head_their_sections_under_its_list_and_beside_its_tips() -> None:
    steps = ["Step 1: Lift the Bike", "Step 2: Open the Brake", "Step 3: Pull the Wheel Free"]
    lines = ["How to Fix a Flat Tyre", "By Camille Vard", BODY, "What you need", "Tyre levers",
             "A spare tube"]  # fmt: skip
    for step in steps:
        lines += [step, f"{step.split(': ')[1]} before anything else, and take your time.", "Tip",
                  "Keep the bolts in a cup so that none of them rolls away."]  # fmt: skip
    article = parse_text("\n\n".join(lines))
    assert [s.heading for s in article.sections if s.heading] == steps


def test_a_fact_box_over_the_story_is_read_after_its_lede() -> None:
    facts = ["Working time: 6 hrs", "Total time: 2 days", "Cost: $120 to $180"]
    first = "A raised bed is the easiest way to grow vegetables where the soil is heavy clay."
    text = "\n\n".join(["How to Build a Raised Bed", "By Camille Vard", *facts, first, BODY])
    article = parse_text(text)
    assert article.lede == first
    assert heard(article)[2:5] == facts


def test_a_numbered_list_without_paragraphs_between_is_no_run_of_headings() -> None:
    steps = ["1. Lift the bike onto the stand", "2. Open the brake", "3. Pull the wheel free"]
    after = "Pump the new tube up to the pressure printed on the tyre's wall before you ride."
    text = "\n\n".join(["How to Fix a Flat Tyre", "By Camille Vard", BODY, *steps, after])
    article = parse_text(text)
    assert not [s.heading for s in article.sections if s.heading]


def test_the_box_about_the_company_under_a_release_heads_no_section() -> None:
    text = "\n\n".join(
        ["Harbour Transit Orders Forty Electric Buses", "By Camille Vard", BODY,
         "What the buses replace", "The diesel fleet from 2009 goes to the scrapyard by May.",
         "When they arrive", "The first ten buses reach the depot in the spring.",
         "About Harbour Transit",
         "Harbour Transit runs the city's buses and ferries for two million riders a year."]
    )  # fmt: skip
    article = parse_text(text)
    headings = [s.heading for s in article.sections if s.heading]
    assert headings == ["What the buses replace", "When they arrive"]
    assert "Harbour Transit runs the city's buses" in read_aloud(article)


def test_titles_that_share_no_words_with_the_paragraphs_under_them_head_no_sections() -> None:
    # A local station's page sets other stories' titles between a court report's paragraphs;
    # they share words with the story, but not with what the paragraphs under them say.
    story = [
        "A jury convicted a former bus driver of overtime fraud at the city depot on Monday.",
        "Prosecutors said the driver had claimed overtime for depot shifts he never drove.",
        "The defence argued that the depot kept its overtime records by hand and often wrong.",
        "Depot Drivers Vote on New Overtime Rules This Week",
        "The judge will set his sentence at a hearing in March, the court said.",
        "His lawyer said he would appeal and asked for bail until the hearing.",
        "City Bus Fares Rise for Drivers' Families",
        "Jurors took less than an hour to reach their verdict after the five-day trial.",
        "The bus company said the driver had repaid part of the money before the trial.",
    ]
    text = "\n\n".join(["Former Driver Convicted of Overtime Fraud", "By Camille Vard", *story])
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == []
    assert story[3] not in [s.heading for s in article.sections]


def test_headings_that_name_their_sections_topic_still_head_them() -> None:
    story = [
        "A jury in Harbour City convicted a former bus driver of fraud on Monday after a trial.",
        "The Overtime Claims Nobody Checked",
        "Prosecutors said nobody checked the overtime claims he filed over three years.",
        "The defence argued that the depot's records were kept by hand and often wrong.",
        "What Happens at the Sentencing Hearing",
        "The judge will set his sentence at a sentencing hearing in March, the court said.",
    ]
    text = "\n\n".join(["Former Driver Convicted of Overtime Fraud", "By Camille Vard", *story])
    article = parse_text(text)
    assert [s.heading for s in article.sections if s.heading] == [story[1], story[4]]

"""Bylines and dates in the shapes news pages print them, read from pasted text.

Each case is the lines a reader copies between the headline and the story; the test checks what
the edition will be tagged with: its authors and its date, and that the byline and date lines
are not read out as part of the story.
"""

from __future__ import annotations

import datetime as dt

import pytest

from audio_edition.ingest.byline import read_byline, split_authors
from audio_edition.ingest.dates import find_dates
from audio_edition.ingest.names import is_person_name
from audio_edition.ingest.text import parse_text

from .conftest import heard

HEADLINE = "Ferry Service Returns to the Outer Islands After Two Winters"
BODY = [
    "The first ferry in two winters left the mainland pier on Monday morning with forty "
    "passengers, a van of post and a crate of seedlings for the island school.",
    "Islanders had waited since the old boat failed its inspection, and many came down to the "
    "quay at Skarvik to watch it come in.",
]
STANDFIRST = "A new boat, a new timetable and a crew who grew up on the islands they now serve."
PT = dt.timezone(dt.timedelta(hours=-7))
EST = dt.timezone(dt.timedelta(hours=-5))


def parse(meta_lines: list[str], *, before: list[str] | None = None) -> object:
    text = "\n\n".join([*(before or []), HEADLINE, *meta_lines, *BODY])
    return parse_text(text)


BYLINES = [
    (["By", "Jane Doe", "March 3, 2025"], ("Jane Doe",)),
    (["ByJane Doe", "March 3, 2025"], ("Jane Doe",)),
    (["By Jane Doe and John Roe"], ("Jane Doe", "John Roe")),
    (["By Jane Doe, Science Editor"], ("Jane Doe",)),
    (["Jane Doe · The Island Post", "March 3, 2025"], ("Jane Doe",)),
    (["Jane Doe | Staff Writer"], ("Jane Doe",)),
    (["Jane Doe @janedoe", "March 3, 2025"], ("Jane Doe",)),
    (["By Jane Doe jdoe@islandpost.example (555) 010-2030"], ("Jane Doe",)),
    (["March 3, 2025 by Jane Doe"], ("Jane Doe",)),
    (["Jane DoeView More Articles"], ("Jane Doe",)),
    (["Jane DoeSenior Contributor"], ("Jane Doe",)),
    (["JANE DOE", "March 3, 2025"], ("Jane Doe",)),
    (["Reuters, London,", "March 3, 2025"], ("Reuters",)),
    (["Associated Press", "Published 9:15 pm EST, Monday, March 3, 2025"], ("Associated Press",)),
    (["By Island Post Staff | March 3, 2025"], ("Island Post Staff",)),
    (["Published March 3, 2025 by Jane Doe"], ("Jane Doe",)),
    # Names without "By": all of them, not only the first.
    (["Jane Doe, John Roe and Ann Poe", "March 3, 2025"], ("Jane Doe", "John Roe", "Ann Poe")),
    # An agency after the reporters is their outlet, and the line is a byline, not a credit.
    (["By Jane Doe and John Roe, Reuters"], ("Jane Doe", "John Roe")),
    (["By Jane Doe, Associated Press", "March 3, 2025"], ("Jane Doe",)),
    # The place or a role in lower case after a bare name.
    (["Jane Doe in Skarvik", "Tue 4 Mar 2025 10.00 GMT"], ("Jane Doe",)),
    (["Jane Doe Transport correspondent", "Tue 4 Mar 2025 10.00 GMT"], ("Jane Doe",)),
    # The name of the author's photo, then "By" and the name with the outlet glued on.
    (["Jane Doe By Jane Doe Island Post", "Published March 4, 2025 5:00am EST"], ("Jane Doe",)),
    (["Posted by Jane Doe on March 4, 2025"], ("Jane Doe",)),
    (["Posted 3 days ago by Jane Doe"], ("Jane Doe",)),
    (["Updated yesterday by Jane Doe"], ("Jane Doe",)),
    (["Words: Jane Doe", "March 4, 2025"], ("Jane Doe",)),
    # The name as catalogues and feeds give it, without the title.
    (["By Dr. Jane Doe", "March 4, 2025"], ("Jane Doe",)),
    # An office-holder's op-ed; a given name cut short ("Ma." for Maria, "Md." for Mohammad).
    (["By Sen. Jane Doe and Rep. John Roe", "March 4, 2025"], ("Jane Doe", "John Roe")),
    (["By Ma. Cristina Doe", "March 4, 2025"], ("Ma. Cristina Doe",)),
    (["By Md. Rafiqul Doe", "March 4, 2025"], ("Md. Rafiqul Doe",)),
    # A blogger who signs with her first name alone, over the date; a section's name is no one.
    ([STANDFIRST, "Oona", "Sep 9, 2024"], ("Oona",)),
    ([STANDFIRST, "Opinion", "Sep 9, 2024"], ()),
    (["Sydney", "Sep 9, 2024"], ()),  # right under the headline: the section's label
    # A live blog's writers, with who writes now and who wrote earlier.
    (["Jane Doe (now) and John Roe (earlier)", "Sat 1 Mar 2025 14.10 GMT"], ("Jane Doe", "John Roe")),
    (["By Prof. Jane Doe and Mr. John Roe", "March 4, 2025"], ("Jane Doe", "John Roe")),
    (["Hon Rachel Te Awa", "12 July 2023"], ("Rachel Te Awa",)),
    # Under the writer's byline, "Reviewed by" names who checked the work; alone, the critic.
    (["By Marcus Feld", "Reviewed by Dana Ochoa", "Jan 29, 2024"], ("Marcus Feld",)),
    (["Reviewed by Dana Ochoa", "Jan 29, 2024"], ("Dana Ochoa",)),
    (["Jane Doe and John Roe", "March 4, 2025"], ("Jane Doe", "John Roe")),
    (["Authors: Jane Doe, John Roe", "March 4, 2025"], ("Jane Doe", "John Roe")),
    (["Contributors: Jane Doe", "March 4, 2025"], ("Jane Doe",)),
    (["By Jane Doe Updated March 4, 2025"], ("Jane Doe",)),
    (["By Jane Doe (@janedoe)", "March 4, 2025"], ("Jane Doe",)),
    # A staff signature in the page's header line, with the place and the date stamp.
    (["Skarvik, Island Post Bureau | Updated : 3 March 2025, 09:01 AM"], ("Island Post Bureau",)),
    # A name between the standfirst and the date.
    (
        [
            "A new boat, a new timetable and a crew who grew up on the islands they now serve.",
            "Jane Doe",
            "March 3, 2025",
        ],
        ("Jane Doe",),
    ),
    # A weekday, "on" or "Last Updated" between the name and the date is not part of the name.
    (["By Jane Doe Tue, 4 Mar 2025 10:15:00 GMT"], ("Jane Doe",)),
    (["By Jane Doe Tuesday 4 March 2025 10.20 CET"], ("Jane Doe",)),
    (["By Jane Doe On 4 March 2025"], ("Jane Doe",)),
    (["By Jane Doe Last Updated: March 4, 2025"], ("Jane Doe",)),
    (["By Jane Doe March 4", "2025-03-04"], ("Jane Doe",)),
    (["By Jane Doe Nov. 19, 6:55 AM"], ("Jane Doe",)),
    # Other words before "by", the label alone over the names, a byline in lower case.
    (["Reported by Jane Doe", "March 3, 2025"], ("Jane Doe",)),
    (["Analysis by Jane Doe", "March 3, 2025"], ("Jane Doe",)),
    (["Written by:", "Jane Doe", "March 3, 2025"], ("Jane Doe",)),
    (["Author", "Nnamdi Okafor", "Published", "March 3, 2025"], ("Nnamdi Okafor",)),
    # Two writers, their desk and the stamp glued into one line that ends in "p.m.".
    (["By Jane Doe and John Roe Globe Staff,Updated March 3, 2025, 9:41 p.m."],
     ("Jane Doe", "John Roe")),
    # Credits that name the writer: a travel story's, a recipe's, a book review's.
    (["Story and photographs by Jane Doe", "Published March 3, 2025"], ("Jane Doe",)),
    (["Recipe by Jane Doe", "March 3, 2025"], ("Jane Doe",)),
    (["The Salt Orchard by Ann Poe", "Reviewed by Jane Doe", "March 3, 2025"], ("Jane Doe",)),
    # The writer's name over the paper's, whose one-word name is no part of hers.
    (["Jane Doe", "Mesa Ridge Sentinel", "Published 7:15 a.m. MT March 3, 2025"], ("Jane Doe",)),
    # "WRITER:" as the label; a reading time beside the date that names no one.
    (["WRITER: Nnamdi Okafor", "PUBLISHED : 3 Mar 2025 at 04:00"], ("Nnamdi Okafor",)),
    (["March 3, 2025", "Reading Time: 3 mins read"], ()),
    # A newsletter's writer over a day without its year, first name known or not.
    (["Nnamdi Okafor", "Mar 3", "18", "Share"], ("Nnamdi Okafor",)),
    (["by jane doe", "March 3, 2025"], ("Jane Doe",)),
    # A byline on two lines, and what a copy-paste glues on: a read time, a label, "Published".
    (["By Jane Doe", "and John Roe", "March 3, 2025"], ("Jane Doe", "John Roe")),
    (["Jane Doe 4 min read", "March 3, 2025"], ("Jane Doe",)),
    (["Jane DoeEmail", "March 3, 2025"], ("Jane Doe",)),
    (["Jane Doe Published March 3, 2025"], ("Jane Doe",)),
    (["Jane Doe Follow", "March 3, 2025"], ("Jane Doe",)),
    (["By JANE DOE FOR ISLANDPOST.EXAMPLE", "PUBLISHED: 10:00 EST, 3 March 2025"], ("Jane Doe",)),
    # The family name in capitals, as many European papers print it.
    (["By Jane DOE", "March 3, 2025"], ("Jane Doe",)),
    (["Anne-Marie LE BRUN", "March 3, 2025"], ("Anne-Marie Le Brun",)),
    # Where the line is surely a byline, any first name; the family name may come first.
    (["By Oluwaseun ADEYEMI", "March 3, 2025"], ("Oluwaseun Adeyemi",)),
    (["YAMAGUCHI Haruka", "2025/03/03 18:30 (JST)"], ("Yamaguchi Haruka",)),
    (["By KLMV Staff", "March 3, 2025"], ("KLMV Staff",)),
    # A generational suffix is part of the name, with its full stop.
    (["By Henry Holt Jr.", "March 3, 2025"], ("Henry Holt Jr.",)),
    (["Henry Holt III", "March 3, 2025"], ("Henry Holt III",)),
    (["Henry Holt, Jr.", "March 3, 2025"], ("Henry Holt, Jr.",)),
    (["By Jane Doe and Henry Holt Sr."], ("Jane Doe", "Henry Holt Sr.")),
    # Names the first-name list does not know, beside the date: above it, below it, or over
    # the writer's role, handle or outlet; the outlet's own name is not a writer's.
    (["Nnamdi Okafor", "March 3, 2025"], ("Nnamdi Okafor",)),
    (["By", "Tiwalade Ogunlowo", "March 3, 2025"], ("Tiwalade Ogunlowo",)),
    (["Nnamdi Okafor", "Senior Reporter", "March 3, 2025"], ("Nnamdi Okafor",)),
    # On the date line right under the headline, where a section's label does not go.
    (["Wanjiru Kamau | Mar 3, 2025"], ("Wanjiru Kamau",)),
    (["Wanjiru KamauMar 3, 2025"], ("Wanjiru Kamau",)),
    (["Wanjiru Kamau3 March 2025"], ("Wanjiru Kamau",)),
    # The page's age and reading time on the date line; the writer's beat under her name.
    (["Wapun Cardinal-Laroque | The Island Post",
      "Published Mar 03, 2025 • Last updated 1 day ago • 3 minute read"], ("Wapun Cardinal-Laroque",)),
    (["Te Aomihia Ngata-Walker", "Maori Affairs Reporter", "@aomihia", "5 Mar, 2025 05:00 AM"],
     ("Te Aomihia Ngata-Walker",)),
    (["Priya Venkataraman, News Editor", "Marcus O'Neill, Staff Reporter", "March 3, 2025"],
     ("Priya Venkataraman", "Marcus O'Neill")),
    (["Fact Check | Mar 3, 2025"], ()),
    (["World Politics | Mar 3, 2025"], ()),
    (["Nnamdi Okafor", "@nokafor", "March 3, 2025"], ("Nnamdi Okafor",)),
    (["March 3, 2025", "Nnamdi Okafor"], ("Nnamdi Okafor",)),
    (["Nnamdi Okafor", "Island Post", "March 3, 2025"], ("Nnamdi Okafor",)),
    (["Nnamdi Okafor", "Politics", "Oct - 09 - 2024 , 07:45"], ("Nnamdi Okafor",)),
    # A one-word name listed with a full one; a word after a name and a comma is a place.
    (["Wahyuningsih & Dimas Prasetyo", "Jakarta ● Mon, March 4, 2024"], ("Wahyuningsih", "Dimas Prasetyo")),
    (["By Dimas Prasetyo and Wahyuningsih", "March 4, 2024"], ("Dimas Prasetyo", "Wahyuningsih")),
    (["Reporter: Sutrisno, Dewi Kartika Sari", "March 4, 2024"], ("Sutrisno", "Dewi Kartika Sari")),
    (["By Dewi Kartika Sari, Surabaya", "March 4, 2024"], ("Dewi Kartika Sari",)),
    (["By Dewi Kartika Sari and Staff", "March 4, 2024"], ("Dewi Kartika Sari",)),
    (["Island Times", "Nnamdi Okafor", "March 3, 2025"], ("Nnamdi Okafor",)),
    # An agency, a paper or a role glued on where the copy lost its separator.
    (["By Jane Doe Associated Press"], ("Jane Doe",)),
    (["By Jane Doe The Island Post", "March 3, 2025"], ("Jane Doe",)),
    (["Jane Doe Senior Correspondent", "March 3, 2025"], ("Jane Doe",)),
    (["By JANE DOE and JOHN ROE Associated Press"], ("Jane Doe", "John Roe")),
    (["Jane Doe (Island Post)", "March 3, 2025"], ("Jane Doe",)),
    # Over the date line, "Name | Agency" is the byline; under a photo it is the credit.
    (["Jane Doe | Reuters", "March 3, 2025"], ("Jane Doe",)),
    (
        ["By Ann Poe", "March 3, 2025", "Passengers board at the pier.", "Jane Doe | Reuters"],
        ("Ann Poe",),
    ),
    # An agency with a reading time signs the story; a photo credit has none.
    (["Jane Doe, Reuters • 3 min read"], ("Jane Doe",)),
    # A line about the writer under the byline is not the story, named in full or not.
    (["By Jane Doe", "Ms. Doe is a writer in Skarvik.", "March 3, 2025"], ("Jane Doe",)),
    # A list that goes on to "and" is names, known first names or not; outlets stay out.
    (
        ["By Nnamdi Okafor, Tiwalade Ogunlowo and Jane Doe"],
        ("Nnamdi Okafor", "Tiwalade Ogunlowo", "Jane Doe"),
    ),
    (["By Jane Doe, Island Post and John Roe, Harbour Times"], ("Jane Doe", "John Roe")),
    (["By Nguyen Van An and Jane Doe"], ("Nguyen Van An", "Jane Doe")),
    # A role under the name, even one that could label names ("Contributors:").
    (["Jane Doe", "Contributor", "Island Post", "March 3, 2025"], ("Jane Doe",)),
    # The role before the name; the role or handle under a name, with no date near.
    (["Staff Writer Jane Doe", "March 3, 2025"], ("Jane Doe",)),
    (["Senior Reporter Nnamdi Okafor", "March 3, 2025"], ("Nnamdi Okafor",)),
    ([STANDFIRST, "Nnamdi Okafor", "Senior Correspondent", "Share"], ("Nnamdi Okafor",)),
    ([STANDFIRST, "Nnamdi Okafor", "@nokafor"], ("Nnamdi Okafor",)),
    # A page's age ("3 hours ago") marks the date line as a date does.
    ([STANDFIRST, "Photo: Ann Poe", "Jane Doe", "3 hours ago"], ("Jane Doe",)),
    # Names the layout set one to a line, with "and" between them.
    (["Jane Doe", "and", "John Roe", "March 3, 2025"], ("Jane Doe", "John Roe")),
    (["By", "Nnamdi Okafor", "and", "Tiwalade Ogunlowo"], ("Nnamdi Okafor", "Tiwalade Ogunlowo")),
    # On the date line, a name the list does not know needs its outlet beside it.
    (["Nnamdi Okafor, Island Post • Mar 3, 2025"], ("Nnamdi Okafor",)),
    # A section of the paper or a place beside the date is nobody's byline.
    (["Local Politics", "March 3, 2025"], ()),
    (["Middle East | March 3, 2025"], ()),
    (["Editor's Note", "March 3, 2025"], ()),
    (["New Delhi | Updated: Mar 3, 2025, 10:00 IST"], ()),
    # The outlet after "for the", an agency after "with", a button after the name, initials
    # with spaces, an outlet of two words glued on.
    (["Jane Doe for the Observer", "Sun 2 Mar 2025 09.00 GMT"], ("Jane Doe",)),
    (["By Kofi Doe-Mensah with Reuters", "March 3, 2025"], ("Kofi Doe-Mensah",)),
    (["March 3, 2025 by Jane Doe Leave a Comment"], ("Jane Doe",)),
    (["By J.R. Doe and M. A. Roe", "March 3, 2025"], ("J.R. Doe", "M. A. Roe")),
    (["By Jane Doe Fox News", "Published March 3, 2025 4:12pm EST"], ("Jane Doe",)),
    # An agency's initials after an unknown first name on the date line; a double first name
    # whose first part is known; an e-mail line between the name and the date.
    (["Tiwalade Doe / TNN / Updated: Mar 3, 2025, 22:15 IST"], ("Tiwalade Doe",)),
    (["Marie-Ève Doe", "Skarvik", "Published March 3, 2025"], ("Marie-Ève Doe",)),
    (["Aroha Te Doe, Reporter", "adoe@islandpost.example", "March 3, 2025"], ("Aroha Te Doe",)),
    # The paper or its board may sign; a phrase in lower case is nobody.
    (["By The Island Post Editorial Board", "March 3, 2025"], ("The Island Post Editorial Board",)),
    (["by the harbour wall", "March 3, 2025"], ()),
    # A photo credit or a section label is nobody's byline.
    (["Courtesy Harbour Museum", "March 3, 2025"], ()),
    (["Local News", "March 3, 2025"], ()),
    # Particles of Irish, Welsh and Arabic names; where each writer filed from; writers with
    # their roles between semicolons; a magazine's "Text:".
    (["By Pádraig Ó Doe", "March 3, 2025"], ("Pádraig Ó Doe",)),
    (["Rhodri ap Doe", "Wales correspondent", "March 3, 2025"], ("Rhodri ap Doe",)),
    (["By Faisal al-Doe and Layla bint Saud el-Roe", "March 3, 2025"],
     ("Faisal al-Doe", "Layla bint Saud el-Roe")),
    (["Lucía Doe in Madrid and Oskar Roe in Stockholm", "Sun 2 Mar 2025 09.00 GMT"],
     ("Lucía Doe", "Oskar Roe")),
    (["March 3, 2025", "Priya Doe, Staff Software Engineer; Diego Roe, Engineering Manager"],
     ("Priya Doe", "Diego Roe")),
    (["Text: Linnea Doe", "Photos: Kasper Roe", "03.03.2025"], ("Linnea Doe",)),
    # A correspondent "from" where she files; the writer among the reviewers on one line; the
    # name over "Today at ...".
    (["From Uche Doe, Enugu", "March 3, 2025"], ("Uche Doe",)),
    (["From New York, Reuters", "March 3, 2025"], ()),
    (["Medically reviewed by Dr. Ann Poe, MD — Written by Ellie Doe — Updated on March 3, 2025"],
     ("Ellie Doe",)),
    (["Ciarán Mac Giolla Doe", "Today at 06:30"], ("Ciarán Mac Giolla Doe",)),
    # Medium: "Published in" over the publication's name, which is nobody.
    (["Oluwadamilare Doe", "Follow", "Published in", "Better Programming", "Nov 3, 2025"], ()),
    # A broadcaster's role in lower case after "By"; a tabloid's second writer in capitals
    # on the next line; each writer over a role line, "and" between them.
    (["By political reporter Jess Doe and Tran Minh Roe", "March 3, 2025"],
     ("Jess Doe", "Tran Minh Roe")),
    (["By HARRIET DOE FOR MAILONLINE", "and PAUL ROE, NORTH OF ENGLAND CORRESPONDENT",
      "Published: 10:14 EDT, 3 March 2025"], ("Harriet Doe", "Paul Roe")),
    (["Oliver Doe", "Political Editor", "and", "Amara Roe", "Political Correspondent",
      "March 3, 2025"], ("Oliver Doe", "Amara Roe")),
    # A standfirst without its full stop is no start of the story: the byline under it counts.
    (["Colleges warn the second cut in three years will force closures across the province",
      "Marie-Ève Doe", "Ottawa", "Published March 3, 2025"], ("Marie-Ève Doe",)),
    # The company that publishes or sponsors the page is not its writer.
    (["Published by Springfield Gazette on March 3, 2025"], ()),
    (["Sponsored by Harbour Ferries Ltd", "March 3, 2025"], ()),
    # Names in capitals joined by "AND"; an e-mail in brackets; a role after a slash.
    (["BY JANE DOE AND JOHN ROE", "STAFF WRITERS", "March 3, 2025"], ("Jane Doe", "John Roe")),
    (["By JANE DOE [jdoe@islandpost.example]", "March 3, 2025"], ("Jane Doe",)),
    (["Published: Monday | March 3, 2025 | 12:12 AM", "Nnamdi Okafor/Senior Island Post Writer"],
     ("Nnamdi Okafor",)),
    # The section's label before the byline; the page's age beside the name.
    (["Local | Nnamdi Okafor 3 Mar 2025 12:24 pm"], ("Nnamdi Okafor",)),
    (["Nnamdi Okafor | Published 2h ago"], ("Nnamdi Okafor",)),
    # Writers one to a line over the date (the agency under a name is her outlet).
    (["Paula Doe", "Ryan Roe-Doe", "Sat 3 Mar 2025"], ("Paula Doe", "Ryan Roe-Doe")),
    (["Nnamdi Okafor", "The Canadian Press", "Published March 3, 2025"], ("Nnamdi Okafor",)),
    # A line about the writer between her name and the date.
    (["Nnamdi Okafor", "Nnamdi Okafor is a senior reporter at the Island Post.",
      "Published 3 March 2025 | 10:42"], ("Nnamdi Okafor",)),
    # "Author of the article:" over each writer; an icon's name before the reading time.
    (["Author of the article:", "Nnamdi Doe  •  Island Post", "Author of the article:",
      "Chidi Roe", "timer 3 min. read", "March 3, 2025"], ("Nnamdi Doe", "Chidi Roe")),
    (["Words and photographs by Jane Doe", "March 3, 2025"], ("Jane Doe",)),
    # The byline and the writer's note on one line.
    (["By Jane Doe, a senior reviewer covering laptops. She has reviewed them for a decade.",
      "March 3, 2025"], ("Jane Doe",)),
    # A label of the page is no writer.
    (["Peer-Reviewed Publication", "March 3, 2025"], ()),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "authors"), BYLINES)
def test_byline_shapes(meta: list[str], authors: tuple[str, ...]) -> None:
    article = parse(meta)
    assert article.authors == authors  # type: ignore[attr-defined]
    spoken = " ".join(p for s in article.sections for p in s.paragraphs)  # type: ignore[attr-defined]
    assert "Doe" not in spoken and "Reuters" not in spoken


DATES = [
    (["By Jane Doe", "March 3, 2025"], dt.date(2025, 3, 3)),
    # A numeric date reads day first where the time's zone is at or east of Greenwich.
    (["By Jane Doe", "04/03/2025 20:15 GMT+7"], dt.date(2025, 3, 4)),
    (["By Jane Doe", "04/03/2025 16:20 GMT"], dt.date(2025, 3, 4)),
    (["By Jane Doe", "04/03/2025 4:15 PM ET"], dt.date(2025, 4, 3)),
    (["By Jane Doe", "04/03/2025"], dt.date(2025, 4, 3)),
    # A button's label glued to the date.
    (["By Jane Doe", "ShareMar 3, 2025 10:00 AM"], dt.date(2025, 3, 3)),
    (["By Jane Doe", "UpdatedMar 3, 2025 10:00 AM"], dt.date(2025, 3, 3)),
    (["By Jane Doe", "2025/03/04"], dt.date(2025, 3, 4)),
    # A copy-paste glued the time to the year.
    (["By Jane Doe", "March 4, 20255:02 PM UTCUpdated 2 hours ago"], dt.datetime(2025, 3, 4, 17, 2)),
    # A date stamp among other words of the header, under the standfirst.
    (
        [
            "A new boat, a new timetable and a crew who grew up on the islands they now serve.",
            "Skarvik, Island Post Bureau | Updated : 3 March 2025, 09:01 AM",
        ],
        dt.datetime(2025, 3, 3, 9, 1),
    ),
    (["By Jane Doe", "Tuesday, March 4, 2025"], dt.date(2025, 3, 4)),
    (["By Jane Doe", "03/14/2025"], dt.date(2025, 3, 14)),
    (["By Jane Doe", "14.03.2025"], dt.date(2025, 3, 14)),
    (["By Jane Doe", "Posted: 03/14/2025 5:00 a.m. PT"], dt.datetime(2025, 3, 14, 5, 0)),
    (["By Jane Doe", "Published 9:15 pm EST, Monday, March 3, 2025"],
     dt.datetime(2025, 3, 3, 21, 15, tzinfo=EST)),
    (["By Jane Doe", "Updated: March 4, 2025"], dt.date(2025, 3, 4)),
    (["By Jane Doe", "Published March 3, 2025 | Updated March 4, 2025"], dt.date(2025, 3, 3)),
    (["By Jane Doe", "Updated March 4, 2025 8:00 AM; Posted March 3, 2025 7:00 AM"],
     dt.datetime(2025, 3, 3, 7, 0)),
    (["By Jane DoeMarch 3, 2025 | 4:10pm"], dt.datetime(2025, 3, 3, 16, 10)),
    (["Jane Doe - Mar. 3rd 2025 12:12 pm PT"], dt.datetime(2025, 3, 3, 12, 12)),
    (["By Jane Doe", "04-Mar-2025"], dt.date(2025, 3, 4)),
    # The outlet and the time before the date, under a byline with role and handle.
    (["By: Maria Doe - Reporter / @mdoeINQ", "Island Daily Inquirer / 05:30 AM March 05, 2025"],
     dt.datetime(2025, 3, 5, 5, 30)),
    # A year of two digits, with slashes (with dots, it could be a version number).
    (["By Jane Doe", "3/14/25"], dt.date(2025, 3, 14)),
    # Only one reading of the numbers is a date.
    (["By Jane Doe", "03.14.2025"], dt.date(2025, 3, 14)),
    (["By Jane Doe", "14/03/2025"], dt.date(2025, 3, 14)),
    # A time zone in brackets, as some Indian and Gulf sites print it.
    # A time in "a.m." ends the date line, which is no sentence of the story.
    (["By Jane Doe | Island News Group",
      "PUBLISHED: March 3, 2025 at 10:50 p.m. | UPDATED: March 4, 2025 at 9:02 a.m."],
     dt.datetime(2025, 3, 3, 22, 50)),
    # The date printed twice and glued by the copy.
    (["By Jane Doe", "Published On 3 Mar 20253 Mar 2025"], dt.date(2025, 3, 3)),
    (["By Jane Doe", "03/03/2025March 3, 2025"], dt.date(2025, 3, 3)),
    # The labels on lines of their own, over the dates they label.
    (["By Jane Doe", "Updated", "Mar 04, 2025, 06:06 PM", "Published", "Mar 03, 2025, 10:30 AM"],
     dt.datetime(2025, 3, 3, 10, 30)),
    # The month, the day and the year between dashes, as some West African pages print it.
    (["Jane Doe", "Politics", "Oct - 09 - 2024 , 07:45"], dt.datetime(2024, 10, 9, 7, 45)),
    # Day first with dashes, as Indian and European pages print it.
    (["By: Island News Service | Updated: 25-03-2025 23:00 IST"], dt.date(2025, 3, 25)),
    # The stamp of the last change first, then the one said to be the first publication.
    (["Jane Doe", "Health correspondent", "Tue 4 Mar 2025 09.15 GMT",
      "First published on Mon 3 Mar 2025 22.30 GMT"], dt.datetime(2025, 3, 3, 22, 30)),
    (["By Jane Doe", "Last Updated: Tuesday, March 4, 2025, 10:20 [IST]"],
     dt.datetime(2025, 3, 4, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "published"), DATES)
def test_date_shapes(meta: list[str], published: dt.date) -> None:
    found = parse(meta).published  # type: ignore[attr-defined]
    assert found is not None
    if isinstance(published, dt.datetime):
        assert isinstance(found, dt.datetime)
        assert found.replace(tzinfo=None) == published.replace(tzinfo=None)
        if published.tzinfo is not None:
            assert found.utcoffset() == published.utcoffset()
    else:
        assert found == published or found.date() == published  # type: ignore[union-attr]


def test_pacific_time_follows_daylight_saving() -> None:
    (found,) = find_dates("Posted: 03/14/2025 5:00 a.m. PT")
    assert found.kind == "published"
    assert found.match.value.utcoffset() == dt.timedelta(hours=-7)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "offset"),
    [
        ("May 1, 2024 10:00 GMT-5", dt.timedelta(hours=-5)),
        ("May 1, 2024 10:00 UTC+2", dt.timedelta(hours=2)),
        ("2024-05-01T10:00:00+14:00", dt.timedelta(hours=14)),
        ("2024-05-01T10:00:00-0930", -dt.timedelta(hours=9, minutes=30)),
    ],
)
def test_offsets_from_utc_keep_their_sign(line: str, offset: dt.timedelta) -> None:
    (found,) = find_dates(line)
    assert found.match.value.utcoffset() == offset  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "meta",
    [
        ["By Jane Doe", "2024-05-01T10:00:00-2300"],
        ["By Jane Doe", "May 1, 2024 10:00 GMT+99"],
        ["By Jane Doe", "May 1, 2024 10:00 UTC-40"],
    ],
)
def test_an_offset_no_clock_keeps_is_not_a_crash(meta: list[str]) -> None:
    # Offsets run from UTC-12 to UTC+14: found by the fuzzer, which crashed on "-2300".
    published = parse(meta).published  # type: ignore[attr-defined]
    assert published is None or published.utcoffset() is None


def test_a_date_without_a_year_is_not_guessed_and_not_read_out() -> None:
    article = parse(["By Jane Doe", "Updated Mar 4, 6:55 AM; Posted Mar 3, 6:51 AM"])
    assert article.published is None  # type: ignore[attr-defined]
    assert "6:55" not in " ".join(p for s in article.sections for p in s.paragraphs)  # type: ignore[attr-defined]


CAPTION = "Passengers board the new ferry at the Skarvik pier on Monday morning."


@pytest.mark.parametrize(
    ("meta", "unheard"),
    [
        # Notes of the header about the story, and the writer's lines under the byline.
        (["By Jane Doe", "Reporting from Skarvik, Norway", "March 3, 2025"], "Reporting from"),
        (["By Jane Doe", "March 3, 2025", "Updated 9:41 a.m. ET"], "9:41"),
        (["March 3, 2025", "By Jane Doe", "With reporting by Ann Poe"], "Ann Poe"),
        ([STANDFIRST, "By Jane Doe,", "TRANSPORT EDITOR", "3 March 2025 • 6:00am"], "EDITOR"),
        (["Jane Doe", "Skarvik Courier-Journal", "March 3, 2025"], "Courier"),
        (["Jane Doe", "Special to the Island Post", "March 3, 2025"], "Special to"),
        (["By Jane Doe", "jdoe@islandpost.example", "March 3, 2025"], "islandpost"),
        # Picture credits, with or without a colon, and the caption a credit follows.
        (["By Jane Doe", "March 3, 2025", "Photo by Ann Poe / Staff"], "Ann Poe"),
        (["By Jane Doe", "March 3, 2025", "Illustration by Ann Poe"], "Ann Poe"),
        (["By Jane Doe", "March 3, 2025", "Courtesy of the ferry company"], "Courtesy"),
        (["By Jane Doe", "March 3, 2025", CAPTION, "Ann Poe/Island Post"], "Passengers"),
        (["By Jane Doe", "March 3, 2025", CAPTION[:-1] + " (Ann Poe for The Island Post)"],
         "Passengers"),
        (["By Jane Doe", "March 3, 2025", CAPTION[:-1] + " (Island Post: Ann Poe)"], "Passengers"),
        # Buttons and filing labels.
        (["By Jane Doe", "Follow", "March 3, 2025"], "Follow"),
        (["By Jane Doe", "March 3, 2025", "Jump to Recipe", "Print Recipe"], "Recipe"),
        (["By Jane Doe", "March 3, 2025", "Posted in Ferries, Islands"], "Posted in"),
        # Who checked the writer's work.
        (["Medically reviewed by Ann Poe, MD", "By Jane Doe", "March 3, 2025"], "Ann Poe"),
        (["Written by Jane Doe", "Edited by Ann Poe", "Updated March 3, 2025"], "Ann Poe"),
        (["By Jane Doe", "Fact checked by Ann Poe", "March 3, 2025"], "Ann Poe"),
    ],
)  # fmt: skip
def test_header_notes_credits_and_buttons_are_not_read(meta: list[str], unheard: str) -> None:
    article = parse(meta)
    assert article.authors == ("Jane Doe",)  # type: ignore[attr-defined]
    assert article.lede in (BODY[0], STANDFIRST)  # type: ignore[attr-defined]
    assert unheard not in " ".join(heard(article))  # type: ignore[arg-type]


def test_section_label_above_the_headline_is_not_the_headline() -> None:
    article = parse(["By Jane Doe"], before=["Opinion"])
    assert article.headline == HEADLINE  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "above",
    [
        ["Home › News › Local"],
        ["News / Islands"],
        ["Tuesday, March 4, 2025"],
        ["The Island Post"],
        ["Islands and transport"],
        ["News", "Islands"],  # labels stacked over the headline
        ["Science & Environment", "Climate Change"],
        ["Boreal Science Daily", "Your source for the latest research news"],  # name, motto
        ["Home » Ferries » " + HEADLINE],  # a breadcrumb that ends with the page's title
        # The site's name and a section's label over the date bar, over the headline.
        ["Formosa Current", "Business", "03/06/2025 05:14 PM"],
        ["Semenanjung Post", "Nation", "Tuesday, 4 Mar 2025", "7:01 PM MYT"],
    ],
)
def test_furniture_above_the_headline_is_not_the_headline(above: list[str]) -> None:
    article = parse(["By Jane Doe", "March 3, 2025"], before=above)
    assert article.headline == HEADLINE  # type: ignore[attr-defined]
    assert article.authors == ("Jane Doe",)  # type: ignore[attr-defined]


UNPUNCTUATED_STANDFIRST = "A new boat, a new timetable and a crew who grew up on the islands"


@pytest.mark.parametrize(
    ("above", "meta"),
    [
        # Labels stacked over a headline whose standfirst comes before the byline.
        (["Climate & Environment", "Democracy Dies in Darkness"],
         [UNPUNCTUATED_STANDFIRST, "By Jane Doe", "March 3, 2025"]),
        (["News", "Markets News"], [UNPUNCTUATED_STANDFIRST, "By", "Jane Doe", "March 3, 2025"]),
        (["Ireland", "Crime & Law"], [UNPUNCTUATED_STANDFIRST, "Jane Doe", "March 3, 2025"]),
        # The publication's name over the headline, its standfirst, then a writer whose first
        # name the list does not know, over the date.
        (["Notes from the Delta"], [STANDFIRST, "Oluwaseun Doe", "March 3, 2025"]),
        # ... or a newsletter's name, over a standfirst without its full stop.
        (["The Estuary Letter"], [UNPUNCTUATED_STANDFIRST, "Tavita Doe", "Mar 3, 2025"]),
        # Three labels stacked; a station's name over its staff, over the page's age.
        (["Grain & Milling Review", "Regulation", "Flour"], ["By", "Jane Doe", "March 3, 2025"]),
        (["13 Action News", "Local News"], ["13 Action News Staff", "Published 45 minutes ago"]),
        # A menu with "U.K." in it; a breadcrumb trail over the date bar.
        (["Home", "News", "U.K.", "Sport", "Money"], ["By Jane Doe", "March 3, 2025"]),
        (["Home", "Biology", "Ecology", "March 3, 2025"], ["by Jane Doe"]),
        (["Skip to content", "Skip to site index", "U.S.", "Politics"],
         [STANDFIRST, "By Jane Doe"]),
        # A wire's release: who sent it, over its date.
        (["News provided by", "Kestrel Robotics", "Feb 11, 2025, 08:00 ET"], []),
        # The site's name over its menu, over the section's label in capitals.
        (["The Harbour City Daily", "Harbour", "Housing", "Transport", "Community", "HARBOUR"],
         [STANDFIRST, "Jane Doe and John Roe", "PUBLISHED Mar 3, 2025, 05:00 AM SGT"]),
        (["THE HARBOUR TIMES", "Home", "News", "Counties", "Business", "E-Paper", "COUNTIES"],
         ["BY JANE DOE", "Monday, March 03, 2025"]),
    ],
)  # fmt: skip
def test_labels_and_menus_over_a_headline_with_its_standfirst(
    above: list[str], meta: list[str]
) -> None:
    article = parse(meta, before=above)
    assert article.headline == HEADLINE  # type: ignore[attr-defined]


def test_a_label_over_a_short_headline_is_not_the_byline_taken_for_a_headline() -> None:
    byline = "By Jane Doe and John Roe"
    text = "\n\n".join(["WHITE HOUSE", "Ferry Returns", byline, "March 3, 2025", *BODY])
    article = parse_text(text)
    assert (article.headline, article.authors) == ("Ferry Returns", ("Jane Doe", "John Roe"))


@pytest.mark.parametrize("stamp", ["Mar 3", "2 hours ago"])
def test_a_label_over_a_short_headline_over_a_stamp_of_the_day(stamp: str) -> None:
    # A blog's "Product updates" over a three-word title and a day printed without its year.
    text = "\n\n".join(["Product updates", "Introducing shared timetables", stamp, *BODY])
    article = parse_text(text)
    assert article.headline == "Introducing shared timetables"
    assert heard(article)[1:] == BODY


def test_a_headline_that_starts_with_names_under_stacked_labels() -> None:
    headline = "Sasha Doe and Idris Roe to Reunite for a Sequel to ‘Paper Lanterns’"
    text = "\n\n".join(["Film", "News", headline, "By Jane Doe", "March 3, 2025", *BODY])
    assert parse_text(text).headline == headline


def test_a_gallerys_headline_that_starts_like_a_caption_is_the_headline() -> None:
    headline = "Photos: Hot air balloons fill the sky over the islands for the 40th festival"
    text = "\n\n".join([headline, "By Jane Doe", "March 3, 2025", "1 of 24", *BODY])
    article = parse_text(text)
    assert (article.headline, article.authors) == (headline, ("Jane Doe",))


def test_a_headline_that_names_a_day_is_not_the_date_bar() -> None:
    headline = "Postmortem: booking outage on March 4, 2025"
    text = "\n\n".join(
        [headline, "Harbour Status Blog", "By the Harbour Web Team", "March 8, 2025", *BODY]
    )
    article = parse_text(text)
    assert article.headline == headline


def test_a_headline_that_starts_with_names_is_not_a_byline_under_a_label() -> None:
    headline = "Sasha Doe and Idris Roe Welcome First Baby Together: 'Our Hearts Are So Full'"
    text = "\n\n".join(["Celebrity", headline, "By", "Jane Doe", "March 3, 2025", *BODY])
    assert parse_text(text).headline == headline


def test_a_short_headline_over_its_byline_is_kept() -> None:
    article = parse_text("\n\n".join(["Ferry Returns", "By Jane Doe", "March 3, 2025", *BODY]))
    assert (article.headline, article.authors) == ("Ferry Returns", ("Jane Doe",))


def test_the_site_menu_pasted_above_the_headline_is_not_the_headline() -> None:
    menu = ["Skip to content", "News", "Sport", "Local news", "Weather"]
    article = parse(["By Jane Doe", "March 3, 2025"], before=menu)
    assert article.headline == HEADLINE  # type: ignore[attr-defined]
    assert article.authors == ("Jane Doe",)  # type: ignore[attr-defined]


def test_a_short_headline_after_the_menu_is_found_by_its_byline() -> None:
    for byline in ("By Jane Doe", "Jane Doe"):
        text = "\n\n".join(
            ["News", "Sport", "Weather", "Ferry Returns", byline, "March 3, 2025", *BODY]
        )
        article = parse_text(text)
        assert (article.headline, article.authors) == ("Ferry Returns", ("Jane Doe",)), byline


def test_a_box_of_links_above_the_byline_ends_at_the_byline() -> None:
    lines = [HEADLINE, "Most read", "Ferry fares rise for the winter", "Jane Doe", "March 3, 2025"]
    article = parse_text("\n\n".join([*lines, *BODY]))
    assert article.authors == ("Jane Doe",)
    assert article.published == dt.date(2025, 3, 3)


def test_a_lowercase_by_line_is_the_byline_not_the_end_of_a_wrapped_headline() -> None:
    article = parse_text("\n".join([HEADLINE, "by Jane Doe", "", *BODY]))
    assert (article.headline, article.authors) == (HEADLINE, ("Jane Doe",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe, Science Editor and John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe, New York", ("Jane Doe",)),
        ("Jane Doe, Mike Roe", ("Jane Doe", "Mike Roe")),
        ("Jane Doe | Island Post", ("Jane Doe",)),
        ("Troy Smith, Islandpost.com", ("Troy Smith",)),
    ],
)
def test_split_authors(text: str, expected: tuple[str, ...]) -> None:
    assert split_authors(text) == expected


@pytest.mark.parametrize(
    ("line", "is_byline"),
    [
        ("Clay Patrick McBride", True),
        ("Auto News", False),
        ("November 2019", False),
        ("Find Your Next Car", False),
        ("Getty Images", False),
    ],
)
def test_a_bare_line_is_a_byline_only_when_it_starts_with_a_first_name(
    line: str, is_byline: bool
) -> None:
    assert (read_byline(line) is not None) is is_byline


def test_person_names_have_no_months_or_job_titles() -> None:
    assert is_person_name("Marcus De Guzman")
    assert not is_person_name("November Nineteen")
    assert not is_person_name("Senior Contributor")


def test_names_that_are_also_months_are_names() -> None:
    assert is_person_name("April Ryan")
    assert is_person_name("Theresa May")
    assert parse(["By April Ryan", "March 3, 2025"]).authors == ("April Ryan",)  # type: ignore[attr-defined]


def test_wire_credits_at_the_end_name_the_writers_and_end_the_story() -> None:
    text = "\n\n".join(
        [HEADLINE, "March 3, 2025", *BODY, "Reporting by Jane Doe; Editing by John Roe",
         "Our Standards: The Trust Principles."]
    )  # fmt: skip
    article = parse_text(text)
    assert article.authors == ("Jane Doe",)
    spoken = " ".join(p for s in article.sections for p in s.paragraphs)
    assert "Editing" not in spoken and "Standards" not in spoken
    assert spoken.endswith("come in.")


@pytest.mark.parametrize(
    "footer", [[], ["Harbour Notes is free. Forward it to a friend.", "23 Likes"]]
)
def test_a_sign_off_names_the_writer_when_no_byline_did(footer: list[str]) -> None:
    article = parse_text("\n\n".join([HEADLINE, "March 3, 2025", *BODY, "— Jane Doe", *footer]))
    assert article.authors == ("Jane Doe",)
    spoken = " ".join(p for s in article.sections for p in s.paragraphs)
    assert "Jane Doe" not in spoken and "Likes" not in spoken and spoken.endswith(BODY[-1])


@pytest.mark.parametrize(
    ("ending", "read"),
    [
        ("Email Jane Doe at jdoe@islandpost.example or follow her @janedoe.", False),
        ("Jane Doe can be reached at 555-010-2030.", False),
        ("Follow Jane Doe on Twitter @janedoe.", False),
        ("Jane Doe is a staff writer for the Island Post.", True),
        ("Jane Doe covers the islands for the Island Post.", True),
        ("Posted by Jane Doe at 9:14 PM", False),
        ("Jane Doe | jdoe@islandpost.example | @janedoe", False),
        ("Jane Doe, 555-010-2030", False),
    ],
)
def test_the_writers_note_at_the_end_names_the_writer(ending: str, read: bool) -> None:
    article = parse_text("\n\n".join([HEADLINE, "March 3, 2025", *BODY, ending]))
    assert article.authors == ("Jane Doe",)
    spoken = " ".join(p for s in article.sections for p in s.paragraphs)
    assert (ending in spoken) is read  # a way to reach her is not read; a line about her is


@pytest.mark.parametrize(
    "ending",
    [
        "Erik Holm is a former ferry captain and has led the board since 2019.",
        "Follow Main Street on foot to reach the pier.",
        "Erik Holm @ the harbour office",
    ],
)
def test_people_and_places_in_the_story_are_not_its_writer(ending: str) -> None:
    article = parse_text("\n\n".join([HEADLINE, "March 3, 2025", *BODY, ending]))
    assert article.authors == ()
    assert ending in " ".join(p for s in article.sections for p in s.paragraphs)


def test_a_byline_at_the_top_wins_over_a_writers_note() -> None:
    ending = "Email Ann Poe at apoe@islandpost.example."
    article = parse_text("\n\n".join([HEADLINE, "By Jane Doe", *BODY, ending]))
    assert article.authors == ("Jane Doe",)


def test_a_line_about_the_writer_under_the_byline_is_not_the_lede() -> None:
    about = "Nnamdi Okafor is a senior reporter at the Island Post."
    article = parse(["By Nnamdi Okafor", about, "March 3, 2025"])
    assert article.authors == ("Nnamdi Okafor",)  # type: ignore[attr-defined]
    assert article.lede == BODY[0]  # type: ignore[attr-defined]
    assert about not in " ".join(heard(article))  # type: ignore[arg-type]

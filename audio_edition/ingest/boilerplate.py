"""Page furniture that a listener must never hear, whatever form the article came in."""

from __future__ import annotations

import re

from .dates import ZONE_OFFSETS, find_date
from .names import ROLE_WORDS, is_person_name, names_publication

# Whole lines that are page furniture, compared casefolded without trailing punctuation.
JUNK_LINES = frozenset(
    {
        "advertisement", "ad", "sponsored", "sponsored content", "trending now", "trending",
        "read more", "read next", "read also", "see also", "more", "share", "shares",
        "share this article", "share this story", "share on facebook", "share on twitter",
        "tweet", "email", "print", "comments", "show comments", "view comments",
        "subscribe", "sign up", "sign in", "log in", "newsletter", "most popular", "most read",
        "related", "related articles", "related stories", "recommended", "recommended for you",
        "follow us", "continue reading", "story continues below", "scroll to continue",
        "skip advertisement", "listen to this article", "copy link", "link copied",
        "image", "photo", "video", "gallery", "close", "menu", "loading", "loading...",
        "enlarge image", "enlarge", "expand", "search", "search text", "donate", "buffer", "pin",
        "submit", "share tweet submit", "don't miss", "dont miss", "latest", "latest news",
        "whatsapp", "facebook", "twitter", "linkedin", "reddit", "give feedback", "feedback",
        "survey", "back to gallery", "caption", "comment", "leave a comment",
        "skip to content", "skip to main content", "skip navigation", "main menu",
        "explore further", "like this story? share it with a friend", "follow",
        "jump to recipe", "print recipe", "save recipe", "jump to comments",
        "our standards: the thomson reuters trust principles",
        "enter your email", "enter your email address", "your email address", "email address",
        "key events", "show key events only", "(supplied)", "supplied",
        "listen", "save", "saved", "save article", "share on x", "gift this article",
        "gift article", "text settings", "text size", "font size", "translate", "learn more",
        "related topics", "editors' notes", "∙ paid", "paid", "share full article",
        "order reprints", "reprints", "view original content", "related internet links",
        "reuse this content", "share or comment on this article", "share this", "like this",
        "listen to this story", "access through your institution", "buy or subscribe",
        "end of list", "after newsletter promotion", "free weekly newsletter", "free newsletter",
        "free daily newsletter", "pinterest", "flipboard", "pocket", "tumblr", "telegram",
        "messenger", "mastodon", "bluesky", "threads", "viber", "wechat", "subscribe now",
        "story source", "full story",
        "skip past newsletter promotion", "newsletter promotion", "buy photo",
        "enlarge this image", "toggle caption", "show caption", "hide caption", "view photo",
        "continue reading the main story", "open in app", "login",
        # the labels of a box that sums the story up before it, which heads no section
        "key takeaways", "key points", "at a glance", "in brief", "tl;dr",
        "order reprint of this story", "all sharing options", "email to a friend",
        "print this article", "print this page", "republish", "republish this article",
        "view all prices", "see all prices", "compare prices", "load more", "load more updates",
        "load more posts", "show more", "show more updates", "view more", "older posts",
        "newer posts", "back to top", "report ad", "report this ad", "podcast", "social sharing",
        "license this article", "license article", "add to your saved stories", "previous",
        "about the author", "about the writer", "about the reporter",
        "next", "previous article", "next article", "previous story", "next story", "filed under",
        "copy", "article content", "reuse content", "see our privacy notice", "sign me up",
        "get started", "premium", "stocks mentioned", "[tags]", "kindly share this story",
    }
)  # fmt: skip

# What a screen reader is told over a picture's caption or credit, on a line of its own:
# "Image copyright" over "West Yorkshire Combined Authority". Neither line is read.
LABELS_OVER_CAPTIONS = frozenset(
    {"image copyright", "image caption", "media caption", "image source", "picture credit"}
)

# A gallery's counter over each picture's caption: "Image 3 of 8", "2 of 5", "4 / 6".
GALLERY_COUNTER = re.compile(
    r"^(?:(?:image|photo|picture|slide|photograph)\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}$", re.I
)

# How a picture's credit starts: "Photo: Ann Poe", "Image credit - Ann Poe".
_PHOTO_LABELS = (
    r"photo|photos|image|images|picture|photograph|photography|credit|credits|image credits?"
    r"|(?:photo\s+)?illustrations?|artwork|graphics?|screenshots?|chart|map|supplied"
    r"|(?:photo|image|picture)s?\s+(?:by|credit|courtesy(?:\s+of)?)"
)
# Lines that start like a caption, a credit or a teaser for another article.
JUNK_PREFIX = re.compile(
    rf"^(?:{_PHOTO_LABELS}|source|video|watch"
    r"|read more|read also|read next|also read|also|related(?: (?:stor(?:y|ies)|articles?|links?"
    r"|coverage|content|reading))?|see also|see more|more on|more"
    r"|video (?:above|below)|[A-Z]{2,5}\s+photo"
    r"|advertisement|journal reference"
    r"|read(?=\s*[|:])"
    r"|sponsored|filed to|filed under|share on|follow|tags|topics|in this (?:article|story))"
    r"\s*[:|—–-]"
    # What a screen reader is told of a picture: "Image caption, ...", "Image source, ...".
    r"|^(?:image|media|video) (?:caption|source)\s*,",
    re.IGNORECASE,
)
# A credit that says what it credits, colon or not: "Photo by Marcus Bell / Staff",
# "Illustration by Wen-Li Zhao", "Courtesy of the company", "Posted in Recipes, Soups".
CREDIT_BY = re.compile(
    r"^(?:(?:photo\s+)?illustrations?|photo(?:graph)?s?|photography|images?|pictures?|video"
    r"|graphics?|artwork|animation|screenshots?|screen grabs?)\s+(?:by|courtesy of|via)\s+\S"
    r"|^courtesy(?:\s+of)?\s+\S|^(?:posted|filed)\s+(?:in|under)\s+\S"
    # "(Submitted by Lena Moore)": a reader's picture, credited in brackets.
    r"|^\((?:submitted|supplied|contributed)(?:\s+(?:photo|image))?(?:\s+by\s+[^()]+)?\)$",
    re.IGNORECASE,
)
# "Marcus Bell/Harwick Courier-Journal", "Ann Poe / Staff": a photographer's name and outlet
# joined by a slash, as photo credits are set (a byline over the date is kept; see ``lines``).
SLASH_CREDIT = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} ?/ ?[A-Z][\w.&'’ -]{1,40}$")
_PHOTO_PREFIX = re.compile(rf"^[(\[]?\s*(?:{_PHOTO_LABELS})\s*[:|—–-]", re.IGNORECASE)
# Short lines that are only a photo credit: "Getty Images", "(AP Photo/Jane Doe)".
CREDIT_LINE = re.compile(
    r"^\(?\s*(?:[\w.'’ -]+\s*[/|,]\s*)?(?:getty images|ap photo|reuters|afp|shutterstock|epa|alamy"
    r"|wikimedia commons|istock|pa images|bloomberg)\b[^.!?]{0,60}\)?$",
    re.IGNORECASE,
)
# Calls to action and teasers for other pages, each checked on lines up to a length in words.
PROMOTIONS = (
    (re.compile(r"\bclick(?:ing)? here\b|\btap here\b|\bclick to tweet\b", re.IGNORECASE), 40),
    (re.compile(r"^if you (?:enjoyed|liked|value|appreciate)\b", re.IGNORECASE), 60),
    (re.compile(r"^(?:join|subscribe to|sign up (?:for|to)|follow us|download (?:the|our) app"
                r"|get (?:our|the) (?:free )?newsletter|support our journalism)\b", re.I), 30),
    # Where the page breaks the story for an advertisement: "Story continues below
    # advertisement", "Continue reading below".
    (re.compile(r"^(?:story|article|content|text) continues\b|^continue reading below\b", re.I), 6),
    # The disclosure of review sites: "When you buy through our links, we may earn a commission."
    (re.compile(r"\b(?:may|might|could|we) (?:earn|receive|get) (?:an? )?(?:small )?(?:affiliate )?"
                r"(?:commission|referral fee)\b|\baffiliate (?:links?|commission)\b"
                r"|\bearn us an? (?:small )?(?:commission|referral fee)\b", re.I), 40),
    # What a transcript marks that nobody said: "(Applause)", "[Laughter]".
    (re.compile(r"^[(\[](?:applause|laughter|laughs|cheers|cheering|inaudible|crosstalk|music"
                r"|pause|silence)[)\]]\W*$", re.I), 2),
    # Buttons: "Start your free trial", "Add to calendar", "Buy tickets".
    (re.compile(r"^(?:(?:start (?:your )?free trial|apply now|add to calendar|book now"
                r"|register now|(?:buy|get) tickets|donate now|find out more|leave a tribute"
                r"|was this (?:page|article) (?:helpful|useful)\??)\W*$"
                r"|download (?:the|our) (?:full )?(?:report|press release|pdf|app)\b"
                r"|(?:subscribe|listen)(?: on|\s*:))", re.I), 8),
    # The outlet's other editions (its channels: ``_points_to_channel``): "Listen to our Inside
    # Politics podcast", "This article appears in the December print edition", "From the
    # February 2022 issue".
    (re.compile(r"^listen to (?:our|the) [\w.' -]{0,40}podcast\b"
                r"|^download (?:the|our) [\w.' -]{0,40}app\b"
                r"|^this (?:article|story) (?:appears|appeared) in (?:the|our) [\w ,.'-]{0,40}"
                r"(?:edition|issue)\b|^published in the print edition\b|^view original content\b"
                r"|^from (?:the|our) (?:[a-z]+\s+){1,3}(?:(?:19|20)\d\d\s+)?(?:print\s+)?issue\W*$"
                r"|^(?:tried|did you (?:make|try)) this recipe\?", re.I), 24),
    # Counts of readers' replies: "Responses (23)", "Show 41 comments" ("42 Likes" is a
    # ``COUNTER_LINE``).
    (re.compile(r"^(?:responses|comments|replies)\s*\(\d+\)$"
                r"|^(?:show|view|read|see)(?: all)? \d[\d,]* (?:comments?|replies)$", re.I), 4),
    # What a page's players, embeds and comment boxes print around them: "Media playback is
    # unsupported on your device", "View this post on Instagram", "Your email address will
    # not be published", "You must be logged in to join the discussion".
    (re.compile(r"^media playback is unsupported\b|^please use [\w ]{1,20} browser for\b"
                r"|^this advertisement has not loaded yet\b|^advertisement\W+scroll to continue\b"
                r"|^view this (?:post|video|photo) on (?:instagram|tiktok|x|twitter|facebook)\b"
                r"|^a post shared by\b|^your email address will not be published\b"
                r"|^you must be logged in to\b|^want to join the conversation\b"
                r"|\bis committed to maintaining a (?:lively|civil)\b"
                r"|\bthe following links open in a new\b|\(opens in (?:a )?new (?:tab|window)\)$"
                r"|^this site is protected by recaptcha\b|^we use your sign-up to provide\b"
                r"|\bgenerated by text-to-speech\b"
                r"|^audio (?:created|generated|produced) (?:using|by|with)"
                r"\s+(?:ai|artificial intelligence|text-to-speech)\b", re.I), 40),
    # The outlet's notes and buttons: "Opinions expressed by contributors are their own", "Stay
    # with 13 News for updates", "Check out Harbour TV on YouTube", "Upgrade to paid",
    # "Report a typo", "Our Standards: ...", and a ticker's quote ("HRLN -6.32%").
    (re.compile(r"^(?:the )?(?:opinions|views) expressed\b.{0,60}\b(?:are|is) (?:their|his|her"
                r"|the author'?s'?|solely|not necessarily)\b"
                r"|^stay with [\w.&'’ -]{1,40} for (?:updates|the latest|more)\b"
                r"|^check out [\w.&'’ -]{1,40} on (?:youtube|instagram|tiktok|facebook|x|twitter)\b"
                r"|^(?:upgrade to paid|subscribe via rss|report an? (?:typo|error|correction)"
                r"|click to (?:share|print|email)\b.*)\W*$|^our standards\s*:"
                r"|^(?-i:[A-Z]{2,6}(?:\s+[\d.,]+\s*[A-Z]{3})?)\s+[+−-]?\d+(?:\.\d+)?%$", re.I), 40),
    # Text-size buttons: "Normal text size", "Larger text", "Decrease font size".
    (re.compile(r"^(?:(?:extra |very )?small|smaller|normal|medium|(?:extra |very )?large|larger"
                r"|default|increase|decrease)\s+(?:text|font)(?:\s+size)?$", re.I), 4),
    # Channel pitches: "Follow The Dhaka Ledger Google News channel for the latest news",
    # "Catch all the Business News ... on Mintline", "For the latest news, weather, sports, and
    # streaming video, head to KVTR 7 News", "Get the latest from NBC 9 anywhere, anytime".
    (re.compile(r"^follow (?:the )?[\w.&'’ -]{1,40} (?:google news|whatsapp|telegram|youtube)"
                r" channel\b|^catch all the\b.{0,40}\bnews\b.{0,80}\bon [\w.&'’ -]{1,30}\W*$"
                r"|^for the latest\b.{0,80}\bhead to (?-i:[A-Z])[\w.&'’ -]{1,40}\W*$"
                r"|^get the latest from\b.{0,40}\banywhere\b"
                r"|^advertise with [\w.&'’ -]{1,40}$|^\(with inputs from [^()]{2,40}\)$"
                r"|^(?:contributed|supplied|submitted|file|handout) (?:photo|image|picture)$",
                re.I), 40),
    # A call to action after a question: "Got a story? Email newsdesk@...", "Which side will
    # win? Have your say in the comments below.", "Thanks for reading! Subscribe ...".
    (re.compile(r"^(?:[^.?!]{3,80}\?\s+(?:e-?mail|send|contact|write to|get in touch"
                r"|sign up|subscribe|have your say|let us know|tell us)\b|thanks for reading\b)"
                r"(?=.*(?:@|newsletter|comments|subscribe|https?://|www\.))", re.I), 40),
    # A review site's shop window: "Today's best Pixelon 8 Pro deals", "$348 at Amazon",
    # "Read our full Sony WH-1000XM5 review", "Why you can trust TechLine ...".
    (re.compile(r"^today['’]s best\b.{0,60}\bdeals?$|^read our (?:full )?.{0,60}\breview$"
                r"|^[$£€]\s?\d[\d,.]*\s+(?:at|from)\s+[\w&.'’ -]{2,30}$|^why you can trust\b",
                re.I), 40),
    # Share buttons' labels in a sentence: "Share this article in your social network",
    # "Share this on Facebook", "Share this story with a friend".
    (re.compile(r"^share (?:on|via|to) (?:facebook|x|twitter|whatsapp|linkedin|e-?mail|reddit"
                r"|messenger|telegram|pinterest|bluesky|threads)$"
                r"|^share (?:this|the)(?: (?:article|story|post|page|guide|recipe|list|video"
                r"|gallery|review|episode))?"
                r"(?:$|\s+(?:on|in|with|via)\s+(?:your |a )?(?:social|facebook|twitter|x\b|friends?"
                r"|whatsapp|email|linkedin|reddit|messenger|sms|telegram|pinterest|bluesky"
                r"|threads))", re.I), 10),
    # A gallery's counter glued to its picture's caption: "1of4Shoppers queue for gas cans".
    (re.compile(r"^(?:(?:[Ii]mage|[Pp]hoto|[Pp]icture|[Ss]lide)\s*)?\d{1,3}\s*(?:of|/)\s*\d{1,3}"
                r"(?=[A-Z“‘\"'])"), 80),
    # A share menu's label, which may name the story: "Share All sharing options for: <headline>".
    (re.compile(r"^share\b.{0,12}\bsharing options\b", re.I), 40),
    # Where a story came from: "Via: The Mobile Chronicle", "Provided by Northbridge
    # University" (a science site's credit for a release), "Heard on Morning Edition".
    (re.compile(r"^(?:[Vv]ia|[Hh]/[Tt]|[Hh]at tip)\s*:\s*\S|^[Pp]rovided by\s+[A-Z]"
                r"|^[Hh]eard on\s+[A-Z]"), 8),
    # A gallery's counter, and the note where a page's script did not run.
    (GALLERY_COUNTER, 4),
    (re.compile(r"^advertisement\s+\d+$|^please (?:turn on|enable) javascript\b", re.I), 12),
    # A caption as some broadcasters set it: "Photo shows a swarm of locusts over a paddock",
    # and a picture's description for screen readers: "Image of a weatherboard shop ...".
    (re.compile(r"^(?:photo|image|picture|video) (?:shows|of an?)\b", re.I), 40),
    # Pitches for money and sign-ups: "Donate today and your gift will be matched", "This
    # post is free for everyone", "By signing up, you agree to our Privacy Policy", "Pin it on
    # Pinterest"; the notes on how the page was made ("licensed under Creative Commons", the
    # machine narration of the article).
    (re.compile(r"\b(?:donate|make a gift|give) (?:today|now)\b|\bis funded by (?:readers|you)\b"
                r"|\bsign(?:ing)? up\b[^.]*\b(?:here|now)\W*$|\bnewsletters?\s+here\b"
                r"|^(?:type|enter) your e-?mail\b|\bpin (?:it|this(?: post)?) for later\b"
                r"|\bby sharing this (?:article|story)\b|^save articles? to read later\b"
                r"|^follow (?:me|us) on\b|^enjoy more audio\b|^materials provided by\b"
                r"|^by (?:subscribing|providing (?:an|your) e-?mail)\b"
                r"|^this (?:post|story|article) is free for everyone\b"
                r"|^by (?:signing up|subscribing|clicking|registering)\b.*\b(?:privacy|terms)\b"
                r"|\bpin it on pinterest\b|\b(?:ai|automated|synthetic) (?:narration|voice)\b"
                r"|^this (?:story|article|work|post) is (?:licensed|republished) under\b",
                re.I), 40),
    # The print edition's note: "A version of this article appears in print on Page A22 of
    # the New York edition with the headline: ...".
    (re.compile(r"^a version of this (?:article|story) appear(?:s|ed) in print\b", re.I), 60),
    # A sponsor's call and its small print: "Find out more about Halden Bank Kickstart",
    # "Terms and conditions apply."
    (re.compile(r"^find out more (?:about|at|on)\b"
                r"|^(?:terms|t) (?:and|&) (?:conditions|cs) apply\b", re.I), 12),
    # Notes on what the story is not, and on who paid for the trip: "This article is for
    # general information and is not a substitute for medical advice", "The writer travelled
    # at her own expense", "The writer was a guest of Harbour Tourism".
    (re.compile(r"\bis (?:for|intended (?:for|as)) general information\b"
                r"|\b(?:is not a substitute for|does not constitute) (?:professional )?"
                r"(?:medical|financial|legal|investment|tax) advice\b"
                r"|^the (?:writer|author|reporter) (?:travelled|traveled|was a guest|stayed)\b"
                # "... travelled with support from Destination Coromandel", "The vehicle was
                # provided by the manufacturer for testing", "This piece was supported by ...".
                r"|\b(?:travell?ed|stayed) (?:with (?:the )?support (?:from|of)"
                r"|as (?:a )?guests? of)\b"
                r"|\bwas (?:provided|loaned|lent|supplied) by the"
                r" (?:manufacturer|maker|company|brand)\b"
                r"|^this (?:piece|story|article|report|series) was"
                r" (?:supported|funded|paid for) by\b",
                re.I), 30),
    # The site's own boxes: a cookie banner, a pitch for readers' money, a feedback widget,
    # "Report a problem with this page", "Our journalism needs your support. Subscribe today."
    (re.compile(r"\buses? cookies\b(?=.*\b(?:agree|consent|accept|continu|privacy|policy"
                r"|experience|browsing)\w*)|\b(?:our|the) use of cookies\b"
                r"|\b(?:our|independent|quality|local) journalism needs your support\b"
                r"|^support (?:independent|local|quality)\b.{0,40}\bjournalism\b"
                r"|\bbecome a (?:member|subscriber|supporter) (?:from|for|today)\b"
                r"|^share your feedback\b|^report a problem with this page\b"
                r"|^(?:give|send) (?:us )?feedback on this page\b", re.I), 30),
    # Whom to call about a release: "Contact: Press Office press@harbour.example 555-0100".
    (re.compile(r"^(?:media |press )?contacts?\s*:(?=.*(?:@|\d{3}[\s.-]\d{4}\b))", re.I), 25),
    # A player's notes and counters: "Your browser does not support the audio element",
    # "Duration 2:04", "list 1 of 3"; share buttons glued together ("FacebookTwitterEmail");
    # an e-mail address alone.
    (re.compile(r"^your browser does not support\b|^duration\s*\d{1,2}:\d\d$|^list \d+ of \d+$"
                r"|^(?:facebook|twitter|pinterest|linkedin|email|whatsapp|reddit|print|flipboard"
                r"|messenger|telegram|threads|bluesky|copy link|share|comments?|tweet){2,}$"
                r"|^\(?[^\s@()]+@[^\s@()]+\.[a-z]{2,}\)?$", re.I), 12),
    # A phone number alone, under a contact's name: "(555) 014-2277", "+44 20 7946 0958".
    (re.compile(r"^(?:(?:tel|phone|ph)\.?:?\s*)?(?:\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}"
                r"|\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,4}|(?<=:\s)\d{3}-\d{4})$", re.I), 6),
    # The links a page offers to readers of screens: "Skip to site index".
    (re.compile(r"^skip (?:to|navigation|(?:the )?next section)\b", re.I), 6),
    # Shopping links in buying guides: "See it now: Amazon", "Buy now at Best Buy", "Buy at
    # Voltmart". (A deal card's prices are read: they say what the deal is.)
    (re.compile(r"^(?:see it now|buy (?:it )?now|shop now|check price|see price)\b"
                r"|^(?:buy|shop) (?:it )?(?:at|from|on) (?-i:[A-Z])", re.I), 12),
    # The notes of the outlet's sign-up and comment boxes: "We respect your privacy.
    # Unsubscribe at any time.", "Comments are moderated.", "What are your thoughts?".
    (re.compile(r"\bunsubscribe at any time\b|\bcomments are (?:moderated|reviewed)\b"
                r"|^what are your thoughts\?$", re.I), 25),
    # "Story title [VIDEO]|Other title [PICTURES]": link lists with section tags (a time zone
    # after a time, "10:20 [IST]", is not one).
    (re.compile(rf"\[(?!(?:{'|'.join(ZONE_OFFSETS)})\])(?:[A-Z]{{3,}} ?){{1,3}}\]"), 80),
    # The rights notice under wire copy: "© 2019 Associated Press. All Rights Reserved. This
    # material may not be published, broadcast, rewritten, or redistributed."
    (re.compile(r"\ball rights reserved\b|\bmay not be published, broadcast\b", re.I), 40),
    (re.compile(r"^(?:©|\(c\)|copyright\b)\W*(?:[\w.&'’-]+\s+){0,4}?(?:19|20)\d\d\b", re.I), 12),
    # "Copyright NBC 4 Lone Star": the rights holder without a year.
    (re.compile(r"^(?:©|copyright)\s+(?-i:[A-Z0-9][\w.&'’-]*)(?:\s+(?-i:[A-Z0-9&][\w.&'’-]*)){0,5}$",
                re.I), 8),
    # Notes and calls to action that close a story: "Originally published on Live Science.",
    # "Subscribe to our newsletters.", "Have a tip? ...", "Reach the reporters on Twitter at ...".
    (re.compile(r"^(?:originally published (?:on|in|by)\b|have a (?:news )?tip\b"
                r"|(?:reach|contact|follow|email) (?:the (?:reporters?|writers?|authors?)|us)\b"
                r"(?=.*(?:@|https?://|www\.|\b(?:twitter|facebook|instagram|linkedin)\b)))"
                r"|\bsubscribe to [\w.’' ]{0,40}newsletters?\b", re.I), 40),
)  # fmt: skip
_NEWSLETTER_PITCH = re.compile(
    r"^(?:sign up|subscribe|get (?:our|the)|join)\b.{0,60}\bnewsletters?\b|^enter your e-?mail\b"
    # "Get the day's top stories delivered to your inbox every morning.", "Get the Observer in
    # your inbox", "Get the biggest daily stories by email".
    r"|^(?:get|receive|have)\b.{0,80}\b(?:to|in) your inbox\b"
    r"|^get (?:the|our)\b.{0,60}\bby e-?mail\W*$"
    # A sign-up box's blurb, which says what comes and when: "Get the latest news from Clare
    # every morning.", "Get latest news on Mumbai, India and the world.", "The best of local
    # news, every weekday morning."
    r"|^get (?:the |our )?(?:latest|top|biggest|best|week['’]s|day['’]s)\b.{0,60}"
    r"\b(?:news|stories|headlines)\b(?!.*\b(?:said|says|told|added)\b)"
    r"|^the (?:best|pick) of\b.{0,30}\b(?:news|stories|journalism|reads|writing)\b,? every\b",
    re.IGNORECASE,
)
_MAX_PITCH_WORDS = 30
# A line as long as this that starts like a caption ("Photos: ...") may be a gallery's headline.
_MIN_PREFIXED_HEADLINE_WORDS = 6
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# A pull quote is at least this long (shorter repeats may be a refrain of the story).
_MIN_QUOTE_WORDS = 6
# Lines this short or shorter may be a bare photo credit.
_MAX_CREDIT_WORDS = 12
# An all-capitals line this long or longer is a promoted link, not prose.
_MIN_SHOUTING_WORDS = 4


# A caption: any text that ends with its photo credit in brackets, "(Photo: Ann Poe)", and
# (names in capitals) "(Ann Poe for The Island Post)", "(Ann Poe/Reuters)", "(ABC: Ann Poe)".
CAPTION_CREDIT = re.compile(
    r"[(\[]\s*(?:(?:image|photo|picture|photograph|credit|video)s?(?:\s+credits?)?\s*:|©"
    r"|(?:ap|afp|reuters|getty)\b|(?:photo|image|picture)s?\s+(?:by|courtesy)\b"
    r"|file\b)"  # "[File, Nairobi Eye]"
    r"[^()\[\]]{0,80}[)\]]\s*$"
    # "... near the interchange. (Express Photo)", "(PTI Photo)": the outlet's own picture
    r"|\((?:(?-i:[A-Z])[\w.&'’-]*\s+){1,3}(?:photo|pic|image)s?\)\s*$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
NAMED_CREDIT = re.compile(
    rf"\(\s*{_NAME}(?: for |\s*/\s*)[A-Z][^()]{{1,60}}\)\s*$"
    rf"|\(\s*[A-Z][\w&.'’ -]{{1,30}}:\s*{_NAME}\s*\)\s*$"
)
# A caption ending in its credit after the last sentence: "... in Taipei. Photograph: Ann Poe/
# The Island Post", "... puzzle box. Credit: Ann Poe".
TRAILING_CREDIT = re.compile(
    r"(?:(?:^|[.!?”’\"]\s+|\|\s*)(?:[A-Z]{2,5}\s+)?(?:photograph|photo|picture|image|illustration"
    r"|credit)s?"
    # "... County. PHOTO | SAMUEL KARIUKI", "... nesting box. Photo / Supplied", "PHOTO/FILE"
    r"(?:\s+credits?)?\s*[:|/]\s*[^.!?:]{2,60}"
    # "... in Tokyo. Courtesy of the family", "... Jo Smith via Getty Images", "—FILE PHOTO",
    # "... salted egg. Photo by Marisol Reyes"
    r"|[.!?”’\"]\s+courtesy(?: of)?\s+[^.!?:]{2,60}"
    r"|[.!?”’\"]\s+(?:photo|photograph|image|picture)s?\s+by\s+(?-i:[A-Z])[^.!?:]{2,60}"
    r"|\svia\s+(?:[\w ]{1,20}/)?getty images|\s?/\s?(?:getty images|afp|reuters|ap|shutterstock"
    r"|alamy|epa)"
    r"|[\s—–-](?:[A-Z]+ )?file photo"
    # The credit's label glued to the caption, as a copy joins the two: "... in Queens.Credit
    # Kirsten Luce for The Daily Ledger", "...CreditCreditAnn Poe" (a prose sentence that
    # starts with "Credit" has a space before it).
    r"|[.!?”’\"](?-i:Credit){1,2}\s?(?-i:[A-Z])[^.!?:]{2,80})\W*$",
    re.IGNORECASE,
)
# The photographer and outlet after a caption's last sentence, joined by a slash, the two
# sometimes glued together by the copy: "... a covered waiting area. Jessica Rinaldi/Globe
# Staff", "... in Seoul on Thursday.Ann Poe / AFP - Getty Images", "... agents. Credit Ann
# Poe/Agence France-Presse — Getty Images".
SLASHED_TRAILING_CREDIT = re.compile(
    r"[.!?”’\"]\s*(?:Credit\s*)?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"  # the photographer
    r"\s?/\s?[A-Z][\w&.'’-]*(?:\s+(?:[-–—]\s+)?[A-Z][\w&.'’-]*){0,4}$"  # the outlet
)
# A caption ending in a web address as its credit: "... campaign. (onmeth.com)".
DOMAIN_CREDIT = re.compile(r"\((?:[\w-]+\.)+[a-z]{2,6}\)\s*$", re.IGNORECASE)
# A caption ending in a bare copyright credit: "Supporters outside the hall © Jo Smith".
COPYRIGHT_CREDIT = re.compile(r"(?:^|\s)©\s*[\w.,'’ /-]{2,40}$")
# Caption language: who is where in the picture.
CAPTION_POSITION = re.compile(
    r"\((?:left|right|center|centre|top|bottom|pictured|from left)\)", re.I
)
# Headers of boxes that list links to other articles; the short lines after them are links.
LINK_LIST_HEADERS = frozenset(
    {
        "related", "related articles", "related stories", "related content", "more on",
        "most popular", "most read", "trending", "trending now", "don't miss", "dont miss",
        "recommended", "recommended for you", "you may also like", "you might also like",
        "see also", "read more", "read next", "more stories", "latest", "latest news",
        "top stories", "more on this story", "explore more on these topics", "jump to",
        "in this article", "table of contents", "on this page", "related coverage",
        "editor's picks", "editors' picks", "trending stories", "keep reading", "explore more",
        "also read", "topics", "tags", "products in this story", "products in this article",
        "shop the story", "shop this story", "also watch", "watch more", "more videos",
        "more explainers", "more reviews", "more guides", "more features",
        "more podcasts", "more galleries",
    }
)  # fmt: skip
# "More from Money Talk", "More in Science": the header of a box of a section's stories.
_MORE_FROM = re.compile(r"^(?:more|latest) (?:from|in) (?:[\w&'’.-]+ ?){1,4}$", re.IGNORECASE)
# Other headers of boxes of links, by their shape: "Most viewed", "More theatre reviews",
# "Top articles", "Related guides", "Recommended from Editorial", "You may also be interested
# in", "See more on". (A heading such as "Top priorities" or "More delays" names no kind of
# page, so it heads its section still.)
_PAGES = (
    r"(?:stories|news|articles|videos|deals|reviews|guides|features|headlines|reads|picks"
    r"|galleries|podcasts|posts|ideas|explainers|recipes|columns|coverage|links|topics|letters"
    r"|episodes|obituaries|photos|events)"
)
_LINK_BOX_HEADER = re.compile(
    rf"^(?:(?:more|top|latest|popular|trending|related|recommended|best|other|similar)"
    rf"(?:\s+[\w&'’-]+){{0,2}}\s+{_PAGES}(?: like this(?: one)?)?|more like this"
    r"|most (?:viewed|read|popular|shared|watched|commented|emailed|recent)(?: \w+)?"
    r"|related(?: \w+)?|recommended (?:from|by|for) [\w&'’ -]{1,30}|popular (?:now|on [\w ]{1,20})"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|see more (?:on|from)"
    r"|more (?:on|about) this(?: story| topic)?|more about|read more about|further reading"
    r"|what to read next|read this next|from around the web"
    r"|around the web|more to explore)$",
    re.IGNORECASE,
)
READ_TIME = re.compile(r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\s+read\b", re.IGNORECASE)
# Notes the page prints about the article itself: its age, its reading time.
ARTICLE_NOTE = re.compile(
    # (an icon's name may come first: "timer 3 min. read")
    r"^(?:(?:timer|schedule|access_time|clock)\s+)?"
    r"(?:this (?:article|story) is (?:more than|over) \w+ (?:years?|months?) old"
    r"|\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+(?:to\s+)?read)?"
    r"|(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*\d+\s*min(?:ute)?s?\.?(?:\s+read)?"
    r"|estimated\s+\d+\s*min(?:ute)?s?"
    r"|[0-5]?\d:[0-5]\d(?::[0-5]\d)?"  # the length of a video or of the article read aloud
    r"|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?\s*[·•|:—–-]?\s*\(?\d+(?::\d\d)?"
    r"\s*(?:min(?:ute)?s?)?\)?)"
    r"\W*$",
    re.IGNORECASE,
)
# Counters left by share widgets: "258 Shares", "84.1K", "195Shares", "0"; a gallery's "1 / 12"
# and a review's score, "8/10", "Rating: 4.5 out of 5 stars". Groups of at most three digits,
# so "14.03.2025" (a date) is not one.
COUNTER_LINE = re.compile(
    r"^\d{1,3}(?:[.,]\d{1,3})*\s*[KkMm]?\s*(?:shares?|comments?|views?|followers|subscribers)?$"
    # Readers' and an embedded post's counts, one or a few: "42 Likes", "312 reposts 1.1K likes".
    r"|^(?:\d[\d,.]*\s*[KkMm]?\s*(?:shares?|comments?|views?|likes?|restacks?|reposts?"
    r"|retweets?|replies|reactions?|quotes)\s*[·•|]?\s*){1,4}$"
    r"|^(?:(?:our\s+)?(?:rating|score|verdict)\s*:?\s*)?\d{1,3}(?:\.\d)?\s*(?:/|out of)\s*\d{1,3}"
    r"(?:\s*stars?)?$",
    re.IGNORECASE,
)


# Ways to reach someone: an e-mail address, a handle, a web address, a phone number ("555-0177"
# as films and fixtures print them, too). A pattern to build others with (case-insensitive).
CONTACT_DETAIL = (
    r"[^\s@;,|\[\]()<>]+@[^\s@;,|\[\]()<>]+\.[a-z]{2,}\b|@\w+|https?://\S+"
    r"|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/[^\s;,|]*"
    r"|\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b"
)
_CONTACT_DETAILS = re.compile(CONTACT_DETAIL, re.IGNORECASE)
_CONTACT_WORDS = frozenset(
    {"twitter", "x", "instagram", "facebook", "linkedin", "threads", "bluesky", "mastodon",
     "tiktok", "email", "e-mail", "phone", "tel", "signal", "whatsapp", "on", "at", "or", "and",
     "follow", "contact", "reach"}
)  # fmt: skip
_MAX_CONTACT_WORDS = 14


def is_contact_line(line: str) -> bool:
    """A line of ways to reach someone and nothing else: "Twitter @jdoe", "jdoe@post.example;
    twitter: @jdoe", "twitter.com/jdoe". (Under the headline, a handle under a name tells the
    byline; with a name, "Jane Doe @jdoe" may be the byline itself.)"""
    if len(line.split()) > _MAX_CONTACT_WORDS or not _CONTACT_DETAILS.search(line):
        return False
    rest = re.split(r"[\s,;:|/·•–—()-]+", _CONTACT_DETAILS.sub(" ", line))
    return all(not word or word.casefold() in _CONTACT_WORDS for word in rest)


# A card for another story whose label a copy-paste glued to its title: "UpdatedPolice Identify
# Man", "RelatedTelkora shares hit six-month high".
_GLUED_CARD_LABEL = re.compile(
    r"^(?:Related|Updated|Watch|Video|Trending|Sponsored|Promoted|Recommended|Breaking"
    r"|Exclusive)(?=[A-Z][a-z])"
)


_SOURCE_LABEL = re.compile(r"source\s*:", re.IGNORECASE)


def is_boilerplate(line: str, *, headline: bool = False) -> bool:
    """True for a line that is page furniture: a share button, an ad label, a photo credit.

    ``headline`` marks a line that may be the headline, which some sites set in capitals.
    """
    key = line.casefold().rstrip(" .:!›»>")
    words = len(line.split())
    # ("Photos: Hot air balloons fill the sky ..." may be the headline of a gallery.)
    prefixed = JUNK_PREFIX.match(line) and not (headline and words >= _MIN_PREFIXED_HEADLINE_WORDS)
    if prefixed and _SOURCE_LABEL.match(line) and "|" in line and find_date(line) is not None:
        prefixed = None  # "Source: Xinhua | 2024-03-05 19:11:20": the story's own date line
    if key in JUNK_LINES or prefixed or COUNTER_LINE.match(line):
        return True
    if not headline and _GLUED_CARD_LABEL.match(line) and find_date(line) is None:
        return True  # ("UpdatedMarch 3, 2025" is the page's own stamp)
    if _is_rule_or_links(line):
        return True
    if ARTICLE_NOTE.match(line):
        return True
    if CAPTION_CREDIT.search(line) or COPYRIGHT_CREDIT.search(line) or DOMAIN_CREDIT.search(line):
        return True
    trailing = TRAILING_CREDIT.search(line)
    if trailing and trailing.start() == 0 and headline and words >= _MIN_PREFIXED_HEADLINE_WORDS:
        trailing = None  # "IN PICTURES: Schoolchildren take on the fun run": a gallery's headline
    if words <= 60 and (
        trailing or SLASHED_TRAILING_CREDIT.search(line) or _ends_with_outlet_credit(line)
    ):
        return True
    if words <= 40 and (CAPTION_POSITION.search(line) or NAMED_CREDIT.search(line)):
        return True
    if is_photo_credit(line):
        return True
    # "By Jane Doe, Reuters", "By JANE DOE" or, under it, "and JOHN ROE, CORRESPONDENT"
    byline = line[:3].casefold() == "by " or line[:4].casefold() == "and "
    if any(words <= limit and pattern.search(line) for pattern, limit in PROMOTIONS):
        return True
    if words <= _MAX_PITCH_WORDS and is_newsletter_pitch(line):
        return True
    if words <= _MAX_PITCH_WORDS and _points_to_channel(line):
        return True
    if headline or byline:
        return False
    return words >= _MIN_SHOUTING_WORDS and _is_shouting(line)


# The credit after a caption's last sentence: "... in Dhaka. Dhaka Tribune", "... in Putrajaya.
# — Bernama pic", "... in Seattle. (KOMO News)".
_CREDIT_AFTER_SENTENCE = re.compile(
    r"[.!?]\s+(?:[—–-]\s*)?\(?(?P<credit>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,3}?)\)?"
    r"(?P<pic>\s+(?:pic|photo|picture|file photo))?\s*$"
)


def _ends_with_outlet_credit(line: str) -> bool:
    match = _CREDIT_AFTER_SENTENCE.search(line)
    if match is None:
        return False
    named = all(w[:1].isupper() or w in ("of", "the", "and", "&") for w in match["credit"].split())
    return named and (bool(match["pic"]) or names_publication(match["credit"]))


def pull_quotes(paragraphs: list[str]) -> set[str]:
    """The paragraphs that repeat a passage of a longer one (pull quotes, teasers), compared
    without their quotation marks and punctuation, as pages restyle them."""
    flat = [_flattened(text) for text in paragraphs]
    return {
        text
        for text, words in zip(paragraphs, flat, strict=True)
        if len(words.split()) >= _MIN_QUOTE_WORDS
        and any(words in other and words != other for other in flat)
    }


def _flattened(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# "Find The Liffey Times on WhatsApp", "Join us on Telegram", "Follow Gulf Ledger on WhatsApp
# for the latest updates", "Follow The Beat channel on X".
_ON_CHANNEL = re.compile(
    r"^(?:find|join|follow) (?P<whom>.{1,60}?)(?: channel)? on (?:whatsapp|telegram"
    r"|google news|instagram|x|twitter|facebook|threads|bluesky|youtube|tiktok|linkedin)\b",
    re.IGNORECASE,
)


def _points_to_channel(line: str) -> bool:
    """Where else to find the outlet; a writer's own handle names her, and is read as her
    note ("Follow Jane Doe on Twitter @janedoe")."""
    match = _ON_CHANNEL.match(line)
    return (
        match is not None
        and "@" not in line
        and not is_person_name(match["whom"], known_first_name=True)
    )


def is_newsletter_pitch(line: str) -> bool:
    """ "Sign up for our free newsletter ...", "Enter your email": a sign-up box, whose title
    ("The Health Brief") sits above it."""
    return _NEWSLETTER_PITCH.match(line) is not None


def is_photo_credit(line: str) -> bool:
    """A line that only credits a picture: "Getty Images", "Marcus Bell/Harwick Star", "Photo
    by Marcus Bell", "Photo: Ann Poe" (a byline with "By" or an agency signing wire copy is
    not one)."""
    if len(line.split()) > _MAX_CREDIT_WORDS or find_date(line) is not None:
        return False
    if line[:3].casefold() == "by ":
        return False
    if SLASH_CREDIT.match(line):
        # "Jane Doe/Senior Gleaner Writer" is the writer and her role, not a photographer.
        after_slash = line.split("/", 1)[1].casefold().split()
        return not any(word in ROLE_WORDS for word in after_slash)
    if CREDIT_BY.match(line) or _PHOTO_PREFIX.match(line):
        return True
    return CREDIT_LINE.match(line) is not None and not _signs_wire_copy(line)


def _is_rule_or_links(line: str) -> bool:
    """A separator ("___", "* * *") or a line that is mostly web addresses ("More AP NBA:
    https://apnews.com/NBA and https://twitter.com/AP_Sports"): nothing to read."""
    if not any(ch.isalnum() for ch in line):
        return True
    words = line.split()
    addresses = sum(1 for word in words if _ADDRESS.match(word))
    return addresses > 0 and addresses * 3 >= len(words)


def _signs_wire_copy(line: str) -> bool:
    """An agency's name with a date, a dateline or a reading time ("Reuters, Washington,",
    "Reuters Nov. 18, 2019", "Jane Doe, Reuters • 3 min read") signs the story; a photo credit
    carries none of them."""
    dateline = line.rstrip().endswith(",")
    return dateline or find_date(line) is not None or READ_TIME.search(line) is not None


def starts_link_list(line: str) -> bool:
    """True for the header of a box of links to other articles ("Most Popular", "Related")."""
    key = line.casefold().rstrip(" .:!›»>")
    return (
        key in LINK_LIST_HEADERS
        or _MORE_FROM.match(key) is not None
        or _LINK_BOX_HEADER.match(key) is not None
    )


def _is_shouting(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)

"""Vocabulary of the English normalization rules in ``normalize``: data, not code."""

from __future__ import annotations

import re

# Abbreviations that end in a period without ending the sentence, with how they are said.
ABBREVIATIONS = {
    "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Dr.": "Doctor", "Prof.": "Professor",
    "Gen.": "General", "Lt.": "Lieutenant", "Col.": "Colonel", "Maj.": "Major",
    "Capt.": "Captain", "Sgt.": "Sergeant", "Cpl.": "Corporal", "Adm.": "Admiral",
    "Gov.": "Governor", "Sen.": "Senator", "Rep.": "Representative", "Rev.": "Reverend",
    "Pres.": "President", "Supt.": "Superintendent", "Insp.": "Inspector",
    "Atty.": "Attorney", "Det.": "Detective", "Cmdr.": "Commander", "Msgr.": "Monsignor",
    "Fr.": "Father", "Gens.": "Generals", "Sens.": "Senators", "Reps.": "Representatives",
    "Hon.": "Honorable", "Ald.": "Alderman", "Sec.": "Secretary",
    "Jr.": "Junior", "Sr.": "Senior", "Inc.": "Incorporated", "Corp.": "Corporation",
    "Ltd.": "Limited", "Co.": "Company", "Bros.": "Brothers", "Ave.": "Avenue",
    "Blvd.": "Boulevard", "Rd.": "Road", "Mt.": "Mount", "Ft.": "Fort", "St.": "Saint",
    "vs.": "versus", "approx.": "approximately", "etc.": "et cetera",
    "e.g.": "for example", "i.e.": "that is", "cf.": "compare", "est.": "established",
    "Dept.": "Department", "Univ.": "University", "Assn.": "Association",
    "U.S.": "U.S", "U.K.": "U.K", "U.N.": "U.N", "E.U.": "E.U", "D.C.": "D.C",
    "U.S.A.": "U.S.A", "a.m.": "a.m", "p.m.": "p.m",
}  # fmt: skip

# Abbreviations after which a sentence never ends: a name, a number or a noun must follow.
NEVER_FINAL = frozenset(
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.",
        "Cpl.", "Adm.", "Gov.", "Sen.", "Rep.", "Rev.", "Pres.", "Supt.", "Insp.", "Atty.",
        "Det.", "Cmdr.", "Msgr.", "Fr.", "Gens.", "Sens.", "Reps.", "Hon.", "Ald.", "Sec.",
        "Mt.", "Ft.", "vs.", "approx.", "e.g.", "i.e.", "cf.", "est.", "No.", "Nos.",
    }
)  # fmt: skip
# Month abbreviations, which end no sentence when a day follows ("Sept. 12").
MONTH_ABBREVIATIONS = frozenset(
    {"Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."}
)
# Words that open most sentences: after an abbreviation that may close a sentence ("in the
# U.S. The economy", "on Water St. It"), one of these starts a new one.
SENTENCE_OPENERS = frozenset(
    {
        "The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You", "This", "That",
        "These", "Those", "There", "But", "And", "Or", "So", "Yet", "In", "On", "At", "By",
        "For", "From", "With", "After", "Before", "When", "While", "If", "As", "Some", "Many",
        "Most", "No", "Not", "One", "His", "Her", "Their", "Our", "Officials", "Police",
        "Meanwhile", "However", "Still", "Later", "Earlier", "Then", "Now", "Today",
    }
)  # fmt: skip

# US states as AP style abbreviates them after a city ("Portland, Ore.") or a party ("D-Ore.").
AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
PARTIES = {"D": "Democrat", "R": "Republican", "I": "independent"}

# Units AP style abbreviates with a period after a number ("9 ft.", "6 hrs."): read only there.
DOTTED_UNITS = {
    "in": ("inch", "inches"), "ft": ("foot", "feet"), "yd": ("yard", "yards"),
    "yds": ("yard", "yards"), "mi": ("mile", "miles"), "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "gal": ("gallon", "gallons"),
    "qt": ("quart", "quarts"), "hr": ("hour", "hours"), "hrs": ("hour", "hours"),
    "min": ("minute", "minutes"), "mins": ("minute", "minutes"), "sec": ("second", "seconds"),
    "secs": ("second", "seconds"), "mph": ("mile per hour", "miles per hour"),
}  # fmt: skip

# Numbers that are names, said as such rather than as fractions, ranges or times.
NUMBER_NAMES = {"24/7": "twenty-four seven", "9/11": "nine eleven", "50-50": "fifty-fifty"}

# Month names and abbreviations -> the full name.
MONTHS = {
    "January": "January", "February": "February", "March": "March", "April": "April",
    "May": "May", "June": "June", "July": "July", "August": "August",
    "September": "September", "October": "October", "November": "November",
    "December": "December", "Jan": "January", "Feb": "February", "Mar": "March",
    "Apr": "April", "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September",
    "Sept": "September", "Oct": "October", "Nov": "November", "Dec": "December",
}  # fmt: skip

# Time zones as a reader says them.
TIME_ZONES = {
    "CET": "Central European Time", "CEST": "Central European Summer Time",
    "EET": "Eastern European Time", "EEST": "Eastern European Summer Time",
    "WET": "Western European Time", "BST": "British Summer Time", "GMT": "G.M.T",
    "UTC": "U.T.C", "ET": "Eastern Time", "EST": "Eastern Standard Time",
    "EDT": "Eastern Daylight Time", "CT": "Central Time", "CST": "Central Standard Time",
    "CDT": "Central Daylight Time", "MT": "Mountain Time", "MST": "Mountain Standard Time",
    "MDT": "Mountain Daylight Time", "PT": "Pacific Time", "PST": "Pacific Standard Time",
    "PDT": "Pacific Daylight Time", "MSK": "Moscow time", "JST": "Japan Standard Time",
    "AEST": "Australian Eastern Standard Time", "IST": "India Standard Time",
}  # fmt: skip

# Currency symbol -> (singular, plural, name of the hundredth or "").
CURRENCIES = {
    "$": ("dollar", "dollars", "cents"), "€": ("euro", "euros", "cents"),
    "£": ("pound", "pounds", "pence"), "¥": ("yen", "yen", ""), "₹": ("rupee", "rupees", ""),
    "₽": ("ruble", "rubles", ""), "₴": ("hryvnia", "hryvnias", ""), "₩": ("won", "won", ""),
}  # fmt: skip
SCALE_WORDS = {
    "k": "thousand", "thousand": "thousand", "m": "million", "million": "million",
    "b": "billion", "bn": "billion", "billion": "billion", "tn": "trillion",
    "trillion": "trillion",
}  # fmt: skip

# Unit symbol -> (singular, plural). Only symbols that cannot be ordinary words.
UNITS = {
    "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"),
    "mph": ("mile per hour", "miles per hour"),
    "km²": ("square kilometer", "square kilometers"),
    "m²": ("square meter", "square meters"),
    "sq km": ("square kilometer", "square kilometers"),
    "sq ft": ("square foot", "square feet"),
    "km": ("kilometer", "kilometers"),
    "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"),
    "mi": ("mile", "miles"),
    "ft": ("foot", "feet"),
    "kg": ("kilogram", "kilograms"),
    "mg": ("milligram", "milligrams"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "oz": ("ounce", "ounces"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"),
    "kWh": ("kilowatt hour", "kilowatt hours"),
    "kW": ("kilowatt", "kilowatts"),
    "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "GB": ("gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes"),
    "MB": ("megabyte", "megabytes"),
    "GHz": ("gigahertz", "gigahertz"),
    "MHz": ("megahertz", "megahertz"),
    "Hz": ("hertz", "hertz"),
    "ml": ("milliliter", "milliliters"),
    "ha": ("hectare", "hectares"),
    "fps": ("frame per second", "frames per second"),
}

# Acronyms said as words (with how to write them for the engine).
WORD_ACRONYMS = {
    "NATO": "NATO", "NASA": "NASA", "UNESCO": "UNESCO", "UNICEF": "UNICEF", "OPEC": "OPEC",
    "AIDS": "AIDS", "COVID": "covid", "FIFA": "FIFA", "UEFA": "UEFA", "ASEAN": "ASEAN",
    "NAFTA": "NAFTA", "SWAT": "SWAT", "LASER": "laser", "RADAR": "radar", "SCUBA": "scuba",
    "OSCE": "O S C E", "ISIS": "ISIS", "NEET": "neet", "GIF": "gif", "PIN": "pin",
    "NIMBY": "nimby", "SARS": "SARS", "MERS": "MERS", "FEMA": "FEMA", "CERN": "CERN",
    "DARPA": "DARPA", "OK": "okay", "ID": "I.D", "TV": "T.V", "IKEA": "IKEA", "LEGO": "Lego",
    "NAACP": "N double A C P", "JPEG": "jay-peg", "ASAP": "A S A P", "EULA": "you-la",
}  # fmt: skip
# Acronyms said letter by letter even though they hold vowels.
SPELLED_ACRONYMS = frozenset(
    {
        "FBI", "CIA", "GDP", "CEO", "CFO", "UN", "US", "USA", "UK", "EU", "BBC", "CNN", "NHS",
        "AI", "IMF", "WHO", "WTO", "IAEA", "ICC", "ECB", "IOC", "NBA", "NFL", "NHL", "MLB",
        "BMW", "IBM", "HP", "AP", "UAE", "USSR", "KGB", "MI", "MP", "MPs", "PM", "IRA", "ISS",
        "IPO", "SEC", "FTC", "DOJ", "EPA", "FDA", "CDC", "NIH", "ICU", "IVF", "DNA", "RNA",
        "HIV", "UFO", "PhD", "VIP", "DIY", "FAQ", "URL", "USB", "AOC", "IOU", "EV", "EVs",
        "OECD", "IEA", "UNHCR", "UNRWA", "IDF", "IRGC", "AU", "ANC", "AfD", "SPD", "CDU",
    }
)  # fmt: skip
# How a capital letter is written so every engine says the letter's name.
LETTER_NAMES = {chr(code): chr(code) for code in range(ord("A"), ord("Z") + 1)}

# Words after which a Roman numeral is a plain number ("World War Two", "Super Bowl fifty-nine").
ROMAN_CARDINAL_CONTEXT = frozenset(
    {
        "War", "Bowl", "Part", "Chapter", "Volume", "Vol", "Act", "Scene", "Phase", "Title",
        "Apollo", "Vatican", "Class", "Level", "Stage", "Type", "Category", "Grade", "Mark",
        "Rocky", "Episode", "Book", "Article", "Section", "Schedule", "Tier", "Olympiad",
    }
)  # fmt: skip
# Names after which a Roman numeral is regnal ("Charles the Third", "Pope Leo the Fourteenth").
REGNAL_NAMES = frozenset(
    {
        "Charles", "Elizabeth", "George", "Henry", "Edward", "William", "James", "Richard",
        "Mary", "Anne", "Victoria", "John", "Louis", "Philip", "Felipe", "Juan", "Carlos",
        "Frederick", "Friedrich", "Wilhelm", "Peter", "Catherine", "Nicholas", "Alexander",
        "Ivan", "Leo", "Paul", "Benedict", "Pius", "Gregory", "Innocent", "Clement", "Urban",
        "Francis", "Harald", "Olav", "Haakon", "Gustaf", "Christian", "Frederik", "Margrethe",
        "Willem", "Rama", "Mohammed", "Abdullah", "Hussein", "Napoleon", "Constantine",
        "Ramesses", "Ptolemy", "Darius", "Cyrus", "Selim", "Mehmed", "Suleiman", "Otto",
        "Ludwig", "Albert", "Baudouin", "Leopold", "Rainier", "Stephen", "David", "Robert",
        "Malcolm", "Duncan", "Alfonso", "Ferdinand", "Isabella", "Manuel", "Pedro", "Sancho",
    }
)  # fmt: skip

# Symbols read as words (after every other rule has had its chance at them).
SYMBOL_WORDS = {
    "&": "and",
    "+": "plus",
    "=": "equals",
    "@": "at",
    "~": "about",
    "§": "section",
    "°": "degrees",
}

# Emoji and pictographs (dropped).
EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f1e6-\U0001f1ff\u2b00-\u2bff\ufe0f\u200d"
    "\u2122\u00ae\u2020\u2021\u2022\u203b]"
)

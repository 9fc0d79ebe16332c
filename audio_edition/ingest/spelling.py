"""Which English a text is spelled in, British or American.

Pages that print a numeric date without a time zone ("04/03/2024") leave its order to the
reader, who takes it from the rest of the page: papers that spell "colour", "centre" and
"organise", and write "Mr Doe" without a full stop, write the day first, as Britain, Ireland,
the Commonwealth and most of the world do; those that spell "color" and "center" are mostly
American and write the month first.
"""

from __future__ import annotations

import re

# Words both sides spell alike but for one part: (British pattern, American pattern).
_STEMS = (
    # colour / color
    (
        r"(?:col|fav|hon|lab|neighb|harb|behavi|rum|hum|flav|endeav|arm|od|parl|vig|sav)our",
        r"(?:col|fav|hon|lab|neighb|harb|behavi|rum|hum|flav|endeav|arm|od|parl|vig|sav)or",
    ),
    # centre / center
    (r"(?:cent|theat|lit|fib|calib|somb)re", r"(?:cent|theat|lit|fib|calib|somb)er"),
    # defence / defense
    (r"(?:defen|offen|preten)ce", r"(?:defen|offen|preten)se"),
    # travelled / traveled
    (
        r"(?:travel|cancel|label|model|fuel|signal|counsel|level|total|channel)l(?:ed|ing)",
        r"(?:travel|cancel|label|model|fuel|signal|counsel|level|total|channel)(?:ed|ing)",
    ),
    # organise / organize: stems whose "-ise" is British only ("advise", "promise" are both)
    (
        r"(?:organ|real|recogn|critic|apolog|priorit|author|minim|maxim|summar|legal|mobil"
        r"|normal|stabil|util|final|categor|memor|modern|special|privat|national|capital"
        r"|central|character|optim|visual|hospital|subsid|public|scrutin|sympath|jeopard"
        r"|penal|standard|emphas|global|urban|fantas|monopol)is(?:e|es|ed|ing|ation|ations)",
        r"(?:organ|real|recogn|critic|apolog|priorit|author|minim|maxim|summar|legal|mobil"
        r"|normal|stabil|util|final|categor|memor|modern|special|privat|national|capital"
        r"|central|character|optim|visual|hospital|subsid|public|scrutin|sympath|jeopard"
        r"|penal|standard|emphas|global|urban|fantas|monopol)iz(?:e|es|ed|ing|ation|ations)",
    ),
)
_ENDINGS = r"(?:s|ed|ing|ite|ites|able|ful|ly|hood)?"
_BRITISH = re.compile(
    r"\b(?:" + "|".join(f"(?:{british}){_ENDINGS}" for british, _ in _STEMS) + r")\b"
    r"|\bper cent\b|\bprogrammes?\b|\bcatalogues?\b|\bwhilst\b"
    r"|\b(?-i:(?:Mr|Mrs|Ms|Dr)\s+[A-Z])",  # "Mr Doe": no full stop, the British way
    re.IGNORECASE,
)
_AMERICAN = re.compile(
    r"\b(?:" + "|".join(f"(?:{american}){_ENDINGS}" for _, american in _STEMS) + r")\b"
    r"|\bpercent\b|\b(?-i:(?:Mr|Mrs|Ms|Dr)\.\s+[A-Z])",
    re.IGNORECASE,
)
# At least this many words spelled the British way, and more than the American way.
_MIN_SPELLINGS = 1


def spelled_british(text: str) -> bool:
    """Whether ``text`` spells more words the British way than the American way (at least
    ``_MIN_SPELLINGS`` of them)."""
    british = len(_BRITISH.findall(text))
    american = len(_AMERICAN.findall(text))
    return british >= _MIN_SPELLINGS and british > american

"""The spoken script: an ``Article`` in, a ``Script`` out (segments of spoken text with their
voices, pauses and chapters).

``writer`` orders the parts and pauses; ``normalize`` turns printed text into words, with the
rules for numbers in ``numbers`` and for dates and times in ``datetimes`` and the vocabulary
in ``speech_tables``; ``sentences`` splits where sentences end; ``lexicon`` respells names the
voice gets wrong.
"""

from .lexicon import Lexicon, load_lexicon
from .normalize import normalize, split_sentences
from .writer import Cast, write_script

__all__ = ["Cast", "Lexicon", "load_lexicon", "normalize", "split_sentences", "write_script"]

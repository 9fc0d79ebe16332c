"""Coverage-guided fuzzing of the article readers with atheris.

    python fuzz/fuzz_parsers.py -max_total_time=60 fuzz/corpus

Random bytes go through the decoder and every reader; anything but an article or our
InputError is a crash. A crashing input that atheris finds belongs in tests as a fixture.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from audio_edition import Article, InputError
    from audio_edition.ingest.decode import decode_text
    from audio_edition.ingest.html import parse_html
    from audio_edition.ingest.markdown import parse_markdown
    from audio_edition.ingest.text import parse_text

READERS = (parse_text, parse_markdown, parse_html)


def one_input(data: bytes) -> None:
    if not data:
        return
    reader = READERS[data[0] % len(READERS)]
    try:
        text = decode_text(data[1:], "fuzz")
        article = reader(text, "fuzz")
    except InputError:
        return
    if not isinstance(article, Article) or not isinstance(article.headline, str):
        raise AssertionError("a reader returned something that is not an article")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Encodings a pasted article arrives in: decoded right, or refused with a clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition import InputError, load_article

TEXT = "Café Terrace Reopens\n\nBy Zoë Brandt\n\nThe café on the quay reopened on Friday with its old menu and a new roof.\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_encodings_decode_without_mojibake(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode(encoding))
    article = load_article(path)
    assert article.headline == "Café Terrace Reopens"
    assert article.authors == ("Zoë Brandt",)
    assert article.lede and "café on the quay" in article.lede


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\n\n  \t ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "no readable text"),
        (b"\x7fELF" + bytes(range(1, 32)) * 40, "no readable text"),
    ],
)
def test_unreadable_files_are_refused(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load_article(path)
    assert str(caught.value).startswith(f"{path}: {message}")


def test_declared_charset_of_an_html_page_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><article>'
        "<h1>Caf\xe9 Terrace Reopens on the Quay</h1>"
        "<p>The caf\xe9 on the quay reopened on Friday with its old menu and a new roof, "
        "and the first guests queued in the rain for a table by the window.</p>"
        "<p>Its owner said the roof had taken two winters, three builders and one storm.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("latin-1"))
    article = load_article(path)
    assert article.headline == "Café Terrace Reopens on the Quay"
    assert article.lede and article.lede.startswith("The café on the quay")

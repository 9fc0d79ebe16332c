"""Which picture becomes the episode cover, and when the network may be used for it."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

import pytest

from audio_edition import Article, InputError, load_article
from audio_edition.edition.cover import choose_cover, read_cover

from .conftest import FIXTURES, tiny_png

JPEG = b"\xff\xd8\xff\xe0" + bytes(64)


def test_user_cover_wins_and_must_be_jpeg_or_png(tmp_path: Path) -> None:
    cover = tmp_path / "cover.jpg"
    cover.write_bytes(JPEG)
    article = Article(
        headline="X", image="data:image/png;base64," + base64.b64encode(tiny_png()).decode()
    )
    chosen = choose_cover(cover, article)
    assert chosen is not None and chosen.mime == "image/jpeg" and chosen.data == JPEG
    gif = tmp_path / "cover.gif"
    gif.write_bytes(b"GIF89a" + bytes(20))
    with pytest.raises(InputError, match="cover must be a JPEG or PNG image"):
        read_cover(gif)
    with pytest.raises(InputError, match="cannot read cover image"):
        read_cover(tmp_path / "missing.png")


def test_embedded_lead_image_of_an_html_page_is_the_cover() -> None:
    article = load_article(FIXTURES / "html" / "blog-meta.html")
    chosen = choose_cover(None, article)
    assert chosen is not None and chosen.mime == "image/png" and chosen.data.startswith(b"\x89PNG")


def test_lead_image_beside_a_local_article_is_used(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "lead.png").write_bytes(tiny_png())
    article = Article(headline="X", image="img/lead.png", source_path=tmp_path / "post.md")
    chosen = choose_cover(None, article)
    assert chosen is not None and chosen.data == tiny_png()


def test_a_local_file_never_fetches_its_lead_image() -> None:
    # The fixture page names https://courier.example/images/ferry.jpg; no request may be made.
    article = load_article(FIXTURES / "html" / "news-jsonld.html")
    assert article.image == "https://courier.example/images/ferry.jpg"
    assert choose_cover(None, article) is None


def test_unusable_lead_images_are_skipped_not_fatal(tmp_path: Path) -> None:
    base = Article(headline="X", source_path=tmp_path / "a.md")
    for image in (
        "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
        "missing.png",
        "data:,not-an-image",
    ):
        assert choose_cover(None, replace(base, image=image)) is None


def test_a_lead_image_outside_the_articles_folder_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "private.png"
    outside.write_bytes(tiny_png())
    (tmp_path / "site").mkdir()
    article = Article(headline="X", source_path=tmp_path / "site" / "post.md")
    for image in ("../private.png", str(outside), "%2E%2E/private.png"):
        assert choose_cover(None, replace(article, image=image)) is None, image

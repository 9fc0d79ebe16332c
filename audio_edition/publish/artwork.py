"""Square artwork drawn from a title, so podcast directories accept a show that has none."""

from __future__ import annotations

import hashlib
import io
import textwrap
from pathlib import Path

from ..files import replacing

SIZE = 1400
# Background colours, picked by a hash of the title so each show and episode keeps its own.
PALETTE = ("#1f3a5f", "#3d2c5c", "#1e5245", "#5c2a2a", "#2f4858", "#4a3b1f")
MARGIN = 120


def title_artwork(title: str, subtitle: str | None = None) -> bytes:
    """A 1400x1400 PNG with ``title`` (and a smaller ``subtitle``) in large type."""
    from PIL import Image, ImageDraw, ImageFont

    colour = PALETTE[int(hashlib.sha256(title.encode("utf-8")).hexdigest(), 16) % len(PALETTE)]
    image = Image.new("RGB", (SIZE, SIZE), colour)
    draw = ImageDraw.Draw(image)
    size = 120
    lines = textwrap.wrap(title, width=16)
    while size > 40:
        font = ImageFont.load_default(size=size)
        widest = max(draw.textlength(line, font=font) for line in lines) if lines else 0
        if widest <= SIZE - 2 * MARGIN and len(lines) * size * 1.2 <= SIZE - 3 * MARGIN:
            break
        size -= 8
        lines = textwrap.wrap(title, width=max(8, int(16 * 120 / size)))
    y = MARGIN
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill="#ffffff")
        y += int(size * 1.2)
    if subtitle:
        small = ImageFont.load_default(size=56)
        draw.text((MARGIN, SIZE - MARGIN - 56), subtitle, font=small, fill="#d8d8d8")
    draw.rectangle((MARGIN, SIZE - MARGIN - 100, MARGIN + 160, SIZE - MARGIN - 88), fill="#ffffff")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def write_artwork(path: Path, title: str, subtitle: str | None = None) -> Path:
    """Write the artwork for ``title`` unless the file already holds exactly it."""
    data = title_artwork(title, subtitle)
    if not (path.is_file() and path.read_bytes() == data):
        with replacing(path) as temp:
            temp.write_bytes(data)
    return path

"""Bytes to text: detect the encoding of a file a user pasted an article into."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import ftfy

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of NUL bytes up to which they are strays in a text (dropped), not a sign of binary.
_MAX_STRAY_NULS = 0.001
# Share of control characters above which a file is binary rather than text.
_MAX_CONTROL_SHARE = 0.01


# Labels that browsers read as Windows-1252, which is a superset of them.
_WINDOWS_1252_ALIASES = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"}
)


def decode_text(data: bytes, subject: str | Path, *, declared: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), UTF-16/32 or Windows-1252.

    A ``declared`` charset (from an HTTP header or an HTML <meta> tag) is tried first when the
    data has no byte order mark. Raises ``InputError`` naming ``subject`` for empty, binary or
    undecodable input.
    """
    if not data.strip():
        raise InputError("the file is empty", subject)
    text = _decode_declared(data, declared) or _decode(data, subject)
    # UTF-8 that went through a Windows-1252 decoder on its way ("itâ€™s") is repaired, never read.
    text = ftfy.fix_encoding(text)
    text = unicodedata.normalize("NFC", text)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError("no readable text (this looks like a binary file)", subject)
    if not text.strip():
        raise InputError("the file holds only whitespace", subject)
    return text


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared or any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    label = declared.strip().lower()
    encoding = "cp1252" if label in _WINDOWS_1252_ALIASES else label
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong declaration is common: fall back to detection


def _decode(data: bytes, subject: str | Path) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding.upper()} text", subject) from exc
    utf16 = _guess_utf16(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    nuls = data.count(b"\x00")
    if nuls > _MAX_STRAY_NULS * len(data):
        raise InputError("no readable text (this looks like a binary file)", subject)
    data = data.replace(b"\x00", b"")  # a few stray NULs in text are dropped, not read
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 is what Latin-1 pastes almost always really are; it leaves five byte
        # values undefined, so random binary rarely passes for it.
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            "unknown text encoding (not UTF-8, UTF-16 or Windows-1252)",
            subject,
            cause="the file is not text, or uses a legacy encoding; save it as UTF-8",
        ) from exc


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None

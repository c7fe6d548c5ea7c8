"""Text file bytes -> one normalised Unicode string, legacy Vietnamese encodings converted."""
from __future__ import annotations

import unicodedata

from ingest.legacy import guess_encoding, plain_text_to_unicode


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> (NFC text, the legacy encoding it was converted from or None).

    UTF-8 (with or without BOM), else UTF-16 with BOM, else 8-bit. 8-bit bytes are read as
    cp1252, the code points a TCVN3 or VNI font puts its letters at, and converted when
    :func:`~ingest.legacy.guess_encoding` finds them legacy Vietnamese; otherwise they are
    read as cp1258 (Windows Vietnamese). Unicode text can hold legacy text too (a TCVN3
    document pasted into a UTF-8 editor) and is converted the same way.

    >>> decode("Hòa".encode("utf-8-sig"))
    ('Hòa', None)
    >>> decode("KÕ HO¹CH\\nKÕ ho¹ch triÓn khai".encode("cp1252"))
    ('KẾ HOẠCH\\nKế hoạch triển khai', 'tcvn3')
    """
    unicode_text = _unicode_text(data)
    text = _one_newline(unicode_text if unicode_text is not None else data.decode("cp1252", errors="replace"))
    encoding = guess_encoding(text)
    if encoding is not None:
        text = plain_text_to_unicode(text, encoding)
    elif unicode_text is None:
        text = _one_newline(data.decode("cp1258", errors="replace"))
    return unicodedata.normalize("NFC", text), encoding


def _unicode_text(data: bytes) -> str | None:
    """The text of UTF-8 (BOM or not) or BOM-marked UTF-16 bytes; None for anything else."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    return None


def _one_newline(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")

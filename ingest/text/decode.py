"""Text file bytes -> one normalised string."""
from __future__ import annotations

import unicodedata


def decode(data: bytes) -> str:
    """Bytes -> NFC text: UTF-8 (with or without BOM), else UTF-16 with BOM, else cp1258.

    >>> decode("Hòa".encode("utf-8-sig"))
    'Hòa'
    """
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        break
    else:
        text = data.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))

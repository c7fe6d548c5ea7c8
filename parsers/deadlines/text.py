"""The cell as printed and its matching key: the same text, lower case, with the tone of
oa/oe/uy on one vowel, so "QÚY IV" and "Quý IV" read alike and a span of one is a span of the other.
"""
from __future__ import annotations

import unicodedata


def normalize_cell(cell: str | None) -> str:
    """The cell as the parser reads it: NFC, every whitespace run one space, stripped.

    ``raw`` of every row is a substring of this.

    >>> normalize_cell("  Quý IV/2020\\n ")
    'Quý IV/2020'
    >>> normalize_cell(None)
    ''
    """
    if not cell:
        return ""
    return " ".join(unicodedata.normalize("NFC", cell).split())


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
# vowel pairs whose tone is printed on either vowel: "hoá"/"hóa", "thuỷ"/"thủy", "Qúy"/"Quý"
_SWING_PAIRS = frozenset({"oa", "oe", "uy"})


def _split_tone(ch: str) -> tuple[str, str | None]:
    """('ý' -> 'y', acute); a character without a tone mark, or not a letter, comes back alone."""
    decomposed = unicodedata.normalize("NFD", ch)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if not tones:
        return ch, None
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if len(base) != 1:
        return ch, None
    return base, tones[0]


def match_key(text: str) -> str:
    """Same-length matching form: lower case, and the tone of oa/oe/uy always on the first vowel.

    Because it has the same length as ``text``, a span found in the key is a span of the text.

    >>> match_key("QÚY IV"), match_key("Quý IV"), match_key("Hoá"), match_key("Hóa")
    ('qúy iv', 'qúy iv', 'hóa', 'hóa')
    """
    chars = []
    for ch in text:
        low = ch.lower()
        chars.append(low if len(low) == 1 else ch)
    for i in range(len(chars) - 1):
        first = chars[i]
        base, tone = _split_tone(chars[i + 1])
        if tone and first + base in _SWING_PAIRS:
            moved = unicodedata.normalize("NFC", first + tone)
            if len(moved) == 1:
                chars[i], chars[i + 1] = moved, base
    return "".join(chars)

"""Symbols (w:sym): fonts whose glyphs are addressed by code, not by Unicode character.

A bullet typed from Word's Insert Symbol dialog is stored as ``<w:sym w:font="Symbol"
w:char="F0B7"/>``; :func:`symbol_char` turns it into the "•" a reader sees.
"""
from __future__ import annotations

# The Symbol font's Greek letters sit at the ASCII positions of their Latin look-alikes.
_SYMBOL_GREEK = dict(
    zip(
        "ABCDEFGHIKLMNOPQRSTUWXYZabcdefghijklmnopqrstuvwxyz",
        "ΑΒΧΔΕΦΓΗΙΚΛΜΝΟΠΘΡΣΤΥΩΞΨΖαβχδεφγηιϕκλμνοπθρστυϖωξψζ",
    )
)
_SYMBOL_FONT = {
    **{ord(k): v for k, v in _SYMBOL_GREEK.items()},
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5E: "⊥",
    0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓",
    0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠",
    0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD7: "⋅",
    0xDB: "⇔", 0xDC: "⇐", 0xDE: "⇒", 0xE0: "◊",
}
_WINGDINGS_FONT = {
    0x6C: "●", 0x6E: "■", 0x71: "❑", 0x75: "◆", 0x76: "❖", 0x9F: "•", 0xA7: "▪",
    0xA8: "◻", 0xD8: "➢", 0xE0: "→", 0xE8: "➔", 0xF0: "⇨", 0xFB: "✗", 0xFC: "✓", 0xFE: "☑",
}
_SYMBOL_FONTS = {"symbol": _SYMBOL_FONT, "wingdings": _WINGDINGS_FONT}
# Word stores a symbol-font code either as-is or shifted into the private use area (F0xx).
_PRIVATE_SYMBOL_BASE = 0xF000


def symbol_char(font: str, code: int) -> str | None:
    """The Unicode character a w:sym shows, or None if it has none.

    >>> symbol_char("Symbol", 0xF0B7), symbol_char("Times New Roman", 0x2013)
    ('•', '–')
    """
    table = _SYMBOL_FONTS.get(font.lower())
    is_private = 0xE000 <= code <= 0xF8FF
    if not is_private and (table is None or code >= 0x100):
        return chr(code)  # a real Unicode code point
    if table is None:
        return None  # a private-use glyph of a font we know nothing about
    if _PRIVATE_SYMBOL_BASE <= code <= _PRIVATE_SYMBOL_BASE + 0xFF:
        code -= _PRIVATE_SYMBOL_BASE
    if table is _SYMBOL_FONT and 0x20 <= code < 0x7F and code not in table:
        return chr(code)  # digits and most punctuation are ASCII in the Symbol font
    return table.get(code)

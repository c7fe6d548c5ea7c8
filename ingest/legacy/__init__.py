"""Vietnamese text in the legacy 8-bit encodings TCVN3 (ABC) and VNI, converted to Unicode.

Before Unicode, Vietnamese was typed in fonts whose glyphs sit at the code points of other
letters: in a .VnTime font the character "µ" draws "à" and U+00AD (the soft hyphen) draws "ư";
in VNI-Times "a" + "ù" draws "á". A file keeps those code points and says which font they are in
(a .docx run's w:rFonts, a PDF glyph's font), so :func:`font_encoding` tells the encoding from
the font and :func:`to_unicode` converts. Text with no font (a .txt file) is judged by its words
with :func:`guess_encoding` and converted with :func:`plain_text_to_unicode`, which also
restores TCVN3 lines typed in capitals. The tables come from viparse (``convert``); the
syllable check behind the guess is in ``syllables`` and ``guess``; capitals in ``capitals``.

>>> font_encoding(".VnTime"), to_unicode("KÕ ho¹ch n\\u00adíc", "tcvn3")
('tcvn3', 'Kế hoạch nước')
>>> font_text_to_unicode("kÕ ho¹ch", ".VnTimeH")  # an "H" font prints every letter upper case
'KẾ HOẠCH'
>>> guess_encoding("Keá hoaïch phaùt trieån"), guess_encoding("Kế hoạch phát triển")
('vni', None)
"""
from ingest.legacy.convert import font_encoding, font_text_to_unicode, legacy_warning, prints_uppercase, to_unicode
from ingest.legacy.capitals import plain_text_to_unicode
from ingest.legacy.guess import guess_encoding

__all__ = [
    "font_encoding", "font_text_to_unicode", "guess_encoding", "legacy_warning",
    "plain_text_to_unicode", "prints_uppercase", "to_unicode",
]

"""Font names -> legacy encoding, and legacy text -> NFC Unicode, on viparse's tables.

viparse (``viparse.normalize``) keeps the TCVN3 and VNI tables with their provenance; its VNI
table leaves out ẳ/Ẳ (unseen in its corpus), which :data:`VNI_SUPPLEMENT` adds so every
Vietnamese letter converts.

>>> to_unicode("Tr\\u00adêng", "tcvn3"), to_unicode("Ñaø Naüng, thaúng", "vni")
('Trường', 'Đà Nẵng, thẳng')
>>> font_encoding("VNI-Times"), font_encoding("ABCDEF+.VnArialH"), font_encoding("Times New Roman")
('vni', 'tcvn3', None)
"""
from __future__ import annotations

from functools import cache

from viparse.normalize.detector import detect_encoding
from viparse.normalize.encodings import get_charmap
from viparse.normalize.tables import Charmap, build_charmap, convert

# In VNI the breve-and-hook mark is "ú" (0xFA), as the other breve marks é è ü ë sit beside
# their circumflex twins; viparse has the other five breve letters but not this one.
VNI_SUPPLEMENT = (("aú", "ẳ"), ("AÚ", "Ẳ"))
CHARMAPS: dict[str, Charmap] = {
    "tcvn3": get_charmap("tcvn3"),
    "vni": build_charmap("vni", [*get_charmap("vni").pairs, *VNI_SUPPLEMENT]),
}
ENCODING_LABELS = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


@cache
def font_encoding(font_name: str) -> str | None:
    """"tcvn3" for a .Vn font (.VnTime, .VnArial, .VnTimeH), "vni" for a VNI font, else None.

    A PDF's subset tag ("ABCDEF+") is ignored; the test is viparse's (the name's prefix).
    """
    return detect_encoding([font_name]).encoding if font_name else None


def prints_uppercase(font_name: str) -> bool:
    """Whether a TCVN3 font draws every letter upper case: the "H" fonts (.VnTimeH, .VnArialH).

    TCVN3 has no upper-case accented letters, so headings are typed in lower case and set in
    such a font. ``prints_uppercase(".VnTimeH")`` is True, ``prints_uppercase(".VnTime")`` False.
    """
    return font_encoding(font_name) == "tcvn3" and font_name.rstrip().endswith("H")


def to_unicode(text: str, encoding: str) -> str:
    """``text`` read in ``encoding`` ("tcvn3" or "vni") as NFC Unicode; other characters pass through."""
    if encoding not in CHARMAPS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; known: {', '.join(CHARMAPS)}")
    return convert(text, CHARMAPS[encoding])


def font_text_to_unicode(text: str, font_name: str) -> str:
    """Text set in ``font_name`` as a reader sees it: converted if the font is legacy, upper
    case if the font prints so; text in any other font is returned as it is."""
    encoding = font_encoding(font_name)
    if encoding is None:
        return text
    converted = to_unicode(text, encoding)
    return converted.upper() if prints_uppercase(font_name) else converted


def legacy_warning(encoding: str) -> tuple[str, str]:
    """The Document warning a reader adds when it converted text from ``encoding``.

    >>> legacy_warning("tcvn3")
    ('legacy_encoding', 'text was in TCVN3 (ABC) encoding and was converted to Unicode')
    """
    return "legacy_encoding", f"text was in {ENCODING_LABELS[encoding]} encoding and was converted to Unicode"

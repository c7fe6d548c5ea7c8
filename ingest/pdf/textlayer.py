"""A PDF page's text layer -> :class:`PageContent` (words with boxes, bold, size; ruling lines).

pdfium's text page gives the characters in content order, with the spaces and line ends it
infers from the glyph positions. A word is a run without whitespace; its box and font are
asked of pdfium once per word (``FPDFText_CountRects`` over the run), not once per glyph.
The word's vertical extent is set from its baseline and font size rather than from its
glyphs, so "a" and "Ấ" on one line get the same top and bottom and lines group cleanly.

Signature widgets (the number and date a signing service stamps onto "Số: /BC-UBND") live in
annotations; the page is flattened first so their text joins the page's own.
Runs in a legacy Vietnamese font (.VnTime: TCVN3, VNI-Times: VNI) are converted to Unicode
with :mod:`ingest.legacy` (capitals where the font prints them, .VnTimeH); all text is NFC.

>>> _is_bold("ABCDEF+TimesNewRomanPS-BoldMT", 400), _is_bold("Arial", 700), _is_bold("Times", -1)
(True, True, False)
"""
from __future__ import annotations

import ctypes
import math
from collections import Counter
import re
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.legacy import font_text_to_unicode
from ingest.pdf.frame import PageFrame
from ingest.pdf.page import PageContent, Word
from ingest.pdf.ruling import page_rules
from ingest.pdf.spacing import join_spaced_letters

BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|,b$|-b$", re.IGNORECASE)
# pdfium marks a "-" that ends a line ("117/QĐ-" / "UBND") with \x02 or \ufffe and no line break
# after it: the mark closes the word before it, and is printed as the hyphen it stands for
LINE_END_HYPHEN = "\x02\ufffe"
WORD = re.compile(r"[^\s\x00-\x1f\ufffe\uffff]*[\x02\ufffe]|[^\s\x00-\x1f\ufffe\uffff]+")
HYPHEN = str.maketrans({mark: "-" for mark in LINE_END_HYPHEN})
SAMPLED_CHARS = 200  # characters whose angle votes for the page's reading direction
ASCENT, DESCENT = 0.78, 0.22  # share of the font size above and below the baseline (Times-like faces)


def _is_bold(font_name: str, weight: int) -> bool:
    """Bold by the font's weight (>= 600) or a bold face name ("...-BoldMT", "Arial,Bold")."""
    return weight >= 600 or bool(BOLD_NAME.search(font_name))


def _font_name(textpage, index: int, buffer) -> str:
    flags = ctypes.c_int()
    length = pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), flags)
    return buffer.raw[: max(length - 1, 0)].decode("utf-8", "replace")


def _page_text(textpage, count: int) -> str:
    """All characters of the text page, one str character per pdfium character index."""
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "replace")
    if len(text) != count:
        # characters beyond the BMP take two UTF-16 units: fall back to one call per character
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    return text


def _run_box(textpage, start: int, length: int, corners) -> tuple[float, float, float, float] | None:
    """The union of pdfium's rectangles over a run of characters (PDF space); None when it has none.

    ``corners`` are four reusable ctypes doubles: a word costs a handful of pdfium calls, so
    allocating fresh ones for each would be a good part of the page's time.
    """
    left, top, right, bottom = corners
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    for i in range(pdfium_c.FPDFText_CountRects(textpage, start, length)):
        pdfium_c.FPDFText_GetRect(textpage, i, left, top, right, bottom)
        x0, y0, x1, y1 = min(x0, left.value), min(y0, bottom.value), max(x1, right.value), max(y1, top.value)
    return None if x0 == math.inf else (x0, y0, x1, y1)


def _words(textpage, frame: PageFrame) -> list[Word]:
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = _page_text(textpage, count)
    name_buffer = ctypes.create_string_buffer(256)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    corners = tuple(ctypes.c_double() for _ in range(4))
    upright = math.radians(-frame.rotation) % (2 * math.pi)
    words = []
    for match in WORD.finditer(text):
        start, length = match.start(), match.end() - match.start()
        box = _run_box(textpage, start, length, corners)
        if box is None:
            continue
        x0, y0, x1, y1 = frame.box(*box)
        size = pdfium_c.FPDFText_GetFontSize(textpage, start)
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, start)
        turn = abs((angle - upright + math.pi) % (2 * math.pi) - math.pi)
        if size > 0 and turn < 0.05 and pdfium_c.FPDFText_GetCharOrigin(textpage, start, origin_x, origin_y):
            # level text: top and bottom from the baseline, the same for every glyph of the line
            _, baseline = frame.point(origin_x.value, origin_y.value)
            y0, y1 = baseline - ASCENT * size, baseline + DESCENT * size
        font = _font_name(textpage, start, name_buffer)
        word_text = font_text_to_unicode(match.group().translate(HYPHEN), font)
        bold = _is_bold(font, pdfium_c.FPDFText_GetFontWeight(textpage, start))
        words.append(Word(unicodedata.normalize("NFC", word_text), x0, y0, x1, y1, bold=bold, size=size or None))
    return words


def reading_rotation(textpage, shown: int) -> int:
    """The clockwise turn (0, 90, 180, 270) that sets most of the page's characters upright.

    A landscape appendix is stored either drawn sideways with ``/Rotate`` turning it back, or
    upright with a ``/Rotate`` a viewer shows sideways (the reader turns the paper): either way
    the text's own direction is how it is read. pdfium gives each character's angle clockwise;
    a page with no characters keeps its ``/Rotate`` (``shown``).
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    step = max(1, count // SAMPLED_CHARS)
    quarters = Counter(round(math.degrees(angle) / 90) % 4 for i in range(0, max(count, 0), step)
                       if (angle := pdfium_c.FPDFText_GetCharAngle(textpage, i)) >= 0)
    return (-90 * quarters.most_common(1)[0][0]) % 360 if quarters else shown % 360


def _frame(page: pdfium.PdfPage, textpage) -> PageFrame:
    left, bottom, right, top = page.get_cropbox()
    return PageFrame(left, bottom, right, top, reading_rotation(textpage, page.get_rotation()))


def flatten_annotations(pdf: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """The page with its annotations' appearances (signature stamps) merged into its content."""
    page = pdf[index]
    if pdfium_c.FPDFPage_GetAnnotCount(page.raw) == 0:
        return page
    if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
        return page
    page.close()  # pdfium asks for the page to be loaded again after flattening
    return pdf[index]


def read_page(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, number: int) -> PageContent:
    """One page's words and ruling lines (``number`` is 1-based), from its loaded text page."""
    frame = _frame(page, textpage.raw)
    words = join_spaced_letters(_words(textpage.raw, frame))
    width, height = frame.size
    return PageContent(number, width, height, words, page_rules(page.raw, frame), source="text")

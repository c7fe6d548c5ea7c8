"""The entry point: the bytes of a PDF -> :class:`ingest.model.Document`.

Each page is read from its text layer when it has one worth reading; pages without (scans)
go to OCR (:mod:`ingest.pdf.ocr`) together, and both kinds of page go through one layout
stage. A text layer is worth reading when it holds a fair number of characters for the page's
size and no image covers most of the page under a handful of characters (a scan carrying a
stray text line, such as a stamp's caption, is still a scan).

Words in a legacy Vietnamese font are converted by the font's name as they are read
(:mod:`ingest.pdf.textlayer`); a PDF made where that font was missing names its substitute, so
the text layer as a whole is also tested for TCVN3/VNI by how many of its words become
Vietnamese syllables, as a text file is.
"""
from __future__ import annotations

import ctypes
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.legacy import guess_encoding, legacy_warning, to_unicode
from ingest.model import Document
from ingest.pdf.layout import layout_pages
from ingest.pdf.ocr import OcrUnavailable, ocr_pages
from ingest.pdf.page import PageContent
from ingest.pdf.textlayer import flatten_annotations, read_page

MIN_CHARS_PER_PAGE = 40  # an A4 page of text holds thousands; a scan's text layer a few labels at most
SCAN_COVER = 0.6  # an image over this share of the page makes it a scan unless text is plentiful
PLENTY = 400  # characters: with this many, the text layer is the page whatever images lie under it


def _open(data: bytes) -> pdfium.PdfDocument:
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise ValueError("not a PDF file: it does not start with %PDF-")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower() or "security" in message.lower():
            raise ValueError("the PDF is encrypted (password-protected) and cannot be read") from err
        raise ValueError(f"the PDF is damaged and cannot be read ({message})") from err


def _image_cover(page: pdfium.PdfPage) -> float:
    """The share of the page the largest image covers."""
    width, height = page.get_size()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    best = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        if pdfium_c.FPDFPageObj_GetBounds(obj.raw, left, bottom, right, top):
            best = max(best, (right.value - left.value) * (top.value - bottom.value) / max(width * height, 1.0))
    return best


def has_text_layer(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> bool:
    """Whether the page's text layer is the page (see the module docstring)."""
    chars = textpage.count_chars()
    if chars >= PLENTY:
        return True
    return chars >= MIN_CHARS_PER_PAGE and _image_cover(page) < SCAN_COVER


def _ocr(data: bytes, numbers: list[int], total: int, warnings: list[tuple[str, str]]) -> list[PageContent]:
    """The scanned pages read by OCR. Without Tesseract a scan fails (nothing else could be read,
    the install hint says what to do); a PDF with some text pages is read without the scanned ones."""
    try:
        pages = ocr_pages(data, numbers)
    except OcrUnavailable as err:
        if len(numbers) == total:
            raise
        warnings.append(("ocr_unavailable", f"{len(numbers)} of {total} pages have no text layer and could not be read by OCR: {err}"))
        return []
    confidences = [w.confidence for page in pages for w in page.words if w.confidence is not None]
    mean = f"{sum(confidences) / len(confidences):.0f}" if confidences else "n/a"
    warnings.append(("ocr_used", f"{len(numbers)} of {total} pages had no text layer and were read by OCR "
                                 f"(Tesseract, Vietnamese), mean word confidence {mean}"))
    return pages


def _in_unicode(pages: list[PageContent], warnings: list[tuple[str, str]]) -> list[PageContent]:
    """Text-layer pages, converted to Unicode when their words read as TCVN3 or VNI."""
    encoding = guess_encoding(" ".join(w.text for page in pages for w in page.words))
    if encoding is None:
        return pages
    warnings.append(legacy_warning(encoding))
    return [replace(page, words=[replace(w, text=to_unicode(w.text, encoding)) for w in page.words]) for page in pages]


def read_pdf(data: bytes) -> Document:
    """Read the bytes of a PDF into a :class:`Document` (``source_format="pdf"``).

    Raises ValueError in plain words for a file that is no PDF, is damaged or is encrypted.

    >>> read_pdf(b"%PDF-1.7 not really")
    Traceback (most recent call last):
    ...
    ValueError: the PDF is damaged and cannot be read (Failed to load document (PDFium: Data format error).)
    """
    pdf = _open(data)
    try:
        total = len(pdf)
        pages: list[PageContent] = []
        scanned: list[int] = []
        for index in range(total):
            page = flatten_annotations(pdf, index)
            textpage = page.get_textpage()
            try:
                if has_text_layer(page, textpage):
                    pages.append(read_page(page, textpage, index + 1))
                else:
                    scanned.append(index + 1)
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    warnings: list[tuple[str, str]] = []
    pages = _in_unicode(pages, warnings)
    if scanned:
        pages.extend(_ocr(data, scanned, total, warnings))
        pages.sort(key=lambda p: p.number)
    return Document(blocks=layout_pages(pages), source_format="pdf", pages=total, warnings=warnings)

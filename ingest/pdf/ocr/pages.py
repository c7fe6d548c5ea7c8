"""OCR of whole pages: straighten the image, lift out the table grid, read the words, map to points.

Pages run in parallel, one Tesseract process per worker thread. PDFium is not thread-safe, so
only the step that pulls a page's image out of the PDF holds :data:`PDFIUM_LOCK`.

>>> jobs({"VN_PLAN_OCR_JOBS": "3"}), jobs({}) == (os.cpu_count() or 1)
(3, True)
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import cv2
import numpy as np
import pypdfium2 as pdfium

from ingest.pdf.ocr.grid import find_grid
from ingest.pdf.ocr.page_image import PageImage, page_image
from ingest.pdf.ocr.reading import mean_confidence, read_words
from ingest.pdf.ocr.straighten import rotate, runs_vertically, skew_angle
from ingest.pdf.ocr.tesseract import check_tesseract
from ingest.pdf.page import PageContent, Rule, Word

JOBS_VARIABLE = "VN_PLAN_OCR_JOBS"
PDFIUM_LOCK = threading.Lock()
# Upright text reads at 80–95 mean confidence even from a poor scan; text upside down reads
# below 50. Between, the page is read again turned half a turn and the surer reading kept.
UPRIGHT_CONFIDENCE = 65.0


def ocr_pages(data: bytes, numbers: list[int]) -> list[PageContent]:
    """OCR the pages ``numbers`` (1-based) of the PDF ``data``, one :class:`PageContent` each, in order.

    Raises :class:`~ingest.pdf.ocr.tesseract.OcrUnavailable` when Tesseract or its Vietnamese
    model is missing.
    """
    check_tesseract()
    pdf = pdfium.PdfDocument(data)

    def read(number: int) -> PageContent:
        with PDFIUM_LOCK:
            image = page_image(pdf[number - 1])
        return ocr_page(image, number)

    try:
        with ThreadPoolExecutor(max_workers=jobs(os.environ)) as pool:
            return list(pool.map(read, numbers))
    finally:
        pdf.close()


def jobs(environ) -> int:
    """How many pages to OCR at once: ``VN_PLAN_OCR_JOBS`` if set, else one per CPU."""
    return max(1, int(environ.get(JOBS_VARIABLE) or os.cpu_count() or 1))


def ocr_page(image: PageImage, number: int) -> PageContent:
    """One page's words and ruling lines in page points, top-left origin, as if scanned straight."""
    pixels, width, height = image.pixels, image.width, image.height
    if on_its_side(pixels, image.dpi):
        pixels, width, height = np.rot90(pixels), height, width
    pixels = rotate(pixels, skew_angle(pixels))
    words, lines = read_words(pixels, image.dpi)
    if mean_confidence(words) < UPRIGHT_CONFIDENCE:
        turned = read_words(np.rot90(pixels, 2), image.dpi)
        if mean_confidence(turned[0]) > mean_confidence(words):
            words, lines = turned
    scale_x, scale_y = width / pixels.shape[1], height / pixels.shape[0]
    return PageContent(
        number, width, height,
        words=[Word(w.text, w.left * scale_x, w.top * scale_y, w.right * scale_x, w.bottom * scale_y,
                    confidence=w.confidence) for w in words],
        rules=[Rule(r.x0 * scale_x, r.y0 * scale_y, r.x1 * scale_x, r.y1 * scale_y) for r in lines],
        source="ocr")


def on_its_side(pixels: np.ndarray, dpi: int) -> bool:
    """Whether a page was scanned on its side, told with its table borders wiped.

    The test looks at a thumbnail, so the borders are found at half the resolution: a quarter
    of the pixels, and 40 ms instead of 170 ms.

    >>> page = np.full((800, 600), 255, np.uint8)
    >>> for top in range(80, 720, 60):                # eleven lines of "letters"
    ...     for left in range(60, 540, 30):
    ...         page[top:top + 24, left:left + 20] = 0
    >>> on_its_side(page, 200), on_its_side(np.rot90(page), 200)
    (False, True)
    """
    half = cv2.resize(pixels, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    return runs_vertically(find_grid(half, dpi // 2).text)

"""OCR of scanned PDF pages into the same :class:`~ingest.pdf.page.PageContent` a text layer gives.

``ocr_pages(data, numbers)`` reads the given 1-based pages of a PDF with Tesseract (Vietnamese
model): words with boxes in page points (top-left origin) and 0–100 confidence, and the ruling
lines of table grids found in the image, so the layout stage builds paragraphs and tables from
a scan exactly as from a printed PDF. It raises :class:`OcrUnavailable` with an install hint when
Tesseract or its ``vie`` model is missing.

>>> issubclass(OcrUnavailable, RuntimeError)
True
"""
from ingest.pdf.ocr.pages import ocr_pages
from ingest.pdf.ocr.tesseract import OcrUnavailable

__all__ = ["OcrUnavailable", "ocr_pages"]

"""OCR of scanned PDF pages into the same :class:`~ingest.pdf.page.PageContent` a text layer gives.

``ocr_pages(data, numbers)`` reads the given 1-based pages of a PDF with Tesseract (Vietnamese
model): words with boxes in page points (top-left origin) and 0–100 confidence, and the ruling
lines of table grids found in the image, so the layout stage builds paragraphs and tables from
a scan exactly as from a printed PDF. It raises :class:`OcrUnavailable` (a :class:`~ingest.errors.ToolUnavailable`) with the Debian packages when
Tesseract or its ``vie`` model is missing.

>>> from ingest.errors import ToolUnavailable
>>> issubclass(OcrUnavailable, ToolUnavailable)
True
"""
from ingest.pdf.ocr.pages import ocr_pages
from ingest.pdf.ocr.tesseract import OcrUnavailable

__all__ = ["OcrUnavailable", "ocr_pages"]

"""Read a PDF into the document model, as a reader of the printed page sees it.

Pages with a text layer are read with pdfium (pypdfium2); pages without one (scans) go to OCR
(:mod:`ingest.pdf.ocr`). Both give a :class:`ingest.pdf.page.PageContent` — words with boxes and
ruling lines — and one layout stage turns the pages into :class:`ingest.model.Document` blocks:

* paragraphs from line spacing, indents, where lines stop short, boldness and size;
* ruled tables with merged cells (a missing inner border is a span), one table across pages
  (a repeated header row dropped, a row cut by the page break joined);
* the borderless header and signature blocks as two-column tables, like Word's;
* running headers, footers and page numbers removed; ``Paragraph.page`` set.

The modules, from the entry point down: ``reader`` (:func:`read_pdf`, text layer or OCR per
page), ``textlayer`` (words, bold, legacy fonts), ``ruling`` (borders from path objects),
``spacing`` (letter-spacing repair), ``frame`` (coordinates), ``layout`` (pages -> blocks),
``running``, ``lines``, ``paragraphs``, ``columns``, ``grids``, ``tables``, ``join``, ``page``.

>>> read_pdf(b"PK\\x03\\x04 a zip")
Traceback (most recent call last):
...
ValueError: not a PDF file: it does not start with %PDF-
"""
from ingest.pdf.reader import read_pdf

__all__ = ["read_pdf"]

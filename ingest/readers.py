"""One small interface over every format reader: ``read_document(data, suffix)``.

A reader is a function ``bytes -> Document``: plain text and Markdown, Word .docx, Word 97
.doc (converted by LibreOffice), and PDF (its text layer, or OCR where a page has none). A
file of any other suffix raises :class:`UnsupportedFormat`; a reader meeting a corrupt file
raises ``ValueError``; a missing program (LibreOffice, Tesseract) raises
:class:`~ingest.errors.ToolUnavailable`. The pipeline turns each into a failed documents row
with a diagnostics row.

>>> read_document("STT\\tNội dung\\n1\\tLập kế hoạch".encode(), ".txt").source_format
'text'
>>> read_document(b"%PDF-1.7", ".xls")
Traceback (most recent call last):
...
ingest.readers.UnsupportedFormat: files ending in '.xls' are not read; readable: .doc, .docx, .markdown, .md, .pdf, .txt
"""
from __future__ import annotations

from collections.abc import Callable

from ingest.doc import read_doc
from ingest.docx import read_docx
from ingest.model import Document
from ingest.pdf import read_pdf
from ingest.text import read_text


class UnsupportedFormat(ValueError):
    """The file's format is not one the pipeline reads."""


READERS: dict[str, Callable[[bytes], Document]] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".docx": read_docx,
    ".doc": read_doc,
    ".pdf": read_pdf,
}


def source_format(suffix: str) -> str:
    """'.docx' -> 'docx'; '.md' -> 'text'."""
    suffix = suffix.lower()
    return "text" if READERS.get(suffix) is read_text else suffix.lstrip(".") or "unknown"


def read_document(data: bytes, suffix: str) -> Document:
    """Read one file's bytes with the reader for its suffix (case-insensitive)."""
    suffix = suffix.lower()
    if suffix in READERS:
        if not data.strip():
            raise ValueError("the file is empty")
        return READERS[suffix](data)
    raise UnsupportedFormat(f"files ending in {suffix or '(no suffix)'!r} are not read; readable: {', '.join(sorted(READERS))}")

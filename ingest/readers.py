"""One small interface over every format reader: ``read_document(data, suffix)``.

A reader is a function ``bytes -> Document``. Formats that are known but not read yet
(PDF, scans, Word 97) raise :class:`NotYetSupported`; anything else raises
:class:`UnsupportedFormat`; a reader meeting a corrupt file raises ``ValueError``. The
pipeline turns each into a failed documents row with a diagnostics row.

>>> read_document("STT\\tNội dung\\n1\\tLập kế hoạch".encode(), ".txt").source_format
'text'
>>> read_document(b"%PDF-1.7", ".pdf")
Traceback (most recent call last):
...
ingest.readers.NotYetSupported: PDF files are not read yet (planned: text-layer and OCR readers)
"""
from __future__ import annotations

from collections.abc import Callable

from ingest.docx import read_docx
from ingest.model import Document
from ingest.text import read_text


class UnsupportedFormat(ValueError):
    """The file's format is not one the pipeline reads."""


class NotYetSupported(UnsupportedFormat):
    """A format the pipeline will read but does not yet."""


READERS: dict[str, Callable[[bytes], Document]] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".docx": read_docx,
}
PLANNED: dict[str, str] = {
    ".pdf": "PDF files are not read yet (planned: text-layer and OCR readers)",
    ".doc": "Word 97 .doc files are not read yet (planned: conversion with LibreOffice)",
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
    if suffix in PLANNED:
        raise NotYetSupported(PLANNED[suffix])
    raise UnsupportedFormat(f"files ending in {suffix or '(no suffix)'!r} are not read; readable: {', '.join(sorted(READERS))}")

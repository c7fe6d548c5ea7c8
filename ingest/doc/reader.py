"""The entry point: the bytes of a .doc file -> :class:`ingest.model.Document`."""
from __future__ import annotations

from ingest.doc.convert import CONVERSION_TIMEOUT, doc_to_docx
from ingest.docx import read_docx
from ingest.model import Document


def read_doc(data: bytes, *, timeout: float = CONVERSION_TIMEOUT) -> Document:
    """Read the bytes of a Word 97 .doc file (``source_format="doc"``).

    Raises :class:`~ingest.doc.convert.ConverterUnavailable` when LibreOffice is not installed
    and ValueError when the file cannot be converted (damaged, or the conversion timed out).

    >>> read_doc(b"   ")
    Traceback (most recent call last):
    ...
    ValueError: not a Word .doc file: it is empty
    """
    if not data.strip():
        # LibreOffice would "convert" an empty file to an empty document; say what it is instead
        raise ValueError("not a Word .doc file: it is empty")
    document = read_docx(doc_to_docx(data, timeout=timeout))
    document.source_format = "doc"
    return document

"""Read a Word 97 .doc file: LibreOffice converts it to .docx, :mod:`ingest.docx` reads that.

A .doc is an OLE compound file whose text model (pieces, styles, list levels) maps onto
WordprocessingML almost one to one; LibreOffice does that mapping better than any reader we
could write, and the .docx reader then sees the page exactly as for a Word 2007 file. The
modules: ``convert`` (runs LibreOffice: :func:`doc_to_docx`) and ``reader`` (:func:`read_doc`).

>>> read_doc(b"")
Traceback (most recent call last):
...
ValueError: not a Word .doc file: it is empty
"""
from ingest.doc.convert import ConverterUnavailable, doc_to_docx
from ingest.doc.reader import read_doc

__all__ = ["ConverterUnavailable", "doc_to_docx", "read_doc"]

"""Read a Word .docx file into the document model, as a reader of the printed page sees it.

The reader walks the WordprocessingML of the main document part with lxml (python-docx only
opens the package and finds the parts) and produces :class:`ingest.model.Document` blocks:

* paragraphs and tables in body order, looking inside content controls (``w:sdt``);
* Word's automatic numbering rendered in front of the text ("I. ", "1.1. ", "a) ", "- ");
* merged table cells as one :class:`Cell` with its spans;
* footnotes/endnotes as ``style="footnote"`` paragraphs right after the citing paragraph;
* text boxes as paragraphs after their host paragraph;
* page numbers from the page breaks Word recorded when it last laid the document out.

The modules, from the entry point down: ``reader`` (opens the file: :func:`read_docx`),
``blocks`` (block order, notes, text boxes), ``tables``, ``paragraphs``, ``runs``,
``numbering``, ``styles``, ``pages``, ``symbols``, ``story`` (shared reading state) and
``ooxml`` (tag names and XML helpers).

>>> read_docx(b"plain text, not a zip")
Traceback (most recent call last):
...
ValueError: not a Word .docx file: it is not a ZIP package (the file is damaged or of another type)
"""
from ingest.docx.reader import read_docx

__all__ = ["read_docx"]

"""Citations of numbered documents: "Nghị định số 108/2014/NĐ-CP ngày 20/11/2014".

A reference is a document number in one of the two shapes Vietnamese administration prints:

* state:  serial [/ year] / CODE [- CODE ...]   "695/QĐ-TTg", "108/2014/NĐ-CP", "6459/BNV-CCHC"
* Party:  serial - CODE / CODE                   "23-CT/TU", "10-CTr/TU", "441-QĐ/TU"

The number alone decides that a citation exists; the words around it only add the type
("Nghị định" before it) and the issue date ("ngày 20/11/2014" after it). A number needs a
letter code after its serial, so "Mẫu số 08", "Đề án 06", "15/3/2021", "Quý IV/2021",
"mức độ 3, 4" and a blank draft number "Số: /KH-UBND" are never references.

Rules chosen where the documents leave room (see also CONVENTIONS.md §5):

* ``ref_type`` is the canonical type word printed right before the number ("Nghị quyết 19/NQ-HĐND",
  "Kế hoạch số: 226/KH-UBND"); qualifiers between the type word and the number are dropped, so
  "Chương trình hành động số 10-CTr/TU" is a "Chương trình". Without a type word the number's
  code decides ("932/QĐ-TTg" is a Quyết định; an agency code "6459/BNV-CCHC" is a Công văn).
* ``issue_date`` is the "ngày ..." that directly follows the number (a comma, a doubled "ngày",
  a line break or a page number between them are tolerated). A date printed after the last of
  a list that shares one type word ("Quyết định số 1053/QĐ-UBND, 1054/QĐ-UBND ngày 30/8/2025",
  "số 304, 305/QĐ-STC ngày ...") dates every member of the list; a list that repeats the type
  word ("Nghị quyết số 01/NQ-CP và Nghị quyết số 02/NQ-CP ngày 08/01/2025") gives the date to
  the last citation only.
* A header line "Số: 226/KH-UBND" IS returned (raw "226/KH-UBND", type Kế hoạch), so the
  caller can recognise the document's own number and drop it.
* Every occurrence is returned, in text order; the caller dedups per document.

The modules, by job: ``numbers`` (the number regex and ``normalize_number``), ``vocabulary``
(parsers/data/document_types.yaml as tables and type-word regexes), ``doc_types`` (the type a
number's code or a header line names), ``dates`` (the "ngày ..." after a number),
``citations`` (each number token with its type word, series and date) and ``reference``
(``find_references``: lists share their date and type, one ``Reference`` per number).

>>> [(r.ref_number, r.ref_type, str(r.issue_date)) for r in find_references(
...     "Căn cứ Nghị định số 108/2014/NĐ-CP ngày 20/11/2014 và Chỉ thị số 23-CT/TU.")]
[('108/2014/NĐ-CP', 'Nghị định', '2014-11-20'), ('23-CT/TU', 'Chỉ thị', 'None')]
"""
from parsers.references.doc_types import doc_type_from_heading, doc_type_from_number
from parsers.references.numbers import normalize_number
from parsers.references.reference import Reference, find_references

__all__ = ["Reference", "doc_type_from_heading", "doc_type_from_number", "find_references", "normalize_number"]

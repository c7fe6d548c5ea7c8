"""The entry point: the bytes of a .docx file -> :class:`ingest.model.Document`.

python-docx opens the package and finds the parts (styles, numbering, notes); the rest of
this package walks their XML. A file that is no .docx raises ValueError in plain words: the
bytes of a PDF give "not a Word .docx file: it is a PDF".
"""
from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from ingest.docx.blocks import read_blocks
from ingest.docx.numbering import ListCounters, Numbering
from ingest.docx.ooxml import ID_ATTR, w
from ingest.docx.pages import Pages, find_section_breaks, records_pages
from ingest.docx.story import Package, Story
from ingest.docx.styles import Styles
from ingest.model import Block, Document


def _open(data: bytes) -> "docx.document.Document":
    """The python-docx document, or ValueError saying in plain words why it is not one."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValueError("not a Word .docx file: it is an OLE file (an old binary .doc, or a password-protected .docx)")
    if data[:5] == b"%PDF-":
        raise ValueError("not a Word .docx file: it is a PDF")
    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as err:
        raise ValueError("not a Word .docx file: it is not a ZIP package (the file is damaged or of another type)") from err
    except KeyError as err:
        raise ValueError(f"not a Word .docx file: the package lacks a part it needs ({err})") from err
    except PackageNotFoundError as err:
        raise ValueError(f"not a Word .docx file: {err}") from err
    except etree.XMLSyntaxError as err:
        raise ValueError(f"not a Word .docx file: its XML is damaged ({err})") from err
    except ValueError as err:  # python-docx: a ZIP of another kind (.xlsx, .pptx, ...)
        raise ValueError(f"not a Word .docx file: {err}") from err


def _related_root(document_part, reltype: str, warnings: list[tuple[str, str]]) -> etree._Element | None:
    """The XML root of the part related to the main part by ``reltype`` (None if absent)."""
    try:
        part = document_part.part_related_by(reltype)
    except KeyError:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    try:
        return etree.fromstring(part.blob)
    except etree.XMLSyntaxError as err:
        warnings.append(("docx_part", f"{part.partname} is damaged and was skipped ({err})"))
        return None


def _notes_of(part_root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
    if part_root is None:
        return {}
    return {note.get(ID_ATTR): note for note in part_root.iterchildren(w(tag))}


def read_docx(data: bytes) -> Document:
    """Read the bytes of a .docx file into a :class:`Document` (``source_format="docx"``).

    Raises ValueError("not a Word .docx file: ...") for anything that is not one.

    >>> import docx as python_docx, io
    >>> made = python_docx.Document(); _ = made.add_paragraph("Kế hoạch", style="Title")
    >>> buffer = io.BytesIO(); made.save(buffer)
    >>> read_docx(buffer.getvalue()).blocks
    [Paragraph(text='Kế hoạch', style='Title', bold=False, page=None)]
    """
    opened = _open(data)
    part = opened.part
    warnings: list[tuple[str, str]] = []
    styles = Styles(_related_root(part, RT.STYLES, warnings))
    numbering = Numbering(_related_root(part, RT.NUMBERING, warnings), styles)
    notes = {
        "footnote": _notes_of(_related_root(part, RT.FOOTNOTES, warnings), "footnote"),
        "endnote": _notes_of(_related_root(part, RT.ENDNOTES, warnings), "endnote"),
    }
    body = opened.element.body
    section_breaks = find_section_breaks(body)
    package = Package(styles, numbering, notes, section_breaks, warnings)
    pages = Pages(enabled=records_pages(body, section_breaks))
    story = Story(package, ListCounters(numbering), pages)
    blocks: list[Block] = []
    read_blocks(body, story, blocks)
    return Document(
        blocks=blocks,
        source_format="docx",
        pages=pages.last_text_page if pages.enabled else None,
        warnings=package.warnings,
    )

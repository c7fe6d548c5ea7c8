"""Tests of ingest.doc (read_doc): Word 97 files made here by LibreOffice from .docx, and the corpus file."""
from __future__ import annotations

import os
import shutil

import pytest

from conftest import CORPUS, need_shared
from ingest.doc import ConverterUnavailable, read_doc
from ingest.doc.convert import profile_dir
from ingest.docx import read_docx
from ingest.errors import ToolUnavailable
from ingest.legacy import legacy_warning
from legacy_documents import plan_docx
from renderings import converted, soffice

needs_soffice = pytest.mark.skipif(
    soffice() is None,
    reason="LibreOffice is not installed (Debian package libreoffice-writer-nogui): it converts .doc files",
)


def docx_to_doc(data: bytes) -> bytes:
    """A Word 97 file of a .docx, as LibreOffice saves it."""
    return converted(data, "doc")


def visible(document) -> list:
    """What a reader sees: each block's kind and text (style names differ after a round trip)."""
    return [getattr(b, "text", None) or [c.text for c in b.cells] for b in document.blocks]


@needs_soffice
@pytest.mark.parametrize("encoding", [None, "tcvn3", "vni"], ids=["unicode", "tcvn3-fonts", "vni-fonts"])
def test_doc_reads_as_the_docx_it_was_saved_from(encoding):
    """TCVN3 keeps its ư: LibreOffice turns the 0xAD code into <w:softHyphen/>, which a TCVN3 run reads as ư."""
    document = read_doc(docx_to_doc(plan_docx(encoding)))
    assert document.source_format == "doc"
    assert visible(document) == visible(read_docx(plan_docx(None)))
    assert document.warnings == ([legacy_warning(encoding)] if encoding else [])


@needs_soffice
def test_corpus_doc_reads_its_header_and_sections():
    need_shared(CORPUS / "lamdong_KH_KMT_2026.doc")
    document = read_doc((CORPUS / "lamdong_KH_KMT_2026.doc").read_bytes())
    texts = [p.text for p in document.paragraphs]
    assert "KẾ HOẠCH" in texts
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert "ỦY BAN NHÂN DÂN" in document.tables[0].cells[0].text


@needs_soffice
@pytest.mark.parametrize("data", [
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, id="ole-header-without-content"),
    pytest.param(b"PK\x03\x04 a broken zip", id="broken-zip"),
])
def test_a_damaged_doc_is_a_value_error(data):
    with pytest.raises(ValueError, match="not a Word .doc file: LibreOffice could not convert it"):
        read_doc(data)


@needs_soffice
def test_a_conversion_that_runs_out_of_time_is_killed():
    with pytest.raises(ValueError, match="LibreOffice did not convert the .doc within 0.001 s; the conversion was killed"):
        read_doc(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, timeout=0.001)


def test_missing_libreoffice_is_a_tool_error_naming_the_package(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ConverterUnavailable, match="libreoffice-writer-nogui") as raised:
        read_doc(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert isinstance(raised.value, ToolUnavailable)


def test_each_process_has_its_own_profile():
    assert profile_dir().name.endswith(f"-{os.getpid()}")

"""Tests of ingest.legacy and of the readers on documents in TCVN3 and VNI written here from Unicode."""
from __future__ import annotations

import io
import unicodedata

import docx
import pytest
import regex
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given
from hypothesis import strategies as st

from ingest.docx import read_docx
from ingest.legacy import font_encoding, font_text_to_unicode, guess_encoding, legacy_warning, prints_uppercase, to_unicode
from ingest.legacy.syllables import TONE_MARKS
from ingest.model import Table
from ingest.text import read_text
from legacy_documents import TASKS, plan_docx, plan_text, to_legacy, typed_with_caps_lock
from parsers.rows import document_rows
from parsers.vocab import load

# --------------------------------------------------------------------------------------------
# Fonts and tables
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("font, encoding, uppercase", [
    pytest.param(".VnTime", "tcvn3", False, id="VnTime"),
    pytest.param(".VnArial", "tcvn3", False, id="VnArial"),
    pytest.param(".VnTimeH", "tcvn3", True, id="VnTimeH-prints-capitals"),
    pytest.param(".VnArialH", "tcvn3", True, id="VnArialH-prints-capitals"),
    pytest.param("ABCDEF+.VnTime", "tcvn3", False, id="pdf-subset-tag"),
    pytest.param("VNI-Times", "vni", False, id="VNI-Times"),
    pytest.param("VNI-Helve", "vni", False, id="VNI-Helve"),
    pytest.param("Times New Roman", None, False, id="unicode-font"),
    pytest.param("", None, False, id="no-font"),
])
def test_font_encoding(font, encoding, uppercase):
    assert font_encoding(font) == encoding
    assert prints_uppercase(font) is uppercase


@pytest.mark.parametrize("legacy, encoding, unicode_text", [
    pytest.param("Tr\u00adêng", "tcvn3", "Trường", id="tcvn3-soft-hyphen-is-u-horn"),
    pytest.param("\u00a6u tiªn", "tcvn3", "Ưu tiên", id="tcvn3-capital-U-horn"),
    pytest.param("§ång ®éi", "tcvn3", "Đồng đội", id="tcvn3-d-stroke"),
    pytest.param("Ñaø Naüng, ñöôøng", "vni", "Đà Nẵng, đường", id="vni-d-stroke-and-u-horn"),
    pytest.param("ÖÙNG DUÏNG", "vni", "ỨNG DỤNG", id="vni-capitals"),
    pytest.param("thaúng", "vni", "thẳng", id="vni-a-breve-hook-supplement"),
    pytest.param("Plan 2026 – UBND", "tcvn3", "Plan 2026 – UBND", id="ascii-passes-through"),
])
def test_to_unicode(legacy, encoding, unicode_text):
    assert to_unicode(legacy, encoding) == unicode_text


def test_unknown_encoding_is_refused():
    with pytest.raises(ValueError, match="unknown legacy encoding 'viscii'"):
        to_unicode("x", "viscii")


@pytest.mark.parametrize("stored, font, shown", [
    pytest.param("kÕ ho¹ch", ".VnTimeH", "KẾ HOẠCH", id="H-font-capitals"),
    pytest.param("KÕ ho¹ch", ".VnTime", "Kế hoạch", id="body-font"),
    pytest.param("Kế hoạch", "Arial", "Kế hoạch", id="unicode-font-untouched"),
])
def test_font_text_to_unicode(stored, font, shown):
    assert font_text_to_unicode(stored, font) == shown


# --------------------------------------------------------------------------------------------
# Properties: round trips and the guess
# --------------------------------------------------------------------------------------------

SMALL_LETTERS = [unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")] + ["đ"]
ASCII_TEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:()/-"
# TCVN3 has capitals only for the plain letters and ĂÂÊÔƠƯĐ
tcvn3_text = st.text(st.sampled_from(SMALL_LETTERS + list("ĂÂÊÔƠƯĐ") + list(ASCII_TEXT)))
vni_text = st.text(st.sampled_from(SMALL_LETTERS + [c.upper() for c in SMALL_LETTERS] + list(ASCII_TEXT)))


@given(tcvn3_text)
def test_tcvn3_round_trips(text):
    assert to_unicode(to_legacy(text, "tcvn3"), "tcvn3") == text


@given(vni_text)
def test_vni_round_trips(text):
    assert to_unicode(to_legacy(text, "vni"), "vni") == text


@given(vni_text)
def test_an_H_font_prints_any_text_in_capitals(text):
    assert font_text_to_unicode(to_legacy(text.lower(), "tcvn3"), ".VnTimeH") == text.upper()


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_is_never_guessed_legacy(text):
    assert guess_encoding(text) is None


def _vocabulary_words() -> list[str]:
    """Every Vietnamese word of the project's YAML vocabularies: real Unicode text."""
    words = set()

    def walk(value):
        if isinstance(value, str):
            words.update(w for w in value.split() if regex.fullmatch(r"\p{L}+", w))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for name in ("agencies", "agency_words", "deadlines", "document_layout", "document_types", "task_table", "text_layout"):
        walk(load(name))
    return sorted(w for w in words if not w.isascii())


@given(st.lists(st.sampled_from(_vocabulary_words()), min_size=1, max_size=60).map(" ".join))
def test_unicode_vietnamese_is_never_guessed_legacy(text):
    assert guess_encoding(text) is None


@given(st.lists(st.sampled_from(_vocabulary_words()), min_size=1, max_size=60).map(" ".join), st.sampled_from(["tcvn3", "vni"]))
def test_a_guess_never_names_the_wrong_encoding(text, encoding):
    try:
        legacy = to_legacy(text, encoding)
    except ValueError:  # a capital toned letter TCVN3 cannot write
        return
    assert guess_encoding(legacy) in (encoding, None)


@pytest.mark.parametrize("text, encoding", [
    pytest.param("KÕ ho¹ch triÓn khai thùc hiÖn", "tcvn3", id="tcvn3-sentence"),
    pytest.param("Keá hoaïch trieån khai thöïc hieän", "vni", id="vni-sentence"),
    pytest.param("Kế hoạch triển khai thực hiện", None, id="unicode-sentence"),
    pytest.param("Kết quả đo: 5 µm, nhiệt độ 20°C", None, id="unicode-with-a-latin1-sign"),
    pytest.param("Señor García está en España", None, id="spanish"),
])
def test_guess_encoding(text, encoding):
    assert guess_encoding(text) == encoding


# --------------------------------------------------------------------------------------------
# The .docx reader
# --------------------------------------------------------------------------------------------


def _docx_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_plan_in_legacy_fonts_reads_as_its_unicode_original():
    unicode_doc = read_docx(plan_docx(None))
    assert unicode_doc.warnings == []
    for encoding in ("tcvn3", "vni"):
        legacy_doc = read_docx(plan_docx(encoding))
        assert legacy_doc.blocks == unicode_doc.blocks, encoding
        assert legacy_doc.warnings == [legacy_warning(encoding)]


def test_docx_font_from_the_paragraph_style():
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    document.add_paragraph(to_legacy("Phường Đông Hưng", "tcvn3"))
    assert [b.text for b in read_docx(_docx_bytes(document)).blocks] == ["Phường Đông Hưng"]


@pytest.mark.parametrize("runs, text", [
    pytest.param([("hoa", "VNI-Times"), ("ïch", "VNI-Times")], "hoạch", id="vni-mark-in-the-next-run"),
    pytest.param([("Kế hoạch ", "Times New Roman"), ("n\u00adíc", ".VnTime")], "Kế hoạch nước", id="unicode-then-tcvn3"),
    pytest.param([("kÕ ho¹ch ", ".VnTimeH"), ("n\u00adíc", ".VnTime")], "KẾ HOẠCH nước", id="H-font-then-body-font"),
    pytest.param([("Tr\u00adêng", "Arial")], "Tr\u00adêng", id="u00ad-in-a-unicode-font-stays"),
])
def test_docx_runs_convert_by_their_own_font(runs, text):
    document = docx.Document()
    paragraph = document.add_paragraph()
    for stored, font in runs:
        paragraph.add_run(stored).font.name = font
    assert read_docx(_docx_bytes(document)).blocks[0].text == text


@pytest.mark.parametrize("font, text", [
    pytest.param(".VnTime", "Trường", id="tcvn3-soft-hyphen-element-is-u-horn"),
    pytest.param("Arial", "Trêng", id="unicode-soft-hyphen-element-shows-nothing"),
])
def test_docx_soft_hyphen_element(font, text):
    """LibreOffice writes TCVN3's ư (the soft-hyphen code) as <w:softHyphen/>."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Tr").font.name = font
    run = paragraph.add_run()
    run.font.name = font
    run._r.append(parse_xml(f"<w:softHyphen {nsdecls('w')}/>"))
    paragraph.add_run("êng").font.name = font
    assert read_docx(_docx_bytes(document)).blocks[0].text == text


# --------------------------------------------------------------------------------------------
# The text reader
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("codec", ["cp1252", "utf-8"], ids=["8-bit-file", "pasted-into-utf8"])
def test_text_plan_in_legacy_encoding_reads_as_its_unicode_original(encoding, codec):
    legacy_doc = read_text(plan_text(encoding).encode(codec))
    assert legacy_doc.blocks == read_text(plan_text(None).encode()).blocks
    assert legacy_doc.warnings == [legacy_warning(encoding)]


@pytest.mark.parametrize("line, shown", [
    pytest.param(typed_with_caps_lock("KẾ HOẠCH"), "KẾ HOẠCH", id="heading"),
    pytest.param(typed_with_caps_lock("ỦY BAN NHÂN DÂN"), "ỦY BAN NHÂN DÂN", id="issuer"),
    pytest.param(to_legacy("Sở KH&ĐT", "tcvn3"), "Sở KH&ĐT", id="abbreviation-is-no-capital-line"),
])
def test_text_tcvn3_lines_typed_in_capitals(line, shown):
    text = f"{line}\n\n" + to_legacy("Nâng cao chất lượng phục vụ người dân và doanh nghiệp", "tcvn3")
    assert read_text(text.encode("cp1252")).blocks[0].text == shown


def _windows_1258(text: str) -> bytes:
    """Windows Vietnamese: letters with their vowel marks precomposed, each tone a combining mark after them."""
    def letter(ch: str) -> str:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        return unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS)) + tones
    return "".join(letter(ch) for ch in text).encode("cp1258")


def test_text_unicode_and_windows_vietnamese_stay_as_they_are():
    text = "Kế hoạch cải cách hành chính của tỉnh năm 2026"
    for data in (text.encode(), _windows_1258(text)):
        doc = read_text(data)
        assert doc.blocks[0].text == text and doc.warnings == []


# --------------------------------------------------------------------------------------------
# The pipeline's rows
# --------------------------------------------------------------------------------------------


def _task_rows(document) -> list[tuple]:
    rows = document_rows(document, "doc", "plan", "docx")
    return [(t["stt"], t["content"], t["lead_raw"]) for t in rows["tasks"]]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_pipeline_tasks_of_a_legacy_plan_match_the_unicode_original(encoding):
    expected = [(stt, content, lead) for stt, content, lead, _ in TASKS]
    assert _task_rows(read_docx(plan_docx(None))) == expected
    assert _task_rows(read_docx(plan_docx(encoding))) == expected
    assert _task_rows(read_text(plan_text(encoding).encode("cp1252"))) == expected
    assert isinstance(read_docx(plan_docx(encoding)).blocks[-3], Table)


@pytest.mark.xfail(strict=True, reason="known gap: a text file is converted whole, so Unicode lines around TCVN3 text (a portal's own words) are garbled")
def test_gap_text_mixing_unicode_and_tcvn3_lines():
    body = to_legacy("Kế hoạch triển khai thực hiện nhiệm vụ cải cách hành chính năm 2026", "tcvn3")
    doc = read_text(f"Văn bản gốc có hiệu lực\n\n{body}\n".encode())
    assert doc.blocks[0].text == "Văn bản gốc có hiệu lực"

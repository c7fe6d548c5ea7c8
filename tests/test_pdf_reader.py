"""Tests of ingest.pdf (read_pdf): PDFs made here with LibreOffice from python-docx documents,
pure layout cases on hand-made pages, and checks against the corpus PDFs."""
from __future__ import annotations

import io

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pypdfium2 as pdfium
from PIL import Image

import ingest.pdf.reader as pdf_reader
from ingest.docx import read_docx
from ingest.errors import ToolUnavailable
from ingest.model import Cell, Paragraph, Table
from ingest.pdf import read_pdf
from ingest.pdf.ocr import OcrUnavailable
from ingest.pdf.join import join_tables
from ingest.pdf.layout import layout_pages
from ingest.pdf.page import PageContent, Rule, Word
from ingest.pdf.spacing import join_spaced_letters
from ingest.legacy import legacy_warning
from legacy_documents import plan_docx
from renderings import docx_to_pdf, soffice
from tests.conftest import CORPUS, need_shared



def fold(text: str) -> str:
    return " ".join(text.split())


def to_pdf(document: "docx.document.Document") -> bytes:
    """The document printed to PDF by LibreOffice (skips when LibreOffice is absent)."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot make PDFs from .docx")
    out = io.BytesIO()
    document.save(out)
    return docx_to_pdf(out.getvalue())


@pytest.mark.parametrize("encoding", [
    pytest.param("tcvn3", marks=pytest.mark.xfail(strict=True, reason=(
        "known gap of the rendering, not the reader: printing without .VnTime installed, LibreOffice drops TCVN3's ư "
        "(the soft-hyphen code) and sets .VnTimeH capitals in small letters, so the PDF itself has lost them"))),
    "vni",
])
def test_legacy_text_in_a_substituted_font_is_converted(encoding):
    """A PDF printed where .VnTime was missing names the substitute font: the words themselves tell."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot make PDFs from .docx")
    legacy, original = read_pdf(docx_to_pdf(plan_docx(encoding))), read_pdf(docx_to_pdf(plan_docx(None)))
    assert [fold(getattr(b, "text", "")) for b in legacy.blocks if isinstance(b, Paragraph)][2:] == \
           [fold(getattr(b, "text", "")) for b in original.blocks if isinstance(b, Paragraph)][2:]
    assert legacy.warnings == [legacy_warning(encoding)]


def word(text: str, x0: float, y0: float, size: float = 12, bold: bool = False) -> Word:
    return Word(text, x0, y0, x0 + 0.5 * size * len(text), y0 + size, bold=bold, size=size)


def words_of(text: str, x0: float, y0: float) -> list[Word]:
    out, x = [], x0
    for token in text.split():
        out.append(word(token, x, y0))
        x = out[-1].x1 + 3
    return out


def ocr_words(text: str, x0: float, y0: float, height: float = 10) -> list[Word]:
    """Words as OCR boxes them: no font size, ink height only, a dash a sliver at mid-height."""
    out, x = [], x0
    for token in text.split():
        top, bottom = (y0 + height / 2, y0 + height / 2 + 1) if token in "-~" else (y0, y0 + height)
        out.append(Word(token, x, top, x + 6 * len(token), bottom))
        x = out[-1].x1 + 3
    return out


# --------------------------------------------------------------------------------------------
# Files that are no readable PDF
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    pytest.param(b"PK\x03\x04 zip", "not a PDF file", id="zip"),
    pytest.param(b"%PDF-1.7\nbroken", "damaged", id="truncated"),
])
def test_bad_files_raise_value_error(data, message):
    with pytest.raises(ValueError, match=message):
        read_pdf(data)


# --------------------------------------------------------------------------------------------
# Layout on hand-made pages (the stage OCR shares)
# --------------------------------------------------------------------------------------------

def grid_rules(xs, ys, skip_vertical=()):
    rules = [Rule(xs[0], y, xs[-1], y + 0.5) for y in ys]
    for x in xs:
        for top, bottom in zip(ys, ys[1:]):
            if (x, top) not in skip_vertical:
                rules.append(Rule(x, top, x + 0.5, bottom))
    return rules


LAYOUT_CASES = [
    pytest.param(
        [PageContent(1, 600, 800, words_of("Căn cứ Luật Tổ chức chính quyền địa phương", 100, 100)
                     + words_of("ngày 19 tháng 6 năm 2015;", 72, 116) + words_of("KẾ HOẠCH", 100, 160))],
        ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "KẾ HOẠCH"],
        id="first-line-indent-and-gap"),
    pytest.param(
        [PageContent(1, 600, 800, words_of("Trang 1 nội dung", 72, 100) + [word("1", 300, 780)]),
         PageContent(2, 600, 800, words_of("Trang 2 nội dung", 72, 100) + [word("2", 300, 780)])],
        ["Trang 1 nội dung Trang 2 nội dung"],  # each page's only line is full width: one paragraph
        id="page-numbers-dropped-paragraph-joined"),
    pytest.param(
        [PageContent(1, 600, 800, words_of("- Hoàn thành và đưa Trung tâm IOC vào hoạt động trong quý I năm 2026.", 72, 100)
                     + words_of("b) Nhiệm vụ", 72, 116) + words_of("- Xây dựng kế hoạch chuyển đổi số hằng năm.", 72, 132))],
        ["- Hoàn thành và đưa Trung tâm IOC vào hoạt động trong quý I năm 2026.", "b) Nhiệm vụ",
         "- Xây dựng kế hoạch chuyển đổi số hằng năm."],
        id="item-label-after-a-sentence-opens-a-paragraph"),
    pytest.param(
        [PageContent(1, 600, 800, ocr_words("Theo phân công tại Phương", 72, 100, height=13)
                     + ocr_words("án số 7178/PA-UBND ngày 14/11/2025", 72, 118, height=10), source="ocr")],
        ["Theo phân công tại Phương án số 7178/PA-UBND ngày 14/11/2025"],  # ink heights vary with the letters, not the size
        id="ocr-ink-heights-are-no-size-change"),
]


@pytest.mark.parametrize("pages, texts", LAYOUT_CASES)
def test_paragraphs_from_lines(pages, texts):
    assert [b.text for b in layout_pages(pages)] == texts


def _summary(blocks) -> list:
    """A table as its two cells' paragraphs, a paragraph as its text."""
    return [[c.paragraphs for c in b.cells] if isinstance(b, Table) else b.text for b in blocks]


TWO_COLUMN_CASES = [
    pytest.param(
        # a tight header: issuer and motto on one baseline with a space narrower than a tab between them,
        # and the title below starting, by chance, where the motto starts
        [PageContent(1, 600, 800, words_of("THỦ TƯỚNG CHÍNH PHỦ", 90, 100) + words_of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 211, 100)
                     + words_of("Độc lập - Tự do - Hạnh phúc", 232, 116)
                     + words_of("Số: 932/QĐ-TTg", 110, 140) + words_of("Hà Nội, ngày 15 tháng 5 năm 2025", 230, 140)
                     + words_of("QUYẾT ĐỊNH", 211, 180))],
        [[("THỦ TƯỚNG CHÍNH PHỦ", "Số: 932/QĐ-TTg"),
          ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 15 tháng 5 năm 2025")],
         "QUYẾT ĐỊNH"],
        id="header-on-one-baseline"),
    pytest.param(
        # an OCR'd signature block: dashes a sliver high, a speck of the stamp above a recipient's line
        [PageContent(1, 600, 800, ocr_words("Nơi nhận:", 90, 300) + ocr_words("KT. CHỦ TỊCH", 380, 300)
                     + ocr_words("- Bộ Nội vụ;", 90, 314) + ocr_words("PHÓ CHỦ TỊCH", 378, 314)
                     + [Word("°", 457, 328.5, 460, 330.5)] + ocr_words("- Thường trực Tỉnh ủy;", 90, 328)
                     + ocr_words("- Sở Tư pháp;", 90, 342)
                     + ocr_words("- Lưu: VT, NC.", 90, 356) + ocr_words("Nguyễn Ngọc Phúc", 373, 356), source="ocr")],
        [[("Nơi nhận:", "- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Sở Tư pháp;", "- Lưu: VT, NC."),
          ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "°", "Nguyễn Ngọc Phúc")]],
        id="ocr-signature-block"),
]


@pytest.mark.parametrize("pages, blocks", TWO_COLUMN_CASES)
def test_borderless_two_column_blocks(pages, blocks):
    assert _summary(layout_pages(pages)) == blocks


def test_missing_inner_border_is_a_span():
    # 2 x 2 grid whose top row has no border between its columns
    rules = grid_rules([50, 150, 250], [100, 130, 160], skip_vertical={(150, 100)})
    page = PageContent(1, 600, 800, words_of("Nội dung chung", 60, 110) + words_of("1", 60, 140)
                       + words_of("Sở Nội vụ", 160, 140), rules)
    [table] = layout_pages([page])
    assert [(c.text, c.row, c.col, c.colspan) for c in table.cells] == [
        ("Nội dung chung", 0, 0, 2), ("1", 1, 0, 1), ("Sở Nội vụ", 1, 1, 1)]


@pytest.mark.parametrize("lines, right_border, paragraphs", [
    pytest.param(["TM. ỦY BAN", "CHỦ TỊCH", "Nguyễn Văn An"], 400, ("TM. ỦY BAN", "CHỦ TỊCH", "Nguyễn Văn An"),
                 id="short-lines-in-a-wide-cell-stay-lines"),
    pytest.param(["Trước ngày 15/12/202", "6"], 185, ("Trước ngày 15/12/2026",), id="date-cut-in-its-year-is-joined"),
])
def test_cell_lines(lines, right_border, paragraphs):
    words = [w for k, text in enumerate(lines) for w in words_of(text, 60, 104 + 16 * k)]
    rules = grid_rules([50, right_border], [100, 108 + 16 * len(lines)])
    [table] = layout_pages([PageContent(1, 600, 800, words, rules)])
    assert table.cells[0].paragraphs == paragraphs


def test_table_over_two_pages_is_one_with_header_dropped():
    def page(number, rows):
        ys = [100 + 30 * i for i in range(len(rows) + 1)]
        words = [w for i, (a, b) in enumerate(rows) for w in words_of(a, 60, ys[i] + 8) + words_of(b, 160, ys[i] + 8)]
        return PageContent(number, 600, 800, words, grid_rules([50, 150, 350], ys))
    blocks = layout_pages([page(1, [("STT", "Nhiệm vụ"), ("1", "Rà soát")]),
                           page(2, [("STT", "Nhiệm vụ"), ("2", "Kiểm tra")])])
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    assert [[c.text for c in blocks[0].row(r)] for r in range(blocks[0].n_rows)] == [
        ["STT", "Nhiệm vụ"], ["1", "Rà soát"], ["2", "Kiểm tra"]]


HEAD = [Cell("STT", 0, 0), Cell("Nhiệm vụ", 0, 1), Cell("Chủ trì", 0, 2)]


@pytest.mark.parametrize("last_row, next_rows, expected", [
    pytest.param([Cell("II. HOÀN THIỆN THỂ", 1, 0, colspan=3)], [Cell("CHẾ, CHÍNH SÁCH", 0, 0, colspan=3)],
                 [["STT", "Nhiệm vụ", "Chủ trì"], ["II. HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH"]], id="group-title-cut-by-the-page-is-joined"),
    pytest.param([Cell("II. HOÀN THIỆN CƠ", 1, 0), Cell("", 1, 1), Cell("", 1, 2)],
                 [Cell("CHẾ, CHÍNH SÁCH", 0, 0), Cell("", 0, 1), Cell("", 0, 2)],
                 [["STT", "Nhiệm vụ", "Chủ trì"], ["II. HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH", "", ""]], id="title-in-the-first-column-cut-is-joined"),
    pytest.param([Cell("II. THỂ CHẾ", 1, 0, colspan=3)], [Cell("III. TỔ CHỨC", 0, 0, colspan=3)],
                 [["STT", "Nhiệm vụ", "Chủ trì"], ["II. THỂ CHẾ"], ["III. TỔ CHỨC"]], id="next-group-stays-a-row"),
    pytest.param([Cell("1", 1, 0), Cell("Rà soát", 1, 1), Cell("Sở Tư pháp", 1, 2)],
                 [Cell("", 0, 0), Cell("văn bản", 0, 1), Cell("", 0, 2)],
                 [["STT", "Nhiệm vụ", "Chủ trì"], ["1", "Rà soát văn bản", "Sở Tư pháp"]], id="task-cut-in-lower-case-is-joined"),
    pytest.param([Cell("Xây dựng hạ tầng", 1, 0), Cell("Sở Tư pháp", 1, 1), Cell("", 1, 2)],
                 [Cell("kỹ thuật dự phòng", 0, 0), Cell("", 0, 1), Cell("", 0, 2)],
                 [["STT", "Nhiệm vụ", "Chủ trì"], ["Xây dựng hạ tầng kỹ thuật dự phòng", "Sở Tư pháp", ""]],
                 id="first-cell-going-on-in-lower-case-is-joined"),
    pytest.param([Cell("1", 1, 0), Cell("Rà soát", 1, 1), Cell("Sở Tư pháp", 1, 2)],
                 [Cell("2", 0, 0), Cell("Kiểm tra", 0, 1), Cell("Sở Nội vụ", 0, 2)],
                 [["STT", "Nhiệm vụ", "Chủ trì"], ["1", "Rà soát", "Sở Tư pháp"], ["2", "Kiểm tra", "Sở Nội vụ"]], id="next-task-stays-a-row"),
])
def test_rows_cut_by_a_page_break(last_row, next_rows, expected):
    joined = join_tables(Table(tuple(HEAD + last_row), page=1), Table(tuple(next_rows), page=2))
    assert [[c.text for c in joined.row(r)] for r in range(joined.n_rows)] == expected


@given(st.lists(st.tuples(st.text(alphabet="abcđẾ/-", min_size=1, max_size=6), st.floats(0, 20)), max_size=12))
def test_spacing_repair_keeps_every_letter_in_order(pieces):
    words, x = [], 0.0
    for text, gap in pieces:
        words.append(Word(text, x, 0, x + 6 * len(text), 12, size=12))
        x = words[-1].x1 + gap
    assert "".join(w.text for w in join_spaced_letters(words)) == "".join(t for t, _ in pieces)


# --------------------------------------------------------------------------------------------
# PDFs printed by LibreOffice from .docx: same blocks as read_docx of the same file
# --------------------------------------------------------------------------------------------

def test_libreoffice_table_matches_docx():
    made = docx.Document()
    made.add_paragraph("KẾ HOẠCH")
    table = made.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, row in enumerate([("STT", "Nhiệm vụ", "Cơ quan chủ trì"), ("1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp"),
                             ("2", "Kiểm tra công tác cải cách hành chính", "Sở Nội vụ")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    made.save(buffer)
    want = read_docx(buffer.getvalue())
    got = read_pdf(to_pdf(made))
    assert [fold(b.text) for b in got.paragraphs] == [fold(b.text) for b in want.paragraphs]
    [got_table], [want_table] = got.tables, want.tables
    assert [(fold(c.text), c.row, c.col) for c in got_table.cells] == [(fold(c.text), c.row, c.col) for c in want_table.cells]


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------

def _corpus(name: str) -> bytes:
    need_shared(CORPUS / name)
    return (CORPUS / name).read_bytes()


def _task_table(doc) -> Table:
    return max(doc.tables, key=lambda t: t.n_rows)


def test_corpus_pdf_task_table_matches_docx():
    pdf = read_pdf(_corpus("lamdong_KH_CCHC_2026-2030.pdf"))
    word_doc = read_docx(_corpus("lamdong_KH_CCHC_2026-2030.docx"))
    got, want = _task_table(pdf), _task_table(word_doc)
    assert pdf.pages == 30 and pdf.source_format == "pdf"
    assert [(fold(c.text), c.row, c.col, c.rowspan, c.colspan) for c in got.cells] == \
           [(fold(c.text), c.row, c.col, c.rowspan, c.colspan) for c in want.cells]


def test_corpus_pdf_paragraphs_match_docx_before_the_table():
    pdf = read_pdf(_corpus("lamdong_KH_CCHC_2026-2030.pdf"))
    word_doc = read_docx(_corpus("lamdong_KH_CCHC_2026-2030.docx"))
    got = [fold(p.text) for p in pdf.paragraphs[:40]]
    want = [fold(p.text) for p in word_doc.paragraphs[:40]]
    assert got == want


@pytest.mark.xfail(strict=True, reason="an empty first paragraph in a cell merged across two role columns "
                                       "(Word's way of putting the name under the second role) is invisible on paper")
def test_corpus_merged_role_cell_keeps_its_empty_paragraph():
    pdf = read_pdf(_corpus("lamdong_KH_CCHC_2026-2030.pdf"))
    word_doc = read_docx(_corpus("lamdong_KH_CCHC_2026-2030.docx"))
    assert [c.paragraphs for c in _task_table(pdf).cells] == [c.paragraphs for c in _task_table(word_doc).cells]


@pytest.mark.parametrize("name, number_line, date_line", [
    pytest.param("lamdong_BC329_CCHC_2025.pdf", "Số: 329 /BC-UBND", "ngày 19 tháng 12 năm 2025", id="BC329-signed"),
    pytest.param("BNV_12094_CV_huongdan_2025.pdf", "Số: 12094 /BNV-CCHC", "ngày 15 tháng 12 năm 2025", id="BNV-stamp-above-line"),
])
def test_corpus_signature_stamps_land_in_the_header(name, number_line, date_line):
    doc = read_pdf(_corpus(name))
    header = doc.blocks[0]
    assert isinstance(header, Table)
    assert number_line in header.cells[0].paragraphs
    assert any(date_line in p for p in header.cells[1].paragraphs)


def _image_pdf(pages: int = 1) -> bytes:
    """A PDF of blank page images and no text layer: what a scanner makes."""
    images = [Image.new("L", (1654, 2339), 255) for _ in range(pages)]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=200)
    return out.getvalue()


def _without_tesseract(monkeypatch):
    def missing(data, numbers):
        raise OcrUnavailable("the tesseract program is not on PATH")
    monkeypatch.setattr(pdf_reader, "ocr_pages", missing)


def test_a_scan_without_tesseract_fails_with_the_install_hint(monkeypatch):
    _without_tesseract(monkeypatch)
    with pytest.raises(ToolUnavailable, match="tesseract-ocr tesseract-ocr-vie"):
        read_pdf(_image_pdf())


def test_scanned_pages_without_tesseract_are_skipped_with_a_warning(monkeypatch):
    _without_tesseract(monkeypatch)
    mixed = pdfium.PdfDocument(_corpus("BNV_12094_CV_huongdan_2025.pdf"))
    mixed.import_pages(pdfium.PdfDocument(_image_pdf()))
    out = io.BytesIO()
    mixed.save(out)
    doc = read_pdf(out.getvalue())
    assert doc.pages == 5 and doc.paragraphs
    assert [code for code, _ in doc.warnings] == ["ocr_unavailable"] and "1 of 5 pages" in doc.warnings[0][1]


@pytest.mark.parametrize("degrees", [90, pytest.param(180, marks=pytest.mark.xfail(strict=True, reason=(
    "known gap: on a page shown upside down pdfium orders characters and inserts spaces for the display, so "
    "upright text comes apart into pieces ('C- ác b ộ'); no real plan seen is stored so"))), 270])
def test_a_turned_page_reads_as_the_upright_one(degrees):
    """A page stored turned (its /Rotate set, as a landscape appendix often is) is read as displayed."""
    upright = _corpus("BNV_12094_CV_huongdan_2025.pdf")
    turned = pdfium.PdfDocument(upright)
    for page in turned:
        page.set_rotation(degrees)
    out = io.BytesIO()
    turned.save(out)
    assert [fold(p.text) for p in read_pdf(out.getvalue()).paragraphs] == [fold(p.text) for p in read_pdf(upright).paragraphs]

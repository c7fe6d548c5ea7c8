"""Document metadata from header block, type heading, signature block and appendix caption."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.model import Cell, Document, Paragraph, Table
from parsers.metadata import clean_number, parse_date, parse_metadata, plan_year_and_period


def header(left: list[str], right: list[str]) -> Table:
    return Table((Cell("\n".join(left), 0, 0), Cell("\n".join(right), 0, 1)))


def signature(*lines: str) -> Table:
    return Table((Cell("Nơi nhận:\n- Như trên;", 0, 0), Cell("\n".join(lines), 0, 1)))


MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def kh(head: Table | None = None, *tail, title="Cải cách hành chính năm 2026"):
    """A Kế hoạch with an optional header table, a title, a preamble and the given closing blocks."""
    return Document([*([head] if head else []), Paragraph("KẾ HOẠCH"), Paragraph(title), Paragraph("Căn cứ Luật ..."), *tail], "docx")


@pytest.mark.parametrize("doc, field, expected", [
    pytest.param(kh(header(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND"], [*MOTTO, "Lâm Đồng, ngày 05 tháng 3 năm 2026"])),
                 "issuer", "Ủy ban nhân dân tỉnh Lâm Đồng", id="issuer-two-lines"),
    pytest.param(kh(header(["ỦY BAN NHÂN", "DÂN", "THÀNH PHỐ HÀ NỘI"], MOTTO)), "issuer", "Ủy ban nhân dân thành phố Hà Nội", id="issuer-wrapped"),
    pytest.param(kh(header(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], MOTTO)), "province", "Hà Nội", id="province-city"),
    pytest.param(kh(header(["THỦ TƯỚNG", "CHÍNH PHỦ"], MOTTO)), "issuer", "Thủ tướng Chính phủ", id="issuer-post-wrapped-over-two-lines"),
    pytest.param(kh(header(["BỘ KẾ HOẠCH VÀ ĐẦU TƯ"], MOTTO)), "issuer", "Bộ Kế hoạch và Đầu tư", id="issuer-ministry-from-gazetteer"),
    pytest.param(kh(header(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND"], MOTTO)), "doc_number", "12/KH-UBND", id="number"),
    pytest.param(kh(header(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số:        /KH-UBND"], MOTTO)), "doc_number", None, id="number-blank-draft"),
    pytest.param(kh(header(["UBND TỈNH X", "Số: 329 /BC-UBND"], MOTTO)), "doc_number", "329/BC-UBND", id="number-with-space"),
    pytest.param(kh(header(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], [*MOTTO, "Lâm Đồng, ngày 05 tháng 3 năm 2026"])),
                 "issue_date", dt.date(2026, 3, 5), id="date-words"),
    pytest.param(kh(header(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], [*MOTTO, "Lâm Đồng, ngày      tháng 3 năm 2026"])),
                 "issue_date", None, id="date-blank-day"),
    pytest.param(kh(header(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], MOTTO), signature("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Ngọc Phúc")),
                 "signer_title", "Phó Chủ tịch", id="signer-kt"),
    pytest.param(kh(header(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], MOTTO), signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Việt Dũng")),
                 "signer_name", "Trương Việt Dũng", id="signer-tm-kt"),
    pytest.param(kh(None, Paragraph("CHỦ TỊCH"), Paragraph("TRẦN HỮU THẾ")), "signer_name", "Trần Hữu Thế", id="signer-upper-name"),
    pytest.param(kh(None, signature("TL. BỘ TRƯỞNG", "VỤ TRƯỞNG", "VỤ CẢI CÁCH HÀNH CHÍNH", "Phạm Minh Hùng")),
                 "signer_title", "Vụ trưởng Vụ Cải cách hành chính", id="signer-post-over-two-lines"),
    pytest.param(kh(None, title="Phát động Phong trào thi đua năm 2026"), "title", "Phát động Phong trào thi đua năm 2026", id="title"),
    pytest.param(Document([Paragraph("KẾ HOẠCH"), Paragraph("Phát động thi đua “Đẩy mạnh"), Paragraph("cải cách” năm 2026"),
                           Paragraph("Căn cứ ...")], "docx"), "title", "Phát động thi đua “Đẩy mạnh cải cách” năm 2026", id="title-two-lines"),
    pytest.param(Document([Paragraph("QUYẾT ĐỊNH"), Paragraph("Về việc phê duyệt danh sách"), Paragraph("THỦ TƯỚNG CHÍNH PHỦ")], "docx"),
                 "title", "Về việc phê duyệt danh sách", id="title-stops-at-authority-line"),
    pytest.param(Document([Paragraph("QUYẾT ĐỊNH"), Paragraph("BAN HÀNH KẾ HOẠCH TRIỂN KHAI LUẬT"), Paragraph("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"),
                           Paragraph("Căn cứ Luật ...")], "text"), "title", "BAN HÀNH KẾ HOẠCH TRIỂN KHAI LUẬT", id="upper-title-stops-at-authority-line"),
    pytest.param(Document([Paragraph("KẾ HOẠCH"), Paragraph("Cải cách hành chính tỉnh Phú Yên năm 2021"), Paragraph("Căn cứ ..."),
                           Paragraph("PHỤ LỤC Các nhiệm vụ Ban hành kèm theo Kế hoạch số: 226/KH-UBND ngày 31/12/2020 của UBND tỉnh")], "text"),
                 "doc_number", "226/KH-UBND", id="number-from-appendix-caption"),
    pytest.param(Document([Paragraph("KẾ HOẠCH"), Paragraph("Cải cách hành chính tỉnh Phú Yên năm 2021"), Paragraph("Căn cứ ..."),
                           Paragraph("Ban hành kèm theo Kế hoạch số: 226/KH-UBND ngày 31/12/2020 của UBND tỉnh")], "text"),
                 "issuer", "Ủy ban nhân dân tỉnh Phú Yên", id="issuer-from-caption-and-title-province"),
    pytest.param(Document([Paragraph("KẾ HOẠCH"), Paragraph("Cải cách hành chính tỉnh Phú Yên năm 2021"), Paragraph("Căn cứ ..."),
                           Paragraph("Ban hành kèm theo Kế hoạch số: 226/KH-UBND ngày 31/12/2020 của UBND tỉnh")], "text"),
                 "issue_date", dt.date(2020, 12, 31), id="date-from-appendix-caption"),
    pytest.param(Document([Paragraph("Số: 12/QĐ-UBND"), Paragraph("Ban hành kế hoạch")], "text"), "doc_type", "Quyết định", id="type-from-number"),
    pytest.param(Document([Paragraph("Số: 12094/BNV-CCHC"), Paragraph("V/v hướng dẫn triển khai Đề án"), Paragraph("Kính gửi: Các bộ")], "text"),
                 "title", "V/v hướng dẫn triển khai Đề án", id="letter-subject-is-title"),
])
def test_fields(doc, field, expected):
    assert getattr(parse_metadata(doc), field) == expected


LETTER = Document([header(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 1234/UBND-NC", "V/v triển khai Kế hoạch", "cải cách hành chính năm 2026"],
                          [*MOTTO, "Lâm Đồng, ngày 02 tháng 3 năm 2026"]),
                   Paragraph("Kính gửi: Các sở, ban, ngành"), Paragraph("Thực hiện ...")], "docx")


@pytest.mark.parametrize("field, expected", [
    pytest.param("doc_type", "Công văn", id="type"), pytest.param("title", "V/v triển khai Kế hoạch cải cách hành chính năm 2026", id="title"),
    pytest.param("issuer", "Ủy ban nhân dân tỉnh Lâm Đồng", id="issuer"), pytest.param("doc_number", "1234/UBND-NC", id="number"),
])
def test_letter_with_subject_in_the_header_block(field, expected):
    assert getattr(parse_metadata(LETTER), field) == expected


def test_header_laid_out_with_tab_stops():
    doc = Document([Paragraph("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), Paragraph("TỈNH LÂM ĐỒNG\tĐộc lập - Tự do - Hạnh phúc"),
                    Paragraph("Số: 15/KH-UBND\tLâm Đồng, ngày 09 tháng 01 năm 2026"), Paragraph("KẾ HOẠCH"), Paragraph("Tuyên truyền năm 2026"),
                    Paragraph("Căn cứ ...")], "docx")
    m = parse_metadata(doc)
    assert (m.issuer, m.doc_number, m.issue_date, m.title) == ("Ủy ban nhân dân tỉnh Lâm Đồng", "15/KH-UBND", dt.date(2026, 1, 9), "Tuyên truyền năm 2026")


@pytest.mark.parametrize("authority, issuer", [
    pytest.param("CHÍNH PHỦ", "Chính phủ", id="government"),
    pytest.param("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ", id="prime-minister"),
    pytest.param("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Ủy ban nhân dân tỉnh Lâm Đồng", id="chairman-means-the-committee"),
])
def test_issuer_from_the_authority_line_when_there_is_no_header(authority, issuer):
    doc = Document([Paragraph("NGHỊ QUYẾT"), Paragraph("VỀ PHÁT ĐỘNG PHONG TRÀO"), Paragraph(authority), Paragraph("Căn cứ Luật ...")], "text")
    m = parse_metadata(doc)
    assert (m.issuer, m.title) == (issuer, "VỀ PHÁT ĐỘNG PHONG TRÀO")


def kh_with_stack():
    return kh(header(["BỘ CÔNG AN", "CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI", "Số: 5/KH-C06"], MOTTO))


def test_stacked_header_issuer_is_the_lower_body():
    assert parse_metadata(kh_with_stack()).issuer.startswith("Cục")


@pytest.mark.parametrize("title, year, expected", [
    pytest.param("Cải cách hành chính giai đoạn 2026 - 2030", 2026, (2026, (2026, 2030)), id="period"),
    pytest.param("Phát triển hạ tầng đến năm 2030", 2025, (2030, None), id="horizon-year"),
    pytest.param("Tuyên truyền cải cách hành chính", 2025, (2025, None), id="issue-year"),
    pytest.param(None, None, (None, None), id="nothing"),
])
def test_plan_year(title, year, expected):
    assert plan_year_and_period(title, year) == expected


@pytest.mark.parametrize("raw, expected", [
    pytest.param("226/KH-UBND", "226/KH-UBND", id="plain"), pytest.param("   /KH-UBND", None, id="blank"),
    pytest.param("71/NQ -CP", "71/NQ-CP", id="space-before-dash"), pytest.param("", None, id="empty"),
])
def test_clean_number(raw, expected):
    assert clean_number(raw) == expected


@given(st.text(max_size=60))
def test_any_date_text(text):
    result = parse_date(text)
    assert result is None or isinstance(result, dt.date)


def test_empty_document_gives_empty_metadata():
    m = parse_metadata(Document([], "text"))
    assert (m.doc_type, m.title, m.issuer, m.plan_year) == (None, None, None, None)

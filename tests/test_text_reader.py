"""The .txt/.md reader: tab rows, Markdown pipe rows, the portal one-cell-per-line layout."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.model import Paragraph, Table
from ingest.text import read_text, strip_emphasis


def rows_of(table: Table) -> list[list[str]]:
    return [[c.text for c in table.row(r)] for r in range(table.n_rows)]


def only_table(text: str) -> Table:
    tables = read_text(text.encode()).tables
    assert len(tables) == 1, tables
    return tables[0]


@pytest.mark.parametrize("text, expected", [
    pytest.param("STT\tNội dung\tChủ trì\n1\tLập kế hoạch\tSở Nội vụ\n",
                 [["STT", "Nội dung", "Chủ trì"], ["1", "Lập kế hoạch", "Sở Nội vụ"]], id="tab-rows"),
    pytest.param("STT\tNội dung\t\n1\tA\t\n\n2\tB\t\n",
                 [["STT", "Nội dung", ""], ["1", "A", ""], ["2", "B", ""]], id="tab-rows-across-blank-line-keep-trailing-empty-cells"),
    pytest.param("\tvề thực hiện nhiệm vụ\t\t\n", [["", "về thực hiện nhiệm vụ", "", ""]], id="tab-row-with-leading-empty-cell"),
    pytest.param("| STT | Nội dung |\n|---|---|\n| 1 | Lập kế hoạch |\n",
                 [["STT", "Nội dung"], ["1", "Lập kế hoạch"]], id="markdown-pipe-rows"),
    pytest.param("|\n**TT**\n|\n**Nội dung**\n|\n**Chủ trì**\n|\n|\n1\n|\nLập kế\nhoạch\n|\nSở Nội vụ\n|\n",
                 [["TT", "Nội dung", "Chủ trì"], ["1", "Lập kế\nhoạch", "Sở Nội vụ"]], id="portal-cells"),
    pytest.param("|\nTT\n|\nNội dung\n|\nChủ trì\n|\n|\n1\n|\nA\n|\n|\n|\n2\n|\nB\n|\nC\n|\n",
                 [["TT", "Nội dung", "Chủ trì"], ["1", "A", ""], ["2", "B", "C"]], id="portal-empty-last-cell"),
    pytest.param("|\nTT\n|\nNội dung\n|\nChủ trì\n|\n|\nI\n|\nNHÓM GIẢI PHÁP\n|\n|\n1\n|\nA\n|\nB\n|\n",
                 [["TT", "Nội dung", "Chủ trì"], ["I", "NHÓM GIẢI PHÁP"], ["1", "A", "B"]], id="portal-short-group-row"),
    pytest.param("|\nTT\n|\nNội dung\n|\nChủ trì\n|\nThời gian\n|\n|\n1\n|\nA\n|\n|\nQuý I\n|\n",
                 [["TT", "Nội dung", "Chủ trì", "Thời gian"], ["1", "A", "", "Quý I"]], id="portal-empty-middle-cell"),
])
def test_tables(text, expected):
    assert rows_of(only_table(text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("**KẾ HOẠCH**\n\nCải cách hành chính", [("KẾ HOẠCH", True), ("Cải cách hành chính", False)], id="bold-heading"),
    pytest.param("Dòng một\nDòng hai\n", [("Dòng một", False), ("Dòng hai", False)], id="export-one-paragraph-a-line"),
    pytest.param("Bạn Chưa Đăng Nhập Thành Viên!\n\nKẾ HOẠCH", [("KẾ HOẠCH", False)], id="portal-banner-dropped"),
    pytest.param("ỦY BAN\n--------\n", [("ỦY BAN", False)], id="decoration-rule-dropped"),
    pytest.param("PHỤ LỤC**Các nhiệm vụ***Ban hành kèm theo*", [("PHỤ LỤC Các nhiệm vụ Ban hành kèm theo", False)], id="glued-emphasis-keeps-space"),
])
def test_paragraphs(text, expected):
    assert [(p.text, p.bold) for p in read_text(text.encode()).paragraphs] == expected


def test_hard_wrapped_portal_paragraphs_are_joined():
    line = "chữ " * 18
    text = f"Căn cứ Nghị quyết số\n{line}\n{line}\n{line}\nhết.\n\n" * 3
    paragraphs = read_text(text.encode()).paragraphs
    assert len(paragraphs) == 3
    assert paragraphs[0].text.startswith("Căn cứ Nghị quyết số chữ chữ") and paragraphs[0].text.endswith("hết.")


@pytest.mark.parametrize("raw, expected", [
    pytest.param("Ho\u0300a".encode(), "Hòa", id="nfd-to-nfc"),
    pytest.param("Hòa".encode("utf-8-sig"), "Hòa", id="utf8-bom"),
    pytest.param("Hòa".encode("utf-16"), "Hòa", id="utf16-bom"),
    pytest.param("Hòa\r\n".encode(), "Hòa", id="crlf"),
])
def test_decoding(raw, expected):
    assert read_text(raw).paragraphs[0].text == expected


def test_strip_emphasis_reports_bold():
    assert strip_emphasis("** II**") == ("II", True)


@given(st.text(alphabet=st.sampled_from(list("ab |\t\n*-Ệệ1I.")), max_size=200))
def test_any_text_reads(text):
    doc = read_text(text.encode())
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            assert block.text and block.text == block.text.strip()
        else:
            assert block.n_rows >= 1 and all(c.row < block.n_rows for c in block.cells)


def test_lone_markdown_rule_is_no_table():
    assert read_text(b"|--|--|").blocks == []


@pytest.mark.parametrize("text, tables", [
    pytest.param("|\nA\n|\nB\n|\n**PHỤ LỤC II**\nDANH MỤC\n|\nTT\n|\nNội dung\n|\n", [[["A", "B"]], [["TT", "Nội dung"]]],
                 id="appendix-caption-right-after-a-table"),
    pytest.param("|\nKính gửi:\n|\nCác sở\n|\nThủ tướng đã ban hành\nKế hoạch.\n\nĐề nghị các sở thực hiện.\n", [[["Kính gửi:", "Các sở"]]],
                 id="body-text-right-after-a-table"),
    pytest.param("|\nTT\n|\nNội dung\n|\nGhi chú\n|\n|\nI\n|\nNHÓM\n|\n** **\n|\n|\n1\n|\nA\n|\nB\n|\n",
                 [[["TT", "Nội dung", "Ghi chú"], ["I", "NHÓM", ""], ["1", "A", "B"]]], id="empty-bold-cell-stays-in-the-table"),
])
def test_portal_table_ends(text, tables):
    assert [rows_of(t) for t in read_text(text.encode()).tables] == tables


def test_portal_sub_group_rows_are_not_joined():
    """Two short group rows in a row ("III.1 | title", "III.1.1 | title") stay two rows."""
    text = "|\nTT\n|\nNội dung\n|\nChủ trì\n|\nThời gian\n|\nSản phẩm\n|\n|\nIII.1\n|\nNhóm A\n|\n|\n*III.1.1*\n|\nNhóm B\n|\n|\n1\n|\nX\n|\nY\n|\nZ\n|\nW\n|\n"
    assert rows_of(only_table(text))[1:3] == [["III.1", "Nhóm A"], ["III.1.1", "Nhóm B"]]

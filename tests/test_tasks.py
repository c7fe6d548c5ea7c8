"""Task tables: column mapping by header meaning and the reading of group/task/continuation rows."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.model import Cell, Table
from parsers.tasks import header_role, map_columns, read_task_rows


def grid_table(rows: list[list[str]]) -> Table:
    return Table(tuple(Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)))


def tasks_of(table: Table):
    columns = map_columns(table)
    assert columns.is_task_table
    return read_task_rows(table, columns)


@pytest.mark.parametrize("header, role", [
    pytest.param("STT", "stt", id="stt"), pytest.param("TT", "stt", id="tt"),
    pytest.param("Nội dung, nhiệm vụ", "task", id="task-content"), pytest.param("NHIỆM VỤ VÀ GIẢI PHÁP", "task", id="task-upper"),
    pytest.param("Cơ quan chủ trì", "lead", id="lead"), pytest.param("Đơn vị thực hiện", "lead", id="lead-unit"),
    pytest.param("Trách nhiệm\nthực hiện", "lead", id="lead-responsibility-alone"),
    pytest.param("Phối hợp thực hiện", "coordinate", id="coordinate"),
    pytest.param("Theo dõi, kiểm tra, đôn đốc", "monitor", id="monitor"),
    pytest.param("Kết quả thực hiện", "output", id="output-result"), pytest.param("Sản phẩm", "output", id="output-product"),
    pytest.param("Thời gian hoàn thành", "deadline", id="deadline"), pytest.param("Thời gian (Năm 2026)", "deadline", id="deadline-year"),
    pytest.param("Ghi chú", None, id="notes-none"), pytest.param("ĐIỂM CHUẨN", None, id="score-none"),
])
def test_header_roles(header, role):
    assert header_role(header) == role


@pytest.mark.parametrize("rows, is_task", [
    pytest.param([["STT", "Nhiệm vụ", "Chủ trì"], ["1", "A", "Sở Nội vụ"]], True, id="task+lead"),
    pytest.param([["STT", "Nhiệm vụ", "Thời hạn"], ["1", "A", "2026"]], True, id="task+deadline"),
    pytest.param([["STT", "Nội dung", "Sản phẩm"], ["1", "A", "B"]], True, id="task+output"),
    pytest.param([["STT", "TIÊU CHÍ THI ĐUA", "ĐIỂM CHUẨN"], ["1", "A", "20"]], False, id="scoring-table"),
    pytest.param([["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"], ["1", "A", "%", "5"]], False, id="statistics-table"),
    pytest.param([["ỦY BAN NHÂN DÂN TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Số: 1/KH-UBND", "ngày"]], False, id="header-block"),
    pytest.param([["Nội dung", "Đơn vị tính"], ["A", "%"]], False, id="task-column-alone"),
    pytest.param([["STT", "Nội dung", "Kinh phí (triệu đồng)", "Đơn vị thực hiện"], ["1", "A", "500", "Sở Y tế"]], False, id="budget-table"),
    pytest.param([["STT", "Nội dung", "Kinh phí", "Chủ trì", "Thời gian"], ["1", "A", "500", "Sở Y tế", "2026"]], True, id="task-table-with-budget"),
])
def test_which_tables_are_task_tables(rows, is_task):
    assert map_columns(grid_table(rows)).is_task_table is is_task


def test_columns_in_any_order_and_two_header_rows():
    table = grid_table([
        ["Thời gian", "Nội dung, nhiệm vụ", "Trách nhiệm thực hiện", "", "STT"],
        ["", "", "Cơ quan chủ trì", "Cơ quan phối hợp", ""],
        ["Quý I/2026", "Lập kế hoạch", "Sở Nội vụ", "Sở Tài chính", "1"],
    ])
    columns = map_columns(table)
    assert columns.header_rows == 2
    assert columns.roles == {"deadline": 0, "task": 1, "lead": 2, "coordinate": 3, "stt": 4}
    [task] = read_task_rows(table, columns)
    assert (task.stt, task.content, task.raw["lead"], task.raw["coordinate"]) == ("1", "Lập kế hoạch", ["Sở Nội vụ"], ["Sở Tài chính"])


def test_header_year_is_read():
    assert map_columns(grid_table([["TT", "Nội dung", "Thời gian\n(Năm 2026)"], ["1", "A", "ngày 9 tháng 1"]])).deadline_year == 2026


HEADER = ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời hạn"]


@pytest.mark.parametrize("rows, expected", [
    pytest.param([["I", "Nội dung: Thể chế", "", "", "", ""], ["1", "A", "X", "Y", "P", "Q"]],
                 [("1", "I", "Thể chế", "A", [("P", "Q")])], id="group-row-drops-noi-dung"),
    pytest.param([["II Nội dung: Thủ tục", "", "", "", "", ""], ["1", "A", "X", "", "", ""]],
                 [("1", "II", "Thủ tục", "A", [(None, None)])], id="group-label-and-title-in-one-cell"),
    pytest.param([["III", "NHÓM ỨNG DỤNG", "", "", "", ""], ["III.1", "Nhóm nền tảng", "", "", "", ""], ["1", "A", "X", "", "", ""]],
                 [("1", "III.1", "Nhóm nền tảng", "A", [(None, None)])], id="sub-group-row"),
    pytest.param([["A", "KHỐI TỈNH"], ["1", "A", "X", "", "", ""]],
                 [("1", "A", "KHỐI TỈNH", "A", [(None, None)])], id="group-capital-letter-short-row"),
    pytest.param([["1", "A", "X", "Y", "P1", "Năm 2021"], ["", "", "", "", "P2", ""]],
                 [("1", None, None, "A", [("P1", "Năm 2021"), ("P2", "Năm 2021")])], id="continuation-output-repeats-deadline"),
    pytest.param([["1", "A", "X", "Y", "P1", "Q1"], ["", "tiếp theo", "", "", "", ""]],
                 [("1", None, None, "A tiếp theo", [("P1", "Q1")])], id="continuation-content-only"),
    pytest.param([["1", "A", "X", "", "P", "Q"], ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời hạn"], ["2", "B", "X", "", "P", "Q"]],
                 [("1", None, None, "A", [("P", "Q")]), ("2", None, None, "B", [("P", "Q")])], id="repeated-header-dropped"),
    pytest.param([["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], ["1", "A", "X", "", "P", "Q"]],
                 [("1", None, None, "A", [("P", "Q")])], id="column-number-row-dropped"),
    pytest.param([["1.", "A", "X", "", "", ""], ["09", "B", "X", "", "", ""]],
                 [("1", None, None, "A", [(None, None)]), ("09", None, None, "B", [(None, None)])], id="stt-as-printed"),
])
def test_rows(rows, expected):
    got = tasks_of(grid_table([HEADER, *rows]))
    assert [(t.stt, t.group_label, t.group_title, t.content, [(o.text, o.deadline_raw) for o in t.outputs]) for t in got] == expected


def test_continuation_row_adds_agencies_without_duplicates():
    [task] = tasks_of(grid_table([HEADER, ["1", "A", "Sở Nội vụ", "Sở Tư pháp", "P1", "Q1"], ["", "", "Các cơ quan", "Sở Tư pháp", "P2", "Q2"]]))
    assert task.raw["lead"] == ["Sở Nội vụ", "Các cơ quan"]
    assert task.raw["coordinate"] == ["Sở Tư pháp"]


def test_vertical_merge_cells():
    """STT and content merged over two rows (Word vMerge): the second row continues the task."""
    cells = (Cell("STT", 0, 0), Cell("Nội dung", 0, 1), Cell("Sản phẩm", 0, 2), Cell("Thời hạn", 0, 3),
             Cell("1", 1, 0, rowspan=2), Cell("A", 1, 1, rowspan=2), Cell("P1", 1, 2), Cell("Q1", 1, 3),
             Cell("P2", 2, 2), Cell("Q2", 2, 3))
    [task] = tasks_of(Table(cells))
    assert task.content == "A" and [(o.text, o.deadline_raw) for o in task.outputs] == [("P1", "Q1"), ("P2", "Q2")]


@pytest.mark.parametrize("paragraphs, lead, coordinate", [
    pytest.param(("Theo phân công tại Quyết định số 1441/QĐ-UBND",), ["Theo phân công tại Quyết định số 1441/QĐ-UBND"], [], id="merged-phrase-to-first-column"),
    pytest.param(("", "Sở Nội vụ"), [], ["Sở Nội vụ"], id="merged-one-paragraph-per-column"),
])
def test_cell_merged_across_agency_columns(paragraphs, lead, coordinate):
    cells = (Cell("STT", 0, 0), Cell("Nhiệm vụ", 0, 1), Cell("Chủ trì", 0, 2), Cell("Phối hợp", 0, 3),
             Cell("1", 1, 0), Cell("A", 1, 1), Cell("\n".join(paragraphs), 1, 2, colspan=2, paragraphs=paragraphs))
    [task] = tasks_of(Table(cells))
    assert (task.raw["lead"], task.raw["coordinate"]) == (lead, coordinate)


@given(st.lists(st.lists(st.sampled_from(["", "1", "I", "A", "Sở Nội vụ", "Quý I/2026", "x y"]), min_size=4, max_size=4), max_size=12))
def test_any_rows_give_consistent_tasks(rows):
    tasks = read_task_rows(grid_table([["STT", "Nội dung", "Chủ trì", "Thời hạn"], *rows]), map_columns(grid_table([["STT", "Nội dung", "Chủ trì", "Thời hạn"]])))
    assert [t.seq for t in tasks] == list(range(1, len(tasks) + 1))
    assert all(t.outputs and t.first_row <= t.last_row for t in tasks)


def test_portal_two_row_header_is_realigned():
    """A portal copy packs a two-row header to the left; the sub-headers go under 'Trách nhiệm thực hiện'."""
    from ingest.text import read_text

    cells = ["STT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian", None, "Chủ trì", "Phối hợp", None,
             "1", "Lập kế hoạch", "Sở Nội vụ", "Sở Tài chính", "Quý I/2026", None, "2", "Rà soát", "Sở Tư pháp", "", "2026"]
    text = "|\n" + "".join("|\n" if c is None else (f"{c}\n|\n" if c else "|\n") for c in cells)
    [table] = read_text(text.encode()).tables
    columns = map_columns(table)
    assert columns.roles == {"stt": 0, "task": 1, "lead": 2, "coordinate": 3, "deadline": 4}
    tasks = read_task_rows(table, columns)
    assert [(t.stt, t.raw["lead"], t.raw["coordinate"], t.outputs[0].deadline_raw) for t in tasks] == [
        ("1", ["Sở Nội vụ"], ["Sở Tài chính"], "Quý I/2026"), ("2", ["Sở Tư pháp"], [], "2026")]


@pytest.mark.parametrize("second, joined", [
    pytest.param([["2", "B", "Sở Tư pháp"]], True, id="headerless-continuation"),
    pytest.param([["STT", "Nhiệm vụ", "Chủ trì"], ["2", "B", "Sở Tư pháp"]], True, id="repeated-header-continuation"),
    pytest.param([["STT", "Nhiệm vụ", "Thời hạn"], ["2", "B", "2026"]], False, id="other-header-is-another-table"),
    pytest.param([["2", "B"]], False, id="other-width-is-another-table"),
])
def test_table_continued_after_a_page_break(second, joined):
    from parsers.tasks import task_tables

    first = grid_table([["STT", "Nhiệm vụ", "Chủ trì"], ["I", "Nhóm", ""], ["1", "A", "Sở Nội vụ"]])
    found = task_tables([first, grid_table(second)])
    tasks = [t for _, table, columns in found for t in read_task_rows(table, columns)]
    if joined:
        assert len(found) == 1 and [(t.seq, t.stt, t.group_label) for t in tasks] == [(1, "1", "I"), (2, "2", "I")]
    else:
        assert tasks[0].stt == "1" and (len(found) == 2) is bool(map_columns(grid_table(second)).is_task_table)


def test_paragraph_between_tables_keeps_them_apart():
    from ingest.model import Paragraph
    from parsers.tasks import task_tables

    table = grid_table([["TT", "Nội dung", "Thời gian"], ["1", "A", "2026"]])
    assert len(task_tables([table, Paragraph("b) Đối với xã"), grid_table([["TT", "Nội dung", "Thời gian"], ["1", "B", "2026"]])])) == 2


def test_text_layout_row_that_lost_its_merged_number_continues_the_task():
    """A portal copy drops the STT cell merged down from the row above: [content, lead] only."""
    rows = [["STT", "Nội dung", "Chủ trì", "Thời gian"], ["1", "Xây dựng hạ tầng", "Sở Tài chính", "Quý IV/2026"],
            ["Xây dựng hạ tầng dự phòng", "Trung tâm Chuyển đổi số"], ["2", "Đầu tư thiết bị", "Sở Tài chính", "2026"]]
    tasks = tasks_of(grid_table(rows))
    assert [(t.stt, t.content, t.raw["lead"]) for t in tasks] == [
        ("1", "Xây dựng hạ tầng Xây dựng hạ tầng dự phòng", ["Sở Tài chính", "Trung tâm Chuyển đổi số"]),
        ("2", "Đầu tư thiết bị", ["Sở Tài chính"])]


def test_group_row_with_title_in_the_number_cell_is_not_shifted():
    rows = [["STT", "Nội dung", "Chủ trì", "Thời gian"], ["I. NÂNG CAO NHẬN THỨC"], ["1", "Triển khai", "Sở Nội vụ", "2026"]]
    [task] = tasks_of(grid_table(rows))
    assert (task.group_label, task.group_title, task.content) == ("I", "NÂNG CAO NHẬN THỨC", "Triển khai")


@pytest.mark.parametrize("rows, expected", [
    pytest.param([["1", "Lập kế hoạch", "Sở Nội vụ", "Sở Tư pháp", "Quý I/2026"], ["2", "Rà soát", "Các sở, ban, ngành", "Quý II/2026"]],
                 [("1", ["Sở Nội vụ"], ["Sở Tư pháp"], "Quý I/2026"), ("2", ["Sở Nội vụ"], ["Các sở, ban, ngành"], "Quý II/2026")],
                 id="lead-merged-over-two-tasks"),
    pytest.param([["1", "Lập kế hoạch", "Sở Nội vụ", "Sở Tư pháp", "Quý I/2026"], ["2", "Rà soát", "Sở Tài chính", "Sở Tư pháp"]],
                 [("1", ["Sở Nội vụ"], ["Sở Tư pháp"], "Quý I/2026"), ("2", ["Sở Tài chính"], ["Sở Tư pháp"], "Quý I/2026")],
                 id="deadline-merged-over-two-tasks"),
    pytest.param([["1", "Phong trào", "Bộ Nông nghiệp và Môi trường", "Các bộ, ngành", "2025"],
                  ["UBND các tỉnh, thành phố trực thuộc trung ương", "Đài Truyền hình Việt Nam"]],
                 [("1", ["Bộ Nông nghiệp và Môi trường", "UBND các tỉnh, thành phố trực thuộc trung ương"],
                   ["Các bộ, ngành", "Đài Truyền hình Việt Nam"], "2025")], id="number-and-content-merged"),
])
def test_text_layout_rows_that_lost_merged_cells(rows, expected):
    table = grid_table([["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"], *rows])
    assert [(t.stt, t.raw["lead"], t.raw["coordinate"], t.outputs[-1].deadline_raw) for t in tasks_of(table)] == expected


def test_word_group_row_merged_across_the_whole_table():
    cells = (Cell("STT", 0, 0), Cell("Nhiệm vụ", 0, 1), Cell("Chủ trì", 0, 2), Cell("Thời hạn", 0, 3),
             Cell("I. CẢI CÁCH THỂ CHẾ", 1, 0, colspan=4), Cell("1", 2, 0), Cell("A", 2, 1), Cell("Sở Tư pháp", 2, 2), Cell("2026", 2, 3))
    [task] = tasks_of(Table(cells))
    assert (task.group_label, task.group_title, task.stt, task.raw["lead"]) == ("I", "CẢI CÁCH THỂ CHẾ", "1", ["Sở Tư pháp"])


def _group_row(label: str, title: str) -> list[str]:
    return [label, title, "", "", "", ""]


def _task_row(stt: str) -> list[str]:
    return [stt, f"Nhiệm vụ {stt}", "Sở Nội vụ", "", "", ""]


@pytest.mark.parametrize("labels, expected", [
    pytest.param(["I", "H"], [("I", None), ("II", "H")], id="H-after-I-is-II"),
    pytest.param(["I", "II", "HI"], [("I", None), ("II", None), ("III", "HI")], id="HI-after-II-is-III"),
    pytest.param(["VI", "VH"], [("VI", None), ("VII", "VH")], id="VH-after-VI-is-VII"),
    pytest.param(["IV", "M"], [("IV", None), ("V", "M")], id="M-after-IV-is-V"),
    pytest.param(["III.2", "IV"], [("III.2", None), ("IV", None)], id="numeral-after-sub-group-untouched"),
    pytest.param(["H"], [("H", None)], id="first-group-letter-untouched"),
    pytest.param(["G", "H"], [("G", None), ("H", None)], id="letter-sequence-untouched"),
    pytest.param(["I", "III"], [("I", None), ("III", None)], id="valid-numeral-out-of-sequence-untouched"),
    pytest.param(["II", "H"], [("II", None), ("H", None)], id="H-is-no-misreading-of-III"),
    pytest.param(["I", "II", "II", "IV"], [("I", None), ("II", None), ("III", "II"), ("IV", None)], id="II-between-II-and-IV-is-III"),
    pytest.param(["I", "II", "II"], [("I", None), ("II", None), ("II", None)], id="repeated-last-numeral-untouched"),
    pytest.param(["I", "II", "II", "III"], [("I", None), ("II", None), ("II", None), ("III", None)], id="repeated-numeral-before-its-next-untouched"),
])
def test_group_labels_misread_by_ocr(labels, expected):
    rows = [row for k, label in enumerate(labels) for row in (_group_row(label, f"Nhóm {k}"), _task_row("1"))]
    got = tasks_of(grid_table([HEADER, *rows]))
    assert [(t.group_label, t.group_label_read_as) for t in got] == expected
    assert [t.group_title for t in got] == [f"Nhóm {k}" for k in range(len(labels))]


@pytest.mark.parametrize("first_row, expected", [
    pytest.param(["1", "CẢI CÁCH THỂ CHẾ", "", "", "", ""], [("I", "1")], id="1-above-a-title-in-capitals-is-group-I"),
    pytest.param(["1", "Rà soát văn bản", "", "", "", ""], [(None, None), (None, None)], id="1-above-a-task-is-a-task"),
])
def test_first_group_numeral_read_as_a_stroke(first_row, expected):
    got = tasks_of(grid_table([HEADER, first_row, _task_row("1")]))
    assert [(t.group_label, t.group_label_read_as) for t in got] == expected


def test_misread_group_label_gives_one_diagnostic_per_group():
    from ingest.model import Document
    from parsers.rows import document_rows

    table = grid_table([HEADER, _group_row("I", "Thể chế"), _task_row("1"), _group_row("H", "Thủ tục"), _task_row("1"), _task_row("2")])
    rows = document_rows(Document([table], "pdf"), "d1", "scan.pdf", "pdf")
    assert [t["group_label"] for t in rows["tasks"]] == ["I", "II", "II"]
    assert [d["message"] for d in rows["diagnostics"] if d["code"] == "group_label_misread"] == [
        "Table 1: group label read as 'H' is taken as 'II', the numeral the groups around it call for (OCR misreads bold serif numerals)"]

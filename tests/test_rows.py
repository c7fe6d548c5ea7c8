"""The structure stage: one document's rows across tables (ids, references, agencies)."""
from __future__ import annotations

from ingest.model import Document, Paragraph
from ingest.text import read_text
from parsers.rows import agency_id_of, document_rows
from parsers.agencies import parse_agencies


def test_references_keep_the_body_spelling_over_a_capitalised_title():
    doc = Document([Paragraph("QUYẾT ĐỊNH"), Paragraph("TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02/01/2025"),
                    Paragraph("Căn cứ Quyết định số 06/QĐ-TTg ngày 02/01/2025 của Thủ tướng Chính phủ;")], "text")
    [ref] = document_rows(doc, "d", "x.txt", "text")["references"]
    assert (ref["ref_number"], ref["mentions"], ref["ref_seq"]) == ("06/QĐ-TTg", 2, 1)


def test_own_number_is_not_a_reference():
    doc = read_text("Số: 226/KH-UBND\n\nKẾ HOẠCH\nCải cách năm 2021\n\nCăn cứ Kế hoạch số 226/KH-UBND và Nghị định số 1/2020/NĐ-CP.\n".encode())
    assert [r["ref_number"] for r in document_rows(doc, "d", "x.txt", "text")["references"]] == ["1/2020/NĐ-CP"]


def test_agency_ids_are_scoped_by_province_for_local_bodies():
    [local] = parse_agencies("Sở Nội vụ")
    [central] = parse_agencies("Bộ Nội vụ")
    assert agency_id_of(local, "Phú Yên")[0] != agency_id_of(local, "Lâm Đồng")[0]
    assert agency_id_of(central, "Phú Yên")[0] == agency_id_of(central, "Lâm Đồng")[0]
    [spelled] = parse_agencies("Sở TT&TT")
    assert agency_id_of(spelled, "Phú Yên")[0] == agency_id_of(parse_agencies("Sở Thông tin và Truyền thông")[0], "Phú Yên")[0]


def test_one_task_row_per_task_and_ids_are_stable():
    text = "KẾ HOẠCH\nCải cách năm 2021\n\nSTT\tNhiệm vụ\tChủ trì\tThời hạn\n1\tA\tSở Nội vụ; Sở Tư pháp\tQuý I\n2\tB\tUBND cấp huyện, cấp xã\t2021\n"
    first = document_rows(read_text(text.encode()), "d", "x.txt", "text")
    again = document_rows(read_text(text.encode()), "d", "x.txt", "text")
    assert first == again
    assert [t["task_id"] for t in first["tasks"]] == ["d-t1-001", "d-t1-002"]
    assert [(a["task_id"][-3:], a["mention"]) for a in first["task_agencies"]] == [
        ("001", "Sở Nội vụ"), ("001", "Sở Tư pháp"), ("002", "UBND cấp huyện"), ("002", "cấp xã")]
    [q1] = [d for d in first["deadlines"] if d["task_id"] == "d-t1-001"]
    assert (q1["kind"], q1["start"].isoformat(), q1["value"]) == ("quarter", "2021-01-01", "2021-Q1")


def test_cells_without_a_known_agency_are_reported():
    text = ("KẾ HOẠCH\nCải cách năm 2021\n\nSTT\tNhiệm vụ\tChủ trì\tThời hạn\nI\tThể chế\t\t\n"
            "1\tA\tTheo phân công tại Quyết định số 5/QĐ-UBND\tKhi có yêu cầu đặc biệt của cấp trên\n")
    rows = document_rows(read_text(text.encode()), "d", "x.txt", "text")
    codes = {(d["code"], d["message"].split(":")[0]) for d in rows["diagnostics"]}
    assert ("no_agency_in_cell", "Task I.1") in codes
    assert not rows.get("task_agencies")

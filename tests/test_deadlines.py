"""Tests for parsers/deadlines/ and its vocabulary parsers/data/deadlines.yaml (CONVENTIONS §4)."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parsers import vocab
from parsers.deadlines import KINDS, Deadline, match_key, normalize_cell, parse_deadlines

D = datetime.date
VOCAB = vocab.load("deadlines")
PLAN_YEAR = 2026


def rows(cell, plan_year=PLAN_YEAR, multi_year=False, period=None):
    """(kind, start, end, value) of each row."""
    return [(d.kind, d.start, d.end, d.value)
            for d in parse_deadlines(cell, plan_year, multi_year=multi_year, period=period)]


def kinds(cell, plan_year=PLAN_YEAR, multi_year=False, period=None):
    return [d.kind for d in parse_deadlines(cell, plan_year, multi_year=multi_year, period=period)]


# ---------------------------------------------------------------------------------------------
# The vocabulary, both ways: every entry's examples give its kind, its not_examples do not
# ---------------------------------------------------------------------------------------------

ENTRIES = [(section, entry) for section, entries in VOCAB.items() for entry in entries]
EXAMPLES = [pytest.param(entry, ex, id=f"{section}/{entry['name']}: {ex}")
            for section, entry in ENTRIES for ex in entry.get("examples") or []]
NOT_EXAMPLES = [pytest.param(entry, ex, id=f"{section}/{entry['name']}: not {ex}")
                for section, entry in ENTRIES for ex in entry.get("not_examples") or []]
MULTI_YEAR_EXAMPLES = [pytest.param(entry, ex, id=f"{section}/{entry['name']}: multi-year {ex}")
                       for section, entry in ENTRIES if "multi_year_kind" in entry
                       for ex in entry.get("examples") or []]


def test_every_vocabulary_entry_has_a_kind_and_examples():
    for section, entry in ENTRIES:
        assert entry.get("kind") in KINDS, f"{section}/{entry.get('name')}"
        assert entry.get("examples"), f"{section}/{entry.get('name')} has no examples"
        assert "phrases" in entry, f"{section}/{entry.get('name')} has no phrases"


@pytest.mark.parametrize(("entry", "example"), EXAMPLES)
def test_vocabulary_example_is_recognised(entry, example):
    found = kinds(example)
    assert entry["kind"] in found, f"{example!r} gave {found}"
    if "rows" in entry:
        assert len(found) == entry["rows"], f"{example!r} gave {found}"


@pytest.mark.parametrize(("entry", "example"), NOT_EXAMPLES)
def test_vocabulary_not_example_is_not_recognised(entry, example):
    found = kinds(example)
    assert entry["kind"] not in found, f"{example!r} gave {found}"


@pytest.mark.parametrize(("entry", "example"), MULTI_YEAR_EXAMPLES)
def test_vocabulary_example_in_a_multi_year_plan(entry, example):
    assert kinds(example, multi_year=True, period=(2026, 2030)) == [entry["multi_year_kind"]]


# ---------------------------------------------------------------------------------------------
# Every row of the §4 table and its paragraphs
# ---------------------------------------------------------------------------------------------

CASES = [
    # date
    pytest.param("31/10/2025", 2025, [("date", D(2025, 10, 31), D(2025, 10, 31), "2025-10-31")], id="date-slash"),
    pytest.param("Ngày 15/3/2021", 2021, [("date", D(2021, 3, 15), D(2021, 3, 15), "2021-03-15")], id="date-ngay-slash"),
    pytest.param("ngày 15 tháng 3 năm 2021", 2021, [("date", D(2021, 3, 15), D(2021, 3, 15), "2021-03-15")], id="date-words"),
    pytest.param("ngày 15-3-2021", 2021, [("date", D(2021, 3, 15), D(2021, 3, 15), "2021-03-15")], id="date-dashes"),
    pytest.param("15.3.2021", 2021, [("date", D(2021, 3, 15), D(2021, 3, 15), "2021-03-15")], id="date-dots"),
    pytest.param("Ngày 15 tháng 3", 2026, [("date", D(2026, 3, 15), D(2026, 3, 15), "2026-03-15")], id="date-yearless-plan-year"),
    pytest.param("Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 23 tháng 1", 2026,
                 [("date", D(2026, 1, 23), D(2026, 1, 23), "2026-01-23")], id="date-time-of-day-ignored"),
    pytest.param("8h30 ngày 15/3/2026", 2026, [("date", D(2026, 3, 15), D(2026, 3, 15), "2026-03-15")], id="date-time-h"),
    pytest.param("Đợt 1: 15/3/2026", 2026, [("date", D(2026, 3, 15), D(2026, 3, 15), "2026-03-15")], id="date-colon-is-not-a-clock"),
    pytest.param("Báo cáo kết quả chỉ số 2020 trước ngày 30/6/2026", 2026, [("before", None, D(2026, 6, 30), "2026-06-30")],
                 id="before-a-bare-number-in-words-is-no-year"),
    # before
    pytest.param("Trước ngày 30/11/2025", 2025, [("before", None, D(2025, 11, 30), "2025-11-30")], id="before-date"),
    pytest.param("Chậm nhất ngày 15/12/2021", 2021, [("before", None, D(2021, 12, 15), "2021-12-15")], id="before-at-the-latest"),
    pytest.param("chậm nhất trong tháng 6/2026", 2026, [("before", None, D(2026, 6, 30), "2026-06")], id="before-month-inclusive"),
    pytest.param("Trước năm 2030", 2026, [("before", None, D(2029, 12, 31), "2029")], id="before-year-literal"),
    pytest.param("Đến năm 2030", 2026, [("before", None, D(2030, 12, 31), "2030")], id="before-until-year"),
    pytest.param("Đến hết năm 2025", 2025, [("before", None, D(2025, 12, 31), "2025")], id="before-until-end-of-year"),
    pytest.param("Trước tháng 6/2026", 2026, [("before", None, D(2026, 5, 31), "2026-05")], id="before-month-literal"),
    pytest.param("Trước quý I/2026", 2026, [("before", None, D(2025, 12, 31), "2025-Q4")], id="before-quarter-literal"),
    pytest.param("Trước 30/6", 2026, [("before", None, D(2026, 6, 30), "2026-06-30")], id="before-bare-day-month"),
    pytest.param("Ban hành kế hoạch chậm nhất là ngày 15/4/2026 và tổ chức thực hiện", 2026,
                 [("before", None, D(2026, 4, 15), "2026-04-15")], id="before-with-timeless-clause"),
    pytest.param("Trước ngày 31/01 năm liền kề", 2026, [("before", None, D(2027, 1, 31), "2027-01-31")],
                 id="before-following-year-one-year-plan"),
    # month
    pytest.param("Tháng 12/2020", 2021, [("month", D(2020, 12, 1), D(2020, 12, 31), "2020-12")], id="month-slash"),
    pytest.param("Tháng 01/2021", 2021, [("month", D(2021, 1, 1), D(2021, 1, 31), "2021-01")], id="month-leading-zero"),
    pytest.param("tháng 2 năm 2028", 2028, [("month", D(2028, 2, 1), D(2028, 2, 29), "2028-02")], id="month-leap-february"),
    pytest.param("Tháng 6", 2026, [("month", D(2026, 6, 1), D(2026, 6, 30), "2026-06")], id="month-yearless"),
    pytest.param("12/2025", 2026, [("month", D(2025, 12, 1), D(2025, 12, 31), "2025-12")], id="month-bare"),
    # quarter
    pytest.param("Quý IV/2020", 2021, [("quarter", D(2020, 10, 1), D(2020, 12, 31), "2020-Q4")], id="quarter-roman-slash"),
    pytest.param("Quý III năm 2026", 2026, [("quarter", D(2026, 7, 1), D(2026, 9, 30), "2026-Q3")], id="quarter-nam"),
    pytest.param("Quý III Năm 2026", 2030, [("quarter", D(2026, 7, 1), D(2026, 9, 30), "2026-Q3")], id="quarter-capital-nam"),
    pytest.param("Trong quý I năm 2026", 2026, [("quarter", D(2026, 1, 1), D(2026, 3, 31), "2026-Q1")], id="quarter-trong"),
    pytest.param("QUÝ IV/2020", 2021, [("quarter", D(2020, 10, 1), D(2020, 12, 31), "2020-Q4")], id="quarter-upper-case"),
    pytest.param("Qúy II/2021", 2021, [("quarter", D(2021, 4, 1), D(2021, 6, 30), "2021-Q2")], id="quarter-tone-variant"),
    pytest.param("Quý 2/2021", 2021, [("quarter", D(2021, 4, 1), D(2021, 6, 30), "2021-Q2")], id="quarter-arabic"),
    pytest.param("Quý I", 2026, [("quarter", D(2026, 1, 1), D(2026, 3, 31), "2026-Q1")], id="quarter-yearless"),
    pytest.param("Quý I", None, [("quarter", None, None, "XXXX-Q1")], id="quarter-no-year-known"),
    # half
    pytest.param("6 tháng đầu năm 2021", 2021, [("half", D(2021, 1, 1), D(2021, 6, 30), "2021-H1")], id="half-first"),
    pytest.param("6 tháng cuối năm 2021", 2021, [("half", D(2021, 7, 1), D(2021, 12, 31), "2021-H2")], id="half-second"),
    pytest.param("Trong 6 tháng đầu năm", 2026, [("half", D(2026, 1, 1), D(2026, 6, 30), "2026-H1")], id="half-yearless"),
    # year
    pytest.param("Năm 2021", 2021, [("year", D(2021, 1, 1), D(2021, 12, 31), "2021")], id="year-nam"),
    pytest.param("Trong năm 2021", 2021, [("year", D(2021, 1, 1), D(2021, 12, 31), "2021")], id="year-trong-nam"),
    pytest.param("2026", 2035, [("year", D(2026, 1, 1), D(2026, 12, 31), "2026")], id="year-bare"),
    pytest.param("Trong năm", 2026, [("year", D(2026, 1, 1), D(2026, 12, 31), "2026")], id="year-plan-year"),
    # range
    pytest.param("Quý IV/2025 - Quý II/2026", 2026, [("range", D(2025, 10, 1), D(2026, 6, 30), None)], id="range-quarters"),
    pytest.param("Quý IV/2025- Quý II/2026", 2030, [("range", D(2025, 10, 1), D(2026, 6, 30), None)], id="range-quarters-tight-dash"),
    pytest.param("Giai đoạn 2026 - 2030", 2026, [("range", D(2026, 1, 1), D(2030, 12, 31), None)], id="range-giai-doan"),
    pytest.param("2026-2030", 2026, [("range", D(2026, 1, 1), D(2030, 12, 31), None)], id="range-bare-years"),
    pytest.param("2025 - 2035", 2035, [("range", D(2025, 1, 1), D(2035, 12, 31), None)], id="range-bare-years-spaced"),
    pytest.param("Từ năm 2026", 2026, [("range", D(2026, 1, 1), None, None)], id="range-open-end"),
    pytest.param("Bắt đầu thực hiện từ năm 2026", 2026, [("range", D(2026, 1, 1), None, None)], id="range-bat-dau-tu"),
    pytest.param("Sau năm 2028", 2026, [("range", D(2029, 1, 1), None, None)], id="range-after-year"),
    pytest.param("Từ năm 2026 trở đi", 2026, [("range", D(2026, 1, 1), None, None)], id="range-onwards"),
    pytest.param("Từ tháng 3 đến tháng 6/2026", 2026, [("range", D(2026, 3, 1), D(2026, 6, 30), None)], id="range-months-year-shared"),
    pytest.param("Từ ngày 20/11 đến ngày 31/12/2025", 2025, [("range", D(2025, 11, 20), D(2025, 12, 31), None)], id="range-days"),
    pytest.param("Tháng 11/2025 - tháng 02/2026", 2026, [("range", D(2025, 11, 1), D(2026, 2, 28), None)], id="range-months-across-years"),
    pytest.param("Tháng 3-6/2026", 2026, [("range", D(2026, 3, 1), D(2026, 6, 30), None)], id="range-month-list-dash"),
    pytest.param("Hằng năm và giai đoạn", 2026, [("recurring", None, None, None), ("range", None, None, None)],
                 id="range-giai-doan-without-period"),
    # recurring
    pytest.param("Thường xuyên", 2021, [("recurring", None, None, None)], id="recurring-thuong-xuyen"),
    pytest.param("Hằng năm", 2026, [("recurring", None, None, None)], id="recurring-hang-nam"),
    pytest.param("Hàng năm", 2030, [("recurring", None, None, None)], id="recurring-hang-nam-grave"),
    pytest.param("Định kỳ hằng quý", 2026, [("recurring", None, None, None)], id="recurring-quarterly"),
    pytest.param("Thường xuyên, liên tục", 2026, [("recurring", None, None, None)], id="recurring-one-row-for-two-cues"),
    pytest.param("Trước ngày 05 của tháng liền kề", 2026, [("recurring", None, None, None)], id="recurring-monthly-cut-off"),
    pytest.param("Ban hành kế hoạch trong tháng 01 hằng năm và tổ chức thực hiện", 2026,
                 [("recurring", None, None, None)], id="recurring-yearless-month-every-year"),
    pytest.param("Trước ngày 15/12 hằng năm", 2026, [("recurring", None, None, None)], id="recurring-yearless-day-every-year"),
    pytest.param("Thực hiện thường xuyên khi có yêu cầu của bộ, ngành Trung ương.", 2026,
                 [("recurring", None, None, None)], id="recurring-beats-event"),
    # relative
    pytest.param("Ngay sau khi kết quả chỉ số 2020 được công bố", 2021, [("relative", None, None, None)], id="relative-ngay-sau-khi"),
    pytest.param("Sau khi Trung ương ban hành Chương trình tổng thể CCHC nhà nước 2021-2030", 2021,
                 [("relative", None, None, None)], id="relative-years-in-a-name"),
    pytest.param("Sau 03 tháng kể từ khi có văn bản của Trung ương hoặc Quyết định liên quan của cơ quan có thẩm quyền", 2026,
                 [("relative", None, None, None)], id="relative-duration"),
    pytest.param("Khi có yêu cầu", 2026, [("relative", None, None, None)], id="relative-on-request"),
    # by_reference
    pytest.param("Theo quy định", 2021, [("by_reference", None, None, None)], id="by-reference-rule"),
    pytest.param("Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015 của Chính phủ", 2026,
                 [("by_reference", None, None, None)], id="by-reference-cited-date-is-not-a-deadline"),
    pytest.param("Theo hướng dẫn của Trung ương", 2026, [("by_reference", None, None, None)], id="by-reference-guidance"),
    pytest.param("Theo Kế hoạch rà soát, đánh giá thủ tục hành chính hằng năm của tỉnh", 2026,
                 [("by_reference", None, None, None)], id="by-reference-keeps-its-commas"),
    # unknown
    pytest.param("ngày 31/02/2026", 2026, [("unknown", None, None, None)], id="unknown-invalid-date"),
    pytest.param("31/02", 2026, [("unknown", None, None, None)], id="unknown-invalid-yearless-date"),
    pytest.param("Tháng 13/2026", 2026, [("unknown", None, None, None)], id="unknown-invalid-month"),
    pytest.param("Tháng 6/2026 - Tháng 1/2026", 2026, [("unknown", None, None, None)], id="unknown-backwards-range"),
    pytest.param("Đang triển khai", 2026, [("unknown", None, None, None)], id="unknown-no-time"),
    # several phrases per cell
    pytest.param("Quý I/2021 và Quý III/2021", 2021,
                 [("quarter", D(2021, 1, 1), D(2021, 3, 31), "2021-Q1"), ("quarter", D(2021, 7, 1), D(2021, 9, 30), "2021-Q3")],
                 id="several-va"),
    pytest.param("Trình UBND tỉnh trong tháng 01/2026, ban hành trong tháng 6/2026", 2026,
                 [("month", D(2026, 1, 1), D(2026, 1, 31), "2026-01"), ("month", D(2026, 6, 1), D(2026, 6, 30), "2026-06")],
                 id="several-comma"),
    pytest.param("Thực hiện trong năm 2026; báo cáo trước ngày 15/12/2026", 2026,
                 [("year", D(2026, 1, 1), D(2026, 12, 31), "2026"), ("before", None, D(2026, 12, 15), "2026-12-15")],
                 id="several-semicolon"),
    pytest.param("Quý I và Quý II/2026", 2025,
                 [("quarter", D(2026, 1, 1), D(2026, 3, 31), "2026-Q1"), ("quarter", D(2026, 4, 1), D(2026, 6, 30), "2026-Q2")],
                 id="several-year-shared-from-the-next"),
    pytest.param("Quý I, II/2026", 2025,
                 [("quarter", D(2026, 1, 1), D(2026, 3, 31), "2026-Q1"), ("quarter", D(2026, 4, 1), D(2026, 6, 30), "2026-Q2")],
                 id="several-quarter-numerals"),
    pytest.param("Báo cáo định kỳ theo thời gian quy định; thực hiện hằng năm", 2026,
                 [("by_reference", None, None, None), ("recurring", None, None, None)], id="several-reference-then-recurring"),
    pytest.param("Theo quy định, chậm nhất ngày 15/12/2026", 2026,
                 [("by_reference", None, None, None), ("before", None, D(2026, 12, 15), "2026-12-15")],
                 id="several-reference-then-date"),
    pytest.param("Trước ngày 25/6 và 25/12 hằng năm", 2026,
                 [("recurring", None, None, None), ("recurring", None, None, None)], id="several-every-year-list"),
]


@pytest.mark.parametrize(("cell", "plan_year", "expected"), CASES)
def test_phrase(cell, plan_year, expected):
    assert rows(cell, plan_year) == expected


# The lamdong 2026-2030 plan: a multi-year plan whose period is 2026-2030.
MULTI_YEAR_CASES = [
    pytest.param("Trước ngày 31/01 năm liền kề", [("recurring", None, None, None)], id="multi-following-year-cut-off"),
    pytest.param("Ban hành kế hoạch chậm nhất là ngày 31/12 năm trước liền kề và tổ chức mở lớp theo kế hoạch đề ra.",
                 [("recurring", None, None, None), ("by_reference", None, None, None)], id="multi-previous-year-and-reference"),
    pytest.param("Hằng năm và giai đoạn", [("recurring", None, None, None), ("range", D(2026, 1, 1), D(2030, 12, 31), None)],
                 id="multi-giai-doan-is-the-plan-period"),
    pytest.param("Ban hành kế hoạch trong tháng 01 hằng năm; tổ chức kiểm tra chậm nhất trong tháng 6 hằng năm và báo cáo kết quả "
                 "khắc phục các tồn tại, hạn chế phát hiện qua kiểm tra chậm nhất trong tháng 8 hằng năm",
                 [("recurring", None, None, None)] * 3, id="multi-three-yearly-duties"),
    pytest.param("Năm 2026", [("year", D(2026, 1, 1), D(2026, 12, 31), "2026")], id="multi-explicit-year-stays"),
    pytest.param("Trong quý I năm 2026", [("quarter", D(2026, 1, 1), D(2026, 3, 31), "2026-Q1")], id="multi-explicit-quarter"),
]


@pytest.mark.parametrize(("cell", "expected"), MULTI_YEAR_CASES)
def test_phrase_in_multi_year_plan(cell, expected):
    assert rows(cell, 2026, multi_year=True, period=(2026, 2030)) == expected


RAW_CASES = [
    pytest.param("Ban hành kế hoạch trong tháng 01 hằng năm và tổ chức thực hiện.",
                 ["Ban hành kế hoạch trong tháng 01 hằng năm và tổ chức thực hiện."], id="raw-one-phrase-is-the-whole-cell"),
    pytest.param("Báo cáo định kỳ theo thời gian quy định; thực hiện hằng năm",
                 ["Báo cáo định kỳ theo thời gian quy định", "thực hiện hằng năm"], id="raw-split-at-semicolon"),
    pytest.param("Hằng năm và giai đoạn", ["Hằng năm", "giai đoạn"], id="raw-split-at-va"),
    pytest.param("Ban hành kế hoạch trong tháng 01 hằng năm; tổ chức kiểm tra chậm nhất trong tháng 6 hằng năm và báo cáo kết quả "
                 "khắc phục các tồn tại, hạn chế chậm nhất trong tháng 8 hằng năm",
                 ["Ban hành kế hoạch trong tháng 01 hằng năm", "tổ chức kiểm tra chậm nhất trong tháng 6 hằng năm",
                  "báo cáo kết quả khắc phục các tồn tại, hạn chế chậm nhất trong tháng 8 hằng năm"],
                 id="raw-timeless-clause-joins-the-next"),
    pytest.param("Theo Quyết định số 10/2025/QĐ-UBND, trước 30/6/2026",
                 ["Theo Quyết định số 10/2025/QĐ-UBND", "trước 30/6/2026"], id="raw-keeps-the-document-number"),
    pytest.param("  Quý   IV/2020 \n", ["Quý IV/2020"], id="raw-whitespace-folded"),
    pytest.param("Quy\u0301 IV/2020", ["Quý IV/2020"], id="raw-nfc"),
]


@pytest.mark.parametrize(("cell", "expected"), RAW_CASES)
def test_raw(cell, expected):
    assert [d.raw for d in parse_deadlines(cell, 2026, multi_year=True, period=(2026, 2030))] == expected


@pytest.mark.parametrize("cell", [None, "", "   ", "\n", "-", "…"], ids=["none", "empty", "spaces", "newline", "dash", "ellipsis"])
def test_empty_cell_gives_no_rows(cell):
    assert parse_deadlines(cell, 2026) == []


def test_default_signature_keeps_working():
    assert parse_deadlines("Quý I/2026", 2026) == [Deadline("quarter", D(2026, 1, 1), D(2026, 3, 31), "2026-Q1", "Quý I/2026")]


@pytest.mark.parametrize(("text", "key"), [
    pytest.param("QUÝ", "qúy", id="upper-and-tone"),
    pytest.param("Qúy", "qúy", id="old-placement"),
    pytest.param("hoá", "hóa", id="oa-new-placement"),
    pytest.param("Thuỷ", "thủy", id="uy-new-placement"),
    pytest.param("Hằng", "hằng", id="breve-kept"),
])
def test_match_key(text, key):
    assert match_key(text) == key


# ---------------------------------------------------------------------------------------------
# Known gaps, left on purpose
# ---------------------------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="school year 'năm học' spans Sept-May; read as unknown for now")
def test_school_year_gap():
    assert rows("Năm học 2025-2026") == [("range", D(2025, 9, 1), D(2026, 5, 31), None)]


@pytest.mark.xfail(strict=True, reason="a duration counted from a printed date is kept relative, not computed")
def test_duration_from_a_date_gap():
    assert rows("Trong 30 ngày kể từ ngày 15/3/2026") == [("before", None, D(2026, 4, 14), "2026-04-14")]


@pytest.mark.xfail(strict=True, reason="lunar month names (tháng Giêng, tháng Chạp) are not read")
def test_lunar_month_names_gap():
    assert kinds("Tháng Giêng năm 2026") == ["month"]


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

VIETNAMESE_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
time_words = st.sampled_from(["Quý ", "quý IV", "Tháng ", "tháng 13", "ngày ", "năm ", "Năm 2026", "/", "-", "–", " - ",
                              "Trước ", "Từ ", "đến ", "Sau ", "sau khi", "Theo ", "hằng năm", "giai đoạn", " và ", ", ",
                              "; ", ". ", "giờ", "phút", "h", "liền kề", "2026", "2030", "1999", "31", "02", "9999", "0",
                              "QĐ-UBND", "số 12/2025/NĐ-CP", "6 tháng đầu năm", "trở đi", "I", "II", "(", ")"])
cell_text = st.lists(st.one_of(time_words, st.text(alphabet=VIETNAMESE_ALPHABET + " 0123456789/-.,;", max_size=8)),
                     max_size=12).map("".join)
plan_years = st.one_of(st.none(), st.integers(min_value=-5, max_value=10005))


def _check_invariants(cell, plan_year, multi_year, period):
    result = parse_deadlines(cell, plan_year, multi_year=multi_year, period=period)
    normalized = normalize_cell(cell)
    for d in result:
        assert d.kind in KINDS
        assert d.raw and d.raw in normalized
        if d.start is not None and d.end is not None:
            assert d.start <= d.end
        if d.kind in ("recurring", "relative", "by_reference", "unknown"):
            assert d.start is None and d.end is None
    return result


@settings(max_examples=400, deadline=None)
@given(cell=cell_text, plan_year=plan_years, multi_year=st.booleans(),
       period=st.one_of(st.none(), st.tuples(st.integers(1900, 2100), st.integers(1900, 2100))))
@example(cell="ngày 31/12 năm liền kề", plan_year=9999, multi_year=False, period=None)
@example(cell="Trước quý I/1900 năm", plan_year=0, multi_year=False, period=(2030, 2026))
def test_vocabulary_like_text_keeps_the_invariants(cell, plan_year, multi_year, period):
    _check_invariants(cell, plan_year, multi_year, period)


@settings(max_examples=300, deadline=None)
@given(cell=st.text(max_size=60), plan_year=plan_years)
def test_arbitrary_text_never_raises(cell, plan_year):
    _check_invariants(cell, plan_year, False, None)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)), style=st.sampled_from(["{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}",
       "ngày {d} tháng {m} năm {y}", "Ngày {d}-{m}-{y}"]))
def test_any_real_date_is_read_back(day, style):
    cell = style.format(d=day.day, m=day.month, y=day.year)
    assert rows(cell) == [("date", day, day, day.isoformat())]


@settings(max_examples=100, deadline=None)
@given(year=st.integers(1900, 2099), quarter=st.integers(1, 4), style=st.sampled_from(["Quý {r}/{y}", "QUÝ {r} NĂM {y}", "quý {q}/{y}"]))
def test_any_quarter_is_read_back(year, quarter, style):
    roman = ["I", "II", "III", "IV"][quarter - 1]
    result = rows(style.format(r=roman, q=quarter, y=year))
    assert [(k, v) for k, _, _, v in result] == [("quarter", f"{year}-Q{quarter}")]
    assert result[0][1].month == 3 * quarter - 2 and result[0][2].month == 3 * quarter

"""Sections: labels, levels, run-in headings, body text and where the body ends."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.model import Paragraph
from parsers.sections import heading_of, label_of, parse_sections


def secs(*texts: str):
    return [(s.level, s.label, s.heading) for s in parse_sections([Paragraph(t) for t in texts])]


@pytest.mark.parametrize("text, expected", [
    pytest.param("I. MỤC TIÊU", ("roman", "I", "MỤC TIÊU"), id="roman"),
    pytest.param("XIV. KHÁC", ("roman", "XIV", "KHÁC"), id="roman-long"),
    pytest.param("2. Yêu cầu", ("arabic", "2", "Yêu cầu"), id="arabic"),
    pytest.param("1.2. Rà soát", ("nested", "1.2", "Rà soát"), id="nested"),
    pytest.param("a) Sở Nội vụ", ("letter", "a", "Sở Nội vụ"), id="letter"),
    pytest.param("đ) Tích cực", ("letter", "đ", "Tích cực"), id="letter-d-stroke"),
    pytest.param("- Gạch đầu dòng", None, id="bullet-is-body"),
    pytest.param("2025. Năm", None, id="year-is-not-label"),
    pytest.param("Căn cứ Nghị định", None, id="plain"),
])
def test_labels(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize("rest, heading", [
    pytest.param("Sở Nội vụ: chủ trì, phối hợp", "Sở Nội vụ", id="run-in-lead"),
    pytest.param("Mục tiêu", "Mục tiêu", id="plain-title"),
    pytest.param("Sở Nội vụ có trách nhiệm giúp UBND tỉnh", "Sở Nội vụ có trách nhiệm giúp UBND tỉnh", id="run-in-whole"),
])
def test_headings(rest, heading):
    assert heading_of(rest) == heading


def test_levels_follow_the_styles_used():
    assert secs("I. A", "1. B", "a) C", "II. D") == [(1, "I", "A"), (2, "1", "B"), (3, "a", "C"), (1, "II", "D")]
    assert secs("1. B", "a) C") == [(1, "1", "B"), (2, "a", "C")]


def test_parents_and_body_text():
    sections = parse_sections([Paragraph(t) for t in ("I. A", "thân bài", "1. B", "- gạch", "2. C", "II. D")])
    assert [(s.position, s.parent_position, s.text) for s in sections] == [(1, None, "thân bài"), (2, 1, "- gạch"), (3, 1, None), (4, None, None)]


def test_body_ends_at_recipients_and_appendix():
    assert secs("I. A", "Nơi nhận:", "1. Không phải") == [(1, "I", "A")]
    assert secs("I. A", "PHỤ LỤC", "1. Không phải") == [(1, "I", "A")]


def test_footnotes_are_not_sections():
    assert parse_sections([Paragraph("1. Quyết định số 58/QĐ-UBND", style="footnote")]) == []


@given(st.lists(st.sampled_from(["I. A", "1. B", "a) C", "- d", "text", "1.1. E", "Nơi nhận:"]), max_size=30))
def test_tree_is_consistent(texts):
    sections = parse_sections([Paragraph(t) for t in texts])
    by_position = {s.position: s for s in sections}
    for s in sections:
        assert s.level >= 1
        if s.parent_position is not None:
            assert by_position[s.parent_position].level < s.level


def test_level_is_relative_to_the_enclosing_heading():
    """'a)' under '1.' is level 3 even where '1.1.' headings (a deeper style) occur elsewhere."""
    assert secs("I. A", "1. B", "1.1. C", "a) D", "2. E", "a) F") == [
        (1, "I", "A"), (2, "1", "B"), (3, "1.1", "C"), (4, "a", "D"), (2, "2", "E"), (3, "a", "F")]


@pytest.mark.parametrize("labels, expected", [
    pytest.param(["I", "II", "II", "IV"], ["I", "II", "III", "IV"], id="II-between-II-and-IV-is-III"),
    pytest.param(["I", "II", "II"], ["I", "II", "II"], id="repeated-last-chapter-untouched"),
    pytest.param(["I", "II", "IV"], ["I", "II", "IV"], id="a-gap-alone-untouched"),
])
def test_chapter_numeral_that_lost_a_stroke(labels, expected):
    got = secs(*[f"{label}. CHƯƠNG {k}" for k, label in enumerate(labels)])
    assert [label for _, label, _ in got] == expected


@pytest.mark.parametrize("texts, expected", [
    pytest.param(["IL.MỤC ĐÍCH", "1. Mục đích", "II. NỘI DUNG", "III. TỔ CHỨC"], [(1, "I"), (2, "1"), (1, "II"), (1, "III")],
                 id="bent-first-numeral-the-next-vouches-for"),
    pytest.param(["I. MỤC ĐÍCH", "II. NỘI DUNG", "HI. TỔ CHỨC"], [(1, "I"), (1, "II"), (1, "III")], id="last-read-as-a-known-misreading"),
    pytest.param(["I. MỤC ĐÍCH", "Văn bản", "LX.ABC"], [(1, "I")], id="bent-label-nothing-vouches-for-is-body"),
])
def test_chapter_numerals_ocr_bent(texts, expected):
    assert [(level, label) for level, label, _ in secs(*texts)] == expected


def test_a_bent_label_nothing_vouches_for_stays_body_text():
    [chapter] = parse_sections([Paragraph("I. MỤC ĐÍCH"), Paragraph("LX.ABC")])
    assert chapter.text == "LX.ABC"

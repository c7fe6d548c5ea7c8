"""Every entry of the layout vocabularies runs its examples both ways.

(The agency, deadline and document-type vocabularies are checked in their own test files.)
"""
from __future__ import annotations

import pytest
from ingest.legacy.syllables import is_syllable
from ingest.text import is_banner, is_footer_start
from parsers.metadata import find_province, layout_patterns
from parsers.tasks import group_title_prefix, header_role
from parsers.numerals import misread_as
from parsers.vocab import load


LAYOUT_KEYS = {"motto": "motto", "authority_prefix": "signing_for", "authority_line": "authority", "preamble_starts": "preamble", "appendix": "appendix",
               "appendix_caption": "caption", "recipients": "recipients"}


def _pattern_entries():
    layout = load("document_layout")
    for name, key in LAYOUT_KEYS.items():
        for text in layout[name]["examples"]:
            yield pytest.param(layout_patterns()[key], text, True, id=f"{name}-yes-{text[:25]}")
        for text in layout[name].get("not_examples", []):
            yield pytest.param(layout_patterns()[key], text, False, id=f"{name}-no-{text[:25]}")
    prefix = load("task_table")["group_title_prefix"]
    for text in prefix["examples"]:
        yield pytest.param(group_title_prefix(), text, True, id=f"group-prefix-yes-{text[:25]}")
    for text in prefix["not_examples"]:
        yield pytest.param(group_title_prefix(), text, False, id=f"group-prefix-no-{text[:25]}")


@pytest.mark.parametrize("pattern, text, matches", list(_pattern_entries()))
def test_layout_patterns(pattern, text, matches):
    assert bool(pattern.search(text)) is matches


def _header_cases():
    for role, entry in load("task_table")["roles"].items():
        for text in entry["examples"]:
            yield pytest.param(text, role, True, id=f"{role}-yes-{text}")
        for text in entry.get("not_examples", []):
            yield pytest.param(text, role, False, id=f"{role}-no-{text}")


@pytest.mark.parametrize("header, role, matches", list(_header_cases()))
def test_task_header_words(header, role, matches):
    assert (header_role(header) == role) is matches


def _roman_misreading_cases():
    entry = load("task_table")["roman_misreadings"]
    yield from (pytest.param(read, numeral, True, id=f"yes-{numeral}-as-{read}") for numeral, read in entry["examples"])
    yield from (pytest.param(read, numeral, False, id=f"no-{numeral}-as-{read}") for numeral, read in entry["not_examples"])


@pytest.mark.parametrize("label, numeral, misread", list(_roman_misreading_cases()))
def test_roman_misreadings(label, numeral, misread):
    assert misread_as(label, numeral) is misread


def _province_cases():
    for p in load("provinces")["provinces"]:
        for text in p.get("examples", []):
            yield pytest.param(text, p["name"], True, id=f"yes-{p['name']}")
        for text in p.get("not_examples", []):
            yield pytest.param(text, p["name"], False, id=f"no-{p['name']}")


@pytest.mark.parametrize("text, name, matches", list(_province_cases()))
def test_provinces(text, name, matches):
    assert (find_province(text) == name) is matches


def _layout_cases(section: str):
    for entry in load("text_layout")[section]:
        yield from (pytest.param(t, True, id=f"yes-{t[:25]}") for t in entry["examples"])
        yield from (pytest.param(t, False, id=f"no-{t[:25]}") for t in entry.get("not_examples", []))


@pytest.mark.parametrize("text, banner", list(_layout_cases("banners")))
def test_portal_banners(text, banner):
    assert is_banner(text) is banner


@pytest.mark.parametrize("text, footer", list(_layout_cases("footer_starts")))
def test_portal_footer_starts(text, footer):
    assert is_footer_start(text) is footer


def test_issuer_heads_and_signer_titles_have_examples():
    layout = load("document_layout")
    assert all(h["examples"] for h in layout["issuer_heads"])
    assert all(t["printed"].isupper() and t["title"][0].isupper() for t in layout["signer_titles"])


def test_unknown_vocabulary_names_the_valid_ones():
    with pytest.raises(ValueError, match="available: .*task_table"):
        load("no_such_file")


def _syllable_cases():
    syllables = load("vietnamese_syllables")
    yield from (pytest.param(word, True, id=f"yes-{word}") for word in syllables["examples"])
    yield from (pytest.param(word, False, id=f"no-{word}") for word in syllables["not_examples"])


@pytest.mark.parametrize("word, syllable", list(_syllable_cases()))
def test_vietnamese_syllables(word, syllable):
    assert is_syllable(word) is syllable

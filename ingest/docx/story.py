"""The reading context: what the whole package shares, and what runs through one story.

A story is a stream of text Word numbers and fields on its own: the body is one, each
footnote or endnote another. So a list numbered 1, 2 in the body and a list in a footnote
count apart, while both stories share the style sheet and the warnings.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ingest.docx.numbering import ListCounters, Numbering
from ingest.docx.pages import Pages
from ingest.docx.styles import Styles


@dataclass
class Package:
    """What every story shares: style sheet, list definitions, notes, warnings."""

    styles: Styles
    numbering: Numbering
    notes: dict[str, dict[str, etree._Element]]  # "footnote"/"endnote" -> id -> w:footnote
    # pPr/w:sectPr -> does the next section start on a new page. Keyed by the element itself:
    # lxml keeps one proxy per node only while a reference lives, so id() would not be stable.
    section_breaks: dict[etree._Element, bool]
    warnings: list[tuple[str, str]]

    def warn(self, code: str, message: str) -> None:
        if (code, message) not in self.warnings:
            self.warnings.append((code, message))


@dataclass
class Story:
    """State that runs through one story (the body, or one note) in reading order."""

    package: Package
    counters: ListCounters
    pages: Pages
    # One entry per open complex field (w:fldChar begin): True once its result has begun.
    # Text shows only where every open field is in its result part.
    fields: list[bool] = field(default_factory=list)

"""Document metadata: type, number, date, issuer, province, title, signer, plan year.

Read from the header block (issuer beside the national motto, "Số: ...", "<place>, ngày ...
tháng ... năm ..."), the type heading and the subject lines under it, the signature block,
and — where a text export lost the header — the appendix caption ("Ban hành kèm theo Kế
hoạch số: 226/KH-UBND ngày 31/12/2020 của UBND tỉnh"). Blank draft numbers and days give None.

The modules: ``header`` (the issuer column and the issuer in it), ``number_and_date``,
``title`` (type heading, subject lines, a letter's "V/v ..."), ``signature``, ``fallbacks``
(appendix caption, authority line, portal properties), ``plan_year``, with ``body_names``
(canonical names of issuing bodies), ``provinces`` and ``layout`` (the vocabulary of
parsers/data/document_layout.yaml) under them.

>>> from ingest.model import Document, Paragraph
>>> doc = Document([Paragraph("KẾ HOẠCH"), Paragraph("Cải cách hành chính tỉnh Phú Yên năm 2021"),
...                 Paragraph("Căn cứ ..."), Paragraph("CHỦ TỊCH"), Paragraph("Trần Hữu Thế")], "text")
>>> m = parse_metadata(doc)
>>> m.doc_type, m.title, m.province, m.plan_year, m.signer_title, m.signer_name
('Kế hoạch', 'Cải cách hành chính tỉnh Phú Yên năm 2021', 'Phú Yên', 2021, 'Chủ tịch', 'Trần Hữu Thế')
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ingest.model import Document
from parsers.metadata.fallbacks import appendix_caption, fill_from_properties, issuer_from_authority, issuer_from_caption
from parsers.metadata.header import header_lines, issuer_from_header
from parsers.layout import layout_patterns
from parsers.metadata.number_and_date import DATE_WORDS, NUMBER_LINE, clean_number, parse_date
from parsers.metadata.plan_year import plan_year_and_period
from parsers.metadata.provinces import find_province
from parsers.metadata.signature import signature_lines, signer
from parsers.metadata.title import letter_subject, type_and_title
from parsers.references import doc_type_from_number

__all__ = ["Metadata", "clean_number", "find_province", "layout_patterns", "parse_date", "parse_metadata",
           "plan_year_and_period"]


@dataclass(frozen=True)
class Metadata:
    doc_type: str | None = None
    doc_number: str | None = None
    issue_date: dt.date | None = None
    issuer: str | None = None
    province: str | None = None
    title: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    plan_year: int | None = None
    plan_period: tuple[int, int] | None = None  # (first year, last year) for a multi-year plan


def parse_metadata(doc: Document) -> Metadata:
    """The documents-row fields of one document (see the module docstring)."""
    issuer_lines, all_header_lines = header_lines(doc)
    header_text = "\n".join(all_header_lines)
    doc_type, title, authority = type_and_title(doc)
    if title is None and (subject := letter_subject(issuer_lines)):  # a letter (Công văn) has no type heading
        doc_type, title = doc_type or "Công văn", subject

    number_line = NUMBER_LINE.search(header_text)  # "Số: ..." even when the draft leaves it blank
    number = clean_number(number_line["number"]) if number_line else None
    date_line = DATE_WORDS.search(header_text)
    issue_date = parse_date(header_text) if date_line else None
    header_year = int(date_line["y"]) if date_line else None

    caption = appendix_caption(doc)
    if caption is not None:
        if number is None and not number_line:
            number = clean_number(caption["number"])
        if issue_date is None and header_year is None:
            issue_date = parse_date(f"ngày {caption['date']}") if caption["date"] else None
    if doc_type is None and number:
        doc_type = doc_type_from_number(number)

    has_header = bool(layout_patterns()["motto"].search(" ".join(all_header_lines)))  # else no issuer block to read
    issuer = issuer_from_header(issuer_lines) if has_header else None
    province = find_province(issuer) if issuer else None
    if issuer is None:
        province = find_province(title) or find_province(" ".join(b.text for b in doc.paragraphs[:10]))
        issuer = issuer_from_caption(caption, province) or issuer_from_authority(authority)
    if province is None and issuer and regex.search(r"\b(?:tỉnh|thành phố)\b", issuer):
        province = find_province(issuer)

    signer_name, signer_title = signer(signature_lines(doc))
    if doc.properties:  # a portal's box about the document, only where the text is silent
        doc_type, number, issue_date, issuer, province, signer_name = fill_from_properties(
            doc.properties, doc_type, number, issue_date, issuer, province, signer_name,
            text_has_number=bool(number_line or caption), text_has_date=header_year is not None)
    issue_year = issue_date.year if issue_date else header_year
    plan_year, period = plan_year_and_period(title, issue_year)
    return Metadata(doc_type, number, issue_date, issuer, province, title, signer_name, signer_title, plan_year, period)

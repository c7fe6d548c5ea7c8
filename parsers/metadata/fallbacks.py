"""Where the header block is missing or silent: the appendix caption ("Ban hành kèm theo Kế
hoạch số: 226/KH-UBND ngày 31/12/2020 của UBND tỉnh"), the authority line under a decision's
subject ("CHÍNH PHỦ"), and a portal's box about the document ("Số hiệu", "Người ký", ...)."""
from __future__ import annotations

import regex

from ingest.model import Document
from parsers.metadata.body_names import canonical_issuer
from parsers.layout import layout_patterns
from parsers.metadata.number_and_date import clean_number, parse_date
from parsers.metadata.provinces import find_province, province_kind
from parsers.references import doc_type_from_heading, doc_type_from_number
from parsers.textutil import fold


def appendix_caption(doc: Document):
    """The match of the first appendix caption, with groups "number" and "date", else None."""
    pattern = layout_patterns()["caption"]
    for block in doc.paragraphs:
        if m := pattern.search(block.text):
            return m
    return None


def issuer_from_caption(caption, province: str | None) -> str | None:
    """'... của UBND tỉnh' with the province known from the title -> 'Ủy ban nhân dân tỉnh Phú Yên'."""
    if caption is None or province is None:
        return None
    tail = caption.string[caption.end():]
    if regex.search(r"của\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)", tail, regex.IGNORECASE):
        return f"Ủy ban nhân dân {province_kind(province)} {province}"
    return None


def issuer_from_authority(authority: str | None) -> str | None:
    """The body in the authority line under a decision's subject: 'CHÍNH PHỦ', 'CHỦ TỊCH ỦY BAN NHÂN
    DÂN TỈNH X' (the post dropped: the body issues), 'THỦ TƯỚNG CHÍNH PHỦ' (a body of its own)."""
    if not authority:
        return None
    return canonical_issuer(regex.sub(r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|TỔNG GIÁM ĐỐC|GIÁM ĐỐC)\s+(?=\S)", "", authority))


def fill_from_properties(props: dict[str, str], doc_type, number, issue_date, issuer, province, signer_name,
                         text_has_number: bool, text_has_date: bool):
    """Fill what the text left empty from a portal's box ("Số hiệu", "Loại văn bản", "Ngày ban hành",
    "Nơi ban hành", "Người ký"). A number or date the text prints blank (a draft) stays empty."""
    if number is None and not text_has_number:
        number = clean_number(props.get("Số hiệu"))
    if doc_type is None:
        doc_type = doc_type_from_heading((props.get("Loại văn bản") or "").upper()) or (doc_type_from_number(number) if number else None)
    if issue_date is None and not text_has_date:
        issue_date = parse_date(props.get("Ngày ban hành"))
    place = props.get("Nơi ban hành")
    if issuer is None and place:
        if (found := find_province(place)) and regex.match(r"^\s*(?:tỉnh|thành phố)\b", place, regex.IGNORECASE):
            province = province or found  # "Tỉnh Nghệ An" says where, not which body
        else:
            issuer = canonical_issuer(place)
            province = province or (find_province(issuer) if regex.search(r"\b(?:tỉnh|thành phố)\b", issuer) else None)
    if signer_name is None and props.get("Người ký"):
        signer_name = fold(props["Người ký"])
    return doc_type, number, issue_date, issuer, province, signer_name

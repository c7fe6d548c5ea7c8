"""How an issuing body is named in the documents table, however the page prints it:
'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG' -> 'Ủy ban nhân dân tỉnh Lâm Đồng', 'BỘ NỘI VỤ' -> 'Bộ Nội vụ'."""
from __future__ import annotations

import regex

from parsers.metadata.provinces import find_province, province_kind
from parsers.textutil import fold, is_upper_text


def canonical_issuer(line: str) -> str:
    """'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG' -> 'Ủy ban nhân dân tỉnh Lâm Đồng'; 'BỘ NỘI VỤ' -> 'Bộ Nội vụ'."""
    line = fold(line) or ""
    province = find_province(line)
    m = regex.match(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|^UBND|^HỘI\s+ĐỒNG\s+NHÂN\s+DÂN", line, regex.IGNORECASE)
    if m and province:
        body = "Hội đồng nhân dân" if m.group(0).upper().startswith("HỘI") else "Ủy ban nhân dân"
        return f"{body} {province_kind(province)} {province}"
    if m:
        rest = line[m.end():].strip()
        body = "Hội đồng nhân dân" if m.group(0).upper().startswith("HỘI") else "Ủy ban nhân dân"
        return f"{body} {rest.lower()}".strip()
    from parsers.agencies import parse_agencies  # the gazetteer knows how each body is written

    cased = case_body(line) if is_upper_text(line) else line
    agencies = parse_agencies(cased)
    return agencies[0].name if agencies else cased


def case_body(text: str) -> str:
    """'VỤ CẢI CÁCH HÀNH CHÍNH' -> 'Vụ Cải cách hành chính' (body word and the first word of its name)."""
    words = text.lower().split()
    return " ".join(w[:1].upper() + w[1:] if i < 2 else w for i, w in enumerate(words))

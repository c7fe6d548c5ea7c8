"""Document metadata: type, number, date, issuer, province, title, signer, plan year.

Read from the header block (issuer beside the national motto, "Số: ...", "<place>, ngày ...
tháng ... năm ..."), the type heading and the subject lines under it, the signature block,
and — where a text export lost the header — the appendix caption ("Ban hành kèm theo Kế
hoạch số: 226/KH-UBND ngày 31/12/2020 của UBND tỉnh"). Blank draft numbers and days give None.

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
from functools import cache

import regex

from ingest.model import Document, Paragraph, Table
from parsers.references import doc_type_from_heading, doc_type_from_number, normalize_number
from parsers.textutil import fold, is_upper_text, person_name_case
from parsers.vocab import load

# "Số: 226/KH-UBND", "Số:     /KH-UBND" (blank draft number), "Số: 329 /BC-UBND"
NUMBER_LINE = regex.compile(r"(?m)^\s*Số\s*:?\s*(?P<number>[\w\s./-]*?/\s*[\w.&Đđ-]+(?:-[\w.&Đđ]+)*)")
# "ngày 24 tháng 11 năm 2025"; the day and month may be left blank in a draft
DATE_WORDS = regex.compile(r"ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})", regex.IGNORECASE)
DATE_SLASH = regex.compile(r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})")
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# "giai đoạn 2026 - 2030", "2021-2025": a plan that covers several years
PERIOD = regex.compile(r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})(?!\d)")
# a person's name: 2-6 capitalised words, no digits
PERSON = regex.compile(r"^(?:\p{Lu}[\p{Ll}\p{Lu}]*\s+){1,5}\p{Lu}[\p{Ll}\p{Lu}]*$")


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


@cache
def layout_patterns():
    """The compiled patterns and word lists of parsers/data/document_layout.yaml."""
    data = load("document_layout")
    return {
        "motto": regex.compile(data["motto"]["pattern"], regex.IGNORECASE),
        "heads": [h["word"] for h in data["issuer_heads"]],
        "levels": data["place_levels"],
        "titles": sorted(data["signer_titles"], key=lambda t: -len(t["printed"])),
        "signing_for": regex.compile(data["authority_prefix"]["pattern"], regex.IGNORECASE),
        "preamble": regex.compile(data["preamble_starts"]["pattern"]),
        "authority": regex.compile(data["authority_line"]["pattern"]),
        "appendix": regex.compile(data["appendix"]["pattern"], regex.IGNORECASE),
        "caption": regex.compile(data["appendix_caption"]["pattern"]),
        "recipients": regex.compile(data["recipients"]["pattern"], regex.IGNORECASE),
    }


@cache
def _provinces() -> list[tuple[regex.Pattern, str, str]]:
    out = []
    for p in load("provinces")["provinces"]:
        names = [p["name"], *p.get("aliases", [])]
        alternatives = "|".join(regex.escape(n).replace(r"\ ", r"\s+").replace(r"\-", r"\s*[-–]\s*") for n in sorted(names, key=len, reverse=True))
        out.append((regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.IGNORECASE), p["name"], p["kind"]))
    return out


def find_province(text: str | None) -> str | None:
    """The first province or centrally-run city named after "tỉnh"/"thành phố" (else anywhere).

    >>> find_province("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
    'Lâm Đồng'
    >>> find_province("tỉnh Thừa Thiên Huế") , find_province("Sở Nội vụ") is None
    ('Thừa Thiên Huế', True)
    """
    if not text:
        return None
    hits = []
    for pattern, name, _kind in _provinces():
        for m in pattern.finditer(text):
            hits.append((m.start(), -(m.end() - m.start()), name))
    return min(hits)[2] if hits else None


def province_kind(name: str) -> str:
    return next(kind for _p, n, kind in _provinces() if n == name)


def parse_date(text: str | None) -> dt.date | None:
    """'Hà Nội, ngày 24 tháng 11 năm 2025' or '31/12/2020' -> date; a blank day or an impossible date -> None.

    >>> parse_date("Lâm Đồng, ngày    tháng 3 năm 2026") is None
    True
    """
    if not text:
        return None
    m = DATE_WORDS.search(text) or DATE_SLASH.search(text)
    if not m or not m["d"] or not m["m"]:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def clean_number(raw: str | None) -> str | None:
    """'329 /BC-UBND' -> '329/BC-UBND'; '   /KH-UBND' (blank draft number) -> None."""
    if not raw:
        return None
    number = normalize_number(regex.sub(r"\s+", "", raw))
    return number if regex.match(r"^\w", number) and "/" in number else None


# --- header block -------------------------------------------------------------------------

def _header_table(doc: Document) -> Table | None:
    """The table holding the national motto, among the first blocks."""
    for block in doc.blocks[:8]:
        if isinstance(block, Table) and any(layout_patterns()["motto"].search(c.text) for c in block.cells):
            return block
    return None


def _header_lines(doc: Document) -> tuple[list[str], list[str]]:
    """(issuer-side lines, all header lines). Without a header table: the paragraphs before the type heading."""
    table = _header_table(doc)
    if table is not None:
        left = [cell for cell in table.cells if cell.col == 0]
        issuer_lines = [line for cell in left for line in cell.text.split("\n")]
        return issuer_lines, [line for cell in table.cells for line in cell.text.split("\n")]
    # laid out with tab stops instead: "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI ..." — the left column is the issuer's
    issuer_lines, lines = [], []
    for block in doc.blocks[:12]:
        if isinstance(block, Paragraph):
            if doc_type_from_heading(block.text) or len(block.text) > 150:  # the heading, or body text: no header here
                break
            columns = [part for part in regex.split(r"\t+| {3,}", block.text) if part.strip()]
            issuer_lines.extend(columns[:1])
            lines.extend(columns)
    return issuer_lines, lines


def _canonical_issuer(line: str) -> str:
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

    cased = _case_body(line) if is_upper_text(line) else line
    agencies = parse_agencies(cased)
    return agencies[0].name if agencies else cased


def _issuer(lines: list[str]) -> str | None:
    """The lowest body in the issuer stack: 'BỘ CÔNG AN / CỤC X' gives CỤC X."""
    heads = layout_patterns()["heads"]
    # the issuer stack ends at its rule ("-----"), the number line or a letter's subject line
    end = next((k for k, x in enumerate(lines) if regex.match(r"^\s*(?:[-_=*.]{3,}|Số\b|V/v\b)", x, regex.IGNORECASE)), len(lines))
    lines = [fold(x) for x in lines[:end] if fold(x)]
    lines = [x for x in lines if not layout_patterns()["motto"].search(x)]
    if not lines:
        return None

    def starts_body(line: str) -> bool:
        return any(regex.match(rf"^{regex.escape(h)}\b", line, regex.IGNORECASE) for h in heads)

    # a line opening a body ends the body above only when that one opened with a body word too:
    # "BỘ CÔNG AN / CỤC ..." stacks two bodies, "THỦ TƯỚNG / CHÍNH PHỦ" is one post wrapped
    starts = [0]
    for i, line in enumerate(lines[1:], start=1):
        if starts_body(line) and starts_body(" ".join(lines[starts[-1]:i])):
            starts.append(i)
    return _canonical_issuer(" ".join(lines[starts[-1]:]))


# --- title and type -------------------------------------------------------------------------

def _letter_subject(issuer_lines: list[str]) -> str | None:
    """A letter's subject printed in the header block under its number ("V/v hướng dẫn ..."),
    with the lines that carry it on to the end of that cell."""
    for k, line in enumerate(issuer_lines):
        if regex.match(r"^\s*V/v\b", line, regex.IGNORECASE):
            return fold(" ".join(issuer_lines[k:]))
    return None


def _type_and_title(doc: Document) -> tuple[str | None, str | None, str | None]:
    """(doc_type, title, authority) from the first paragraph that is a type word, the subject lines
    under it, and the authority line that ends them in a Quyết định/Nghị quyết ("CHÍNH PHỦ")."""
    paragraphs = [b for b in doc.blocks[:40]]
    for i, block in enumerate(paragraphs):
        if not isinstance(block, Paragraph):
            continue
        doc_type = doc_type_from_heading(block.text)
        if not doc_type:
            continue
        # a letter announces itself by its subject line ("V/v ..."), which is also its title
        title_lines: list[str] = [fold(block.text)] if regex.match(r"^\s*V/v\b", block.text, regex.IGNORECASE) else []
        for nxt in paragraphs[i + 1 : i + 6]:
            if not isinstance(nxt, Paragraph):
                break
            text = fold(nxt.text) or ""
            if _ends_title(text, title_lines):
                authority = text if title_lines and layout_patterns()["authority"].match(text) else None
                return doc_type, " ".join(title_lines) or None, authority
            title_lines.append(text)
        return doc_type, (" ".join(title_lines) or None), None
    return None, None, None


def _ends_title(text: str, so_far: list[str]) -> bool:
    layout = layout_patterns()
    if not text or layout["preamble"].match(text) or regex.match(r"^[-_=*.\s]+$", text):
        return True
    if so_far and layout["authority"].match(text):  # "THỦ TƯỚNG CHÍNH PHỦ" under a Quyết định's subject
        return True
    if regex.match(r"^(?:[IVX]+|\d{1,2}|[a-zđ])[.)]\s", text) or len(text) > 400:
        return True
    # an upper-case title is followed by the issuing authority in upper case only in a Quyết định
    # ("THỦ TƯỚNG CHÍNH PHỦ"); a mixed-case title ends where an upper-case line starts
    return bool(so_far) and is_upper_text(text) != is_upper_text(so_far[0])


# --- signature ----------------------------------------------------------------------------

def _signature_lines(doc: Document) -> list[str]:
    """Lines of the signature block: the right cell of the recipients table, else the paragraphs
    around "Nơi nhận"/the last signer title before the appendix."""
    layout = layout_patterns()
    for block in doc.blocks:
        if isinstance(block, Table) and any(layout["recipients"].match(c.text) for c in block.cells):
            return [line for c in block.cells if not layout["recipients"].match(c.text) for line in c.text.split("\n")]
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if layout["appendix"].match(block.text) and lines:
                break
            lines.append(block.text)
    return lines[-40:]


def _signer(lines: list[str]) -> tuple[str | None, str | None]:
    layout = layout_patterns()
    lines = [fold(x) for x in lines if fold(x)]
    title_at = None
    title = None
    for i, line in enumerate(lines):
        bare = layout["signing_for"].sub("", line).strip()
        for t in layout["titles"]:
            if regex.fullmatch(rf"{regex.escape(t['printed'])}(?:\s+.*)?", bare, regex.IGNORECASE) and is_upper_text(bare):
                tail = bare[len(t["printed"]):].strip()
                title_at, title = i, t["title"] + (" " + _case_body(tail) if tail else "")
                break
    if title_at is None:
        return None, None
    # continuation of the post on following upper-case lines (TL. BỘ TRƯỞNG / VỤ TRƯỞNG / VỤ CẢI CÁCH HÀNH CHÍNH)
    name = None
    for line in lines[title_at + 1 :]:
        if layout["recipients"].match(line) or regex.match(r"^[-–•]", line):
            break
        if PERSON.match(line) and not is_upper_text(line):
            name = line
            break
        if PERSON.match(line) and is_upper_text(line) and not regex.match(r"^(?:VỤ|CỤC|SỞ|BAN|VĂN PHÒNG)\b", line):
            name = person_name_case(line)
            break
        if is_upper_text(line) and regex.match(r"^(?:VỤ|CỤC|SỞ|BAN|VĂN PHÒNG)\b", line):
            title = f"{title} {_case_body(line)}"
    return name, title


def _case_body(text: str) -> str:
    """'VỤ CẢI CÁCH HÀNH CHÍNH' -> 'Vụ Cải cách hành chính' (body word and the first word of its name)."""
    words = text.lower().split()
    return " ".join(w[:1].upper() + w[1:] if i < 2 else w for i, w in enumerate(words))


# --- plan year ------------------------------------------------------------------------------

def plan_year_and_period(title: str | None, issue_year: int | None) -> tuple[int | None, tuple[int, int] | None]:
    """The plan's year: the first year in the title, else the issue year; the period if the title spans years.

    >>> plan_year_and_period("Cải cách hành chính giai đoạn 2026 - 2030", 2026)
    (2026, (2026, 2030))
    >>> plan_year_and_period("Kế hoạch tuyên truyền", 2025)
    (2025, None)
    """
    period = None
    if title and (m := PERIOD.search(title)):
        period = (int(m["a"]), int(m["b"]))
    if title and (m := YEAR.search(title)):
        return int(m.group(0)), period
    return issue_year, period


# --- all together ---------------------------------------------------------------------------

def parse_metadata(doc: Document) -> Metadata:
    """The documents-row fields of one document (see the module docstring)."""
    issuer_lines, header_lines = _header_lines(doc)
    header_text = "\n".join(header_lines)
    doc_type, title, authority = _type_and_title(doc)
    if title is None and (subject := _letter_subject(issuer_lines)):  # a letter (Công văn) has no type heading
        doc_type, title = doc_type or "Công văn", subject

    number = None
    if m := NUMBER_LINE.search(header_text):
        number = clean_number(m["number"])
    issue_date = parse_date(header_text) if DATE_WORDS.search(header_text) else None
    header_year = int(m["y"]) if (m := DATE_WORDS.search(header_text)) else None

    caption = _appendix_caption(doc)
    if caption is not None:
        if number is None and not NUMBER_LINE.search(header_text):
            number = clean_number(caption["number"])
        if issue_date is None and header_year is None:
            issue_date = parse_date(f"ngày {caption['date']}") if caption["date"] else None
    if doc_type is None and number:
        doc_type = doc_type_from_number(number)

    has_header = bool(layout_patterns()["motto"].search(" ".join(header_lines)))  # else no issuer block to read
    issuer = _issuer(issuer_lines) if has_header else None
    province = find_province(issuer) if issuer else None
    if issuer is None:
        province = find_province(title) or find_province(" ".join(b.text for b in doc.paragraphs[:10]))
        issuer = _issuer_from_caption(caption, province) or _issuer_from_authority(authority)
    if province is None and issuer and regex.search(r"\b(?:tỉnh|thành phố)\b", issuer):
        province = find_province(issuer)

    signer_name, signer_title = _signer(_signature_lines(doc))
    if doc.properties:  # a portal's box about the document, only where the text is silent
        doc_type, number, issue_date, issuer, province, signer_name = _from_properties(
            doc.properties, doc_type, number, issue_date, issuer, province, signer_name,
            text_has_number=bool(NUMBER_LINE.search(header_text) or caption), text_has_date=header_year is not None)
    issue_year = issue_date.year if issue_date else header_year
    plan_year, period = plan_year_and_period(title, issue_year)
    return Metadata(doc_type, number, issue_date, issuer, province, title, signer_name, signer_title, plan_year, period)


def _from_properties(props: dict[str, str], doc_type, number, issue_date, issuer, province, signer_name,
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
            issuer = _canonical_issuer(place)
            province = province or (find_province(issuer) if regex.search(r"\b(?:tỉnh|thành phố)\b", issuer) else None)
    if signer_name is None and props.get("Người ký"):
        signer_name = fold(props["Người ký"])
    return doc_type, number, issue_date, issuer, province, signer_name


def _appendix_caption(doc: Document):
    pattern = layout_patterns()["caption"]
    for block in doc.paragraphs:
        if m := pattern.search(block.text):
            return m
    return None


def _issuer_from_authority(authority: str | None) -> str | None:
    """The body in the authority line under a decision's subject: 'CHÍNH PHỦ', 'CHỦ TỊCH ỦY BAN NHÂN
    DÂN TỈNH X' (the post dropped: the body issues), 'THỦ TƯỚNG CHÍNH PHỦ' (a body of its own)."""
    if not authority:
        return None
    return _canonical_issuer(regex.sub(r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|TỔNG GIÁM ĐỐC|GIÁM ĐỐC)\s+(?=\S)", "", authority))


def _issuer_from_caption(caption, province: str | None) -> str | None:
    """'... của UBND tỉnh' with the province known from the title -> 'Ủy ban nhân dân tỉnh Phú Yên'."""
    if caption is None or province is None:
        return None
    tail = caption.string[caption.end():]
    if regex.search(r"của\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)", tail, regex.IGNORECASE):
        return f"Ủy ban nhân dân {province_kind(province)} {province}"
    return None

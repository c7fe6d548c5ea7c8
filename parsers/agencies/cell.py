"""Reading a whole cell: pieces between ";", agencies left to right in each, then records.

"Chủ trì: Sở Nội vụ; Lãnh đạo UBND cấp huyện, cấp xã" is the pieces "Chủ trì: Sở Nội vụ"
(the label is dropped) and "Lãnh đạo UBND cấp huyện, cấp xã" (the post is kept in the
mention only), giving Sở Nội vụ, Ủy ban nhân dân cấp huyện and Ủy ban nhân dân cấp xã.
"""
from __future__ import annotations

from parsers.agencies.bodies import read_continued_place, read_gazetteer, read_head, read_other
from parsers.agencies.found import Found
from parsers.agencies.groups import read_group
from parsers.agencies.naming import canonical_key, final_name
from parsers.agencies.record import Agency
from parsers.agencies.scanner import Scanner
from parsers.agencies.text import prepare
from parsers.agencies.tokens import SEPARATORS


def parse_agencies(cell: str | None) -> list[Agency]:
    """Split one lead/coordinate/monitor cell into agencies in order of appearance, no
    duplicates (same name once). A phrase naming no agency gives [].

    >>> [a.name for a in parse_agencies("Sở Tài chính và các cơ quan, địa phương có liên quan")]
    ['Sở Tài chính', 'Các cơ quan, địa phương']
    >>> parse_agencies("Lãnh đạo UBND phường Xuân Hương - Đà Lạt")[0]
    Agency(mention='Lãnh đạo UBND phường Xuân Hương - Đà Lạt', name='Ủy ban nhân dân phường Xuân Hương - Đà Lạt', kind='people_committee', level='commune', is_collective=False)
    >>> parse_agencies("Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh")
    []
    """
    if cell is None or not cell.strip():
        return []
    scan = Scanner(prepare(cell))
    out: list[Agency] = []
    seen: set[str] = set()
    for found in _read_cell(scan):
        agency = _record(scan, found)
        if agency is None:
            continue
        key = canonical_key(agency.name)
        if key not in seen:
            seen.add(key)
            out.append(agency)
    return out


def _read_cell(scan: Scanner) -> list[Found]:
    """The agencies of every piece; a place at the start of a piece may continue the
    previous piece's body ("UBND cấp huyện; cấp xã")."""
    found: list[Found] = []
    prev = None
    for lo, hi in _pieces(scan):
        got = _read_piece(scan, lo, hi, prev)
        found.extend(got)
        if got:
            prev = got[-1]
    return found


def _pieces(scan: Scanner) -> list[tuple[int, int]]:
    """Token ranges between ";" marks."""
    out, lo = [], 0
    for k, t in enumerate(scan.toks):
        if t.text == ";":
            out.append((lo, k))
            lo = k + 1
    out.append((lo, len(scan.toks)))
    return [(a, b) for a, b in out if a < b]


def _read_piece(scan: Scanner, lo: int, hi: int, prev: Found | None) -> list[Found]:
    """The agencies of tokens lo:hi, left to right; [] for a piece opening with a phrase
    that names no agency ("Theo phân công tại ...")."""
    i = lo
    while i < hi and not scan.toks[i].is_word:
        i += 1
    # "Chủ trì: Sở Nội vụ": drop a label that is not itself an agency.
    colon = next((k for k in range(i, min(hi, i + 6)) if scan.toks[k].text == ":"), None)
    if colon is not None and not scan.starts_agency(i, hi, prev):
        i = colon + 1
    if scan.v.openers.match(scan.toks, i, hi):
        return []
    out: list[Found] = []
    while i < hi:
        t = scan.toks[i]
        if t.text == "(":
            i = scan.skip_paren(i, hi)
            continue
        if not t.is_word or t.key == "và":
            i += 1
            continue
        allow_other = i == lo or scan.toks[i - 1].key in SEPARATORS or scan.toks[i - 1].text in ":)"
        found = _read_agency(scan, i, hi, prev, allow_other)
        if not found:
            i += 1  # not an agency here ("phối hợp với ..."): look from the next word
            continue
        out.extend(found)
        prev = found[-1]
        i = max(found[-1].end, i + 1)
    return out


def _read_agency(scan: Scanner, i: int, hi: int, prev: Found | None, allow_other: bool) -> list[Found]:
    """The agency (or distributed agencies) starting at i; [] if none starts there. The
    first reader that fits wins. ``allow_other``: an unknown capitalised phrase counts (only
    where a piece or a separated item begins, not in the middle of prose)."""
    start = i
    post = scan.v.posts.match(scan.toks, i, hi)
    while post and scan.starts_agency(post.end, hi, prev):
        i = post.end  # "Lãnh đạo Sở Nội vụ": the post stays in the mention, not the name
        post = scan.v.posts.match(scan.toks, i, hi)
    found = read_continued_place(scan, start, i, hi, prev)
    if found:
        return [found]
    named = read_gazetteer(scan, start, i, hi)
    if named:
        return named
    group = read_group(scan, start, i, hi)
    if group:
        return group
    found = read_head(scan, start, i, hi) or (read_other(scan, start, i, hi) if allow_other else None)
    return [found] if found else []


def _record(scan: Scanner, f: Found) -> Agency | None:
    """The finished record: canonical name tidied, mention cut from the printed cell."""
    name = final_name(f.name)
    if not name:
        return None
    end = max(f.end, f.start + 1)
    while end > f.start + 1 and not scan.toks[end - 1].is_word and scan.toks[end - 1].text != ")":
        end -= 1
    mention = scan.text.printed_span(scan.toks[f.start].start, scan.toks[end - 1].end)
    return Agency(mention.strip(), name, f.kind, f.level, f.collective)

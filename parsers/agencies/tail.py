"""The tail of a name: how far a name runs after its head or gazetteer match.

A name runs on over words, "," and "và" until what follows starts another agency, so
"Sở Văn hóa, Thể thao và Du lịch" stays whole while "Sở Nội vụ, Sở Tư pháp" and
"Sở Nội vụ chủ trì" stop after "Sở Nội vụ". Trailing qualifiers are then dropped.
"""
from __future__ import annotations

from parsers.agencies.found import Found
from parsers.agencies.naming import level_named, strip_qualifiers
from parsers.agencies.scanner import Scanner
from parsers.agencies.tokens import SEPARATORS


def finish(scan: Scanner, found: Found, j: int, hi: int, complete: bool) -> Found:
    """Apply the tail from j to a found agency; levels named in the tail refine an unknown
    level. ``complete`` says the name so far is known to be whole (a gazetteer name or a
    group), so a capitalised word after a separator, or a name right after it, starts a new
    agency."""
    end, kept = _tail(scan, j, hi, found, complete)
    core = found.name
    if kept:
        found.name = strip_qualifiers(core + " " + scan.render(kept))
        if found.level is None and len(found.name) > len(core):
            # "Ngân hàng Nhà nước chi nhánh tỉnh", but not "... trên địa bàn tỉnh" (dropped)
            found.level = level_named(found.name[len(core):])
    else:
        found.name = strip_qualifiers(core)
    found.end = max(end, j)
    return found


def _tail(scan: Scanner, j: int, hi: int, cur: Found, complete: bool) -> tuple[int, list[int]]:
    """The end of the name and the token indices it keeps from j on. Parenthesised
    sub-units are dropped ("Văn phòng UBND tỉnh (Trung tâm Thông tin)")."""
    kept: list[int] = []
    end = j
    k = j
    while k < hi:
        t = scan.toks[k]
        if t.text == "(":
            k = end = scan.skip_paren(k, hi)
            continue
        if t.key in SEPARATORS:
            if _separator_ends_name(scan, k, hi, cur, complete):
                break
            kept.append(k)
            k += 1
            complete = False
            continue
        if _ends_name(scan, k, j, hi, cur, complete):
            break
        kept.append(k)
        k += 1
        if t.is_word:
            end = k
        complete = False
    while kept and not scan.toks[kept[-1]].is_word:
        kept.pop()
    return end, kept


def _separator_ends_name(scan: Scanner, k: int, hi: int, cur: Found, complete: bool) -> bool:
    """Whether the separator at k stands between two agencies rather than inside one name."""
    nxt = k + 1
    return (not scan.word_at(nxt, hi) or scan.starts_agency(nxt, hi, cur)
            or (complete and scan.toks[nxt].is_capitalised))


def _ends_name(scan: Scanner, k: int, j: int, hi: int, cur: Found, complete: bool) -> bool:
    """Whether the name extended from j stops before token k (a word or a mark, not a separator)."""
    t = scan.toks[k]
    if not t.is_word:
        if t.text not in "-–&'’\"“”":
            return True
        # "Sở Nội vụ - Sở Tài chính": a dash between two names
        return t.text in "-–" and bool(scan.gazetteer_at(k + 1, hi) or complete and scan.named_start(k + 1, hi))
    if complete and (scan.named_start(k, hi) or scan.group_starts(k, hi)):
        return True  # "Sở Khoa học và Công nghệ Sở Công Thương", "Sở Tài chính các sở, ngành"
    if t.is_capitalised and scan.at_line_start(k) and not scan.after_linker(k, j) and scan.starts_agency(k, hi, cur):
        return True  # a line that starts another agency (a lower-case line is a wrapped name)
    if scan.role_at(k, hi):
        return True  # "Sở Nội vụ chủ trì, ..."
    # "Sở Ngoại vụ Sở Du lịch": a department never contains another
    return bool(cur.repeat_head and scan.repeat_head_at(k, hi)
                and scan.v.heads.match(scan.toks, k, hi).value["phrase"] == cur.repeat_head)

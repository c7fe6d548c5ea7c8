"""Readers of single bodies: a gazetteer name, a place continuing the previous body, a name
starting with an agency head, or any other capitalised phrase.

"Sở Nội vụ" is read from the gazetteer, "UBND cấp huyện, cấp xã" gives a second body at
"cấp xã", "Trung tâm Phục vụ hành chính công" runs on from its head "Trung tâm", and an
unknown "Tổ giúp việc" is kept with kind "other". Each reader takes the token where the
agency's mention starts (a post such as "Lãnh đạo" may come first) and where its name starts.
"""
from __future__ import annotations

import regex

from parsers.agencies.found import Found
from parsers.agencies.places import Place
from parsers.agencies.scanner import Scanner
from parsers.agencies.tail import finish

# A document number ("1441/QĐ-UBND") marks a phrase that cites a document, not an agency.
_DOCUMENT_NUMBER = regex.compile(r"\d\s*/")


def read_gazetteer(scan: Scanner, start: int, i: int, hi: int) -> list[Found]:
    """A name of agencies.yaml at i, with its place ("UBND tỉnh Lâm Đồng"); [] if none."""
    hit = scan.gazetteer_at(i, hi)
    if hit is None:
        return []
    entry, j, place = hit
    if place is not None and place.unit and place.end < hi and scan.toks[place.end].text == ":":
        return _read_place_list(scan, start, entry, place, place.end + 1, hi)
    name, level, collective = entry["name"], entry.get("level"), False
    if place is not None:
        name = name + " " + place.text
        if entry.get("takes_place"):
            level = place.level or level
            collective = place.collective
        j = place.end
    found = Found(start, j, name, entry["kind"], level, collective,
                  place_head=entry["name"] if entry.get("takes_place") else None)
    return [finish(scan, found, j, hi, complete=True)]


def _read_place_list(scan: Scanner, start: int, entry: dict, place: Place, k: int, hi: int) -> list[Found]:
    """ "UBND các phường: Xuân Hương - Đà Lạt, Cam Ly - Đà Lạt" -> one body per place."""
    out: list[Found] = []
    while k < hi:
        if scan.toks[k].key in {",", "và"} or not scan.toks[k].is_word:
            k = scan.skip_paren(k, hi) if scan.toks[k].text == "(" else k + 1
            continue
        e = k
        while e < hi and scan.toks[e].key not in {",", "và", ";"} and scan.toks[e].text != "(":
            e += 1
        name = f'{entry["name"]} {place.unit} {scan.render(range(k, e))}'
        out.append(Found(k if out else start, e, name, entry["kind"], place.level, False,
                         place_head=entry["name"]))
        k = e
    return out


def read_continued_place(scan: Scanner, start: int, i: int, hi: int, prev: Found | None) -> Found | None:
    """The previous place-taking body at another place: the "cấp xã" of "UBND cấp huyện, cấp xã"."""
    if not scan.continues_place(i, hi, prev):
        return None
    place = scan.place_at(i, hi)
    if place is None:
        return None
    found = Found(start, place.end, prev.place_head + " " + place.text, prev.kind,
                  place.level, place.collective, place_head=prev.place_head)
    return finish(scan, found, place.end, hi, complete=True)


def read_head(scan: Scanner, start: int, i: int, hi: int) -> Found | None:
    """A name starting with an agency head at i ("Trung tâm ...", "Sở Ngoại vụ")."""
    h = scan.head_at(i, hi)
    if h is None:
        return None
    head = h.value
    found = Found(start, h.end, scan.render(range(i, h.end)), head["kind"],
                  head.get("level"), False,
                  repeat_head=head["phrase"] if head.get("repeat_splits") else None)
    found = finish(scan, found, h.end, hi, complete=False)
    group = scan.v.groups.match(scan.toks, i, hi)
    if group and group.end == h.end and found.name.casefold() == group.value["name"]:
        # Nothing but qualifiers or a line break followed the head ("Sở trên địa bàn
        # tỉnh", "Trường\nQuốc hội"): a group after all.
        found.name = "Các " + group.value["name"]
        found.kind = scan.v.families.get(group.value["family"], "collective")
        found.collective = True
    return found


def read_other(scan: Scanner, start: int, i: int, hi: int) -> Found | None:
    """Any other capitalised phrase: an agency the vocabulary does not know."""
    t = scan.toks[i]
    if not (t.is_word and t.text[0].isupper()) or scan.v.openers.match(scan.toks, i, hi):
        return None
    found = Found(start, i + 1, t.text, "other", None, False)
    found = finish(scan, found, i + 1, hi, complete=False)
    if _DOCUMENT_NUMBER.search(found.name):
        return None  # a document number: "Quyết định số 1441/QĐ-UBND" is not an agency
    return found

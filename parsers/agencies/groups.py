"""Readers of groups of bodies: one collective, or a list distributed over a head.

"Các sở, ban, ngành liên quan" is one collective "Các sở, ban, ngành"; "Doanh nghiệp, nhà
cung cấp dịch vụ IoT, nhà đầu tư" and "Các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh"
keep their modifiers; "Các Sở: Tài chính, Nội vụ" is two departments.
"""
from __future__ import annotations

from parsers.agencies.bodies import read_head
from parsers.agencies.found import Found
from parsers.agencies.naming import level_named, strip_qualifiers
from parsers.agencies.scanner import Scanner
from parsers.agencies.tail import finish
from parsers.agencies.tokens import SEPARATORS, tokenize
from parsers.agencies.vocabulary import Match

# A group noun with the indices of its modifier tokens and the end of the noun itself.
_Item = tuple[dict, list[int], int]


def read_group(scan: Scanner, start: int, i: int, hi: int) -> list[Found] | None:
    """The group at i (after an optional plural marker "các"), or None."""
    j = i
    marker = scan.v.markers.match(scan.toks, j, hi)
    if marker:
        j = marker.end
    g = scan.group_at(j, hi)
    if g is None:
        return _plural_name(scan, start, j, hi) if marker else None
    if j < hi and g.end < hi and scan.toks[g.end].text == ":":
        distributed = _read_distributed(scan, start, g, hi)
        if distributed:
            return distributed
    items, family = _group_nouns(scan, g, j, hi)
    value, mods, noun_end = items[-1]
    end = mods[-1] + 1 if mods else noun_end
    described = [(value, _modifier(scan, mods)) for value, mods, _ in items]
    name = "Các " + ", ".join(value["name"] + (" " + mod if mod else "") for value, mod in described)
    level = _group_level(described)
    found = Found(start, end, name, scan.v.families.get(family, "collective"), level, True)
    return [finish(scan, found, end, hi, complete=True)]


def _plural_name(scan: Scanner, start: int, j: int, hi: int) -> list[Found] | None:
    """ "Các Ban Quản lý dự án": a plural marker before a head; the head stays a name."""
    if not scan.head_at(j, hi):
        return None
    inner = read_head(scan, j, j, hi)
    inner.start = start
    inner.name = "Các " + inner.name
    inner.collective = True
    return [inner]


def _group_nouns(scan: Scanner, g: Match, lo: int, hi: int) -> tuple[list[_Item], str]:
    """The group nouns listed from ``g`` on ("sở, ban, ngành") with their modifiers, and
    the family they share; a list stops where a new group or another family starts."""
    family = g.value["family"]
    items: list[_Item] = []
    k = g.end
    current = g
    while True:
        mods, k = _modifiers(scan, k, lo, hi)
        items.append((current.value, mods, current.end))
        if not (k < hi and scan.toks[k].key in {",", "/", "và"}):
            break
        nxt = k + 1
        if scan.v.markers.match(scan.toks, nxt, hi):
            break  # "các đơn vị cấp tỉnh và các địa phương": a new group
        g2 = scan.group_at(nxt, hi)
        if g2 is None:
            break
        f2 = g2.value["family"]
        if family != f2 and "any" not in (family, f2):
            break  # "Doanh nghiệp, Sở, ban, ngành": two groups
        family = family if f2 == "any" else f2
        current = g2
        k = g2.end
    return items, family


def _modifiers(scan: Scanner, k: int, lo: int, hi: int) -> tuple[list[int], int]:
    """The modifier tokens of a group noun from k ("sự nghiệp công lập trực thuộc UBND
    tỉnh") and where they end; parentheses are skipped."""
    mods: list[int] = []
    linked = False
    while k < hi:
        t = scan.toks[k]
        if t.text == "(":
            k = scan.skip_paren(k, hi)
            continue
        if t.is_word and t.key != "và":
            if scan.role_at(k, hi):
                break
            linked = linked or scan.after_linker(k, lo)
            if t.is_capitalised and not linked and scan.named_start(k, hi):
                break  # "Các sở, ban, ngành UBND cấp huyện": a name, not a modifier
            mods.append(k)
            k += 1
        elif t.text in "-–" and scan.word_at(k + 1, hi) and mods:
            mods.append(k)
            k += 1
        else:
            break
    return mods, k


def _modifier(scan: Scanner, mods: list[int]) -> str:
    """A group noun's modifier as printed, qualifiers dropped ("liên quan"; a bare "tỉnh")."""
    if not mods:
        return ""
    modifier = strip_qualifiers(scan.render(mods))
    keys = tuple(t.key for t in tokenize(modifier))
    if any(q == keys for q, only in scan.v.qualifiers if only):
        return ""  # "Các sở, ban, ngành tỉnh": the province is the plan's own
    return modifier


def _group_level(described: list[tuple[dict, str]]) -> str | None:
    """A level named in the modifiers ("cấp tỉnh", "Trung ương"), else the nouns' common
    level ("Các sở, ban, ngành": province), else None."""
    named = next((lv for lv in (level_named(mod) for _, mod in reversed(described)) if lv), None)
    if named:
        return named
    levels = [value.get("level") for value, _ in described]
    if any(level is None for level in levels):
        return None
    specific = {level for level in levels if level != "any"}
    return specific.pop() if len(specific) == 1 else None


def _read_distributed(scan: Scanner, start: int, g: Match, hi: int) -> list[Found] | None:
    """ "Các Sở: Tài chính, Nội vụ và Tư pháp" -> Sở Tài chính, Sở Nội vụ, Sở Tư pháp."""
    head = scan.v.head_entries.get(g.value["name"])
    if head is None or not head.get("repeat_splits"):
        return None  # only departments and ministries are listed this way
    node = scan.v.gazetteer.node_after(head["phrase"])
    out: list[Found] = []
    k = g.end + 1
    while k < hi:
        while k < hi and (scan.toks[k].key in SEPARATORS or not scan.toks[k].is_word):
            k += 1
        if k >= hi:
            break
        item_start = k
        if scan.name_word_at(k, hi):
            return None  # "Sở: Ban Dân tộc" lists names, not departments to complete
        m = scan.v.gazetteer.match(scan.toks, k, hi, node) if node else None
        if m is not None:
            entry = m.value
            found = Found(item_start, m.end, entry["name"], entry["kind"], entry.get("level"), False)
            k = m.end
        else:
            while k < hi and scan.toks[k].key not in {",", "và", ";"}:
                k += 1
            item = scan.render(range(item_start, k))
            found = Found(item_start, k, head["phrase"] + " " + item, head["kind"], head.get("level"), False)
        if not out:
            found.start = start
        out.append(found)
    return out or None

"""Place phrases after a place-taking name: "UBND" + "tỉnh", "cấp huyện", "phường 3 Bảo Lộc".

A place gives the name its tail and its level: "UBND các xã, phường, đặc khu" is one
collective at commune level, "UBND thành phố Đà Lạt" a district body, "UBND Thành phố" (Hà
Nội's own wording) the city itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsers.agencies.vocabulary import Match

if TYPE_CHECKING:
    from parsers.agencies.scanner import Scanner


@dataclass(frozen=True)
class Place:
    """A place phrase ending before token ``end``, as it goes into the name (``text``)."""

    end: int
    text: str
    level: str | None
    collective: bool
    unit: str | None = None  # the unit of "các phường" (for "các phường: A, B")


def read_place(scan: Scanner, i: int, hi: int) -> Place | None:
    """A place phrase at i: "tỉnh", "cấp huyện", "các xã, phường, đặc khu", "xã, phường",
    "phường 3 Bảo Lộc", "Lâm Đồng", "các cấp"."""
    if not scan.word_at(i, hi):
        return None
    toks, v = scan.toks, scan.v
    lv = v.levels.match(toks, i, hi)
    place_end = lv.end if lv else (v.units.match(toks, i, hi) or Match(i + 1, None)).end
    name = v.gazetteer.match(toks, i, hi)
    if name and name.end > place_end and toks[i].is_capitalised:
        return None  # "Tỉnh đoàn", "Trung ương Đoàn ...": a name, not a place
    if lv:
        return Place(lv.end, lv.value["phrase"], lv.value.get("level"), bool(lv.value.get("collective")))
    j = i
    marker = v.markers.match(toks, j, hi)
    if marker:
        j = marker.end
    unit = v.units.match(toks, j, hi)
    if unit is None:
        if marker:
            return None
        end = _proper_name(scan, i, hi)
        if end == i:
            return None
        return Place(end, scan.render(range(i, end)), None, False)
    name_end = _proper_name(scan, unit.end, hi)
    if name_end > unit.end and not marker:
        name = scan.render(range(unit.end, name_end))
        return Place(name_end, _unit_text(scan, unit, j, True) + " " + name,
                     _unit_level(scan, unit, j, name.casefold()), False)
    return _bare_units(scan, unit, j, hi, marked=bool(marker))


def _bare_units(scan: Scanner, unit: Match, j: int, hi: int, marked: bool) -> Place:
    """A list of bare units from ``unit`` at j: one collective where the levels agree ("xã,
    phường, đặc khu"); a single unmarked unit is one body ("UBND tỉnh")."""
    units = [(unit, j)]
    end = unit.end
    level = _unit_level(scan, unit, j, "")
    while end < hi and scan.toks[end].key in {",", "/", "và"}:
        nxt = scan.v.units.match(scan.toks, end + 1, hi)
        if nxt is None or _proper_name(scan, nxt.end, hi) > nxt.end or scan.named_start(end + 1, hi):
            break  # "xã Hòa Ninh" or "Tỉnh đoàn" is not one more bare unit
        nxt_level = _unit_level(scan, nxt, end + 1, "")
        if level and nxt_level and nxt_level != level:
            break
        level = level or nxt_level
        units.append((nxt, end + 1))
        end = nxt.end
    if len(units) == 1 and not marked:
        return Place(end, _unit_text(scan, unit, j, False), level, False)
    return Place(end, "các " + ", ".join(u.value["phrase"] for u, _ in units), level, True,
                 unit=unit.value["phrase"] if len(units) == 1 else None)


def _proper_name(scan: Scanner, i: int, hi: int) -> int:
    """End of a place's proper name at i: capitalised words and numbers, " - " between
    them ("Xuân Hương - Đà Lạt", "3 Bảo Lộc"); stops where a new name starts."""
    j = i
    while j < hi:
        t = scan.toks[j]
        if t.is_word and t.is_capitalised:
            if j == i and scan.name_word_at(j, hi):
                break
            if j > i and (scan.v.gazetteer.match(scan.toks, j, hi) or scan.repeat_head_at(j, hi)):
                break  # "tỉnh Lâm Đồng Sở Nội vụ"
            j += 1
        elif t.text in "-–" and j > i and scan.word_at(j + 1, hi) and scan.toks[j + 1].is_capitalised:
            j += 1
        else:
            break
    return j


def _unit_text(scan: Scanner, unit: Match, start: int, has_name: bool) -> str:
    """How a unit is written in the name: its vocabulary phrase ("tỉnh"), or as printed."""
    printed = scan.render(range(start, unit.end))
    if not has_name and printed == "Thành phố":
        return printed  # Hà Nội's "UBND Thành phố": the city itself
    return printed if unit.value.get("keep_case") else unit.value["phrase"]


def _unit_level(scan: Scanner, unit: Match, start: int, name_keys: str) -> str | None:
    """A unit's level; a "thành phố" is a province when centrally run, else a district."""
    level = unit.value.get("level")
    if unit.value["phrase"] == "thành phố":
        if not name_keys:
            printed = scan.render(range(start, unit.end))
            return "province" if printed == "Thành phố" else None
        return "province" if name_keys in scan.v.central_cities else "district"
    return level

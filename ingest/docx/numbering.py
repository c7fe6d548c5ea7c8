"""Word's automatic numbering: list definitions (numbering.xml) and the running counters.

A numbered paragraph stores no number, only (numId, ilvl); the label is drawn from the
level's w:lvlText with the counters as they stand when the paragraph is reached: with
lvlText "%1.%2." and level 0 in upper Roman, the second level-1 paragraph under "I." reads "I.2. ".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ingest.docx.ooxml import ALTERNATE_CONTENT, ILVL, MC_FALLBACK, VAL, child_val, is_on, parse_int, w
from ingest.docx.styles import Styles
from parsers.textutil import roman_numeral


@dataclass(frozen=True)
class _Level:
    """One w:lvl of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level; 0 = never
    legal: bool = False  # w:isLgl: show every level's number in Arabic digits
    suffix: str = "tab"
    style_id: str | None = None  # w:pStyle: the paragraph style tied to this level


def _parse_level(lvl: etree._Element) -> _Level:
    fmt = child_val(lvl, "numFmt")
    if fmt is None:
        # Newer Word wraps custom formats ("001, 002") in mc:AlternateContent; the fallback
        # branch carries the plain format older readers understand.
        fallback = lvl.find(f"{ALTERNATE_CONTENT}/{MC_FALLBACK}/{w('numFmt')}")
        fmt = fallback.get(VAL) if fallback is not None else "decimal"
    restart = child_val(lvl, "lvlRestart")
    legal = lvl.find(w("isLgl"))
    return _Level(
        start=parse_int(child_val(lvl, "start"), 1),
        fmt=fmt,
        text=child_val(lvl, "lvlText") or "",
        restart=parse_int(restart, 0) if restart is not None else None,
        legal=legal is not None and is_on(legal),
        suffix=child_val(lvl, "suff") or "tab",
        style_id=child_val(lvl, "pStyle"),
    )


class Numbering:
    """List definitions: w:num instances over w:abstractNum level sets, with overrides."""

    def __init__(self, root: etree._Element | None, styles: Styles):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNum id -> w:numStyleLink style id
        self._num_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, tuple[int | None, _Level | None]]] = {}
        self._styles = styles
        self._cache: dict[str, dict[int, _Level]] = {}
        if root is None:
            return
        for abstract in root.iterchildren(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"))
            self._abstract[abstract_id] = {
                parse_int(lvl.get(ILVL), 0): _parse_level(lvl) for lvl in abstract.iterchildren(w("lvl"))
            }
            link = child_val(abstract, "numStyleLink")
            if link:
                self._style_link[abstract_id] = link
        for num in root.iterchildren(w("num")):
            num_id = num.get(w("numId"))
            self._num_abstract[num_id] = child_val(num, "abstractNumId")
            overrides = {}
            for override in num.iterchildren(w("lvlOverride")):
                start = child_val(override, "startOverride")
                lvl = override.find(w("lvl"))
                overrides[parse_int(override.get(ILVL), 0)] = (
                    parse_int(start, 1) if start is not None else None,
                    _parse_level(lvl) if lvl is not None else None,
                )
            self._overrides[num_id] = overrides

    def _abstract_levels(self, abstract_id: str | None, depth: int = 0) -> dict[int, _Level]:
        # An abstractNum with w:numStyleLink is a stub: its levels live in the list the
        # numbering style points to. Follow it (a few hops at most; cycles give up).
        link = self._style_link.get(abstract_id)
        if link and depth < 5:
            linked_num, _ = self._styles.numbering(link)
            target = self._num_abstract.get(linked_num)
            if target and target != abstract_id:
                return self._abstract_levels(target, depth + 1)
        return self._abstract.get(abstract_id, {})

    def levels(self, num_id: str) -> dict[int, _Level]:
        """The effective levels of list instance ``num_id`` (empty if it is not defined)."""
        if num_id not in self._cache:
            levels = dict(self._abstract_levels(self._num_abstract.get(num_id)))
            for ilvl, (start, replacement) in self._overrides.get(num_id, {}).items():
                level = replacement or levels.get(ilvl) or _Level()
                levels[ilvl] = level if start is None else _replace_start(level, start)
            self._cache[num_id] = levels
        return self._cache[num_id]

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle is ``style_id`` (how heading styles pick their level)."""
        for ilvl, level in self.levels(num_id).items():
            if style_id is not None and level.style_id == style_id:
                return ilvl
        return None


def _replace_start(level: _Level, start: int) -> _Level:
    return _Level(start, level.fmt, level.text, level.restart, level.legal, level.suffix, level.style_id)


def _format_number(n: int, fmt: str) -> str:
    """One counter value in a w:numFmt, as Word draws it.

    Word's letter sequence is the 26 Latin letters, then doubled letters (27 -> "aa").

    >>> [_format_number(n, f) for n, f in [(4, "upperRoman"), (2, "lowerLetter"), (27, "lowerLetter"), (7, "decimalZero")]]
    ['IV', 'b', 'aa', '07']
    """
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        return roman_numeral(n) if fmt == "upperRoman" else roman_numeral(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal, and the formats a Vietnamese plan does not use (ordinal, ...)


# "%1" .. "%9" in w:lvlText stand for the current counter of level 1..9 (ilvl 0..8).
_LEVEL_PLACEHOLDER = re.compile(r"%(?P<level>[1-9])")
# What Word puts between the number and the text (w:suff); a tab reads as a gap.
_SUFFIXES = {"tab": " ", "space": " ", "nothing": ""}
_BULLET_LABEL = "- "


class ListCounters:
    """Counters of every list instance (numId) met so far in one story, in reading order."""

    def __init__(self, numbering: Numbering):
        self._numbering = numbering
        self._values: dict[str, dict[int, int]] = {}

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Advance list ``num_id`` at level ``ilvl`` and return the label Word shows ("1.2. ")."""
        levels = self._numbering.levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return ""
        # Counters live per numId: two w:num over one abstractNum count apart (a list restarted by Word).
        counts = self._values.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [k for k in counts if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            # No w:lvlRestart: any shallower level restarts it; 0: never; n: levels 1..n do.
            if restart is None or ilvl < restart:
                del counts[deeper]
        if level.fmt == "bullet":
            return _BULLET_LABEL

        def number(match: re.Match) -> str:
            ref = int(match["level"]) - 1
            ref_level = levels.get(ref, _Level())
            value = counts.get(ref, ref_level.start)
            fmt = "decimal" if level.legal or ref_level.fmt == "bullet" else ref_level.fmt
            return _format_number(value, fmt)

        label = _LEVEL_PLACEHOLDER.sub(number, level.text)
        if not label.strip():
            return ""
        return label + _SUFFIXES.get(level.suffix, " ")

"""Agency cells -> canonical agencies (CONVENTIONS §3).

A lead, coordinate or monitor cell of a task table names one or more agencies:
"Sở Nội vụ; Văn phòng UBND tỉnh", "UBND cấp huyện, cấp xã", "Các sở, ban, ngành liên quan".
:func:`parse_agencies` splits such a cell into :class:`Agency` values with canonical names
(abbreviations expanded, qualifiers dropped, traditional tone placement, NFC), and
:func:`canonical_key` gives the identity under which one real agency gets one id.

How a cell is read, in order:

1. The text is folded (NFC, whitespace), tone marks are moved to the traditional place and
   abbreviations are expanded ("UBND" -> "Ủy ban nhân dân"), keeping a map back to the
   printed text so every mention is a piece of the cell as printed.
2. The cell is cut at ";" (and at bullets that start a line) into pieces. A piece that opens
   with a phrase naming no agency ("Theo phân công tại Quyết định ...") gives nothing.
3. In each piece, agencies are read left to right. At each position the first of these that
   fits wins: a level or unit continuing the previous agency ("..., cấp xã"), a name of the
   gazetteer (agencies.yaml), a group of bodies ("Các sở, ban, ngành"), a name starting with
   an agency head ("Trung tâm ..."), or any other capitalised phrase (kind "other").
4. A name runs on over "," and "và" until what follows starts another agency, so names with
   commas and "và" ("Sở Văn hóa, Thể thao và Du lịch") stay whole.

All vocabulary is data: parsers/data/agencies.yaml (named bodies) and
parsers/data/agency_words.yaml (abbreviations, qualifiers, posts, group nouns, heads, places).

The modules, from the entry point down: ``cell`` (:func:`parse_agencies`: pieces and the
order of readers, step 2 and 3), ``bodies`` and ``groups`` (the readers of one agency),
``tail`` (step 4), ``places`` (place phrases after "UBND"), ``scanner`` (tokens of one cell
and the look-ahead questions on them), ``found`` (an agency being read), ``record``
(:class:`Agency`), ``naming`` (names and :func:`canonical_key`), ``vocabulary`` (the YAML
files as tries), ``tokens`` and ``text`` (step 1).

>>> [a.name for a in parse_agencies("Sở Nội vụ; Văn phòng UBND tỉnh")]
['Sở Nội vụ', 'Văn phòng Ủy ban nhân dân tỉnh']
>>> [a.name for a in parse_agencies("UBND cấp huyện, cấp xã")]
['Ủy ban nhân dân cấp huyện', 'Ủy ban nhân dân cấp xã']
"""
from parsers.agencies.cell import parse_agencies
from parsers.agencies.naming import canonical_key
from parsers.agencies.record import Agency

__all__ = ["Agency", "parse_agencies", "canonical_key"]

"""The vocabulary of agency cells, compiled from the YAML files into token tries.

parsers/data/agencies.yaml gives the named bodies, parsers/data/agency_words.yaml the
abbreviations, qualifiers, posts, group nouns, heads and places. Each phrase is prepared like
a cell, so "Sở TT&TT" and "Sở Thông tin và Truyền thông" reach the same trie entry, and the
gazetteer matches loosely: "Sở Văn hóa, Thể thao và Du lịch" also as "Sở Văn hóa Thể thao Du lịch".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from parsers import vocab
from parsers.agencies.text import prepare
from parsers.agencies.tokens import Token, tokenize

# Tokens skipped when a gazetteer name is matched loosely ("Sở Thông tin & Truyền thông",
# "Sở Văn hóa, Thể thao và Du lịch", "Đài Phát thanh - Truyền hình").
_LOOSE_SKIP = {",", "-", "–", "&", "và"}


def phrase_keys(phrase: str, loose: bool = False) -> tuple[str, ...]:
    """The token keys a vocabulary phrase is matched by (prepared like a cell)."""
    toks = tokenize(prepare(phrase).norm)
    return tuple(t.key for t in toks if not (loose and t.key in _LOOSE_SKIP))


@dataclass(frozen=True)
class Match:
    """A phrase found in the tokens: it ends before token ``end``; ``value`` is its entry."""

    end: int
    value: Any


class Trie:
    """Phrases keyed by token keys; finds the longest phrase starting at a token."""

    def __init__(self, loose: bool = False):
        self.root: dict = {}
        self.loose = loose

    def add(self, phrase: str, value: Any) -> None:
        node = self.root
        for key in phrase_keys(phrase, self.loose):
            node = node.setdefault(key, {})
        node.setdefault(None, value)  # the first entry of a phrase wins

    def match(self, toks: list[Token], i: int, hi: int, node: dict | None = None) -> Match | None:
        """Longest phrase at toks[i:hi]; loose tries skip "," "-" "&" "và" between words."""
        node = self.root if node is None else node
        best = None
        j = i
        while j < hi:
            key = toks[j].key
            if self.loose and key in _LOOSE_SKIP and j > i:
                j += 1
                continue
            node = node.get(key)
            if node is None:
                break
            j += 1
            if None in node:
                best = Match(j, node[None])
        return best

    def node_after(self, phrase: str) -> dict | None:
        """The trie node reached by a phrase (to match "Sở" + "Tài chính" in "Các Sở: Tài chính")."""
        node = self.root
        for key in phrase_keys(phrase, self.loose):
            node = node.get(key)
            if node is None:
                return None
        return node


@dataclass(frozen=True)
class Vocabulary:
    """One trie per section of the YAML files, plus the lookups that are not phrases."""

    gazetteer: Trie
    posts: Trie
    groups: Trie
    markers: Trie
    heads: Trie
    units: Trie
    levels: Trie
    openers: Trie
    roles: Trie
    linkers: Trie
    qualifiers: tuple[tuple[tuple[str, ...], bool], ...]  # (keys, collective_only), longest first
    central_cities: frozenset[str]
    families: dict
    head_entries: dict  # casefolded head phrase -> its entry ("sở" -> Sở)


@cache
def vocabulary() -> Vocabulary:
    """Compile the two YAML files into tries (cached)."""
    words = vocab.load("agency_words")
    gazetteer = Trie(loose=True)
    for entry in vocab.load("agencies")["agencies"]:
        for phrase in [entry["name"], *entry.get("aliases", [])]:
            gazetteer.add(phrase, entry)

    def trie(section: str, field: str = "phrase") -> Trie:
        t = Trie()
        for entry in words[section]:
            t.add(entry[field], entry)
        return t

    qualifiers = sorted(
        ((phrase_keys(q["phrase"]), bool(q.get("collective_only"))) for q in words["qualifiers"]),
        key=lambda q: -len(q[0]),
    )
    return Vocabulary(
        gazetteer=gazetteer,
        posts=trie("post_prefixes"),
        groups=trie("group_nouns", "name"),
        markers=trie("plural_markers"),
        heads=trie("heads"),
        units=trie("admin_units"),
        levels=trie("level_phrases"),
        openers=trie("not_agency_openers"),
        roles=trie("role_words"),
        linkers=trie("linkers"),
        qualifiers=tuple(qualifiers),
        central_cities=frozenset(c.casefold() for c in words["central_cities"]),
        families=words["families"],
        head_entries={h["phrase"].casefold(): h for h in words["heads"]},
    )

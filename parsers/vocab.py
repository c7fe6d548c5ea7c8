"""Domain vocabulary kept as data: YAML files under ``parsers/data/``.

Agency names, abbreviations, document types, header words and deadline phrases are data,
not code, so an analyst can extend them without touching a regex. Every entry carries
``examples`` (text it must recognise) and, where useful, ``not_examples`` (text it must
leave alone); ``tests/test_vocab_examples.py`` runs both ways.

>>> "types" in load("document_types")
True
"""
from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def load(name: str):
    """The parsed YAML file ``parsers/data/<name>.yaml`` (cached; treat as read-only)."""
    path = resources.files("parsers") / "data" / f"{name}.yaml"
    if not path.is_file():
        available = sorted(p.name.removesuffix(".yaml") for p in (resources.files("parsers") / "data").iterdir() if p.name.endswith(".yaml"))
        raise ValueError(f"no vocabulary file {name!r}; available: {', '.join(available)}")
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)

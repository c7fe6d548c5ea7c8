"""Shared fixtures: where the corpus is, and the --regen-golden flag."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a red run must be reproducible); no per-example deadline
# on a loaded 2-core machine. Locally hypothesis explores new examples on each run.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
SCORER = SHARED / "eval" / "score.py"
SAMPLE = ROOT / "data" / "raw" / "000_e675889898dec04e.txt"


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite the expected tables under tests/golden/ from the current pipeline output")
    parser.addoption("--regen-screenshot", action="store_true", default=False,
                     help="save the report test's Chromium screenshot as docs/report_screenshot.png")


@pytest.fixture
def regen_golden(request) -> bool:
    return request.config.getoption("--regen-golden")


@pytest.fixture
def regen_screenshot(request) -> bool:
    return request.config.getoption("--regen-screenshot")


def need_programs(*names: str) -> None:
    """Skip, saying which Debian package installs it, when a program a reader calls is missing."""
    packages = {"tesseract": "tesseract-ocr tesseract-ocr-vie", "soffice": "libreoffice-writer-nogui"}
    for name in names:
        if shutil.which(name) is None:
            pytest.skip(f"{name} is not installed (Debian: apt-get install {packages[name]}; .ci/run installs it)")


def need_shared(*paths: Path) -> None:
    """Skip, saying why, when ../shared (the corpus, gold answers and scorer) is not beside the project."""
    for path in paths or (CORPUS,):
        if not path.exists():
            pytest.skip(f"{path} is absent: the corpus tests need ../shared beside the project checkout")

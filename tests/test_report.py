"""The HTML report: self-contained, with every part the issue asks for, and it renders in
headless Chromium without a console message (Chromium logs script errors and blocked network
loads there). ``pytest tests/test_report.py --regen-screenshot`` saves docs/report_screenshot.png."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import pipeline
from conftest import CORPUS, ROOT, SAMPLE
from outputs.report import report_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# headless as root, offline and quiet: no sandbox (root), no GPU, no background traffic or updates
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--enable-logging=stderr", "--v=0", "--window-size=1280,1800"]
SCREENSHOT = ROOT / "docs" / "report_screenshot.png"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """A run over the sample, the corpus text and Word files where present, and a broken file."""
    raw = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, raw)
    for path in sorted(CORPUS.glob("*")) if CORPUS.exists() else []:
        if path.suffix in (".docx", ".md") and path.name != "SOURCES.md":
            shutil.copy(path, raw)
    (raw / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path_factory.mktemp("out")
    pipeline.run([raw], out, jobs=2, progress=False)
    return out


def _task_count(out: Path) -> int:
    return pq.read_metadata(out / "tasks" / "part-0.parquet").num_rows


def test_the_page_holds_every_part_and_loads_nothing(out):
    page = report_html(out)
    for part in ("Tasks per lead agency", "Deadlines by quarter", "Documents that failed", "broken.docx",
                 "could not be read", "226/KH-UBND", "Diagnostics"):
        assert part in page, part
    assert page.count('<tr class="task">') == _task_count(out)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # nothing fetched from a network
    assert "default-src 'none'" in page


def test_report_command_writes_the_page(out, tmp_path, capsys):
    html = tmp_path / "nested" / "report.html"
    assert pipeline.main(["report", "--from", str(out), "--html", str(html)]) == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and str(html) in capsys.readouterr().out


def test_report_of_a_folder_without_output_is_an_argument_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        pipeline.main(["report", "--from", str(tmp_path)])
    assert exit_info.value.code == 2 and "holds no pipeline output" in capsys.readouterr().err


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=180)


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


BROKEN_PAGES = {  # a page Chromium must complain about: proves the console check can fail
    "script error": "<script>undefinedFunction();</script>",
    "stylesheet from a CDN": "<link rel='stylesheet' href='https://cdn.example.invalid/x.css'>",
}


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium; .ci/run installs it)")
@pytest.mark.parametrize("body", BROKEN_PAGES.values(), ids=BROKEN_PAGES.keys())
def test_the_console_check_sees_errors(tmp_path, body):
    page = tmp_path / "broken.html"
    page.write_text(f"<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
                    f"script-src 'unsafe-inline'\"></head><body>{body}</body></html>", encoding="utf-8")
    assert console_messages(chromium(page, tmp_path / "profile", "--dump-dom").stderr)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium; .ci/run installs it)")
def test_the_report_renders_in_chromium_without_console_messages(out, tmp_path, regen_screenshot):
    page = tmp_path / "report.html"
    page.write_text(report_html(out), encoding="utf-8")
    dom = chromium(page, tmp_path / "profile-dom", "--dump-dom")
    assert console_messages(dom.stderr) == []
    tasks = _task_count(out)
    assert 'data-ready="yes"' in dom.stdout and f"{tasks} of {tasks} tasks shown" in dom.stdout  # the script ran to its end
    screenshot = SCREENSHOT if regen_screenshot else tmp_path / "report.png"
    shot = chromium(page, tmp_path / "profile-shot", f"--screenshot={screenshot}")
    assert console_messages(shot.stderr) == []
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000

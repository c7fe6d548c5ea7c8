"""Word 97 .doc -> .docx bytes with LibreOffice running headless (:func:`doc_to_docx`), on top of
one conversion between any formats LibreOffice reads and writes (:func:`libreoffice_convert`).

Each worker process has its own LibreOffice user profile (``-env:UserInstallation``):
soffice started with a profile another soffice holds hands its job to that instance and
returns at once, so parallel pipeline workers sharing one profile would lose conversions.
Within a process a lock runs one conversion at a time for the same reason. A conversion
that hangs (LibreOffice waits on a dialog or loops on a damaged file) is killed with its
whole process group, since soffice starts helper processes of its own.

>>> str(ConverterUnavailable())
'LibreOffice is not installed (Debian package: libreoffice-writer-nogui): Word 97 .doc files are converted with it'
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from functools import cache
from multiprocessing.util import Finalize
from pathlib import Path

from ingest.errors import ToolUnavailable

DEBIAN_PACKAGE = "libreoffice-writer-nogui"
# Seconds one conversion may take. A 100-page .doc converts in a few seconds once the profile
# exists; the first conversion of a worker also builds its profile (a few seconds more).
CONVERSION_TIMEOUT = 120.0
_ONE_CONVERSION_AT_A_TIME = threading.Lock()


class ConverterUnavailable(ToolUnavailable):
    """LibreOffice (soffice) is not installed, so .doc files cannot be read."""

    def __init__(self):
        super().__init__("LibreOffice", DEBIAN_PACKAGE, "Word 97 .doc files are converted with it")


def soffice_path() -> str:
    """The LibreOffice executable, or ConverterUnavailable saying what to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise ConverterUnavailable()
    return found


def profile_dir() -> Path:
    """This process's LibreOffice user profile, kept between its conversions and removed when it exits."""
    return _profile_of(os.getpid())


@cache
def _profile_of(pid: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"vn-plan-tables-libreoffice-{pid}"
    # multiprocessing's finalizers, unlike atexit, also run when a pool worker exits, and only in
    # the process that registered them (a forked child inherits the entry but skips it)
    Finalize(None, shutil.rmtree, args=(path, True), exitpriority=0)
    return path


def doc_to_docx(data: bytes, *, timeout: float = CONVERSION_TIMEOUT) -> bytes:
    """The .docx LibreOffice makes of ``data``; ValueError if it makes none or times out."""
    try:
        return libreoffice_convert(data, ".doc", "docx:MS Word 2007 XML", timeout=timeout)
    except NoOutput as err:
        raise ValueError(f"not a Word .doc file: {err}") from None


class NoOutput(ValueError):
    """LibreOffice ran but wrote no converted file."""


def libreoffice_convert(data: bytes, suffix: str, target: str, *, timeout: float = CONVERSION_TIMEOUT) -> bytes:
    """The file LibreOffice makes of ``data`` (a file ending in ``suffix``) as ``target``, a
    ``--convert-to`` argument ("docx:MS Word 2007 XML", "pdf", "doc"). Raises NoOutput when it
    makes none, ValueError when it times out, ConverterUnavailable without LibreOffice."""
    soffice = soffice_path()
    with _ONE_CONVERSION_AT_A_TIME, tempfile.TemporaryDirectory(prefix="vn-plan-tables-doc-") as work:
        source = Path(work) / f"document{suffix}"
        source.write_bytes(data)
        command = [
            soffice, f"-env:UserInstallation={profile_dir().as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", target, "--outdir", work, str(source),
        ]
        stderr = _run_killing_group(command, timeout, suffix)
        converted = source.with_suffix("." + target.split(":")[0])
        if not converted.is_file():
            detail = stderr.strip().splitlines()[-1] if stderr.strip() else "no output"
            raise NoOutput(f"LibreOffice could not convert it ({detail})")
        return converted.read_bytes()


def _run_killing_group(command: list[str], timeout: float, suffix: str) -> str:
    """Run ``command`` in a new process group; on timeout kill the group and raise ValueError. Returns stderr."""
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True, text=True, errors="replace",
    )
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ValueError(f"LibreOffice did not convert the {suffix} within {timeout:g} s; the conversion was killed") from None
    return stderr

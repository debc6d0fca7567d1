"""Legacy word-processor files (.doc, .rtf, .odt) read by converting them to .docx first.

No maintained pure-Python reader handles Word 97-2003 binaries with their tables, so
LibreOffice does the conversion (`soffice --headless --convert-to docx`) and the .docx
reader does the rest. Each conversion runs in its own temporary folder with its own
LibreOffice profile, so parallel workers and a desktop session never share a lock, and
under a timeout, after which the whole process group is killed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from extract.errors import CorruptFileError, MissingToolError, TimeLimitError
from extract.readers.external import run_tool
from extract.settings import Settings
from extract.timelimit import remaining

_HOW_TO_INSTALL = (
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui, or run 'make system-deps') "
    "and ingest again, or convert the file to .docx yourself (soffice --headless --convert-to docx FILE)"
)
_KIND = {"doc": "a legacy Word .doc", "rtf": "an RTF document", "odt": "an OpenDocument text (.odt)"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, fmt: str, settings: Settings) -> bytes:
    program = soffice()
    if program is None:
        raise MissingToolError(f"the file is {_KIND.get(fmt, fmt)}, which needs LibreOffice to read: {_HOW_TO_INSTALL}")
    timeout = remaining(settings.convert_timeout_seconds)
    with tempfile.TemporaryDirectory(prefix="kehoach-soffice-") as tmp:
        src = Path(tmp) / f"input.{fmt}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        cmd = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--nologo",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(src),
        ]
        env = dict(os.environ, HOME=tmp)
        try:
            proc = run_tool(cmd, timeout, env)
        except subprocess.TimeoutExpired as e:
            if timeout < settings.convert_timeout_seconds:
                raise TimeLimitError(
                    f"converting {_KIND.get(fmt, fmt)} with LibreOffice used up the rest of the limit "
                    f"max_seconds_per_document={settings.max_seconds_per_document:g}; raise that setting to read it"
                ) from e
            raise CorruptFileError(
                f"LibreOffice did not finish converting {_KIND.get(fmt, fmt)} within convert_timeout_seconds="
                f"{settings.convert_timeout_seconds:g}; the file may be damaged, or raise that setting"
            ) from e
        err = proc.stderr
        out = Path(tmp) / "input.docx"
        if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0:
            detail = (err or b"").decode("utf-8", "replace").strip().splitlines()
            raise CorruptFileError(
                f"LibreOffice could not convert {_KIND.get(fmt, fmt)} (it may be damaged or password-protected"
                f"{': ' + detail[-1][:200] if detail else ''}); open it in Word or LibreOffice and save it as .docx"
            )
        return out.read_bytes()

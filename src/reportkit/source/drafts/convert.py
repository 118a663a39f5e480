"""Older Word-family drafts (.doc, .wps, .rtf, .odt) converted to .docx by LibreOffice headless."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from reportkit.errors import Location, Problem, SourceError, os_reason

CONVERTED = (".doc", ".wps", ".rtf", ".odt")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and WPS files
ZIP = b"PK\x03\x04"  # .docx, .odt and newer WPS files
RTF = b"{\\rtf"
# how each format's files start (Word also saves a .doc as RTF, XML or a web page)
_STARTS = {
    ".doc": (OLE, ZIP, RTF, b"<?xml", b"<html", b"MIME-Version"),
    ".wps": (OLE, ZIP),
    ".rtf": (RTF,),
    ".odt": (ZIP,),
}
TIMEOUT = 120  # seconds: a draft LibreOffice has not converted by then, it will not
_NAMES = {
    ".doc": "Word 97-2003（.doc）",
    ".wps": "WPS（.wps）",
    ".rtf": "RTF",
    ".odt": "ODF（.odt）",
}


def to_docx(path: Path, folder: Path) -> Path:
    """``path`` as a .docx in ``folder`` (a temporary folder of the caller's), converted by
    LibreOffice with a profile of its own (several conversions may run at once)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    what = _NAMES.get(path.suffix.lower(), path.suffix)
    if soffice is None:
        raise _error(
            path,
            f"读取{what}格式的稿件需要 LibreOffice，本机没有找到（soffice）：请安装 LibreOffice，"
            "或在 Word、WPS 中把它另存为 .docx 后再试",
        )
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except OSError as exc:
        raise _error(path, f"无法读取文件（{os_reason(exc)}）") from None
    if not head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(_STARTS.get(path.suffix.lower(), ())):
        raise _error(
            path,
            f"这个文件不像{what}文件：可能已损坏，或扩展名不对（纯文本稿件请改名为 .txt）",
        )
    # a plain name: LibreOffice takes an argument starting with "-" for an option, and names
    # its output after the input
    source = folder / ("draft" + path.suffix.lower())
    try:
        shutil.copyfile(path, source)
    except OSError as exc:
        raise _error(path, f"无法读取文件（{os_reason(exc)}）") from None
    out = folder / "converted"
    command = [
        soffice,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    failed = (
        f"LibreOffice 无法转换这个{what}文件（可能已损坏、有密码保护，或不是 Word/WPS 文档）："
        "请在 Word 或 WPS 中打开，另存为 .docx 后再试"
    )
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            env={**os.environ, "HOME": str(folder)},
        )
    except subprocess.TimeoutExpired:
        raise _error(
            path,
            f"LibreOffice 转换这个{what}文件超过 {TIMEOUT} 秒仍未完成，已停止："
            "请在 Word 或 WPS 中另存为 .docx 后再试",
        ) from None
    except OSError as exc:
        raise _error(path, f"无法启动 LibreOffice（{os_reason(exc)}）") from None
    converted = out / "draft.docx"
    if done.returncode != 0 or not converted.is_file() or converted.stat().st_size == 0:
        raise _error(path, failed)
    return converted


def _error(path: Path, message: str) -> SourceError:
    return SourceError([Problem(Location(path), "", message)])

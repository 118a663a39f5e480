"""Problems found in user input, and the one error type that carries them."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any, NamedTuple


class Location(NamedTuple):
    """Where a value came from: a file and a 1-based line (None when the whole file is meant)."""

    file: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else str(self.file)


def dotted(at: tuple[Any, ...]) -> str:
    """A field's path as a message names it: ``("articles", 0, "title")`` as
    ``articles[0].title``."""
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def number(value: float) -> str:
    """A number for a message: 1.0 as ``1``, at most two decimals, ``-0`` as ``0``."""
    if isinstance(value, int):
        return str(value)  # a whole number of any size (no float can hold 10**400)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def spaced(unit: str) -> str:
    """A unit as it follows a number and comes before Chinese text: ``毫米``, ``dpi ``."""
    return f"{unit} " if unit.isascii() and unit else unit


class Problem(NamedTuple):
    """One thing wrong (or fixed) in the input, in words an office clerk understands."""

    location: Location
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "警告" if self.warning else "错误"
        field = f" {self.field}:" if self.field else ""
        return f"{self.location}:{field} {kind}：{self.message}"


class ReportkitError(Exception):
    """A user error: bad input, a missing file, a bad option. Never a bug in reportkit."""

    category = "错误"

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            super().__init__(problems)
        else:
            self.problems = list(problems)
            super().__init__("\n".join(str(p) for p in self.problems))


class SourceError(ReportkitError):
    """The bulletin source (YAML, article files) cannot be used as it is."""

    category = "输入有误"


class TemplateError(ReportkitError):
    """The template folder or its data is broken."""

    category = "模板有误"


class DocumentError(ReportkitError):
    """A finished document to check (.docx, PDF) cannot be read."""

    category = "无法读取"


class OutputError(ReportkitError):
    """An output cannot be written."""

    category = "无法写出"


# The operating system's reasons, which it gives in English, as a clerk would say them.
_OS_REASONS = {
    errno.ENOENT: "找不到这个文件或文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "超出了磁盘配额",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中的某一级不是文件夹",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EEXIST: "已经存在同名的文件",
    errno.EIO: "读写磁盘时出错",
    errno.EBUSY: "文件正被其他程序占用",
    errno.ETXTBSY: "文件正被其他程序占用",
    errno.EMFILE: "同时打开的文件太多",
    errno.ENFILE: "同时打开的文件太多",
    errno.ELOOP: "快捷方式（符号链接）指向了自己",
    errno.EFBIG: "文件太大",
    errno.EINVAL: "文件名或路径无效",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.ENXIO: "设备不存在",
    errno.ENODEV: "设备不存在",
    errno.ESTALE: "网络文件夹已断开",
    errno.ENOTCONN: "网络文件夹已断开",
    errno.ETIMEDOUT: "网络文件夹没有响应",
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in Chinese (its own message is English)."""
    reason = _OS_REASONS.get(exc.errno or 0)
    return reason or (f"系统错误，错误号 {exc.errno}" if exc.errno else "系统错误")

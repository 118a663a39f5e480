"""Text files as offices save them: UTF-8 (with or without BOM), UTF-16 ("Unicode" in Windows
Notepad), GBK/GB18030 (ANSI on a Chinese Windows)."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", None),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


class UndecodableError(ValueError):
    """The bytes are none of the encodings offices use; ``line`` is where decoding failed."""

    def __init__(self, line: int):
        super().__init__(f"undecodable at line {line}")
        self.line = line


def decode(data: bytes, *, legacy: bool = True) -> tuple[str, str | None]:
    """The text of ``data`` and the name of its encoding when it is not UTF-8.

    ``legacy``: GBK/GB18030 is tried when the bytes are not UTF-8 (drafts); YAML files are
    UTF-8 or UTF-16 only.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise UndecodableError(_line(data, exc.start, codec)) from None
    if len(data) >= 4 and _utf16_without_bom(data):
        codec = "utf-16-le" if data[1] == 0 else "utf-16-be"
        try:
            return data.decode(codec), "UTF-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        if not legacy:
            raise UndecodableError(data[: exc.start].count(b"\n") + 1) from None
    try:
        return data.decode("gb18030"), "GBK/GB18030"
    except UnicodeDecodeError as exc:
        raise UndecodableError(data[: exc.start].count(b"\n") + 1) from None


def looks_utf16(data: bytes) -> bool:
    """UTF-16 by its byte-order mark, or by the zero bytes of ASCII text without one."""
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data)


def _utf16_without_bom(data: bytes) -> bool:
    """Every other byte zero at the start: ASCII-led UTF-16 saved without a BOM."""
    sample = data[:64] if len(data) % 2 == 0 else b""
    if len(sample) < 4:
        return False
    odd, even = sample[1::2], sample[0::2]
    return odd.count(0) >= len(odd) * 0.9 or even.count(0) >= len(even) * 0.9


def _line(data: bytes, offset: int, codec: str) -> int:
    newline = "\n".encode("utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be")
    return data[:offset].count(newline if codec == "utf-16" else b"\n") + 1

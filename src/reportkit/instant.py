"""When an output was made: the instant a source fixes, ``SOURCE_DATE_EPOCH``, or the build's.

An archive copy carries the time it was made (its creation date).  Builds that must give the
same bytes again fix that time: a source by its ``archive_date`` field, a build machine by the
``SOURCE_DATE_EPOCH`` environment variable (seconds since 1970-01-01 UTC, the
reproducible-builds convention).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportkit.errors import Location, Problem, SourceError

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
# a time written without its zone is the documents' own: China Standard Time
CHINA = dt.timezone(dt.timedelta(hours=8))
# compiled (by ``re``, once) only when an instant is written this way
_HAN = (
    r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?"
    r"(?:\s*[T\s]\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?"
)


def parse(value: Any) -> dt.datetime | None:
    """A source's instant, with its zone (China Standard Time when none is written):
    2024-06-18, 2024-06-18 09:30, 2024-06-18T09:30:00+08:00, 2024年6月18日 9:30.
    ValueError, in words a clerk understands, for anything else."""
    if value is None:
        return None
    found: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        found = value
    elif isinstance(value, dt.date):
        found = dt.datetime.combine(value, dt.time(0))
    elif isinstance(value, str):
        found = _from_text(value.strip())
    if found is None:
        raise ValueError(
            f"存档时间写法不对：“{value}”，应写作 2024-06-18、2024-06-18 09:30 "
            "或 2024年6月18日 9时30分"
        )
    found = found.replace(microsecond=0)
    return found if found.tzinfo else found.replace(tzinfo=CHINA)


def _from_text(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    m = re.fullmatch(_HAN, text)
    if m is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in m.groups(default="0"))
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def build_instant(
    fixed: dt.datetime | None,
    environ: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
) -> dt.datetime:
    """The instant an output is dated: the source's ``fixed`` one, else ``SOURCE_DATE_EPOCH``
    (in UTC), else ``now`` (the build's, in this machine's zone), to the second.
    SourceError when the variable is set but is not a number of seconds."""
    if fixed is not None:
        return fixed
    epoch = (os.environ if environ is None else environ).get(EPOCH_VARIABLE)
    if epoch is not None:
        try:
            return dt.datetime.fromtimestamp(int(epoch.strip()), dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise SourceError(
                [
                    Problem(
                        Location(Path(EPOCH_VARIABLE)),
                        "",
                        f"环境变量 {EPOCH_VARIABLE} 应为从 1970-01-01 起的秒数（整数），"
                        f"而不是“{epoch}”",
                    )
                ]
            ) from None
    return (now or dt.datetime.now(dt.UTC)).astimezone().replace(microsecond=0)


def epoch_setting(environ: Mapping[str, str] | None = None) -> str:
    """``SOURCE_DATE_EPOCH`` as set ("" when not): what the outputs of a run depend on."""
    return (os.environ if environ is None else environ).get(EPOCH_VARIABLE, "")

"""pydantic without its search for plugins.

pydantic looks for plugins (hooks that other packages register to trace validation) when it
completes its first model: it imports ``importlib.metadata`` and reads the entry points of every
installed distribution.  That is about 15 ms of the 280 ms a one-bulletin build takes
(``bench/startup.py``), for plugins reportkit never uses.  Before any model is completed, its
loader is therefore one that finds none — the answer ``PYDANTIC_DISABLE_PLUGINS=__all__`` gives,
without the search.  A process that has loaded pydantic's own loader already keeps it.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from typing import Any

LOADER = "pydantic.plugin._loader"


def _none() -> Iterable[Any]:
    return ()


def switch_off() -> None:
    """Let pydantic find no plugins, without looking for any."""
    if LOADER not in sys.modules:
        loader = types.ModuleType(LOADER, __doc__)
        loader.get_plugins = _none  # type: ignore[attr-defined]
        sys.modules[LOADER] = loader

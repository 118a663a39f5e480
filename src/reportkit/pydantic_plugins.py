"""pydantic without its search for plugins, for the command line.

pydantic looks for plugins (hooks that other packages register to trace validation) when it
completes its first model: it imports ``importlib.metadata`` and reads the entry points of every
installed distribution.  That is about 15 ms of the 280 ms a one-bulletin build took
(``bench/startup.py``), for plugins reportkit never uses.  A reportkit command therefore gives
pydantic, before any model is completed, a loader that finds none — the answer
``PYDANTIC_DISABLE_PLUGINS=__all__`` gives, without the search.  Only the command line does
this: a program that imports reportkit as a library keeps its plugins, and a process that has
loaded pydantic's own loader already keeps it.
"""

from __future__ import annotations

import sys
import types
from importlib.machinery import ModuleSpec
from typing import Any

LOADER = "pydantic.plugin._loader"


def _none() -> tuple[()]:
    return ()


def _rest(name: str) -> Any:
    """Whatever else pydantic's own loader holds (pydantic 2.7–2.14 ask it for
    ``get_plugins`` alone): read from pydantic's file when a version asks for it.  What the
    import system asks of every module (``__path__``, ``__file__`` …) a stand-in need not have."""
    if name.startswith("__"):
        raise AttributeError(name)
    from importlib.util import module_from_spec, spec_from_file_location
    from pathlib import Path

    from pydantic import plugin

    spec = spec_from_file_location(f"{LOADER}.own", Path(plugin.__file__).with_name("_loader.py"))
    if spec is None or spec.loader is None:
        raise AttributeError(name)
    own = module_from_spec(spec)
    spec.loader.exec_module(own)
    return getattr(own, name)


def switch_off() -> None:
    """Let pydantic find no plugins, without looking for any."""
    if LOADER not in sys.modules:
        loader = types.ModuleType(LOADER, __doc__)
        loader.__spec__ = ModuleSpec(LOADER, None)
        loader.get_plugins = _none  # type: ignore[attr-defined]
        loader.__getattr__ = _rest  # type: ignore[method-assign]
        sys.modules[LOADER] = loader

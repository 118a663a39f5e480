"""PIL's image module executed when a picture needs it, not when reportlab is imported.

reportlab imports ``PIL.Image`` as it is imported (reportlab/lib/utils.py) and uses it only to
read pictures; a document without pictures never touches it, and executing it (with the EXIF
tag tables it builds) is some 6 ms of every PDF build.  Before reportlab is imported, the
module is therefore made lazy with the standard library's ``importlib.util.LazyLoader``: it is
executed the first time anything of it is used — reportlab reading a picture, or reportkit
preparing one (render/pictures.py) — and is then the module it always was.

The ``build`` command does this in its own process (and the batch workers it forks), where one
thread reads pictures; a lazy module is not safe to start from two threads at once before
Python 3.12, so the workspace server imports PIL as reportlab always did.
"""

from __future__ import annotations

import importlib.util
import sys

MODULE = "PIL.Image"


def defer_pil() -> None:
    """Make ``PIL.Image`` lazy, unless it is already imported."""
    if MODULE in sys.modules:
        return
    spec = importlib.util.find_spec(MODULE)
    if spec is None or spec.loader is None:
        return  # no PIL: reportlab says so itself
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE] = module
    loader.exec_module(module)
    vars(sys.modules["PIL"])["Image"] = module  # as the import system sets a submodule

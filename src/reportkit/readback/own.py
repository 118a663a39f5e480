"""The reader ``import`` is handed for Word files: a document reportkit wrote, known by its
styles and properties, read back into its source; any other Word document left to the draft
readers."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from reportkit.errors import Location, Problem, SourceError
from reportkit.readback import mark, reading
from reportkit.render.docx.package import TEMPLATE_PROPERTY
from reportkit.source.drafts.load import Loaded, OwnReader
from reportkit.template.registry import Template


def reader(template: Template | None = None) -> OwnReader:
    """The reader of reportkit's own documents (built with ``template``, when it is not a
    built-in one), for ``load_any`` and ``importer.plan``."""
    return partial(read_own, template=template)


def read_own(
    word: Any, path: Path, normalise: bool, kind: str | None, *, template: Template | None
) -> Loaded | None:
    """A document reportkit wrote (of ``kind``, when given; with ``template``, when given)
    read back into its source; None for any other Word document."""
    found = mark.recognise(word, kind, template)
    if found is None:
        said = mark.properties(word).get(TEMPLATE_PROPERTY)
        if said and kind is None:  # reportkit's, with a template not found: not a draft
            raise SourceError(
                [
                    Problem(
                        Location(path),
                        "",
                        f"这是 reportkit 用模板“{said}”生成的 Word 文件，没有找到这个模板：请加 "
                        "--template 写明模板的名称或文件夹后再导入（或加 --kind 按普通稿件读入）",
                    )
                ]
            )
        return None
    read = reading.read(word, path, found, normalise=normalise)
    name = found.template.profile.name
    why = f"reportkit 生成的文档，模板 {name}，{found.how}"
    return Loaded(found.kind, why, kind is not None, read, name)

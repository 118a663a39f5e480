"""Jinja2 text pieces of a template, run sandboxed (template/sandbox.py): data is printed,
never evaluated; a piece stands alone, and its work and its text are bounded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from reportkit.errors import Location, Problem, TemplateError
from reportkit.source.clean import describe, first_unusable
from reportkit.template.sandbox import BUDGET, MAX_TEXT, Budget, Sandbox, Stop, guard


class Pieces:
    """The named text pieces of one template (masthead lines, bylines, file name …)."""

    def __init__(self, folders: list[Path], files: dict[str, str]):
        """``folders``: the template's pieces folder first, then those of what it extends.
        Pieces are compiled here, every time: compiled code is never read from a file."""
        folder = folders[0]
        env = Sandbox(
            loader=jinja2.FileSystemLoader(folders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
        )
        env.add_filter("cn_date", cn_date)
        self._templates: dict[str, jinja2.Template] = {}
        self._fields: dict[str, tuple[str, ...]] = {}
        problems = []
        for key, name in files.items():
            try:
                source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
                bad = first_unusable(source.replace("\t", " "))  # a tab only lays out the code
                if bad is not None:
                    at, char = bad
                    problems.append(
                        Problem(
                            Location(Path(str(filename)), source.count("\n", 0, at) + 1),
                            key,
                            f"文字片段里有无法排版的字符：{describe(char)}，请删去",
                        )
                    )
                    continue
                parsed = env.parse(source, name, filename)
                refused = _references(parsed, Path(str(filename)), key)
                if refused:
                    problems += refused
                    continue
                guard(parsed)
                self._fields[key] = tuple(dict.fromkeys(_fields(parsed)))
                made = env.compile(parsed, name, filename)
                self._templates[key] = env.template_class.from_code(
                    env, made, env.make_globals(None)
                )
            except jinja2.TemplateNotFound:
                problems.append(Problem(Location(folder / name), key, "找不到这个文字片段文件"))
            except jinja2.TemplateSyntaxError as exc:
                problems.append(
                    Problem(
                        Location(folder / name, exc.lineno),
                        key,
                        f"模板语法有误：{_syntax(exc.message)}",
                    )
                )
        if problems:
            raise TemplateError(problems)

    def has(self, key: str) -> bool:
        """Does the template have the piece ``key``?"""
        return key in self._templates

    def fields(self, key: str) -> tuple[str, ...]:
        """The data fields the piece ``key`` prints, dotted (``number.code``), in the order
        it first names them."""
        return self._fields.get(key, ())

    def render(self, key: str, **data: Any) -> str:
        """The piece ``key`` filled with ``data``, surrounding whitespace removed.  A piece
        that fails, or goes past what a piece may do, is an error naming its file and line."""
        template = self._templates[key]
        try:
            return _run(template, data).strip()
        except Exception as exc:  # whatever a piece's code does wrong is the piece's error
            raise TemplateError([_problem(template, key, exc)]) from None


def _fields(node: nodes.Node) -> list[str]:
    """The names and attribute paths (``number.code``) ``node`` reads, in source order."""
    if isinstance(node, nodes.Getattr):
        inner: nodes.Node = node
        steps: list[str] = []
        while isinstance(inner, nodes.Getattr):
            steps.insert(0, inner.attr)
            inner = inner.node
        if isinstance(inner, nodes.Name) and inner.ctx == "load":
            return [".".join([inner.name, *steps])]
    if isinstance(node, nodes.Name) and node.ctx == "load":
        return [node.name]
    return [found for child in node.iter_child_nodes() for found in _fields(child)]


_REFERENCES = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "import",
    nodes.Extends: "extends",
}


def _references(parsed: nodes.Template, file: Path, key: str) -> list[Problem]:
    """A piece stands alone: each place it includes, imports or extends another file."""
    return [
        Problem(Location(file, node.lineno), key, f"文字片段不能引用其他文件（{tag}）")
        for kind, tag in _REFERENCES.items()
        for node in parsed.find_all(kind)
    ]


def _run(template: jinja2.Template, data: dict[str, Any]) -> str:
    """The text of ``template`` for ``data``, stopped once longer than a piece may write."""
    stream: Any = template.generate(**data, **{BUDGET: Budget()})
    out, size = [], 0
    for text in stream:
        out.append(text)
        size += len(text)
        if size > MAX_TEXT:
            line = _writing(stream, template)
            stream.close()
            raise Stop(f"文字片段写出的文字太长（超过 {MAX_TEXT} 字），请检查其中的循环", line)
    return "".join(out)


def _writing(stream: Any, template: jinja2.Template) -> int | None:
    """The line of the piece that is writing, while ``stream`` is paused."""
    while getattr(stream, "gi_yieldfrom", None) is not None:
        stream = stream.gi_yieldfrom
    frame = getattr(stream, "gi_frame", None)
    return template.get_corresponding_lineno(frame.f_lineno) if frame is not None else None


def _problem(template: jinja2.Template, key: str, exc: Exception) -> Problem:
    """What went wrong in a piece, at its line."""
    file = Path(template.filename or key)
    line = exc.args[1] if isinstance(exc, Stop) and len(exc.args) > 1 else None
    tb = exc.__traceback__
    while tb is not None:  # Jinja2 puts the piece's own lines in the traceback
        if tb.tb_frame.f_code.co_filename == template.filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    if isinstance(exc, Stop):
        message = str(exc.args[0])
    elif isinstance(exc, jinja2.UndefinedError):
        message = f"文字片段用到了没有的数据{_missing(exc.message)}"
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        message = "文字片段做了不允许的操作：只能填入数据，不能调用或修改"
    elif isinstance(exc, RecursionError):
        message = "文字片段不停地调用自己，没有尽头"
    elif isinstance(exc, ZeroDivisionError):
        message = "文字片段里有除以零的计算"
    elif isinstance(exc, TypeError | ValueError):
        message = "文字片段对这里的数据做了不适用的操作（例如把数字当作文字或列表）"
    else:
        message = "文字片段在这一行运行出错：请检查这里用到的数据和写法"
    return Problem(Location(file, line), key, message)


def _syntax(message: str | None) -> str:
    """Jinja's words for a slip in a piece (English), said in Chinese."""
    text = message or ""
    if found := re.search(r"unknown tag '([^']+)'", text):
        return f"不认识的标记“{found[1]}”"
    if found := re.search(r"No (filter|test) named '([^']+)'", text):
        return f"不认识的{'过滤器' if found[1] == 'filter' else '判断'}“{found[2]}”"
    if re.search(r"unexpected end of template", text, re.IGNORECASE):
        return (
            "文字片段在 {{ }} 或 {% %} 还没有结束时就结束了（是否缺少 }}、%}、endif 或 endfor？）"
        )
    if found := re.search(r"got '([^']+)'|unexpected '([^']+)'|unexpected char '([^']+)'", text):
        token = next(g for g in found.groups() if g)
        # Jinja names the end of a tag in words: then something is missing before it
        return "{{ }} 或 {% %} 里缺少内容" if " " in token else f"这里不该出现“{token}”"
    return "请检查 {{ }} 和 {% %} 是否成对、写法是否正确"


def _missing(message: str | None) -> str:
    """The name of the datum a piece asked for and did not get, as ``（“number”）``."""
    found = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", message or "")
    return f"“{found[1] or found[2]}”" if found else ""


def cn_date(value: Any) -> str:
    """A date as GB/T 9704 §7.3.5.4 writes it: 2019年4月26日 (no leading zeros)."""
    if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)

"""Jinja2 text pieces of a template, run sandboxed (template/sandbox.py): data is printed,
never evaluated; a piece stands alone, and its work and its text are bounded."""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from reportkit.errors import Location, Problem, TemplateError
from reportkit.source.clean import describe, first_unusable
from reportkit.template.sandbox import BUDGET, MAX_TEXT, Budget, Sandbox, Stop, guard

Compiled = dict[str, tuple[str, bytes]]  # piece → its file and its compiled code (marshal)


class Pieces:
    """The named text pieces of one template (masthead lines, bylines, file name …)."""

    def __init__(self, folders: list[Path], files: dict[str, str], kept: Compiled | None = None):
        """``folders``: the template's pieces folder first, then those of what it extends;
        ``kept``: the pieces as ``compiled`` gave them, when their files have not changed."""
        folder = folders[0]
        env = Sandbox(
            loader=jinja2.FileSystemLoader(folders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
        )
        env.add_filter("cn_date", cn_date)
        self._templates: dict[str, jinja2.Template] = {}
        self.compiled: Compiled = {}
        if kept:
            for key, (_, code) in kept.items():
                self._templates[key] = env.template_class.from_code(
                    env, marshal.loads(code), env.make_globals(None)
                )
            self.compiled = kept
            return
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
                made = env.compile(parsed, name, filename)
                self._templates[key] = env.template_class.from_code(
                    env, made, env.make_globals(None)
                )
                self.compiled[key] = (str(filename), marshal.dumps(made))
            except jinja2.TemplateNotFound:
                problems.append(Problem(Location(folder / name), key, "找不到这个文字片段文件"))
            except jinja2.TemplateSyntaxError as exc:
                problems.append(
                    Problem(
                        Location(folder / name, exc.lineno), key, f"模板语法有误（{exc.message}）"
                    )
                )
        if problems:
            raise TemplateError(problems)

    def has(self, key: str) -> bool:
        """Does the template have the piece ``key``?"""
        return key in self._templates

    def render(self, key: str, **data: Any) -> str:
        """The piece ``key`` filled with ``data``, surrounding whitespace removed.  A piece
        that fails, or goes past what a piece may do, is an error naming its file and line."""
        template = self._templates[key]
        try:
            return _run(template, data).strip()
        except Exception as exc:  # whatever a piece's code does wrong is the piece's error
            raise TemplateError([_problem(template, key, exc)]) from None


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
        message = f"文字片段用到了没有的数据（{exc.message}）"
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        message = f"文字片段做了不允许的操作（{exc}）"
    elif isinstance(exc, RecursionError):
        message = "文字片段不停地调用自己，没有尽头"
    else:
        message = f"文字片段运行出错（{type(exc).__name__}: {exc}）"
    return Problem(Location(file, line), key, message)


def cn_date(value: Any) -> str:
    """A date as GB/T 9704 §7.3.5.4 writes it: 2019年4月26日 (no leading zeros)."""
    if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def made_by() -> list[str]:
    """What compiled pieces depend on besides their files: Jinja2, the Python that runs them
    and the sandbox's code (its checks are compiled into them)."""
    code = (Path(__file__).parent / "sandbox.py").read_bytes() + Path(__file__).read_bytes()
    return [jinja2.__version__, sys.implementation.cache_tag, hashlib.sha256(code).hexdigest()]

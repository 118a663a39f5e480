"""Jinja2 text pieces of a template, run sandboxed: data is printed, never evaluated."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from reportkit.errors import Location, Problem, TemplateError
from reportkit.source.clean import describe, first_unusable


class Pieces:
    """The named text pieces of one template (masthead lines, bylines, file name …)."""

    def __init__(self, folders: list[Path], files: dict[str, str]):
        """``folders``: the template's pieces folder first, then those of what it extends.
        Pieces are compiled here, every time: compiled code is never read from a file."""
        folder = folders[0]
        env = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader(folders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
        )
        self._folder = folder
        env.filters["cn_date"] = cn_date
        self._files = files
        self._templates: dict[str, jinja2.Template] = {}
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
                made = env.compile(source, name, filename)
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

    def render(self, key: str, **data: Any) -> str:
        """The piece ``key`` filled with ``data``, surrounding whitespace removed."""
        try:
            return self._templates[key].render(**data).strip()
        except jinja2.UndefinedError as exc:
            where = Location(self._folder / self._files[key])
            raise TemplateError(
                [Problem(where, key, f"文字片段用到了没有的数据{_missing(exc.message)}")]
            ) from None
        except jinja2.exceptions.SecurityError:
            where = Location(self._folder / self._files[key])
            raise TemplateError(
                [Problem(where, key, "文字片段做了不允许的操作：只能填入数据，不能调用或修改")]
            ) from None


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

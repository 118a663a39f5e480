"""click's own words on the command line (usage line, help headings, usage errors) in Chinese."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import click

HELP = "显示这份说明并退出"
_HEADINGS = {
    "Options": "选项",
    "Commands": "命令",
    "Arguments": "参数",
    "Positional arguments": "参数",
}


class Formatter(click.HelpFormatter):
    """Help pages with Chinese headings and usage line, laid out by display width (a Chinese
    character takes two columns of a terminal; click counts it as one)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, as ``用法：reportkit build [选项] 简报...``."""
        super().write_usage(prog, args, prefix="用法：")

    def write_heading(self, heading: str) -> None:
        """A section heading (click's own in Chinese), as ``选项：``."""
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        """Paragraphs of ``text``, indented and wrapped to the page's width."""
        indent = " " * self.current_indent
        paragraphs = [_join(p.splitlines()) for p in re.split(r"\n\s*\n", text) if p.strip()]
        self.write(
            "\n\n".join(
                "\n".join(indent + line for line in wrap(p, self.width - self.current_indent))
                for p in paragraphs
            )
        )
        self.write("\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Options or commands and their help, in two aligned columns."""
        rows = list(rows)
        first_col = min(max((width(first) for first, _ in rows), default=0), col_max)
        first_col += col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2, 10)) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first_col + self.current_indent) + line + "\n")


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal: two for each wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# compiled (by ``re``, once) when help is wrapped: wide ranges take a millisecond to compile
_UNITS = r"[\u2e80-\u9fff\uf900-\uffef]|[^\s\u2e80-\u9fff\uf900-\uffef]+|\s+"
_NO_LINE_START = set("，。、；：？！）》」』”’")
_NO_LINE_END = set("（《「『“‘")


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` columns: between any two Chinese characters,
    at spaces elsewhere; a closing mark stays on the line it closes."""
    lines: list[str] = []
    line = ""
    for unit in re.findall(_UNITS, text):
        if line and width(line + unit) > columns and unit[0] not in _NO_LINE_START:
            carried = ""
            while line and line[-1] in _NO_LINE_END:  # an opening mark goes with what it opens
                line, carried = line[:-1], line[-1] + carried
            lines.append(line.rstrip())
            line = carried + ("" if unit.isspace() else unit)
        else:
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _join(rows: list[str]) -> str:
    """The lines of one paragraph as one: no space where Chinese text was broken."""
    out = ""
    for row in (r.strip() for r in rows):
        wide = out and width(out[-1]) == 2 and row and width(row[0]) == 2
        out += row if not out or wide else " " + row
    return out


class Context(click.Context):
    """A context whose help pages are written by :class:`Formatter`."""

    formatter_class = Formatter


class Option(click.Option):
    """An option whose help line shows only its own help text (no English ``[required]``:
    the help text says so in Chinese)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        """The option's names and help, as the help page lists them."""
        required, self.required = self.required, False
        try:
            return super().get_help_record(ctx)
        finally:
            self.required = required


class Count(click.ParamType):
    """A whole number of at least 1, refused in Chinese."""

    name = "个数"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        """``value`` as an int, or a usage error saying what is wrong."""
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\+?\d+", text) or int(text) < 1:
            self.fail(f"应为不小于 1 的整数，而不是“{value}”", param, ctx)
        return int(text)


class Port(click.ParamType):
    """A port number from 0 (any free port) to 65535, refused in Chinese."""

    name = "端口"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        """``value`` as an int, or a usage error saying what is wrong."""
        text = str(value).strip()
        if not re.fullmatch(r"\d{1,5}", text) or int(text) > 65535:
            self.fail(f"应为 0 到 65535 之间的端口号，而不是“{value}”", param, ctx)
        return int(text)


class Command(click.Command):
    """A command whose usage line, help and errors are in Chinese."""

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """``-h``/``--help``, described in Chinese."""
        return _described(super().get_help_option(ctx))


def _described(option: click.Option | None) -> click.Option | None:
    """The help option, its help in Chinese."""
    if option is not None:
        option.help = HELP
    return option


class Group(click.Group):
    """The top command: its subcommands are :class:`Command`; click's errors are shown in
    Chinese rather than by click itself."""

    context_class = Context
    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """``-h``/``--help``, described in Chinese."""
        return _described(super().get_help_option(ctx))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; a usage error is shown in Chinese and ends with status 2."""
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = run(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            show_usage_error(exc)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            if isinstance(exc, click.FileError):
                click.echo(f"错误：无法打开文件“{exc.ui_filename}”", err=True)
            else:
                click.echo(f"错误：{_chinese(exc.message)}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("已中止", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def show_usage_error(exc: click.UsageError) -> None:
    """A usage error as click shows one (usage line, where to find help, the error), in Chinese."""
    ctx = exc.ctx
    if isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ())) and ctx is not None:
        click.echo(ctx.get_help(), err=True)
        return
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        click.echo(f"查看说明：{ctx.command_path} -h\n", err=True)
    click.echo(f"错误：{usage_message(exc)}", err=True)


def usage_message(exc: click.UsageError) -> str:
    """What a usage error means, in Chinese (click's own words are never shown)."""
    if isinstance(exc, click.NoSuchOption):
        return f"没有“{exc.option_name}”这个选项" + _did_you_mean(exc.possibilities)
    if isinstance(exc, click.BadOptionUsage):
        if "does not take a value" in exc.message:
            return f"选项“{exc.option_name}”后面不能写值"
        return f"选项“{exc.option_name}”后面缺少要写的值"
    if isinstance(exc, click.MissingParameter):
        return f"缺少{_name(exc.param)}{_meaning(exc.param)}"
    if isinstance(exc, click.BadParameter):
        return f"{_name(exc.param)}的值不对：{_chinese(exc.message)}"
    found = re.match(r"No such command '(.*)'", exc.message)
    command = getattr(exc, "command_name", None) or (found.group(1) if found else None)
    if command is not None:
        return f"没有“{command}”这个命令。{_commands(exc.ctx)}"
    if exc.message.startswith("Missing command"):
        return f"缺少命令。{_commands(exc.ctx)}"
    found = re.match(r"Got unexpected extra arguments? \((.*)\)", exc.message)
    if found:
        return f"多余的参数：{found.group(1)}"
    return _chinese(exc.message)


def _did_you_mean(possibilities: list[str] | None) -> str:
    if not possibilities:
        return ""
    if len(possibilities) == 1:
        return f"，是否应为“{possibilities[0]}”？"
    return "，是否应为以下之一：" + "、".join(f"“{p}”" for p in possibilities)


def _name(param: click.Parameter | None) -> str:
    """An option by its names (``选项“-o/--output”``), an argument by what it stands for."""
    if isinstance(param, click.Option):
        return f"选项“{'/'.join(param.opts)}”"
    if param is not None:
        return f"参数“{param.human_readable_name.strip('[].')}”"
    return "参数"


def _meaning(param: click.Parameter | None) -> str:
    help_text = getattr(param, "help", None)
    return f"：{help_text}" if help_text else ""


def _commands(ctx: click.Context | None) -> str:
    group = ctx.command if ctx is not None else None
    if not isinstance(group, click.Group) or ctx is None:
        return ""
    return "可用的命令：" + "、".join(group.list_commands(ctx))


def _chinese(message: str) -> str:
    """``message`` when it is reportkit's own (Chinese); otherwise a plain Chinese sentence."""
    if re.search(r"[\u4e00-\u9fff]", message):
        return message
    return "命令行的写法不对，请查看说明（-h）"

"""The reportkit command line: build, validate, templates."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportkit import __version__

FORMATS_NOW = ("docx",)


class UserError(click.ClickException):
    """A bad option: printed as one line, exit status 1."""

    def format_message(self) -> str:
        return f"错误：{self.message}"

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(self.format_message(), err=True)


def _formats(value: str) -> tuple[str, ...]:
    from reportkit.render import FORMATS

    names = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    for name in names:
        if name not in FORMATS:
            known = "、".join(FORMATS)
            raise UserError(f"不支持的输出格式“{name}”，目前可以输出：{known}")
    return names or ("docx",)


def _report(outcome) -> None:  # type: ignore[no-untyped-def]
    for warning in outcome.warnings:
        if outcome.error is None or not outcome.error.problems:
            click.echo(str(warning), err=True)
    if outcome.error is not None:
        problems = outcome.error.problems
        if problems:
            for problem in problems:
                click.echo(str(problem), err=True)
        else:
            click.echo(f"{outcome.source}: 错误：{outcome.error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportkit")
def main() -> None:
    """reportkit：把结构化的简报内容排成符合 GB/T 9704-2012 的 Word 和 PDF。"""


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("dist"),
    show_default=True,
    help="输出文件夹",
)
@click.option(
    "--format", "formats", default="docx", show_default=True, help="输出格式，逗号分隔：docx,pdf"
)
@click.option(
    "--template", default="gbt9704-bulletin", show_default=True, help="内置模板名，或模板文件夹路径"
)
@click.option("--strict", is_flag=True, help="有警告也按失败处理，不写出文件")
@click.option("--no-normalize", "no_normalize", is_flag=True, help="不自动规范标点")
def build(
    sources: tuple[Path, ...],
    output: Path,
    formats: str,
    template: str,
    strict: bool,
    no_normalize: bool,
) -> None:
    """把 SOURCES（简报文件夹或 YAML 文件）排成 Word/PDF，写到输出文件夹。"""
    from reportkit import build as building

    options = building.Options(output, _formats(formats), template, strict, not no_normalize)
    failed = []
    for source in sources:
        outcome = building.build(source, options)
        _report(outcome)
        if outcome.error is not None:
            failed.append(source)
            continue
        for path, size in outcome.written:
            click.echo(f"已写出 {path}（{size / 1024:.1f} KB）")
    if failed:
        click.echo(f"失败 {len(failed)} 个：{'、'.join(map(str, failed))}", err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--template", default="gbt9704-bulletin", show_default=True, help="内置模板名，或模板文件夹路径"
)
@click.option("--strict", is_flag=True, help="有警告也按失败处理")
@click.option("--no-normalize", "no_normalize", is_flag=True, help="不检查标点")
def validate(paths: tuple[Path, ...], template: str, strict: bool, no_normalize: bool) -> None:
    """检查 PATHS 中的简报是否可以排版；没有问题时退出码为 0，否则为 1。"""
    from reportkit import build as building

    options = building.Options(Path("."), FORMATS_NOW, template, strict, not no_normalize)
    failed = 0
    for path in paths:
        outcome = building.check(path, options)
        _report(outcome)
        if outcome.error is None:
            note = f"，{len(outcome.warnings)} 条警告" if outcome.warnings else ""
            click.echo(f"{path}：可以排版{note}")
        else:
            failed += 1
    sys.exit(1 if failed else 0)


@main.command()
def templates() -> None:
    """列出内置模板。"""
    from reportkit.errors import ReportkitError
    from reportkit.template import registry

    for name in registry.builtin_names():
        try:
            description = registry.load(name).profile.description
        except ReportkitError as exc:
            description = f"（无法读取：{exc}）"
        click.echo(f"{name}\t{description}")

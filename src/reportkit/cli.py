"""The reportkit command line: build, validate, import, fonts, templates, serve."""

from __future__ import annotations

import gc

# A command allocates many long-lived objects (modules, models, font metrics) and few cycles:
# collected rarely from the first import on (with Python's default thresholds, importing the
# command line alone ran some 24 collections, 2-4 ms of every run)
gc.set_threshold(100_000, 50, 100)

from reportkit import pydantic_plugins

pydantic_plugins.switch_off()  # before any model is made

import os
import sys
from pathlib import Path

import click

from reportkit import __version__
from reportkit.clitext import Count, Group, Option, Port


def _font_files(values: tuple[str, ...]) -> tuple[tuple[str, Path], ...]:
    pairs = []
    for value in values:
        role, sep, file = value.partition("=")
        if not sep or not role.strip() or not file.strip():
            raise UserError(
                f"--font 的写法应为 角色=字体文件，例如 fangsong=/path/simfang.ttf，而不是“{value}”"
            )
        pairs.append((role.strip(), Path(file.strip())))
    return tuple(pairs)


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


# options several commands take, written once
template_option = click.option(
    "--template",
    default=None,
    metavar="模板",
    help="内置模板名，或模板文件夹路径（默认：按材料的 kind 选内置模板）",
)
font_option = click.option(
    "--font",
    "font_files",
    multiple=True,
    metavar="角色=字体文件",
    help="PDF 中某字体角色改用这个字体文件，如 fangsong=simfang.ttf",
)


@click.group("reportkit", cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, prog_name="reportkit", message="%(prog)s 版本 %(version)s", help="显示版本号并退出"
)
def main() -> None:
    """reportkit：把结构化的简报内容排成符合 GB/T 9704-2012 的 Word 和 PDF。"""
    # A build allocates many long-lived objects (font metrics, styles) and few cycles: collect
    # less often.  Measured: 30 ms of a 0.45 s build.
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


@main.command()
@click.argument(
    "sources", nargs=-1, required=True, metavar="简报...", type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("dist"),
    metavar="文件夹",
    help="输出文件夹（默认：dist）",
)
@click.option(
    "--format",
    "formats",
    default="docx",
    metavar="格式",
    help="输出格式，逗号分隔：docx,pdf（默认：docx）",
)
@template_option
@click.option("--strict", is_flag=True, help="有警告也按失败处理，不写出文件")
@click.option("--no-normalize", "no_normalize", is_flag=True, help="不自动规范标点")
@font_option
@click.option(
    "-j",
    "--jobs",
    type=Count(),
    default=None,
    metavar="个数",
    help="同时排版的个数（默认：处理器核数）",
)
@click.option("--force", is_flag=True, help="全部重新生成，不跳过未变的简报")
def build(
    sources: tuple[Path, ...],
    output: Path,
    formats: str,
    template: str | None,
    strict: bool,
    no_normalize: bool,
    font_files: tuple[str, ...],
    jobs: int | None,
    force: bool,
) -> None:
    """把简报（简报文件夹或 YAML 文件，可写多个）排成 Word/PDF，写到输出文件夹。

    多个简报并行排版；输入、模板和版本都没变的简报跳过（--force 全部重做）。
    """
    import time

    asked = _formats(formats)
    if "pdf" in asked:
        from reportkit.render.pdf.deferred import defer_pil

        defer_pil()  # before reportlab is imported: PIL's image module runs only for a picture
    from reportkit import batch, progress
    from reportkit import build as building

    options = building.Options(
        output, asked, template, strict, not no_normalize, _font_files(font_files)
    )
    start = time.perf_counter()
    with progress.Reporter(len(sources), quiet_single=True) as reporter:
        results = batch.run(sources, options, jobs=jobs, force=force, report=reporter)
    failed = [r for r in results if r.status == "failed"]
    if len(sources) > 1:
        click.echo(progress.summary(results, time.perf_counter() - start))
    elif results[0].status == "skipped":
        click.echo(f"{sources[0]}：输入、模板和版本都没有变，跳过（--force 可重新生成）")
    if failed:
        if len(sources) == 1:
            click.echo(f"失败 1 个：{failed[0].source}", err=True)
        sys.exit(1)


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, metavar="简报...", type=click.Path(path_type=Path)
)
@template_option
@click.option("--strict", is_flag=True, help="有警告也按失败处理")
@click.option("--no-normalize", "no_normalize", is_flag=True, help="不检查标点")
@click.option(
    "--format",
    "formats",
    default=None,
    metavar="格式",
    help="按哪些输出格式检查，逗号分隔（默认：全部，即 docx,pdf；pdf 还检查每个字本机字体中是否都有）",
)
@font_option
def validate(
    paths: tuple[Path, ...],
    template: str | None,
    strict: bool,
    no_normalize: bool,
    formats: str | None,
    font_files: tuple[str, ...],
) -> None:
    """检查简报是否可以排版；没有问题时退出码为 0，否则为 1。

    生成时会拒绝的问题都在这里报告：内容和模板、排版（末页底部放不下、表格列太窄）、PDF 中没有字体能排的字。
    """
    from reportkit import build as building
    from reportkit.render import FORMATS

    checked = _formats(formats) if formats is not None else tuple(FORMATS)
    options = building.Options(
        Path("."), checked, template, strict, not no_normalize, _font_files(font_files)
    )
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


@main.command()
@click.argument("source", required=False, metavar="[简报]", type=click.Path(path_type=Path))
@template_option
@font_option
def fonts(source: Path | None, template: str | None, font_files: tuple[str, ...]) -> None:
    """列出每个字体角色在本机用的字体和文件；给出简报时统计它用到的字的覆盖情况。"""
    from reportkit.errors import ReportkitError
    from reportkit.fonts import report

    try:
        ok = report.print_report(source, template, dict(_font_files(font_files)), click.echo)
    except ReportkitError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        if not exc.problems:
            click.echo(f"错误：{exc}", err=True)
        sys.exit(1)
    sys.exit(0 if ok else 1)


@main.command("import")
@click.argument(
    "files", nargs=-1, required=True, metavar="稿件...", type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--output",
    cls=Option,
    type=click.Path(path_type=Path),
    required=True,
    metavar="文件夹",
    help="写出 YAML 的文件夹（必写）",
)
@click.option(
    "--kind",
    default=None,
    metavar="类别",
    help="稿件的类别：bulletin（简报文章）、report（报告）、minutes（纪要）；默认按稿件识别",
)
@click.option(
    "--template",
    default=None,
    metavar="名称或路径",
    help="reportkit 生成的 Word 文件用的模板（自定义模板时写）；默认按文件中记下的模板或样式名识别",
)
@click.option("--no-normalize", "no_normalize", is_flag=True, help="不自动规范标点")
@click.option("--force", is_flag=True, help="覆盖已经存在的 YAML（默认不覆盖，以免丢掉已做的修改）")
@click.option(
    "--json", "as_json", is_flag=True, help="把导入结果以 JSON 写到标准输出（供脚本使用）"
)
def import_(
    files: tuple[Path, ...],
    output: Path,
    kind: str | None,
    template: str | None,
    no_normalize: bool,
    force: bool,
    as_json: bool,
) -> None:
    """把稿件（.txt、.md、.docx、.doc、.wps、.rtf、.odt）转成可核对、可修改的 YAML，写到 -o 指定的文件夹。

    按稿件识别类别：简报文章写成文章 YAML（汇编稿第一行的刊名和分册写成 bulletin.yaml），报告写成
    report.yaml，纪要写成 minutes.yaml（稿件缺少的文号、签发人等填占位内容，标“待核”）。
    最后列出每份稿件识别到的内容和需要核对之处。已存在的文件不覆盖。
    """
    import json

    from reportkit.errors import ReportkitError
    from reportkit.readback import own
    from reportkit.source.drafts import importer, summary
    from reportkit.source.kinds import KINDS
    from reportkit.template import registry

    if kind is not None and kind not in KINDS:
        known = "、".join(f"{name}（{k.title}）" for name, k in KINDS.items())
        raise UserError(f"--kind 应为 {known} 之一，而不是“{kind}”")
    try:
        chosen = registry.load(template) if template else None
        planned = importer.plan(
            list(files), output, normalise=not no_normalize, kind=kind, own=own.reader(chosen)
        )
    except ReportkitError as exc:
        _echo_problems(exc)
        sys.exit(1)
    for _, problems in planned.failed:
        for problem in problems:
            click.echo(str(problem), err=True)
    for note in planned.notes:
        click.echo(str(note), err=True)
    # with --json only the JSON is on standard output
    refused = importer.write(
        planned, force=force, say=lambda text, error: click.echo(text, err=error or as_json)
    )
    if as_json:
        statuses = {item.target: item.status for item in planned.files}
        shown = summary.as_json(planned.summaries, statuses)
        click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        for line in summary.text(planned.summaries):
            click.echo(line)
    failed = [str(path) for path, _ in planned.failed] + [str(p) for p in refused]
    if failed:
        click.echo(f"失败 {len(failed)} 个：{'、'.join(failed)}", err=True)
        sys.exit(1)


@main.command()
@click.argument(
    "folder", required=False, default=".", metavar="[文件夹]", type=click.Path(path_type=Path)
)
@click.option(
    "--port",
    type=Port(),
    default=8765,
    metavar="端口",
    help="在本机的这个端口上开放工作台（默认：8765；0 为任选一个空闲端口）",
)
@click.option("--no-browser", "no_browser", is_flag=True, help="不自动打开浏览器")
def serve(folder: Path, port: int, no_browser: bool) -> None:
    """在浏览器中打开工作台：新建简报、报告、纪要，加入稿件，边改边看排好的页面，下载 Word 和 PDF。

    工作台只在本机（127.0.0.1）开放，只读写给定的文件夹（默认：当前文件夹）；
    文件夹里的每份材料也可以用 reportkit build 生成。按 Ctrl+C 结束。
    """
    if not folder.is_dir():
        raise UserError(f"找不到文件夹“{folder}”")
    from reportkit.errors import ReportkitError
    from reportkit.serve import server

    try:
        server.serve(folder, port, not no_browser, click.echo)
    except ReportkitError as exc:
        raise UserError(str(exc)) from None


@main.command("check")
@click.argument(
    "paths", nargs=-1, required=True, metavar="文件或文件夹...", type=click.Path(path_type=Path)
)
@click.option(
    "--template",
    default=None,
    metavar="模板",
    help="按这个模板检查：内置模板名，或模板文件夹路径（默认：按文档的类型选内置模板）",
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出结果（格式见说明文档）")
@click.option(
    "--annotate",
    type=click.Path(path_type=Path),
    default=None,
    metavar="副本.docx",
    help="另存一份副本，每个问题作为批注标在所在段落（只用于一个 .docx）",
)
def check_(
    paths: tuple[Path, ...], template: str | None, as_json: bool, annotate: Path | None
) -> None:
    """检查 Word（.docx）或 PDF 文档是否符合 GB/T 9704-2012（或 --template 指定的模板）。

    文件夹表示其中所有 .docx 和 PDF，最后列出汇总表。退出码：0 没有错误（只有警告也算），
    1 有错误，2 有文件无法读取。
    """
    from reportkit.check import report, run

    if annotate is not None and (len(paths) != 1 or paths[0].suffix.lower() != ".docx"):
        raise UserError("--annotate 只能用于检查一个 .docx 文件")
    checked = []
    for item in run.check_all(list(paths), template):
        checked.append(item)
        if not as_json:
            for line in report.text(item):
                click.echo(line, err=item.result is None)
    if not checked:
        raise UserError(f"“{'、'.join(map(str, paths))}”里没有 .docx 或 PDF 文件")
    if as_json:
        click.echo(report.as_json(checked))
    elif len(checked) > 1 or any(p.is_dir() for p in paths):
        click.echo(report.summary(checked))
    if annotate is not None and checked[0].result is not None:
        from reportkit.check.annotate import annotate as write_copy
        from reportkit.errors import ReportkitError

        try:
            count = write_copy(checked[0].result, annotate)
        except ReportkitError as exc:
            _echo_problems(exc)
            sys.exit(2)
        if not as_json:
            click.echo(f"已写出带批注的副本 {annotate}（{count} 条批注）")
    sys.exit(run.status(checked))


@main.command("format")
@click.argument("file", metavar="文档.docx", type=click.Path(path_type=Path))
@click.option(
    "--template",
    default=None,
    metavar="模板",
    help="排成这个模板：内置模板名，或模板文件夹路径（默认：按文档的类型选内置模板）",
)
@click.option(
    "--format",
    "formats",
    default="docx,pdf",
    metavar="格式",
    help="输出格式，逗号分隔（默认：docx,pdf）",
)
@click.option("--force", is_flag=True, help="覆盖上次排版写出的文件")
def format_(file: Path, template: str | None, formats: str, force: bool) -> None:
    """一键排版：按“导入”读入文档，排成模板的格式，写在原文件旁边（名字加“-排版”），再检查结果。

    原文件不会被改动；上次排版写出的文件不覆盖（--force 覆盖）。退出码：0 结果没有错误，1 有错误或无法排版。
    """
    from reportkit.check import report
    from reportkit.check.reformat import format_document
    from reportkit.errors import ReportkitError

    try:
        done = format_document(
            file,
            template,
            _formats(formats),
            force=force,
            say=lambda text, error: click.echo(text, err=error),
        )
    except ReportkitError as exc:
        _echo_problems(exc)
        sys.exit(1)
    for note in done.notes:
        click.echo(str(note), err=True)
    for item in done.checked:
        for line in report.text(item):
            click.echo(line)
    click.echo(report.summary(done.checked))
    sys.exit(1 if any(c.result is not None and c.result.errors for c in done.checked) else 0)


@main.group("template", cls=Group)
def template_() -> None:
    """模板：从本单位的样本文档学出自己的模板。"""


@template_.command("learn")
@click.argument(
    "args",
    nargs=-1,
    required=True,
    metavar="样本.docx... 模板文件夹",
    type=click.Path(path_type=Path),
)
@click.option("--force", is_flag=True, help="模板文件夹里已有模板时覆盖它")
def learn_(args: tuple[Path, ...], force: bool) -> None:
    """从一份或几份样本（.docx）学出模板，写到模板文件夹。

    学到的模板继承同类的内置模板，只写与它不同之处（页面、网格、各部分字体字号、红头、
    页码、版记等），每项注明取自样本的哪里；几份样本时注明几份一致。
    """
    from reportkit.check.learn.learn import learn
    from reportkit.errors import ReportkitError

    if len(args) < 2:
        raise UserError(
            "请写出样本文件和要写出的模板文件夹，例如：reportkit template learn 样本.docx 本单位模板"
        )
    *samples, target = args
    try:
        learned = learn(list(samples), target, force=force)
    except ReportkitError as exc:
        _echo_problems(exc)
        sys.exit(1)
    count = len(learned.values) + len(learned.pieces) + (1 if learned.parts else 0)
    for note in learned.notes:
        click.echo(f"注意：{note}", err=True)
    click.echo(f"已写出模板 {target}（与基础模板不同之处 {count} 项）")


def _echo_problems(exc) -> None:  # type: ignore[no-untyped-def]
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    if not exc.problems:
        click.echo(f"错误：{exc}", err=True)


def entry() -> None:
    """The console command: run the CLI, then leave without tearing the heap down.

    Every output is written (atomically) and every worker has ended by the time the command
    returns; freeing tens of thousands of font-metric objects one by one at exit would only
    add about 40 ms to each run.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

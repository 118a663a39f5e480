"""Building many bulletins: in parallel, skipping what is up to date, never stopping at a bad one."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reportkit import __version__, atomic
from reportkit.build import Options, build
from reportkit.errors import ReportkitError
from reportkit.instant import epoch_setting
from reportkit.render import renderer
from reportkit.source.load import bulletin_file
from reportkit.template import registry

MANIFEST = ".reportkit-manifest.json"
ERROR_LOG = "reportkit-errors.log"


@dataclass
class Result:
    """What happened to one source, in plain data (it crosses process boundaries)."""

    source: str
    status: str  # built, failed, skipped
    pages: int = 0
    seconds: float = 0.0
    written: list[tuple[str, int, str]] = field(default_factory=list)  # path, size, sha256
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    key: str = ""
    peak_mb: float = 0.0  # the building process's peak resident memory so far
    trace: str = ""  # the traceback of a bug, for the error log


def options_key(options: Options) -> str:
    """A hash of what every output of a run depends on: reportkit's version, the options,
    the instant SOURCE_DATE_EPOCH fixes and the template's files.  (An output dated by the
    build's time is kept as it was written while its inputs stay the same.)"""
    digest = hashlib.sha256(
        f"{__version__}|{options.formats}|{options.strict}|{options.normalise}"
        f"|{epoch_setting()}".encode()
    )
    for role, font in options.fonts:
        digest.update(f"|font {role}={font}".encode())
    if options.template is None:  # the built-in template of each source's kind: all of them
        template = registry.builtin_root()
    else:
        try:
            template = registry.find(options.template)
        except ReportkitError:
            template = Path(options.template)
    _digest_files(digest, template)
    return digest.hexdigest()


def inputs_key(source: Path, common: str) -> str:
    """A hash of everything one source's outputs depend on: its own files and ``common``."""
    digest = hashlib.sha256(common.encode())
    _digest_files(digest, source)
    return digest.hexdigest()


def _digest_files(digest: hashlib._Hash, root: Path) -> None:
    for path in _files(root):
        digest.update(f"|{path.relative_to(root) if root.is_dir() else path.name}|".encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def _load_manifest(folder: Path) -> dict[str, dict]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _up_to_date(entry: dict | None, key: str, folder: Path) -> bool:
    if not entry or entry.get("key") != key:
        return False
    outputs = entry.get("outputs", {})
    if not isinstance(outputs, dict) or not outputs:
        return False
    return all(
        isinstance(digest, str) and _file_hash(folder / name) == digest
        for name, digest in outputs.items()
    )


def _build_one(source: str, options: Options, key: str) -> Result:
    start = time.perf_counter()
    try:
        outcome = build(Path(source), options)
    except Exception as exc:  # a bug in reportkit: this bulletin fails, the others go on
        result = Result(source, "failed", key=key, seconds=time.perf_counter() - start)
        result.errors = [
            f"{source}: 错误：reportkit 内部错误（{type(exc).__name__}: {exc}），请报告"
        ]
        import traceback  # only for a bug's report

        result.trace = traceback.format_exc()
        return result
    result = Result(source, "built" if outcome.error is None else "failed", key=key)
    result.seconds = time.perf_counter() - start
    result.pages = outcome.pages or 0
    result.written = [(str(p), size, digest) for p, size, digest in outcome.written]
    result.warnings = [str(w) for w in outcome.warnings]
    if outcome.error is not None:
        problems = [str(p) for p in outcome.error.problems]
        result.errors = problems or [f"{source}: 错误：{outcome.error}"]
    result.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _warm(options: Options) -> None:
    """Import the renderers, make the models' schemas and load the fonts once, before the
    workers are forked from here."""
    from reportkit.source import model, validation
    from reportkit.source.kinds import KINDS
    from reportkit.template import profile

    kinds = [kind.model for kind in KINDS.values()]  # every kind's module imported
    validation.prepare(model.Model, profile.Data, *kinds)
    for fmt in options.formats:
        renderer(fmt)
    if "pdf" in options.formats:
        from reportkit.render.pdf import writer

        with contextlib.suppress(ReportkitError):  # a font problem is reported per bulletin
            writer.warm(registry.load(options.template or registry.DEFAULT), dict(options.fonts))


def _worker_init() -> None:
    gc.set_threshold(100_000, 50, 100)  # long-lived font data, few cycles


def run(
    sources: Iterable[Path],
    options: Options,
    *,
    jobs: int | None = None,
    force: bool = False,
    report: Callable[[Result, int, int], None] | None = None,
) -> list[Result]:
    """Build every source; results in the order given.  ``report`` is told of each as it ends.

    The manifest and the error log are written whatever happens to the builds.
    """
    sources = list(sources)
    atomic.remove_stale_parts(options.output)
    manifest = _load_manifest(options.output)
    results: dict[int, Result] = {}
    todo: list[tuple[int, str, str]] = []
    common = options_key(options)
    clashes = _same_names(sources)
    for index, source in enumerate(sources):
        if index in clashes:
            results[index] = Result(str(source), "failed", errors=[clashes[index]])
            continue
        key = inputs_key(source, common)
        if not force and _up_to_date(manifest.get(str(source.resolve())), key, options.output):
            results[index] = Result(str(source), "skipped", key=key)
        else:
            todo.append((index, str(source), key))
    done = len(results)
    for index in sorted(results):
        if report:
            report(results[index], index + 1, len(sources))
    try:
        for index, result in _results(todo, options, jobs):
            results[index] = result
            done += 1
            if report:
                report(result, done, len(sources))
    finally:
        _save_manifest(options.output, sources, results)
        _log_bugs(options.output, [results[i] for i in sorted(results)])
    return [results[i] for i in range(len(sources))]


def _results(
    todo: list[tuple[int, str, str]], options: Options, jobs: int | None
) -> Iterator[tuple[int, Result]]:
    """Each bulletin's result as it ends: in this process for one worker, else in a pool."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    if workers == 1:
        for index, name, key in todo:
            yield index, _build_one(name, options, key)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only for a batch

    _warm(options)
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
        futures = {
            pool.submit(_build_one, source, options, key): (index, source)
            for index, source, key in todo
        }
        for future in as_completed(futures):
            index, source = futures[future]
            try:
                yield index, future.result()
            except Exception as exc:  # a worker died (out of memory, killed): this one failed
                result = Result(source, "failed")
                result.errors = [
                    f"{source}: 错误：排版进程意外结束（{type(exc).__name__}），"
                    "可能是内存不足或被终止；请单独重新生成这一份，如仍失败请报告"
                ]
                yield index, result


def _same_names(sources: list[Path]) -> dict[int, str]:
    """Sources that would write the same output files: each named with the others."""
    by_name: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        by_name.setdefault(bulletin_file(source)[1], []).append(index)
    clashes = {}
    for name, indexes in by_name.items():
        if len(indexes) < 2:
            continue
        paths = "、".join(str(sources[i]) for i in indexes)
        for i in indexes:
            clashes[i] = (
                f"{sources[i]}: 错误：有 {len(indexes)} 个简报都叫“{name}”（{paths}），"
                "输出文件会互相覆盖；请给文件夹改名后再生成"
            )
    return clashes


def _save_manifest(folder: Path, sources: list[Path], results: dict[int, Result]) -> None:
    """Record what was built (under a lock, merged with what another run may have written)."""
    updates: dict[str, dict | None] = {}
    for index, source in enumerate(sources):
        result = results.get(index)
        if result is None:
            continue
        name = str(source.resolve())
        if result.status == "built":
            outputs = {Path(path).name: digest for path, _, digest in result.written}
            updates[name] = {"key": result.key, "outputs": outputs}
        elif result.status == "failed":
            updates[name] = None
    if not updates or not folder.is_dir():
        return
    # the outputs are written; a manifest that cannot be written only costs skipping
    with contextlib.suppress(OSError, ReportkitError), _locked(folder):
        manifest = _load_manifest(folder)
        for name, entry in updates.items():
            if entry is None:
                manifest.pop(name, None)
            else:
                manifest[name] = entry
        atomic.write_bytes(
            folder / MANIFEST,
            json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode(),
        )


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """The output folder locked against another run updating its manifest at the same time."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _log_bugs(folder: Path, results: list[Result]) -> None:
    """Append the tracebacks of bugs to the error log in the output folder, and say where."""
    bugs = [r for r in results if r.trace]
    if not bugs:
        return
    log = folder / ERROR_LOG
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            for result in bugs:
                handle.write(f"== {result.source} (reportkit {__version__})\n{result.trace}\n")
    except OSError:
        return
    for result in bugs:
        result.errors.append(f"{result.source}: 错误的详细信息已记入 {log}，报告问题时请附上")

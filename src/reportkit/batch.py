"""Building many bulletins: in parallel, skipping what is up to date, never stopping at a bad one."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import resource
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportkit import __version__, atomic
from reportkit.build import Options, build
from reportkit.errors import ReportkitError
from reportkit.render import renderer
from reportkit.template import registry

MANIFEST = ".reportkit-manifest.json"


@dataclass
class Result:
    """What happened to one source, in plain data (it crosses process boundaries)."""

    source: str
    status: str  # built, failed, skipped
    pages: int = 0
    seconds: float = 0.0
    written: list[tuple[str, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    key: str = ""
    peak_mb: float = 0.0  # the building process's peak resident memory so far


def options_key(options: Options) -> str:
    """A hash of what every output of a run depends on: reportkit's version, the options and
    the template's files."""
    digest = hashlib.sha256(
        f"{__version__}|{options.formats}|{options.strict}|{options.normalise}".encode()
    )
    for role, font in options.fonts:
        digest.update(f"|font {role}={font}".encode())
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
    for name, size in entry.get("outputs", {}).items():
        path = folder / name
        if not path.is_file() or path.stat().st_size != size:
            return False
    return True


def _build_one(source: str, options: Options, key: str) -> Result:
    start = time.perf_counter()
    outcome = build(Path(source), options)
    result = Result(source, "built" if outcome.error is None else "failed", key=key)
    result.seconds = time.perf_counter() - start
    result.pages = outcome.pages or 0
    result.written = [(str(p), size) for p, size in outcome.written]
    result.warnings = [str(w) for w in outcome.warnings]
    if outcome.error is not None:
        problems = [str(p) for p in outcome.error.problems]
        result.errors = problems or [f"{source}: 错误：{outcome.error}"]
    result.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _warm(options: Options) -> None:
    """Import the renderers and load the fonts once, before the workers are forked from here."""
    for fmt in options.formats:
        renderer(fmt)
    if "pdf" in options.formats:
        from reportkit.render.pdf import writer

        with contextlib.suppress(ReportkitError):  # a font problem is reported per bulletin
            writer.warm(registry.load(options.template), dict(options.fonts))


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
    """Build every source; results in the order given.  ``report`` is told of each as it ends."""
    sources = list(sources)
    manifest = _load_manifest(options.output)
    results: dict[int, Result] = {}
    todo: list[tuple[int, str, str]] = []
    common = options_key(options)
    for index, source in enumerate(sources):
        key = inputs_key(source, common)
        if not force and _up_to_date(manifest.get(str(source.resolve())), key, options.output):
            results[index] = Result(str(source), "skipped", key=key)
        else:
            todo.append((index, str(source), key))
    done = len(results)
    for index in sorted(results):
        if report:
            report(results[index], index + 1, len(sources))
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    if workers == 1:
        for index, name, key in todo:
            results[index] = _build_one(name, options, key)
            done += 1
            if report:
                report(results[index], done, len(sources))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed  # only for a batch

        _warm(options)
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
            futures = {
                pool.submit(_build_one, source, options, key): index for index, source, key in todo
            }
            for future in as_completed(futures):
                index = futures[future]
                results[index] = future.result()
                done += 1
                if report:
                    report(results[index], done, len(sources))
    _save_manifest(options.output, manifest, sources, results)
    return [results[i] for i in range(len(sources))]


def _save_manifest(
    folder: Path, manifest: dict[str, dict], sources: list[Path], results: dict[int, Result]
) -> None:
    changed = False
    for index, source in enumerate(sources):
        result = results[index]
        name = str(source.resolve())
        if result.status == "built":
            outputs = {Path(path).name: size for path, size in result.written}
            manifest[name] = {"key": result.key, "outputs": outputs}
            changed = True
        elif result.status == "failed" and name in manifest:
            del manifest[name]
            changed = True
    if changed and folder.is_dir():
        # the outputs are written; a manifest that cannot be written only costs skipping
        with contextlib.suppress(ReportkitError):
            atomic.write_bytes(
                folder / MANIFEST,
                json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode(),
            )

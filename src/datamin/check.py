"""The one place that knows the order of the stages:

discover -> parse -> classify -> match the manifest -> (the CLI) report.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from datamin.categories import load
from datamin.classify import classify_all
from datamin.discover import DEFAULT_MAX_FILE_SIZE, Source, discover
from datamin.manifest import Manifest
from datamin.match import match
from datamin.parse import PARSERS, wants
from datamin.parse.decode import decode
from datamin.records import Field, Finding, ScanError

DEFAULT_MIN_CONFIDENCE = 0.5
PARALLEL_FROM = 200  # below this many files a process pool costs more than it saves


class Options(NamedTuple):
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    jobs: int = 0  # 0: as many as there are cores, when there are many files


class Result(NamedTuple):
    fields: list[Field]  # personal-data fields at or above the minimum confidence
    findings: list[Finding]
    errors: list[ScanError]
    scanned: int  # files read


def inventory(paths: Iterable[str], options: Options | None = None) -> Result:
    options = options or Options()
    discovered = discover(paths, options.exclude)
    fields: list[Field] = []
    errors = list(discovered.errors)
    scanned = 0
    for read in _read_all(discovered.sources, options):
        fields.extend(f for f in read.fields if f.category is not None and f.confidence >= options.min_confidence)
        errors.extend(read.errors)
        scanned += read.scanned
    fields.sort(key=lambda f: (f.path, f.control.line, f.control.column))
    errors.sort(key=lambda e: (e.path, e.line or 0))
    return Result(fields, [], errors, scanned)


def check(paths: Iterable[str], manifest: Manifest, options: Options | None = None) -> Result:
    result = inventory(paths, options)
    findings = sorted(match(result.fields, manifest), key=lambda f: (f.path, f.line, f.column, f.code))
    return Result(result.fields, findings, result.errors, result.scanned)


class FileRead(NamedTuple):
    fields: list[Field]
    errors: list[ScanError]
    scanned: bool  # False when the file was skipped (binary, too large, unreadable)


def _read_all(sources: list[Source], options: Options) -> Iterator[FileRead]:
    jobs = options.jobs or (os.cpu_count() or 1)
    if jobs > 1 and len(sources) >= PARALLEL_FROM:
        import multiprocessing  # only for large trees: keeps start-up fast
        from concurrent.futures import ProcessPoolExecutor

        load()  # read the rules once, before the workers fork
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        work = [(source, options.max_file_size) for source in sources]
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            yield from pool.map(_read_personal, work, chunksize=max(1, len(sources) // (jobs * 8)))
    else:
        for source in sources:
            yield read_source(source, options.max_file_size)


def _read_personal(work: tuple[Source, int]) -> FileRead:
    """In a worker process: send back only what the parent will keep."""
    read = read_source(*work)
    return FileRead([f for f in read.fields if f.category is not None], read.errors, read.scanned)


def _skipped(source: Source, why: str) -> FileRead:
    return FileRead([], [ScanError(source.display, None, f"{why}; skipped")], False)


def read_source(source: Source, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> FileRead:
    """Read, parse and classify one file. Problems with the file become errors, not exceptions."""
    try:
        size = os.stat(source.path).st_size
        if size > max_file_size and source.kind != "sql":
            return _skipped(source, f"larger than the maximum file size ({size:,} > {max_file_size:,} bytes)")
        with open(source.path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return _skipped(source, f"cannot be read: {exc.strerror or exc}")
    if b"\0" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _skipped(source, "binary file")
    decoded = decode(data)
    errors = []
    if decoded.problem:
        errors.append(ScanError(source.display, decoded.problem_line, decoded.problem))
    if not wants(source.display, decoded.text):
        return FileRead([], errors, True)
    parsed = PARSERS[source.kind](source.display, decoded.text)
    lexicon = load()
    return FileRead(classify_all(parsed.controls, lexicon), errors + parsed.errors, True)

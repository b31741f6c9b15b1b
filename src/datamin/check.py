"""The one place that knows the order of the stages:

discover -> read and parse each file -> classify -> the file's own findings (its forms, its
values) -> the manifest's findings across files (declarations, policy, transfers) -> (the CLI)
report.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from datamin.categories import load
from datamin.classify import classify_all
from datamin.discover import DEFAULT_MAX_FILE_SIZE, Source, discover, display_path
from datamin.manifest import Manifest
from datamin.parse import PARSERS, wants
from datamin.parse.decode import decode
from datamin.records import Field, Finding, Page, ScanError

if TYPE_CHECKING:
    from datamin.parse.sql.dialect import Guess
    from datamin.web.crawl import Settings

DEFAULT_MIN_CONFIDENCE = 0.5
PARALLEL_FROM = 200  # below this many files a process pool costs more than it saves


class Options(NamedTuple):
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    jobs: int = 0  # 0: as many as there are cores, when there are many files
    dialect: str = ""  # the SQL dialect of every file; "" to guess it from each file's text
    dialects: tuple[tuple[str, str], ...] = ()  # (absolute path glob, dialect) from [tool.datamin]


class Result(NamedTuple):
    fields: list[Field]  # personal-data fields at or above the minimum confidence
    findings: list[Finding]
    errors: list[ScanError]
    scanned: int  # files read
    notes: tuple[str, ...] = ()  # what verbose output shows: the SQL dialect of each file
    baselined: int = 0  # findings a --baseline left out
    stale: int = 0  # baseline entries that matched no finding
    pages: tuple[Page, ...] = ()  # a live scan's pages, in the order they were fetched


class FileRead(NamedTuple):
    fields: list[Field]  # the file's personal-data fields
    findings: list[Finding]  # what its forms and values show (with a manifest only)
    errors: list[ScanError]
    scanned: int  # files read (0 when skipped: binary, too large, unreadable)
    notes: tuple[str, ...] = ()


def inventory(paths: Iterable[str], options: Options | None = None) -> Result:
    return _scan(paths, options or Options(), None)


def check(
    paths: Iterable[str], manifest: Manifest, options: Options | None = None, *, full_scan: bool = False
) -> Result:
    """Every finding. `full_scan`: the whole tree under the manifest was read, so a declaration
    that matches nothing is stale (DM200); a list of files or a diff says nothing about that."""
    return _against_manifest(_scan(paths, options or Options(), manifest), manifest, full_scan=full_scan)


def _against_manifest(result: Result, manifest: Manifest, *, full_scan: bool) -> Result:
    """The fields matched against the declarations; the manifest's own findings added."""
    from datamin.findings.declarations import Coverage, declaration_findings, field_findings, stale_findings
    from datamin.findings.sprawl import sprawl_findings
    from datamin.findings.transfers import transfer_findings

    lexicon = load()
    where = display_path(manifest.path)
    coverage = Coverage(manifest, result.fields)
    findings = [
        *result.findings,
        *field_findings(result.fields, coverage),
        *declaration_findings(manifest, lexicon, where),
        *transfer_findings(manifest, where),
    ]
    findings.extend(sprawl_findings(result.fields, manifest.identity_tables))
    if full_scan:
        findings.extend(stale_findings(coverage, where))
    findings = suppressed(findings, result.fields)
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.code))
    return result._replace(findings=findings)


def scan_site(
    url: str,
    manifest: Manifest | None,
    settings: Settings,
    options: Options | None = None,
    *,
    browser: Any = None,
    on_page: Callable[[Page], None] | None = None,
) -> Result:
    """A live scan: the pages of one site, each read like a template file; with a manifest, its
    fields are matched against the declarations (never DM200: a crawl sees part of a site).
    Ctrl-C ends the crawl early and keeps what was found."""
    from datamin.web.crawl import Crawler
    from datamin.web.page import read_page, site_manifest

    options = options or Options()
    crawler = Crawler(url, settings, browser=browser)
    checked = site_manifest(manifest, crawler.start)
    fields: list[Field] = []
    findings: list[Finding] = []
    errors: list[ScanError] = []
    pages: list[Page] = []
    read = 0
    try:
        for visit in crawler.crawl():
            page = visit.page
            if visit.html is not None:
                found = read_page(page.url, visit.html, checked, options.min_confidence)
                fields.extend(found.fields)
                findings.extend(found.findings)
                errors.extend(found.errors)
                page = page._replace(forms=found.forms, trackers=found.trackers)
                read += 1
            if page.error:
                errors.append(ScanError(page.url, None, page.error))
            pages.append(page)
            if on_page is not None:
                on_page(page)
    except KeyboardInterrupt:
        errors.append(ScanError(crawler.start, None, f"interrupted after {len(pages)} pages; this is what was found"))
    finally:
        crawler.close()
    result = Result(fields, findings, errors, read, tuple(crawler.notes), pages=tuple(pages))
    if manifest is not None:
        return _against_manifest(result, manifest, full_scan=False)
    return result._replace(findings=suppressed(findings, fields))


def suppressed(findings: list[Finding], fields: list[Field]) -> list[Finding]:
    """Less the findings an inline `datamin: ignore[CODE] reason` comment suppresses."""
    ignored = {(f.path, f.control.line, f.control.column): f.control.suppress for f in fields if f.control.suppress}
    if not ignored:
        return findings
    return [
        f
        for f in findings
        if not any(
            f.code.startswith(code) or code == f.category for code in ignored.get((f.path, f.line, f.column), ())
        )
    ]


def _scan(paths: Iterable[str], options: Options, manifest: Manifest | None) -> Result:
    discovered = discover(paths, options.exclude)
    fields: list[Field] = []
    findings: list[Finding] = []
    errors = list(discovered.errors)
    scanned = 0
    notes: list[str] = []
    for read in _read_all(discovered.sources, options, manifest):
        fields.extend(read.fields)
        findings.extend(read.findings)
        errors.extend(read.errors)
        notes.extend(read.notes)
        scanned += read.scanned
    fields.sort(key=lambda f: (f.path, f.control.line, f.control.column))
    errors.sort(key=lambda e: (e.path, e.line or 0))
    return Result(fields, findings, errors, scanned, tuple(notes))


Unit = Source | tuple[str, list[Source]]  # a template, or a schema: its store and its SQL files in order
Work = tuple[Unit, Options, "Manifest | None"]


def _units(sources: list[Source]) -> list[Unit]:
    from datamin.parse.sql.migrations import schemas

    sql = [(s.display, s) for s in sources if s.kind == "sql"]
    units: list[Unit] = [s for s in sources if s.kind != "sql"]
    units.extend(schemas(sql))
    return units


def _read_all(sources: list[Source], options: Options, manifest: Manifest | None) -> Iterator[FileRead]:
    jobs = options.jobs or (os.cpu_count() or 1)
    work: list[Work] = [(unit, options, manifest) for unit in _units(sources)]
    if jobs > 1 and len(work) >= PARALLEL_FROM:
        import multiprocessing  # only for large trees: keeps start-up fast
        from concurrent.futures import ProcessPoolExecutor

        load()  # read the rules once, before the workers fork
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            yield from pool.map(_read, work, chunksize=max(1, len(sources) // (jobs * 8)))
    else:
        yield from map(_read, work)


def _read(work: Work) -> FileRead:
    unit, options, manifest = work
    if isinstance(unit, Source):
        return read_source(unit, options, manifest)
    return read_schema(unit[0], unit[1], options, manifest)


def _skipped(source: Source, why: str) -> FileRead:
    return FileRead([], [], [ScanError(source.display, None, f"{why}; skipped")], 0)


def read_source(source: Source, options: Options | None = None, manifest: Manifest | None = None) -> FileRead:
    """Read, parse and classify one file, and find what its forms and values show.
    Problems with the file become errors, not exceptions."""
    options = options or Options()
    try:
        size = os.stat(source.path).st_size
        if size > options.max_file_size and source.kind != "sql":
            return _skipped(source, f"larger than the maximum file size ({size:,} > {options.max_file_size:,} bytes)")
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
        return FileRead([], [], errors, 1)
    parsed = PARSERS[source.kind](source.display, decoded.text, notices=manifest is not None)
    controls = parsed.controls
    if manifest is not None:
        from datamin import suppress

        found, problems = suppress.directives(source.display, decoded.text)
        controls = suppress.apply(controls, found)
        errors.extend(problems)
    fields = [
        f if f.category is None or f.confidence >= options.min_confidence else f._replace(category=None)
        for f in classify_all(controls, load(), parsed.place)
    ]
    findings: list[Finding] = []
    if manifest is not None:
        from datamin.findings.forms import form_findings
        from datamin.findings.values import value_findings

        findings = form_findings(fields, parsed.notice, manifest) + value_findings(source.display, decoded.text)
    personal = [_say_how_read(f) for f in fields if f.category is not None]
    return FileRead(personal, findings, errors + parsed.errors, 1)


def read_schema(
    store: str, sources: list[Source], options: Options | None = None, manifest: Manifest | None = None
) -> FileRead:
    """Read the SQL files of one schema in order, then classify the columns of the final schema.
    With a manifest, data and schema statements are scanned for real-looking values (DM302)."""
    from datamin.parse.sql.read import Reader

    options = options or Options()
    reader = Reader(store)
    errors: list[ScanError] = []
    notes: list[str] = []
    values: list[Finding] = []
    scanned = 0
    dialect: Guess | None = None  # migrations share one dialect: a file with no hint of its own reads as the others
    for source in sources:
        on_data = _ValueScanner(source.display, values) if manifest is not None else None
        given = _dialect(source, options)
        try:
            read = reader.read(source.path, source.display, given, on_data, fallback=dialect)
            if on_data is not None:
                on_data.flush()
        except Exception as exc:
            errors.append(ScanError(source.display, None, f"could not be read ({exc!r}); skipped"))
            continue
        dialect = dialect or (read.dialect if read.dialect and read.dialect.dialect else None)
        errors.extend(read.errors)
        notes.extend(read.notes)
        scanned += read.scanned
    fields = [
        f if f.category is None or f.confidence >= options.min_confidence else f._replace(category=None)
        for f in classify_all(reader.schema.controls(), load())
    ]
    personal = [_say_how_read(f) for f in fields if f.category is not None]
    return FileRead(personal, values, errors, scanned, tuple(notes))


def _say_how_read(field: Field) -> Field:
    """Evidence that is about how a field was found rather than what it holds."""
    via = field.control.via
    if via == "tolerant reader":
        return field._replace(
            evidence=(*field.evidence, "read by the tolerant reader: sqlglot could not parse the statement")
        )
    if via.startswith("inherited from "):
        return field._replace(evidence=(via, *field.evidence))  # a user model's username, from AbstractUser
    return field


class _ValueScanner:
    """DM302 on the data lines of a dump, read in batches: one look at 256 KB of COPY rows costs
    far less than a look at each of their thousands of short lines. A dump of real customer
    data holds a value in every row: the first LISTED of a category are reported one by one,
    then one finding says more follow, and the rest of the file is not searched for that
    category (time and memory stay bounded; one finding or a hundred, the advice is the same)."""

    BATCH = 256 * 1024
    LISTED = 100

    def __init__(self, display: str, found: list[Finding]) -> None:
        self.display = display
        self.found = found
        self.lines: list[str] = []
        self.size = 0
        self.first = 0  # the line the batch starts on
        self.next = 0  # the line that continues it
        self.listed: dict[str, int] = {}
        self.done: frozenset[str] = frozenset()  # categories no longer looked for
        self.table: str | None = None  # the table and columns of the data statement read last
        self.columns: list[str] | None = None
        self.copy = False

    def __call__(self, number: int, text: str) -> None:
        if self.lines and number != self.next:
            self.flush()  # not the next line of the same data: a batch holds one stretch of the file
        if not self.lines:
            self.first = number
        self.lines.append(text)
        self.size += len(text)
        self.next = number + text.count("\n")  # a long line comes in pieces, COPY rows in batches
        if self.size >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        from datamin.findings.values import value_findings

        if not self.lines:
            return
        text, first = "".join(self.lines), self.first
        self.lines, self.size = [], 0
        unlisted: dict[str, tuple[Finding, int]] = {}
        for finding in value_findings(self.display, text, self.done, self._column):
            finding = finding._replace(line=finding.line + first - 1)
            category = finding.category or ""
            listed = self.listed.get(category, 0)
            if listed < self.LISTED:
                self.listed[category] = listed + 1
                self.found.append(finding)
            else:
                earliest, count = unlisted.get(category, (finding, 0))
                unlisted[category] = (earliest, count + 1)
        for category, (earliest, count) in unlisted.items():
            self.found.append(
                earliest._replace(
                    message=f"more real-looking {category} values follow in this file's data ({count:,} in the next "
                    f"rows alone); the first {self.LISTED} are listed and the rest of the file is not searched "
                    "for them: this is real personal data, which a schema file or a repository should not hold"
                )
            )
        self.done = self.done | unlisted.keys()
        self._read_header(text, len(text))  # the next batch may continue this statement's rows

    def _column(self, text: str, at: int) -> tuple[str | None, str | None]:
        """The table and column of a value in a data row: from the INSERT or COPY that the row
        belongs to, in this batch or before it."""
        from datamin.findings.holders import column_in_row

        self._read_header(text, at)
        if self.columns is None:
            return None, None
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start : end if end >= 0 else len(text)]
        return column_in_row(line, at - start, self.columns, copy=self.copy), self.table

    def _read_header(self, text: str, before: int) -> None:
        from datamin.findings.holders import statement_head

        head = statement_head(text, before)
        if head is not None:
            self.table, self.columns, self.copy = head
            self.columns = self.columns or None


def _dialect(source: Source, options: Options) -> Guess | None:
    """The dialect the user gave: on the command line, else for a path glob in [tool.datamin]."""
    from datamin.parse.sql.dialect import Guess

    if options.dialect:
        return Guess(options.dialect, "given with --dialect")
    if options.dialects:
        from datamin.findings.declarations import path_glob

        path = os.path.abspath(source.path).replace(os.sep, "/")
        for glob, dialect in options.dialects:
            if path_glob(glob).fullmatch(path):
                return Guess(dialect, "configured in [tool.datamin] dialects")
    from datamin.parse.sql.migrations import dialect_in_name

    named = dialect_in_name(os.path.basename(source.path))
    return Guess(named, "named in the file name") if named else None

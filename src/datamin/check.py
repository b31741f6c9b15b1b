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
from datamin.records import Control, Field, Finding, Page, ScanError

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
    discovered: int = 0  # files found that datamin reads (0: nothing to scan)
    skipped: tuple[str, ...] = ()  # a live scan's pages not fetched because robots.txt disallows them


class FileRead(NamedTuple):
    fields: list[Field]  # the file's personal-data fields
    findings: list[Finding]  # what its forms and values show (with a manifest only)
    errors: list[ScanError]
    scanned: int  # files read (0 when skipped: binary, too large, unreadable)
    notes: tuple[str, ...] = ()
    # Fields whose evidence is in another file: a ModelForm's `Meta.fields` entry that nothing in
    # its own file classifies is its model's field (`("model", "Patient")` in its context).
    pending: tuple[Control, ...] = ()


def inventory(paths: Iterable[str], options: Options | None = None) -> Result:
    return _scan(paths, options or Options(), None)


def check(
    paths: Iterable[str], manifest: Manifest, options: Options | None = None, *, full_scan: bool = False
) -> Result:
    """Every finding. `full_scan`: the whole tree under the manifest was read, so a declaration
    that matches nothing is stale (DM200); a list of files or a diff says nothing about that."""
    return _against_manifest(_scan(paths, options or Options(), manifest), manifest, full_scan=full_scan)


def check_without_manifest(paths: Iterable[str], options: Options | None = None) -> Result:
    """The checks that need no manifest: what the forms show (DM300, DM301, DM304, DM305), the
    values written in files (DM302) and identifiers repeated across tables (DM400). They run
    while the manifest is missing or not valid yet, so a newcomer sees them at once."""
    from datamin.findings.sprawl import sprawl_findings
    from datamin.manifest import empty_manifest

    result = _scan(paths, options or Options(), empty_manifest())
    findings = suppressed([*result.findings, *sprawl_findings(result.fields, ())], result.fields)
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.code))
    return result._replace(findings=findings)


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
    result = Result(
        fields, findings, errors, read, tuple(crawler.notes), pages=tuple(pages), skipped=tuple(crawler.skipped)
    )
    if manifest is not None:
        return _against_manifest(result, manifest, full_scan=False)
    return result._replace(findings=suppressed(findings, fields))


def scan_db(
    url: str, manifest: Manifest | None, options: Options | None = None, *, sample: int = 100, max_time: float = 300.0
) -> Result:
    """A live database: its columns classified as a schema's are, its text values sampled (at
    most `sample` rows a column, counts and masks only); with a manifest, the fields are matched
    against the declarations (never DM200: a database is one part of what the manifest covers).
    DatabaseError when the URL or the driver rules the scan out."""
    from datamin.db.scan import scan_database
    from datamin.findings.sprawl import sprawl_findings

    options = options or Options()
    scanned = scan_database(url, sample, max_time)
    fields = [f for f in _classified(scanned.controls, options) if f.category is not None]
    result = Result(fields, scanned.findings, scanned.errors, int(scanned.read), tuple(scanned.notes), discovered=1)
    if manifest is not None:
        return _against_manifest(result, manifest, full_scan=False)
    return result._replace(findings=suppressed([*result.findings, *sprawl_findings(fields, ())], fields))


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
    pending: list[Control] = []
    for read in _read_all(discovered.sources, options, manifest):
        fields.extend(read.fields)
        findings.extend(read.findings)
        errors.extend(read.errors)
        notes.extend(read.notes)
        pending.extend(read.pending)
        scanned += read.scanned
    errors, unexplained = _unexplained_suppressions(errors, manifest is not None)
    findings.extend(unexplained)
    fields.extend(_as_their_models(pending, fields, options))
    fields = _declared_once(fields)
    fields.sort(key=lambda f: (f.path, f.control.line, f.control.column))
    errors.sort(key=lambda e: (e.path, e.line or 0))
    return Result(fields, findings, errors, scanned, tuple(notes), discovered=len(discovered.sources))


UNEXPLAINED = "this `datamin: ignore[...]` gives no reason and is not applied; after the codes, say why it is fine"


def _unexplained_suppressions(errors: list[ScanError], checking: bool) -> tuple[list[ScanError], list[Finding]]:
    """A suppression without a reason is not applied; in a check it is a finding on its line
    (DM001), not a file that could not be read. An inventory applies no suppression at all."""
    from datamin.suppress import MISSING_REASON

    if not any(e.message == MISSING_REASON for e in errors):
        return errors, []
    from datamin.findings import finding

    kept = [e for e in errors if e.message != MISSING_REASON]
    found = [
        finding("DM001", e.path, e.line or 1, 1, UNEXPLAINED)
        for e in errors
        if e.message == MISSING_REASON and checking
    ]
    return kept, found


def _as_their_models(pending: list[Control], fields: list[Field], options: Options) -> list[Field]:
    """A ModelForm's field that its own file does not classify takes its model's category and
    evidence, when the model is in the scan (`fields = ["ic"]` of a model whose `ic` is "NRIC")."""
    if not pending:
        return []
    models = {
        (f.control.container.lower(), f.control.name.lower()): f
        for f in fields
        if f.control.source == "orm" and f.confidence >= options.min_confidence
    }
    found = []
    for control in pending:
        model = next((text for how, text in control.context if how == "model"), "")
        field = models.get((model.lower(), control.name.lower()))
        if field is not None:
            evidence = (f"the field {field.control.container}.{field.control.name} of its model", *field.evidence)
            found.append(Field(control, field.category, field.sensitivity, field.confidence, evidence))
    return found


def _declared_once(fields: list[Field]) -> list[Field]:
    """A field that a model declares and a migration adds is reported at the model: the
    migration's is left out when the model is in the scan (by the model's name or its table's).
    A column in Rails' schema.rb that a migration in the scan creates is reported at the
    migration, where it was written."""
    from datamin.parse.code import MIGRATED as migrated
    from datamin.parse.code import RAILS_MIGRATION, RAILS_SCHEMA

    if any(f.control.via == RAILS_SCHEMA for f in fields):  # a column a migration creates: at the migration
        created = {
            (f.control.container.lower(), f.control.name.lower()) for f in fields if f.control.via == RAILS_MIGRATION
        }
        fields = [
            f
            for f in fields
            if f.control.via != RAILS_SCHEMA or (f.control.container.lower(), f.control.name.lower()) not in created
        ]
    if not any(f.control.via in migrated for f in fields):
        return fields
    names: dict[str, set[str]] = {}  # model or table -> its fields
    bases: dict[str, set[str]] = {}  # model -> the models it extends (an abstract base's fields are its own)
    for field in fields:
        control = field.control
        if control.source == "orm" and control.via not in migrated:
            for table in (control.container, *(text for how, text in control.context if how == "table")):
                names.setdefault(table.lower(), set()).add(control.name.lower())
            bases.setdefault(control.container.lower(), set()).update(
                text.lower() for how, text in control.context if how == "extends"
            )
    declared: set[tuple[str, str]] = set()
    for model in list(names):
        found: set[str] = set()
        todo = [model]
        while todo and len(found) < 20:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(bases.get(current, ()))
        declared.update((model, name) for ancestor in found for name in names.get(ancestor, ()))
    return [
        f
        for f in fields
        if f.control.via not in migrated or (f.control.container.lower(), f.control.name.lower()) not in declared
    ]


Unit = Source | tuple[str, list[Source]]  # a file, or a schema: its store and its SQL files or migrations in order
Work = tuple[Unit, Options, "Manifest | None"]


# Folders whose files of a kind are migrations to apply in order: Django's and Alembic's Python,
# Rails' `db/migrate`.
_MIGRATION_FOLDERS = {"migrations": ("python", "html"), "versions": ("python",), "migrate": ("ruby",)}


def _units(sources: list[Source]) -> list[Unit]:
    from datamin.parse.sql.migrations import schemas

    sql = [(s.display, s) for s in sources if s.kind == "sql"]
    code: dict[str, list[Source]] = {}
    units: list[Unit] = []
    for source in sources:
        folder = os.path.dirname(source.display)
        kinds = _MIGRATION_FOLDERS.get(os.path.basename(folder), ())
        if source.kind in kinds and (source.kind != "html" or source.display.lower().endswith(".php")):
            code.setdefault(folder, []).append(source)
        elif source.kind != "sql":
            units.append(source)
    units.extend(schemas(sql))
    units.extend((folder, members) for folder, members in sorted(code.items()))
    return units


def _read_all(sources: list[Source], options: Options, manifest: Manifest | None) -> Iterator[FileRead]:
    jobs = options.jobs or (os.cpu_count() or 1)
    work: list[Work] = [(unit, options, manifest) for unit in _units(sources)]
    if jobs > 1 and len(sources) >= PARALLEL_FROM:
        import multiprocessing  # only for large trees: keeps start-up fast
        from concurrent.futures import ProcessPoolExecutor

        load()  # read the rules once, before the workers fork
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            yield from pool.map(_read, work, chunksize=max(1, len(work) // (jobs * 8)))
    else:
        yield from map(_read, work)


def _read(work: Work) -> FileRead:
    unit, options, manifest = work
    if isinstance(unit, Source):
        return read_source(unit, options, manifest)
    if unit[1] and unit[1][0].kind == "python":
        return read_code_migrations(unit[0], unit[1], options, manifest)
    if unit[1] and unit[1][0].kind in ("ruby", "html"):
        return read_tree_sitter_migrations(unit[0], unit[1], options, manifest)
    return read_schema(unit[0], unit[1], options, manifest)


def _skipped(source: Source, why: str) -> FileRead:
    return FileRead([], [], [ScanError(source.display, None, f"{why}; skipped")], 0)


class _Text(NamedTuple):
    text: str
    errors: list[ScanError]  # what decoding it had to guess or replace


def _load(source: Source, options: Options) -> _Text | FileRead:
    """A file's text, or the FileRead that says why it is skipped."""
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
    errors = [ScanError(source.display, decoded.problem_line, decoded.problem)] if decoded.problem else []
    return _Text(decoded.text, errors)


def _classified(controls: list[Control], options: Options, place: Any = None) -> list[Field]:
    """Every control classified; a category below --min-confidence is not reported."""
    return [
        f if f.category is None or f.confidence >= options.min_confidence else f._replace(category=None)
        for f in classify_all(controls, load(), place)
    ]


def _suppressed(path: str, text: str, controls: list[Control]) -> tuple[list[Control], list[ScanError]]:
    from datamin import suppress

    found, problems = suppress.directives(path, text)
    return suppress.apply(controls, found), problems


def read_source(source: Source, options: Options | None = None, manifest: Manifest | None = None) -> FileRead:
    """Read, parse and classify one file, and find what its forms and values show.
    Problems with the file become errors, not exceptions."""
    options = options or Options()
    loaded = _load(source, options)
    if isinstance(loaded, FileRead):
        return loaded
    errors = list(loaded.errors)
    if not wants(source.display, loaded.text):
        # A page without markup was still read as one; a YAML, JSON or code file that declares
        # nothing (a config, a script) is not what the scan is about, and is not counted.
        return FileRead([], [], errors, 1 if source.kind == "html" else 0)
    parsed = PARSERS[source.kind](source.display, loaded.text, notices=manifest is not None)
    controls = parsed.controls
    if manifest is not None:
        controls, problems = _suppressed(source.display, loaded.text, controls)
        errors.extend(problems)
    fields = _classified(controls, options, parsed.place)
    findings: list[Finding] = []
    if manifest is not None:
        from datamin.findings.forms import form_findings
        from datamin.findings.values import value_findings

        findings = form_findings(fields, parsed.notice, manifest) + value_findings(source.display, loaded.text)
    personal = [_say_how_read(f) for f in fields if f.category is not None]
    pending = tuple(f.control for f in fields if f.category is None and any(h == "model" for h, _ in f.control.context))
    return FileRead(personal, findings, errors + parsed.errors, 1, pending=pending)


def read_tree_sitter_migrations(
    store: str, sources: list[Source], options: Options | None = None, manifest: Manifest | None = None
) -> FileRead:
    """A Rails `db/migrate` or Laravel `database/migrations` folder, applied in the order of its
    files' names: the columns its migrations leave."""
    from datamin.parse.code import php, ruby

    options = options or Options()
    texts: dict[str, str] = {}
    errors: list[ScanError] = []
    skipped: list[FileRead] = []
    for source in sources:
        loaded = _load(source, options)
        if isinstance(loaded, FileRead):
            skipped.append(loaded)
            continue
        texts[source.display] = loaded.text
        errors.extend(loaded.errors)
    language = php if sources[0].kind == "html" else ruby
    controls, problems = language.migrations(list(texts.items()), store)
    errors.extend(problems)
    findings: list[Finding] = []
    if manifest is not None:
        controls, findings, more = _marked(controls, texts)
        errors.extend(more)
    personal = [_say_how_read(f) for f in _classified(controls, options) if f.category is not None]
    return FileRead(
        personal,
        findings,
        errors + [e for read in skipped for e in read.errors],
        len(texts) + sum(read.scanned for read in skipped),
    )


def _marked(controls: list[Control], texts: dict[str, str]) -> tuple[list[Control], list[Finding], list[ScanError]]:
    """Inline suppressions applied to the controls of several files, and the values in them."""
    from datamin.findings.values import value_findings

    by_path: dict[str, list[Control]] = {}
    for control in controls:
        by_path.setdefault(control.path, []).append(control)
    marked: list[Control] = []
    values: list[Finding] = []
    errors: list[ScanError] = []
    for path, text in texts.items():
        found, problems = _suppressed(path, text, by_path.get(path, []))
        marked.extend(found)
        errors.extend(problems)
        values.extend(value_findings(path, text))
    return marked, values, errors


def read_code_migrations(
    store: str, sources: list[Source], options: Options | None = None, manifest: Manifest | None = None
) -> FileRead:
    """A folder of Django or Alembic migrations, applied in their order: the fields they leave.
    A file of the folder that is not a migration is read on its own."""
    from datamin.parse.code import migrations
    from datamin.parse.code.python import module_of

    options = options or Options()
    found: list[migrations.Migration] = []
    texts: dict[str, str] = {}
    others: list[FileRead] = []
    errors: list[ScanError] = []
    for source in sources:
        loaded = _load(source, options)
        module = module_of(source.display, loaded.text)[0] if isinstance(loaded, _Text) else None
        migration = migrations.recognise(module) if module is not None else None
        if migration is None or not isinstance(loaded, _Text):  # (a syntax error is said by read_source)
            others.append(loaded if isinstance(loaded, FileRead) else read_source(source, options, manifest))
            continue
        found.append(migration)
        texts[source.display] = loaded.text
        errors.extend(loaded.errors)
    controls = migrations.controls(found, store)
    values: list[Finding] = []
    if manifest is not None:
        controls, values, problems = _marked(controls, texts)
        errors.extend(problems)
    personal = [_say_how_read(f) for f in _classified(controls, options) if f.category is not None]
    return FileRead(
        personal + [f for read in others for f in read.fields],
        values + [f for read in others for f in read.findings],
        errors + [e for read in others for e in read.errors],
        len(texts) + sum(read.scanned for read in others),
    )


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
    personal = [_say_how_read(f) for f in _classified(reader.schema.controls(), options) if f.category is not None]
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

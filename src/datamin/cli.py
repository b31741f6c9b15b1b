"""The command line: options in, one call into `check`, a reporter out, an exit code back."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import click

from datamin import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
CHECK_FORMATS = ("text", "json", "sarif", "github", "markdown", "html")
INVENTORY_FORMATS = ("text", "json", "csv", "fides", "html")
SCAN_FORMATS = ("text", "json", "sarif", "github", "markdown", "html")
SEVERITY_RANK = {"note": 0, "warning": 1, "error": 2}


Command = Callable[..., None]


class UsageProblem(click.ClickException):
    exit_code = EXIT_ERROR


def _scan_options(formats: tuple[str, ...]) -> Callable[[Command], Command]:
    def decorate(function: Command) -> Command:
        return _with_scan_options(function, formats)

    return decorate


def _with_scan_options(function: Command, formats: tuple[str, ...]) -> Command:
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--format", "output_format", type=click.Choice(formats), default="text", show_default=True),
        click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE."),
        click.option("--force", is_flag=True, help="Overwrite the --output (or --write-baseline) file if it exists."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB (repeatable)."),
        click.option(
            "--min-confidence", type=click.FloatRange(0, 1), help="Lowest confidence reported (default: 0.5)."
        ),
        click.option(
            "--max-file-size", type=click.IntRange(1), default=100 * 1024 * 1024, show_default=True, help="Bytes."
        ),
        click.option(
            "--jobs", "-j", type=click.IntRange(0), default=0, help="Processes (0: one per core, for large trees)."
        ),
        click.option("--quiet", "-q", is_flag=True, help="Print nothing but findings and errors."),
        click.option("--verbose", "-v", is_flag=True, help="Also say how each file was read (its SQL dialect)."),
        click.option("--diff", metavar="REF", help="Only what is on lines added or changed since the git REF."),
        click.option(
            "--dialect",
            metavar="NAME",
            help="SQL dialect of every .sql file: mysql, postgres, sqlite, tsql, oracle, snowflake, bigquery... "
            "(default: guessed from each file).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="datamin")
def cli() -> None:
    """datamin: find the personal data your forms, templates and schemas collect, and check it
    against the purposes you declared in datamin.yml."""


@cli.command()
@_scan_options(CHECK_FORMATS)
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False),
    help="The manifest (default: datamin.yml, .datamin.yml or pyproject.toml [tool.datamin], from PATH up).",
)
@click.option("--fail-on", type=click.Choice(tuple(SEVERITY_RANK)), help="Lowest severity that fails (default: error).")
@click.option("--select", multiple=True, metavar="CODES", help="Only these codes (prefixes) or categories.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Not these codes (prefixes) or categories.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Leave out the findings recorded in FILE.")
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record the findings in FILE (with --force to replace it).",
)
@click.option("--fix", is_flag=True, help="Untick pre-ticked marketing consent (DM305), make GET forms POST (DM300).")
@click.option("--dry-run", is_flag=True, help="With --fix: print the fixes as a diff and change nothing.")
def check(
    paths: tuple[str, ...],
    manifest: str | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    baseline: str | None,
    write_baseline: str | None,
    fix: bool,
    dry_run: bool,
    **common: Any,
) -> None:
    """Check every personal-data field against the manifest."""
    if dry_run and not fix:
        raise UsageProblem("--dry-run previews --fix; pass both")
    result, name, code = run_check(paths, manifest, fail_on, select, ignore, baseline, write_baseline, common)
    if fix and _fixed(result.findings, dry_run) and not dry_run:  # report what is left
        result, name, code = run_check(paths, manifest, fail_on, select, ignore, baseline, None, common)
    if write_baseline and name is not None:
        n = len(result.findings) + result.baselined
        click.echo(
            f"wrote {n} finding{'s' if n != 1 else ''} to {write_baseline}; "
            f"with --baseline {write_baseline} later runs report only new ones"
        )
        sys.exit(EXIT_ERROR if _nothing_read(result, paths) else EXIT_OK)
    _emit(result, "check", common, name)
    if _nothing_read(result, paths):
        _say_nothing_read(result, paths or (".",))
    elif name is None:
        click.echo(
            f"the checks against the manifest's declarations ({WAITING_FOR_MANIFEST}) wait for a valid "
            "manifest; the findings above need none",
            err=True,
        )
    sys.exit(code)


def run_check(
    paths: Sequence[str],
    manifest: str | None,
    fail_on: str | None,
    select: Sequence[str],
    ignore: Sequence[str],
    baseline: str | None,
    write_baseline: str | None,
    common: dict[str, Any],
) -> tuple[Any, str | None, int]:
    """The `check` command short of its output: (result, manifest name, exit code). Problems
    with the config or the baseline are printed and exit with 2; while the manifest is missing
    or not valid, its problems are printed, the checks that need none still run, and the exit
    code is 2."""
    from datamin import check as stages
    from datamin.manifest import ConfigError, find, load_manifest

    paths = _manifests_as_folders(_existing(paths or (".",)))
    try:
        config = _config(paths[0])
        chosen = _selection(select, ignore, config)
        known = _baseline(baseline) if baseline else None
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(EXIT_ERROR)
    if write_baseline and os.path.exists(write_baseline) and not common.get("force"):
        raise UsageProblem(f"{write_baseline} exists; pass --force to overwrite it")
    manifest_path = manifest or find(paths[0])
    loaded = None
    try:
        if manifest_path is None:
            raise ConfigError(["no datamin.yml found; write one with `datamin init` or pass --manifest"])
        loaded = load_manifest(manifest_path)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        if write_baseline:
            sys.exit(EXIT_ERROR)  # a baseline of part of the checks would hide the rest later
    changed = _changed(common.get("diff"))
    options = _options(common, config)
    if loaded is None:
        result = stages.check_without_manifest(paths, options)
    else:
        full = manifest_path is not None and _full_scan(paths, manifest_path) and changed is None
        result = stages.check(paths, loaded, options, full_scan=full)
    findings = _filter(result.findings, chosen)
    if changed is not None:
        from datamin.diff import touches

        findings = [f for f in findings if touches(changed, f.path, f.line)]
    if write_baseline:
        from datamin.baseline import dump

        write_atomically(write_baseline, dump(findings), force=common.get("force", False))
    baselined = stale = 0
    if known is not None:
        from datamin.baseline import apply

        findings, baselined, stale = apply(findings, known)
    result = result._replace(findings=findings, baselined=baselined, stale=stale)
    if _nothing_read(result, paths) or loaded is None:
        return result, None if loaded is None else loaded.name, EXIT_ERROR
    threshold = SEVERITY_RANK[fail_on or config.fail_on or "error"]
    failing = [f for f in findings if SEVERITY_RANK[f.severity] >= threshold]
    return result, loaded.name, EXIT_FINDINGS if failing else EXIT_OK


WAITING_FOR_MANIFEST = "DM100, DM101, DM102, DM103, DM200 and DM306"


def _fixed(findings: list[Any], dry_run: bool) -> int:
    """Make (or, dry, show) the mechanical fixes; say what was fixed and what was not. The
    number of findings fixed."""
    from datamin import fix

    planned = fix.plan(findings)
    done = 0
    for change in planned:
        for finding, why in change.left:
            click.echo(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} not fixed: {why}", err=True)
        if not change.fixed:
            continue
        done += len(change.fixed)
        if dry_run:
            sys.stdout.write(fix.diff(change))
        else:
            fix.write(change)
    files = sum(1 for change in planned if change.fixed)
    verb = "would fix" if dry_run else "fixed"
    click.echo(f"{verb} {done} finding{'s' if done != 1 else ''} in {files} file{'s' if files != 1 else ''}", err=True)
    return done


def _existing(paths: Sequence[str]) -> Sequence[str]:
    """The paths given, when at least one exists: a scan of nothing but missing paths is a
    mistake in the command, said before anything else (the manifest is looked for from them)."""
    if any(os.path.exists(p) for p in paths):
        return paths
    if any("://" in p for p in paths):
        raise UsageProblem(
            f"{paths[0]} is not a file or folder: `datamin scan-url URL` reads a live site, "
            "`datamin scan-db URL` a live database"
        )
    raise UsageProblem(
        f"no such file or folder: {paths[0]}" if len(paths) == 1 else "no such files or folders: " + ", ".join(paths)
    )


def _nothing_read(result: Any, paths: Sequence[str]) -> bool:
    """A scan that found no file datamin reads, or could read none of them (exit 2)."""
    return result.discovered == 0 or (result.scanned == 0 and bool(result.errors))


def _say_nothing_read(result: Any, where: Sequence[str]) -> None:
    if result.discovered == 0:
        click.echo(
            f"nothing to scan in {', '.join(where)}: no template, page, schema or code file that datamin reads",
            err=True,
        )
    elif result.scanned == 0:
        click.echo(f"nothing could be read in {', '.join(where)} (see the errors above)", err=True)


def _live_options(function: Command) -> Command:
    """The options scan-url and scan-db share with check: output, selection, the exit code."""
    options = [
        click.option("--format", "output_format", type=click.Choice(SCAN_FORMATS), default="text", show_default=True),
        click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE."),
        click.option("--force", is_flag=True, help="Overwrite the --output file if it exists."),
        click.option(
            "--min-confidence", type=click.FloatRange(0, 1), help="Lowest confidence reported (default: 0.5)."
        ),
        click.option(
            "--fail-on", type=click.Choice(tuple(SEVERITY_RANK)), help="Lowest severity that fails (default: error)."
        ),
        click.option("--select", multiple=True, metavar="CODES", help="Only these codes (prefixes) or categories."),
        click.option("--ignore", multiple=True, metavar="CODES", help="Not these codes (prefixes) or categories."),
        click.option("--quiet", "-q", is_flag=True, help="Print nothing but findings and errors."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _live_setup(
    manifest: str | None, select: Sequence[str], ignore: Sequence[str], common: dict[str, Any]
) -> tuple[Any, Selection, Any]:
    """(config, selection, manifest or None) of a live scan, from the current folder; a problem
    with any of them is printed and exits with 2 before anything is fetched."""
    from datamin.manifest import ConfigError, find, load_manifest

    if common.get("output") and os.path.exists(common["output"]) and not common.get("force"):
        raise UsageProblem(f"{common['output']} exists; pass --force to overwrite it")
    try:
        config = _config(".")
        chosen = _selection(select, ignore, config)
        manifest_path = manifest or find(".")
        loaded = load_manifest(manifest_path) if manifest_path else None
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(EXIT_ERROR)
    common.update(exclude=(), max_file_size=0, jobs=1, dialect=None)
    return config, chosen, loaded


def _live_exit(result: Any, config: Any, fail_on: str | None) -> None:
    threshold = SEVERITY_RANK[fail_on or config.fail_on or "error"]
    sys.exit(EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings) else EXIT_OK)


@cli.command("scan-url")
@click.argument("url")
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False),
    help="Match the fields against this manifest (default: datamin.yml here, if there is one; without one the "
    "forms and scripts are still checked).",
)
@click.option("--max-pages", type=click.IntRange(1), default=50, show_default=True, help="Pages fetched at most.")
@click.option("--max-depth", type=click.IntRange(0), default=3, show_default=True, help="Links followed from URL.")
@click.option("--timeout", type=click.FloatRange(0.1), default=10.0, show_default=True, help="Seconds per request.")
@click.option("--max-time", type=click.FloatRange(1), default=300.0, show_default=True, help="Seconds in all.")
@click.option("--delay", type=click.FloatRange(0), default=1.0, show_default=True, help="Seconds between requests.")
@click.option("--concurrency", type=click.IntRange(1, 16), default=1, show_default=True, help="Requests at once.")
@click.option("--max-page-size", type=click.IntRange(1024), default=5 * 1024 * 1024, show_default=True, help="Bytes.")
@click.option("--user-agent", help="The User-Agent to send (default: datamin's own, with its version).")
@click.option("--insecure", is_flag=True, help="Do not verify TLS certificates.")
@click.option("--render", is_flag=True, help="Run each page's scripts in headless Chromium (datamin[render]).")
@_live_options
@click.option("--verbose", "-v", is_flag=True, help="Also say what the crawl decided (robots.txt, limits).")
def scan_url(
    url: str,
    manifest: str | None,
    max_pages: int,
    max_depth: int,
    timeout: float,
    max_time: float,
    delay: float,
    concurrency: int,
    max_page_size: int,
    user_agent: str | None,
    insecure: bool,
    render: bool,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    **common: Any,
) -> None:
    """Crawl a live site (one origin) and check the forms and scripts of its pages."""
    from contextlib import nullcontext

    from datamin import check as stages
    from datamin.web.crawl import Settings, start_url
    from datamin.web.fetch import Limits

    try:
        start_url(url)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from exc
    config, chosen, loaded = _live_setup(manifest, select, ignore, common)
    limits = Limits(timeout=timeout, max_bytes=max_page_size, insecure=insecure)
    if user_agent:
        limits = limits._replace(user_agent=user_agent)
    settings = Settings(max_pages, max_depth, max_time, delay, concurrency, limits, render)
    options = _options(common, config)
    progress = _Progress(max_pages) if sys.stderr.isatty() and not common.get("quiet") else None
    if render:
        from datamin.web.browser import BrowserUnavailable, browser

        try:
            opened: Any = browser()
            running = opened.__enter__()
        except BrowserUnavailable as exc:
            raise UsageProblem(str(exc)) from exc
    else:
        opened, running = nullcontext(), None
    try:
        result = stages.scan_site(url, loaded, settings, options, browser=running, on_page=progress)
    finally:
        opened.__exit__(None, None, None)
        if progress is not None:
            progress.done()
    result = result._replace(findings=_filter(result.findings, chosen))
    _emit(result, "scan-url", common, loaded.name if loaded else None)
    if result.scanned == 0:
        click.echo(f"nothing to scan at {url}: no page could be read (see the errors above)", err=True)
        sys.exit(EXIT_ERROR)
    _live_exit(result, config, fail_on)


@cli.command("scan-db")
@click.argument("url")
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False),
    help="Match the columns against this manifest (default: datamin.yml here, if there is one).",
)
@click.option(
    "--sample",
    type=click.IntRange(0),
    default=100,
    show_default=True,
    help="Rows of each text column read to see what its values are (0: the catalog only).",
)
@click.option("--max-time", type=click.FloatRange(1), default=300.0, show_default=True, help="Seconds in all.")
@_live_options
@click.option("--verbose", "-v", is_flag=True, help="Also say what the scan decided (time limits).")
def scan_db(
    url: str,
    manifest: str | None,
    sample: int,
    max_time: float,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    **common: Any,
) -> None:
    """Read a live database's catalog (read-only) and a sample of its text values, and check its
    columns like `check` does; the password may come from DATAMIN_DB_PASSWORD and is never shown."""
    from datamin import check as stages
    from datamin.db.connect import DatabaseError

    config, chosen, loaded = _live_setup(manifest, select, ignore, common)
    try:
        result = stages.scan_db(url, loaded, _options(common, config), sample=sample, max_time=max_time)
    except DatabaseError as exc:
        raise UsageProblem(str(exc)) from None
    result = result._replace(findings=_filter(result.findings, chosen))
    _emit(result, "scan-db", common, loaded.name if loaded else None)
    if result.scanned == 0:
        click.echo("nothing to scan: the database could not be read (see the errors above)", err=True)
        sys.exit(EXIT_ERROR)
    _live_exit(result, config, fail_on)


class _Progress:
    """A progress bar on the terminal: pages fetched out of --max-pages, and the latest page."""

    WIDTH = 24

    def __init__(self, total: int) -> None:
        self.total = total
        self.pages = 0

    def __call__(self, page: Any) -> None:
        self.pages += 1
        filled = min(self.WIDTH, self.WIDTH * self.pages // max(1, self.total))
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"[{bar}] {self.pages}/{self.total} {page.url}"
        click.echo("\r\033[K" + line[:100], nl=False, err=True)

    def done(self) -> None:
        if self.pages:
            click.echo("\r\033[K", nl=False, err=True)


def _baseline(path: str) -> set[str]:
    from datamin.baseline import BaselineError, load
    from datamin.manifest import ConfigError

    try:
        return load(path)
    except BaselineError as exc:
        raise ConfigError([str(exc)]) from exc


def _manifests_as_folders(paths: Sequence[str]) -> tuple[str, ...]:
    """A manifest among the paths (pre-commit passes `datamin.yml` when it changes) stands for
    the project it describes: its folder, checked whole."""
    from datamin.manifest import MANIFEST_NAMES

    out = []
    for path in paths:
        name = os.path.basename(path)
        if os.path.isfile(path) and name in MANIFEST_NAMES:
            path = os.path.dirname(path) or "."
        if path not in out:
            out.append(path)
    return tuple(out)


@cli.command()
@_scan_options(INVENTORY_FORMATS)
def inventory(paths: tuple[str, ...], **common: Any) -> None:
    """List every personal-data field found: the data map. No manifest needed."""
    from datamin import check as stages
    from datamin.manifest import ConfigError

    paths = tuple(_existing(paths or (".",)))
    try:
        config = _config(paths[0])
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(EXIT_ERROR)
    result = stages.inventory(paths, _options(common, config))
    changed = _changed(common.get("diff"))
    if changed is not None:
        from datamin.diff import touches

        result = result._replace(fields=[f for f in result.fields if touches(changed, f.path, f.line)])
    _emit(result, "inventory", common, None)
    if _nothing_read(result, paths):
        _say_nothing_read(result, paths)
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)


@cli.command()
def rules() -> None:
    """List the finding codes and the data categories."""
    from datamin.categories import load
    from datamin.codes import load_codes

    click.echo("Finding codes:")
    for code in load_codes().values():
        click.echo(f"  {code.code}  {code.severity:<7}  {code.title:<28} {code.summary}")
    click.echo("\nData categories:")
    for category in sorted(
        load().categories.values(), key=lambda c: (("high", "medium", "low").index(c.sensitivity), c.id)
    ):
        click.echo(f"  {category.id:<20} {category.sensitivity:<6}  {category.fideslang:<52} {category.title}")


@cli.command()
@click.argument("code_or_category")
def explain(code_or_category: str) -> None:
    """Show what a finding code or a data category means, why it matters, and how to fix it."""
    from datamin.categories import load
    from datamin.codes import load_codes
    from datamin.taxonomy import categories_named

    key = code_or_category.strip()
    codes = load_codes()
    if key.upper() in codes:
        code = codes[key.upper()]
        sections = [
            f"{code.code} ({code.title}), severity {code.severity}",
            f"What it does\n  {code.what}",
            f"Why it matters\n  {code.why}",
            "Example\n" + _indent(code.example),
            "Instead\n" + _indent(code.instead),
        ]
        click.echo("\n\n".join(sections))
        return
    lexicon = load()
    ids = categories_named(key, lexicon)
    meant = None if ids else _category_meant(key)
    if meant is not None:  # the words people type: `explain nric`, `explain dob`
        click.echo(f"{key!r} is collected as {meant}\n")
        ids = frozenset({meant})
    if len(ids) == 1:
        category = lexicon.categories[next(iter(ids))]
        docs = category.docs
        sections = [
            f"{category.id}: {category.title}, sensitivity {category.sensitivity}, fideslang {category.fideslang}",
            f"What it finds\n  {docs.what}",
            f"Why it matters\n  {docs.why}",
            "Example\n" + _indent(docs.example),
            "Instead\n  " + docs.instead,
        ]
        if category.references:
            sections.append("References\n" + "\n".join(f"  - {r}" for r in category.references))
        click.echo("\n\n".join(sections))
        return
    if ids:
        raise UsageProblem(f"{key} covers several categories: {', '.join(sorted(ids))}")
    import difflib

    hint = difflib.get_close_matches(key, [*codes, *lexicon.categories], n=1)
    raise UsageProblem(f"unknown code or category {key!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))


@cli.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the schema to FILE.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def schema(output: str | None, force: bool) -> None:
    """Print the manifest's JSON Schema (every category and data use listed), for editors."""
    import json

    from datamin.manifest import schema as manifest_schema

    text = json.dumps(manifest_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        write_atomically(output, text, force=force)
    else:
        sys.stdout.write(text)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Where to write (default: datamin.yml in PATH).")
@click.option("--force", is_flag=True, help="Overwrite the manifest if it exists.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB (repeatable).")
def init(paths: tuple[str, ...], output: str | None, force: bool, exclude: tuple[str, ...]) -> None:
    """Write a starter manifest from the inventory: one declaration per category found, with
    TODOs that a person must fill in before `datamin check` passes."""
    from datamin import check as stages
    from datamin.starter import starter_manifest

    given = paths or (".",)
    databases = tuple(p for p in given if "://" in p)  # `datamin init sqlite:///shop.db`: a live database
    paths = tuple(_existing(tuple(p for p in given if "://" not in p))) if len(databases) < len(given) else ()
    target = output or os.path.join(paths[0] if paths and os.path.isdir(paths[0]) else ".", "datamin.yml")
    if os.path.exists(target) and not force:
        raise UsageProblem(f"{target} exists; pass --force to overwrite it")
    result = stages.inventory(paths, stages.Options(exclude=exclude)) if paths else stages.Result([], [], [], 0)
    if paths and result.discovered == 0:
        raise UsageProblem(
            f"nothing to scan in {', '.join(paths)}: no template, page, schema or code file that datamin reads"
        )
    for database in databases:
        from datamin.db.connect import DatabaseError

        try:
            read = stages.scan_db(database, None)
        except DatabaseError as exc:
            raise UsageProblem(str(exc)) from None
        result = result._replace(
            fields=result.fields + read.fields,
            errors=result.errors + read.errors,
            scanned=result.scanned + read.scanned,
        )
    if result.scanned == 0 and result.errors:
        raise UsageProblem("nothing could be read: " + "; ".join(f"{e.path}: {e.message}" for e in result.errors[:3]))
    listed = (*paths, *databases)
    write_atomically(target, starter_manifest(result, os.path.dirname(os.path.abspath(target)), listed), force=force)
    categories = len({f.category for f in result.fields})
    click.echo(f"wrote {target}: {categories} categories from {len(result.fields)} fields; fill in every TODO")


def _category_meant(word: str) -> str | None:
    """The category a field called `word` (or labelled so) would be: `nric`, `ic`, `dob`."""
    from datamin.classify import classify
    from datamin.records import Control

    word = word.strip()
    if not word or word.upper().startswith("DM"):
        return None
    field = classify(Control("", 0, 0, "html", "input", name=word, labels=(("label", word),)))
    return field.category


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _config(start: str) -> Any:
    from datamin.manifest import load_config

    return load_config(start)


def _options(common: dict[str, Any], config: Any) -> Any:
    """The command line's options over those of [tool.datamin]; excludes add up."""
    from datamin.check import DEFAULT_MIN_CONFIDENCE, Options

    confidence = common["min_confidence"]
    if confidence is None:
        confidence = config.min_confidence if config.min_confidence is not None else DEFAULT_MIN_CONFIDENCE
    dialect = config.dialect
    if common.get("dialect"):
        from datamin.parse.sql.dialect import canonical, known

        dialect = canonical(common["dialect"]) or ""
        if not dialect:
            raise UsageProblem(f"unknown SQL dialect {common['dialect']!r}; one of {', '.join(known())}")
    return Options(
        exclude=(*config.exclude, *common["exclude"]),
        max_file_size=common["max_file_size"],
        min_confidence=confidence,
        jobs=common["jobs"],
        dialect=dialect,
        dialects=config.dialects,
    )


def _changed(ref: str | None) -> Any:
    """The lines changed since REF for --diff, or None without it."""
    if not ref:
        return None
    from datamin.diff import DiffError, changed_lines

    try:
        return changed_lines(ref)
    except DiffError as exc:
        raise UsageProblem(str(exc)) from exc


def _full_scan(paths: Sequence[str], manifest_path: str) -> bool:
    """Was the whole tree under the manifest read? Only then can a declaration be stale."""
    home = os.path.dirname(os.path.abspath(manifest_path))
    folders = [os.path.abspath(p) for p in paths]
    if not all(os.path.isdir(f) for f in folders):
        return False
    return any(home == f or home.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def _split(values: Sequence[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


class Selection(NamedTuple):
    """--select/--ignore (or [tool.datamin] select/ignore) resolved: code prefixes and categories."""

    codes: tuple[str, ...] = ()
    categories: frozenset[str] = frozenset()
    ignored_codes: tuple[str, ...] = ()
    ignored_categories: frozenset[str] = frozenset()


def _selection(select: Sequence[str], ignore: Sequence[str], config: Any) -> Selection:
    """The codes (prefixes such as DM1, DM100) and categories (or fideslang keys) to keep and to
    leave out. A token that names none is an error with a did-you-mean: a typo must not switch a
    check off in silence."""
    chosen = _tokens(_split(select), "--select") if select else _tokens(config.select, "select in [tool.datamin]")
    left_out = _tokens(_split(ignore), "--ignore") if ignore else _tokens(config.ignore, "ignore in [tool.datamin]")
    return Selection(chosen[0], chosen[1], left_out[0], left_out[1])


def _tokens(tokens: Sequence[str], where: str) -> tuple[tuple[str, ...], frozenset[str]]:
    import difflib

    from datamin.categories import load
    from datamin.codes import load_codes
    from datamin.taxonomy import categories_named

    lexicon = load()
    known = list(load_codes())
    codes: list[str] = []
    categories: set[str] = set()
    for token in tokens:
        if token.upper().startswith("DM") and any(code.startswith(token.upper()) for code in known):
            codes.append(token.upper())
            continue
        resolved = categories_named(token, lexicon) or categories_named(token.lower(), lexicon)
        if resolved:
            categories |= resolved
            continue
        meant = _category_meant(token)
        near = (
            [meant]
            if meant
            else difflib.get_close_matches(token.upper(), known, n=1, cutoff=0.6)
            or difflib.get_close_matches(token.lower(), list(lexicon.categories), n=1, cutoff=0.6)
        )
        hint = f"; did you mean {near[0]!r}?" if near else "; `datamin rules` lists them"
        raise UsageProblem(f"{where}: unknown code or category {token!r}{hint}")
    return tuple(codes), frozenset(categories)


def _filter(findings: list[Any], chosen: Selection) -> list[Any]:
    kept = []
    for finding in findings:
        if chosen.codes and not any(finding.code.startswith(c) for c in chosen.codes):
            continue
        if chosen.categories and finding.category not in chosen.categories:
            continue
        if (
            any(finding.code.startswith(c) for c in chosen.ignored_codes)
            or finding.category in chosen.ignored_categories
        ):
            continue
        kept.append(finding)
    return kept


def _emit(result: Any, command: str, common: dict[str, Any], manifest: str | None) -> None:
    from datamin.report import Report, reporter

    if common.get("verbose"):
        for note in result.notes:
            click.echo(note, err=True)
    output = common.get("output")
    to_terminal = output is None and sys.stdout.isatty()
    color = to_terminal and "NO_COLOR" not in os.environ
    report = Report(result, command, manifest, color=color, quiet=common.get("quiet", False))
    buffer = io.StringIO()
    reporter(common["output_format"])(report, buffer)
    text = buffer.getvalue()
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text, force=common.get("force", False))
        if not common.get("quiet"):
            from datamin.report.text import summary

            click.echo(f"wrote {output}: {summary(report)}")


def write_atomically(path: str, text: str, *, force: bool) -> None:
    """Write a whole file or nothing; never replace an existing file without --force."""
    import tempfile

    if os.path.exists(path) and not force:
        raise UsageProblem(f"{path} exists; pass --force to overwrite it")
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, _mode(path))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _mode(path: str) -> int:
    """The permissions of a file written: those of the file it replaces, or what the umask
    allows, as an editor would (a temporary file is created private)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def main(argv: Sequence[str] | None = None) -> int:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="datamin", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_ERROR
    return EXIT_OK

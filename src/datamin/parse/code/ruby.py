"""Ruby files that declare data (Rails schemas, migrations, strong parameters): recognised by
content, parsed with tree-sitter-ruby, never run."""

from __future__ import annotations

from collections.abc import Sequence

from datamin.parse.code import rails
from datamin.records import Control, Parsed, ScanError

SNIFF = rails.SNIFF


def parse(path: str, text: str, *, notices: bool = False) -> Parsed:
    """One file: what a schema or a migration read on its own leaves, and permitted parameters."""
    if not SNIFF.search(text):
        return Parsed([], [])
    controls, errors = migrations([(path, text)], path)
    return Parsed(controls, errors)


def migrations(files: Sequence[tuple[str, str]], store: str) -> tuple[list[Control], list[ScanError]]:
    """The files of a `db/migrate` folder (in version order, their names' order) or one file:
    the columns the migrations and schemas leave, and the parameters controllers permit."""
    from datamin.parse.code import treesitter
    from datamin.parse.schema import Schema
    from datamin.parse.sql.migrations import natural_key

    schemas: dict[str, Schema] = {}
    controls: list[Control] = []
    errors: list[ScanError] = []
    for path, text in sorted(files, key=lambda f: natural_key(f[0].rsplit("/", 1)[-1])):
        if not SNIFF.search(text):
            continue
        source = treesitter.parse(path, text, "ruby")
        errors.extend(
            ScanError(path, line, "Ruby syntax the parser had to recover from; the rest of the file still counts")
            for line in treesitter.errors(source)[:1]
        )
        kind = rails.is_schema_or_migration(source)
        if kind:
            schema = schemas.setdefault(kind, Schema(store, source="orm", via=kind))
            rails.apply(schema, source, kind)
        controls.extend(rails.permitted(source))
    for schema in schemas.values():
        controls.extend(schema.controls())
    return controls, errors

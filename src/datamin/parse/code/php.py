"""PHP files that declare data (Laravel migrations and validation rules, Doctrine entities,
Symfony form types, swagger-php annotations): recognised by content, parsed with tree-sitter-php
(the annotations read as text), never run. A PHP
template is read as a template too; a Doctrine `.orm.xml` mapping with lxml."""

from __future__ import annotations

from collections.abc import Sequence

from datamin.parse.code import doctrine, laravel, swaggerphp, symfony
from datamin.parse.sniff import Sniff
from datamin.records import Control, Parsed, ScanError

_READERS = Sniff.either(laravel.SNIFF, doctrine.SNIFF, symfony.SNIFF)
SNIFF = Sniff.either(laravel.SNIFF, doctrine.SNIFF, symfony.SNIFF, swaggerphp.SNIFF)


def parse(path: str, text: str, *, notices: bool = False) -> Parsed:
    """One file: what a migration read on its own leaves, the keys of validation rules, an
    entity's columns, a form type's fields."""
    if path.lower().endswith(".orm.xml"):
        return Parsed(doctrine.xml_fields(path, text), [])
    documented = list(swaggerphp.fields(path, text)) if swaggerphp.SNIFF.search(text) else []
    if not _READERS.search(text):
        return Parsed(documented, [])
    controls, errors = migrations([(path, text)], path)
    return Parsed(documented + controls, errors)


def migrations(files: Sequence[tuple[str, str]], store: str) -> tuple[list[Control], list[ScanError]]:
    """The files of a `database/migrations` folder in the order of their names (or one file):
    the columns the migrations leave, and the fields validation rules name."""
    from datamin.parse.code import treesitter
    from datamin.parse.schema import Schema
    from datamin.parse.sql.migrations import natural_key

    schema = Schema(store, source="orm", via=laravel.LARAVEL_MIGRATION)
    controls: list[Control] = []
    errors: list[ScanError] = []
    for path, text in sorted(files, key=lambda f: natural_key(f[0].rsplit("/", 1)[-1])):
        if not _READERS.search(text):
            continue
        source = treesitter.parse(path, text, "php")
        errors.extend(
            ScanError(path, line, "PHP syntax the parser had to recover from; the rest of the file still counts")
            for line in treesitter.errors(source)[:1]
        )
        if laravel.is_migration(source):
            laravel.apply(schema, source)
        controls.extend(laravel.rules(source))
        if doctrine.SNIFF.search(text):
            controls.extend(doctrine.fields(source))
        if symfony.SNIFF.search(text):
            controls.extend(symfony.fields(source))
    return controls + schema.controls(), errors

"""JavaScript and TypeScript files that declare data (TypeORM entities, Sequelize models and
migrations, Mongoose schemas, Zod and Yup form schemas, JSON Schemas written as objects, GraphQL
schemas in templates, OpenAPI in swagger-jsdoc comments):
recognised by content, parsed with tree-sitter's JavaScript and TypeScript grammars (the
GraphQL with graphql-core), never run. A `.jsx` or `.tsx` file that is also a form is read as
both."""

from __future__ import annotations

import re

from datamin.parse.code import gqltag, jsonschema, mongoose, sequelize, swaggerdoc, typeorm, validation
from datamin.parse.sniff import Sniff
from datamin.records import Control, Parsed, ScanError

_READERS = (typeorm, sequelize, mongoose, validation, jsonschema)
SNIFF = Sniff.either(*(reader.SNIFF for reader in _READERS), gqltag.SNIFF, swaggerdoc.SNIFF)


def parse(path: str, text: str, *, notices: bool = False) -> Parsed:
    if not SNIFF.search(text):
        return Parsed([], [])
    schemas: list[Control] = []
    schema_errors: list[ScanError] = []  # of the GraphQL and OpenAPI a module holds
    if gqltag.SNIFF.search(text):
        schemas, schema_errors = gqltag.fields(path, text)
    if swaggerdoc.SNIFF.search(text):
        found, described = swaggerdoc.fields(path, text)
        schemas += found
        schema_errors += described
    if not any(reader.SNIFF.search(text) for reader in _READERS):
        return Parsed(schemas, schema_errors)  # a module that only holds a GraphQL or OpenAPI schema
    from datamin.parse.code import treesitter

    lower = path.lower()
    language = (
        "tsx" if lower.endswith(".tsx") else "typescript" if lower.endswith((".ts", ".mts", ".cts")) else "javascript"
    )
    if language == "javascript" and (re.search(r"^\s*@\w+\(", text, re.M) or ": string" in text):
        language = "typescript"  # decorators and type annotations in a .js file: read as TypeScript
    source = treesitter.parse(path, text, language)
    errors = schema_errors + [
        ScanError(path, line, "JavaScript or TypeScript syntax the parser had to recover from; the rest still counts")
        for line in treesitter.errors(source)[:1]
    ]
    controls = schemas
    for reader in _READERS:
        if reader.SNIFF.search(text):
            controls.extend(reader.fields(source))
    return Parsed(controls, errors)

"""OpenAPI written as swagger-php annotations and attributes in PHP (`@OA\\Schema(schema="Patient",
@OA\\Property(property="email", type="string", format="email"))`, `#[OA\\Property(property:
'dob', type: 'string', format: 'date')]`): each property and query or path parameter is a field
(`source` `api`), its container the schema around it (else the class it documents); `type`,
`format`, `description`, `title` and `example` are evidence, as in an OpenAPI document. Read as
text (the annotations are data, not code), never run."""

from __future__ import annotations

import re
from collections.abc import Iterator

from datamin.parse.brackets import closing
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(r"OA\\(?:Property|Schema|Parameter)\s*\(", ("OA\\",))
_ANNOTATION = re.compile(r"OA\\(?P<kind>Schema|Property|Parameter)\s*\(")
_NESTED = re.compile(r"(?:@|new\s+|\b)OA\\\w+\s*\(")
_CLASS = re.compile(r"^\s*(?:final\s+|abstract\s+)*class\s+(\w+)", re.M)
_PROPERTY_AFTER = re.compile(r"\)\s*\]\s*(?:(?:public|protected|private|readonly|static|\?|[\w\\|]+)\s+)*\$(\w+)")


def fields(path: str, text: str) -> Iterator[Control]:
    schemas: list[tuple[int, int, str]] = []  # (start, end, name) of each schema annotation
    classes = [(m.start(), m.group(1)) for m in _CLASS.finditer(text)]
    for annotation in _ANNOTATION.finditer(text):
        start = annotation.end()
        end = closing(text, annotation.end() - 1)
        nested = _NESTED.search(text, start, end)
        own = text[start : nested.start() if nested else end]  # its own arguments, not its members'
        kind = annotation.group("kind")
        if kind == "Schema":
            name = _argument(own, "schema") or _argument(own, "title") or _class_before(classes, annotation.start())
            schemas.append((annotation.start(), end, name))
            continue
        if kind == "Parameter" and _argument(own, "in") in ("header", "cookie"):
            continue
        key = "name" if kind == "Parameter" else "property"
        name_at = re.search(rf"\b{key}\s*[=:]\s*[\"']([^\"']+)[\"']", own)
        if name_at:
            name, at = name_at.group(1), start + name_at.start(1)
        else:  # `#[OA\Property(type: 'string')] public string $email;`: the PHP property's name
            after = _PROPERTY_AFTER.match(text, end)
            if after is None:
                continue
            name, at = after.group(1), after.start(1)
        if _argument(own, "type") in ("object", "array") and nested:
            continue  # a key that only groups the properties written inside it
        around = [s for s in schemas if s[0] < annotation.start() < s[1]]
        container = around[-1][2] if around else _class_before(classes, annotation.start())
        # a schema describes records, as a table does; a parameter is asked of one request
        # the properties of one schema are the columns of one table: one form, where the schema starts
        form_at = around[-1][0] if around else at
        form = Form(
            text.count("\n", 0, form_at) + 1, container or "schema", store=path if around and kind == "Property" else ""
        )
        yield _field(path, text, name, at, own, form)


def _field(path: str, text: str, name: str, at: int, own: str, form: Form) -> Control:
    from datamin.parse.code.api import described

    words = {key: _argument(own, key) for key in ("type", "format", "description", "title", "example", "pattern")}
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return described(path, line, column, name, form, words)


def _argument(arguments: str, key: str) -> str:
    found = re.search(rf"\b{key}\s*[=:]\s*[\"']([^\"']*)[\"']", arguments)
    return found.group(1) if found else ""


def _class_before(classes: list[tuple[int, str]], at: int) -> str:
    """The class an annotation documents: the one declared after a class-level docblock, else
    the last one declared before it."""
    after = [name for start, name in classes if start > at]
    before = [name for start, name in classes if start < at]
    return before[-1] if before else after[0] if after else ""

"""JSON Schemas written as Python dicts (a `jsonschema` validator's, a route's): read as a JSON
Schema document is (`source` `api`), from the `ast` of the file, never run. A dict with
`"properties"` whose members are schemas, beside `"type": "object"` or `"required"`, or alone;
each property a field, its type, format, title, description, enum and pattern the evidence;
a nested object's properties keep the container, the schema's `title` or the variable it is
assigned to."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from datamin.parse.code.pyast import Module
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(r"[\"']properties[\"']\s*:\s*\{", ('"properties"', "'properties'"))
_WORDS = ("type", "format", "description", "title", "example", "pattern")  # what a property says
_SCHEMA_ONLY = frozenset({"properties", "title", "name", "description", "$id", "id"})


def fields(module: Module) -> Iterator[Control]:
    names = {
        id(node.value): node.targets[0].id
        for node in ast.walk(module.tree)
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
    }
    inside: set[int] = set()  # the dicts of a schema already read from its top
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.Dict) or id(node) in inside or not _is_schema(node):
            continue
        inside.update(id(part) for part in ast.walk(node))
        own = _entries(node)
        title = _string(own.get("title")) or names.get(id(node), "") or "schema"
        yield from _properties(module, node, Form(module.position(node)[0], title), 0)


def _entries(node: ast.AST | None) -> dict[str, ast.expr]:
    if not isinstance(node, ast.Dict):
        return {}
    return {
        key.value: value
        for key, value in zip(node.keys, node.values, strict=True)
        if isinstance(key, ast.Constant) and isinstance(key.value, str)
    }


def _keys(node: ast.AST | None) -> dict[str, ast.Constant]:
    if not isinstance(node, ast.Dict):
        return {}
    return {key.value: key for key in node.keys if isinstance(key, ast.Constant) and isinstance(key.value, str)}


def _string(node: ast.AST | None) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _is_schema(node: ast.Dict) -> bool:
    own = _entries(node)
    members = list(_entries(own.get("properties")).values())
    if not members:
        return False
    described = sum(1 for value in members if set(_entries(value)) & {"type", "format", "$ref", "enum"})
    return described * 2 >= len(members) and (
        _string(own.get("type")) == "object" or "required" in own or set(own) <= _SCHEMA_ONLY
    )


def _properties(module: Module, schema: ast.AST, form: Form, depth: int) -> Iterator[Control]:
    if depth > 12:
        return
    own = _entries(schema)
    if isinstance(own.get("items"), ast.Dict):
        yield from _properties(module, own["items"], form, depth + 1)
    properties = own.get("properties")
    keys = _keys(properties)
    for name, value in _entries(properties).items():
        details = _entries(value)
        if "properties" in details or "properties" in _entries(details.get("items")):
            yield from _properties(module, value, form, depth + 1)  # a key that only groups fields
            continue
        yield _field(module, name, keys[name], details, form)


def _field(module: Module, name: str, at: ast.AST, details: dict[str, ast.expr], form: Form) -> Control:
    from datamin.parse.code.api import described

    words = {key: _string(details.get(key)) for key in _WORDS}
    listed = details.get("enum")
    options = [_string(item) for item in listed.elts] if isinstance(listed, ast.List | ast.Tuple) else []
    line, column = module.position(at)
    return described(module.path, line, column, name, form, words, options)

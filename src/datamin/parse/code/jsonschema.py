"""JSON Schemas written as JavaScript or TypeScript objects: a validator's or a form library's
schema (`module.exports = { type: 'object', properties: { email: { type: 'string', format:
'email' } } }`, a route's `schema: { body: {...} }`, react-jsonschema-form). Read as a JSON
Schema document is (`source` `api`): each property a field, its type, format, title,
description, enum and pattern the evidence; a nested object's properties keep the container,
the schema's `title` or the variable it is assigned to."""

from __future__ import annotations

from collections.abc import Iterator

from datamin.parse.code.jsnodes import declared_name, entries, string
from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(r"\bproperties['\"]?\s*:\s*\{[^}]*?['\"]?type['\"]?\s*:", ("properties",))
_WORDS = ("type", "format", "description", "title", "example", "pattern")  # what a property says


def fields(source: Source) -> Iterator[Control]:
    inside: set[int] = set()  # the objects of a schema already read from its top
    for node in walk(source.root):
        if node.type != "object" or node.id in inside or not _is_schema(source, node):
            continue
        for part in walk(node):
            inside.add(part.id)
        line, _ = source.position(node)
        own = dict((name, value) for name, _, value in entries(source, node))
        title = string(source, own.get("title")) or string(source, own.get("name")) or declared_name(source, node)
        title = title or "schema"
        yield from _properties(source, node, Form(line, title), 0)


def _is_schema(source: Source, node: Node) -> bool:
    """An object with `properties` whose members are schemas (objects with a `type`, `format`
    or `$ref`), beside `type: 'object'` or `required`, or alone."""
    own = {name: value for name, _, value in entries(source, node)}
    members = list(entries(source, own.get("properties")))
    if not members:
        return False
    described = sum(1 for _, _, value in members if _keys(source, value) & {"type", "format", "$ref", "enum"})
    return described * 2 >= len(members) and (
        string(source, own.get("type")) == "object" or "required" in own or set(own) <= _SCHEMA_ONLY
    )


_SCHEMA_ONLY = frozenset({"properties", "title", "name", "description", "$id", "id"})  # keys a bare schema has


def _keys(source: Source, node: Node | None) -> set[str]:
    return {name for name, _, _ in entries(source, node)}


def _properties(
    source: Source,
    schema: Node,
    form: Form,
    depth: int,
    declared: frozenset[str] = frozenset(),
    groups: tuple[str, ...] = (),
) -> Iterator[Control]:
    """A schema's properties, and those its `allOf`/`oneOf`/`anyOf` parts, its `then`/`else`
    and its `dependencies` add (as an OpenAPI document's are read): a part that narrows a
    property the schema declares (`oneOf` of an answer's `enum`) adds no field: `declared`.
    The keys of the nested objects a property sits in are its `groups`, as in an OpenAPI
    document (`dateOfBirth` of `dateOfBirth.day`)."""
    if depth > 12:
        return
    own = {name: value for name, _, value in entries(source, schema)}
    names = declared | _keys(source, own.get("properties"))
    for part in _parts(source, own):
        yield from _properties(source, part, form, depth + 1, names, groups)
    for name, at, value in entries(source, own.get("properties")):
        if name in declared:
            continue
        details = {key: node for key, _, node in entries(source, value)}
        nested = details.get("properties") is not None or (
            details.get("items") is not None and "properties" in _keys(source, details.get("items"))
        )
        if nested:  # a key that only groups fields
            yield from _properties(source, value, form, depth + 1, groups=(*groups, name))
            continue
        yield _field(source, name, at, details, form, groups)


def _parts(source: Source, own: dict[str, Node | None]) -> Iterator[Node]:
    """The object schemas a schema is combined from or adds under conditions."""
    for key in ("items", "then", "else"):
        value = own.get(key)
        if value is not None and value.type == "object":
            yield value
    for key in ("allOf", "oneOf", "anyOf"):
        listed = own.get(key)
        if listed is not None and listed.type == "array":
            yield from (item for item in listed.named_children if item.type == "object")
    for key in ("dependencies", "dependentSchemas"):
        for _, _, value in entries(source, own.get(key)):
            if value is not None and value.type == "object":
                yield value


def _field(
    source: Source, name: str, at: Node, details: dict[str, Node | None], form: Form, groups: tuple[str, ...]
) -> Control:
    from datamin.parse.code.api import described

    words = {key: string(source, details.get(key)) for key in _WORDS}
    listed = details.get("enum")
    options = (
        [string(source, item) for item in listed.named_children]
        if listed is not None and listed.type == "array"
        else []
    )
    line, column = source.position(at)
    return described(source.path, line, column, name, form, words, options, groups)

"""API schemas (`source` `api`): OpenAPI 2 and 3 in YAML or JSON, JSON Schema documents, read
with PyYAML's composer (which keeps each key's line and column; JSON is YAML to it), and
GraphQL SDL with graphql-core. Nothing is resolved over the network.

A property is a field: its name, `format` (`email`, `date`), `description`, `title`, `enum`
and `pattern` are evidence, and its `example` by its shape. Its container is the top-level
schema (a property of an inline nested object keeps it), or for an operation's request body and
parameters its `operationId`. A `$ref` to an object is not a new field (its properties are);
`allOf`, `oneOf` and `anyOf` parts are read where they are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from datamin.parse.markup.positions import LineIndex
from datamin.parse.recover import around_bad_lines
from datamin.records import Control, Form, Parsed, ScanError

SNIFF = re.compile(
    r"""^\s*["']?(?:openapi|swagger)["']?\s*:|["']?\$schema["']?\s*:|^\s*(?:type|input|interface)\s+\w+[^{\n]*\{""",
    re.M,
)
_FORMATS = {
    "email": "email",
    "idn-email": "email",
    "date": "date",
    "date-time": "datetime-local",
    "password": "password",
    "uri": "url",
}
_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
_TYPES = {"boolean": "checkbox", "integer": "number", "number": "number"}  # a property's type, as an input's
_PATH_ITEM = _METHODS | {"parameters", "summary", "description", "servers", "$ref"}  # what a path holds


def parse(path: str, text: str, *, notices: bool = False, fragment: bool = False) -> Parsed:
    """`fragment`: a part of an OpenAPI document (`components:`, `paths:`), as swagger-jsdoc
    comments hold them, read as OpenAPI without its `openapi:` key."""
    lower = path.lower()
    if lower.endswith((".graphql", ".gql", ".graphqls")) and not fragment:
        return _graphql(path, text)
    import yaml

    errors = []
    if lower.endswith(".json") and text.lstrip()[:1] not in ("{", "[") and (first := _JSON_START.search(text)):
        # notes written above a JSON document: read from its first brace, lines kept
        line = text.count("\n", 0, first.start()) + 1
        errors.append(ScanError(path, 1, f"not valid JSON before line {line}; read from there"))
        text = re.sub(r"[^\n]", " ", text[: first.start()]) + text[first.start() :]
    if text.lstrip()[:1] in ("{", "["):
        # JSON allows tabs wherever it allows spaces, YAML not in indentation: one for one keeps
        # every line and column (a tab is not valid JSON inside a string either).
        text = text.replace("\t", " ")
    recovered = around_bad_lines(
        text, lambda t: yaml.compose(t, Loader=yaml.SafeLoader), _yaml_bad_line, (yaml.YAMLError,), _YAML_RETRIES
    )
    if recovered.error is not None:
        mark = getattr(recovered.error, "problem_mark", None)
        problem = f"not valid YAML or JSON: {getattr(recovered.error, 'problem', recovered.error)}"
        if recovered.result is not None:
            problem += f"; the rest read without {_lines(recovered.skipped)}"
        errors.append(ScanError(path, mark.line + 1 if mark else None, problem))
    root = recovered.result
    if not isinstance(root, yaml.MappingNode):
        return Parsed([], errors)
    document = _split_part(root, _mapping(root))
    controls: list[Control] = []
    # a spec's components, or its paths, kept in a file of their own
    routes = _mapping(document.get("paths"))
    split = "schemas" in _mapping(document.get("components")) or (
        bool(routes) and all(r.startswith("/") for r in routes)
    )
    if "openapi" in document or "swagger" in document or fragment or split:
        named = {}
        for section in ("components", "definitions"):
            node = document.get(section)
            if section == "components":
                node = _mapping(node).get("schemas")
            schemas = _mapping(node)
            named.update(schemas)
            controls.extend(_components(path, schemas))
            for name, schema in _shadowed(node):  # a name written twice: the first is read too
                controls.extend(_components(path, {name: schema}, schemas))
        paths = _mapping(document.get("paths"))
        if fragment and not paths:  # swagger-jsdoc: a comment that starts with the route (`/users:`)
            paths = {route: item for route, item in document.items() if route.startswith("/")}
        controls.extend(_operations(path, paths, named))
        controls.extend(_shared_bodies(path, document, named))
        shared = _mapping(_mapping(document.get("components")).get("parameters"))
        controls.extend(_shared_parameters(path, shared or _mapping(document.get("parameters"))))
    elif "$schema" in document or "properties" in document or "properties" in _mapping(document.get("items")):
        title = _scalar(document.get("title")) or path.rsplit("/", 1)[-1].split(".", 1)[0]
        groups = _groups_of_schemas(document)
        named = {**_mapping(document.get("definitions")), **_mapping(document.get("$defs"))}
        everything = {**named, **{name: schema for group in groups for name, schema in group.items()}}
        controls.extend(_properties(path, root, Form(1, title), named=named))
        for section in ("definitions", "$defs"):
            controls.extend(_components(path, _mapping(document.get(section)), {title: root}))
        for schemas in groups:  # each refers to the others (`"$ref": "uri://registries/people#blocks/photoInfo"`)
            controls.extend(_components(path, schemas, {title: root}, everything))
    elif "requestBody" in document or ("responses" in document and "parameters" in document):
        # a part of a spec split into files: one operation (`paths/bookings/post.yaml`)
        stem = lower.rsplit("/", 1)[-1].split(".", 1)[0]
        controls.extend(_operation(path, stem.upper() if stem in _METHODS else stem, root, None))
    elif set(document) & _METHODS and all(k in _PATH_ITEM or k.startswith("x-") for k in document):
        # a path of a spec split into files (`paths/customers.yaml`: `get:`, `post:`): its operations
        controls.extend(_operations(path, {lower.rsplit("/", 1)[-1].split(".", 1)[0]: root}, None))
    elif _typed_fields(document):  # ... or the fields themselves at the top, each with its type
        import yaml

        fields = yaml.MappingNode(
            "tag:yaml.org,2002:map", [(yaml.ScalarNode("tag:yaml.org,2002:str", "properties"), root)]
        )
        controls.extend(_properties(path, fields, Form(1, path.rsplit("/", 1)[-1].split(".", 1)[0])))
    else:  # ... or named schemas at the top (`Person: {type: object, ...}`), and the values they refer to
        named = {name: schema for name, schema in document.items() if "properties" in _mapping(schema)}
        controls.extend(_components(path, named, named=document))
    return Parsed(controls, errors)


_JSON_START = re.compile(r"^[{\[]", re.M)
# A YAML document is composed whole: each try at one with a bad line costs a whole reading.
_YAML_RETRIES = 8
_GRAPHQL_RETRIES = 40


def _yaml_bad_line(error: Exception, lines: list[str]) -> int | None:
    """The line a YAML error blames: where a key began when its `:` never came, else where the
    scanner stopped."""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "context_mark", None) if "simple key" in context else None
    mark = mark or getattr(error, "problem_mark", None)
    return mark.line if mark is not None else None


def _graphql_bad_line(error: Exception, lines: list[str]) -> int | None:
    """The line a GraphQL syntax error blames; when what was expected is missing before the
    first token of a line (`createMovement(id: ID!)` with no type, then `}`), the line before."""
    locations = getattr(error, "locations", None)
    if not locations:
        return None
    line, column = int(locations[0].line) - 1, int(locations[0].column) - 1
    expected = str(getattr(error, "message", "")).removeprefix("Syntax Error: ").startswith("Expected")
    if expected and not "".join(lines[line : line + 1])[:column].strip():
        return next((i for i in range(min(line, len(lines)) - 1, -1, -1) if lines[i].strip()), None)
    return line


def _lines(numbers: tuple[int, ...]) -> str:
    return f"line {numbers[0]}" if len(numbers) == 1 else f"{len(numbers)} lines from {min(numbers)} to {max(numbers)}"


# The types a field's own `type` names, as JSON Schema and the models written like it spell them.
_FIELD_TYPES = frozenset({"string", "number", "integer", "boolean", "date", "datetime", "array", "object", "objectid"})


def _typed_fields(document: dict[str, Any]) -> bool:
    """A document that is a map of fields, each saying its type (`{"first_name": {"type":
    "string", "required": true}, ...}`): three or more, nearly all of them so, none a schema
    with properties of its own."""
    typed = 0
    for value in document.values():
        fields = _mapping(value)
        if "properties" in fields:
            return False
        typed += _scalar(fields.get("type")).lower() in _FIELD_TYPES
    return typed >= 3 and typed * 4 >= len(document) * 3


_SCHEMA_KEYS = frozenset({"type", "properties", "allOf", "oneOf", "anyOf", "$ref", "enum", "items"})


def _split_part(root: Any, document: dict[str, Any]) -> dict[str, Any]:
    """A file of a spec split into parts read as the part of a whole spec it is: routes at its top
    (`/api/v1/auth/register: {post: ...}`) are its paths; a file with `schemas:` at its top is a
    part of its components (its `parameters:` and `requestBodies:` beside them too)."""
    import yaml

    routes = [(k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and str(k.value).startswith("/")]
    if not any(set(_mapping(item)) & _METHODS for _, item in routes):
        routes = []
    if routes and len(routes) == len(document):
        return {"paths": root}
    if routes and "paths" not in document:  # routes beside the spec's other parts (`components:`, `tags:`)
        return {**document, "paths": yaml.MappingNode("tag:yaml.org,2002:map", routes)}
    if document.keys() & {"openapi", "swagger", "components", "paths", "$schema", "properties"}:
        return document
    schemas = _mapping(document.get("schemas"))
    if any(set(_mapping(schema)) & _SCHEMA_KEYS for schema in schemas.values()):
        return {**document, "components": root}
    return document


# What a JSON Schema document says of itself: not a group of schemas of its own.
_KEYWORDS = frozenset(
    {"$schema", "$id", "id", "$ref", "$comment", "$defs", "definitions", "title", "description", "type",
     "properties", "patternProperties", "additionalProperties", "required", "items", "allOf", "anyOf", "oneOf",
     "not", "if", "then", "else", "dependentSchemas", "dependencies", "enum", "const", "examples", "default"}
)  # fmt: skip


def _groups_of_schemas(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Object schemas a document keeps under a key of its own (`"blocks": {"person": {"type":
    "object", "properties": ...}}`): each named by its key, as definitions are."""
    groups = []
    for key, value in document.items():
        if key in _KEYWORDS:
            continue
        schemas = {name: schema for name, schema in _mapping(value).items() if "properties" in _mapping(schema)}
        if schemas:
            groups.append(schemas)
    return groups


def _components(
    path: str, schemas: dict[str, Any], others: dict[str, Any] | None = None, named: Named = None
) -> Iterator[Control]:
    """The properties of named schemas. A schema describes records, as a table does (named for a
    thing, it holds the thing's details); one that others refer to by `$ref` is part of theirs:
    `Location`, the `birthLocation` of a person, says where that person was born."""
    within: dict[str, set[str]] = {}
    for name, schema in {**(others or {}), **schemas}.items():
        for target in set(_refs(schema)) - {name}:
            within.setdefault(target, set()).add(name)
    for name, schema in schemas.items():
        form = Form(schema.start_mark.line + 1, name, store=path)
        context = tuple(("within", other) for other in sorted(within.get(name, ())))
        for control in _properties(path, schema, form, named=named or schemas):
            yield control._replace(context=(*control.context, *context)) if context else control


Named = dict[str, Any] | None  # the named schemas of a document, by name


def _value_schema(ref: str, named: Named, hops: int = 0) -> Any:
    """The schema a `$ref` names, if it describes a value (a string, a date, an enum), not an
    object or a list of them. A name that only stands for another schema is followed (`gender:
    $ref: common.yaml#/definitions/gender`: another file's, so a value as far as this one knows)."""
    target = (named or {}).get(ref.rsplit("/", 1)[-1])
    fields = _mapping(target)
    if target is None or _scalar(fields.get("type")) in ("object", "array"):
        return None
    alias = _scalar(fields.get("$ref"))
    if alias and not any(key in fields for key in ("properties", "allOf", "oneOf", "anyOf", "items")):
        if _elsewhere(alias):
            return target
        return _value_schema(alias, named, hops + 1) if hops < 8 else None
    if any(key in fields for key in ("properties", "allOf", "oneOf", "anyOf", "$ref", "items")):
        return None
    return target


# An object that only wraps one value: the value (a measure's, a sum of money's) and what may sit
# beside it (its language, its unit, its system, its currency).
_VALUES = frozenset({"value", "amount", "valor", "monto", "importe", "montant", "betrag", "valore", "bedrag"})
_BESIDE_A_VALUE = frozenset({
    "language", "lang", "locale", "unit", "system", "currency", "currencycode", "moneda", "divisa", "moeda",
    "devise", "wahrung", "waehrung", "valuta",
    "source", "sources", "confidence", "provenance",  # where the value comes from, how sure it is
})  # fmt: skip


def _keys_wrap_a_value(keys: Iterable[str]) -> bool:
    """The keys of an object that only wraps one value: `{language, value}`, `{value, unit}`,
    `{amount, currency}`, `{valor, moneda}`."""
    folded = {key.replace("_", "").lower() for key in keys}
    return len(folded & _VALUES) == 1 and folded <= _VALUES | _BESIDE_A_VALUE


def _wraps_a_value(node: Any, named: Named, depth: int = 0) -> bool:
    """A schema of one value in a wrapper, or a list of them (`[{language: "en", value: "..."}]`,
    `{value: 72, unit: "kg"}`), as far as its `$ref`, `allOf` and `items` say: the property that
    holds it is the field."""
    import yaml

    fields = _mapping(node)
    if depth > 6 or not fields:
        return False
    ref = _scalar(fields.get("$ref"))
    if ref:
        target = (named or {}).get(ref.rsplit("/", 1)[-1]) if not _elsewhere(ref) else None
        return target is not None and _wraps_a_value(target, named, depth + 1)
    if "properties" in fields:
        return _keys_wrap_a_value(str(key.value) for key, _ in _keys(fields["properties"]))
    parts = fields.get("allOf")
    if isinstance(parts, yaml.SequenceNode):  # a wrapper and what narrows it (`items: {properties: {value: ...}}`)
        wrapped = [p for p in parts.value if _wraps_a_value(p, named, depth + 1)]
        others = [p for p in parts.value if p not in wrapped]
        return bool(wrapped) and all("properties" not in _mapping(p) for p in others)
    items = fields.get("items")
    return items is not None and _wraps_a_value(items, named, depth + 1)


def _refers_to_an_object(ref: str, named: Named) -> bool:
    """A `$ref` to a named schema of this document that is not a value (its properties are read)."""
    return (
        not _elsewhere(ref)
        and (named or {}).get(ref.rsplit("/", 1)[-1]) is not None
        and _value_schema(ref, named) is None
    )


def _elsewhere(ref: str) -> bool:
    """A `$ref` to another file (`common.json#/definitions/sex`, `../ontologyTerm.json`)."""
    return not ref.startswith("#")


def _refs(node: Any, depth: int = 0) -> Iterator[str]:
    """The names of the schemas a schema refers to (`$ref: '#/components/schemas/Location'`)."""
    import yaml

    if depth > 12:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if _scalar(key) == "$ref" and isinstance(value, yaml.ScalarNode):
                yield str(value.value).rsplit("/", 1)[-1]
            else:
                yield from _refs(value, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _refs(item, depth + 1)


def _mapping(node: Any) -> dict[str, Any]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _shadowed(node: Any) -> list[tuple[str, Any]]:
    """The entries of a mapping whose key is written again later in it (a reader keeps the last)."""
    kept = _mapping(node)
    return [(str(key.value), value) for key, value in _keys(node) if kept[str(key.value)] is not value]


def _keys(node: Any) -> Iterator[tuple[Any, Any]]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        yield from ((key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode))


def _scalar(node: Any) -> str:
    import yaml

    return str(node.value) if isinstance(node, yaml.ScalarNode) else ""


def _properties(
    path: str,
    schema: Any,
    form: Form,
    depth: int = 0,
    named: Named = None,
    declared: frozenset[str] = frozenset(),
    groups: tuple[str, ...] = (),
) -> Iterator[Control]:
    """The properties of a schema, those of its `allOf`/`oneOf`/`anyOf` parts and of inline
    nested objects and arrays (same container). A property that refers to a named schema is a
    field when that schema is a value (`firstName: $ref FirstName`, a string), not when it is
    an object whose own properties are the fields. A part that repeats a property the schema
    declares (`oneOf`, `then`, `dependencies` narrowing `age`) adds no field: `declared`. The
    keys of the nested objects a property sits in are its `groups` (`customer` of a booking's
    `customer.email`): whose data it is."""
    import yaml

    if depth > 12:
        return
    fields = _mapping(schema)
    own = declared | {str(key.value) for key, _ in _keys(fields.get("properties"))}
    for combined in ("allOf", "oneOf", "anyOf"):
        parts = fields.get(combined)
        if isinstance(parts, yaml.SequenceNode):
            for part in parts.value:
                yield from _properties(path, part, form, depth + 1, named, own, groups)
    # what a form asks once an answer is given (`if`/`then`), and a list of records at the root
    for conditional in ("then", "else", "items"):
        if _holds_properties(fields.get(conditional)):
            yield from _properties(path, fields[conditional], form, depth + 1, named, own, groups)
    for _, dependent in _keys(fields.get("dependentSchemas") or fields.get("dependencies")):
        yield from _properties(path, dependent, form, depth + 1, named, own, groups)
    for key, value in _keys(fields.get("properties")):
        if str(key.value) in declared:
            continue  # the schema's own property, narrowed here
        inner = _mapping(value)
        items = inner.get("items")
        if _wraps_a_value(value, named):  # `fullName: [{language, value}]`, `weight: {value, unit}`: one value
            yield _property(path, key, value, form, groups)
        elif "properties" in inner or "allOf" in inner:
            # a key that only groups others
            yield from _properties(path, value, form, depth + 1, named, groups=(*groups, str(key.value)))
        elif items is not None and _holds_properties(items):
            yield from _properties(path, items, form, depth + 1, named, groups=(*groups, str(key.value)))
        elif "$ref" in _mapping(items) and _refers_to_an_object(_scalar(_mapping(items)["$ref"]), named):
            continue  # `phones: [$ref Phone]`: the data sits in Phone's own properties
        elif "$ref" not in inner:
            yield _property(path, key, value, form, groups)
        elif (target := _value_schema(_scalar(inner["$ref"]), named)) is not None:
            yield _property(path, key, target, form, groups)
        elif (
            _elsewhere(_scalar(inner["$ref"])) and (named or {}).get(_scalar(inner["$ref"]).rsplit("/", 1)[-1]) is None
        ):
            yield _property(path, key, value, form, groups)  # another file's schema: only its name says what it is


def _holds_properties(node: Any, depth: int = 0) -> bool:
    """An inline object, or a choice or a mix of them (`items: {oneOf: [{properties: ...}]}`)."""
    import yaml

    fields = _mapping(node)
    if "properties" in fields:
        return True
    parts = [p for k in ("allOf", "oneOf", "anyOf") if isinstance(p := fields.get(k), yaml.SequenceNode)]
    return depth < 4 and any(_holds_properties(part, depth + 1) for listed in parts for part in listed.value)


def _property(path: str, key: Any, value: Any, form: Form, groups: tuple[str, ...] = ()) -> Control:
    import yaml

    fields = _mapping(value)
    listed = fields.get("enum")
    options = [_scalar(item) for item in listed.value] if isinstance(listed, yaml.SequenceNode) else []
    words = {k: _scalar(fields.get(k)) for k in ("type", "format", "description", "title", "example", "pattern")}
    line, column = key.start_mark.line + 1, key.start_mark.column + 1
    return described(path, line, column, str(key.value), form, words, options, groups)


def described(
    path: str,
    line: int,
    column: int,
    name: str,
    form: Form,
    words: dict[str, str],
    options: Sequence[str] = (),
    groups: tuple[str, ...] = (),
) -> Control:
    """A schema's property as a field, from what its schema says in words (`type`, `format`,
    `description`, `title`, `example`, `pattern`) and its `enum`: the same in a YAML or JSON
    document, a JavaScript or Python object and a PHP annotation. `groups`: the keys of the
    nested objects it sits in (`customer` of a booking's `customer.email`)."""
    given = words.get("format", "")
    kind = _FORMATS.get(given) or ("hidden" if given == "uuid" else "")  # a uuid points at a record
    kind = kind or _TYPES.get(words.get("type", ""), "text")
    labels = [("title", words.get("description", "")), ("label", words.get("title", ""))]
    labels.append(("example", words.get("example", "")))  # a value: read for its shape, not its words
    return Control(
        path, line, column, "api", "property", name=name, type=kind,
        labels=tuple((how, text) for how, text in labels if text), options=tuple(o for o in options if o),
        pattern=words.get("pattern", ""), form=form, context=tuple(("group", group) for group in groups),
    )  # fmt: skip


def _operations(path: str, paths: dict[str, Any], named: Named) -> Iterator[Control]:
    """Request bodies, parameters and the records responses return, by operation (a body or a
    response that refers to a named schema is read there)."""

    import yaml

    for route, item in paths.items():
        operations = [(method, operation) for method, operation in _mapping(item).items() if method in _METHODS]
        for method, operation in operations:
            yield from _operation(path, f"{method.upper()} {route}", operation, named)
        shared = _mapping(item).get("parameters")
        if isinstance(shared, yaml.SequenceNode) and isinstance(item, yaml.MappingNode):
            # a path's own parameters (`/users/email/{email}`): its one operation's, else the path's
            if len(operations) == 1:
                method, operation = operations[0]
                called = _scalar(_mapping(operation).get("operationId")) or f"{method.upper()} {route}"
                form = Form(operation.start_mark.line + 1, called)
            else:
                form = Form(item.start_mark.line + 1, route)
            for parameter in shared.value:
                yield from _parameter(path, parameter, form)


def _operation(path: str, called: str, operation: Any, named: Named) -> Iterator[Control]:
    """One operation's body, parameters and responses; `called` when it has no `operationId`."""
    import yaml

    fields = _mapping(operation)
    form = Form(operation.start_mark.line + 1, _scalar(fields.get("operationId")) or called)
    bodies = [fields.get("requestBody"), *_mapping(fields.get("responses")).values()]
    for body in bodies:
        yield from _body(path, body, form, named)
    parameters = fields.get("parameters")
    if isinstance(parameters, yaml.SequenceNode):
        for parameter in parameters.value:
            details = _mapping(parameter)
            if _scalar(details.get("in")) == "body":  # Swagger 2: the body's schema is the record
                schema = details.get("schema")
                if schema is not None and "$ref" not in _mapping(schema):
                    yield from _properties(path, schema, form, named=named)
            else:
                yield from _parameter(path, parameter, form)


def _body(path: str, body: Any, form: Form, named: Named) -> Iterator[Control]:
    """The properties of a request body's or a response's schema written in place (one that
    refers to a named schema is read there)."""
    details = _mapping(body)
    schemas = [_mapping(media).get("schema") for media in _mapping(details.get("content")).values()]
    for schema in [*schemas, details.get("schema")]:  # OpenAPI 3's media types, Swagger 2's schema
        if schema is not None and "$ref" not in _mapping(schema):
            yield from _properties(path, schema, form, named=named)


def _shared_bodies(path: str, document: dict[str, Any], named: Named) -> Iterator[Control]:
    """Request bodies and responses defined once and referred to by operations
    (`components.requestBodies`, `components.responses`, Swagger 2's `responses`): each read as
    an operation's, its container the key it is defined under."""
    components = _mapping(document.get("components"))
    for section in (components.get("requestBodies"), components.get("responses"), document.get("responses")):
        for key, body in _mapping(section).items():
            yield from _body(path, body, Form(body.start_mark.line + 1, key), named)


def _shared_parameters(path: str, parameters: dict[str, Any]) -> Iterator[Control]:
    """Parameters defined once and referred to by operations (`components.parameters`, Swagger
    2's `parameters`): each a field, its container the key it is defined under."""
    for key, parameter in parameters.items():
        yield from _parameter(path, parameter, Form(parameter.start_mark.line + 1, key))


def _parameter(path: str, parameter: Any, form: Form) -> Iterator[Control]:
    """A query, path or header parameter (a cookie is the client's, not a person's; so is a
    header, unless it carries the person's address or device: see classify)."""
    details = _mapping(parameter)
    key = details.get("name")
    where = _scalar(details.get("in"))
    if key is None or where == "cookie":
        return
    schema = _mapping(details.get("schema"))
    given = _scalar(schema.get("format")) or _scalar(details.get("format"))
    typed = _scalar(schema.get("type")) or _scalar(details.get("type"))  # OpenAPI 3's schema, Swagger 2's own
    kind = "hidden" if given == "uuid" else _FORMATS.get(given, _TYPES.get(typed, "text"))  # a uuid points at a record
    labels = tuple(("title", t) for t in [_scalar(details.get("description"))] if t)
    yield Control(
        path, key.start_mark.line + 1, key.start_mark.column + 1, "api", "parameter",
        name=_scalar(key), type=kind, labels=labels, form=form, context=(("in", where),) if where == "header" else (),
    )  # fmt: skip


def parse_graphql(path: str, text: str) -> Parsed:
    """GraphQL SDL given as text (a `.graphql` file, or a template literal in a script)."""
    return _graphql(path, text)


def _graphql(path: str, text: str) -> Parsed:
    """`type` and `input` fields of GraphQL SDL, with their descriptions; the arguments of the
    fields of the operation types (`Query`, `Mutation`, or as the `schema` names them)."""
    from graphql import GraphQLSyntaxError, parse
    from graphql.language import ast as nodes

    recovered = around_bad_lines(
        text, lambda t: parse(t, no_location=False), _graphql_bad_line, (GraphQLSyntaxError,), _GRAPHQL_RETRIES
    )
    errors = []
    if isinstance(recovered.error, GraphQLSyntaxError):
        line = recovered.error.locations[0].line if recovered.error.locations else None
        rest = f"the rest read without {_lines(recovered.skipped)}" if recovered.result else "not read"
        errors.append(ScanError(path, line, f"GraphQL syntax error: {recovered.error.message}; {rest}"))
    document = recovered.result
    if document is None:
        return Parsed([], errors)
    kinds = (
        nodes.ObjectTypeDefinitionNode, nodes.InputObjectTypeDefinitionNode, nodes.InterfaceTypeDefinitionNode,
        nodes.ObjectTypeExtensionNode, nodes.InputObjectTypeExtensionNode, nodes.InterfaceTypeExtensionNode,
    )  # fmt: skip
    types = {d.name.value for d in document.definitions if isinstance(d, kinds)}
    # a type that only wraps a value (`Monto {valor, moneda}`): the field that holds it is the field
    values = {
        d.name.value
        for d in document.definitions
        if isinstance(d, kinds) and d.fields and _keys_wrap_a_value(f.name.value for f in d.fields)
    }
    # the operation types: `Query`, `Mutation`, or the names `schema { query: RootQuery }` gives them
    roots = {"Query", "Mutation", "Subscription"} | {
        operation.type.name.value
        for d in document.definitions
        if isinstance(d, (nodes.SchemaDefinitionNode, nodes.SchemaExtensionNode))
        for operation in d.operation_types or ()
    }
    enums = {
        d.name.value: tuple(v.name.value.replace("_", " ").lower() for v in d.values or ())
        for d in document.definitions
        if isinstance(d, nodes.EnumTypeDefinitionNode)
    }
    # a type that others have as a field's type is part of their records (`birthPlace: Location`)
    within: dict[str, set[str]] = {}
    for definition in document.definitions:
        if isinstance(definition, kinds) and definition.name.value not in roots:
            for field in definition.fields or ():
                target = _graphql_type_name(field.type)
                if target in types and target != definition.name.value:
                    within.setdefault(target, set()).add(definition.name.value)
    controls = []
    lines = LineIndex(text)  # graphql-core's get_location counts from the top at every call
    for definition in document.definitions:
        if not isinstance(definition, kinds):
            continue
        type_name = definition.name.value
        line = lines.line_of(definition.loc.start) if definition.loc else 1
        root = type_name in roots
        form = Form(line, type_name, store="" if root else path)
        context = tuple(("within", other) for other in sorted(within.get(type_name, ())))
        for field in definition.fields or ():
            if root:
                for argument in getattr(field, "arguments", None) or ():
                    controls.extend(
                        _graphql_field(path, argument, Form(line, field.name.value), types - values, enums, lines)
                    )
                continue
            controls.extend(
                c._replace(context=context) for c in _graphql_field(path, field, form, types - values, enums, lines)
            )
    return Parsed(controls, errors)


_GRAPHQL_SCALARS = frozenset({"String", "Int", "Float", "Boolean", "ID"})


def _graphql_list(type_node: Any) -> bool:
    """`[Comment!]!`, `[String]`: a list type."""
    from graphql.language import ast as nodes

    while isinstance(type_node, nodes.NonNullTypeNode):
        type_node = type_node.type
    return isinstance(type_node, nodes.ListTypeNode)


def _graphql_type_name(type_node: Any) -> str:
    """`[Location!]!` -> `Location`."""
    while hasattr(type_node, "type"):
        type_node = type_node.type
    return type_node.name.value if hasattr(type_node, "name") else ""


def _graphql_field(
    path: str, field: Any, form: Form, types: set[str], enums: dict[str, tuple[str, ...]], lines: LineIndex
) -> list[Control]:
    """A field or an argument; none for a field whose type is another type of the document (the
    data sits in that type)."""
    start = field.name.loc.start
    type_name = _graphql_type_name(field.type)
    if type_name in types:
        return []
    if _graphql_list(field.type) and type_name not in _GRAPHQL_SCALARS and type_name not in enums:
        return []  # `comments: [Comment]`: a list of another file's records, not a value
    kinds = {
        "Email": "email", "EmailAddress": "email", "Date": "date", "DateTime": "datetime-local", "ID": "hidden",
        "UUID": "hidden", "Uuid": "hidden", "Int": "number", "Float": "number", "Boolean": "checkbox",
    }  # fmt: skip
    kind = kinds.get(type_name, "text")  # an `ID` points at a record: read as a key, as a hidden input is
    labels = [("title", field.description.value)] if getattr(field, "description", None) else []
    if type_name not in _GRAPHQL_SCALARS and type_name not in enums:
        labels.append(("class", type_name))  # a custom scalar: PhoneNumber, PostalCode
    return [
        Control(
            path,
            lines.line_of(start),
            lines.column_of(start),
            "api",
            f"graphql {type_name}",
            name=field.name.value,
            type=kind,
            labels=tuple(labels),
            options=enums.get(type_name, ()),
            form=form,
        )
    ]

"""Laravel: migrations and validation rules, read with tree-sitter-php.

`Schema::create('patients', function (Blueprint $table) { $table->string('no_kp')->comment('MyKad'); })`
and `Schema::table(...)` with `dropColumn` and `renameColumn`, in `up()` only, are applied to
the schema model SQL migrations use (`source` `orm`). Validation rules (a FormRequest's
`rules()`, `$request->validate([...])`, `Validator::make($data, [...])`, `$this->validate(...)`)
are a form's fields (`form-class`): each key a field, its rules the evidence (`'email' =>
'required|email'` asks for an email, `'dob' => 'date'` for a date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.schema import Column, Schema
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(
    r"Schema::(?:create|table)\s*\(|function\s+rules\s*\(|->validate\s*\(|Validator::make\s*\(",
    ("Schema::", "rules", "->validate", "Validator::make"),
)
LARAVEL_MIGRATION = "Laravel migration"

# Blueprint column methods as the column types of rules/sql.toml (the rest are not columns).
_TYPES = {
    "string": "varchar", "char": "char", "text": "text", "mediumText": "text", "longText": "text",
    "tinyText": "text", "integer": "int", "bigInteger": "int", "smallInteger": "int", "tinyInteger": "int",
    "mediumInteger": "int", "unsignedInteger": "int", "unsignedBigInteger": "int",
    "unsignedSmallInteger": "int", "unsignedTinyInteger": "int", "decimal": "decimal", "float": "decimal",
    "double": "decimal", "boolean": "boolean", "date": "date", "dateTime": "timestamp", "dateTimeTz": "timestamp",
    "timestamp": "timestamp", "timestampTz": "timestamp", "time": "time", "year": "year", "binary": "blob",
    "json": "json", "jsonb": "json", "uuid": "uuid", "ulid": "uuid", "ipAddress": "inet", "macAddress": "varchar",
    "enum": "enum", "set": "enum", "foreignId": "foreignkey", "foreignUuid": "foreignkey", "foreignIdFor": "foreignkey",
    "rememberToken": "varchar",
}  # fmt: skip
# Rules that say what a value is, as an input type.
_RULE_TYPES = {
    "email": "email", "date": "date", "date_format": "date", "before": "date", "after": "date", "numeric": "number",
    "integer": "number", "digits": "number", "digits_between": "number", "boolean": "checkbox", "image": "file",
    "file": "file", "mimes": "file", "mimetypes": "file", "password": "password", "current_password": "password",
    "ip": "text", "ipv4": "text", "ipv6": "text",
}  # fmt: skip


def text_of(source: Source, node: Node | None) -> str:
    """A PHP string literal's content; "" for anything else."""
    if node is not None and node.type == "argument":
        node = node.named_child(0)
    if node is None or node.type not in ("string", "encapsed_string"):
        return ""
    if node.named_child_count == 1:  # the usual literal: one piece of content, no interpolation
        content = node.named_child(0)
        return source.text(content) if content.type == "string_content" else ""
    parts = node.named_children
    return "".join(source.text(c) for c in parts) if all(c.type == "string_content" for c in parts) else ""


def is_migration(source: Source) -> bool:
    text = source.data
    return b"Schema::create" in text or b"Schema::table" in text


def _schema_call(source: Source, node: Node) -> str:
    """ "create" or "table" for `Schema::create(...)` / `Schema::table(...)`."""
    scope = node.child_by_field_name("scope")
    name = source.text(node.child_by_field_name("name"))
    return name if source.text(scope).endswith("Schema") and name in ("create", "table") else ""


# Where `apply` looks for methods: not inside one, nor into `use` lists (a dozen names each).
_OUTSIDE_METHODS = frozenset({"method_declaration", "namespace_use_declaration", "comment"})


def apply(schema: Schema, source: Source) -> None:
    """The `Schema::create` and `Schema::table` calls of `up()` (or of the file, outside `down()`)."""
    for node in walk(source.root, stop=_OUTSIDE_METHODS):
        if node.type == "method_declaration" and source.text(node.child_by_field_name("name")) == "down":
            continue
        body = [node] if node.type == "method_declaration" else []
        for scope in body:
            for call in walk(scope, stop=frozenset({"scoped_call_expression"})):
                if call.type == "scoped_call_expression" and _schema_call(source, call):
                    _apply(schema, source, call, _schema_call(source, call))


def _apply(schema: Schema, source: Source, call: Node, verb: str) -> None:
    listed = arguments(call)
    table = text_of(source, listed[0]) if listed else ""
    if not table:
        return
    columns: list[Column] = []
    dropped: list[str] = []
    renamed: list[tuple[str, Node]] = []
    for node in _statements(call):
        chain = _chain(source, node)
        if not chain:
            continue
        method, first_call = chain[0]
        if method in ("dropColumn", "dropColumns"):
            first, *rest = arguments(first_call) or [None]
            for item in rest or [first]:
                dropped.extend(_strings(source, item))
        elif method == "renameColumn":
            given = arguments(first_call)
            if len(given) >= 2:
                renamed.append((text_of(source, given[0]), given[1]))
        elif method in _TYPES and (given := arguments(first_call)) and (name := text_of(source, given[0])):
            columns.append(_column(source, method, name, given, chain[1:]))
        elif method == "rememberToken":  # `remember_token`: a session token of the person
            line, at = source.position(first_call.child_by_field_name("name") or first_call)
            columns.append(Column("remember_token", source.path, line, at, type="varchar", tag="$table->rememberToken"))
    if verb == "create":
        line, _ = source.position(call)
        schema.create(table, source.path, line, columns)
    else:
        for column in columns:
            schema.add(table, column)
    for name in dropped:
        schema.drop_column(table, name)
    for old, new in renamed:
        line, at = source.position(new)
        schema.rename_column(table, old, text_of(source, new), source.path, line, at, create=True)


def arguments(call: Node) -> list[Node]:
    """The arguments a PHP call is given."""
    given = call.child_by_field_name("arguments")
    return [a for a in given.named_children if a.type == "argument"] if given is not None else []


def _statements(call: Node) -> Iterator[Node]:
    """The calls written as statements in the closure a Schema call is given (`$table->...;`),
    also inside an `if`: one look at each statement, not at every node of the closure."""
    for node in walk(call, stop=frozenset({"expression_statement"})):
        if node.type == "expression_statement" and node.named_children:
            expression = node.named_children[0]
            if expression.type == "member_call_expression":
                yield expression


def _chain(source: Source, node: Node) -> list[tuple[str, Node]]:
    """`$table->string('x', 12)->nullable()->comment('y')` -> [(string, call), (nullable, call),
    (comment, call)], innermost first, when it starts at `$table` (a call's arguments are read
    only where they matter)."""
    calls: list[tuple[str, Node]] = []
    current = node
    while current is not None and current.type == "member_call_expression":
        calls.append((source.text(current.child_by_field_name("name")), current))
        current = current.child_by_field_name("object")
    if current is None or current.type != "variable_name":
        return []
    return calls[::-1]


def _strings(source: Source, node: Node | None) -> list[str]:
    """`'a'` or `['a', 'b']`."""
    if node is None:
        return []
    if text_of(source, node):
        return [text_of(source, node)]
    return [text_of(source, s) for s in walk(node) if s.type in ("string", "encapsed_string") and text_of(source, s)]


def _column(source: Source, method: str, name: str, given: list[Node], modifiers: list[tuple[str, Node]]) -> Column:
    """`$table->string('no_kp', 12)->comment('MyKad')`: its name, type, length, options, comment."""
    line, at = source.position(given[0])
    rest = given[1:]
    said = next((arguments(call) for modifier, call in modifiers if modifier == "comment"), [])
    comment = text_of(source, said[0]) if said else ""
    options: tuple[str, ...] = ()
    if method in ("enum", "set") and rest:
        options = tuple(_strings(source, rest[0]))
    length = None
    if method in ("string", "char") and rest and source.text(rest[0]).isdigit():
        length = int(source.text(rest[0]))
    return Column(
        name, source.path, line, at, type=_TYPES[method], comment=comment, options=options, length=length,
        tag=f"$table->{method}",
    )  # fmt: skip


_RULES = re.compile(rb"function\s+rules\s*\(|validate\s*\(|Validator::make\s*\(")


def rules(source: Source) -> Iterator[Control]:
    """The keys of validation rules: a `rules()` method's returned array, the array given to
    `validate(...)` or `Validator::make(..., [...])`."""
    if not _RULES.search(source.data):
        return
    seen: set[int] = set()
    for node in walk(source.root):
        array, owner = None, ""
        if node.type == "method_declaration" and source.text(node.child_by_field_name("name")) == "rules":
            returned = next((r for r in walk(node) if r.type == "return_statement"), None)
            array = (
                next((a for a in walk(returned) if a.type == "array_creation_expression"), None) if returned else None
            )
            owner = _class_name(source, node)
        elif node.type in ("member_call_expression", "scoped_call_expression"):
            name = source.text(node.child_by_field_name("name"))
            scope = source.text(node.child_by_field_name("scope")) if node.type == "scoped_call_expression" else ""
            if name == "validate" or (name == "make" and scope.endswith("Validator")):
                given = [a.named_children[0] for a in arguments(node) if a.named_children]
                array = next((a for a in given if a.type == "array_creation_expression"), None)
                if array is None:  # `$this->validate($request, $rules)`: the array given to `$rules`
                    at = 0 if source.text(node.child_by_field_name("object")) not in ("$this", "") else 1
                    at = 1 if name == "make" else at
                    rules_given = given[at] if len(given) > at and given[at].type == "variable_name" else None
                    array = _assigned_array(source, node, {source.text(rules_given)} if rules_given else set())
                owner = _function_name(source, node)
        if array is None or array.start_byte in seen:
            continue
        seen.add(array.start_byte)
        line, _ = source.position(array)
        form = Form(line, owner or "rules")
        for element in array.named_children:
            if element.type != "array_element_initializer" or len(element.named_children) < 2:
                continue
            key, value = element.named_children[0], element.named_children[-1]
            name = text_of(source, key)
            if not name:
                continue
            listed = _strings(source, value) if value.type == "array_creation_expression" else [text_of(source, value)]
            tokens = [t for rule in listed for t in rule.split("|") if t]
            kinds = [_RULE_TYPES[t.split(":", 1)[0]] for t in tokens if t.split(":", 1)[0] in _RULE_TYPES]
            regex = next((t.split(":", 1)[1] for t in tokens if t.startswith("regex:")), "")
            line, at = source.position(key)
            yield Control(
                source.path, line, at, "form-class", "rules", name=name, type=kinds[0] if kinds else "text",
                labels=(("title", " ".join(tokens)),) if tokens else (), pattern=regex.strip("/"), form=form,
            )  # fmt: skip


def _assigned_array(source: Source, call: Node, variables: set[str]) -> Node | None:
    """The array last assigned, before `call` in its function, to one of `variables`."""
    function = call
    while function is not None and function.type not in ("method_declaration", "function_definition"):
        function = function.parent
    found = None
    for node in walk(function) if function is not None and variables else ():
        if node.start_byte >= call.start_byte:
            break
        if node.type == "assignment_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            array = right is not None and right.type == "array_creation_expression"
            if array and left is not None and source.text(left) in variables:
                found = right
    return found


def _class_name(source: Source, node: Node) -> str:
    while node is not None and node.type != "class_declaration":
        node = node.parent
    return source.text(node.child_by_field_name("name")) if node is not None else ""


def _function_name(source: Source, node: Node) -> str:
    while node is not None and node.type not in ("method_declaration", "function_definition"):
        node = node.parent
    return source.text(node.child_by_field_name("name")) if node is not None else ""

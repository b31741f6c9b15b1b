"""Rails: `db/schema.rb`, migrations and strong parameters, read with tree-sitter-ruby.

`create_table "patients" do |t| t.string "nric", comment: "..." end`, `add_column`,
`remove_column`, `rename_column`, `change_table`, `add_reference`, `drop_table` and
`rename_table` are applied to the schema model SQL and Python migrations use: in a migration
only `change` and `up` count (and the `up` half of `reversible`), never `down`. A column is a
column (`source` `orm`); `params.require(:patient).permit(:nric, :dob)` is a form's fields
(`form-class`), container the required key.
"""

from __future__ import annotations

from collections.abc import Iterator

from datamin.parse.code import RAILS_MIGRATION, RAILS_SCHEMA
from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.schema import Column, Schema
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(r"ActiveRecord::(?:Migration|Schema)|\.permit\s*\(", ("ActiveRecord::", ".permit"))

# A column's Rails type as the column types of rules/sql.toml.
_TYPES = {
    "string": "varchar", "text": "text", "citext": "text", "integer": "int", "bigint": "int", "float": "decimal",
    "decimal": "decimal", "numeric": "decimal", "boolean": "boolean", "date": "date", "datetime": "timestamp",
    "timestamp": "timestamp", "time": "time", "binary": "blob", "json": "json", "jsonb": "json", "uuid": "uuid",
    "inet": "inet", "cidr": "inet", "enum": "enum", "references": "foreignkey", "belongs_to": "foreignkey",
}  # fmt: skip
_NOT_COLUMNS = frozenset(
    {"index", "timestamps", "check_constraint", "foreign_key", "remove_index", "unique_constraint"}
)


def is_schema_or_migration(source: Source) -> str:
    """RAILS_MIGRATION, RAILS_SCHEMA or ""."""
    for node in walk(source.root):
        if node.type == "superclass" and "ActiveRecord::Migration" in source.text(node):
            return RAILS_MIGRATION
        if node.type == "scope_resolution" and source.text(node).startswith("ActiveRecord::Schema"):
            return RAILS_SCHEMA
    return ""


def apply(schema: Schema, source: Source, kind: str) -> None:
    """The statements of a schema.rb, or of a migration's `change`/`up`, applied in order."""
    for call in _statements(source, kind):
        _apply(schema, source, call)


def _statements(source: Source, kind: str) -> Iterator[Node]:
    if kind == RAILS_SCHEMA:
        yield from (n for n in walk(source.root) if n.type == "call" and _method(source, n) in _OPERATIONS)
        return
    for method in walk(source.root):
        if method.type not in ("method", "singleton_method"):  # `def up`, and `def self.up` of older Rails
            continue
        if source.text(method.child_by_field_name("name")) not in ("change", "up"):
            continue
        for node in walk(method, stop=frozenset({"do_block", "block"})):
            if node.type != "call":
                continue
            name = _method(source, node)
            if name in _OPERATIONS:
                yield node
            elif name == "reversible" or name == "up_only":
                yield from _up_half(source, node, name)


def _up_half(source: Source, call: Node, name: str) -> Iterator[Node]:
    """`reversible do |dir| dir.up { ... } dir.down { ... } end`: the `up` half; `up_only { }`."""
    for block in call.named_children:
        if block.type not in ("do_block", "block"):
            continue
        for node in walk(block):
            if node.type != "call":
                continue
            receiver_method = _method(source, node)
            if name == "reversible" and receiver_method == "up":
                yield from (n for n in walk(node) if n.type == "call" and _method(source, n) in _OPERATIONS)
            elif name == "up_only" and receiver_method in _OPERATIONS:
                yield node


_OPERATIONS = frozenset(
    {"create_table", "add_column", "remove_column", "remove_columns", "rename_column", "change_table",
     "add_reference", "add_belongs_to", "drop_table", "rename_table", "change_column", "change_column_comment",
     "change_table_comment"}
)  # fmt: skip


def _method(source: Source, call: Node) -> str:
    return source.text(call.child_by_field_name("method"))


def _arguments(call: Node) -> list[Node]:
    listed = call.child_by_field_name("arguments")
    return [a for a in listed.named_children if a.type != "comment"] if listed is not None else []


def literal(source: Source, node: Node | None) -> str:
    """`:nric`, `"nric"`, `'nric'`, `nric:` -> nric."""
    if node is None:
        return ""
    text = source.text(node)
    if node.type in ("simple_symbol", "hash_key_symbol"):
        return text.lstrip(":").rstrip(":")
    if node.type == "string":
        return "".join(source.text(c) for c in node.named_children if c.type == "string_content")
    if node.type == "delimited_symbol":
        return text[2:-1]
    return ""


def _options(source: Source, arguments: list[Node]) -> dict[str, Node]:
    found = {}
    for argument in arguments:
        if argument.type == "pair":
            found[literal(source, argument.child_by_field_name("key"))] = argument.child_by_field_name("value")
    return found


def _column(source: Source, name_node: Node, type_name: str, options: dict[str, Node]) -> Column:
    name = literal(source, name_node)
    line, at = source.position(name_node)
    kind = _TYPES.get(type_name, "")
    if kind == "foreignkey":
        name = f"{name}_id"
    comment = literal(source, options.get("comment"))
    return Column(name, source.path, line, at, type=kind, comment=comment, tag=f"t.{type_name}")


def _apply(schema: Schema, source: Source, call: Node) -> None:
    name = _method(source, call)
    arguments = _arguments(call)
    table = literal(source, arguments[0]) if arguments else ""
    if not table:
        return
    options = _options(source, arguments)
    if name in ("create_table", "change_table"):
        columns, dropped, renamed = _block_columns(source, call)
        if name == "create_table":
            line, _ = source.position(arguments[0])
            schema.create(table, source.path, line, columns, comment=literal(source, options.get("comment")))
        else:
            for column in columns:
                schema.add(table, column)
        for old in dropped:
            schema.drop_column(table, old)
        for old, new in renamed:
            line, at = source.position(new)
            schema.rename_column(table, old, literal(source, new), source.path, line, at, create=True)
    elif name == "add_column" and len(arguments) >= 3:
        schema.add(table, _column(source, arguments[1], literal(source, arguments[2]), options))
    elif name in ("add_reference", "add_belongs_to") and len(arguments) >= 2:
        schema.add(table, _column(source, arguments[1], "references", options))
    elif name in ("remove_column", "remove_columns"):
        for argument in arguments[1:]:
            if argument.type != "pair":
                schema.drop_column(table, literal(source, argument))
    elif name == "rename_column" and len(arguments) >= 3:
        line, at = source.position(arguments[2])
        old, new = literal(source, arguments[1]), literal(source, arguments[2])
        schema.rename_column(table, old, new, source.path, line, at, create=True)
    elif name == "change_column" and len(arguments) >= 3:
        type_ = _TYPES.get(literal(source, arguments[2]), "")
        schema.retype(table, literal(source, arguments[1]), type_, None)
    elif name == "change_column_comment" and len(arguments) >= 2:
        schema.comment(table, literal(source, arguments[1]), literal(source, options.get("to") or arguments[-1]))
    elif name == "change_table_comment":
        schema.table_comment(table, literal(source, options.get("to") or arguments[-1]))
    elif name == "drop_table":
        schema.drop_table(table)
    elif name == "rename_table" and len(arguments) >= 2:
        schema.rename_table(table, literal(source, arguments[1]))


def _block_columns(source: Source, call: Node) -> tuple[list[Column], list[str], list[tuple[str, Node]]]:
    """The `t.string "email"` of a create_table or change_table block; `t.remove`, `t.rename`."""
    columns: list[Column] = []
    dropped: list[str] = []
    renamed: list[tuple[str, Node]] = []
    block = next((c for c in call.named_children if c.type in ("do_block", "block")), None)
    if block is None:
        return columns, dropped, renamed
    for node in walk(block, stop=frozenset({"do_block", "block"})):
        if node.type != "call" or node.child_by_field_name("receiver") is None:
            continue
        kind = _method(source, node)
        arguments = _arguments(node)
        if not arguments or kind in _NOT_COLUMNS:
            continue
        options = _options(source, arguments)
        if kind == "remove":
            dropped.extend(literal(source, a) for a in arguments if a.type != "pair")
        elif kind == "rename" and len(arguments) >= 2:
            renamed.append((literal(source, arguments[0]), arguments[1]))
        elif kind == "column" and len(arguments) >= 2:
            columns.append(_column(source, arguments[0], literal(source, arguments[1]), options))
        else:
            columns.extend(
                _column(source, a, kind, options) for a in arguments if a.type != "pair" and literal(source, a)
            )
    return columns, dropped, renamed


def permitted(source: Source) -> Iterator[Control]:
    """`params.require(:patient).permit(:nric, :dob, address_attributes: [:line1])`."""
    for call in walk(source.root):
        if call.type != "call" or _method(source, call) != "permit":
            continue
        receiver = call.child_by_field_name("receiver")
        required = ""
        if receiver is not None and receiver.type == "call" and _method(source, receiver) == "require":
            required = literal(source, (_arguments(receiver) or [None])[0])
        line, _ = source.position(call)
        form = Form(line, required or "params")
        yield from _keys(source, _arguments(call), form)


def _keys(source: Source, arguments: list[Node], form: Form, within: str = "") -> Iterator[Control]:
    for argument in arguments:
        if argument.type == "pair":
            key = argument.child_by_field_name("key")
            value = argument.child_by_field_name("value")
            nested = literal(source, key).removesuffix("_attributes")
            if value is not None and value.type in ("array", "hash"):
                yield from _keys(source, list(value.named_children), form, nested)
            continue
        name = literal(source, argument)
        if name:
            line, at = source.position(argument)
            context = (("section", within),) if within else ()
            yield Control(
                source.path, line, at, "form-class", "permit", name=name, type="text", form=form, context=context
            )

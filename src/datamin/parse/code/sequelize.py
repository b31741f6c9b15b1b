"""Sequelize: `sequelize.define("Patient", {...})`, `Patient.init({...}, { tableName })` and
migrations' `queryInterface.createTable("patients", {...})` and `addColumn(table, name, {...})`.
Each attribute is a column (`source` `orm`): its `DataTypes`, `comment` and `values` are evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from datamin.parse.code.jsnodes import arguments, called, entries, string
from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(
    r"\.define\s*\(|\.init\s*\(\s*\{|(?:queryInterface|queryInterface\w*)\.(?:createTable|addColumn)\s*\(|DataTypes\.",
    (".define", ".init", "createTable", "addColumn", "DataTypes."),
)
_TYPES = {
    "STRING": "varchar", "TEXT": "text", "CHAR": "char", "DATE": "timestamp", "DATEONLY": "date", "INTEGER": "int",
    "BIGINT": "int", "FLOAT": "decimal", "DECIMAL": "decimal", "DOUBLE": "decimal", "BOOLEAN": "boolean",
    "JSON": "json", "JSONB": "json", "UUID": "uuid", "ENUM": "enum", "BLOB": "blob", "INET": "inet", "CITEXT": "text",
}  # fmt: skip


def fields(source: Source) -> Iterator[Control]:
    for node in walk(source.root):
        if node.type != "call_expression":
            continue
        function = called(source, node)
        given = arguments(node)
        method = function.rsplit(".", 1)[-1]
        if method == "define" and len(given) >= 2 and string(source, given[0]):
            yield from _attributes(source, given[1], string(source, given[0]), node)
        elif method == "init" and given and given[0].type == "object" and "." in function:
            table = next(
                (
                    string(source, v)
                    for k, _, v in entries(source, given[1] if len(given) > 1 else None)
                    if k == "tableName"
                ),
                "",
            )
            yield from _attributes(source, given[0], function.rsplit(".", 1)[0], node, table)
        elif method == "createTable" and len(given) >= 2 and string(source, given[0]):
            yield from _attributes(source, given[1], string(source, given[0]), node)
        elif method == "addColumn" and len(given) >= 3 and string(source, given[0]) and string(source, given[1]):
            line, _ = source.position(node)
            form = Form(line, string(source, given[0]), store=source.path)
            yield _column(source, string(source, given[1]), given[1], given[2], form, ())


def _attributes(source: Source, obj: Node, container: str, call: Node, table: str = "") -> Iterator[Control]:
    line, _ = source.position(call)
    form = Form(line, container, store=source.path)
    context = (("table", table),) if table else ()
    for name, at, value in entries(source, obj):
        yield _column(source, name, at, value, form, context)


def _column(
    source: Source, name: str, at: Node, value: Node | None, form: Form, context: tuple[tuple[str, str], ...]
) -> Control:
    options = {k: v for k, _, v in entries(source, value)} if value is not None and value.type == "object" else {}
    type_node = options.get("type", value)
    type_text = source.text(type_node) if type_node is not None else ""
    type_name = re.sub(r"\(.*", "", type_text).rsplit(".", 1)[-1].upper()
    values: tuple[str, ...] = ()
    given_values = options.get("values")
    if given_values is not None and given_values.type == "array":
        values = tuple(string(source, v) for v in given_values.named_children if string(source, v))
    elif type_name == "ENUM" and type_node is not None and type_node.type == "call_expression":
        values = tuple(string(source, v) for v in arguments(type_node) if string(source, v))
    comment = string(source, options.get("comment"))
    kind = "foreignkey" if "references" in options else _TYPES.get(type_name, "")
    line, column = source.position(at)
    return Control(
        source.path,
        line,
        column,
        "orm",
        "sequelize",
        name=name,
        ident=string(source, options.get("field")),
        type=kind,
        labels=(("comment", comment),) if comment else (),
        options=values,
        form=form,
        context=context,
    )

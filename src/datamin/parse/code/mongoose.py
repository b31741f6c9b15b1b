"""Mongoose schemas: `new Schema({ name: String, address: { city: String } })` (or without
`new`). Each key is a
column (`source` `orm`), container the variable the schema is assigned to; a nested object's
keys are fields of the same schema (`address.city` in the evidence's section)."""

from __future__ import annotations

from collections.abc import Iterator

from datamin.parse.code.jsnodes import arguments, declared_name, entries, string
from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(r"new\s+(?:mongoose\.)?Schema\s*[<(]|\bmongoose\.Schema\s*\(", ("Schema",))
_TYPES = {"String": "varchar", "Number": "decimal", "Date": "timestamp", "Boolean": "boolean", "Buffer": "blob"}


def fields(source: Source) -> Iterator[Control]:
    for node in walk(source.root):
        if node.type == "new_expression":
            constructor = source.text(node.child_by_field_name("constructor")).split("<")[0]
            if constructor not in ("Schema", "mongoose.Schema"):
                continue
        elif node.type == "call_expression":  # `mongoose.Schema({...})`: Mongoose allows it without `new`
            if source.text(node.child_by_field_name("function")) != "mongoose.Schema":
                continue
        else:
            continue
        given = arguments(node)
        if not given or given[0].type != "object":
            continue
        line, _ = source.position(node)
        form = Form(line, declared_name(source, node) or "Schema", store=source.path)
        yield from _keys(source, given[0], form, "", 0)


def _keys(source: Source, obj: Node, form: Form, parent: str, depth: int) -> Iterator[Control]:
    if depth > 6:
        return
    for name, at, value in entries(source, obj):
        if value is None:
            continue
        inner = dict((k, v) for k, _, v in entries(source, value)) if value.type == "object" else {}
        if value.type == "array" and value.named_children and value.named_children[0].type == "object":
            inner_obj = value.named_children[0]
            if "type" not in {k for k, _, _ in entries(source, inner_obj)}:
                yield from _keys(source, inner_obj, form, name, depth + 1)
                continue
        if value.type == "object" and "type" not in inner:
            yield from _keys(source, value, form, name, depth + 1)  # a nested object: its keys
            continue
        type_node = inner.get("type") if inner else value
        type_name = source.text(type_node).rsplit(".", 1)[-1] if type_node is not None else ""
        # a reference to another document is a key: what it names counts only where the key is
        # the value (`agama: {type: ObjectId, ref: 'Tbl_agama'}` holds a religion)
        reference = type_name == "ObjectId" or "ref" in inner
        enum = inner.get("enum")
        values = (
            tuple(string(source, v) for v in enum.named_children if string(source, v))
            if enum is not None and enum.type == "array"
            else ()
        )
        line, column = source.position(at)
        yield Control(
            source.path,
            line,
            column,
            "orm",
            "Schema",
            name=name,
            type="hidden" if reference else _TYPES.get(type_name, ""),
            options=values,
            form=form,
            context=(("section", parent),) if parent else (),
        )

"""TypeORM entities: `@Entity("patients") class Patient { @Column({ comment: "NRIC" }) nric: string }`,
and MikroORM's, written the same way (`@Entity({ tableName: "patients" })`, `@Property() nric`).
Each decorated column is a column (`source` `orm`); relations are not."""

from __future__ import annotations

from collections.abc import Iterator

from datamin.parse.code.jsnodes import arguments, called, entries, string
from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(r"@(?:Entity|Column|PrimaryColumn|ViewEntity)\s*\(", ("@Entity", "Column", "@ViewEntity"))
_COLUMNS = frozenset({"Column", "PrimaryColumn", "Index", "Property", "PrimaryKey", "Enum"})  # TypeORM's, MikroORM's
_TYPES = {
    "varchar": "varchar", "text": "text", "char": "char", "date": "date", "datetime": "timestamp",
    "timestamp": "timestamp", "timestamptz": "timestamp", "int": "int", "integer": "int", "bigint": "int",
    "decimal": "decimal", "float": "decimal", "boolean": "boolean", "bool": "boolean", "json": "json",
    "jsonb": "json", "uuid": "uuid", "enum": "enum", "inet": "inet", "string": "varchar", "number": "int",
    "Date": "timestamp",
}  # fmt: skip


def fields(source: Source) -> Iterator[Control]:
    for node in walk(source.root):
        if node.type not in ("class_declaration", "class"):
            continue
        name_node = node.child_by_field_name("name")
        table = _entity_table(source, node)
        if table is None:
            continue
        line, _ = source.position(name_node or node)
        form = Form(line, source.text(name_node), store=source.path)
        context = (("table", table),) if table else ()
        body = node.child_by_field_name("body")
        for member in body.named_children if body is not None else []:
            if member.type in ("public_field_definition", "field_definition"):
                control = _column(source, member, form, context)
                if control is not None:
                    yield control


def _decorators(node: Node) -> list[Node]:
    """The decorators of a class or a field, written on it or just before it (`export @Entity() class`)."""
    found = [c for c in node.named_children if c.type == "decorator"]
    parent = node.parent
    if parent is not None and parent.type == "export_statement":
        found += [c for c in parent.named_children if c.type == "decorator"]
    return found


def _entity_table(source: Source, node: Node) -> str | None:
    """The table an `@Entity(...)` names ("" when it names none); None when not an entity."""
    for decorator in _decorators(node):
        call = decorator.named_children[0] if decorator.named_children else None
        name = called(source, call) if call is not None else source.text(call)
        if name in ("Entity", "ViewEntity"):
            given = arguments(call) if call is not None and call.type == "call_expression" else []
            if given and string(source, given[0]):
                return string(source, given[0])
            for option, _, value in entries(source, given[0] if given else None):
                if option in ("name", "tableName"):
                    return string(source, value)
            return ""
    return None


def _column(source: Source, member: Node, form: Form, context: tuple[tuple[str, str], ...]) -> Control | None:
    decorator = next(
        (
            d
            for d in _decorators(member)
            if d.named_children and called(source, d.named_children[0]).split("<")[0] in _COLUMNS
        ),
        None,
    )
    if decorator is None:
        return None
    call = decorator.named_children[0]
    options: dict[str, Node | None] = {}
    given = arguments(call)
    declared = string(source, given[0]) if given else ""
    for argument in given:
        for option, _, value in entries(source, argument):
            options[option] = value
    name_node = member.child_by_field_name("name")
    annotation = member.child_by_field_name("type")
    hinted = source.text(annotation).lstrip(":").strip().split("|")[0].strip() if annotation is not None else ""
    type_name = string(source, options.get("type")) or string(source, options.get("columnType")) or declared or hinted
    comment = string(source, options.get("comment"))
    enum = options.get("enum")
    values = (
        tuple(string(source, v) for v in enum.named_children if string(source, v))
        if enum is not None and enum.type == "array"
        else ()
    )
    line, at = source.position(name_node or member)
    return Control(
        source.path,
        line,
        at,
        "orm",
        "@Column",
        name=source.text(name_node),
        ident=string(source, options.get("name")),
        type=_TYPES.get(type_name, ""),
        labels=(("comment", comment),) if comment else (),
        options=values,
        form=form,
        context=context,
    )

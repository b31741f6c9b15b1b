"""Doctrine entities: mapped properties (`source` `orm`), read from PHP 8 attributes
(`#[ORM\\Column(type: 'date')] private ?\\DateTime $birthDate;`), docblock annotations
(`@ORM\\Column(name="birth_date", type="date")`) and `.orm.xml` mappings. A property is a
column: its name, its column name and type, the `comment` option and the entity's table
(`#[ORM\\Table(name: 'patients')]`) are its evidence; relations are not columns."""

from __future__ import annotations

import re
from collections.abc import Iterator

from datamin.parse.code.laravel import text_of
from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(r"ORM\\Column|@Column\(|Mapping\\Column|<doctrine-mapping\b", ("Column", "<doctrine-mapping"))
_TYPES = {
    "string": "varchar", "text": "text", "ascii_string": "varchar", "guid": "uuid", "integer": "int",
    "smallint": "int", "bigint": "int", "decimal": "decimal", "float": "decimal", "boolean": "boolean",
    "date": "date", "date_mutable": "date", "date_immutable": "date", "datetime": "timestamp",
    "datetime_mutable": "timestamp", "datetime_immutable": "timestamp", "datetimetz": "timestamp",
    "time": "time", "json": "json", "array": "json", "simple_array": "json", "blob": "blob", "binary": "blob",
}  # fmt: skip
# PHP type hints as Doctrine types, when the mapping gives none.
_HINTS = {"datetimeinterface": "datetime", "datetime": "datetime", "bool": "boolean", "int": "integer"}
_ANNOTATION_ARGUMENT = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\w+))""")


def fields(source: Source) -> Iterator[Control]:
    for node in walk(source.root):
        if node.type == "class_declaration":
            yield from _entity(source, node)


def _entity(source: Source, node: Node) -> Iterator[Control]:
    name = source.text(node.child_by_field_name("name"))
    line, _ = source.position(node.child_by_field_name("name") or node)
    form = Form(line, name, store=source.path)
    table = _table(source, node)
    context = (("table", table),) if table else ()
    body = node.child_by_field_name("body")
    if body is None:
        return
    previous: Node | None = None
    for member in body.named_children:
        if member.type == "property_declaration":
            mapping = _attribute_mapping(source, member)
            if mapping is None:  # (an attribute without arguments maps the property too: `#[ORM\Column]`)
                mapping = _annotation_mapping(source, previous)
            if mapping is not None:
                for element in member.named_children:
                    if element.type == "property_element":
                        yield _column(source, element, member, mapping, form, context)
        previous = member


def _table(source: Source, node: Node) -> str:
    for attribute in walk(node.child_by_field_name("attributes") or _first(node, "attribute_list") or node):
        if attribute.type == "attribute" and source.text(attribute).split("(", 1)[0].endswith("Table"):
            return _arguments(source, attribute).get("name", "")
    return ""


def _first(node: Node, kind: str) -> Node | None:
    return next((c for c in node.named_children if c.type == kind), None)


def _arguments(source: Source, attribute: Node) -> dict[str, str]:
    found: dict[str, str] = {}
    arguments = _first(attribute, "arguments")
    if arguments is None:
        return found
    for argument in arguments.named_children:
        key = argument.child_by_field_name("name")
        value = argument.named_children[-1] if argument.named_children else None
        if key is not None and value is not None:
            found[source.text(key)] = text_of(source, value) or source.text(value)
            if value.type == "array_creation_expression":  # options: ['comment' => '...']
                for element in value.named_children:
                    if len(element.named_children) == 2:
                        found[text_of(source, element.named_children[0])] = text_of(source, element.named_children[1])
    return found


def _attribute_mapping(source: Source, member: Node) -> dict[str, str] | None:
    """The arguments of a `#[ORM\\Column(...)]` on a property; None when it has none."""
    attributes = _first(member, "attribute_list")
    if attributes is None:
        return None
    for attribute in walk(attributes):
        if attribute.type == "attribute":
            head = source.text(attribute).split("(", 1)[0]
            if head.endswith("Column") and not head.endswith("JoinColumn"):
                return _arguments(source, attribute)
    return None


def _annotation_mapping(source: Source, comment: Node | None) -> dict[str, str] | None:
    """The arguments of an `@ORM\\Column(...)` in the docblock before a property."""
    if comment is None or comment.type != "comment":
        return None
    text = source.text(comment)
    at = max(text.find("@ORM\\Column("), text.find("@Column("))
    if at < 0:
        return None
    inside = text[text.find("(", at) + 1 :]
    inside = inside[: inside.find(")")] if ")" in inside else inside
    return {m.group(1): m.group(2) or m.group(3) or m.group(4) or "" for m in _ANNOTATION_ARGUMENT.finditer(inside)}


def _column(
    source: Source,
    element: Node,
    member: Node,
    mapping: dict[str, str],
    form: Form,
    context: tuple[tuple[str, str], ...],
) -> Control:
    variable = element.child_by_field_name("name") or element
    name = source.text(variable).lstrip("$")
    line, at = source.position(variable)
    declared = mapping.get("type", "").rsplit("::", 1)[-1].lower()
    hinted = source.text(member.child_by_field_name("type")).lstrip("?\\").lower()
    kind = _TYPES.get(declared) or _TYPES.get(
        {"datetimeinterface": "datetime", "bool": "boolean", "int": "integer"}.get(hinted, hinted), ""
    )
    labels = (("comment", mapping["comment"]),) if mapping.get("comment") else ()
    return Control(
        source.path, line, at, "orm", "ORM\\Column", name=name, ident=mapping.get("name", ""), type=kind,
        labels=labels, form=form, context=context,
    )  # fmt: skip


def xml_fields(path: str, text: str) -> list[Control]:
    """A `.orm.xml` mapping: each `<field name=... column=... type=...>` of an entity."""
    import lxml.etree

    try:
        root = lxml.etree.fromstring(
            text.encode("utf-8"), parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except lxml.etree.XMLSyntaxError:
        return []
    found = []
    for entity in root.iter("{*}entity", "{*}mapped-superclass"):
        name = (entity.get("name") or "").rsplit("\\", 1)[-1]
        form = Form(entity.sourceline or 1, name, store=path)
        context = (("table", entity.get("table") or ""),) if entity.get("table") else ()
        for field in entity.iter("{*}field"):
            options = [o.text or "" for o in field.iter("{*}option") if o.get("name") == "comment"]
            found.append(
                Control(
                    path,
                    field.sourceline or 1,
                    1,
                    "orm",
                    "field",
                    name=field.get("name") or "",
                    ident=field.get("column") or "",
                    type=_TYPES.get((field.get("type") or "").lower(), ""),
                    labels=(("comment", options[0]),) if options else (),
                    form=form,
                    context=context,
                )
            )
    return found

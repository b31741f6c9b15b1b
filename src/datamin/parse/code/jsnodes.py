"""What the JavaScript and TypeScript readers share: literals, object keys, call chains."""

from __future__ import annotations

from collections.abc import Iterator

from datamin.parse.code.treesitter import Node, Source


def string(source: Source, node: Node | None) -> str:
    """A string literal's content (a template literal without substitutions too); "" else."""
    if node is None:
        return ""
    if node.type == "string":
        return "".join(source.text(c) for c in node.named_children if c.type in ("string_fragment", "escape_sequence"))
    if node.type == "template_string" and not any(c.type == "template_substitution" for c in node.named_children):
        return source.text(node)[1:-1]
    return ""


def key(source: Source, pair: Node) -> tuple[str, Node | None]:
    """The name of an object's property and the node that writes it (`email:`, `'email':`)."""
    if pair.type == "shorthand_property_identifier":
        return source.text(pair), pair
    name = pair.child_by_field_name("key")
    if name is None:
        return "", None
    if name.type in ("property_identifier", "identifier"):
        return source.text(name), name
    return string(source, name), name


def entries(source: Source, obj: Node | None) -> Iterator[tuple[str, Node, Node | None]]:
    """(name, key node, value node) of an object literal's properties."""
    if obj is None or obj.type != "object":
        return
    for pair in obj.named_children:
        if pair.type in ("pair", "shorthand_property_identifier"):
            name, at = key(source, pair)
            if name and at is not None:
                yield name, at, pair.child_by_field_name("value")


def called(source: Source, node: Node | None) -> str:
    """`z.string` for `z.string(...)`, `Column` for `Column(...)`; "" when not a call."""
    if node is None or node.type != "call_expression":
        return ""
    return source.text(node.child_by_field_name("function"))


def arguments(node: Node) -> list[Node]:
    listed = node.child_by_field_name("arguments")
    return [a for a in listed.named_children if a.type != "comment"] if listed is not None else []


def chain(source: Source, node: Node | None) -> list[tuple[str, list[Node]]]:
    """`z.string().email().min(3)` -> [("z.string", []), ("email", []), ("min", [3])]: the
    calls of a method chain, innermost first."""
    calls: list[tuple[str, list[Node]]] = []
    while node is not None and node.type == "call_expression":
        function = node.child_by_field_name("function")
        if function is not None and function.type == "member_expression":
            inner = function.child_by_field_name("object")
            prop = source.text(function.child_by_field_name("property"))
            if inner is not None and inner.type == "call_expression":
                calls.append((prop, arguments(node)))
                node = inner
                continue
            calls.append(("".join(source.text(function).split()), arguments(node)))  # `z\n  .object`
            break
        calls.append((source.text(function), arguments(node)))
        break
    return list(reversed(calls))


def declared_name(source: Source, node: Node) -> str:
    """The variable an expression is assigned to (`const PatientSchema = ...`), if any."""
    while node is not None and node.type not in ("variable_declarator", "assignment_expression", "program"):
        node = node.parent
    if node is None or node.type == "program":
        return ""
    target = node.child_by_field_name("name") or node.child_by_field_name("left")
    return source.text(target).rsplit(".", 1)[-1] if target is not None else ""

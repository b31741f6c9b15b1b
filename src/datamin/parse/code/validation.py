"""Zod and Yup form schemas: `z.object({ email: z.string().email() })`,
`yup.object({ dob: yup.date() })`, `Yup.object().shape({...})`. Each key is a form's field
(`source` `form-class`), container the variable the schema is assigned to; the chain of rules
is its evidence (`.email()` asks for an email, `date()` for a date, `.regex(...)` a pattern)."""

from __future__ import annotations

from collections.abc import Iterator

from datamin.parse.code.jsnodes import chain, declared_name, entries, string
from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(
    r"\b(?:z|zod|yup|Yup|y)\s*\.object\s*\(|\b(?:yup|Yup)\.(?:string|number|date|mixed|boolean)\s*\(",
    (".object", "yup.", "Yup."),
)
_ROOTS = ("z", "zod", "yup", "Yup", "y")
_KINDS = {
    "email": "email",
    "date": "date",
    "coerce.date": "date",
    "number": "number",
    "boolean": "checkbox",
    "url": "url",
}


def fields(source: Source) -> Iterator[Control]:
    for node in walk(source.root):
        if node.type == "object" and _a_shape(source, node):
            # `const userSchema = { email: yup.string().email(), ... }`, given to `.shape()` elsewhere
            line, _ = source.position(node)
            form = Form(line, declared_name(source, node) or "schema")
            for name, at, value in entries(source, node):
                yield _field(source, name, at, value, form)
            continue
        if node.type != "call_expression":
            continue
        calls = chain(source, node)
        if not calls or calls[0][0].split(".")[-1] != "object" or calls[0][0].split(".")[0] not in _ROOTS:
            continue
        if node.parent is not None and node.parent.type == "member_expression":
            continue  # the outer call of the chain reads it
        shape = next((args[0] for name, args in calls if name in ("shape", "extend") and args), None)
        obj = calls[0][1][0] if calls[0][1] else shape
        if obj is None or obj.type != "object":
            continue
        line, _ = source.position(node)
        form = Form(line, declared_name(source, node) or "schema")
        for name, at, value in entries(source, obj):
            yield _field(source, name, at, value, form)


def _a_shape(source: Source, obj: Node) -> bool:
    """An object literal of two or more rules, most of them Zod's or Yup's, that no `.object(...)`
    or `.shape(...)` of this file is given (those are read there)."""
    given = obj.parent.parent if obj.parent is not None and obj.parent.type == "arguments" else None
    if given is not None and given.type == "call_expression":
        return False
    values = [value for _, _, value in entries(source, obj)]
    rules = sum(1 for value in values if _a_rule(source, value))
    return rules >= 2 and rules * 2 > len(values)


def _a_rule(source: Source, value: Node | None) -> bool:
    calls = chain(source, value) if value is not None and value.type == "call_expression" else []
    return bool(calls) and calls[0][0].count(".") == 1 and calls[0][0].split(".")[0] in _ROOTS


def _field(source: Source, name: str, at: Node, value: Node | None, form: Form) -> Control:
    rules = chain(source, value) if value is not None else []
    kind, pattern, labels = "text", "", []
    for rule, args in rules:
        last = rule.rsplit(".", 1)[-1] if rule.count(".") and rule.split(".")[0] in _ROOTS else rule
        if last in _KINDS:
            kind = _KINDS[last] if kind == "text" or last == "email" else kind
        elif last in ("regex", "matches") and args:
            pattern = source.text(args[0]).strip("/")
        elif last in ("describe", "label") and args and string(source, args[0]):
            labels.append(("label", string(source, args[0])))
        elif last == "enum" and args and args[0].type == "array":
            labels.append(("options", " / ".join(string(source, v) for v in args[0].named_children)))
    line, column = source.position(at)
    return Control(
        source.path,
        line,
        column,
        "form-class",
        "schema",
        name=name,
        type=kind,
        labels=tuple(labels),
        pattern=pattern,
        form=form,
    )

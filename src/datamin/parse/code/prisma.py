"""Prisma schemas (`schema.prisma`): a small, exact reader of models and enums (no parser for
the language exists on PyPI). A model's scalar field is a column (`source` `orm`): its name,
its type (`DateTime`, `@db.Date`), `@map`, the model's `@@map` and the `///` doc comments
above it are evidence; an enum's values are a field's options; relation fields are not
columns."""

from __future__ import annotations

import re
from typing import Any

from datamin.parse.sniff import Sniff
from datamin.records import Control, Form, Parsed

SNIFF = Sniff(r"^\s*(?:model|datasource|generator)\s+\w+\s*\{", ("model", "datasource", "generator"), re.M)
_BLOCK = re.compile(r"^\s*(model|enum|type|view)\s+(\w+)\s*\{", re.M)
_FIELD = re.compile(r"^(\s*)(\w+)\s+(\w+)(\[\])?(\?)?(.*)$")
_MAP = re.compile(r"(?<!@)@map\(\s*\"([^\"]*)\"")
_TABLE = re.compile(r"@@map\(\s*\"([^\"]*)\"")
_TYPES = {
    "String": "varchar", "Int": "int", "BigInt": "int", "Float": "decimal", "Decimal": "decimal",
    "Boolean": "boolean", "DateTime": "timestamp", "Json": "json", "Bytes": "blob",
}  # fmt: skip


def parse(path: str, text: str, *, notices: bool = False) -> Parsed:
    lines = text.split("\n")
    blocks = _blocks(lines)
    enums = {name: tuple(values) for kind, name, _, values in blocks if kind == "enum"}
    models = {name for kind, name, _, _ in blocks if kind in ("model", "view", "type")}
    controls: list[Control] = []
    for kind, name, start, body in blocks:
        if kind not in ("model", "view", "type"):
            continue
        mapped = [_TABLE.search(line) for line in body]
        table = next((m.group(1) for m in mapped if m), "")
        form = Form(start, name, store=path)
        references: list[str] = []
        doc: list[str] = []
        fields: list[dict[str, Any]] = []  # made Controls once the model's references are known
        for offset, line in enumerate(body, start + 1):
            stripped = line.strip()
            if stripped.startswith("///"):
                doc.append(stripped[3:].strip())
                continue
            match = _FIELD.match(line.split("//", 1)[0])
            if not match or stripped.startswith("@@"):
                doc = []
                continue
            indent, field, type_name, listed, _, rest = match.groups()
            values = type_name in _TYPES or type_name in enums  # `medications String[]`: a column of a list
            if type_name in models or "@relation" in rest or (listed and not values):
                if type_name in models and not listed:
                    references.append(type_name)  # a record of that model's: its context
                doc = []
                continue  # a relation: the data sits in the other model
            kind_ = "date" if "@db.Date" in rest else _TYPES.get(type_name, "enum" if type_name in enums else "")
            column_name = _MAP.search(rest) if "@map" in rest else None
            fields.append(
                {
                    "line": offset,
                    "column": len(indent) + 1,
                    "tag": f"prisma {type_name}",
                    "name": field,
                    "ident": column_name.group(1) if column_name else "",
                    "type": kind_,
                    "labels": (("comment", said),) if (said := " ".join(doc)) else (),
                    "options": enums.get(type_name, ()),
                }
            )
            doc = []
        context = ((("table", table),) if table else ()) + tuple(("refers", other) for other in references)
        controls.extend(Control(path, source="orm", form=form, context=context, **field) for field in fields)
    return Parsed(controls, [])


def _blocks(lines: list[str]) -> list[tuple[str, str, int, list[str] | tuple[str, ...]]]:
    """(kind, name, line of the block's start, its body lines or, for an enum, its values)."""
    found: list[tuple[str, str, int, list[str] | tuple[str, ...]]] = []
    index = 0
    while index < len(lines):
        match = _BLOCK.match(lines[index])
        if not match:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith("}"):
            end += 1
        body = lines[index + 1 : end]
        if match.group(1) == "enum":
            entries = (b.split("//", 1)[0].strip() for b in body)
            values = tuple(v.split()[0].replace("_", " ").lower() for v in entries if v and not v.startswith("@"))
            found.append(("enum", match.group(2), index + 1, values))
        else:
            found.append((match.group(1), match.group(2), index + 1, body))
        index = end + 1
    return found

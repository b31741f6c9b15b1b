"""SQLAlchemy, Flask-SQLAlchemy and SQLModel tables: their columns (`source` `orm`).

`Column(...)`, `db.Column(...)`, `mapped_column(...)` with or without `Mapped[...]`, an
annotation alone (`dob: Mapped[date]`), `Table("patients", metadata, Column("nric", ...))`,
and the fields of a `SQLModel` declared with `table=True`. The column's type, `comment=`,
`doc=` and `info={"label": ...}` are its evidence; `__tablename__` and the class's docstring
are its table's context.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from datamin.parse.code.pyast import (
    Module,
    assignments,
    called,
    choices_of,
    class_choices,
    class_line,
    column,
    docstring,
    dotted,
    keyword,
    last_name,
    number_of,
    statements,
    text_of,
)
from datamin.records import Control, Form

_COLUMN_CALLS = frozenset({"Column", "mapped_column", "deferred", "column_property"})
# SQLAlchemy types (and sqlalchemy_utils', and Python's in `Mapped[...]`) as the column types of
# rules/sql.toml.
_TYPES = {
    "String": "varchar", "Unicode": "varchar", "VARCHAR": "varchar", "NVARCHAR": "varchar", "CHAR": "char",
    "Text": "text", "UnicodeText": "text", "TEXT": "text", "CLOB": "text", "Integer": "int",
    "BigInteger": "int", "SmallInteger": "int", "INTEGER": "int", "Numeric": "decimal", "Float": "decimal",
    "DECIMAL": "decimal", "Boolean": "boolean", "BOOLEAN": "boolean", "Date": "date", "DATE": "date",
    "DateTime": "timestamp", "TIMESTAMP": "timestamp", "Time": "time", "Interval": "interval",
    "LargeBinary": "blob", "BLOB": "blob", "JSON": "json", "JSONB": "json", "ARRAY": "json", "Uuid": "uuid",
    "UUID": "uuid", "Enum": "enum", "INET": "inet", "IPAddressType": "inet", "EmailType": "varchar",
    "PhoneNumberType": "varchar", "PasswordType": "varchar", "CountryType": "varchar", "URLType": "varchar",
    "str": "varchar", "int": "int", "float": "decimal", "bool": "boolean", "date": "date",
    "datetime": "timestamp", "time": "time", "bytes": "blob", "Decimal": "decimal", "dict": "json",
    "list": "json",
}  # fmt: skip


def fields(module: Module) -> Iterator[Control]:
    enums = class_choices(module.tree)
    for node in statements(module.tree):
        if isinstance(node, ast.ClassDef) and _is_table_class(node):
            yield from _class_columns(module, node, enums)
        elif (  # patients = Table("patients", metadata, ...)
            isinstance(node, ast.Assign | ast.Expr)
            and isinstance(node.value, ast.Call)
            and last_name(node.value.func) == "Table"
            and node.value.args
        ):
            yield from _table_columns(module, node.value, enums)


def _is_table_class(node: ast.ClassDef) -> bool:
    """A mapped class: `__tablename__`, a base such as `Base`, `db.Model` or `DeclarativeBase`,
    or `SQLModel` with `table=True`."""
    if any(k.arg == "table" and isinstance(k.value, ast.Constant) and k.value.value is True for k in node.keywords):
        return True
    if any(target.id == "__tablename__" for target, _, _ in assignments(node)):
        return True
    bases = [called(b) or dotted(b) for b in node.bases]
    if any(b.endswith(("db.Model", "DeclarativeBase")) or b in ("Base", "Model") for b in bases):
        return any(_column_call(value) or _mapped(annotation) for _, value, annotation in assignments(node))
    return False


def _column_call(value: ast.expr | None) -> ast.Call | None:
    """The column call of an assignment, through `db.Column`, `sa.Column`, SQLModel's
    `Field(sa_column=Column(...))`."""
    if not isinstance(value, ast.Call):
        return None
    name = last_name(value.func)
    if name in _COLUMN_CALLS:
        return value
    if name == "Field":
        inner = keyword(value, "sa_column")
        return inner if isinstance(inner, ast.Call) else value
    return None


def _mapped(annotation: ast.expr | None) -> bool:
    return isinstance(annotation, ast.Subscript) and last_name(annotation.value) == "Mapped"


def _class_columns(module: Module, node: ast.ClassDef, enums: dict[str, tuple[str, ...]]) -> Iterator[Control]:
    line, _ = class_line(module, node)
    form = Form(line, node.name, store=module.path)
    table = next((text_of(value) for target, value, _ in assignments(node) if target.id == "__tablename__"), "")
    context = tuple(("table", t) for t in (docstring(node), table) if t)
    sqlmodel = any(k.arg == "table" for k in node.keywords)
    for target, value, annotation in assignments(node):
        if target.id.startswith("__"):
            continue
        call = _column_call(value)
        plain = value is None or isinstance(value, ast.Constant)  # `age: int | None = None`
        if call is None and not (_mapped(annotation) or (sqlmodel and annotation is not None and plain)):
            continue
        if call is not None and last_name(call.func) == "relationship":
            continue
        if _is_relationship(annotation):
            continue
        control = _column(module, target, target.id, call, annotation, form, enums)
        yield control._replace(context=context)


def _is_relationship(annotation: ast.expr | None) -> bool:
    """`Mapped[list["Address"]]`, `Mapped["User"]`: a relationship, not a column."""
    inner = annotation.slice if isinstance(annotation, ast.Subscript) else None
    if isinstance(inner, ast.Subscript) and last_name(inner.value) in ("list", "List", "set", "Set"):
        return True
    return isinstance(inner, ast.Constant) and isinstance(inner.value, str)


def _table_columns(module: Module, call: ast.Call, enums: dict[str, tuple[str, ...]]) -> Iterator[Control]:
    """`Table("patients", metadata, Column("nric", String(9)), ...)`."""
    name = text_of(call.args[0])
    if not name:
        return
    line, _ = module.position(call)
    form = Form(line, name, store=module.path)
    for item in call.args[1:]:
        if isinstance(item, ast.Call) and last_name(item.func) == "Column" and item.args and text_of(item.args[0]):
            yield _column(module, item.args[0], text_of(item.args[0]), item, None, form, enums)


def _column(
    module: Module,
    target: ast.AST,
    name: str,
    call: ast.Call | None,
    annotation: ast.expr | None,
    form: Form,
    enums: dict[str, tuple[str, ...]],
) -> Control:
    type_, type_name = "", ""
    options: tuple[str, ...] = ()
    ident = ""
    labels: list[tuple[str, str]] = []
    maxlength = None
    if call is not None:
        arguments = list(call.args)
        if arguments and text_of(arguments[0]) and target is not arguments[0]:
            ident = text_of(arguments.pop(0))  # Column("patient_nric", String): the column's own name
        for argument in arguments:
            kind = last_name(argument.func if isinstance(argument, ast.Call) else argument)
            if kind == "ForeignKey":
                type_, type_name = "foreignkey", kind
                break
            if kind in _TYPES or kind.endswith(("Type", "String")):
                type_name = kind
                type_ = _TYPES.get(kind, "varchar")
                if isinstance(argument, ast.Call):
                    if kind == "Enum":
                        options = _enum_options(argument, enums)
                    maxlength = number_of(argument.args[0]) if argument.args else number_of(keyword(argument, "length"))
                break
        labels += [
            ("comment", text_of(keyword(call, "comment", "doc", "description"))),
            ("label", text_of(keyword(call, "title"))),
        ]
        labels += [("label", text) for text in _entries(keyword(call, "info"), "label", "verbose_name", "description")]
        labels += [("comment", text) for text in _entries(keyword(call, "sa_column_kwargs"), "comment")]
        maxlength = maxlength or number_of(keyword(call, "max_length"))
    if not type_name and annotation is not None:
        type_name = _annotated_type(annotation)
        type_ = _TYPES.get(type_name, "")
        if type_name in enums:
            options = enums[type_name]
    if type_name and (type_name not in _TYPES or type_name.endswith("Type")):
        labels.append(("class", type_name))  # EmailType, PhoneNumberType, EmailStr: they say what they hold
    return column(
        module, target, name, source="orm", tag=called(call) if call is not None else "Mapped", kind=type_,
        form=form, labels=labels, options=options, maxlength=maxlength, ident=ident,
    )  # fmt: skip


def _entries(node: ast.expr | None, *keys: str) -> list[str]:
    """The texts of some keys of a literal dict: `info={"label": "NRIC"}`."""
    if not isinstance(node, ast.Dict):
        return []
    return [text_of(v) for k, v in zip(node.keys, node.values, strict=True) if text_of(k) in keys and text_of(v)]


def _annotated_type(annotation: ast.expr) -> str:
    """`Mapped[Optional[date]]` -> `date`; `str | None` -> `str`; `EmailStr` -> `EmailStr`."""
    node: ast.expr | None = annotation
    while node is not None:
        if isinstance(node, ast.Subscript):
            outer = last_name(node.value)
            inner = node.slice
            if outer == "Annotated" and isinstance(inner, ast.Tuple):
                node = inner.elts[0]
            elif outer in ("Mapped", "Optional") or outer not in ("list", "List", "dict", "Dict", "set"):
                node = inner.elts[0] if isinstance(inner, ast.Tuple) else inner
            else:
                return outer
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            left = node.left
            node = node.right if isinstance(left, ast.Constant) and left.value is None else left
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        else:
            return last_name(node)
    return ""


def _enum_options(call: ast.Call, enums: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """`Enum("male", "female", name="gender")`, `Enum(Gender)`."""
    literal = tuple(text_of(a) for a in call.args if text_of(a))
    if literal:
        return literal
    if call.args and last_name(call.args[0]) in enums:
        return enums[last_name(call.args[0])]
    return choices_of(call.args[0]) if call.args else ()

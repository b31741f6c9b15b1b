"""Pydantic models (request and response bodies, SQLModel classes that are not tables) and
FastAPI `Form(...)` parameters: their fields (`source` `form-class`).

The annotation says the kind (`EmailStr`, `date`, `SecretStr`, `constr(pattern=...)`);
`Field(description=..., title=..., examples=[...], pattern=...)` gives the words and the shape.
Settings classes (`BaseSettings`) are configuration, not anyone's data.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from datamin.parse.code.pyast import (
    Module,
    assignments,
    choices_of,
    class_choices,
    class_line,
    classes,
    column,
    functions,
    keyword,
    last_name,
    text_of,
)
from datamin.parse.code.sqlalchemy import _annotated_type
from datamin.records import Control, Form

_INPUT_TYPES = {
    "EmailStr": "email", "NameEmail": "email", "date": "date", "PastDate": "date", "FutureDate": "date",
    "datetime": "datetime-local", "AwareDatetime": "datetime-local", "NaiveDatetime": "datetime-local",
    "SecretStr": "password", "int": "number", "float": "number", "Decimal": "number", "bool": "checkbox",
    "UploadFile": "file", "HttpUrl": "url", "AnyUrl": "url", "AnyHttpUrl": "url",
}  # fmt: skip
_NOT_DATA = ("Settings", "Config")


def fields(module: Module) -> Iterator[Control]:
    enums = class_choices(module.tree)
    models = _models(module.tree)
    for node in classes(module.tree):
        # A model's annotated attributes; elsewhere (a dataclass FastAPI fills through Depends())
        # the attributes whose default is `Form(...)`.
        whole = node.name in models
        line, _ = class_line(module, node)
        form = Form(line, node.name)
        for target, value, annotation in assignments(node):
            if annotation is None or target.id.startswith("_") or target.id == "model_config":
                continue
            if whole or (isinstance(value, ast.Call) and last_name(value.func) == "Form"):
                yield _field(module, target, target.id, annotation, value, form, enums)
    for function in functions(module.tree):
        yield from _form_parameters(module, function, enums)


def _models(tree: ast.Module) -> set[str]:
    """Pydantic classes of a file: `BaseModel` (or a model of the file) among their bases; a
    `SQLModel` without `table=True` (with it, a table: see sqlalchemy.py)."""
    found: set[str] = set()
    every = classes(tree)
    for _ in range(3):
        for node in every:
            bases = {last_name(b) for b in node.bases}
            table = any(k.arg == "table" for k in node.keywords)
            if node.name in found or table or node.name.endswith(_NOT_DATA) or "BaseSettings" in bases:
                continue
            if bases & ({"BaseModel", "SQLModel", "GenericModel", "RootModel"} | found):
                found.add(node.name)
    return found


def _field(
    module: Module,
    target: ast.AST,
    name: str,
    annotation: ast.expr,
    value: ast.expr | None,
    form: Form,
    enums: dict[str, tuple[str, ...]],
) -> Control:
    type_name = _annotated_type(annotation)
    labels: list[tuple[str, str]] = []
    pattern = ""
    details = [value] if isinstance(value, ast.Call) else []
    details += _annotated_calls(annotation)
    for call in details:
        if last_name(call.func) in ("Field", "Form", "Body", "Query", "constr", "StringConstraints"):
            labels += [
                ("label", text_of(keyword(call, "title"))),
                ("title", text_of(keyword(call, "description"))),
                ("label", text_of(keyword(call, "alias"))),
            ]
            pattern = text_of(keyword(call, "pattern", "regex")) or pattern
            examples = keyword(call, "examples", "example")
            sample = (
                text_of(examples.elts[0]) if isinstance(examples, ast.List) and examples.elts else text_of(examples)
            )
            if sample:
                labels.append(("placeholder", sample))
    if type_name not in _INPUT_TYPES and type_name not in ("str", "int", "float", "bool", "list", "dict", "Any"):
        labels.append(("class", type_name))  # PaymentCardNumber, PhoneNumber, IPvAnyAddress: what they hold
    options = enums.get(type_name, ())
    if not options and type_name == "Literal" and isinstance(annotation, ast.Subscript):
        options = (
            choices_of(annotation.slice) if isinstance(annotation.slice, ast.Tuple) else (text_of(annotation.slice),)
        )
    return column(
        module, target, name, source="form-class", tag=type_name or "field", kind=_INPUT_TYPES.get(type_name, "text"),
        form=form, labels=labels, options=tuple(o for o in options if o), pattern=pattern,
    )  # fmt: skip


def _annotated_calls(annotation: ast.expr) -> list[ast.Call]:
    """The calls inside an annotation: `Annotated[str, Field(max_length=9)]`, `constr(pattern=...)`."""
    return [node for node in ast.walk(annotation) if isinstance(node, ast.Call)]


def _form_parameters(
    module: Module, function: ast.FunctionDef | ast.AsyncFunctionDef, enums: dict[str, tuple[str, ...]]
) -> Iterator[Control]:
    """`def register(email: str = Form(...), dob: date = Form(...), photo: UploadFile)`: a FastAPI
    endpoint's form and its uploads."""
    arguments = function.args
    positional = arguments.posonlyargs + arguments.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    pairs = list(zip(positional, defaults, strict=True)) + list(
        zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
    )
    line, _ = module.position(function)
    form = Form(line, function.name)
    for argument, default in pairs:
        annotated = _annotated_calls(argument.annotation) if argument.annotation is not None else []
        given = [default] if isinstance(default, ast.Call) else []
        if argument.annotation is None:
            continue
        uploaded = _annotated_type(argument.annotation) == "UploadFile"
        if not uploaded and not any(last_name(c.func) in ("Form", "File") for c in given + annotated):
            continue
        yield _field(module, argument, argument.arg, argument.annotation, default, form, enums)

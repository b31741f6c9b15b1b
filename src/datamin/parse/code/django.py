"""Django: the fields of models (`source` `orm`) and of forms (`form-class`).

A model's field is a column: its name, its class (`PhoneNumberField`, `EmailField`, a
third-party or custom field alike), `verbose_name`, `help_text`, `choices`, `db_column`,
validators and `max_length` are its evidence; the model's docstring and the models its foreign
keys point at are its table's context. A field of an abstract base is reported once, at the
base; a model that extends `AbstractUser` or `AbstractBaseUser` carries the fields it inherits,
reported at the class. A form's field is a form field (`forms.EmailField` asks for an email);
a `ModelForm` names its model's fields in `Meta.fields`, each reported where it is written.
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
    classes,
    column,
    docstring,
    keyword,
    last_name,
    meta_option,
    number_of,
    statements,
    text_of,
)
from datamin.records import Control, Form

# The column type a model field is stored as, for the column kinds of rules/sql.toml (a
# BooleanField is a flag, a DateTimeField a time, a ForeignKey a key to another row).
_COLUMN_TYPES = {
    "CharField": "varchar", "TextField": "text", "EmailField": "varchar", "SlugField": "varchar",
    "URLField": "varchar", "FilePathField": "varchar", "FileField": "varchar", "ImageField": "varchar",
    "DateField": "date", "DateTimeField": "timestamp", "TimeField": "time", "DurationField": "interval",
    "BooleanField": "boolean", "NullBooleanField": "boolean", "IntegerField": "int",
    "PositiveIntegerField": "int", "PositiveSmallIntegerField": "int", "PositiveBigIntegerField": "int",
    "SmallIntegerField": "int", "BigIntegerField": "int", "AutoField": "int", "BigAutoField": "int",
    "SmallAutoField": "int", "FloatField": "decimal", "DecimalField": "decimal", "UUIDField": "uuid",
    "BinaryField": "blob", "GenericIPAddressField": "inet", "IPAddressField": "inet", "JSONField": "json",
    "ForeignKey": "foreignkey", "OneToOneField": "foreignkey", "ManyToManyField": "foreignkey",
    "ParentalKey": "foreignkey", "TreeForeignKey": "foreignkey",
}  # fmt: skip
_RELATIONS = frozenset({"ForeignKey", "OneToOneField", "ManyToManyField", "ParentalKey", "TreeForeignKey"})
# Not fields, though their names end like one: generic relations, managers, tag managers.
_NOT_FIELDS = frozenset({"GenericForeignKey", "GenericRelation", "TaggableManager", "Manager"})
# What a user model inherits from Django's own bases (audit times such as last_login are not
# personal data by the corpus conventions; a password hash is).
_INHERITED = {
    "AbstractUser": ("username", "first_name", "last_name", "email", "password"),
    "AbstractBaseUser": ("password",),
}
_NOT_MODELS = ("Form", "Serializer", "FilterSet", "Admin", "Schema", "Test", "Factory", "Config", "Command")

# A form field's input type, by class (forms and widgets).
_INPUT_TYPES = {
    "EmailField": "email", "DateField": "date", "DateTimeField": "datetime-local", "TimeField": "time",
    "IntegerField": "number", "DecimalField": "number", "FloatField": "number", "BooleanField": "checkbox",
    "NullBooleanField": "select", "ChoiceField": "select", "TypedChoiceField": "select",
    "MultipleChoiceField": "select", "ModelChoiceField": "select", "ModelMultipleChoiceField": "select",
    "FileField": "file", "ImageField": "file", "URLField": "url", "CharField": "text", "SlugField": "text",
    "RegexField": "text", "UUIDField": "text", "GenericIPAddressField": "text", "JSONField": "textarea",
    "PasswordInput": "password", "HiddenInput": "hidden", "Textarea": "textarea", "EmailInput": "email",
    "DateInput": "date", "NumberInput": "number", "CheckboxInput": "checkbox", "RadioSelect": "radio",
    "Select": "select", "SelectMultiple": "select", "CheckboxSelectMultiple": "checkbox",
    "ClearableFileInput": "file", "FileInput": "file", "TextInput": "text", "URLInput": "url",
    "PhoneNumberField": "tel", "SplitDateTimeField": "datetime-local",
}  # fmt: skip


def fields(module: Module) -> Iterator[Control]:
    """The fields of a file's Django models and forms."""
    choices = class_choices(module.tree)
    constants = _list_constants(module.tree)
    found = classes(module.tree)
    models = _models(found)
    for node in found:
        kind = _form_kind(node)
        if kind:
            yield from _form_fields(module, node, kind, choices, constants)
        elif node.name in models:
            yield from _model_fields(module, node, choices, constants)


def _models(classes: list[ast.ClassDef]) -> set[str]:
    """Classes that are models: a base named like one (`models.Model`, `AbstractUser`,
    `TimeStampedModel`), a model of the same file, or a body of model fields."""
    found: set[str] = set()
    for _ in range(3):  # a model of a model of a model
        for node in classes:
            if node.name in found or node.name.endswith(_NOT_MODELS):
                continue
            bases = [last_name(b) for b in node.bases]
            if any(b.endswith(_NOT_MODELS) for b in bases):
                continue
            if any(b.endswith("Model") or b in _INHERITED or b in found for b in bases) or any(
                called(v).startswith("models.") for _, v, _ in assignments(node)
            ):
                found.add(node.name)
    return found


def _form_kind(node: ast.ClassDef) -> str:
    """ "modelform", "form" or ""."""
    bases = [last_name(b) for b in node.bases]
    if any(b.endswith("ModelForm") for b in bases):
        return "modelform"
    if any(b.endswith("Form") and not b.endswith("FlaskForm") for b in bases) and _django_form_fields(node):
        return "form"
    return ""


def _django_form_fields(node: ast.ClassDef) -> bool:
    return any(called(v).startswith("forms.") for _, v, _ in assignments(node))


def _model_fields(
    module: Module, node: ast.ClassDef, choices: dict[str, tuple[str, ...]], constants: dict[str, ast.expr]
) -> Iterator[Control]:
    table = text_of(meta_option(node, "db_table"))
    verbose = text_of(meta_option(node, "verbose_name"))
    line, column_ = class_line(module, node)
    form = Form(line, node.name, store=module.path)
    context: list[tuple[str, str]] = [("table", t) for t in (docstring(node), verbose) if t]
    fields = [
        (target, value, kind)
        for target, value, _ in assignments(node)
        if isinstance(value, ast.Call)
        and _is_model_field(kind := last_name(value.func))
        and not target.id.startswith("_")
    ]
    references = [text_of(v.args[0]) or last_name(v.args[0]) for _, v, kind in fields if kind in _RELATIONS and v.args]
    if table:
        context.append(("table", table))
    context.extend(("refers", other.rsplit(".", 1)[-1]) for other in references if other)
    context.extend(("extends", last_name(b)) for b in node.bases if last_name(b))  # fields it inherits
    for target, value, kind in fields:
        yield _model_field(module, target, value, kind, form, choices, constants, tuple(context))
    for base in (last_name(b) for b in node.bases):
        for name in _INHERITED.get(base, ()):
            yield Control(
                module.path, line, column_, "orm", "field", name=name, type="varchar", form=form,
                via=f"inherited from {base}", context=tuple(context),
            )  # fmt: skip


def _is_model_field(kind: str) -> bool:
    return kind not in _NOT_FIELDS and (kind.endswith("Field") or kind in _RELATIONS or kind in _COLUMN_TYPES)


def _model_field(
    module: Module,
    target: ast.Name,
    call: ast.Call,
    kind: str,
    form: Form,
    choices: dict[str, tuple[str, ...]],
    constants: dict[str, ast.expr],
    context: tuple[tuple[str, str], ...] = (),
) -> Control:
    first = call.args[0] if call.args and kind not in _RELATIONS else None
    labels = [
        ("label", text_of(keyword(call, "verbose_name")) or text_of(first)),
        ("comment", text_of(keyword(call, "help_text"))),
        ("class", kind),
    ]
    pattern = ""
    for validator in _validators(call):
        name = last_name(validator.func)
        if name == "RegexValidator":
            pattern = text_of(keyword(validator, "regex")) or (text_of(validator.args[0]) if validator.args else "")
        elif name.endswith("Validator") and name not in ("MaxLengthValidator", "MinLengthValidator"):
            labels.append(("class", name))  # EmailValidator, validate_ipv46_address
    return column(
        module, target, target.id, source="orm", tag=called(call), kind=_column_type(kind), form=form,
        labels=labels, options=_choices(keyword(call, "choices"), choices, constants), pattern=pattern,
        maxlength=number_of(keyword(call, "max_length")), ident=text_of(keyword(call, "db_column")),
        context=context,
    )  # fmt: skip


def _column_type(kind: str) -> str:
    if kind in _COLUMN_TYPES:
        return _COLUMN_TYPES[kind]
    for word, type_ in (("DateTime", "timestamp"), ("Date", "date"), ("Bool", "boolean"), ("Integer", "int")):
        if word in kind:
            return type_
    return ""  # a third-party or custom field: its name and arguments say what it holds


def _validators(call: ast.Call) -> list[ast.Call]:
    given = keyword(call, "validators")
    if isinstance(given, ast.List | ast.Tuple):
        return [v for v in given.elts if isinstance(v, ast.Call)]
    return []


def _choices(
    node: ast.expr | None, choices: dict[str, tuple[str, ...]], constants: dict[str, ast.expr]
) -> tuple[str, ...]:
    """`choices=[...]`, `choices=GENDER_CHOICES` (a list in the file), `choices=Gender.choices`."""
    if node is None:
        return ()
    if isinstance(node, ast.Name) and node.id in constants:
        return choices_of(constants[node.id])
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return choices.get(node.value.id, ())
    if isinstance(node, ast.Name):
        return choices.get(node.id, ())
    return choices_of(node)


def _list_constants(tree: ast.Module) -> dict[str, ast.expr]:
    """Lists and tuples assigned to a name anywhere in the file (`GENDER_CHOICES = (...)`)."""
    found: dict[str, ast.expr] = {}
    for node in statements(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List | ast.Tuple):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value
    return found


def _form_fields(
    module: Module,
    node: ast.ClassDef,
    kind: str,
    choices: dict[str, tuple[str, ...]],
    constants: dict[str, ast.expr],
) -> Iterator[Control]:
    line, _ = class_line(module, node)
    form = Form(line, node.name)
    for target, value, _ in assignments(node):
        if not isinstance(value, ast.Call):
            continue
        field_class = last_name(value.func)
        if not field_class.endswith("Field"):
            continue
        widget = keyword(value, "widget")
        widget_class = last_name(widget.func) if isinstance(widget, ast.Call) else last_name(widget)
        input_type = _INPUT_TYPES.get(widget_class) or _INPUT_TYPES.get(field_class, "text")
        labels = [
            ("label", text_of(keyword(value, "label"))),
            ("title", text_of(keyword(value, "help_text"))),
            ("class", field_class),
        ]
        yield column(
            module, target, target.id, source="form-class", tag=called(value), kind=input_type, form=form,
            labels=labels, options=_choices(keyword(value, "choices"), choices, constants),
            maxlength=number_of(keyword(value, "max_length")),
        )  # fmt: skip
    if kind == "modelform":
        yield from _meta_fields(module, node, form)


def _meta_fields(module: Module, node: ast.ClassDef, form: Form) -> Iterator[Control]:
    """`Meta.fields = ["name", "nric", "dob"]`: each name where it is written."""
    listed = meta_option(node, "fields")
    if not isinstance(listed, ast.List | ast.Tuple):
        return
    declared = {target.id for target, _, _ in assignments(node)}
    model = last_name(meta_option(node, "model"))
    for item in listed.elts:
        name = text_of(item)
        if name and name not in declared:
            control = column(
                module, item, name, source="form-class", tag="Meta.fields", kind="text", form=form, labels=[]
            )
            yield control._replace(context=(("model", model),)) if model else control  # its evidence: see check.py

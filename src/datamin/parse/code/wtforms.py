"""WTForms and Flask-WTF form classes: their fields (`source` `form-class`).

`StringField("NRIC", validators=[Regexp(r"^[STFG]\\d{7}[A-Z]$")])`: the label is the first
argument (or `label=`), the field class gives the input type, `description=`,
`render_kw={"placeholder": ...}`, `choices=` and a `Regexp` validator are evidence.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from datamin.parse.code.pyast import (
    Module,
    assignments,
    called,
    choices_of,
    class_line,
    classes,
    column,
    keyword,
    last_name,
    text_of,
)
from datamin.records import Control, Form

_INPUT_TYPES = {
    "StringField": "text", "TextField": "text", "EmailField": "email", "PasswordField": "password",
    "DateField": "date", "DateTimeField": "datetime-local", "DateTimeLocalField": "datetime-local",
    "TimeField": "time", "MonthField": "month", "IntegerField": "number", "DecimalField": "number",
    "FloatField": "number", "IntegerRangeField": "range", "BooleanField": "checkbox", "SelectField": "select",
    "SelectMultipleField": "select", "RadioField": "radio", "FileField": "file", "MultipleFileField": "file",
    "HiddenField": "hidden", "TextAreaField": "textarea", "TelField": "tel", "URLField": "url",
    "SubmitField": "submit", "SearchField": "search", "QuerySelectField": "select", "ColorField": "color",
}  # fmt: skip


def fields(module: Module) -> Iterator[Control]:
    for node in classes(module.tree):
        if _is_form(node):
            line, _ = class_line(module, node)
            form = Form(line, node.name)
            for target, value, _ in assignments(node):
                if isinstance(value, ast.Call) and last_name(value.func).endswith("Field"):
                    yield _field(module, target, value, form)


def _is_form(node: ast.ClassDef) -> bool:
    """A WTForms class: a base named like a form (`FlaskForm`, `Form`, `BaseForm`, a form of the
    file) and fields that are not Django's `forms.X` (read by the Django module)."""
    if not any(last_name(b).endswith("Form") for b in node.bases):
        return False
    calls = [called(v) for _, v, _ in assignments(node) if isinstance(v, ast.Call)]
    return any(c.endswith("Field") for c in calls) and not any(c.startswith("forms.") for c in calls)


def _field(module: Module, target: ast.Name, call: ast.Call, form: Form) -> Control:
    kind = last_name(call.func)
    label = text_of(keyword(call, "label")) or (text_of(call.args[0]) if call.args else "")
    labels = [("label", label), ("title", text_of(keyword(call, "description")))]
    render = keyword(call, "render_kw")
    if isinstance(render, ast.Dict):
        for key, value in zip(render.keys, render.values, strict=True):
            if text_of(key) in ("placeholder", "title", "aria-label"):
                labels.append(("placeholder" if text_of(key) == "placeholder" else "title", text_of(value)))
    pattern = ""
    validators = keyword(call, "validators")
    if validators is None and len(call.args) > 1:
        validators = call.args[1]
    if isinstance(validators, ast.List | ast.Tuple):
        for validator in validators.elts:
            name = last_name(validator.func) if isinstance(validator, ast.Call) else last_name(validator)
            if name == "Regexp" and isinstance(validator, ast.Call) and validator.args:
                pattern = text_of(validator.args[0])
            elif name in ("Email", "IPAddress", "MacAddress"):
                labels.append(("class", f"{name} validator"))
    return column(
        module, target, target.id, source="form-class", tag=called(call), kind=_INPUT_TYPES.get(kind, "text"),
        form=form, labels=labels, options=choices_of(keyword(call, "choices")), pattern=pattern,
    )  # fmt: skip

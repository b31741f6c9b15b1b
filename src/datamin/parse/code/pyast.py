"""What the Python readers share: literal values, call names and positions, read from `ast`
nodes. Nothing here imports or runs the code it reads."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import NamedTuple

from datamin.records import Control, Form

# Translation wrappers around a label: `_("Date of birth")`, `gettext_lazy("NRIC")`.
_TRANSLATORS = frozenset(
    {"_", "gettext", "gettext_lazy", "ugettext", "ugettext_lazy", "pgettext", "pgettext_lazy", "lazy_gettext",
     "_l", "_lazy", "N_", "trans", "translate"}
)  # fmt: skip


class Module(NamedTuple):
    """A parsed file: its path, its lines (for columns) and its tree."""

    path: str
    lines: list[str]
    tree: ast.Module

    def position(self, node: ast.AST) -> tuple[int, int]:
        """1-based line and column of a node (`ast` counts columns in UTF-8 bytes)."""
        line = getattr(node, "lineno", 1)
        offset = getattr(node, "col_offset", 0)
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if not text.isascii():
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
        return line, offset + 1


def dotted(node: ast.AST | None) -> str:
    """`models.CharField`, `db.Column`, `sa.orm.mapped_column`; "" for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def last_name(node: ast.AST | None) -> str:
    """The last part of a dotted name: `CharField` of `models.CharField`."""
    return dotted(node).rsplit(".", 1)[-1]


def called(node: ast.AST | None) -> str:
    """The dotted name a call calls: `models.CharField(...)` -> `models.CharField`."""
    return dotted(node.func) if isinstance(node, ast.Call) else ""


def text_of(node: ast.AST | None) -> str:
    """A literal string, through translation wrappers, concatenation and f-string parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and last_name(node.func) in _TRANSLATORS and node.args:
        return text_of(node.args[-1] if last_name(node.func).startswith("pgettext") else node.args[0])
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return (text_of(node.left) + " " + text_of(node.right)).strip()
    if isinstance(node, ast.JoinedStr):
        return " ".join(text_of(v) for v in node.values if isinstance(v, ast.Constant)).strip()
    return ""


def keyword(call: ast.Call, *names: str) -> ast.expr | None:
    """The value of the first of `names` given as a keyword argument."""
    for name in names:
        for item in call.keywords:
            if item.arg == name:
                return item.value
    return None


def number_of(node: ast.AST | None) -> int | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    return None


def choices_of(node: ast.AST | None) -> tuple[str, ...]:
    """The labels (and values) of `choices`: `[("M", _("Male")), ("F", _("Female"))]`, a list of
    strings, or a grouped list; () when they are not written literally."""
    if not isinstance(node, ast.List | ast.Tuple | ast.Set):
        return ()
    found: list[str] = []
    for item in node.elts[:80]:
        if isinstance(item, ast.Tuple | ast.List) and len(item.elts) == 2:
            value, label = item.elts
            if isinstance(label, ast.Tuple | ast.List):
                found.extend(choices_of(label))  # a group: ("Asia", (("sg", "Singapore"), ...))
                continue
            found.extend(t for t in (text_of(label), text_of(value)) if t)
        elif text_of(item):
            found.append(text_of(item))
    return tuple(dict.fromkeys(found))


def statements(tree: ast.Module) -> list[ast.stmt]:
    """The statements where declarations live: the module's, those of its classes (nested ones
    too) and of its `if`/`try` blocks; not function bodies. (A walk over every node of a file
    costs many times its parse.)"""
    found: list[ast.stmt] = []
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop(0)
        found.append(node)
        if isinstance(node, ast.ClassDef):
            todo[:0] = node.body
        elif isinstance(node, ast.If | ast.Try):
            todo[:0] = [*node.body, *node.orelse, *getattr(node, "finalbody", [])]
    return found


def classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [node for node in statements(tree) if isinstance(node, ast.ClassDef)]


def functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Functions and methods (a FastAPI endpoint, a class-based view's)."""
    return [node for node in statements(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]


def class_choices(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    """Choice classes of a module (`class Gender(models.TextChoices): MALE = "M", _("Male")`,
    `class Race(str, Enum)`), by name: a field's `choices=Gender.choices` offers their labels."""
    found: dict[str, tuple[str, ...]] = {}
    for node in classes(tree):
        bases = {last_name(b) for b in node.bases}
        if not bases & {"TextChoices", "IntegerChoices", "Choices", "Enum", "StrEnum", "IntEnum"}:
            continue
        labels: list[str] = []
        for statement in node.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
                value = statement.value
                parts = value.elts if isinstance(value, ast.Tuple) else [value]
                texts = [text_of(p) for p in parts if text_of(p)]
                if isinstance(target, ast.Name):
                    labels.extend(texts or [target.id.replace("_", " ").lower()])
        found[node.name] = tuple(dict.fromkeys(labels))
    return found


def class_line(module: Module, node: ast.ClassDef) -> tuple[int, int]:
    """Where a class's name is written (`class Patient(...)`): after `class `."""
    line, column = module.position(node)
    text = module.lines[line - 1] if 0 < line <= len(module.lines) else ""
    at = text.find(node.name, column - 1)
    return line, (at + 1 if at >= 0 else column)


def assignments(node: ast.ClassDef) -> Iterator[tuple[ast.Name, ast.expr | None, ast.expr | None]]:
    """(target, value, annotation) of each plain assignment in a class body: `x = F()`,
    `x: Mapped[str] = mapped_column()`, `x: str`."""
    for statement in node.body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    yield target, statement.value, None
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            yield statement.target, statement.value, statement.annotation


def meta_option(node: ast.ClassDef, name: str) -> ast.expr | None:
    """An option of a class's inner `class Meta:` (`db_table`, `abstract`, `fields`)."""
    for statement in node.body:
        if isinstance(statement, ast.ClassDef) and statement.name == "Meta":
            for target, value, _ in assignments(statement):
                if target.id == name:
                    return value
    return None


def docstring(node: ast.ClassDef) -> str:
    return (ast.get_docstring(node, clean=True) or "").strip()


def column(
    module: Module,
    target: ast.AST,
    name: str,
    *,
    source: str,
    tag: str,
    kind: str,
    form: Form,
    labels: list[tuple[str, str]],
    options: tuple[str, ...] = (),
    pattern: str = "",
    maxlength: int | None = None,
    ident: str = "",
    via: str = "",
    context: tuple[tuple[str, str], ...] = (),
) -> Control:
    """A declared field as the rest of datamin sees any field."""
    line, column_ = module.position(target)
    return Control(
        path=module.path,
        line=line,
        column=column_,
        source=source,
        tag=tag,
        name=name,
        ident=ident,
        type=kind,
        labels=tuple((how, " ".join(text.split())) for how, text in labels if text and text.strip()),
        options=options,
        pattern=pattern,
        maxlength=maxlength,
        form=form,
        via=via,
        context=context,
    )

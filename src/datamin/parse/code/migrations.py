"""Django and Alembic migrations, applied in order to the schema model SQL migrations use
(`parse/schema.py`): what the last migration leaves is what is collected. A field added and
later removed is not; a renamed one is found where its new name is written; a migration read
on its own (a pre-commit run on the one that adds `nric`) still says what it adds.

Django migrations are ordered by their `dependencies` within an app (then by name); Alembic
revisions along `down_revision`, and only `upgrade()` counts. Nothing is imported or run.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from datamin.parse.code import ALEMBIC_MIGRATION, DJANGO_MIGRATION, django, sqlalchemy
from datamin.parse.code.pyast import Module, called, class_choices, keyword, last_name, statements, text_of
from datamin.parse.schema import Column, Schema
from datamin.records import Control, Form

DJANGO = DJANGO_MIGRATION
ALEMBIC = ALEMBIC_MIGRATION


class Migration(NamedTuple):
    module: Module
    framework: str  # DJANGO or ALEMBIC
    name: str  # Django: the file's name without .py; Alembic: the revision
    after: tuple[str, ...]  # the migrations it depends on (same app), or its down revisions


def recognise(module: Module) -> Migration | None:
    """A Django migration (`class Migration(migrations.Migration)`) or an Alembic revision
    (`revision = ...` and a `def upgrade()`), by content."""
    name = os.path.splitext(os.path.basename(module.path))[0]
    for node in module.tree.body:
        if (
            isinstance(node, ast.ClassDef)
            and node.name == "Migration"
            and any(last_name(b) == "Migration" for b in node.bases)
        ):
            return Migration(module, DJANGO, name, _dependencies(node))
    revision = _assigned(module.tree, "revision")
    if revision is not None and any(isinstance(n, ast.FunctionDef) and n.name == "upgrade" for n in module.tree.body):
        down = _assigned(module.tree, "down_revision")
        return Migration(module, ALEMBIC, text_of(revision) or name, _texts(down))
    return None


def controls(migrations: Iterable[Migration], store: str) -> list[Control]:
    """The fields the migrations leave, applied in their order."""
    ordered = order(list(migrations))
    framework = ordered[0].framework if ordered else DJANGO
    schema = Schema(store, source="orm", via=framework)
    for migration in ordered:
        if migration.framework == DJANGO:
            _apply_django(schema, migration.module)
        else:
            _apply_alembic(schema, migration.module)
    return schema.controls()


def order(migrations: list[Migration]) -> list[Migration]:
    """Dependencies first; otherwise by name (Django's 0001_, 0002_...)."""
    by_name = {m.name: m for m in migrations}
    done: list[Migration] = []
    seen: set[str] = set()

    def visit(migration: Migration, depth: int = 0) -> None:
        if migration.name in seen or depth > 500:
            return
        seen.add(migration.name)
        for before in migration.after:
            if before in by_name:
                visit(by_name[before], depth + 1)
        done.append(migration)

    for migration in sorted(migrations, key=lambda m: (m.module.path, m.name)):
        visit(migration)
    return done


def _dependencies(node: ast.ClassDef) -> tuple[str, ...]:
    for statement in node.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "dependencies" for t in statement.targets
        ):
            value = statement.value
            if isinstance(value, ast.List | ast.Tuple):
                return tuple(
                    text_of(item.elts[1]) for item in value.elts if isinstance(item, ast.Tuple) and len(item.elts) == 2
                )
    return ()


def _assigned(tree: ast.Module, name: str) -> ast.expr | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return node.value
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            return node.value
    return None


def _texts(node: ast.expr | None) -> tuple[str, ...]:
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(text_of(e) for e in node.elts if text_of(e))
    return (text_of(node),) if text_of(node) else ()


# -- Django -----------------------------------------------------------------------------------


def _apply_django(schema: Schema, module: Module) -> None:
    choices = class_choices(module.tree)
    for operation in _operations(module.tree):
        kind = last_name(operation.func)
        argument = _arguments(operation)
        if kind == "CreateModel":
            name_node = argument("name", 0)
            name = text_of(name_node)
            fields = argument("fields", 1)
            columns = []
            if isinstance(fields, ast.List | ast.Tuple):
                for item in fields.elts:
                    if isinstance(item, ast.Tuple) and len(item.elts) == 2 and isinstance(item.elts[1], ast.Call):
                        columns.extend(_django_column(module, item.elts[0], item.elts[1], name, choices))
            if name:
                line, _ = module.position(name_node) if name_node is not None else (1, 1)
                schema.create(name, module.path, line, columns, references=_references(fields))
        elif kind in ("AddField", "AlterField"):
            model, name_node, field = text_of(argument("model_name", 0)), argument("name", 1), argument("field", 2)
            if model and name_node is not None and isinstance(field, ast.Call):
                for column in _django_column(module, name_node, field, model, choices):
                    if kind == "AddField":
                        schema.add(model, column)
                    else:
                        schema.modify(model, column)
        elif kind == "RemoveField":
            schema.drop_column(text_of(argument("model_name", 0)), text_of(argument("name", 1)))
        elif kind == "RenameField":
            model, old, new = text_of(argument("model_name", 0)), argument("old_name", 1), argument("new_name", 2)
            if new is not None:
                line, at = module.position(new)
                schema.rename_column(model, text_of(old), text_of(new), module.path, line, at, create=True)
        elif kind == "DeleteModel":
            schema.drop_table(text_of(argument("name", 0)))
        elif kind == "RenameModel":
            schema.rename_table(text_of(argument("old_name", 0)), text_of(argument("new_name", 1)))


def _operations(tree: ast.Module) -> Iterator[ast.Call]:
    """The calls listed in `operations = [...]`, in order."""
    for node in statements(tree):
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "operations" for t in node.targets)
            and isinstance(node.value, ast.List | ast.Tuple)
        ):
            yield from (op for op in node.value.elts if isinstance(op, ast.Call))


def _arguments(call: ast.Call):  # type: ignore[no-untyped-def]
    def argument(name: str, position: int) -> ast.expr | None:
        given = keyword(call, name)
        if given is not None:
            return given
        return call.args[position] if len(call.args) > position else None

    return argument


def _django_column(
    module: Module, name_node: ast.expr, field: ast.Call, model: str, choices: dict[str, tuple[str, ...]]
) -> list[Column]:
    name = text_of(name_node)
    kind = last_name(field.func)
    if not name or not django._is_model_field(kind):
        return []
    target = ast.Name(id=name, lineno=name_node.lineno, col_offset=name_node.col_offset)
    control = django._model_field(module, target, field, kind, Form(1, model), choices, {})
    return [_as_column(control)]


def _references(fields: ast.expr | None) -> tuple[str, ...]:
    """The models a CreateModel's foreign keys point at (`to="clinic.patient"`)."""
    found = []
    if isinstance(fields, ast.List | ast.Tuple):
        for item in fields.elts:
            if isinstance(item, ast.Tuple) and len(item.elts) == 2 and isinstance(item.elts[1], ast.Call):
                target = keyword(item.elts[1], "to")
                if target is not None and text_of(target):
                    found.append(text_of(target).rsplit(".", 1)[-1])
    return tuple(found)


# -- Alembic ----------------------------------------------------------------------------------


def _apply_alembic(schema: Schema, module: Module) -> None:
    upgrade = next((n for n in module.tree.body if isinstance(n, ast.FunctionDef) and n.name == "upgrade"), None)
    if upgrade is None:
        return
    enums = class_choices(module.tree)
    batches: dict[str, str] = {}  # `with op.batch_alter_table("patients") as batch_op`
    for node in ast.walk(upgrade):
        if isinstance(node, ast.With):
            for item in node.items:
                if called(item.context_expr).endswith("batch_alter_table") and isinstance(item.optional_vars, ast.Name):
                    table = text_of(item.context_expr.args[0]) if item.context_expr.args else ""  # type: ignore[attr-defined]
                    batches[item.optional_vars.id] = table
    for node in _in_order(upgrade):
        name = called(node)
        owner, _, verb = name.rpartition(".")
        table = batches.get(owner, "") if owner in batches else ""
        arguments = list(node.args)
        if owner not in batches:
            if owner != "op":
                continue
            table = text_of(arguments.pop(0)) if arguments else text_of(keyword(node, "table_name"))
        if not table:
            continue
        if verb == "create_table":
            columns = [c for a in arguments if (c := _alembic_column(module, a, table, enums)) is not None]
            line, _ = module.position(node)
            schema.create(table, module.path, line, columns, comment=text_of(keyword(node, "comment")))
        elif verb == "add_column":
            column = _alembic_column(module, arguments[0] if arguments else keyword(node, "column"), table, enums)
            if column is not None:
                schema.add(table, column)
        elif verb == "drop_column":
            schema.drop_column(table, text_of(arguments[0]) if arguments else text_of(keyword(node, "column_name")))
        elif verb == "alter_column":
            old = text_of(arguments[0]) if arguments else text_of(keyword(node, "column_name"))
            new = keyword(node, "new_column_name")
            if new is not None and text_of(new):
                line, column_ = module.position(new)
                schema.rename_column(table, old, text_of(new), module.path, line, column_, create=True)
            comment = text_of(keyword(node, "comment"))
            if comment:
                schema.comment(table, text_of(new) or old, comment)
        elif verb == "drop_table":
            schema.drop_table(table)
        elif verb == "rename_table" and arguments:
            schema.rename_table(table, text_of(arguments[0]))


def _in_order(function: ast.FunctionDef) -> list[ast.Call]:
    """The calls of a function body in the order they are written."""
    calls = [n for n in ast.walk(function) if isinstance(n, ast.Call)]
    return sorted(calls, key=lambda n: (n.lineno, n.col_offset))


def _alembic_column(
    module: Module, node: ast.expr | None, table: str, enums: dict[str, tuple[str, ...]]
) -> Column | None:
    if not isinstance(node, ast.Call) or last_name(node.func) != "Column" or not node.args or not text_of(node.args[0]):
        return None
    control = sqlalchemy._column(module, node.args[0], text_of(node.args[0]), node, None, Form(1, table), enums)
    return _as_column(control)


def _as_column(control: Control) -> Column:
    comments = [text for how, text in control.labels if how == "comment"]
    return Column(
        control.name,
        control.path,
        control.line,
        control.column,
        type=control.type,
        comment=comments[0] if comments else "",
        options=control.options,
        length=control.maxlength,
        labels=tuple((how, text) for how, text in control.labels if how != "comment" or text != (comments or [""])[0]),
        pattern=control.pattern,
        tag=control.tag,
    )

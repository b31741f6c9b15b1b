"""A database schema as SQL statements build it up: tables, their columns, and where each
column was defined.

Statements are applied in the order they are read (a folder of migrations in natural order),
so the schema at the end is the one the database has: a dropped column is gone, a renamed one
carries its new name. A statement about a table the schema has not seen (a migration read on
its own, a table created elsewhere) still counts: `ALTER TABLE ... ADD` creates what it adds.
"""

from __future__ import annotations

from typing import NamedTuple

from datamin.records import Control, Form


class Column(NamedTuple):
    name: str
    path: str
    line: int
    column: int
    type: str = ""  # lower-case, as declared: "char(9)", "date", "varchar(255)"
    comment: str = ""
    options: tuple[str, ...] = ()  # the values of an ENUM or SET
    length: int | None = None  # of a character type
    fallback: bool = False  # read by the tolerant reader, not sqlglot
    suppress: tuple[str, ...] = ()  # codes an inline `datamin: ignore[...]` comment suppresses
    # What code says besides a comment (an ORM migration's field: its verbose name, its class)
    labels: tuple[tuple[str, str], ...] = ()
    pattern: str = ""
    tag: str = "column"


class Table:
    __slots__ = ("columns", "comment", "line", "name", "path", "references")

    def __init__(self, name: str, path: str, line: int, comment: str = "", references: tuple[str, ...] = ()) -> None:
        self.name = name  # as written, without quotes: "public.customers"
        self.path = path
        self.line = line
        self.comment = comment  # what the table holds, in its author's words
        self.references = references  # the tables its foreign keys point at
        self.columns: dict[str, Column] = {}  # by lower-case name, in definition order


def bare(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower()


class Schema:
    def __init__(self, store: str, source: str = "sql", via: str = "") -> None:
        self.store = store  # the file, or the folder of migrations, that defines it
        self.source = source  # "sql", or "orm" for the migrations of an ORM
        self.via = via  # how its columns were declared: "Django migration", "Alembic migration"
        self.tables: dict[str, Table] = {}  # by lower-case qualified name
        self._by_bare: dict[str, set[str]] = {}  # `customers` -> {"public.customers"}: find() without a scan

    def find(self, name: str) -> Table | None:
        """`users` finds `public.users` and the other way round, when only one table fits."""
        table = self.tables.get(name.lower())
        if table is not None:
            return table
        fits = self._by_bare.get(bare(name), set())
        return self.tables[next(iter(fits))] if len(fits) == 1 else None

    def _put(self, table: Table) -> None:
        self.tables[table.name.lower()] = table
        self._by_bare.setdefault(bare(table.name), set()).add(table.name.lower())

    def _remove(self, table: Table) -> None:
        del self.tables[table.name.lower()]
        self._by_bare[bare(table.name)].discard(table.name.lower())

    def create(
        self,
        name: str,
        path: str,
        line: int,
        columns: list[Column],
        *,
        if_not_exists: bool = False,
        comment: str = "",
        references: tuple[str, ...] = (),
    ) -> None:
        existing = self.find(name)
        if existing is not None:
            if if_not_exists:
                return
            self._remove(existing)
        table = Table(name, path, line, comment, references)
        for column in columns:
            table.columns[column.name.lower()] = column
        self._put(table)

    def like(self, source: str, path: str, line: int, column: int) -> list[Column]:
        """The columns of `source`, as `CREATE TABLE ... LIKE source` copies them."""
        template = self.find(source)
        if template is None:
            return []
        return [c._replace(path=path, line=line, column=column) for c in template.columns.values()]

    def _table(self, name: str, path: str, line: int) -> Table:
        table = self.find(name)
        if table is None:
            table = Table(name, path, line)
            self._put(table)
        return table

    def add(self, name: str, column: Column, *, if_not_exists: bool = False) -> None:
        table = self._table(name, column.path, column.line)
        if if_not_exists and column.name.lower() in table.columns:
            return
        table.columns[column.name.lower()] = column

    def drop_column(self, name: str, column: str) -> None:
        table = self.find(name)
        if table is not None:
            table.columns.pop(column.lower(), None)

    def rename_column(
        self, name: str, old: str, new: str, path: str, line: int, column: int, *, create: bool = False
    ) -> None:
        """The renamed column is found where its new name is written. `create`: a column this
        schema has not seen (a migration read on its own) is created where it is renamed."""
        table = self.find(name) if not create else self._table(name, path, line)
        if table is None:
            return
        before = table.columns.pop(old.lower(), None)
        if before is None and create:
            before = Column(new, path, line, column)
        if before is None:
            return
        table.columns[new.lower()] = before._replace(name=new, path=path, line=line, column=column)

    def modify(self, name: str, column: Column, rename_from: str = "") -> None:
        """MODIFY keeps the column where it was added; CHANGE old new also renames it."""
        table = self._table(name, column.path, column.line)
        before = table.columns.pop((rename_from or column.name).lower(), None)
        if before is not None and not rename_from:
            column = column._replace(path=before.path, line=before.line, column=before.column)
            column = column._replace(
                comment=column.comment or before.comment, suppress=column.suppress or before.suppress
            )
        table.columns[column.name.lower()] = column

    def retype(self, name: str, column: str, type_: str, length: int | None) -> None:
        table = self.find(name)
        if table is not None and column.lower() in table.columns:
            table.columns[column.lower()] = table.columns[column.lower()]._replace(type=type_, length=length)

    def comment(self, name: str, column: str, text: str) -> None:
        table = self.find(name)
        if table is not None and column.lower() in table.columns:
            table.columns[column.lower()] = table.columns[column.lower()]._replace(comment=text)

    def table_comment(self, name: str, text: str) -> None:
        table = self.find(name)
        if table is not None:
            table.comment = text

    def rename_table(self, old: str, new: str) -> None:
        table = self.find(old)
        if table is None:
            return
        self._remove(table)
        table.name = new
        self._put(table)

    def drop_table(self, name: str) -> None:
        table = self.find(name)
        if table is not None:
            self._remove(table)

    def controls(self) -> list[Control]:
        """Each column as a control: the table is its form, the comment its label."""
        controls = []
        for table in self.tables.values():
            form = Form(table.line, table.name, store=self.store)
            for column in table.columns.values():
                controls.append(
                    Control(
                        column.path,
                        column.line,
                        column.column,
                        self.source,
                        column.tag,
                        name=column.name,
                        type=column.type,
                        labels=((("comment", column.comment),) if column.comment else ()) + column.labels,
                        options=column.options,
                        pattern=column.pattern,
                        maxlength=column.length,
                        form=form,
                        via="tolerant reader" if column.fallback else self.via,
                        suppress=column.suppress,
                        context=(
                            *((("table", table.comment),) if table.comment else ()),
                            *(("refers", other) for other in table.references),
                        ),
                    )
                )
        return controls

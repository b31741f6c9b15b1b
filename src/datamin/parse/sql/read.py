"""Read SQL files into a schema: sqlglot for each DDL statement, a tolerant reader where it fails.

A file is streamed: `sqlsplit` hands over its schema statements and sends data lines
(`INSERT`, `COPY`) straight to the value checks, so memory stays bounded whatever the size of
a dump. Each schema statement is parsed on its own with one reused sqlglot parser (faster than
parsing the whole text at once, and a broken statement spoils only itself). A statement
sqlglot cannot read is an error with its line, and its columns are still taken by the tolerant
reader (`sqlscan`), which says so in the evidence. A statement that is not about a table (an
`IF` block, a procedure) is searched for the `CREATE TABLE` and `ALTER TABLE` inside it.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple

from datamin import suppress
from datamin.parse.schema import Column, Schema
from datamin.parse.sql import fast as sqlfast
from datamin.parse.sql import scan as sqlscan
from datamin.parse.sql.dialect import Guess, blank_ignorable, guess
from datamin.parse.sql.split import Statement, statements
from datamin.records import ScanError

HEAD = 64 * 1024  # what the encoding check reads
GUESS_HEAD = 16 * 1024  # what the dialect guess reads: dozens of patterns, each a pass over it
PIECE = 1 << 20  # a line longer than this is read in pieces

_TABLE_DDL = re.compile(r"\s*(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:[A-Z_]+\s+){0,3}TABLE\b|ALTER\s+TABLE\b)", re.I)
# Statements that cannot add, drop, rename or retype a column: an index, a view, a sequence, a
# routine (whose body is still searched for table DDL), and the one-action ALTER TABLEs that
# pg_dump writes by the thousand (owner, constraints, defaults, triggers). Not parsed: they
# are most of a dump's statements and say nothing about what is stored.
_INERT = re.compile(
    r"\s*(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:UNIQUE\s+)?(?:(?:NON)?CLUSTERED\s+)?(?:INDEX|SEQUENCE|VIEW|MATERIALIZED\s+VIEW|"
    r"TRIGGER|FUNCTION|PROCEDURE|EXTENSION|SCHEMA|DATABASE|ROLE|USER|POLICY|PUBLICATION|STATISTICS)\b"
    r"|ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?[\w.\"`\[\]]+\s+(?:OWNER\s+TO|ENABLE|DISABLE|CLUSTER\s+ON|"
    r"REPLICA\s+IDENTITY|(?:ATTACH|DETACH)\s+PARTITION|ADD\s+CONSTRAINT\s+[\w\"`\[\]]+\s+(?:PRIMARY\s+KEY|FOREIGN\s+KEY|"
    r"UNIQUE|CHECK|EXCLUDE)|ALTER\s+COLUMN\s+[\w\"`\[\]]+\s+(?:SET\s+DEFAULT|DROP\s+DEFAULT|ADD\s+GENERATED|SET\s+STATISTICS))"
    r"[^,;]*$)",
    re.I,
)
_EMBEDDED = re.compile(r"\b(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:[A-Z_]+\s+){0,3}TABLE|ALTER\s+TABLE)\b", re.I)

DataLine = Callable[[int, str], None]
# Dialects tried, in order, on a statement of a file with no dialect hint that sqlglot's own
# dialect cannot read (`ALTER TABLE t ADD COLUMN a int, DROP COLUMN b` is MySQL).
FALLBACK_DIALECTS = ("mysql", "postgres", "tsql")


class Directive(NamedTuple):
    line: int
    codes: tuple[str, ...]
    reason: str


class FileRead(NamedTuple):
    errors: list[ScanError]
    notes: list[str]
    scanned: bool
    dialect: Guess | None = None  # the dialect it was read in


class Reader:
    """Reads the files of one schema, in order, into `self.schema`."""

    def __init__(self, store: str) -> None:
        self.schema = Schema(store)
        self._dialects: dict[str, Any] = {}
        self._fallbacks: tuple[str, ...] = ()
        self._fast: str | None = None  # the dialect plain statements are read in without sqlglot
        # The plain reader saves the import of sqlglot, nothing more: once sqlglot is loaded, its
        # compiled parser is the faster of the two. True: always try it first (for tests).
        self.plain_first = False

    def read(
        self,
        path: str,
        display: str,
        dialect: Guess | None = None,
        on_data: DataLine | None = None,
        *,
        fallback: Guess | None = None,
    ) -> FileRead:
        """Read one file into the schema. `dialect`: as the user gave it, else guessed from the
        text; `fallback`: the dialect to read in when the text has no hint (that of the other
        migrations of its folder)."""
        errors: list[ScanError] = []
        try:
            with open(path, "rb") as raw:
                head = raw.read(HEAD)
                if b"\0" in head[:8192] and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    return FileRead([ScanError(display, None, "binary file; skipped")], [], False)
                encoding, problem_line, problem = _encoding(head)
                if problem:
                    errors.append(ScanError(display, problem_line, problem))
                raw.seek(0)
                with open(path, encoding=encoding, errors="replace", newline="") as handle:
                    text_head = handle.read(HEAD)
                    handle.seek(0)
                    chosen = dialect or guess(text_head[:GUESS_HEAD])
                    if not chosen.dialect and fallback is not None:
                        chosen = Guess(fallback.dialect, "as the other migrations of its folder")
                    notes = [f"{display}: SQL dialect {chosen.dialect or 'generic'} ({chosen.how})"]
                    errors += self._statements(display, _pieces(handle), chosen.dialect, on_data, "#" in text_head)
        except OSError as exc:
            return FileRead([ScanError(display, None, f"cannot be read: {exc.strerror or exc}; skipped")], [], False)
        return FileRead(errors, notes, True, chosen)

    def _statements(
        self, display: str, lines: Iterator[str], dialect: str, on_data: DataLine | None, hash_comments: bool
    ) -> list[ScanError]:
        errors: list[ScanError] = []
        directives: list[Directive] = []

        def watch(number: int, line: str) -> None:
            parsed = suppress.parse(line)
            if parsed is not None:
                codes, reason, _ = parsed
                if not codes or not reason:
                    errors.append(ScanError(display, number, suppress.MISSING_REASON))
                else:
                    directives.append(Directive(number, codes, reason))

        hash_comments = hash_comments and dialect in ("mysql", "")
        parser = _Later(lambda: self._parser(dialect))  # sqlglot is imported only if a statement needs it
        self._fast = dialect if dialect in sqlfast.DIALECTS else None
        self._fallbacks = FALLBACK_DIALECTS if not dialect else ()
        for statement in statements(lines, on_data, hash_comments=hash_comments, on_directive=watch):
            try:
                if statement.kind != "schema":
                    if _EMBEDDED.search(statement.text):  # never let a table hide in something else
                        self._embedded(display, statement, parser, errors)
                    continue
                pending = [d for d in directives if d.line <= statement.line + statement.text.count("\n")]
                directives = [d for d in directives if d not in pending]
                before = _columns(self.schema) if pending else set()  # a snapshot costs a pass over the schema
                self._statement(display, statement, parser, errors)
                if pending:
                    _apply(self.schema, before, statement, pending, display)
            except Exception as exc:
                errors.append(ScanError(display, statement.line, f"this statement could not be read ({exc!r})"))
        return errors

    def _parser(self, dialect: str) -> Any:
        if dialect not in self._dialects:
            from sqlglot.dialects.dialect import Dialect

            _load_expressions()
            import logging

            logging.getLogger("sqlglot").setLevel(logging.ERROR)  # unsupported syntax is our business
            self._dialects[dialect] = Dialect.get_or_raise(dialect or None)
        return self._dialects[dialect]

    def _statement(self, display: str, statement: Statement, dialect: Any, errors: list[ScanError]) -> None:
        text = statement.text
        head = sqlscan.strip_leading_comments(text)
        if _INERT.match(head):
            self._embedded(display, statement, dialect, errors)
            return
        if _LABEL_ON.match(head):
            _labels(self.schema, head)
            return
        if self._fast is not None and (self.plain_first or "sqlglot" not in sys.modules):
            changes = sqlfast.read(text, self._fast, display, statement.line, statement.column)
            if changes is not None:
                self._apply_changes(changes, display)
                return
        from sqlglot.errors import ParseError, TokenError

        table_ddl = bool(_TABLE_DDL.match(head))
        failure: BaseException | None = None
        try:
            if self._apply(display, statement, dialect):
                return
        except (ParseError, TokenError, RecursionError, ValueError) as exc:
            failure = exc
        if not table_ddl:
            if failure is not None and sqlscan.command(self.schema, text, display, statement.line):
                return  # `EXEC sp_rename ...` that sqlglot's dialect does not read
            self._embedded(display, statement, dialect, errors)
            return
        for other in self._fallbacks:  # a file with no dialect hint: the syntax may give it away
            try:
                if self._apply(display, statement, self._parser(other)):
                    return
            except (ParseError, TokenError, RecursionError, ValueError):
                pass
        # What follows a CREATE TABLE's column list (storage, partitions, TEXTIMAGE_ON,
        # OPTIONS) and options such as ROWGUIDCOL say nothing about its columns: read the
        # statement without them.
        columns_only = blank_ignorable(sqlscan.without_table_options(text))
        if columns_only != text:
            try:
                if self._apply(display, statement._replace(text=columns_only), dialect):
                    return
            except (ParseError, TokenError, RecursionError, ValueError):
                pass
        found, about_columns = sqlscan.read(self.schema, text, display, statement.line)
        if not about_columns:
            return  # `ALTER TABLE ... ADD CONSTRAINT ... ENABLE NOVALIDATE`: nothing about columns to lose
        if failure is not None:
            errors.append(ScanError(display, _error_line(failure, statement), _message(failure, found)))
        else:
            errors.append(ScanError(display, statement.line, f"sqlglot cannot read this statement; {found}"))

    def _apply_changes(self, changes: list[sqlfast.Change], display: str) -> None:
        schema = self.schema
        for change in changes:
            if change.action == "create":
                schema.create(change.table, display, change.line, list(change.columns), if_not_exists=change.flag)
            elif change.action == "add":
                schema.add(change.table, change.columns[0], if_not_exists=change.flag)
            elif change.action == "drop_column":
                schema.drop_column(change.table, change.name)
            elif change.action == "rename_column":
                new = change.columns[0]
                schema.rename_column(change.table, change.name, new.name, display, new.line, new.column)
            elif change.action == "drop_table":
                schema.drop_table(change.table)

    def _apply(self, display: str, statement: Statement, dialect: Any) -> bool:
        """Parse and apply a statement; False when sqlglot read it as something other than a
        change to a table (a command it does not understand, a procedure)."""
        text = statement.text
        applied = False
        for expression in dialect.parser().parse(dialect.tokenize(text), text):
            if expression is not None:
                applied = _apply_expression(self.schema, expression, display, statement) or applied
        return applied

    def _embedded(self, display: str, statement: Statement, dialect: Any, errors: list[ScanError]) -> None:
        """`IF NOT EXISTS (...) BEGIN CREATE TABLE ... END`, a procedure that creates a table."""
        text = statement.text
        starts = [
            m.start() for m in _EMBEDDED.finditer(text) if m.start() > 0 and not sqlscan.in_string(text, m.start())
        ]
        for start in starts:
            piece = sqlscan.statement_at(text, start)
            line = statement.line + text.count("\n", 0, start)
            column_offset = start - (text.rfind("\n", 0, start) + 1)
            inner = Statement(piece, line, "schema", column_offset)
            self._statement(display, inner, dialect, errors)


# DB2 for i labels its columns as others comment them: `LABEL ON COLUMN t (c IS 'Surname', ...)`,
# `LABEL ON COLUMN t.c IS '...'`, `LABEL ON TABLE t IS '...'` (`TEXT IS` is the longer text).
_LABEL_ON = re.compile(r"LABEL\s+ON\s+(?P<kind>COLUMN|TABLE)\s+(?P<target>[\w.\"]+)\s*", re.I)
_LABEL = re.compile(r"(?:(?P<column>[\w\"]+)\s+)?(?:TEXT\s+)?IS\s+'(?P<text>(?:[^']|'')*)'", re.I)


def _labels(schema: Schema, text: str) -> None:
    head = _LABEL_ON.match(text)
    if head is None:
        return
    target = head.group("target").replace('"', "")
    rest = text[head.end() :]
    for label in _LABEL.finditer(rest):
        words = " ".join(label.group("text").replace("''", "'").split())
        if head.group("kind").upper() == "TABLE":
            schema.table_comment(target, words)
        elif label.group("column"):  # one of a list: `t (c IS '...', ...)`
            schema.comment(target, label.group("column").replace('"', ""), words)
        elif "." in target:  # `t.c IS '...'`
            table, column = target.rsplit(".", 1)
            schema.comment(table, column, words)
        if not label.group("column"):
            break


def _columns(schema: Schema) -> set[tuple[str, str, int]]:
    return {(t.name, c.name, c.line) for t in schema.tables.values() for c in t.columns.values()}


def _apply(
    schema: Schema, before: set[tuple[str, str, int]], statement: Statement, pending: list[Directive], display: str
) -> None:
    """Inline suppressions: one inside a statement applies to the next column after it; one
    before a statement applies to every column the statement defines."""
    new = [
        (t, c)
        for t in schema.tables.values()
        for c in t.columns.values()
        if c.path == display and (t.name, c.name, c.line) not in before
    ]
    for directive in pending:
        if directive.line < statement.line:
            targets = new
        else:
            after = [tc for tc in new if tc[1].line > directive.line]
            targets = [min(after, key=lambda tc: (tc[1].line, tc[1].column))] if after else []
        for table, column in targets:
            table.columns[column.name.lower()] = column._replace(suppress=column.suppress + directive.codes)


def _error_line(exc: BaseException, statement: Statement) -> int:
    errors = getattr(exc, "errors", None)
    if errors and isinstance(errors[0], dict) and errors[0].get("line"):
        return _within(statement, statement.line + int(errors[0]["line"]) - 1)
    return statement.line


def _within(statement: Statement, line: int) -> int:
    """sqlglot also counts a lone carriage return as a line break; the file's lines end at \n."""
    return min(max(line, statement.line), statement.line + statement.text.count("\n"))


def _message(exc: BaseException, found: str) -> str:
    errors = getattr(exc, "errors", None)
    if errors and isinstance(errors[0], dict) and errors[0].get("description"):
        what = str(errors[0]["description"])
    else:
        what = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"sqlglot cannot parse this statement ({what}); {found}"


def _encoding(head: bytes) -> tuple[str, int | None, str | None]:
    """The encoding to stream a file in, judged from its head, and what could not be read
    (line, problem). Mostly UTF-8 stays UTF-8 (a stray byte is replaced, not a reason to garble
    every Korean comment); anything else is detected."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return name, None, None
    try:
        head.decode("utf-8")
        return "utf-8", None, None
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:
            return "utf-8", None, None  # a character cut by the end of the head
        first_bad = exc.start
    line = head.count(b"\n", 0, first_bad) + 1
    problem = f"invalid UTF-8 byte 0x{head[first_bad]:02x}; replaced"
    if head.decode("utf-8", errors="replace").count("\ufffd") <= max(1, len(head) // 1000):
        return "utf-8", line, problem
    import logging

    from bs4.dammit import UnicodeDammit

    logging.getLogger("bs4.dammit").setLevel(logging.ERROR)  # its complaints become our error entry
    guessed = UnicodeDammit(head).original_encoding
    if guessed and guessed.lower() not in ("utf-8", "ascii"):
        return guessed, None, None
    return "utf-8", line, problem


def _pieces(handle: IO[str]) -> Iterator[str]:
    """The file's lines, a very long line in pieces: a one-line dump stays in bounded memory."""
    while True:
        piece = handle.readline(PIECE)
        if not piece:
            return
        yield piece


class _Later:
    """A sqlglot dialect, made (and sqlglot imported) when it is first used."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self._made: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._made is None:
            self._made = self._make()
        return getattr(self._made, name)


# -- sqlglot expressions into schema changes ------------------------------------------------

exp: Any = None  # sqlglot.expressions, imported with the first dialect: HTML-only runs never load sqlglot


def _load_expressions() -> None:
    global exp
    if exp is None:
        from sqlglot import exp as expressions

        exp = expressions


class _Where:
    __slots__ = ("last", "path", "statement")

    def __init__(self, path: str, statement: Statement) -> None:
        self.path = path
        self.statement = statement
        self.last = statement.line + statement.text.count("\n")  # counted once, not per column

    def position(self, node: Any) -> tuple[int, int]:
        meta = getattr(node, "_meta", None) or {}
        line = meta.get("line")
        if not line:
            return self.statement.line, 1
        column = meta.get("col", 1) - (meta.get("end", 0) - meta.get("start", 0))
        if line == 1:
            column += self.statement.column
        # sqlglot also counts a lone carriage return as a line break; the file's lines end at \n.
        return min(max(self.statement.line + line - 1, self.statement.line), self.last), max(1, column)


def _apply_expression(schema: Schema, expression: Any, path: str, statement: Statement) -> bool:
    """Apply one parsed statement; False when it says nothing about a table's columns."""
    where = _Where(path, statement)
    if isinstance(expression, exp.Create):
        return _create(schema, expression, where)
    if isinstance(expression, exp.Alter):
        return _alter(schema, expression, where)
    if isinstance(expression, exp.Drop) and (expression.args.get("kind") or "").upper() == "TABLE":
        for table in expression.args.get("tables") or [expression.this]:
            if isinstance(table, exp.Table):
                schema.drop_table(_table_name(table))
        return True
    if isinstance(expression, exp.Comment) and (expression.args.get("kind") or "").upper() == "TABLE":
        if isinstance(expression.this, exp.Table):
            schema.table_comment(_table_name(expression.this), expression.expression.name)
        return True
    if isinstance(expression, exp.Comment) and (expression.args.get("kind") or "").upper() == "COLUMN":
        column = expression.this
        if isinstance(column, exp.Column) and column.table:
            parts = [column.args.get(key) for key in ("catalog", "db", "table")]
            table = ".".join(_ident(p) for p in parts if p is not None)
            schema.comment(table, column.name, expression.expression.name)
        return True
    if isinstance(expression, exp.Command | exp.Execute):
        return sqlscan.command(schema, statement.text, path, statement.line)
    return False


def _create(schema: Schema, create: Any, where: _Where) -> bool:
    if (create.args.get("kind") or "").upper() != "TABLE":
        return False
    properties = create.args.get("properties")
    props = list(properties.expressions) if properties else []
    if any(isinstance(p, exp.TemporaryProperty) for p in props):
        return True  # a temporary table stores nothing
    target = create.this
    table = target.this if isinstance(target, exp.Schema) else target
    if not isinstance(table, exp.Table) or table.this is None or getattr(table.this, "args", {}).get("temporary"):
        return True
    name = _table_name(table)
    line, _ = where.position(table.this)
    columns: list[Column] = []
    items = list(target.expressions) if isinstance(target, exp.Schema) else []
    for item in items + [p for p in props if isinstance(p, exp.LikeProperty)]:
        if isinstance(item, exp.ColumnDef):
            columns.extend(_column_defs(item, where))
        elif isinstance(item, exp.LikeProperty) and isinstance(item.this, exp.Table):
            at_line, at_column = where.position(item.this.this)
            columns.extend(schema.like(_table_name(item.this), where.path, at_line, at_column))
    if not isinstance(target, exp.Schema) and not columns:
        return True  # CREATE TABLE ... AS SELECT, PARTITION OF: no columns of its own
    comment = _table_comment(props) or _opening_comment(where.statement.text)
    references = tuple(
        dict.fromkeys(
            _table_name(r.this.this if isinstance(r.this, exp.Schema) else r.this)
            for r in target.find_all(exp.Reference)
            if isinstance(r.this.this if isinstance(r.this, exp.Schema) else r.this, exp.Table)
        )
    )
    schema.create(
        name,
        where.path,
        line,
        columns,
        if_not_exists=bool(create.args.get("exists")),
        comment=comment,
        references=references,
    )
    return True


def _opening_comment(text: str) -> str:
    first = _OPENING_COMMENT.search(text, 0, text.find("\n", text.find("(")) + 1 if "(" in text else 0)
    return (first.group("block") or first.group("line") or "").strip() if first else ""


def _table_comment(properties: list[Any]) -> str:
    """`COMMENT='...'` (MySQL, Snowflake), `OPTIONS(description='...')` (BigQuery)."""
    for prop in properties:
        if isinstance(prop, exp.SchemaCommentProperty) and prop.this is not None:
            return str(prop.this.name)
        value = prop.args.get("value")
        if type(prop) is exp.Property and str(prop.name).lower() == "description" and value is not None:
            return str(value.name)
    return ""


def _alter(schema: Schema, alter: Any, where: _Where) -> bool:
    if (alter.args.get("kind") or "TABLE").upper() != "TABLE" or not isinstance(alter.this, exp.Table):
        return False
    name = _table_name(alter.this)
    for action in alter.args.get("actions") or []:
        if isinstance(action, exp.ColumnDef):
            for column in _column_defs(action, where):
                schema.add(name, column, if_not_exists=bool(action.args.get("exists")))
        elif isinstance(action, exp.Schema):
            for item in action.expressions:
                if isinstance(item, exp.ColumnDef):
                    for column in _column_defs(item, where):
                        schema.add(name, column)
        elif isinstance(action, exp.Drop) and (action.args.get("kind") or "").upper() == "COLUMN":
            for dropped in action.args.get("tables") or [action.this]:
                if dropped is not None:
                    schema.drop_column(name, dropped.name)
        elif isinstance(action, exp.RenameColumn) and action.this is not None and action.args.get("to") is not None:
            to = action.args["to"]
            at_line, at_column = where.position(to.this if isinstance(to, exp.Column) else to)
            schema.rename_column(name, action.this.name, to.name, where.path, at_line, at_column)
        elif isinstance(action, exp.ModifyColumn) and isinstance(action.this, exp.ColumnDef):
            rename_from = action.args.get("rename_from")
            for column in _column_defs(action.this, where):
                schema.modify(name, column, rename_from.name if rename_from is not None else "")
        elif isinstance(action, exp.AlterColumn) and action.args.get("dtype") is not None:
            type_, _, length = _type(action.args["dtype"])
            schema.retype(name, action.this.name, type_, length)
        elif isinstance(action, exp.AlterRename) and isinstance(action.this, exp.Table):
            schema.rename_table(name, _table_name(action.this))
    return True


def _column_defs(definition: Any, where: _Where, prefix: str = "") -> list[Column]:
    """A column, and the fields of a STRUCT column as `column.field`."""
    name = prefix + definition.name
    line, column = where.position(definition.this)
    kind = definition.args.get("kind")
    type_, options, length = _type(kind)
    found = [Column(name, where.path, line, column, type_, _comment(definition), options, length)]
    if isinstance(kind, exp.DataType) and kind.expressions:  # STRUCT<...>, ARRAY<STRUCT<...>>
        for nested in kind.find_all(exp.ColumnDef):
            if nested.parent_select is None and nested.find_ancestor(exp.ColumnDef) is definition:
                found.extend(_column_defs(nested, where, name + "."))
    return found


_TYPE_NAMES: dict[Any, str] = {}  # DataType.Type -> "varchar": an enum's value is slow to reach


def _type(kind: Any) -> tuple[str, tuple[str, ...], int | None]:
    """`VARCHAR(9)` -> ("varchar(9)", (), 9); `ENUM('M','F')` -> ("enum", ("M", "F"), None)."""
    if not isinstance(kind, exp.DataType):
        return "", (), None
    if kind.this == exp.DataType.Type.USERDEFINED:  # a domain or user type: `phone_type`, `[Name]`
        named = kind.args.get("kind")
        text = named.sql() if isinstance(named, exp.Expression) else str(named or "")
        return text.strip('[]"`').lower(), (), None
    if not isinstance(kind.this, exp.DataType.Type):  # INTERVAL YEAR TO MONTH and the like
        return "interval" if isinstance(kind.this, exp.Interval) else "", (), None
    base = _TYPE_NAMES.get(kind.this) or _TYPE_NAMES.setdefault(kind.this, kind.this.value.lower())
    params = kind.expressions
    if base in ("enum", "set", "enum8", "enum16"):
        return base, tuple(p.name for p in params if isinstance(p, exp.Literal)), None
    values = [p.this.name for p in params if isinstance(p, exp.DataTypeParam) and p.this is not None]
    if not values:
        return base, (), None
    length = int(values[0]) if values[0].isdigit() and "char" in base else None
    return f"{base}({','.join(values)})", (), length


def _comment(definition: Any) -> str:
    """A column's COMMENT, else the comment written after it on its line (`weight INT, /*체중*/`,
    `dob DATE -- date of birth`): in many schemas the only place its meaning is written."""
    for constraint in definition.args.get("constraints") or []:
        kind = constraint.args.get("kind")
        if isinstance(kind, exp.CommentColumnConstraint) and kind.this is not None:
            return str(kind.this.name)
        if isinstance(kind, exp.Properties):  # BigQuery OPTIONS(description = '...')
            for prop in kind.expressions:
                if isinstance(prop, exp.Property) and prop.name.lower() == "description" and prop.args.get("value"):
                    return str(prop.args["value"].name)
    trailing = " ".join(c.strip() for c in definition.comments or [] if c.strip())
    return trailing if len(trailing) <= _TRAILING_COMMENT_LIMIT else ""


_TRAILING_COMMENT_LIMIT = 200  # longer is a block of notes, not what the column holds
# A comment on the line that opens a table's column list: `CREATE TABLE Examination ( /*문진 목록*/`.
_OPENING_COMMENT = re.compile(r"\(\s*(?:/\*(?P<block>[^\n]*?)\*/|--(?P<line>[^\n]*))[ \t]*\n")


def _ident(node: Any) -> str:
    return str(node.name) if hasattr(node, "name") else str(node)


def _table_name(table: Any) -> str:
    parts = [table.args.get(key) for key in ("catalog", "db", "this")]
    return ".".join(_ident(p) for p in parts if p is not None and _ident(p))

"""The plainest DDL statements, read without sqlglot.

A pre-commit run over one new migration should not pay for importing sqlglot (a third of a
second, more than the rest of the run) to read `ALTER TABLE customers ADD COLUMN dob DATE;`.
This reader accepts only a strict subset: `CREATE TABLE` with plain column definitions and key
constraints, `ALTER TABLE` adding, dropping or renaming columns, `DROP TABLE`; bare or simply
quoted names that are not keywords; the column types of `rules/sql.toml` [fast_types]; literal
defaults. Anything else, down to a comment inside the statement, returns None and sqlglot reads
the statement. tests/test_sqlfast.py holds it to giving exactly what sqlglot gives.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from datamin.parse.schema import Column

DIALECTS = ("", "mysql", "postgres", "sqlite")  # those whose quoting and types this reader knows

_TOKEN = re.compile(
    r"""(?P<space>\s+)|(?P<ident>[A-Za-z_][A-Za-z0-9_]*)|(?P<quoted>`[A-Za-z0-9_ ]+`|"[A-Za-z0-9_ ]+")"""
    r"""|(?P<string>'[^'\\\n]*')|(?P<number>-?\d+(?:\.\d+)?)|(?P<punct>[(),.;])"""
)
_REFERENTIAL = ("cascade", "restrict", "set null", "set default", "no action")


class Token(NamedTuple):
    kind: str
    text: str
    line: int  # within the statement, 0-based
    column: int  # 1-based, on its line of the file


class Change(NamedTuple):
    """One change to the schema: ("create", table, columns, if_not_exists), ("add", table,
    column, if_not_exists), ("drop_column", table, name), ("rename_column", table, old, new
    column as the position of its new name), ("drop_table", table)."""

    action: str
    table: str
    columns: tuple[Column, ...] = ()
    name: str = ""
    flag: bool = False
    line: int = 0  # the table's line, for create


@cache
def _reserved() -> frozenset[str]:
    """Words sqlglot reads as syntax: a bare column or table so named goes to sqlglot."""
    from datamin.parse.sql.dialect import rules

    return frozenset(rules()["fast"]["reserved"])


@cache
def _sized() -> frozenset[str]:
    from datamin.parse.sql.dialect import rules

    return frozenset(rules()["fast"]["sized"])


@cache
def _types() -> dict[str, dict[str, str]]:
    from datamin.parse.sql.dialect import rules

    table = rules()["fast_types"]
    return {
        dialect: {**table["all"], **table.get(dialect or "generic", {})}
        for dialect in DIALECTS  # a dialect's own names override the shared ones
    }


def read(text: str, dialect: str, path: str, first_line: int, first_column: int) -> list[Change] | None:
    """The changes the statement makes, or None when it is not plain enough to read here."""
    if dialect not in DIALECTS or "--" in text or "/*" in text or "#" in text:
        return None
    tokens = _tokens(text, dialect, first_line, first_column)
    if tokens is None:
        return None
    try:
        return _Reader(tokens, dialect, path).statement()
    except _NotPlain:
        return None


def _tokens(text: str, dialect: str, first_line: int, first_column: int) -> list[Token] | None:
    tokens = []
    line, line_start, at = 0, 0, 0
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None:
            return None
        kind, value = match.lastgroup or "", match.group()
        if kind == "space":
            breaks = value.count("\n")
            if breaks:
                line += breaks
                line_start = at + value.rfind("\n") + 1
        else:
            if kind == "quoted" and (value[0] == "`") != (dialect == "mysql"):
                return None  # backticks are MySQL's; double quotes are a string there
            column = at - line_start + 1 + (first_column if line == 0 else 0)
            tokens.append(Token(kind, value, first_line + line, column))
        at = match.end()
    if tokens and tokens[-1].text == ";":
        tokens.pop()
    return tokens


class _NotPlain(Exception):
    pass


class _Reader:
    def __init__(self, tokens: list[Token], dialect: str, path: str) -> None:
        self.tokens = tokens
        self.at = 0
        self.dialect = dialect
        self.path = path

    # -- tokens --------------------------------------------------------------------------

    def peek(self, *words: str) -> bool:
        """The next tokens are these words (case-insensitive) or punctuation."""
        for offset, word in enumerate(words):
            index = self.at + offset
            if index >= len(self.tokens):
                return False
            token = self.tokens[index]
            if token.kind not in ("ident", "punct") or token.text.lower() != word:
                return False
        return True

    def take(self, *words: str) -> bool:
        if self.peek(*words):
            self.at += len(words)
            return True
        return False

    def expect(self, *words: str) -> None:
        if not self.take(*words):
            raise _NotPlain

    def next(self) -> Token:
        if self.at >= len(self.tokens):
            raise _NotPlain
        self.at += 1
        return self.tokens[self.at - 1]

    def done(self) -> bool:
        return self.at >= len(self.tokens)

    def name(self) -> Token:
        """An identifier that sqlglot reads as a name, and its text without quotes."""
        token = self.next()
        if token.kind == "quoted":
            return token._replace(text=token.text[1:-1])
        if token.kind != "ident" or token.text.lower() in _reserved():
            raise _NotPlain
        return token

    def table(self) -> tuple[str, Token]:
        parts = [self.name()]
        while self.take("."):
            parts.append(self.name())
        if len(parts) > 3:
            raise _NotPlain
        return ".".join(p.text for p in parts), parts[-1]

    # -- statements ----------------------------------------------------------------------

    def statement(self) -> list[Change]:
        if self.take("create", "table"):
            changes = [self.create()]
        elif self.take("alter", "table"):
            changes = self.alter()
        elif self.take("drop", "table"):
            self.take("if", "exists")
            changes = [Change("drop_table", self.table()[0])]
            while self.take(","):
                changes.append(Change("drop_table", self.table()[0]))
        else:
            raise _NotPlain
        if not self.done():
            raise _NotPlain
        return changes

    def create(self) -> Change:
        exists = self.take("if", "not", "exists")
        name, where = self.table()
        self.expect("(")
        columns: list[Column] = []
        while True:
            if not self.constraint():
                columns.append(self.column())
            if self.take(")"):
                break
            self.expect(",")
        return Change("create", name, tuple(columns), flag=exists, line=where.line)

    def alter(self) -> list[Change]:
        if self.dialect == "sqlite" or self.peek("only"):
            raise _NotPlain  # SQLite's ALTER TABLE is its own; ONLY is PostgreSQL's inheritance
        name, _ = self.table()
        changes = []
        while True:
            if self.take("add"):
                self.take("column")
                exists = self.take("if", "not", "exists")
                changes.append(Change("add", name, (self.column(),), flag=exists))
            elif self.take("drop"):
                self.take("column")
                self.take("if", "exists")
                changes.append(Change("drop_column", name, name=self.name().text))
            elif self.take("rename", "column"):
                old = self.name().text
                self.expect("to")
                new = self.name()
                column = Column(new.text, self.path, new.line, new.column)
                changes.append(Change("rename_column", name, (column,), name=old))
            else:
                raise _NotPlain
            if not self.take(","):
                return changes

    def constraint(self) -> bool:
        """A table's key constraint, skipped: it says nothing about what a column holds."""
        named = self.take("constraint")
        if named:
            self.name()
        if self.take("foreign", "key"):
            self.names()
            self.references()
        elif self.take("primary", "key"):
            self.names()
        elif self.take("unique"):
            if self.dialect == "mysql":
                self.take("key")  # `UNIQUE KEY (email)` is MySQL's
            self.names()
        elif named:
            raise _NotPlain
        else:
            return False
        return True

    def names(self) -> None:
        self.expect("(")
        self.name()
        while self.take(","):
            self.name()
        self.expect(")")

    def references(self) -> None:
        self.expect("references")
        self.table()
        if self.peek("("):
            self.names()
        while self.take("on"):
            if not (self.take("delete") or self.take("update")):
                raise _NotPlain
            if not any(self.take(*words.split()) for words in _REFERENTIAL):
                raise _NotPlain

    def column(self) -> Column:
        name = self.name()
        type_, length = self.type()
        comment = ""
        while not (self.done() or self.peek(",") or self.peek(")")):
            if self.take("not", "null") or self.take("null") or self.take("primary", "key"):
                continue
            if self.take("unique"):
                continue
            if self.dialect == "mysql" and self.take("auto_increment"):
                continue
            if self.take("default"):
                self.literal()
            elif self.dialect == "mysql" and self.take("comment"):
                token = self.next()
                if token.kind != "string":
                    raise _NotPlain
                comment = token.text[1:-1]
            elif self.peek("references"):
                self.references()
            else:
                raise _NotPlain
        return Column(name.text, self.path, name.line, name.column, type_, comment, (), length)

    def type(self) -> tuple[str, int | None]:
        words = [self.next()]
        known = _types()[self.dialect]
        while self.at < len(self.tokens) and self.tokens[self.at].kind == "ident":
            longer = " ".join(w.text.lower() for w in [*words, self.tokens[self.at]])
            if not any(k == longer or k.startswith(longer + " ") for k in known):
                break
            words.append(self.next())
        if any(w.kind != "ident" for w in words):
            raise _NotPlain
        base = known.get(" ".join(w.text.lower() for w in words))
        if base is None:
            raise _NotPlain
        if not self.take("("):
            return base, None
        if " ".join(w.text.lower() for w in words) not in _sized():
            raise _NotPlain  # sqlglot drops or reads otherwise the size of `json(12)`
        values = [self.next()]
        if self.take(","):
            values.append(self.next())
        self.expect(")")
        if any(v.kind != "number" or not v.text.isdigit() for v in values):
            raise _NotPlain
        length = int(values[0].text) if "char" in base else None
        return f"{base}({','.join(v.text for v in values)})", length

    def literal(self) -> None:
        token = self.next()
        if token.kind in ("string", "number") or token.text.lower() in ("null", "true", "false"):
            return
        raise _NotPlain

"""The records that flow between stages: what the parsers saw, what was classified, what was found.

Lines and columns are 1-based. Records are frozen: a stage makes new records, it never edits
the ones it was given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

# Where a field is a column of a table: read as a column, counted by DM400, listed as a dataset.
COLUMN_SOURCES = frozenset({"sql", "orm", "db"})
# A field's `via` when it is a constant hidden input that repeats the name of a field a person
# fills in: it holds what that field holds (the reader finds it, classification follows it).
ANSWER_GIVEN = "answer-given"


class Form(NamedTuple):
    """A form a control belongs to, as written in the source; for a column, its table."""

    line: int
    ident: str  # "form#checkout", 'form[name="signup"]', 'form[action="/cart"]' or "form"
    action: str | None = None
    method: str | None = None  # lower-case; None when the form has no method attribute
    notice: bool = False  # a privacy link or purpose text inside the form or beside it
    store: str = ""  # for a table: the schema file, or folder of migrations, that defines it


class Control(NamedTuple):
    """One input, select, textarea or framework-rendered field, with the evidence around it."""

    path: str
    line: int
    column: int
    source: str  # "html", "sql" or "url"
    tag: str  # input, select, textarea, a component name, or the helper that renders it
    name: str = ""
    ident: str = ""  # the id attribute
    type: str = ""  # input type, lower-case; "" for select/textarea
    autocomplete: str = ""
    labels: tuple[tuple[str, str], ...] = ()  # (how it was found, text): ("label", "Date of birth")
    bindings: tuple[str, ...] = ()  # v-model, formControlName, register("..."), asp-for ...
    options: tuple[str, ...] = ()  # option texts and values of a select or radio group
    pattern: str = ""
    inputmode: str = ""
    maxlength: int | None = None
    checked: bool = False
    value: str | None = None  # the value attribute as the parser saw it
    form: Form | None = None
    via: str = ""  # the framework helper or component that renders the field, if any
    suppress: tuple[str, ...] = ()  # codes an inline `datamin: ignore[...]` comment suppresses
    # Where the field sits: ("section", "Medical history") for the heading above it, ("page", a
    # page title), ("table", a table's comment). Read when nothing else classifies the field.
    context: tuple[tuple[str, str], ...] = ()

    @property
    def container(self) -> str:
        return self.form.ident if self.form else ""

    @property
    def is_column(self) -> bool:
        """A column of a table (in SQL, an ORM model, a live database), not a form's field."""
        return self.source in COLUMN_SOURCES

    @property
    def display_name(self) -> str:
        """The name users will recognise: the name attribute, else #id, else the binding."""
        if self.name:
            return self.name
        if self.ident:
            return "#" + self.ident
        return self.bindings[0] if self.bindings else ""


class Field(NamedTuple):
    """A classified control: the inventory's unit. `category` is None for non-personal fields."""

    control: Control
    category: str | None
    sensitivity: str | None
    confidence: float
    evidence: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return self.control.path

    @property
    def line(self) -> int:
        return self.control.line


class Finding(NamedTuple):
    code: str
    severity: str  # error, warning, note
    path: str
    line: int
    column: int
    message: str
    category: str | None = None
    field: str | None = None
    container: str | None = None


class ScanError(NamedTuple):
    """Something that could not be read; the scan goes on without it."""

    path: str
    line: int | None
    message: str


class Page(NamedTuple):
    """A page of a live scan: where it is and what was found on it."""

    url: str
    status: int | None  # the HTTP status; None when no response came
    depth: int  # links followed from the start page
    title: str = ""
    forms: int = 0  # forms on the page, personal or not
    trackers: tuple[str, ...] = ()  # names of the advertising and session-replay scripts on it
    error: str = ""  # why the page could not be read, when it could not
    rendered: bool = False  # read after running its scripts in a headless Chromium


class Parsed(NamedTuple):
    """What a parser returns for one file."""

    controls: list[Control]
    errors: list[ScanError]
    notice: bool = False  # a privacy link or purpose text anywhere in the file
    # Gives controls their `context` (the sections they sit in), when the classifier asks for it.
    place: Callable[[list[Control]], list[Control]] | None = None

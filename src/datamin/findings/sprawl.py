"""DM400: a direct identifier copied from table to table.

The identity tables are where direct identifiers (national id, passport, email, phone) belong:
the manifest's `identity_tables`, or else the one table holding the most of them. A column
outside them that repeats an identifier stored in another table is reported, naming every
table that holds it: store an internal id there instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from datamin.findings import finding
from datamin.records import Field, Finding

DIRECT_IDENTIFIERS = ("national_id", "passport", "email", "phone")
MOST_NAMED = 20  # other tables named in one finding; each of them has its own finding


def _table(field: Field) -> str:
    return field.control.container.rsplit(".", 1)[-1].lower()


def sprawl_findings(fields: Sequence[Field], identity_tables: Sequence[str]) -> list[Finding]:
    columns = [
        f for f in fields if f.control.is_column and f.category in DIRECT_IDENTIFIERS and f.control.tag != "view column"
    ]  # a view stores nothing of its own
    if not columns:
        return []
    by_table: dict[str, list[Field]] = {}
    for field in columns:
        by_table.setdefault(_table(field), []).append(field)
    if identity_tables:
        identity = {t.rsplit(".", 1)[-1].lower() for t in identity_tables}
        home = ", ".join(sorted(identity))
    else:
        identity = {_identity_table(by_table)}
        home = f"{next(iter(identity))}, which holds the most; name yours with `identity_tables` in the manifest"
    findings = []
    for category in DIRECT_IDENTIFIERS:
        holding = [f for f in columns if f.category == category]
        tables = sorted({_table(f) for f in holding})
        if len(tables) < 2:
            continue
        named: dict[str, str] = {}  # the other tables, once per table: a dump can have hundreds
        for field in holding:
            table = _table(field)
            if table in identity:
                continue
            control = field.control
            if table not in named:
                named[table] = _listed([t for t in tables if t != table])
            others = named[table]
            findings.append(
                finding(
                    "DM400",
                    control.path,
                    control.line,
                    control.column,
                    f'column "{control.container}.{control.name}" repeats a direct identifier ({category}) also '
                    f"stored in {others}; keep it in the identity table ({home}) and refer to the person by an "
                    "internal id here",
                    category,
                    control.name,
                    control.container,
                )
            )
    return findings


def _identity_table(by_table: dict[str, list[Field]]) -> str:
    """The table holding the most direct identifiers; between equals, a record of people
    (`users` before `newsletter_subscribers`), then the shorter name, then the first by name."""
    from datamin.categories import load
    from datamin.words import split_words

    records = load().identity_records

    def person_record(table: str) -> bool:
        words = split_words(table)
        return bool(words) and (words[-1] in records or words[-1].removesuffix("s") in records)

    return min(by_table, key=lambda t: (-len(by_table[t]), not person_record(t), len(t), t))


def _listed(tables: list[str]) -> str:
    """Every other table, up to MOST_NAMED: a generated schema can repeat an email in thousands,
    and each of them is named in its own finding."""
    if len(tables) <= MOST_NAMED:
        return ", ".join(tables)
    return f"{', '.join(tables[:MOST_NAMED])} and {len(tables) - MOST_NAMED:,} more tables"

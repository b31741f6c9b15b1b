"""The SQL side of the inventory as Fides datasets: one dataset per schema (a SQL file, or a
folder of migrations), its tables as collections, each personal column a field with the
fideslang data category of its datamin category. Load it with the fideslang tools."""

from __future__ import annotations

import re
from typing import Any, TextIO

from datamin.categories import load
from datamin.report import Report


def fides_key(text: str) -> str:
    """A FidesKey: letters, digits and `_.-` only."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_.-") or "datamin"


def datasets(report: Report) -> dict[str, Any]:
    lexicon = load()
    stores: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for field in report.result.fields:
        control = field.control
        if not control.is_column or control.form is None or field.category is None:
            continue
        tables = stores.setdefault(control.form.store, {})
        tables.setdefault(control.container, []).append(
            {
                "name": control.name,
                "description": f"{lexicon.categories[field.category].title} ({control.path}:{control.line}); "
                f"datamin confidence {field.confidence:.2f}",
                "data_categories": [lexicon.categories[field.category].fideslang],
            }
        )
    return {
        "dataset": [
            {
                "fides_key": fides_key(store),
                "name": store,
                "description": f"Personal data in {store}, as found by datamin",
                "collections": [{"name": table, "fields": fields} for table, fields in sorted(tables.items())],
            }
            for store, tables in sorted(stores.items())
        ]
    }


def report(report: Report, out: TextIO) -> None:
    import yaml

    yaml.safe_dump(datasets(report), out, sort_keys=False, allow_unicode=True, width=120)

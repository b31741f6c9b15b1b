"""The inventory as CSV, one row per personal-data field: a data map for a spreadsheet."""

from __future__ import annotations

import csv
from typing import TextIO

from datamin.report import Report
from datamin.report.json import field_object

COLUMNS = ("path", "line", "column", "source", "container", "name", "category", "sensitivity", "confidence", "evidence")


def report(report: Report, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for field in report.result.fields:
        row = field_object(field)
        row["evidence"] = "; ".join(row["evidence"])
        writer.writerow(row[column] for column in COLUMNS)

"""Advertising and session-replay scripts on a page that asks for high-sensitivity data (DM303).

Live scans only: the crawler finds the page's trackers (`datamin.web.trackers.sightings`) and
its fields, and passes both here.
"""

from __future__ import annotations

from datamin.findings import finding
from datamin.records import Field, Finding
from datamin.web.trackers import Sighting, kinds

_NAMED = 5  # fields named in a message; the rest are counted


def tracker_findings(page_url: str, page_sightings: list[Sighting], fields: list[Field]) -> list[Finding]:
    """DM303: one finding per advertising, session-replay or tag-manager script on a page
    whose fields include high-sensitivity ones, at the script's line and column."""
    sensitive = [f for f in fields if f.sensitivity == "high"]
    if not sensitive:
        return []
    described = kinds()
    first = sensitive[0]
    asked = _field_list(sensitive)
    findings = []
    for sighting in page_sightings:
        kind = described.get(sighting.tracker.kind)
        if kind is None:  # a kind DM303 does not cover
            continue
        findings.append(
            finding(
                "DM303",
                page_url,
                sighting.line,
                sighting.column,
                f"{sighting.tracker.name} ({kind.label}) runs on this page, which asks for {asked}; {kind.risk}",
                first.category,
                first.control.display_name,
                first.control.container or None,
            )
        )
    return findings


def _field_list(fields: list[Field]) -> str:
    """`national_id ("nric") and date_of_birth ("dob")`; past five, `... and 2 more`."""
    names = list(
        dict.fromkeys(
            f'{f.category} ("{f.control.display_name}")' if f.control.display_name else str(f.category) for f in fields
        )
    )
    shown, rest = names[:_NAMED], len(names) - _NAMED
    if rest > 0:
        return ", ".join(shown) + f" and {rest} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]

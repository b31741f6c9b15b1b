"""The policy: which uses a category may not be declared for (DM102).

The built-in policy is data in rules/policy.toml; a manifest's `policy.forbid` adds entries,
and its `policy.allow` lifts a built-in prohibition for one category and use.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from typing import NamedTuple

from datamin.categories import Lexicon
from datamin.manifest import Manifest
from datamin.rules import FOLDER
from datamin.taxonomy import use_within


class BuiltIn(NamedTuple):
    sensitivity: frozenset[str]
    uses: tuple[str, ...]
    exceptions: tuple[str, ...]
    reason: str


@cache
def built_in() -> tuple[BuiltIn, ...]:
    with open(os.path.join(FOLDER, "policy.toml"), "rb") as handle:
        entries = tomllib.load(handle)["forbid"]
    return tuple(
        BuiltIn(frozenset(e["sensitivity"]), tuple(e["uses"]), tuple(e.get("except", ())), e["reason"]) for e in entries
    )


def forbidden(category: str, use: str, manifest: Manifest, lexicon: Lexicon) -> str | None:
    """Why the policy forbids this category for this use, or None if it does not."""
    for rule in manifest.forbid:
        if category in rule.categories and any(use_within(use, listed) for listed in rule.uses):
            return f"the manifest's policy forbids it (line {rule.line})"
    sensitivity = lexicon.categories[category].sensitivity
    for entry in built_in():
        if sensitivity not in entry.sensitivity:
            continue
        if any(use_within(use, listed) for listed in entry.uses) and not any(
            use_within(use, exception) for exception in entry.exceptions
        ):
            if any(category in allow.categories and use in allow.uses for allow in manifest.allow):
                return None
            return f"the built-in policy forbids it: {entry.reason}"
    return None

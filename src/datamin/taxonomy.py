"""The fideslang taxonomy as datamin uses it: which categories a key names, which uses exist.

A manifest may name a category by datamin's id (`date_of_birth`) or by a fideslang key
(`user.demographic.date_of_birth`); a parent key (`user.contact`) names every category beneath
it, and a more specific key (`user.contact.address.city`) names the category it falls within.
Purposes carry a fideslang data-use key; a use covers every use beneath it.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from typing import NamedTuple

from datamin.categories import Lexicon
from datamin.rules import FOLDER


class Taxonomy(NamedTuple):
    categories: frozenset[str]  # fideslang data-category keys
    uses: frozenset[str]  # fideslang data-use keys


@cache
def load_taxonomy() -> Taxonomy:
    with open(os.path.join(FOLDER, "fideslang.toml"), "rb") as handle:
        data = tomllib.load(handle)
    return Taxonomy(frozenset(data["data_categories"]), frozenset(data["data_uses"]))


def categories_named(key: str, lexicon: Lexicon) -> frozenset[str]:
    """The datamin category ids a manifest key stands for (empty when it names none)."""
    if key in lexicon.categories:
        return frozenset({key})
    exact_or_beneath = frozenset(
        c.id for c in lexicon.categories.values() if c.fideslang == key or c.fideslang.startswith(key + ".")
    )
    if exact_or_beneath:
        return exact_or_beneath
    # A key more specific than datamin's: the nearest category whose key lies above it.
    above = [c for c in lexicon.categories.values() if key.startswith(c.fideslang + ".") and not c.fideslang_exact_only]
    if not above:
        return frozenset()
    nearest = max(len(c.fideslang) for c in above)
    return frozenset(c.id for c in above if len(c.fideslang) == nearest)


def is_category_key(key: str, lexicon: Lexicon) -> bool:
    return key in lexicon.categories or key in load_taxonomy().categories


def use_within(use: str, parent: str) -> bool:
    """`marketing.communications.email` lies within `marketing` (and within `marketing.*`)."""
    parent = parent[:-2] if parent.endswith(".*") else parent
    return use == parent or use.startswith(parent + ".")

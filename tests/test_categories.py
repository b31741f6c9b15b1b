"""Every category carries its own match and no-match examples; this runs them all."""

from __future__ import annotations

import pytest

from datamin.categories import load
from datamin.classify import classify_all
from datamin.parse.markup.html import parse

SPEC_IDS = {
    "high": {
        "national_id", "passport", "date_of_birth", "race_ethnicity", "religion", "health", "biometric",
        "genetic", "sexual_orientation", "political_opinion", "criminal_record", "financial_card",
        "financial_account", "precise_location", "password",
    },
    "medium": {"gender", "nationality", "marital_status", "income", "photo", "employment", "ip_address", "device_id"},
    "low": {"name", "email", "phone", "address", "username"},
}  # fmt: skip
# Beyond the contract's list: personal data that fits none of its categories (a place of birth,
# a vehicle plate, a school history) is reported rather than passed over.
EXTRA_IDS = {"low": {"other_personal"}}

LEXICON = load()
EXAMPLES = [
    (category.id, kind, example)
    for category in LEXICON.categories.values()
    for kind, examples in (("match", category.match_examples), ("no_match", category.no_match_examples))
    for example in examples
]


def categories_in(markup: str) -> set[str | None]:
    return {f.category for f in classify_all(parse("example.html", f"<form>{markup}</form>").controls)}


def test_the_category_ids_are_the_specs_and_other_personal() -> None:
    assert {c.id for c in LEXICON.categories.values()} == set().union(*SPEC_IDS.values(), *EXTRA_IDS.values())
    for sensitivity, ids in SPEC_IDS.items():
        expected = ids | EXTRA_IDS.get(sensitivity, set())
        assert {c.id for c in LEXICON.categories.values() if c.sensitivity == sensitivity} == expected


@pytest.mark.parametrize("category", sorted(LEXICON.categories))
def test_every_category_has_docs_examples_and_a_fideslang_key(category: str) -> None:
    rule = LEXICON.categories[category]
    assert rule.docs.what and rule.docs.why and rule.docs.example and rule.docs.instead
    assert len(rule.match_examples) >= 2 and len(rule.no_match_examples) >= 2
    assert rule.fideslang == "user" or rule.fideslang.startswith("user.")


@pytest.mark.parametrize(("category", "kind", "example"), EXAMPLES)
def test_category_examples(category: str, kind: str, example: str) -> None:
    found = categories_in(example)
    if kind == "match":
        assert category in found, f"{example} should be {category}, got {found}"
    else:
        assert category not in found, f"{example} should not be {category}"


def test_each_category_docs_example_is_found_as_that_category() -> None:
    for category in LEXICON.categories.values():
        if category.docs.example.lstrip().startswith("<"):
            assert category.id in categories_in(category.docs.example), category.id

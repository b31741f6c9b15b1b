"""The manifest: its JSON Schema and datamin's validation say the same thing."""

from __future__ import annotations

import os
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datamin.categories import load
from datamin.manifest import ConfigError, load_manifest, schema
from datamin.taxonomy import categories_named, load_taxonomy

SCENARIOS = Path(__file__).parent / "scenarios"
MANIFESTS = [*sorted(SCENARIOS.glob("*/datamin.yml")), ROOT / "fixtures" / "demo-shop" / "datamin.yml"]
# Broken on purpose in a way the schema itself describes (the others are semantic: a purpose
# that is not defined, a duplicate id, a TODO left, YAML that does not parse).
SCHEMA_INVALID = {
    "invalid_unknown_category", "invalid_duration", "invalid_unknown_key", "invalid_unknown_use",
    "invalid_wrong_type", "invalid_missing_category", "invalid_version", "invalid_country_and_basis",
    "invalid_allow_without_justification",
}  # fmt: skip


@pytest.mark.parametrize("path", MANIFESTS, ids=[p.parent.name for p in MANIFESTS])
def test_schema_and_validator_agree(path: Path) -> None:
    try:
        load_manifest(str(path))
        accepted = True
    except ConfigError:
        accepted = False
    try:
        document = yaml.safe_load(path.read_text())
    except yaml.YAMLError:
        assert not accepted
        return
    errors = list(jsonschema.Draft202012Validator(schema()).iter_errors(document))
    if accepted:
        assert errors == [], [e.message for e in errors]
    elif path.parent.name in SCHEMA_INVALID:
        assert errors, path


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_fideslang_keys_name_categories() -> None:
    lexicon = load()
    assert categories_named("user.contact", lexicon) == {"email", "phone", "address"}
    assert categories_named("user.contact.address.city", lexicon) == {"address"}
    assert categories_named("user.demographic.gender", lexicon) == {"gender"}
    assert categories_named("user.financial.credit_card", lexicon) == {"financial_card"}
    assert "nationality" not in categories_named("user.demographic.age_range", lexicon)
    assert categories_named("user.behavior.browsing_history", lexicon) == frozenset()
    assert len(load_taxonomy().uses) == 56 and len(load_taxonomy().categories) == 85


def test_pyproject_options_and_manifest(tmp_path: Path) -> None:
    from datamin.manifest import find, load_config

    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.datamin]\nexclude = ["legacy/"]\nfail-on = "warning"\nselect = ["DM1"]\nversion = 1\n\n'
        '[[tool.datamin.data]]\ncategory = "emial"\n'
    )
    config = load_config(str(tmp_path))
    assert (config.exclude, config.fail_on, config.select) == (("legacy/",), "warning", ("DM1",))
    found = find(str(tmp_path))
    assert found == str(tmp_path / "pyproject.toml")
    with pytest.raises(ConfigError) as raised:
        load_manifest(found)
    assert raised.value.problems == [f"{found}:8: data[0].category: unknown category 'emial' (did you mean 'email'?)"]


def test_bad_option_in_pyproject(tmp_path: Path) -> None:
    from datamin.manifest import load_config

    (tmp_path / "pyproject.toml").write_text('[tool.datamin]\nfail-on = "sometimes"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(str(tmp_path))
    assert "fail-on: must be one of error, warning, note" in raised.value.problems[0]


KEYS = ["version", "organisation", "purposes", "data", "recipients", "policy", "category", "purposes", "where",
        "justification", "id", "use", "lawful_basis", "retention", "domain", "country", "forbid", "allow", "uses",
        "name", "domains", "transfer_safeguard", "bogus"]  # fmt: skip
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(["email", "TODO", "P2Y", "x", "user.contact", "SG", ""]),
    st.text(max_size=12),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.dictionaries(st.sampled_from(KEYS), values, max_size=6))
def test_any_manifest_loads_or_fails_with_problems_never_a_traceback(
    document: dict[str, object], tmp_path: Path
) -> None:
    path = tmp_path / "datamin.yml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    try:
        load_manifest(str(path))
    except ConfigError as error:
        assert error.problems and all(p.startswith(f"{path}:") for p in error.problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet="abc:-[]{}#'\"\n \t*&!|>%@`", max_size=80))
def test_any_text_as_a_manifest_never_a_traceback(text: str, tmp_path: Path) -> None:
    path = tmp_path / "datamin.yml"
    path.write_text(text)
    try:
        load_manifest(str(path))
    except ConfigError as error:
        assert error.problems


def test_a_validated_manifest_is_read_from_the_cache_next_time(tmp_path: Path) -> None:
    path = tmp_path / "datamin.yml"
    path.write_text("version: 1\ndata:\n  - category: email\n")
    first = load_manifest(str(path))
    cached = list(Path(os.environ["DATAMIN_CACHE_DIR"]).glob("manifest-*.pickle"))
    assert cached
    assert load_manifest(str(path)) == first
    path.write_text("version: 1\ndata:\n  - category: emial\n")
    with pytest.raises(ConfigError):
        load_manifest(str(path))

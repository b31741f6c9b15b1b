"""The data categories, read from the TOML files in `rules/categories/`.

A category is data: its signals, guards, docs and examples live in one file, so adding a
category or a language's labels needs no Python. This module only loads and indexes them.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from datamin.rules import FOLDER
from datamin.words import fold, has_non_latin, split_words

SENSITIVITIES = ("high", "medium", "low")


class Docs(NamedTuple):
    what: str
    why: str
    example: str
    instead: str


class Category(NamedTuple):
    id: str
    title: str
    sensitivity: str
    fideslang: str
    fideslang_exact_only: bool  # named only by its own key or a parent, not by a child key
    references: tuple[str, ...]
    docs: Docs
    autocomplete: frozenset[str]
    types: frozenset[str]
    phrases: tuple[str, ...]
    name_only: tuple[str, ...]
    label_only: tuple[str, ...]
    heads: tuple[str, ...]
    weak: tuple[str, ...]
    options: tuple[frozenset[str], ...]
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[str, ...]
    name_unless: tuple[str, ...]
    skip_types: frozenset[str]
    not_columns: tuple[str, ...]  # phrases that mean something else in a schema (`nid`: a node id)
    option_guards: tuple[str, ...]  # answers that show a field is something else ("10K": a race to run)
    match_examples: tuple[str, ...]
    no_match_examples: tuple[str, ...]
    column_types: frozenset[str]  # SQL column types that support the category ("date", "char(9)")


class ColumnKind(NamedTuple):
    """What a SQL column's type says (rules/sql.toml [kinds])."""

    name: str
    only: frozenset[str] | None  # the categories a column of this kind can hold (None: any)
    excludes: frozenset[str]
    references: bool  # `address_id` of this kind points at an address: not the data
    votes: str  # a category the type alone stands for (`inet`: an IP address)


class Term(NamedTuple):
    """One phrase of one category, as the classifier looks it up."""

    category: str
    words: int  # how many words the phrase has: longer phrases are more specific
    in_names: bool
    in_labels: bool


class Lexicon:
    """Every category's phrases, indexed for word-span lookup. One per process, compared and
    hashed by identity: it is part of cache keys."""

    __slots__ = (
        "address_heads",
        "address_names",
        "animal_fields",
        "animals",
        "animals_have",
        "attribute_categories",
        "autocomplete",
        "autofill_off",
        "card_parts",
        "categories",
        "class_suffixes",
        "clinicians",
        "code_folders",
        "column_kinds",
        "consent",
        "contexts",
        "dated_records",
        "entities",
        "flag_suffixes",
        "heads",
        "identity_records",
        "joined",
        "login_ids",
        "longest",
        "lookup_categories",
        "metadata",
        "metadata_substrings",
        "name_parts",
        "name_unless",
        "not_columns",
        "not_personal",
        "option_guards",
        "organisation_columns",
        "other_addresses",
        "patients",
        "people",
        "people_columns",
        "people_substrings",
        "person_sections",
        "record_categories",
        "record_handling",
        "record_notes",
        "route_actions",
        "sign_in",
        "sign_in_codes",
        "staff",
        "staff_columns",
        "stock_words",
        "substrings",
        "thing_tables",
        "things_have",
        "things_of_their_own",
        "types",
        "unless",
        "unless_substrings",
        "value_parts",
        "value_qualifiers",
        "weak",
        "weak_substrings",
        "weak_with_own_category",
    )  # fmt: skip

    categories: dict[str, Category]
    joined: dict[str, tuple[Term, ...]]  # words joined without separators ("dateofbirth") -> terms
    substrings: tuple[tuple[str, Term], ...]  # phrases in scripts other than Latin, matched as substrings
    heads: tuple[tuple[str, str], ...]  # (ending, category)
    autocomplete: dict[str, str]  # token -> category
    types: dict[str, str]  # input type -> category
    unless: dict[str, frozenset[str]]  # category -> guard words, joined ("giftcard")
    unless_substrings: dict[str, tuple[str, ...]]  # category -> guards in other scripts
    name_unless: dict[str, frozenset[str]]  # category -> guard words that count in names only
    not_columns: dict[str, frozenset[str]]  # category -> phrases not trusted in column names
    option_guards: dict[str, frozenset[str]]  # category -> answers that show a field is something else
    not_personal: frozenset[str]  # words in a name that rule out personal data altogether
    consent: frozenset[str]  # words in a name that make it a consent flag
    metadata: frozenset[str]  # words after a phrase that make it about the data, not the data
    longest: int  # the most words any phrase has
    weak: dict[str, frozenset[str]]  # category -> phrases that need another personal field beside them
    weak_substrings: dict[str, frozenset[str]]  # the same, in scripts other than Latin
    contexts: tuple[tuple[str, str, bool], ...]  # (heading, category, of tables only): a section about it
    autofill_off: frozenset[str]  # autocomplete tokens also used only to switch autofill off
    entities: frozenset[str]  # things that are not people: their forms hold business data
    code_folders: frozenset[str]  # folders of a site's code (`config/`, `includes/`), not what a form is about
    people: frozenset[str]  # who personal data is about: a table or form named so is about people
    people_substrings: frozenset[str]  # ... in the scripts that write words without spaces (联系人)
    people_columns: dict[str, str]  # column -> category, in a table of people only (`contacts.company`)
    staff: frozenset[str]  # who works for the organisation: a record named so is of its staff
    staff_columns: dict[str, str]  # column -> category, in a record of staff only (`employees.join_date`)
    card_parts: dict[str, str]  # `expiration`, `cardName` -> category, beside a card's number only
    value_parts: dict[str, frozenset[str]]  # category -> what holds the value in a record of one
    person_sections: frozenset[str]  # "personal details": headings of a form about a person (joined or non-Latin)
    class_suffixes: frozenset[str]  # words for a class's role in code (`StudentCreate`): passed over
    route_actions: frozenset[str]  # what a route does to its resource (`/users/search`): passed over
    sign_in: frozenset[str]  # words of an API's types and operations about signing in (`AuthPayload`)
    sign_in_codes: frozenset[str]  # one-time codes signing in takes: `verificationCode`, `authCode`
    login_ids: frozenset[str]  # the id a person signs in with, beside their password (`userid`)
    name_parts: frozenset[str]  # `given`, `family`: a name's parts, under a `name` object
    identity_records: frozenset[str]  # `users`, `customers`: where direct identifiers belong (DM400)
    stock_words: frozenset[str]  # what goods in stock have (price, sku, expiry): a form of them is about goods
    column_kinds: dict[str, ColumnKind]  # SQL type name ("varchar", "tinyint(1)") -> its kind
    value_qualifiers: frozenset[str]  # `ethnic_type`: words that name the value of an attribute
    attribute_categories: frozenset[str]  # categories whose values come from a set
    lookup_categories: frozenset[str]  # categories a schema may list in a lookup table
    organisation_columns: frozenset[str]  # columns that make a table about an organisation
    record_categories: frozenset[str]  # categories whose records fill tables of their own
    dated_records: frozenset[str]  # record categories whose dates are part of the record (a visit's)
    record_handling: frozenset[str]  # columns of a record table about its handling (`file_name`)
    patients: frozenset[str]  # who a clinician's records are about: a `patient_id` column
    clinicians: frozenset[str]  # who keeps them: a `doctor_id` column
    record_notes: frozenset[str]  # what such a record says: its `reason`, `notes`, `findings`
    address_heads: frozenset[str]  # a model's last word that makes it an address (`CommonPAFAddress`)
    address_names: frozenset[str]  # what an address is called by its owner (`title`: "Home")
    other_addresses: frozenset[str]  # categories whose values are addresses too (an email's)
    flag_suffixes: frozenset[str]  # name endings that make a column a flag (`foreigner_yn`)
    thing_tables: frozenset[str]  # last words of table names that are about things
    things_of_their_own: frozenset[str]  # ... whose details stay theirs in a person's record (a school's)
    things_have: frozenset[str]  # sensitive categories a thing has too (a store's coordinates)
    animals: frozenset[str]  # words for animals: a pet's name and birthday are not a person's
    animal_fields: frozenset[str]  # what only an animal is asked (breed, species): a form of one is about it
    animals_have: frozenset[str]  # the categories an animal has too
    weak_with_own_category: frozenset[str]  # weak phrases needing a neighbour of their own category
    metadata_substrings: tuple[str, ...]  # metadata words in other scripts, after a phrase

    def __init__(self, **parts: Any) -> None:
        for name in self.__slots__:
            setattr(self, name, parts[name])


class RuleError(Exception):
    """A rules file is malformed: a bug in datamin's own data, caught by the tests."""


def _strings(table: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _category(data: dict[str, object], where: str) -> Category:
    signals = data.get("signals", {})
    guards = data.get("guards", {})
    docs = data.get("docs", {})
    examples = data.get("examples", {})
    for name, table in (("signals", signals), ("guards", guards), ("docs", docs), ("examples", examples)):
        if not isinstance(table, dict):
            raise RuleError(f"{where}: [{name}] must be a table")
    assert isinstance(signals, dict) and isinstance(guards, dict)
    assert isinstance(docs, dict) and isinstance(examples, dict)
    sensitivity = str(data.get("sensitivity"))
    if sensitivity not in SENSITIVITIES:
        raise RuleError(f"{where}: sensitivity must be one of {', '.join(SENSITIVITIES)}")
    options = signals.get("options", [])
    if not isinstance(options, list) or not all(isinstance(o, list) for o in options):
        raise RuleError(f"{where}: signals.options must be a list of lists")
    return Category(
        id=str(data["id"]),
        title=str(data["title"]),
        sensitivity=sensitivity,
        fideslang=str(data["fideslang"]),
        fideslang_exact_only=bool(data.get("fideslang_exact_only", False)),
        references=_strings(data, "references", where),
        docs=Docs(
            what=str(docs.get("what", "")),
            why=str(docs.get("why", "")),
            example=str(docs.get("example", "")),
            instead=str(docs.get("instead", "")),
        ),
        autocomplete=frozenset(_strings(signals, "autocomplete", where)),
        types=frozenset(_strings(signals, "types", where)),
        phrases=_strings(signals, "phrases", where),
        name_only=_strings(signals, "name_only", where),
        label_only=_strings(signals, "label_only", where),
        heads=_strings(signals, "heads", where),
        weak=_strings(signals, "weak", where),
        options=tuple(frozenset(fold(str(o)) for o in group) for group in options),
        patterns=tuple(re.compile(p) for p in _strings(signals, "patterns", where)),
        unless=_strings(guards, "unless", where),
        name_unless=_strings(guards, "name_unless", where),
        skip_types=frozenset(_strings(guards, "skip_types", where)),
        not_columns=_strings(guards, "not_columns", where),
        option_guards=_strings(guards, "options", where),
        match_examples=_strings(examples, "match", where),
        no_match_examples=_strings(examples, "no_match", where),
        column_types=frozenset(t.replace(" ", "").lower() for t in _strings(signals, "column_types", where)),
    )


def _read(*parts: str) -> dict[str, Any]:
    with open(os.path.join(FOLDER, *parts), encoding="utf-8") as handle:
        return tomllib.loads(handle.read())


@cache
def load() -> Lexicon:
    """Every category file shipped in the `datamin.rules` package, read and indexed.

    The index is kept between runs (see `cache`): reading the TOML files is most of datamin's
    start-up time.
    """
    from datamin import cache

    name = cache.rules_fingerprint()
    lexicon = cache.read("rules", name)
    if not isinstance(lexicon, Lexicon):
        lexicon = _build()
        cache.write("rules", name, lexicon)
    return lexicon


def _build() -> Lexicon:
    categories: dict[str, Category] = {}
    for name in sorted(os.listdir(os.path.join(FOLDER, "categories"))):
        if not name.endswith(".toml"):
            continue
        where = f"rules/categories/{name}"
        try:
            category = _category(_read("categories", name), where)
        except (KeyError, tomllib.TOMLDecodeError, re.error) as exc:
            raise RuleError(f"{where}: {exc}") from exc
        if category.id in categories:
            raise RuleError(f"{where}: duplicate category id {category.id}")
        categories[category.id] = category
    raw = _read("lexicon.toml")
    by_category = {
        table: raw.pop(table, {}) for table in ("people_columns", "staff_columns", "card_parts", "value_parts")
    }
    for table, listed in by_category.items():
        unknown = set(listed) - set(categories)
        if unknown:
            raise RuleError(f"rules/lexicon.toml: [{table}] names unknown categories {', '.join(sorted(unknown))}")
    shared = {key: list(value) for key, value in raw.items()}
    contexts: list[tuple[str, str, bool]] = []
    for name in sorted(os.listdir(os.path.join(FOLDER, "languages"))):
        if name.endswith(".toml"):
            _add_language(_read("languages", name), f"rules/languages/{name}", categories, shared, contexts)
    lexicon = _index(categories, {key: _strings(shared, key, "rules/lexicon.toml") for key in shared}, **by_category)
    lexicon.contexts = tuple(contexts)
    sql = _read("sql.toml")
    lexicon.column_kinds = _column_kinds(sql, categories)
    lexicon.flag_suffixes = frozenset(_strings(sql, "flag_suffixes", "rules/sql.toml"))
    return lexicon


# What a language file may add to a category: the words a category file has, in that language.
_LANGUAGE_KEYS = (
    "phrases", "name_only", "label_only", "weak", "unless", "name_unless", "not_columns", "option_guards",
)  # fmt: skip


def _add_language(
    data: dict[str, Any],
    where: str,
    categories: dict[str, Category],
    shared: dict[str, list[str]],
    contexts: list[tuple[str, str, bool]],
) -> None:
    """A file of `rules/languages/`: a language's words for each category (a table named by
    the category's id), for who data is about (`[people]`) and what is not a person
    (`[entities]`), and the section headings that put the fields below them in a category's
    context (`[context]`: category id -> headings; `[table_context]`: names and comments that say
    so of a table only, such as "admissions": a school has admissions too)."""
    for table, words in data.items():
        if not isinstance(words, dict):
            raise RuleError(f"{where}: [{table}] must be a table")
        if table in ("people", "entities"):
            shared.setdefault(table, []).extend(
                w for key in ("phrases", "name_only", "weak") for w in _strings(words, key, f"{where} [{table}]")
            )
        elif table in ("context", "table_context"):
            for category_id in words:
                if category_id not in categories:
                    raise RuleError(f"{where}: [{table}] names an unknown category {category_id}")
                headings = _strings(words, category_id, f"{where} [{table}]")
                contexts.extend((fold(h), category_id, table == "table_context") for h in headings)
        elif table in categories:
            category = categories[table]
            added = {key: _strings(words, key, f"{where} [{table}]") for key in _LANGUAGE_KEYS}
            unknown = set(words) - {*_LANGUAGE_KEYS, "options"}
            if unknown:
                raise RuleError(f"{where}: [{table}] has unknown keys {', '.join(sorted(unknown))}")
            options = words.get("options", [])
            if not isinstance(options, list) or not all(isinstance(o, list) for o in options):
                raise RuleError(f"{where}: [{table}] options must be a list of lists")
            categories[table] = category._replace(
                **{key: getattr(category, key) + added[key] for key in _LANGUAGE_KEYS},
                options=category.options + tuple(frozenset(fold(str(o)) for o in group) for group in options),
            )
        else:
            raise RuleError(f"{where}: [{table}] is neither a category nor people, entities or a context")


def _column_kinds(rules: dict[str, Any], categories: dict[str, Category]) -> dict[str, ColumnKind]:
    kinds: dict[str, ColumnKind] = {}
    for name in rules["types"]:
        table = rules.get("kinds", {}).get(name, {})
        where = f"rules/sql.toml [kinds.{name}]"
        named = [
            *_strings(table, "only", where),
            *_strings(table, "excludes", where),
            str(table.get("votes", "") or ""),
        ]
        unknown = [c for c in named if c and c not in categories]
        if unknown:
            raise RuleError(f"{where}: unknown categories {', '.join(unknown)}")
        kind = ColumnKind(
            name,
            frozenset(_strings(table, "only", where)) if "only" in table else None,
            frozenset(_strings(table, "excludes", where)),
            bool(table.get("references", False)),
            str(table.get("votes", "")),
        )
        for type_name in _strings(rules["types"], name, "rules/sql.toml [types]"):
            kinds[type_name.replace(" ", "").lower()] = kind
    return kinds


def _joined(phrases: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    return frozenset("".join(split_words(p)) for p in phrases if not has_non_latin(fold(p)))


def _by_phrase(table: dict[str, list[str]] | None) -> dict[str, str]:
    """`{category: [phrases]}` -> `{phrase joined: category}`."""
    return {"".join(split_words(phrase)): category for category, phrases in (table or {}).items() for phrase in phrases}


def _index(
    categories: dict[str, Category],
    shared: dict[str, tuple[str, ...]],
    people_columns: dict[str, list[str]] | None = None,
    staff_columns: dict[str, list[str]] | None = None,
    card_parts: dict[str, list[str]] | None = None,
    value_parts: dict[str, list[str]] | None = None,
) -> Lexicon:
    """`shared`: the word lists of rules/lexicon.toml, which apply to every category."""
    joined: dict[str, list[Term]] = {}
    substrings: list[tuple[str, Term]] = []
    heads: list[tuple[str, str]] = []
    autocomplete: dict[str, str] = {}
    types: dict[str, str] = {}
    longest = 1
    for category in categories.values():
        listed = {fold(p) for p in (*category.phrases, *category.name_only, *category.label_only)}
        unlisted_weak = tuple(w for w in category.weak if fold(w) not in listed)  # a weak word is a phrase too
        for phrases, in_names, in_labels in (
            (category.phrases + unlisted_weak, True, True),
            (category.name_only, True, False),
            (category.label_only, False, True),
        ):
            for phrase in phrases:
                words = split_words(phrase)
                term = Term(category.id, len(words), in_names, in_labels)
                if has_non_latin(fold(phrase)):
                    substrings.append((fold(phrase), term))
                else:
                    joined.setdefault("".join(words), []).append(term)
                    longest = max(longest, len(words))
        heads.extend((h, category.id) for h in category.heads)
        autocomplete.update(dict.fromkeys(category.autocomplete, category.id))
        types.update(dict.fromkeys(category.types, category.id))
    return Lexicon(
        categories=categories,
        joined={k: tuple(v) for k, v in joined.items()},
        substrings=tuple(substrings),
        heads=tuple(heads),
        autocomplete=autocomplete,
        types=types,
        unless={c.id: _joined(c.unless) for c in categories.values()},
        unless_substrings={
            c.id: tuple(fold(u) for u in c.unless if has_non_latin(fold(u))) for c in categories.values()
        },
        name_unless={c.id: _joined(c.name_unless) for c in categories.values()},
        not_columns={c.id: _joined(c.not_columns) for c in categories.values()},
        option_guards={
            c.id: frozenset(form for o in c.option_guards for form in (fold(o).strip(), " ".join(split_words(o))))
            for c in categories.values()
        },
        not_personal=_joined(shared.get("not_personal", ())),
        consent=_joined(shared.get("consent", ())),
        weak={c.id: _joined(c.weak) for c in categories.values()},
        weak_substrings={
            c.id: frozenset(fold(w) for w in c.weak if has_non_latin(fold(w))) for c in categories.values()
        },
        contexts=(),
        autofill_off=frozenset(shared.get("autofill_off", ())),
        entities=_joined(shared.get("entities", ())),
        code_folders=frozenset(shared.get("code_folders", ())),
        people=_joined(shared.get("people", ())),
        people_substrings=frozenset(fold(p) for p in shared.get("people", ()) if has_non_latin(fold(p))),
        stock_words=frozenset(shared.get("stock_words", ())),
        class_suffixes=frozenset(shared.get("class_suffixes", ())),
        route_actions=frozenset(shared.get("route_actions", ())),
        sign_in=_joined(shared.get("sign_in", ())),
        sign_in_codes=_joined(shared.get("sign_in_codes", ())),
        login_ids=_joined(shared.get("login_ids", ())),
        name_parts=_joined(shared.get("name_parts", ())),
        person_sections=_joined(shared.get("person_sections", ()))
        | frozenset(fold(p) for p in shared.get("person_sections", ()) if has_non_latin(fold(p))),
        identity_records=_joined(shared.get("identity_records", ())),
        people_columns=_by_phrase(people_columns),
        staff=_joined(shared.get("staff", ())) | {fold(w) for w in shared.get("staff", ()) if has_non_latin(fold(w))},
        staff_columns=_by_phrase(staff_columns),
        card_parts=_by_phrase(card_parts),
        value_parts={
            category: frozenset("".join(split_words(p)) for p in phrases)
            for category, phrases in (value_parts or {}).items()
        },
        value_qualifiers=_joined(shared.get("value_qualifiers", ())),
        attribute_categories=frozenset(shared.get("attribute_categories", ())),
        lookup_categories=frozenset(shared.get("lookup_categories", ())),
        organisation_columns=_joined(shared.get("organisation_columns", ())),
        record_categories=frozenset(shared.get("record_categories", ())),
        dated_records=frozenset(shared.get("dated_records", ())),
        record_handling=_joined(shared.get("record_handling", ())),
        patients=frozenset(shared.get("patients", ())),
        clinicians=frozenset(shared.get("clinicians", ())),
        record_notes=frozenset(shared.get("record_notes", ())),
        address_heads=frozenset(shared.get("address_heads", ())),
        address_names=frozenset(shared.get("address_names", ())),
        other_addresses=frozenset(shared.get("other_addresses", ())),
        flag_suffixes=frozenset(),
        thing_tables=_joined(shared.get("thing_tables", ())) | _joined(shared.get("entities", ())),
        things_of_their_own=_joined(shared.get("thing_tables", ())),
        weak_with_own_category=frozenset(shared.get("weak_with_own_category", ())),
        things_have=frozenset(shared.get("things_have", ())),
        animals=frozenset(fold(a) for a in shared.get("animals", ())),
        animal_fields=frozenset(shared.get("animal_fields", ())),
        animals_have=frozenset(shared.get("animals_have", ())),
        metadata_substrings=tuple(fold(m) for m in shared.get("metadata_substrings", ())),
        column_kinds={},
        metadata=_joined(shared.get("metadata", ())),
        longest=longest,
    )

"""Give each control at most one data category, with a confidence and the evidence for it.

Every piece of evidence (the autocomplete token, the input type, the name, each label, the
options) is read on its own and votes for at most one category; votes for the same category
from different pieces add up (1 - (1-a)(1-b)...). Within one identifier the last phrase wins
(`work_phone` is a phone: English compounds put the head last); within one label the first
phrase wins ("Username or email address" asks for a username).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cache, lru_cache
from typing import NamedTuple

from datamin.categories import ColumnKind, Lexicon, load
from datamin.records import ANSWER_GIVEN, Control, Field, Form
from datamin.words import Text, Word, fold, has_non_latin, split_words, tokens

# How far each kind of evidence can be trusted on its own.
WEIGHTS: dict[str, float] = {
    "autocomplete": 0.95,
    "name": 0.85,
    "id": 0.8,
    "binding": 0.8,
    "label": 0.86,  # what a person is asked: it wins a tie with the name behind it
    "aria-label": 0.86,
    "labelledby": 0.86,
    "helper": 0.85,
    "placeholder": 0.75,
    "title": 0.7,
    "options": 0.8,
    "pattern": 0.7,
    "nearby": 0.6,
    "column": 0.7,  # a table column's header, over rows of fields
    "row": 0.6,  # the header cell that starts a field's table row
    "legend": 0.55,
    "question": 0.65,  # the text before a group of radio buttons or checkboxes
    "inputmode": 0.6,
    "comment": 0.75,  # a column's comment describes it, but in the schema author's words
    "class": 0.75,  # a declared field's class: `PhoneNumberField`, `EmailType`, `EmailStr`
    "values": 0.9,  # a live database: what most of a column's sampled values are
}
REPORT_CONFIDENCE = 0.5  # the default --min-confidence: what is reported
DESCRIPTION_WEIGHT = 0.45  # a comment that is a sentence: below the reporting threshold on its own
SHORT_COMMENT_WORDS = 4
COLUMN_TYPE_WEIGHT = 0.5  # a DATE named `dob`: the type supports a name, it says nothing alone
RECORD_WEIGHT = 0.6  # a column known only by its table (`diagnoses.description`)
CONTEXT_WEIGHT = 0.6  # a field known only by the section it sits in ("Medical history")
# When a row was written, not what it records: `created_at`, `update_time`, `last_modified`.
_AUDIT_WORDS = frozenset(
    {"created", "create", "updated", "update", "modified", "modify", "deleted", "delete", "inserted", "insert",
     "changed", "change", "synced", "sync", "edited", "edit", "last", "timestamp", "ts", "version", "entry",
     "registered", "regist", "reg", "upd", "ins", "mod", "del", "crt", "expired", "expiry", "expires", "record",
     "recorded", "creation", "modification"}
)  # fmt: skip
REFERENCE_WORDS = frozenset({"id", "ids", "uuid", "fk", "ref"})  # a column that points at another table's row
OWN_LABEL_WORDS = frozenset({"no", "code", "name", "title", "key"})
# How `_id` after a phrase reads: the value itself (`country_id` picked in a form), a reference
# to a stored record (`address_id` on a hidden input), or a reference unless the category's
# values are coded in a lookup table (an integer `address_id` or `diagnosis_id` column points
# at a record; `gender_id` holds a gender).
ID_IS_VALUE, ID_IS_REFERENCE, ID_IS_REFERENCE_UNLESS_CODED = 0, 1, 2
# An input type on its own: `tel` is also used for any number typed on a phone keypad
# (card numbers, postcodes, one-time codes), so it says less than `email` or `password`.
TYPE_WEIGHTS: dict[str, float] = {"password": 0.95, "email": 0.9, "tel": 0.6}
HEAD_FACTOR = 0.75  # "custname": a phrase run into another word is weaker evidence
HIDDEN_FACTOR = 0.7  # hidden inputs carry what a page put there, not what a person typed

# Autocomplete tokens that only qualify the field name that follows them.
_AUTOCOMPLETE_MODIFIERS = frozenset(
    {"shipping", "billing", "home", "work", "mobile", "fax", "pager", "webauthn", "on", "off"}
)
_INPUTMODE = {"email": "email", "tel": "phone"}
NOT_FIELDS = frozenset({"submit", "button", "reset", "image"})
# Evidence of a field's shape, not of what it holds: `type=tel` is any number typed on a phone's
# keypad (a bank's name in a form that wants a numeric keyboard), so it names no category outright.
_SHAPE_ONLY = ("type=", "inputmode")

Allowed = Callable[[str], bool]


class Vote(NamedTuple):
    category: str
    weight: float
    evidence: str
    weak: bool = False  # a phrase that needs another personal field beside it ("name", "weight")


class Match(NamedTuple):
    category: str
    start: int
    end: int
    words: int
    head: bool = False
    weak: bool = False


Verdict = tuple[str | None, str | None, float, tuple[str, ...], bool]
_NO_VERDICT: Verdict = (None, None, 0.0, (), False)
_VERDICTS: dict[tuple[object, ...], Verdict] = {}  # the same field recurs across a site's templates
_CACHE_LIMIT = 100_000


def classify(control: Control, lexicon: Lexicon | None = None) -> Field:
    """Classify one control on its own. A field with no category has confidence 0 and no
    evidence. (`classify_all` also weighs the fields of a form against each other.)"""
    return Field(control, *_cached_verdict(control, lexicon or load())[:4])


def classify_all(
    controls: list[Control],
    lexicon: Lexicon | None = None,
    place: Callable[[list[Control]], list[Control]] | None = None,
) -> list[Field]:
    """Classify the fields of one file. A field known only by a weak phrase (a bare "Name", a
    "Weight") is personal only beside another personal field of its form: a product's name
    and weight are not; a patient's are. A field nothing names takes its section's category;
    `place` gives the fields that need it their sections (the parser finds them on request)."""
    lexicon = lexicon or load()
    # a constant hidden input repeating a field's name holds what that field holds (_same_names)
    verdicts = [_NO_VERDICT if c.via == ANSWER_GIVEN else _cached_verdict(c, lexicon) for c in controls]
    corroborated = {_form_key(c) for c, v in zip(controls, verdicts, strict=True) if v[0] is not None and not v[4]}
    if place is not None:
        controls = _with_sections(controls, verdicts, corroborated, place, lexicon)
    tables = _tables(controls)
    lookups = _lookup_tables(tables, controls, verdicts, lexicon)
    organisations = {form for form, members in tables.items() if _about_an_organisation(form, members, lexicon)}
    organisations |= _catalogues(tables, lexicon)
    goods = _goods_forms(controls, verdicts, lexicon)
    animal_forms: set[object] = set()
    animals_sections: set[int] = set()
    animal_page = _names_animals(controls, lexicon)
    if animal_page:  # most pages name no animal
        animal_forms = _animal_forms(controls, verdicts, lexicon)
        animals_sections = _in_animal_sections(controls, verdicts, place, lexicon) if place is not None else set()
    own_kind = _own_kind_corroborated(tables, controls, verdicts, lexicon)
    records = _record_tables(tables, lexicon, {id(c): v for c, v in zip(controls, verdicts, strict=True)})
    # A form that asks for a card or a bank account is a person paying, whatever it is called
    # (form#frmManagePaymentMethod): its billing name and address are that person's. One that
    # asks for an identity card or passport number is about that person, whatever it is for
    # (a server room's visitor log).
    paying = {
        _form_key(c)
        for c, v in zip(controls, verdicts, strict=True)
        if v[0] in _SOMEONES_OWN and not v[4] and not c.is_column
    }
    named_parts = _name_parts_by_form(controls, lexicon)
    signing_in = {_form_key(c) for c in controls if c.type == "password" and c.source == "html"}
    # a record that keeps a person's password keeps their other secrets beside it (`User.token`)
    secret_keepers = {
        _form_key(c)
        for c, v in zip(controls, verdicts, strict=True)
        if v[0] == "password" and not v[4] and c.source != "html"
    }
    fields = []
    things: dict[object, bool] = {}  # by form: is it about a thing?
    for control, (category, sensitivity, confidence, evidence, weak) in zip(controls, verdicts, strict=True):
        shown = (category, sensitivity, confidence, evidence) if control.source == "db" else None
        key = _form_key(control)
        table = control.form is not None and bool(control.form.store)
        thing = things.get(key)
        if thing is None:
            thing = things[key] = (
                _about_a_thing(control, lexicon) and key not in paying and not _part_of_a_record(control, lexicon)
            ) or key in organisations
        if thing and _held_for_a_person(control, lexicon):
            thing = False  # a booking's `customer.email`: the customer's, whatever the booking is of
        if (
            category in lexicon.animals_have
            and (
                key in animal_forms
                or id(control) in animals_sections
                or (animal_page and _says_animal(_said_beside(control), lexicon))
                or _of_an_animal(control, lexicon)
            )
            and not _of_someone(control, lexicon)
        ):
            category = None  # a pet's name, age, photo and microchip number (a form about a pet is a thing)
        weak_alone = False  # a weak phrase's field with nothing personal beside it
        if weak and category is not None:
            if table and set(split_words(control.name)) & lexicon.weak_with_own_category:
                weak_alone = (key, category) not in own_kind  # `orders.state` beside no address column
            else:
                weak_alone = not _about_people(control, lexicon) and (
                    key not in corroborated or (control.source == "api" and category == "photo")
                )  # an API record's image is a person's only in a record of people (a society's is its logo)
                if weak_alone and (heading := _headed_by_people(control, lexicon)):
                    weak_alone = False  # the bare "Name" of a form under "Add New Employee"
                    evidence = (*evidence, f'in section "{_short(heading)}"')
                elif weak_alone and _declared(control) and (group := _group_of_people(control, lexicon)):
                    weak_alone = False  # a response's `paciente: {nome}`, `customer: {name}`
                    evidence = (*evidence, f"in {group}")
        if category is not None and (
            key in goods
            or (weak and (thing or weak_alone or _in_a_things_part(control, lexicon)))
            or (
                thing
                and (sensitivity == "low" or (table and (sensitivity == "medium" or category in lexicon.things_have)))
            )
            or key in lookups
            or (table and _own_label(control, tables[control.form], lexicon))  # type: ignore[index]
        ):
            category, sensitivity, confidence, evidence = None, None, 0.0, ()
        if (
            category is None
            and key in records
            and _describes(control, lexicon, records[key][0] if records[key][2] != _NOTES else "")
            and (not records[key][2] or _free_text(control, lexicon))
            and (records[key][2] != _NOTES or _notes(control, lexicon))
        ):
            category, why, _ = records[key]
            sensitivity = lexicon.categories[category].sensitivity
            confidence = RECORD_WEIGHT
            evidence = (why,)
        elif category is None and (staff := _staff_column(control, lexicon)) is not None:
            category, where = staff
            sensitivity, confidence = lexicon.categories[category].sensitivity, RECORD_WEIGHT
            evidence = (f"in {where}: a staff member's {control.name or _short(_field_words(control))}",)
        elif (
            category is None
            and table
            and (own := lexicon.people_columns.get("".join(split_words(control.name)))) is not None
            and (_about_people(control, lexicon) or _notes_of_a_persons(control, lexicon))
        ):  # `contacts.company`: where the person works; `otherInfo.note` of `people`
            category, sensitivity, confidence = own, lexicon.categories[own].sensitivity, RECORD_WEIGHT
            evidence = (f"in table {control.form.ident}: a person's {control.name}",)  # type: ignore[union-attr]
        elif category is None and (part_of := _part_of_a_value(control, lexicon)) is not None:
            category, sensitivity, confidence = part_of, lexicon.categories[part_of].sensitivity, RECORD_WEIGHT
            evidence = (f"a part of {_group(control)}",)
        elif category is None and (_part_of_a_name(control, lexicon) or _beside_the_other_parts(control, named_parts)):
            category, sensitivity, confidence = "name", lexicon.categories["name"].sensitivity, RECORD_WEIGHT
            evidence = (f"a part of a name: {control.name}" + (f" in {_group(control)}" if _group(control) else ""),)
        elif category is None and table and not thing and (part := _part_of_an_address(control, lexicon)):
            category, sensitivity, confidence = "address", lexicon.categories["address"].sensitivity, RECORD_WEIGHT
            evidence = (part,)
        elif category is None and (
            (signs_in := _declared(control) and _about_signing_in(control, lexicon)) or key in secret_keepers
        ):
            joined = "".join(split_words(control.name))
            if lexicon.people_columns.get(joined) == "password" or (signs_in and joined in lexicon.sign_in_codes):
                category, sensitivity, confidence = "password", "high", RECORD_WEIGHT
                evidence = (f"in {control.container}: " + ("signing in" if signs_in else "beside a password"),)
        elif category is None and _declared(control) and _a_bare_contact(control) and key in corroborated:
            category, sensitivity, confidence = "phone", lexicon.categories["phone"].sensitivity, CONTEXT_WEIGHT
            evidence = (f"in {control.container}: the contact of a record of someone's",)
        elif category is None and key in signing_in and _a_login_id(control, lexicon):
            category, sensitivity, confidence = "username", lexicon.categories["username"].sensitivity, CONTEXT_WEIGHT
            evidence = ("beside a password: the id the person signs in with",)
        elif category is None and not table and key in corroborated and _answers(control, lexicon):
            placed = _placed(control, lexicon) or _of_a_person(control, lexicon)
            if placed is not None:
                category, why = placed
                sensitivity = lexicon.categories[category].sensitivity
                confidence = CONTEXT_WEIGHT
                evidence = (why,)
        if table and not thing and (held := _value_of_a_record(control, lexicon)) and held != category:
            category, sensitivity, confidence = held, lexicon.categories[held].sensitivity, RECORD_WEIGHT
            evidence = (f"in {control.form.ident}: its {control.name}",)  # type: ignore[union-attr]
        if category not in _WHAT_HEADERS_CARRY and ("in", "header") in control.context:
            category, sensitivity, confidence, evidence = None, None, 0.0, ()  # the client's, not the person's
        if category is None and shown is not None and shown[0] is not None and _values_say(control):
            category, sensitivity, confidence, evidence = shown  # what the data holds, whatever the table is
        fields.append(Field(control, category, sensitivity, confidence, evidence))
    return _parts_of_a_card(_parts_of_a_date(_same_names(fields, lexicon)), lexicon)


# What an API request's header can tell of the person behind it (`X-Customer-IP-Address`); its
# other headers (`Authorization`, `Accept-Language`, `X-Request-ID`) are the client's.
_WHAT_HEADERS_CARRY = frozenset({"ip_address", "device_id"})


def _values_say(control: Control) -> bool:
    """A live database's column whose sampled values say what it holds."""
    return any(how == "values" for how, _ in control.labels)


def _parts_of_a_date(fields: list[Field]) -> list[Field]:
    """The month and day lists right after a list of birth years (`[1949..1999] 年 [1..12] 月
    [1..31] 日`) ask the rest of the same date; so do lists named `month` and `day` right after
    a field of a birth date, whatever the template fills them with."""
    parts = []
    for index, f in enumerate(fields):
        listed = _a_part_of_a_date(f.control.options)
        if f.category is None and (listed or _named_as_a_part_of_a_date(f.control.name)):
            before = [b for b in fields[max(0, index - 2) : index] if _form_key(b.control) == _form_key(f.control)]
            year = next(
                (b for b in reversed(before) if b.category == "date_of_birth" and (b.control.options or not listed)),
                None,
            )
            if year is not None:
                f = _as(year, f, f"a part of the date at line {year.control.line}")
        parts.append(f)
    return parts


def _parts_of_a_card(fields: list[Field], lexicon: Lexicon) -> list[Field]:
    """Next to a card's number, what else a card has is that card's: `expiration`, `exp_month`,
    `cardName` a field or three from `cardNumber` in a checkout (alone they say nothing; an
    insurance card's expiry further down an employee's record is not a payment card's)."""
    if not any(f.category == "financial_card" for f in fields):
        return fields
    parts = []
    for index, f in enumerate(fields):
        category = _card_part(f.control, lexicon) if f.category is None else None
        if category is not None:
            key = _form_key(f.control)
            near = fields[max(0, index - _NEAR) : index + _NEAR + 1]
            card = next((c for c in near if c.category == "financial_card" and _form_key(c.control) == key), None)
            if card is not None:
                why = f"a part of the card at line {card.control.line}"
                sensitivity = lexicon.categories[category].sensitivity
                f = f._replace(category=category, sensitivity=sensitivity, confidence=RECORD_WEIGHT, evidence=(why,))
        parts.append(f)
    return parts


_NEAR = 3  # fields: a card's parts are asked together
_CARD_WORDS = frozenset({"card", "cc", "credit", "payment"})


def _card_part(control: Control, lexicon: Lexicon) -> str | None:
    """The category of a card's part a field's name says (`exp_month`, `card[expiry]`, `ccExpiration`)."""
    words = split_words(control.name)
    while len(words) > 1 and words[0] in _CARD_WORDS and "".join(words) not in lexicon.card_parts:
        words = words[1:]
    return lexicon.card_parts.get("".join(words))


def _as(other: Field, f: Field, why: str) -> Field:
    """`f` holding what `other` holds, for the reason given."""
    return f._replace(
        category=other.category, sensitivity=other.sensitivity, confidence=other.confidence, evidence=(why,)
    )


_DATE_PARTS = frozenset({"month", "day", "mm", "dd", "mon", "bulan", "hari", "tanggal", "thang", "ngay"})


def _named_as_a_part_of_a_date(name: str) -> bool:
    """`month`, `birth[day]`, `dob_mm`: a field named for the month or the day of a date."""
    words = split_words(name)
    return bool(words) and words[-1] in _DATE_PARTS


def _a_part_of_a_date(options: tuple[str, ...]) -> bool:
    """A list of the months (1-12) or the days (1-31) of a date."""
    if len(options) < 12:
        return False
    numbers = {int(o) for o in (o.strip() for o in options) if o.isdigit() and len(o) <= 2}
    return len(numbers) >= 12 and max(numbers) <= 31 and min(numbers) <= 1


def _same_names(fields: list[Field], lexicon: Lexicon) -> list[Field]:
    """A field that repeats the name of a field of its form is the same question: the row a
    script adds to a table of jobs asks what the row written in the page does. (The members of
    a group of radio buttons or checkboxes share a name, each its own answer.)"""
    known: dict[tuple[object, str], Field] = {}
    for f in fields:
        if f.category is not None and f.control.name and not f.control.is_column:
            known.setdefault((_form_key(f.control), f.control.name), f)
    if not known:
        return fields
    same = []
    for f in fields:
        first = known.get((_form_key(f.control), f.control.name)) if f.category is None else None
        if (
            first is not None
            and _group(f.control) == _group(first.control)  # `category.name` is not the record's `name`
            and f.control.type not in ("radio", "checkbox")
            and (_answers(f.control, lexicon) or f.control.type == "hidden")  # a checkbox's hidden companion
        ):
            f = _as(first, f, f"the same field as line {first.control.line}")
        same.append(f)
    return same


_SOMEONES_OWN = frozenset({"financial_card", "financial_account", "national_id", "passport"})
_API_KINDS = {"checkbox": "boolean", "datetime-local": "datetime"}  # an API property's type, as a column's


def _with_sections(
    controls: list[Control],
    verdicts: list[Verdict],
    corroborated: set[object],
    place: Callable[[list[Control]], list[Control]],
    lexicon: Lexicon,
) -> list[Control]:
    """The controls, with their sections those that may take their section's category, and the
    fields known only by a weak phrase that nothing beside them corroborates (their section may
    say whose they are)."""
    wanted = [
        i
        for i, (c, v) in enumerate(zip(controls, verdicts, strict=True))
        if not (c.form and c.form.store)
        and (
            (v[0] is None and _form_key(c) in corroborated and _answers(c, lexicon))
            or (v[4] and _form_key(c) not in corroborated and not _about_people(c, lexicon))
        )
    ]
    if not wanted:
        return controls
    placed = place([controls[i] for i in wanted])
    controls = list(controls)
    for i, control in zip(wanted, placed, strict=True):
        controls[i] = control
    return controls


def _a_login_id(control: Control, lexicon: Lexicon) -> bool:
    """A field a person types their sign-in id into: named or labelled `userid`, `memId`, "ID"."""
    if control.type not in ("text", "email", "tel", "") or not _answers(control, lexicon):
        return False
    said = [control.name, *(text for how, text in control.labels if how in ("label", "placeholder", "nearby"))]
    return any("".join(split_words(text)) in lexicon.login_ids for text in said if text)


def _answers(control: Control, lexicon: Lexicon) -> bool:
    """A field a person answers (not a button, a hidden value, a search or a consent box)."""
    return control.type not in ("hidden", "submit", "button", "reset", "image", "search") and not _not_personal(
        control, lexicon
    )


def _placed(control: Control, lexicon: Lexicon) -> tuple[str, str] | None:
    """The category of the section a field sits in: the questions under "Medical history" or
    "Lifestyle" are health data whatever their names. The nearest heading that says something
    decides (then those of the sections around it: "Job 1" inside "Work experience"); the page's
    title only where no heading does, and only by a phrase of two words or more (a shop's page
    called "Medications" is not a medical questionnaire). Last, a template's own file name, by
    such a phrase too: `medical-assessment-step1.php` holds a medical assessment."""
    sections = any(how == "section" for how, _ in control.context)
    for how, text in control.context:
        if how == "page" and sections:
            break
        if how in ("group", "in"):
            continue
        if how == "columns":
            category = _columns_category(text, lexicon)
            if category is not None:
                return category, f'in a table of {category} ("{_short(text)}")'
            continue
        category = context_category(text, lexicon, least=2 if how == "page" else 1)
        if category is not None:
            return category, f'in {how} "{_short(text)}"'
    if control.source == "html":
        named = os.path.basename(control.path)
        category = context_category(named.split(".", 1)[0], lexicon, least=2)
        if category is not None:
            return category, f"in file {named}"
    return None


def _of_a_person(control: Control, lexicon: Lexicon) -> tuple[str, str] | None:
    """A field of a form about a person (under "Student details" or "Maklumat Peribadi", in
    form#employee-form) that asks what a record of people holds: a student's school or class,
    an employee's department, the text about themselves (`people_columns`)."""
    said = [control.name, *control.bindings, *(text for how, text in control.labels if how != "values")]
    asked = next((s for s in said if _asks_of_a_person(s, lexicon) in lexicon.people_columns), None)
    if asked is None:
        return None
    category = lexicon.people_columns[_asks_of_a_person(asked, lexicon)]
    if category == "national_id" and control.type in ("checkbox", "radio"):
        return None  # an identity number is typed: a box ticked "No identification" holds none
    where = [f'{how} "{_short(text)}"' for how, text in control.context if how in ("section", "page") and text]
    if control.form is not None:
        where.append(control.form.ident)
    about = next((w for w in where if _of_people(w, lexicon)), None)
    if about is None:
        return None
    return category, f"in {about}: a person's {_short(asked).strip(' :*')}"


def _asks_of_a_person(text: str, lexicon: Lexicon) -> str:
    """What a field asks, less whose it is: "Father's School" and `mothersSchool` ask for a school."""
    words = split_words(text)
    if len(words) > 1 and _a_person(words[0], lexicon) and "".join(words) not in lexicon.people_columns:
        words = words[2:] if words[1] == "s" else words[1:]  # (an `employee_type` is asked as it is)
    return "".join(words)


# A contact form is a message to the business: what it asks is not a record of the person.
_MESSAGES = frozenset({"contact", "contacts"})


@lru_cache(maxsize=4096)
def _of_people(text: str, lexicon: Lexicon) -> bool:
    """A heading, title or form name about a person: "Student details", "Personal information",
    个人信息, form#employee-form."""
    words = [w for w in split_words(text) if w not in _MESSAGES]
    if any(_a_person(w, lexicon) for w in words):
        return True
    joined = {"".join(words[i : i + n]) for n in (1, 2) for i in range(len(words))}
    if joined & lexicon.person_sections:
        return True
    folded = fold(text)
    return has_non_latin(folded) and any(s in folded for s in _written_without_spaces(lexicon))


@cache
def _written_without_spaces(lexicon: Lexicon) -> tuple[str, ...]:
    """The words for people and the headings about them in scripts without spaces (联系人, 个人信息):
    found inside a heading, not as its words."""
    return tuple(s for s in (*lexicon.people_substrings, *lexicon.person_sections) if has_non_latin(s))


@lru_cache(maxsize=1024)
def _columns_category(headers: str, lexicon: Lexicon) -> str | None:
    """The rows of a table whose columns are headed "Education level | School | Year of passing":
    records of one kind, when two or more headers name that category by a strong phrase."""
    counts: dict[str, int] = {}
    for header in headers.split(" | "):
        for category in matched_categories(header, lexicon, strong=True):
            counts[category] = counts.get(category, 0) + 1
    best = max(counts.items(), key=lambda item: item[1], default=None)
    return best[0] if best is not None and best[1] >= 2 and list(counts.values()).count(best[1]) == 1 else None


def context_category(text: str, lexicon: Lexicon, *, table: bool = False, least: int = 1) -> str | None:
    """The category a heading or title (or, with `table`, a table's name or comment) puts the
    fields under it in, if any: by its longest context phrase of at least `least` words."""
    return _context_category(text, lexicon, table, least)


@lru_cache(maxsize=8192)
def _context_category(text: str, lexicon: Lexicon, table: bool, least: int) -> str | None:
    joined, substrings, longest = _context_index(lexicon, table)
    words = split_words(text)
    best: tuple[int, int, str] | None = None  # (-length, start, category): the longest, then the first
    for i in range(len(words)):
        phrase = ""
        for j in range(i, min(len(words), i + longest)):
            phrase += words[j]
            size = j - i + 1
            if phrase in joined and size >= least and (best is None or (-size, i) < best[:2]):
                best = (-size, i, joined[phrase])
    if best is not None:
        return best[2]
    if has_non_latin(text):
        folded = fold(text)
        found = [(folded.find(p), -len(p), c) for p, c in substrings if p in folded]
        if found:
            return min(found)[2]
    return None


@lru_cache(maxsize=8)
def _context_index(lexicon: Lexicon, table: bool) -> tuple[dict[str, str], tuple[tuple[str, str], ...], int]:
    joined: dict[str, str] = {}
    substrings = []
    longest = 1
    for phrase, category, tables_only in lexicon.contexts:
        if tables_only and not table:
            continue
        if has_non_latin(phrase):
            substrings.append((phrase, category))
        else:
            words = split_words(phrase)
            joined.setdefault("".join(words), category)
            if _plural("".join(words)):
                joined.setdefault(_singular("".join(words)), category)  # `body_sign` for "body signs"
            longest = max(longest, len(words))
    return joined, tuple(substrings), longest


def _own_kind_corroborated(
    tables: dict[Form, list[Control]], controls: list[Control], verdicts: list[Verdict], lexicon: Lexicon
) -> set[tuple[object, str]]:
    """(table, category) where the table has a column of that category by a strong phrase."""
    strong = {id(c): v[0] for c, v in zip(controls, verdicts, strict=True) if v[0] is not None and not v[4]}
    return {(form, strong[id(c)]) for form, members in tables.items() for c in members if id(c) in strong}


def _tables(controls: list[Control]) -> dict[Form, list[Control]]:
    tables: dict[Form, list[Control]] = {}
    for control in controls:
        if control.form is not None and control.form.store:
            tables.setdefault(control.form, []).append(control)
    return tables


def _about_an_organisation(form: Form, columns: list[Control], lexicon: Lexicon) -> bool:
    """A table with `industry` and `annual_revenue` columns describes companies (one such
    column alone may be a person's: a patient's industry, a customer's VAT number)."""
    if _mentions_people(form.ident, lexicon):
        return False
    return sum("".join(split_words(c.name)) in lexicon.organisation_columns for c in columns) >= 2


def _a_person(word: str, lexicon: Lexicon) -> bool:
    """`patient`, `patients`: a word for people, singular or plural."""
    return word in lexicon.people or word.removesuffix("s") in lexicon.people


@lru_cache(maxsize=4096)
def _mentions_people(name: str, lexicon: Lexicon) -> bool:
    """A word of the name says who data is about: `patients`, `app_users`, `form#member-signup`."""
    return any(_a_person(w, lexicon) for w in split_words(name))


def _named_for_people(table: str, lexicon: Lexicon) -> bool:
    """`Patient`, `app.users`, `tb_member`: a table of people (a foreign key to it points at one)."""
    head = _head_word(table, lexicon)
    return _a_person(head, lexicon)


def _goods_forms(controls: list[Control], verdicts: list[Verdict], lexicon: Lexicon) -> set[object]:
    """Forms that describe goods in stock (a pharmacy's medicine: its dosage, quantity, price
    and supplier), two or more of whose fields say so, none of whose fields names a person and
    none of which asks how to reach, identify or charge one: even a medicine's dosage is no
    one's health data there."""
    stock: dict[object, int] = {}
    people: set[object] = set()
    for control, verdict in zip(controls, verdicts, strict=True):
        if control.is_column or control.form is None:
            continue
        key = _form_key(control)
        if key in people:
            continue
        if verdict[0] in _SOMEONE and not verdict[4]:
            people.add(key)
            continue
        words = {w for text in (control.name, control.ident, *control.bindings) for w in split_words(text)}
        if words & lexicon.people:
            people.add(key)
        elif words & lexicon.stock_words:
            stock[key] = stock.get(key, 0) + 1
    return {key for key, count in stock.items() if count >= 2 and key not in people}


def _animal_forms(controls: list[Control], verdicts: list[Verdict], lexicon: Lexicon) -> set[object]:
    """Forms that ask an animal's breed or species and nothing that reaches, identifies or
    charges a person: a dog's registration (its name, breed and age) is about the dog."""
    animal: set[object] = set()
    people: set[object] = set()
    for control, verdict in zip(controls, verdicts, strict=True):
        if control.is_column or control.form is None:
            continue
        if verdict[0] in _SOMEONE and verdict[0] not in lexicon.animals_have and not verdict[4]:
            people.add(_form_key(control))
        elif "".join(split_words(control.name)) in lexicon.animal_fields:  # `breed`; not `genus_species`
            animal.add(_form_key(control))
    return animal - people


def _in_animal_sections(
    controls: list[Control],
    verdicts: list[Verdict],
    place: Callable[[list[Control]], list[Control]],
    lexicon: Lexicon,
) -> set[int]:
    """The fields, of a category an animal has too, under a heading about an animal ("Pet
    information", 宠物基本信息 in an adoption form, after the adopter's own): the animal's. The
    headings are looked for only on a page one of whose fields names an animal or its breed."""
    wanted = [c for c, v in zip(controls, verdicts, strict=True) if v[0] in lexicon.animals_have and not c.is_column]
    found = set()
    for control, placed in zip(wanted, place(wanted) if wanted else [], strict=True):
        nearest = next((text for how, text in placed.context if how == "section"), "")
        if nearest and _says_animal(nearest, lexicon):
            found.add(id(control))
    return found


def _names_animals(controls: list[Control], lexicon: Lexicon) -> bool:
    """Does a field of the page, by its name or a text beside it, name an animal or what only
    an animal is asked? Each text is looked at once a run."""
    names_one = _names_an_animal(lexicon)
    return any(
        names_one(c.name) or any(names_one(text) for _, text in c.labels) or any(map(names_one, c.bindings))
        for c in controls
    )


@cache
def _names_an_animal(lexicon: Lexicon) -> Callable[[str], bool]:
    """Does a name or a text name an animal or what only an animal is asked (`dog_breed`,
    宠物基本信息)? Remembered for each text."""

    @lru_cache(maxsize=_CACHE_LIMIT)
    def names_one(text: str) -> bool:
        return _says_animal(text, lexicon) or not lexicon.animal_fields.isdisjoint(split_words(text))

    return names_one


def _said_beside(control: Control) -> str:
    """What a field says of itself and the text beside it ("猫咪性别:"), or a choice's question
    (the text before a box is often the box before's own label)."""
    beside = ("question",) if control.type in ("checkbox", "radio") else ("nearby", "question")
    return " ".join((_field_words(control), *(t for how, t in control.labels if how in beside)))


# What only a form about someone asks: how to reach, identify or charge them.
_SOMEONE = frozenset(
    {"email", "phone", "national_id", "passport", "date_of_birth", "financial_card", "financial_account", "password"}
)


def _catalogues(tables: dict[Form, list[Control]], lexicon: Lexicon) -> set[Form]:
    """Tables named for records about people that name no one: a list of allergies or drugs
    (`allergy(name, symptoms)`) is a list of things."""
    found = set()
    for form, columns in tables.items():
        name = form.ident.rsplit(".", 1)[-1]
        if _mentions_people(name, lexicon) or (columns and columns[0].source == "api"):
            continue  # an API's `AcademicQualification` is one record it sends, not a list to pick from
        if any(set(split_words(c.name)) & lexicon.people for c in columns) or (
            columns and any(how == "refers" and _named_for_people(t, lexicon) for how, t in columns[0].context)
        ):
            continue  # `patient_id`, `applicant_name`, a foreign key to `patients`: rows about someone
        named = matched_categories(name, lexicon, strong=True) & lexicon.record_categories
        if named or context_category(name, lexicon, table=True) is not None:
            found.add(form)
    return found


def _record_tables(
    tables: dict[Form, list[Control]], lexicon: Lexicon, verdicts: dict[int, Verdict]
) -> dict[Form, tuple[str, str, str]]:
    """Tables of records about a person: named for a category whose records fill tables
    (`diagnoses`, `payslips`), or named or described as a section of such records would be
    (`admissions`, `body_sign` '生命体征', `employment_history`), that refer to a person
    (`patient_id`) or are named after one (`patient_history`), or belong to a record that does
    (`physical_examinations.visit_id`, a patient's visit); or a person's record whose own
    columns say what it records (`appointments(patient_id, blood_pressure, temperature,
    reason)`), whose free text alone is then of that category; or a patient's record that a
    clinician keeps, whose notes are health data: table -> (category, evidence, how much of it
    is: all that describes the record, `_TEXT` or `_NOTES`)."""
    found = {}
    later = []
    for form, columns in tables.items():
        name = form.ident.rsplit(".", 1)[-1]
        about_person = (
            any(_refers_to_person(c.name, lexicon) for c in columns)
            or _mentions_people(name, lexicon)
            or (
                bool(columns)
                and any(how == "refers" and _named_for_people(t, lexicon) for how, t in columns[0].context)
            )
        )
        # a record that only names its person (`patient_name`) counts when its own name says what
        # it records (`Prescription`), not a section's word (`school_admissions`)
        named_only = not about_person and any(_refers_to_person(c.name, lexicon, named=True) for c in columns)
        if not about_person and not named_only:
            later.append((form, columns))
            continue
        record = _named_record(form, lexicon) if named_only else _record_category(form, columns, lexicon)
        if record is not None:
            found[form] = (*record, "")
        elif not _mentions_people(name, lexicon) and (beside := _recorded_beside(form, columns, lexicon, verdicts)):
            found[form] = (*beside, _TEXT)
        elif not _mentions_people(name, lexicon) and (seen := _seen_by_a_clinician(form, columns, lexicon)):
            found[form] = ("health", seen, _NOTES)
    by_name = {form.ident.rsplit(".", 1)[-1].lower(): form for form in found}
    for form, columns in later:
        parent = next((by_name[n] for n in _referred_tables(columns) if n in by_name), None)
        record = _record_category(form, columns, lexicon) if parent is not None else None
        if record is not None:
            found[form] = (record[0], f"{record[1]}, part of {parent.ident}", "")  # type: ignore[union-attr]
    return found


# How much of a record table holds its category: all that describes the record; its free text
# (a visit named only by its `blood_pressure` column); its notes (a patient's appointment).
_TEXT, _NOTES = "text", "notes"


def _seen_by_a_clinician(form: Form, columns: list[Control], lexicon: Lexicon) -> str:
    """A record of a patient's that a clinician keeps (`appointments(patient_id, doctor_id,
    reason, notes)`, a prescription of a patient by a doctor) is a health record: what its notes
    say. It takes both: a patient's invoice is not one, nor a doctor's timetable."""
    referred = {_referred_person(c.name, lexicon) for c in columns}
    patient = next((w for w in referred if w in lexicon.patients), None)
    clinician = next((w for w in referred if w in lexicon.clinicians), None)
    if patient is None or clinician is None:
        return ""
    return f"in table {form.ident}: what a {clinician} notes of a {patient}"


def _referred_person(name: str, lexicon: Lexicon) -> str:
    """`doctor_id`, `patientId`, a relation `patient`: the person a column refers to, or ""."""
    words = split_words(name)
    if len(words) >= 2 and words[-1] in ("id", "uuid"):
        words = words[:-1]
    return words[-1] if len(words) == 1 or words[-1] in lexicon.patients or words[-1] in lexicon.clinicians else ""


def _notes(control: Control, lexicon: Lexicon) -> bool:
    """A column of what was said or seen: `reason`, `notes`, `doctor_remarks`, `findings`."""
    words = split_words(control.name)
    return bool(words) and words[-1] in lexicon.record_notes


def _named_record(form: Form, lexicon: Lexicon) -> tuple[str, str] | None:
    """The category of records a table's own name names (`diagnoses`, `Prescription`)."""
    named = matched_categories(form.ident.rsplit(".", 1)[-1], lexicon, strong=True) & lexicon.record_categories
    if len(named) != 1:
        return None
    record = next(iter(named))
    return record, f"in table {form.ident}: {record} records of a person"


def _record_category(form: Form, columns: list[Control], lexicon: Lexicon) -> tuple[str, str] | None:
    """The category of records a table's name or comment says it holds."""
    named = _named_record(form, lexicon)
    if named is not None:
        return named
    name = form.ident.rsplit(".", 1)[-1]
    comment = next((text for how, text in columns[0].context if how == "table"), "") if columns else ""
    for text in (name, comment):
        placed = context_category(text, lexicon, table=True) if text else None
        if placed is not None:
            return placed, f'in table {form.ident} ("{_short(text)}"): {placed} records of a person'
    return None


def _recorded_beside(
    form: Form, columns: list[Control], lexicon: Lexicon, verdicts: dict[int, Verdict]
) -> tuple[str, str] | None:
    """A record of a person's that two of its own columns, and most of those that say anything,
    name as one category of records (a visit's `blood_pressure` and `temperature`): its other
    content is of that category too. The person's own table (`patients`) is left out: their
    name is not their allergies."""
    named: dict[str, list[str]] = {}
    for column in columns:
        category, _, _, _, weak = verdicts.get(id(column), _NO_VERDICT)
        if category is not None and not weak and column.name not in named.get(category, ()):
            named.setdefault(category, []).append(column.name)
    if not named:
        return None
    category, names = max(named.items(), key=lambda item: len(item[1]))
    others = sum(len(them) for them in named.values()) - len(names)
    if category not in lexicon.record_categories or len(names) < 2 or others >= len(names):
        return None  # a profile's `blood_type` and `allergies` beside its name and phone
    return category, f"in table {form.ident}: beside {category} columns {', '.join(names[:3])}"


def _free_text(control: Control, lexicon: Lexicon) -> bool:
    """A column of words (`text`, `varchar`, an API's string), or one whose type is not known:
    not a number, a date or a key."""
    kind = _column_kind(control, lexicon)
    return kind is None or kind.name == "text"


def _column_kind(control: Control, lexicon: Lexicon) -> ColumnKind | None:
    """What a column's declared type holds (`varchar(20)` text, `tinyint(1)` a flag), if known."""
    type_ = control.type.replace(" ", "").lower()
    return lexicon.column_kinds.get(type_) or lexicon.column_kinds.get(type_.split("(", 1)[0])


def _referred_tables(columns: list[Control]) -> Iterator[str]:
    """The tables a table's rows refer to, by foreign key or by a column's name (`visit_id` ->
    visit, visits)."""
    for how, other in columns[0].context if columns else ():
        if how == "refers":
            yield other.rsplit(".", 1)[-1].lower()
    for column in columns:
        words = split_words(column.name)
        if len(words) >= 2 and words[-1] in ("id", "uuid"):
            singular = "_".join(words[:-1])
            yield singular
            yield (
                singular[:-1] + "ies"
                if singular.endswith("y")
                else singular + ("es" if singular.endswith("s") else "s")
            )


def _describes(control: Control, lexicon: Lexicon, category: str = "") -> bool:
    """A column that can hold a record's content: not a key or a reference, not a flag, not
    a date but in health records, where when a visit, an admission or a diagnosis happened is
    part of the record (`visit_date`, `admit_time`), and not when the row was written."""
    words = split_words(control.name)
    if not words or words[-1] in ("id", "uuid", "uid", "by", "key", "ref") or _own_key(control, lexicon):
        return False
    kind = _column_kind(control, lexicon)
    dated = (kind is not None and kind.name in ("date", "time")) or words[-1] in ("at", "on", "date", "time")
    if dated and (category not in lexicon.dated_records or set(words) & _AUDIT_WORDS):
        return False
    # in a health record, `has_diabetes` says whether the person has it: the record's content
    condition = category == "health" and words[0] == "has" and len(words) > 1
    if kind is not None and (kind.name == "key" or (kind.name == "flag" and not condition)):
        return False  # keys and flags (`active`, `dispensed`) are the record's handling
    if words[-1] in lexicon.flag_suffixes or (words[0] in ("is", "has") and not condition):
        return False
    if words[-1] in lexicon.people:
        return False  # `user`, `doctor`: who handled the record
    if words == ["status"]:
        return False  # where the record stands (`finished`), not what it says
    joined = {"".join(words[i : i + n]) for n in (1, 2) for i in range(len(words))}
    return (
        not _not_personal(control, lexicon)
        and not set(words) & (lexicon.metadata - lexicon.value_qualifiers)
        and not joined & lexicon.record_handling
    )


def _about_a_thing(control: Control, lexicon: Lexicon) -> bool:
    """Does the form say it is about a store, a product, a warehouse (its id, name or action)?
    A table says so with its last word: `stock_locations` holds locations, while
    `organization_invitations` holds invitations (to people)."""
    if control.form is None:
        return False
    if control.form.store:
        return _table_about_a_thing(control.form.ident, lexicon)
    about = _code_folders_left_out(f"{control.form.ident} {control.form.action or ''}", lexicon)
    return _names_a_thing(about, lexicon) and not _mentions_people(about, lexicon)  # billing-contacts


def _code_folders_left_out(text: str, lexicon: Lexicon) -> str:
    """`config/add-pendaftaran.php` -> `add-pendaftaran.php`: the folders a site keeps its code
    in say nothing of what a form posts to a script (`products/save.php` keeps its `products`)."""
    if "/" not in text or not _SCRIPT.search(text):
        return text  # a route (`/config/save`) names its resource in its folders
    return _FOLDER.sub(lambda m: "/" if m.group(1).lower() in lexicon.code_folders else m.group(0), text)


_FOLDER = re.compile(r"([\w-]+)/")
_SCRIPT = re.compile(r"\.(?:php\d?|aspx?|jspx?|cfml?|cgi|pl|py|do|action)\b", re.I)


@lru_cache(maxsize=4096)
def _table_about_a_thing(table: str, lexicon: Lexicon) -> bool:
    """`stock_locations`, `sys_dept`: the last word names a thing; `userCollection` is about users."""
    words = split_words(table.rsplit(".", 1)[-1])
    while len(words) > 1 and words[-1].isdigit():
        words = words[:-1]  # a generated schema's hash: `theater-rooms-1243494910`
    if not words or _mentions_people(table.rsplit(".", 1)[-1], lexicon):
        return False
    return words[-1] in lexicon.thing_tables or words[-1].removesuffix("s") in lexicon.thing_tables


def _part_of_a_record(control: Control, lexicon: Lexicon) -> bool:
    """A schema that others include (`Location`, a person's `birthLocation`) holds their details
    unless every one that includes it is a thing too (a store's location), or it is a thing of
    its own (a student's `School` keeps the school's name and phone)."""
    if control.form is not None and _head_word(control.form.ident, lexicon) in lexicon.things_of_their_own:
        return False
    return any(how == "within" and not _table_about_a_thing(other, lexicon) for how, other in control.context)


def _says_animal(text: str, lexicon: Lexicon) -> bool:
    """Does a text name an animal (`petAge`, "Pet's name", 宠物名称)?"""
    if any(w in lexicon.animals for w in split_words(text)):
        return True
    return has_non_latin(text) and any(a in fold(text) for a in lexicon.animals if has_non_latin(a))


def _staff_column(control: Control, lexicon: Lexicon) -> tuple[str, str] | None:
    """The category of what a record or a form of the organisation's staff (`employees`,
    `EmployeeSchema`, `master_personil`, form#add-employee, a form under "Employee Personal
    Information" or 社員情報登録) holds of their job: `join_date`, `grade`, `branch`, `bonus`; and
    where it says so."""
    own = lexicon.staff_columns.get("".join(split_words(control.name)))  # the name first: most are none
    if own is None and control.source == "html":
        said = (text for how, text in control.labels if how in ("label", "placeholder", "nearby"))
        own = next((c for t in said if (c := lexicon.staff_columns.get("".join(split_words(t))))), None)
    if own is None:
        return None
    if control.form is not None and _head_word(control.form.ident, lexicon) in lexicon.staff:
        return own, control.form.ident
    if control.source == "html":
        where = next((t for how, t in control.context if how in ("section", "page") and _of_staff(t, lexicon)), "")
        if where:
            return own, f'section "{_short(where)}"'
    return None


def _of_staff(text: str, lexicon: Lexicon) -> bool:
    """A heading or a page's title about the organisation's staff: "Employee Personal Information",
    "Add Staff", 社員情報登録."""
    if any(word in lexicon.staff for word in split_words(text)):
        return True
    folded = fold(text)
    return has_non_latin(folded) and any(word in folded for word in lexicon.staff if has_non_latin(word))


def _of_an_animal(control: Control, lexicon: Lexicon) -> bool:
    """A record or form of an animal (`Pet`, `PetDetail`, `model.Pet`; not a `PetOwner`)."""
    return control.form is not None and _says_animal(_head_word(control.form.ident, lexicon), lexicon)


def _field_words(control: Control) -> str:
    """What a field says of itself: its name, what it is bound to and its labels."""
    return " ".join((control.name, *control.bindings, *(t for how, t in control.labels if how in _OWN_LABELS)))


_OWN_LABELS = frozenset({"label", "placeholder", "helper", "title", "aria-label", "comment"})


def _of_someone(control: Control, lexicon: Lexicon) -> bool:
    """A field that names whose it is (`owner_name`, "Your name", `customer.phone`)."""
    return _held_for_a_person(control, lexicon) or _mentions_people(_field_words(control), lexicon)


def _group_of_people(control: Control, lexicon: Lexicon) -> str:
    """The nearest nested object named for people a field sits in (`paciente`, `customer`), or ""."""
    return next(
        (text for how, text in reversed(control.context) if how == "group" and _mentions_people(text, lexicon)), ""
    )


def _held_for_a_person(control: Control, lexicon: Lexicon) -> bool:
    """A property of a nested object named for people (`customer`, `guest`, `contact`), or one an
    API describes as someone's ("친구 이메일", "Customer's phone"): theirs."""
    if _group_of_people(control, lexicon):
        return True
    return control.source == "api" and any(
        how == "title" and _mentions_people(text.split(maxsplit=1)[0], lexicon)
        for how, text in control.labels
        if text.strip()
    )


def _part_of_a_value(control: Control, lexicon: Lexicon) -> str | None:
    """The category of a value an object holds in parts: `password: {old, new, confirm}` (what a
    change of password sends), `dateOfBirth: {day, month, year}`."""
    group = _group(control)
    if not group or control.type not in ("text", "password", "number"):
        return None
    said = matched_categories(group, lexicon, strong=True)
    if "password" in said and control.type != "number":
        return "password"
    if "date_of_birth" in said and (
        _named_as_a_part_of_a_date(control.name) or split_words(control.name)[-1:] in (["year"], ["yyyy"])
    ):
        return "date_of_birth"
    return None


def _in_a_things_part(control: Control, lexicon: Lexicon) -> bool:
    """A property of a nested object named for a thing (`facility: {name}`, `category: {name}`):
    the thing's, whoever the record is about."""
    group = _group(control)
    if not group or "".join(split_words(group)) in _WRAPPERS:
        return False
    return _names_a_thing(group, lexicon) and not _mentions_people(group, lexicon)


# Keys that wrap a record's fields in an API's shape (JSON:API's `attributes`, GeoJSON's
# `properties`, a list's `items`), whatever the record is about.
_WRAPPERS = frozenset({"attributes", "attribute", "properties", "property", "items", "item"})


def _group(control: Control) -> str:
    """The nested object a property sits in (`name` of `name.given`), or ""."""
    return next((text for how, text in reversed(control.context) if how == "group"), "")


def _part_of_a_name(control: Control, lexicon: Lexicon) -> bool:
    """`name: {family, given}` (FHIR's HumanName): the parts of a name object are the name; so
    is a person's part of a name (`physician_first`, `guardianLast`)."""
    words = split_words(control.name)
    if len(words) == 2 and _a_person(words[0], lexicon) and words[1] in _NAME_PARTS_OF_SOMEONE:
        return True
    if "".join(words) not in lexicon.name_parts:
        return False
    group = split_words(_group(control))
    if not group and control.source != "html" and control.form is not None:
        group = [_head_word(control.form.ident, lexicon)]  # a schema or model of its own: `Name {first, last}`
    return bool(group) and group[-1] == "name" and "".join(words) in lexicon.name_parts


def _name_parts_by_form(controls: list[Control], lexicon: Lexicon) -> dict[object, set[str]]:
    """The parts of a name each form asks: by a part alone (`First`, `Middle`, `Last`), or by a
    part and the word name (`firstName`, `last_name`)."""
    found: dict[object, set[str]] = {}
    for control in controls:
        words = split_words(control.name)
        part_and_name = len(words) == 2 and words[1] == "name" and words[0] in _NAME_ORDER
        if len(words) == 1 and words[0].endswith("name") and words[0][:-4] in _NAME_ORDER:
            words, part_and_name = [words[0][:-4], "name"], True  # `firstname`, `lastname`
        part_alone = len(words) == 1 and words[0] in lexicon.name_parts
        if part_and_name or (part_alone and (control.type in ("", "text") or _declared(control))):
            found.setdefault(_form_key(control), set()).add(words[0])
    return found


def _beside_the_other_parts(control: Control, named_parts: dict[object, set[str]]) -> bool:
    """`First`, `Middle`, `Last`, `Suffix` side by side ask for the parts of a name: one of them
    alone may be anything (the first page, the last visit), two of the first, middle and last are a name.
    Declared in code, only `given` beside `family` (a FHIR `HumanName`'s parts), and a `suffix`,
    `prefix` or `middle` beside `firstName` and `lastName`: an API's `first` and `last` are a page
    of results."""
    parts = named_parts.get(_form_key(control), set())
    words = split_words(control.name)
    if len(words) != 1 or words[0] not in parts:
        return False
    if _declared(control):
        return (words[0] in _GIVEN_AND_FAMILY and parts >= _GIVEN_AND_FAMILY) or (
            words[0] in _BESIDE_A_NAME and parts >= {"first", "last"}
        )
    return control.source == "html" and control.type in ("", "text") and len(parts & _NAME_ORDER) >= 2


def _a_bare_contact(control: Control) -> bool:
    """A text named `contact` alone, declared beside someone's other details (`Customer.contact:
    String`): how to reach them, their number. A form's `contact[...]` is Shopify's wrapper, a
    `contactMethod` a choice; neither is this."""
    return (
        split_words(control.name) == ["contact"]
        and control.type in ("", "text", "tel", "varchar", "char", "string")
        and not any(how == "class" for how, _ in control.labels)  # `contact: Contact`, a record of its own
    )


def _declared(control: Control) -> bool:
    """A column, property or field declared in code or a schema, not rendered in a page."""
    return control.is_column or control.source in ("api", "form-class")


_NAME_ORDER = frozenset({"first", "middle", "last", "given", "family"})
_GIVEN_AND_FAMILY = frozenset({"given", "family"})
_BESIDE_A_NAME = frozenset({"suffix", "prefix", "middle"})  # `suffix` beside `firstName` and `lastName`
_NAME_PARTS_OF_SOMEONE = frozenset({"first", "last", "middle", "given", "family", "maiden"})


def _refers_to_a_person(control: Control, lexicon: Lexicon) -> bool:
    """`studentId` in a lesson, `memberId` in a payment: a key of someone's record, as a foreign
    key is (CODE_CONVENTIONS), not the student number a student's own record keeps."""
    words = split_words(control.name)
    if len(words) != 2 or words[1] not in ("id", "ids", "uuid") or words[0] not in lexicon.people:
        return False
    if any(t.category in _SOMEONES_OWN for t in lexicon.joined.get("".join(words), ())):
        return False  # `citizenId`, `residentId`: the number on an identity card, no record's key
    return _head_word(control.container, lexicon) not in (words[0], words[0] + "s")


def _about_signing_in(control: Control, lexicon: Lexicon) -> bool:
    """An API's type or operation about signing in (`AuthPayload`, `resetPassword(token)`,
    `SignInRequest`)."""
    words = split_words(control.container)
    return bool({*words, *(a + b for a, b in itertools.pairwise(words))} & lexicon.sign_in)


def _about_people(control: Control, lexicon: Lexicon) -> bool:
    """A table or a form class named after people (`patients`, `app_users`, `MemberForm`), or a
    form whose id or name says whose details it takes (form#patient-form): its bare `name` is a
    person's."""
    form = control.form
    if form is None:
        return False
    if control.source == "html":
        # (not by its action: `/members/store` may post a member's or a store's details)
        return not form.ident.startswith("form[action") and _mentions_people(form.ident, lexicon)
    if control.source == "api" and not form.store:  # an operation: `users(name)`, `getEmployeeByName(name)`
        heads = (
            _head_word(_BY_WHAT.sub("", form.ident), lexicon),
            _head_word(_route_resource(form.ident, lexicon), lexicon),
        )
        return any(head in lexicon.people for head in heads)
    return (bool(form.store) or control.source == "form-class") and _head_word(form.ident, lexicon) in lexicon.people


_BY_WHAT = re.compile(r"(?<=[a-z])By[A-Z]\w*$|_by_\w+$")  # `getEmployeeByName`: what it finds them by
_ROUTE = re.compile(r"[A-Z]+ (/\S*)$")  # an operation without an id: `GET /users/{id}/search`


def _route_resource(ident: str, lexicon: Lexicon) -> str:
    """`GET /api/v1/users/{id}/search` -> `users`: the last part of a route that is neither a
    parameter nor what the route does."""
    route = _ROUTE.match(ident)
    for part in reversed(route.group(1).split("/") if route else ()):
        if part and part[0] not in "{:<" and not part.isdigit() and part.lower() not in lexicon.route_actions:
            return part
    return ""


def _headed_by_people(control: Control, lexicon: Lexicon) -> str:
    """The heading of the section a field sits in when it says whose details the section takes
    ("Add New Employee", "Patient registration", 学生信息); "" when none does."""
    return next((text for how, text in control.context if how == "section" and _of_people(text, lexicon)), "")


def _notes_of_a_persons(control: Control, lexicon: Lexicon) -> bool:
    """A note in a schema that only a person's refers to, named for no thing (`otherInfo.note` of
    `people`): a part of that person's record. What else it holds may describe the part itself
    (a skill's `description`, a log's `title`)."""
    within = [text for how, text in control.context if how == "within"]
    if not within or control.form is None or not all(_named_for_people(text, lexicon) for text in within):
        return False
    head = _head_word(control.form.ident, lexicon)
    if head in lexicon.thing_tables or head in lexicon.address_heads or head in lexicon.metadata:
        return False
    words = split_words(control.name)
    return bool(words) and words[-1] in lexicon.record_notes and words[-1] not in _SAID_OF_ITSELF


_SAID_OF_ITSELF = frozenset({"description", "summary", "title", "name", "label"})  # a part's own


def _value_of_a_record(control: Control, lexicon: Lexicon) -> str | None:
    """A schema or model that is one value (`PhoneNumber`, `IdentityDocument`, `Passport`): its
    `value`, `number` or `extension` holds that value or a part of it (`[value_parts]`)."""
    if control.source not in ("api", "orm", "sql") or control.form is None:
        return None
    named = matched_categories(control.form.ident, lexicon, strong=True)
    if len(named) != 1:
        return None
    category = next(iter(named))
    return category if "".join(split_words(control.name)) in lexicon.value_parts.get(category, ()) else None


def _part_of_an_address(control: Control, lexicon: Lexicon) -> str:
    """A schema or model that is an address (`Address`, `CommonPAFAddress`, `PhysicalAddress`):
    what its fields describe is a part of it (`plot`, `streetType`, `floorLevelNumber`)."""
    if control.source not in ("api", "orm", "sql") or control.form is None or control.type == "checkbox":
        return ""  # (a yes or no, `default_shipping`, is no part of an address)
    ident = control.form.ident
    if _head_word(ident, lexicon) not in lexicon.address_heads or not _describes(control, lexicon):
        return ""
    named = matched_categories(ident, lexicon, strong=True)
    if "address" not in named or named & lexicon.other_addresses:
        return ""  # an `EmailAddress`, an `IpAddress`, a `WalletAddress`
    if not _mentions_people(ident, lexicon) and any(w in lexicon.thing_tables for w in split_words(ident)):
        return ""  # a `StoreAddress`
    words = set(split_words(control.name))
    if (
        _not_personal(control, lexicon)
        or words <= lexicon.metadata | lexicon.address_heads
        or words & lexicon.address_names
    ):
        return ""  # `addressType` (a `streetType` is a part), an address's own `title` ("Home")
    return f"in {ident}: a part of an address"


@lru_cache(maxsize=4096)
def _head_word(table: str, lexicon: Lexicon) -> str:
    """What a table or a class is of: its last word, past the words that name its role in the
    code or its version (`StudentCreate`, `PatientSerializer`, `UserResponse`, `PatientInputV2`
    are about students, patients, users)."""
    words = split_words(table.rsplit(".", 1)[-1])
    while len(words) > 1 and words[-1].isdigit():
        words = words[:-1]  # `PatientV2`; a generated schema's hash (`theater-rooms-1243494910`)
    if len(words) > 1 and words[-1] == "v":
        words = words[:-1]
    passed = ""
    while len(words) > 1 and words[-1] in lexicon.class_suffixes:
        passed, words = words[-1], words[:-1]
    if passed and words[-1] in lexicon.class_suffixes:
        return passed  # `CreateProfileInput`: of a profile (`StudentProfile`: of a student)
    return words[-1] if words else ""


@lru_cache(maxsize=4096)
def _names_a_thing(text: str, lexicon: Lexicon) -> bool:
    words = split_words(text)
    joined = {"".join(words[i : i + n]) for n in (1, 2) for i in range(len(words))}
    if any(w in _ITEM for w in words[1:]):
        # `employmentItemSchema`: one entry of a list of what the word before names (a cart's
        # or an order's item is named so among the things: `cartitem`)
        joined -= {w for i, w in enumerate(words) if i and w in _ITEM}
    return bool(joined & lexicon.entities)


_ITEM = frozenset({"item", "items"})


def _lookup_tables(
    tables: dict[Form, list[Control]], controls: list[Control], verdicts: list[Verdict], lexicon: Lexicon
) -> set[object]:
    """Tables that list the values of an attribute (`genders`, `city(city_id, city)`) rather
    than record people: named for the category of their one personal column, and with no
    column that refers to a person (`user_id`)."""
    category_of = {id(c): v[0] for c, v in zip(controls, verdicts, strict=True) if not v[4]}  # strong phrases
    lookups: set[object] = set()
    for form, members in tables.items():
        categories = [category_of[id(c)] for c in members if category_of.get(id(c)) is not None]
        if len(categories) != 1:
            continue
        name = form.ident.rsplit(".", 1)[-1]
        if _SENT.intersection(split_words(name)[1:]):
            continue  # `AddressCreateRequest`: what someone sends, not a list to pick from
        if _part_of_a_record(members[0], lexicon):
            continue  # a person's `Kjoenn { kjoenn }`: the value their record holds, not a list
        named = matched_categories(name, lexicon)
        if (
            categories[0] in lexicon.lookup_categories
            and categories[0] in named
            and not any(_refers_to_person(c.name, lexicon) for c in members)
        ):
            lookups.add(form)
    return lookups


_SENT = frozenset({"create", "update", "request", "input", "payload"})


def _refers_to_person(name: str, lexicon: Lexicon, *, named: bool = False) -> bool:
    """`patient_id`; with `named`, also `patient_name`: a record that names the person it is about."""
    words = split_words(name)
    ends = ("id", "uuid", "name") if named else ("id", "uuid")
    return len(words) >= 2 and words[-1] in ends and words[-2] in lexicon.people


def _form_key(control: Control) -> object:
    if control.form is None:
        return control.path
    return control.form if control.form.store else (control.path, control.form)  # a table spans migrations


def _cached_verdict(control: Control, lexicon: Lexicon) -> Verdict:
    sql = control.is_column
    guarding_table = sql and _shares_a_word(control.name, control.container) and control.container
    key = (
        id(lexicon), control.source, control.tag, sql and _own_key(control, lexicon), _wordy(control.name),
        _wordy(control.ident), control.type, control.autocomplete, control.labels, control.bindings, control.options,
        control.pattern, control.inputmode, guarding_table,
    )  # fmt: skip
    verdict = _VERDICTS.get(key)
    if verdict is None:
        if len(_VERDICTS) >= _CACHE_LIMIT:
            _VERDICTS.clear()
        verdict = _VERDICTS[key] = _verdict(control, lexicon)
    return verdict


_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_SEPARATORS = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)
def _wordy(identifier: str) -> str:
    """An identifier as far as it can say anything: `f12-3` or `q1` holds no two letters side by
    side, so no phrase (each has two) can match it, and it need not split the cache."""
    return identifier if _TWO_LETTERS.search(_SEPARATORS.sub("", identifier)) else ""


def _verdict(control: Control, lexicon: Lexicon) -> Verdict:
    votes = [v for v in _votes(control, lexicon) if not _options_deny(control, v.category, lexicon)]
    if not votes:
        return None, None, 0.0, (), False
    remaining: dict[str, float] = {}
    strongest: dict[str, float] = {}
    for vote in votes:
        remaining[vote.category] = remaining.get(vote.category, 1.0) * (1.0 - vote.weight)
        strongest[vote.category] = max(strongest.get(vote.category, 0.0), vote.weight)
    # A category some evidence names outright wins over one known only by weak phrases (a label
    # 民族 over the name `nation`); then the highest combined confidence, then the strongest vote.
    # A tie goes to the category voted first (a list, not a set: the same answer on every run).
    strong = [
        c
        for c in remaining
        if any(v.category == c and not v.weak and not v.evidence.startswith(_SHAPE_ONLY) for v in votes)
        and 1.0 - remaining[c] >= REPORT_CONFIDENCE
    ]
    category = max(strong or remaining, key=lambda c: (1.0 - remaining[c], strongest[c]))
    confidence = round(min(0.99, 1.0 - remaining[category]), 2)
    chosen = [v for v in votes if v.category == category]
    evidence = tuple(dict.fromkeys(v.evidence for v in chosen))
    weak = all(v.weak for v in chosen)
    return category, lexicon.categories[category].sensitivity, confidence, evidence, weak


def _votes(control: Control, lexicon: Lexicon) -> Iterable[Vote]:
    if control.is_column:
        yield from _column_votes(control, lexicon)
        return
    kind = control.type
    if kind in NOT_FIELDS or _not_personal(control, lexicon):
        return
    factor = HIDDEN_FACTOR if kind == "hidden" else 1.0
    # An API's boolean or timestamp holds what such a column holds: `is_email_validated` is
    # about an email at most, `lastUpdateTime` a record's (by their names too, when the type is
    # a bare string or a `$ref` hides it); its description alone says nothing.
    api = control.source == "api"
    held = None
    if api:
        named_as = split_words(control.name)
        flag = named_as[:1] in (["is"], ["has"])
        timed = len(named_as) > 1 and named_as[-1] in _TIME_WORDS and kind in ("", "text")
        dated = len(named_as) > 1 and named_as[0] in _DATE_WORDS and kind in ("", "text")  # `FechaCorreo`
        held = lexicon.column_kinds.get(
            "boolean" if flag else "datetime" if timed else "date" if dated else _API_KINDS.get(kind, "")
        )

    def allowed(category: str, as_kind: str = kind) -> bool:
        if held is not None and (category in held.excludes or (held.only is not None and category not in held.only)):
            return False
        return as_kind not in lexicon.categories[category].skip_types

    def chosen(category: str) -> bool:
        return allowed(category, "radio")

    # An API's integer `addressId`, or one described as an identifier, points at an address's
    # record (`gender_id` still holds a gender); so does a record's own `id`, whatever its
    # description names ("Id of the email to be searched"), unless it is a person's own number.
    words = split_words(control.name)
    integer_key = api and (kind == "number" or _described_as_a_key(control))
    key = api and words[-1:] in (["id"], ["uuid"]) and (len(words) == 1 or integer_key)

    def identified(category: str) -> bool:
        return (category in _KEYS_THAT_ARE_DATA or _coded(category, lexicon)) and allowed(category)

    token = _autocomplete_field(control.autocomplete)
    if token in lexicon.autofill_off and kind != "password":
        token = ""  # autocomplete="new-password" on a text field only stops the browser's autofill
    if token in lexicon.autocomplete and allowed(lexicon.autocomplete[token]):
        yield Vote(lexicon.autocomplete[token], WEIGHTS["autocomplete"] * factor, f"autocomplete={token}")
    if kind in lexicon.types:
        yield Vote(lexicon.types[kind], TYPE_WEIGHTS.get(kind, 0.8), f"type={kind}")
    if control.inputmode in _INPUTMODE and allowed(_INPUTMODE[control.inputmode]):
        yield Vote(_INPUTMODE[control.inputmode], WEIGHTS["inputmode"], f"inputmode={control.inputmode}")

    if api and _refers_to_a_person(control, lexicon):
        return
    named = False  # whether a name or binding says what the field holds
    # "Product name", "Nama bilik": a label that names a thing's name says what a bare `name` holds
    overruled = {
        c
        for how, text in (control.labels if control.source == "html" else ())  # an API's titles are prose
        if how in _READ_LABELS
        for c in _guarded_categories(text, lexicon)
    }
    identifiers = [("name", control.name), ("id", control.ident)]
    identifiers += [("binding", b) for b in control.bindings]
    seen: set[str] = set()
    for how, written in identifiers:
        text = _literal_part(written)
        if not text or text in seen:
            continue
        seen.add(text)
        ids = ID_IS_REFERENCE if kind == "hidden" else ID_IS_REFERENCE_UNLESS_CODED if integer_key else ID_IS_VALUE
        matches = [m for m in _matches(text, lexicon, in_names=True, ids=ids) if not _name_guarded(m, text, lexicon)]
        match = _best(matches, allowed, last=True)
        if match and match.category in overruled and len(split_words(text)) == 1:
            continue
        if match:
            named = True
            weight = WEIGHTS[how] * factor * (HEAD_FACTOR if match.head else 1.0)
            yield Vote(match.category, weight, f"{how}: {written}", match.weak)

    if kind == "hidden" or (held is not None and not named):
        return  # nothing a person reads or chooses: labels and options say nothing about it
    for how, text in control.labels:
        if how == "example":
            continue  # a schema's example value: its shape may say something (`_pattern_votes`), its words not
        if api:  # a description of paragraphs: what it holds, said first, not guarded by how to search it
            text = next((t for t in _sentences(text) if _matches(t, lexicon, in_names=False, ids=ID_IS_VALUE)), text)
        said = _matches(text, lexicon, in_names=False, ids=ID_IS_VALUE)
        match = _best(said, identified if key and not named else allowed, last=False)
        if match and match.category == "name":
            match = _said_of_a_person(match, said, text, lexicon, allowed)
        if match:
            yield Vote(match.category, WEIGHTS.get(how, WEIGHTS["nearby"]), f"{how}: {_short(text)}", match.weak)
    if control.options:
        # a checkbox among others of its name that answer from a category's set is one of its choices
        yield from _option_votes(control, lexicon, chosen if kind == "checkbox" else allowed)
    yield from _pattern_votes(control, lexicon, allowed)


_TIME_WORDS = frozenset({"time", "timestamp", "datetime", "at"})  # `lastUpdateTime`, `createdAt`
_DATE_WORDS = frozenset({"date", "fecha", "datum", "tanggal", "tarikh"})  # `dateJoined`, `FechaCorreo`: when
_READ_LABELS = frozenset({"label", "aria-label", "placeholder", "title", "helper"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n\s*\n")


def _sentences(text: str) -> list[str]:
    """A description's sentences, when it has more than one."""
    return _SENTENCE_END.split(text) if len(text) > 80 else [text]


_CODE_IN_TEXT = re.compile(r"[()_'\"{}$<>]|::")


@lru_cache(maxsize=8192)
def _guarded_categories(text: str, lexicon: Lexicon) -> frozenset[str]:
    """The categories a label's words name that its guards rule out ("Product name")."""
    words = tokens(text).words
    if len(words) > 4 or _CODE_IN_TEXT.search(text):
        return frozenset()  # a short label people read, not a template's code (`trans('app.contact')`)
    said = {m.category for m in _phrase_matches(words, lexicon, False, ID_IS_VALUE)}
    if not said:
        return frozenset()
    return frozenset(said - {m.category for m in _matches(text, lexicon, in_names=False, ids=ID_IS_VALUE)})


def _coded(category: str, lexicon: Lexicon) -> bool:
    """A category whose values a form or table may keep as codes: `gender_id` holds a gender."""
    return category in lexicon.lookup_categories and lexicon.categories[category].sensitivity != "low"


_KEY_WORDS = frozenset({"identifier", "uuid", "guid"})
_KEYS_THAT_ARE_DATA = frozenset({"national_id", "passport"})


def _described_as_a_key(control: Control) -> bool:
    """ "Unique address identifier", "UUID of the phone": a property that points at a record."""
    return any(how != "example" and _KEY_WORDS.intersection(split_words(text)) for how, text in control.labels)


def _options_deny(control: Control, category: str, lexicon: Lexicon) -> bool:
    """Answers that show the field is something else: a "Race" whose choices are 10K and 21K
    is a race to run."""
    guards = lexicon.option_guards[category]
    if not guards or not control.options:
        return False
    offered = {fold(o).strip() for o in control.options} | {" ".join(split_words(o)) for o in control.options}
    return bool(offered & guards)


def _column_votes(control: Control, lexicon: Lexicon) -> Iterable[Vote]:
    """A SQL column: its name, its comment and enum values, read in the light of its type."""
    if _not_personal(control, lexicon):
        return
    kind = _column_kind(control, lexicon)
    words = split_words(control.name)
    if words and words[-1] in lexicon.flag_suffixes:
        kind = lexicon.column_kinds.get("boolean", kind)  # `foreigner_yn CHAR(1)` holds Y or N

    def allowed(category: str) -> bool:
        if kind is None:
            return True
        return category not in kind.excludes and (kind.only is None or category in kind.only)

    if _own_key(control, lexicon):
        return
    found: set[str] = set()
    name = tokens(control.name)
    matches = [
        m
        for m in _matches(control.name, lexicon, in_names=True, ids=ID_IS_VALUE)
        if not _name_guarded(m, control.name, lexicon, column=True)
        and not _column_guarded(m, name, kind is not None and kind.name == "text", lexicon)
    ]
    match = _best(matches, allowed, last=True)
    phrase = "".join(w.text for w in name.words if match and match.start <= w.start and w.end <= match.end)
    if match and not _table_guards(control.container, match.category, phrase, lexicon):
        found.add(match.category)
        weight = WEIGHTS["name"] * (HEAD_FACTOR if match.head else 1.0)
        yield Vote(match.category, weight, f"column: {control.name}", match.weak)
    labels = [(how, text) for how, text in control.labels if not _enumeration(text)]
    listed = tuple(item for _, text in control.labels if _enumeration(text) for item in _enumeration(text))
    if listed:
        control = control._replace(options=control.options + listed)
    for how, text in labels:
        match = _best(_matches(text, lexicon, in_names=False, ids=ID_IS_VALUE), allowed, last=False)
        if match and (found or kind is None or kind.name not in ("flag", "time", "number", "key")):
            found.add(match.category)  # a comment alone does not make a flag or a timestamp personal
            weight = WEIGHTS[how] if how == "values" or _short_comment(text) else DESCRIPTION_WEIGHT
            yield Vote(match.category, weight, f"{how}: {_short(text)}", match.weak and how != "values")
    if control.options:
        for vote in _option_votes(control, lexicon, allowed):
            found.add(vote.category)
            yield vote
    for vote in _pattern_votes(control, lexicon, allowed):  # a model field's RegexValidator
        found.add(vote.category)
        yield vote
    if kind is not None and kind.votes and not found:
        found.add(kind.votes)
        yield Vote(kind.votes, WEIGHTS["name"], f"type: {control.type}")
    type_ = control.type.replace(" ", "")
    for category in found:
        supporting = lexicon.categories[category].column_types
        if type_ in supporting or type_.split("(", 1)[0] in supporting:
            yield Vote(category, COLUMN_TYPE_WEIGHT, f"type: {control.type}")


@lru_cache(maxsize=65536)
def _shares_a_word(column: str, table: str) -> bool:
    """`race_results.race_id`: the table's name can guard the column (see `_table_guards`)."""
    return bool(set(split_words(column)) & set(split_words(table.rsplit(".", 1)[-1])))


@lru_cache(maxsize=4096)
def _table_guards(table: str, category: str, phrase: str, lexicon: Lexicon) -> bool:
    """A table named for the same word and one of its guards is about that thing, and so is its
    column: `race_results.race_id` is a race to run."""
    words = split_words(table.rsplit(".", 1)[-1])
    joined = {"".join(words[i : i + n]) for n in (1, 2) for i in range(len(words))}
    joined |= {_singular(w) for w in joined if _plural(w)}
    return phrase in joined and bool(joined & lexicon.unless[category])


def _own_key(control: Control, lexicon: Lexicon) -> bool:
    """The table's own key: `id`, `gender_id` in `genders`."""
    return _is_own_key(control.name, control.container)


@lru_cache(maxsize=65536)
def _is_own_key(name: str, container: str) -> bool:
    column = split_words(name)
    if column in (["id"], ["uuid"]):
        return True
    return column[-1:] in (["id"], ["uuid"]) and _names_its_table(column[:-1], container)


def _names_its_table(stem: list[str], table_name: str) -> bool:
    table = split_words(table_name.rsplit(".", 1)[-1])
    return bool(table) and stem in (
        table,
        [*table[:-1], table[-1].removesuffix("s")],
        table[-1:],
        [table[-1].removesuffix("s")],
    )


def _own_label(control: Control, columns: list[Control], lexicon: Lexicon) -> bool:
    """A thing's own code or name: `post_code` in `sys_post`, `dept_name` in `sys_dept`. Not in
    a table of people (`users.user_name`), nor in one whose rows belong to a person
    (`bank_accounts.account_no` beside `customer_id`), nor when the stem is personal itself
    (`phones.phone_no`)."""
    column = split_words(control.name)
    if len(column) < 2 or column[-1] not in OWN_LABEL_WORDS or not _names_its_table(column[:-1], control.container):
        return False
    if _mentions_people(control.container.rsplit(".", 1)[-1], lexicon):
        return False
    if any(_refers_to_person(c.name, lexicon) for c in columns):
        return False
    return not matched_categories("_".join(column[:-1]), lexicon)


def _column_guarded(match: Match, text: Text, is_text: bool, lexicon: Lexicon) -> bool:
    """What a column's name says around a phrase. A name ending in `_id` (or starting with
    `id_`) refers to a record elsewhere (`identity_id`, `id_address_delivery`,
    `identity_recovery_address_id`), unless its category's values are coded in lookup tables
    (`gender_id`) or a text column names the value itself (`email_id VARCHAR`). A name ending
    in a word about the data is about the data (`email_new_token`). Some abbreviations mean
    other things in schemas (`nid` is a node or network id)."""
    words = [w.text for w in text.words]
    if (
        "".join(w.text for w in text.words if match.start <= w.start and w.end <= match.end)
        in lexicon.not_columns[match.category]
    ):
        return True
    if not is_text and len(words) >= 2 and words[-1] in ("id", "uuid") and words[-2] in lexicon.people:
        return True  # `student_id INT`: a key to a person's row (a `student_id VARCHAR` is their number)
    category = lexicon.categories[match.category]
    coded = match.category in lexicon.lookup_categories and category.sensitivity != "low"
    last = text.words[-1]
    if (words[-1] in REFERENCE_WORDS and last.start >= match.end) or (
        words[0] == "id" and text.words[0].end <= match.start
    ):
        value = (
            is_text
            and category.sensitivity == "low"
            and words[-1] == "id"
            and _just_before_last(match, text)
            and match.start == text.words[0].start  # `email_id`, not `recovery_address_id`
        )
        return not (coded or value)
    if last.start >= match.end and words[-1] in lexicon.metadata:
        return not (words[-1] in lexicon.value_qualifiers and match.category in lexicon.attribute_categories)
    return False


def _just_before_last(match: Match, text: Text) -> bool:
    after = [w for w in text.words if w.start >= match.end]
    return len(after) == 1


def _enumeration(text: str) -> tuple[str, ...]:
    """A comment that lists a column's values ('call, meeting, email, task'; 'M=male, F=female';
    '1: single / 2: married'): the values, read like a select's options. () otherwise."""
    parts = [p.strip() for p in re.split(r"[,/|;]", text)]
    if len(parts) < 2 or not all(0 < len(p.split()) <= 3 for p in parts):
        return ()
    if len(parts) == 2 and not all(re.search(r"[=:]|\s-\s", p) for p in parts):
        return ()  # 'NRIC/FIN', 'Address, City' name one thing; 'M=male, F=female' lists values
    values = []
    for part in parts:
        value = re.split(r"\s*[=:]\s*|\s+-\s+", part, maxsplit=1)
        values.append(value[-1].strip())
    return tuple(v for v in values if v)


def _short_comment(text: str) -> bool:
    """A comment of a few words names what a column holds ('Date of birth', '주민등록번호'); a
    sentence describes it ('The login service used, e.g. github'), and its words may be about
    something else."""
    words = text.split()
    return len(words) <= SHORT_COMMENT_WORDS and (len(text) <= 40 or not has_non_latin(text))


def _not_personal(control: Control, lexicon: Lexicon) -> bool:
    """csrf_token and g-recaptcha-response only look personal by their neighbours;
    accepts_marketing and agree_email are consent flags about the data, not the data."""
    # (through `_wordy`: the ids of a page's fields are often unique, and say nothing). A search
    # form's model says so where its fields do not: `v-model="queryParams.name"`.
    return (
        _says_not_personal(_wordy(control.name), lexicon)
        or _says_not_personal(_wordy(control.ident), lexicon)
        or (bool(control.bindings) and _says_not_personal(_wordy(control.bindings[0]), lexicon))
    )


@lru_cache(maxsize=8192)
def _says_not_personal(text: str, lexicon: Lexicon) -> bool:
    words = split_words(text)
    joined = {"".join(words[i : i + n]) for n in (1, 2) for i in range(len(words))}
    return bool(joined & lexicon.not_personal or joined & lexicon.consent)


def _name_guarded(match: Match, raw: str, lexicon: Lexicon, *, column: bool = False) -> bool:
    """`to_email`, `admin_email`: guards that count in identifiers only. In a schema a guard
    that names a person does not count: `recipient_email` stores the recipient's address."""
    guards = lexicon.name_unless[match.category]
    if not guards:
        return False
    if column:
        guards = guards - lexicon.people
    text = tokens(raw)
    outside = {w.text for w in text.words if w.end <= match.start or w.start >= match.end}
    return bool(outside & guards)


def _autocomplete_field(value: str) -> str:
    """`section-a shipping tel` -> `tel`."""
    for token in reversed(value.lower().split()):
        if token.startswith("section-") or token in _AUTOCOMPLETE_MODIFIERS:
            continue
        return token
    return ""


def _matches(raw: str, lexicon: Lexicon, *, in_names: bool, ids: int) -> tuple[Match, ...]:
    """Every phrase of every category found in one text, less those its guards rule out."""
    return _cached_matches(raw, lexicon, in_names, ids)


@lru_cache(maxsize=65536)
def _cached_matches(raw: str, lexicon: Lexicon, in_names: bool, ids: int) -> tuple[Match, ...]:
    text = tokens(raw)
    found = _phrase_matches(_without_possessives(text, lexicon), lexicon, in_names, ids)
    if not found and any(w.text.isdigit() for w in text.words):
        counted = _without_counts(text.words)
        if len(counted) < len(text.words):
            found = _phrase_matches(counted, lexicon, in_names, ids)
    if has_non_latin(text.folded):
        found.extend(_substring_matches(text.folded, lexicon, in_names))
        if not found and _ASIDE.search(text.folded):  # 주민(외국인)등록번호: an aside written into a word
            squeezed, kept = _without_asides(text.folded)
            found.extend(
                m._replace(start=kept[m.start], end=kept[m.end - 1] + 1)
                for m in _substring_matches(squeezed, lexicon, in_names)
            )
    if in_names and not found:
        found.extend(_head_matches(text, lexicon))
    return tuple(
        m for m in found if not _guarded(m, _segment(text, m) if in_names else text, lexicon, run_together=in_names)
    )


def _without_possessives(text: Text, lexicon: Lexicon) -> tuple[Word, ...]:
    """ "Emergency Contact's Number" read as "emergency contact number": the `s` of a possessive
    is no word of a phrase. But "The user's name" is the user's name, not a user name: a
    person's name keeps its possessive apart."""
    words = text.words
    if not any(w.text == "s" for w in words):
        return words
    kept = []
    for i, w in enumerate(words):
        possessive = w.text == "s" and w.start > 0 and text.folded[w.start - 1] in "'’"
        if possessive and not (
            0 < i < len(words) - 1 and words[i + 1].text == "name" and words[i - 1].text in lexicon.people
        ):
            continue
        kept.append(w)
    return tuple(kept)


_ASIDE = re.compile(r"(?<=\S)[(（][^()（）]{1,12}[)）](?=\S)")


def _without_asides(folded: str) -> tuple[str, list[int]]:
    """The text without its asides, and where each of its characters was."""
    kept: list[int] = []
    at = 0
    for aside in _ASIDE.finditer(folded):
        kept.extend(range(at, aside.start()))
        at = aside.end()
    kept.extend(range(at, len(folded)))
    return "".join(folded[i] for i in kept), kept


def _substring_matches(folded: str, lexicon: Lexicon, in_names: bool) -> Iterator[Match]:
    """The phrases of languages written without spaces, found anywhere in a text."""
    for phrase, term in lexicon.substrings:
        at = folded.find(phrase)
        if at < 0 or not (term.in_names if in_names else term.in_labels):
            continue
        after = folded[at + len(phrase) :].lstrip()
        if after.startswith(lexicon.metadata_substrings) and term.category not in lexicon.attribute_categories:
            continue  # 账号状态: the account's status, not the account (but 장애 여부 is a disability)
        weak = phrase in lexicon.weak_substrings[term.category]
        yield Match(term.category, at, at + len(phrase), 1, False, weak)


def _without_counts(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """`emergency1Number1`, "Contact 1 Number 1": a number between words counts the fields, it is
    no part of what they ask. (Between letters, `i11l`, it is part of an abbreviation.)"""
    return tuple(
        w
        for i, w in enumerate(words)
        if not (
            w.text.isdigit()
            and (i == 0 or len(words[i - 1].text) >= 3)
            and (i == len(words) - 1 or len(words[i + 1].text) >= 3)
        )
    )


def _phrase_matches(listed: tuple[Word, ...], lexicon: Lexicon, in_names: bool, ids: int) -> list[Match]:
    """The phrases of the lexicon in a run of words, joined as written or run together
    (`date_of_birth`, `dateofbirth`), a plural read as its singular."""
    words = [w.text for w in listed]
    found: list[Match] = []
    for i in range(len(words)):
        joined = ""
        for j in range(i, min(len(words), i + lexicon.longest)):
            joined += words[j]
            terms = lexicon.joined.get(joined) or (
                (lexicon.joined.get(_singular(joined)) or lexicon.joined.get(joined[:-1], ()))
                if _plural(joined)
                else ()
            )
            for term in terms:
                if (
                    (term.in_names if in_names else term.in_labels)
                    and not _metadata_after(words, j, lexicon, ids, term.category)
                    and not _metadata_before(words, i, lexicon, ids, term.category)
                    and not (
                        in_names
                        and i == 1
                        and words[0] in _KIND_WORDS
                        and term.category not in lexicon.attribute_categories
                    )
                ):
                    weak = (
                        joined in lexicon.weak[term.category]
                        or (_plural(joined) and _singular(joined) in lexicon.weak[term.category])
                    ) and not (
                        in_names and i > 0 and words[i - 1] in lexicon.people  # `author_name`, `holder_name`
                    )
                    found.append(Match(term.category, listed[i].start, listed[j].end, j - i + 1, False, weak))
    return found


def _segment(text: Text, match: Match) -> Text:
    """The guards that count for a match in a name: its own segment and those nested in it.
    In `customer[ic_no]`, `customer` is a namespace and guards nothing; in `address[company]`,
    `company` is the field itself."""
    start = max(text.folded.rfind(c, 0, match.start) for c in "[].") + 1
    return Text(text.folded, tuple(w for w in text.words if w.start >= start))


def _plural(joined: str) -> bool:
    """`previous_names`, `emails`: a plural reads as its singular (but `address` is not a plural)."""
    return len(joined) > 3 and joined.endswith("s") and not joined.endswith(("ss", "us", "is"))


def _singular(joined: str) -> str:
    """`diagnoses` -> `diagnosis`, `illnesses` -> `illness`, `emails` -> `email`."""
    if joined.endswith("sses"):
        return joined[:-2]
    return joined[:-2] + "is" if joined.endswith("ses") and len(joined) > 5 else joined[:-1]


def _guarded(match: Match, text: Text, lexicon: Lexicon, *, run_together: bool = False) -> bool:
    """A guard word beside the phrase (not inside it) shows the field is something else. In
    scripts without spaces a guard may also be a longer word the phrase sits in: 연계정보
    (linked information) holds 계정 (account). In a name, a word run together from others may
    end in a guard (`currentmedications_name`: the name of a medication)."""
    outside = [w.text for w in text.words if w.end <= match.start or w.start >= match.end]
    joined = {"".join(outside[i : i + n]) for n in (1, 2, 3) for i in range(len(outside))}
    joined |= {_singular(w) for w in joined if _plural(w)}  # `medications` for the guard `medication`
    if lexicon.unless[match.category] & joined:
        return True
    if _in_a_longer_guard(match, text, lexicon):
        return True
    if run_together:
        endings = _long_guards(match.category, lexicon)
        if endings and any(len(w) > 8 and w.endswith(endings) for w in joined):
            return True
    rest = text.folded[: match.start] + " " + text.folded[match.end :]
    phrase = text.folded[match.start : match.end]
    for guard in lexicon.unless_substrings[match.category]:
        if guard in rest:
            return True
        at = guard.find(phrase) if len(guard) > len(phrase) else -1
        if at >= 0 and text.folded.startswith(guard, match.start - at):
            return True
    return False


def _in_a_longer_guard(match: Match, text: Text, lexicon: Lexicon) -> bool:
    """A guard that holds the phrase and a word or two beside it: Vietnamese written without
    its accents makes `so luong` (quantity) of `số lượng`, whose `luong` is no salary."""
    inside = [i for i, w in enumerate(text.words) if w.start >= match.start and w.end <= match.end]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    guards = lexicon.unless[match.category]
    for size in (last - first + 2, last - first + 3):  # one or two words more than the phrase
        for start in range(max(0, last - size + 1), first + 1):
            window = text.words[start : start + size]
            if len(window) == size and "".join(w.text for w in window) in guards:
                return True
    return False


@lru_cache(maxsize=64)
def _long_guards(category: str, lexicon: Lexicon) -> tuple[str, ...]:
    """A category's guards long enough to be found at the end of a run-together word."""
    return tuple(g for g in lexicon.unless[category] if len(g) >= 6 and g.isascii())


# A name that starts with what kind of thing it is: `typeAddress`, `kind_phone` (the kind of an
# address, not one); `gender_type`'s order is `_metadata_after`'s.
_KIND_WORDS = frozenset({"type", "kind", "format"})
# A template's or a string's interpolation beside a literal name is a variable prefix, not a word
# about the field: `#{param_prefix}[name]`, `${prefix}.email` (a name that is all interpolation,
# `{{ form.email.html_name }}`, says what it is by it).
_INTERPOLATION = re.compile(r"[#$]\{[^{}]*\}|\{\{[^{}]*\}\}")


def _literal_part(name: str) -> str:
    if "{" not in name:
        return name
    literal = _INTERPOLATION.sub(" ", name)
    return literal if any(c.isalpha() for c in literal) else name


def _metadata_before(words: list[str], i: int, lexicon: Lexicon, ids: int, category: str) -> bool:
    """ "Type of phone number", "Format of the email": what comes before says the same. A
    "Type of disability" is the value of an attribute, as `disability_type` is. A leading `id`
    (`id_diagnosa`, `id_pasien`, as code in Indonesia and Malaysia names its keys) is the
    reference a trailing one is."""
    if i >= 1 and words[0] in ("id", "ids"):
        return _refers_by_id(ids, category, lexicon)
    if i >= 2 and words[i - 1] == "of":
        before = words[i - 2]
    elif i >= 3 and words[i - 2] == "of" and words[i - 1] in ("the", "a", "an"):
        before = words[i - 3]
    else:
        return False
    if before in lexicon.value_qualifiers and category in lexicon.attribute_categories:
        return False
    return before in lexicon.metadata


def _refers_by_id(ids: int, category: str, lexicon: Lexicon) -> bool:
    return ids == ID_IS_REFERENCE or (ids == ID_IS_REFERENCE_UNLESS_CODED and not _coded(category, lexicon))


def _metadata_after(words: list[str], j: int, lexicon: Lexicon, ids: int, category: str) -> bool:
    """`address_type`, `email_opt_in`: the phrase is followed by a word that makes it metadata.

    `_id` is metadata on a hidden input (`address_id` refers to a stored address) but not on a
    field a person fills or picks in, where `country_id` or `gender_id` is the value itself.
    `ethnic_type` and `disability_status` name the value of an attribute, not something about it.
    """
    if j + 1 >= len(words):
        return False
    following = words[j + 1]
    if following in ("id", "ids"):
        return _refers_by_id(ids, category, lexicon)
    if following in lexicon.value_qualifiers and category in lexicon.attribute_categories:
        return False
    if following in lexicon.metadata:
        return True
    return j + 2 < len(words) and following + words[j + 2] in lexicon.metadata


def _head_matches(text: Text, lexicon: Lexicon) -> list[Match]:
    """`custname`, `useremail`: a category's head word at the end of a run-together word."""
    found = []
    endings = tuple(head for head, _ in lexicon.heads)
    for word in text.words:
        if len(word.text) < 5 or not word.text.endswith(endings):
            continue
        for head, category in lexicon.heads:
            prefix = word.text[: -len(head)]
            if (
                word.text.endswith(head)
                and 2 <= len(prefix) <= 8
                and prefix.isalpha()
                and prefix not in lexicon.unless[category]
                and word.text not in lexicon.unless[category]  # a capacity is no city
            ):
                found.append(Match(category, word.start, word.end, 1, head=True))
    return found


def _best(matches: Iterable[Match], allowed: Allowed, *, last: bool) -> Match | None:
    candidates = [m for m in matches if allowed(m.category)]
    if not candidates:
        return None
    if last:  # identifiers: the phrase that ends last, then the longest
        best = max(candidates, key=lambda m: (m.end, m.end - m.start))
    else:
        best = min(candidates, key=lambda m: (m.start, -(m.end - m.start)))  # labels: the first phrase
    if best.weak:  # "Race / ethnicity": a later word of the same category that cannot mean anything else
        return next((m for m in candidates if m.category == best.category and not m.weak), best)
    return best


def _said_of_a_person(match: Match, matches: Iterable[Match], text: str, lexicon: Lexicon, allowed: Allowed) -> Match:
    """ "Emergency contact phone", "Father's occupation", 联系人电话: a label that first says
    who and then what of them asks for the what."""
    said = tokens(text).folded[match.start : match.end]
    if "".join(split_words(said)) not in lexicon.people and said not in lexicon.people_substrings:
        return match
    later = [m for m in matches if m.category != "name" and m.start >= match.end and allowed(m.category)]
    return min(later, key=lambda m: (m.start, -(m.end - m.start))) if later else match


def _option_votes(control: Control, lexicon: Lexicon, allowed: Allowed) -> Iterable[Vote]:
    """Two or more answers from one of a category's option sets: Male/Female, Chinese/Malay."""
    context = " ".join([control.name, control.ident, *(t for _, t in control.labels)])
    for category, evidence in _option_categories(control.options, context, lexicon):
        if allowed(category):
            yield Vote(category, WEIGHTS["options"], evidence)
    years = _years_of_birth(control.options)
    if years and allowed("date_of_birth"):
        yield Vote("date_of_birth", WEIGHTS["options"], f"answers: years {years}", weak=True)


_A_YEAR = re.compile(r"(?:19|20|24|25)\d\d")
BUDDHIST_ERA = 543  # Thai forms count years from 543 BC: 2500 is 1957
BIRTH_YEARS_BEFORE = 10  # a list of years that ends this long ago or more is of people's births


@lru_cache(maxsize=1024)
def _years_of_birth(options: tuple[str, ...]) -> str:
    """ "1949–1999": a list of years reaching back to 1960 or before and ending at least ten
    years ago is a year of birth (a year of graduation or of a car's make runs to this year).
    Only beside another personal field: a weak answer."""
    years = sorted({(_common_era(int(o)), o) for o in (o.strip() for o in options) if _A_YEAR.fullmatch(o)})
    if len(years) < 20 or years[0][0] > 1960 or years[-1][0] > date.today().year - BIRTH_YEARS_BEFORE:
        return ""
    return f"{years[0][1]}–{years[-1][1]}"  # as the form writes them


def _common_era(year: int) -> int:
    return year - BUDDHIST_ERA if year >= 2400 else year


@lru_cache(maxsize=16384)
def _option_categories(options: tuple[str, ...], context: str, lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    """The categories whose option sets two or more of `options` belong to, less those a guard
    in the field's name or labels rules out: (category, evidence)."""
    offered = _offered(options)
    words = split_words(context)
    context_words = {"".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
    found = []
    for category in lexicon.categories.values():
        if not category.options or lexicon.unless[category.id] & context_words:
            continue
        for group in category.options:
            hits = sorted(offered & group)
            if len(hits) >= 2:
                found.append((category.id, "options: " + "/".join(hits[:4])))
                break
    return tuple(found)


@lru_cache(maxsize=1024)
def _offered(options: tuple[str, ...]) -> frozenset[str]:
    """A field's answers as the option sets hold them. Once per set of answers: every radio of a
    group carries the group's answers, and a group of thousands must not fold them thousands of
    times."""
    return frozenset({fold(o).strip() for o in options} | {" ".join(split_words(o)) for o in options})


# What introduces a sample value in a placeholder: "e.g. 880101-14-5678", "Contoh: ...", "EX)",
# "例：". Only as a word of its own: "Egypt" and "Exxon" keep their first letters.
_EXAMPLE_MARK = re.compile(
    r"^(?:e\.\s?g\.?|eg[.:]|ex[.:)]|example:|for example,?|contoh:?|cth[.:]|예\)|예:|例如|例)"
    r"(?=[\s:：)]|$|\d)[\s:：)]*",
    re.I,
)


def _pattern_votes(control: Control, lexicon: Lexicon, allowed: Allowed) -> Iterable[Vote]:
    """The pattern attribute or a sample value in the placeholder: `[STFGM]\\d{7}[A-Z]`, S1234567D."""
    samples = [control.pattern] + [
        _EXAMPLE_MARK.sub("", t.strip()) for how, t in control.labels if how in ("placeholder", "example")
    ]
    samples = [s.strip() for s in samples if s.strip()]
    if not samples:
        return
    for category in lexicon.categories.values():
        if not category.patterns or not allowed(category.id):
            continue
        for sample in samples:
            if any(p.search(sample) for p in category.patterns):
                yield Vote(category.id, WEIGHTS["pattern"], f"pattern: {_short(sample)}")
                break


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def matched_categories(text: str, lexicon: Lexicon | None = None, *, strong: bool = False) -> frozenset[str]:
    """The categories whose phrases a name or label holds (`dob` -> date_of_birth); `strong`:
    not by a weak phrase alone (`insurance` is not a health record)."""
    lexicon = lexicon or load()
    matches = _matches(text, lexicon, in_names=True, ids=ID_IS_VALUE)
    return frozenset(m.category for m in matches if not (strong and m.weak))

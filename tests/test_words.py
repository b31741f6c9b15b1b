import pytest

from datamin.words import split_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("customer[date_of_birth]", ["customer", "date", "of", "birth"]),
        ("dateOfBirth", ["date", "of", "birth"]),
        ("billing-dob", ["billing", "dob"]),
        ("contact[Birthday]", ["contact", "birthday"]),
        ("entry.1234567", ["entry", "1234567"]),
        ("address1", ["address", "1"]),
        ("HTMLName", ["html", "name"]),
        ("IdNo", ["id", "no"]),
        ("Nama Penuh", ["nama", "penuh"]),
        ("ＥＭＡＩＬ", ["email"]),
        ("", []),
    ],
)
def test_split_words(text: str, words: list[str]) -> None:
    assert split_words(text) == words

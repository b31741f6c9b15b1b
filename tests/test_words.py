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
        # Latin accents are dropped: labels read as the words developers write
        ("Họ và tên", ["ho", "va", "ten"]),
        ("HọTên", ["ho", "ten"]),
        ("Số điện thoại", ["so", "dien", "thoai"]),
        ("Doğum tarihi", ["dogum", "tarihi"]),
        ("Straße", ["strasse"]),
        ("출생 생년월일", ["출생", "생년월일"]),
        ("", []),
    ],
)
def test_split_words(text: str, words: list[str]) -> None:
    assert split_words(text) == words

"""The region's languages: labels, romanised and abbreviated names, and the guards that keep
look-alikes out. Each language file of rules/languages/ adds words to the categories."""

from __future__ import annotations

import pytest
from helpers import personal, read_fields

from datamin.categories import RuleError, _add_language, load

# (markup inside a form, the category its one field must get, or None)
CASES = [
    # a copy of a bank passbook shows the account: a file of the account, not a passport's
    ('<label for="a">Bank Passbook</label><input type="file" id="a" name="a">', "financial_account"),
    ('<label for="a">Salinan buku akaun bank</label><input type="file" id="a" name="a">', "financial_account"),
    ('<label for="a">통장 사본</label><input type="file" id="a" name="a">', "financial_account"),
    # a sample value after "e.g." or "Contoh:" in the placeholder
    ('<input name="a6" placeholder="e.g. 880101-14-5678">', "national_id"),
    ('<input name="a7" placeholder="Contoh: S1234567D">', "national_id"),
    ('<input name="a8" placeholder="EX) 880101-14-5678">', "national_id"),
    ('<input name="line" placeholder="123 Orchard Road">', "address"),
    ('<input name="line" placeholder="No. 12, Jalan Ampang">', "address"),
    ('<input name="qty" placeholder="12 Pack">', None),
    # a clinician's notes on a patient; whether the notes panel is open is no one's data
    ('<input name="patient_notes">', "health"),
    ('<textarea name="doctorNotes"></textarea>', "health"),
    ('<input name="patientNoteOpen">', None),
    ('<input name="Poscode">', "address"),
    # an office extension and a student's institution in Chinese
    ('<label for="a">分機號碼</label><input id="a" name="a">', "phone"),
    ('<label for="a">所在院校</label><input id="a" name="a">', "other_personal"),
    # an employee record in Korean and Chinese
    ('<label for="a">家庭经济状况</label><input id="a" name="a">', "income"),
    ('<label for="a">経済状況 :</label><textarea id="a" name="a"></textarea>', "income"),
    ('<label for="a">채용형태</label><input id="a" name="a">', "employment"),
    ('<label for="a">用工形式</label><input id="a" name="a">', "employment"),
    ('<label for="a">聘用日期</label><input id="a" name="a" type="date">', "employment"),
    ('<label for="a">時給</label><input id="a" name="a">', "income"),
    ('<label for="a">주호소 (단순 손상 제외)</label><textarea id="a" name="a"></textarea>', "health"),
    ('<label for="a">과거력</label><textarea id="a" name="a"></textarea>', "health"),
    ('<label for="a">การศึกษา</label><select id="a" name="a"></select>', "other_personal"),
    ('<label for="a">教育经历</label><textarea id="a" name="a"></textarea>', "other_personal"),
    ('<label for="a">暂住证</label><input id="a" name="a">', "national_id"),
    ('<label for="a">군별</label><select id="a" name="a"></select>', "employment"),
    ('<label for="a">退職日</label><input type="date" id="a" name="a">', "employment"),
    ('<label for="a">Tarikh Tamat Perkhidmatan</label><input type="date" id="a" name="a">', "employment"),
    ('<label for="a">ผู้ติดต่อฉุกเฉิน</label><input id="a" name="a">', "name"),
    ('<label for="a">Keputusan Makmal</label><input type="file" id="a" name="a">', "health"),
    ('<label for="a">避孕措施</label><input id="a" name="a">', "health"),
    ('<label for="a">희망직무</label><input id="a" name="a">', "employment"),
    ('<label for="a">자격/면허명</label><input id="a" name="a">', "other_personal"),
    # Norwegian, Swedish, Finnish and Polish registers and forms
    ('<input name="foedselsdato">', "date_of_birth"),
    ('<label for="a">Kjønn</label><input id="a" name="a">', "gender"),
    ('<input name="postnummer">', "address"),
    ('<label for="a">Sukunimi</label><input id="a" name="a">', "name"),
    ('<label for="a">Stan cywilny</label><input id="a" name="a">', "marital_status"),
    ('<input name="kontonummer_type">', None),  # not a sex (kön)
    # Vietnamese: labels with accents, names without
    ('<label for="a">Họ và tên</label><input id="a" name="a">', "name"),
    ('<label for="a">Ngày sinh</label><input id="a" name="a">', "date_of_birth"),
    ('<label for="a">Dân tộc</label><input id="a" name="a">', "race_ethnicity"),
    ('<label for="a">Tôn giáo</label><input id="a" name="a">', "religion"),
    ('<input name="SoDienThoai">', "phone"),
    ('<input name="cccd">', "national_id"),
    ('<input name="que_quan">', "other_personal"),
    ('<label for="a">Số lượng</label><input id="a" name="a">', None),  # a quantity, not a salary
    # a public health-insurance number is a person's number, as Medicare's is; the scheme alone is health
    ('<label for="a">PhilHealth Number</label><input id="a" name="a">', "national_id"),
    ('<label for="a">Are you a PhilHealth member?</label><input id="a" name="a">', "health"),
    # Indonesian and Malay
    ('<label for="a">Tarikh Pengesahan Lantikan</label><input id="a" name="a" type="date">', "employment"),
    ('<label for="a">Tarikh Bersara</label><input id="a" name="a" type="date">', "employment"),
    ('<label for="a">Tanggal Baptis</label><input id="a" name="a" type="date">', "religion"),
    ('<input name="tanggal_menikah" type="date">', "marital_status"),
    ('<label for="a">Tempat Meninggal</label><input id="a" name="a">', "health"),
    ('<label for="a">Tempat Lahir</label><input id="a" name="tmpt_lahir">', "other_personal"),
    ('<label for="a">Tempat, Tanggal Lahir</label><input id="a" name="ttl">', "date_of_birth"),
    ('<input name="no_kk">', "national_id"),
    ('<label for="a">Golongan Darah</label><input id="a" name="a">', "health"),
    ('<label for="a">Penghasilan Ayah</label><input id="a" name="a">', "income"),
    (
        '<label for="a">Keturunan</label><select id="a" name="a"><option>Melayu</option><option>Cina</option></select>',
        "race_ethnicity",
    ),
    ('<label for="a">Nama Syarikat</label><input id="a" name="a">', None),
    ('<label for="a">Tarikh Pengislaman</label><input id="a" name="a" type="date">', "religion"),
    # who, then what of them: the what
    ('<label for="a">紧急联系人电话</label><input id="a" name="a">', "phone"),
    ('<label for="a">Emergency contact phone</label><input id="a" name="a">', "phone"),
    ('<label for="a">Pekerjaan Bapa</label><input id="a" name="a">', "employment"),
    ('<label for="a">Nama Bapa</label><input id="a" name="a">', "name"),
    ('<label for="a">Agama Asal</label><input id="a" name="a">', "religion"),
    ('<label for="a">Surat Keterangan Dokter</label><input id="a" name="a" type="file">', "health"),
    ('<label for="a">Slip Gaji</label><input id="a" name="a" type="file">', "income"),
    ('<label for="a">Laporan Jualan</label><input id="a" name="a" type="file">', None),  # a sales report
    # Thai and Tamil
    ('<label for="a">เลขบัตรประชาชน</label><input id="a" name="a">', "national_id"),
    ('<label for="a">วันหมดอายุ</label><input id="a" name="a">', None),  # an expiry date, not an age
    ('<label for="a">பிறந்த தேதி</label><input id="a" name="a">', "date_of_birth"),
    # Chinese, Japanese, Korean
    ('<label for="a">民族</label><select id="a" name="nation"><option>汉族</option></select>', "race_ethnicity"),
    ('<input name="sfzh">', "national_id"),
    ('<label for="a">IP地址</label><input id="a" name="a">', "ip_address"),
    ('<label for="a">生年月日</label><input id="a" name="a">', "date_of_birth"),
    ('<label for="a">장애 여부</label><input id="a" name="a">', "health"),
    ('<label for="a">출생지</label><input id="a" name="a">', "other_personal"),
    ('<label for="a">사는 지역</label><input id="a" name="region">', "address"),
    ('<label for="a">본인확인 연계정보</label><input id="a" name="a">', None),
    ('<label for="a">암호화 방식</label><input id="a" name="a">', None),
    # the Dutch register's words for a surname and a house letter; a Mexican form's abbreviated surnames
    ('<input name="geslachtsnaam">', "name"),
    ('<input name="huisletter">', "address"),
    ('<input name="A_Paterno">', "name"),
    ('<input name="apMaterno">', "name"),
    ('<input name="paterno_factor">', None),  # a word alone is no abbreviation of a surname
    ('<input name="pswd">', "password"),
    ('<input name="mbti">', "other_personal"),
    # part of a number shown masked is still the person's number
    ('<input name="maskedSSN">', "national_id"),
    ('<input name="masked_cnic">', "national_id"),
    # a civil servant's post: its status, its kind of service; a Tamil horoscope
    ('<input type="hidden" name="KOD_TARAF_PERJAWATAN">', "employment"),
    ('<input type="hidden" name="KOD_JENIS_PERKHIDMATAN">', "employment"),
    ('<label for="a">ராசி</label><select id="a" name="a"><option>மேஷம்</option></select>', "other_personal"),
    ('<textarea name="catatan_dokter"></textarea>', "health"),
]


@pytest.mark.parametrize(("markup", "category"), CASES, ids=[c[0][-40:] for c in CASES])
def test_labels_and_names_of_the_region(markup: str, category: str | None) -> None:
    assert personal("x.html", f"<form>{markup}</form>") == ({(1, category)} if category else set())


def test_a_parent_named_by_who_they_are_in_malay_and_indonesian() -> None:
    """A bank's sign-up asks for the birth mother's name (`ibu_kandung`), a school's for the
    father's (`ayah`) and the guardian's (`wali`), as `mother` and `father` do in English."""
    form = (
        '<form><input name="email" type="email">\n<input name="ibu_kandung">\n<input name="ayah">\n'
        '<input name="wali"></form>'
    )
    assert personal("x.html", form) == {(1, "email"), (2, "name"), (3, "name"), (4, "name")}


def test_a_persons_name_is_their_name_and_a_user_name_an_accounts() -> None:
    """ "The user's name" asks for a person's name; "User name" for an account's; "Emergency
    contact's number" for a phone (the possessive joins that phrase)."""
    form = (
        '<form><input name="email" type="email">\n'
        '<label for="a">The user\'s name</label><input id="a" name="a">\n'
        '<label for="b">User name</label><input id="b" name="b">\n'
        '<label for="c">Emergency contact\'s number</label><input id="c" name="c"></form>'
    )
    assert personal("x.html", form) == {(1, "email"), (2, "name"), (3, "username"), (4, "phone")}


def test_a_weak_word_counts_only_beside_another_personal_field() -> None:
    """ตำแหน่ง is a job position, or the position of a thing on a page."""
    alone = '<form><label for="a">ตำแหน่ง</label><input id="a" name="a"></form>'
    beside = '<form><input name="email" type="email">\n<label for="a">ตำแหน่ง</label><input id="a" name="a"></form>'
    assert personal("x.html", alone) == set()
    assert personal("x.html", beside) == {(1, "email"), (2, "employment")}


def test_every_language_file_loads_into_the_categories() -> None:
    lexicon = load()
    assert "ngaysinh" in lexicon.joined and any(p == "เลขบัตรประชาชน" for p, _ in lexicon.substrings)
    assert {category for _, category, _ in lexicon.contexts} >= {"health", "employment", "other_personal"}


def test_a_language_file_names_only_categories_people_entities_and_context() -> None:
    categories = dict(load().categories)
    with pytest.raises(RuleError, match="neither a category"):
        _add_language({"nationalid": {"phrases": ["x"]}}, "rules/languages/x.toml", categories, {}, [])
    with pytest.raises(RuleError, match="unknown keys"):
        _add_language({"name": {"phrase": ["x"]}}, "rules/languages/x.toml", categories, {}, [])
    with pytest.raises(RuleError, match="unknown category"):
        _add_language({"context": {"medical": ["x"]}}, "rules/languages/x.toml", categories, {}, [])


def test_other_names_and_local_government_areas() -> None:
    from helpers import personal

    text = '<form><label for="a">Other Names</label><input id="a" name="oname"><label for="b">LGA</label><input id="b" name="lga"><input name="email"></form>'
    assert personal("register.html", text) == {(1, "name"), (1, "address"), (1, "email")}


def test_an_aside_written_into_a_word_of_a_language_without_spaces() -> None:
    """주민(외국인)등록번호 is the resident (or foreigner) registration number: the aside in
    brackets does not hide the word around it."""
    form = (
        '<form><div>주민(외국인)등록번호 <input name="p1" maxlength="6"> - <input name="p2" maxlength="7"></div>'
        '<div>성명 <input name="pname"></div><div>身份证(护照)号码 <input name="sfz"></div></form>'
    )
    found = {f.control.name: f.category for f in read_fields("proxy.html", form) if f.category}
    assert found == {"p1": "national_id", "p2": "national_id", "pname": "name", "sfz": "national_id"}


def test_thai_education_history_asks_the_major_and_the_grade_point_average() -> None:
    form = (
        '<form><input placeholder="สาขา/วิชาเอก" name="a">'
        '<input placeholder="คะแนนเฉลี่ยตลอดหลักสูตร" name="b"><input placeholder="อีเมล" name="c"></form>'
    )
    found = {f.control.name: f.category for f in read_fields("career.php", form) if f.category}
    assert found == {"a": "other_personal", "b": "other_personal", "c": "email"}


def test_a_chinese_students_class_and_english_band_beside_their_name() -> None:
    form = '<form><label>姓名 <input name="xm"></label><label>班级 <input name="bj"></label><label>四级成绩 <input name="s4"></label></form>'
    found = {f.control.name: f.category for f in read_fields("student.jsp", form) if f.category}
    assert found == {"xm": "name", "bj": "other_personal", "s4": "other_personal"}
    assert not [f for f in read_fields("x.jsp", '<form><label>班级 <input name="bj"></label></form>') if f.category]


def test_a_guard_that_holds_the_phrase_and_a_word_beside_it() -> None:
    """Vietnamese without its accents makes `so luong` (quantity) of số lượng: its `luong` is no
    salary (lương), as `ten truong` (a school's name) is no one's name."""
    salary = '<input type="email" name="e"><label>Lương cơ bản <input name="a"></label>'
    assert personal("x.html", f"<form>{salary}</form>") == {(1, "email"), (1, "income")}
    rooms = '<input type="email" name="e"><label>Số lượng phòng <input name="b"></label><input name="soLuong">'
    assert personal("x.html", f"<form>{rooms}</form>") == {(1, "email")}

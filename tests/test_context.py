"""A field's category from where it sits: the section of a form, the page, the table and its
comment. One mechanism for all of them, whose evidence says where ("in section "Lifestyle"")."""

from __future__ import annotations

from helpers import personal, read_fields


def personal_columns(scan, path: str, sql: str) -> set[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    """(table, column, category) of every personal column a schema declares."""
    return {(f.control.container, f.control.name, f.category) for f in scan({path: sql}).fields}


INTAKE = """<html><head><title>Clinic</title></head><body><form method="post">
<h3>Your details</h3>
<label for="n">Full name</label><input id="n" name="n">
<h3>Lifestyle</h3>
<label for="q1">How many cigarettes a day?</label><input id="q1" name="q1">
<label for="q2">Since when?</label><input id="q2" name="q2">
<p><strong>Medical history</strong></p>
<label for="q3">Anything else we should know?</label><textarea id="q3" name="q3"></textarea>
<h3>Emergency contact</h3>
<label for="q4">Preferred pharmacy</label><input id="q4" name="q4">
<label><input type="checkbox" name="declaration"> I declare the above is true</label>
<button type="submit">Send</button>
</form></body></html>"""


def test_the_questions_under_a_health_heading_are_health_data() -> None:
    assert personal("intake.html", INTAKE) == {(3, "name"), (5, "health"), (6, "health"), (8, "health")}
    evidence = {f.line: f.evidence for f in read_fields("intake.html", INTAKE) if f.category}
    assert evidence[5] == ('in section "Lifestyle"',)
    assert evidence[8] == ('in section "Medical history"',)


def test_a_template_named_for_a_record_holds_that_record() -> None:
    """`medical-assessment-step2.php`: its questions are health data though no heading says so;
    a one-word file name (`medications.php`, a shop's page) says nothing."""
    text = """<form method="post"><label for="n">Full name</label><input id="n" name="n">
<label>Does the client sleep well? <input type="radio" name="q1" value="y"> Yes</label>
</form>"""
    fields = read_fields("views/medical-assessment-step2.php", text)
    assert [(f.line, f.category, f.evidence) for f in fields if f.category] == [
        (1, "name", ("label: Full name",)),
        (2, "health", ("in file medical-assessment-step2.php",)),
    ]
    assert personal("views/medications.php", text) == {(1, "name")}


def test_a_section_says_nothing_in_a_form_with_no_personal_field() -> None:
    """A survey about a product's "Lifestyle" range asks nothing about anyone."""
    text = '<form><h3>Lifestyle</h3><label for="a">Favourite colour</label><input id="a" name="a"></form>'
    assert personal("survey.html", text) == set()


def test_the_lone_cell_of_a_table_row_heads_the_rows_below_it() -> None:
    """A form laid out in a table marks its sections with a row of one cell."""
    text = """<form><table>
<tr><td>Applicant name</td><td><input name="applicant_name"></td></tr>
<tr><td colspan="2">III. Source of income (monthly)</td></tr>
<tr><td>Nature:</td><td><textarea id="nature1"></textarea></td><td>Amount:</td><td><input id="amount1"></td></tr>
<tr><td colspan="2">IV. Office use</td></tr>
<tr><td>Remarks:</td><td><input id="remarks"></td></tr>
</table></form>"""
    assert personal("loan.html", text) == {(2, "name"), (4, "income")}
    found = {f.line: f.evidence for f in read_fields("loan.html", text) if f.category}
    assert found[4][0] == 'in section "III. Source of income (monthly)"'


def test_a_field_keeps_its_own_category_under_any_heading() -> None:
    text = '<form><h3>Medical history</h3>\n<input type="email" name="email">\n<input name="q7"></form>'
    assert personal("x.html", text) == {(2, "email"), (3, "health")}


def test_the_page_title_counts_only_where_no_heading_does_and_only_by_a_phrase() -> None:
    titled = '<title>{} | Clinic</title><form><input name="fullname">\n<input name="q1"></form>'
    assert personal("x.html", titled.format("Health declaration")) == {(1, "name"), (2, "health")}
    assert personal("x.html", titled.format("Medications")) == {(1, "name")}  # a shop's page of medicines
    headed = '<title>Health declaration</title><form><h2>Delivery</h2><input name="fullname">\n<input name="q1"></form>'
    assert personal("x.html", headed) == {(1, "name")}


def test_headings_of_a_helper_rendered_form_and_of_other_languages() -> None:
    text = (
        "<form>\n{{ form.nama_penuh }}\n<h4>Riwayat Penyakit</h4>\n{{ form.q1 }}\n<h4>病史</h4>\n{{ form.q2 }}</form>"
    )
    assert personal("x.html", text) == {(2, "name"), (4, "health"), (6, "health")}


def test_a_form_about_a_person_asks_what_a_record_of_people_holds() -> None:
    """Under "Student details" or "Maklumat Peribadi", or in form#employee-form, a school, a
    course or a department is the person's; the same words in a clinic's booking are not."""
    student = """<form><h3>Student details</h3>
<label for="n">Full name</label><input id="n" name="full_name">
<label for="s">School:</label><input id="s" name="s1">
<label for="c">Course</label><select id="c" name="c1"><option>Diploma</option></select>
<label for="f">Father's School</label><input id="f" name="f1">
</form>"""
    assert personal("apply.html", student) == {
        (2, "name"),
        (3, "other_personal"),
        (4, "other_personal"),
        (5, "other_personal"),
    }
    evidence = {f.line: f.evidence for f in read_fields("apply.html", student) if f.category}
    assert evidence[3] == ('in section "Student details": a person\'s School',)
    staff = '<form id="employee-form"><input name="email" type="email">\n<input name="department">\n<input name="employee_type"></form>'
    assert personal("staff.html", staff) == {(1, "email"), (2, "employment"), (3, "employment")}
    father = '<form><h4>Father\'s Details</h4><label>Full name <input name="f1"></label>\n<label>Org Name <input name="f2"></label></form>'
    assert personal("admit.html", father) == {(1, "name"), (2, "employment")}
    # (an `employee_type` is asked as it is, not as a `type` of the employee's)
    peribadi = (
        '<form><h4>Maklumat Peribadi</h4><input name="nama_penuh">\n<label>Kursus <input name="k"></label></form>'
    )
    assert personal("x.html", peribadi) == {(1, "name"), (2, "other_personal")}
    booking = '<form id="appointment"><h3>Book a visit</h3><input name="email" type="email">\n<input name="department"></form>'
    assert personal("book.html", booking) == {(1, "email")}
    course = '<form><h3>Personal details</h3><label>Course <input name="course"></label></form>'
    assert personal("x.html", course) == set()  # nothing personal besides it: a search for a course
    contact = '<form id="contact"><input type="email" name="email">\n<textarea name="comment"></textarea></form>'
    assert personal("contact.html", contact) == {(1, "email")}  # a message to the shop, not notes on a person


def test_the_rows_of_a_table_are_records_of_what_its_column_headers_name() -> None:
    """A table of education or work history: the year, the grade and the certificate's upload
    of each row are that history too (two headers or more name its category)."""
    text = """<form><label>Full name <input name="n"></label><table>
<tr><th>Education level</th><th>School name</th><th>Completed in</th><th>Upload</th></tr>
<tr><td><input name="level[]"></td><td><input name="school[]"></td><td><input name="year[]"></td><td><input type="file" name="doc[]"></td></tr>
</table><table><tr><th>Item</th><th>Quantity</th></tr><tr><td><input name="item[]"></td><td><input name="qty[]"></td></tr></table></form>"""
    fields = {f.control.name: f.category for f in read_fields("x.html", text)}
    assert fields == {
        "n": "name", "level[]": "other_personal", "school[]": "other_personal", "year[]": "other_personal",
        "doc[]": "other_personal", "item[]": None, "qty[]": None,
    }  # fmt: skip
    evidence = {f.control.name: f.evidence for f in read_fields("x.html", text)}
    assert evidence["year[]"][0].startswith("in a table of other_personal")


def test_a_table_is_a_record_of_what_its_name_or_comment_says(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {
            "his.sql": """CREATE TABLE zcmu_sign (
  id int PRIMARY KEY,
  patient_id int,
  bp varchar(10),
  glu varchar(10),
  created_at timestamp
) ENGINE=InnoDB COMMENT='生命体征';
CREATE TABLE admissions (id int, patient_id int, ward varchar(20), notes text);
CREATE TABLE school_admissions (id int, applicant_name varchar(50), programme varchar(20));
CREATE TABLE visits (id int, patient_id int, reason text, status varchar(10), meta json, identifier varchar(40));
COMMENT ON TABLE visits IS 'Clinic visits';
CREATE TABLE stock_movements (id int, sku varchar(20), notes text);
COMMENT ON TABLE stock_movements IS 'Medical history of stock';
"""
        }
    )
    found = {(f.control.container, f.control.name): f.category for f in result.fields}
    assert found == {
        ("zcmu_sign", "bp"): "health",
        ("zcmu_sign", "glu"): "health",
        ("admissions", "ward"): "health",
        ("admissions", "notes"): "health",
        ("school_admissions", "applicant_name"): "name",
        ("visits", "reason"): "health",
    }
    bp = next(f for f in result.fields if f.control.name == "bp")
    assert bp.evidence == ('in table zcmu_sign ("生命体征"): health records of a person',)


def test_whether_a_person_has_a_condition_is_a_health_records_content(scan) -> None:  # type: ignore[no-untyped-def]
    """In a patient's health record, `has_diabetes` says whether they have it (misspelt or not);
    `is_active` is the record's handling, and a payslip's `has_bonus` is no health record."""
    result = scan(
        {
            "clinic.sql": """CREATE TABLE patient_health_data (id int, patient_id int, has_diabetis boolean, has_alergies boolean, is_active boolean);
CREATE TABLE payslips (id int, employee_id int, has_bonus boolean);
"""
        }
    )
    found = {(f.control.container, f.control.name): f.category for f in result.fields}
    assert found == {
        ("patient_health_data", "has_diabetis"): "health",
        ("patient_health_data", "has_alergies"): "health",
    }


def test_a_table_whose_rows_belong_to_a_record_is_that_record_when_its_name_says_so(scan) -> None:  # type: ignore[no-untyped-def]
    """`physical_examinations.visit_id`: a patient's visit, examined; a visit's payment is not
    the visit's clinical content."""
    result = scan(
        {
            "clinic.sql": """CREATE TABLE visits (id int, patient_id int, reason text);
COMMENT ON TABLE visits IS 'Clinic visits';
CREATE TABLE physical_examinations (id int, visit_id int, bp varchar(10), pulse varchar(10));
CREATE TABLE payments (id int, visit_id int, amount decimal(10, 2), method varchar(10));
"""
        }
    )
    found = {(f.control.container, f.control.name): f.category for f in result.fields}
    assert found == {
        ("visits", "reason"): "health",
        ("physical_examinations", "bp"): "health",
        ("physical_examinations", "pulse"): "health",
    }
    pulse = next(f for f in result.fields if f.control.name == "pulse")
    assert pulse.evidence[0].endswith("part of visits")


def test_a_persons_record_is_what_most_of_its_columns_say(scan) -> None:  # type: ignore[no-untyped-def]
    """An appointment's vitals say it is a clinical record: its reason and summary are health
    data, its date and its keys are not content. A profile's `blood_type` beside its name and
    phone, and a person's own table, do not make the rest health."""
    result = scan(
        {
            "clinic.sql": """CREATE TABLE appointments (id int, patient_id int, doctor_id int, starts_at timestamp,
  blood_pressure varchar(10), diagnosis varchar(80), reason text, summary text, room_no int);
CREATE TABLE profiles (id int, user_id int, full_name varchar(80), phone varchar(20), email varchar(80),
  blood_type varchar(3), allergies text, bio text);
CREATE TABLE patients (id int, allergies text, medications text, favourite_colour varchar(20));
"""
        }
    )
    found = {(f.control.container, f.control.name): f.category for f in result.fields}
    assert {name for (table, name), category in found.items() if table == "appointments"} == {
        "blood_pressure",
        "diagnosis",
        "reason",
        "summary",
    }
    assert found[("appointments", "reason")] == "health"
    assert ("profiles", "bio") not in found or found[("profiles", "bio")] != "health"
    assert ("patients", "favourite_colour") not in found
    reason = next(f for f in result.fields if f.control.name == "reason")
    assert reason.evidence == ("in table appointments: beside health columns blood_pressure, diagnosis",)


def test_a_patients_record_that_a_clinician_keeps_says_health_in_its_notes(scan) -> None:  # type: ignore[no-untyped-def]
    """An appointment of a patient with a doctor: its reason and notes are health data, its room,
    type and time are not. A patient's invoice, with no clinician, and a doctor's timetable, with
    no patient, are not clinical records."""
    result = scan(
        {
            "clinic.sql": """CREATE TABLE appointments (id int, patient_id int, doctor_id int, appointment_time varchar(10),
  type varchar(20), room varchar(10), reason text, doctor_notes text);
CREATE TABLE invoices (id int, patient_id int, amount decimal(10, 2), notes text);
CREATE TABLE rosters (id int, doctor_id int, weekday int, notes text);
"""
        }
    )
    found = {(f.control.container, f.control.name): f for f in result.fields}
    assert {key: f.category for key, f in found.items() if f.category == "health"} == {
        ("appointments", "reason"): "health",
        ("appointments", "doctor_notes"): "health",
    }
    assert found[("appointments", "reason")].evidence == ("in table appointments: what a doctor notes of a patient",)


def test_what_a_health_record_costs_is_billing_not_health(scan) -> None:  # type: ignore[no-untyped-def]
    assert personal_columns(
        scan,
        "clinic.sql",
        "CREATE TABLE treatments (id int, patient_id int, diagnosis text, consultation_fee decimal(8, 2), cost decimal(8, 2));\n",
    ) == {("treatments", "diagnosis", "health")}


def test_table_comments_in_every_dialect(scan) -> None:  # type: ignore[no-untyped-def]
    from datamin.parse.schema import Schema

    result = scan(
        {
            "mssql.sql": """CREATE TABLE dbo.Obs (Id int, PatientId int, Val nvarchar(20))
GO
EXEC sp_addextendedproperty 'MS_Description', 'Vital signs', 'SCHEMA', 'dbo', 'TABLE', 'Obs'
GO
""",
            "bq.sql": "CREATE TABLE ds.obs (patient_id INT64, val STRING) OPTIONS(description='Vital signs');\n",
        },
        dialect=None,
    )
    assert {(f.control.container, f.control.name, f.category) for f in result.fields} == {
        ("dbo.Obs", "Val", "health"),
        ("ds.obs", "val", "health"),
    }
    assert Schema  # the model the readers fill


def test_a_table_named_for_a_thing_guards_its_columns(scan) -> None:  # type: ignore[no-untyped-def]
    """`race_results` is about races run: its `race_id` is no one's race; `students.race_id` is."""
    assert personal_columns(
        scan,
        "school.sql",
        "CREATE TABLE race_results (id int, race_id int, student_id int, time_ms int);\n"
        "CREATE TABLE students (id int, full_name text, race_id int);\n",
    ) == {
        ("students", "full_name", "name"),
        ("students", "race_id", "race_ethnicity"),
    }


def test_the_contact_details_of_a_district_or_a_university_are_theirs(scan) -> None:  # type: ignore[no-untyped-def]
    """An analytics `events` table is not one of them: its rows are what people did."""
    assert personal_columns(
        scan,
        "app.sql",
        "CREATE TABLE districts (id int, name text, phone text, address text);\n"
        "CREATE TABLE universities (id int, name text, email text);\n"
        "CREATE TABLE university_applicants (id int, university_id int, full_name text, email text);\n",
    ) == {
        ("university_applicants", "full_name", "name"),
        ("university_applicants", "email", "email"),
    }


def test_a_form_that_asks_for_a_card_is_a_person_paying_whatever_it_is_called() -> None:
    """form#paymentMethod names a thing in a shop's admin (its name, its fees); with a card
    number in it, it is a customer's card and billing address."""
    paying = """<form id="frmManagePaymentMethod" method="post">
<input name="ccnumber" autocomplete="cc-number">
<input type="hidden" name="billing_name"><input type="hidden" name="billing_city"></form>"""
    admin = """<form id="frmPaymentMethod" method="post">
<input name="name" placeholder="Name"><input name="city" placeholder="City"></form>"""
    assert personal("pay.tpl", paying) == {(2, "financial_card"), (3, "name"), (3, "address")}
    assert personal("admin.tpl", admin) == set()


def test_a_form_that_asks_for_an_identity_card_is_about_that_person_whatever_it_is_for() -> None:
    """A room's visitor log (`bilik`) names a thing; with an IC number in it, the name and phone
    are the visitor's. Without one it is the room's record (its name, its contact line)."""
    visitor = """<form action="borang-bilik-server.php" method="post">
<label>Nama <input name="nama"></label>
<label>No. KP <input name="ic"></label>
<label>Telefon Bimbit <input name="no_bimbit"></label></form>"""
    room = """<form action="borang-bilik-server.php" method="post">
<label>Nama <input name="nama"></label>
<label>Telefon Bimbit <input name="no_bimbit"></label></form>"""
    assert personal("visitor.php", visitor) == {(2, "name"), (3, "national_id"), (4, "phone")}
    assert personal("room.php", room) == set()


def test_a_form_that_describes_goods_in_stock_holds_no_ones_data() -> None:
    """A pharmacy's medicine (its dosage, quantity, price, supplier) is no one's health data;
    a dispensing form that names the patient is."""
    goods = """<form><input name="med[generic_name]" placeholder="Generic name">
<input name="med[dosage]" placeholder="Dosage"><input name="med[price]" placeholder="Price">
<input name="med[supplier]" placeholder="Supplier"></form>"""
    dispensing = """<form><input name="patient_name" placeholder="Patient name">
<input name="dosage" placeholder="Dosage"><input name="price" placeholder="Price">
<input name="supplier" placeholder="Supplier"></form>"""
    billing = """<form><input name="bfirstname" placeholder="First name"><input name="cc" autocomplete="cc-number">
<input name="plan_price"><input name="brand"></form>"""
    assert personal("NewItems.html", goods) == set()
    assert (2, "health") in personal("dispense.html", dispensing)
    assert (1, "financial_card") in personal("billing.html", billing)


def test_where_a_person_works_and_their_messenger_handles_only_in_a_table_of_people(scan) -> None:  # type: ignore[no-untyped-def]
    """`contacts.department` is where the contact works; `tickets.department` is who handles it."""
    result = scan(
        {
            "crm.sql": "CREATE TABLE contacts (id int, full_name text, department text, yahoo text, company text,"
            " title text, organization text, job text, dept text, department_name text);\nCREATE TABLE tickets (id int, department text,"
            " yahoo text, title text, organization text, job text, dept text);\n"
        }
    )
    assert {(f.control.container, f.control.name, f.category) for f in result.fields} == {
        ("contacts", "full_name", "name"),
        ("contacts", "department", "employment"),
        ("contacts", "yahoo", "username"),
        ("contacts", "title", "employment"),
        ("contacts", "organization", "employment"),
        ("contacts", "job", "employment"),
        ("contacts", "dept", "employment"),
        ("contacts", "department_name", "employment"),
    }
    department = next(f for f in result.fields if f.control.name == "department")
    assert department.evidence == ("in table contacts: a person's department",)


def test_an_image_is_a_photo_of_the_person_a_table_is_about(scan) -> None:  # type: ignore[no-untyped-def]
    assert personal_columns(
        scan,
        "app.sql",
        "CREATE TABLE patients (id int, full_name text, phone text, image text);\n"
        "CREATE TABLE products (id int, title text, price int, image text, thumbnail text);\n"
        "CREATE TABLE tutors (id int, full_name text, email text, thumbnail text);\n",
    ) == {
        ("patients", "full_name", "name"),
        ("patients", "phone", "phone"),
        ("patients", "image", "photo"),
        ("tutors", "full_name", "name"),
        ("tutors", "email", "email"),
        ("tutors", "thumbnail", "photo"),
    }


def test_what_is_written_about_a_person_in_a_table_of_people(scan) -> None:  # type: ignore[no-untyped-def]
    """`patients.notes` is free text about the patient; `orders.notes` about a delivery."""
    assert personal_columns(
        scan,
        "app.sql",
        "CREATE TABLE patients (id int, full_name text, notes text, background_info text, memo text, observations text);\n"
        "CREATE TABLE students (id int, full_name text, school text, course text);\n"
        "CREATE TABLE orders (id int, notes text, memo text, total int);\n"
        "CREATE TABLE timetable (id int, course text, school text);\n",
    ) == {
        ("patients", "full_name", "name"),
        ("patients", "notes", "other_personal"),
        ("patients", "background_info", "other_personal"),
        ("patients", "memo", "other_personal"),
        ("patients", "observations", "other_personal"),
        ("students", "full_name", "name"),
        ("students", "school", "other_personal"),
        ("students", "course", "other_personal"),
    }  # where a student studies is about the student; a timetable's course is the school's


def test_a_checkbox_wrapped_deep_in_a_table_row_is_asked_by_the_row_header() -> None:
    """A vaccination grid: the row header names the vaccine, the checkbox's own text only its
    abbreviation, however many wrappers a styled checkbox puts around it."""
    row = (
        '<tr><th scope="row">Hepatitis B</th><td><div class="boxes"><div class="row"><div class="item">'
        '<label class="checkbox"><input type="checkbox" name="dose1"><span>Hep B</span></label>'
        "</div></div></div></td></tr>"
    )
    text = f'<form method="post"><table><thead><tr><th></th><th>2 months</th></tr></thead>{row}</table></form>'
    assert personal("vaccines.html", text) == {(1, "health")}


def test_a_persons_part_of_a_name_is_a_name() -> None:
    """`physician_first` and `guardianLast` are parts of someone's name; `page_first` is not."""
    text = """<form><h3>Referring physician</h3>
<input name="PHYSICIAN_FIRST">
<input name="guardianLast">
<input name="page_first">
</form>"""
    assert personal("referral.html", text) == {(2, "name"), (3, "name")}
    evidence = {f.line: f.evidence for f in read_fields("referral.html", text) if f.category}
    assert evidence[2] == ("a part of a name: PHYSICIAN_FIRST",)


def test_the_headings_of_a_job_application_and_of_a_vaccination_record() -> None:
    text = """<form><input name="fullname">
<h3>Former employers</h3>
<label>Position <input name="p1"></label>
<h3>Vaccination record</h3>
<label>Second dose <input type="checkbox" name="d2"></label>
</form>"""
    assert personal("apply.html", text) == {(1, "name"), (3, "employment"), (5, "health")}


def test_the_fields_under_a_profiles_experience_heading_are_employment() -> None:
    """A profile's "Experience": the company and the dates worked there; the same heading in a
    form with nothing personal (a course's "Experience level") says nothing."""
    text = """<form><input name="fullname">
<h3>Add Experience</h3>
<label>Company Name <input name="company_ex"></label>
<label>Start Date <input type="date" name="startDateEX"></label>
</form>"""
    assert personal("profile.jsp", text) == {(1, "name"), (3, "employment"), (4, "employment")}
    course = '<form><h3>Experience</h3><label>Start Date <input type="date" name="start"></label></form>'
    assert personal("course.html", course) == set()


def test_the_questions_of_a_physiotherapy_functional_assessment() -> None:
    text = """<form><input name="fullname">
<h4>Functional Assessment:</h4>
<label for="m">Can you move normally?</label><textarea id="m" name="Normal_Movement"></textarea>
</form>"""
    assert personal("assessment.blade.php", text) == {(1, "name"), (3, "health")}


def test_the_answers_under_a_language_ability_heading_are_education() -> None:
    text = """<form><input name="fullname">
<h4>LANGUAGE ABILITY</h4>
<p>English</p><label><input type="radio" name="en_read" value="G"> Good</label><label><input type="radio" name="en_read" value="F"> Fair</label>
</form>"""
    assert personal("apply.php", text) == {(1, "name"), (3, "other_personal")}


def test_the_answers_about_a_persons_family_and_home_are_theirs() -> None:
    """How a student's family gets on, where they live and what their home has, under "Family
    Description" or "Information about dwelling" (家庭情况 in Chinese), are personal data."""
    text = """<form><input name="fullname">
<h4>Family Description</h4>
<label><input type="checkbox" name="q1"> Separated parents</label>
<h4>IV. Information about dwelling</h4>
<label><input type="checkbox" name="q2" value="rent"> rents house</label>
<h4>学生家庭情况</h4>
<label>其他 <input name="q3"></label>
<h4>Course preferences</h4>
<label>Preferred intake <input name="q4"></label>
</form>"""
    assert personal("profile.php", text) == {
        (1, "name"),
        (3, "other_personal"),
        (5, "other_personal"),
        (7, "other_personal"),
    }


def test_what_a_person_achieved_and_did_beside_their_studies() -> None:
    """The rows under "Awards and achievements" or 대외활동 (activities outside school) are the
    person's; a tab bar whose names run together ("Personal Family Other Awards") is no heading
    of them."""
    text = """<form><input name="fullname">
<h4>Awards and Achievements</h4>
<label>Year <input name="y1"></label>
<h4>대외활동</h4>
<label>기간 <input name="dact"></label>
</form>"""
    assert personal("cv.php", text) == {(1, "name"), (3, "other_personal"), (5, "other_personal")}
    tabs = """<form><input name="fullname">
<h4>Personal Family Other Awards</h4>
<label>Study habits <input type="checkbox" name="gcs1"></label>
</form>"""
    assert personal("profile.php", tabs) == {(1, "name")}


def test_a_malay_or_indonesian_students_class_and_programme() -> None:
    text = """<form><input name="nama_penuh">
<h4>Maklumat Calon</h4>
<label>Kod Program: <select name="ddlKodKursus"></select></label>
<label>Nama Kelas: <select name="ddlNamaKelas"></select></label>
<label>Program Studi <input name="prodi"></label>
</form>"""
    assert personal("pelajar_create.ascx", text) == {
        (1, "name"),
        (3, "other_personal"),
        (4, "other_personal"),
        (5, "other_personal"),
    }


def test_a_bare_name_in_a_form_named_for_people() -> None:
    """form#patient-form asks for the patient's name even when nothing else is personal; a
    category's form does not."""
    assert personal("patient.html", '<form id="patient-form"><label>Name <input name="name"></label></form>') == {
        (1, "name")
    }
    assert personal("member.html", '<form name="member"><label>Name <input name="name"></label></form>') == {
        (1, "name")
    }
    assert personal("category.html", '<form id="category-form"><label>Name <input name="name"></label></form>') == set()


def test_a_bare_name_under_a_heading_that_says_whose_details_the_form_takes() -> None:
    """The lone "Name" of a form under "Add New Employee" is a person's, and says where it sits;
    under "Add New Product" it is the product's."""
    employee = """<main><h1>Add New Employee</h1>
<form method="post">
  <label for="name">Name *</label>
  <input type="text" id="name" name="name" required>
  <label for="status">Status</label><select id="status" name="status"><option>Active</option></select>
</form></main>"""
    assert personal("employees/form.html", employee) == {(4, "name")}
    (field,) = [f for f in read_fields("employees/form.html", employee) if f.category]
    assert field.evidence[-1] == 'in section "Add New Employee"'
    product = employee.replace("Employee", "Product")
    assert personal("products/form.html", product) == set()


def test_a_staff_members_job_in_a_form_under_a_heading_about_staff() -> None:
    """Under "Staff" or 社員情報登録 a form's branch, division, department and supervisor are the
    employee's job, as in a table of staff; under "Add Product" they are where the product is sold."""
    staff = """<h2>Staff</h2><form method="post">
<label>Full name <input name="full_name"></label>
<label>Branch <input name="branch"></label>
<label>Division <input name="division"></label>
<label>Department <input name="department"></label>
<label>Supervisor <input name="supervisor"></label>
</form>"""
    jobs = {(3, "employment"), (4, "employment"), (5, "employment"), (6, "employment")}
    assert personal("staff.html", staff) == {(2, "name"), *jobs}
    evidence = {f.line: f.evidence for f in read_fields("staff.html", staff) if f.category}
    assert evidence[3] == ('in section "Staff": a staff member\'s branch',)
    japanese = staff.replace("<h2>Staff</h2>", "<h2>社員情報登録</h2>")
    assert personal("shain.html", japanese) == {(2, "name"), *jobs}
    product = staff.replace("Staff", "Add Product")
    assert personal("product.html", product) == {(2, "name")}


def test_a_box_ticked_for_no_identification_holds_no_number() -> None:
    text = """<form id="patient-form"><input name="full_name">
<label><input type="checkbox" name="unknown_patient"> No identification</label>
<label>Identification <input name="ident"></label>
</form>"""
    assert personal("patient.blade.php", text) == {(1, "name"), (3, "national_id")}


def test_the_fields_under_a_malay_licence_heading_are_the_persons() -> None:
    text = """<form><input name="nama_penuh">
<h4>Maklumat Lesen</h4>
<label>No. <input name="no"></label>
</form>"""
    assert personal("staf.blade.php", text) == {(1, "name"), (3, "other_personal")}


def test_headings_and_phrases_of_a_cv_in_korean_chinese_and_malay() -> None:
    text = """<form><input name="name" placeholder="성명">
<h4>4.외국어</h4>
<input name="language_score">
<h4>职务经历</h4>
<input name="job_content[]">
<label>Tarikh Pelantikan <input name="tl"></label>
<h4>合同信息</h4>
<label>合同开始日： <input name="cs"></label>
</form>"""
    assert personal("cv.html", text) == {
        (1, "name"),
        (3, "other_personal"),
        (5, "employment"),
        (6, "employment"),
        (8, "employment"),
    }


def test_a_chinese_job_application_asks_about_the_party_and_a_record_of_violations() -> None:
    text = """<form><input name="name" placeholder="请输入您的名字">
<label>入党/团时间：<input name="rdsj"></label>
<label>违法记录: <input type="checkbox" name="wf1"> 无</label>
</form>"""
    assert personal("apply.jsp", text) == {(1, "name"), (2, "political_opinion"), (3, "criminal_record")}


def test_the_parts_of_a_name_side_by_side_are_a_name() -> None:
    """`First`, `Middle`, `Last` and `Suffix` in one form are a name; a lone `first` (a page of
    results) is not."""
    text = """<form id="person"><input name="Title">
<input name="First"><input name="Middle">
<input name="Last"><input name="Suffix">
</form>
<form id="pages"><input name="first" type="text"><input name="size"></form>"""
    assert personal("person.cshtml", text) == {(2, "name"), (3, "name")}
    named = [f.control.name for f in read_fields("person.cshtml", text) if f.category == "name"]
    assert named == ["First", "Middle", "Last", "Suffix"]


def test_a_number_between_the_words_of_a_name_counts_fields() -> None:
    """`emergency1Number1` and "Contact 2 Number 1" ask for a phone number; in `i11l_bs_limit`
    the number is part of an abbreviation, not a count."""
    text = """<form><input name="emergency1Number1">
<label>Contact 2 Number 1 <input name="e2n1"></label>
<input name="i11l_bs_limit">
<input name="fullname"></form>"""
    assert personal("emergency.php", text) == {(1, "phone"), (2, "phone"), (4, "name")}


def test_a_run_of_checkboxes_answers_the_question_before_the_first() -> None:
    """`Race: [ ] White [ ] Black [ ] Native Hawaiian/Pacific Islander`, each of its own name;
    a consent box after the run is a statement of its own."""
    text = """<form><input name="fullname"><hr><strong>Race</strong><br>
<div><label><input type="checkbox" name="RWhite" value="Y">White</label>
<label><input type="checkbox" name="RBlack" value="Y">Black</label>
<label><input type="checkbox" name="RNatHa" value="Y">Native Hawaiian/Pacific Islander</label></div>
<label><input type="checkbox" name="terms" value="Y">I agree to the terms of service</label>
</form>"""
    assert personal("race.cfm", text) == {
        (1, "name"),
        (2, "race_ethnicity"),
        (3, "race_ethnicity"),
        (4, "race_ethnicity"),
    }


def test_a_radio_grid_whose_answers_head_its_columns() -> None:
    """The PHQ-9: `Not at all | Several days | More than half the days | Nearly every day` head
    the columns; each row is a question answered by a radio button in each column."""
    header = "".join(
        f"<td>{a}</td>" for a in ("Not at all", "Several Days", "More than half the days", "Nearly every day")
    )
    row = "".join(f'<td><input type="radio" name="q{{n}}" value="{v}"></td>' for v in range(4))
    rows = "".join(f"<tr>{row.format(n=n)}</tr>\n" for n in (1, 2))
    text = f'<form method="post"><input name="fullname">\n<table><tr>{header}</tr>\n{rows}</table></form>'
    assert personal("phq-9.php", text) == {(1, "name"), (3, "health"), (4, "health")}
    likert = (
        text.replace("Several Days", "Agree").replace("Nearly every day", "Disagree").replace("Not at all", "Neutral")
    )
    assert personal("survey.php", likert) == {(1, "name")}

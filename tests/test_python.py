"""Personal data declared in Python: Django models and forms, SQLAlchemy, SQLModel, WTForms,
Pydantic and FastAPI forms, read with `ast` and never run."""

from __future__ import annotations

from pathlib import Path

from datamin.check import Options, inventory
from datamin.parse import kind_of, wants
from datamin.parse.code.python import parse

DJANGO = '''from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField


class Staff(AbstractUser):
    """A clinic's staff account."""


class Person(models.Model):
    full_name = models.CharField(_("Full name"), max_length=120)
    ident = models.CharField(max_length=9, validators=[RegexValidator(r"^[STFGM]\\d{7}[A-Z]$")])
    mobile = PhoneNumberField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Gender(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


RACE_CHOICES = [("C", "Chinese"), ("M", "Malay"), ("I", "Indian"), ("O", "Others")]


class Patient(Person):
    born = models.DateField(_("Date of birth"))
    sex = models.CharField(max_length=1, choices=Gender.choices)
    kaum = models.CharField(max_length=1, choices=RACE_CHOICES)
    is_smoker = models.BooleanField(_("Smoker"), default=False)
    last_ip = models.GenericIPAddressField(null=True)
    clinic = models.ForeignKey("Clinic", on_delete=models.PROTECT)
    visits = models.PositiveIntegerField(default=0)


class Clinic(models.Model):
    name = models.CharField(max_length=100)
    phone = models.CharField(max_length=20)
'''


def scan(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], tuple[int, int, str | None, tuple[str, ...]]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert result.errors == []
    return {
        (f.control.container, f.control.name): (f.line, f.control.column, f.category, f.evidence) for f in result.fields
    }


def categories(found: dict[tuple[str, str], tuple[int, int, str | None, tuple[str, ...]]]) -> dict[str, str | None]:
    return {f"{container}.{name}": value[2] for (container, name), value in found.items()}


def test_a_bare_name_in_a_form_class_named_for_people(tmp_path: Path) -> None:
    """An admin's `MemberForm` asks for the member's name even with nothing else personal beside
    it; a `CategoryForm`'s name is the category's."""
    text = (
        "from django import forms\n\n\nclass AdminMemberForm(forms.Form):\n    mb_name = forms.CharField()\n"
        "    mb_level = forms.IntegerField()\n\n\nclass CategoryForm(forms.Form):\n    ca_name = forms.CharField()\n"
    )
    assert categories(scan(tmp_path, {"board/forms.py": text})) == {"AdminMemberForm.mb_name": "name"}


def test_django_models_by_name_class_verbose_name_choices_and_validators(tmp_path: Path) -> None:
    found = scan(tmp_path, {"clinic/models.py": DJANGO})
    assert categories(found) == {
        "Staff.username": "username", "Staff.first_name": "name", "Staff.last_name": "name",
        "Staff.email": "email", "Staff.password": "password",
        "Person.full_name": "name", "Person.ident": "national_id", "Person.mobile": "phone",
        "Patient.born": "date_of_birth", "Patient.sex": "gender", "Patient.kaum": "race_ethnicity",
        "Patient.is_smoker": "health", "Patient.last_ip": "ip_address",
    }  # fmt: skip
    # each where its name is written; an abstract base's field once, at the base; inherited ones at the class
    assert found[("Person", "full_name")][:2] == (13, 5)
    assert found[("Staff", "email")][:2] == (8, 7)
    assert found[("Staff", "email")][3][0] == "inherited from AbstractUser"
    assert "options: female/male" in found[("Patient", "sex")][3]
    assert any(e.startswith("pattern:") for e in found[("Person", "ident")][3])


def test_django_forms_and_a_model_forms_fields(tmp_path: Path) -> None:
    text = """from django import forms


class PatientForm(forms.ModelForm):
    class Meta:
        model = Patient
        fields = ["full_name", "nric", "notes_for_staff"]


class ContactForm(forms.Form):
    email = forms.EmailField(label="Your email")
    message = forms.CharField(widget=forms.Textarea)
    secret = forms.CharField(widget=forms.PasswordInput)
    passport = forms.CharField(label="Passport number", max_length=20)
"""
    found = scan(tmp_path, {"forms.py": text})
    assert categories(found) == {
        "PatientForm.full_name": "name", "PatientForm.nric": "national_id", "ContactForm.email": "email",
        "ContactForm.secret": "password", "ContactForm.passport": "passport",
    }  # fmt: skip
    assert found[("PatientForm", "nric")][:2] == (7, 32)


def test_sqlalchemy_flask_sqlalchemy_and_tables(tmp_path: Path) -> None:
    text = """from datetime import date
from typing import Optional

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

db = SQLAlchemy()


class Customer(db.Model):
    __tablename__ = "customers"
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True, nullable=False)
    password_hash = db.Column(db.String(128))
    x1 = db.Column(db.String(45), comment="Last login IP")
    tier = db.Column(db.String(10))


class Base(DeclarativeBase):
    pass


class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    birthday: Mapped[Optional[date]]
    ic_no: Mapped[str] = mapped_column(String(14), comment="MyKad")
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    orders: Mapped[list["Order"]] = relationship()


visits = Table("visits", Base.metadata, Column("id", Integer, primary_key=True), Column("diagnosis", String(200)))
"""
    assert categories(scan(tmp_path, {"models.py": text})) == {
        "Customer.email": "email", "Customer.password_hash": "password", "Customer.x1": "ip_address",
        "Member.birthday": "date_of_birth", "Member.ic_no": "national_id", "visits.diagnosis": "health",
    }  # fmt: skip


def test_sqlmodel_tables_pydantic_bodies_and_fastapi_forms(tmp_path: Path) -> None:
    text = """from datetime import date

from fastapi import FastAPI, Form
from pydantic import BaseModel, EmailStr, Field
from pydantic_settings import BaseSettings
from sqlmodel import SQLModel

app = FastAPI()


class PatientIn(BaseModel):
    full_name: str = Field(..., description="Patient's full name")
    contact: EmailStr
    born: date = Field(description="Date of birth")
    ident: str = Field(pattern=r"^[STFG]\\d{7}[A-Z]$")
    notes: str | None = None


class Patient(SQLModel, table=True):
    id: int | None = None
    nric: str
    age: int | None = None


class Settings(BaseSettings):
    admin_email: str


@app.post("/register")
async def register(email: str = Form(...), phone: str = Form(...), plan: str = Form("basic")):
    return {}
"""
    found = scan(tmp_path, {"api.py": text})
    assert categories(found) == {
        "PatientIn.full_name": "name", "PatientIn.contact": "email", "PatientIn.born": "date_of_birth",
        "PatientIn.ident": "national_id", "Patient.nric": "national_id", "Patient.age": "date_of_birth",
        "register.email": "email", "register.phone": "phone",
        "PatientIn.notes": "other_personal",  # a patient's body: the notes are about the patient
    }  # fmt: skip


def test_wtforms(tmp_path: Path) -> None:
    text = """from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Regexp


class SignupForm(FlaskForm):
    f1 = StringField("NRIC", validators=[DataRequired(), Regexp(r"^[STFG]\\d{7}[A-Z]$")])
    f2 = EmailField("Email", validators=[Email()])
    f3 = PasswordField("Password")
    f4 = DateField("Date of birth")
    f5 = SelectField("Agama", choices=[("b", "Buddha"), ("i", "Islam")])
    coupon = StringField("Coupon code")
    submit = SubmitField("Sign up")
"""
    assert categories(scan(tmp_path, {"forms.py": text})) == {
        "SignupForm.f1": "national_id", "SignupForm.f2": "email", "SignupForm.f3": "password",
        "SignupForm.f4": "date_of_birth", "SignupForm.f5": "religion",
    }  # fmt: skip


def test_python_files_are_read_only_when_they_declare_data() -> None:
    assert kind_of("app/models.py") == "python"
    assert wants("app/models.py", "from django.db import models\n")
    assert not wants("scripts/backup.py", "import os\nprint(os.getcwd())\n")


def test_a_syntax_error_is_an_error_with_its_line() -> None:
    parsed = parse("models.py", "from django.db import models\n\nclass Patient(models.Model:\n    nric = 1\n")
    assert parsed.controls == []
    assert [(e.line, e.message.split(":")[0]) for e in parsed.errors] == [(3, "Python syntax error")]


def test_code_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"from django.db import models\nopen({str(marker)!r}, 'w').write('x')\n\nclass P(models.Model):\n    nric = models.CharField(max_length=9)\n"
    found = scan(tmp_path, {"models.py": text})
    assert categories(found) == {"P.nric": "national_id"} and not marker.exists()


MIGRATION_1 = """from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Patient",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("full_name", models.CharField(max_length=120, verbose_name="Full name")),
                ("ic", models.CharField(max_length=12)),
                ("religion", models.CharField(max_length=20)),
            ],
        ),
    ]
"""
MIGRATION_2 = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("clinic", "0001_initial")]
    operations = [
        migrations.AddField(model_name="patient", name="dob", field=models.DateField(null=True)),
        migrations.RenameField(model_name="patient", old_name="ic", new_name="nric"),
        migrations.RemoveField(model_name="patient", name="religion"),
    ]
"""


def test_django_migrations_are_applied_in_order(tmp_path: Path) -> None:
    files = {"clinic/migrations/0001_initial.py": MIGRATION_1, "clinic/migrations/0002_patient_more.py": MIGRATION_2}
    found = scan(tmp_path, files)
    assert categories(found) == {
        "Patient.full_name": "name",
        "Patient.dob": "date_of_birth",
        "Patient.nric": "national_id",
    }
    assert {value[0] for value in found.values()} == {12, 7, 8}  # each where it stands: nric where it was renamed


def test_a_new_migration_read_alone_says_what_it_adds(tmp_path: Path) -> None:
    """A pre-commit run on the one migration that adds `nric`."""
    text = MIGRATION_2.replace('migrations.RenameField(model_name="patient", old_name="ic", new_name="nric"),', "")
    text = text.replace(
        'name="dob", field=models.DateField(null=True)', 'name="nric", field=models.CharField(max_length=9)'
    )
    found = scan(tmp_path, {"clinic/migrations/0007_patient_nric.py": text})
    assert categories(found) == {"patient.nric": "national_id"}


def test_a_field_the_model_declares_is_reported_at_the_model(tmp_path: Path) -> None:
    models = """from django.db import models


class Person(models.Model):
    full_name = models.CharField(max_length=120)
    nric = models.CharField(max_length=9)

    class Meta:
        abstract = True


class Patient(Person):
    dob = models.DateField()
"""
    files = {
        "clinic/models.py": models,
        "clinic/migrations/0001_initial.py": MIGRATION_1,
        "clinic/migrations/0002_patient_more.py": MIGRATION_2,
    }
    assert categories(scan(tmp_path, files)) == {
        "Person.full_name": "name", "Person.nric": "national_id", "Patient.dob": "date_of_birth",
    }  # fmt: skip


def test_alembic_revisions_along_down_revision_and_only_upgrade(tmp_path: Path) -> None:
    first = """import sqlalchemy as sa
from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(120), nullable=False),
        sa.Column("ic_number", sa.String(12)),
        sa.Column("religion", sa.String(20)),
    )


def downgrade():
    op.drop_table("customers")
"""
    second = """import sqlalchemy as sa
from alembic import op

revision = "b2"
down_revision = "a1"


def upgrade():
    op.add_column("customers", sa.Column("birth_date", sa.Date(), comment="Date of birth"))
    op.drop_column("customers", "religion")
    op.alter_column("customers", "ic_number", new_column_name="nric")
    with op.batch_alter_table("customers") as batch_op:
        batch_op.add_column(sa.Column("mobile", sa.String(20)))


def downgrade():
    op.add_column("customers", sa.Column("passport_no", sa.String(20)))
"""
    # named so that the names sort the other way round from the chain
    found = scan(tmp_path, {"alembic/versions/0b_first.py": first, "alembic/versions/0a_second.py": second})
    assert categories(found) == {
        "customers.email": "email", "customers.birth_date": "date_of_birth", "customers.nric": "national_id",
        "customers.mobile": "phone",
    }  # fmt: skip


def test_a_model_forms_field_takes_its_models_evidence(tmp_path: Path) -> None:
    """`fields = ["ident"]` of a model whose `ident` is labelled "NRIC" asks for an NRIC."""
    models = 'from django.db import models\n\n\nclass Patient(models.Model):\n    ident = models.CharField("NRIC", max_length=9)\n'
    forms = (
        "from django import forms\n\nfrom .models import Patient\n\n\nclass PatientForm(forms.ModelForm):\n"
        '    class Meta:\n        model = Patient\n        fields = ["ident", "notes"]\n'
    )
    found = scan(tmp_path, {"app/models.py": models, "app/forms.py": forms})
    assert categories(found) == {"Patient.ident": "national_id", "PatientForm.ident": "national_id"}
    assert found[("PatientForm", "ident")][3][0] == "the field Patient.ident of its model"
    assert categories(scan(tmp_path / "alone", {"forms.py": forms})) == {}  # without its model: nothing to go by


def test_identifier_sprawl_counts_model_tables_and_sql_tables_alike(tmp_path: Path) -> None:
    from datamin.check import check
    from datamin.manifest import load_manifest

    models = (
        "from django.db import models\n\n\nclass Customer(models.Model):\n    email = models.EmailField()\n\n\n"
        "class NewsletterSignup(models.Model):\n    email = models.EmailField()\n"
    )
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "models.py").write_text(models, encoding="utf-8")
    (tmp_path / "legacy.sql").write_text("CREATE TABLE customers (id int, email varchar(255));\n", encoding="utf-8")
    (tmp_path / "datamin.yml").write_text(
        "version: 1\norganisation: {name: Shop, country: SG}\npurposes:\n  - id: orders\n    description: Orders\n"
        "    use: essential.service\n    lawful_basis: contract\n    retention: P2Y\n"
        "identity_tables: [Customer]\ndata:\n  - category: email\n    purposes: [orders]\n",
        encoding="utf-8",
    )
    result = check([str(tmp_path)], load_manifest(str(tmp_path / "datamin.yml")), Options(jobs=1))
    sprawl = sorted((Path(f.path).name, f.container) for f in result.findings if f.code == "DM400")
    assert sprawl == [("legacy.sql", "customers"), ("models.py", "NewsletterSignup")]


def test_a_json_schema_written_as_a_python_dict(tmp_path: Path) -> None:
    text = (
        'MEMBER_SCHEMA = {\n    "type": "object",\n    "required": ["email"],\n    "properties": {\n'
        '        "first_name": {"type": "string", "title": "First name"},\n'
        '        "address": {"type": "object", "properties": {"postcode": {"type": "string"}}},\n'
        '        "visits": {"type": "integer"},\n    },\n}\nchart = {"properties": {"colour": "red"}}\n'
    )
    (tmp_path / "schemas.py").write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert {(f.control.container, f.control.name, f.line, f.category, f.control.source) for f in result.fields} == {
        ("MEMBER_SCHEMA", "first_name", 5, "name", "api"),
        ("MEMBER_SCHEMA", "postcode", 6, "address", "api"),
    }

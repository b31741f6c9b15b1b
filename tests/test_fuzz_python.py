"""Random Python made of the pieces models, migrations and forms are made of: never a crash,
a syntax error is an error with a line, every field where its name is."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datamin.classify import classify_all
from datamin.parse.code.python import parse

HEADERS = [
    "from django.db import models\n", "from django.db import migrations, models\n", "from django import forms\n",
    "from sqlalchemy import Column, String\n", "from flask_wtf import FlaskForm\n", "from pydantic import BaseModel\n",
    "from sqlmodel import SQLModel, Field\n", "from alembic import op\nimport sqlalchemy as sa\nrevision = 'a'\n",
    "from ariadne import gql\n",
]  # fmt: skip
PIECES = [
    "\n", "    ", "class P(models.Model):\n", "class F(forms.ModelForm):\n", "class M(migrations.Migration):\n",
    "class B(BaseModel):\n", "class H(SQLModel, table=True):\n", "class W(FlaskForm):\n", "class Meta:\n",
    "nric = ", "dob: date = ", "email: EmailStr\n", "models.CharField(", "models.DateField(", "forms.EmailField(",
    "Column(", "String(9)", "mapped_column(", "Field(", "StringField(", "Form(", "ForeignKey(", ")", "(", "[", "]",
    ",", "'x'", '"NRIC"', "_('Date of birth')", "verbose_name=", "choices=", "[('M', 'Male')]", "fields = [",
    "operations = [", "migrations.AddField(model_name='p', name='ic', field=models.CharField())",
    "migrations.RenameField('p', 'ic', 'nric')", "migrations.RemoveField('p', 'nric')", "dependencies = [('a', '1')]",
    "def upgrade():\n", "op.add_column('t', sa.Column('dob', sa.Date()))", "op.drop_column('t', 'dob')", "=", ":",
    "Mapped[", "Optional[", "None", "生日", "이메일", "'\\x00'", "lambda", "async def f(x: str = Form(...)):\n",
    "S = {", '"type": "object", ', '"properties": {', '"email": {"type": "string"}', "}", "{",
    'gql("""', '"""', "type Customer {\n", "  email: String\n", '  "doc" phone: String\n', "\r\n",
]  # fmt: skip

source = st.tuples(
    st.sampled_from(HEADERS), st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=50)
).map(lambda parts: parts[0] + "".join(parts[1]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=source)
def test_random_python_never_crashes(text: str) -> None:
    parsed = parse("models.py", text)
    lines = text.splitlines()
    for error in parsed.errors:
        assert error.line is None or 1 <= error.line <= len(lines) + 1
    for control in parsed.controls:
        assert 1 <= control.line <= len(lines)
        assert 1 <= control.column <= len(lines[control.line - 1]) + 1
    classify_all(parsed.controls)

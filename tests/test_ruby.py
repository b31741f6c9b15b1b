"""Personal data declared in Rails: schema.rb, migrations in version order, strong parameters;
read with tree-sitter-ruby, never run."""

from __future__ import annotations

from pathlib import Path

from datamin.check import Options, inventory
from datamin.parse.code.ruby import parse

MIGRATIONS = {
    "db/migrate/20240101000000_create_patients.rb": """class CreatePatients < ActiveRecord::Migration[7.1]
  def change
    create_table :patients do |t|
      t.string :full_name, null: false
      t.string :ic_no
      t.string :religion
      t.references :clinic
      t.timestamps
    end
  end
end
""",
    "db/migrate/20240301000000_more_patient_fields.rb": """class MorePatientFields < ActiveRecord::Migration[7.1]
  def change
    add_column :patients, :date_of_birth, :date, comment: "Date of birth"
    rename_column :patients, :ic_no, :nric
    reversible do |dir|
      dir.up { add_column :patients, :mobile, :string }
      dir.down { add_column :patients, :passport_no, :string }
    end
  end
end
""",
    "db/migrate/20240501000000_drop_religion.rb": """class DropReligion < ActiveRecord::Migration[7.1]
  def up
    remove_column :patients, :religion
  end

  def down
    add_column :patients, :religion, :string
  end
end
""",
}


def scan(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[str, int, str | None]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert result.errors == []
    return {f"{f.control.container}.{f.control.name}": (Path(f.path).name, f.line, f.category) for f in result.fields}


def test_migrations_leave_the_columns_that_stand(tmp_path: Path) -> None:
    """A renamed column where its new name is written, a dropped one gone, a `down` step and the
    down half of `reversible` not the schema."""
    assert scan(tmp_path, MIGRATIONS) == {
        "patients.full_name": ("20240101000000_create_patients.rb", 4, "name"),
        "patients.date_of_birth": ("20240301000000_more_patient_fields.rb", 3, "date_of_birth"),
        "patients.nric": ("20240301000000_more_patient_fields.rb", 4, "national_id"),
        "patients.mobile": ("20240301000000_more_patient_fields.rb", 6, "phone"),
    }


def test_schema_rb_and_a_migration_read_alone(tmp_path: Path) -> None:
    schema = """ActiveRecord::Schema[7.1].define(version: 2024_05_01_000000) do
  create_table "patients", force: :cascade do |t|
    t.string "full_name", null: false
    t.string "x1", comment: "NRIC"
    t.date "date_of_birth"
    t.index ["x1"], unique: true
  end

  create_table "clinics", force: :cascade do |t|
    t.string "name"
  end
end
"""
    found = scan(tmp_path, {"db/schema.rb": schema})
    assert found == {
        "patients.full_name": ("schema.rb", 3, "name"),
        "patients.x1": ("schema.rb", 4, "national_id"),
        "patients.date_of_birth": ("schema.rb", 5, "date_of_birth"),
    }
    # with the migrations that create them in the scan, the columns are reported there
    both = scan(tmp_path / "both", {"db/schema.rb": schema.replace('"x1"', '"nric"'), **MIGRATIONS})
    assert {where[0] for where in both.values()} == {
        "20240101000000_create_patients.rb",
        "20240301000000_more_patient_fields.rb",
    }
    alone = parse(
        "20240301000000_more_patient_fields.rb", MIGRATIONS["db/migrate/20240301000000_more_patient_fields.rb"]
    )
    # read alone, a rename of a column it has not seen says that column stands, where it is renamed
    assert [c.name for c in alone.controls] == ["date_of_birth", "nric", "mobile"]


def test_strong_parameters_are_a_forms_fields(tmp_path: Path) -> None:
    controller = """class PatientsController < ApplicationController
  def patient_params
    params.require(:patient).permit(:full_name, :nric, :notes, address_attributes: [:line1, :postal_code])
  end
end
"""
    assert scan(tmp_path, {"app/controllers/patients_controller.rb": controller}) == {
        "patient.full_name": ("patients_controller.rb", 3, "name"),
        "patient.nric": ("patients_controller.rb", 3, "national_id"),
        "patient.line1": ("patients_controller.rb", 3, "address"),
        "patient.postal_code": ("patients_controller.rb", 3, "address"),
        "patient.notes": ("patients_controller.rb", 3, "other_personal"),  # notes about the patient
    }

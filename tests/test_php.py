"""Personal data declared in Laravel: migrations in file-name order, validation rules; read
with tree-sitter-php, never run. A PHP template is still read as a template."""

from __future__ import annotations

from pathlib import Path

from datamin.check import Options, inventory

CREATE = """<?php

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('patients', function (Blueprint $table) {
            $table->id();
            $table->string('nama', 120);
            $table->string('no_kp', 12)->unique()->comment('MyKad');
            $table->enum('jantina', ['L', 'P']);
            $table->string('agama')->nullable();
            $table->foreignId('user_id')->constrained();
            $table->timestamps();
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('patients');
    }
};
"""
UPDATE = """<?php

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('patients', function (Blueprint $table) {
            $table->dropColumn('agama');
            $table->renameColumn('nama', 'nama_penuh');
            $table->string('no_telefon', 20)->nullable()->comment('Nombor telefon bimbit');
        });
    }

    public function down(): void
    {
        Schema::table('patients', function (Blueprint $table) {
            $table->string('passport_no');
        });
    }
};
"""


def scan(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[str, int, str | None]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert result.errors == []
    return {f"{f.control.container}.{f.control.name}": (Path(f.path).name, f.line, f.category) for f in result.fields}


def test_migrations_in_file_name_order_and_only_up(tmp_path: Path) -> None:
    files = {
        "database/migrations/2024_03_01_000000_update_patients_table.php": UPDATE,
        "database/migrations/2024_01_01_000000_create_patients_table.php": CREATE,
    }
    assert scan(tmp_path, files) == {
        "patients.no_kp": ("2024_01_01_000000_create_patients_table.php", 10, "national_id"),
        "patients.jantina": ("2024_01_01_000000_create_patients_table.php", 11, "gender"),
        "patients.nama_penuh": ("2024_03_01_000000_update_patients_table.php", 9, "name"),
        "patients.no_telefon": ("2024_03_01_000000_update_patients_table.php", 10, "phone"),
    }


def test_validation_rules_are_a_forms_fields(tmp_path: Path) -> None:
    request = """<?php

class StorePatientRequest extends FormRequest
{
    public function rules(): array
    {
        return [
            'nama_penuh' => 'required|string|max:120',
            'ic' => ['required', 'digits:12', 'regex:/^\\d{6}-?\\d{2}-?\\d{4}$/'],
            'contact' => 'required|email',
            'catatan' => 'nullable|string',
        ];
    }
}
"""
    controller = """<?php

class BookingController extends Controller
{
    public function store(Request $request)
    {
        $data = $request->validate(['phone' => 'required', 'quantity' => 'integer']);
        return view('booking.thanks', $data);
    }
}
"""
    found = scan(
        tmp_path,
        {
            "app/Http/Requests/StorePatientRequest.php": request,
            "app/Http/Controllers/BookingController.php": controller,
        },
    )
    assert {key: value[2] for key, value in found.items()} == {
        "StorePatientRequest.nama_penuh": "name", "StorePatientRequest.ic": "national_id",
        "StorePatientRequest.contact": "email", "store.phone": "phone",
    }  # fmt: skip


def test_a_php_template_with_rules_is_read_as_both(tmp_path: Path) -> None:
    page = """<?php
$errors = Validator::make($_POST, ['email' => 'required|email']);
?>
<form method="post"><label>Full name <input name="full_name"></label></form>
"""
    found = scan(tmp_path, {"signup.php": page})
    assert {key: value[2] for key, value in found.items()} == {"form.full_name": "name", "rules.email": "email"}

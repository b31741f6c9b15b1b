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
        "StorePatientRequest.catatan": "other_personal",  # notes about the patient
    }  # fmt: skip


def test_rules_given_to_validate_through_a_variable(tmp_path: Path) -> None:
    """`$this->validate($request, $rules, $messages)`: the array assigned to `$rules`, not the
    messages'."""
    controller = """<?php

class PasienController extends Controller
{
    public function store(Request $request)
    {
        $rules = [
            'nik' => 'required|min:16',
            'tgl_lahir' => 'required',
        ];
        $messages = ['required' => ':attribute tidak boleh kosong!'];
        $this->validate($request, $rules, $messages);
    }
}
"""
    found = scan(tmp_path, {"app/Http/Controllers/PasienController.php": controller})
    assert {key: value[2] for key, value in found.items()} == {
        "store.nik": "national_id",
        "store.tgl_lahir": "date_of_birth",
    }


def test_a_php_template_with_rules_is_read_as_both(tmp_path: Path) -> None:
    page = """<?php
$errors = Validator::make($_POST, ['email' => 'required|email']);
?>
<form method="post"><label>Full name <input name="full_name"></label></form>
"""
    found = scan(tmp_path, {"signup.php": page})
    assert {key: value[2] for key, value in found.items()} == {"form.full_name": "name", "rules.email": "email"}


ENTITY = """<?php

namespace App\\Entity;

use Doctrine\\ORM\\Mapping as ORM;

#[ORM\\Entity]
#[ORM\\Table(name: 'patients')]
class Patient
{
    #[ORM\\Id, ORM\\GeneratedValue, ORM\\Column]
    private ?int $id = null;

    #[ORM\\Column(length: 120)]
    private ?string $fullName = null;

    #[ORM\\Column(length: 9, options: ['comment' => 'NRIC'])]
    private ?string $ident = null;

    #[ORM\\Column(type: 'date')]
    private ?\\DateTimeInterface $birthDate = null;

    #[ORM\\ManyToOne(targetEntity: Clinic::class)]
    private ?Clinic $clinic = null;

    /**
     * @ORM\\Column(name="mobile_no", type="string", length=20)
     */
    private $mobile;
}
"""
FORM_TYPE = """<?php

class PatientType extends AbstractType
{
    public function buildForm(FormBuilderInterface $builder, array $options): void
    {
        $builder
            ->add('fullName', TextType::class, ['label' => 'Full name'])
            ->add('x2', BirthdayType::class, ['label' => 'Date of birth'])
            ->add('contact', EmailType::class)
            ->add('plainPassword', RepeatedType::class, ['type' => PasswordType::class])
            ->add('agree', CheckboxType::class, ['label' => 'I agree to the terms'])
            ->add('save', SubmitType::class);
    }
}
"""
MAPPING = """<?xml version="1.0" encoding="UTF-8"?>
<doctrine-mapping xmlns="http://doctrine-project.org/schemas/orm/doctrine-mapping">
    <entity name="App\\Entity\\Member" table="members">
        <id name="id" type="integer"/>
        <field name="email" type="string" length="180"/>
        <field name="dateOfBirth" column="date_of_birth" type="date"/>
        <field name="points" type="integer"/>
    </entity>
</doctrine-mapping>
"""


def test_doctrine_entities_by_attribute_annotation_and_xml(tmp_path: Path) -> None:
    files = {"src/Entity/Patient.php": ENTITY, "config/doctrine/Member.orm.xml": MAPPING}
    assert scan(tmp_path, files) == {
        "Patient.fullName": ("Patient.php", 15, "name"),
        "Patient.ident": ("Patient.php", 18, "national_id"),
        "Patient.birthDate": ("Patient.php", 21, "date_of_birth"),
        "Patient.mobile": ("Patient.php", 29, "phone"),
        "Member.email": ("Member.orm.xml", 5, "email"),
        "Member.dateOfBirth": ("Member.orm.xml", 6, "date_of_birth"),
    }


def test_symfony_form_types(tmp_path: Path) -> None:
    assert scan(tmp_path, {"src/Form/PatientType.php": FORM_TYPE}) == {
        "PatientType.fullName": ("PatientType.php", 8, "name"),
        "PatientType.x2": ("PatientType.php", 9, "date_of_birth"),
        "PatientType.contact": ("PatientType.php", 10, "email"),
        "PatientType.plainPassword": ("PatientType.php", 11, "password"),
    }


def test_swagger_php_annotations_and_attributes_declare_api_fields(tmp_path: Path) -> None:
    text = """<?php
/**
 * @OA\\Schema(
 *     schema="Patient",
 *     @OA\\Property(property="full_name", type="string", description="Patient's full name"),
 *     @OA\\Property(property="address", type="object",
 *         @OA\\Property(property="postcode", type="string")
 *     ),
 *     @OA\\Property(property="visits", type="integer")
 * )
 */
class PatientController extends Controller
{
    /**
     * @OA\\Get(path="/patients", @OA\\Parameter(name="email", in="query"), @OA\\Parameter(name="X-Token", in="header"))
     */
    public function index() {}
}

#[OA\\Schema(title: 'Tenant')]
class Tenant
{
    #[OA\\Property(type: 'string', format: 'email')]
    public string $contactEmail;
}
"""
    (tmp_path / "PatientController.php").write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert result.errors == []
    assert {(f.control.container, f.control.name, f.line, f.category, f.control.source) for f in result.fields} == {
        ("Patient", "full_name", 5, "name", "api"),
        ("Patient", "postcode", 7, "address", "api"),
        ("PatientController", "email", 15, "email", "api"),
        ("Tenant", "contactEmail", 24, "email", "api"),
    }  # the key that only groups (address), a count, a header: none


def test_a_swagger_php_schema_is_one_record_of_a_person_it_names(tmp_path: Path) -> None:
    """The properties of one `@OA\\Schema` are one record: a prescription that names its
    patient holds health data in its every measure."""
    text = """<?php
/**
 * @OA\\Schema(
 *     schema="Prescription",
 *     @OA\\Property(property="id", type="integer"),
 *     @OA\\Property(property="patient_name", type="string"),
 *     @OA\\Property(property="right_sphere", type="string"),
 *     @OA\\Property(property="left_axis", type="string")
 * )
 */
class SwaggerDefinitions {}
"""
    (tmp_path / "SwaggerDefinitions.php").write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert {(f.control.name, f.category) for f in result.fields} == {
        ("patient_name", "name"),
        ("right_sphere", "health"),
        ("left_axis", "health"),
    }
    assert len({f.control.form for f in result.fields}) == 1

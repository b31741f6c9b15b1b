"""Personal data declared in JavaScript and TypeScript: TypeORM, Sequelize, Mongoose, Zod and
Yup, read with tree-sitter, never run. A .tsx form with a Zod schema is read as both."""

from __future__ import annotations

from pathlib import Path

from helpers import listed

from datamin.check import Options, inventory

ENTITY = """import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from "typeorm";

@Entity("patients")
export class Patient {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 120 })
  fullName: string;

  @Column({ comment: "NRIC or FIN" })
  x1: string;

  @Column({ type: "date", nullable: true })
  dateOfBirth: Date;

  @Column({ type: "enum", enum: ["male", "female"] })
  sex: string;

  @ManyToOne(() => Clinic)
  clinic: Clinic;
}
"""
MONGOOSE = """const mongoose = require("mongoose");

const MemberSchema = new mongoose.Schema({
  name: { type: String, required: true },
  email: String,
  address: {
    street: String,
    postalCode: String,
  },
  plan: { type: mongoose.Schema.Types.ObjectId, ref: "Plan" },
  points: Number,
});
"""
SEQUELIZE = """module.exports = (sequelize, DataTypes) =>
  sequelize.define("Customer", {
    fullName: DataTypes.STRING,
    x2: { type: DataTypes.STRING(12), comment: "MyKad" },
    birthDate: { type: DataTypes.DATEONLY },
    tier: DataTypes.STRING,
  });
"""
MIGRATION = """module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("patients", {
      id: { type: Sequelize.INTEGER, primaryKey: true },
      email: { type: Sequelize.STRING },
    });
    await queryInterface.addColumn("patients", "phone", { type: Sequelize.STRING });
  },
};
"""
SIGNUP = """import { z } from "zod";
import * as yup from "yup";

export const signupSchema = z.object({
  email: z.string().email(),
  x3: z.string().regex(/^[STFG]\\d{7}[A-Z]$/),
  dob: z.coerce.date(),
  coupon: z.string().optional(),
});

const bookingSchema = yup.object().shape({ contactNumber: yup.string().required(), guests: yup.number() });

export function SignupForm() {
  return <form><input name="phone" type="tel" /></form>;
}
"""


def scan(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[int, str | None, str]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert result.errors == []
    return {f"{f.control.container}.{f.control.name}": (f.line, f.category, f.control.source) for f in result.fields}


def test_typeorm_entities(tmp_path: Path) -> None:
    assert scan(tmp_path, {"src/patient.entity.ts": ENTITY}) == {
        "Patient.fullName": (9, "name", "orm"),
        "Patient.x1": (12, "national_id", "orm"),
        "Patient.dateOfBirth": (15, "date_of_birth", "orm"),
        "Patient.sex": (18, "gender", "orm"),
    }


def test_mongoose_schemas_and_their_nested_objects(tmp_path: Path) -> None:
    assert scan(tmp_path, {"models/member.js": MONGOOSE}) == {
        "MemberSchema.name": (4, "name", "orm"),
        "MemberSchema.email": (5, "email", "orm"),
        "MemberSchema.street": (7, "address", "orm"),
        "MemberSchema.postalCode": (8, "address", "orm"),
    }


def test_sequelize_models_and_migrations(tmp_path: Path) -> None:
    found = scan(tmp_path, {"models/customer.js": SEQUELIZE, "migrations/20240101-create-patients.js": MIGRATION})
    assert found == {
        "Customer.fullName": (3, "name", "orm"),
        "Customer.x2": (4, "national_id", "orm"),
        "Customer.birthDate": (5, "date_of_birth", "orm"),
        "patients.email": (5, "email", "orm"),
        "patients.phone": (7, "phone", "orm"),
    }


def test_zod_and_yup_schemas_in_a_form_read_as_both(tmp_path: Path) -> None:
    assert scan(tmp_path, {"src/signup.tsx": SIGNUP}) == {
        "signupSchema.email": (5, "email", "form-class"),
        "signupSchema.x3": (6, "national_id", "form-class"),
        "signupSchema.dob": (7, "date_of_birth", "form-class"),
        "bookingSchema.contactNumber": (11, "phone", "form-class"),
        "form.phone": (14, "phone", "html"),
    }


def test_a_schema_whose_chain_starts_on_a_line_of_its_own(tmp_path: Path) -> None:
    """Prettier breaks a long chain before each call: `z\n  .object({...})\n  .refine(...)`."""
    text = """import { z } from "zod";

export const signupSchema = z
  .object({
    email: emailSchema,
    phoneNumber: z.string().optional(),
    role: roleSchema,
  })
  .refine((data) => data.email, { path: ["email"] });
"""
    assert scan(tmp_path, {"src/schemas/authSchema.ts": text}) == {
        "signupSchema.email": (5, "email", "form-class"),
        "signupSchema.phoneNumber": (6, "phone", "form-class"),
    }


def test_an_item_of_a_list_is_an_entry_of_what_the_list_holds(tmp_path: Path) -> None:
    """`employmentItemSchema` is one job of an applicant's list; a cart's item is still goods."""
    text = """import * as Yup from "yup";
export const employmentItemSchema = Yup.object().shape({
  company: Yup.string(),
  email: Yup.string().email(),
});
export const cartItemSchema = Yup.object().shape({
  name: Yup.string(),
  weight: Yup.number(),
});
"""
    assert scan(tmp_path, {"src/schemas.ts": text}) == {"employmentItemSchema.email": (4, "email", "form-class")}


def test_a_mongoose_schema_made_without_new(tmp_path: Path) -> None:
    text = """const mongoose = require('mongoose')
const kycSchema = mongoose.Schema({
  fiscalCode: { type: String, required: true },
  cellular: String,
  plan: { type: mongoose.Schema.Types.ObjectId, ref: 'Plan' },
})
module.exports = mongoose.model('KYC', kycSchema)
"""
    assert scan(tmp_path, {"models/KYC.model.js": text}) == {
        "kycSchema.fiscalCode": (3, "national_id", "orm"),
        "kycSchema.cellular": (4, "phone", "orm"),
    }


def test_a_json_schema_written_as_a_javascript_object(tmp_path: Path) -> None:
    text = """module.exports = {
  title: 'Membership application',
  type: 'object',
  required: ['firstName'],
  properties: {
    firstName: { type: 'string', title: 'First name' },
    address: {
      type: 'object',
      properties: { postcode: { type: 'string', title: 'Postcode' } },
    },
    boatLength: { type: 'number' },
    dob: { type: 'string', format: 'date' },
  },
};
const chart = { properties: { colour: 'red' } };
"""
    assert scan(tmp_path, {"member.schema.js": text}) == {
        "Membership application.firstName": (6, "name", "api"),
        "Membership application.postcode": (9, "address", "api"),
        "Membership application.dob": (12, "date_of_birth", "api"),
    }  # the key that only groups (address) is no field; a chart's properties are no schema


def test_a_mongoose_reference_to_a_list_of_religions_holds_a_religion(tmp_path: Path) -> None:
    """A patient's `agama` refers to a row of a list of religions: the key is the religion. A
    reference to a user or to a hotel's page is a key and nothing more."""
    text = """const mongoose = require('mongoose');
const PasienSchema = new mongoose.Schema({
  nama: { type: String },
  agama: { type: mongoose.Schema.Types.ObjectId, ref: 'Tbl_agama' },
  user: { type: mongoose.Schema.Types.ObjectId, ref: 'User' },
  aboutHotel: { type: mongoose.Schema.Types.ObjectId, ref: 'aboutHotel' },
});
module.exports = mongoose.model('Pasien', PasienSchema);
"""
    assert listed(tmp_path, {"Tbl_pasien.js": text}) == [(3, "nama", "name"), (4, "agama", "religion")]


def test_a_birth_date_asked_in_parts_and_a_mentors_name(tmp_path: Path) -> None:
    """An AJV schema of a KYC form: `dateOfBirth: {day, month, year}` is the birth date in
    parts; a project's `mentorName` names a person."""
    text = """export const kycSchema = {
  type: 'object',
  properties: {
    dateOfBirth: {
      type: 'object',
      properties: {
        day: { type: 'string' },
        month: { type: 'string' },
        year: { type: 'string' },
      },
    },
    project: { type: 'object', properties: { mentorName: { type: 'string' }, year: { type: 'string' } } },
  },
}
"""
    assert listed(tmp_path, {"kyc.ts": text}) == [
        (7, "day", "date_of_birth"),
        (8, "month", "date_of_birth"),
        (9, "year", "date_of_birth"),
        (12, "mentorName", "name"),
    ]


def test_a_javascript_json_schemas_conditional_and_combined_parts(tmp_path: Path) -> None:
    """What a form asks once an answer is given (`dependencies`, `then`) and the parts of a
    `oneOf` or `allOf` are fields too; a part that only narrows a declared property is not."""
    text = """export default {
  type: 'object',
  properties: {
    driving: { type: 'boolean', title: 'Are you driving?' },
  },
  dependencies: {
    driving: {
      oneOf: [
        { properties: { driving: { enum: [false] } } },
        { properties: { driving: { enum: [true] }, mobile_phone: { type: 'string', title: 'Mobile phone' } } },
      ],
    },
  },
  if: { properties: { driving: { const: true } } },
  then: { properties: { licence_plate: { type: 'string', title: 'Licence plate' } } },
  allOf: [{ properties: { email: { type: 'string', format: 'email' } } }],
};
"""
    assert scan(tmp_path, {"camper.schema.js": text}) == {
        "schema.mobile_phone": (10, "phone", "api"),
        "schema.licence_plate": (15, "other_personal", "api"),
        "schema.email": (16, "email", "api"),
    }


def test_a_swagger_definition_written_as_a_named_object(tmp_path: Path) -> None:
    text = 'module.exports = [\n  {\n    name: "parentAdd",\n    properties: {\n      firstName: { type: "string" },\n      kids: { type: "number" },\n    },\n  },\n];\n'
    assert scan(tmp_path, {"specs/definitions/add-parent.js": text}) == {"parentAdd.firstName": (5, "name", "api")}


def test_a_cards_expiry_and_holder_beside_its_number(tmp_path: Path) -> None:
    """Next to a card's number, `expiration` and `cardName` are that card's; alone (a coupon's
    expiry) or far down a record (an insurance card's expiry after six other fields) they are not."""
    checkout = (
        'import * as yup from "yup";\n'
        "export const checkout = yup.object({\n"
        "  email: yup.string().email(),\n"
        "  cardName: yup.string().required(),\n"
        "  cardNumber: yup.string().required(),\n"
        "  expiration: yup.date().required(),\n"
        "  cvv: yup.string(),\n"
        "});\n"
        "export const coupon = yup.object({\n"
        "  code: yup.string(),\n"
        "  expiration: yup.date(),\n"
        "});\n"
    )
    found = scan(tmp_path, {"checkout.js": checkout})
    assert {key: category for key, (_, category, _) in found.items()} == {
        "checkout.email": "email",
        "checkout.cardName": "name",
        "checkout.cardNumber": "financial_card",
        "checkout.expiration": "financial_card",
        "checkout.cvv": "financial_card",
    }
    record = (
        'import { z } from "zod";\n'
        "export const employee = z.object({\n"
        "  first_name: z.string(),\n"
        "  card_number: z.string(),\n"
        "  effective_date: z.date(),\n"
        "  room_plan: z.string(),\n"
        "  benefit_limit: z.string(),\n"
        "  member_type: z.string(),\n"
        "  expiration_date: z.date(),\n"
        "});\n"
    )
    found = scan(tmp_path / "record", {"employee.ts": record})
    assert "employee.expiration_date" not in found


def test_mikro_orm_entities_are_read_as_typeorms_are(tmp_path: Path) -> None:
    """MikroORM writes its entities with `@Property()` and `@PrimaryKey()`, and names the table
    with `tableName`; its relations are not columns."""
    entity = """import { Entity, PrimaryKey, Property, ManyToOne } from '@mikro-orm/core';

@Entity({ tableName: 'tb_salary' })
export class Salary {
  @PrimaryKey()
  id!: string;

  @Property({ columnType: 'date' })
  dateOfBirth!: Date;

  @Property()
  employee_id!: string;

  @Property()
  basic_salary!: number;

  @ManyToOne(() => Employee)
  employee!: Employee;
}
"""
    assert listed(tmp_path, {"salary.entity.ts": entity}) == [
        (9, "dateOfBirth", "date_of_birth"), (15, "basic_salary", "income")
    ]  # fmt: skip


def test_a_yup_shape_kept_as_a_plain_object_of_rules(tmp_path: Path) -> None:
    """`export const userSchema = { firstName: yup.string(), ... }`, given to `.shape()` in another
    file, is a form's fields; an object of other values is not."""
    code = """import * as yup from "yup";

export const userSchema = {
  firstName: yup.string().max(32).required(),
  phoneNumber: yup
    .string()
    .matches(/^[0-9]{10,11}$/),
  agreed: yup.boolean(),
};
export const labels = { firstName: "First name", email: "Email" };
"""
    assert listed(tmp_path, {"validations/user.ts": code}) == [(4, "firstName", "name"), (5, "phoneNumber", "phone")]

"""Personal data declared in Prisma schemas and API schemas (OpenAPI, JSON Schema, GraphQL SDL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import listed

from datamin.check import Options, inventory
from datamin.parse import kind_of, wants


def schemas(named: str) -> str:
    """An OpenAPI 3 document of the named schemas given, written as under `components.schemas`:
    their first line is the document's sixth."""
    return 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n' + named


PRISMA = """datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum Gender {
  MALE
  FEMALE
}

model Patient {
  id        Int      @id @default(autoincrement())
  /// Full name as in the NRIC
  fullName  String   @map("full_name")
  x2        String   @unique
  dob       DateTime @db.Date
  gender    Gender
  clinic    Clinic   @relation(fields: [clinicId], references: [id])
  clinicId  Int
  createdAt DateTime @default(now())

  @@map("patients")
}

model Clinic {
  id       Int       @id
  name     String
  phone    String
  patients Patient[]
}
"""
OPENAPI = """openapi: 3.0.3
info:
  title: Clinic API
  version: "1.0"
paths:
  /patients:
    post:
      operationId: createPatient
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                x1:
                  type: string
                  description: NRIC or FIN
                contact:
                  type: string
                  format: email
      parameters:
        - name: referrer
          in: query
          schema:
            type: string
components:
  schemas:
    Patient:
      type: object
      properties:
        fullName:
          type: string
        dateOfBirth:
          type: string
          format: date
        address:
          type: object
          properties:
            postalCode:
              type: string
        clinic:
          $ref: '#/components/schemas/Clinic'
"""
GRAPHQL = """enum Gender { MALE FEMALE }

type Patient {
  id: ID!
  "Full name as in the NRIC"
  fullName: String!
  email: String
  gender: Gender
  clinic: Clinic
}

type Clinic { id: ID! name: String! }

input SignUpInput {
  phone: String!
  birthDate: Date
}

type Mutation {
  signUp(input: SignUpInput!, nric: String): Patient
}
"""


def scan(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[int, int, str | None]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert result.errors == []
    return {f"{f.control.container}.{f.control.name}": (f.line, f.control.column, f.category) for f in result.fields}


def categories(tmp_path: Path, files: dict[str, str]) -> dict[str, str | None]:
    """`scan`'s fields by `container.name`, with their categories alone."""
    return {key: category for key, (_, _, category) in scan(tmp_path, files).items()}


def schemas_only(schemas: str) -> str:
    """An OpenAPI 3 document of named schemas and no paths; `schemas` indented under them."""
    return 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:' + schemas


def test_prisma_models_enums_and_doc_comments(tmp_path: Path) -> None:
    assert scan(tmp_path, {"prisma/schema.prisma": PRISMA}) == {
        "Patient.fullName": (14, 3, "name"),
        "Patient.dob": (16, 3, "date_of_birth"),
        "Patient.gender": (17, 3, "gender"),
    }  # x2 says nothing; the clinic's own phone is the clinic's; a relation is not a column


def test_a_prisma_list_of_values_is_a_column_and_a_list_of_records_is_not(tmp_path: Path) -> None:
    """`medications String[]` is a column (an array in PostgreSQL); `visits Visit[]` is a relation:
    the data sits in Visit."""
    schema = (
        "model Patient {\n  id Int @id\n  fullName String\n  medications String[]\n  allergies Allergy[]\n"
        "  visits Visit[]\n}\n\nmodel Visit {\n  id Int @id\n  patientId Int\n}\n\nenum Allergy {\n  PEANUT\n  PENICILLIN\n}\n"
    )
    assert categories(tmp_path, {"prisma/schema.prisma": schema}) == {
        "Patient.fullName": "name",
        "Patient.medications": "health",
        "Patient.allergies": "health",
    }


# What a record of people holds, and what its names say: (files, categories by container.name).
RECORDS_OF_PEOPLE = [
    pytest.param(
        {
            "schema.graphql": "type Student {\n  name: String\n  grade: String\n  rollNo: String\n  institute: String\n"
            "  linkedinUrl: String\n}\ntype Product {\n  title: String\n  grade: String\n}\n"
        },
        {
            "Student.name": "name",
            "Student.grade": "other_personal",
            "Student.rollNo": "other_personal",
            "Student.institute": "other_personal",
            "Student.linkedinUrl": "other_personal",
        },
        id="where and what a student studies and their profile link are theirs; a product's grade is not",
    ),
    pytest.param(
        {
            "schema.graphql": "type Customer {\n  email: String\n  identification: String\n  documentNumber: String\n"
            "  personNumber: String\n}\ntype Invoice {\n  documentNumber: String\n  total: Float\n}\n"
        },
        {
            "Customer.email": "email",
            "Customer.identification": "national_id",
            "Customer.documentNumber": "national_id",
            "Customer.personNumber": "national_id",
        },
        id="a customer's identification or document number is an identity document's; an invoice's is not",
    ),
    pytest.param(
        {
            "prisma/schema.prisma": "model User {\n  id Int @id\n  email String\n  idToken String?\n"
            "  recoverPasswordToken String?\n  tokenCount Int\n  accessTokenExpiry DateTime?\n}\n"
        },
        {"User.email": "email", "User.idToken": "password", "User.recoverPasswordToken": "password"},
        id="an ID token or a password-reset token is as good as the password; a token count or expiry is not",
    ),
    pytest.param(
        {
            "schema.graphql": "input MemberInputData {\n  email: String\n  image: Upload\n}\n"
            "input MemberProfileInput {\n  address: String\n  image: Upload\n}\n"
            "input CreateProfileInput {\n  name: String\n  image: Upload\n}\n"
            "input SocietyProfileInputData {\n  email: String\n  image: Upload\n}\n"
        },
        {
            "MemberInputData.email": "email",
            "MemberInputData.image": "photo",
            "MemberProfileInput.address": "address",
            "MemberProfileInput.image": "photo",
            "CreateProfileInput.name": "name",
            "CreateProfileInput.image": "photo",
            "SocietyProfileInputData.email": "email",
        },
        id="a member's or a profile's image is a photo (Data and Profile are role words); a society's is its logo",
    ),
]


@pytest.mark.parametrize(("files", "expected"), RECORDS_OF_PEOPLE)
def test_what_a_record_of_people_holds(tmp_path: Path, files: dict[str, str], expected: dict[str, str]) -> None:
    assert categories(tmp_path, files) == expected


def test_a_property_named_as_a_time_holds_a_time_whatever_its_description_says(tmp_path: Path) -> None:
    """`lastUpdateTime` as a bare string holds when, not whose name its description mentions,
    and `FechaCorreo` the date of an email, not the email; a time or date of birth is still a
    birth date."""
    text = schemas_only("""
    Customer:
      type: object
      properties:
        lastUpdateTime:
          type: string
          description: If no update has occurred, the time the customer's name was first recorded.
        expectedResolutionTime:
          type: string
          description: When full service is expected to resume for the employer.
        birthTime:
          type: string
        email:
          type: string
        FechaCorreo:
          type: string
        tarikhLahir:
          type: string
""")
    assert categories(tmp_path, {"openapi.yaml": text}) == {
        "Customer.birthTime": "date_of_birth",
        "Customer.email": "email",
        "Customer.tarikhLahir": "date_of_birth",
    }  # when an email was given (`FechaCorreo`) is a date, not an email


def test_a_version_is_no_ones_data(tmp_path: Path) -> None:
    """`schema_version` "in major.minor.patch format" names no one's field of study."""
    text = schemas_only("""
    Donor:
      type: object
      properties:
        schema_version:
          type: string
          description: The version number of the schema in major.minor.patch format.
        email:
          type: string
""")
    assert categories(tmp_path, {"openapi.yaml": text}) == {"Donor.email": "email"}


def test_an_api_schema_named_for_a_kind_of_record_is_one_record_not_a_list_to_pick_from(tmp_path: Path) -> None:
    """A shared definitions file's `AcademicQualification` is the record an API sends about
    someone's studies (a database's `allergies(name, symptoms)` table may be a list of things;
    an API's schema is what it exchanges)."""
    text = """{
  "$schema": "http://json-schema.org/draft-07/schema",
  "definitions": {
    "AcademicQualification": {
      "type": "object",
      "properties": {
        "instituteName": {"type": "string", "title": "Institute Name"},
        "graduationYear": {"type": "string", "title": "Year of Graduation"}
      }
    }
  }
}"""
    assert categories(tmp_path, {"Common.json": text}) == {
        "AcademicQualification.instituteName": "other_personal",
        "AcademicQualification.graduationYear": "other_personal",
    }


def test_what_an_address_schema_describes_is_a_part_of_the_address(tmp_path: Path) -> None:
    """`CommonPAFAddress { streetType, floorLevelNumber }`: parts of an address under names no
    list holds; the kind of address, its own title ("Home"), a store's address and an email or
    IP address (no place) are not."""
    text = schemas_only("""
    CommonPAFAddress:
      type: object
      properties:
        streetType: {type: string, description: The street type.}
        floorLevelNumber: {type: string, description: Floor or level number.}
        addressType: {type: string, enum: [HOME, WORK]}
        use: {type: string, enum: [home, work, temp]}
        title: {type: string}
        id: {type: integer}
    StoreAddress:
      type: object
      properties:
        plot: {type: string}
    EmailAddress:
      type: object
      properties:
        domain: {type: string}
    IpAddress:
      type: object
      properties:
        octets: {type: string}
""")
    assert categories(tmp_path, {"openapi.yaml": text}) == {
        "CommonPAFAddress.streetType": "address",
        "CommonPAFAddress.floorLevelNumber": "address",
    }


def test_a_schema_of_one_value_holds_it_in_its_value_or_number(tmp_path: Path) -> None:
    """`PhoneNumber { countryCode, number, extension }`, `IdentityDocument { type, value }`: the
    record of one phone number or identity document holds it under names that say nothing alone;
    in another schema a `value` or an `extension` is no one's."""
    text = schemas_only("""
    PhoneNumber:
      type: object
      properties:
        countryCode: {type: string}
        number: {type: string}
        extension: {type: string}
        purpose: {type: string, enum: [HOME, WORK]}
    IdentityDocument:
      type: object
      properties:
        type: {type: string, enum: [PASSPORT, NRIC]}
        value: {type: string}
    PersonName:
      type: object
      properties:
        text: {type: string}
    Setting:
      type: object
      properties:
        value: {type: string}
        extension: {type: string}
""")
    assert categories(tmp_path, {"openapi.yaml": text}) == {
        "PersonName.text": "name",
        "PhoneNumber.countryCode": "phone",
        "PhoneNumber.number": "phone",
        "PhoneNumber.extension": "phone",
        "IdentityDocument.value": "national_id",
    }


def test_openapi_schemas_bodies_and_parameters(tmp_path: Path) -> None:
    assert scan(tmp_path, {"api/openapi.yaml": OPENAPI, "package.json": '{"name": "x"}'}) == {
        "createPatient.x1": (15, 17, "national_id"),
        "createPatient.contact": (18, 17, "email"),
        "Patient.fullName": (31, 9, "name"),
        "Patient.dateOfBirth": (33, 9, "date_of_birth"),
        "Patient.postalCode": (39, 13, "address"),
    }  # the key that only groups (address) and a $ref are not fields


def test_json_schema_documents(tmp_path: Path) -> None:
    text = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": "Member",\n  "type": "object",\n  "properties": {\n    "email": {"type": "string", "format": "email"},\n    "points": {"type": "integer"}\n  }\n}\n'
    assert scan(tmp_path, {"schemas/member.schema.json": text}) == {"Member.email": (6, 5, "email")}


def test_a_json_schema_without_its_dollar_schema_key(tmp_path: Path) -> None:
    """Form schemas (react-jsonschema-form and the like) seldom say which draft they follow."""
    text = '{\n  "title": "Volunteer sign-up",\n  "type": "object",\n  "required": ["phone"],\n  "properties": {\n    "phone": {"type": "string", "title": "Mobile number"},\n    "shirt": {"type": "string", "enum": ["S", "M", "L"]}\n  }\n}\n'
    assert scan(tmp_path, {"forms/volunteer.json": text}) == {"Volunteer sign-up.phone": (6, 5, "phone")}
    assert not wants("tsconfig.json", '{"compilerOptions": {"strict": true}, "include": ["src"]}')


def test_a_json_document_indented_with_tabs(tmp_path: Path) -> None:
    """JSON allows tabs wherever it allows spaces; YAML, which reads it, not in indentation."""
    text = '{\n\t"title": "Donor", "type": "object",\n\t"properties": {\n\t\t"sex": {"type": "string", "enum": ["female", "male"]},\n\t\t"organism_age": {"type": "string", "description": "Age since birth"}\n\t}\n}\n'
    assert scan(tmp_path, {"donor.json": text}) == {
        "Donor.sex": (4, 3, "gender"),
        "Donor.organism_age": (5, 3, "date_of_birth"),
    }


def test_what_a_json_schema_asks_once_an_answer_is_given_and_a_list_of_records(tmp_path: Path) -> None:
    conditional = """title: Applicant
type: object
properties:
  has_allergies: {type: boolean}
if:
  properties: {has_allergies: {const: true}}
then:
  properties:
    allergy_details: {type: string, title: "Which allergies?"}
"""
    listed = '{"type": "array", "items": {"type": "object", "properties": {"email": {"format": "email"}}}}'
    assert scan(tmp_path, {"applicant.schema.yaml": conditional, "contacts.schema.json": listed}) == {
        "Applicant.has_allergies": (4, 3, "health"),
        "Applicant.allergy_details": (9, 5, "health"),
        "contacts.email": (1, 62, "email"),
    }


def test_graphql_types_inputs_and_mutation_arguments(tmp_path: Path) -> None:
    assert scan(tmp_path, {"schema.graphql": GRAPHQL}) == {
        "Patient.fullName": (6, 3, "name"),
        "Patient.email": (7, 3, "email"),
        "Patient.gender": (8, 3, "gender"),
        "SignUpInput.phone": (15, 3, "phone"),
        "SignUpInput.birthDate": (16, 3, "date_of_birth"),
        "signUp.nric": (20, 31, "national_id"),
    }


def test_the_operation_types_a_schema_definition_names(tmp_path: Path) -> None:
    """`schema { query: RootQuery }`: RootQuery's arguments are what a client sends."""
    text = (
        "type User {\n  id: ID!\n}\ntype RootQuery {\n  login(email: String!, password: String!): User\n}\n"
        "schema {\n  query: RootQuery\n}\n"
    )
    assert scan(tmp_path, {"schema.graphql": text}) == {
        "login.email": (5, 9, "email"),
        "login.password": (5, 25, "password"),
    }


def test_only_api_schemas_among_yaml_and_json() -> None:
    assert kind_of("openapi.yaml") == "api" and kind_of("schema.prisma") == "prisma"
    assert wants("openapi.yaml", OPENAPI) and not wants("docker-compose.yml", "services:\n  db:\n    image: x\n")
    assert not wants("package.json", '{"name": "x", "version": "1.0.0"}')


def test_broken_yaml_and_graphql_are_errors_with_a_line(tmp_path: Path) -> None:
    (tmp_path / "openapi.yaml").write_text("openapi: 3.0.0\npaths: [\n", encoding="utf-8")
    (tmp_path / "schema.graphql").write_text("type Patient {\n  email String\n}\n", encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert sorted((Path(e.path).name, e.line) for e in result.errors) == [("openapi.yaml", 3), ("schema.graphql", 2)]


def test_a_bad_line_is_an_error_and_the_rest_of_the_document_is_read(tmp_path: Path) -> None:
    """A stray comma in one example, a mutation missing its type, a misspelt `typeQuery`: the
    error names its line and the lines left out, and every field elsewhere is still found."""
    spec = schemas("""\
    Review:
      type: object
      properties:
        nickname:
          type: string
          example: "Ann",
    Member:
      type: object
      properties:
        email: {type: string, format: email}
""")
    sdl = """type Employee {
  name: String
}
type Mutation {
  createEmployee(num: Int!, name: String!)
  deleteEmployee(num: Int!): Boolean
}
"""
    script = "const typeDefs = gql`\ntype Patient {\n  email: String\n}\ntypeQuery {\n  patients: [Patient]\n}\n`;\n"
    files = {"openapi.yaml": spec, "schema.graphql": sdl, "typeDefs.js": script}
    found = [(9, "nickname", "username"), (15, "email", "email"), (2, "name", "name"), (3, "email", "email")]
    assert listed(tmp_path, files) == found
    errors = inventory([str(tmp_path)], Options(jobs=1)).errors
    assert sorted((Path(e.path).name, e.line, e.message.rsplit("; ", 1)[-1]) for e in errors) == [
        ("openapi.yaml", 11, "the rest read without line 11"),
        ("schema.graphql", 6, "the rest read without line 5"),
        ("typeDefs.js", 5, "the rest read without 3 lines from 5 to 7"),
    ]


def test_notes_above_a_json_schema_are_an_error_and_the_schema_is_read(tmp_path: Path) -> None:
    text = """@aleksander -
Application Name
Certificate

{
  "$schema": "http://json-schema.org/draft-07/schema",
  "title": "Application",
  "type": "object",
  "properties": {
    "firstName": {"type": "string"},
    "birthdate": {"type": "string", "format": "date"}
  }
}
"""
    assert listed(tmp_path, {"application.json": text}) == [
        (10, "firstName", "name"),
        (11, "birthdate", "date_of_birth"),
    ]
    errors = inventory([str(tmp_path)], Options(jobs=1)).errors
    assert [(e.line, e.message) for e in errors] == [(1, "not valid JSON before line 5; read from there")]


def test_routes_written_beside_the_other_parts_of_a_spec(tmp_path: Path) -> None:
    """A module of a spec split by hand: `components:` and `tags:` beside routes at the top."""
    text = """components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
tags:
  name: Membership
/registration:
  post:
    requestBody:
      content:
        application/json:
          schema:
            type: object
            properties:
              email: {type: string}
              first_name: {type: string}
"""
    assert listed(tmp_path, {"swagger/membership.yml": text}) == [(14, "email", "email"), (15, "first_name", "name")]


def test_a_schema_written_twice_under_one_name_is_read_both_times(tmp_path: Path) -> None:
    """A hand-written spec that defines `User` twice: a YAML reader keeps the last; the first's
    properties are declared all the same."""
    spec = schemas("""\
    User:
      properties:
        mail: {type: string}
    User:
      properties:
        surname: {type: string}
""")
    assert listed(tmp_path, {"openapi.yaml": spec}) == [(8, "mail", "email"), (11, "surname", "name")]


def test_a_document_broken_on_many_lines_is_read_up_to_its_first(tmp_path: Path) -> None:
    """Each try around a bad line reads the whole document again: past a few, the document is
    read up to its first bad line."""
    lines = "".join(f'        email{i}: "x",\n' for i in range(12))
    text = f"openapi: 3.0.0\ncomponents:\n  schemas:\n    Person:\n      properties:\n        phone: {{type: string}}\n{lines}"
    (tmp_path / "openapi.yaml").write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert [(f.line, f.control.name) for f in result.fields] == [(6, "phone")]
    assert [(e.line, e.message.rsplit("; ", 1)[-1]) for e in result.errors] == [
        (7, "the rest read without 12 lines from 7 to 18")
    ]


def test_a_schema_named_for_a_thing_holds_the_things_details(tmp_path: Path) -> None:
    """As a table does: a School's name, address and phone are the school's; the petstore's
    `Pet`'s name and photos are the animal's."""
    text = schemas_only("""
    School:
      type: object
      properties:
        name: {type: string}
        address: {type: string}
        phone: {type: string}
    Student:
      type: object
      properties:
        name: {type: string}
        phone: {type: string}
    Pet:
      type: object
      properties:
        name: {type: string}
        photoUrls: {type: array, items: {type: string}}
""")
    assert scan(tmp_path, {"openapi.yaml": text}) == {
        "Student.name": (15, 9, "name"),
        "Student.phone": (16, 9, "phone"),
    }


def test_a_persons_social_handles_are_usernames(tmp_path: Path) -> None:
    social = "{type: object, properties: {instagram: {type: string}, facebook: {type: string}}}"
    text = schemas_only(f"\n    User: {{type: object, properties: {{email: {{type: string}}, social: {social}}}}}\n")
    found = scan(tmp_path, {"openapi.yaml": text})
    assert found["User.instagram"][2] == found["User.facebook"][2] == "username"


def test_a_list_of_one_of_several_records_holds_their_fields(tmp_path: Path) -> None:
    """`items: {oneOf: [{properties: ...}]}`: a response that lists policies or claims."""
    text = schemas_only("""
    Drilldown:
      type: array
      items:
        oneOf:
          - title: Policy
            type: object
            properties:
              policyNumber: {type: string}
              insured:
                type: object
                properties:
                  email: {type: string}
                  phone: {type: string}
""")
    found = scan(tmp_path, {"openapi.yaml": text})
    assert (found["Drilldown.email"][2], found["Drilldown.phone"][2]) == ("email", "phone")


def test_a_schema_that_a_persons_schema_includes_holds_that_persons_details(tmp_path: Path) -> None:
    """`Location` alone names a thing; as a person's `birthLocation` it says where they were born.
    A store's location stays the store's, and a student's school keeps the school's phone."""
    openapi = """openapi: 3.0.0
components:
  schemas:
    Student:
      type: object
      properties:
        firstName: {type: string}
        birthLocation:
          $ref: '#/components/schemas/Location'
        school:
          $ref: '#/components/schemas/School'
    School:
      type: object
      properties:
        name: {type: string}
        phone: {type: string}
    Location:
      type: object
      properties:
        city: {type: string}
        country: {type: string}
    Store:
      type: object
      properties:
        branch: {$ref: '#/components/schemas/Branch'}
    Branch:
      type: object
      properties:
        city: {type: string}
"""
    assert categories(tmp_path / "openapi", {"openapi.yaml": openapi}) == {
        "Student.firstName": "name",
        "Location.city": "address",
        "Location.country": "address",
    }
    graphql = "type Patient {\n  name: String\n  home: [Location!]\n}\ntype Location {\n  city: String\n}\n"
    assert scan(tmp_path / "graphql", {"schema.graphql": graphql}) == {
        "Patient.name": (2, 3, "name"),
        "Location.city": (6, 3, "address"),
    }


def test_a_note_in_a_schema_that_a_persons_schema_includes_is_about_that_person(tmp_path: Path) -> None:
    """The `note` of a member's `OtherInfo` is a note on the member; a skill's `description` and
    a log's `title` describe the skill and the log, and a note of an order's is no one's."""
    openapi = """openapi: 3.0.0
components:
  schemas:
    Member:
      type: object
      properties:
        email: {type: string}
        otherInfo: {$ref: '#/components/schemas/OtherInfo'}
        skills: {type: array, items: {$ref: '#/components/schemas/Skill'}}
        lastLogin: {$ref: '#/components/schemas/Log'}
    OtherInfo:
      type: object
      properties:
        note: {type: string}
        joinedOn: {type: string, format: date}
    Skill:
      type: object
      properties:
        description: {type: string}
    Log:
      type: object
      properties:
        title: {type: string}
    Order:
      type: object
      properties:
        delivery: {$ref: '#/components/schemas/Delivery'}
    Delivery:
      type: object
      properties:
        note: {type: string}
"""
    assert categories(tmp_path, {"openapi.yaml": openapi}) == {
        "Member.email": "email",
        "OtherInfo.note": "other_personal",
    }


def test_a_property_that_refers_to_a_named_value_is_a_field(tmp_path: Path) -> None:
    """`firstName: $ref FirstName`, a string: the property is the field, with the named
    schema's evidence. A reference to an object is not (its own properties are)."""
    openapi = """openapi: 3.0.0
components:
  schemas:
    Party:
      type: object
      properties:
        firstName:
          $ref: '#/components/schemas/FirstName'
        born:
          $ref: '#/components/schemas/DateOfBirth'
        home:
          $ref: '#/components/schemas/Address'
    FirstName:
      type: string
      description: First name of the party.
    DateOfBirth:
      type: string
      format: date
      description: Date of birth of the party.
    Address:
      type: object
      properties:
        street: {type: string}
"""
    found = scan(tmp_path, {"openapi.yaml": openapi})
    assert found["Party.firstName"] == (7, 9, "name") and found["Party.born"] == (9, 9, "date_of_birth")
    assert "Party.home" not in found


def test_a_property_that_refers_to_another_files_schema_is_a_field(tmp_path: Path) -> None:
    """`sex: {$ref: "../common/ontologyTerm.json"}`: nothing in this file says more, and the
    property's own name says what it holds."""
    text = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": "Individual",\n  "type": "object",\n  "properties": {\n    "sex": {"$ref": "../common/ontologyTerm.json"},\n    "diseases": {"type": "array", "items": {"$ref": "./disease.json"}}\n  }\n}\n'
    assert scan(tmp_path, {"individual.json": text}) == {
        "Individual.sex": (6, 5, "gender"),
        "Individual.diseases": (7, 5, "health"),
    }


def test_parameters_defined_once_for_many_operations(tmp_path: Path) -> None:
    openapi = """openapi: 3.0.0
paths:
  /patients:
    get:
      parameters:
        - $ref: '#/components/parameters/BirthDate'
components:
  parameters:
    BirthDate:
      name: birthdate
      in: query
      description: The patient's date of birth.
      schema: {type: string, format: date}
    RequestId:
      name: X-Request-ID
      in: header
      schema: {type: string}
"""
    assert scan(tmp_path, {"openapi.yaml": openapi}) == {"BirthDate.birthdate": (10, 13, "date_of_birth")}


def test_a_graphql_schema_in_a_gql_template_of_a_script(tmp_path: Path) -> None:
    """Apollo servers write their schema in TypeScript; a client query in the same file, or a
    template that substitutions make unparseable, gives nothing."""
    text = """import { gql } from 'apollo-server';

export const typeDefs = gql`
  type Applicant {
    id: ID!
    dateOfBirth: String
    phone: String!
  }
  ${extra}
`;
export const GET = gql`query Applicant { applicant { dateOfBirth } }`;
"""
    assert scan(tmp_path, {"lib/schema.ts": text}) == {
        "Applicant.dateOfBirth": (6, 5, "date_of_birth"),
        "Applicant.phone": (7, 5, "phone"),
    }


def test_a_schema_named_for_its_role_in_the_code_is_about_what_comes_before(tmp_path: Path) -> None:
    """`PatientResponse` and `StudentCreate` hold patients and students: their notes are about them."""
    openapi = """openapi: 3.0.0
components:
  schemas:
    PatientResponse:
      type: object
      properties:
        full_name: {type: string}
        notes: {type: string}
    ProductResponse:
      type: object
      properties:
        notes: {type: string}
"""
    found = scan(tmp_path, {"openapi.yaml": openapi})
    assert found["PatientResponse.notes"][2] == "other_personal" and "ProductResponse.notes" not in found


def test_a_part_that_narrows_a_declared_property_adds_no_field(tmp_path: Path) -> None:
    text = """title: Donor
type: object
properties:
  age: {type: string, title: Age}
  age_units: {type: string}
oneOf:
  - properties:
      age: {pattern: "^[0-9]+$"}
  - properties:
      age: {enum: ["90 or above"]}
"""
    found = scan(tmp_path, {"donor.schema.yaml": text})
    assert [key for key in found if key.endswith(".age")] == ["Donor.age"]
    assert found["Donor.age"][0] == 4


def test_an_example_value_counts_for_its_shape_not_its_words(tmp_path: Path) -> None:
    """`description: {example: "New passport application"}` is a payment's description;
    `ref: {example: "S1234567D"}` has the shape of an NRIC."""
    openapi = """openapi: 3.0.0
components:
  schemas:
    Payment:
      type: object
      properties:
        description: {type: string, example: New passport application}
        ref: {type: string, example: S1234567D}
"""
    found = scan(tmp_path, {"openapi.yaml": openapi})
    assert "Payment.description" not in found and found["Payment.ref"][2] == "national_id"


def test_a_list_of_objects_named_elsewhere_in_the_document_is_not_a_field(tmp_path: Path) -> None:
    """`phones: [$ref Phone]`: the data sits in Phone's own properties, as the conventions say
    of a `$ref`; a list of plain values is a field."""
    openapi = """openapi: 3.0.0
components:
  schemas:
    Customer:
      type: object
      properties:
        phones:
          type: array
          items: {$ref: '#/components/schemas/Phone'}
        nicknames:
          type: array
          items: {type: string}
    Phone:
      type: object
      properties:
        number: {type: string, format: phone}
        phoneNumber: {type: string}
"""
    found = scan(tmp_path, {"openapi.yaml": openapi})
    assert "Customer.phones" not in found and "Phone.phoneNumber" in found


def test_a_token_of_a_person_or_of_signing_in_is_a_credential(tmp_path: Path) -> None:
    text = """type Customer {
  email: String
  apiToken: String
  token: String
}
type AuthPayload {
  token: String!
  message: String!
}
type Payment {
  token: String
}
type Mutation {
  resetPassword(token: String!, password: String!): Boolean
}
"""
    assert scan(tmp_path, {"schema.graphql": text}) == {
        "Customer.email": (2, 3, "email"),
        "Customer.apiToken": (3, 3, "password"),
        "Customer.token": (4, 3, "password"),
        "AuthPayload.token": (7, 3, "password"),
        "resetPassword.token": (14, 17, "password"),
        "resetPassword.password": (14, 33, "password"),
    }  # a payment's token stands for a card nobody sees here


def test_what_responses_return_and_a_swagger_2_body(tmp_path: Path) -> None:
    text = """swagger: "2.0"
paths:
  /customers:
    post:
      operationId: createCustomer
      parameters:
        - in: body
          name: body
          schema:
            type: object
            properties:
              mobile: {type: string}
      responses:
        "200":
          description: The customer
          schema:
            type: object
            properties:
              first_name: {type: string}
              total: {type: integer}
"""
    assert scan(tmp_path, {"swagger.yaml": text}) == {
        "createCustomer.mobile": (12, 15, "phone"),
        "createCustomer.first_name": (19, 15, "name"),
    }


def test_request_bodies_and_responses_defined_once_for_many_operations(tmp_path: Path) -> None:
    """`components.requestBodies` and `components.responses` (Swagger 2's top-level `responses`)
    hold schemas written in place, as an operation's do: each read under its own key."""
    openapi = """openapi: 3.0.0
paths: {}
components:
  requestBodies:
    registerBody:
      content:
        application/json:
          schema:
            type: object
            properties:
              phone_number: {type: string}
              venue_id: {type: integer}
  responses:
    getUserProfileSuccess:
      description: the user's profile
      content:
        application/json:
          schema:
            type: object
            properties:
              data:
                type: object
                properties:
                  fullname: {type: string}
                  email: {type: string}
"""
    swagger = """swagger: "2.0"
paths: {}
responses:
  Member:
    description: A member
    schema:
      type: object
      properties:
        date_of_birth: {type: string, format: date}
"""
    assert scan(tmp_path, {"openapi.yaml": openapi, "swagger.yaml": swagger}) == {
        "registerBody.phone_number": (11, 15, "phone"),
        "getUserProfileSuccess.fullname": (24, 19, "name"),
        "getUserProfileSuccess.email": (25, 19, "email"),
        "Member.date_of_birth": (9, 9, "date_of_birth"),
    }


def test_a_name_in_a_nested_object_named_for_a_thing_is_the_things(tmp_path: Path) -> None:
    """A venue's response with a member's details: the `name` of its nested `category` and
    `facility` objects names those, not the member (nor is it the record's own `name`)."""
    text = """openapi: 3.0.0
paths:
  /venues/{id}:
    get:
      operationId: getVenue
      responses:
        "200":
          content:
            application/json:
              schema:
                type: object
                properties:
                  name: {type: string}
                  email: {type: string}
                  category:
                    type: object
                    properties:
                      name: {type: string}
                  attributes:
                    type: object
                    properties:
                      name: {type: string}
"""
    # the record's own name and email, and the name under `attributes` (a wrapper, not a thing)
    assert listed(tmp_path, {"openapi.yaml": text}) == [
        (13, "name", "name"),
        (14, "email", "email"),
        (22, "name", "name"),
    ]


def test_the_sender_of_a_message_is_a_person(tmp_path: Path) -> None:
    text = """openapi: 3.0.0
paths: {}
components:
  schemas:
    Message:
      type: object
      properties:
        senderId: {type: string}
        senderName: {type: string}
        subject: {type: string}
"""
    assert scan(tmp_path, {"openapi.yaml": text}) == {"Message.senderName": (9, 9, "name")}


def test_schemas_a_json_schema_keeps_under_a_key_of_its_own(tmp_path: Path) -> None:
    text = '{\n  "$schema": "http://json-schema.org/schema#",\n  "blocks": {\n    "person": {\n      "type": "object",\n      "properties": {\n        "birthDate": {"type": "string", "format": "date"},\n        "club": {"type": "string"}\n      }\n    }\n  }\n}\n'
    assert scan(tmp_path, {"people.json": text}) == {"person.birthDate": (7, 9, "date_of_birth")}


def test_a_name_that_stands_for_another_files_schema_is_a_value(tmp_path: Path) -> None:
    text = """swagger: "2.0"
definitions:
  gender:
    $ref: "common.yaml#/definitions/gender"
  Individual:
    type: object
    properties:
      gender:
        $ref: "#/definitions/gender"
"""
    assert scan(tmp_path, {"individual.yaml": text}) == {"Individual.gender": (8, 7, "gender")}


def test_flags_timestamps_and_lists_of_other_files_records_are_not_what_they_mention(tmp_path: Path) -> None:
    openapi = """openapi: 3.0.0
components:
  schemas:
    Profile:
      type: object
      properties:
        email: {type: string}
        is_email_validated: {$ref: "#/components/schemas/Flag"}
        has_allergies: {type: boolean}
        lastUpdateTime: {type: string, format: date-time, description: When the customer last changed their name}
    Flag: {type: boolean}
"""
    graphql = "type User {\n  comments: [Comment]!\n  nickname: String\n}\n"
    assert scan(tmp_path, {"openapi.yaml": openapi, "user.graphql": graphql}) == {
        "Profile.email": (7, 9, "email"),
        "Profile.has_allergies": (9, 9, "health"),
        "User.nickname": (3, 3, "username"),
    }


def test_graphql_interfaces_and_extensions_declare_fields(tmp_path: Path) -> None:
    text = "interface Person {\n  email: String\n}\nextend input SignUp {\n  phone: String\n}\n"
    assert scan(tmp_path, {"schema.graphql": text}) == {
        "Person.email": (2, 3, "email"),
        "SignUp.phone": (5, 3, "phone"),
    }


def test_a_graphql_schema_in_an_untagged_template_of_a_script(tmp_path: Path) -> None:
    """`const typeDefs = \\`...\\``, `buildSchema(\\`...\\`)`: SDL from the template's first word; a
    template that only starts with the word `type` is not SDL and gives nothing."""
    text = """const { buildSchema } = require('graphql');
const typeDefs = `
  # a clinic's patients
  type Patient {
    fullName: String
  }
`;
const note = `type of visit: ${kind}`;
module.exports = buildSchema(`
  input BookingInput {
    dateOfBirth: String
  }
`);
"""
    assert scan(tmp_path, {"schema.js": text}) == {
        "Patient.fullName": (5, 5, "name"),
        "BookingInput.dateOfBirth": (11, 5, "date_of_birth"),
    }


def test_a_part_of_a_spec_split_into_files(tmp_path: Path) -> None:
    text = """Person:
  type: object
  properties:
    attributes:
      type: object
      properties:
        first_names: {type: string, description: "Person's first names"}
        date_of_birth: {type: string, format: date}
"""
    assert scan(tmp_path, {"swagger/v2/person.yaml": text}) == {
        "Person.first_names": (7, 9, "name"),
        "Person.date_of_birth": (8, 9, "date_of_birth"),
    }
    assert not wants("docker-compose.yml", "services:\n  db:\n    image: postgres\n    environment:\n      A: b\n")


def test_a_path_of_a_spec_split_into_files(tmp_path: Path) -> None:
    """`paths/customers.yaml`: a path's operations, each read as in a whole spec."""
    text = """post:
  summary: Register a new customer
  requestBody:
    content:
      application/json:
        schema:
          $ref: ../components/schemas/Customer.yaml
  responses:
    '201':
      description: Registered
      content:
        application/json:
          schema:
            type: object
            properties:
              message: {type: string}
get:
  summary: List customers
  parameters:
    - in: query
      name: last_name
      schema: {type: string}
    - in: query
      name: page
      schema: {type: integer}
  responses:
    '200':
      description: A page of customers
"""
    assert scan(tmp_path, {"openapi/paths/customers.yaml": text}) == {"GET customers.last_name": (21, 13, "name")}
    # ... or the paths of a spec, without its `openapi:` key
    paths = "paths:\n  /agents:\n    get:\n      parameters:\n        - {in: query, name: nationalId}\n"
    assert scan(tmp_path / "agents", {"docs/paths/agents.yaml": paths}) == {
        "GET /agents.nationalId": (5, 29, "national_id")
    }


def test_parts_of_a_spec_split_into_files_one_operation_and_the_values_schemas_refer_to(tmp_path: Path) -> None:
    operation = """tags: [Bookings]
operationId: postBookings
requestBody:
  content: {application/json: {schema: {type: object, properties: {seats: {type: integer},
    email: {type: string}}}}}
responses: {"201": {description: Created}}
"""
    definitions = """applicant:
  type: object
  properties:
    first_name:
      $ref: "#/applicant_first_name"
    consent:
      $ref: "#/applicant_consent"
applicant_first_name:
  type: string
  description: The applicant's first name
applicant_consent:
  type: object
  properties:
    granted: {type: boolean}
"""
    found = scan(tmp_path, {"paths/bookings/post.yaml": operation, "schemas/applicants.yaml": definitions})
    assert found == {"postBookings.email": (5, 5, "email"), "applicant.first_name": (4, 5, "name")}


def test_what_a_description_says_about_data_and_references_are_not_the_data(tmp_path: Path) -> None:
    schema = '{"title": "Customer", "type": "object", "properties": {"phones": {"type": "array", "items": {"type": "object", "properties": {"type": {"type": "string", "description": "Type of phone number"}, "number": {"type": "string", "description": "Phone number"}}}}, "id_submitted_at": {"type": "string", "description": "Date when ID document was submitted"}}}'
    graphql = "input CreateOrderInput {\n  shippingAddressId: UUID\n  customerNotes: String\n}\n"
    found = scan(tmp_path, {"customer.schema.json": schema, "order.graphqls": graphql})
    assert set(found) == {"Customer.number"}  # the type of a number, when it was sent, a reference: none


def test_openapi_in_swagger_jsdoc_comments(tmp_path: Path) -> None:
    text = """/**
 * @openapi
 * components:
 *   schemas:
 *     Guardian:
 *       type: object
 *       properties:
 *         Cedula:
 *           type: string
 *         fullName:
 *           type: string
 */
const router = require('express').Router();

/**
 * @swagger
 * /guardians:
 *   post:
 *     operationId: addGuardian
 *     requestBody:
 *       content:
 *         application/json:
 *           schema:
 *             type: object
 *             properties:
 *               email: {type: string, format: email}
 */
router.post('/guardians', add);
/** Just a comment: @param x */
"""
    assert scan(tmp_path, {"routes/guardians.js": text}) == {
        "Guardian.Cedula": (8, 12, "national_id"),
        "Guardian.fullName": (10, 12, "name"),
        "addGuardian.email": (26, 18, "email"),
    }


def test_a_swagger_jsdoc_line_out_of_step_and_components_in_a_file_of_their_own(tmp_path: Path) -> None:
    script = "/**\n * @swagger\n * components:\n *   schemas:\n  *     Patient:\n *       type: object\n *       properties:\n *         birthDate: {type: string}\n */\n"
    components = (
        '{"components": {"schemas": {"Customer": {"type": "object", "properties": {"ssn": {"type": "string"}}}}}}'
    )
    found = scan(tmp_path, {"routes/schemas.js": script, "schemas/customer.json": components})
    assert found == {"Patient.birthDate": (8, 12, "date_of_birth"), "Customer.ssn": (1, 75, "national_id")}


def test_an_integer_id_of_a_record_is_a_reference_and_a_coded_one_a_value(tmp_path: Path) -> None:
    text = '{"title": "Order", "type": "object", "properties": {"addressId": {"type": "integer"}, "gender_id": {"type": "integer"}, "phone_id": {"type": "string", "description": "The phone number"}}}'
    assert scan(tmp_path, {"order.schema.json": text}) == {
        "Order.gender_id": (1, 87, "gender"),
        "Order.phone_id": (1, 121, "phone"),
    }  # an integer address id points at an address; a string "phone id" may be the number itself


def test_a_key_described_as_what_it_identifies_is_not_that_data(tmp_path: Path) -> None:
    text = """openapi: 3.0.0
components:
  schemas:
    Address:
      type: object
      properties:
        id:
          type: string
          description: Id of the address to be updated
        addressId:
          type: string
          description: Unique address identifier.
        street:
          type: string
        city:
          type: string
    Patient:
      type: object
      properties:
        id:
          type: string
          description: The patient's NHS number
        email:
          type: string
"""
    assert scan(tmp_path, {"openapi.yaml": text}) == {
        "Address.street": (13, 9, "address"),
        "Address.city": (15, 9, "address"),
        "Patient.id": (20, 9, "national_id"),
        "Patient.email": (23, 9, "email"),
    }  # a record's own key names what it identifies; a person's may be their NHS number


def test_the_kind_of_an_address_and_a_body_that_sends_one(tmp_path: Path) -> None:
    text = '{"title": "AddressCreateRequest", "type": "object", "properties": {"address": {"type": "string"}, "typeAddress": {"type": "string", "example": "HOME"}, "kind_phone": {"type": "string"}}}'
    assert scan(tmp_path, {"address.schema.json": text}) == {"AddressCreateRequest.address": (1, 68, "address")}
    # the kind of an address is no address; a body that sends one is not a list of addresses to pick from


def test_a_key_of_someones_record_is_a_reference_not_their_number(tmp_path: Path) -> None:
    text = "type Lesson {\n  studentId: String\n  topic: String\n}\ntype Student {\n  studentId: String\n  email: String\n}\n"
    assert scan(tmp_path, {"schema.graphql": text}) == {"Student.email": (7, 3, "email")}
    # a lesson's studentId points at a student, as a foreign key does (and a student's is its own key)
    signup = "input CustomerRegister {\n  citizenId: String\n  memberId: String\n}\n"
    assert scan(tmp_path / "signup", {"schema.graphql": signup}) == {
        "CustomerRegister.citizenId": (2, 3, "national_id")
    }
    # but a citizen's id is the number on their identity card, not a key of a citizens' table


def test_the_parts_of_a_password_sent_to_change_it_are_the_password(tmp_path: Path) -> None:
    text = schemas_only("""
    ChangePassword:
      type: object
      properties:
        password:
          type: object
          properties:
            lama: {type: string}
            baru_a: {type: string}
        remember: {type: boolean}
""")
    assert categories(tmp_path, {"openapi.yaml": text}) == {
        "ChangePassword.lama": "password",
        "ChangePassword.baru_a": "password",
    }


def test_the_parts_of_a_name_in_a_record_of_people(tmp_path: Path) -> None:
    """A CRM's `Contact` with `name: {first, middle, last}`: a record of people whose parts of a
    name are the name (no column of people's records stands in the way)."""
    text = schemas_only("""
    Contact:
      type: object
      properties:
        name:
          type: object
          properties:
            first: {type: string}
            middle: {type: string}
            last: {type: string}
        pronouns: {type: string}
""")
    assert categories(tmp_path, {"openapi.yaml": text}) == {
        "Contact.first": "name",
        "Contact.middle": "name",
        "Contact.last": "name",
        "Contact.pronouns": "gender",
    }


def test_a_record_of_staff_holds_their_job_and_pay(tmp_path: Path) -> None:
    """When an employee joined, their level and bonus are their employment and income; when a
    user joined is when they signed up, and a game's level is the game's."""
    text = (
        "type Employee {\n  joinDate: String\n  level: Int\n  bonus: Float\n}\n"
        "type User {\n  joinDate: String\n  level: Int\n}\n"
        "input EmployeeInput {\n  office_branch: String\n  date_of_leaving: String\n}\n"
    )
    assert categories(tmp_path, {"schema.graphql": text}) == {
        "Employee.joinDate": "employment",
        "Employee.level": "employment",
        "Employee.bonus": "income",
        "EmployeeInput.office_branch": "employment",
        "EmployeeInput.date_of_leaving": "employment",
    }


def test_a_record_of_an_animal_holds_the_animals_details(tmp_path: Path) -> None:
    """A pet-care app's `model.Pet`: its birth date, sex and weight are the pet's; its owner's
    are the owner's."""
    text = schemas_only("""
    model.Pet:
      type: object
      properties:
        birth_date: {type: string, format: date}
        sex_type: {type: string}
        weight: {type: number}
    PetOwner:
      type: object
      properties:
        birth_date: {type: string, format: date}
""")
    assert scan(tmp_path, {"swagger.yaml": text}) == {"PetOwner.birth_date": (15, 9, "date_of_birth")}


def test_a_key_named_id_first_is_a_reference_as_one_named_id_last(tmp_path: Path) -> None:
    """`id_rawat_inap` (an inpatient stay's key, as Indonesian code names keys) points at a
    record, as `rawat_inap_id` does; an `Int` or an `ID` of GraphQL is such a key."""
    text = (
        "type DiagnosaInap {\n  id_diagnosa_jalan: ID!\n  id_rawat_inap: Int\n  nama_diagnosa: String\n}\n"
        "type Pasien {\n  id_pasien: ID!\n  nama: String\n  tanggal_lahir: String\n}\n"
    )
    assert scan(tmp_path, {"schema.graphql": text}) == {
        "DiagnosaInap.nama_diagnosa": (4, 3, "health"),
        "Pasien.nama": (8, 3, "name"),
        "Pasien.tanggal_lahir": (9, 3, "date_of_birth"),
    }


def test_a_type_a_persons_record_holds_is_their_value_not_a_list(tmp_path: Path) -> None:
    """`Gender { gender }` alone is a list of genders to pick from; held by a `Person` it is
    that person's, as a value object (Norwegian registers wrap each attribute so)."""
    held = "type Person {\n  kjoenn: [Kjoenn!]!\n}\ntype Kjoenn {\n  kjoenn: String\n  metadata: String\n}\n"
    assert scan(tmp_path / "held", {"schema.graphql": held}) == {"Kjoenn.kjoenn": (5, 3, "gender")}
    alone = "type Kjoenn {\n  kjoenn: String\n  metadata: String\n}\n"
    assert scan(tmp_path / "alone", {"schema.graphql": alone}) == {}


def test_a_property_that_holds_a_wrapped_value_is_the_field(tmp_path: Path) -> None:
    """An identity system's `fullName: [{language, value}]` (by `$ref`, narrowed by `allOf`) is
    one value in several languages: the property is the field; a list of records is not."""
    text = """{
  "$defs": {
    "langField": {"type": "array", "items": {"type": "object", "properties": {"language": {"type": "string"}, "value": {"type": "string"}}}},
    "Phone": {"type": "object", "properties": {"kind": {"type": "string"}, "number": {"type": "string"}}}
  },
  "type": "object",
  "properties": {
    "fullName": {"allOf": [{"$ref": "#/$defs/langField"}, {"items": {"properties": {"value": {"pattern": "\\\\S"}}}}]},
    "region": {"$ref": "#/$defs/langField"},
    "phones": {"type": "array", "items": {"$ref": "#/$defs/Phone"}}
  }
}"""
    found = scan(tmp_path, {"identity.schema.json": text})
    assert {key: category for key, (_, _, category) in found.items() if key.startswith("identity")} == {
        "identity.fullName": "name",
        "identity.region": "address",
    }


def test_a_value_kept_with_its_sources_and_confidence_is_the_field(tmp_path: Path) -> None:
    """A research dataset's person: each value with where it was found and how sure it is."""
    text = """{
  "title": "Person",
  "type": "object",
  "properties": {
    "name": {"$ref": "#/definitions/complex_string"},
    "date_of_birth": {"$ref": "#/definitions/complex_string"},
    "other_names": {
      "type": "object",
      "properties": {"value": {"type": "array", "items": {"type": "string"}}, "sources": {"type": "array"}}
    }
  },
  "definitions": {
    "complex_string": {
      "type": "object",
      "properties": {"value": {"type": "string"}, "sources": {"type": "array"}, "confidence": {"type": "string"}}
    }
  }
}"""
    assert categories(tmp_path, {"schemas/person.json": text}) == {
        "Person.name": "name",
        "Person.date_of_birth": "date_of_birth",
        "Person.other_names": "name",
    }


def test_a_json_schema_of_properties_alone(tmp_path: Path) -> None:
    """Neither `$schema` nor `"type": "object"`: properties that say what they hold are enough."""
    text = '{\n  "required": ["user_name"],\n  "properties": {\n    "id": {"type": "integer"},\n    "user_name": {"type": "string"},\n    "dob": {"type": "string"}\n  }\n}\n'
    package = '{\n  "name": "shop",\n  "properties": {"email": "shop@example.com"}\n}\n'
    assert scan(tmp_path, {"schemas/user.json": text, "config/package.json": package}) == {
        "user.user_name": (5, 5, "username"),
        "user.dob": (6, 5, "date_of_birth"),
    }


def test_a_field_of_a_type_of_money_is_the_sum_it_holds(tmp_path: Path) -> None:
    """`salary: Money` where `Money {amount, currency}` (a declaration's `remuneracion: Monto
    {valor, moneda}`) is one value: the field that holds it is read; a product's price stays a
    price, and a type of more than one value stays a record of its own."""
    sdl = (
        "type Money {\n  amount: Float\n  currency: String\n}\ntype Monto {\n  valor: Float\n  moneda: String\n}\n"
        "type Range {\n  amount: Float\n  value: Float\n}\n"
        "type Employee {\n  salary: Money\n  remuneracion: Monto\n  bonus: Range\n}\ntype Product {\n  price: Money\n}\n"
    )
    assert categories(tmp_path / "graphql", {"schema.graphql": sdl}) == {
        "Employee.salary": "income",
        "Employee.remuneracion": "income",
    }
    yaml = """openapi: 3.0.0
info: {title: Payroll, version: "1"}
paths: {}
components:
  schemas:
    Money:
      type: object
      properties:
        amount: {type: number}
        currency_code: {type: string}
    Employee:
      type: object
      properties:
        salary: {$ref: '#/components/schemas/Money'}
    Product:
      type: object
      properties:
        price: {$ref: '#/components/schemas/Money'}
"""
    assert categories(tmp_path / "openapi", {"openapi.yaml": yaml}) == {"Employee.salary": "income"}


def test_a_description_of_paragraphs_says_what_it_holds_in_its_first_sentence(tmp_path: Path) -> None:
    """ "The patient's family name (surname). ... Must be [URL encoded](https://en.wikipedia.org/...)":
    how to send it (an `org` in a link) does not guard what it is."""
    text = """openapi: 3.0.0
info: {title: Demographics, version: "1"}
paths: {}
components:
  parameters:
    Family:
      name: family
      description: |
        The patient's family name (surname).

        Not case sensitive. Max 35 characters.
        Use `*` as a wildcard but not in the first two characters and not in fuzzy search mode.
        Must be [URL encoded](https://en.wikipedia.org/wiki/Percent-encoding): a space is `%20` or `+`.
      in: query
      schema:
        type: string
"""
    assert {key: category for key, (_, _, category) in scan(tmp_path, {"openapi.yaml": text}).items()} == {
        "Family.family": "name"
    }


def test_a_schema_of_one_group_refers_to_another_groups_by_uri(tmp_path: Path) -> None:
    text = '{"$schema": "http://json-schema.org/schema#", "blocks": {"photoInfo": {"type": "object", "properties": {"photo": {"type": "string"}}}}, "forms": {"person": {"type": "object", "properties": {"photoInfo": {"$ref": "uri://registries/people#blocks/photoInfo"}, "email": {"type": "string"}}}}}'
    found = scan(tmp_path, {"people.json": text})
    assert set(found) == {"photoInfo.photo", "person.email"}  # the key that refers to a block is no field


def test_an_api_records_image_is_a_persons_only_in_a_record_of_people(tmp_path: Path) -> None:
    text = "type Society {\n  name: String\n  email: String\n  image: String\n}\ntype Member {\n  fullName: String\n  image: String\n}\n"
    found = scan(tmp_path, {"schema.graphql": text})
    assert found["Member.image"] == (8, 3, "photo") and "Society.image" not in found  # a society's is its logo


def test_a_nested_object_named_for_people_holds_their_data(tmp_path: Path) -> None:
    """A schema about a thing (a hotel's booking) keeps its customer's details: the nested
    `customer` object says whose they are; the hotel's own contact details stay the hotel's."""
    text = """{
  "title": "Hotel booking",
  "type": "object",
  "properties": {
    "hotel": {"type": "object", "properties": {"email": {"type": "string", "format": "email"}}},
    "customer": {
      "type": "object",
      "properties": {
        "email": {"type": "string", "format": "email"},
        "address": {"type": "object", "properties": {"city": {"type": "string"}}}
      }
    }
  }
}
"""
    assert scan(tmp_path, {"schemas/hotel-booking.json": text}) == {
        "Hotel booking.email": (9, 9, "email"),
        "Hotel booking.city": (10, 54, "address"),
    }


def test_the_parts_of_a_structured_name_are_the_name(tmp_path: Path) -> None:
    """FHIR's HumanName: `name: [{family, given}]`."""
    text = """{
  "title": "Patient",
  "type": "object",
  "properties": {
    "name": {"type": "array", "items": {"type": "object", "properties": {
      "family": {"type": "string"},
      "given": {"type": "array", "items": {"type": "string"}}
    }}},
    "suffix": {"type": "string"}
  }
}
"""
    assert scan(tmp_path, {"schemas/patient.json": text}) == {
        "Patient.family": (6, 7, "name"),
        "Patient.given": (7, 7, "name"),
    }
    sdl = "type Student {\n  name: Name\n  createdAt: String\n}\ntype Name {\n  first: String\n  last: String\n}\ntype Round {\n  first: Int\n}\n"
    assert scan(tmp_path / "graphql", {"schema.graphql": sdl}) == {
        "Name.first": (6, 3, "name"),
        "Name.last": (7, 3, "name"),
    }  # a schema of its own called Name: its parts are a name's


def test_given_beside_family_is_a_name_wherever_it_is_declared(tmp_path: Path) -> None:
    """FHIR's `given` and `family` side by side are a name in any record; `first` and `last`
    beside each other in an API are a page of results, and `family` alone is a word."""
    sdl = """type Patient {
  id: ID
  given: [String]
  family: String
}
type Connection {
  first: Int
  last: Int
  family: String
}
"""
    assert scan(tmp_path / "graphql", {"schema.graphql": sdl}) == {
        "Patient.given": (3, 3, "name"),
        "Patient.family": (4, 3, "name"),
    }
    prisma = """model HumanName {
  id     String @id
  family String
  given  Json
  suffix String?
}
"""
    found = scan(tmp_path / "prisma", {"schema.prisma": prisma})
    assert {key: category for key, (_, _, category) in found.items()} == {
        "HumanName.family": "name",
        "HumanName.given": "name",
        "HumanName.suffix": "name",
    }  # a model of its own called a name: its parts are a name's


def test_a_schema_named_with_its_version_is_about_what_comes_before(tmp_path: Path) -> None:
    sdl = "input PatientInputV2 {\n  fullName: String\n  memo: String\n}\n"
    assert scan(tmp_path, {"schema.graphql": sdl}) == {
        "PatientInputV2.fullName": (2, 3, "name"),
        "PatientInputV2.memo": (3, 3, "other_personal"),
    }  # `PatientInputV2` is about patients: a memo there is written about one


def test_first_and_last_of_a_graphql_connection_are_a_page_of_results(tmp_path: Path) -> None:
    text = """type Query {
  customers(first: Int, last: Int, after: String): CustomerConnection
}
type Customer {
  email: String
}
"""
    assert scan(tmp_path, {"schema.graphql": text}) == {"Customer.email": (5, 3, "email")}


def test_a_schema_named_for_its_role_in_the_code_is_of_what_its_name_says(tmp_path: Path) -> None:
    """An `EmployeePatch` is an employee: its `department` is where one works; a `ReportSummary` is no one."""
    text = schemas_only("""
    EmployeePatch:
      type: object
      properties:
        department: {type: string}
        hireDate: {type: string, format: date}
    ReportSummary:
      type: object
      properties:
        department: {type: string}
""")
    assert scan(tmp_path, {"openapi.yaml": text}) == {
        "EmployeePatch.department": (9, 9, "employment"),
        "EmployeePatch.hireDate": (10, 9, "employment"),
    }


def test_a_parameters_type_says_what_it_holds_as_a_propertys_does(tmp_path: Path) -> None:
    """An integer parameter named `..._id` points at a record, as an integer property does (a
    stored address's key); a string one holds the value."""
    text = """swagger: "2.0"
paths:
  /addresses/{address_id}:
    get:
      parameters:
        - {in: path, name: address_id, type: integer}
  /geocode/{address_id}:
    get:
      parameters:
        - {in: path, name: address_id, type: string}
"""
    assert categories(tmp_path, {"swagger.yaml": text}) == {"GET /geocode/{address_id}.address_id": "address"}


def test_a_header_parameter_counts_only_for_the_persons_address_or_device(tmp_path: Path) -> None:
    """`x-fapi-customer-ip-address` carries the customer's IP address; `Authorization` and
    `X-Request-Email-Template` are the client's."""
    text = """openapi: 3.0.3
info: {title: Accounts, version: "1"}
paths:
  /accounts:
    get:
      operationId: listAccounts
      parameters:
        - name: x-fapi-customer-ip-address
          in: header
          schema: {type: string}
        - name: Authorization
          in: header
          schema: {type: string}
        - name: X-Request-Email-Template
          in: header
          schema: {type: string}
        - name: email
          in: query
          schema: {type: string}
      responses: {"200": {description: ok}}
"""
    assert scan(tmp_path, {"openapi.yaml": text}) == {
        "listAccounts.x-fapi-customer-ip-address": (8, 17, "ip_address"),
        "listAccounts.email": (17, 17, "email"),
    }


def test_what_signing_in_hands_out_is_a_password(tmp_path: Path) -> None:
    """A `TokenResponse`'s token and an MFA set-up's secret let someone act as the person."""
    text = schemas_only("""
    TokenResponse:
      type: object
      properties:
        token: {type: string}
    MFASetupResponse:
      type: object
      properties:
        secret: {type: string}
        qrCode: {type: string}
    OAuthTokenResponse:
      type: object
      required: [access_token, token_type, expires_in]
      properties:
        access_token: {type: string, minLength: 1}
        token_type: {type: string, const: bearer}
        expires_in: {type: integer, minimum: 60}
""")
    assert scan(tmp_path, {"openapi.yaml": text}) == {
        "TokenResponse.token": (9, 9, "password"),
        "MFASetupResponse.secret": (13, 9, "password"),
        "OAuthTokenResponse.access_token": (19, 9, "password"),
    }


def test_the_token_signing_up_hands_out_is_a_password(tmp_path: Path) -> None:
    """Signing up signs the person in: its response's token is theirs; a page's `token` (a
    cursor) is not."""
    sdl = """type EmailSignUpResponse {
  ok: Boolean!
  token: String
}
type RegisterResponse {
  token: String
}
type CommentPage {
  token: String
  items: [String]
}
"""
    assert scan(tmp_path, {"schema.graphql": sdl}) == {
        "EmailSignUpResponse.token": (3, 3, "password"),
        "RegisterResponse.token": (6, 3, "password"),
    }


def test_a_property_described_as_someones_is_theirs_in_a_record_of_a_thing(tmp_path: Path) -> None:
    """A gift product's record describes its friend's phone and email ("친구 전화번호"): the
    friend's; the product's own name, described as the product's, is not a person's."""
    spec = schemas("""\
    FriendFundingProduct:
      type: object
      properties:
        productName: {type: string, description: 상품 이름}
        name: {type: string, description: 친구 이름}
        phone: {type: string, description: 친구 전화번호}
        email: {type: string, description: Friend's email}
""")
    assert categories(tmp_path, {"openapi.yaml": spec}) == {
        "FriendFundingProduct.name": "name",
        "FriendFundingProduct.phone": "phone",
        "FriendFundingProduct.email": "email",
    }


def test_a_session_table_and_a_login_schema_keep_the_persons_token(tmp_path: Path) -> None:
    """A Prisma `Session`'s token and a Zod login response's `accessToken` let someone act as
    the person, as an API's sign-in response does; a `Report`'s `token` is no one's."""
    prisma = """model Session {
  id        String   @id
  token     String
  expiresAt DateTime
}
model Report {
  id    String @id
  token String
}
"""
    zod = """import { z } from "zod";
export const StaffLoginResponseSchema = z.object({
  accessToken: z.string(),
});
"""
    found = categories(tmp_path, {"prisma/schema.prisma": prisma, "src/auth.types.ts": zod})
    assert found == {"Session.token": "password", "StaffLoginResponseSchema.accessToken": "password"}


def test_the_one_time_code_signing_in_takes_is_a_password(tmp_path: Path) -> None:
    """`VerifyCodeRequest.verificationCode` and an OAuth `authCode` let someone act as the person
    while they last; a login response's `code` is its status."""
    spec = schemas("""\
    VerifyCodeRequest:
      type: object
      properties:
        verificationCode: {type: string}
    OauthLoginRequest:
      type: object
      properties:
        authCode: {type: string}
    LoginResponse:
      type: object
      properties:
        code: {type: integer}
        message: {type: string}
""")
    assert categories(tmp_path, {"openapi.yaml": spec}) == {
        "VerifyCodeRequest.verificationCode": "password",
        "OauthLoginRequest.authCode": "password",
    }


def test_a_bare_contact_beside_someones_details_is_their_number(tmp_path: Path) -> None:
    """`Customer.contact: String` beside a name and an email: how to reach them; a `contact`
    with nothing personal beside it, or an object, says nothing."""
    sdl = """type Customer {
  name: String
  email: String
  contact: String
}
type Ticket {
  subject: String
  contact: String
}
type Member {
  email: String
  contact: Contact
}
"""
    assert categories(tmp_path, {"schema.graphql": sdl}) == {
        "Customer.name": "name",
        "Customer.email": "email",
        "Customer.contact": "phone",
        "Member.email": "email",
    }


def test_a_bare_name_inside_an_object_named_for_people_is_theirs(tmp_path: Path) -> None:
    """A consultation's response nests `paciente: {nome}` and `medico: {nome}`: their names,
    though nothing else personal sits beside them; a `produto: {nome}` is the product's."""
    spec = """swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /consulta/{id}:
    get:
      responses:
        200:
          description: ok
          schema:
            type: object
            properties:
              paciente:
                type: object
                properties:
                  nome: {type: string}
              medico:
                type: object
                properties:
                  nome: {type: string}
              produto:
                type: object
                properties:
                  nome: {type: string}
"""
    assert listed(tmp_path, {"swagger.yaml": spec}) == [(15, "nome", "name"), (19, "nome", "name")]


def test_a_patients_consultation_in_spanish_is_a_health_record(tmp_path: Path) -> None:
    """`Consulta(pacienteId, temperatura, observaciones)`: what a consultation of a patient
    records is health data, as an English `Consultation` would be; a `Tarifa`'s `temperatura`
    (a product's storage) is not."""
    spec = schemas("""\
    Consulta:
      type: object
      properties:
        pacienteId: {type: string}
        temperatura: {type: number}
        observaciones: {type: string}
    Tarifa:
      type: object
      properties:
        temperatura: {type: number}
""")
    assert categories(tmp_path, {"openapi.yaml": spec}) == {
        "Consulta.temperatura": "health",
        "Consulta.observaciones": "health",
    }


def test_a_name_held_for_a_role_only_a_person_holds_is_a_persons_name(tmp_path: Path) -> None:
    """A leave request's `requester_name` and `approver_name` name people, whatever else the
    record holds; a server's `host_name` and a client's `agent_name` do not."""
    spec = schemas("""\
    LeaveRequest:
      type: object
      properties:
        requester_name: {type: string}
        approverName: {type: string}
        start_date: {type: string, format: date}
        reason: {type: string}
    Deployment:
      type: object
      properties:
        host_name: {type: string}
        agent_name: {type: string}
        started_at: {type: string, format: date-time}
""")
    assert listed(tmp_path, {"openapi.yaml": spec}) == [(9, "requester_name", "name"), (10, "approverName", "name")]


def test_the_parts_of_a_spec_split_into_files_with_routes_or_schemas_at_their_top(tmp_path: Path) -> None:
    """`paths/auth.yaml` holding its routes at the top, and `components/schemas/student.yaml`
    holding `schemas:` at the top, are read as the paths and the components they are."""
    paths = """/api/v1/auth/register:
  post:
    requestBody:
      content:
        application/json:
          schema:
            type: object
            properties:
              email: {type: string}
              fullName: {type: string}
/api/v1/health:
  get:
    responses:
      "200": {description: OK}
"""
    schemas = """schemas:
  StudentCreateRequest:
    type: object
    properties:
      nik:
        type: string
        description: NIK Siswa
      date_of_birth: {type: string, format: date}
      is_active: {type: boolean}
"""
    found = listed(tmp_path, {"paths/auth.yaml": paths, "components/schemas/student.yaml": schemas})
    assert found == [
        (5, "nik", "national_id"), (8, "date_of_birth", "date_of_birth"), (9, "email", "email"), (10, "fullName", "name")
    ]  # fmt: skip


def test_a_catalogues_books_and_a_cinemas_rooms_are_things_whatever_hash_names_their_schema(tmp_path: Path) -> None:
    """A `Book`'s name and genre are the book's; so are those of a film's schema that a
    generator named with a hash (`theater-rooms-1243494910`). A member's name is a person's."""
    spec = schemas("""\
    Book:
      type: object
      properties:
        bookName: {type: string}
        genre: {type: string}
    Member:
      type: object
      properties:
        name: {type: string}
        genre: {type: string}
    theater-rooms-1243494910:
      type: object
      properties:
        name: {type: string, description: 상영관 이름}
        capacity: {type: integer}
""")
    assert listed(tmp_path, {"openapi.yaml": spec}) == [(14, "name", "name"), (15, "genre", "gender")]


def test_sdl_whose_first_type_has_a_one_line_description_and_sdl_in_python_strings(tmp_path: Path) -> None:
    """A template that opens with a one-line description (`"用户"` before `type User`) is SDL; so
    are Ariadne's `gql(\"\"\"...\"\"\")` in Python and a Python string that is SDL from its first
    word. A string that only says `type` is not."""
    script = """export const Schema = `
  "用户"
  type User {
    nickname_reset_at: String
    email: String
  }
`
"""
    python = '''from ariadne import gql

types = gql(
    """
type CustomerItem {
  id: String!
  fullname_kanji: String!
  telephone: String
}
"""
)
type_defs = """
input LoginInput { email: String! }
"""
note = """type of visit"""
'''
    crlf = python.replace("\n", "\r\n").replace("type_defs", "\x0c\ntype_defs")  # a form feed: no line to `ast`
    assert [(line, name) for line, name, _ in listed(tmp_path / "crlf", {"types.py": crlf})] == [
        (7, "fullname_kanji"), (8, "telephone"), (14, "email")
    ]  # fmt: skip
    assert listed(tmp_path / "lf", {"typedefs.ts": script, "customer/types.py": python}) == [
        (7, "fullname_kanji", "name"), (8, "telephone", "phone"), (13, "email", "email"), (5, "email", "email")
    ]  # fmt: skip


def test_a_token_a_sign_in_request_takes_is_a_password(tmp_path: Path) -> None:
    """`SignInRequest` is about signing in, written in two words as `sign_in` is; a booking's
    `booker_name` is a person's name."""
    sdl = """input SignInRequest {
  type: AuthType!
  token: String!
}
type Booking {
  booker_name: String
  room: String
}
"""
    assert listed(tmp_path, {"auth.graphqls": sdl}) == [(3, "token", "password"), (6, "booker_name", "name")]


def test_a_token_kept_beside_a_password_is_a_secret_too(tmp_path: Path) -> None:
    """A record that holds a person's password holds their other secrets beside it, whatever it
    is called (`UserCreateWhereInput.token`); a webhook's token is no one's."""
    sdl = """input UserCreateWhereInput {
  email: String
  password: String
  token: String
}
type Webhook {
  url: String
  token: String
}
"""
    assert listed(tmp_path, {"user.graphql": sdl}) == [
        (2, "email", "email"), (3, "password", "password"), (4, "token", "password")
    ]  # fmt: skip
    fields = inventory([str(tmp_path / "user.graphql")], Options(jobs=1)).fields
    assert next(f.evidence for f in fields if f.line == 4) == ("in UserCreateWhereInput: beside a password",)


def test_an_operation_about_people_makes_a_bare_name_a_persons(tmp_path: Path) -> None:
    """`users(name)` and `getEmployeeByName(name)` look people up by their name; `products(name)`
    a product by its own."""
    sdl = """type Query {
  users(name: String): [User]
  getEmployeeByName(name: String!): [Employee]
  products(name: String): [Product]
}
"""
    assert listed(tmp_path, {"schema.graphql": sdl}) == [(2, "name", "name"), (3, "name", "name")]


def test_a_route_about_people_makes_a_bare_name_a_persons(tmp_path: Path) -> None:
    """`GET /user/search?name=` and `GET /api/v1/clients/{id}/filter?name=` look people up: what
    a route does (search, filter) and its parameters are passed over to its resource;
    `GET /products/search?name=` looks up a product."""
    text = """openapi: 3.0.0
info: {title: t, version: "1"}
paths:
  /user/search:
    get:
      parameters:
        - {name: name, in: query, schema: {type: string}}
  /api/v1/clients/{id}/filter:
    get:
      parameters:
        - {name: name, in: query, schema: {type: string}}
  /products/search:
    get:
      parameters:
        - {name: name, in: query, schema: {type: string}}
"""
    assert listed(tmp_path, {"openapi.yaml": text}) == [(7, "name", "name"), (11, "name", "name")]


def test_the_parameters_a_path_gives_all_its_operations(tmp_path: Path) -> None:
    """`/users/email/{email}: {parameters: [...], get: ...}`: the parameter is its one
    operation's; a path of several operations names them for itself."""
    text = """openapi: 3.0.0
info: {title: t, version: "1"}
paths:
  /users/email/{email}:
    parameters:
      - {in: path, name: email, required: true, schema: {type: string, format: email}}
    get:
      operationId: getUserByEmail
  /members/{phone}:
    parameters:
      - {in: path, name: phone, required: true, schema: {type: string}}
    get: {}
    delete: {}
"""
    assert scan(tmp_path, {"openapi.yaml": text}) == {
        "getUserByEmail.email": (6, 26, "email"),
        "/members/{phone}.phone": (11, 26, "phone"),
    }


def test_a_suffix_beside_a_first_and_a_last_name_is_a_names(tmp_path: Path) -> None:
    sdl = """type Customer {
  firstName: String
  lastName: String
  suffix: String
}
type Invoice {
  number: String
  suffix: String
}
"""
    assert listed(tmp_path, {"schema.graphql": sdl}) == [
        (2, "firstName", "name"),
        (3, "lastName", "name"),
        (4, "suffix", "name"),
    ]


def test_a_customers_address_record_keys_flags_and_name_parts(tmp_path: Path) -> None:
    """Magento's `CustomerAddress`: its `uid` is a key and `default_shipping` a yes or no, no
    part of the address; its `suffix` beside `firstname` and `lastname` is a part of a name."""
    sdl = """type CustomerAddress {
  uid: ID!
  firstname: String
  lastname: String
  suffix: String
  street: [String]
  default_shipping: Boolean
}
"""
    assert categories(tmp_path, {"schema.graphql": sdl}) == {
        "CustomerAddress.firstname": "name",
        "CustomerAddress.lastname": "name",
        "CustomerAddress.suffix": "name",
        "CustomerAddress.street": "address",
    }


def test_a_clinics_doctors_are_its_staff_and_their_specialty_is_their_work(tmp_path: Path) -> None:
    """A doctor's `especialidade` says where they work as a staff member's grade does; a
    product's `specialty` says nothing of anyone."""
    spec = schemas("""\
    Medico:
      type: object
      properties:
        crm: {type: string}
        especialidade: {type: string}
    Product:
      type: object
      properties:
        specialty: {type: string}
""")
    assert listed(tmp_path, {"openapi.yaml": spec}) == [(10, "especialidade", "employment")]


def test_a_map_of_typed_fields_and_a_spec_minified_to_one_line(tmp_path: Path) -> None:
    """A JSON file that is the fields themselves, each with its type (`{"first_name": {"type":
    "string", "required": true}}`), is one schema named for the file; a spec minified to one
    line is read; a map of settings is not a schema."""
    guests = """{
  "first_name": { "type": "string", "required": true, "description": "The first name of the guest" },
  "phone": { "type": "string", "required": true },
  "date_of_birth": { "type": "date", "required": true },
  "marketing_opt_in": { "type": "boolean", "required": true }
}
"""
    minified = '{"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"U":{"type":"object","properties":{"email":{"type":"string"}}}}}}'
    settings = '{"name": "app", "version": "1.0.0", "theme": {"type": "dark"}, "phone": "+65 6123 4567"}\\n'
    found = listed(tmp_path, {"schema/guests.json": guests, "api-docs.json": minified, "settings.json": settings})
    assert found == [
        (1, "email", "email"),
        (2, "first_name", "name"),
        (3, "phone", "phone"),
        (4, "date_of_birth", "date_of_birth"),
    ]


def test_a_mentors_headline_is_their_work_and_a_customers_company_is_not(tmp_path: Path) -> None:
    """In a record of people, the headline of a person's profile says where they work; a
    company's name beside a person's is a B2B customer's company, not their employer."""
    spec = schemas("""\
    Mentor:
      type: object
      properties:
        headline: {type: string}
        companyName: {type: string}
    Shop:
      type: object
      properties:
        companyName: {type: string}
""")
    assert listed(tmp_path, {"openapi.yaml": spec}) == [(9, "headline", "employment")]

"""Random Ruby, PHP, JavaScript and TypeScript, YAML and JSON, GraphQL SDL and Prisma made of the
pieces migrations, rules, entities, form types and API schemas are made of: never a crash, every
field where its name is."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datamin.classify import classify_all
from datamin.parse.code import api, javascript, php, prisma, ruby

RUBY = [
    "\n", "  ", "class A < ActiveRecord::Migration[7.1]\n", "ActiveRecord::Schema.define do\n", "def change\n",
    "def up\n", "def self.up\n", "def down\n", "end\n", "create_table :patients do |t|\n", "create_table \"x\" do |t|\n",
    "t.string :nric", "t.date \"dob\"", ", comment: \"NRIC\"", "add_column :patients, :ic, :string",
    "remove_column :patients, :ic", "rename_column :patients, :ic, :nric", "change_table :p do |t|\n", "t.remove :x",
    "t.rename :a, :b", "reversible do |dir|\n", "dir.up { ", "dir.down { ", "}", "params.require(:patient).permit(",
    ":nric, ", "a_attributes: [:line1]", ")", "(", "[", "]", ",", ":", "\"", "'", "#", "生日", "=>", "do", "|t|",
]  # fmt: skip
PHP = [
    "\n", "<?php\n", "?>", "<input name=\"x\">", "class A extends Migration {\n", "public function up() {\n",
    "public function down() {\n", "public function rules() { return [", "}\n", "}", "Schema::create('p', function (Blueprint $table) {\n",
    "Schema::table('p', function ($table) {\n", "$table->string('no_kp')", "->comment('MyKad')", "->nullable()", ";\n",
    "$table->dropColumn(['a'])", "$table->renameColumn('a', 'b')", "'email' => 'required|email',", "'ic' => ['digits:12'],",
    "$request->validate([", "Validator::make($d, [", "]);\n", "#[ORM\\Column(type: 'date')]\n", "private ?string $nric;\n",
    "/** @ORM\\Column(name=\"dob\") */\n", "class T extends AbstractType {", "$builder->add('email', EmailType::class, ['label' => 'E'])",
    "FormBuilderInterface", "(", ")", "[", "]", "'", "\"", "$", "->", "=>", "::", "이메일", "\\",
    "/**\n * @OA\\Schema(schema=\"P\",", " * @OA\\Property(property=\"nric\", type=\"string\")", "#[OA\\Property(",
    "type: 'string')]\n", "public string $email;\n", " */\n",
]  # fmt: skip


SCRIPT = [
    "\n", "  ", "@Entity('patients')\n", "export class Patient {\n", "@Column({ comment: 'NRIC' })\n", "nric: string;\n",
    "}\n", "sequelize.define('User', {", "email: { type: DataTypes.STRING },", "queryInterface.createTable('p', {",
    "new Schema({", "dob: Date,", "z.object({", "email: z.string().email(),", "yup.object({", "})", "});\n",
    "gql`", "`", "type Patient {\n", "  phone: String\n", "${x}", "const typeDefs = `", "buildSchema(`",
    "module.exports = {", "type: 'object', ", "properties: {", "ssn: { type: 'string' },", "/**\n * @openapi\n",
    " * components:\n", " *   schemas:\n", " *     P:\n", " *       properties:\n", " *         dob: {}\n", " */\n",
    "@Property()\n", "@Entity({ tableName: 'p' })\n", "export const s = { a: yup.string(), b: yup.string().email() }",
    '"用户"\n', "<Form.Control", " control={<Radio />}", "<FormControlLabel", " v-decorator=\"['email']\"",
    "(", ")", "{", "}", "[", "]", "'", "\"", ":", ",", "=", "이메일", "\\",
]  # fmt: skip
SCHEMA = [
    "\n", "  ", "openapi: 3.0.0\n", "swagger: '2.0'\n", "components:\n", "schemas:\n", "Patient:\n",
    "type: object\n", "properties:\n", "email:\n", "format: email\n", "$ref: '#/components/schemas/P'\n",
    "allOf:\n", "- ", "paths:\n", "/p:\n", "post:\n", "requestBody:\n", "responses:\n", "'200':\n",
    "parameters:\n", "in: query\n", "name: nric\n", "{", "}", "[", "]", '"', ":", ",", "\t", "$schema", "생일",
    '"first_name": {"type": "string", "required": true},', "/api/v1/users:\n", "get:\n",
]  # fmt: skip
SDL = [
    "\n", "  ", "type Patient {\n", "input SignUp {\n", "interface P {\n", "extend type Q {\n", "}\n",
    "email: String\n", "dob: Date!\n", "tags: [Tag]\n", "signUp(nric: String): P\n", '"""doc"""\n', "enum Sex { F M }\n",
    "type Query {\n", "(", ")", ":", "!", "[", "]", "@deprecated", "#", "{", "}",
]  # fmt: skip
PRISMA = [
    "\n", "  ", "model Patient {\n", "}\n", "id Int @id\n", "nric String @map(\"ic\")\n", "/// NRIC\n", "dob DateTime\n",
    "@@map(\"patients\")\n", "enum Sex {\n", "F\n", "{", "}", "@", "(", ")", '"',
]  # fmt: skip


def pieces(items: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(items), st.text(max_size=5)), max_size=50).map("".join)


def check(parsed_controls: list, text: str) -> None:  # type: ignore[type-arg]
    lines = text.split("\n")
    for control in parsed_controls:
        assert 1 <= control.line <= len(lines)
        assert 1 <= control.column <= len(lines[control.line - 1]) + 1
    classify_all(parsed_controls)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pieces(RUBY))
def test_random_ruby_never_crashes(text: str) -> None:
    check(
        ruby.parse("db/migrate/1_x.rb", "class A < ActiveRecord::Migration\n" + text).controls,
        "class A < ActiveRecord::Migration\n" + text,
    )


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pieces(PHP))
def test_random_php_never_crashes(text: str) -> None:
    source = "<?php Schema::create('p', function ($table) {});\n" + text
    check(php.parse("database/migrations/1_x.php", source).controls, source)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pieces(SCRIPT), suffix=st.sampled_from([".ts", ".js", ".tsx"]))
def test_random_javascript_and_typescript_never_crash(text: str, suffix: str) -> None:
    check(javascript.parse("src/models" + suffix, text).controls, text)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pieces(SCHEMA), suffix=st.sampled_from([".yaml", ".json"]))
def test_random_yaml_and_json_never_crash(text: str, suffix: str) -> None:
    check(api.parse("openapi" + suffix, text).controls, text)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pieces(SDL))
def test_random_graphql_never_crashes(text: str) -> None:
    check(api.parse("schema.graphql", text).controls, text)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pieces(PRISMA))
def test_random_prisma_never_crashes(text: str) -> None:
    check(prisma.parse("schema.prisma", text).controls, text)

#!/usr/bin/env python3
"""Throughput of `datamin inventory` on code against a bare parse of the same files.

    python bench/code_throughput.py [--set django|laravel|prisma|all] [--files 1000] [--repeat 3] [--keep DIR]

Generates `--files` files of each set:

- django:  models files as Django apps write them (imports, choices, an abstract base, four to
           eight models of eight to twenty fields each: personal ones, a shop's or a clinic's
           others, foreign keys, Meta options), against `ast.parse`;
- laravel: migrations as Laravel writes them (`Schema::create` with ten to twenty-five column
           calls and their modifiers, or `Schema::table` adding, renaming and dropping columns;
           `down()` too), against a bare tree-sitter-php parse;
- prisma:  schema.prisma files of four to eight models with enums, `@map`, `///` comments and
           relations, against reading and splitting every line of them (no Prisma parser
           exists on PyPI to compare with);

then times, in the same run:

- bare:    a loop of the bare parse over every file, one process (reading included);
- datamin: the installed `datamin inventory --format json` command on the folder (start-up,
           discovery, parsing, classification and the report included; both cores on a
           large tree), and for scale the command's start-up alone (`datamin --version`).

and prints the best of `--repeat` alternating runs of each and the ratio datamin / bare.
"""

from __future__ import annotations

import argparse
import ast
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = '''"""Models of app {n}."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

STATUS_CHOICES = [("draft", _("Draft")), ("active", _("Active")), ("closed", _("Closed"))]


class Gender(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
'''
PERSONAL = [
    'full_name = models.CharField(_("Full name"), max_length=120)',
    'email = models.EmailField(_("Email address"), unique=True)',
    'mobile = models.CharField(_("Mobile number"), max_length=20, blank=True)',
    'date_of_birth = models.DateField(_("Date of birth"), null=True)',
    'nric = models.CharField(max_length=9, validators=[RegexValidator(r"^[STFG]\\d{{7}}[A-Z]$")])',
    "sex = models.CharField(max_length=1, choices=Gender.choices)",
    'postal_code = models.CharField(_("Postal code"), max_length=6)',
    'allergies = models.TextField(blank=True, help_text=_("Drug or food allergies"))',
    "last_login_ip = models.GenericIPAddressField(null=True, blank=True)",
    'occupation = models.CharField(_("Occupation"), max_length=80, blank=True)',
]
OTHER = [
    'title = models.CharField(_("Title"), max_length=200)',
    "slug = models.SlugField(unique=True)",
    "price = models.DecimalField(max_digits=10, decimal_places=2)",
    "quantity = models.PositiveIntegerField(default=0)",
    "status = models.CharField(max_length=10, choices=STATUS_CHOICES, default='draft')",
    "is_active = models.BooleanField(default=True)",
    "description = models.TextField(blank=True)",
    "sku = models.CharField(max_length=40, unique=True)",
    "weight_grams = models.PositiveIntegerField(null=True)",
    "sort_order = models.IntegerField(default=0)",
    "owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
    "published_at = models.DateTimeField(null=True, blank=True)",
]
NAMES = ["Patient", "Customer", "Order", "Product", "Booking", "Member", "Invoice", "Voucher", "Visit", "Staff"]


def models_file(number: int, rng: random.Random) -> str:
    parts = [HEADER.format(n=number)]
    for index in range(rng.randint(4, 8)):
        name = f"{rng.choice(NAMES)}{index}"
        parts.append(f'\n\nclass {name}(TimeStamped):\n    """A {name.lower()} of app {number}."""\n')
        fields = rng.sample(OTHER, rng.randint(4, 10))
        if rng.random() < 0.6:
            fields += rng.sample(PERSONAL, rng.randint(3, 8))
        rng.shuffle(fields)
        parts.extend(f"    {field}\n" for field in fields)
        parts.append(
            f'\n    class Meta:\n        db_table = "app{number}_{name.lower()}"\n        ordering = ["-created_at"]\n'
        )
        parts.append(f'\n    def __str__(self):\n        return f"{name} {{self.pk}}"\n')
    return "".join(parts)


LARAVEL_COLUMNS = [
    "$table->string('full_name', 120);", "$table->string('email')->unique();", "$table->string('no_kp', 12)->comment('MyKad');",
    "$table->date('tarikh_lahir')->nullable();", "$table->enum('jantina', ['L', 'P']);", "$table->string('no_telefon', 20)->nullable();",
    "$table->text('alamat')->nullable();", "$table->string('poskod', 5);", "$table->ipAddress('last_login_ip')->nullable();",
    "$table->string('title');", "$table->decimal('price', 10, 2);", "$table->integer('quantity')->default(0);",
    "$table->boolean('is_active')->default(true);", "$table->string('sku')->unique();", "$table->text('description')->nullable();",
    "$table->foreignId('user_id')->constrained()->cascadeOnDelete();", "$table->json('meta')->nullable();",
    "$table->timestamp('published_at')->nullable();", "$table->string('status', 20)->default('draft');",
]  # fmt: skip


def laravel_file(number: int, rng: random.Random) -> str:
    table = f"{rng.choice(['patients', 'customers', 'orders', 'products', 'members', 'bookings'])}_{number}"
    if rng.random() < 0.7:
        columns = "\n".join(
            f"            {c}" for c in rng.sample(LARAVEL_COLUMNS, rng.randint(10, len(LARAVEL_COLUMNS)))
        )
        body = f"        Schema::create('{table}', function (Blueprint $table) {{\n            $table->id();\n{columns}\n            $table->timestamps();\n        }});"
        down = f"        Schema::dropIfExists('{table}');"
    else:
        body = (
            f"        Schema::table('{table}', function (Blueprint $table) {{\n            $table->string('no_passport')->nullable();\n"
            "            $table->renameColumn('nama', 'nama_penuh');\n            $table->dropColumn(['agama', 'bangsa']);\n        });"
        )
        down = f"        Schema::table('{table}', function (Blueprint $table) {{\n            $table->dropColumn('no_passport');\n        }});"
    return (
        "<?php\n\nuse Illuminate\\Database\\Migrations\\Migration;\nuse Illuminate\\Database\\Schema\\Blueprint;\n"
        "use Illuminate\\Support\\Facades\\Schema;\n\nreturn new class extends Migration\n{\n    public function up(): void\n    {\n"
        f"{body}\n    }}\n\n    public function down(): void\n    {{\n{down}\n    }}\n}};\n"
    )


PRISMA_FIELDS = [
    "  /// Full name as in the NRIC\n  fullName  String   @map(\"full_name\")", "  email     String   @unique",
    "  nric      String?  @db.VarChar(9)", "  dob       DateTime @db.Date", "  gender    Gender", "  phone     String?",
    "  address   String?", "  title     String", "  price     Decimal  @db.Decimal(10, 2)", "  quantity  Int      @default(0)",
    "  sku       String   @unique", "  status    Status   @default(DRAFT)", "  createdAt DateTime @default(now())",
    "  updatedAt DateTime @updatedAt",
]  # fmt: skip


def prisma_file(number: int, rng: random.Random) -> str:
    parts = ['generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n'
             '  url      = env("DATABASE_URL")\n}\n\nenum Gender {\n  MALE\n  FEMALE\n}\n\nenum Status {\n  DRAFT\n  ACTIVE\n}\n']  # fmt: skip
    names = [
        f"{rng.choice(['Patient', 'Customer', 'Order', 'Product', 'Member'])}{i}" for i in range(rng.randint(4, 8))
    ]
    for index, name in enumerate(names):
        fields = rng.sample(PRISMA_FIELDS, rng.randint(6, len(PRISMA_FIELDS)))
        relation = (
            f"  owner     {names[index - 1]} @relation(fields: [ownerId], references: [id])\n  ownerId   Int\n"
            if index
            else ""
        )
        body = "\n".join(fields)
        parts.append(
            f'\nmodel {name} {{\n  id        Int      @id @default(autoincrement())\n{body}\n{relation}\n  @@map("{name.lower()}s_{number}")\n}}\n'
        )
    return "".join(parts)


def bare_prisma(paths: list[Path]) -> None:
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            line.split()


def bare_django(paths: list[Path]) -> None:
    for path in paths:
        ast.parse(path.read_text(encoding="utf-8"))


def bare_laravel(paths: list[Path]) -> None:
    import tree_sitter_php
    from tree_sitter import Language, Parser

    parser = Parser(Language(tree_sitter_php.language_php()))
    for path in paths:
        parser.parse(path.read_bytes())


def run(kind: str, files: int, repeat: int, keep: Path | None, datamin: str) -> int:
    folder = (keep / kind) if keep else Path(tempfile.mkdtemp(prefix=f"datamin-{kind}-bench-"))
    rng = random.Random(20261207)
    paths = []
    for number in range(files):
        if kind == "django":
            path = folder / f"app{number:04d}" / "models.py"
            text = models_file(number, rng)
        elif kind == "prisma":
            path = folder / f"service{number:04d}" / "prisma" / "schema.prisma"
            text = prisma_file(number, rng)
        else:  # one app's migrations folder per hundred files: a real project's shape
            path = folder / f"app{number // 100:02d}" / "database" / "migrations" / f"2024_01_01_{number:06d}_m.php"
            text = laravel_file(number, rng)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    size = sum(p.stat().st_size for p in paths)
    bare, ours, started = [], [], []
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([datamin, "--version"], capture_output=True)
            started.append(time.perf_counter() - start)
            start = time.perf_counter()
            {"django": bare_django, "laravel": bare_laravel, "prisma": bare_prisma}[kind](paths)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            done = subprocess.run([datamin, "inventory", "--format", "json", str(folder)], capture_output=True)
            ours.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                print(done.stderr.decode(errors="replace"), file=sys.stderr)
                return 2
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    title = {"django": "Django models", "laravel": "Laravel migrations", "prisma": "Prisma schemas"}[kind]
    against = {"django": "ast.parse", "laravel": "tree-sitter-php parse", "prisma": "read and split lines"}[kind]
    print(f"{title}: {len(paths)} files ({size / 1e6:.1f} MB)")
    print(f"  bare {against} loop:{' ' * (25 - len(against))}{min(bare):.2f} s")
    print(f"  datamin inventory (CLI, end to end):   {min(ours):.2f} s")
    print(f"  of which start-up (datamin --version): {min(started):.2f} s")
    print(f"  ratio datamin / bare {against}: {min(ours) / min(bare):.2f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("django", "laravel", "prisma", "all"), default="all")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args(argv)
    datamin = shutil.which("datamin") or str(Path(sys.executable).parent / "datamin")
    kinds = ("django", "laravel", "prisma") if args.set == "all" else (args.set,)
    return max(run(kind, args.files, args.repeat, args.keep, datamin) for kind in kinds)


if __name__ == "__main__":
    sys.exit(main())

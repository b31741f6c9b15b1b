#!/usr/bin/env python3
"""Throughput of `datamin inventory` on Django models against a bare `ast.parse` of the same files.

    python bench/code_throughput.py [--files 1000] [--repeat 3] [--keep DIR]

Generates `--files` models files as Django apps write them (imports, choices, an abstract base,
four to eight models of eight to twenty fields each: personal ones, a shop's or a clinic's
others, foreign keys, Meta options), then times, in the same run:

- bare:    a loop of `ast.parse(text)` over every file, one process (reading included);
- datamin: the installed `datamin inventory --format json` command on the folder (start-up,
           discovery, parsing, classification and the report included; both cores on a
           large tree).

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args(argv)
    datamin = shutil.which("datamin") or str(Path(sys.executable).parent / "datamin")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="datamin-code-bench-"))
    rng = random.Random(20261207)
    paths = []
    for number in range(args.files):
        path = folder / f"app{number:04d}" / "models.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(models_file(number, rng), encoding="utf-8")
        paths.append(path)
    size = sum(p.stat().st_size for p in paths)
    bare, ours = [], []
    try:
        for _ in range(args.repeat):
            start = time.perf_counter()
            for path in paths:
                ast.parse(path.read_text(encoding="utf-8"))
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            done = subprocess.run([datamin, "inventory", "--format", "json", str(folder)], capture_output=True)
            ours.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                print(done.stderr.decode(errors="replace"), file=sys.stderr)
                return 2
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"Django models: {len(paths)} files ({size / 1e6:.1f} MB)")
    print(f"  bare ast.parse loop:                   {min(bare):.2f} s")
    print(f"  datamin inventory (CLI, end to end):   {min(ours):.2f} s")
    print(f"  ratio datamin / bare ast.parse: {min(ours) / min(bare):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

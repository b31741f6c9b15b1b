"""The content tests that choose a file's readers: their plain words only ever turn away files
the expression would not match."""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

import pytest

from datamin.parse import SNIFFED_SUFFIXES
from datamin.parse.sniff import Sniff

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = ("php", "javascript", "python", "ruby", "prisma", "laravel", "doctrine", "symfony", "mongoose")
FAMILIES += ("rails", "sequelize", "typeorm", "validation")


def sniffs() -> list[tuple[str, Sniff]]:
    found = [(family, import_module(f"datamin.parse.code.{family}").SNIFF) for family in FAMILIES]
    return found + [(suffix, sniff) for suffix, sniff in SNIFFED_SUFFIXES.items()]


def texts() -> list[str]:
    """Every fixture of ours, and small files that match one alternative each."""
    files = [p for p in (ROOT / "fixtures").rglob("*") if p.is_file() and p.stat().st_size < 200_000]
    samples = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    return [
        *samples,
        "class X(models.Model):\n    pass\n",
        "from pydantic import BaseModel\n",
        "revision = 'a'\ndown_revision = 'b'\n",
        "Schema::table('users', function ($t) {});",
        "public function rules() { return []; }",
        "#[ORM\\Column(type: 'date')]",
        "class A extends AbstractType {}",
        "const s = new mongoose.Schema({ email: String });",
        "model User {\n  id Int @id\n}\n",
        "class A < ActiveRecord::Migration[7.0]\nend\n",
        "params.require(:user).permit(:email)",
        "User.init({ email: DataTypes.STRING }, { sequelize });",
        "@Entity('users') class User { @Column() email: string }",
        "const schema = z.object({ email: z.string() });",
        "import React from 'react';",
        "<INPUT className='x'>",
        '<t t-name="portal.form"/>',
        '<apex:page standardController="Contact">',
    ]


@pytest.mark.parametrize(("name", "sniff"), sniffs(), ids=[name for name, _ in sniffs()])
def test_the_words_of_a_sniff_turn_away_only_what_its_expression_would(name: str, sniff: Sniff) -> None:
    bare = re.compile(sniff.pattern, sniff.flags)
    matched = 0
    for text in texts():
        expected = bare.search(text) is not None
        assert (sniff.search(text) is not None) == expected, (name, text[:200])
        matched += expected
    assert matched, f"no sample matches {name}: the test would prove nothing"


def test_a_sniff_of_several_readers_matches_what_any_of_them_does() -> None:
    first = Sniff(r"alpha\s*\(", ("alpha",))
    second = Sniff(r"beta\s*\[", ("beta",))
    both = Sniff.either(first, second)
    assert both.search("x = beta [1]") and both.search("alpha (2)")
    assert both.search("alphabet soup") is None

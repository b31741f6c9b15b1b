"""SQL readers: statements split, dialects guessed, DDL read fast or with sqlglot, migrations grouped."""

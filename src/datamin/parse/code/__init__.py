"""Code readers: the models, migrations and form classes where applications declare what they
collect. Each framework has a module of its own; every one yields the same `Control` records
as the markup and SQL readers (`source` `orm` for a model's column, `form-class` for a form's
field), so that everything after parsing stays as it is."""

# How a column read from migrations was declared (its `via`): such a column is left out where
# the model that declares it is in the scan too.
DJANGO_MIGRATION = "Django migration"
ALEMBIC_MIGRATION = "Alembic migration"
MIGRATED = (DJANGO_MIGRATION, ALEMBIC_MIGRATION)
# Rails: a column of schema.rb that a migration in the scan creates is reported at the migration.
RAILS_MIGRATION = "Rails migration"
RAILS_SCHEMA = "Rails schema"

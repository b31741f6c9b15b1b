"""Code readers: the models, migrations and form classes where applications declare what they
collect. Each framework has a module of its own; every one yields the same `Control` records
as the markup and SQL readers (`source` `orm` for a model's column, `form-class` for a form's
field), so that everything after parsing stays as it is."""

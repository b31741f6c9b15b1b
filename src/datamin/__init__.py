"""datamin: a data-minimisation linter for forms, templates and schemas."""

__version__ = "0.1.0"

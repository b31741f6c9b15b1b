"""Markup readers: templates neutralised, pages and components read with lxml, helpers."""

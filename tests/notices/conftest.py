"""The notices tests change a store behind respons's back as the store tests do."""

from store.conftest import raw_sql  # noqa: F401  (a fixture, re-exported)

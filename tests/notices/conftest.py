"""The notices tests change a store behind respons's back as the store tests do, on every
backend in turn (``store_url``)."""

from store.conftest import raw_sql, store_url  # noqa: F401  (fixtures, re-exported)

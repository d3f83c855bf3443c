"""The store tests take their store URLs (``sqlite_url``, ``postgresql_url``) from
tests/conftest.py, shared with the engine tests."""

"""The duty engine: every obligation a regime derives from a store's records.

A duty (职责) is a clock: each record of its starting event opens one obligation, whose
due date follows the law on periods (``respons.calendar``) and whose state as of a date
is open, paused, met, met late, overdue — or unknown where the calendar has no data.
The engine never walks the records in Python: the regime's duties are compiled into SQL
(``respons.engine.compile``) that the store runs over its own tables, with the calendar
loaded as lookup tables (``respons.engine.timeline``), so that a due date is a join, not
a day-by-day walk. The result is the helper table ``resp_obligations`` in the store;
``respons.engine.report`` reads it back for people and scripts.
"""

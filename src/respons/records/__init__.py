"""Records: reading a jurisdiction's JSON Lines files and checking each record against the
regime that declares its kind.

``respons.records.reader`` turns a file into numbered lines and JSON objects;
``respons.records.schema`` compiles a resolved regime once into a checker per record type
(``kind.event``) that validates a record and puts it into canonical form;
``compile_versions`` compiles each version of a regime (取代) so that a record is checked
against the version in force on its date. Neither touches a store: storing,
de-duplicating and hash-chaining are ``respons.store``'s.
"""

from respons.records.row import Checked
from respons.records.schema import (
    Problem,
    RecordSchema,
    compile_schema,
    compile_versions,
)

__all__ = ["Checked", "Problem", "RecordSchema", "compile_schema", "compile_versions"]

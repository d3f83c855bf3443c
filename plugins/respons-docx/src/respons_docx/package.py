"""A document saved as the same bytes every time: its core properties (author, title, dates)
from the notice rather than from python-docx's template or the clock, and the package's zip
entries in a fixed order with a fixed timestamp and mode.

python-docx writes each entry with the time of saving, so two renderings of one notice
would differ in their zip headers; the entries are written here instead, ``[Content_Types].xml``
first (where OPC readers look for it) and the rest sorted by name. Each entry's bytes are
the ones python-docx's own writer would put in its zip (its `PackageWriter` serialises the
parts into `_Members`), so nothing is compressed twice; where that writer is not the one
this was written against, the package python-docx saves is read back and written again.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.pkgwriter import PackageWriter
from lxml import etree

from respons.model.notice import IssuedNotice
from respons_docx.document import plain

#: The earliest time a zip header can hold: no entry claims to be from a real moment.
EPOCH = (1980, 1, 1, 0, 0, 0)
FIRST = "[Content_Types].xml"


def describe(document, issued: IssuedNotice) -> None:
    """Core properties from the notice: its title, issuer, number and 成文日期 (at midnight,
    Beijing time), in place of the template's author and dates; the template's thumbnail
    dropped and respons-docx named as the application."""
    core = document.core_properties
    when = dt.datetime.combine(issued.date, dt.time(), dt.timezone(dt.timedelta(hours=8)))
    core.title, core.subject = plain(issued.title), plain(issued.notice.name)
    core.author = core.last_modified_by = plain(issued.issuer)
    core.keywords, core.comments, core.category = plain(issued.number), "", ""
    core.created = core.modified = when.astimezone(dt.UTC).replace(tzinfo=None)
    core.revision = 1
    package = document.part.package
    # python-docx's template brings a thumbnail of a page that is not this notice's, and
    # names Word for the Mac as the application that wrote it.
    for key, relationship in list(package.rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(key)
    app = next((p for p in package.iter_parts() if str(p.partname) == "/docProps/app.xml"),
               None)
    if app is not None:
        properties = etree.fromstring(app.blob)
        for element in properties:
            if etree.QName(element).localname == "Application":
                element.text = "respons-docx"
        app._blob = etree.tostring(properties, xml_declaration=True, encoding="UTF-8",
                                   standalone=True)


class _Members:
    """Where python-docx's `PackageWriter` writes a package's members: kept by name, in
    memory, for `save` to zip in its order."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, uri, blob: bytes) -> None:
        self.members[uri.membername] = blob


def members(document) -> dict[str, bytes]:
    """The package's members, name → bytes, as python-docx would save them."""
    package = document.part.package
    steps = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
    if not all(hasattr(PackageWriter, step) for step in steps):  # another python-docx
        raw = io.BytesIO()
        document.save(raw)
        with zipfile.ZipFile(raw) as source:
            return {name: source.read(name) for name in source.namelist()}
    for part in package.parts:  # what OpcPackage.save does before it writes
        part.before_marshal()
    kept = _Members()
    PackageWriter._write_content_types_stream(kept, package.parts)
    PackageWriter._write_pkg_rels(kept, package.rels)
    PackageWriter._write_parts(kept, package.parts)
    return kept.members


def save(document) -> bytes:
    """The document's package as bytes, entries in a fixed order with fixed headers."""
    entries = members(document)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(entries, key=lambda name: (name != FIRST, name)):
            entry = zipfile.ZipInfo(name, date_time=EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, entries[name])
    return out.getvalue()

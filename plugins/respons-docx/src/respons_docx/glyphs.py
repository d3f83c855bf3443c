"""The faces a DOCX notice embeds, read once a process and cut to each notice's characters
from glyphs converted once (`subset`): the same font file, byte for byte, as subsetting the
installed face with fontTools and converting its CFF outlines with cu2qu
(`respons_docx.embed.reference_subset`, kept as the reference and for faces this module
does not know), in a few milliseconds rather than seconds.

Subsetting with fontTools reads the whole face for every notice — its character map of
tens of thousands of entries, its metrics, its CFF or glyf table, and the OpenType layout
tables (seconds for Noto CJK) — and converts every glyph of the subset to TrueType again.
None of that depends on the notice: `Source` reads each installed face once (its
character map's Unicode subtables, its metrics, its small tables) and converts each glyph
the first time a notice needs it; a notice's font is then the union of those glyphs, with
the tables built as fontTools' subsetter builds them (the same options: `OPTIONS`):

- the glyphs: gid 0 (.notdef, with its outline), what the Unicode subtables map the
  characters to (and their bidi mirrors: ``（`` brings ``）``, as fontTools does), the
  components of a composite glyf glyph or of a CFF ``seac``; in the face's order;
- ``cmap``: each Unicode subtable cut to those characters, a BMP-only format 12 subtable
  that repeats its format 4 sibling dropped, empty subtables dropped; format 14 (variation
  sequences) cut to the selectors in the text;
- ``hmtx``, ``vmtx``, ``VORG``: cut to the glyphs; ``post`` format 3 (no names) for a glyf
  face; ``name`` IDs 0–6 in English; ``OS/2``'s Unicode and code page ranges pruned to the
  characters kept; the rest (``head``, ``hhea``, ``maxp``, ``vhea``, ``gasp``…) as the face
  has them, with no bounds or timestamps recomputed;
- a CFF face's glyphs drawn through cu2qu into glyf outlines, as `respons_docx.embed.truetype`
  does: ``post`` format 2 with the glyph names, ``maxp`` 1.0 recounted, the left side
  bearings from the new outlines.

Determinism: a notice's font is a function of its characters and the installed face only —
the caches hold, per face and per glyph, what does not depend on which notices came before.
A face with a table this module does not subset (anything but the above, or an option it
does not follow) is subset by `reference_subset` instead, so that what is embedded never
depends on which path made it.
"""

from __future__ import annotations

import copy
import functools

from fontTools import subset as ft_subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, getTableClass, getTableModule, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.unicodedata import mirrored

from respons.registry.fonts import Installed, opened

try:  # what fontTools' subsetter follows a CFF glyph's seac with (not a public name)
    from fontTools.subset.cff import _ClosureGlyphsT2Decompiler
except ImportError:  # another fontTools: its subsetter does the whole work
    _ClosureGlyphsT2Decompiler = None

#: The tables a notice's font never holds: what the reference drops (fontTools' defaults,
#: FontForge's timestamps, the OpenType layout tables a horizontal notice does not use).
DROPPED = frozenset(ft_subset.Options().drop_tables) | {
    "FFTM", "GSUB", "GPOS", "GDEF", "BASE", "JSTF"}


def options() -> ft_subset.Options:
    """The subsetter's options, the reference's and this module's: fontTools' defaults, a
    .notdef that draws a box, and `DROPPED` dropped."""
    chosen = ft_subset.Options()
    chosen.notdef_outline = True  # a glyph the text lacks draws a box, not nothing
    chosen.drop_tables = sorted(DROPPED)
    return chosen


OPTIONS = options()
#: Tables kept as the face has them (fontTools' ``no_subset_tables``).
AS_THEY_ARE = frozenset(OPTIONS.no_subset_tables)
#: Tables cut to the glyphs here; with `AS_THEY_ARE` and `DROPPED`, every table a face
#: may hold for this module to subset it. fontTools drops any other table it cannot subset.
CUT = frozenset({"cmap", "hmtx", "vmtx", "VORG", "post", "glyf", "CFF "})
#: Tables that would name records of ``name`` or that this module does not follow.
UNFOLLOWED = frozenset({"fvar", "STAT", "CPAL", "avar", "MVAR", "cvar", "gvar", "HVAR",
                        "VVAR", "CFF2", "COLR", "MATH", "DMAP", "hdmx", "kern", "VDMX",
                        "bsln", "SVG ", "sbix", "CBDT", "CBLC", "VARC", "GLYF", "LOCA"})


#: A glyf table for compiling a lone glyph as the font's own glyf table compiles it (not
#: extended: no cubic outlines).
_GLYF = newTable("glyf")


class Unsupported(Exception):
    """The face holds something this module does not subset: use the reference."""


class Source:
    """One installed face, read once: its glyph order, Unicode subtables, metrics and small
    tables; its glyphs' TrueType outlines (compiled glyf data) made on first use."""

    def __init__(self, found: Installed) -> None:
        # the face the glyph check has read (its cmap, its advances), not read again
        font = opened(found.path, found.index)
        tags = set(font.keys()) - {"GlyphOrder"}
        if tags & UNFOLLOWED or OPTIONS.glyph_names or not OPTIONS.hinting:
            raise Unsupported(sorted(tags & UNFOLLOWED))
        # fontTools drops a table it has no way to subset (it warns): so does this.
        kept = {tag for tag in tags - DROPPED
                if tag in AS_THEY_ARE or tag in CUT
                or hasattr(getTableClass(tag), "subset_glyphs")}
        if kept - AS_THEY_ARE - CUT:
            raise Unsupported(sorted(kept - AS_THEY_ARE - CUT))
        self.font = font
        self.cff = "CFF " in kept
        if self.cff and _ClosureGlyphsT2Decompiler is None:
            raise Unsupported("CFF without fontTools' closure")
        if self.cff == ("glyf" in kept):
            raise Unsupported("one of CFF and glyf")
        self.order = font.getGlyphOrder()
        self.gid = font.getReverseGlyphMap()
        # The reference adds gid 0 for a glyf face, ".notdef" for a CFF one.
        self.notdef = self.order[0] if not self.cff else ".notdef"
        self.real = frozenset(self.order)
        # cmap after its prune_pre_subset: Unicode subtables, no format 0, in their order
        self.subtables = [t for t in font["cmap"].tables
                          if t.isUnicode() and not t.isSymbol() and t.format != 0]
        for table in self.subtables:
            if table.format in (14, 15):  # read now, not on first use
                table.uvsDict  # noqa: B018
            else:
                table.cmap  # noqa: B018
        self.horizontal = dict(font["hmtx"].metrics)
        self.vertical = dict(font["vmtx"].metrics) if "vmtx" in kept else None
        self.origins = font["VORG"] if "VORG" in kept and not self.cff else None
        self.tables = {tag: font[tag] for tag in sorted(kept & AS_THEY_ARE)
                       if tag not in ("loca", "name", "maxp", "head")}
        self.head, self.maxp, self.post = font["head"], font["maxp"], font["post"]
        self.name = self._name(font["name"]) if "name" in kept else None
        self.glyf = font["glyf"] if not self.cff else None
        self.charstrings = font.getGlyphSet() if self.cff else None
        self.tolerance = font["head"].unitsPerEm / 1000
        self._compiled: dict[str, bytes] = {}
        self._components: dict[str, frozenset[str]] = {}

    @staticmethod
    def _name(table):
        """The name table pruned as the reference prunes it (no other table here names a
        record of it: `UNFOLLOWED` holds those that would)."""
        alone = TTFont()
        alone["name"] = copy.deepcopy(table)
        alone["name"].prune_post_subset(alone, OPTIONS)
        return alone["name"]

    def components(self, name: str) -> frozenset[str]:
        """The glyphs ``name`` is built of: a composite's components, a CFF seac's base
        and accent (names that may not be in the face)."""
        if name not in self._components:
            found: set[str] = set()
            if self.cff:
                glyph = self.font["CFF "].cff.topDictIndex[0].CharStrings[name]
                decompiler = _ClosureGlyphsT2Decompiler(
                    found, getattr(glyph.private, "Subrs", []), glyph.globalSubrs)
                decompiler.execute(glyph)
            else:
                found.update(self.glyf.glyphs[name].getComponentNames(self.glyf))
            self._components[name] = frozenset(found)
        return self._components[name]

    def glyphs(self, characters: frozenset[str]) -> tuple[set[int], list[str]]:
        """The code points asked for (with their bidi mirrors) and the glyphs kept for
        them, in the face's order — fontTools' closure over cmap, .notdef, glyf or CFF."""
        codes = {ord(c) for c in characters}
        codes |= {m for m in (mirrored(u) for u in codes) if m is not None}
        kept: set[str] = set()
        for table in self.subtables:
            if table.format in (14, 15):
                for selector, pairs in table.uvsDict.items():
                    if selector in codes:
                        kept.update(g for u, g in pairs if u in codes and g is not None)
            else:
                kept.update(table.cmap[u] for u in codes if u in table.cmap)
        kept &= self.real
        kept.add(self.notdef)
        todo = set(kept)
        while todo:
            more = set().union(*(self.components(g) for g in todo if g in self.real)) - kept
            kept |= more
            todo = more
        kept &= self.real
        return codes, sorted(kept, key=self.gid.__getitem__)

    def compiled(self, name: str) -> bytes:
        """The glyph's glyf data: a glyf face's own (trimmed, as fontTools trims it), a CFF
        face's outline converted with cu2qu within a thousandth of an em and its bounds
        computed — what `respons_docx.embed.truetype` makes of it."""
        if name not in self._compiled:
            if self.cff:
                pen = TTGlyphPen(None)  # no components: a CFF glyph has none
                # reverse_direction: CFF winds outer contours counter-clockwise, TrueType
                # clockwise
                self.charstrings[name].draw(Cu2QuPen(pen, self.tolerance,
                                                     reverse_direction=True))
                glyph = pen.glyph()
                glyph.recalcBounds(_GLYF)
                data = glyph.compile(_GLYF, recalcBBoxes=False)
            else:
                glyph = self.glyf.glyphs[name]
                data = glyph.data if hasattr(glyph, "data") else glyph.compile(self.glyf)
            self._compiled[name] = data
        return self._compiled[name]

    def cmap(self, codes: set[int], kept: list[str]):
        """The cmap table cut as fontTools' ``cmap.subset_glyphs`` cuts it."""
        table = newTable("cmap")
        table.tableVersion, table.tables = 0, []
        bmp: dict[int, dict[int, int]] = {}  # (0, 3) and (3, 1) siblings, by language
        for source in self.subtables:
            sub = CmapSubtable.newSubtable(source.format)
            sub.platformID, sub.platEncID = source.platformID, source.platEncID
            sub.language = source.language
            if source.format in (14, 15):
                sub.cmap = {}
                sub.uvsDict = {v: [(u, g) for u, g in pairs if u in codes]
                               for v, pairs in source.uvsDict.items() if v in codes}
                sub.uvsDict = {v: pairs for v, pairs in sub.uvsDict.items() if pairs}
            else:
                sub.cmap = {u: source.cmap[u] for u in sorted(codes) if u in source.cmap}
                if (sub.platformID, sub.platEncID) in ((0, 3), (3, 1)):
                    bmp[(sub.platformID, sub.language)] = sub.cmap  # the last, as fontTools
            table.tables.append(sub)
        for sub in table.tables:
            if (sub.format == 12 and sub.cmap and max(sub.cmap) < 0x10000
                    and (sub.platformID, sub.platEncID) in ((0, 4), (3, 10))):
                sibling = bmp.get((0 if sub.platformID == 0 else 3, sub.language))
                if sibling == sub.cmap:
                    sub.cmap = {}
        table.tables = [t for t in table.tables
                        if (t.cmap if t.format not in (14, 15) else t.uvsDict)]
        table.numSubTables = len(table.tables)
        return table

    def subset(self, characters: frozenset[str]) -> bytes:
        """The face holding only ``characters`` (and .notdef), as a font file's bytes."""
        import io

        codes, kept = self.glyphs(characters)
        font = TTFont(recalcBBoxes=False, recalcTimestamp=False)
        font.setGlyphOrder(kept)
        font["head"] = copy.deepcopy(self.head)
        for tag, table in self.tables.items():
            font[tag] = copy.deepcopy(table)
        if self.name is not None:
            font["name"] = copy.deepcopy(self.name)
        font["cmap"] = self.cmap(codes, kept)
        glyf = font["glyf"] = newTable("glyf")
        font["loca"] = newTable("loca")
        Glyph = getTableModule("glyf").Glyph
        glyf.glyphOrder = kept
        glyf.glyphs = {name: Glyph(self.compiled(name)) for name in kept}
        if not self.cff:
            mapping = {self.gid[name]: new for new, name in enumerate(kept)}
            for glyph in glyf.glyphs.values():
                if hasattr(glyph, "data"):  # an empty glyph has none
                    glyph.remapComponentsFast(mapping, extended=glyf.extended)
                glyph.trim(remove_hinting=False, extended=glyf.extended)
        hmtx = font["hmtx"] = newTable("hmtx")
        hmtx.metrics = {name: self.horizontal[name] for name in kept}
        if self.vertical is not None:
            vmtx = font["vmtx"] = newTable("vmtx")
            vmtx.metrics = {name: self.vertical[name] for name in kept}
        if self.origins is not None:
            origins = font["VORG"] = copy.copy(self.origins)
            origins.VOriginRecords = {g: v for g, v in self.origins.VOriginRecords.items()
                                      if g in glyf.glyphs}
            origins.numVertOriginYMetrics = len(origins.VOriginRecords)
        # post's header as the face has it; its names (tens of thousands) are not copied:
        # the reference drops them too (format 3), or writes the kept glyphs' (format 2)
        post = font["post"] = newTable("post")
        post.__dict__.update({key: value for key, value in vars(self.post).items()
                              if key not in ("extraNames", "mapping", "glyphOrder")})
        post.extraNames, post.mapping = [], {}
        if self.cff:
            self._truetype(font, kept)
        else:
            post.formatType = 3.0
            font["maxp"] = copy.deepcopy(self.maxp)
        if "OS/2" in font:
            os2 = font["OS/2"]
            if OPTIONS.prune_unicode_ranges:
                os2.recalcUnicodeRanges(font, pruneOnly=True)
            if OPTIONS.prune_codepage_ranges and os2.version >= 1:
                os2.recalcCodePageRanges(font, pruneOnly=True)
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()

    def _truetype(self, font, kept: list[str]) -> None:
        """The rest of `respons_docx.embed.truetype` for a CFF face: the left side bearings
        from the new outlines, ``maxp`` 1.0 recounted, ``post`` format 2 with the names."""
        glyf, metrics = font["glyf"], font["hmtx"].metrics
        for name in kept:
            glyph = glyf[name]  # expanded: the bounds are the compiled ones
            metrics[name] = (metrics[name][0], getattr(glyph, "xMin", 0))
        truetype_maxp(font)  # expands every glyph to count its points and contours
        # ... so give the glyf table its glyphs as data again: what compiling the expanded
        # glyphs would give (they are the same outlines), without compiling them again
        Glyph = getTableModule("glyf").Glyph
        glyf.glyphs = {name: Glyph(self.compiled(name)) for name in kept}
        post = font["post"]
        post.formatType, post.extraNames, post.mapping = 2.0, [], {}
        post.glyphOrder = kept
        font["head"].glyphDataFormat = 0
        font.sfntVersion = "\x00\x01\x00\x00"


def truetype_maxp(font) -> None:
    """Give ``font`` (glyf outlines by now) the ``maxp`` 1.0 TrueType requires — no hinting
    zones, instructions or storage — counted from its glyphs (CFF's maxp 0.5 has only the
    number of glyphs)."""
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.recalc(font)


@functools.cache
def source(found: Installed) -> Source | None:
    """The installed face read once a process; None where this module cannot subset it."""
    try:
        return Source(found)
    except Unsupported:
        return None

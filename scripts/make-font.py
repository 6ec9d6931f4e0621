#!/usr/bin/python3
"""Derives fonts/wqy-microhei-256.ttf from Debian's WenQuanYi Micro Hei.

The report font is face 0 of /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
(package fonts-wqy-microhei 0.2.0-beta, Apache-2.0 or GPL-3+ with font
exception).  This script, run by hand (`make font`; it needs
python3-fonttools), changes it so that a report's subset is small.  The
shapes do not change visibly:

- the outlines go from 2048 to 256 units per em, the grid of Droid Sans
  Fallback from which the CJK glyphs come (most of their coordinates are
  multiples of 8, so for them the scaling is exact); any point moves by at
  most 1/512 em, 0.02 pt in 9 pt text;
- ideographs, CJK radicals and CJK punctuation then go on a grid of 2 units
  (1/128 em): any of their points moves by at most 1/256 em more, 0.012 mm in
  9 pt text;
- composite glyphs become simple glyphs with the same points: in a report's
  subset a composite costs its own record plus one glyph per component, and
  most components serve a single character;
- the TrueType hinting (fpgm, prep, cvt, glyph programs), written for the
  2048 grid and not used in a PDF, is removed, and so are the tables a report
  never reads (layout, vertical and device metrics) and the glyphs no
  character maps to; face 0 only;
- the name table's version string says so (Apache-2.0, section 4(b)).

The output does not depend on the time it is made (same input, same bytes).
"""
import array
import sys

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools.ttLib.tables import ttProgram
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphCoordinates

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DST = sys.argv[2] if len(sys.argv) > 2 else "fonts/wqy-microhei-256.ttf"
NOTICE = ("; modified for slareport (scripts/make-font.py): 256 units/em, "
          "ideographs on a 1/128 em grid, composites decomposed, no hinting")
DROP = ("fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX", "GSUB", "GPOS", "GDEF",
        "vhea", "vmtx", "FFTM", "kern", "DSIG")


def no_program():
    p = ttProgram.Program()
    p.fromBytecode(b"")
    return p


f = TTFont(SRC, fontNumber=0, recalcTimestamp=False, recalcBBoxes=True)
for tag in DROP:
    if tag in f:
        del f[tag]
glyf = f["glyf"]
for name in f.getGlyphOrder():
    g = glyf[name]
    if g.isComposite():
        coords, ends, flags = g.getCoordinates(glyf)
        coords.toInt()
        s = Glyph()
        s.numberOfContours = len(ends)
        s.coordinates = GlyphCoordinates(coords)
        s.endPtsOfContours = list(ends)
        s.flags = array.array("B", [fl & 1 for fl in flags])
        s.program = no_program()
        s.recalcBounds(glyf)
        glyf[name] = s
    elif hasattr(g, "program"):
        g.program = no_program()

# keep the glyphs a character maps to (and .notdef)
unicodes = set()
for t in f["cmap"].tables:
    unicodes.update(t.cmap.keys())
opts = subset.Options()
opts.layout_features = []
opts.hinting = False
opts.notdef_outline = True
opts.name_IDs = ["*"]
opts.name_languages = ["*"]
opts.name_legacy = True
opts.glyph_names = False
opts.legacy_kern = False
opts.recalc_timestamp = False
opts.prune_unicode_ranges = False
opts.drop_tables = list(DROP)
sub = subset.Subsetter(opts)
sub.populate(unicodes=unicodes)
sub.subset(f)

scale_upem(f, 256)

# Ideographs (and the CJK radicals and punctuation) on a grid of 2 units, 1/128
# em: their strokes are straight or gently curved, and an even coordinate
# costs a bit less after compression (the benchmark report: 0.55 KB less).
# Latin, kana, hangul and fullwidth forms keep the 256 grid.
CJK = ((0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
       (0xF900, 0xFAFF), (0x20000, 0x3134F))
latin_too = set()
cjk = set()
for t in f["cmap"].tables:
    for cp, name in t.cmap.items():
        (cjk if any(a <= cp <= b for a, b in CJK) else latin_too).add(name)
for name in sorted(cjk - latin_too):
    g = glyf[name]
    if g.numberOfContours > 0:
        # odd coordinates all move up by one, so that a stroke between two
        # odd edges keeps its width
        g.coordinates = GlyphCoordinates([((x + 1) // 2 * 2, (y + 1) // 2 * 2)
                                          for x, y in g.coordinates])
        g.recalcBounds(glyf)
m = f["maxp"]
m.maxZones = 1
for k in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
          "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
          "maxComponentDepth"):
    setattr(m, k, 0)
for rec in f["name"].names:
    if rec.nameID == 5:
        rec.string = rec.toUnicode() + NOTICE
f.save(DST)

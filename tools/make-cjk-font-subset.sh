#!/bin/sh
# Regenerates src/main/resources/fonts/NotoSansCJKsc-Regular-subset.otf, the only font the
# result card uses, so rendering never depends on the fonts of the machine it runs on.
#
# Needs Debian's fonts-noto-cjk and python3-fonttools (apt-get install -y fonts-noto-cjk
# python3-fonttools). Keeps Latin, digits, punctuation, and every character GB2312 can encode
# (its 6,763 hanzi plus its symbols and kana), taken from face 2 (Noto Sans CJK SC) of the
# Debian collection. The outlines stay CFF: Java reads CFF-based OpenType (CardFontTest). The
# .notdef box is kept so that a missing glyph is visible, and testable, rather than blank.
set -eu

SRC=${SRC:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
OUT_DIR=$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/fonts
OUT=$OUT_DIR/NotoSansCJKsc-Regular-subset.otf
PY=${PY:-/usr/bin/python3}   # Debian's python, where python3-fonttools lives
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$PY" - "$WORK/unicodes.txt" <<'PYEOF'
import sys

def ranges():
    yield range(0x20, 0x7F)       # ASCII
    yield range(0xA0, 0x100)      # Latin-1: no-break space, accents, middle dot
    yield range(0x2010, 0x2028)   # dashes, quotes, ellipsis
    yield range(0x2030, 0x203C)   # per mille, primes, guillemets
    yield range(0x3000, 0x3020)   # CJK punctuation
    yield range(0xFF01, 0xFF5F)   # fullwidth forms
    for cp in range(0x80, 0x10000):  # everything GB2312 encodes
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        yield (cp,)

cps = sorted({cp for r in ranges() for cp in r})
with open(sys.argv[1], "w") as f:
    f.write("\n".join("U+%04X" % cp for cp in cps))
print("%d code points" % len(cps), file=sys.stderr)
PYEOF

"$PY" -m fontTools.subset "$SRC" \
    --font-number=2 \
    --unicodes-file="$WORK/unicodes.txt" \
    --layout-features='kern' \
    --drop-tables+=vhea,vmtx,VORG,BASE \
    --name-IDs='*' --name-languages='*' \
    --no-hinting \
    --notdef-outline \
    --output-file="$OUT"

ls -l "$OUT"

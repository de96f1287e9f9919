#!/usr/bin/env sh
# Regenerates renderer/fonts/*.woff2 from @fontsource/atkinson-hyperlegible: the same glyphs and unicode ranges, the
# kerning and features kept, the TrueType hinting programs dropped (about 40 % of each file; the views' text is large
# and Chromium on Linux does not use them). Needs Debian's python3-fonttools and python3-brotli (or pip's fonttools
# and brotli). The output is committed: building the views does not need these tools.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
from="$root/node_modules/@fontsource/atkinson-hyperlegible/files"
to="$root/renderer/fonts"
python=${PYTHON:-/usr/bin/python3}
for subset in latin latin-ext; do
  for weight in 400 700; do
    name="atkinson-hyperlegible-$subset-$weight-normal.woff2"
    "$python" -m fontTools.subset "$from/$name" --unicodes='*' --layout-features='*' --no-hinting \
      --name-IDs=0,1,2,3,4,5,6,13,14 --flavor=woff2 --output-file="$to/$name"
  done
done
cp "$root/node_modules/@fontsource/atkinson-hyperlegible/LICENSE" "$to/OFL.txt"

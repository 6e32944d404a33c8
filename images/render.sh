#!/usr/bin/env bash
# Renders the theme PNGs from sessionkiller.svg. Run by hand after changing the SVG (needs rsvg-convert,
# Debian package librsvg2-bin); the PNGs are committed, so builds and CI never need the renderer.
# light = for light themes (dark glyph), dark = for dark themes (light glyph), as PowerToys names them.
set -euo pipefail
cd "$(dirname "$0")"
render() { sed -e "s/#PERSON#/$2/g" -e "s/#ARROW#/$3/g" sessionkiller.svg | rsvg-convert -w 64 -h 64 -o "sessionkiller.$1.png"; }
render light '#1F1F1F' '#C42B1C'
render dark '#F3F3F3' '#FF99A4'
# The Command Palette extension's package logos (MSIX): the light-theme glyph on a transparent tile.
package() { sed -e "s/#PERSON#/#1F1F1F/g" -e "s/#ARROW#/#C42B1C/g" sessionkiller.svg | rsvg-convert -w "$2" -h "$2" -o "../src/SessionKiller.CommandPalette/Assets/$1.png"; }
package StoreLogo 50
package Square44x44Logo 44
package Square150x150Logo 150

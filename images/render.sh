#!/usr/bin/env bash
# Renders the theme PNGs from sessionkiller.svg. Run by hand after changing the SVG (needs rsvg-convert,
# Debian package librsvg2-bin); the PNGs are committed, so builds and CI never need the renderer.
# light = for light themes (dark glyph), dark = for dark themes (light glyph), as PowerToys names them.
set -euo pipefail
cd "$(dirname "$0")"
render() { sed -e "s/#PERSON#/$2/g" -e "s/#ARROW#/$3/g" sessionkiller.svg | rsvg-convert -w 64 -h 64 -o "sessionkiller.$1.png"; }
render light '#1F1F1F' '#C42B1C'
render dark '#F3F3F3' '#FF99A4'

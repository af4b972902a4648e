#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The app icons render, have the sizes desktops expect (128 px canvas for the
# full-colour icons, 16 px for the symbolic one), and the symbolic icon uses
# fills only: GTK recolours the fill of symbolic icons, never a stroke.
set -u
dir="$1"
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

size_of() {
  # width x height of a PNG, from its IHDR chunk
  od -An -t u1 -j 16 -N 8 "$1" | awk '{ printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

for svg in "$dir"/*.svg; do
  name=$(basename "$svg")
  case "$name" in
    *-symbolic.svg) want=16x16 ;;
    *) want=128x128 ;;
  esac
  if ! rsvg-convert "$svg" -o "$tmp/out.png" 2>"$tmp/err"; then
    echo "$name: does not render: $(cat "$tmp/err")" >&2
    status=1
    continue
  fi
  got=$(size_of "$tmp/out.png")
  if [ "$got" != "$want" ]; then
    echo "$name: canvas is $got, want $want" >&2
    status=1
  fi
  case "$name" in
    *-symbolic.svg)
      if grep -q 'stroke' "$svg"; then
        echo "$name: a symbolic icon must not use strokes" >&2
        status=1
      fi ;;
  esac
done
for want in io.github.overdue.Overdue.svg io.github.overdue.Overdue.Devel.svg io.github.overdue.Overdue-symbolic.svg; do
  [ -f "$dir/$want" ] || { echo "missing icon: $want" >&2; status=1; }
done
exit $status

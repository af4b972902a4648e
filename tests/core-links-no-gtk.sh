#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The core never knows a screen exists: fail if any object in liboverdue
# refers to a GTK, GDK or libadwaita symbol, or if a core source includes
# their headers.
set -eu
lib="$1"
srcdir="$(dirname "$0")/../src/core"
status=0
syms=$(nm -u "$lib" 2>/dev/null | awk '{print $NF}' | grep -E '^(gtk_|gdk_|adw_|gsk_)' || true)
if [ -n "$syms" ]; then
  echo "liboverdue refers to display symbols:" >&2
  echo "$syms" >&2
  status=1
fi
incs=$(grep -lE '#include <(gtk|gdk|adwaita)' "$srcdir"/*.c "$srcdir"/*.h 2>/dev/null || true)
if [ -n "$incs" ]; then
  echo "core sources include display headers: $incs" >&2
  status=1
fi
# The guard itself must see symbols, or it proves nothing.
n=$(nm "$lib" | grep -c ' T od_' || true)
if [ "$n" -lt 50 ]; then
  echo "only $n od_ symbols found in $lib: is this the core library?" >&2
  status=1
fi
exit $status

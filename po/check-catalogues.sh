#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every catalogue named in LINGUAS compiles (msgfmt --check: syntax, format
# strings, headers) and translates every string marked in the sources
# (msgcmp against a template extracted now, like `overdue-pot`, into a
# temporary folder). A .po file not named in LINGUAS is an error too: it
# would be neither installed nor checked.
#   check-catalogues.sh PODIR SRCDIR XGETTEXT-ARGS...
set -u
podir="$1" src="$2"
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

langs=$(sed 's/#.*//' "$podir/LINGUAS")
for po in "$podir"/*.po; do
  [ -e "$po" ] || continue
  lang=$(basename "$po" .po)
  case " $(echo $langs) " in
    *" $lang "*) ;;
    *) echo "$po is not named in LINGUAS" >&2; status=1 ;;
  esac
done
[ -n "$langs" ] || { echo "# LINGUAS is empty: no catalogue to check"; exit $status; }

grep -v -e '^#' -e '^[[:space:]]*$' "$podir/POTFILES.in" >"$tmp/potfiles"
if ! xgettext --package-name=overdue --directory="$src" --files-from="$tmp/potfiles" \
     --output="$tmp/overdue.pot" "$@" 2>"$tmp/err"; then
  echo "xgettext failed:" >&2
  cat "$tmp/err" >&2
  exit 1
fi

for lang in $langs; do
  po="$podir/$lang.po"
  if [ ! -f "$po" ]; then
    echo "LINGUAS names $lang but $po does not exist" >&2
    status=1
    continue
  fi
  if ! msgfmt --check --output-file=/dev/null "$po"; then
    echo "$po does not compile" >&2
    status=1
  fi
  if ! msgcmp "$po" "$tmp/overdue.pot"; then
    echo "$po lacks translations of marked strings (run: meson compile overdue-update-po)" >&2
    status=1
  fi
done
exit $status

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# po/POTFILES.in is sorted, has no duplicates, names only files that exist,
# and names every source, .ui and data file holding a translatable string
# (a file that grep suspects is confirmed by xgettext with the project's
# arguments, so a marker in a comment does not count).
#   check-potfiles.sh SRCDIR XGETTEXT-ARGS...
set -u
src="$1"
shift
potfiles="$src/po/POTFILES.in"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles" >"$tmp/listed"
if ! LC_ALL=C sort -c "$tmp/listed" 2>"$tmp/err"; then
  echo "POTFILES.in is not sorted: $(cat "$tmp/err")" >&2
  status=1
fi
dups=$(sort "$tmp/listed" | uniq -d)
if [ -n "$dups" ]; then
  echo "POTFILES.in lists twice: $dups" >&2
  status=1
fi
while IFS= read -r f; do
  [ -f "$src/$f" ] || { echo "POTFILES.in lists $f, which does not exist" >&2; status=1; }
done <"$tmp/listed"

cd "$src" || exit 1
{
  find src -name '*.[ch]' -print0 |
    xargs -0 grep -l -E '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2|g_dcgettext)[[:space:]]*\(' 2>/dev/null
  find resources src -name '*.ui' -print0 | xargs -0 grep -l 'translatable="yes"' 2>/dev/null
  find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \) -print
} | LC_ALL=C sort -u >"$tmp/suspects"
while IFS= read -r f; do
  if xgettext --output=- "$@" "$f" 2>/dev/null | grep -q '^#: '; then
    echo "$f"
  fi
done <"$tmp/suspects" | LC_ALL=C sort >"$tmp/marked"
missing=$(LC_ALL=C comm -23 "$tmp/marked" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "files with translatable strings missing from po/POTFILES.in:" >&2
  echo "$missing" >&2
  status=1
fi
exit $status

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The catalogue check fails when it should: on a small project of its own,
# a catalogue missing a string, one with a broken format string and one not
# named in LINGUAS are each rejected; a complete one passes.
#   test-check-catalogues.sh CHECK XGETTEXT-ARGS...
set -u
check="$1"
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src" "$tmp/po"
cat >"$tmp/src/a.c" <<'C'
const char *a (int n) { return n ? g_strdup_printf (_("%d invoices"), n) : _("Hello"); }
C
echo 'src/a.c' >"$tmp/po/POTFILES.in"
echo 'xx' >"$tmp/po/LINGUAS"
header='msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
'
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

printf '%s\nmsgid "Hello"\nmsgstr "Hallo"\n\n#, c-format\nmsgid "%%d invoices"\nmsgstr "%%d Rechnungen"\n' "$header" >"$tmp/po/xx.po"
if "$check" "$tmp/po" "$tmp" "$@" >/dev/null 2>&1; then ok "a complete catalogue passes"; else not_ok "a complete catalogue passes"; fi

printf '%s\nmsgid "Hello"\nmsgstr "Hallo"\n' "$header" >"$tmp/po/xx.po"
if "$check" "$tmp/po" "$tmp" "$@" >/dev/null 2>&1; then not_ok "a missing string fails"; else ok "a missing string fails"; fi

printf '%s\nmsgid "Hello"\nmsgstr "Hallo"\n\n#, c-format\nmsgid "%%d invoices"\nmsgstr ""\n' "$header" >"$tmp/po/xx.po"
if "$check" "$tmp/po" "$tmp" "$@" >/dev/null 2>&1; then not_ok "an untranslated string fails"; else ok "an untranslated string fails"; fi

printf '%s\nmsgid "Hello"\nmsgstr "Hallo"\n\n#, c-format\nmsgid "%%d invoices"\nmsgstr "%%s Rechnungen"\n' "$header" >"$tmp/po/xx.po"
if "$check" "$tmp/po" "$tmp" "$@" >/dev/null 2>&1; then not_ok "a broken format string fails"; else ok "a broken format string fails"; fi

printf '%s\nmsgid "Hello"\nmsgstr "Hallo"\n\n#, c-format\nmsgid "%%d invoices"\nmsgstr "%%d Rechnungen"\n' "$header" >"$tmp/po/xx.po"
cp "$tmp/po/xx.po" "$tmp/po/yy.po"
if "$check" "$tmp/po" "$tmp" "$@" >/dev/null 2>&1; then not_ok "a catalogue not in LINGUAS fails"; else ok "a catalogue not in LINGUAS fails"; fi

echo "1..$n"
exit $fail

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overdue-cli template: list, export, import and reset against a real
# ledger; a bad template is refused with exit 65 naming the line and
# leaves the ledger as it was (checked with Python's sqlite3).
set -u

cli="${OVERDUE_CLI:?set by meson}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
expect() {
  local want="$1" what="$2"; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$what"; else not_ok "$what" "exit $got, wanted $want" "$(cat "$tmp/err")"; fi
}
# same WHAT FILE TEXT: the file holds exactly TEXT.
same() {
  if [ "$(cat "$2")" = "$3" ]; then ok "$1"; else not_ok "$1" "got: $(head -c 300 "$2")"; fi
}
# has WHAT FILE PATTERN: grep -q.
has() {
  if grep -q -- "$3" "$2"; then ok "$1"; else not_ok "$1" "no “$3” in: $(head -c 300 "$2")"; fi
}
# sql QUERY: one value from the ledger, read by another program.
sql() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$db" "$1"; }

db="$tmp/ledger.db"
expect 0 "init" -- "$cli" --db "$db" init

# list: every shipped part, all default.
expect 0 "template list" -- "$cli" --db "$db" template list
has "list names the final notice's letter" "$tmp/out" "^final-notice  *en  *letter  *default"
rows=$(wc -l <"$tmp/out")
if [ "$rows" -eq "$(sql 'SELECT count(*) FROM templates')" ] && [ "$rows" -ge 90 ]; then
  ok "list shows every stored part ($rows)"
else
  not_ok "list shows every stored part" "$rows lines"
fi
# English, German and French, each with every part.
for lang in en de fr; do
  parts=$(grep -cE "^[a-z-]+  +$lang  +[a-z]+  +default" "$tmp/out")
  if [ "$parts" -eq 33 ]; then ok "$lang: 33 parts, all default"; else not_ok "$lang: 33 parts, all default" "$parts"; fi
done
has "the German final notice's letter is listed" "$tmp/out" "^final-notice  *de  *letter  *default"
expect 0 "template list NAME" -- "$cli" --db "$db" template list pre-due
if [ "$(grep -c '  en  ' "$tmp/out")" -eq 5 ]; then ok "pre-due has five parts"; else not_ok "pre-due has five parts" "$(cat "$tmp/out")"; fi
expect 65 "list of an unknown template: 65" -- "$cli" --db "$db" template list no-such

# export: to standard output, to a file, the part from the file's name.
expect 0 "export subject to stdout" -- "$cli" --db "$db" template export final-notice --part subject
has "the subject names the new deadline" "$tmp/out" "{{new_deadline}}"
cp "$tmp/out" "$tmp/subject.stdout"
expect 0 "export to FILE.html (part from the extension)" -- "$cli" --db "$db" template export first-reminder "$tmp/first-reminder.html"
has "the HTML part was written" "$tmp/first-reminder.html" "<!DOCTYPE html>"
expect 0 "export with a language falls back to English" -- "$cli" --db "$db" template export final-notice --part subject --language it
if cmp -s "$tmp/out" "$tmp/subject.stdout"; then ok "the fallback is the English text"; else not_ok "the fallback is the English text"; fi
expect 0 "export the German subject" -- "$cli" --db "$db" template export final-notice --part subject --language de
has "it is German" "$tmp/out" "^Letzte Mahnung: "
expect 0 "export the French subject" -- "$cli" --db "$db" template export final-notice --part subject --language fr_BE
has "it is French" "$tmp/out" "^Dernière relance"
expect 2 "export without a part: usage" -- "$cli" --db "$db" template export first-reminder
expect 2 "export with a bad part: usage" -- "$cli" --db "$db" template export first-reminder --part fax
expect 65 "export of an unknown template: 65" -- "$cli" --db "$db" template export no-such --part text
has "the message names it" "$tmp/err" "no-such (text)"

# import: a good edit is stored and marked customised.
printf 'Hello {{customer.contact}},\n\nplease pay {{amount_due}} for {{invoice.number}}.\n' >"$tmp/mine.text"
expect 0 "import a good text part" -- "$cli" --db "$db" template import first-reminder "$tmp/mine.text"
same "the stored body is the file" <(sql "SELECT body FROM templates WHERE name = 'first-reminder' AND part = 'text' AND language = 'en'") "$(cat "$tmp/mine.text")"
if [ "$(sql "SELECT is_default FROM templates WHERE name = 'first-reminder' AND part = 'text' AND language = 'en'")" = 0 ]; then
  ok "marked customised"
else
  not_ok "marked customised"
fi
expect 0 "export gives it back" -- "$cli" --db "$db" template export first-reminder --part text
if cmp -s "$tmp/out" "$tmp/mine.text"; then ok "export equals the import"; else not_ok "export equals the import"; fi

# import: bad templates are refused, naming the line; nothing changes.
before=$(sql "SELECT group_concat(body, '|') FROM (SELECT body FROM templates ORDER BY name, language, part)")
printf 'Hello {{customer.contact}},\n\n\nYou owe {{amout_due}}.\n' >"$tmp/typo.text"
expect 65 "an unknown tag: 65" -- "$cli" --db "$db" template import first-reminder "$tmp/typo.text"
has "the message names file, line, column and tag" "$tmp/err" "typo.text: first-reminder (text): line 4, column 9: unknown tag “amout_due”"
printf '<p>Dear {{customer.contact}}</p>\n{{#late_fee}}\n<p>Fee: {{late_fee}}</p>\n' >"$tmp/open.html"
expect 65 "an unclosed section: 65" -- "$cli" --db "$db" template import final-notice "$tmp/open.html"
has "the message names the section's line" "$tmp/err" "final-notice (html): line 2, column 1: the section “late_fee” is not closed"
printf 'Pay {{amount_due}\n' | "$cli" --db "$db" template import pre-due - --part sms >"$tmp/out" 2>"$tmp/err"
got=$?
if [ "$got" -eq 65 ]; then ok "an unclosed tag from stdin: 65"; else not_ok "an unclosed tag from stdin: 65" "exit $got"; fi
has "the message names the line" "$tmp/err" "pre-due (sms): line 1, column 5: “{{” is not closed"
printf '<b>Demand\n\nDear {{customer.contact}},\n' >"$tmp/bad.letter"
expect 65 "a letter that is not valid markup: 65" -- "$cli" --db "$db" template import demand-letter "$tmp/bad.letter"
has "the message says so" "$tmp/err" "demand-letter (letter): the letter is not valid markup"
expect 65 "a bad template name: 65" -- "$cli" --db "$db" template import "First Reminder" "$tmp/mine.text"
expect 65 "a bad language: 65" -- "$cli" --db "$db" template import first-reminder "$tmp/mine.text" --language english
expect 1 "a missing file: 1" -- "$cli" --db "$db" template import first-reminder "$tmp/missing.text"
after=$(sql "SELECT group_concat(body, '|') FROM (SELECT body FROM templates ORDER BY name, language, part)")
if [ "$before" = "$after" ]; then ok "refused imports changed nothing"; else not_ok "refused imports changed nothing"; fi

# A language variant, then reset: the shipped text comes back, a
# variant Overdue does not ship goes.
expect 0 "import a German variant" -- "$cli" --db "$db" template import first-reminder "$tmp/mine.text" --language de
expect 0 "list --language de" -- "$cli" --db "$db" template list --language de
has "the variant is listed, customised" "$tmp/out" "^first-reminder  *de  *text  *customised"
expect 0 "reset the German text part" -- "$cli" --db "$db" template reset first-reminder --part text --language de
if [ "$(sql "SELECT is_default FROM templates WHERE name = 'first-reminder' AND part = 'text' AND language = 'de'")" = 1 ]; then
  ok "the shipped German text is back"
else
  not_ok "the shipped German text is back"
fi
expect 0 "import a Dutch variant" -- "$cli" --db "$db" template import first-reminder "$tmp/mine.text" --language nl
expect 0 "reset the English text part" -- "$cli" --db "$db" template reset first-reminder --part text
expect 0 "export after reset" -- "$cli" --db "$db" template export first-reminder --part text
has "the shipped text is back" "$tmp/out" "It may simply have been overlooked"
if [ "$(sql "SELECT is_default FROM templates WHERE name = 'first-reminder' AND part = 'text' AND language = 'en'")" = 1 ]; then
  ok "marked default again"
else
  not_ok "marked default again"
fi
expect 0 "reset the Dutch variant (every part)" -- "$cli" --db "$db" template reset first-reminder --language nl
if [ "$(sql "SELECT count(*) FROM templates WHERE language = 'nl'")" = 0 ]; then ok "the variant is gone"; else not_ok "the variant is gone"; fi
expect 65 "reset of nothing: 65" -- "$cli" --db "$db" template reset first-reminder --language nl
expect 2 "an unknown subcommand: usage" -- "$cli" --db "$db" template frobnicate x
expect 2 "import without a file: usage" -- "$cli" --db "$db" template import first-reminder

echo "1..$n"
[ "$failed" -eq 0 ]

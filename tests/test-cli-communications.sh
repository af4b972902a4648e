#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overdue-cli export communications: after a demo run, one CSV row per
# attempt the outbox logged (read back with Python's csv module and
# compared with the table), in time order, "-" for standard output, and
# a summary that starts like a formula written as text.
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
csv_rows() { python3 -c "import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline='')))) - 1)" "$1"; }

db="$tmp/demo.db"
"$cli" --db "$db" init --demo --today 2026-11-23 >/dev/null || { echo "Bail out! init --demo"; exit 1; }

expect 0 "export communications of a ledger with no attempts" -- "$cli" --db "$db" export communications "$tmp/empty.csv"
head -n1 "$tmp/empty.csv" | tr -d '\r' | grep -qx 'at,customer_ref,customer_name,invoice_number,channel,direction,outcome,summary' \
  && ok "the header names the columns" || not_ok "the header names the columns" "$(head -n1 "$tmp/empty.csv")"
want=$(sqlite3 "$db" "SELECT count(*) FROM communications")
[ "$(csv_rows "$tmp/empty.csv")" -eq "$want" ] && ok "as many rows as the log before a run ($want)" || not_ok "as many rows as the log before a run"

"$cli" --db "$db" run --as-of 2026-11-23 >/dev/null || { echo "Bail out! run"; exit 1; }
logged=$(sqlite3 "$db" "SELECT count(*) FROM communications")
[ "$logged" -gt "$want" ] && ok "the run logged attempts ($logged)" || not_ok "the run logged attempts" "$logged"

expect 0 "export communications FILE.csv" -- "$cli" --db "$db" export communications "$tmp/comms.csv"
[ "$(csv_rows "$tmp/comms.csv")" -eq "$logged" ] && ok "one row per logged attempt" || not_ok "one row per logged attempt" "$(csv_rows "$tmp/comms.csv") rows, $logged logged"

# Every row as the table has it: customer, invoice, channel, outcome.
sqlite3 -separator '|' "$db" "SELECT c.ref, c.name, COALESCE (i.number, ''), m.channel, m.direction, m.outcome
  FROM communications m JOIN customers c ON c.id = m.customer_id LEFT JOIN invoices i ON i.id = m.invoice_id" | sort >"$tmp/want.txt"
python3 - "$tmp/comms.csv" >"$tmp/got.txt" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
for r in rows:
    print('|'.join([r['customer_ref'], r['customer_name'], r['invoice_number'], r['channel'], r['direction'], r['outcome']]))
PY
sort -o "$tmp/got.txt" "$tmp/got.txt"
cmp -s "$tmp/want.txt" "$tmp/got.txt" && ok "the rows are the table's" || not_ok "the rows are the table's" "$(diff "$tmp/want.txt" "$tmp/got.txt" | head -5)"
python3 - "$tmp/comms.csv" <<'PY' && ok "times are ISO 8601 UTC, oldest first; sent messages are there" || not_ok "times are ISO 8601 UTC, oldest first; sent messages are there"
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
ats = [r['at'] for r in rows]
assert all(re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', a) for a in ats), ats[:3]
assert ats == sorted(ats)
assert any(r['outcome'] == 'sent' and r['direction'] == 'outbound' for r in rows)
PY

expect 0 "export communications -" -- "$cli" --db "$db" export communications -
cmp -s "$tmp/out" "$tmp/comms.csv" && ok "\"-\" writes the same CSV to standard output" || not_ok "\"-\" writes the same CSV to standard output"

# A summary that a spreadsheet would take for a formula.
sqlite3 "$db" "UPDATE communications SET summary = '=HYPERLINK(\"http://x\")' WHERE id = (SELECT min (id) FROM communications)"
expect 0 "export with a formula-like summary" -- "$cli" --db "$db" export communications "$tmp/formula.csv"
grep -q "'=HYPERLINK" "$tmp/formula.csv" && ok "a formula-like summary is written as text" || not_ok "a formula-like summary is written as text" "$(grep -i hyperlink "$tmp/formula.csv")"

expect 2 "export an unknown table is a usage error" -- "$cli" --db "$db" export letters "$tmp/x.csv"
grep -q "communications" "$tmp/err" && ok "the usage names communications" || not_ok "the usage names communications" "$(cat "$tmp/err")"

echo "1..$n"
[ "$failed" -eq 0 ]

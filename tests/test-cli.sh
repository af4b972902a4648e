#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overdue-cli's contract from the outside: exit codes, messages that name
# the line and column, and nothing written when an import is refused.
set -u

cli="${OVERDUE_CLI:?set by meson}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

# expect STATUS DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr.
expect() {
  local want="$1" what="$2"; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$what"; else not_ok "$what" "exit $got, wanted $want" "$(cat "$tmp/err")"; fi
}
# grep_err PATTERN DESCRIPTION: the last command's stderr holds PATTERN.
grep_err() {
  if grep -qE -- "$1" "$tmp/err"; then ok "$2"; else not_ok "$2" "stderr was: $(cat "$tmp/err")"; fi
}
same() {
  if cmp -s "$1" "$2"; then ok "$3"; else not_ok "$3" "$(diff "$1" "$2" | head -5)"; fi
}

db="$tmp/ledger.db"

expect 2 "no command is a usage error" -- "$cli" --db "$db"
expect 2 "unknown command is a usage error" -- "$cli" --db "$db" frobnicate
expect 0 "--help succeeds" -- "$cli" --help
expect 0 "init creates an empty ledger" -- "$cli" --db "$db" init
[ -f "$db" ] && ok "the ledger file exists" || not_ok "the ledger file exists"
expect 0 "init again is harmless" -- "$cli" --db "$db" init

demo="$tmp/demo.db"
expect 0 "init --demo" -- "$cli" --db "$demo" init --demo --today 2026-11-23
expect 1 "init --demo refuses a ledger that has customers" -- "$cli" --db "$demo" init --demo --today 2026-11-23
expect 0 "export demo customers" -- "$cli" --db "$demo" export customers "$tmp/demo-customers.csv"
rows=$(($(wc -l <"$tmp/demo-customers.csv") - 1))
if [ "$rows" -ge 35 ] && [ "$rows" -le 50 ]; then ok "demo has about 40 customers ($rows)"; else not_ok "demo has about 40 customers" "found $rows"; fi
expect 0 "export demo invoices" -- "$cli" --db "$demo" export invoices "$tmp/demo-invoices.csv"
rows=$(($(wc -l <"$tmp/demo-invoices.csv") - 1))
if [ "$rows" -ge 250 ] && [ "$rows" -le 350 ]; then ok "demo has about 300 invoices ($rows)"; else not_ok "demo has about 300 invoices" "found $rows"; fi
expect 0 "export demo payments" -- "$cli" --db "$demo" export payments "$tmp/demo-payments.csv"
expect 0 "export to standard output" -- "$cli" --db "$demo" export customers -
same "$tmp/out" "$tmp/demo-customers.csv" "standard output export equals the file export"

# The same date gives the same demo, byte for byte.
expect 0 "a second demo ledger" -- "$cli" --db "$tmp/demo2.db" init --demo --today 2026-11-23
"$cli" --db "$tmp/demo2.db" export invoices "$tmp/demo2-invoices.csv"
same "$tmp/demo-invoices.csv" "$tmp/demo2-invoices.csv" "the demo is deterministic"

# Round trip: what one ledger exports, a fresh one imports unchanged.
rt="$tmp/roundtrip.db"
"$cli" --db "$demo" business export "$tmp/business.ini"
expect 0 "business import into a fresh ledger" -- "$cli" --db "$rt" business import "$tmp/business.ini"
expect 0 "import exported customers" -- "$cli" --db "$rt" import customers "$tmp/demo-customers.csv"
expect 0 "import exported invoices" -- "$cli" --db "$rt" import invoices "$tmp/demo-invoices.csv"
expect 0 "import exported payments" -- "$cli" --db "$rt" import payments "$tmp/demo-payments.csv"
for t in customers invoices payments; do
  "$cli" --db "$rt" export $t "$tmp/rt-$t.csv"
  same "$tmp/demo-$t.csv" "$tmp/rt-$t.csv" "$t survive export and import unchanged"
done

# Bad input: exit 65, the line and column named, nothing written.
cat >"$tmp/customers.csv" <<'CSV'
ref,name,email
K1,Kiosk Müller,info@kiosk.example
K2,Zoë Ångström,zoe@example.org
CSV
expect 0 "import customers" -- "$cli" --db "$db" import customers "$tmp/customers.csv"
"$cli" --db "$db" export invoices "$tmp/before.csv"

printf 'number,customer_ref,issue_date,due_date,total\nA-1,K1,2026-01-05,2026-01-19,100.00\nA-2,K1,2026-13-01,2026-01-19,50.00\nA-3,NOPE,2026-01-05,2026-01-19,20.00\nA-4,K2,2026-01-05,2026-01-19,-5.00\nA-1,K2,2026-01-05,2026-01-19,7.00\n' >"$tmp/invoices.csv"
expect 65 "bad invoices file exits 65" -- "$cli" --db "$db" import invoices "$tmp/invoices.csv"
grep_err 'invoices.csv:3: .*issue_date' "the bad date is named by line and column"
grep_err 'invoices.csv:4: .*customer_ref' "the unknown customer is named by line and column"
grep_err 'invoices.csv:5: .*total' "the negative amount is named by line and column"
grep_err 'invoices.csv:6: .*number' "the duplicate number is named by line and column"
"$cli" --db "$db" export invoices "$tmp/after.csv"
same "$tmp/before.csv" "$tmp/after.csv" "nothing was written by the refused import"

printf 'number,customer_ref,issue_date,total\nB-1,K1,2026-01-05,10.00\n' >"$tmp/nodue.csv"
expect 65 "missing required column exits 65" -- "$cli" --db "$db" import invoices "$tmp/nodue.csv"
grep_err 'due_date' "the missing column is named"

printf 'number,customer_ref,issue_date,due_date,total\n"C-1,K1,2026-01-05,2026-01-19,10.00\n' >"$tmp/quote.csv"
expect 65 "an unterminated quote exits 65" -- "$cli" --db "$db" import invoices "$tmp/quote.csv"
grep_err 'line 2' "the syntax error names the line"

printf 'invoice_number,date,amount\nNOPE-1,2026-02-01,10.00\n' >"$tmp/payments.csv"
expect 65 "payment for an unknown invoice exits 65" -- "$cli" --db "$db" import payments "$tmp/payments.csv"
grep_err 'payments.csv:2: .*invoice_number' "the unknown invoice is named"

expect 1 "a missing file is a failure" -- "$cli" --db "$db" import invoices "$tmp/absent.csv"
expect 2 "an unknown table is a usage error" -- "$cli" --db "$db" import frogs "$tmp/customers.csv"

printf '[Business]\nName=Test GmbH\nIban=DE00 0000 0000 0000 0000 00\n' >"$tmp/bad-business.ini"
expect 65 "a bad IBAN exits 65" -- "$cli" --db "$db" business import "$tmp/bad-business.ini"
grep_err 'Iban' "the bad key is named"

printf 'not sqlite at all\n' >"$tmp/junk.db"
expect 1 "a file that is not a ledger is refused" -- "$cli" --db "$tmp/junk.db" init
grep_err 'junk.db' "the refusal names the file"

echo "1..$n"
[ "$failed" -eq 0 ]

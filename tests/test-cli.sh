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

# Chasing commands: invoice dispute|promise|hold|resume|instalments and
# customer opt-out|opt-in|do-not-chase|chase. Dates are relative to
# today, as a pause starts on the day it is recorded.
pdb="$tmp/chase.db"
day() { python3 -c 'import datetime,sys; print(datetime.date.today() + datetime.timedelta(days=int(sys.argv[1])))' "$1"; }
q() { python3 -c 'import sqlite3,sys; print(sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True).execute(sys.argv[2]).fetchone()[0])' "$pdb" "$1"; }
# check DESCRIPTION SQL EXPECTED
check() { local got; got="$(q "$2")"; if [ "$got" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$got', wanted '$3'"; fi; }

printf 'ref,name,email,phone,address,city,postcode\nK1,Kunde Eins,ap@k1.example,+49 30 1234567,Hauptstr. 1,Berlin,10115\nK2,Kunde Zwei,ap@k2.example,,,,\n' >"$tmp/chase-customers.csv"
printf 'number,customer_ref,issue_date,due_date,total,currency\nR-1,K1,%s,%s,100.00,EUR\nR-2,K2,%s,%s,250.00,EUR\n' \
  "$(day -17)" "$(day -3)" "$(day -20)" "$(day -8)" >"$tmp/chase-invoices.csv"
"$cli" --db "$pdb" init >/dev/null
"$cli" --db "$pdb" import customers "$tmp/chase-customers.csv" >/dev/null 2>&1
"$cli" --db "$pdb" import invoices "$tmp/chase-invoices.csv" >/dev/null 2>&1

expect 2 "dispute without --reason is a usage error" -- "$cli" --db "$pdb" invoice dispute R-1
grep_err 'reason' "the missing option is named"
expect 65 "dispute of an unknown invoice exits 65" -- "$cli" --db "$pdb" invoice dispute R-404 --reason "Wrong"
grep_err 'R-404' "the unknown invoice is named"
expect 2 "an unknown invoice action is a usage error" -- "$cli" --db "$pdb" invoice frobnicate R-1
expect 65 "promise with a bad date exits 65" -- "$cli" --db "$pdb" invoice promise R-1 --date 2026-02-30
grep_err '[-]-date' "the bad date names --date"
expect 65 "promise with a bad amount exits 65" -- "$cli" --db "$pdb" invoice promise R-1 --date "$(day 10)" --amount 12,50
grep_err '[-]-amount' "the bad amount names --amount"
expect 65 "promise of more than is owed exits 65" -- "$cli" --db "$pdb" invoice promise R-1 --date "$(day 10)" --amount 100.01
expect 65 "promise in the past exits 65" -- "$cli" --db "$pdb" invoice promise R-1 --date "$(day -1)"
expect 65 "hold with a bad --until exits 65" -- "$cli" --db "$pdb" invoice hold R-1 --reason "Checking" --until tomorrow
grep_err '[-]-until' "the bad date names --until"
expect 2 "promise without --date is a usage error" -- "$cli" --db "$pdb" invoice promise R-1
expect 65 "resume of an invoice that is not paused exits 65" -- "$cli" --db "$pdb" invoice resume R-1
grep_err 'R-1' "the invoice is named"
check "refused commands wrote nothing" "SELECT (SELECT count(*) FROM pauses) + (SELECT count(*) FROM audit_log)" 0

expect 0 "dispute pauses the invoice" -- "$cli" --db "$pdb" invoice dispute R-1 --reason "Wrong quantity"
check "the dispute is recorded with its reason" "SELECT kind || ':' || reason FROM pauses WHERE resolved_at IS NULL" "dispute:Wrong quantity"
check "the dispute has an audit entry" "SELECT action || ':' || detail FROM audit_log" "dispute:Wrong quantity"
expect 0 "resume ends the dispute" -- "$cli" --db "$pdb" invoice resume R-1
check "no pause is left open" "SELECT count(*) FROM pauses WHERE resolved_at IS NULL" 0
check "the resume has an audit entry" "SELECT count(*) FROM audit_log WHERE action = 'resume' AND detail LIKE '%Wrong quantity%'" 1
expect 0 "promise with an amount" -- "$cli" --db "$pdb" invoice promise R-1 --date "$(day 10)" --amount 40
check "the promise records date and amount" "SELECT until || ':' || promised_minor FROM pauses WHERE kind = 'promise'" "$(day 10):4000"
check "the promise has a reason and an audit entry" "SELECT count(*) FROM audit_log a JOIN pauses p ON p.reason = a.detail WHERE a.action = 'promise' AND p.reason LIKE '%40.00 EUR%'" 1
expect 0 "hold until a date" -- "$cli" --db "$pdb" invoice hold R-2 --reason "Owner away" --until "$(day 5)"
check "the hold is recorded" "SELECT until || ':' || reason FROM pauses WHERE kind = 'hold'" "$(day 5):Owner away"

expect 2 "instalments without --every is a usage error" -- "$cli" --db "$pdb" invoice instalments R-2 --count 3
expect 65 "instalments with --count 0 exits 65" -- "$cli" --db "$pdb" invoice instalments R-2 --count 0 --every 30
grep_err '[-]-count' "the bad count names --count"
expect 65 "instalments with a bad --first exits 65" -- "$cli" --db "$pdb" invoice instalments R-2 --count 3 --every 30 --first soon
grep_err '[-]-first' "the bad date names --first"
expect 0 "instalments split the invoice" -- "$cli" --db "$pdb" invoice instalments R-2 --count 3 --every 30 --first "$(day 7)"
check "three instalments, the last takes the remainder" "SELECT group_concat(amount_minor || '@' || due_date, ' ') FROM (SELECT * FROM instalments ORDER BY position)" "8333@$(day 7) 8333@$(day 37) 8334@$(day 67)"
expect 65 "a second plan for the same invoice exits 65" -- "$cli" --db "$pdb" invoice instalments R-2 --count 2 --every 30
check "the plan has an audit entry" "SELECT count(*) FROM audit_log WHERE action = 'instalments'" 1

expect 2 "opt-out without --channel is a usage error" -- "$cli" --db "$pdb" customer opt-out K1
expect 65 "opt-out of an unknown channel exits 65" -- "$cli" --db "$pdb" customer opt-out K1 --channel fax
grep_err '[-]-channel' "the bad channel names --channel"
expect 65 "an unknown customer exits 65" -- "$cli" --db "$pdb" customer do-not-chase K404
grep_err 'K404' "the unknown customer is named"
expect 2 "an unknown customer action is a usage error" -- "$cli" --db "$pdb" customer ignore K1
expect 0 "opt-out of email" -- "$cli" --db "$pdb" customer opt-out K1 --channel email
expect 0 "opt-out of sms" -- "$cli" --db "$pdb" customer opt-out K1 --channel sms
check "the customer is opted out of email and sms" "SELECT opted_out FROM customers WHERE ref = 'K1'" 3
expect 0 "opt-in to sms" -- "$cli" --db "$pdb" customer opt-in K1 --channel sms
check "only email is left opted out" "SELECT opted_out FROM customers WHERE ref = 'K1'" 1
check "the contacts survive the change" "SELECT count(*) FROM contacts c JOIN customers k ON k.id = c.customer_id WHERE k.ref = 'K1' AND c.email = 'ap@k1.example'" 1
expect 0 "do-not-chase" -- "$cli" --db "$pdb" customer do-not-chase K2
check "the customer is not chased" "SELECT do_not_chase FROM customers WHERE ref = 'K2'" 1
expect 0 "chase again" -- "$cli" --db "$pdb" customer chase K2
check "the customer is chased again" "SELECT do_not_chase FROM customers WHERE ref = 'K2'" 0
check "each customer change has an audit entry" "SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE invoice_id IS NULL ORDER BY id)" "opt-out,opt-out,opt-in,do-not-chase,chase"

# plan: each chasing command's effect in "plan --json", on a small ledger
# whose dates are relative to today (a pause starts on the day it is
# recorded). The plan is made at noon on a weekday two or more days
# ahead, so the send window is open.
ldb="$tmp/plan.db"
asof_day="$(python3 -c 'import datetime
d = datetime.date.today() + datetime.timedelta(days=2)
while d.weekday() > 4: d += datetime.timedelta(days=1)
print(d)')"
rel() { python3 -c 'import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=int(sys.argv[2])))' "$asof_day" "$1"; }
asof="${asof_day}T12:00:00"
# plan_json: runs plan --json at $asof into $tmp/plan.json.
plan_json() { "$cli" --db "$ldb" plan --as-of "$asof" --json >"$tmp/plan.json" 2>"$tmp/err"; }
# pick INVOICE FIELD: FIELD of the invoice's current action (neither
# superseded nor a later scheduled step), or of its first instalment.
pick() {
  python3 - "$tmp/plan.json" "$1" "$2" <<'PY'
import json, sys
actions = [a for a in json.load(open(sys.argv[1])) if a["invoice"] == sys.argv[2]]
now = [a for a in actions if a["status"] not in ("superseded", "scheduled")]
print((now or actions or [{}])[0].get(sys.argv[3], "none"))
PY
}
# plan_is DESCRIPTION INVOICE FIELD EXPECTED
plan_is() {
  local got
  if ! plan_json; then not_ok "$1" "plan failed: $(cat "$tmp/err")"; return; fi
  got="$(pick "$2" "$3")"
  if [ "$got" = "$4" ]; then ok "$1"; else not_ok "$1" "got '$got', wanted '$4'" "$(head -c 600 "$tmp/plan.json")"; fi
}

printf 'ref,name,email,phone,address,city,postcode\nP1,Post und Telefon,ap@p1.example,+49 30 1234567,Hauptstr. 1,Berlin,10115\nP2,Nur Post,,,Nebenstr. 2,Hamburg,20095\nP3,Bezahlt AG,ap@p3.example,,,,\n' >"$tmp/plan-customers.csv"
printf 'number,customer_ref,issue_date,due_date,total,currency\nL-1,P1,%s,%s,100.00,EUR\nL-2,P2,%s,%s,300.00,EUR\nL-3,P3,%s,%s,80.00,EUR\n' \
  "$(rel -17)" "$(rel -3)" "$(rel -17)" "$(rel -3)" "$(rel -30)" "$(rel -3)" >"$tmp/plan-invoices.csv"
printf 'invoice_number,date,amount\nL-3,%s,80.00\n' "$(rel -20)" >"$tmp/plan-payments.csv"
"$cli" --db "$ldb" init >/dev/null
"$cli" --db "$ldb" import customers "$tmp/plan-customers.csv" >/dev/null 2>&1
"$cli" --db "$ldb" import invoices "$tmp/plan-invoices.csv" >/dev/null 2>&1
"$cli" --db "$ldb" import payments "$tmp/plan-payments.csv" >/dev/null 2>&1

expect 0 "plan prints a table" -- "$cli" --db "$ldb" plan --as-of "$asof"
if grep -q 'Post und Telefon (P1)' "$tmp/out" && grep -q 'L-1' "$tmp/out" && grep -qE '[0-9]+ due' "$tmp/out"; then
  ok "the table is grouped by customer and ends in a summary"
else
  not_ok "the table is grouped by customer and ends in a summary" "$(cat "$tmp/out")"
fi
plan_is "3 days overdue: the first reminder is due" L-1 step first-reminder
plan_is "  with status due" L-1 status due
plan_is "  by email" L-1 channel email
plan_is "  for the whole amount" L-1 amount_due 100.00
plan_is "  with no fee" L-1 fee 0.00
plan_is "  in EUR" L-1 currency EUR
if python3 - "$tmp/plan.json" <<'PY'
import json, re, sys
actions = json.load(open(sys.argv[1]))
assert actions and all(a["invoice"] != "L-3" for a in actions), "a paid invoice is planned"
for a in actions:
    for key in ("invoice", "customer", "step", "channel", "at", "amount_due", "currency", "fee", "status"):
        assert key in a, key
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)", a["at"]), a["at"]
    assert re.fullmatch(r"\d+\.\d\d", a["amount_due"]) and re.fullmatch(r"\d+\.\d\d", a["fee"])
PY
then ok "every action has the contract's fields; the paid invoice has none"; else not_ok "every action has the contract's fields; the paid invoice has none"; fi
plan_is "a customer with only a postal address gets a letter" L-2 channel letter

# A bare date stands for the whole day: the first reminder that went out
# at that morning's opening is due, not waiting for tomorrow's window.
if "$cli" --db "$ldb" plan --as-of "$asof_day" --json >"$tmp/plan-day.json" 2>"$tmp/err" &&
   python3 - "$tmp/plan-day.json" "$asof_day" <<'PY'
import json, sys
actions = [a for a in json.load(open(sys.argv[1])) if a["invoice"] == "L-1" and a["status"] == "due"]
assert len(actions) == 1 and actions[0]["step"] == "first-reminder", actions
assert actions[0]["at"].startswith(sys.argv[2] + "T09:00:00"), actions[0]["at"]
PY
then ok "plan --as-of DATE: what goes out that day is due at its opening"; else not_ok "plan --as-of DATE: what goes out that day is due at its opening" "$(cat "$tmp/err")"; fi

before="$(python3 -c 'import hashlib,os,sys; p=sys.argv[1]; print(hashlib.sha256(open(p,"rb").read()).hexdigest(), os.stat(p).st_mtime_ns)' "$ldb")"
"$cli" --db "$ldb" plan --as-of "$asof" >/dev/null 2>&1
"$cli" --db "$ldb" plan --as-of "$asof" --json >/dev/null 2>&1
after="$(python3 -c 'import hashlib,os,sys; p=sys.argv[1]; print(hashlib.sha256(open(p,"rb").read()).hexdigest(), os.stat(p).st_mtime_ns)' "$ldb")"
[ "$before" = "$after" ] && ok "plan writes nothing (same bytes, same mtime)" || not_ok "plan writes nothing (same bytes, same mtime)" "$before" "$after"

"$cli" --db "$ldb" invoice dispute L-1 --reason "Wrong quantity" >/dev/null
plan_is "dispute: the invoice is disputed" L-1 status disputed
"$cli" --db "$ldb" invoice resume L-1 >/dev/null
plan_is "resume: the first reminder is due again" L-1 status due
"$cli" --db "$ldb" invoice promise L-1 --date "$(rel 10)" >/dev/null
plan_is "promise to a later date: promised" L-1 status promised
"$cli" --db "$ldb" invoice resume L-1 >/dev/null
"$cli" --db "$ldb" invoice hold L-1 --reason "Owner checks the order" >/dev/null
plan_is "hold: held" L-1 status held
"$cli" --db "$ldb" invoice resume L-1 >/dev/null
"$cli" --db "$ldb" customer opt-out P1 --channel email >/dev/null
plan_is "opted out of email: falls back to sms" L-1 channel sms
"$cli" --db "$ldb" customer opt-out P1 --channel sms >/dev/null
plan_is "opted out of email and sms: a letter" L-1 channel letter
"$cli" --db "$ldb" customer opt-in P1 --channel email >/dev/null
plan_is "opted in to email again" L-1 channel email
"$cli" --db "$ldb" customer do-not-chase P1 >/dev/null
plan_is "do-not-chase: not chased" L-1 status do-not-chase
"$cli" --db "$ldb" customer chase P1 >/dev/null
plan_is "chase: due again" L-1 status due
"$cli" --db "$ldb" invoice instalments L-2 --count 3 --every 14 --first "$(rel -1)" >/dev/null
plan_is "instalments: the first instalment is chased" L-2 step instalment-1
plan_is "  for its share" L-2 amount_due 100.00

expect 0 "plan as of a bare date (the end of that day)" -- "$cli" --db "$ldb" plan --as-of "$asof_day" --json
expect 0 "plan as of a date-time with an offset" -- "$cli" --db "$ldb" plan --as-of "${asof_day}T10:00:00+02:00"
expect 65 "plan with a bad --as-of exits 65" -- "$cli" --db "$ldb" plan --as-of "next tuesday"
grep_err '[-]-as-of' "the bad instant names --as-of"
expect 2 "plan with a stray argument is a usage error" -- "$cli" --db "$ldb" plan now
expect 1 "plan without a ledger fails" -- "$cli" --db "$tmp/none.db" plan
[ ! -e "$tmp/none.db" ] && ok "plan did not create a ledger" || not_ok "plan did not create a ledger"

# Collection policies: import and export, the default and a customer's own.
pdb="$tmp/policy.db"
"$cli" --db "$pdb" init >/dev/null
printf 'ref,name\nACME,Acme Ltd\n' >"$tmp/policy-customers.csv"
"$cli" --db "$pdb" import customers "$tmp/policy-customers.csv" >/dev/null
expect 0 "policy export with none stored" -- "$cli" --db "$pdb" policy export -
if grep -q '^Name=Standard$' "$tmp/out" && grep -q '^\[Step agency-handoff\]$' "$tmp/out"; then
  ok "  exports the shipped default"
else
  not_ok "  exports the shipped default" "$(head -5 "$tmp/out")"
fi
cp "$tmp/out" "$tmp/policy-shipped.ini"
expect 0 "policy export to a file" -- "$cli" --db "$pdb" policy export "$tmp/policy-file.ini"
same "$tmp/policy-file.ini" "$tmp/policy-shipped.ini" "  the file equals standard output"
cat >"$tmp/policy-strict.ini" <<'INI'
[Policy]
Name=Strict
GraceDays=2
MinimumAmount=10.00
SendDays=Mon;Tue;Wed;Thu
SendHours=08:00-16:00
TimeZone=Europe/Berlin   # the office's
Holidays=2026-12-25;2026-12-26
RepeatEveryDays=5
RepeatMax=2
InterestAnnualPercent=9.12
FixedCompensation=40.00

[Step reminder]
Offset=3
Channel=email;sms

[Step final-notice]
Offset=14
Channel=letter
Fee=20.00
Review=true
INI
expect 0 "policy import sets the business default" -- "$cli" --db "$pdb" policy import "$tmp/policy-strict.ini"
expect 0 "policy export" -- "$cli" --db "$pdb" policy export "$tmp/policy-default.ini"
grep -q '^Name=Strict$' "$tmp/policy-default.ini" && ok "  exports the imported default" || not_ok "  exports the imported default" "$(head -3 "$tmp/policy-default.ini")"
expect 0 "policy import of an export" -- "$cli" --db "$pdb" policy import "$tmp/policy-default.ini"
"$cli" --db "$pdb" policy export "$tmp/policy-again.ini"
same "$tmp/policy-default.ini" "$tmp/policy-again.ini" "  round trip: the same file again"

sed 's/^Offset=14$/Offset=eleven/' "$tmp/policy-strict.ini" >"$tmp/policy-bad.ini"
expect 65 "policy import of a bad file exits 65" -- "$cli" --db "$pdb" policy import "$tmp/policy-bad.ini"
grep_err 'policy-bad\.ini: \[Step final-notice\] Offset: .eleven. is not a whole number of days' "  names the file, group, key and why"
"$cli" --db "$pdb" policy export "$tmp/policy-after.ini"
same "$tmp/policy-default.ini" "$tmp/policy-after.ini" "  the stored policy is unchanged"
sed 's/^Channel=letter$/Channel=letter;fax/' "$tmp/policy-strict.ini" >"$tmp/policy-fax.ini"
expect 65 "policy import with an unknown channel exits 65" -- "$cli" --db "$pdb" policy import "$tmp/policy-fax.ini"
grep_err '\[Step final-notice\] Channel: .fax. is not a channel: use email, sms, letter or call' "  lists the channels"
sed 's/^Offset=14$/Offset=3/' "$tmp/policy-strict.ini" >"$tmp/policy-overlap.ini"
expect 65 "policy import with two steps on one day exits 65" -- "$cli" --db "$pdb" policy import "$tmp/policy-overlap.ini"
grep_err '\[Step (reminder|final-notice)\] and \[Step (reminder|final-notice)\] Offset' "  names both steps"
printf '[Step a]\nOffset=1\nChannel=email\n' >"$tmp/policy-nogroup.ini"
expect 65 "policy import without [Policy] exits 65" -- "$cli" --db "$pdb" policy import "$tmp/policy-nogroup.ini"
grep_err '\[Policy\]' "  names the missing group"
"$cli" --db "$pdb" policy export "$tmp/policy-after.ini"
same "$tmp/policy-default.ini" "$tmp/policy-after.ini" "  still unchanged"

expect 0 "policy export --customer without its own exports the default" -- "$cli" --db "$pdb" policy export - --customer ACME
same "$tmp/out" "$tmp/policy-default.ini" "  the same as the default"
expect 0 "policy import --customer" -- "$cli" --db "$pdb" policy import "$tmp/policy-shipped.ini" --customer ACME
expect 0 "policy export --customer" -- "$cli" --db "$pdb" policy export - --customer ACME
same "$tmp/out" "$tmp/policy-shipped.ini" "  exports the customer's own"
"$cli" --db "$pdb" policy export "$tmp/policy-after.ini"
same "$tmp/policy-default.ini" "$tmp/policy-after.ini" "  the default is untouched"
expect 65 "policy import --customer of a bad file exits 65" -- "$cli" --db "$pdb" policy import "$tmp/policy-bad.ini" --customer ACME
"$cli" --db "$pdb" policy export - --customer ACME >"$tmp/policy-acme.ini"
same "$tmp/policy-acme.ini" "$tmp/policy-shipped.ini" "  the customer's policy is unchanged"
expect 65 "policy import for an unknown customer exits 65" -- "$cli" --db "$pdb" policy import "$tmp/policy-strict.ini" --customer NOPE
grep_err 'NOPE' "  names the reference"
expect 65 "policy export for an unknown customer exits 65" -- "$cli" --db "$pdb" policy export - --customer NOPE
expect 1 "policy import of a missing file fails" -- "$cli" --db "$pdb" policy import "$tmp/no-such.ini"
expect 2 "policy with a wrong verb is a usage error" -- "$cli" --db "$pdb" policy frob "$tmp/policy-strict.ini"

echo "1..$n"
[ "$failed" -eq 0 ]

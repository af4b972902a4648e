#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The high-risk ladder: a policy imported with --high-risk applies to the
# customers whose stored risk level is high, and only to them; `run`
# computes the levels (once a day) before it plans; a customer's own
# policy still wins; removing the ladder sends them back to the default.
set -u

cli="${OVERDUE_CLI:?set by meson}"
tmp="${OD_TMP:-$(mktemp -d)}"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check() { local what="$1"; shift 2; if "$@" >"$tmp/check" 2>&1; then ok "$what"; else not_ok "$what" "$(cat "$tmp/check")"; fi; }

db="$tmp/risk.db"
# LATE paid its last two invoices 40 days after the due date (high risk);
# PROMPT paid on the day; OWN is as late as LATE but has a policy of its own.
cat >"$tmp/customers.csv" <<'CSV'
ref,name,email
LATE,Late Payer Ltd,ap@late.example
PROMPT,Prompt Payer GmbH,ap@prompt.example
OWN,Own Ladder SARL,ap@own.example
CSV
cat >"$tmp/invoices.csv" <<'CSV'
number,customer_ref,issue_date,due_date,total,currency
L-1,LATE,2026-05-01,2026-05-31,100.00,EUR
L-2,LATE,2026-06-01,2026-07-01,100.00,EUR
L-3,LATE,2026-10-15,2026-11-14,250.00,EUR
P-1,PROMPT,2026-05-01,2026-05-31,100.00,EUR
P-2,PROMPT,2026-06-01,2026-07-01,100.00,EUR
P-3,PROMPT,2026-10-15,2026-11-14,250.00,EUR
O-1,OWN,2026-05-01,2026-05-31,100.00,EUR
O-2,OWN,2026-06-01,2026-07-01,100.00,EUR
O-3,OWN,2026-10-15,2026-11-14,250.00,EUR
CSV
cat >"$tmp/payments.csv" <<'CSV'
invoice_number,date,amount
L-1,2026-07-10,100.00
L-2,2026-08-10,100.00
P-1,2026-05-31,100.00
P-2,2026-07-01,100.00
O-1,2026-07-10,100.00
O-2,2026-08-10,100.00
CSV
"$cli" --db "$db" init >/dev/null &&
  "$cli" --db "$db" import customers "$tmp/customers.csv" >/dev/null &&
  "$cli" --db "$db" import invoices "$tmp/invoices.csv" >/dev/null &&
  "$cli" --db "$db" import payments "$tmp/payments.csv" >/dev/null || { echo "Bail out! set-up"; exit 1; }

cat >"$tmp/strict.ini" <<'INI'
[Policy]
Name=Strict
SendDays=Mon;Tue;Wed;Thu;Fri
SendHours=09:00-17:00

[Step strict-reminder]
Offset=1
Channel=email
Template=first-reminder

[Step strict-final]
Offset=5
Channel=email;letter
Template=final-notice
Fee=5.00
INI
cat >"$tmp/own.ini" <<'INI'
[Policy]
Name=Own

[Step own-reminder]
Offset=20
Channel=email
Template=first-reminder
INI

check "policy export --high-risk says none is set" -- sh -c "! '$cli' --db '$db' policy export - --high-risk 2>'$tmp/err' && grep -q 'no policy is set' '$tmp/err'"
check "policy import --high-risk" -- "$cli" --db "$db" policy import "$tmp/strict.ini" --high-risk
check "policy import --customer OWN" -- "$cli" --db "$db" policy import "$tmp/own.ini" --customer OWN
check "--customer with --high-risk is a usage error" -- sh -c "'$cli' --db '$db' policy import '$tmp/strict.ini' --high-risk --customer OWN >/dev/null 2>&1; [ \$? -eq 2 ]"

steps_for() { # steps_for PLAN.json INVOICE: the step names planned for it
  python3 -c 'import json,sys; print(" ".join(sorted({a["step"] for a in json.load(open(sys.argv[1])) if a["invoice"] == sys.argv[2]})))' "$1" "$2"
}

# Before any run the levels are unknown: everyone without a policy of
# their own follows the default ladder.
"$cli" --db "$db" plan --as-of 2026-11-20 --json >"$tmp/before.json" || { echo "Bail out! plan"; exit 1; }
case " $(steps_for "$tmp/before.json" L-3) " in
  *strict-*) not_ok "before the levels are computed, LATE follows the default" "$(steps_for "$tmp/before.json" L-3)" ;;
  *) ok "before the levels are computed, LATE follows the default" ;;
esac

# run computes the day's levels, then plans and takes what is due.
check "run computes the levels" -- "$cli" --db "$db" run --as-of 2026-11-20
check "the levels are stored for the day" -- sh -c "sqlite3 '$db' \"SELECT value FROM settings WHERE key = 'risk-levels-as-of'\" | grep -qx 2026-11-20"
check "LATE is high, PROMPT low" -- sh -c "[ \"\$(sqlite3 '$db' \"SELECT group_concat(ref || '=' || risk_level, ' ') FROM (SELECT ref, risk_level FROM customers ORDER BY ref)\")\" = 'LATE=high OWN=high PROMPT=low' ]"

"$cli" --db "$db" outbox >"$tmp/outbox" || { echo "Bail out! outbox"; exit 1; }
step_sent() { awk -v inv="$1" '$NF == inv { print $(NF - 1) }' "$tmp/outbox"; }
got=$(step_sent L-3)
if [ "$got" = strict-final ]; then ok "the high-risk customer's invoice got the strict ladder's step"; else
  not_ok "the high-risk customer's invoice got the strict ladder's step" "$(cat "$tmp/outbox")"; fi
got=$(step_sent P-3)
if [ "$got" = second-reminder ]; then ok "the low-risk customer's invoice kept the default ladder"; else
  not_ok "the low-risk customer's invoice kept the default ladder" "$(cat "$tmp/outbox")"; fi
"$cli" --db "$db" plan --as-of 2026-11-23 --json >"$tmp/after.json" || { echo "Bail out! plan"; exit 1; }
got=$(steps_for "$tmp/after.json" O-3)
if [ "$got" = own-reminder ]; then ok "a high-risk customer with a policy of its own keeps it"; else
  not_ok "a high-risk customer with a policy of its own keeps it" "steps: $got"; fi
check "export --customer LATE shows the strict ladder in force" -- sh -c "'$cli' --db '$db' policy export - --customer LATE | grep -qx 'Name=Strict'"

check "policy remove --high-risk" -- "$cli" --db "$db" policy remove --high-risk
"$cli" --db "$db" plan --as-of 2026-11-23 --json >"$tmp/removed.json" || { echo "Bail out! plan"; exit 1; }
got=$(steps_for "$tmp/removed.json" L-3)
case " $got " in *final-notice*) ok "without the ladder, LATE follows the default again" ;;
  *) not_ok "without the ladder, LATE follows the default again" "steps: $got" ;; esac

echo "1..$n"
[ "$failed" -eq 0 ]

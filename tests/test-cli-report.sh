#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overdue-cli report on the demo ledger: every report in all three formats,
# the formats agree cell for cell, the figures agree with each other and
# with the ledger read independently (Python's sqlite3), CSV neutralises
# formulas, and bad arguments get the contract's exit codes.
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
# check WHAT PYTHON-SCRIPT ARGS…: the script exits non-zero with a message to fail.
check() {
  local what="$1" script="$2"; shift 2
  if python3 -c "$script" "$@" >"$tmp/check" 2>&1; then ok "$what"; else not_ok "$what" "$(tail -5 "$tmp/check")"; fi
}

db="$tmp/demo.db"
day=2026-11-23
expect 0 "init --demo" -- "$cli" --db "$db" init --demo --today "$day"

for report in aging dso cei risk outcomes; do
  expect 0 "report $report (table)" -- "$cli" --db "$db" report "$report" --as-of "$day"
  cp "$tmp/out" "$tmp/$report.txt"
  expect 0 "report $report --json" -- "$cli" --db "$db" report "$report" --as-of "$day" --json
  cp "$tmp/out" "$tmp/$report.json"
  expect 0 "report $report --csv" -- "$cli" --db "$db" report "$report" --as-of "$day" --csv
  cp "$tmp/out" "$tmp/$report.csv"
  # JSON and CSV: the same rows, the same cells (null is an empty cell).
  check "report $report: JSON and CSV agree cell for cell" '
import csv, json, sys
rows = json.load(open(sys.argv[1]))
table = list(csv.reader(open(sys.argv[2], newline="")))
assert len(rows) > 0, "no rows"
assert len(table) == len(rows) + 1, (len(table), len(rows))
header = table[0]
assert header == list(rows[0].keys()), (header, list(rows[0].keys()))
def text(v):
    return "" if v is None else str(v)
for row, cells in zip(rows, table[1:]):
    for key, cell in zip(header, cells):
        a, b = row[key], cell
        if isinstance(a, float):
            assert abs(a - float(b)) < 1e-9, (key, a, b)
        else:
            assert text(a) == b, (key, a, b)
' "$tmp/$report.json" "$tmp/$report.csv"
done

# The ledger read on its own: what was open on the day per currency, and
# of it what was not yet due.
cat >"$tmp/ledger.py" <<'PY'
import sqlite3, sys
def open_by_currency(db, day):
    c = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
    out = {}
    for cur, due, total, paid in c.execute(
            "SELECT currency, due_date, total_minor, (SELECT coalesce(sum(amount_minor), 0)"
            " FROM payments p WHERE p.invoice_id = i.id AND p.date <= ?1)"
            " FROM invoices i WHERE status <> 'void' AND issue_date <= ?1", (day,)):
        left = total - paid
        if left > 0:
            o = out.setdefault(cur, [0, 0])
            o[0] += left
            if due >= day:
                o[1] += left
    return out
PY

check "aging: every row's buckets add up to its open amount" '
import json, sys
from decimal import Decimal as D
rows = json.load(open(sys.argv[1]))
fixed = {"kind", "customer", "name", "currency", "open", "invoices"}
for r in rows:
    buckets = [D(v) for k, v in r.items() if k not in fixed]
    assert len(buckets) == 5, r
    assert sum(buckets) == D(r["open"]), r
' "$tmp/aging.json"

check "aging: the customers of a currency add up to its total, and the total is the ledger's" '
import json, sys
sys.path.insert(0, sys.argv[2])
from decimal import Decimal as D
from ledger import open_by_currency
rows = json.load(open(sys.argv[1]))
totals = {r["currency"]: r for r in rows if r["kind"] == "total"}
sums = {}
for r in rows:
    if r["kind"] == "customer":
        s = sums.setdefault(r["currency"], {})
        for k, v in r.items():
            if k not in ("kind", "customer", "name", "currency"):
                s[k] = s.get(k, 0) + (D(v) if isinstance(v, str) else v)
assert set(sums) == set(totals), (sums.keys(), totals.keys())
for cur, s in sums.items():
    for k, v in s.items():
        t = totals[cur][k]
        assert (D(t) if isinstance(t, str) else t) == v, (cur, k, t, v)
ledger = open_by_currency(sys.argv[3], "2026-11-23")
for cur, t in totals.items():
    assert D(t["open"]) * 100 == ledger[cur][0], (cur, t["open"], ledger[cur])
    assert D(t["current"]) * 100 == ledger[cur][1], (cur, t["current"], ledger[cur])
' "$tmp/aging.json" "$tmp" "$db"

total_open=$(python3 -c 'import json,sys; print(" ".join(r["open"] for r in json.load(open(sys.argv[1])) if r["kind"] == "total"))' "$tmp/aging.json")
if grep -E "^total " "$tmp/aging.txt" | grep -qF -- "$total_open"; then ok "aging: the table's total line shows the JSON's total"; else not_ok "aging: the table's total line shows the JSON's total" "$total_open"; fi

check "dso: receivables are the aging totals, and DSO is receivables ÷ sales × days" '
import json, sys
from decimal import Decimal as D
dso = json.load(open(sys.argv[1]))
aging = {r["currency"]: r for r in json.load(open(sys.argv[2])) if r["kind"] == "total"}
periods = [r for r in dso if r["kind"] == "period"]
assert {r["currency"] for r in periods} == set(aging), periods
for r in periods:
    assert r["to"] == "2026-11-23" and r["days"] == 90, r
    assert r["receivables"] == aging[r["currency"]]["open"], r
    want = float(D(r["receivables"]) / D(r["sales"]) * r["days"])
    assert abs(r["dso"] - want) <= 0.05, (r, want)
    assert r["countback_dso"] is not None and r["countback_dso"] >= 0, r
months = [r for r in dso if r["kind"] == "month"]
assert len(months) == 12 * len(periods), len(months)
assert months[-1]["to"] == "2026-11-23" and months[-1]["receivables"] == periods[-1]["receivables"], months[-1]
' "$tmp/dso.json" "$tmp/aging.json"

check "cei: the parts agree with aging and the ledger, and the index with its parts" '
import json, sys
sys.path.insert(0, sys.argv[3])
from decimal import Decimal as D, ROUND_HALF_UP
from ledger import open_by_currency
cei = json.load(open(sys.argv[1]))
aging = {r["currency"]: r for r in json.load(open(sys.argv[2])) if r["kind"] == "total"}
begin = open_by_currency(sys.argv[4], "2026-08-25")
for r in cei:
    a = aging[r["currency"]]
    assert r["end"] == a["open"] and r["end_current"] == a["current"], (r, a)
    assert D(r["begin"]) * 100 == begin.get(r["currency"], [0])[0], (r, begin)
    b, s, e, ec = (D(r[k]) for k in ("begin", "sales", "end", "end_current"))
    want = ((b + s - e) * 10000 / (b + s - ec)).quantize(D(1), rounding=ROUND_HALF_UP)
    assert r["cei_bp"] == int(want), (r, want)
    assert D(r["cei_percent"]) * 100 == r["cei_bp"], r
' "$tmp/cei.json" "$tmp/aging.json" "$tmp" "$db"

check "risk: every customer, levels with reasons (and low without), shares in range" '
import json, sqlite3, sys
rows = json.load(open(sys.argv[1]))
c = sqlite3.connect("file:" + sys.argv[2] + "?mode=ro", uri=True)
n = c.execute("SELECT count(*) FROM customers WHERE archived = 0").fetchone()[0]
assert len(rows) == n, (len(rows), n)
levels = {r["level"] for r in rows}
assert levels <= {"low", "medium", "high"} and len(levels) > 1, levels
for r in rows:
    assert (r["level"] == "low") == (r["reasons"] is None), r
    if r["reason_keys"]:
        assert len(r["reason_keys"].split(";")) == len(r["reasons"].split("; ")), r
    for k in ("on_time_bp", "promise_kept_bp"):
        assert r[k] is None or 0 <= r[k] <= 10000, r
    if r["credit_use_bp"] is not None and r["credit_use_bp"] >= 8000:
        assert r["level"] != "low", r
' "$tmp/risk.json" "$db"

check "outcomes: one row per step taken, counts nested, invoices as in the history" '
import json, sqlite3, sys
rows = json.load(open(sys.argv[1]))
c = sqlite3.connect("file:" + sys.argv[2] + "?mode=ro", uri=True)
taken = dict(c.execute("SELECT step, count(*) FROM dunning_history h JOIN invoices i ON i.id = h.invoice_id"
                       " WHERE h.status = \"taken\" AND h.repeat = 0 AND date(h.at) <= \"2026-11-23\""
                       " AND i.status <> \"void\" GROUP BY step").fetchall())
per_step = {}
for r in rows:
    assert 0 <= r["paid_3_days"] <= r["paid_7_days"] <= r["paid_14_days"] <= r["paid"] <= r["invoices"], r
    per_step[r["step"]] = per_step.get(r["step"], 0) + r["invoices"]
assert set(per_step) == set(taken), (per_step, taken)
for step, count in per_step.items():
    assert count <= taken[step], (step, count, taken[step])
' "$tmp/outcomes.json" "$db"

# An as-of date in the past: what was open then, from the ledger itself.
expect 0 "report aging --as-of 2026-06-30 --json" -- "$cli" --db "$db" report aging --as-of 2026-06-30 --json
check "aging in the past agrees with the ledger on that day" '
import json, sys
sys.path.insert(0, sys.argv[2])
from decimal import Decimal as D
from ledger import open_by_currency
totals = {r["currency"]: r for r in json.load(open(sys.argv[1])) if r["kind"] == "total"}
ledger = open_by_currency(sys.argv[3], "2026-06-30")
assert {c for c in ledger} == set(totals), (ledger, totals.keys())
for cur, t in totals.items():
    assert D(t["open"]) * 100 == ledger[cur][0], (cur, t, ledger[cur])
' "$tmp/out" "$tmp" "$db"

# Buckets of one's own choosing.
expect 0 "report aging --buckets 15,45 --csv" -- "$cli" --db "$db" report aging --as-of "$day" --buckets 15,45 --csv
if head -1 "$tmp/out" | grep -q "^kind,customer,name,currency,current,1-15,16-45,46+,open,invoices"; then ok "aging: the header names the chosen buckets"; else not_ok "aging: the header names the chosen buckets" "$(head -1 "$tmp/out")"; fi

# A name that a spreadsheet would run as a formula is neutralised.
fdb="$tmp/formula.db"
printf 'ref,name\nF1,"=HYPERLINK(""http://x"",""y"")"\n' >"$tmp/c.csv"
printf 'number,customer_ref,issue_date,due_date,total,currency\nF-1,F1,2026-01-01,2026-01-31,10.00,EUR\n' >"$tmp/i.csv"
expect 0 "init an empty ledger" -- "$cli" --db "$fdb" init
expect 0 "import a customer named like a formula" -- "$cli" --db "$fdb" import customers "$tmp/c.csv"
expect 0 "import its invoice" -- "$cli" --db "$fdb" import invoices "$tmp/i.csv"
expect 0 "report aging --csv on it" -- "$cli" --db "$fdb" report aging --as-of "$day" --csv
if grep -qF "'=HYPERLINK" "$tmp/out" && ! grep -q ',=HYPERLINK\|,"=HYPERLINK' "$tmp/out"; then ok "CSV neutralises the formula"; else not_ok "CSV neutralises the formula" "$(cat "$tmp/out")"; fi

expect 2 "an unknown report is a usage error" -- "$cli" --db "$db" report nonsense
expect 2 "--json with --csv is a usage error" -- "$cli" --db "$db" report aging --json --csv
expect 2 "bucket edges out of order are a usage error" -- "$cli" --db "$db" report aging --buckets 60,30
expect 65 "a bad --as-of is bad input" -- "$cli" --db "$db" report dso --as-of yesterday-ish
expect 65 "a period that starts after its end is bad input" -- "$cli" --db "$db" report cei --as-of 2026-01-01 --from 2026-02-01
expect 1 "no ledger, no report (and none created)" -- "$cli" --db "$tmp/none.db" report aging
if [ ! -e "$tmp/none.db" ]; then ok "reporting created no ledger"; else not_ok "reporting created no ledger"; fi

echo "1..$n"
[ "$failed" -eq 0 ]

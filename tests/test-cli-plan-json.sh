#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# plan --json is written by hand rather than by json-glib: it must stay
# valid JSON whatever the names hold (quotes, backslashes, control
# characters, non-ASCII), round-trip every string exactly, and keep the
# layout json-glib's pretty generator gave it.
set -u

cli="${OVERDUE_CLI:?set by meson}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

db="$tmp/plan.db"
# A name with a quote, a backslash, a tab, a DEL, a unit separator and
# non-ASCII letters, an invoice number with a slash.
name=$(printf 'Gr\xc3\xbc\xc3\x9fe "Quote" \\ back\tslash\x7f\x1f \xe2\x82\xac')
python3 - "$tmp/customers.csv" "$name" <<'PY'
import csv, sys
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["ref", "name", "email"])
    w.writerow(["C-1", sys.argv[2], "ap@c1.example"])
PY
printf 'number,customer_ref,issue_date,due_date,total,currency\nA/1,C-1,2026-10-01,2026-10-31,119.00,EUR\nJ-2,C-1,2026-10-01,2026-11-20,5000,JPY\n' >"$tmp/invoices.csv"
"$cli" --db "$db" init >/dev/null 2>&1 || { echo "Bail out! init"; exit 1; }
"$cli" --db "$db" import customers "$tmp/customers.csv" >/dev/null 2>&1 || { echo "Bail out! import customers"; exit 1; }
"$cli" --db "$db" import invoices "$tmp/invoices.csv" >/dev/null 2>&1 || { echo "Bail out! import invoices"; exit 1; }

if "$cli" --db "$db" plan --as-of 2026-11-23T12:00:00+01:00 --json >"$tmp/plan.json" 2>"$tmp/err"; then
  ok "plan --json runs"
else
  not_ok "plan --json runs" "$(cat "$tmp/err")"
fi

if out=$(python3 - "$tmp/plan.json" "$name" 2>&1 <<'PY'
import json, sys
actions = json.load(open(sys.argv[1], encoding="utf-8"))
assert actions, "no actions"
names = {a["customer_name"] for a in actions}
assert names == {sys.argv[2]}, "names %r" % names
assert {a["invoice"] for a in actions} == {"A/1", "J-2"}, actions
PY
); then ok "every string round-trips through the escaping"; else not_ok "every string round-trips through the escaping" "$out"; fi

if out=$(python3 - "$tmp/plan.json" 2>&1 <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
actions = json.loads(text)
keys = ["invoice", "customer", "customer_name", "step", "repeat", "channel",
        "at", "amount_due", "currency", "fee", "interest", "interest_days",
        "compensation", "days_overdue", "status", "group", "reason"]
for a in actions:
    got = [k for k in a if k not in ("discounted", "discount_until")]
    assert got == keys, got
    assert isinstance(a["repeat"], int) and isinstance(a["days_overdue"], int)
    assert a["at"] is None or (len(a["at"]) == 25 and a["at"][19] in "+-"), a["at"]
# json-glib's pretty layout: "[", objects on their own lines, two-space
# members, " : " between name and value, control characters as \uXXXX.
assert text.startswith("[\n{\n  \"invoice\" : \""), text[:40]
assert text.endswith("\n}\n]\n"), text[-10:]
assert "\\u007f" in text and "\\u001f" in text and "\\t" in text and "\\\\" in text and '\\"' in text
assert all(ord(c) >= 0x20 or c == "\n" for c in text), "a raw control character"
jpy = [a for a in actions if a["currency"] == "JPY"]
assert jpy and all("." not in a["amount_due"] for a in jpy), jpy
eur = [a for a in actions if a["currency"] == "EUR"]
assert eur and all(a["amount_due"] == "119.00" for a in eur), eur
PY
); then ok "the layout, the fields and their types are json-glib's"; else not_ok "the layout, the fields and their types are json-glib's" "$out"; fi

"$cli" --db "$tmp/empty.db" init >/dev/null 2>&1
if [ "$("$cli" --db "$tmp/empty.db" plan --as-of 2026-11-23 --json)" = "$(printf '[\n]')" ]; then
  ok "an empty plan is an empty array"
else
  not_ok "an empty plan is an empty array" "$("$cli" --db "$tmp/empty.db" plan --as-of 2026-11-23 --json | head -c 200)"
fi

echo "1..$n"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overdue-cli run and outbox on the demo ledger: the due reminders go out
# once (kept here: no account is set up), a second run sends nothing, two
# runs at once send nothing twice, --dry-run writes nothing.
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
json_count() { python3 -c "import json,sys; rows=json.load(open(sys.argv[1])); print(sum(1 for r in rows if eval(sys.argv[2])))" "$@"; }

db="$tmp/demo.db"
"$cli" --db "$db" init --demo --today 2026-11-23 >/dev/null || { echo "Bail out! init --demo"; exit 1; }
"$cli" --db "$db" plan --as-of 2026-11-23 --json >"$tmp/plan.json"
due=$(json_count "$tmp/plan.json" "r['status'] == 'due'")
[ "$due" -gt 0 ] && ok "the demo has due actions ($due)" || not_ok "the demo has due actions"

cp "$db" "$tmp/before.db"
expect 0 "run --dry-run" -- "$cli" --db "$db" run --as-of 2026-11-23 --dry-run
grep -q "nothing was written" "$tmp/out" && ok "--dry-run says it wrote nothing" || not_ok "--dry-run says it wrote nothing" "$(cat "$tmp/out")"
expect 0 "outbox after --dry-run" -- "$cli" --db "$db" outbox --json
[ "$(json_count "$tmp/out" "True")" -eq 0 ] && ok "--dry-run queued nothing" || not_ok "--dry-run queued nothing"

expect 0 "run sends the due reminders (demo)" -- "$cli" --db "$db" run --as-of 2026-11-23
cat "$tmp/out" | sed 's/^/# /'
grep -q "demo" "$tmp/out" && ok "the summary says demo" || not_ok "the summary says demo" "$(cat "$tmp/out")"
"$cli" --db "$db" outbox --json >"$tmp/outbox.json"
sent=$(json_count "$tmp/outbox.json" "r['state'] == 'sent' and r['demo']")
[ "$sent" -gt 0 ] && ok "outbox --json lists $sent messages sent (demo)" || not_ok "outbox --json lists sent (demo) messages"
invoices=$(python3 -c "import json; rows=json.load(open('$tmp/outbox.json')); print(sum(len(r['invoices']) for r in rows if r['state'] != 'awaiting-review'))")
[ "$invoices" -eq "$due" ] && ok "every due action is in one message ($invoices)" || not_ok "every due action is in one message" "$invoices in messages, $due due"
review=$(json_count "$tmp/plan.json" "r['status'] == 'awaiting-review'")
[ "$(json_count "$tmp/outbox.json" "r['state'] == 'awaiting-review'")" -gt 0 ] || [ "$review" -eq 0 ] && ok "steps for review wait in the outbox" || not_ok "steps for review wait in the outbox"
python3 -c "import json; rows=json.load(open('$tmp/outbox.json')); assert len({r['key'] for r in rows}) == len(rows)" && ok "every row has its own key" || not_ok "every row has its own key"

expect 0 "a second run" -- "$cli" --db "$db" run --as-of 2026-11-23
grep -qE "^0 queued; 0 sent" "$tmp/out" && ok "a second run sends nothing" || not_ok "a second run sends nothing" "$(cat "$tmp/out")"
"$cli" --db "$db" outbox --json >"$tmp/outbox2.json"
cmp -s "$tmp/outbox.json" "$tmp/outbox2.json" && ok "the outbox is unchanged" || not_ok "the outbox is unchanged"

id=$("$cli" --db "$db" outbox --json | python3 -c "import json,sys; print(next(r['id'] for r in json.load(sys.stdin) if r['state']=='sent'))")
expect 0 "outbox show" -- "$cli" --db "$db" outbox show "$id"
grep -q "^Subject: " "$tmp/out" && ok "the demo message can be read in full" || not_ok "the demo message can be read in full" "$(cat "$tmp/out")"
expect 1 "a sent message cannot be cancelled" -- "$cli" --db "$db" outbox cancel "$id"
expect 2 "an unknown verb is a usage error" -- "$cli" --db "$db" outbox frobnicate 1
expect 65 "an unknown id fails" -- "$cli" --db "$db" outbox show 99999

# Two runs at once over one ledger: each message once.
"$cli" --db "$tmp/before.db" run --as-of 2026-11-23 >"$tmp/a" 2>&1 &
a=$!
"$cli" --db "$tmp/before.db" run --as-of 2026-11-23 >"$tmp/b" 2>&1 &
b=$!
wait "$a"; ra=$?
wait "$b"; rb=$?
[ "$ra" -eq 0 ] && [ "$rb" -eq 0 ] && ok "two runs at once both succeed" || not_ok "two runs at once both succeed" "$ra $rb" "$(cat "$tmp/a" "$tmp/b")"
both=$(( $(sed -E 's/.*; ([0-9]+) sent.*/\1/' "$tmp/a") + $(sed -E 's/.*; ([0-9]+) sent.*/\1/' "$tmp/b") ))
[ "$both" -eq "$sent" ] && ok "together they sent each message once ($both)" || not_ok "together they sent each message once" "$both, wanted $sent" "$(cat "$tmp/a" "$tmp/b")"
"$cli" --db "$tmp/before.db" outbox --json >"$tmp/two.json"
[ "$(json_count "$tmp/two.json" "r['state'] == 'sent'")" -eq "$sent" ] && ok "the same rows as one run" || not_ok "the same rows as one run"

echo "1..$n"
[ "$failed" -eq 0 ]

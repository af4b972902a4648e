#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The outbox under kill -9 and under two senders at once: every message is
# delivered exactly once or listed as unknown; none twice, none lost.
set -u

sender="${OD_OUTBOX_SENDER:?set by meson}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
q() { sqlite3 "$1" "$2"; }

# check DB FILE WHAT: the invariants.
check() {
  local db="$1" file="$2" what="$3"
  local twice lost stray sent lines open
  twice=$(sort "$file" | uniq -d | wc -l)
  [ "$twice" -eq 0 ] && ok "$what: no message delivered twice" || not_ok "$what: no message delivered twice" "$twice keys twice"
  open=$(q "$db" "SELECT count(*) FROM outbox WHERE state NOT IN ('sent', 'unknown')")
  [ "$open" -eq 0 ] && ok "$what: every message is sent or unknown" || not_ok "$what: every message is sent or unknown" "$open other"
  q "$db" "SELECT idempotency_key FROM outbox WHERE state = 'sent'" | sort >"$tmp/sent"
  sort -u "$file" >"$tmp/delivered"
  lost=$(comm -23 "$tmp/sent" "$tmp/delivered" | wc -l)
  [ "$lost" -eq 0 ] && ok "$what: every sent message was delivered" || not_ok "$what: every sent message was delivered" "$lost not in the file"
  q "$db" "SELECT idempotency_key FROM outbox WHERE state IN ('sent', 'unknown')" | sort >"$tmp/known"
  stray=$(comm -13 "$tmp/known" "$tmp/delivered" | wc -l)
  [ "$stray" -eq 0 ] && ok "$what: every delivery is sent or unknown in the outbox" || not_ok "$what: every delivery is sent or unknown" "$stray stray"
  sent=$(wc -l <"$tmp/sent"); lines=$(wc -l <"$tmp/delivered")
  echo "# $what: $sent sent, $(q "$db" "SELECT count(*) FROM outbox WHERE state = 'unknown'") unknown, $lines delivered"
}

# Crash: 300 messages, the sender killed at random moments, restarted.
db="$tmp/crash.db"
if ! "$sender" fill "$db" 300 >/dev/null; then echo "Bail out! could not queue 300 messages"; exit 1; fi
ok "300 messages queued"
: >"$tmp/crash.out"
rounds=0
while [ "$rounds" -lt 200 ]; do
  rounds=$((rounds + 1))
  OD_SENDER_BATCH=$((RANDOM % 5 + 1)) "$sender" send "$db" "$tmp/crash.out" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%02d' $((RANDOM % 12 + 2)))"
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  else
    wait "$pid"
    left=$(q "$db" "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')")
    [ "$left" -eq 0 ] && break
  fi
done
"$sender" send "$db" "$tmp/crash.out" >/dev/null
echo "# $rounds rounds"
[ "$rounds" -gt 3 ] && ok "the sender was killed mid-batch ($rounds rounds)" || not_ok "the sender was killed mid-batch" "only $rounds rounds"
check "$db" "$tmp/crash.out" "crash"

# Concurrency: two senders at once over one ledger, several times.
db="$tmp/two.db"
"$sender" fill "$db" 300 >/dev/null
: >"$tmp/two.out"
"$sender" send "$db" "$tmp/two.out" >"$tmp/a" 2>&1 &
a=$!
"$sender" send "$db" "$tmp/two.out" >"$tmp/b" 2>&1 &
b=$!
wait "$a"; ra=$?
wait "$b"; rb=$?
[ "$ra" -eq 0 ] && [ "$rb" -eq 0 ] && ok "both senders finished" || not_ok "both senders finished" "$ra $rb" "$(cat "$tmp/a" "$tmp/b")"
both=$(( $(head -1 "$tmp/a") + $(head -1 "$tmp/b") ))
[ "$both" -eq 300 ] && ok "together they sent 300 ($(head -1 "$tmp/a") + $(head -1 "$tmp/b"))" || not_ok "together they sent 300" "$both"
[ "$(head -1 "$tmp/a")" -gt 0 ] && [ "$(head -1 "$tmp/b")" -gt 0 ] && ok "both took part" || not_ok "both took part" "$(cat "$tmp/a" "$tmp/b")"
check "$db" "$tmp/two.out" "two senders"
[ "$(q "$db" "SELECT count(*) FROM outbox WHERE state = 'unknown'")" -eq 0 ] && ok "two live senders leave nothing unknown" || not_ok "two live senders leave nothing unknown"

echo "1..$n"
[ "$failed" -eq 0 ]

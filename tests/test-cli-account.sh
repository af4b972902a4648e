#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overdue-cli account against a real gnome-keyring-daemon and a real SMTP
# server on loopback: the password goes into the keyring and nowhere else.
# Runs itself again inside a private D-Bus session whose HOME and XDG
# folders are a temporary folder, exported before the bus starts.
set -u

cli="${OVERDUE_CLI:?set by meson}"
srcdir="${OD_TEST_SRCDIR:?set by meson}"

if [ -z "${OD_ACCOUNT_TEST_TMP:-}" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  export OD_ACCOUNT_TEST_TMP="$tmp"
  export HOME="$tmp/home"
  export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
  export XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$tmp/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  # No display: a keyring that wanted to prompt would wait for ever.
  unset DBUS_SESSION_BUS_ADDRESS SECRET_BACKEND SECRET_FILE_TEST_PATH SECRET_FILE_TEST_PASSWORD
  unset DISPLAY WAYLAND_DISPLAY
  timeout 200 dbus-run-session -- "$0" "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
  exit $?
fi

tmp="$OD_ACCOUNT_TEST_TMP"
n=0
failed=0
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; }
trap cleanup EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
log="$tmp/all-output"
# expect STATUS DESCRIPTION -- COMMAND...: runs it (stdin from $stdin_text),
# keeps its output in $tmp/out, $tmp/err and appends both to $log.
stdin_text=""
expect() {
  local want="$1" what="$2"; shift 3
  printf '%s' "$stdin_text" | "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  cat "$tmp/out" "$tmp/err" >>"$log"
  if [ "$got" -eq "$want" ]; then ok "$what"; else not_ok "$what" "exit $got, wanted $want" "$(cat "$tmp/out" "$tmp/err")"; fi
}
grep_out() {
  if grep -qE -- "$1" "$tmp/out" "$tmp/err"; then ok "$2"; else not_ok "$2" "output was: $(cat "$tmp/out" "$tmp/err")"; fi
}

password='Tr0ub4dor&3 ~ correct horse'
token='sms-token-5f1c9a7e0d3b'
keyring_password='keyring unlock password'

# The keyring: created and unlocked with a password on standard input.
printf '%s' "$keyring_password" >"$tmp/keyring-password"
# The tests' fatal-warnings are for our code, not the daemon's.
# The file is opened here, before the background job starts, so that it
# can be removed at once.
exec 3<"$tmp/keyring-password"
rm -f "$tmp/keyring-password"
env -u G_DEBUG -u MALLOC_CHECK_ gnome-keyring-daemon --foreground --unlock --components=secrets \
  <&3 >"$tmp/keyring.env" 2>"$tmp/keyring.err" &
pids+=($!)
exec 3<&-

# The SMTP server, with a CA made now and trusted through --ca-file.
"$srcdir/smtp-server.py" --make-certs "$tmp/certs" || { echo "Bail out! openssl failed"; exit 1; }
"$srcdir/smtp-server.py" --certs "$tmp/certs" --dir "$tmp/smtp" --port-file "$tmp/port" \
  --user mailer --password "$password" --lifetime 200 &
pids+=($!)
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { echo "Bail out! the SMTP server did not start"; exit 1; }
port="$(cat "$tmp/port")"
# Wait until the keyring answers on the bus.
keyring_up=""
for _ in $(seq 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
       string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    keyring_up=1
    break
  fi
  sleep 0.1
done
[ -n "$keyring_up" ] || { echo "Bail out! gnome-keyring-daemon did not start: $(cat "$tmp/keyring.err")"; exit 1; }

db="$tmp/ledger.db"
expect 0 "init" -- "$cli" --db "$db" init

stdin_text="$password"$'\n'
expect 0 "account smtp set reads the password from standard input" -- \
  "$cli" --db "$db" account smtp set --host 127.0.0.1 --port "$port" --user mailer \
  --from billing@lindqvist-weber.example --ca-file "$tmp/certs/ca.pem"
grep_out "STARTTLS" "set names the connection security"
stdin_text=""
expect 0 "account smtp test connects, verifies and logs in" -- "$cli" --db "$db" account smtp test
grep_out "logged in as mailer" "test says it logged in"
if grep -q "auth PLAIN tls=yes ok" "$tmp/smtp/events" && ! grep -q "tls=no" "$tmp/smtp/events"; then
  ok "the server saw one login, inside TLS"
else
  not_ok "the server saw one login, inside TLS" "$(cat "$tmp/smtp/events")"
fi

settings="$(sqlite3 "$db" "SELECT key || '=' || value FROM settings WHERE key LIKE 'smtp.%' ORDER BY key")"
if grep -q "smtp.host=127.0.0.1" <<<"$settings" && grep -q "smtp.port=$port" <<<"$settings" &&
   grep -q "smtp.ca-file=$tmp/certs/ca.pem" <<<"$settings" && grep -q "smtp.user=mailer" <<<"$settings"; then
  ok "the settings are in the ledger"
else
  not_ok "the settings are in the ledger" "$settings"
fi

stdin_text="wrong password"$'\n'
expect 0 "set with a wrong password" -- \
  "$cli" --db "$db" account smtp set --host 127.0.0.1 --port "$port" --user mailer \
  --from billing@lindqvist-weber.example --ca-file "$tmp/certs/ca.pem"
stdin_text=""
expect 1 "test with a wrong password fails" -- "$cli" --db "$db" account smtp test
grep_out "refused the login of .mailer.*535" "it says the login was refused (535)"
if grep -q "wrong password" "$tmp/err"; then not_ok "the refused password is not shown"; else ok "the refused password is not shown"; fi

stdin_text="$password"
expect 0 "set again, password without a final newline" -- \
  "$cli" --db "$db" account smtp set --host 127.0.0.1 --port "$port" --user mailer \
  --from billing@lindqvist-weber.example --ca-file "$tmp/certs/ca.pem"
stdin_text=""
expect 0 "test succeeds again" -- "$cli" --db "$db" account smtp test

expect 2 "set without --host is a usage error" -- "$cli" --db "$db" account smtp set --user mailer
expect 65 "set without a password on standard input" -- \
  "$cli" --db "$db" account smtp set --host 127.0.0.1 --from billing@lindqvist-weber.example
stdin_text="x"
expect 65 "set with a bad sender address" -- \
  "$cli" --db "$db" account smtp set --host 127.0.0.1 --from "not an address"
grep_out "sender address" "it names the sender address"
expect 65 "set with a CA file that does not exist" -- \
  "$cli" --db "$db" account smtp set --host 127.0.0.1 --from billing@lindqvist-weber.example --ca-file "$tmp/none.pem"
stdin_text=""

# The SMS gateway's token goes the same way.
stdin_text="$token"$'\n'
expect 0 "account sms set" -- "$cli" --db "$db" account sms set --url https://api.gateway.example/2010-04-01 \
  --sid AC0123456789 --from +4915112345678
expect 65 "a URL holding credentials is refused without being echoed" -- \
  "$cli" --db "$db" account sms set --url "https://AC0123456789:$token@api.gateway.example/" --sid AC0123456789
expect 65 "a plain-http gateway elsewhere than on this machine is refused" -- \
  "$cli" --db "$db" account sms set --url http://api.gateway.example/ --sid AC0123456789
expect 65 "a sending number not in E.164" -- \
  "$cli" --db "$db" account sms set --url https://api.gateway.example/ --sid AC0123456789 --from 0151123
stdin_text=""

# With the server gone the test is a temporary failure.
kill "${pids[1]}" 2>/dev/null; wait "${pids[1]}" 2>/dev/null
expect 75 "test with the server gone exits 75" -- "$cli" --db "$db" account smtp test
grep_out "Could not connect" "it says the connection failed"

# The secrets are nowhere but in the keyring (whose file is encrypted).
for secret in "$password" "$token"; do
  leaked=""
  for f in "$db" "$db-wal" "$db-shm" "$log" "$XDG_DATA_HOME/keyrings"/* "$tmp/keyring.env" "$tmp/keyring.err"; do
    [ -f "$f" ] && grep -qaF -- "$secret" "$f" && leaked="$leaked $f"
  done
  if [ -z "$leaked" ]; then ok "the secret appears in no file or output"; else not_ok "the secret appears in no file or output" "found in:$leaked"; fi
done
if ls "$XDG_DATA_HOME/keyrings/"*.keyring >/dev/null 2>&1; then ok "the keyring file exists"; else not_ok "the keyring file exists"; fi

echo "1..$n"
[ "$failed" -eq 0 ]

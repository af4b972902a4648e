#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The real process: the application started on a ledger with an SMTP
# account (the password in libsecret's file backend), its window closed
# over D-Bus the way its close button does; it keeps running and, when a
# reminder comes due a minute or two later, delivers it to a real SMTP
# server on loopback, once; then app.quit ends it. Runs under Xvfb and a
# private D-Bus session (meson test is started in both).
set -u

cli="${OVERDUE_CLI:?set by meson}"
app="${OD_APP:?set by meson}"
app_id="${OD_APP_ID:?set by meson}"
srcdir="${OD_TEST_SRCDIR:?set by meson}"
tmp="$(mktemp -d)"
n=0
failed=0
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
finish() { echo "1..$n"; [ "$failed" -eq 0 ]; exit $?; }

[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "1..0 # SKIP no D-Bus session bus"; exit 0; }
command -v gdbus >/dev/null || { echo "Bail out! gdbus is missing (libglib2.0-bin)"; exit 1; }

password='background pass 91'
export SECRET_BACKEND=file SECRET_FILE_TEST_PATH="$tmp/keyring" SECRET_FILE_TEST_PASSWORD="unlock"
"$srcdir/smtp-server.py" --make-certs "$tmp/certs" || { echo "Bail out! openssl failed"; exit 1; }
"$srcdir/smtp-server.py" --certs "$tmp/certs" --dir "$tmp/mail" --port-file "$tmp/port" \
  --user mailer --password "$password" --lifetime 290 &
pids+=($!)
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { echo "Bail out! the SMTP server did not start"; exit 1; }

# A zone where it is about noon now, a send window that opens in one or
# two minutes, every day of the week, and an invoice due yesterday: its
# first reminder comes due when the window opens.
eval "$(python3 - <<'PY'
import datetime
now = datetime.datetime.now(datetime.timezone.utc)
offset = (12 - now.hour + 12) % 24 - 12            # -12 … 11 hours
local = now + datetime.timedelta(hours=offset)
start = (local + datetime.timedelta(minutes=2)).replace(second=0, microsecond=0)
end = min(start + datetime.timedelta(hours=2), start.replace(hour=20, minute=59))
zone = "Etc/GMT%+d" % -offset if offset else "Etc/GMT"
due = local.date() - datetime.timedelta(days=1)
print("zone=%s start=%s end=%s due=%s issue=%s" % (zone, start.strftime("%H:%M"), end.strftime("%H:%M"),
      due.isoformat(), (due - datetime.timedelta(days=30)).isoformat()))
print("opens_utc=%d" % int((start - datetime.timedelta(hours=offset)).timestamp()))
PY
)"

# The default ledger in a data folder of the test's own, so that the app
# starts as a user starts it: no --db (which would make it non-unique and
# unreachable by its name on the bus).
export XDG_DATA_HOME="$tmp/data"
db="$tmp/data/overdue/ledger.db"
mkdir -p "$tmp/data/overdue"
"$cli" --db "$db" init >/dev/null || { echo "Bail out! init"; exit 1; }
cat >"$tmp/business.ini" <<EOF
[Business]
Name=Background Test GmbH
Address=Teststraße 1\n10115 Berlin
Email=billing@background.example
Currency=EUR
TimeZone=$zone
EOF
"$cli" --db "$db" business import "$tmp/business.ini" >/dev/null || { echo "Bail out! business import"; exit 1; }
"$cli" --db "$db" policy export "$tmp/policy.ini" >/dev/null
python3 - "$tmp/policy.ini" "$start-$end" "$zone" <<'PY'
import sys
path, hours, zone = sys.argv[1:]
out = []
for line in open(path, encoding="utf-8"):
    if line.startswith(("SendDays=", "SendHours=", "TimeZone=", "Holidays=")):
        continue
    out.append(line)
    if line.strip() == "[Policy]":
        out += ["SendDays=Mon;Tue;Wed;Thu;Fri;Sat;Sun\n", "SendHours=%s\n" % hours, "TimeZone=%s\n" % zone]
open(path, "w", encoding="utf-8").writelines(out)
PY
"$cli" --db "$db" policy import "$tmp/policy.ini" >/dev/null || { echo "Bail out! policy import: $(cat "$tmp/policy.ini")"; exit 1; }
printf 'ref,name,email,address,city,postcode,country\nK1,Kundin Eins,kundin@example.org,Weg 2,Berlin,10115,DE\n' >"$tmp/customers.csv"
printf 'number,customer_ref,issue_date,due_date,total,currency\nBG-1,K1,%s,%s,250.00,EUR\n' "$issue" "$due" >"$tmp/invoices.csv"
"$cli" --db "$db" import customers "$tmp/customers.csv" >/dev/null &&
  "$cli" --db "$db" import invoices "$tmp/invoices.csv" >/dev/null || { echo "Bail out! import"; exit 1; }
printf '%s\n' "$password" | "$cli" --db "$db" account smtp set --host 127.0.0.1 --port "$(cat "$tmp/port")" \
  --user mailer --from billing@background.example --ca-file "$tmp/certs/ca.pem" >/dev/null ||
  { echo "Bail out! account smtp set"; exit 1; }

plan_status="$("$cli" --db "$db" plan --json | python3 -c 'import json,sys; print(" ".join(a["step"] + ":" + a["status"] for a in json.load(sys.stdin)))')"
case "$plan_status" in
  *first-reminder:scheduled*) ok "the first reminder is scheduled for the window's opening ($start $zone)" ;;
  *) not_ok "the first reminder is scheduled for the window's opening" "$plan_status" ;;
esac

# The application, as a user starts it. Warnings are not fatal in a real
# process; they are collected and must not be criticals.
object_path="/$(echo "$app_id" | tr . /)"
env -u G_DEBUG "$app" >"$tmp/app.log" 2>&1 &
app_pid=$!
pids+=($app_pid)
window=""
for _ in $(seq 600); do
  if gdbus introspect --session --dest "$app_id" --object-path "$object_path/window/1" >/dev/null 2>&1; then
    window="$object_path/window/1"; break
  fi
  sleep 0.1
done
[ -n "$window" ] && ok "the application shows its window" || not_ok "the application shows its window" "$(cat "$tmp/app.log")"
sleep 2
gdbus call --session --dest "$app_id" --object-path "$window" --method org.gtk.Actions.Activate close '[]' '{}' >/dev/null 2>&1
gone=""
for _ in $(seq 50); do
  gdbus introspect --session --dest "$app_id" --object-path "$window" 2>/dev/null | grep -q org.gtk.Actions || { gone=1; break; }
  sleep 0.1
done
[ -n "$gone" ] && ok "the window is closed" || not_ok "the window is closed"
sleep 2
kill -0 "$app_pid" 2>/dev/null && ok "with the window closed the application keeps running" ||
  not_ok "with the window closed the application keeps running" "$(cat "$tmp/app.log")"

# Nothing before the window opens; the reminder within a minute after.
count() { ls "$tmp/mail" 2>/dev/null | grep -c '\.eml$'; }
[ "$(count)" -eq 0 ] && ok "nothing is sent before it is due" || not_ok "nothing is sent before it is due" "$(ls "$tmp/mail")"
deadline=$((opens_utc + 90))
while [ "$(count)" -eq 0 ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 1; done
arrived="$(date +%s)"
if [ "$(count)" -eq 1 ]; then
  ok "the reminder reached the SMTP server $((arrived - opens_utc)) s after the window opened"
else
  not_ok "the reminder reached the SMTP server once" "$(count) messages" "$(cat "$tmp/app.log")"
fi
[ "$arrived" -ge "$opens_utc" ] && ok "  not before it was due" || not_ok "  not before it was due" "$arrived < $opens_utc"
if python3 - "$tmp/mail" <<'PY'
import email, glob, sys
from email import policy
[path] = glob.glob(sys.argv[1] + "/*.eml")
m = email.message_from_binary_file(open(path, "rb"), policy=policy.default)
assert m["To"].addresses[0].addr_spec == "kundin@example.org", m["To"]
assert "BG-1" in m["Subject"], m["Subject"]
PY
then ok "  to the customer, about BG-1"; else not_ok "  to the customer, about BG-1"; fi
sleep 5
[ "$(count)" -eq 1 ] && ok "  and only once" || not_ok "  and only once" "$(count) messages"

gdbus call --session --dest "$app_id" --object-path "$object_path" --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>&1
quit=""
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || { quit=1; break; }; sleep 0.1; done
[ -n "$quit" ] && ok "app.quit ends it" || not_ok "app.quit ends it"
grep -q CRITICAL "$tmp/app.log" && not_ok "no critical warnings" "$(cat "$tmp/app.log")" || ok "no critical warnings"
finish

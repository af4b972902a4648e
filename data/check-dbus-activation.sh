#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# DBusActivatable: on a private session bus that knows only our service
# file, calling org.freedesktop.Application.Activate starts the app as a
# GApplication service, which opens a window; ActivateAction("quit") ends
# it and its name leaves the bus. Needs a display (the suite runs under
# xvfb-run).
#   check-dbus-activation.sh BINARY APP_ID SCHEMA_DIR
set -u
if [ -z "${INNER:-}" ]; then
  binary="$1" app_id="$2" schemas="$3"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/services" "$tmp/data"
  printf '[D-BUS Service]\nName=%s\nExec=%s --gapplication-service\n' "$app_id" "$binary" \
    >"$tmp/services/$app_id.service"
  cat >"$tmp/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
  # The activated app inherits the bus's environment: a ledger of its own
  # in the temporary folder, settings in memory.
  INNER=1 APP_ID="$app_id" XDG_DATA_HOME="$tmp/data" GSETTINGS_BACKEND=memory \
    GSETTINGS_SCHEMA_DIR="$schemas" GTK_A11Y=none \
    dbus-run-session --config-file="$tmp/bus.conf" -- "$0"
  exit $?
fi

path="/$(echo "$APP_ID" | tr . /)"
fail() { echo "$*" >&2; exit 1; }
has_owner() {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$APP_ID" 2>/dev/null | grep -q true
}

has_owner && fail "$APP_ID is on the bus before anyone asked for it"
out=$(gdbus call --session --timeout 30 --dest "$APP_ID" --object-path "$path" \
      --method org.freedesktop.Application.Activate '{}' 2>&1) ||
  fail "Activate failed: $out"
has_owner || fail "$APP_ID is not on the bus after Activate"

# The window comes once the ledger is open (in a worker thread).
i=0
until gdbus introspect --session --dest "$APP_ID" --object-path "$path/window/1" >/dev/null 2>&1; do
  i=$((i + 1))
  [ $i -lt 100 ] || fail "no window was exported at $path/window/1 after Activate"
  sleep 0.1
done

out=$(gdbus call --session --dest "$APP_ID" --object-path "$path" \
      --method org.freedesktop.Application.ActivateAction quit '[]' '{}' 2>&1) ||
  fail "ActivateAction quit failed: $out"
i=0
while has_owner; do
  i=$((i + 1))
  [ $i -lt 100 ] || fail "$APP_ID is still on the bus after quit"
  sleep 0.1
done
echo "activated, showed a window at $path/window/1, quit"

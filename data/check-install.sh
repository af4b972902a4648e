#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# meson install --destdir into a temporary folder, then check that every
# file is where desktops look for it.
#   check-install.sh BUILDDIR PREFIX APP_ID LINGUAS
set -u
build="$1" prefix="$2" app_id="$3" linguas="$4"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! meson install -C "$build" --no-rebuild --destdir "$tmp" >"$tmp.log" 2>&1; then
  cat "$tmp.log" >&2
  rm -f "$tmp.log"
  echo "meson install failed" >&2
  exit 1
fi
rm -f "$tmp.log"

root="$tmp$prefix"
share="$root/share"
status=0
need() {
  if [ ! -e "$1" ]; then
    echo "not installed: ${1#"$tmp"}" >&2
    status=1
  elif [ -n "${2:-}" ] && [ ! -x "$1" ]; then
    echo "not executable: ${1#"$tmp"}" >&2
    status=1
  fi
}

need "$root/bin/overdue" x
need "$root/bin/overdue-cli" x
need "$share/applications/$app_id.desktop"
need "$share/metainfo/$app_id.metainfo.xml"
need "$share/glib-2.0/schemas/$app_id.gschema.xml"
need "$share/icons/hicolor/scalable/apps/$app_id.svg"
need "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
need "$share/dbus-1/services/$app_id.service"
need "$share/doc/overdue/examples/systemd/overdue-cli-run.service"
need "$share/doc/overdue/examples/systemd/overdue-cli-run.timer"

# The D-Bus service starts the installed binary under the app id's name.
service="$share/dbus-1/services/$app_id.service"
if [ -f "$service" ]; then
  grep -qx "Name=$app_id" "$service" || { echo "$service: Name is not $app_id" >&2; status=1; }
  grep -qx "Exec=$prefix/bin/overdue --gapplication-service" "$service" ||
    { echo "$service: Exec does not start $prefix/bin/overdue as a service" >&2; status=1; }
fi
desktop="$share/applications/$app_id.desktop"
if [ -f "$desktop" ]; then
  grep -qx "Icon=$app_id" "$desktop" || { echo "$desktop: Icon is not $app_id" >&2; status=1; }
  grep -qx "DBusActivatable=true" "$desktop" || { echo "$desktop: not DBusActivatable" >&2; status=1; }
fi

# One catalogue per language in LINGUAS (none while LINGUAS is empty).
for lang in $(sed 's/#.*//' "$linguas"); do
  need "$share/locale/$lang/LC_MESSAGES/overdue.mo"
done

# Nothing stray: every installed file is one of the above, a catalogue, or
# a header/library the project chose to install.
find "$root" -type f | sed "s|^$root/||" | sort >"$tmp/files"
unexpected=$(grep -v -E '^(bin/overdue(-cli)?|share/(applications|metainfo|glib-2\.0/schemas|dbus-1/services|icons/hicolor/(scalable|symbolic)/apps)/[^/]+|share/locale/[^/]+/LC_MESSAGES/overdue\.mo|share/doc/overdue/examples/systemd/overdue-cli-run\.(service|timer))$' "$tmp/files")
if [ -n "$unexpected" ]; then
  echo "installed but not expected:" >&2
  echo "$unexpected" >&2
  status=1
fi
exit $status

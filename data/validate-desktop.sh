#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# desktop-file-validate exits 0 even when it reports errors: fail on any
# output at all, since hints are cheap to fix.
out=$("$1" "$2" 2>&1)
status=$?
if [ -n "$out" ]; then
  echo "$out" >&2
  exit 1
fi
exit $status

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The payment QR code printed on an invoice scans: the PDF is rendered
# to an image with pdftoppm and read back with zbarimg, and the payload
# is the EPC (SEPA credit transfer) text with the business's IBAN, the
# amount due and the invoice number.
set -u

cli="${OVERDUE_CLI:?set by meson}"
srcdir="${OD_TEST_SRCDIR:?set by meson}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

for tool in pdftoppm zbarimg; do
  command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 0; }
done

db="$tmp/qr.db"
"$cli" --db "$db" init >/dev/null || { echo "Bail out! init"; exit 1; }
"$cli" --db "$db" business import "$srcdir/../bench/business.ini" >/dev/null || { echo "Bail out! business"; exit 1; }
printf 'ref,name,email\nC1,Zoë Ångström,zoe@example.com\n' >"$tmp/c.csv"
printf 'number,customer_ref,issue_date,due_date,total,currency\nQR-0042,C1,2026-11-01,2026-11-30,1234.56,EUR\n' >"$tmp/i.csv"
"$cli" --db "$db" import customers "$tmp/c.csv" >/dev/null && "$cli" --db "$db" import invoices "$tmp/i.csv" >/dev/null ||
  { echo "Bail out! import"; exit 1; }

if "$cli" --db "$db" pdf invoice QR-0042 -o "$tmp/inv.pdf" >/dev/null 2>"$tmp/err"; then
  ok "the invoice renders"
else
  not_ok "the invoice renders" "$(cat "$tmp/err")"
fi
pdftoppm -r 200 -png -f 1 -l 1 "$tmp/inv.pdf" "$tmp/page"
if zbarimg -q --raw "$tmp"/page-*.png >"$tmp/payload" 2>"$tmp/err"; then
  ok "one QR code scans"
else
  not_ok "one QR code scans" "$(cat "$tmp/err")"
fi
want="BCD 002 1 SCT COBADEFFXXX Lindqvist & Weber Design DE89370400440532013000 EUR1234.56"
got=$(head -8 "$tmp/payload" | tr '\n' ' ' | sed 's/ *$//')
if [ "$got" = "$want" ]; then ok "the payload names the bank, the payee, the IBAN and the amount"; else
  not_ok "the payload names the bank, the payee, the IBAN and the amount" "got: $got" "want: $want"; fi
if grep -q "QR-0042" "$tmp/payload"; then ok "the reference is the invoice number"; else
  not_ok "the reference is the invoice number" "$(cat "$tmp/payload")"; fi

echo "1..$n"
[ "$failed" -eq 0 ]

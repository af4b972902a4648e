#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overdue-cli pdf and letters on the demo ledger: every document opens in
# qpdf, embeds its fonts, and the letter batch starts each letter on an
# odd page.
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
# check_pdf FILE WHAT: qpdf finds no damage and every font is embedded.
check_pdf() {
  if qpdf --check "$1" >"$tmp/qpdf" 2>&1; then ok "$2: qpdf --check passes"; else not_ok "$2: qpdf --check passes" "$(tail -3 "$tmp/qpdf")"; fi
  pdffonts "$1" >"$tmp/fonts" 2>&1
  # Columns: name type encoding emb sub uni object ID; skip the two header lines.
  local fonts not_embedded
  fonts=$(tail -n +3 "$tmp/fonts" | wc -l)
  not_embedded=$(tail -n +3 "$tmp/fonts" | awk '{ if ($(NF-4) != "yes") print }' | wc -l)
  if [ "$fonts" -gt 0 ] && [ "$not_embedded" -eq 0 ]; then ok "$2: every font embedded"; else not_ok "$2: every font embedded" "$(cat "$tmp/fonts")"; fi
}
text_has() {
  if pdftotext "$1" - 2>/dev/null | grep -qF -- "$2"; then ok "$3"; else not_ok "$3" "no “$2” in $1"; fi
}

db="$tmp/demo.db"
expect 0 "init --demo" -- "$cli" --db "$db" init --demo --today 2026-11-23

number=$(sqlite3 "$db" "SELECT number FROM invoices WHERE status = 'open' ORDER BY due_date LIMIT 1")
ref=$(sqlite3 "$db" "SELECT c.ref FROM customers c JOIN invoices i ON i.customer_id = c.id WHERE i.number = '$number'")
name=$(sqlite3 "$db" "SELECT c.name FROM customers c WHERE c.ref = '$ref'")
# words WORD REF: WORD as a document for customer REF writes it (the
# demo's customers are mostly German, one French).
words() {
  local lang
  lang=$(sqlite3 "$db" "SELECT coalesce(language, '') FROM customers WHERE ref = '$2'")
  case "$1:$lang" in
    invoice:de*) echo "Rechnung" ;; invoice:fr*) echo "Facture" ;; invoice:*) echo "Invoice" ;;
    copy:de*) echo "Kopie" ;; copy:fr*) echo "copie" ;; copy:*) echo "copy" ;;
    page:de*) echo "Seite 1 von" ;; page:fr*) echo "Page 1 sur" ;; page:*) echo "Page 1 of" ;;
    reminder:de*) echo "Zahlungserinnerung" ;; reminder:fr*) echo "Rappel de paiement" ;; reminder:*) echo "Payment reminder" ;;
  esac
}
# Every language's closing, customer number label and copy heading.
closings='Yours sincerely|Mit freundlichen Grüßen|Nous vous prions d’agréer'

expect 0 "pdf invoice" -- "$cli" --db "$db" pdf invoice "$number" -o "$tmp/invoice.pdf"
check_pdf "$tmp/invoice.pdf" "invoice"
text_has "$tmp/invoice.pdf" "$(words invoice "$ref") $number" "the invoice names its number"
text_has "$tmp/invoice.pdf" "$name" "the invoice names the customer"

for kind in reminder final-notice demand; do
  expect 0 "pdf $kind" -- "$cli" --db "$db" pdf "$kind" "$number" -o "$tmp/$kind.pdf" --date 2026-11-23
  check_pdf "$tmp/$kind.pdf" "$kind"
done
text_has "$tmp/demand.pdf" "$(words invoice "$ref") $number ($(words copy "$ref"))" "the demand letter has the invoice attached"
text_has "$tmp/demand.pdf" "$(words page "$ref")" "the demand letter numbers its pages"
# The reminders so far by what the customer saw, not the policy's step
# names: an invoice with a first reminder sent.
chased=$(sqlite3 "$db" "SELECT i.number FROM invoices i JOIN dunning_history h ON h.invoice_id = i.id
                        WHERE i.status = 'open' AND h.status = 'taken' AND h.step = 'first-reminder' ORDER BY i.number LIMIT 1")
expect 0 "pdf demand for a chased invoice" -- "$cli" --db "$db" pdf demand "$chased" -o "$tmp/chased.pdf" --date 2026-11-23
chased_ref=$(sqlite3 "$db" "SELECT c.ref FROM customers c JOIN invoices i ON i.customer_id = c.id WHERE i.number = '$chased'")
text_has "$tmp/chased.pdf" "$(words reminder "$chased_ref")" "the demand letter's history names the reminders"
if pdftotext "$tmp/chased.pdf" - | grep -qE 'first-reminder|pre-due|final-notice'; then
  not_ok "the demand letter shows no step names" "$(pdftotext "$tmp/chased.pdf" - | grep -E 'first-reminder|pre-due|final-notice')"
else ok "the demand letter shows no step names"; fi
# closing_kept FILE WHAT: on every page with the closing, some of the
# letter's text stands above it besides the closing sentence (the running
# header, above 62 pt, left out).
closing_kept() {
  local pages p above bad=""
  pages=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
  for ((p = 1; p <= pages; p++)); do
    pdftotext -f "$p" -l "$p" -x 0 -y 62 -W 700 -H 2000 "$1" "$tmp/page.txt"
    grep -qE "$closings" "$tmp/page.txt" || continue
    above=$(awk -v closing="$closings" '$0 ~ closing { exit } NF && !/If anything about these amounts/ { n++ } END { print n + 0 }' "$tmp/page.txt")
    [ "$above" -ge 1 ] || bad="$bad $p"
  done
  if [ -z "$bad" ]; then ok "$2: the closing keeps the paragraph before it"; else not_ok "$2: the closing keeps the paragraph before it" "alone on page(s)$bad"; fi
}
for kind in reminder final-notice demand chased; do closing_kept "$tmp/$kind.pdf" "$kind"; done

# US Letter: the same letter, on the other paper.
"$cli" --db "$db" business export "$tmp/business.ini" >/dev/null
sed 's/^PaperSize=.*/PaperSize=Letter/' "$tmp/business.ini" >"$tmp/business-us.ini"
cp "$db" "$tmp/us.db"
expect 0 "business import Letter" -- "$cli" --db "$tmp/us.db" business import "$tmp/business-us.ini"
expect 0 "pdf demand on Letter" -- "$cli" --db "$tmp/us.db" pdf demand "$number" -o "$tmp/demand-us.pdf" --date 2026-11-23
if pdfinfo "$tmp/demand-us.pdf" | grep -qE '^Page size: +612 x 792'; then ok "the Letter demand is US Letter"; else not_ok "the Letter demand is US Letter" "$(pdfinfo "$tmp/demand-us.pdf" | grep 'Page size')"; fi
closing_kept "$tmp/demand-us.pdf" "demand on Letter"

expect 0 "pdf statement" -- "$cli" --db "$db" pdf statement "$ref" -o "$tmp/statement.pdf" --date 2026-11-23
check_pdf "$tmp/statement.pdf" "statement"
text_has "$tmp/statement.pdf" "$number" "the statement lists the open invoice"

expect 0 "pdf packet with CSV" -- "$cli" --db "$db" pdf packet "$ref" -o "$tmp/packet.pdf" --csv "$tmp/packet.csv" --date 2026-11-23
check_pdf "$tmp/packet.pdf" "packet"
if grep -q "^open-item,$ref," "$tmp/packet.csv"; then ok "the packet CSV lists the open items"; else not_ok "the packet CSV lists the open items" "$(head -3 "$tmp/packet.csv")"; fi

expect 65 "an unknown invoice is bad input" -- "$cli" --db "$db" pdf invoice NO-SUCH -o "$tmp/none.pdf"
if [ ! -e "$tmp/none.pdf" ] && [ -z "$(ls -A "$tmp" | grep '^\.none')" ]; then ok "a failure leaves no file behind"; else not_ok "a failure leaves no file behind" "$(ls -la "$tmp")"; fi
"$cli" --db "$tmp/bare.db" init >/dev/null 2>&1
expect 65 "letters on a ledger without a business profile is bad input, not a crash" -- "$cli" --db "$tmp/bare.db" letters -o "$tmp/bare.pdf"
[ ! -e "$tmp/bare.pdf" ] && ok "  and writes no file" || not_ok "  and writes no file"
expect 2 "pdf without -o is a usage error" -- "$cli" --db "$db" pdf invoice "$number"
expect 2 "an unknown document is a usage error" -- "$cli" --db "$db" pdf poster "$number" -o "$tmp/x.pdf"

# Customers who asked for post: their steps fall back to letters.
for c in $("$cli" --db "$db" plan --as-of 2026-11-23 --json | python3 -c 'import json, sys; print(" ".join(sorted({a["customer"] for a in json.load(sys.stdin) if a["status"] == "due"})))'); do
  "$cli" --db "$db" customer opt-out "$c" --channel email >/dev/null
done
before=$(sqlite3 "$db" "SELECT count(*) FROM dunning_history")
expect 0 "letters" -- "$cli" --db "$db" letters --as-of 2026-11-23 -o "$tmp/letters.pdf"
check_pdf "$tmp/letters.pdf" "letters"
closing_kept "$tmp/letters.pdf" "letters"
letters=$(grep -oE '^[0-9]+' "$tmp/out")
after=$(sqlite3 "$db" "SELECT count(*) FROM dunning_history")
[ "$before" = "$after" ] && ok "letters only reads" || not_ok "letters only reads" "history $before -> $after"
if [ "${letters:-0}" -ge 2 ]; then ok "several letters are due ($letters)"; else not_ok "several letters are due" "$(cat "$tmp/out")"; fi
# Each letter's first page has the information block ("Customer no."); it
# must be odd.
pages=$(pdfinfo "$tmp/letters.pdf" | awk '/^Pages:/ { print $2 }')
starts=""
bad=0
for ((p = 1; p <= pages; p++)); do
  if pdftotext -f "$p" -l "$p" "$tmp/letters.pdf" - | grep -qE '^(Customer no\.|Kundennr\.|N° client)' &&
     ! pdftotext -f "$p" -l "$p" "$tmp/letters.pdf" - | grep -qE '^(Invoice|Rechnung|Facture) [^ ]+ \((copy|Kopie|copie)\)'; then
    starts="$starts $p"
    [ $((p % 2)) -eq 1 ] || bad=1
  fi
done
count=$(echo $starts | wc -w)
if [ "$bad" -eq 0 ] && [ "$count" -eq "$letters" ]; then ok "each letter starts on an odd page ($starts)"; else not_ok "each letter starts on an odd page" "starts:$starts of $pages pages, $letters letters"; fi

# The packet's contact log comes from the communications: after a run,
# a message sent to the customer is in the PDF and the CSV, one
# "contact" row per logged attempt.
"$cli" --db "$tmp/contact.db" init --demo --today 2026-11-23 >/dev/null 2>&1
"$cli" --db "$tmp/contact.db" run --as-of 2026-11-23 >/dev/null 2>&1
sent_ref=$(sqlite3 "$tmp/contact.db" "SELECT c.ref FROM communications m JOIN customers c ON c.id = m.customer_id
                                      WHERE m.outcome = 'sent' AND m.channel = 'email' AND m.invoice_id IS NOT NULL ORDER BY c.ref LIMIT 1")
sent_number=$(sqlite3 "$tmp/contact.db" "SELECT i.number FROM communications m JOIN customers c ON c.id = m.customer_id
                                         JOIN invoices i ON i.id = m.invoice_id WHERE c.ref = '$sent_ref' AND m.outcome = 'sent' AND m.channel = 'email' LIMIT 1")
logged=$(sqlite3 "$tmp/contact.db" "SELECT count(*) FROM communications m JOIN customers c ON c.id = m.customer_id WHERE c.ref = '$sent_ref'")
[ -n "$sent_ref" ] && [ "$logged" -gt 0 ] && ok "the run logged a message sent to $sent_ref ($logged)" || not_ok "the run logged a sent message"
expect 0 "pdf packet after a run" -- "$cli" --db "$tmp/contact.db" pdf packet "$sent_ref" -o "$tmp/contact.pdf" --csv "$tmp/contact.csv" --date 2026-11-23
check_pdf "$tmp/contact.pdf" "packet with a contact log"
if pdftotext "$tmp/contact.pdf" - | sed -n '/^Contact log$/,$p' | grep -qF "$sent_number" &&
   pdftotext "$tmp/contact.pdf" - | sed -n '/^Contact log$/,$p' | grep -qF "email kept here (demo)"; then
  ok "the packet's contact log lists the message sent for $sent_number"
else
  not_ok "the packet's contact log lists the message sent for $sent_number" "$(pdftotext "$tmp/contact.pdf" - | sed -n '/^Contact log$/,/^$/p' | head -5)"
fi
contacts=$(grep -c "^contact,$sent_ref," "$tmp/contact.csv")
[ "$contacts" -eq "$logged" ] && ok "the packet CSV has one contact row per logged attempt ($contacts)" || not_ok "the packet CSV has one contact row per logged attempt" "$contacts rows, $logged logged"
grep -qE "^contact,$sent_ref,.*,$sent_number,.*,email,sent,outbound," "$tmp/contact.csv" && ok "  with the sent message's invoice, channel and outcome" || not_ok "  with the sent message's invoice, channel and outcome" "$(grep '^contact' "$tmp/contact.csv" | head -3)"
quiet_ref=$(sqlite3 "$tmp/contact.db" "SELECT c.ref FROM customers c JOIN invoices i ON i.customer_id = c.id WHERE i.status = 'open'
                                       AND c.id NOT IN (SELECT customer_id FROM communications) ORDER BY c.ref LIMIT 1")
expect 0 "pdf packet for a customer never contacted" -- "$cli" --db "$tmp/contact.db" pdf packet "$quiet_ref" -o "$tmp/quiet.pdf" --csv "$tmp/quiet.csv" --date 2026-11-23
text_has "$tmp/quiet.pdf" "no contact logged yet" "  its contact log says so"
! grep -q "^contact," "$tmp/quiet.csv" && ok "  and its CSV has no contact rows" || not_ok "  and its CSV has no contact rows"

echo "1..$n"
exit $((failed > 0))

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overdue-cli run against a real SMTP server on loopback (STARTTLS, AUTH,
# a CA made here and trusted through --ca-file), the password in
# libsecret's file backend: the demo ledger's due email reminders go out
# once each, every one parsed with Python's email package (headers, both
# bodies, the PDF); a second run sends nothing. Then, each on a fresh copy
# of the ledger and its own server: 450 to every recipient (failed, to be
# retried; exit 75), 550 (failed for good, the address flagged), and a
# connection dropped after the data (unknown, never sent again).
set -u

cli="${OVERDUE_CLI:?set by meson}"
srcdir="${OD_TEST_SRCDIR:?set by meson}"
tmp="$(mktemp -d)"
n=0
failed=0
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT
[ -n "${OD_KEEP_TMP:-}" ] && echo "# tmp $tmp" && cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
log="$tmp/all-output"
stdin_text=""
expect() {
  local want="$1" what="$2"; shift 3
  printf '%s' "$stdin_text" | "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  cat "$tmp/out" "$tmp/err" >>"$log"
  if [ "$got" -eq "$want" ]; then ok "$what"; else not_ok "$what" "exit $got, wanted $want" "$(cat "$tmp/out" "$tmp/err")"; fi
}
check() { # check DESCRIPTION -- COMMAND...: ok when it succeeds; its output is the diagnosis
  local what="$1"; shift 2
  if "$@" >"$tmp/check" 2>&1; then ok "$what"; else not_ok "$what" "$(cat "$tmp/check")"; fi
}

password='s3cret SMTP pass ~ 7f2e'
from=billing@lindqvist-weber.example
export SECRET_BACKEND=file SECRET_FILE_TEST_PATH="$tmp/keyring" SECRET_FILE_TEST_PASSWORD="keyring unlock password"

"$srcdir/smtp-server.py" --make-certs "$tmp/certs" || { echo "Bail out! openssl failed"; exit 1; }
# start_server NAME [OPTIONS]: a server writing to $tmp/NAME; its port in $tmp/NAME.port
start_server() {
  local name="$1"; shift
  "$srcdir/smtp-server.py" --certs "$tmp/certs" --dir "$tmp/$name" --port-file "$tmp/$name.port" \
    --user mailer --password "$password" --lifetime 250 "$@" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$tmp/$name.port" ] && break; sleep 0.1; done
  [ -s "$tmp/$name.port" ] || { echo "Bail out! the SMTP server $name did not start"; exit 1; }
}
start_server good
start_server busy --fail-rcpt 450
start_server refuse --fail-rcpt 550
start_server drop --drop-after-data

db="$tmp/demo.db"
"$cli" --db "$db" init --demo --today 2026-11-23 >/dev/null || { echo "Bail out! init --demo"; exit 1; }
# The demo ledger keeps its made-up customers' mail on the machine until
# demo mode is turned off.
"$cli" --db "$db" account demo | grep -q "Demo mode" || { echo "Bail out! the demo starts in demo mode"; exit 1; }
"$cli" --db "$db" account demo off >/dev/null || { echo "Bail out! account demo off"; exit 1; }
# set_account DB SERVER
set_account() {
  stdin_text="$password"$'\n'
  expect 0 "account smtp set for the $2 server" -- "$cli" --db "$1" account smtp set --host 127.0.0.1 \
    --port "$(cat "$tmp/$2.port")" --user mailer --from "$from" --ca-file "$tmp/certs/ca.pem"
  stdin_text=""
}
set_account "$db" good
for copy in busy refuse drop; do cp "$db" "$tmp/$copy.db"; done

expect 0 "run delivers the due reminders over SMTP" -- "$cli" --db "$db" run --as-of 2026-11-23
sed 's/^/# /' "$tmp/out"
if grep -q demo "$tmp/out"; then not_ok "the summary does not say demo" "$(cat "$tmp/out")"; else ok "the summary does not say demo"; fi
"$cli" --db "$db" outbox --json >"$tmp/outbox.json"
sent=$(python3 -c "import json; print(sum(1 for r in json.load(open('$tmp/outbox.json')) if r['channel'] == 'email' and r['state'] == 'sent' and not r['demo']))")
[ "$sent" -gt 0 ] && ok "outbox lists $sent emails sent" || not_ok "outbox lists emails sent" "$(cat "$tmp/outbox.json")"
grep -qE "^[0-9]+ queued; $sent sent" "$tmp/out" && ok "the summary counts them" || not_ok "the summary counts them" "$(cat "$tmp/out")"

# The PDFs overdue-cli pdf writes, to compare with the attachments.
mkdir -p "$tmp/pdf"
python3 -c "
import json
for r in json.load(open('$tmp/outbox.json')):
    if r['channel'] == 'email' and len(r['invoices']) == 1:
        print(r['invoices'][0])" | while read -r number; do
  "$cli" --db "$db" pdf invoice "$number" -o "$tmp/pdf/$number.pdf" || echo "pdf invoice $number failed" >>"$tmp/pdf-errors"
done
[ ! -s "$tmp/pdf-errors" ] && ok "overdue-cli pdf writes each invoice" || not_ok "overdue-cli pdf writes each invoice" "$(cat "$tmp/pdf-errors")"

check "every message arrived once, as queued: headers, both bodies, the PDF" -- \
  python3 - "$db" "$tmp/outbox.json" "$tmp/good" "$tmp/pdf" "$from" <<'EOF'
import email, email.policy, glob, json, os, re, sqlite3, subprocess, sys
db, outbox, folder, pdfs, sender = sys.argv[1:]
rows = {r['id']: r for r in json.load(open(outbox)) if r['channel'] == 'email' and r['state'] == 'sent'}
payload = {i: json.loads(p) for i, p in sqlite3.connect(db).execute('SELECT id, payload FROM outbox')}
business = sqlite3.connect(db).execute("SELECT name, email FROM business").fetchone()
files = sorted(glob.glob(os.path.join(folder, '*.eml')))
problems = []
def need(cond, what):
    if not cond:
        problems.append(what)
need(len(files) == len(rows), '%d messages arrived, %d rows sent' % (len(files), len(rows)))
by_id = {}
for path in files:
    msg = email.message_from_bytes(open(path, 'rb').read(), policy=email.policy.default)
    mid = msg['Message-ID']
    need(mid not in by_id, 'Message-ID %s twice' % mid)
    by_id[mid] = msg
for row in rows.values():
    msg = by_id.get(row['message_id'])
    if msg is None:
        problems.append('row %d (%s): no message with Message-ID %s' % (row['id'], row['key'], row['message_id']))
        continue
    p = payload[row['id']]
    tag = 'row %d: ' % row['id']
    need(msg['From'].addresses[0].addr_spec == sender, tag + 'From ' + str(msg['From']))
    need(msg['From'].addresses[0].display_name == business[0], tag + 'From name ' + str(msg['From']))
    need(msg['Reply-To'].addresses[0].addr_spec == (business[1] or sender), tag + 'Reply-To ' + str(msg['Reply-To']))
    need(msg['To'].addresses[0].addr_spec == p['to'], tag + 'To %s, wanted %s' % (msg['To'], p['to']))
    need(str(msg['Subject']) == p['subject'], tag + 'Subject %r, wanted %r' % (str(msg['Subject']), p['subject']))
    need(msg.get_content_type() == 'multipart/mixed', tag + msg.get_content_type())
    text = msg.get_body(('plain',))
    html = msg.get_body(('html',))
    need(text is not None and html is not None, tag + 'a body is missing')
    if text is not None:
        need(text.get_content().replace('\r\n', '\n').strip() == p['body'].strip(), tag + 'the text body differs')
    if html is not None:
        want = p.get('html')
        got = html.get_content()
        need(want is not None and got.replace('\r\n', '\n').strip() == want.strip(), tag + 'the HTML body')
    attachments = list(msg.iter_attachments())
    need(len(attachments) == 1, tag + '%d attachments' % len(attachments))
    if not attachments:
        continue
    part = attachments[0]
    data = part.get_content()
    need(part.get_content_type() == 'application/pdf' and data[:4] == b'%PDF', tag + 'the attachment is no PDF')
    if len(row['invoices']) == 1:
        number = row['invoices'][0]
        need(number in part.get_filename(), tag + 'file name ' + str(part.get_filename()))
        mine = open(os.path.join(pdfs, number + '.pdf'), 'rb').read()
        # cairo stamps the creation time into the file: compare the rest.
        strip = lambda b: re.sub(rb'/CreationDate \(D:[^)]*\)', b'', b)
        need(strip(mine) == strip(data), tag + 'the PDF differs from overdue-cli pdf invoice ' + number)
    else:
        text = subprocess.run(['pdftotext', '-', '-'], input=data, capture_output=True).stdout.decode()
        for number in row['invoices']:
            need(number in text, tag + 'the statement does not name ' + number)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF

if grep -q "auth PLAIN tls=yes ok" "$tmp/good/events" && ! grep -q "tls=no" "$tmp/good/events"; then
  ok "the run logged in, inside TLS"
else
  not_ok "the run logged in, inside TLS" "$(cat "$tmp/good/events")"
fi
connects=$(grep -c '^connect' "$tmp/good/events")
[ "$connects" -eq 1 ] && ok "one connection carried every message" || not_ok "one connection carried every message" "$connects connections"

expect 0 "a second run" -- "$cli" --db "$db" run --as-of 2026-11-23
grep -qE "^0 queued; 0 sent" "$tmp/out" && ok "a second run sends nothing" || not_ok "a second run sends nothing" "$(cat "$tmp/out")"
[ "$(ls "$tmp/good"/*.eml | wc -l)" -eq "$sent" ] && ok "the server got nothing more" || not_ok "the server got nothing more"

# 450 to every recipient: failed for now, tried again later; exit 75.
set_account "$tmp/busy.db" busy
expect 75 "a 450 makes run exit 75" -- "$cli" --db "$tmp/busy.db" run --as-of 2026-11-23
"$cli" --db "$tmp/busy.db" outbox --json >"$tmp/busy.json"
check "the rows failed for now, with a next attempt and the server's reply" -- python3 -c "
import json, sys
rows = [r for r in json.load(open('$tmp/busy.json')) if r['channel'] == 'email' and r['state'] != 'awaiting-review']
bad = [r for r in rows if r['state'] != 'failed' or r['permanent'] or not r['next_attempt_at'] or '450' not in (r['error'] or '')]
print(bad); sys.exit(1 if bad or len(rows) != $sent else 0)"
[ -z "$(ls "$tmp/busy"/*.eml 2>/dev/null)" ] && ok "nothing arrived" || not_ok "nothing arrived"

# 550: failed for good, and each customer's address flagged (opted out of email).
set_account "$tmp/refuse.db" refuse
expect 0 "run with 550 from the server" -- "$cli" --db "$tmp/refuse.db" run --as-of 2026-11-23
grep -qE "$sent failed \(0 will be retried\)" "$tmp/out" && ok "the summary says they failed for good" || not_ok "the summary says they failed for good" "$(cat "$tmp/out")"
"$cli" --db "$tmp/refuse.db" outbox --json >"$tmp/refuse.json"
check "the rows failed for good" -- python3 -c "
import json, sys
rows = [r for r in json.load(open('$tmp/refuse.json')) if r['channel'] == 'email' and r['state'] != 'awaiting-review']
bad = [r for r in rows if r['state'] != 'failed' or not r['permanent'] or '550' not in (r['error'] or '')]
print(bad); sys.exit(1 if bad or len(rows) != $sent else 0)"
flagged=$(sqlite3 "$tmp/refuse.db" "SELECT count (DISTINCT customer_id) FROM audit_log WHERE action = 'email-refused'")
customers=$(python3 -c "import json; print(len({r['customer'] for r in json.load(open('$tmp/refuse.json')) if r['channel'] == 'email' and r['state'] == 'failed'}))")
[ "$flagged" -eq "$customers" ] && ok "each refused address is flagged in the audit log ($flagged)" || not_ok "each refused address is flagged" "$flagged of $customers"
"$cli" --db "$tmp/refuse.db" plan --as-of 2026-11-30 --json >"$tmp/refuse-plan.json"
check "the engine no longer plans email for them" -- python3 -c "
import json, sys
refused = {r['customer'] for r in json.load(open('$tmp/refuse.json')) if r['channel'] == 'email' and r['state'] == 'failed'}
bad = [a for a in json.load(open('$tmp/refuse-plan.json')) if a['customer'] in refused and a['channel'] == 'email' and a['status'] in ('due', 'scheduled')]
print(bad); sys.exit(1 if bad else 0)"

# The connection drops after the data: unknown; the next run sends nothing.
set_account "$tmp/drop.db" drop
expect 0 "run with the connection dropped after the data" -- "$cli" --db "$tmp/drop.db" run --as-of 2026-11-23
grep -q "$sent unknown" "$tmp/out" && ok "the summary counts the unknown ones" || not_ok "the summary counts the unknown ones" "$(cat "$tmp/out")"
"$cli" --db "$tmp/drop.db" outbox --json >"$tmp/drop.json"
unknown=$(python3 -c "import json; print(sum(1 for r in json.load(open('$tmp/drop.json')) if r['state'] == 'unknown'))")
[ "$unknown" -eq "$sent" ] && ok "every row is unknown ($unknown)" || not_ok "every row is unknown" "$unknown of $sent" "$(cat "$tmp/drop.json")"
expect 0 "run again" -- "$cli" --db "$tmp/drop.db" run --as-of 2026-11-23
expect 0 "and a third time" -- "$cli" --db "$tmp/drop.db" run --as-of 2026-11-24
"$cli" --db "$tmp/drop.db" outbox --json >"$tmp/drop2.json"
check "the unknown rows stay unknown, each tried once, and none arrived twice" -- python3 - "$tmp/drop.json" "$tmp/drop2.json" "$tmp/drop" <<'EOF'
import email, email.policy, glob, json, os, sys
before, after, folder = sys.argv[1:]
unknown = {r['id'] for r in json.load(open(before)) if r['state'] == 'unknown'}
rows = {r['id']: r for r in json.load(open(after))}
bad = [rows[i] for i in unknown if rows[i]['state'] != 'unknown' or rows[i]['attempts'] != 1]
ids = [email.message_from_bytes(open(f, 'rb').read(), policy=email.policy.default)['Message-ID']
       for f in glob.glob(os.path.join(folder, '*.eml'))]
twice = {i for i in ids if ids.count(i) > 1}
print(bad, twice)
sys.exit(1 if bad or twice else 0)
EOF

# The password is in no ledger, output or server log.
leaked=""
for f in "$tmp"/*.db "$tmp"/*.db-wal "$log" "$tmp"/*/events "$tmp"/*/*.eml "$tmp"/*.json; do
  [ -f "$f" ] && grep -qaF -- "$password" "$f" && leaked="$leaked $f"
done
[ -z "$leaked" ] && ok "the password appears in no file or output" || not_ok "the password appears in no file or output" "found in:$leaked"

echo "1..$n"
[ "$failed" -eq 0 ]

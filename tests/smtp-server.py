#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A real SMTP server on loopback for the tests, on Debian's python3-aiosmtpd
# (hence /usr/bin/python3: the package installs for the system's Python).
# aiosmtpd's own command line can do neither AUTH nor failure injection.
#
#   smtp-server.py --make-certs DIR
#       a test CA and two server certificates signed by it (openssl):
#       ca.pem, server.pem/server.key (localhost, 127.0.0.1, ::1) and
#       wrong.pem/wrong.key (wrong.example only).
#   smtp-server.py --certs DIR --dir OUT --port-file FILE [options]
#       listens on 127.0.0.1 (port 0 = any free one), writes the port to
#       FILE once it listens, every message it accepts to OUT/NNNN.eml,
#       and one line per event to OUT/events: "connect HOST:PORT",
#       "auth MECH tls=yes|no ok|fail", "message NNNN", "drop".
#
# It exits on SIGTERM or SIGINT, and by itself after --lifetime seconds so
# that a test that dies never leaves it behind.
import argparse
import asyncio
import logging
import os
import signal
import ssl
import subprocess
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

OPENSSL_DAYS = "2"


def make_certs(folder):
    os.makedirs(folder, exist_ok=True)

    def run(*args):
        subprocess.run(["openssl", *args], check=True, cwd=folder,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", OPENSSL_DAYS,
        "-subj", "/CN=Overdue Test CA", "-keyout", "ca.key", "-out", "ca.pem",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    for name, san in (("server", "DNS:localhost,IP:127.0.0.1,IP:::1"),
                      ("wrong", "DNS:wrong.example")):
        with open(os.path.join(folder, name + ".ext"), "w") as ext:
            ext.write("subjectAltName=%s\nextendedKeyUsage=serverAuth\n" % san)
        run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name,
            "-keyout", name + ".key", "-out", name + ".csr")
        run("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", OPENSSL_DAYS, "-extfile", name + ".ext",
            "-out", name + ".pem")


class Log:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    def event(self, text):
        with open(os.path.join(self.folder, "events"), "a") as f:
            f.write(text + "\n")

    def message(self, data):
        self.count += 1
        name = "%04d" % self.count
        path = os.path.join(self.folder, name + ".eml")
        with open(path + ".part", "wb") as f:
            f.write(data)
        os.rename(path + ".part", path)
        self.event("message " + name)


class Handler:
    def __init__(self, options, log):
        self.options = options
        self.log = log
        self.rejects = dict(r.rsplit("=", 1) for r in options.reject_rcpt)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.options.fail_mail:
            return "%s Sender refused by the test server" % self.options.fail_mail
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.rejects.get(address) or self.options.fail_rcpt
        if code:
            return "%s Recipient refused by the test server" % code
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.options.fail_data:
            return "%s Message refused by the test server" % self.options.fail_data
        self.log.message(envelope.original_content)
        if self.options.drop_after_data:
            # The message is in, but the client never hears so.
            self.log.event("drop")
            server.transport.abort()
        return "250 2.0.0 Queued"


class Server(SMTP):
    def __init__(self, handler, log, implicit_tls, **kwargs):
        super().__init__(handler, **kwargs)
        self.log = log
        self.implicit_tls = implicit_tls

    def connection_made(self, transport):
        upgrade = self.transport is not None and self._original_transport is not None
        super().connection_made(transport)
        if not upgrade:
            peer = transport.get_extra_info("peername")
            self.log.event("connect %s:%s" % (peer[0], peer[1]))

    async def smtp_AUTH(self, arg):
        self.auth_tls = self.implicit_tls or self._tls_protocol is not None
        self.auth_mechanism = (arg or "").split(" ")[0].upper()
        await super().smtp_AUTH(arg)


def main():
    # aiosmtpd 1.4 logs a warning about its own use of Session.login_data
    # at every login.
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser()
    parser.add_argument("--make-certs")
    parser.add_argument("--certs")
    parser.add_argument("--dir")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--user", default="mailer")
    parser.add_argument("--password", default="correct horse")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (465)")
    parser.add_argument("--no-starttls", action="store_true", help="offer no STARTTLS, but AUTH in clear")
    parser.add_argument("--no-auth", action="store_true", help="offer no AUTH at all")
    parser.add_argument("--wrong-cert", action="store_true", help="a certificate for wrong.example")
    parser.add_argument("--fail-mail", help="answer MAIL FROM with this code")
    parser.add_argument("--fail-rcpt", help="answer every RCPT TO with this code")
    parser.add_argument("--reject-rcpt", action="append", default=[], metavar="ADDRESS=CODE")
    parser.add_argument("--fail-data", help="answer the end of the data with this code")
    parser.add_argument("--drop-after-data", action="store_true")
    parser.add_argument("--lifetime", type=float, default=120)
    options = parser.parse_args()

    if options.make_certs:
        make_certs(options.make_certs)
        return 0

    os.makedirs(options.dir, exist_ok=True)
    log = Log(options.dir)
    name = "wrong" if options.wrong_cert else "server"
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(os.path.join(options.certs, name + ".pem"),
                            os.path.join(options.certs, name + ".key"))

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and
              auth_data.login == options.user.encode() and
              auth_data.password == options.password.encode())
        log.event("auth %s tls=%s %s" % (mechanism, "yes" if server.auth_tls else "no",
                                         "ok" if ok else "fail"))
        return AuthResult(success=ok, handled=False)

    handler = Handler(options, log)
    starttls = not options.implicit_tls and not options.no_starttls

    def factory():
        kwargs = dict(hostname="localhost", timeout=30,
                      auth_require_tls=starttls)
        if options.no_auth:
            kwargs["auth_exclude_mechanism"] = ["LOGIN", "PLAIN"]
        else:
            kwargs["authenticator"] = authenticator
        if starttls:
            kwargs.update(tls_context=context, require_starttls=True)
        return Server(handler, log, options.implicit_tls, **kwargs)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        factory, host="127.0.0.1", port=options.port,
        ssl=context if options.implicit_tls else None))
    port = server.sockets[0].getsockname()[1]
    if options.port_file:
        with open(options.port_file + ".part", "w") as f:
            f.write("%d\n" % port)
        os.rename(options.port_file + ".part", options.port_file)
    else:
        print(port, flush=True)

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)
    loop.call_later(options.lifetime, loop.stop)
    loop.run_forever()
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

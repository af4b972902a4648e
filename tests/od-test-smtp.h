/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-account.h"

G_BEGIN_DECLS

/* A real SMTP server on loopback (tests/smtp-server.py, aiosmtpd) with
 * STARTTLS or implicit TLS, AUTH PLAIN/LOGIN and failure injection. Its
 * certificates come from a test CA made with openssl at run time in a
 * temporary folder, removed when the test program exits. */
#define OD_TEST_SMTP_USER     "mailer"
#define OD_TEST_SMTP_PASSWORD "correct horse"

typedef struct _OdTestSmtp OdTestSmtp;

/* The folder with ca.pem, server.pem and wrong.pem (made once). */
const char    *od_test_smtp_certs          (void);
/* Starts the server with smtp-server.py's options (NULL-terminated) and
 * waits (at most 10 s) until it listens. */
OdTestSmtp    *od_test_smtp_start          (const char  *first_option,
                                            ...);
void           od_test_smtp_free           (OdTestSmtp  *self);
guint16        od_test_smtp_get_port       (OdTestSmtp  *self);
/* An account for this server: 127.0.0.1, its port, TLS or STARTTLS as
 * it was started, the test user, the test CA. */
OdSmtpAccount *od_test_smtp_account        (OdTestSmtp  *self);
/* Lines of its event log that start with @prefix ("connect", "auth",
 * "message", "drop"). */
guint          od_test_smtp_count_events   (OdTestSmtp  *self,
                                            const char  *prefix);
char          *od_test_smtp_read_events    (OdTestSmtp  *self);
/* Paths of the messages it accepted, in order. */
GPtrArray     *od_test_smtp_messages       (OdTestSmtp  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdTestSmtp, od_test_smtp_free)

G_END_DECLS

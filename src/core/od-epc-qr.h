/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

/*
 * The EPC QR code ("GiroCode"): a SEPA credit transfer a banking app
 * reads from the invoice (EPC069-12, version 002). Only for euro amounts.
 * @bic may be NULL (optional within the EEA in version 002); @name is cut
 * to 70 characters and @remittance to 140. Fails (G_IO_ERROR_INVALID_DATA)
 * on a bad IBAN or an amount outside 0.01 .. 999999999.99.
 */
char     *od_epc_qr_payload (const char  *bic,
                             const char  *name,
                             const char  *iban,
                             gint64       amount_cents,
                             const char  *remittance,
                             GError     **error);

/* Draws @payload as a QR code (error correction M, as EPC069-12 asks)
 * into the square at (@x, @y) of side @size, with its quiet zone. */
gboolean  od_epc_qr_draw    (cairo_t     *cr,
                             const char  *payload,
                             double       x,
                             double       y,
                             double       size,
                             GError     **error);

G_END_DECLS

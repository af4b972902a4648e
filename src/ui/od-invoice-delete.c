/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-invoice-delete.h"

static gboolean
count_sent (const OdStoreCommunication *row,
            gpointer                    user_data,
            GError                    **error)
{
  guint *n_sent = user_data;

  if (g_strcmp0 (row->direction, "outbound") == 0 && g_strcmp0 (row->outcome, "failed") != 0)
    (*n_sent)++;
  return TRUE;
}

char *
od_invoice_delete_refusal (OdStore  *store,
                           gint64    invoice_id,
                           char    **out_number,
                           GError  **error)
{
  g_autoptr(OdInvoice) invoice = od_store_get_invoice (store, invoice_id, error);
  g_autoptr(GPtrArray) payments = NULL;
  guint n_sent = 0;

  if (invoice == NULL)
    return NULL;
  *out_number = g_strdup (od_invoice_get_number (invoice));
  if ((payments = od_store_list_payments (store, invoice_id, error)) == NULL ||
      !od_store_foreach_communication (store, 0, invoice_id, count_sent, &n_sent, error))
    return NULL;
  if (payments->len > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Invoice %s has %u payment recorded against it. It is part of "
                                         "your books, so it cannot be deleted; void it instead: it is "
                                         "kept with its payments, but no longer chased.",
                                         "Invoice %s has %u payments recorded against it. It is part of "
                                         "your books, so it cannot be deleted; void it instead: it is "
                                         "kept with its payments, but no longer chased.",
                                         payments->len),
                            od_invoice_get_number (invoice), payments->len);
  if (n_sent > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u message about invoice %s went to the customer. To keep a "
                                         "true record of what they were sent, it cannot be deleted; "
                                         "void it instead: it is kept, but no longer chased.",
                                         "%u messages about invoice %s went to the customer. To keep a "
                                         "true record of what they were sent, it cannot be deleted; "
                                         "void it instead: it is kept, but no longer chased.",
                                         n_sent),
                            n_sent, od_invoice_get_number (invoice));
  return g_strdup ("");
}

static gboolean
set_status (OdStore          *store,
            gint64            invoice_id,
            OdInvoiceStatus   status,
            OdInvoiceStatus  *out_status,
            const char       *audit,
            GError          **error)
{
  g_autoptr(OdInvoice) invoice = NULL;

  if (!od_store_begin (store, error))
    return FALSE;
  if ((invoice = od_store_get_invoice (store, invoice_id, error)) == NULL)
    goto fail;
  if (out_status != NULL)
    *out_status = od_invoice_get_status (invoice);
  od_invoice_set_status (invoice, status);
  if (!od_store_update_invoice (store, invoice, error) ||
      (audit != NULL && !od_store_add_audit (store, 0, invoice_id, audit,
                                             od_invoice_get_number (invoice), error)) ||
      !od_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  od_store_rollback (store);
  return FALSE;
}

gboolean
od_invoice_delete_hide (OdStore          *store,
                        gint64            invoice_id,
                        OdInvoiceStatus  *out_status,
                        GError          **error)
{
  return set_status (store, invoice_id, OD_INVOICE_STATUS_VOID, out_status, NULL, error);
}

gboolean
od_invoice_delete_unhide (OdStore          *store,
                          gint64            invoice_id,
                          OdInvoiceStatus   status,
                          GError          **error)
{
  return set_status (store, invoice_id, status, NULL, NULL, error);
}

gboolean
od_invoice_delete_commit (OdStore  *store,
                          gint64    invoice_id,
                          GError  **error)
{
  g_autoptr(OdInvoice) invoice = NULL;

  if (!od_store_begin (store, error))
    return FALSE;
  if ((invoice = od_store_get_invoice (store, invoice_id, error)) == NULL)
    goto fail;
  /* Undone meanwhile in some other way: the owner wants it. */
  if (od_invoice_get_status (invoice) != OD_INVOICE_STATUS_VOID)
    return od_store_commit (store, error);
  if (!od_store_add_audit (store, od_invoice_get_customer_id (invoice), 0, "invoice-delete",
                           od_invoice_get_number (invoice), error) ||
      !od_store_delete_invoice (store, invoice_id, error) ||
      !od_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  od_store_rollback (store);
  return FALSE;
}

/* The Undo toasts */

struct _OdInvoiceDeletes
{
  OdContext       *context;
  AdwToastOverlay *overlay;
  GPtrArray       *pending;       /* Pending* */
};

typedef struct
{
  OdInvoiceDeletes *deletes;
  AdwToast        *toast;
  gint64           invoice_id;
  OdInvoiceStatus  status;
  gboolean         done;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->toast);
  g_free (pending);
}

typedef struct
{
  gint64          invoice_id;
  OdInvoiceStatus status;
  gboolean        undo;
} DeleteWrite;

/* Runs in a worker thread. */
static void
delete_write_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  DeleteWrite *write = task_data;
  OdStore *store = od_context_get_store (OD_CONTEXT (source_object));
  GError *error = NULL;

  if (write->undo ? od_invoice_delete_unhide (store, write->invoice_id, write->status, &error)
                  : od_invoice_delete_commit (store, write->invoice_id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_delete_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not finish an invoice delete: %s", error->message);
  /* The page may be gone: the context tells whoever is left. */
  od_context_ledger_changed (OD_CONTEXT (source));
}

static void
write_delete (OdInvoiceDeletes *self,
              Pending          *pending,
              gboolean          undo)
{
  g_autoptr(GTask) task = g_task_new (self->context, NULL, on_delete_written, NULL);
  DeleteWrite *write = g_new0 (DeleteWrite, 1);

  write->invoice_id = pending->invoice_id;
  write->status = pending->status;
  write->undo = undo;
  g_task_set_source_tag (task, write_delete);
  g_task_set_task_data (task, write, g_free);
  g_task_run_in_thread (task, delete_write_thread);
}

gboolean
od_invoice_deletes_undo (OdInvoiceDeletes *self,
                         gint64            invoice_id)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (self->pending, i);

      if (pending->invoice_id != invoice_id || pending->done)
        continue;
      pending->done = TRUE;
      write_delete (self, pending, TRUE);
      adw_toast_dismiss (pending->toast);
      return TRUE;
    }
  return FALSE;
}

static void
on_delete_dismissed (AdwToast *toast,
                     Pending  *pending)
{
  OdInvoiceDeletes *self = pending->deletes;

  if (!pending->done)
    {
      pending->done = TRUE;
      write_delete (self, pending, FALSE);
    }
  g_ptr_array_remove (self->pending, pending);
}

OdInvoiceDeletes *
od_invoice_deletes_new (OdContext       *context,
                        AdwToastOverlay *overlay)
{
  OdInvoiceDeletes *self = g_new0 (OdInvoiceDeletes, 1);

  self->context = g_object_ref (context);
  self->overlay = overlay;
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  return self;
}

void
od_invoice_deletes_add (OdInvoiceDeletes *self,
                        gint64            invoice_id,
                        const char       *number,
                        OdInvoiceStatus   status)
{
  Pending *pending = g_new0 (Pending, 1);
  g_autofree char *escaped = g_markup_escape_text (number, -1);

  pending->deletes = self;
  pending->invoice_id = invoice_id;
  pending->status = status;
  /* Translators: %s is an invoice number */
  pending->toast = adw_toast_new_format (_("Invoice %s deleted"), escaped);
  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_priority (pending->toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (pending->toast, "invoices.undo-delete");
  adw_toast_set_action_target_value (pending->toast, g_variant_new_int64 (invoice_id));
  g_signal_connect (pending->toast, "dismissed", G_CALLBACK (on_delete_dismissed), pending);
  g_ptr_array_add (self->pending, pending);
  adw_toast_overlay_add_toast (self->overlay, g_object_ref (pending->toast));
}

/* The window is closing, so Undo is no longer on offer: the deletes
 * still waiting are committed here, on purpose on this thread (a worker
 * might not finish before the process ends; an unfinished one would
 * leave the invoice void, not lost). */
void
od_invoice_deletes_free (OdInvoiceDeletes *self)
{
  while (self->pending->len > 0)
    {
      Pending *pending = g_ptr_array_index (self->pending, 0);
      g_autoptr(GError) error = NULL;

      g_signal_handlers_disconnect_by_data (pending->toast, pending);
      if (!pending->done &&
          !od_invoice_delete_commit (od_context_get_store (self->context), pending->invoice_id, &error))
        g_warning ("Could not delete invoice %" G_GINT64_FORMAT ": %s", pending->invoice_id, error->message);
      g_ptr_array_remove_index (self->pending, 0);
    }
  g_ptr_array_unref (self->pending);
  g_object_unref (self->context);
  g_free (self);
}

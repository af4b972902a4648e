/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Customers page's writes: archive, unarchive, and delete with Undo
 * (refused with a reason, and archiving offered, while invoices refer to
 * the customer). od-customers-page.c keeps the list and the view. */
#include <glib/gi18n.h>

#include "od-customers-page-private.h"

/* Writes: archive, unarchive, delete, each in a worker thread. A delete
 * waits for its toast: the customer is archived at once (hidden from every
 * list and from chasing, and undone by unarchiving: same id, same rows),
 * and deleted for good only when the toast goes away without Undo, or
 * when the page goes away. A crash in between leaves an archived
 * customer, never a lost one. */

typedef enum
{
  WRITE_ARCHIVE,        /* archived and not chased */
  WRITE_UNARCHIVE,      /* back as it was before WRITE_ARCHIVE */
  WRITE_HIDE,           /* archived, for a delete waiting on its toast */
  WRITE_UNHIDE,
  WRITE_DELETE,
} WriteKind;

typedef struct
{
  WriteKind kind;
  gint64    customer_id;
  gboolean  do_not_chase;   /* before WRITE_ARCHIVE, for WRITE_UNARCHIVE */
  char     *name;
} Write;

static void
write_free (Write *write)
{
  g_free (write->name);
  g_free (write);
}

typedef struct
{
  OdCustomersPage *page;
  AdwToast        *toast;
  gint64           customer_id;
  gboolean         undone;
  gboolean         done;
} Pending;

static gboolean
run_write (OdStore  *store,
           Write    *write,
           GError  **error)
{
  g_autoptr(OdCustomer) customer = NULL;
  const char *audit = NULL;

  if (!od_store_begin (store, error))
    return FALSE;
  if ((customer = od_store_get_customer (store, write->customer_id, error)) == NULL)
    goto fail;
  switch (write->kind)
    {
    case WRITE_DELETE:
      /* Unarchived meanwhile (from the archived list): the owner wants it. */
      if (od_customer_get_archived (customer) &&
          !od_store_delete_customer (store, write->customer_id, error))
        goto fail;
      if (!od_store_commit (store, error))
        goto fail;
      return TRUE;

    case WRITE_ARCHIVE:
      od_customer_set_archived (customer, TRUE);
      od_customer_set_do_not_chase (customer, TRUE);
      audit = "archive";
      break;
    case WRITE_UNARCHIVE:
      od_customer_set_archived (customer, FALSE);
      od_customer_set_do_not_chase (customer, write->do_not_chase);
      audit = "unarchive";
      break;
    case WRITE_HIDE:
      od_customer_set_archived (customer, TRUE);
      break;
    case WRITE_UNHIDE:
      od_customer_set_archived (customer, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!od_store_update_customer (store, customer, error) ||
      (audit != NULL && !od_store_add_audit (store, write->customer_id, 0, audit, NULL, error)) ||
      !od_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  od_store_rollback (store);
  return FALSE;
}

/* Runs in a worker thread. */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  OdContext *context = source_object;
  g_autoptr(GError) error = NULL;

  if (!run_write (od_context_get_store (context), task_data, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void on_archive_undo (AdwToast *toast, Write *write);

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OdContext *context = OD_CONTEXT (source);
  Write *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  /* The page may be gone (a delete committed as the window closed). */
  OdCustomersPage *self = user_data != NULL ? OD_CUSTOMERS_PAGE (user_data) : NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Could not change customer %" G_GINT64_FORMAT ": %s",
                 write->customer_id, error->message);
      if (self != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
        }
    }
  else if (self != NULL && write->kind == WRITE_ARCHIVE)
    {
      g_autofree char *escaped = g_markup_escape_text (write->name, -1);
      AdwToast *toast;
      Write *undo = g_new0 (Write, 1);

      /* Translators: %s is the customer's name */
      toast = adw_toast_new_format (_("%s archived"), escaped);
      adw_toast_set_button_label (toast, _("_Undo"));
      undo->kind = WRITE_UNARCHIVE;
      undo->customer_id = write->customer_id;
      undo->do_not_chase = write->do_not_chase;
      g_object_set_data (G_OBJECT (toast), "od-page", self);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_archive_undo),
                             undo, (GClosureNotify) write_free, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  od_context_ledger_changed (context);
  if (self != NULL)
    g_object_unref (self);
}

static void
start_write (OdCustomersPage *self,
             OdContext       *context,
             Write           *write)
{
  g_autoptr(GTask) task = NULL;
  Write *copy = g_memdup2 (write, sizeof *write);

  copy->name = g_strdup (write->name);
  task = g_task_new (context, NULL, on_written, self != NULL ? g_object_ref (self) : NULL);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, copy, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_thread);
}

static void
on_archive_undo (AdwToast *toast,
                 Write    *write)
{
  OdCustomersPage *self = g_object_get_data (G_OBJECT (toast), "od-page");

  if (self != NULL)
    start_write (self, self->context, write);
}

/* The toast's Undo button (customers.undo-delete, the customer's id). */
void
_od_customers_page_undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (self->pending, i);
      Write write = { WRITE_UNHIDE, id, FALSE, NULL };

      if (pending->customer_id != id || pending->done)
        continue;
      pending->undone = TRUE;
      pending->done = TRUE;
      start_write (self, self->context, &write);
      adw_toast_dismiss (pending->toast);
      return;
    }
}

static void
on_delete_dismissed (AdwToast *toast,
                     Pending  *pending)
{
  Write write = { WRITE_DELETE, pending->customer_id, FALSE, NULL };
  OdCustomersPage *self = pending->page;

  if (!pending->done)
    {
      pending->done = TRUE;
      start_write (self, self->context, &write);
    }
  g_ptr_array_remove (self->pending, pending);
}

static void
offer_undo_delete (OdCustomersPage *self,
                   gint64           customer_id)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->page = self;
  pending->customer_id = customer_id;
  pending->toast = adw_toast_new (_("Customer deleted"));
  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_priority (pending->toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (pending->toast, "customers.undo-delete");
  adw_toast_set_action_target_value (pending->toast, g_variant_new_int64 (customer_id));
  g_signal_connect (pending->toast, "dismissed", G_CALLBACK (on_delete_dismissed), pending);
  g_ptr_array_add (self->pending, pending);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (pending->toast));
}

/* Delete: first how many invoices refer to the customer, in a thread. */

typedef struct
{
  gint64  customer_id;
  char   *name;
  gboolean do_not_chase;
  gint64  n_invoices;
} DeleteCheck;

static void
delete_check_free (DeleteCheck *check)
{
  g_free (check->name);
  g_free (check);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  OdCustomersPage *self = source_object;
  DeleteCheck *check = task_data;
  OdInvoiceQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  Write hide = { WRITE_HIDE, check->customer_id, FALSE, NULL };

  query.filter = OD_INVOICE_FILTER_ALL;
  query.customer_id = check->customer_id;
  check->n_invoices = od_store_count_invoices (od_context_get_store (self->context), &query, &error);
  if (check->n_invoices < 0 ||
      (check->n_invoices == 0 && !run_write (od_context_get_store (self->context), &hide, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_refusal_response (AdwMessageDialog *dialog,
                     const char       *response,
                     OdCustomersPage  *self)
{
  DeleteCheck *check = g_object_get_data (G_OBJECT (dialog), "od-check");
  Write write = { WRITE_ARCHIVE, check->customer_id, check->do_not_chase, check->name };

  if (g_strcmp0 (response, "archive") == 0)
    start_write (self, self->context, &write);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (source);
  DeleteCheck *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  DeleteCheck *copy;
  GtkRoot *root;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_cancellable_is_cancelled (self->cancellable))
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
        }
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (check->n_invoices == 0)
    {
      _od_customers_page_show_customer (self, NULL);
      offer_undo_delete (self, check->customer_id);
      od_context_ledger_changed (self->context);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       NULL, NULL));
  adw_message_dialog_set_heading (dialog, _("Customer Has Invoices"));
  /* Translators: the customer's name, then how many invoices refer to it */
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s has %d invoice, so it cannot be deleted. Archive it "
                                               "instead to hide it from lists and stop chasing; its "
                                               "invoice stays in the ledger and the reports.",
                                               "%s has %d invoices, so it cannot be deleted. Archive it "
                                               "instead to hide it from lists and stop chasing; its "
                                               "invoices stay in the ledger and the reports.",
                                               (gulong) check->n_invoices),
                                  check->name, (int) MIN (check->n_invoices, G_MAXINT));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "archive", _("_Archive"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "archive", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "archive");
  adw_message_dialog_set_close_response (dialog, "cancel");
  copy = g_memdup2 (check, sizeof *check);
  copy->name = g_strdup (check->name);
  g_object_set_data_full (G_OBJECT (dialog), "od-check", copy, (GDestroyNotify) delete_check_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_refusal_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_od_customers_page_delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (widget);
  OdCustomer *customer = od_customer_view_get_customer (self->view);
  g_autoptr(GTask) task = NULL;
  DeleteCheck *check;

  if (customer == NULL)
    return;
  check = g_new0 (DeleteCheck, 1);
  check->customer_id = od_customer_get_id (customer);
  check->name = g_strdup (od_customer_get_name (customer));
  check->do_not_chase = od_customer_get_do_not_chase (customer);
  task = g_task_new (self, NULL, on_counted, NULL);
  g_task_set_source_tag (task, _od_customers_page_delete_activated);
  g_task_set_task_data (task, check, (GDestroyNotify) delete_check_free);
  g_task_run_in_thread (task, count_thread);
}

void
_od_customers_page_unarchive_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (widget);
  OdCustomer *customer = od_customer_view_get_customer (self->view);
  Write write = { WRITE_UNHIDE, 0, FALSE, NULL };

  /* Do-not-chase stays as archiving left it: the owner turns it off. */
  if (customer == NULL)
    return;
  write.customer_id = od_customer_get_id (customer);
  start_write (self, self->context, &write);
}

void
_od_customers_page_pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->toast);
  g_free (pending);
}

/* Deletes still waiting on their toast, committed as the page goes. */
void
_od_customers_page_commit_pending (OdCustomersPage *self)
{
  /* Deletes still waiting on their toast are committed now: the window is
   * closing, so Undo is no longer on offer. One small write, on purpose on
   * this thread: a worker might not finish before the process ends (an
   * unfinished one would leave the customer archived, not lost). */
  while (self->pending->len > 0)
    {
      Pending *pending = g_ptr_array_index (self->pending, 0);
      Write write = { WRITE_DELETE, pending->customer_id, FALSE, NULL };
      g_autoptr(GError) error = NULL;

      g_signal_handlers_disconnect_by_data (pending->toast, pending);
      if (!pending->done && !run_write (od_context_get_store (self->context), &write, &error))
        g_warning ("Could not delete customer %" G_GINT64_FORMAT ": %s",
                   pending->customer_id, error->message);
      g_ptr_array_remove_index (self->pending, 0);
    }
}

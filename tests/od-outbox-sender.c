/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sender for the crash and concurrency tests: "fill DB N" enqueues N
 * messages (one customer and invoice each); "send DB FILE" delivers what
 * is due through a deliverer that "sends" by appending the row's key to
 * FILE with fsync, slowly enough to be killed halfway through a batch. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "od-outbox.h"
#include "od-test-util.h"

#define OD_TYPE_FILE_DELIVERER (od_file_deliverer_get_type ())
G_DECLARE_FINAL_TYPE (OdFileDeliverer, od_file_deliverer, OD, FILE_DELIVERER, GObject)

struct _OdFileDeliverer
{
  GObject  parent_instance;
  int      fd;
};

static void od_file_deliverer_deliverer_init (OdDelivererInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OdFileDeliverer, od_file_deliverer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (OD_TYPE_DELIVERER,
                                                      od_file_deliverer_deliverer_init))

static void
od_file_deliverer_deliver (OdDeliverer  *deliverer,
                           OdOutboxRow  *row,
                           OdDelivery   *delivery,
                           GCancellable *cancellable)
{
  OdFileDeliverer *self = OD_FILE_DELIVERER (deliverer);
  g_autofree char *line = g_strdup_printf ("%s\n", row->idempotency_key);

  g_usleep (2000);
  if (write (self->fd, line, strlen (line)) != (ssize_t) strlen (line) || fsync (self->fd) != 0)
    {
      delivery->outcome = OD_DELIVERY_UNKNOWN;
      delivery->detail = g_strdup ("write failed");
      return;
    }
  g_usleep (2000);
  delivery->outcome = OD_DELIVERY_SENT;
}

static void
od_file_deliverer_deliverer_init (OdDelivererInterface *iface)
{
  iface->deliver = od_file_deliverer_deliver;
}

static void
od_file_deliverer_class_init (OdFileDelivererClass *klass)
{
}

static void
od_file_deliverer_init (OdFileDeliverer *self)
{
  self->fd = -1;
}

static int
fill (OdStore *store,
      guint    n)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) od_outbox_entry_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  guint added = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ref = g_strdup_printf ("C%04u", i);
      g_autofree char *number = g_strdup_printf ("INV-%04u", i);
      g_autoptr(OdCustomer) customer = od_test_add_customer (store, ref, ref);
      g_autoptr(OdInvoice) invoice = od_test_add_invoice (store, customer, number, "2026-01-01",
                                                          "2026-01-31", 1000, "EUR");
      OdOutboxEntry *entry = od_outbox_entry_new (od_customer_get_id (customer), OD_CHANNEL_EMAIL,
                                                  OD_OUTBOX_STATE_QUEUED);

      g_ptr_array_add (entry->items, od_outbox_item_new (od_invoice_get_id (invoice),
                                                         "reminder", 0, now));
      entry->payload = g_strdup ("{}");
      g_ptr_array_add (entries, entry);
    }
  if (!od_store_outbox_enqueue (store, entries, NULL, now, &added, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%u\n", added);
  return added == n ? 0 : 1;
}

static int
send (OdStore    *store,
      const char *file)
{
  g_autoptr(OdOutbox) outbox = od_outbox_new (store);
  g_autoptr(OdFileDeliverer) deliverer = g_object_new (OD_TYPE_FILE_DELIVERER, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  OdOutboxRunStats stats;

  deliverer->fd = open (file, O_WRONLY | O_APPEND | O_CREAT, 0600);
  if (deliverer->fd < 0)
    return 1;
  od_outbox_set_deliverer (outbox, OD_CHANNEL_EMAIL, OD_DELIVERER (deliverer));
  if (g_getenv ("OD_SENDER_BATCH") != NULL)
    od_outbox_set_batch_size (outbox, (guint) atoi (g_getenv ("OD_SENDER_BATCH")));
  if (!od_outbox_deliver_due (outbox, now, &stats, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      close (deliverer->fd);
      return g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_BUSY) ? 75 : 1;
    }
  close (deliverer->fd);
  g_print ("%u\n", stats.sent);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 4)
    return 2;
  store = od_sqlite_store_new (argv[2], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (strcmp (argv[1], "fill") == 0)
    return fill (OD_STORE (store), (guint) atoi (argv[3]));
  return send (OD_STORE (store), argv[3]);
}

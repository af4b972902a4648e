/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's readers: a long read (a report over the whole ledger) in
 * one thread does not make a short read in another wait; a read nested
 * inside a read in the same thread reuses its connection; more long
 * reads than connections wait their turn and all finish. */
#include "od-test-util.h"

#define WAIT_US (5 * G_USEC_PER_SEC)

static const OdCustomerQuery all_customers = { 0 };

typedef struct
{
  OdStore  *store;
  GMutex    lock;
  GCond     cond;
  gboolean  inside;
  gboolean  release;
  gint64    nested_count;
  guint     holders_inside;
  guint     finished;
} Shared;

static gboolean
hold_inside (OdCustomer  *customer,
             gpointer     user_data,
             GError     **error)
{
  Shared *s = user_data;
  gint64 end = g_get_monotonic_time () + WAIT_US;

  g_mutex_lock (&s->lock);
  if (!s->inside)
    {
      /* A read nested in this thread's read must not wait for itself. */
      g_mutex_unlock (&s->lock);
      s->nested_count = od_store_count_customers (s->store, &all_customers, NULL);
      g_mutex_lock (&s->lock);
      s->inside = TRUE;
    }
  s->holders_inside++;
  g_cond_broadcast (&s->cond);
  while (!s->release && g_cond_wait_until (&s->cond, &s->lock, end))
    ;
  g_mutex_unlock (&s->lock);
  return TRUE;
}

static gpointer
long_read (gpointer user_data)
{
  Shared *s = user_data;

  g_assert_true (od_store_foreach_customer (s->store, hold_inside, s, NULL));
  g_mutex_lock (&s->lock);
  s->finished++;
  g_cond_broadcast (&s->cond);
  g_mutex_unlock (&s->lock);
  return NULL;
}

static gpointer
short_read (gpointer user_data)
{
  Shared *s = user_data;
  gint64 n = od_store_count_customers (s->store, &all_customers, NULL);

  g_mutex_lock (&s->lock);
  s->finished += n == 2 ? 100 : 1000;
  g_cond_broadcast (&s->cond);
  g_mutex_unlock (&s->lock);
  return NULL;
}

static void
wait_for (Shared   *s,
          guint    *counter,
          guint     value)
{
  gint64 end = g_get_monotonic_time () + WAIT_US;

  g_mutex_lock (&s->lock);
  while (*counter < value && g_cond_wait_until (&s->cond, &s->lock, end))
    ;
  g_mutex_unlock (&s->lock);
}

static void
test_parallel (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autoptr(OdCustomer) a = NULL;
  g_autoptr(OdCustomer) b = NULL;
  Shared s = { .store = OD_STORE (store) };
  GThread *holder, *reader;
  guint finished;

  g_mutex_init (&s.lock);
  g_cond_init (&s.cond);
  a = od_test_add_customer (OD_STORE (store), "A", "Alpha");
  b = od_test_add_customer (OD_STORE (store), "B", "Beta");

  holder = g_thread_new ("long-read", long_read, &s);
  wait_for (&s, &s.holders_inside, 1);
  g_assert_true (s.inside);
  g_assert_cmpint (s.nested_count, ==, 2);

  /* The long read is still inside: a short one in another thread ends. */
  reader = g_thread_new ("short-read", short_read, &s);
  wait_for (&s, &s.finished, 100);
  g_mutex_lock (&s.lock);
  finished = s.finished;
  s.release = TRUE;
  g_cond_broadcast (&s.cond);
  g_mutex_unlock (&s.lock);
  g_thread_join (reader);
  g_thread_join (holder);
  g_assert_cmpuint (finished, ==, 100);

  g_mutex_clear (&s.lock);
  g_cond_clear (&s.cond);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

static void
test_more_reads_than_readers (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autoptr(OdCustomer) a = NULL;
  Shared s = { .store = OD_STORE (store), .inside = TRUE };
  GThread *threads[6];

  g_mutex_init (&s.lock);
  g_cond_init (&s.cond);
  a = od_test_add_customer (OD_STORE (store), "A", "Alpha");

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("long-read", long_read, &s);
  /* Some hold a connection, the others wait for one; none has ended. */
  wait_for (&s, &s.holders_inside, 2);
  g_usleep (G_USEC_PER_SEC / 10);
  g_mutex_lock (&s.lock);
  g_assert_cmpuint (s.holders_inside, <, G_N_ELEMENTS (threads));
  g_assert_cmpuint (s.finished, ==, 0);
  s.release = TRUE;
  g_cond_broadcast (&s.cond);
  g_mutex_unlock (&s.lock);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (s.finished, ==, G_N_ELEMENTS (threads));
  g_assert_cmpuint (s.holders_inside, ==, G_N_ELEMENTS (threads));

  g_mutex_clear (&s.lock);
  g_cond_clear (&s.cond);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/od/store-readers/parallel", test_parallel);
  g_test_add_func ("/od/store-readers/more-reads-than-readers", test_more_reads_than_readers);
  return g_test_run ();
}

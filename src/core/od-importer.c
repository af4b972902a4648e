/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n-lib.h>

#include "od-importer.h"
#include "od-csv-reader.h"
#include "od-date.h"
#include "od-money.h"
#include "od-store.h"

#define MAX_PROBLEMS        1000
#define MAX_COLUMNS         10
#define PROGRESS_INTERVAL   (G_USEC_PER_SEC / 10)
#define CHECK_EVERY         1024
#define DEFAULT_CURRENCY    "EUR"

typedef struct
{
  const char *name;
  gboolean    required;
} ColumnSpec;

enum { CU_REF, CU_NAME, CU_EMAIL, CU_PHONE, CU_ADDRESS, CU_CITY, CU_POSTCODE,
       CU_COUNTRY, CU_LANGUAGE, CU_CREDIT_LIMIT };
static const ColumnSpec customer_columns[] = {
  { "ref", TRUE }, { "name", TRUE }, { "email", FALSE }, { "phone", FALSE },
  { "address", FALSE }, { "city", FALSE }, { "postcode", FALSE },
  { "country", FALSE }, { "language", FALSE }, { "credit_limit", FALSE },
};

enum { IN_NUMBER, IN_CUSTOMER_REF, IN_ISSUE_DATE, IN_DUE_DATE, IN_TOTAL,
       IN_CURRENCY };
static const ColumnSpec invoice_columns[] = {
  { "number", TRUE }, { "customer_ref", TRUE }, { "issue_date", TRUE },
  { "due_date", TRUE }, { "total", TRUE }, { "currency", FALSE },
};

/* "currency" is not part of a payment: it is checked against the
 * invoice's, so that an export imports back. */
enum { PA_INVOICE_NUMBER, PA_DATE, PA_AMOUNT, PA_METHOD, PA_REFERENCE,
       PA_CURRENCY };
static const ColumnSpec payment_columns[] = {
  { "invoice_number", TRUE }, { "date", TRUE }, { "amount", TRUE },
  { "method", FALSE }, { "reference", FALSE }, { "currency", FALSE },
};

/* What a payment needs to know about its invoice. */
typedef struct
{
  gint64 id;          /* 0: no such invoice */
  gint64 outstanding;
  char   currency[4];
} InvoiceFacts;

/* The state of one run, kept apart from the object so that a worker
 * thread owns it entirely. */
typedef struct
{
  OdImporter        *self;
  OdStore           *store;
  GCancellable      *cancellable;
  const ColumnSpec  *spec;
  guint              n_spec;
  int                index[MAX_COLUMNS];  /* field of each column, or -1 */
  const char        *values[MAX_COLUMNS];
  GPtrArray         *header;              /* names as written, trimmed */
  guint              line;
  char               default_currency[4];
  GStringChunk      *keys;
  GHashTable        *seen;                /* ref/number -> first line */
  GHashTable        *customers;           /* ref -> gint64 id, 0 = none */
  GHashTable        *invoices;            /* number -> InvoiceFacts */
  OdInvoice         *invoice;             /* reused for every row */
  OdPayment         *payment;
  guint              imported;
  gboolean           row_failed;
} Run;

struct _OdImporter
{
  GObject        parent_instance;

  OdStore       *store;
  OdImportKind   kind;
  char          *file_name;
  GPtrArray     *problems;
  guint          n_problems;
  guint          imported;
  double         progress;

  GMainContext  *notify_context;  /* set while run_async works */
  gboolean       running;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_FILE_NAME,
  PROP_PROGRESS,
  PROP_IMPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OdImporter, od_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (od-import-error-quark, od_import_error)

static void
problem_free (OdImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

/* Progress and results reach the object on the context that owns it. */

typedef struct
{
  OdImporter *self;
  double      progress;
} ProgressUpdate;

static void
set_progress (OdImporter *self,
              double      progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_imported (OdImporter *self,
              guint       imported)
{
  if (self->imported == imported)
    return;
  self->imported = imported;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED]);
}

static gboolean
progress_update_cb (gpointer data)
{
  ProgressUpdate *update = data;

  set_progress (update->self, update->progress);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->self);
  g_free (update);
}

static void
report_progress (Run     *run,
                 double   progress)
{
  OdImporter *self = run->self;
  ProgressUpdate *update;

  if (self->notify_context == NULL)
    {
      set_progress (self, progress);
      return;
    }

  update = g_new (ProgressUpdate, 1);
  update->self = g_object_ref (self);
  update->progress = progress;
  g_main_context_invoke_full (self->notify_context, G_PRIORITY_DEFAULT,
                              progress_update_cb, update, progress_update_free);
}

/* Problems */

static void add_problem (Run        *run,
                         int         column,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Run        *run,
             int         column,
             const char *format,
             ...)
{
  OdImporter *self = run->self;
  OdImportProblem *problem;
  va_list args;

  run->row_failed = TRUE;
  self->n_problems++;
  if (self->problems->len >= MAX_PROBLEMS)
    return;

  problem = g_new0 (OdImportProblem, 1);
  problem->line = run->line;
  if (column >= 0 && run->index[column] >= 0)
    problem->column = g_strdup (g_ptr_array_index (run->header, run->index[column]));
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, problem);
}

/* Turns an object's validation error into a problem with the row; any
 * other error is the store failing, which ends the import. */
static gboolean
row_error (Run     *run,
           int      column,
           GError  *error,
           GError **fatal)
{
  if (error->domain == OD_VALIDATION_ERROR)
    {
      add_problem (run, column, "%s", error->message);
      g_error_free (error);
      return TRUE;
    }

  g_propagate_error (fatal, error);
  return FALSE;
}

/* Field parsing; each reports its own problem and returns FALSE. */

static gboolean
parse_date (Run    *run,
            int     column,
            GDate  *out)
{
  if (od_date_parse_iso (run->values[column], out, NULL))
    return TRUE;

  add_problem (run, column, _("“%s” is not a date (YYYY-MM-DD)"),
               run->values[column]);
  return FALSE;
}

static gboolean
parse_amount (Run     *run,
              int      column,
              guint    digits,
              gint64  *out)
{
  const char *text = run->values[column];
  g_autoptr(GError) error = NULL;

  if (!od_amount_parse (text, digits, out, &error))
    {
      if (g_error_matches (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE) &&
          strspn (text, "+-0123456789.") != strlen (text))
        add_problem (run, column,
                     _("“%s” is not an amount: write digits with a dot for decimals, such as 120.50"),
                     text);
      else
        add_problem (run, column, "%s", error->message);
      return FALSE;
    }

  if (*out < 0)
    {
      add_problem (run, column, _("“%s” is negative; amounts must be zero or more"),
                   text);
      return FALSE;
    }

  return TRUE;
}

/* Remembers @key with its line; a problem if the file had it before. */
static gboolean
check_unique (Run        *run,
              int         column,
              const char *what)
{
  const char *key = run->values[column];
  gpointer first;

  if (g_hash_table_lookup_extended (run->seen, key, NULL, &first))
    {
      add_problem (run, column, _("the %s “%s” already appears on line %u"),
                   what, key, GPOINTER_TO_UINT (first));
      return FALSE;
    }

  g_hash_table_insert (run->seen, g_string_chunk_insert (run->keys, key),
                       GUINT_TO_POINTER (run->line));
  return TRUE;
}

/* Undoes the apostrophe an export puts before a cell that a spreadsheet
 * would take for a formula ("'+49 30 1234567"), so that an export
 * imports back unchanged. */
static const char *
unneutralise (const char *value)
{
  if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@\t\r", value[1]) != NULL)
    return value + 1;
  return value;
}

static const char *
value_or_null (Run *run,
               int  column)
{
  return run->values[column][0] != '\0' ? run->values[column] : NULL;
}

/* Rows */

static gboolean
import_customer (Run     *run,
                 GError **error)
{
  g_autoptr(OdCustomer) customer = NULL;
  GError *local_error = NULL;
  const char *email = value_or_null (run, CU_EMAIL);
  const char *phone = value_or_null (run, CU_PHONE);
  const char *currency = run->default_currency;
  gint64 limit = 0;

  if (!check_unique (run, CU_REF, _("reference")))
    return TRUE;

  if (email != NULL && !od_email_is_valid (email))
    {
      add_problem (run, CU_EMAIL, _("“%s” is not an email address"), email);
      return TRUE;
    }
  if (phone != NULL && !od_phone_is_valid (phone))
    {
      add_problem (run, CU_PHONE,
                   _("“%s” is not a phone number: use digits, spaces and + - ( ) /"),
                   phone);
      return TRUE;
    }
  if (value_or_null (run, CU_CREDIT_LIMIT) != NULL &&
      !parse_amount (run, CU_CREDIT_LIMIT, od_currency_minor_digits (currency), &limit))
    return TRUE;

  customer = od_customer_new ();
  od_customer_set_ref (customer, run->values[CU_REF]);
  od_customer_set_name (customer, run->values[CU_NAME]);
  od_customer_set_address (customer, value_or_null (run, CU_ADDRESS));
  od_customer_set_city (customer, value_or_null (run, CU_CITY));
  od_customer_set_postcode (customer, value_or_null (run, CU_POSTCODE));
  od_customer_set_country (customer, value_or_null (run, CU_COUNTRY));
  od_customer_set_language (customer, value_or_null (run, CU_LANGUAGE));
  od_customer_set_credit_limit (customer, limit);
  od_customer_set_credit_currency (customer, currency);
  if (email != NULL || phone != NULL)
    {
      g_autoptr(OdContact) contact = od_contact_new ();

      od_contact_set_role (contact, OD_CONTACT_ROLE_BILLING);
      od_contact_set_email (contact, email);
      od_contact_set_phone (contact, phone);
      od_customer_add_contact (customer, contact);
    }

  if (od_store_insert_customer (run->store, customer, &local_error))
    {
      run->imported++;
      return TRUE;
    }
  if (g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE))
    {
      add_problem (run, CU_REF, _("a customer with the reference “%s” is already in the ledger"),
                   run->values[CU_REF]);
      g_error_free (local_error);
      return TRUE;
    }

  return row_error (run, -1, local_error, error);
}

static gint64
lookup_customer (Run         *run,
                 const char  *ref,
                 GError     **error)
{
  g_autoptr(OdCustomer) customer = NULL;
  gint64 *id = g_hash_table_lookup (run->customers, ref);

  if (id != NULL)
    return *id;

  customer = od_store_find_customer (run->store, ref, error);
  if (customer == NULL && error != NULL && *error != NULL)
    return -1;

  id = g_new (gint64, 1);
  *id = customer != NULL ? od_customer_get_id (customer) : 0;
  g_hash_table_insert (run->customers, g_strdup (ref), id);
  return *id;
}

static gboolean
import_invoice (Run     *run,
                GError **error)
{
  OdInvoice *invoice = run->invoice;
  GError *local_error = NULL;
  const char *currency = run->values[IN_CURRENCY];
  GDate issue, due;
  gint64 customer_id;
  gint64 total;

  if (!check_unique (run, IN_NUMBER, _("invoice number")))
    return TRUE;

  customer_id = lookup_customer (run, run->values[IN_CUSTOMER_REF], error);
  if (customer_id < 0)
    return FALSE;
  if (customer_id == 0)
    {
      add_problem (run, IN_CUSTOMER_REF,
                   _("no customer has the reference “%s”; import the customers first"),
                   run->values[IN_CUSTOMER_REF]);
      return TRUE;
    }

  if (!parse_date (run, IN_ISSUE_DATE, &issue) ||
      !parse_date (run, IN_DUE_DATE, &due))
    return TRUE;
  if (g_date_compare (&due, &issue) < 0)
    {
      add_problem (run, IN_DUE_DATE, _("the due date %s is before the issue date %s"),
                   run->values[IN_DUE_DATE], run->values[IN_ISSUE_DATE]);
      return TRUE;
    }

  if (currency[0] == '\0')
    currency = run->default_currency;
  else if (!od_currency_is_valid (currency))
    {
      add_problem (run, IN_CURRENCY,
                   _("“%s” is not a currency: use a three-letter ISO 4217 code such as EUR"),
                   currency);
      return TRUE;
    }

  if (!parse_amount (run, IN_TOTAL, od_currency_minor_digits (currency), &total))
    return TRUE;

  od_invoice_set_id (invoice, 0);
  od_invoice_set_number (invoice, run->values[IN_NUMBER]);
  od_invoice_set_customer_id (invoice, customer_id);
  od_invoice_set_issue_date (invoice, &issue);
  od_invoice_set_due_date (invoice, &due);
  od_invoice_set_currency (invoice, currency);
  od_invoice_set_total (invoice, total);

  if (od_store_insert_invoice (run->store, invoice, &local_error))
    {
      run->imported++;
      return TRUE;
    }
  if (g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE))
    {
      add_problem (run, IN_NUMBER, _("the invoice number “%s” is already in the ledger"),
                   run->values[IN_NUMBER]);
      g_error_free (local_error);
      return TRUE;
    }

  return row_error (run, -1, local_error, error);
}

static InvoiceFacts *
lookup_invoice (Run         *run,
                const char  *number,
                GError     **error)
{
  g_autoptr(OdInvoice) invoice = NULL;
  InvoiceFacts *facts = g_hash_table_lookup (run->invoices, number);

  if (facts != NULL)
    return facts;

  invoice = od_store_find_invoice (run->store, number, error);
  if (invoice == NULL && error != NULL && *error != NULL)
    return NULL;

  facts = g_new0 (InvoiceFacts, 1);
  if (invoice != NULL)
    {
      facts->id = od_invoice_get_id (invoice);
      facts->outstanding = od_invoice_get_outstanding (invoice);
      g_strlcpy (facts->currency, od_invoice_get_currency (invoice), sizeof facts->currency);
    }
  g_hash_table_insert (run->invoices, g_strdup (number), facts);
  return facts;
}

static gboolean
import_payment (Run     *run,
                GError **error)
{
  OdPayment *payment = run->payment;
  GError *local_error = NULL;
  const char *number = run->values[PA_INVOICE_NUMBER];
  const char *currency = run->values[PA_CURRENCY];
  InvoiceFacts *facts;
  GDate date;
  gint64 amount;
  guint digits;

  facts = lookup_invoice (run, number, error);
  if (facts == NULL)
    return FALSE;
  if (facts->id == 0)
    {
      add_problem (run, PA_INVOICE_NUMBER, _("no invoice has the number “%s”"), number);
      return TRUE;
    }

  if (!parse_date (run, PA_DATE, &date))
    return TRUE;

  if (currency[0] != '\0' && g_ascii_strcasecmp (currency, facts->currency) != 0)
    {
      add_problem (run, PA_CURRENCY, _("the payment is in %s but invoice “%s” is in %s"),
                   currency, number, facts->currency);
      return TRUE;
    }

  digits = od_currency_minor_digits (facts->currency);
  if (!parse_amount (run, PA_AMOUNT, digits, &amount))
    return TRUE;
  if (amount == 0)
    {
      add_problem (run, PA_AMOUNT, _("a payment must be more than zero"));
      return TRUE;
    }
  if (amount > facts->outstanding)
    {
      g_autofree char *paid = od_amount_to_string (amount, digits);
      g_autofree char *owed = od_amount_to_string (MAX (facts->outstanding, 0), digits);

      add_problem (run, PA_AMOUNT, _("payment %s exceeds the %s still owed on invoice %s"),
                   paid, owed, number);
      return TRUE;
    }

  od_payment_set_id (payment, 0);
  od_payment_set_invoice_id (payment, facts->id);
  od_payment_set_invoice_number (payment, number);
  od_payment_set_date (payment, &date);
  od_payment_set_amount (payment, amount);
  od_payment_set_currency (payment, facts->currency);
  od_payment_set_method (payment, value_or_null (run, PA_METHOD));
  od_payment_set_reference (payment, value_or_null (run, PA_REFERENCE));

  if (od_store_insert_payment (run->store, payment, &local_error))
    {
      facts->outstanding -= amount;
      run->imported++;
      return TRUE;
    }

  return row_error (run, -1, local_error, error);
}

/* Header */

static gboolean
read_header (Run           *run,
             OdCsvReader   *reader,
             GError       **error)
{
  OdImporter *self = run->self;
  GPtrArray *fields;
  guint line;

  if (!od_csv_reader_next (reader, &fields, &line, run->cancellable, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_EMPTY,
                     _("%s: the file is empty; its first line must name the columns"),
                     self->file_name != NULL ? self->file_name : "CSV");
      return FALSE;
    }

  for (guint i = 0; i < run->n_spec; i++)
    run->index[i] = -1;

  for (guint i = 0; i < fields->len; i++)
    {
      char *name = g_strstrip ((char *) fields->pdata[i]);

      g_ptr_array_add (run->header, g_strdup (name));
      for (guint j = 0; j < run->n_spec; j++)
        {
          if (g_ascii_strcasecmp (name, run->spec[j].name) != 0)
            continue;
          if (run->index[j] >= 0)
            {
              g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_INVALID,
                           _("%s: the column “%s” appears twice; remove one of them"),
                           self->file_name != NULL ? self->file_name : "CSV",
                           run->spec[j].name);
              return FALSE;
            }
          run->index[j] = i;
        }
    }

  for (guint j = 0; j < run->n_spec; j++)
    {
      if (run->spec[j].required && run->index[j] < 0)
        {
          if (self->file_name != NULL)
            g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_MISSING_COLUMN,
                         _("%s: the required column “%s” is missing"),
                         self->file_name, run->spec[j].name);
          else
            g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_MISSING_COLUMN,
                         _("The required column “%s” is missing"),
                         run->spec[j].name);
          return FALSE;
        }
    }

  return TRUE;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->header, g_ptr_array_unref);
  g_clear_pointer (&run->seen, g_hash_table_unref);
  g_clear_pointer (&run->customers, g_hash_table_unref);
  g_clear_pointer (&run->invoices, g_hash_table_unref);
  g_clear_pointer (&run->keys, g_string_chunk_free);
  g_clear_object (&run->invoice);
  g_clear_object (&run->payment);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gboolean
set_default_currency (Run     *run,
                      GError **error)
{
  g_autoptr(OdBusiness) business = NULL;
  GError *local_error = NULL;
  const char *currency = NULL;

  business = od_store_get_business (run->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (business != NULL)
    currency = od_business_get_currency (business);
  if (!od_currency_is_valid (currency))
    currency = DEFAULT_CURRENCY;
  g_strlcpy (run->default_currency, currency, sizeof run->default_currency);

  return TRUE;
}

/* Reads every row inside the open transaction; FALSE on a fatal error. */
static gboolean
import_rows (Run          *run,
             OdCsvReader  *reader,
             goffset       size,
             GError      **error)
{
  OdImporter *self = run->self;
  gint64 last_report = g_get_monotonic_time ();
  GPtrArray *fields;
  guint n = 0;

  while (od_csv_reader_next (reader, &fields, &run->line, run->cancellable, error))
    {
      gboolean ok;

      if (++n % CHECK_EVERY == 0)
        {
          gint64 now = g_get_monotonic_time ();

          if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
            return FALSE;
          if (size > 0 && now - last_report >= PROGRESS_INTERVAL)
            {
              last_report = now;
              report_progress (run, MIN (0.99, od_csv_reader_get_offset (reader) / (double) size));
            }
        }

      run->row_failed = FALSE;
      if (fields->len != run->header->len)
        {
          add_problem (run, -1,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "expected %u field, found %u",
                                    "expected %u fields, found %u",
                                    run->header->len),
                       run->header->len, fields->len);
          continue;
        }

      for (guint i = 0; i < run->n_spec; i++)
        {
          run->values[i] = run->index[i] >= 0
                           ? unneutralise (g_strstrip ((char *) fields->pdata[run->index[i]]))
                           : "";
          if (run->spec[i].required && run->values[i][0] == '\0')
            {
              add_problem (run, i, _("a value is required"));
              break;
            }
        }
      if (run->row_failed)
        continue;

      switch (self->kind)
        {
        case OD_IMPORT_KIND_CUSTOMERS:
          ok = import_customer (run, error);
          break;
        case OD_IMPORT_KIND_INVOICES:
          ok = import_invoice (run, error);
          break;
        case OD_IMPORT_KIND_PAYMENTS:
        default:
          ok = import_payment (run, error);
          break;
        }
      if (!ok)
        return FALSE;
    }

  return error == NULL || *error == NULL;
}

static gboolean
run_import (OdImporter    *self,
            GInputStream  *stream,
            goffset        size,
            GCancellable  *cancellable,
            guint         *imported,
            GError       **error)
{
  g_auto(Run) run = { 0, };
  g_autoptr(OdCsvReader) reader = od_csv_reader_new (stream);
  g_autoptr(GError) local_error = NULL;

  run.self = self;
  run.store = self->store;
  run.cancellable = cancellable;
  run.header = g_ptr_array_new_with_free_func (g_free);
  run.keys = g_string_chunk_new (64 * 1024);
  run.seen = g_hash_table_new (g_str_hash, g_str_equal);
  run.customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.invoices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.invoice = od_invoice_new ();
  run.payment = od_payment_new ();

  switch (self->kind)
    {
    case OD_IMPORT_KIND_CUSTOMERS:
      run.spec = customer_columns;
      run.n_spec = G_N_ELEMENTS (customer_columns);
      break;
    case OD_IMPORT_KIND_INVOICES:
      run.spec = invoice_columns;
      run.n_spec = G_N_ELEMENTS (invoice_columns);
      break;
    case OD_IMPORT_KIND_PAYMENTS:
    default:
      run.spec = payment_columns;
      run.n_spec = G_N_ELEMENTS (payment_columns);
      break;
    }

  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  *imported = 0;

  if (!read_header (&run, reader, &local_error) ||
      !set_default_currency (&run, &local_error) ||
      !od_store_begin (self->store, &local_error))
    goto fail;

  if (!import_rows (&run, reader, size, &local_error))
    {
      od_store_rollback (self->store);
      goto fail;
    }

  if (self->n_problems > 0)
    {
      od_store_rollback (self->store);
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row was rejected; nothing was imported",
                                "%u rows were rejected; nothing was imported",
                                self->n_problems),
                   self->n_problems);
      return FALSE;
    }

  if (!od_store_commit (self->store, error))
    return FALSE;

  *imported = run.imported;
  return TRUE;

fail:
  if (self->file_name != NULL && local_error->domain == OD_CSV_ERROR)
    g_prefix_error (&local_error, "%s: ", self->file_name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* GObject */

static void
od_importer_finalize (GObject *object)
{
  OdImporter *self = OD_IMPORTER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->notify_context, g_main_context_unref);

  G_OBJECT_CLASS (od_importer_parent_class)->finalize (object);
}

static void
od_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OdImporter *self = OD_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_IMPORTED:
      g_value_set_uint (value, self->imported);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_importer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OdImporter *self = OD_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_FILE_NAME:
      od_importer_set_file_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_importer_class_init (OdImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_importer_finalize;
  object_class->get_property = od_importer_get_property;
  object_class->set_property = od_importer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* An OdImportKind. */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       OD_IMPORT_KIND_CUSTOMERS, OD_IMPORT_KIND_PAYMENTS,
                       OD_IMPORT_KIND_CUSTOMERS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IMPORTED] =
    g_param_spec_uint ("imported", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE |
                       G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_importer_init (OdImporter *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

/* Public API */

OdImporter *
od_importer_new (OdStore      *store,
                 OdImportKind  kind)
{
  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= OD_IMPORT_KIND_PAYMENTS, NULL);

  return g_object_new (OD_TYPE_IMPORTER, "store", store, "kind", (guint) kind, NULL);
}

const char *
od_importer_get_file_name (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), NULL);

  return self->file_name;
}

void
od_importer_set_file_name (OdImporter *self,
                           const char *file_name)
{
  g_return_if_fail (OD_IS_IMPORTER (self));

  if (g_strcmp0 (self->file_name, file_name) == 0)
    return;
  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

gboolean
od_importer_run (OdImporter    *self,
                 GInputStream  *stream,
                 goffset        size,
                 GCancellable  *cancellable,
                 GError       **error)
{
  guint imported = 0;
  gboolean ok;

  g_return_val_if_fail (OD_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!self->running, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->running = TRUE;
  set_progress (self, 0.0);
  ok = run_import (self, stream, size, cancellable, &imported, error);
  set_imported (self, imported);
  if (ok)
    set_progress (self, 1.0);
  self->running = FALSE;

  return ok;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  OdImporter *self = source_object;
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  GError *error = NULL;
  guint imported = 0;
  goffset size = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL ||
      !run_import (self, G_INPUT_STREAM (stream), size, cancellable, &imported, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, imported);
}

void
od_importer_run_async (OdImporter          *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_importer_run_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  if (self->file_name == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      od_importer_set_file_name (self, name);
    }

  self->running = TRUE;
  g_clear_pointer (&self->notify_context, g_main_context_unref);
  self->notify_context = g_main_context_ref_thread_default ();
  set_progress (self, 0.0);

  g_task_run_in_thread (task, run_thread);
}

gboolean
od_importer_run_finish (OdImporter    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  GError *local_error = NULL;
  gssize imported;

  g_return_val_if_fail (OD_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->running = FALSE;
  g_clear_pointer (&self->notify_context, g_main_context_unref);

  imported = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      set_imported (self, 0);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  set_imported (self, imported);
  set_progress (self, 1.0);
  return TRUE;
}

GPtrArray *
od_importer_get_problems (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), NULL);

  return self->problems;
}

guint
od_importer_get_n_problems (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), 0);

  return self->n_problems;
}

guint
od_importer_get_imported (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), 0);

  return self->imported;
}

double
od_importer_get_progress (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), 0.0);

  return self->progress;
}

gboolean
od_import_kind_from_string (const char   *text,
                            OdImportKind *out)
{
  static const char * const names[] = { "customers", "invoices", "payments" };

  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          *out = (OdImportKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

char *
od_import_problem_to_string (const OdImportProblem *problem,
                             const char            *file_name)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (problem != NULL, NULL);

  if (file_name != NULL)
    g_string_append_printf (out, "%s:%u: ", file_name, problem->line);
  else
    g_string_append_printf (out, _("line %u: "), problem->line);
  if (problem->column != NULL)
    g_string_append_printf (out, _("column “%s”: "), problem->column);
  g_string_append (out, problem->message);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

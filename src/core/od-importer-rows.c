/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n-lib.h>

#include "od-importer-private.h"
#include "od-date.h"
#include "od-money.h"

/* Checking and writing the rows of an import, one kind at a time. */

#define MAX_PROBLEMS 1000

enum { CU_REF, CU_NAME, CU_EMAIL, CU_PHONE, CU_ADDRESS, CU_CITY, CU_POSTCODE,
       CU_COUNTRY, CU_LANGUAGE, CU_CREDIT_LIMIT };
static const OdImportColumn customer_columns[] = {
  { "ref", TRUE }, { "name", TRUE }, { "email", FALSE }, { "phone", FALSE },
  { "address", FALSE }, { "city", FALSE }, { "postcode", FALSE },
  { "country", FALSE }, { "language", FALSE }, { "credit_limit", FALSE },
};

/* "status" only carries "void" over from an export: whether an invoice is
 * paid follows from its payments, which are imported apart. */
enum { IN_NUMBER, IN_CUSTOMER_REF, IN_ISSUE_DATE, IN_DUE_DATE, IN_TOTAL,
       IN_CURRENCY, IN_STATUS };
static const OdImportColumn invoice_columns[] = {
  { "number", TRUE }, { "customer_ref", TRUE }, { "issue_date", TRUE },
  { "due_date", TRUE }, { "total", TRUE }, { "currency", FALSE },
  { "status", FALSE },
};

/* "currency" is not part of a payment: it is checked against the
 * invoice's, so that an export imports back. */
enum { PA_INVOICE_NUMBER, PA_DATE, PA_AMOUNT, PA_METHOD, PA_REFERENCE,
       PA_CURRENCY };
static const OdImportColumn payment_columns[] = {
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

static void add_problem (OdImportRun *run,
                         int          column,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (OdImportRun *run,
             int          column,
             const char  *format,
             ...)
{
  OdImportProblem *problem;
  va_list args;

  run->row_failed = TRUE;
  run->n_problems++;
  if (run->problems->len >= MAX_PROBLEMS)
    return;

  problem = g_new0 (OdImportProblem, 1);
  problem->line = run->line;
  if (column >= 0 && run->index[column] >= 0)
    problem->column = g_strdup (g_ptr_array_index (run->header, run->index[column]));
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (run->problems, problem);
}

/* Turns an object's validation error into a problem with the row; any
 * other error is the store failing, which ends the import. */
static gboolean
row_error (OdImportRun  *run,
           int           column,
           GError       *error,
           GError      **fatal)
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
parse_date (OdImportRun *run,
            int          column,
            GDate       *out)
{
  if (od_date_parse_iso (run->values[column], out, NULL))
    return TRUE;

  add_problem (run, column, _("“%s” is not a date (YYYY-MM-DD)"),
               run->values[column]);
  return FALSE;
}

static gboolean
parse_amount (OdImportRun *run,
              int          column,
              guint        digits,
              gint64      *out)
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
check_unique (OdImportRun *run,
              int          column,
              const char  *what)
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
value_or_null (OdImportRun *run,
               int          column)
{
  return run->values[column][0] != '\0' ? run->values[column] : NULL;
}

/* Rows */

static gboolean
import_customer (OdImportRun  *run,
                 GError      **error)
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
lookup_customer (OdImportRun  *run,
                 const char   *ref,
                 GError      **error)
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
import_invoice (OdImportRun  *run,
                GError      **error)
{
  OdInvoice *invoice = run->invoice;
  GError *local_error = NULL;
  const char *currency = run->values[IN_CURRENCY];
  OdInvoiceStatus status = OD_INVOICE_STATUS_OPEN;
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

  if (run->values[IN_STATUS][0] != '\0' &&
      !od_invoice_status_from_string (run->values[IN_STATUS], &status))
    {
      add_problem (run, IN_STATUS, _("“%s” is not a status: use open, paid or void"),
                   run->values[IN_STATUS]);
      return TRUE;
    }
  if (status != OD_INVOICE_STATUS_VOID)
    status = OD_INVOICE_STATUS_OPEN;

  od_invoice_set_id (invoice, 0);
  od_invoice_set_number (invoice, run->values[IN_NUMBER]);
  od_invoice_set_customer_id (invoice, customer_id);
  od_invoice_set_issue_date (invoice, &issue);
  od_invoice_set_due_date (invoice, &due);
  od_invoice_set_currency (invoice, currency);
  od_invoice_set_total (invoice, total);
  od_invoice_set_status (invoice, status);

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
lookup_invoice (OdImportRun  *run,
                const char   *number,
                GError      **error)
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
import_payment (OdImportRun  *run,
                GError      **error)
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

gboolean
_od_import_run_read_header (OdImportRun   *run,
                            OdCsvReader   *reader,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char *file_name = run->file_name != NULL ? run->file_name : "CSV";
  GPtrArray *fields;
  guint line;

  if (!od_csv_reader_next (reader, &fields, &line, cancellable, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_EMPTY,
                     _("%s: the file is empty; its first line must name the columns"),
                     file_name);
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
                           file_name,
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
          if (run->file_name != NULL)
            g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_MISSING_COLUMN,
                         _("%s: the required column “%s” is missing"),
                         run->file_name, run->spec[j].name);
          else
            g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_MISSING_COLUMN,
                         _("The required column “%s” is missing"),
                         run->spec[j].name);
          return FALSE;
        }
    }

  return TRUE;
}

void
_od_import_run_init (OdImportRun  *run,
                     OdStore      *store,
                     OdImportKind  kind,
                     const char   *file_name,
                     GPtrArray    *problems)
{
  *run = (OdImportRun) {
    .store = store,
    .kind = kind,
    .file_name = file_name,
    .problems = problems,
  };
  run->header = g_ptr_array_new_with_free_func (g_free);
  run->keys = g_string_chunk_new (64 * 1024);
  run->seen = g_hash_table_new (g_str_hash, g_str_equal);
  run->customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->invoices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->invoice = od_invoice_new ();
  run->payment = od_payment_new ();

  switch (kind)
    {
    case OD_IMPORT_KIND_CUSTOMERS:
      run->spec = customer_columns;
      run->n_spec = G_N_ELEMENTS (customer_columns);
      break;
    case OD_IMPORT_KIND_INVOICES:
      run->spec = invoice_columns;
      run->n_spec = G_N_ELEMENTS (invoice_columns);
      break;
    case OD_IMPORT_KIND_PAYMENTS:
    default:
      run->spec = payment_columns;
      run->n_spec = G_N_ELEMENTS (payment_columns);
      break;
    }
}

void
_od_import_run_clear (OdImportRun *run)
{
  g_clear_pointer (&run->header, g_ptr_array_unref);
  g_clear_pointer (&run->seen, g_hash_table_unref);
  g_clear_pointer (&run->customers, g_hash_table_unref);
  g_clear_pointer (&run->invoices, g_hash_table_unref);
  g_clear_pointer (&run->keys, g_string_chunk_free);
  g_clear_object (&run->invoice);
  g_clear_object (&run->payment);
}

gboolean
_od_import_run_row (OdImportRun  *run,
                    GPtrArray    *fields,
                    GError      **error)
{
  run->row_failed = FALSE;
  if (fields->len != run->header->len)
    {
      add_problem (run, -1,
                   g_dngettext (GETTEXT_PACKAGE,
                                "expected %u field, found %u",
                                "expected %u fields, found %u",
                                run->header->len),
                   run->header->len, fields->len);
      return TRUE;
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
    return TRUE;

  switch (run->kind)
    {
    case OD_IMPORT_KIND_CUSTOMERS:
      return import_customer (run, error);
    case OD_IMPORT_KIND_INVOICES:
      return import_invoice (run, error);
    case OD_IMPORT_KIND_PAYMENTS:
    default:
      return import_payment (run, error);
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-language-format.h"
#include "od-money.h"
#include "od-pdf-private.h"

typedef struct
{
  const char *code;
  const char *name;
} Country;

/* Postal practice: the destination country in English capitals on the
 * last line of an address abroad. */
static const Country countries[] = {
  { "AT", "AUSTRIA" }, { "BE", "BELGIUM" }, { "CA", "CANADA" },
  { "CH", "SWITZERLAND" }, { "CN", "CHINA" }, { "CZ", "CZECHIA" },
  { "DE", "GERMANY" }, { "DK", "DENMARK" }, { "ES", "SPAIN" },
  { "FI", "FINLAND" }, { "FR", "FRANCE" }, { "GB", "UNITED KINGDOM" },
  { "IE", "IRELAND" }, { "IT", "ITALY" }, { "JP", "JAPAN" },
  { "LU", "LUXEMBOURG" }, { "NL", "NETHERLANDS" }, { "NO", "NORWAY" },
  { "PL", "POLAND" }, { "PT", "PORTUGAL" }, { "SE", "SWEDEN" },
  { "US", "UNITED STATES" },
};

static const char * const months[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static const char * const short_months[] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

/* The business's own country, from its locale ("de_DE.UTF-8"). */
static char *
business_country (OdBusiness *business)
{
  const char *locale = od_business_get_locale (business);
  const char *underscore = locale != NULL ? strchr (locale, '_') : NULL;

  if (underscore == NULL || strlen (underscore) < 3)
    return NULL;
  return g_ascii_strup (underscore + 1, 2);
}

/* Each takes the document's language (od_pdf_doc_get_language()):
 * NULL is the user's own, through gettext, as before documents spoke
 * their reader's language. */
char *
_od_pdf_amount (const char *language,
                gint64      minor,
                const char *currency)
{
  OdMoney money = od_money_init (minor, currency);
  g_autofree char *text = NULL;
  const char *space;

  if (language != NULL)
    return od_language_format_amount (language, minor, currency);
  text = od_money_format (&money);
  space = strchr (text, ' ');
  return g_strdup (space != NULL ? space + 1 : text);
}

char *
_od_pdf_money (const char *language,
               gint64      minor,
               const char *currency)
{
  OdMoney money = od_money_init (minor, currency);
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  if (language != NULL)
    return od_language_format_money (language, minor, currency);
  text = od_money_format (&money);
  parts = g_strsplit (text, " ", 2);
  /* A no-break space: "EUR" never ends a line without its amount. */
  return g_strjoinv ("\u00a0", parts);
}

char *
_od_pdf_date (const char  *language,
              const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");
  if (language != NULL)
    return od_language_format_date_short (language, date);
  /* Translators: a short date: day, abbreviated month, year */
  return g_strdup_printf (C_("short date", "%u %s %u"), g_date_get_day (date),
                          _(short_months[g_date_get_month (date) - 1]), g_date_get_year (date));
}

char *
_od_pdf_long_date (const char  *language,
                   const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");
  if (language != NULL)
    return od_language_format_date (language, date);
  /* Translators: a date in a letter: day, month name, year */
  return g_strdup_printf (C_("long date", "%u %s %u"), g_date_get_day (date),
                          _(months[g_date_get_month (date) - 1]), g_date_get_year (date));
}

char *
_od_pdf_percent (const char *language,
                 gint        basis_points)
{
  if (language != NULL)
    return od_language_format_percent (language, basis_points);
  if (basis_points % 100 == 0)
    return g_strdup_printf ("%d %%", basis_points / 100);
  if (basis_points % 10 == 0)
    return g_strdup_printf ("%d.%d %%", basis_points / 100, (basis_points % 100) / 10);
  return g_strdup_printf ("%d.%02d %%", basis_points / 100, basis_points % 100);
}

const char *
_od_pdf_customer_language (OdBusiness *business,
                           OdCustomer *customer)
{
  return od_language_format_pick (od_customer_get_language (customer),
                                  od_business_get_locale (business));
}

char *
_od_pdf_recipient (const char *language,
                   OdBusiness *business,
                   OdCustomer *customer)
{
  g_autoptr(GString) out = g_string_new (od_customer_get_name (customer));
  OdContact *contact = od_customer_get_contact_for_role (customer, OD_CONTACT_ROLE_BILLING);
  const char *country = od_customer_get_country (customer);
  const char *postcode = od_customer_get_postcode (customer);
  const char *city = od_customer_get_city (customer);
  g_autofree char *home = business_country (business);
  g_autofree char *place = NULL;

  if (contact != NULL && od_contact_get_name (contact) != NULL &&
      g_strcmp0 (od_contact_get_name (contact), od_customer_get_name (customer)) != 0)
    /* Translators: the person a letter is for, under the company name */
    g_string_append_printf (out, od_language_text (language, N_("\nAttn. %s")),
                            od_contact_get_name (contact));
  if (od_customer_get_address (customer) != NULL && *od_customer_get_address (customer) != '\0')
    g_string_append_printf (out, "\n%s", od_customer_get_address (customer));

  if (g_strcmp0 (country, "GB") == 0)
    place = g_strjoin ("\n", city != NULL ? city : "", postcode != NULL ? postcode : "", NULL);
  else if (g_strcmp0 (country, "US") == 0 || g_strcmp0 (country, "CA") == 0)
    place = g_strdup_printf ("%s %s", city != NULL ? city : "", postcode != NULL ? postcode : "");
  else
    place = g_strdup_printf ("%s %s", postcode != NULL ? postcode : "", city != NULL ? city : "");
  g_strstrip (place);
  if (*place != '\0')
    g_string_append_printf (out, "\n%s", place);

  if (country != NULL && *country != '\0' && g_ascii_strcasecmp (country, home != NULL ? home : "") != 0)
    {
      const char *name = country;

      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        if (g_ascii_strcasecmp (countries[i].code, country) == 0)
          name = countries[i].name;
      g_string_append_printf (out, "\n%s", name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
replace_all (const char *text,
             const char *tag,
             const char *value)
{
  g_auto(GStrv) parts = g_strsplit (text, tag, -1);

  return g_strjoinv (value, parts);
}

char *
_od_pdf_payment_link (OdBusiness *business,
                      OdInvoice  *invoice)
{
  const char *pattern = od_business_get_payment_link (business);
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *step = NULL;
  const char *currency = od_invoice_get_currency (invoice);

  if (pattern == NULL || *pattern == '\0')
    return NULL;
  number = g_uri_escape_string (od_invoice_get_number (invoice), NULL, FALSE);
  amount = od_amount_to_string (MAX (od_invoice_get_outstanding (invoice), 0),
                                od_currency_minor_digits (currency));
  step = replace_all (pattern, "{{invoice.number}}", number);
  return replace_all (step, "{{amount_due}}", amount);
}

void
_od_pdf_today (const GDate *today,
               GDate       *out)
{
  if (today != NULL && g_date_valid (today))
    {
      *out = *today;
      return;
    }
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

OdInvoice *
_od_pdf_find_invoice (OdStore     *store,
                      const char  *number,
                      GError     **error)
{
  GError *local = NULL;
  OdInvoice *invoice = od_store_find_invoice (store, number, &local);

  if (invoice == NULL && local == NULL)
    g_set_error (&local, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("There is no invoice “%s”"), number);
  if (local != NULL)
    g_propagate_error (error, local);
  return invoice;
}

/* Every document carries the letterhead: without a business profile
 * there is nothing to write, and the owner is told how to set one up. */
OdBusiness *
_od_pdf_get_business (OdStore  *store,
                      GError  **error)
{
  GError *local = NULL;
  OdBusiness *business = od_store_get_business (store, &local);

  if (business == NULL && local == NULL)
    g_set_error (&local, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("The ledger has no business profile yet: set one up in Preferences "
                   "or with “overdue-cli business import FILE”"));
  if (local != NULL)
    g_propagate_error (error, local);
  return business;
}

OdCustomer *
_od_pdf_find_customer (OdStore     *store,
                       const char  *ref,
                       GError     **error)
{
  GError *local = NULL;
  OdCustomer *customer = od_store_find_customer (store, ref, &local);

  if (customer == NULL && local == NULL)
    g_set_error (&local, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("There is no customer “%s”"), ref);
  if (local != NULL)
    g_propagate_error (error, local);
  return customer;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  OdInvoice *x = *(OdInvoice **) a;
  OdInvoice *y = *(OdInvoice **) b;
  int by_date = g_date_compare (od_invoice_get_due_date (x), od_invoice_get_due_date (y));

  return by_date != 0 ? by_date : g_strcmp0 (od_invoice_get_number (x), od_invoice_get_number (y));
}

GPtrArray *
_od_pdf_open_invoices (OdStore  *store,
                       gint64    customer_id,
                       GError  **error)
{
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_OPEN, .sort = OD_INVOICE_SORT_DUE_DATE,
                           .customer_id = customer_id };
  g_autoptr(GArray) ids = NULL;
  GPtrArray *invoices;

  g_date_clear (&query.today, 1);
  ids = od_store_query_invoice_ids (store, &query, error);
  if (ids == NULL)
    return NULL;
  invoices = od_store_load_invoices (store, (const gint64 *) ids->data, ids->len, error);
  if (invoices != NULL)
    g_ptr_array_sort (invoices, compare_due);
  return invoices;
}

OdLetterKind
od_letter_kind_for_step (const char *step)
{
  if (step != NULL && strstr (step, "demand") != NULL)
    return OD_LETTER_DEMAND;
  if (step != NULL && strstr (step, "final") != NULL)
    return OD_LETTER_FINAL_NOTICE;
  return OD_LETTER_REMINDER;
}

/* The time to pay that a letter of @kind, or the message of its step,
 * gives from its date: a week, ten days for a demand. */
guint
od_letter_deadline_days (OdLetterKind kind)
{
  return kind == OD_LETTER_DEMAND ? 10 : 7;
}

typedef struct
{
  const char *step;
  const char *label;
} StepLabel;

/* The steps of the policy Overdue ships (resources/policy/default.ini). */
static const StepLabel step_labels[] = {
  /* Translators: a reminder sent a few days before the due date */
  { "pre-due", N_("Courtesy reminder") },
  { "first-reminder", N_("Payment reminder") },
  { "second-reminder", N_("Second reminder") },
  { "final-notice", N_("Final notice") },
  { "demand-letter", N_("Demand letter") },
  /* Translators: the step that hands the debt to a collection agency */
  { "agency-handoff", N_("Handed to a collection agency") },
};

char *
od_pdf_step_label (const char *step)
{
  return _od_pdf_step_label (NULL, step);
}

char *
_od_pdf_step_label (const char *language,
                    const char *step)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (step != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (step_labels); i++)
    if (g_str_equal (step, step_labels[i].step))
      return g_strdup (od_language_text (language, step_labels[i].label));

  /* The owner's own step: its name as words, "late-call" "Late call". */
  text = g_strdup (step);
  g_strdelimit (text, "-_", ' ');
  if (*text != '\0')
    {
      gunichar first = g_utf8_get_char (text);
      const char *rest = g_utf8_next_char (text);
      char upper[8] = { 0, };

      g_unichar_to_utf8 (g_unichar_totitle (first), upper);
      return g_strconcat (upper, rest, NULL);
    }
  return g_steal_pointer (&text);
}

char *
od_pdf_channel_label (OdChannel channels)
{
  return _od_pdf_channel_label (NULL, channels);
}

char *
_od_pdf_channel_label (const char *language,
                       OdChannel   channels)
{
  static const struct { OdChannel channel; const char *label; } labels[] = {
    { OD_CHANNEL_EMAIL, N_("Email") },
    { OD_CHANNEL_SMS, N_("Text message") },
    { OD_CHANNEL_LETTER, N_("Letter") },
    { OD_CHANNEL_CALL, N_("Phone call") },
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (channels & labels[i].channel)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, od_language_text (language, labels[i].label));
      }
  if (text->len == 0)
    g_string_append (text, "—");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
_od_pdf_iban (const char *iban)
{
  g_autofree char *text = g_strconcat ("IBAN ", iban, NULL);

  return _od_pdf_unbreakable (text);
}

char *
_od_pdf_unbreakable (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (out, "\xc2\xa0");  /* U+00A0 */
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

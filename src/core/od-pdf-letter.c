/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-date.h"
#include "od-money.h"
#include "od-pdf-private.h"

/* Each invoice a letter is about, with what the engine adds to it. */
typedef struct
{
  OdInvoice *invoice;
  gint64     fees;          /* charged so far plus this step's new fee */
  gint64     interest;
  guint      interest_days;
  gint64     compensation;
  GPtrArray *history;       /* OdDunningHistory*, borrowed from the snapshot, or NULL */
} LetterItem;

struct _OdPdfLetter
{
  OdLetterKind  kind;
  OdCustomer   *customer;
  OdPolicy     *policy;
  GArray       *items;      /* LetterItem */
  GDate         today;
  char         *body_markup;  /* from the owner's template, or NULL: body_text() */
  char         *total_markup; /* {{total_due}} in it */
  gboolean      itemized;     /* the template lists the amounts itself */
  const char   *language;     /* the words' ("de"): the template's, else the customer's */
};
typedef OdPdfLetter Letter;

static const char *
kind_title (const char   *language,
            OdLetterKind  kind)
{
  switch (kind)
    {
    case OD_LETTER_FINAL_NOTICE:
      return od_language_text (language, N_("Final notice"));
    case OD_LETTER_DEMAND:
      return od_language_text (language, N_("Letter before action: formal demand for payment"));
    case OD_LETTER_REMINDER:
    default:
      return od_language_text (language, N_("Payment reminder"));
    }
}

static void
letter_clear (Letter *letter)
{
  for (guint i = 0; letter->items != NULL && i < letter->items->len; i++)
    g_clear_object (&g_array_index (letter->items, LetterItem, i).invoice);
  g_clear_pointer (&letter->items, g_array_unref);
  g_clear_object (&letter->customer);
  g_clear_object (&letter->policy);
  g_clear_pointer (&letter->body_markup, g_free);
  g_clear_pointer (&letter->total_markup, g_free);
}

/* A reminder before any of its invoices is due: a friendly note. */
static gboolean
is_pre_due (Letter *letter)
{
  if (letter->kind != OD_LETTER_REMINDER)
    return FALSE;
  for (guint i = 0; i < letter->items->len; i++)
    if (od_invoice_days_overdue (g_array_index (letter->items, LetterItem, i).invoice, &letter->today) > 0)
      return FALSE;
  return TRUE;
}

static char *
salutation (const char *language,
            OdCustomer *customer)
{
  OdContact *contact = od_customer_get_contact_for_role (customer, OD_CONTACT_ROLE_BILLING);

  if (contact != NULL && od_contact_get_name (contact) != NULL)
    /* Translators: the salutation of a letter */
    return g_strdup_printf (od_language_text (language, N_("Dear %s,")), od_contact_get_name (contact));
  return g_strdup (od_language_text (language, N_("Dear Sir or Madam,")));
}

/* The body text before the amounts; plain text. */
static char *
body_text (Letter      *letter,
           const char  *amount,
           const char  *deadline)
{
  LetterItem *first = &g_array_index (letter->items, LetterItem, 0);
  const char *number = od_invoice_get_number (first->invoice);
  const char *lang = letter->language;
  g_autofree char *due = _od_pdf_long_date (lang, od_invoice_get_due_date (first->invoice));
  guint n = letter->items->len;

  if (is_pre_due (letter))
    return n == 1
      ? g_strdup_printf (od_language_text (lang, N_("A friendly note: invoice %s for %s is due on %s. "
                           "If you have already arranged payment, thank you, and please ignore this letter.")),
                         number, amount, due)
      : g_strdup_printf (od_language_text (lang, N_("A friendly note: the invoices below, %s in all, are due soon. "
                           "If you have already arranged payment, thank you, and please ignore this letter.")),
                         amount);
  switch (letter->kind)
    {
    case OD_LETTER_FINAL_NOTICE:
      return n == 1
        ? g_strdup_printf (od_language_text (lang, N_("Despite our reminders, invoice %s, due on %s, is still unpaid. "
                             "This is our final notice before we take further steps. "
                             "Please pay %s by %s. The late fee shown below is now due as well. "
                             "If we do not receive your payment by then, we will pass the matter to "
                             "a collection agency or take legal action without further notice, "
                             "which will add to your costs.")),
                           number, due, amount, deadline)
        : g_strdup_printf (od_language_text (lang, N_("Despite our reminders, the invoices below are still unpaid. "
                             "This is our final notice before we take further steps. "
                             "Please pay %s by %s. The late fees shown below are now due as well. "
                             "If we do not receive your payment by then, we will pass the matter to "
                             "a collection agency or take legal action without further notice, "
                             "which will add to your costs.")),
                           amount, deadline);
    case OD_LETTER_DEMAND:
      return g_strdup_printf (od_language_text (lang, N_("We have written to you about the unpaid amounts below several times, "
                                "most recently with our final notice, without receiving payment or a reply. "
                                "We therefore formally demand payment of %s, made up of the principal, "
                                "the late fees, statutory interest and the fixed compensation for recovery "
                                "costs as set out below, by %s. "
                                "If payment is not received by that date, we will start court proceedings "
                                "or instruct a collection agency without further notice; the costs of doing so "
                                "will be claimed from you. Copies of the open invoices are enclosed.")),
                              amount, deadline);
    case OD_LETTER_REMINDER:
    default:
      return n == 1
        ? g_strdup_printf (od_language_text (lang, N_("Our records show that invoice %s, due on %s, has not been paid yet. "
                             "Perhaps it was overlooked. Please pay %s by %s. "
                             "If you have paid in the meantime, thank you, and please ignore this letter.")),
                           number, due, amount, deadline)
        : g_strdup_printf (od_language_text (lang, N_("Our records show that the invoices below have not been paid yet. "
                             "Perhaps they were overlooked. Please pay %s by %s. "
                             "If you have paid in the meantime, thank you, and please ignore this letter.")),
                           amount, deadline);
    }
}

static void
draw_amounts (OdPdfDoc   *doc,
              Letter     *letter,
              const char *currency,
              gint64     *grand_total)
{
  double width = od_pdf_geometry_body_width (od_pdf_doc_get_geometry (doc));
  double money = 28.0 * OD_PDF_MM;
  const char *lang = letter->language;
  gint rate = od_policy_get_interest_annual_bp (letter->policy);
  OdPdfColumn columns[] = {
    { od_language_text (lang, N_("Invoice")), 0, FALSE },
    { od_language_text (lang, N_("Due date")), 24.0 * OD_PDF_MM, FALSE },
    { od_language_text (lang, N_("Days overdue")), 24.0 * OD_PDF_MM, TRUE },
    { od_language_text (lang, N_("Outstanding")), money, TRUE },
  };
  OdPdfColumn split[] = {
    { "", 0, FALSE },
    { "", money, TRUE },
  };
  gint64 principal = 0, fees = 0, interest = 0, compensation = 0;
  guint max_days = 0;
  gboolean show_all = letter->kind != OD_LETTER_REMINDER;

  columns[0].width = width - columns[1].width - columns[2].width - columns[3].width;
  split[0].width = 90.0 * OD_PDF_MM;
  od_pdf_doc_table_begin (doc, columns, G_N_ELEMENTS (columns), TRUE, FALSE);
  for (guint i = 0; i < letter->items->len; i++)
    {
      LetterItem *item = &g_array_index (letter->items, LetterItem, i);
      OdInvoice *invoice = item->invoice;
      g_autofree char *due = _od_pdf_date (lang, od_invoice_get_due_date (invoice));
      gint overdue = od_invoice_days_overdue (invoice, &letter->today);
      /* Not yet due: a dash, not "0". */
      g_autofree char *days = overdue > 0 ? g_strdup_printf ("%d", overdue) : g_strdup ("—");
      g_autofree char *outstanding = _od_pdf_amount (lang, od_invoice_get_outstanding (invoice), currency);
      const char *cells[] = { od_invoice_get_number (invoice), due, days, outstanding };

      if (!g_str_equal (od_invoice_get_currency (invoice), currency))
        continue;
      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
      principal += od_invoice_get_outstanding (invoice);
      fees += item->fees;
      interest += item->interest;
      compensation += item->compensation;
      max_days = MAX (max_days, item->interest_days);
    }
  od_pdf_doc_table_end (doc);
  od_pdf_doc_space (doc, 2.0 * OD_PDF_MM);

  if (!show_all)
    {
      fees = interest = compensation = 0;
    }
  od_pdf_doc_ensure_space (doc, 80);
  od_pdf_doc_table_begin (doc, split, 2, FALSE, TRUE);
  {
    g_autofree char *text = _od_pdf_amount (lang, principal, currency);
    const char *cells[] = { od_language_text (lang, N_("Principal outstanding")), text };

    od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
  }
  if (fees > 0)
    {
      g_autofree char *text = _od_pdf_amount (lang, fees, currency);
      const char *cells[] = { od_language_text (lang, N_("Late fees")), text };

      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  /* The final notice and the demand state the whole debt, as their
   * messages do; a reminder asks for the invoices alone. */
  if (interest > 0)
    {
      g_autofree char *percent = _od_pdf_percent (lang, rate);
      g_autofree char *text = _od_pdf_amount (lang, interest, currency);
      /* The user's catalogue where the letter speaks the user's language. */
      g_autofree char *label =
        g_strdup_printf (lang != NULL
                         ? od_language_ntext (lang, "Interest at %s a year for %u day",
                                              "Interest at %s a year for %u days", max_days)
                         /* Translators: interest line: the annual rate and the days it ran */
                         : g_dngettext (GETTEXT_PACKAGE, "Interest at %s a year for %u day",
                                        "Interest at %s a year for %u days", max_days),
                         percent, max_days);
      const char *cells[] = { label, text };

      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  if (compensation > 0)
    {
      g_autofree char *text = _od_pdf_amount (lang, compensation, currency);
      const char *cells[] = { od_language_text (lang, N_("Fixed compensation for recovery costs")), text };

      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  *grand_total = principal + fees + interest + compensation;
  {
    g_autofree char *text = _od_pdf_money (lang, *grand_total, currency);
    const char *cells[] = { od_language_text (lang, N_("Total to pay")), text };

    od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_BOLD | OD_PDF_ROW_RULE_ABOVE);
  }
  od_pdf_doc_table_end (doc);
}

static void
draw_history (OdPdfDoc *doc,
              Letter   *letter)
{
  const char *lang = letter->language;
  OdPdfColumn columns[] = {
    { od_language_text (lang, N_("Date")), 30.0 * OD_PDF_MM, FALSE },
    { od_language_text (lang, N_("Invoice")), 35.0 * OD_PDF_MM, FALSE },
    /* Translators: the column naming each reminder sent */
    { od_language_text (lang, N_("Reminder")), 0, FALSE },
    { od_language_text (lang, N_("Sent by")), 40.0 * OD_PDF_MM, FALSE },
  };
  gboolean any = FALSE;

  columns[2].width = od_pdf_geometry_body_width (od_pdf_doc_get_geometry (doc))
                     - columns[0].width - columns[1].width - columns[3].width;

  for (guint i = 0; i < letter->items->len; i++)
    {
      LetterItem *item = &g_array_index (letter->items, LetterItem, i);

      for (guint h = 0; item->history != NULL && h < item->history->len; h++)
        any |= ((OdDunningHistory *) g_ptr_array_index (item->history, h))->state == OD_HISTORY_TAKEN;
    }
  if (!any)
    return;

  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  od_pdf_doc_ensure_space (doc, 50);
  od_pdf_doc_text (doc, od_language_text (lang, N_("Our reminders so far")), OD_PDF_STYLE_BOLD);
  od_pdf_doc_space (doc, 1.5 * OD_PDF_MM);
  od_pdf_doc_table_begin (doc, columns, G_N_ELEMENTS (columns), TRUE, FALSE);
  for (guint i = 0; i < letter->items->len; i++)
    {
      LetterItem *item = &g_array_index (letter->items, LetterItem, i);

      for (guint h = 0; item->history != NULL && h < item->history->len; h++)
        {
          OdDunningHistory *entry = g_ptr_array_index (item->history, h);
          g_autofree char *date = NULL;
          g_autofree char *step = _od_pdf_step_label (lang, entry->step);
          g_autofree char *channel = _od_pdf_channel_label (lang, entry->channel);
          GDate day;

          if (entry->state != OD_HISTORY_TAKEN)
            continue;
          g_date_clear (&day, 1);
          g_date_set_dmy (&day, g_date_time_get_day_of_month (entry->at),
                          g_date_time_get_month (entry->at), g_date_time_get_year (entry->at));
          date = _od_pdf_date (lang, &day);
          {
            const char *cells[] = { date, od_invoice_get_number (item->invoice), step, channel };

            od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
          }
        }
    }
  od_pdf_doc_table_end (doc);
}

/* What the letter asks for in @currency: the principal, and the fees,
 * interest and compensation its kind names. */
static void
letter_amounts (Letter         *letter,
                const char     *currency,
                OdMergeAmounts *amounts)
{
  od_merge_amounts_init (amounts);
  amounts->currency = currency;
  amounts->interest_rate_bp = od_policy_get_interest_annual_bp (letter->policy);
  for (guint i = 0; i < letter->items->len; i++)
    {
      LetterItem *item = &g_array_index (letter->items, LetterItem, i);

      if (!g_str_equal (od_invoice_get_currency (item->invoice), currency))
        continue;
      amounts->principal += od_invoice_get_outstanding (item->invoice);
      /* A reminder asks for the invoices; the final notice and the
       * demand for the whole debt, as their messages do. */
      if (letter->kind != OD_LETTER_REMINDER)
        {
          amounts->late_fee += item->fees;
          amounts->interest += item->interest;
          amounts->compensation += item->compensation;
          amounts->interest_days = MAX (amounts->interest_days, item->interest_days);
        }
    }
  amounts->total = amounts->principal + amounts->late_fee + amounts->interest + amounts->compensation;
  amounts->new_deadline = letter->today;
  g_date_add_days (&amounts->new_deadline, od_letter_deadline_days (letter->kind));
}

static void
draw_markup (OdPdfDoc   *doc,
             const char *markup,
             OdPdfStyle  style)
{
  /* The owner's own text may not be valid markup ("R&D"): shown as
   * written rather than lost. */
  if (_od_pdf_markup_is_valid (markup))
    od_pdf_doc_markup (doc, markup, style);
  else
    od_pdf_doc_text (doc, markup, style);
}

static void draw_signature (OdPdfDoc *doc,
                            Letter   *letter);

/* The template's words: its bold first line as the subject, its
 * paragraphs, the tables after the paragraph that names the total (or
 * after the opening one), and its last paragraph kept with the
 * signature. */
static void
draw_template_body (OdPdfDoc   *doc,
                    Letter     *letter,
                    const char *currency)
{
  g_autoptr(GPtrArray) paragraphs = _od_pdf_split_paragraphs (letter->body_markup);
  gint64 drawn_total = 0;
  guint first = 0;
  guint anchor = G_MAXUINT;
  gboolean tables_done = FALSE;

  if (paragraphs->len > 0 && _od_pdf_markup_is_heading (g_ptr_array_index (paragraphs, 0)))
    {
      draw_markup (doc, g_ptr_array_index (paragraphs, 0), OD_PDF_STYLE_HEADING);
      first = 1;
    }
  else
    od_pdf_doc_text (doc, kind_title (letter->language, letter->kind), OD_PDF_STYLE_HEADING);
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);

  for (guint i = first; i < paragraphs->len; i++)
    if (letter->total_markup != NULL && *letter->total_markup != '\0' &&
        strstr (g_ptr_array_index (paragraphs, i), letter->total_markup) != NULL)
      {
        anchor = i;
        break;
      }
  if (anchor == G_MAXUINT)
    anchor = MIN (first + 1, paragraphs->len > 0 ? paragraphs->len - 1 : 0);

  for (guint i = first; i + 1 < paragraphs->len; i++)
    {
      draw_markup (doc, g_ptr_array_index (paragraphs, i), OD_PDF_STYLE_BODY);
      od_pdf_doc_space (doc, 3.0 * OD_PDF_MM);
      if (i == anchor && (!letter->itemized || letter->kind == OD_LETTER_DEMAND))
        {
          od_pdf_doc_space (doc, 2.0 * OD_PDF_MM);
          if (!letter->itemized)
            draw_amounts (doc, letter, currency, &drawn_total);
          if (letter->kind == OD_LETTER_DEMAND)
            draw_history (doc, letter);
          od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
        }
      tables_done |= i == anchor;
    }
  if (!tables_done && (!letter->itemized || letter->kind == OD_LETTER_DEMAND))
    {
      if (!letter->itemized)
        draw_amounts (doc, letter, currency, &drawn_total);
      if (letter->kind == OD_LETTER_DEMAND)
        draw_history (doc, letter);
      od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
    }
  od_pdf_doc_keep_begin (doc);
  if (paragraphs->len > first)
    draw_markup (doc, g_ptr_array_index (paragraphs, paragraphs->len - 1), OD_PDF_STYLE_BODY);
  draw_signature (doc, letter);
  od_pdf_doc_keep_end (doc);
}

/* The business signs; the profile names no person, so a line is left
 * to sign on by hand above the business's name. */
static void
draw_signature (OdPdfDoc *doc,
                Letter   *letter)
{
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, od_language_text (letter->language, N_("Yours sincerely,")), OD_PDF_STYLE_BODY);
  od_pdf_doc_signature_space (doc, 14.0 * OD_PDF_MM);
  od_pdf_doc_space (doc, 1.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, od_business_get_name (od_pdf_doc_get_business (doc)), OD_PDF_STYLE_BODY);
}

static void
draw_letter (OdPdfDoc *doc,
             Letter   *letter,
             gboolean  odd)
{
  OdBusiness *business = od_pdf_doc_get_business (doc);
  LetterItem *first = &g_array_index (letter->items, LetterItem, 0);
  const char *currency = od_invoice_get_currency (first->invoice);
  const char *lang = letter->language != NULL
                     ? letter->language : _od_pdf_customer_language (business, letter->customer);
  g_autofree char *address = NULL;
  g_autofree char *date = NULL;
  g_autofree char *hello = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *body = NULL;
  g_autofree char *link = _od_pdf_payment_link (business, first->invoice);
  g_autoptr(GString) pay = g_string_new (NULL);
  const char *title;
  const char *labels[3];
  const char *values[3];
  GDate until = letter->today;
  gint64 total = 0;

  letter->language = lang;
  address = _od_pdf_recipient (lang, business, letter->customer);
  date = _od_pdf_date (lang, &letter->today);
  hello = salutation (lang, letter->customer);
  /* Translators: the subject of a letter sent before the due date */
  title = is_pre_due (letter) ? od_language_text (lang, N_("Your invoice is due soon"))
                              : kind_title (lang, letter->kind);
  labels[0] = od_language_text (lang, N_("Customer no."));
  labels[1] = od_language_text (lang, N_("Date"));
  labels[2] = od_language_text (lang, N_("Invoice no."));
  values[0] = od_customer_get_ref (letter->customer);
  values[1] = date;
  values[2] = od_invoice_get_number (first->invoice);
  g_date_add_days (&until, od_letter_deadline_days (letter->kind));
  deadline = _od_pdf_long_date (lang, &until);

  od_pdf_doc_set_language (doc, lang);
  od_pdf_doc_begin_section (doc, letter->kind == OD_LETTER_DEMAND
                                 /* Translators: the demand letter's title in the header of its second page */
                                 ? od_language_text (lang, N_("Demand for payment")) : title,
                            odd ? OD_PDF_SECTION_ODD : OD_PDF_SECTION_NONE);
  od_pdf_doc_address (doc, address);
  od_pdf_doc_info (doc, labels, values, letter->items->len == 1 ? 3 : 2);
  if (letter->body_markup != NULL)
    {
      draw_template_body (doc, letter, currency);
      return;
    }
  od_pdf_doc_text (doc, title, OD_PDF_STYLE_HEADING);
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, hello, OD_PDF_STYLE_BODY);
  od_pdf_doc_space (doc, 3.0 * OD_PDF_MM);

  /* The total the text names. */
  {
    OdMergeAmounts amounts;

    letter_amounts (letter, currency, &amounts);
    amount = _od_pdf_money (lang, amounts.total, currency);
  }
  body = body_text (letter, amount, deadline);
  od_pdf_doc_text (doc, body, OD_PDF_STYLE_BODY);
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  draw_amounts (doc, letter, currency, &total);

  if (od_business_get_iban (business) != NULL)
    {
      g_autofree char *iban = _od_pdf_iban (od_business_get_iban (business));

      /* Translators: the second %s is the IBAN with its label, "IBAN DE89 3704 …" */
      g_string_append_printf (pay, od_language_text (lang, N_("Please transfer the amount to %s, %s")),
                              od_business_get_name (business), iban);
      if (od_business_get_bic (business) != NULL)
        g_string_append_printf (pay, od_language_text (lang, N_(", BIC %s")), od_business_get_bic (business));
      g_string_append_printf (pay, od_language_text (lang, N_(", quoting %s.")),
                              od_invoice_get_number (first->invoice));
    }
  if (link != NULL)
    g_string_append_printf (pay, od_language_text (lang, N_("%sOr pay online: %s")),
                            pay->len > 0 ? " " : "", link);
  /* What was sent so far, then how to pay right before the closing. */
  if (letter->kind == OD_LETTER_DEMAND)
    draw_history (doc, letter);

  /* The closing and the signature never stand alone on a page: they
   * keep the paragraph before them. */
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  od_pdf_doc_keep_begin (doc);
  if (pay->len > 0)
    {
      od_pdf_doc_text (doc, pay->str, OD_PDF_STYLE_BODY);
      od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
    }
  od_pdf_doc_text (doc, od_language_text (lang, N_("If anything about these amounts is not right, "
                                                   "please contact us at once.")),
                   OD_PDF_STYLE_BODY);
  draw_signature (doc, letter);
  od_pdf_doc_keep_end (doc);
}

/* What the engine would plan for @invoice at the step of @kind on
 * @today, for a letter printed outside a run ("pdf final-notice N"):
 * the step's fee unless it was charged, the interest accrued since the
 * due date and the grace days, and the fixed compensation unless an
 * earlier step charged it. Only the figures od_merge_amounts_add_action()
 * reads are set. */
static void
estimate_action (OdDunningAction *action,
                 OdInvoice       *invoice,
                 OdLetterKind     kind,
                 OdPolicy        *policy,
                 GPtrArray       *charges,
                 const GDate     *today)
{
  const char *currency = od_invoice_get_currency (invoice);
  gint64 outstanding = MAX (od_invoice_get_outstanding (invoice), 0);
  OdPolicyStep *step = NULL;
  gboolean step_charged = FALSE;
  gboolean compensation_charged = FALSE;
  GDate interest_from;

  /* The last step of the ladder that writes this kind of letter. */
  for (guint i = 0; kind != OD_LETTER_REMINDER && i < od_policy_get_n_steps (policy); i++)
    {
      OdPolicyStep *candidate = od_policy_get_step (policy, i);

      if (od_letter_kind_for_step (od_policy_step_get_name (candidate)) == kind)
        step = candidate;
    }
  memset (action, 0, sizeof *action);
  action->step = step != NULL ? (char *) od_policy_step_get_name (step) : NULL;
  action->amount_due = od_invoice_get_outstanding (invoice);

  for (guint i = 0; i < charges->len; i++)
    {
      OdCharge *charge = g_ptr_array_index (charges, i);

      if (od_charge_get_kind (charge) == OD_CHARGE_KIND_COMPENSATION)
        compensation_charged = TRUE;
      if (action->step != NULL && od_charge_get_kind (charge) == OD_CHARGE_KIND_LATE_FEE &&
          g_strcmp0 (od_charge_get_step (charge), action->step) == 0)
        {
          /* Charged already: it is the step's fee. */
          action->fee += od_charge_get_amount (charge);
          step_charged = TRUE;
        }
    }
  if (step != NULL && !step_charged)
    {
      gint64 percent = 0;

      od_percent_bp (outstanding, od_policy_step_get_fee_bp (step), &percent);
      action->fee = od_policy_milli_to_minor (od_policy_step_get_fee_milli (step), currency) + percent;
    }
  if (od_invoice_days_overdue (invoice, today) <= 0)
    return;
  if (!compensation_charged)
    action->compensation = od_policy_milli_to_minor (od_policy_get_fixed_compensation_milli (policy),
                                                     currency);
  interest_from = *od_invoice_get_due_date (invoice);
  g_date_add_days (&interest_from, od_policy_get_grace_days (policy));
  action->interest = od_dunning_interest (outstanding, od_policy_get_interest_annual_bp (policy),
                                          &interest_from, today, &action->interest_days);
}

OdPdfLetter *
_od_pdf_letter_new (OdLetterKind  kind,
                    OdCustomer   *customer,
                    OdPolicy     *policy,
                    const GDate  *today)
{
  Letter *letter = g_new0 (Letter, 1);

  letter->kind = kind;
  letter->customer = g_object_ref (customer);
  letter->policy = g_object_ref (policy);
  letter->items = g_array_new (FALSE, TRUE, sizeof (LetterItem));
  letter->today = *today;
  return (OdPdfLetter *) letter;
}

void
_od_pdf_letter_free (OdPdfLetter *self)
{
  Letter *letter = (Letter *) self;

  letter_clear (letter);
  g_free (letter);
}

OdLetterKind
_od_pdf_letter_get_kind (OdPdfLetter *self)
{
  return ((Letter *) self)->kind;
}

void
_od_pdf_letter_set_kind (OdPdfLetter  *self,
                         OdLetterKind  kind)
{
  ((Letter *) self)->kind = kind;
}

guint
_od_pdf_letter_get_n_invoices (OdPdfLetter *self)
{
  return ((Letter *) self)->items->len;
}

OdInvoice *
_od_pdf_letter_get_invoice (OdPdfLetter *self,
                            guint        index)
{
  return g_array_index (((Letter *) self)->items, LetterItem, index).invoice;
}

/* Adds @invoice; the amounts come from @action (the engine's plan) when
 * given, else from @charges and the policy on the letter's date. */
void
_od_pdf_letter_add_invoice (OdPdfLetter           *self,
                            OdInvoice             *invoice,
                            const OdDunningAction *action,
                            GPtrArray             *charges,
                            GPtrArray             *history)
{
  Letter *letter = (Letter *) self;
  LetterItem item = { g_object_ref (invoice), };

  OdDunningAction estimate;
  OdMergeAmounts amounts;

  item.history = history;
  /* The engine's figures for the step (or what it would plan), with
   * what earlier steps charged: the same rule as the step's message. */
  if (action == NULL && charges != NULL)
    {
      estimate_action (&estimate, invoice, letter->kind, letter->policy, charges, &letter->today);
      action = &estimate;
    }
  if (action != NULL)
    {
      od_merge_amounts_init (&amounts);
      od_merge_amounts_add_action (&amounts, action, charges);
      item.fees = amounts.late_fee;
      item.interest = amounts.interest;
      item.interest_days = amounts.interest_days;
      item.compensation = amounts.compensation;
    }
  g_array_append_val (letter->items, item);
}

void
_od_pdf_letter_draw (OdPdfDoc    *doc,
                     OdPdfLetter *self,
                     gboolean     odd)
{
  draw_letter (doc, (Letter *) self, odd);
}

gboolean
_od_pdf_letter_use_template (OdPdfLetter  *self,
                             OdStore      *store,
                             OdBusiness   *business,
                             const char   *name,
                             GError      **error)
{
  Letter *letter = (Letter *) self;
  g_autoptr(GPtrArray) invoices = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  OdMergeAmounts amounts;
  const char *currency;

  g_clear_pointer (&letter->body_markup, g_free);
  g_clear_pointer (&letter->total_markup, g_free);
  if (name == NULL || letter->items->len == 0)
    return TRUE;
  currency = od_invoice_get_currency (g_array_index (letter->items, LetterItem, 0).invoice);
  for (guint i = 0; i < letter->items->len; i++)
    g_ptr_array_add (invoices, g_array_index (letter->items, LetterItem, i).invoice);
  letter_amounts (letter, currency, &amounts);
  letter->body_markup = _od_pdf_letter_render_template (store, business, letter->customer, invoices,
                                                        &amounts, &letter->today, name,
                                                        &letter->itemized, &letter->total_markup,
                                                        &letter->language, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

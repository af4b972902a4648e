/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-collection.h"
#include "od-demo.h"
#include "od-demo-private.h"

#include "od-date.h"
#include "od-money.h"

#include <glib/gi18n-lib.h>

/* A fixed seed: the demo ledger is a fixture for screenshots, manuals and
 * tests, so the same @today must always give the same ledger. */
#define DEMO_SEED          0x0D0E2025u
#define DEMO_N_INVOICES    300
#define DEMO_MONTHS        18
#define DEMO_TAX_RATE_BP   1900
#define DEMO_MIN_NET       8000      /* EUR 80.00 */
#define DEMO_MAX_NET       480000    /* EUR 4,800.00 */
#define DEMO_CURRENCY      "EUR"

typedef struct
{
  const char *name;
  const char *contact;
  const char *email;
  const char *phone;
  const char *address;
  const char *postcode;
  const char *city;
  const char *country;
  const char *language;
  const char *escalation_name;
  const char *escalation_email;
  guint       weight;      /* how often they order */
} DemoCustomer;

static const DemoCustomer demo_customers[] = {
  { "Zoë Ångström Fotografi", "Zoë Ångström", "zoe@angstrom-foto.example",
    "+46 8 555 012 34", "Hornsgatan 42", "118 21", "Stockholm", "SE", "sv",
    NULL, NULL, 2 },
  { "Łódź Bakery", "Katarzyna Wiśniewska", "zamowienia@lodz-bakery.example",
    "+48 42 555 18 90", "ul. Piotrkowska 87", "90-423", "Łódź", "PL", "pl",
    NULL, NULL, 2 },
  { "Café Mönchsberg", "Florian Gruber", "office@cafe-moenchsberg.example",
    NULL, "Mönchsberg 13", "5020", "Salzburg", "AT", "de-AT",
    NULL, NULL, 2 },
  { "Brauhaus Kreuzberg GmbH", "Sabine Koch", "buchhaltung@brauhaus-kreuzberg.example",
    "+49 30 5557 2210", "Bergmannstraße 5", "10961", "Berlin", "DE", "de",
    "Thomas Brenner", "geschaeftsfuehrung@brauhaus-kreuzberg.example", 8 },
  { "Nordlicht Yoga Studio", "Mia Jansen", "hallo@nordlicht-yoga.example",
    NULL, "Schanzenstraße 71", "20357", "Hamburg", "DE", "de",
    NULL, NULL, 3 },
  { "Müller & Söhne Tischlerei", "Jürgen Müller", "info@mueller-soehne.example",
    "+49 341 555 7788", "Karl-Heine-Straße 20", "04229", "Leipzig", "DE", "de",
    NULL, NULL, 3 },
  { "Atelier Beaumont", "Claire Beaumont", "claire@atelier-beaumont.example",
    "+33 4 55 50 12 12", "14 rue Mercière", "69002", "Lyon", "FR", "fr",
    NULL, NULL, 2 },
  { "Greenfield Architects Ltd", "Oliver Hughes", "accounts@greenfield-arch.example",
    "+44 117 555 0142", "21 Queen Square", "BS1 4ND", "Bristol", "GB", "en-GB",
    "Rachel Greenfield", "rachel@greenfield-arch.example", 5 },
  { "Van der Berg Fietsen", "Pieter van der Berg", "administratie@vdberg-fietsen.example",
    NULL, "Oudegracht 118", "3511 AX", "Utrecht", "NL", "nl",
    NULL, NULL, 2 },
  { "Praxis Dr. Öztürk", "Dr. Aylin Öztürk", "praxis@dr-oeztuerk.example",
    "+49 221 555 4321", "Venloer Straße 160", "50823", "Köln", "DE", "de",
    NULL, NULL, 2 },
  { "Kiezkind Kita gGmbH", "Nadine Vogel", "verwaltung@kiezkind.example",
    NULL, "Weserstraße 44", "12045", "Berlin", "DE", "de",
    NULL, NULL, 3 },
  { "Spreewald Gurken Manufaktur", "Uwe Lehmann", "einkauf@spreewald-gurken.example",
    "+49 3542 555 66", "Dammstraße 3", "03222", "Lübbenau", "DE", "de",
    NULL, NULL, 3 },
  { "Buchbinderei Hoffmann", "Renate Hoffmann", "auftrag@buchbinderei-hoffmann.example",
    NULL, "Gneisenaustraße 9", "10961", "Berlin", "DE", "de",
    NULL, NULL, 2 },
  { "Hafenkante Events UG", "Jan Petersen", "rechnungen@hafenkante-events.example",
    "+49 431 555 9090", "Kaistraße 54", "24114", "Kiel", "DE", "de",
    NULL, NULL, 4 },
  { "Studio Nørgaard", "Mads Nørgaard", "mads@studio-norgaard.example",
    NULL, "Jægersborggade 12", "2200", "København", "DK", "da",
    NULL, NULL, 2 },
  { "Weingut Schäfer", "Annette Schäfer", "weingut@schaefer-wein.example",
    "+49 6322 555 12", "Weinstraße Nord 8", "67098", "Bad Dürkheim", "DE", "de",
    NULL, NULL, 3 },
  { "Tanzschule Rhythmus", "Carlos Mendes", "kontakt@tanzschule-rhythmus.example",
    NULL, "Brandenburger Straße 30", "14467", "Potsdam", "DE", "de",
    NULL, NULL, 2 },
  { "Hotel Alpenblick", "Verena Hofer", "rezeption@alpenblick-hotel.example",
    "+43 512 555 300", "Höhenstraße 120", "6020", "Innsbruck", "AT", "de-AT",
    NULL, NULL, 3 },
  { "Kaffeerösterei Bohnenglück", "Tobias Richter", "hallo@bohnenglueck.example",
    NULL, "Alaunstraße 38", "01099", "Dresden", "DE", "de",
    NULL, NULL, 3 },
  { "Lichtwerk Filmproduktion GmbH", "Stefanie Braun", "produktion@lichtwerk-film.example",
    "+49 89 555 20 40", "Schwanthalerstraße 91", "80336", "München", "DE", "de",
    "Martin Albrecht", "m.albrecht@lichtwerk-film.example", 8 },
  { "Fahrradladen Speiche", "Lukas Wagner", "laden@speiche-freiburg.example",
    NULL, "Wilhelmstraße 17", "79098", "Freiburg im Breisgau", "DE", "de",
    NULL, NULL, 2 },
  { "Bäckerei Kowalski", "Piotr Kowalski", "baeckerei@kowalski-berlin.example",
    "+49 30 5554 8181", "Sonnenallee 140", "12059", "Berlin", "DE", "de",
    NULL, NULL, 2 },
  { "Zürcher Kunstverein", "Ursula Meier", "sekretariat@zkv.example",
    "+41 44 555 80 80", "Limmatstrasse 270", "8005", "Zürich", "CH", "de-CH",
    NULL, NULL, 3 },
  { "Osteria da Lucia", "Lucia Bianchi", "lucia@osteria-lucia.example",
    NULL, "Kastanienallee 22", "10435", "Berlin", "DE", "it",
    NULL, NULL, 2 },
  { "Grünraum Landschaftsarchitektur", "Henrik Schulz", "buero@gruenraum.example",
    "+49 711 555 3030", "Hölderlinstraße 11", "70174", "Stuttgart", "DE", "de",
    NULL, NULL, 3 },
  { "TechNest Coworking", "Priya Raman", "finance@technest.example",
    "+49 30 5558 0000", "Köpenicker Straße 126", "10179", "Berlin", "DE", "en",
    "Daniel Frost", "daniel.frost@technest.example", 6 },
  { "Buchhandlung Seitenwind", "Greta Lindner", "buchhandlung@seitenwind.example",
    NULL, "Prinzipalmarkt 6", "48143", "Münster", "DE", "de",
    NULL, NULL, 2 },
  { "Ella Hartmann Illustration", "Ella Hartmann", "ella@ellahartmann.example",
    NULL, "Lenaustraße 4", "12047", "Berlin", "DE", "de",
    NULL, NULL, 1 },
  { "Kräuterhaus Sonnenhof", "Brigitte Wolf", "bestellung@kraeuterhaus-sonnenhof.example",
    "+49 951 555 707", "Obere Sandstraße 21", "96049", "Bamberg", "DE", "de",
    NULL, NULL, 2 },
  { "Elbe Segelschule", "Kai Neumann", "ahoi@elbe-segelschule.example",
    "+49 351 555 4455", "Leipziger Straße 31", "01097", "Dresden", "DE", "de",
    NULL, NULL, 2 },
  { "Physiotherapie Bewegt", "Sandra Krüger", "praxis@physio-bewegt.example",
    NULL, "Lister Meile 50", "30161", "Hannover", "DE", "de",
    NULL, NULL, 2 },
  { "Marlene Dietz Fotografie", "Marlene Dietz", "studio@marlenedietz.example",
    NULL, "Ackerstraße 101", "40233", "Düsseldorf", "DE", "de",
    NULL, NULL, 2 },
  { "Schokoladenmanufaktur Ruhm", "Felix Ruhm", "office@schoko-ruhm.example",
    "+49 911 555 2626", "Weißgerbergasse 10", "90403", "Nürnberg", "DE", "de",
    NULL, NULL, 4 },
  { "Verlag Blaue Stunde", "Dr. Helene Sommer", "herstellung@blaue-stunde.example",
    "+49 30 5553 7070", "Oranienstraße 185", "10999", "Berlin", "DE", "de",
    NULL, NULL, 7 },
  { "Kühne Logistik KG", "Michael Kühne", "kreditoren@kuehne-logistik.example",
    "+49 421 555 9000", "Überseetor 20", "28217", "Bremen", "DE", "de",
    "Andrea Kühne", "a.kuehne@kuehne-logistik.example", 6 },
  { "Theater am Ufer e.V.", "Johanna Roth", "intendanz@theater-am-ufer.example",
    "+49 69 555 1800", "Schaumainkai 5", "60594", "Frankfurt am Main", "DE", "de",
    NULL, NULL, 4 },
  { "Sonnenschein Solar GmbH", "Ralf Becker", "rechnungseingang@sonnenschein-solar.example",
    "+49 381 555 600", "Am Strande 2", "18055", "Rostock", "DE", "de",
    "Ines Hartwig", "cfo@sonnenschein-solar.example", 5 },
  { "Gärtnerei Blütezeit", "Heike Schmitt", "gaertnerei@bluetezeit.example",
    NULL, "Gothaer Straße 72", "99094", "Erfurt", "DE", "de",
    NULL, NULL, 2 },
  { "Bistro Côte d'Azur", "Jean-Luc Moreau", "bistro@cote-dazur.example",
    "+49 30 5552 3344", "Bergmannstraße 90", "10961", "Berlin", "DE", "fr",
    NULL, NULL, 2 },
  { "Jonas Ødegaard Consulting", "Jonas Ødegaard", "jonas@odegaard.example",
    "+47 22 55 50 10", "Thorvald Meyers gate 50", "0555", "Oslo", "NO", "nb",
    NULL, NULL, 2 },
};

/* The charity theatre is chased by phone, never by the ladder; the
 * winery wants paper, not email. */
#define DEMO_DO_NOT_CHASE  "Theater am Ufer e.V."
#define DEMO_NO_EMAIL      "Weingut Schäfer"

typedef struct
{
  const char *country;
  const char *time_zone;
} DemoTimeZone;

static const DemoTimeZone demo_time_zones[] = {
  { "AT", "Europe/Vienna" },
  { "CH", "Europe/Zurich" },
  { "DK", "Europe/Copenhagen" },
  { "FR", "Europe/Paris" },
  { "GB", "Europe/London" },
  { "NL", "Europe/Amsterdam" },
  { "NO", "Europe/Oslo" },
  { "PL", "Europe/Warsaw" },
  { "SE", "Europe/Stockholm" },
};

typedef struct
{
  const char *description;
  gint64      rate;          /* per hour, cents */
} DemoHourly;

static const DemoHourly demo_hourly[] = {
  { "Design work (hours)", 9500 },
  { "Art direction (hours)", 12000 },
  { "Revisions (hours)", 9500 },
  { "Photo retouching (hours)", 8500 },
};

static const char * const demo_fixed[] = {
  "Logo design",
  "Brand guidelines",
  "Business card layout",
  "Flyer design, A5 two-sided",
  "Poster design, A2",
  "Website mockups, five pages",
  "Menu card redesign",
  "Packaging design",
  "Annual report layout",
  "Social media templates",
  "Icon set, 24 icons",
  "Editorial illustration",
  "Shop signage design",
  "Print production management",
  "Exhibition catalogue layout",
  "Newsletter template",
};

static const char * const demo_methods[] = {
  "transfer", "transfer", "transfer", "transfer", "card", "paypal",
};

typedef enum
{
  OUTCOME_OPEN,          /* nothing paid yet */
  OUTCOME_PAID_ON_TIME,
  OUTCOME_PAID_EARLY,
  OUTCOME_PAID_LATE,
  OUTCOME_TWO_PAYMENTS,  /* part on time, the rest late (or not yet) */
  OUTCOME_PARTLY_PAID,   /* part paid, the rest still open */
  OUTCOME_VOID,
} DemoOutcome;

typedef enum
{
  SPECIAL_NONE,
  SPECIAL_DISPUTE,
  SPECIAL_PROMISE,
  SPECIAL_PLAN,
} DemoSpecial;

/* Open invoices placed on purpose so that every stage of the ladder has
 * something to show: days past due on @today (negative: not yet due). */
typedef struct
{
  gint        days_overdue;
  guint       terms;
  DemoOutcome outcome;
  DemoSpecial special;
} DemoPlaced;

static const DemoPlaced demo_placed[] = {
  { -25, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { -18, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { -12, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { -9, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { -6, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { -4, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { -3, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { -2, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { -1, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { 0, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { 1, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { 3, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { 5, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { 6, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { 8, 14, OUTCOME_OPEN, SPECIAL_PROMISE },
  { 10, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { 12, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { 16, 30, OUTCOME_PARTLY_PAID, SPECIAL_NONE },
  { 21, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { 27, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { 33, 14, OUTCOME_OPEN, SPECIAL_NONE },
  { 41, 30, OUTCOME_OPEN, SPECIAL_DISPUTE },
  { 52, 14, OUTCOME_PARTLY_PAID, SPECIAL_NONE },
  { 64, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { 95, 14, OUTCOME_OPEN, SPECIAL_PLAN },
  { 150, 30, OUTCOME_OPEN, SPECIAL_NONE },
  { 210, 14, OUTCOME_PARTLY_PAID, SPECIAL_NONE },
};

typedef struct
{
  GDate       issue;
  guint       terms;
  guint       customer;      /* index into demo_customers */
  DemoOutcome outcome;
  DemoSpecial special;
  guint       order;         /* tie-break for equal issue dates */
} DemoInvoice;

static void
date_add (GDate       *out,
          const GDate *date,
          gint         days)
{
  *out = *date;
  if (days >= 0)
    g_date_add_days (out, (guint) days);
  else
    g_date_subtract_days (out, (guint) -days);
}

static gint
rand_range (GRand *rand,
            gint   begin,
            gint   end)
{
  g_assert (begin <= end);

  return g_rand_int_range (rand, begin, end + 1);
}

static guint
pick_customer (GRand *rand,
               guint  total_weight)
{
  gint pick = rand_range (rand, 0, (gint) total_weight - 1);

  for (guint i = 0; i < G_N_ELEMENTS (demo_customers); i++)
    {
      pick -= (gint) demo_customers[i].weight;
      if (pick < 0)
        return i;
    }

  g_assert_not_reached ();
}

static int
compare_invoices (gconstpointer a,
                  gconstpointer b)
{
  const DemoInvoice *ia = a;
  const DemoInvoice *ib = b;
  int cmp = g_date_compare (&ia->issue, &ib->issue);

  if (cmp != 0)
    return cmp;

  return ia->order < ib->order ? -1 : ia->order > ib->order;
}

static const char *
time_zone_for_country (const char *country)
{
  for (gsize i = 0; i < G_N_ELEMENTS (demo_time_zones); i++)
    {
      if (g_str_equal (demo_time_zones[i].country, country))
        return demo_time_zones[i].time_zone;
    }

  /* Germany, like the business: no need to say so. */
  return NULL;
}

static gboolean
store_is_empty (OdStore  *store,
                GError  **error)
{
  OdCustomerQuery query = { NULL, TRUE };
  g_autoptr(GError) local_error = NULL;
  gint64 n;

  n = od_store_count_customers (store, &query, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (n > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY,
                           _("The ledger already has customers; demo data can only fill an empty ledger"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_business (OdStore  *store,
              GError  **error)
{
  g_autoptr(OdBusiness) business = od_business_new ();

  od_business_set_name (business, "Lindqvist & Weber Design");
  od_business_set_address (business,
                           "Lindqvist & Weber Design GbR\n"
                           "Oranienstraße 24\n"
                           "10999 Berlin\n"
                           "Germany");
  od_business_set_email (business, "studio@lindqvist-weber.example");
  od_business_set_phone (business, "+49 30 5550 2468");
  od_business_set_tax_id (business, "DE312345678");
  /* A real-looking IBAN whose mod-97 check passes. */
  od_business_set_iban (business, "DE89 3704 0044 0532 0130 00");
  od_business_set_bic (business, "COBADEFFXXX");
  od_business_set_payment_link (business,
                                "https://pay.example.com/{{invoice.number}}");
  od_business_set_paper_size (business, OD_PAPER_SIZE_A4);
  od_business_set_locale (business, "de_DE.UTF-8");
  od_business_set_currency (business, DEMO_CURRENCY);
  od_business_set_time_zone (business, OD_DEMO_TIME_ZONE);

  return od_store_set_business (store, business, error);
}

static OdCustomer *
add_customer (OdStore  *store,
              GRand    *rand,
              guint     index,
              GError  **error)
{
  const DemoCustomer *demo = &demo_customers[index];
  g_autoptr(OdCustomer) customer = od_customer_new ();
  g_autoptr(OdContact) billing = od_contact_new ();
  g_autofree char *ref = g_strdup_printf ("C%03u", index + 1);

  od_customer_set_ref (customer, ref);
  od_customer_set_name (customer, demo->name);
  od_customer_set_address (customer, demo->address);
  od_customer_set_postcode (customer, demo->postcode);
  od_customer_set_city (customer, demo->city);
  od_customer_set_country (customer, demo->country);
  od_customer_set_language (customer, demo->language);
  od_customer_set_time_zone (customer, time_zone_for_country (demo->country));

  /* Regular buyers get a credit limit, as a bookkeeper would set. */
  if (demo->weight >= 5)
    {
      od_customer_set_credit_limit (customer,
                                    rand_range (rand, 4, 12) * 100000);
      od_customer_set_credit_currency (customer, DEMO_CURRENCY);
    }

  if (g_str_equal (demo->name, DEMO_DO_NOT_CHASE))
    {
      od_customer_set_do_not_chase (customer, TRUE);
      od_customer_set_notes (customer,
                             "Long-standing partner. Do not send reminders; "
                             "call Ms Roth at the end of the month instead.");
    }

  if (g_str_equal (demo->name, DEMO_NO_EMAIL))
    {
      od_customer_set_opted_out (customer, OD_CHANNEL_EMAIL);
      od_customer_set_notes (customer,
                             "Asked for all correspondence by post.");
    }

  od_contact_set_name (billing, demo->contact);
  od_contact_set_email (billing, demo->email);
  od_contact_set_phone (billing, demo->phone);
  od_contact_set_role (billing, OD_CONTACT_ROLE_BILLING);
  od_customer_add_contact (customer, billing);

  if (demo->escalation_name != NULL)
    {
      g_autoptr(OdContact) escalation = od_contact_new ();

      od_contact_set_name (escalation, demo->escalation_name);
      od_contact_set_email (escalation, demo->escalation_email);
      od_contact_set_role (escalation, OD_CONTACT_ROLE_ESCALATION);
      od_customer_add_contact (customer, escalation);
    }

  if (!od_store_insert_customer (store, customer, error))
    return NULL;

  return g_steal_pointer (&customer);
}

static void
add_line (OdInvoice  *invoice,
          const char *description,
          gint64      quantity_milli,
          gint64      unit_price)
{
  g_autoptr(OdInvoiceLine) line = od_invoice_line_new ();

  od_invoice_line_set_description (line, description);
  od_invoice_line_set_quantity_milli (line, quantity_milli);
  od_invoice_line_set_unit_price (line, unit_price);
  od_invoice_line_set_tax_rate_bp (line, DEMO_TAX_RATE_BP);
  od_invoice_add_line (invoice, line);
}

/* Lines whose net sum lies between EUR 80 and EUR 4,800, most of them
 * small: a studio sends many invoices for a few hours and a few large
 * ones for a whole identity. */
static void
add_lines (OdInvoice *invoice,
           GRand     *rand)
{
  const gint span = DEMO_MAX_NET - DEMO_MIN_NET;
  gint64 budget;
  guint n_lines;
  gint64 fixed_sum = 0;
  const DemoHourly *hourly;
  gint64 hours_milli;

  budget = DEMO_MIN_NET + MIN (rand_range (rand, 0, span),
                               rand_range (rand, 0, span));
  budget -= budget % 100;
  n_lines = budget < 40000 ? 1 : (guint) rand_range (rand, 1, 3);

  if (n_lines == 1 && rand_range (rand, 0, 1) == 0)
    {
      add_line (invoice,
                demo_fixed[rand_range (rand, 0, G_N_ELEMENTS (demo_fixed) - 1)],
                1000, budget);
      return;
    }

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      gint64 share = (budget - fixed_sum) * rand_range (rand, 30, 60) / 100;

      share = MAX (5000, share - share % 1000);
      add_line (invoice,
                demo_fixed[rand_range (rand, 0, G_N_ELEMENTS (demo_fixed) - 1)],
                1000, share);
      fixed_sum += share;
    }

  /* The rest in half hours, never below half an hour, and never past the
   * largest invoice. */
  hourly = &demo_hourly[rand_range (rand, 0, G_N_ELEMENTS (demo_hourly) - 1)];
  hours_milli = MAX (budget - fixed_sum, 0) * 1000 / hourly->rate;
  hours_milli = MAX (500, hours_milli - hours_milli % 500);
  while (hours_milli > 500 &&
         fixed_sum + hours_milli * hourly->rate / 1000 > DEMO_MAX_NET)
    hours_milli -= 500;
  while (fixed_sum + hours_milli * hourly->rate / 1000 < DEMO_MIN_NET)
    hours_milli += 500;

  add_line (invoice, hourly->description, hours_milli, hourly->rate);
}

static gboolean
add_payment (OdStore     *store,
             OdInvoice   *invoice,
             GRand       *rand,
             const GDate *date,
             gint64       amount,
             GError     **error)
{
  g_autoptr(OdPayment) payment = od_payment_new ();
  g_autofree char *reference = NULL;

  reference = g_strdup_printf ("RE %s", od_invoice_get_number (invoice));
  od_payment_set_invoice_id (payment, od_invoice_get_id (invoice));
  od_payment_set_date (payment, date);
  od_payment_set_amount (payment, amount);
  od_payment_set_currency (payment, od_invoice_get_currency (invoice));
  od_payment_set_method (payment,
                         demo_methods[rand_range (rand, 0, G_N_ELEMENTS (demo_methods) - 1)]);
  od_payment_set_reference (payment, reference);

  return od_store_insert_payment (store, payment, error);
}

/* A part of @total in whole tens of euros, strictly between 0 and @total. */
static gint64
part_of (gint64 total,
         gint   percent)
{
  gint64 part;

  if (!od_round_div (total, percent, 100, &part))
    part = total / 2;

  part -= part % 1000;
  if (part <= 0 || part >= total)
    part = total / 2;

  return part;
}

static gboolean
add_payments (OdStore           *store,
              OdInvoice         *invoice,
              GRand             *rand,
              const DemoInvoice *plan,
              const GDate       *today,
              GError           **error)
{
  const GDate *due = od_invoice_get_due_date (invoice);
  gint64 total = od_invoice_get_total (invoice);
  gint64 part;
  GDate date;
  gint late;

  switch (plan->outcome)
    {
    case OUTCOME_OPEN:
    case OUTCOME_VOID:
      return TRUE;

    case OUTCOME_PAID_ON_TIME:
      date_add (&date, &plan->issue, rand_range (rand, 1, (gint) plan->terms));
      return add_payment (store, invoice, rand, &date, total, error);

    case OUTCOME_PAID_EARLY:
      date_add (&date, &plan->issue,
                rand_range (rand, 1, MAX (1, od_date_days_between (&plan->issue, today))));
      return add_payment (store, invoice, rand, &date, total, error);

    case OUTCOME_PAID_LATE:
      /* Most late payers are a week or two late; a long tail is months. */
      late = rand_range (rand, 1, 14);
      if (rand_range (rand, 0, 9) < 3)
        late += rand_range (rand, 15, 90);
      date_add (&date, due, late);
      if (g_date_compare (&date, today) > 0)
        return TRUE;
      return add_payment (store, invoice, rand, &date, total, error);

    case OUTCOME_TWO_PAYMENTS:
      part = part_of (total, rand_range (rand, 30, 60));
      date_add (&date, &plan->issue, rand_range (rand, 1, (gint) plan->terms));
      if (!add_payment (store, invoice, rand, &date, part, error))
        return FALSE;
      date_add (&date, due, rand_range (rand, 5, 40));
      if (g_date_compare (&date, today) > 0)
        return TRUE;
      return add_payment (store, invoice, rand, &date, total - part, error);

    case OUTCOME_PARTLY_PAID:
      part = part_of (total, rand_range (rand, 20, 50));
      date_add (&date, due, -rand_range (rand, 0, 3));
      if (g_date_compare (&date, &plan->issue) < 0)
        date = plan->issue;
      return add_payment (store, invoice, rand, &date, part, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
add_special (OdStore           *store,
             OdInvoice         *invoice,
             const DemoInvoice *plan,
             const GDate       *today,
             GError           **error)
{
  gint64 id = od_invoice_get_id (invoice);
  GDate since;
  GDate until;

  switch (plan->special)
    {
    case SPECIAL_NONE:
      return TRUE;

    case SPECIAL_DISPUTE:
      date_add (&since, od_invoice_get_due_date (invoice), 9);
      return od_store_insert_pause (store, id, OD_PAUSE_KIND_DISPUTE,
                                    &since, NULL, 0,
                                    "Customer says the brochure run was 500 "
                                    "copies, not 1,000; waiting for the "
                                    "printer's delivery note.",
                                    error) > 0;

    case SPECIAL_PROMISE:
      date_add (&since, today, -2);
      date_add (&until, today, 7);
      return od_store_insert_pause (store, id, OD_PAUSE_KIND_PROMISE,
                                    &since, &until, 0,
                                    "Promised on the phone to pay the whole "
                                    "amount by next week.",
                                    error) > 0;

    case SPECIAL_PLAN:
      date_add (&since, today, 5);
      return od_store_insert_payment_plan (store, id, 3, 30, &since,
                                           error) > 0;

    default:
      g_assert_not_reached ();
    }
}

/* Plans all invoices first, then numbers them in issue order, as a real
 * studio's numbering would run. */
static GArray *
plan_invoices (GRand       *rand,
               const GDate *today)
{
  GArray *plans = g_array_sized_new (FALSE, TRUE, sizeof (DemoInvoice),
                                     DEMO_N_INVOICES);
  guint total_weight = 0;
  GDate start;
  gint span;
  guint n_random;
  guint voided = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_customers); i++)
    total_weight += demo_customers[i].weight;

  start = *today;
  g_date_subtract_months (&start, DEMO_MONTHS);
  span = od_date_days_between (&start, today);

  for (guint i = 0; i < G_N_ELEMENTS (demo_placed); i++)
    {
      DemoInvoice plan = { 0, };

      date_add (&plan.issue, today,
                -(demo_placed[i].days_overdue + (gint) demo_placed[i].terms));
      plan.terms = demo_placed[i].terms;
      plan.customer = pick_customer (rand, total_weight);
      plan.outcome = demo_placed[i].outcome;
      plan.special = demo_placed[i].special;
      plan.order = plans->len;
      g_array_append_val (plans, plan);
    }

  n_random = DEMO_N_INVOICES - plans->len;
  for (guint i = 0; i < n_random; i++)
    {
      DemoInvoice plan = { 0, };
      GDate due;
      gint days_overdue;
      gint roll;

      date_add (&plan.issue, &start, rand_range (rand, 0, span - 1));
      plan.terms = rand_range (rand, 0, 2) == 0 ? 14 : 30;
      plan.customer = pick_customer (rand, total_weight);
      plan.order = plans->len;

      date_add (&due, &plan.issue, (gint) plan.terms);
      days_overdue = od_date_days_between (&due, today);
      roll = rand_range (rand, 0, 99);

      if (days_overdue < 0)
        plan.outcome = roll < 20 ? OUTCOME_PAID_EARLY : OUTCOME_OPEN;
      else if (roll < 68)
        plan.outcome = OUTCOME_PAID_ON_TIME;
      else if (roll < 91)
        plan.outcome = OUTCOME_PAID_LATE;
      else if (roll < 97)
        plan.outcome = OUTCOME_TWO_PAYMENTS;
      else if (voided++ == 0)
        plan.outcome = OUTCOME_VOID;
      else
        plan.outcome = OUTCOME_PAID_ON_TIME;

      g_array_append_val (plans, plan);
    }

  g_array_sort (plans, compare_invoices);

  return plans;
}

static gboolean
populate (OdStore      *store,
          const GDate  *today,
          GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) plans = NULL;
  guint year = 0;
  guint sequence = 0;

  if (!add_business (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_customers); i++)
    {
      OdCustomer *customer = add_customer (store, rand, i, error);

      if (customer == NULL)
        return FALSE;
      g_ptr_array_add (customers, customer);
    }

  plans = plan_invoices (rand, today);

  for (guint i = 0; i < plans->len; i++)
    {
      const DemoInvoice *plan = &g_array_index (plans, DemoInvoice, i);
      OdCustomer *customer = g_ptr_array_index (customers, plan->customer);
      g_autoptr(OdInvoice) invoice = od_invoice_new ();
      g_autofree char *number = NULL;
      GDate due;

      if (g_date_get_year (&plan->issue) != year)
        {
          year = g_date_get_year (&plan->issue);
          sequence = 0;
        }
      number = g_strdup_printf ("%u-%04u", year, ++sequence);
      date_add (&due, &plan->issue, (gint) plan->terms);

      od_invoice_set_number (invoice, number);
      od_invoice_set_customer_id (invoice, od_customer_get_id (customer));
      od_invoice_set_issue_date (invoice, &plan->issue);
      od_invoice_set_due_date (invoice, &due);
      od_invoice_set_currency (invoice, DEMO_CURRENCY);
      add_lines (invoice, rand);
      if (!od_invoice_compute_total (invoice, error))
        return FALSE;
      if (plan->outcome == OUTCOME_VOID)
        od_invoice_set_status (invoice, OD_INVOICE_STATUS_VOID);

      if (!od_store_insert_invoice (store, invoice, error) ||
          !add_payments (store, invoice, rand, plan, today, error) ||
          !add_special (store, invoice, plan, today, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * od_demo_populate:
 * @store: an empty ledger
 * @today: the date the demo is seen from
 * @error: return location for an error
 *
 * Fills @store in one unit of work; on failure nothing is kept.
 *
 * Returns: whether the ledger was filled
 */
gboolean
od_demo_populate (OdStore      *store,
                  const GDate  *today,
                  GError      **error)
{
  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!od_store_begin (store, error))
    return FALSE;

  /* The demo's customers are made up: nothing it queues may leave the
   * machine, even after an account is set up, until demo mode is
   * turned off (od_collection_is_demo()). */
  if (!store_is_empty (store, error) || !populate (store, today, error) ||
      !_od_demo_add_history (store, today, OD_DEMO_TIME_ZONE, error) ||
      !od_store_set_setting (store, OD_COLLECTION_DEMO_MODE_KEY, "1", error))
    {
      od_store_rollback (store);
      return FALSE;
    }

  return od_store_commit (store, error);
}

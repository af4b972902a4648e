/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-language-private.h"

/*
 * The fixed words of the documents and messages Overdue writes to
 * customers (letters, invoices, statements), in the languages it writes
 * them in besides English. They are a table rather than gettext
 * catalogues because a document speaks its reader's language, not the
 * user's: switching the process's or the thread's locale around a
 * render would be global state, would lose to $LANGUAGE (which gettext
 * prefers to the thread's locale), and needs that locale installed.
 *
 * Keys are the English texts exactly as the code marks them with N_();
 * the marks keep them in the user's catalogue for documents written for
 * the user (the agency packet). Collection wording is formal: Sie and
 * vous. Arguments are in the English order; %1$s etc. reorder them.
 */

typedef struct
{
  const char *en;
  const char *de;
  const char *fr;
} Text;

static const Text texts[] = {
  /* Letters: titles and the parts the PDF writes around the template. */
  { "Payment reminder", "Zahlungserinnerung", "Rappel de paiement" },
  { "Final notice", "Letzte Mahnung", "Dernier avis avant mise en demeure" },
  { "Letter before action: formal demand for payment",
    "Förmliche Zahlungsaufforderung mit Fristsetzung", "Mise en demeure de payer" },
  { "Demand for payment", "Zahlungsaufforderung", "Mise en demeure de payer" },
  { "Your invoice is due soon", "Ihre Rechnung wird in Kürze fällig",
    "Votre facture arrive bientôt à échéance" },
  { "Dear %s,", "Guten Tag %s,", "Madame, Monsieur," },
  { "Dear Sir or Madam,", "Sehr geehrte Damen und Herren,", "Madame, Monsieur," },
  { "Yours sincerely,", "Mit freundlichen Grüßen",
    "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées." },
  { "Customer no.", "Kundennr.", "N° client" },
  { "Invoice no.", "Rechnungsnr.", "N° de facture" },
  { "Date", "Datum", "Date" },
  { "Invoice", "Rechnung", "Facture" },
  { "Due date", "Fällig am", "Échéance" },
  { "Days overdue", "Tage Verzug", "Jours de retard" },
  { "Outstanding", "Offen", "Restant dû" },
  { "Principal outstanding", "Offene Hauptforderung", "Principal restant dû" },
  { "Late fees", "Mahngebühren", "Frais de relance" },
  { "Interest at %s a year for %u day", "Verzugszinsen (%s p. a.) für %u Tag",
    "Pénalités de retard au taux annuel de %s sur %u jour" },
  { "Interest at %s a year for %u days", "Verzugszinsen (%s p. a.) für %u Tage",
    "Pénalités de retard au taux annuel de %s sur %u jours" },
  { "Fixed compensation for recovery costs", "Verzugspauschale (§ 288 Abs. 5 BGB)",
    "Indemnité forfaitaire pour frais de recouvrement" },
  { "Total to pay", "Zu zahlender Gesamtbetrag", "Total à payer" },
  { "Reminder", "Schreiben", "Relance" },
  { "Sent by", "Versandweg", "Envoyée par" },
  { "Our reminders so far", "Unsere bisherigen Schreiben", "Nos relances à ce jour" },
  { "Please transfer the amount to %s, %s", "Bitte überweisen Sie den Betrag an %s, %s",
    "Merci de virer le montant à %s, %s" },
  { ", BIC %s", ", BIC %s", ", BIC %s" },
  { ", quoting %s.", ", Verwendungszweck %s.", ", en indiquant la référence %s." },
  { "%sOr pay online: %s", "%sOder zahlen Sie online: %s", "%sVous pouvez aussi payer en ligne : %s" },
  { "If anything about these amounts is not right, please contact us at once.",
    "Sollte an diesen Beträgen etwas nicht stimmen, melden Sie sich bitte umgehend bei uns.",
    "Si l’un de ces montants vous paraît inexact, merci de nous contacter sans attendre." },

  /* Letters: the built-in wording, for a step without a letter template. */
  { "A friendly note: invoice %s for %s is due on %s. "
    "If you have already arranged payment, thank you, and please ignore this letter.",
    "Eine freundliche Erinnerung: Die Rechnung %1$s über %2$s wird am %3$s fällig. "
    "Falls Sie die Zahlung bereits veranlasst haben, danken wir Ihnen; dieses Schreiben ist dann gegenstandslos.",
    "Pour mémoire, la facture %s d’un montant de %s arrive à échéance le %s. "
    "Si vous avez déjà effectué le règlement, nous vous en remercions et vous prions de ne pas tenir compte de ce courrier." },
  { "A friendly note: the invoices below, %s in all, are due soon. "
    "If you have already arranged payment, thank you, and please ignore this letter.",
    "Eine freundliche Erinnerung: Die unten aufgeführten Rechnungen über insgesamt %s werden in Kürze fällig. "
    "Falls Sie die Zahlung bereits veranlasst haben, danken wir Ihnen; dieses Schreiben ist dann gegenstandslos.",
    "Pour mémoire, les factures ci-dessous, d’un montant total de %s, arrivent bientôt à échéance. "
    "Si vous avez déjà effectué le règlement, nous vous en remercions et vous prions de ne pas tenir compte de ce courrier." },
  { "Despite our reminders, invoice %s, due on %s, is still unpaid. "
    "This is our final notice before we take further steps. "
    "Please pay %s by %s. The late fee shown below is now due as well. "
    "If we do not receive your payment by then, we will pass the matter to "
    "a collection agency or take legal action without further notice, "
    "which will add to your costs.",
    "Trotz unserer Erinnerungen ist die am %2$s fällige Rechnung %1$s noch nicht bezahlt. "
    "Dies ist unsere letzte Mahnung. "
    "Bitte zahlen Sie %3$s bis zum %4$s. Die unten aufgeführte Mahngebühr ist ebenfalls fällig. "
    "Geht Ihre Zahlung bis dahin nicht ein, übergeben wir die Forderung ohne weitere Ankündigung "
    "einem Inkassobüro oder machen sie gerichtlich geltend; die dadurch entstehenden Kosten gehen zu Ihren Lasten.",
    "Malgré nos relances, la facture %s, échue le %s, reste impayée. "
    "Ce courrier est notre dernier avis avant mise en demeure. "
    "Nous vous demandons de régler %s au plus tard le %s. Les frais de relance indiqués ci-dessous sont également dus. "
    "À défaut de paiement à cette date, nous confierons le dossier à une société de recouvrement "
    "ou engagerons une procédure judiciaire sans autre préavis, ce qui augmentera vos frais." },
  { "Despite our reminders, the invoices below are still unpaid. "
    "This is our final notice before we take further steps. "
    "Please pay %s by %s. The late fees shown below are now due as well. "
    "If we do not receive your payment by then, we will pass the matter to "
    "a collection agency or take legal action without further notice, "
    "which will add to your costs.",
    "Trotz unserer Erinnerungen sind die unten aufgeführten Rechnungen noch nicht bezahlt. "
    "Dies ist unsere letzte Mahnung. "
    "Bitte zahlen Sie %s bis zum %s. Die unten aufgeführten Mahngebühren sind ebenfalls fällig. "
    "Geht Ihre Zahlung bis dahin nicht ein, übergeben wir die Forderung ohne weitere Ankündigung "
    "einem Inkassobüro oder machen sie gerichtlich geltend; die dadurch entstehenden Kosten gehen zu Ihren Lasten.",
    "Malgré nos relances, les factures ci-dessous restent impayées. "
    "Ce courrier est notre dernier avis avant mise en demeure. "
    "Nous vous demandons de régler %s au plus tard le %s. Les frais de relance indiqués ci-dessous sont également dus. "
    "À défaut de paiement à cette date, nous confierons le dossier à une société de recouvrement "
    "ou engagerons une procédure judiciaire sans autre préavis, ce qui augmentera vos frais." },
  { "We have written to you about the unpaid amounts below several times, "
    "most recently with our final notice, without receiving payment or a reply. "
    "We therefore formally demand payment of %s, made up of the principal, "
    "the late fees, statutory interest and the fixed compensation for recovery "
    "costs as set out below, by %s. "
    "If payment is not received by that date, we will start court proceedings "
    "or instruct a collection agency without further notice; the costs of doing so "
    "will be claimed from you. Copies of the open invoices are enclosed.",
    "Wegen der unten aufgeführten offenen Beträge haben wir Ihnen mehrfach geschrieben, "
    "zuletzt mit unserer letzten Mahnung, ohne eine Zahlung oder Antwort zu erhalten. "
    "Wir fordern Sie daher auf, %s – Hauptforderung, Mahngebühren, gesetzliche Verzugszinsen "
    "und Verzugspauschale wie unten aufgeführt – bis zum %s zu zahlen. "
    "Geht die Zahlung bis zu diesem Tag nicht ein, leiten wir ohne weitere Ankündigung ein gerichtliches "
    "Mahnverfahren ein oder beauftragen ein Inkassobüro; die dadurch entstehenden Kosten machen wir Ihnen "
    "gegenüber geltend. Kopien der offenen Rechnungen liegen bei.",
    "Nous vous avons écrit à plusieurs reprises au sujet des sommes impayées ci-dessous, "
    "en dernier lieu par notre dernier avis, sans recevoir ni paiement ni réponse. "
    "Nous vous mettons donc en demeure de nous régler %s, soit le principal, les frais de relance, "
    "les pénalités de retard et l’indemnité forfaitaire pour frais de recouvrement détaillés ci-dessous, "
    "au plus tard le %s. "
    "À défaut de paiement à cette date, nous engagerons une procédure judiciaire ou confierons le dossier "
    "à une société de recouvrement sans autre préavis ; les frais correspondants vous seront réclamés. "
    "Vous trouverez ci-joint la copie des factures impayées." },
  { "Our records show that invoice %s, due on %s, has not been paid yet. "
    "Perhaps it was overlooked. Please pay %s by %s. "
    "If you have paid in the meantime, thank you, and please ignore this letter.",
    "Nach unseren Unterlagen ist die am %2$s fällige Rechnung %1$s noch nicht bezahlt. "
    "Vielleicht ist sie Ihnen entgangen. Bitte zahlen Sie %3$s bis zum %4$s. "
    "Falls Sie inzwischen gezahlt haben, danken wir Ihnen; dieses Schreiben ist dann gegenstandslos.",
    "Sauf erreur de notre part, la facture %s, échue le %s, n’a pas encore été réglée. "
    "Il s’agit peut-être d’un oubli. Nous vous remercions de régler %s au plus tard le %s. "
    "Si vous avez réglé entre-temps, merci, et veuillez ne pas tenir compte de ce courrier." },
  { "Our records show that the invoices below have not been paid yet. "
    "Perhaps they were overlooked. Please pay %s by %s. "
    "If you have paid in the meantime, thank you, and please ignore this letter.",
    "Nach unseren Unterlagen sind die unten aufgeführten Rechnungen noch nicht bezahlt. "
    "Vielleicht sind sie Ihnen entgangen. Bitte zahlen Sie %s bis zum %s. "
    "Falls Sie inzwischen gezahlt haben, danken wir Ihnen; dieses Schreiben ist dann gegenstandslos.",
    "Sauf erreur de notre part, les factures ci-dessous n’ont pas encore été réglées. "
    "Il s’agit peut-être d’un oubli. Nous vous remercions de régler %s au plus tard le %s. "
    "Si vous avez réglé entre-temps, merci, et veuillez ne pas tenir compte de ce courrier." },

  /* The invoice. */
  { "Invoice %s", "Rechnung %s", "Facture %s" },
  { "Invoice %s (copy)", "Rechnung %s (Kopie)", "Facture %s (copie)" },
  { "Invoice date", "Rechnungsdatum", "Date de facture" },
  { "Our tax ID", "Unsere USt-IdNr.", "Notre n° de TVA" },
  { "Description", "Beschreibung", "Désignation" },
  { "Quantity", "Menge", "Quantité" },
  { "Unit price", "Einzelpreis", "Prix unitaire" },
  { "Tax", "USt.", "TVA" },
  { "Amount (%s)", "Betrag (%s)", "Montant (%s)" },
  { "Invoice total as agreed", "Rechnungsbetrag wie vereinbart", "Montant de la facture convenu" },
  { "Net amount", "Nettobetrag", "Montant HT" },
  { "Tax %s on %s", "USt. %s auf %s", "TVA %s sur %s" },
  { "Total", "Gesamt", "Total" },
  { "Paid", "Bezahlt", "Réglé" },
  { "Amount due", "Offener Betrag", "Montant dû" },
  { "This invoice is paid in full. Thank you.",
    "Diese Rechnung ist vollständig bezahlt. Vielen Dank.",
    "Cette facture est entièrement réglée. Merci." },
  { "Please pay %s by %s (%d day net).",
    "Bitte zahlen Sie %s bis zum %s (%d Tag netto).",
    "Merci de régler %s au plus tard le %s (%d jour net)." },
  { "Please pay %s by %s (%d days net).",
    "Bitte zahlen Sie %s bis zum %s (%d Tage netto).",
    "Merci de régler %s au plus tard le %s (%d jours net)." },
  { "Early payment: if we receive your payment by %s (%u days from the invoice date), "
    "you may deduct %s (%s) and pay %s.",
    "Skonto: Geht Ihre Zahlung bis zum %1$s ein (%2$u Tage ab Rechnungsdatum), "
    "können Sie %3$s (%4$s) abziehen und %5$s zahlen.",
    "Escompte : si votre paiement nous parvient au plus tard le %s (%u jours après la date de facture), "
    "vous pouvez déduire %s (%s) et régler %s." },
  { "Bank transfer to %s, %s", "Überweisung an %s, %s", "Virement à %s, %s" },
  { ", reference %s.", ", Verwendungszweck %s.", ", référence %s." },
  { "Or pay online: %s", "Oder zahlen Sie online: %s", "Ou payez en ligne : %s" },
  { "Payment", "Zahlung", "Règlement" },
  { "Scan to pay by bank transfer", "Scannen und per Überweisung zahlen",
    "Scannez pour payer par virement" },
  { "Thank you for your business.", "Vielen Dank für Ihren Auftrag.",
    "Nous vous remercions de votre confiance." },

  /* The statement of account. */
  { "Statement of account", "Aufstellung offener Posten", "Relevé de compte" },
  { "Statement date", "Stand", "Date du relevé" },
  { "Issued", "Ausgestellt", "Émise le" },
  { "Due", "Fällig", "Échéance" },
  { "Current", "Nicht fällig", "Non échu" },
  { "1–30 days", "1–30 Tage", "1 à 30 jours" },
  { "31–60 days", "31–60 Tage", "31 à 60 jours" },
  { "61–90 days", "61–90 Tage", "61 à 90 jours" },
  { "91+ days", "über 90 Tage", "plus de 90 jours" },
  { "Open items in %s", "Offene Posten in %s", "Pièces non réglées en %s" },
  { "Aging of the outstanding %s", "Fälligkeitsstruktur der offenen Posten in %s",
    "Antériorité des sommes dues en %s" },
  { "On %s your account has no open items. Thank you.",
    "Am %s bestehen auf Ihrem Konto keine offenen Posten. Vielen Dank.",
    "Au %s, votre compte ne présente aucune somme due. Merci." },
  { "These are the open items on your account on %s. "
    "Payments made after that date are not shown.",
    "Dies sind die offenen Posten auf Ihrem Konto mit Stand %s. "
    "Danach eingegangene Zahlungen sind nicht berücksichtigt.",
    "Voici les sommes dues sur votre compte au %s. "
    "Les paiements effectués après cette date n’y figurent pas." },
  { "Please pay the overdue amounts now, quoting the invoice numbers. "
    "If you have paid in the meantime, thank you, and please ignore this statement. "
    "If an item is not right, tell us, and we will look into it at once.",
    "Bitte zahlen Sie die überfälligen Beträge jetzt unter Angabe der Rechnungsnummern. "
    "Falls Sie inzwischen gezahlt haben, danken wir Ihnen; diese Aufstellung ist dann gegenstandslos. "
    "Sollte ein Posten nicht stimmen, teilen Sie es uns bitte mit; wir prüfen es umgehend.",
    "Merci de régler dès maintenant les sommes échues en rappelant les numéros de facture. "
    "Si vous avez réglé entre-temps, merci, et veuillez ne pas tenir compte de ce relevé. "
    "Si une ligne vous semble inexacte, signalez-le-nous et nous vérifierons sans attendre." },

  /* Every document: the footer and the address. */
  { "Phone %s\n", "Telefon %s\n", "Tél. %s\n" },
  { "Tax ID %s", "USt-IdNr. %s", "N° de TVA %s" },
  { "Page %u of %u", "Seite %u von %u", "Page %u sur %u" },
  { "\nAttn. %s", "\nz. Hd. %s", "\nÀ l’attention de %s" },

  /* The reminder history of a demand letter. */
  { "Courtesy reminder", "Freundliche Erinnerung", "Rappel avant échéance" },
  { "Second reminder", "1. Mahnung", "Deuxième relance" },
  { "Demand letter", "Förmliche Zahlungsaufforderung", "Mise en demeure" },
  { "Handed to a collection agency", "An ein Inkassobüro übergeben",
    "Transmis à une société de recouvrement" },
  { "Email", "E-Mail", "E-mail" },
  { "Text message", "SMS", "SMS" },
  { "Letter", "Brief", "Courrier" },
  { "Phone call", "Anruf", "Appel" },

  /* Messages. */
  /* Short: every character of a text message counts. */
  { "Reply STOP to opt out.", "Abbestellen: Antworten Sie STOP.", "Désinscription\u00a0: répondez STOP." },
};

const char *
_od_language_lookup (const char *code,
                     const char *msgid)
{
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (strcmp (texts[i].en, msgid) != 0)
        continue;
      if (strcmp (code, "de") == 0)
        return texts[i].de;
      if (strcmp (code, "fr") == 0)
        return texts[i].fr;
      return NULL;
    }
  return NULL;
}

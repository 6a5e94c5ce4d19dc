// Error codes and field rules from Rust → plain Dutch sentences (B1).
// `byCode` has a sentence for every `ErrorCode` (the type checker fails on a
// new code without one). A limit a sentence names comes from the payload.
import { ApiError, toApiError, type ErrorCode, type FieldError } from "./api";
import { dutchInt } from "./numbers";

type Sentence = string | ((limit: number | null) => string);

/** A sentence that names the payload's limit the Dutch way, or, without a
 *  limit, says the same without a number. */
function limited(named: (n: string) => string, unnamed: string): Sentence {
  return (limit) => (limit === null ? unnamed : named(dutchInt(limit)));
}

const byCode: Record<ErrorCode, Sentence> = {
  invalid_input: "Niet alles is goed ingevuld. Kijk bij de rode meldingen.",
  not_found: "Dit bestaat niet (meer). Misschien is het net verwijderd of gewijzigd.",
  wrong_passphrase: "Dit wachtwoord klopt niet. Let op hoofdletters en spaties, en probeer het opnieuw.",
  wrong_recovery_key: "Deze herstelsleutel klopt niet. Controleer de letters en cijfers en probeer het opnieuw.",
  weak_passphrase: limited(
    (n) => `Het wachtwoord is te kort. Kies minstens ${n} tekens, bijvoorbeeld een korte zin.`,
    "Het wachtwoord is te kort. Kies een langer wachtwoord, bijvoorbeeld een korte zin.",
  ),
  already_set_up: "Er is al een buurtpunt in deze map. Open het met uw wachtwoord.",
  not_set_up: "Er is nog geen buurtpunt in deze map. Start eerst een nieuw buurtpunt.",
  locked: "Buurtpunt is vergrendeld. Vul eerst uw wachtwoord in.",
  meeting_mode: "De vergadermodus staat aan. Verlaat eerst de vergadermodus (met het wachtwoord).",
  database_damaged: "Het gegevensbestand is beschadigd of onleesbaar. Zet een back-up terug.",
  key_file_damaged:
    "Het sleutelbestand (sleutel.json) is beschadigd. Open Buurtpunt met de herstelsleutel, of zet een back-up-bestand terug.",
  key_file_missing:
    "Het sleutelbestand (sleutel.json) ontbreekt, en in de back-ups op deze computer staat geen sleutel die bij dit wachtwoord past. Open Buurtpunt met de herstelsleutel, of zet een back-up-bestand terug.",
  needs_recovery_key:
    "Dit bestand heeft geen eigen sleutel. Het gaat alleen open met de herstelsleutel. Kies hieronder \"Met de herstelsleutel\".",
  disk_full:
    "Opslaan lukt niet: de schijf of USB-stick is vol. Wat u typte, staat nog op het scherm. Maak ruimte vrij (bijvoorbeeld door oude bestanden te wissen) en probeer het opnieuw. Er is niets kwijt.",
  storage_unavailable:
    "Opslaan lukt niet: de map met gegevens kan nu niet beschreven worden (vol, alleen-lezen, of de USB-stick is eruit). Wat u typte, staat nog op het scherm. Los het op en probeer het opnieuw. Er is niets kwijt.",
  database_too_new: "Deze gegevens zijn gemaakt met een nieuwere versie van Buurtpunt. Installeer eerst de nieuwste versie.",
  likely_duplicate: "Deze bewoner staat er waarschijnlijk al in (zelfde naam en adres).",
  invalid_transition: "Deze stap kan niet vanuit de huidige status.",
  already_volunteer: "Deze bewoner is al vrijwilliger.",
  already_matched: "Deze vrijwilliger is al aan deze hulpvraag gekoppeld.",
  not_available:
    "Deze vrijwilliger kan nu niet gekoppeld worden (bijvoorbeeld pauze, afwezig, geen VOG of wil deze taak niet).",
  no_consent:
    "Er is geen geldige toestemming van de bewoner om gegevens met deze ontvanger te delen. Leg eerst de toestemming vast. Alleen bij acuut gevaar mag het zonder, met een reden.",
  no_callback_number:
    "Het loket moet u kunnen terugbellen, maar er staat geen telefoonnummer bij u of bij het buurtpunt. Vul het nummer van het buurtpunt in bij Instellingen, of uw eigen nummer bij de contactpersonen.",
  collective_request:
    "Dit is een hulpvraag voor een straat of het hele dorp. Doorverwijzen of overdragen kan alleen bij een hulpvraag van één bewoner.",
  no_pattern: "Deze signalen vormen geen patroon meer. Kijk opnieuw op Vandaag.",
  handover_failed: "Het overdrachtsbestand kon niet gemaakt worden. Er is niets opgeslagen of gedeeld.",
  report_failed: "Het jaarverslag kon niet gemaakt worden. Er is niets opgeslagen.",
  full_export_failed: "De export kon niet gemaakt worden. Er is geen bestand opgeslagen.",
  report_files_exist: "Er staan al bestanden met deze naam. Wilt u ze vervangen?",
  privacy_doc_failed: "Het document kon niet gemaakt worden. Er is niets opgeslagen.",
  erase_blocked:
    "Wissen kan nog niet: er staat nog iets open voor deze persoon. Sluit dat eerst af. Er is niets gewist.",
  request_closed: "Deze hulpvraag is afgesloten. Zet de status eerst terug naar In behandeling.",
  bad_backup:
    "Dit bestand is geen bruikbare back-up van dit buurtpunt: het is beschadigd, niet helemaal gekopieerd, of de sleutel past er niet bij. Er is niets gewijzigd.",
  hsds_unreadable:
    "Dit bestand is geen sociale kaart die Buurtpunt kan lezen. Kies een HSDS-bestand: JSON, of een ZIP met CSV-bestanden. Er is niets ingelezen.",
  hsds_empty: "In dit bestand staan geen organisaties. Er is niets ingelezen.",
  crypto: "Versleutelen of ontsleutelen is mislukt. Er is niets gewijzigd.",
  database: "Opslaan in het gegevensbestand is mislukt. Er is niets gewijzigd. Probeer het opnieuw.",
  io: "Het bestand kon niet gelezen of geschreven worden. Kies een andere plek of probeer het opnieuw.",
  migration: "Het bijwerken van het gegevensbestand is mislukt. Er is een back-up van vóór de update.",
  stored_data: "Opgeslagen gegevens zijn niet leesbaar.",
  import_unreadable:
    "Buurtpunt kan dit bestand niet lezen. Kies een spreadsheet: een Excel-bestand (.xlsx) of een CSV-bestand (.csv).",
  import_empty:
    "Er staan geen mensen in dit bestand. De eerste rij moet de namen van de kolommen hebben, en de rijen daaronder de mensen.",
  import_no_such_sheet:
    "Dit werkblad staat niet (meer) in het bestand. Kies een werkblad uit de lijst, of kies het bestand opnieuw.",
  import_no_header:
    "De eerste rij van dit bestand heeft geen kolomnamen. Zet bovenaan een rij met namen, zoals Voornaam, Achternaam en Postcode. Sla het bestand op en kies het opnieuw.",
  import_too_many_rows: limited(
    (n) =>
      `Dit bestand heeft meer dan ${n} rijen. Buurtpunt leest hoogstens ${n} rijen tegelijk. Verdeel de rijen over een paar kleinere bestanden.`,
    "Dit bestand heeft te veel rijen voor één keer. Verdeel de rijen over een paar kleinere bestanden.",
  ),
  import_file_too_large: limited(
    (n) => `Dit bestand is te groot (meer dan ${n} MB). Verdeel de rijen over een paar kleinere bestanden.`,
    "Dit bestand is te groot. Verdeel de rijen over een paar kleinere bestanden.",
  ),
  import_not_ready: "Er is niets geïmporteerd: in sommige rijen klopt iets niet. Kijk bij de controle.",
  import_file_changed:
    "Het bestand is opnieuw opgeslagen nadat Buurtpunt het las. Er is niets geïmporteerd. Kies het bestand opnieuw.",
  file_gone:
    "Het bestand of de map is niet (meer) te vinden. Misschien is het verplaatst of hernoemd, of is de USB-stick eruit gehaald. Kies opnieuw.",
  internal: "Er ging iets mis in Buurtpunt. Probeer het opnieuw.",
  file_not_chosen:
    "Buurtpunt gebruikt alleen een bestand dat u zelf kiest. Kies het bestand opnieuw met de knop. Er is niets gewijzigd.",
};

/** The Dutch sentence for any error thrown by the api. */
export function errorText(e: unknown): string {
  const err = e instanceof ApiError ? e : toApiError(e);
  // A code this version does not know (a newer backend) reads as internal.
  const sentence = byCode[err.code] ?? byCode.internal;
  return typeof sentence === "string" ? sentence : sentence(err.payload.limit);
}

/** The Dutch sentence for one field error. */
export function fieldText(f: FieldError): string {
  switch (f.rule) {
    case "required":
      return "Vul dit in.";
    case "too_long":
      return f.max === null ? "Dit is te lang. Maak het korter." : `Dit is te lang. Gebruik hoogstens ${dutchInt(f.max)} tekens.`;
    case "postcode":
      return "Vul een postcode in zoals 1234 AB.";
    case "phone":
      return "Vul een telefoonnummer in zoals 0612345678 of 0591 123456.";
    case "email":
      return "Vul een e-mailadres in zoals naam@voorbeeld.nl.";
    case "date":
      return "Vul een datum in zoals 22-11-2026.";
    case "date_in_future":
      return "Deze datum ligt in de toekomst.";
    case "choice":
      return "Maak een keuze.";
    case "close_reason_required":
      return "Schrijf kort waarom de vraag wordt afgesloten.";
    case "number":
      return "Vul een getal in, zoals 4 of 2,5.";
    case "duplicate":
      return "Deze naam bestaat al.";
    case "reason_required":
      return "Schrijf kort waarom.";
    case "url":
      return "Vul een webadres in zoals www.voorbeeld.nl.";
    case "too_early":
      return "Deze datum ligt voor de hulpvraag of voor de vorige stap. Kies een latere datum.";
    case "period_order":
      return "De einddatum ligt vóór de begindatum.";
    case "period_too_long":
      return "Kies een periode van hoogstens tien jaar.";
    case "time":
      return "Vul een tijd in zoals 14:30.";
    case "formula_start":
      return "Een naam mag niet beginnen met =, +, - of @.";
    default:
      return "Dit klopt niet.";
  }
}

/** Field name → Dutch message, for forms. Unknown fields are ignored. */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError) {
    for (const f of e.payload.fields) {
      if (!(f.field in out)) out[f.field] = fieldText(f);
    }
  }
  return out;
}

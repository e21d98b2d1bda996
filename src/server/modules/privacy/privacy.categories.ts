/**
 * The one table of personal-data categories Samspel holds (GDPR art. 30). The register extract, the
 * erasure impact list and the record of processing are all generated from it, and the retention rules
 * (module `retention`) use the same keys. Swedish: it is printed as it stands for the data protection
 * officer and for the person asking.
 */

export interface PersonalDataCategory {
  key: CategoryKey;
  name: string;
  purpose: string;
  legalBasis: string;
  dataItems: string[];
  dataSubjects: string[];
  recipients: string[];
  retention: string;
  security: string[];
  /** The archive rule that keeps some of these records despite an erasure request, if any. */
  archiveRule: string | null;
}

export const categoryKeys = [
  "people",
  "users",
  "memberships",
  "event_registrations",
  "event_dietary_needs",
  "newsletter_subscribers",
  "idea_submitters",
  "outbox_failed",
  "audit_entries",
] as const;
export type CategoryKey = (typeof categoryKeys)[number];

export const CONTROLLER = "Samverkan Mälardalen (personuppgiftsansvarig), via Samspel";

const SECURITY_BASE = [
  "Inloggning med personligt konto; lösenord lagras hashade (scrypt)",
  "Behörighet per roll och organisation, prövad i varje tjänstefunktion",
  "Varje ändring loggas med vem, vad och när",
  "Krypterad överföring (HTTPS); databasen ligger hos den personuppgiftsansvarige",
];

export const categories: readonly PersonalDataCategory[] = [
  {
    key: "people",
    name: "Personregistret (kontaktpersoner)",
    purpose: "Att hålla kontakt med partnerorganisationernas personer och följa upp samverkan.",
    legalBasis: "Allmänt intresse (GDPR art. 6.1 e): samverkansuppdraget; för vissa personer samtycke.",
    dataItems: ["namn", "e-postadress", "telefon", "titel", "anteckningar", "rättslig grund och samtycke"],
    dataSubjects: ["kontaktpersoner hos partnerorganisationer", "ledamöter och medarbetare"],
    recipients: ["samordnare och administratörer", "partners inom sin egen organisation"],
    retention: "Så länge personen har ett uppdrag i samverkan; därefter rensas kontaktuppgifterna.",
    security: SECURITY_BASE,
    archiveRule:
      "Namn som förekommer i justerade protokoll, beslut och diarieförda handlingar bevaras (arkivlagen 1990:782).",
  },
  {
    key: "users",
    name: "Användarkonton",
    purpose: "Att ge inloggning och behörighet i Samspel.",
    legalBasis: "Avtal/anställning och allmänt intresse (GDPR art. 6.1 b och e).",
    dataItems: ["namn", "e-postadress", "roller", "språk", "inloggningstillfällen"],
    dataSubjects: ["användare av Samspel"],
    recipients: ["administratörer"],
    retention: "Så länge kontot behövs; ett avslutat konto inaktiveras och anonymiseras.",
    security: [...SECURITY_BASE, "Låsning efter upprepade felaktiga inloggningar"],
    archiveRule: null,
  },
  {
    key: "memberships",
    name: "Uppdrag i organisationer och organ",
    purpose:
      "Att visa vem som sitter i styrelse, sektorsgrupper och nätverk och vem som företräder en organisation.",
    legalBasis: "Myndighetsutövning och allmänt intresse (GDPR art. 6.1 e).",
    dataItems: ["organisation eller organ", "roll", "funktion och tjänstgöringsgrad", "period"],
    dataSubjects: ["ledamöter", "ersättare", "medarbetare", "nätverksmedlemmar"],
    recipients: ["inloggade användare", "allmänheten för justerade protokoll"],
    retention: "Så länge uppdraget pågår; uppdrag som protokollen hänvisar till bevaras.",
    security: SECURITY_BASE,
    archiveRule:
      "Protokoll och beslut är allmänna handlingar och bevaras (arkivlagen; offentlighets- och sekretesslagen 2009:400).",
  },
  {
    key: "event_registrations",
    name: "Anmälningar till evenemang",
    purpose: "Att administrera evenemang och följa upp deltagande (antal, roller, organisationer).",
    legalBasis:
      "Allmänt intresse (GDPR art. 6.1 e); inbjudningar till kommande evenemang endast med samtycke.",
    dataItems: ["namn", "e-postadress", "organisation", "roll", "kommun", "närvaro", "utvärdering"],
    dataSubjects: ["deltagare i evenemang"],
    recipients: ["samordnare och arrangörer", "rapporter visar bara antal"],
    retention: "24 månader efter evenemanget",
    security: [...SECURITY_BASE, "Personlig länk lagras bara som hash"],
    archiveRule: null,
  },
  {
    key: "event_dietary_needs",
    name: "Kost och allergier vid evenemang",
    purpose: "Att kunna beställa rätt mat till deltagarna.",
    legalBasis: "Samtycke (GDPR art. 6.1 a och 9.2 a): hälsouppgift som deltagaren själv lämnar.",
    dataItems: ["kostbehov och allergier"],
    dataSubjects: ["deltagare i evenemang"],
    recipients: ["arrangören av evenemanget"],
    retention: "raderas när evenemanget är över",
    security: [...SECURITY_BASE, "Lagras skilt från anmälan och rensas automatiskt"],
    archiveRule: null,
  },
  {
    key: "newsletter_subscribers",
    name: "Prenumeranter på nyhetsbrev",
    purpose: "Att skicka nyhetsbrev och inbjudningar till den som bett om dem.",
    legalBasis: "Samtycke (GDPR art. 6.1 a), bekräftat med dubbel opt-in.",
    dataItems: ["e-postadress", "namn", "teman", "kommun", "organisationstyp", "utskick som skickats"],
    dataSubjects: ["prenumeranter"],
    recipients: ["samordnare"],
    retention: "tills avregistrering, obekräftade 24 månader",
    security: [...SECURITY_BASE, "Avregistrering med ett klick i varje utskick"],
    archiveRule: null,
  },
  {
    key: "idea_submitters",
    name: "Idéinlämnare",
    purpose: "Att pröva idéer i utlysningar och kontakta den som lämnat in idén.",
    legalBasis: "Allmänt intresse (GDPR art. 6.1 e); kontaktuppgifter med inlämnarens samtycke.",
    dataItems: ["namn", "e-postadress", "organisation", "idéns innehåll"],
    dataSubjects: ["den som lämnat in en idé"],
    recipients: ["samordnare", "utlysningens bedömargrupp"],
    retention: "12 månader efter att utlysningen stängt om idén inte beviljats",
    security: [...SECURITY_BASE, "Personlig länk lagras bara som hash"],
    archiveRule: "Beviljade idéer hör till ett beslut och bevaras med det (arkivlagen).",
  },
  {
    key: "outbox_failed",
    name: "E-post i utkorgen",
    purpose: "Att skicka e-post och kunna se varför ett meddelande inte kom fram.",
    legalBasis: "Samma som för det ärende e-posten gäller (allmänt intresse, avtal eller samtycke).",
    dataItems: ["mottagarens e-postadress", "ämne", "innehåll", "leveransstatus"],
    dataSubjects: ["mottagare av e-post från Samspel"],
    recipients: ["administratörer"],
    retention: "30 dagar",
    security: SECURITY_BASE,
    archiveRule: null,
  },
  {
    key: "audit_entries",
    name: "Ändringslogg",
    purpose: "Att kunna visa vem som ändrat vad och när (spårbarhet och säkerhet).",
    legalBasis: "Rättslig förpliktelse och allmänt intresse (GDPR art. 6.1 c och e).",
    dataItems: ["vem som ändrade", "vad som ändrades", "tidpunkt", "värden före och efter"],
    dataSubjects: ["användare", "personer vars uppgifter ändrats"],
    recipients: ["administratörer"],
    retention: "Så länge den post som ändrats finns; vid radering tas de raderade värdena bort ur loggen.",
    security: [...SECURITY_BASE, "Loggen kan bara läsas av administratörer"],
    archiveRule: null,
  },
];

export function categoryOf(key: CategoryKey): PersonalDataCategory {
  const found = categories.find((c) => c.key === key);
  if (!found) throw new Error(`unknown personal-data category ${key}`);
  return found;
}

/** Strings of personal data under GDPR: register extract, erasure, record of processing (issue 20). */
export const sv = {
  validation: {
    privacy: { subject: "Ange personens e-postadress eller personId." },
  },
  privacy: {
    errors: {
      lastAdmin:
        "Personen är den sista administratören och kan inte raderas. Ge en annan användare rollen administratör först.",
      nothingHeld: "Det finns inga personuppgifter om den personen att radera.",
      linkInvalid:
        "Länken till registerutdraget är ogiltig, redan använd eller äldre än 15 minuter. Be om en ny länk.",
    },
    page: {
      extract: "Hämta registerutdrag",
      extractJson: "Registerutdrag (JSON)",
      extractPdf: "Registerutdrag (PDF)",
      erase: "Radera personuppgifter",
      impactTitle: "Det här händer vid radering",
      remove: "Tas bort",
      anonymise: "Anonymiseras",
      keep: "Behålls",
      rule: "Regel",
      noEmail: "Personen har ingen e-postadress; utdraget görs på person-id.",
      confirm: "Radera personuppgifterna",
      cancel: "Avbryt",
      erased: "Personuppgifterna är raderade. Det som arkivreglerna bevarar finns kvar.",
      nothing: "Det finns inga personuppgifter att radera.",
      record: "Register över behandlingar (GDPR art. 30)",
      recordIntro:
        "Registret genereras från kategoritabellen: ändamål, rättslig grund, registrerade, uppgifter, mottagare, lagringstid och säkerhetsåtgärder.",
      recordPdf: "Ladda ner som PDF",
      recordDocx: "Ladda ner som Word",
      recordXlsx: "Ladda ner som Excel",
    },
  },
};

export const en = {
  validation: {
    privacy: { subject: "Give the person's e-mail address or personId." },
  },
  privacy: {
    errors: {
      lastAdmin:
        "The person is the last administrator and cannot be erased. Make another user an administrator first.",
      nothingHeld: "There is no personal data about that person to erase.",
      linkInvalid:
        "The link to the register extract is invalid, already used or older than 15 minutes. Ask for a new one.",
    },
    page: {
      extract: "Download register extract",
      extractJson: "Register extract (JSON)",
      extractPdf: "Register extract (PDF)",
      erase: "Erase personal data",
      impactTitle: "What the erasure does",
      remove: "Removed",
      anonymise: "Anonymised",
      keep: "Kept",
      rule: "Rule",
      noEmail: "The person has no e-mail address; the extract goes by person id.",
      confirm: "Erase the personal data",
      cancel: "Cancel",
      erased: "The personal data is erased. What the archive rules keep remains.",
      nothing: "There is no personal data to erase.",
      record: "Record of processing (GDPR art. 30)",
      recordIntro:
        "The record is generated from the category table: purposes, legal basis, data subjects, data, recipients, retention and security measures.",
      recordPdf: "Download as PDF",
      recordDocx: "Download as Word",
      recordXlsx: "Download as Excel",
    },
  },
};

/** Strings of local development work and its process support (LC-KOMP, seed 004). */
export const sv = {
  validation: {
    localwork: {
      kind: "Välj handledning, mentorskap, experter, studiebesök eller auskultation.",
      hours: "Ange timmar som ett positivt tal i hela eller halva timmar (högst 1000).",
      participants: "Ange antalet deltagare som ett heltal från 0.",
      done: "Ange om aktiviteten är genomförd (ja eller nej).",
    },
  },
  localwork: {
    errors: {
      planExists: "Organisationen har redan en lokal utvecklingsplan.",
      noOrganisation: "Organisationen finns inte.",
    },
    page: {
      title: "Lokalt utvecklingsarbete",
      nav: "Lokalt arbete",
      intro:
        "Varje organisations lokala utvecklingsplan och processtödet den fått: handledning, mentorskap, experter, studiebesök och auskultation.",
      none: "Det finns inga lokala utvecklingsplaner som du kan se. Be samordnaren lägga upp organisationens plan.",
      caption: "Lokala utvecklingsplaner och timmar processtöd",
      organisation: "Organisation",
      plan: "Plan",
      planOf: "Lokalt utvecklingsarbete: {{organisation}}",
      activities: "aktiviteter",
      noActivities: "Planen har inga aktiviteter ännu. Lägg till dem när planen revideras.",
      done: "genomförd",
      notDone: "pågår",
      noSupport:
        "Inget processtöd är registrerat ännu. Registrera handledning, mentorskap, experter, studiebesök eller auskultation när det ges.",
      supportCaption: "Processtöd till {{organisation}}, det senaste först",
      date: "Datum",
      givenBy: "Av vem",
      participants: "Deltagare",
    },
    report: {
      heading: "Lokalt utvecklingsarbete och processtöd",
      caption: "Processtöd till de lokala utvecklingsplanerna {{from}} – {{to}}",
      kind: "Slag av processtöd",
      efforts: "Insatser",
      hours: "Timmar",
      participants: "Deltagare (summa över insatserna)",
      total: "Totalt",
    },
    kinds: {
      handledning: "Handledning",
      mentorskap: "Mentorskap",
      experter: "Experter",
      studiebesok: "Studiebesök",
      auskultation: "Auskultation",
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  validation: {
    localwork: {
      kind: "Choose supervision, mentoring, experts, study visit or job shadowing.",
      hours: "Enter hours as a positive number in whole or half hours (at most 1000).",
      participants: "Enter the number of participants as a whole number from 0.",
      done: "Say whether the activity is done (yes or no).",
    },
  },
  localwork: {
    errors: {
      planExists: "The organisation already has a local development plan.",
      noOrganisation: "The organisation does not exist.",
    },
    page: {
      title: "Local development work",
      nav: "Local work",
      intro:
        "Each organisation's local development plan and the process support it got: supervision, mentoring, experts, study visits and job shadowing.",
      none: "There are no local development plans you can see. Ask the coordinator to add the organisation's plan.",
      caption: "Local development plans and hours of process support",
      organisation: "Organisation",
      plan: "Plan",
      planOf: "Local development work: {{organisation}}",
      activities: "activities",
      noActivities: "The plan has no activities yet. Add them when the plan is revised.",
      done: "done",
      notDone: "ongoing",
      noSupport:
        "No process support is recorded yet. Record supervision, mentoring, experts, study visits or job shadowing when given.",
      supportCaption: "Process support to {{organisation}}, the latest first",
      date: "Date",
      givenBy: "By whom",
      participants: "Participants",
    },
    report: {
      heading: "Local development work and process support",
      caption: "Process support to the local development plans {{from}} – {{to}}",
      kind: "Kind of process support",
      efforts: "Efforts",
      hours: "Hours",
      participants: "Participants (sum over the efforts)",
      total: "Total",
    },
    kinds: {
      handledning: "Supervision",
      mentorskap: "Mentoring",
      experter: "Experts",
      studiebesok: "Study visit",
      auskultation: "Job shadowing",
    },
  },
};

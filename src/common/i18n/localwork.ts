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

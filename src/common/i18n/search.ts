/** Strings of the search across registers. */
export const sv = {
  validation: {
    search: { kindInvalid: "Okänd sorts träff. Välj organisation, person, program, kurs eller aktivitet." },
  },
  search: {
    title: "Sök",
    resultsTitle: "Sökresultat",
    label: "Sök i registren",
    placeholder: "Organisation, person, program, kurs eller aktivitet",
    submit: "Sök",
    resultsFor: "Träffar för ”{{q}}”",
    count_one: "{{count}} träff",
    count_other: "{{count}} träffar",
    none: "Inga träffar för ”{{q}}”. Kontrollera stavningen eller sök på en del av namnet.",
    prompt: "Skriv vad du letar efter: ett namn, en kurskod eller ett ord ur en beskrivning.",
    contractCourse: "Uppdragsutbildning",
    kinds: {
      organisation: "Organisationer",
      person: "Personer",
      programme: "Program",
      course: "Kurser",
      activity: "Aktiviteter",
    },
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  validation: {
    search: {
      kindInvalid: "Unknown kind of hit. Choose organisation, person, programme, course or activity.",
    },
  },
  search: {
    title: "Search",
    resultsTitle: "Search results",
    label: "Search the registers",
    placeholder: "Organisation, person, programme, course or activity",
    submit: "Search",
    resultsFor: "Results for “{{q}}”",
    count_one: "{{count}} result",
    count_other: "{{count}} results",
    none: "Nothing found for “{{q}}”. Check the spelling or search for part of the name.",
    prompt: "Type what you are looking for: a name, a course code or a word from a description.",
    contractCourse: "Contract education",
    kinds: {
      organisation: "Organisations",
      person: "People",
      programme: "Programmes",
      course: "Courses",
      activity: "Activities",
    },
  },
};

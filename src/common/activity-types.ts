/**
 * The seeded catalogue of activity kinds (docs/domain.md: the forms of work-life connection and the
 * meeting places). Administrators can add more; these keys are a public contract (`typeKey`).
 * category: "education" = work-life connection within a programme, "meeting" = meeting places/events.
 */
export const seededActivityTypes = [
  { key: "praktik", sv: "Praktik", en: "Internship", category: "education" },
  {
    key: "vfu",
    sv: "Verksamhetsförlagd utbildning (VFU)",
    en: "Work placement (VFU)",
    category: "education",
  },
  { key: "foretagsprojekt", sv: "Företagsprojekt", en: "Company project", category: "education" },
  {
    key: "examensarbete",
    sv: "Examensarbete med extern part",
    en: "Degree project with external partner",
    category: "education",
  },
  { key: "studiebesok", sv: "Studiebesök", en: "Study visit", category: "education" },
  { key: "gastforelasning", sv: "Gästföreläsning", en: "Guest lecture", category: "education" },
  { key: "programrad", sv: "Programråd/branschråd", en: "Programme/industry council", category: "education" },
  { key: "mentorprogram", sv: "Mentorprogram", en: "Mentor programme", category: "education" },
  { key: "simulering", sv: "Simulering", en: "Simulation", category: "education" },
  { key: "entreprenorskap", sv: "Entreprenörskap", en: "Entrepreneurship", category: "education" },
  { key: "karriarcoachning", sv: "Karriärcoachning", en: "Career coaching", category: "education" },
  { key: "alumnmedverkan", sv: "Alumnmedverkan", en: "Alumni involvement", category: "education" },
  { key: "branschdag", sv: "Branschdag", en: "Industry day", category: "education" },
  { key: "kompetenskontrakt", sv: "Kompetenskontrakt", en: "Competence contract", category: "education" },
  { key: "seminarium", sv: "Seminarium", en: "Seminar", category: "meeting" },
  { key: "workshop", sv: "Workshop", en: "Workshop", category: "meeting" },
  { key: "konferens", sv: "Konferens", en: "Conference", category: "meeting" },
  { key: "natverkstraff", sv: "Nätverksträff", en: "Network meeting", category: "meeting" },
  { key: "frukostmote", sv: "Frukostmöte", en: "Breakfast meeting", category: "meeting" },
  { key: "mingel", sv: "Mingel", en: "Mingle", category: "meeting" },
  { key: "hearing", sv: "Hearing", en: "Hearing", category: "meeting" },
  { key: "tavling", sv: "Tävling", en: "Competition", category: "meeting" },
  { key: "samverkansdialog", sv: "Samverkansdialog", en: "Collaboration dialogue", category: "other" },
  { key: "projektarbete", sv: "Projektarbete", en: "Project work", category: "other" },
  { key: "ovrigt", sv: "Övrigt", en: "Other", category: "other" },
] as const;

export const activityStatuses = ["planned", "done", "cancelled"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/**
 * Names and codes of the demo registers that other modules' demo steps look up (by exact name or
 * code). The registers' demo step creates them; later steps find them with these constants.
 */
export const ORG = {
  miun: "Mittuniversitetet",
  nmt: "Fakulteten för naturvetenskap, teknik och medier (NMT)",
  huv: "Fakulteten för humanvetenskap (HUV)",
  sam: "Samverkansavdelningen (SAM)",
  kom: "Kommunikationsavdelningen (KOM)",
  rektorsKansli: "Rektors kansli",
  miunKarriar: "Miun Karriär",
  miunInnovation: "MIUN Innovation",
  miunAlumni: "Miun Alumni",
  mdh: "Mälardalens högskola",
  eskilstuna: "Eskilstuna kommun",
  vasteras: "Västerås stad",
  samhallskontraktet: "Samhällskontraktet",
  harnosand: "Härnösands kommun",
  apel: "APeL Forskning och utveckling",
} as const;

/** Mittuniversitetet's programmes in the demo (Ladok-style codes). */
export const PROGRAMME = {
  nursing: { code: "HSJUG", name: "Sjuksköterskeprogrammet", faculty: "huv" },
  socialWork: { code: "HSOCG", name: "Socionomprogrammet", faculty: "huv" },
  teacher: { code: "HGRLG", name: "Grundlärarprogrammet", faculty: "huv" },
  tourism: { code: "NTURG", name: "Turismprogrammet", faculty: "nmt" },
  civilEngineering: { code: "TCEEA", name: "Civilingenjörsprogrammet i elektroteknik", faculty: "nmt" },
  computerEngineering: { code: "TDTAG", name: "Datateknik, högskoleingenjör", faculty: "nmt" },
  journalism: { code: "NJOUG", name: "Journalistprogrammet", faculty: "nmt" },
  psychology: { code: "HPSYA", name: "Psykologprogrammet", faculty: "huv" },
  business: { code: "HEKOG", name: "Ekonomprogrammet", faculty: "huv" },
  forestry: { code: "NSKOG", name: "Skogsteknikerprogrammet", faculty: "nmt" },
} as const;

/** LC-KOMP (seed 004): the tag on its 17 participating organisations, its five regional partners and its owner. */
export const LC_KOMP = {
  tag: "LC-KOMP",
  partnerTag: "LC-KOMP-partner",
  ownerTag: "LC-KOMP-projektägare",
} as const;

/** People the seeds name, created by the registers' demo step (demo/registers/people.ts); look them up by name. */
export const PERSON = {
  jennySandstrom: "Jenny Sandström",
  christinaFrimodig: "Christina Frimodig",
  robertPettersson: "Robert Pettersson",
  jorgenSparf: "Jörgen Sparf",
  kristinaRadberg: "Kristina Rådberg",
  ceciliaVestman: "Cecilia Vestman",
  monicaFalk: "Monica Falk",
  /** The demo partner user's person: HR director of Härnösands kommun. */
  harnosandHrDirector: "Hanna Personaldirektör",
} as const;

/**
 * The eight contract courses (uppdragsutbildning) of the Härnösand SKO agreement (seed 001), 27 hp
 * in all; created by the programmes demo step, looked up by code (e.g. by the agreements step).
 */
export const HARNOSAND_COURSES = [
  {
    code: "PS101U",
    nameSv: "Psykologiska principer för mänskligt beteende – en introduktion till psykologi",
    nameEn: "Psychological principles of human behaviour – an introduction to psychology",
    credits: 3,
  },
  {
    code: "PS102U",
    nameSv: "Klinisk psykologi och att möta psykiskt lidande",
    nameEn: "Clinical psychology and meeting mental suffering",
    credits: 3,
  },
  { code: "PS103U", nameSv: "Samtalsmetodik", nameEn: "Counselling methods", credits: 3 },
  {
    code: "PS104U",
    nameSv: "Stress och stresshantering",
    nameEn: "Stress and stress management",
    credits: 3,
  },
  {
    code: "RV101U",
    nameSv: "Introduktion till förvaltningsrätt och socialrätt",
    nameEn: "Introduction to administrative law and social law",
    credits: 3,
  },
  {
    code: "RV102U",
    nameSv: "Introduktion till juridisk metod",
    nameEn: "Introduction to legal method",
    credits: 3,
  },
  {
    code: "RV103U",
    nameSv: "Fördjupningskurs i socialrätt",
    nameEn: "Advanced course in social law",
    credits: 6,
  },
  {
    code: "FE101U",
    nameSv: "Strategisk ekonomistyrning",
    nameEn: "Strategic management control",
    credits: 3,
  },
] as const;

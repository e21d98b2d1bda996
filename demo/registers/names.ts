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

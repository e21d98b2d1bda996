import type { ActivityStatus } from "../../src/common/activity-types.ts";
import type { OrganisationType } from "../../src/common/organisations.ts";
import type { Db } from "../../src/server/db/client.ts";
import { createActivity, ensureActivityTypes } from "../../src/server/modules/activities/index.ts";
import { createOrganisation } from "../../src/server/modules/organisations/index.ts";
import { findCourseIdByCode, findProgrammeIdByCode } from "../../src/server/modules/programmes/index.ts";
import { systemActor } from "../../src/server/platform/actor.ts";
import { ORG, PROGRAMME } from "./names.ts";
import { organisationIdsByName } from "./organisations.ts";

/**
 * Work-life activities of Mittuniversitetet's programmes 2023–2025 (seed 000's forms of work-life
 * connection: VFU, patient simulator, SimChild, Turism 2.0, mentor programme, guest lectures, study
 * visits, programme councils, degree projects with companies, alumni). The compass derives its
 * current state from these, so the programmes differ on purpose: nursing is strong (mandatory,
 * evaluated placements and simulation every year), tourism medium and improving (Turism 2.0 from
 * 2023, internships from 2024), journalism weak (a guest lecture now and then, nothing evaluated).
 * Partner companies are invented; public bodies are real but the activities are illustrations.
 */
type ProgrammeKey = keyof typeof PROGRAMME;

interface Occurrence {
  year: number;
  start: string; // MM-DD
  end?: string; // MM-DD
  status?: ActivityStatus;
  participants?: number;
  evaluationText?: string;
  title?: string;
}

interface ActivitySeed {
  programme: ProgrammeKey;
  /** `{year}` is replaced by the occurrence's year. */
  title: string;
  typeKey: string;
  description: string;
  courses?: string[];
  partners?: string[];
  /** Defaults to the programme's faculty. */
  organisers?: string[];
  mandatory?: boolean;
  place?: string;
  tags?: string[];
  /** Evidence for evaluated occurrences: a course evaluation report per year. */
  evidence?: string;
  occurrences: Occurrence[];
}

/** Partner organisations the activities need beyond the ones the organisations step creates. */
const PARTNERS: { name: string; type: OrganisationType; municipalityCode?: string; county?: string }[] = [
  { name: "Region Västernorrland", type: "region", county: "Västernorrlands län" },
  { name: "Region Jämtland Härjedalen", type: "region", county: "Jämtlands län" },
  { name: "Sundsvalls kommun", type: "kommun", municipalityCode: "2281", county: "Västernorrlands län" },
  { name: "Östersunds kommun", type: "kommun", municipalityCode: "2380", county: "Jämtlands län" },
  { name: "Åre kommun", type: "kommun", municipalityCode: "2321", county: "Jämtlands län" },
  { name: "Jämtland Härjedalen Turism", type: "forening", county: "Jämtlands län" },
  { name: "Skogsstyrelsen", type: "myndighet" },
  { name: "Skatteverket", type: "myndighet" },
  { name: "Försäkringskassan", type: "myndighet" },
  { name: "Mittnorr Elkraft AB", type: "foretag", county: "Västernorrlands län" },
  { name: "Kustlandet Mjukvara AB", type: "foretag", county: "Västernorrlands län" },
  { name: "Tidningen Mittnorr", type: "foretag", county: "Västernorrlands län" },
  { name: "Norrbo Revision AB", type: "foretag", county: "Jämtlands län" },
];

const RVN = "Region Västernorrland";
const RJH = "Region Jämtland Härjedalen";
const SUNDSVALL = "Sundsvalls kommun";
const OSTERSUND = "Östersunds kommun";

const seeds: ActivitySeed[] = [
  // Nursing — strong: every form, mandatory and evaluated, every year.
  {
    programme: "nursing",
    title: "VFU i kommunal hälso- och sjukvård vt {year}",
    typeKey: "vfu",
    description:
      "Fem veckors verksamhetsförlagd utbildning i hemsjukvård och särskilt boende med handledare från kommunerna.",
    courses: ["OM021G"],
    partners: [SUNDSVALL, OSTERSUND],
    mandatory: true,
    tags: ["vård", "kommunal vård"],
    evidence: "Kursvärdering OM021G",
    occurrences: [
      {
        year: 2023,
        start: "03-13",
        end: "04-14",
        participants: 84,
        evaluationText:
          "Kursvärdering: handledningen fick 4,1 av 5. Studenterna vill ha tydligare bedömningsmallar.",
      },
      {
        year: 2024,
        start: "03-11",
        end: "04-12",
        participants: 88,
        evaluationText: "Ny bedömningsmall infördes; handledningen fick 4,4 av 5.",
      },
      {
        year: 2025,
        start: "03-10",
        end: "04-11",
        participants: 91,
        evaluationText: "Handledningen fick 4,5 av 5. Fler platser i Östersund behövs.",
      },
    ],
  },
  {
    programme: "nursing",
    title: "VFU i slutenvård ht {year}",
    typeKey: "vfu",
    description:
      "Åtta veckors verksamhetsförlagd utbildning på medicin- och kirurgavdelningar vid sjukhusen i Sundsvall och Östersund.",
    courses: ["OM042G"],
    partners: [RVN, RJH],
    mandatory: true,
    tags: ["vård", "slutenvård"],
    evidence: "Kursvärdering OM042G",
    occurrences: [
      {
        year: 2023,
        start: "10-02",
        end: "11-24",
        participants: 79,
        evaluationText: "Kursvärdering: 4,0 av 5. Handledarutbildning efterfrågas av regionerna.",
      },
      {
        year: 2024,
        start: "09-30",
        end: "11-22",
        participants: 83,
        evaluationText: "Gemensam handledarutbildning med regionerna genomförd; 4,3 av 5.",
      },
      {
        year: 2025,
        start: "09-29",
        end: "11-21",
        participants: 86,
        evaluationText: "4,4 av 5. Studenterna lyfter reflektionsseminarierna på avdelningarna.",
      },
    ],
  },
  {
    programme: "nursing",
    title: "Simulering med patientsimulator {year}",
    typeKey: "simulering",
    description:
      "Scenarioträning med patientsimulator i akuta omvårdnadssituationer, som förberedelse inför och komplement till extern VFU. Bygger på projektet Patientsimulator (2011–2012).",
    courses: ["OM034G"],
    mandatory: true,
    place: "Kliniskt träningscentrum, Sundsvall",
    tags: ["simulering", "vård"],
    evidence: "Utvärdering av simuleringsmomentet",
    occurrences: [
      {
        year: 2023,
        start: "02-06",
        end: "02-17",
        participants: 86,
        evaluationText: "Studenterna skattar sin trygghet inför VFU 4,2 av 5 efter simuleringen.",
      },
      {
        year: 2024,
        start: "02-05",
        end: "02-16",
        participants: 88,
        evaluationText: "Fler scenarier med anhöriga; trygghet inför VFU 4,4 av 5.",
      },
      {
        year: 2025,
        start: "02-03",
        end: "02-14",
        participants: 90,
        evaluationText: "Regionens sjuksköterskor medverkade som instruktörer; 4,5 av 5.",
      },
    ],
  },
  {
    programme: "nursing",
    title: "Programråd för sjuksköterskeprogrammet",
    typeKey: "programrad",
    description:
      "Programrådet med regionerna och kommunerna: VFU-platser, kompetensbehov och programmets utveckling.",
    partners: [RVN, RJH, SUNDSVALL, OSTERSUND],
    place: "Campus Sundsvall",
    tags: ["kompetensförsörjning"],
    occurrences: [
      {
        year: 2023,
        start: "04-18",
        participants: 12,
        title: "Programråd för sjuksköterskeprogrammet vt 2023",
      },
      {
        year: 2023,
        start: "11-14",
        participants: 11,
        title: "Programråd för sjuksköterskeprogrammet ht 2023",
      },
      {
        year: 2024,
        start: "04-16",
        participants: 13,
        title: "Programråd för sjuksköterskeprogrammet vt 2024",
      },
      {
        year: 2024,
        start: "11-12",
        participants: 12,
        title: "Programråd för sjuksköterskeprogrammet ht 2024",
      },
      {
        year: 2025,
        start: "04-15",
        participants: 13,
        title: "Programråd för sjuksköterskeprogrammet vt 2025",
      },
      {
        year: 2025,
        start: "11-11",
        participants: 14,
        title: "Programråd för sjuksköterskeprogrammet ht 2025",
      },
      {
        year: 2026,
        start: "04-21",
        status: "planned",
        title: "Programråd för sjuksköterskeprogrammet vt 2026",
      },
    ],
  },
  {
    programme: "nursing",
    title: "Gästföreläsning: hemsjukvård i glesbygd {year}",
    typeKey: "gastforelasning",
    description: "En distriktssköterska från kommunen berättar om avancerad vård i hemmet på långa avstånd.",
    courses: ["OM012G"],
    partners: [OSTERSUND],
    tags: ["vård", "glesbygd"],
    occurrences: [
      { year: 2023, start: "09-20", participants: 92 },
      { year: 2024, start: "09-18", participants: 95 },
      { year: 2025, start: "09-17", participants: 94 },
    ],
  },
  {
    programme: "nursing",
    title: "Examensarbeten i samarbete med Region Västernorrland {year}",
    typeKey: "examensarbete",
    description:
      "Examensarbeten där frågeställningen kommer från vårdverksamheten och resultaten presenteras för enheterna.",
    courses: ["OM051G"],
    partners: [RVN],
    tags: ["forskningsanknytning", "vård"],
    evidence: "Sammanställning av examensarbeten",
    occurrences: [
      { year: 2023, start: "01-16", end: "03-24", participants: 24 },
      {
        year: 2024,
        start: "01-15",
        end: "03-22",
        participants: 28,
        evaluationText: "Enhetscheferna bedömer att 8 av 14 arbeten gav underlag för förbättringsarbete.",
      },
      {
        year: 2025,
        start: "01-13",
        end: "03-21",
        participants: 31,
        evaluationText: "Resultaten presenterades på regionens vårdvetenskapliga dag.",
      },
    ],
  },
  {
    programme: "nursing",
    title: "Alumnkväll: sjuksköterskor berättar {year}",
    typeKey: "alumnmedverkan",
    description: "Tidigare studenter berättar om sina första år i yrket och om vidareutbildning.",
    organisers: [ORG.miunAlumni],
    tags: ["alumner"],
    occurrences: [
      { year: 2023, start: "05-10", participants: 58 },
      { year: 2024, start: "05-08", participants: 64 },
      { year: 2025, start: "05-07", participants: 61 },
    ],
  },
  {
    programme: "nursing",
    title: "Studiebesök på ambulansstationen {year}",
    typeKey: "studiebesok",
    description: "Besök hos ambulanssjukvården med genomgång av prehospitalt omhändertagande.",
    partners: [RVN],
    occurrences: [
      { year: 2023, start: "10-11", status: "cancelled" },
      { year: 2024, start: "10-09", participants: 40 },
      { year: 2025, start: "10-08", participants: 44 },
    ],
  },
  {
    programme: "nursing",
    title: "Karriärcoachning inför legitimation 2025",
    typeKey: "karriarcoachning",
    description:
      "Workshop om ansökan, introduktionsprogram och de första åren som legitimerad sjuksköterska.",
    organisers: [ORG.miunKarriar],
    occurrences: [{ year: 2025, start: "12-03", participants: 47 }],
  },

  // Social work — good: placements and SimChild.
  {
    programme: "socialWork",
    title: "VFU i socialt arbete ht {year}",
    typeKey: "vfu",
    description:
      "En termins verksamhetsförlagd utbildning inom socialtjänst, skola, vård och frivilligorganisationer.",
    courses: ["SA033G"],
    partners: [SUNDSVALL, OSTERSUND, ORG.harnosand],
    mandatory: true,
    tags: ["socialtjänst"],
    evidence: "Kursvärdering SA033G",
    occurrences: [
      {
        year: 2023,
        start: "08-28",
        end: "01-14",
        participants: 62,
        evaluationText: "4,0 av 5; önskemål om fler platser inom barn och unga.",
      },
      {
        year: 2024,
        start: "09-02",
        end: "01-19",
        participants: 65,
        evaluationText: "4,2 av 5; fler platser inom barn och unga genom Härnösands kommun.",
      },
      { year: 2025, start: "09-01", end: "01-18", participants: 70, evaluationText: "4,3 av 5." },
    ],
  },
  {
    programme: "socialWork",
    title: "SimChild – simulerad barnavårdsutredning {year}",
    typeKey: "simulering",
    description:
      "Datorsimulerade barnavårdsutredningar enligt BBIC i SimChild, som alternativ till externt förlagd träning i utredningsarbete.",
    courses: ["SA024G"],
    mandatory: true,
    tags: ["simulering", "barn och unga"],
    occurrences: [
      { year: 2023, start: "03-06", end: "03-24", participants: 58 },
      {
        year: 2024,
        start: "03-04",
        end: "03-22",
        participants: 61,
        evaluationText:
          "Studenterna bedömer att simuleringen gjorde dem tryggare i utredningssamtal (4,3 av 5).",
      },
      {
        year: 2025,
        start: "03-03",
        end: "03-21",
        participants: 64,
        evaluationText: "Socialsekreterare medverkade i efterdiskussionerna; 4,4 av 5.",
      },
    ],
  },
  {
    programme: "socialWork",
    title: "Programråd för socionomprogrammet {year}",
    typeKey: "programrad",
    description: "Programrådet med socialtjänsterna i länen om kompetensbehov och VFU.",
    partners: [SUNDSVALL, OSTERSUND, ORG.harnosand],
    occurrences: [
      { year: 2023, start: "05-16", participants: 9 },
      { year: 2024, start: "05-14", participants: 10 },
      { year: 2025, start: "05-13", participants: 10 },
    ],
  },
  {
    programme: "socialWork",
    title: "Gästföreläsning: socialtjänstens barn- och ungdomsenhet {year}",
    typeKey: "gastforelasning",
    description: "Enhetschef och socialsekreterare berättar om arbetet med orosanmälningar.",
    courses: ["SA024G"],
    partners: [SUNDSVALL],
    occurrences: [
      { year: 2023, start: "02-15", participants: 60 },
      { year: 2024, start: "02-14", participants: 63 },
    ],
  },
  {
    programme: "socialWork",
    title: "Studiebesök på socialtjänsten i Härnösand {year}",
    typeKey: "studiebesok",
    description: "Besök på individ- och familjeomsorgen med fokus på samverkan kring barn och unga.",
    partners: [ORG.harnosand],
    occurrences: [
      { year: 2023, start: "04-12", participants: 30 },
      { year: 2025, start: "04-09", participants: 34 },
    ],
  },

  // Primary school teachers.
  {
    programme: "teacher",
    title: "VFU 1 i förskoleklass vt {year}",
    typeKey: "vfu",
    description: "Verksamhetsförlagd utbildning i förskoleklass och årskurs 1 i partnerskolor.",
    courses: ["PE032G"],
    partners: [SUNDSVALL, OSTERSUND],
    mandatory: true,
    tags: ["skola"],
    occurrences: [
      {
        year: 2023,
        start: "04-17",
        end: "05-12",
        participants: 45,
        evaluationText: "Partnerskolornas handledare önskar fler träffar med lärarutbildarna.",
      },
      { year: 2024, start: "04-15", end: "05-10", participants: 48 },
      { year: 2025, start: "04-14", end: "05-09", participants: 52 },
    ],
  },
  {
    programme: "teacher",
    title: "Programråd för grundlärarprogrammet {year}",
    typeKey: "programrad",
    description: "Programrådet med skolförvaltningarna om partnerskolor och kompetensbehov.",
    partners: [SUNDSVALL, OSTERSUND],
    occurrences: [
      { year: 2023, start: "10-04", participants: 8 },
      { year: 2025, start: "10-01", participants: 9 },
    ],
  },
  {
    programme: "teacher",
    title: "Gästföreläsning: matematikundervisning i praktiken 2024",
    typeKey: "gastforelasning",
    description: "En förstelärare i matematik visar hur hon arbetar med problemlösning i årskurs 1–3.",
    courses: ["MA014G"],
    partners: [SUNDSVALL],
    occurrences: [{ year: 2024, start: "11-06", participants: 41 }],
  },

  // Tourism — medium and improving: Turism 2.0 became the model for the programme.
  {
    programme: "tourism",
    title: "Turism 2.0 – studentprojekt med destinationer {year}",
    typeKey: "foretagsprojekt",
    description:
      "Studenter arbetar i projekt med destinationer och besöksnäringsföretag i Jämtland Härjedalen. Bygger på projektet Turism 2.0 som blev stilbildande för programmets arbetslivsanknytning.",
    courses: ["TR023G"],
    partners: ["Jämtland Härjedalen Turism", "Åre kommun"],
    tags: ["besöksnäring", "destinationsutveckling"],
    evidence: "Projektrapporter Turism 2.0",
    occurrences: [
      { year: 2023, start: "09-04", end: "11-03", participants: 28 },
      {
        year: 2024,
        start: "09-02",
        end: "11-01",
        participants: 31,
        evaluationText: "Destinationerna vill fortsätta; studenterna ger projektet 4,1 av 5.",
      },
      {
        year: 2025,
        start: "09-01",
        end: "10-31",
        participants: 33,
        evaluationText: "Två projekt ledde till sommarjobb; 4,3 av 5.",
      },
    ],
  },
  {
    programme: "tourism",
    title: "Praktik inom turism {year}",
    typeKey: "praktik",
    description:
      "Valbar praktik under en halv termin hos destinationsbolag, evenemangsarrangörer och besöksnäringsföretag.",
    courses: ["TR041G"],
    partners: ["Jämtland Härjedalen Turism"],
    tags: ["besöksnäring"],
    occurrences: [
      { year: 2024, start: "03-18", end: "05-24", participants: 14 },
      { year: 2025, start: "03-17", end: "05-23", participants: 17 },
      { year: 2026, start: "03-16", end: "05-22", status: "planned" },
    ],
  },
  {
    programme: "tourism",
    title: "Gästföreläsning: evenemang som destinationsmotor {year}",
    typeKey: "gastforelasning",
    description: "Hur stora evenemang bygger en destination året runt.",
    courses: ["TR031G"],
    partners: ["Åre kommun"],
    occurrences: [
      { year: 2023, start: "02-08", participants: 35 },
      { year: 2025, start: "02-05", participants: 38 },
    ],
  },
  {
    programme: "tourism",
    title: "Studiebesök i Åre {year}",
    typeKey: "studiebesok",
    description: "Besök hos destinationen och två besöksnäringsföretag.",
    partners: ["Åre kommun"],
    occurrences: [
      { year: 2024, start: "04-24", participants: 29 },
      { year: 2025, start: "04-23", status: "cancelled" },
    ],
  },
  {
    programme: "tourism",
    title: "Programråd för turismprogrammet 2025",
    typeKey: "programrad",
    description: "Programmets första programråd med besöksnäringen.",
    partners: ["Jämtland Härjedalen Turism", "Åre kommun"],
    occurrences: [{ year: 2025, start: "05-20", participants: 7 }],
  },

  // Electrical engineering (MSc) — the mentor programme the seed names.
  {
    programme: "civilEngineering",
    title: "Mentorprogram för civilingenjörsstudenter {year}",
    typeKey: "mentorprogram",
    description: "Studenter i senare delen av utbildningen får en mentor i näringslivet under en termin.",
    organisers: [ORG.miunKarriar],
    partners: ["Mittnorr Elkraft AB"],
    tags: ["näringsliv"],
    evidence: "Utvärdering av mentorprogrammet",
    occurrences: [
      { year: 2023, start: "01-23", end: "05-31", participants: 22 },
      {
        year: 2024,
        start: "01-22",
        end: "05-31",
        participants: 25,
        evaluationText: "Mentorerna och adepterna ger programmet 4,2 av 5.",
      },
      {
        year: 2025,
        start: "01-20",
        end: "05-30",
        participants: 27,
        evaluationText: "4,4 av 5; tre adepter fick exjobb hos mentorns företag.",
      },
    ],
  },
  {
    programme: "civilEngineering",
    title: "Examensarbeten hos Mittnorr Elkraft {year}",
    typeKey: "examensarbete",
    description: "Examensarbeten inom elnät och kraftelektronik med handledare på företaget.",
    courses: ["EL061A"],
    partners: ["Mittnorr Elkraft AB"],
    occurrences: [
      { year: 2023, start: "01-16", end: "06-02", participants: 6 },
      { year: 2024, start: "01-15", end: "05-31", participants: 8 },
      { year: 2025, start: "01-13", end: "05-30", participants: 7 },
    ],
  },
  {
    programme: "civilEngineering",
    title: "Projektkurs med industriuppdrag {year}",
    typeKey: "foretagsprojekt",
    description: "Studentgrupper löser ett verkligt utvecklingsuppdrag från ett företag i regionen.",
    courses: ["EL041A"],
    partners: ["Mittnorr Elkraft AB"],
    occurrences: [
      { year: 2024, start: "09-02", end: "10-31", participants: 18 },
      { year: 2025, start: "09-01", end: "10-30", participants: 20 },
    ],
  },
  {
    programme: "civilEngineering",
    title: "Branschdag elektroteknik {year}",
    typeKey: "branschdag",
    description: "Företag presenterar sig, erbjuder exjobb och sommarjobb.",
    place: "Campus Sundsvall",
    occurrences: [
      { year: 2023, start: "10-18", participants: 110 },
      { year: 2024, start: "10-16", participants: 124 },
      { year: 2025, start: "12-10", status: "planned" },
    ],
  },

  // Computer engineering.
  {
    programme: "computerEngineering",
    title: "Programvaruprojekt med extern beställare {year}",
    typeKey: "foretagsprojekt",
    description: "Studentgrupper utvecklar en tjänst åt en extern beställare med kravställning och leverans.",
    courses: ["DT051G"],
    partners: ["Kustlandet Mjukvara AB", SUNDSVALL],
    occurrences: [
      { year: 2023, start: "03-20", end: "06-02", participants: 32 },
      { year: 2024, start: "03-18", end: "05-31", participants: 35 },
      { year: 2025, start: "03-17", end: "05-30", participants: 34 },
    ],
  },
  {
    programme: "computerEngineering",
    title: "Examensarbeten i datateknik med företag {year}",
    typeKey: "examensarbete",
    description: "Examensarbeten med uppdragsgivare i IT-branschen.",
    courses: ["DT071G"],
    partners: ["Kustlandet Mjukvara AB"],
    occurrences: [
      { year: 2024, start: "03-25", end: "06-07", participants: 9 },
      { year: 2025, start: "03-24", end: "06-06", participants: 11 },
    ],
  },
  {
    programme: "computerEngineering",
    title: "Gästföreläsning: säker systemutveckling i staten 2023",
    typeKey: "gastforelasning",
    description: "Hur en stor myndighet arbetar med säkerhet och dataskydd i utvecklingen.",
    courses: ["DT031G"],
    partners: ["Försäkringskassan"],
    occurrences: [{ year: 2023, start: "11-08", participants: 46 }],
  },

  // Journalism — weak: scattered, unevaluated.
  {
    programme: "journalism",
    title: "Gästföreläsning: lokaljournalistik i dag {year}",
    typeKey: "gastforelasning",
    description: "En redaktör berättar om lokalredaktionens vardag.",
    courses: ["JO021G"],
    partners: ["Tidningen Mittnorr"],
    occurrences: [
      { year: 2023, start: "10-05", participants: 24 },
      { year: 2025, start: "10-02", participants: 19 },
    ],
  },
  {
    programme: "journalism",
    title: "Studiebesök på redaktionen 2024",
    typeKey: "studiebesok",
    description: "Planerat besök på en dagstidningsredaktion.",
    courses: ["JO011G"],
    partners: ["Tidningen Mittnorr"],
    occurrences: [{ year: 2024, start: "03-13", status: "cancelled" }],
  },

  // Psychology.
  {
    programme: "psychology",
    title: "VFU i psykologi {year}",
    typeKey: "vfu",
    description: "Verksamhetsförlagd utbildning inom psykiatri och primärvård.",
    courses: ["PS051A"],
    partners: [RVN, RJH],
    mandatory: true,
    occurrences: [
      { year: 2023, start: "01-16", end: "03-17", participants: 28 },
      { year: 2024, start: "01-15", end: "03-15", participants: 30 },
      {
        year: 2025,
        start: "01-13",
        end: "03-14",
        participants: 31,
        evaluationText: "Handledarna efterfrågar gemensamma bedömningskriterier.",
      },
    ],
  },
  {
    programme: "psychology",
    title: "Gästföreläsning: psykologens roll i primärvården 2024",
    typeKey: "gastforelasning",
    description: "En psykolog i primärvården om första linjens insatser.",
    courses: ["PS021A"],
    partners: [RJH],
    occurrences: [{ year: 2024, start: "10-23", participants: 33 }],
  },

  // Business and economics.
  {
    programme: "business",
    title: "Mentorprogram för ekonomstudenter {year}",
    typeKey: "mentorprogram",
    description: "Ekonomstudenter matchas med mentorer i privat och offentlig sektor.",
    organisers: [ORG.miunKarriar],
    partners: ["Norrbo Revision AB", "Skatteverket"],
    occurrences: [
      { year: 2024, start: "01-29", end: "05-31", participants: 18 },
      { year: 2025, start: "01-27", end: "05-30", participants: 21, evaluationText: "4,0 av 5." },
    ],
  },
  {
    programme: "business",
    title: "Gästföreläsning: revisorns vardag {year}",
    typeKey: "gastforelasning",
    description: "En auktoriserad revisor om yrket och vägen dit.",
    courses: ["FE031G"],
    partners: ["Norrbo Revision AB"],
    occurrences: [
      { year: 2023, start: "11-15", participants: 52 },
      { year: 2024, start: "11-13", participants: 55 },
      { year: 2025, start: "11-12", participants: 49 },
    ],
  },
  {
    programme: "business",
    title: "Examensarbeten med uppdragsgivare 2025",
    typeKey: "examensarbete",
    description: "Examensarbeten om styrning och uppföljning i offentlig sektor.",
    courses: ["FE061G"],
    partners: ["Skatteverket"],
    occurrences: [{ year: 2025, start: "03-24", end: "06-05", participants: 6 }],
  },

  // Forestry technicians.
  {
    programme: "forestry",
    title: "Studiebesök hos Skogsstyrelsen {year}",
    typeKey: "studiebesok",
    description: "Skogsstyrelsen visar tillsyn och rådgivning i fält.",
    courses: ["SK021G"],
    partners: ["Skogsstyrelsen"],
    occurrences: [
      { year: 2023, start: "09-13", participants: 21 },
      { year: 2025, start: "09-10", participants: 24 },
    ],
  },
  {
    programme: "forestry",
    title: "Skogsbruksdag med branschen 2024",
    typeKey: "branschdag",
    description: "Skogsbolag och entreprenörer möter studenterna i fält.",
    courses: ["SK011G"],
    occurrences: [{ year: 2024, start: "05-15", participants: 26 }],
  },
];

async function ensurePartners(db: Db) {
  const ids = await organisationIdsByName(db);
  for (const partner of PARTNERS) {
    if (ids.has(partner.name)) continue;
    const created = await createOrganisation(db, systemActor, { ...partner, tags: ["Partner i utbildning"] });
    ids.set(created.name, created.id);
  }
  return ids;
}

/** Creates the programmes' work-life activities. Runs after the programmes step. */
export async function loadActivitiesDemo(db: Db) {
  await ensureActivityTypes(db);
  const orgIds = await ensurePartners(db);
  const org = (name: string) => {
    const id = orgIds.get(name);
    if (!id) throw new Error(`demo: organisation ${name} is missing`);
    return id;
  };
  const code = async (find: (db: Db, code: string) => Promise<string | null>, value: string) => {
    const id = await find(db, value);
    if (!id) throw new Error(`demo: ${value} is missing (the programmes step runs first)`);
    return id;
  };
  for (const seed of seeds) {
    const programme = PROGRAMME[seed.programme];
    const programmeId = await code(findProgrammeIdByCode, programme.code);
    const courseIds = await Promise.all((seed.courses ?? []).map((c) => code(findCourseIdByCode, c)));
    for (const o of seed.occurrences) {
      const status = o.status ?? "done";
      const startDate = `${o.year}-${o.start}`;
      // An end month before the start month means the activity runs into the next year.
      const endDate = o.end ? `${o.end < o.start ? o.year + 1 : o.year}-${o.end}` : null;
      await createActivity(db, systemActor, {
        title: o.title ?? seed.title.replace("{year}", String(o.year)),
        typeKey: seed.typeKey,
        description: seed.description,
        startDate,
        endDate,
        place: seed.place ?? null,
        status,
        programmeIds: [programmeId],
        courseIds,
        organiserIds: (seed.organisers ?? [ORG[programme.faculty]]).map(org),
        organisationIds: (seed.partners ?? []).map(org),
        mandatory: seed.mandatory ?? false,
        evaluated: status === "done" && !!o.evaluationText,
        evaluationText: status === "done" ? (o.evaluationText ?? null) : null,
        participants: status === "done" ? (o.participants ?? null) : null,
        tags: seed.tags ?? [],
        evidenceLinks:
          seed.evidence && o.evaluationText && status === "done"
            ? [
                {
                  label: `${seed.evidence} ${o.year}`,
                  url: `https://dokument.miun.example/arbetslivsanknytning/${programme.code.toLowerCase()}-${seed.typeKey}-${o.year}.pdf`,
                },
              ]
            : [],
      });
    }
  }
}

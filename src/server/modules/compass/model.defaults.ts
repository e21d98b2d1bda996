import type { DimensionDefinition } from "../../../common/compass.ts";

/**
 * Version 1 of the compass model: the eight dimensions of issue 4, drawn from the forms of work-life
 * connection the action plan names (seed 000). Administrators change it by publishing a new version.
 */

/** Level texts follow the level rule; each dimension names its own kind of activity. */
function levels(sv: string, en: string): Pick<DimensionDefinition, "levelsSv" | "levelsEn"> {
  return {
    levelsSv: [
      `Inga genomförda ${sv} under perioden.`,
      `Enstaka ${sv} har genomförts.`,
      `Återkommande ${sv}: i minst två kurser eller minst tre tillfällen.`,
      `${capitalise(sv)} är obligatoriska för alla studenter.`,
      `${capitalise(sv)} är obligatoriska för alla studenter och utvärderas.`,
    ],
    levelsEn: [
      `No ${en} carried out in the period.`,
      `Occasional ${en} carried out.`,
      `Recurring ${en}: in at least two courses or on at least three occasions.`,
      `${capitalise(en)} are mandatory for all students.`,
      `${capitalise(en)} are mandatory for all students and evaluated.`,
    ],
  };
}

function capitalise(s: string) {
  return s.charAt(0).toLocaleUpperCase("sv") + s.slice(1);
}

const thresholds = { minCourses: 2, minCount: 3 };

export const defaultDimensions: DimensionDefinition[] = [
  {
    key: "placement",
    labelSv: "Praktik och VFU",
    labelEn: "Internships and work placements",
    descriptionSv:
      "Praktik och verksamhetsförlagd utbildning där studenterna arbetar ute i verksamheter under handledning.",
    descriptionEn: "Internships and work placements where students work in organisations under supervision.",
    activityTypes: ["praktik", "vfu"],
    ...levels("praktikperioder", "placements"),
    thresholds,
  },
  {
    key: "projects",
    labelSv: "Projekt och uppdrag med arbetslivet",
    labelEn: "Projects and assignments with working life",
    descriptionSv: "Företagskopplade projekt och examensarbeten med extern part.",
    descriptionEn: "Company-linked projects and degree projects with external partners.",
    activityTypes: ["foretagsprojekt", "examensarbete"],
    ...levels("projekt med externa parter", "projects with external partners"),
    thresholds,
  },
  {
    key: "encounters",
    labelSv: "Möten med arbetslivet",
    labelEn: "Encounters with working life",
    descriptionSv: "Gästföreläsningar, studiebesök, mingel och branschdagar.",
    descriptionEn: "Guest lectures, study visits, mingles and industry days.",
    activityTypes: ["gastforelasning", "studiebesok", "mingel", "branschdag"],
    ...levels("möten med arbetslivet", "encounters with working life"),
    thresholds,
  },
  {
    key: "governance",
    labelSv: "Arbetslivet i utbildningens utveckling",
    labelEn: "Working life in programme development",
    descriptionSv: "Branschrepresentation i programråd och branschråd som påverkar utbildningens innehåll.",
    descriptionEn: "Industry representation in programme and industry councils that shape the programme.",
    activityTypes: ["programrad"],
    ...levels("programrådsmöten", "programme council meetings"),
    thresholds,
  },
  {
    key: "simulation",
    labelSv: "Simulering och verklighetsnära lärande",
    labelEn: "Simulation and authentic learning",
    descriptionSv:
      "Simulering som alternativ till externt förlagd arbetslivsanknytning, t.ex. patientsimulator, SimChild och SAMLAB.",
    descriptionEn:
      "Simulation as an alternative to external placements, e.g. the patient simulator, SimChild and SAMLAB.",
    activityTypes: ["simulering"],
    ...levels("simuleringar", "simulations"),
    thresholds,
  },
  {
    key: "career",
    labelSv: "Mentorskap och karriär",
    labelEn: "Mentoring and careers",
    descriptionSv: "Mentorprogram och karriärcoachning som hjälper studenterna att knyta kontakter.",
    descriptionEn: "Mentor programmes and career coaching that help students build networks.",
    activityTypes: ["mentorprogram", "karriarcoachning"],
    ...levels("mentors- och karriärinsatser", "mentoring and career activities"),
    thresholds,
  },
  {
    key: "entrepreneurship",
    labelSv: "Entreprenörskap och innovation",
    labelEn: "Entrepreneurship and innovation",
    descriptionSv: "Entreprenörskapsfrämjande moment i program och kurser.",
    descriptionEn: "Elements that foster entrepreneurship in programmes and courses.",
    activityTypes: ["entreprenorskap"],
    ...levels("entreprenörskapsmoment", "entrepreneurship elements"),
    thresholds,
  },
  {
    key: "alumni",
    labelSv: "Alumner",
    labelEn: "Alumni",
    descriptionSv:
      "Alumner som medverkar i utbildningen, t.ex. som gästföreläsare, mentorer eller handledare.",
    descriptionEn: "Alumni taking part in the programme, e.g. as guest lecturers, mentors or supervisors.",
    activityTypes: ["alumnmedverkan"],
    ...levels("alumninsatser", "alumni contributions"),
    thresholds,
  },
];

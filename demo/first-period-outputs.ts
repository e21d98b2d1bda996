import type { OutputInput } from "../src/common/projects.ts";

/**
 * The outputs of Samhällskontraktet's first agreement period, one record each (seed 002: 14 scientific
 * articles, 12 other reports, 21 conference presentations in Finland, Switzerland, Portugal, England,
 * Germany and Australia, 80 dissemination activities, 10 documented models/methods for collaboration).
 * The seed gives only the totals: which project produced what, the titles, authors (except the project
 * leads the seeds name), journals, dates and DOIs are invented for the demo. The DOIs use the
 * 10.5555 prefix, which is reserved for examples and resolves to nothing.
 */

/** Keys of the sixteen R&D projects under the period (see samhallskontraktetProjects). */
export type PeriodProject =
  | "matematik"
  | "kritiska"
  | "overgangar"
  | "ungaMatematiker"
  | "entreprenorskap"
  | "mops"
  | "hundar"
  | "gronOmsorg"
  | "ikt"
  | "motesplatser"
  | "karriartorget"
  | "ivar"
  | "stolt"
  | "kompetens"
  | "backby"
  | "nationella";

type Article = [project: PeriodProject, title: string, authors: string, venue: string, year: number];

const articles: Article[] = [
  [
    "matematik",
    "Lärare och forskare i samverkan kring målen i matematik för årskurs 3",
    "Lindberg, K., Eriksson, A.",
    "Nordic Studies in Mathematics Education",
    2011,
  ],
  [
    "matematik",
    "Taluppfattning i tidiga skolår – en interventionsstudie",
    "Lindberg, K.",
    "Nordisk matematikkdidaktikk",
    2012,
  ],
  [
    "kritiska",
    "Kritiska situationer för lärande i flerspråkiga klassrum",
    "Saleh, M., Holmqvist, L.",
    "Utbildning och Demokrati",
    2011,
  ],
  [
    "kritiska",
    "Flerspråkiga elevers möte med skolans ämnesspråk",
    "Saleh, M.",
    "Nordand – nordisk tidsskrift for andrespråksforskning",
    2012,
  ],
  [
    "overgangar",
    "Övergångar mellan förskola, förskoleklass och skola – pedagogers perspektiv",
    "Garpelin, A., Sandberg, G.",
    "Pedagogisk forskning i Sverige",
    2011,
  ],
  [
    "overgangar",
    "Barns övergångar som relationella processer",
    "Garpelin, A.",
    "Early Years – An International Research Journal",
    2012,
  ],
  ["hundar", "Hunden som aktivitetsstöd i demensvården", "Nyström, E., Ahlgren, C.", "Vård i Norden", 2012],
  [
    "ikt",
    "Att leva och arbeta med IKT i äldreomsorgen",
    "Björk, H., Wallin, P.",
    "Socialvetenskaplig tidskrift",
    2012,
  ],
  [
    "ivar",
    "Praktik och kompletterande utbildning för invandrade ingenjörer",
    "Mahmoud, S., Karlsson, T.",
    "Arbetsmarknad & Arbetsliv",
    2012,
  ],
  [
    "stolt",
    "Yrkesstolthet i kommunal verksamhet – en forskningsöversikt",
    "Welander, J., Berglund, M.",
    "Arbetsliv i omvandling",
    2011,
  ],
  [
    "stolt",
    "Organisationsidentitet bland kommunanställda",
    "Welander, J.",
    "Scandinavian Journal of Public Administration",
    2012,
  ],
  [
    "kompetens",
    "Beställarkompetens vid kommunal kompetensutveckling",
    "Holm, L., Nilsson, J.",
    "Journal of Workplace Learning",
    2012,
  ],
  [
    "backby",
    "Social hållbarhet i stadsdelsförnyelse – Bäckby och Lagersberg",
    "Lundqvist, S., Persson, R.",
    "Plan – tidskrift för samhällsplanering",
    2012,
  ],
  [
    "nationella",
    "Styrning av samproduktion mellan kommun och högskola",
    "Andersson, B., Hedlund, K.",
    "Kommunal ekonomi och politik",
    2012,
  ],
];

const reports: [PeriodProject, string, number][] = [
  ["overgangar", "Stadieövergångar i Eskilstuna och Västerås – delrapport", 2011],
  ["ungaMatematiker", "Unga matematiker – tävlingens upplägg och utfall", 2012],
  ["entreprenorskap", "Entreprenörskap i skolan – erfarenheter från Odlarskolan och Skiljeboskolan", 2011],
  ["mops", "MOPS – från idé till projektplan i Framtidens vård, omsorg och socialt arbete", 2010],
  ["gronOmsorg", "Grön omsorg – utvärdering av pilotverksamheten", 2011],
  ["motesplatser", "Mötesplatser för lärande och utveckling – slutrapport", 2012],
  ["karriartorget", "Karriärtorget – studenternas användning av tjänsterna", 2011],
  ["ivar", "IVAR – deltagarnas väg till anställning", 2011],
  ["stolt", "STOLT – resultat från forskningscirklarna", 2012],
  ["kompetens", "Kommunernas planering och beställning av kompetensutveckling – kartläggning", 2010],
  ["backby", "Förslag till FoU-projekt kring stadsdelssatsningarna", 2010],
  ["nationella", "Framgångsrik förändring – Eskilstunas och Västerås medverkan", 2012],
];

/** Presentations per project: where (national, or in the six countries the seed names) and when. */
const presentations: [PeriodProject, string, string][] = [
  ["matematik", "MADIF 8, Umeå", "2012-01-25"],
  ["matematik", "NORMA 11, Åbo, Finland", "2011-05-12"],
  ["kritiska", "ECER, Berlin, Tyskland", "2011-09-14"],
  ["kritiska", "Nordand 10, Helsingfors, Finland", "2011-06-08"],
  ["overgangar", "EECERA, Porto, Portugal", "2012-08-30"],
  ["overgangar", "ECER, Helsingfors, Finland", "2010-08-26"],
  ["overgangar", "Nationella ämnesdidaktiska konferensen, Västerås", "2012-04-18"],
  ["entreprenorskap", "ECIE, Brighton, England", "2012-09-21"],
  ["hundar", "Alzheimer Europe Conference, Lissabon, Portugal", "2011-10-07"],
  ["gronOmsorg", "Green Care Conference, Basel, Schweiz", "2011-06-16"],
  ["ikt", "AAATE, Karlsruhe, Tyskland", "2011-09-01"],
  ["motesplatser", "Nordiska gerontologikongressen, Göteborg", "2012-05-31"],
  ["karriartorget", "NACADA, Manchester, England", "2012-06-27"],
  ["ivar", "Metropolis, Melbourne, Australien", "2011-10-05"],
  ["stolt", "EGOS Colloquium, Göteborg", "2011-07-08"],
  ["stolt", "EAWOP, Münster, Tyskland", "2013-05-22"],
  ["kompetens", "ESREA, London, England", "2012-04-20"],
  ["backby", "ENHR, Lissabon, Portugal", "2012-06-25"],
  ["backby", "Urban Futures, Zürich, Schweiz", "2012-10-11"],
  ["nationella", "Kommunforskningsprogrammets konferens, Linköping", "2010-11-18"],
  ["nationella", "EGPA, Bern, Schweiz", "2012-09-06"],
];

const models: [PeriodProject, string][] = [
  ["matematik", "Kommundoktorandmodellen: forskning i verksamheten med lärare och didaktiker"],
  ["overgangar", "Referensgruppssamtal som metod för interaktiv forskning"],
  ["hundar", "Hundstödd aktivitet i demensvården – arbetsmodell"],
  ["mops", "MOPS – Modell för projektutveckling i Samhällskontraktet"],
  ["karriartorget", "Karriärtorget – högskolans karriärinsatser under ett tak"],
  ["ivar", "IVAR-modellen: praktik, sfi och kompletterande kurser parallellt"],
  ["stolt", "Forskningscirklar för kommunens medarbetare"],
  ["kompetens", "Beställardialog för uppdragsutbildning (frukostmöten)"],
  ["backby", "Samverkansmodell för forskning i stadsdelsförnyelse"],
  ["nationella", "Samproduktionsmodell för kommun och högskola"],
];

/** Five dissemination activities per project (80 in all): forms researchers use to spread their results. */
const disseminationForms = [
  "Seminarium för kommunens chefer",
  "Föreläsning på arbetsplatsträff",
  "Workshop med verksamhetsutvecklare",
  "Artikel i personaltidningen",
  "Medverkan i nätverksträff",
];
const disseminationTopics: Record<PeriodProject, string> = {
  matematik: "matematikundervisning i årskurs 3",
  kritiska: "flerspråkiga elevers lärande",
  overgangar: "övergångar mellan förskola och skola",
  ungaMatematiker: "matematiktävlingar som motivation",
  entreprenorskap: "entreprenöriellt lärande i grundskolan",
  mops: "projektutveckling i vård och omsorg",
  hundar: "hundar i demensvården",
  gronOmsorg: "grön omsorg",
  ikt: "IKT i äldreomsorgen",
  motesplatser: "mötesplatser för lärande i omsorgen",
  karriartorget: "studenternas väg till arbetslivet",
  ivar: "invandrade akademikers etablering",
  stolt: "yrkesstolthet och organisationsidentitet",
  kompetens: "kompetensutveckling i samverkan",
  backby: "hållbar stadsdelsutveckling",
  nationella: "styrning av samproduktion",
};

/** Every output record of the period, by project. */
export function firstPeriodOutputs(): [PeriodProject, OutputInput][] {
  const rows: [PeriodProject, OutputInput][] = [];
  articles.forEach(([project, title, authors, venue, year], i) => {
    const doi = `10.5555/sk.${year}.${String(i + 1).padStart(3, "0")}`;
    rows.push([project, { type: "scientific_article", title, authors, venue, year, doi }]);
  });
  for (const [project, title, year] of reports) rows.push([project, { type: "report", title, year }]);
  for (const [project, venue, date] of presentations) {
    const title = `Presentation: ${disseminationTopics[project]}`;
    rows.push([
      project,
      { type: "conference_presentation", title, venue, date, year: Number(date.slice(0, 4)) },
    ]);
  }
  const projects = Object.keys(disseminationTopics) as PeriodProject[];
  projects.forEach((project, p) => {
    disseminationForms.forEach((form, f) => {
      const date = `${2010 + ((p + f) % 3)}-${String(((p * 5 + f) % 11) + 1).padStart(2, "0")}-15`;
      const title = `${form}: ${disseminationTopics[project]}`;
      rows.push([project, { type: "dissemination_activity", title, date, year: Number(date.slice(0, 4)) }]);
    });
  });
  for (const [project, title] of models) rows.push([project, { type: "documented_model", title }]);
  return rows;
}

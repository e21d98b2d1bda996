import type { OrganisationType } from "../../src/common/organisations.ts";
import type { Db } from "../../src/server/db/client.ts";
import { ensureUser } from "../../src/server/modules/accounts/index.ts";
import { createOrganisation, organisationIdsByName } from "../../src/server/modules/organisations/index.ts";
import { systemActor } from "../../src/server/platform/actor.ts";
import { DEMO_PASSWORD, demoUsers } from "../users.ts";
import { LC_KOMP, ORG } from "./names.ts";

/**
 * Every organisation the five seeds name, with its place in a hierarchy, municipality code (SCB
 * kommunkod) and county. Organisation numbers only where they are known (and pass the Luhn rule).
 */
interface OrganisationSeed {
  name: string;
  type: OrganisationType;
  parent?: string;
  orgNumber?: string;
  municipalityCode?: string;
  county?: string;
  website?: string;
  tags?: string[];
  description?: string;
}

const county = {
  uppsala: "Uppsala län",
  orebro: "Örebro län",
  ostergotland: "Östergötlands län",
  sodermanland: "Södermanlands län",
  vastmanland: "Västmanlands län",
  vasternorrland: "Västernorrlands län",
} as const;

const lc = (extra: Partial<OrganisationSeed> = {}) => ({ tags: [LC_KOMP.tag], ...extra });

const kommun = (name: string, code: string, inCounty: string, extra: Partial<OrganisationSeed> = {}) =>
  ({ name, type: "kommun", municipalityCode: code, county: inCounty, ...extra }) as OrganisationSeed;

/** Parents come before their units. */
const seeds: OrganisationSeed[] = [
  // Seed 000: Mittuniversitetet and its units.
  {
    name: ORG.miun,
    type: "larosate",
    orgNumber: "202100-2817",
    municipalityCode: "2281",
    county: county.vasternorrland,
    website: "www.miun.se",
    tags: ["ALA-kompassen", "SKO-avtal"],
    description: "Universitet med campus i Sundsvall och Östersund.",
  },
  { name: ORG.nmt, type: "fakultet", parent: ORG.miun },
  { name: ORG.huv, type: "fakultet", parent: ORG.miun },
  {
    name: ORG.sam,
    type: "avdelning",
    parent: ORG.miun,
    description:
      "Centrala stödfunktioner för arbetslivsanknytning: utvecklar systematik och kvalitetssäkring och stödjer fakulteter och avdelningar.",
  },
  { name: ORG.kom, type: "avdelning", parent: ORG.miun },
  { name: ORG.rektorsKansli, type: "avdelning", parent: ORG.miun },
  {
    name: ORG.miunKarriar,
    type: "avdelning",
    parent: ORG.sam,
    description:
      "Karriärstöd till studenter: CV-granskning, mentorprogram, jobb-, exjobb- och praktikförmedling.",
  },
  { name: ORG.miunInnovation, type: "avdelning", parent: ORG.sam, description: "Innovationsrådgivning." },
  {
    name: ORG.miunAlumni,
    type: "avdelning",
    parent: ORG.sam,
    description: "Alumninätverket och dess nyhetsbrev.",
  },

  // Seeds 002–003: Samhällskontraktet and its three parties.
  {
    name: ORG.mdh,
    type: "larosate",
    orgNumber: "202100-1421",
    county: county.vastmanland,
    municipalityCode: "1980",
    website: "www.mdh.se",
    tags: ["Samhällskontraktet"],
    description: "Högskola med campus i Eskilstuna och Västerås, grundad 1977.",
  },
  { name: "Akademin för utbildning, kultur och kommunikation (UKK)", type: "avdelning", parent: ORG.mdh },
  {
    name: "Forskargruppen STAMP – Styrning av samproduktion",
    type: "avdelning",
    parent: ORG.mdh,
    description: "Följeforskning och processtöd till Samhällskontraktet.",
  },
  kommun(ORG.eskilstuna, "0484", county.sodermanland, {
    orgNumber: "212000-0340",
    website: "www.eskilstuna.se",
    tags: ["Samhällskontraktet"],
  }),
  kommun(ORG.vasteras, "1980", county.vastmanland, {
    orgNumber: "212000-2080",
    website: "www.vasteras.se",
    tags: ["Samhällskontraktet"],
  }),
  {
    name: ORG.samhallskontraktet,
    type: "annan",
    website: "www.samhallskontraktet.se",
    tags: ["Samhällskontraktet"],
    description:
      "Samverkansplattform mellan Mälardalens högskola, Eskilstuna kommun och Västerås stad sedan 2009 (40 mnkr per fyraårigt avtal). Centrumbildning vid MDH med styrelse, processledning och sektorsgrupper.",
  },
  { name: "Odlarskolan", type: "avdelning", parent: ORG.eskilstuna },
  { name: "Skiljeboskolan", type: "avdelning", parent: ORG.vasteras },
  { name: "Rudbeckianska gymnasiet", type: "avdelning", parent: ORG.vasteras },

  // Seed 001: the pilot municipality of the SKO agreements.
  kommun(ORG.harnosand, "2280", county.vasternorrland, {
    orgNumber: "212000-2403",
    website: "www.harnosand.se",
    tags: ["SKO-avtal"],
    description: "Pilotkommun för SKO-avtal: systematisk kompetensutveckling av kommunens medarbetare.",
  }),

  // Seed 004: LC-KOMP — the project owner, 17 participating organisations in 22 municipalities, five partners.
  {
    name: ORG.apel,
    type: "forening",
    website: "www.apel-fou.se",
    tags: [LC_KOMP.ownerTag],
    description: "Genomförde förprojekteringen januari–mars 2009 och äger projektet LC-KOMP.",
  },
  kommun("Östhammars kommun", "0382", county.uppsala, lc({ website: "www.osthammar.se" })),
  kommun("Tierps kommun", "0360", county.uppsala, lc({ website: "www.tierp.se" })),
  kommun("Lindesbergs kommun", "1885", county.orebro, lc({ website: "www.lindesberg.se" })),
  kommun("Karlskoga kommun", "1883", county.orebro, lc({ website: "www.karlskoga.se" })),
  kommun("Ljusnarsbergs kommun", "1864", county.orebro, lc({ website: "www.ljusnarsberg.se" })),
  kommun("Hällefors kommun", "1863", county.orebro, lc({ website: "www.hellefors.se" })),
  kommun("Örebro kommun", "1880", county.orebro, lc({ website: "www.orebro.se" })),
  {
    name: "Sydnärkes utbildningsförbund (SUF)",
    type: "kommunalforbund",
    county: county.orebro,
    ...lc({
      description: "Kommunalförbund för vuxenutbildning och lärcentrum i Askersund, Hallsberg och Laxå.",
    }),
  },
  kommun("Askersunds kommun", "1882", county.orebro, { parent: "Sydnärkes utbildningsförbund (SUF)" }),
  kommun("Hallsbergs kommun", "1861", county.orebro, { parent: "Sydnärkes utbildningsförbund (SUF)" }),
  kommun("Laxå kommun", "1860", county.orebro, { parent: "Sydnärkes utbildningsförbund (SUF)" }),
  kommun("Kinda kommun", "0513", county.ostergotland, lc({ website: "www.kinda.se" })),
  kommun("Motala kommun", "0583", county.ostergotland, lc({ website: "www.motala.se" })),
  kommun("Åtvidabergs kommun", "0561", county.ostergotland, lc({ website: "www.atvidaberg.se" })),
  kommun("Flens kommun", "0482", county.sodermanland, lc({ website: "www.flen.se" })),
  kommun("Nyköpings kommun", "0480", county.sodermanland, lc({ website: "www.nykoping.se" })),
  kommun("Strängnäs kommun", "0486", county.sodermanland, lc({ website: "www.strangnas.se" })),
  {
    name: "Viadidakt",
    type: "kommunalforbund",
    county: county.sodermanland,
    ...lc({ description: "Kommunalförbund för vuxenutbildning och lärcentrum i Katrineholm och Vingåker." }),
  },
  kommun("Katrineholms kommun", "0483", county.sodermanland, { parent: "Viadidakt" }),
  kommun("Vingåkers kommun", "0428", county.sodermanland, { parent: "Viadidakt" }),
  kommun("Sala kommun", "1981", county.vastmanland, lc({ website: "www.sala.se" })),
  {
    name: "Norra Västmanlands utbildningsförbund (NVU)",
    type: "kommunalforbund",
    county: county.vastmanland,
    ...lc({ description: "Kommunalförbund för vuxenutbildning i Skinnskatteberg, Fagersta och Norberg." }),
  },
  kommun("Skinnskattebergs kommun", "1904", county.vastmanland, {
    parent: "Norra Västmanlands utbildningsförbund (NVU)",
  }),
  kommun("Fagersta kommun", "1982", county.vastmanland, {
    parent: "Norra Västmanlands utbildningsförbund (NVU)",
  }),
  kommun("Norbergs kommun", "1962", county.vastmanland, {
    parent: "Norra Västmanlands utbildningsförbund (NVU)",
  }),
  { name: "Regionförbundet Uppsala län", type: "region", county: county.uppsala, tags: [LC_KOMP.partnerTag] },
  { name: "Regionförbundet Örebro", type: "region", county: county.orebro, tags: [LC_KOMP.partnerTag] },
  { name: "Regionförbundet Östsam", type: "region", county: county.ostergotland, tags: [LC_KOMP.partnerTag] },
  {
    name: "Regionförbundet Sörmland",
    type: "region",
    county: county.sodermanland,
    tags: [LC_KOMP.partnerTag],
  },
  {
    name: "Västmanlands kommuner och landsting (VKL)",
    type: "region",
    county: county.vastmanland,
    tags: [LC_KOMP.partnerTag],
  },
  {
    name: "European Minds",
    type: "foretag",
    description: "Gjorde den lärande utvärderingen av LC-KOMP (2011).",
  },

  // Funders and partners named in the seeds.
  {
    name: "Europeiska socialfonden (ESF)",
    type: "annan",
    tags: ["Finansiär"],
    description: "EU:s fond som finansierar LC-KOMP i Östra Mellansverige.",
  },
  { name: "Svenska ESF-rådet", type: "myndighet", tags: ["Finansiär"], website: "www.esf.se" },
  {
    name: "Arbetsförmedlingen",
    type: "myndighet",
    orgNumber: "202100-2114",
    website: "www.arbetsformedlingen.se",
    description: "Part i IVAR (Samhällskontraktet); fyra deltagare i LC-KOMP.",
  },
  { name: "Skolverket", type: "myndighet", tags: ["Finansiär"], website: "www.skolverket.se" },
  { name: "Vetenskapsrådet", type: "myndighet", tags: ["Finansiär"], website: "www.vr.se" },
  { name: "VINNOVA", type: "myndighet", tags: ["Finansiär"], website: "www.vinnova.se" },
  { name: "Sveriges Kommuner och Landsting (SKL)", type: "forening", website: "www.skl.se" },
  ...["Sparbanken Rekarne", "Nya Sparbanken", "Västra Mälardalens Sparbank", "Sörmlandsbanken"].map(
    (name): OrganisationSeed => ({
      name,
      type: "stiftelse",
      tags: ["Finansiär", "Sparbanksstiftelserna"],
      description:
        "En av de regionala sparbanksstiftelserna som gav 160 000 kr till tävlingen Unga matematiker.",
    }),
  ),
  {
    name: "Mälardalsrådet",
    type: "forening",
    description: "Medarrangör av seminarier med Samhällskontraktet 2010.",
  },
  { name: "FoU i Sörmland", type: "annan" },
  { name: "Landstinget Sörmland", type: "region", county: county.sodermanland },
  { name: "Automation Region", type: "annan" },
  { name: "Robotdalen", type: "annan" },
  { name: "MatteCentrum", type: "forening", description: "Ideell organisation för matematikundervisning." },
  { name: "Linköpings universitet", type: "larosate", municipalityCode: "0580", county: county.ostergotland },
  {
    name: "Centrum för kommunstrategiska studier (CKS)",
    type: "avdelning",
    parent: "Linköpings universitet",
  },
];

/** Ids of every organisation by exact name, for later demo steps. */
export { organisationIdsByName };

/** Creates the organisations (skipping names that exist) and scopes the demo partner to Härnösands kommun. */
export async function loadOrganisationsDemo(db: Db, password = DEMO_PASSWORD) {
  const ids = await organisationIdsByName(db);
  for (const { parent, ...seed } of seeds) {
    if (ids.has(seed.name)) continue;
    const parentId = parent ? ids.get(parent) : null;
    if (parent && !parentId) throw new Error(`demo: parent ${parent} of ${seed.name} is missing`);
    const created = await createOrganisation(db, systemActor, { ...seed, parentId });
    ids.set(created.name, created.id);
  }
  const partner = demoUsers.find((u) => u.email === "partner@demo.samspel.se")!;
  await ensureUser(db, systemActor, {
    ...partner,
    password,
    roles: [{ role: "partner", scopeType: "organisation", scopeId: ids.get(ORG.harnosand)! }],
  });
}

import { eq } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.ts";
import { createPerson, personIdByName } from "../../src/server/modules/people/index.ts";
import { systemActor } from "../../src/server/platform/actor.ts";
import { users } from "../../src/server/platform/platform.schema.ts";
import { ORG, PERSON } from "./names.ts";
import { organisationIdsByName } from "./organisations.ts";

/**
 * The people the seeds name, in the roles the seeds give them. E-mail and phone are left empty: the
 * seeds do not give them, and invented contact details for real names would mislead.
 */
interface PersonSeed {
  name: string;
  title: string;
  memberships: { organisation: string; role: string; startDate?: string; endDate?: string }[];
  notes?: string;
  userEmail?: string;
  email?: string;
}

const MDH_SK = ORG.samhallskontraktet;

const seeds: PersonSeed[] = [
  // Seed 000: Mittuniversitetet's work-life connection (arbetslivsanknytning).
  {
    name: PERSON.robertPettersson,
    title: "Processledare arbetslivsanknytning",
    memberships: [{ organisation: ORG.sam, role: "Processledare, dokumentansvarig för handlingsplanen" }],
    notes: "Tillsattes runt årsskiftet 2012–2013 och leder referensgruppen.",
  },
  {
    name: PERSON.jennySandstrom,
    title: "Projektföljare",
    memberships: [{ organisation: ORG.sam, role: "Projektföljare, medförfattare till handlingsplanen" }],
  },
  {
    name: PERSON.christinaFrimodig,
    title: "Kommunikationskoordinator",
    memberships: [{ organisation: ORG.sam, role: "Koordinering av kommunikation" }],
  },
  {
    name: PERSON.jorgenSparf,
    title: "Forskare",
    memberships: [
      { organisation: ORG.miun, role: "Referensgrupp och mätmodell; ansvarig för ALA-kompassen" },
    ],
  },
  {
    name: PERSON.kristinaRadberg,
    title: "Projektledare",
    memberships: [{ organisation: ORG.sam, role: "Samordning arbetslivsanknytning; Kompetenskontraktet" }],
  },
  ...["Mats Tinnsten", "Eva Wiktorsson", "Maria Nyberg Ståhl"].map((name) => ({
    name,
    title: "Projektgrupp utbildningsstrategin",
    memberships: [{ organisation: ORG.miun, role: "Projektgruppen för utbildningsstrategin 2011–2013" }],
  })),
  {
    name: "Håkan Viklund",
    title: "Ordförande referensgrupp",
    memberships: [{ organisation: ORG.miun, role: "Ordförande i referensgruppen för arbetslivsanknytning" }],
  },
  ...(
    [
      ["Pernilla Sivertsen", ORG.miunKarriar, "Karriärcoachning; Extern kommunikation/Alumni/Karriärsök"],
      ["Stefan Jansson", ORG.huv, "Patientsimulator"],
      ["Tomas Berglund", ORG.huv, "HUM"],
      ["Magnus Ottelid", ORG.miun, "SAMLAB"],
      ["Jan Eriksson", ORG.miun, "Distansarbetsplatser"],
      ["Gunilla Egonsdotter", ORG.huv, "Datorsimulerad BBIC och SimChild"],
      ["Sandra Wall Reinius", ORG.nmt, "Turism 2.0"],
      ["Hanna Billmayer", ORG.miun, "Karriärvägledning via webben; Ökad branschnärvaro"],
    ] as const
  ).map(([name, organisation, projects]) => ({
    name,
    title: "Projektledare",
    memberships: [{ organisation, role: `Projektledare: ${projects}` }],
  })),

  // Seeds 002–003: Samhällskontraktet's board, process leadership and researchers.
  {
    name: PERSON.ceciliaVestman,
    title: "Processledare",
    memberships: [{ organisation: MDH_SK, role: "Processledare", startDate: "2009-05-01" }],
  },
  {
    name: PERSON.monicaFalk,
    title: "Utbildningsstrateg",
    memberships: [{ organisation: MDH_SK, role: "Utbildningsstrateg (40 %)" }],
  },
  ...(
    [
      ["Pär Eriksson", "Kommundirektör", ORG.eskilstuna, "Styrelsens ordförande"],
      ["Tryggve Lundh", "Utvecklingsdirektör", ORG.eskilstuna, "Styrelseledamot"],
      ["Bo Dahllöf", "Stadsdirektör", ORG.vasteras, "Styrelseledamot"],
      ["Karin Hjärpe", "Välfärdsdirektör", ORG.vasteras, "Styrelseledamot"],
      ["Karin Röding", "Rektor", ORG.mdh, "Styrelseledamot"],
      ["Anne Söderlund", "Professor", ORG.mdh, "Styrelseledamot"],
    ] as const
  ).map(([name, title, party, boardRole]) => ({
    name,
    title,
    memberships: [
      { organisation: party, role: title },
      { organisation: MDH_SK, role: boardRole },
    ],
  })),
  {
    name: "Laila Niklasson",
    title: "Lektor",
    memberships: [
      {
        organisation: "Akademin för utbildning, kultur och kommunikation (UKK)",
        role: "Utvärderade matematikinsatser 2010",
      },
    ],
  },
  {
    name: "Anders Garpelin",
    title: "Professor",
    memberships: [{ organisation: ORG.mdh, role: "Forskningsprojekt Stadieövergångar" }],
  },
  {
    name: "Jonas Welander",
    title: "Kommundoktorand",
    memberships: [{ organisation: MDH_SK, role: "Kommundoktorand i STOLT-projektet" }],
  },

  // Seed 004: LC-KOMP.
  {
    name: "Lennart Svensson",
    title: "Forskare",
    memberships: [
      { organisation: ORG.apel, role: "Forskare, interaktiv forskning" },
      { organisation: "Linköpings universitet", role: "Forskare, HELIX" },
    ],
  },
  {
    name: "Ann Lundqvist",
    title: "Utvärderare",
    memberships: [{ organisation: "European Minds", role: "Lärande utvärdering av LC-KOMP" }],
  },

  // Seed 001: the SKO pilot — the HR director of Härnösands kommun is the demo partner user.
  {
    name: PERSON.harnosandHrDirector,
    title: "Personaldirektör",
    memberships: [{ organisation: ORG.harnosand, role: "Personaldirektör, kontaktperson för SKO-avtalet" }],
    userEmail: "partner@demo.samspel.se",
    email: "partner@demo.samspel.se",
  },
];

/** Creates the people (skipping names that exist), linked to their organisations and, for one, a user. */
export async function loadPeopleDemo(db: Db) {
  const orgIds = await organisationIdsByName(db);
  for (const seed of seeds) {
    if (await personIdByName(db, seed.name)) continue;
    const [user] = seed.userEmail
      ? await db.select({ id: users.id }).from(users).where(eq(users.email, seed.userEmail))
      : [];
    await createPerson(db, systemActor, {
      name: seed.name,
      title: seed.title,
      email: seed.email ?? null,
      notes: seed.notes ?? null,
      lawfulBasis: "public_task",
      userId: user?.id ?? null,
      memberships: seed.memberships.map(({ organisation, ...m }) => {
        const organisationId = orgIds.get(organisation);
        if (!organisationId) throw new Error(`demo: organisation ${organisation} is missing`);
        return { organisationId, ...m };
      }),
    });
  }
}

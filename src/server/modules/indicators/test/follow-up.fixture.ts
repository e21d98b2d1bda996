import type { ParticipantRoleKey } from "../../../../common/events.ts";
import type { Database, Db } from "../../../db/client.ts";
import { systemActor } from "../../../platform/actor.ts";
import { ensureUser } from "../../accounts/index.ts";
import { createEvent, recordAttendanceList } from "../../events/index.ts";
import { createOrganisation } from "../../organisations/index.ts";
import { addOutput, createProject } from "../../projects/index.ts";

/**
 * Test data of the follow-up tests (finance, indicators, reports), made through the owning
 * modules' services: Samhällskontraktet and two municipalities, LC-KOMP with three events and
 * their attendance lists (five distinct people, one of whom attends twice), Unga matematiker with
 * its 160 000 kr co-financing and some outputs, and a partner user who speaks for Sala kommun.
 */
export interface FollowUpFixture {
  sk: string;
  sala: string;
  motala: string;
  apel: string;
  lcKomp: string;
  ungaMatematiker: string;
  events: { seminar: string; workshop: string; network: string };
}

export const partnerOfSala = "partner-sala@test.samspel.se";
export const TEST_PASSWORD = "samspel-test-2026";

const attendee = (name: string, email: string | null, roleKey: ParticipantRoleKey = "larare") => ({
  name,
  email,
  organisation: "Sala kommun",
  roleKey,
  attended: true,
});

export function followUpFixture() {
  const ids = {} as FollowUpFixture;
  const seed = async ({ db }: Database) => {
    const org = async (name: string, type: string) =>
      (await createOrganisation(db, systemActor, { name, type })).id;
    ids.sk = await org("Samhällskontraktet", "annan");
    ids.sala = await org("Sala kommun", "kommun");
    ids.motala = await org("Motala kommun", "kommun");
    ids.apel = await org("APeL Forskning och utveckling", "foretag");
    ids.lcKomp = await createProject(db, systemActor, {
      name: "LC-KOMP",
      ownerOrganisationId: ids.apel,
      periodStart: "2009-08",
      periodEnd: "2011-07",
    });
    ids.ungaMatematiker = await createProject(db, systemActor, {
      name: "Unga matematiker",
      ownerOrganisationId: ids.sk,
      sector: "Utbildning",
      periodStart: "2010-01",
      periodEnd: "2012-12",
      funding: [{ kind: "cofinancing", funderName: "Sparbanksstiftelserna", amount: 160_000, year: 2010 }],
    });
    for (const title of ["Artikel 1", "Artikel 2", "Artikel 3"])
      await addOutput(db, systemActor, ids.ungaMatematiker, {
        type: "scientific_article",
        title,
        date: "2010-10-01",
      });
    await addOutput(db, systemActor, ids.ungaMatematiker, {
      type: "report",
      title: "Slutrapport",
      date: "2012-12-01",
    });
    ids.events = {
      seminar: await lcKompEvent(db, "Seminarium: omvärldsförändringar", "seminarium", "2010-02-10", ids),
      workshop: await lcKompEvent(db, "Tematisk workshop: behovsanalys", "workshop", "2010-09-15", ids),
      network: await lcKompEvent(db, "Nätverksträff: mäklarroll", "natverkstraff", "2011-03-01", ids),
    };
    await recordAttendanceList(db, systemActor, ids.events.seminar, [
      attendee("Anna Andersson", "anna@sala.se"),
      attendee("Bertil Berg", "bertil@sala.se", "projektledare"),
      attendee("Cecilia Ek", "cecilia@motala.se"),
      { ...attendee("Frånvarande Person", "franvaro@sala.se"), attended: false },
    ]);
    await recordAttendanceList(db, systemActor, ids.events.workshop, [
      attendee("Anna Andersson", "anna@sala.se"),
      attendee("David Dahl", "david@sala.se", "kompetensmaklare"),
      attendee("Utan E-post", null),
    ]);
    await recordAttendanceList(db, systemActor, ids.events.network, [attendee("Erik Ström", "erik@sala.se")]);
    await ensureUser(db, systemActor, {
      email: partnerOfSala,
      name: "Sala Partner",
      password: TEST_PASSWORD,
      roles: [{ role: "partner", scopeType: "organisation", scopeId: ids.sala }],
    });
  };
  return { ids, seed };
}

async function lcKompEvent(db: Db, title: string, typeKey: string, date: string, ids: FollowUpFixture) {
  const event = await createEvent(db, systemActor, {
    title,
    typeKey,
    status: "done",
    projectId: ids.lcKomp,
    organisationIds: [ids.sala, ids.motala],
    registrationEnabled: false,
    sessions: [{ date, startTime: "09:00", endTime: "15:00", place: "Västerås" }],
    estimatedParticipants: 20,
  });
  return event.id;
}

import { DEMO_PASSWORD } from "../../../../../demo/users.ts";
import type { Database } from "../../../db/client.ts";
import { systemActor } from "../../../platform/actor.ts";
import { ensureUser } from "../../accounts/index.ts";
import { createOrganisation } from "../../organisations/index.ts";
import { createPerson } from "../../people/index.ts";
import { setRegistryPrefix } from "../registry.service.ts";

/** Test data of the governance tests: three parties, six board people (one is the demo group member), a partner. */
export interface GovernanceFixture {
  sk: string;
  parties: { mdh: string; eskilstuna: string; vasteras: string };
  people: string[];
  outsider: string;
}

export const fixture = {} as GovernanceFixture;
export const partnerEmail = "partner.mdh@example.se";

export async function seedGovernance(database: Database) {
  const db = database.db;
  const org = async (name: string, type: "annan" | "larosate" | "kommun") =>
    (await createOrganisation(db, systemActor, { name, type })).id;
  fixture.sk = await org("Samhällskontraktet", "annan");
  fixture.parties = {
    mdh: await org("Mälardalens högskola", "larosate"),
    eskilstuna: await org("Eskilstuna kommun", "kommun"),
    vasteras: await org("Västerås stad", "kommun"),
  };
  await setRegistryPrefix(db, fixture.sk, "SK");
  const names = [
    ["Greta Styrelseledamot", "styrelse@demo.samspel.se"],
    ["Ingrid Rektor", "ingrid@example.se"],
    ["Jimmy Kommunchef", "jimmy@example.se"],
    ["Anna Nämnd", "anna@example.se"],
    ["Lars Stad", "lars@example.se"],
    ["Eva Stad", "eva@example.se"],
  ];
  fixture.people = [];
  for (const [name, email] of names)
    fixture.people.push((await createPerson(db, systemActor, { name, email })).id);
  fixture.outsider = (
    await createPerson(db, systemActor, { name: "Olle Utanför", email: "olle@example.se" })
  ).id;
  await ensureUser(db, systemActor, {
    email: partnerEmail,
    name: "Paula Partner",
    password: DEMO_PASSWORD,
    roles: [{ role: "partner", scopeType: "organisation", scopeId: fixture.parties.mdh }],
  });
}

/** The six board seats: two per party, in the order of `fixture.people`. */
export const boardSeats = () => [
  [fixture.people[0], fixture.parties.mdh, "chair"],
  [fixture.people[1], fixture.parties.mdh, "member"],
  [fixture.people[2], fixture.parties.eskilstuna, "vice_chair"],
  [fixture.people[3], fixture.parties.eskilstuna, "member"],
  [fixture.people[4], fixture.parties.vasteras, "member"],
  [fixture.people[5], fixture.parties.vasteras, "member"],
];

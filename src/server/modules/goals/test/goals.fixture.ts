import { eq } from "drizzle-orm";
import { swedishSortKey } from "../../../../common/sort-key.ts";
import type { Db } from "../../../db/client.ts";
import { users } from "../../../platform/platform.schema.ts";
import { activities } from "../../activities/activities.schema.ts";
import { ensureActivityTypes } from "../../activities/index.ts";
import { organisations } from "../../organisations/organisations.schema.ts";
import { people } from "../../people/people.schema.ts";

/** Small fixtures for the goals, plans and projects tests: rows the registers would hold. */
export async function insertOrganisation(db: Db, name: string, type = "avdelning") {
  const [row] = await db
    .insert(organisations)
    .values({ name, sortKey: swedishSortKey(name), type })
    .returning();
  return row.id;
}

/** A person, optionally linked to the user with the given e-mail (that user then acts as the person). */
export async function insertPerson(db: Db, name: string, userEmail?: string) {
  const [user] = userEmail ? await db.select().from(users).where(eq(users.email, userEmail)) : [];
  const [row] = await db
    .insert(people)
    .values({ name, sortKey: swedishSortKey(name), userId: user?.id ?? null })
    .returning();
  return row.id;
}

export async function insertActivity(db: Db, title: string, status = "planned") {
  await ensureActivityTypes(db);
  const [row] = await db
    .insert(activities)
    .values({ title, sortKey: swedishSortKey(title), typeKey: "studiebesok", status })
    .returning();
  return row.id;
}

export const GOALS_A_TO_F = [
  {
    code: "A",
    text: "Mittuniversitetets arbetslivsanknytning ska utgå från våra utbildningars förutsättningar och personalens kompetens.",
  },
  { code: "B", text: "Arbetslivsanknytningen ska vara förankrad och erkänd inom Mittuniversitetet." },
  { code: "C", text: "Vi ska vara nationellt erkända för vårt arbete med arbetslivsanknytning." },
  {
    code: "D",
    text: "Studenterna ska uppleva att deras utbildning är framgångsrikt knuten till arbetslivet.",
  },
  { code: "E", text: "Vi ska vara regionalt erkända för vårt arbete med arbetslivsanknytning." },
  { code: "F", text: "Vi ska ha en systematisk modell för att kvalitetssäkra vår arbetslivsanknytning." },
];

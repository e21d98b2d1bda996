import type { Db } from "../src/server/db/client.ts";
import {
  addAppendixRow,
  addDialogue,
  addNeed,
  createAgreement,
  listAgreements,
  updateAgreement,
} from "../src/server/modules/agreements/index.ts";
import { createSpend } from "../src/server/modules/finance/index.ts";
import { createOrganisation } from "../src/server/modules/organisations/index.ts";
import { findCourseIdByCode } from "../src/server/modules/programmes/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { HARNOSAND_COURSES, ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * Seed 001: Härnösands kommun's SKO agreement — a two-year pilot with co-financing — with its needs
 * inventory (work-life consultants and similar functions; unit managers and case officers in social
 * services; economy), its appendix of the eight contract courses (27 hp) in three packages, and two
 * dialogues. A neighbouring municipality's agreement reads Strategisk ekonomistyrning together with
 * Härnösand ("strumpavtal"). Prices, places, dates and the neighbour are the demo's own.
 */
export const HARNOSAND_AGREEMENT = "SKO-avtal Härnösands kommun – pilot 2026–2027";
export const SECOND_AGREEMENT = "SKO-avtal Kramfors kommun 2026–2029";
const KRAMFORS = "Kramfors kommun";
export const PACKAGE = {
  psychology: "Psykologi för arbetslivskonsulenter",
  law: "Juridik för socialtjänsten",
  economy: "Ekonomistyrning",
} as const;

/** Code → package, term, places, price and (for courses given) participants and completed. */
const APPENDIX: Record<
  string,
  { pkg: keyof typeof PACKAGE; term: string; places: number; price: number; given?: [number, number] }
> = {
  PS101U: { pkg: "psychology", term: "vt 2026", places: 20, price: 60_000, given: [18, 16] },
  PS102U: { pkg: "psychology", term: "vt 2026", places: 20, price: 60_000, given: [17, 15] },
  PS103U: { pkg: "psychology", term: "ht 2026", places: 20, price: 60_000 },
  PS104U: { pkg: "psychology", term: "ht 2026", places: 20, price: 60_000 },
  RV101U: { pkg: "law", term: "vt 2026", places: 15, price: 60_000, given: [14, 13] },
  RV102U: { pkg: "law", term: "ht 2026", places: 15, price: 60_000 },
  RV103U: { pkg: "law", term: "vt 2027", places: 15, price: 110_000 },
  FE101U: { pkg: "economy", term: "vt 2027", places: 12, price: 60_000 },
};

export async function loadAgreementsDemo(db: Db) {
  const existing = await listAgreements(db, systemActor, { limit: 500 });
  if (existing.items.some((a) => a.title === HARNOSAND_AGREEMENT)) return;
  const orgs = await organisationIdsByName(db);
  const miun = orgs.get(ORG.miun)!;
  const harnosand = orgs.get(ORG.harnosand)!;
  const kramfors =
    orgs.get(KRAMFORS) ??
    (
      await createOrganisation(db, systemActor, {
        name: KRAMFORS,
        type: "kommun",
        tags: ["SKO-avtal"],
        description: "Grannkommun till Härnösand som läser ekonomistyrning inom ett eget SKO-avtal.",
      })
    ).id;

  const pilot = await createAgreement(db, systemActor, {
    title: HARNOSAND_AGREEMENT,
    partyIds: [harnosand],
    parties: [{ organisationId: harnosand, contactName: "Hanna Personaldirektör", cofinancing: 400_000 }],
    universityId: miun,
    universityContact: "Jenny Sandström",
    universityCofinancing: 400_000,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    budget: 800_000,
    registryNumber: "MIUN 2025/2280",
    phase: "planning",
    status: "draft",
    notes:
      "Pilot för att hitta en modell för systematisk kompetensutveckling av kommunens medarbetare: korta, flexibla distanskurser med arbetsintegrerat lärande (bring your own data).",
  });
  const need = async (title: string, targetGroup: string, staffCount: number, priority: number) =>
    (
      await addNeed(db, systemActor, pilot.id, { title, targetGroup, staffCount, priority, source: "plan" })
    ).needs.find((n) => n.title === title)!.id;
  const needs = {
    psychology: await need(
      "Psykologisk kunskap i mötet med människor i kris och utanförskap",
      "Arbetslivskonsulenter och liknande funktioner",
      25,
      1,
    ),
    law: await need(
      "Förvaltningsrätt och socialrätt i myndighetsutövningen",
      "Enhetschefer och handläggare inom socialtjänsten",
      40,
      1,
    ),
    economy: await need("Strategisk ekonomistyrning", "Chefer och ekonomer med budgetansvar", 15, 2),
  };
  await updateAgreement(db, systemActor, pilot.id, { phase: "execution", status: "active" });

  for (const course of HARNOSAND_COURSES) {
    const row = APPENDIX[course.code];
    const courseId = (await findCourseIdByCode(db, course.code))!;
    await addAppendixRow(db, systemActor, pilot.id, {
      courseId,
      needIds: [needs[row.pkg]],
      term: row.term,
      places: row.places,
      price: row.price,
      delivery: ["distance", "flexible"],
      package: PACKAGE[row.pkg],
      workCase:
        row.pkg === "law"
          ? "Avidentifierade ärenden från socialtjänsten analyseras med kursens metoder."
          : "Deltagarna tar med egna fall från arbetsplatsen (bring your own data).",
      participants: row.given?.[0] ?? null,
      completed: row.given?.[1] ?? null,
    });
  }

  await addDialogue(db, systemActor, pilot.id, {
    date: "2026-02-11",
    participants:
      "Hanna Personaldirektör (Härnösands kommun), Jenny Sandström och kursansvariga (Mittuniversitetet)",
    notes:
      "Genomgång av kompetensförsörjningsplanen och behovsinventeringen. Kurspaketen i psykologi och juridik startar vt 2026 på distans med flexibel studietakt.",
    decisions: "Kursbilagan fastställs med åtta kurser, 27 hp. Nästa dialog efter vårterminen.",
    nextDate: "2026-06-10",
  });
  await addDialogue(db, systemActor, pilot.id, {
    date: "2026-06-10",
    participants: "Hanna Personaldirektör, enhetschefer inom socialtjänsten, Jenny Sandström",
    notes:
      "Uppföljning av vårens tre kurser: 49 deltagare, 44 har slutfört. Deltagarna uppskattar fallen från den egna arbetsplatsen. Budgeten följer planen.",
    decisions:
      "Höstens kurser genomförs enligt kursbilagan. Behov av arbetsrätt för chefer förs in i inventeringen.",
    nextDate: "2026-11-18",
    needs: [{ title: "Arbetsrätt för chefer", targetGroup: "Enhetschefer", staffCount: 30, priority: 2 }],
  });
  await createSpend(db, systemActor, {
    organisationId: miun,
    unitName: "Uppdragsutbildning",
    date: "2026-06-30",
    amount: 180_000,
    category: "Kursavgifter",
    note: "Kursavgifter vt 2026, SKO Härnösand",
    agreementId: pilot.id,
  });

  const second = await createAgreement(db, systemActor, {
    title: SECOND_AGREEMENT,
    partyIds: [kramfors],
    universityId: miun,
    startDate: "2026-07-01",
    endDate: "2029-06-30",
    budget: 450_000,
    phase: "planning",
    status: "active",
  });
  const economy = (
    await addNeed(db, systemActor, second.id, {
      title: "Ekonomistyrning för chefer",
      targetGroup: "Chefer med budgetansvar",
      staffCount: 10,
      priority: 1,
    })
  ).needs[0].id;
  await addAppendixRow(db, systemActor, second.id, {
    courseId: (await findCourseIdByCode(db, "FE101U"))!,
    needIds: [economy],
    term: "vt 2027",
    places: 8,
    price: 40_000,
    delivery: ["distance"],
    package: PACKAGE.economy,
  });
}

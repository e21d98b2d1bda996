import { eq } from "drizzle-orm";
import type { MemberRole } from "../src/common/governance.ts";
import type { Db } from "../src/server/db/client.ts";
import {
  addMember,
  approveMinutes,
  createBody,
  createDecision,
  createMeeting,
  createRegistryEntry,
  listBodies,
  saveMinutes,
  setRegistryPrefix,
} from "../src/server/modules/governance/index.ts";
import { createPerson, personIdByEmail, personIdByName } from "../src/server/modules/people/index.ts";
import { fundingLineIdsOfProject, projectIdByName } from "../src/server/modules/projects/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { users } from "../src/server/platform/platform.schema.ts";
import { ORG, PERSON } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * Governance from seeds 002, 003 and 000: Samhällskontraktet's board (two per party), the 2010
 * process leadership with functions and percentages, the four sector groups and their 2010
 * meetings (the seeds say 5–6 a year of 2–3 hours plus a joint meeting in April; the days are
 * illustrative), the Idéforum för matematik, the board's 2010 decisions the seed names, and
 * Mittuniversitetet's reference and steering groups (seed 000). The MOPS grants of 1,3 mnkr are
 * linked to the funding line the portfolio demo already has, so the money is not counted twice.
 */
const a = systemActor;

async function personId(db: Db, name: string) {
  const id = await personIdByName(db, name);
  if (!id) throw new Error(`demo: person ${name} is missing`);
  return id;
}

/** The demo group member (styrelse@demo.samspel.se) as a person: a deputy on the board, so she sees its items. */
async function groupMemberPerson(db: Db) {
  const email = "styrelse@demo.samspel.se";
  const existing = await personIdByEmail(db, email);
  if (existing) return existing;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const created = await createPerson(db, a, {
    name: "Greta Styrelseledamot",
    title: "Styrelsesuppleant (demo)",
    email,
    userId: user?.id ?? null,
  });
  return created.id;
}

const at = (date: string, time = "13:00") =>
  `${date}T${time}:00+0${date.slice(5, 7) >= "04" && date.slice(5, 7) <= "10" ? 2 : 1}:00`;

export async function loadGovernanceDemo(db: Db) {
  const bodies = await listBodies(db, a, {});
  if (bodies.some((b) => b.name === "Samhällskontraktets styrelse")) return;
  const org = await organisationIdsByName(db);
  const sk = org.get(ORG.samhallskontraktet)!;
  const mdh = org.get(ORG.mdh)!;
  const eskilstuna = org.get(ORG.eskilstuna)!;
  const vasteras = org.get(ORG.vasteras)!;
  await setRegistryPrefix(db, sk, "SK");
  const miun = org.get(ORG.miun);
  if (miun) await setRegistryPrefix(db, miun, "MIUN");

  const body = (name: string, kind: string, organisationId: string, extra: Record<string, unknown> = {}) =>
    createBody(db, a, { name, kind: kind as never, organisationId, ...extra });
  const seat = async (bodyId: string, name: string, party: string | null, role: MemberRole, extra = {}) =>
    addMember(db, a, bodyId, {
      personId: await personId(db, name),
      partyOrganisationId: party,
      role,
      startDate: "2009-02-01",
      ...extra,
    });

  // The board: two members from each party (seed 002, p. 7; seed 003).
  const board = await body("Samhällskontraktets styrelse", "board", sk, {
    mandate:
      "Styrelse med två ledamöter från varje part: Mälardalens högskola, Eskilstuna kommun och Västerås stad.",
    startDate: "2009-02-01",
  });
  await seat(board.id, "Pär Eriksson", eskilstuna, "chair");
  await seat(board.id, "Tryggve Lundh", eskilstuna, "member");
  await seat(board.id, "Bo Dahllöf", vasteras, "vice_chair");
  await seat(board.id, "Karin Hjärpe", vasteras, "member");
  await seat(board.id, "Karin Röding", mdh, "member");
  await seat(board.id, "Anne Söderlund", mdh, "member");
  await addMember(db, a, board.id, {
    personId: await groupMemberPerson(db),
    partyOrganisationId: mdh,
    role: "deputy",
  });
  await seat(board.id, PERSON.ceciliaVestman, null, "secretary", { startDate: "2009-05-01" });

  // The 2010 process leadership: functions and percentages of full time (seed 003).
  const leadership = await body("Processledning 2010", "process_leadership", sk, {
    tasks:
      "Verksamhetsplanering, samordning av sektorsgrupperna, beredning av styrelsemöten. Funktioner 2010: processledare 100 % jan–sept, 90 % okt–dec; utbildningsstrateg 40 %; projektledare Äldreomsorg och socialt arbete 25 % från februari; projektledare Morgondagens studenter & arbetskraft 20 % från oktober; informatör 25 % jan–juli, 50 % från augusti; administratör 20 %.",
    startDate: "2010-01-01",
    endDate: "2010-12-31",
  });
  const staff = (name: string, fn: string, percent: number, startDate: string, endDate: string) =>
    seat(leadership.id, name, sk, "adjunct", {
      function: fn,
      percentOfFullTime: percent,
      startDate,
      endDate,
    });
  await staff(PERSON.ceciliaVestman, "Processledare", 100, "2010-01-01", "2010-09-30");
  await staff(PERSON.ceciliaVestman, "Processledare", 90, "2010-10-01", "2010-12-31");
  await staff(PERSON.monicaFalk, "Utbildningsstrateg", 40, "2010-01-01", "2010-12-31");

  // The four sector groups (2–3 per party; the seed does not name the members) and the idea forum.
  const tasks =
    "Enligt styrelsebeslut: inventera samverkan, föreslå aktiviteter, formulera konkreta mål utifrån vision och mål, följa upp och rapportera, bereda beslut till styrelsen.";
  const groups = [];
  for (const [name, start] of [
    ["Sektorsgrupp Utbildning", "2009-09-01"],
    ["Sektorsgrupp Äldreomsorg och socialt arbete", "2009-09-01"],
    ["Sektorsgrupp Morgondagens studenter och arbetskraft", "2009-09-01"],
    ["Sektorsgrupp Hållbar stadsutveckling", "2010-03-01"],
  ] as const)
    groups.push(await body(name, "sector_group", sk, { parentId: board.id, tasks, startDate: start }));
  // Members per party. Seed 003 says only that each group has 2–3 people per party, most of them with
  // leading functions (akademichef, personaldirektör, grundskolechef) — it names none of them, so these
  // are plausible, invented people of the three parties, not people from the seeds.
  const sectorMembers: [string, string, string][][] = [
    [
      ["Lena Akademichef", "Akademichef, Akademin för utbildning, kultur och kommunikation", "mdh"],
      ["Stefan Didaktiker", "Professor i matematikdidaktik", "mdh"],
      ["Maria Grundskolechef", "Grundskolechef", "eskilstuna"],
      ["Johan Förskolechef", "Förskolechef", "eskilstuna"],
      ["Anders Skoldirektör", "Skoldirektör", "vasteras"],
      ["Sofia Gymnasiechef", "Gymnasiechef", "vasteras"],
    ],
    [
      ["Eva Akademichef", "Akademichef, Akademin för hälsa, vård och välfärd", "mdh"],
      ["Peter Socialforskare", "Docent i socialt arbete", "mdh"],
      ["Karin Äldreomsorgschef", "Äldreomsorgschef", "eskilstuna"],
      ["Mats Socialchef", "Socialchef", "eskilstuna"],
      ["Birgitta Förvaltningschef", "Förvaltningschef, vård och omsorg", "vasteras"],
      ["Ahmed Enhetschef", "Enhetschef, individ- och familjeomsorg", "vasteras"],
      ["Ulla Utvecklingsledare", "Utvecklingsledare, socialtjänsten", "vasteras"],
    ],
    [
      ["Henrik Prorektor", "Prorektor", "mdh"],
      ["Annika Arbetslivsforskare", "Professor i arbetslivsvetenskap", "mdh"],
      ["Lotta Personaldirektör", "Personaldirektör", "eskilstuna"],
      ["Erik Arbetsmarknadschef", "Arbetsmarknadschef", "eskilstuna"],
      ["Gunilla Personaldirektör", "Personaldirektör", "vasteras"],
      ["Per Kompetensstrateg", "Kompetensförsörjningsstrateg", "vasteras"],
    ],
    [
      ["Olof Energiforskare", "Professor i energiteknik", "mdh"],
      ["Sara Akademichef", "Akademichef, Akademin för ekonomi, samhälle och teknik", "mdh"],
      ["Nils Stadsbyggnadsdirektör", "Stadsbyggnadsdirektör", "eskilstuna"],
      ["Hanna Miljöstrateg", "Miljöstrateg", "eskilstuna"],
      ["Björn Stadsdelsutvecklare", "Stadsdelsutvecklare, Bäckby", "vasteras"],
      ["Camilla Planchef", "Planchef", "vasteras"],
    ],
  ];
  const party = { mdh, eskilstuna, vasteras };
  for (const [i, group] of groups.entries())
    for (const [j, [name, title, p]] of sectorMembers[i].entries()) {
      const person = await createPerson(db, a, { name, title });
      await addMember(db, a, group.id, {
        personId: person.id,
        partyOrganisationId: party[p as keyof typeof party],
        role: j === 0 ? "chair" : "member",
        startDate: i === 3 ? "2010-03-01" : "2009-09-01",
      });
    }
  await body("Idéforum för matematik", "idea_forum", sk, {
    parentId: groups[0].id,
    tasks: "Samlar lärare och forskare kring matematikundervisningen under sektorsgruppen Utbildning.",
  });
  const months = ["02-10", "03-24", "05-12", "09-08", "10-20", "12-01"];
  for (const [i, group] of groups.entries()) {
    const dates = (i === 3 ? ["04-28", ...months.slice(2)] : months).slice(0, i === 1 ? 6 : 5);
    for (const d of dates) {
      const m = await createMeeting(db, a, {
        bodyId: group.id,
        startsAt: at(`2010-${d}`, "09:00"),
        endsAt: at(`2010-${d}`, "11:30"),
        place: i % 2 ? "MDH Västerås" : "MDH Eskilstuna",
        agenda: [
          { title: "Föregående protokoll", kind: "information" },
          { title: "Pågående projekt", kind: "discussion" },
          { title: "Förslag till styrelsen", kind: "decision" },
        ],
      });
      await saveMinutes(db, a, m.id, { text: "Minnesanteckningar från sektorsgruppens möte." });
    }
  }
  await createMeeting(db, a, {
    bodyId: board.id,
    title: "Gemensamt möte för sektorsgrupperna",
    startsAt: at("2010-04-15"),
    endsAt: at("2010-04-15", "16:00"),
    place: "MDH Västerås",
    public: true,
    agenda: [{ title: "Sektorsgruppernas arbete och beröringspunkter", kind: "discussion" }],
  });

  // The board's decisions the seeds name, numbered § per meeting and registered SK 2009/… and 2010/….
  const adjusters = [await personId(db, "Bo Dahllöf")];
  const boardMeeting = async (date: string, decisions: Parameters<typeof createDecision>[3][]) => {
    const m = await createMeeting(db, a, {
      bodyId: board.id,
      startsAt: at(date),
      endsAt: at(date, "15:00"),
      place: "MDH Eskilstuna",
      public: true,
      agenda: decisions.map((d) => ({ title: d.title, kind: "decision" as const })),
    });
    for (const [i, d] of decisions.entries())
      await createDecision(db, a, m.id, { ...d, agendaItemId: m.agenda[i].id });
    await saveMinutes(db, a, m.id, { text: "Styrelsens protokoll.", adjusters });
    await approveMinutes(db, a, m.id);
  };
  await boardMeeting("2009-10-15", [
    {
      title: "Vision och åtta övergripande mål för Samhällskontraktet",
      text: "Styrelsen fastställer visionen ”Eskilstuna och Västerås är en stark region som skapar värde för individer, organisationer och företag genom ett aktivt lärande i ett innovativt, förtroendefullt samspel” och åtta övergripande mål.",
      kind: "adoption",
    },
    { title: "Sektorsgruppernas uppgifter", text: tasks, kind: "appointment" },
  ]);
  const karriar = await projectIdByName(db, "Karriärtorget");
  await boardMeeting("2010-03-18", [
    {
      title: "Karriärtorget",
      text: "Styrelsen beslutar om utvecklingssatsningen Karriärtorget: högskolans karriärbyggande insatser för studenterna under ett tak.",
      kind: "other",
      links: karriar ? [{ type: "project", id: karriar }] : [],
    },
  ]);
  const hurSkapar = await projectIdByName(
    db,
    "Hur skapar vi förutsättningar för att alla elever skall nå skolans mål?",
  );
  await boardMeeting("2010-05-20", [
    {
      title: "Medel till ”Hur skapar vi förutsättningar för att alla elever skall nå skolans mål?”",
      text: "Styrelsen beviljar medel för genomförande av projektet.",
      kind: "other",
      links: hurSkapar ? [{ type: "project", id: hurSkapar }] : [],
    },
  ]);
  const mops = await projectIdByName(db, "Framtidens vård, omsorg och socialt arbete");
  const [mopsLine] = mops ? await fundingLineIdsOfProject(db, mops) : [];
  const mopsProjects = [];
  for (const name of [
    "Hundar som främjar aktivitet och integritet i demensvården",
    "Grön omsorg",
    "Att Leva och Arbeta med IKT",
    "Mötesplatser för lärande och utveckling",
  ]) {
    const id = await projectIdByName(db, name);
    if (id) mopsProjects.push({ type: "project" as const, id });
  }
  await boardMeeting("2010-09-23", [
    {
      title: "Bidrag till fyra MOPS-projekt",
      text: "Efter beredning i sektorsgruppen Äldreomsorg och socialt arbete beviljar styrelsen totalt 1 300 000 kr till fyra projekt: Hundar som främjar aktivitet och integritet i demensvården, Grön omsorg, Att Leva och Arbeta med IKT samt Mötesplatser för lärande och utveckling.",
      kind: "grant",
      amount: 1_300_000,
      links: [...(mopsLine ? [{ type: "funding" as const, id: mopsLine }] : []), ...mopsProjects],
    },
  ]);
  await boardMeeting("2010-12-09", [
    {
      title: "Kommunikationsplan 2011",
      text: "Styrelsen fastställer kommunikationsplanen för 2011 med tre mål: en egen interaktiv webbplats, ett väl genomfört evenemang varje månad och att Samhällskontraktet ska vara känt.",
      kind: "adoption",
    },
  ]);
  // A board meeting closed to the public, with non-public items and documents: the board's members
  // (styrelse@demo.samspel.se is a deputy) see it, a partner (partner@demo.samspel.se) does not.
  const closed = await createMeeting(db, a, {
    bodyId: board.id,
    title: "Styrelsens planeringsdag",
    startsAt: at("2010-11-11", "09:00"),
    endsAt: at("2010-11-11", "16:00"),
    place: "MDH Västerås",
    public: false,
    agenda: [
      {
        title: "Verksamhetsplan och budget 2011 (utkast)",
        kind: "discussion",
        public: false,
        documents: ["Utkast verksamhetsplan 2011.docx", "Budgetunderlag 2011.xlsx"],
      },
      { title: "Processledningens bemanning 2011", kind: "discussion", public: false },
    ],
  });
  await saveMinutes(db, a, closed.id, {
    text: "Styrelsen diskuterade utkastet till verksamhetsplan och budget för 2011 samt processledningens bemanning.",
    adjusters,
  });
  await approveMinutes(db, a, closed.id);
  await createRegistryEntry(db, a, {
    organisationId: sk,
    bodyId: board.id,
    title: "Verksamhetsberättelse 2010 för Samhällskontraktet",
    date: "2011-03-02",
    direction: "internal",
    documentType: "other",
  });
  await createRegistryEntry(db, a, {
    organisationId: sk,
    bodyId: board.id,
    title: "Projektplaner MOPS med budget och personuppgifter",
    date: "2010-08-31",
    direction: "incoming",
    counterpart: "Sektorsgrupp Äldreomsorg och socialt arbete",
    documentType: "application",
    confidential: true,
    confidentialityGround: "OSL 21 kap. 7 §",
  });

  // Seed 000: Mittuniversitetet's reference group (with a chair) and the rectors' management group as steering group.
  if (miun) {
    await body("Referensgrupp för arbetslivsanknytning", "reference_group", miun, {
      mandate: "Referensgrupp med ordförande till projektgruppen för arbetslivsanknytning.",
    });
    await body("Rektors ledningsgrupp (styrgrupp)", "steering_group", miun, {
      mandate: "Styrgrupp för arbetet med arbetslivsanknytning.",
    });
  }
}

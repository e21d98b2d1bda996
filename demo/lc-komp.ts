import { sql } from "drizzle-orm";
import { type ParticipantRoleKey, participantRoles } from "../src/common/events.ts";
import { type Db, queryRows } from "../src/server/db/client.ts";
import {
  type AttendanceListEntry,
  createEventId,
  createGroup,
  recordAttendanceList,
  setNetworkMembers,
} from "../src/server/modules/events/index.ts";
import * as learning from "../src/server/modules/learning/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { users } from "../src/server/platform/platform.schema.ts";
import { LC_KOMP } from "./registers/names.ts";

/**
 * LC-KOMP (seed 004): a seminar series of 20 seminars on 8 themes, 30 thematic workshops and three
 * networks, 2009–2011, with the 260 participants of the project plan and their attendance. Each of the
 * 260 attends at least one event, so the project's de-duplicated participant table
 * (`/api/events/participants-by-role?projectTag=LC-KOMP`) reproduces the seed: 214 in learning centres
 * (30 managers, 31 counsellors, 29 project leaders, 86 teachers, 6 competence brokers, 32 others) and 46
 * elsewhere (13 business units, 4 Arbetsförmedlingen, 29 companies). Names are invented; a seeded
 * generator makes the same data every time.
 */

/** The seed's head counts per role. */
export const LC_KOMP_ROLES: [ParticipantRoleKey, number][] = [
  ["verksamhetsansvarig", 30],
  ["vagledare", 31],
  ["projektledare", 29],
  ["larare", 86],
  ["kompetensmaklare", 6],
  ["ovrig_personal", 32],
  ["naringslivsenhet", 13],
  ["arbetsformedlingen", 4],
  ["foretag", 29],
];

const THEMES = [
  "Omvärldsförändringar och nya kunskapsbehov",
  "Jämställdhetsintegrering i utvecklingsarbete",
  "Utvecklingsinriktat lärande – hållbart utvecklingsarbete",
  "Integrerade kompetensstrategier och lärmiljö på arbetsplatser",
  "Stödstrukturer för lärande på arbetsplatser och flexibla utbildningslösningar",
  "Att samordna och leverera utbildningsinsatser utifrån konkreta behov",
  "Lärcentrum i en kvalificerad mäklarroll – pedagogisk motor och konceptbyggare",
  "Lärcentrum som strategisk partner i regional kompetensförsörjning",
];
/** 20 seminars: larger ones once, smaller ones three times with geographic spread. */
const SEMINARS_PER_THEME = [3, 3, 2, 3, 2, 3, 2, 2];
const NETWORKS = [
  "Arbetsplatslärande och nya utbildningsmetoder",
  "Lärcentra i en kvalificerad mäklarroll",
  "Lärcentra som strategisk partner i regional kompetensförsörjning",
];
const WORKSHOP_TOPICS = [
  "Behovsanalyser i företag",
  "Strategisk kompetensplanering",
  "Sammanhållna ESF-projekt",
  "Samverkan mellan lärcentrum och näringslivsenhet",
  "Modulindelad utbildning",
  "Distansteknik i yrkesutbildning",
  "Internlärare på arbetsplatsen",
  "Kvalitetssäkring av utbildningsanordnare",
  "Upphandling av utbildning",
  "Tillgänglighet i utbildningsinsatser",
];
const PLACES = ["Örebro", "Västerås", "Nyköping", "Linköping", "Uppsala"];
const COMPANIES = [
  "Bergslagens Mekaniska AB",
  "Sörmlands Trä AB",
  "Mälardalens Vård och Omsorg AB",
  "Kinda Plåt AB",
  "Östhammars Industriservice AB",
  "Saladalens Livsmedel AB",
  "Motala Verkstad Service AB",
  "Tierps Logistik AB",
  "Flens Elektro AB",
  "Hällefors Gjuteri AB",
  "Karlskoga Processteknik AB",
  "Nyköpings Hamnservice AB",
];
const FIRST = [
  "Anna",
  "Erik",
  "Maria",
  "Lars",
  "Karin",
  "Anders",
  "Eva",
  "Johan",
  "Sara",
  "Per",
  "Lena",
  "Mikael",
  "Kristina",
  "Jonas",
  "Ingrid",
  "Peter",
  "Helena",
  "Stefan",
  "Malin",
  "Magnus",
  "Åsa",
  "Mats",
  "Sofia",
  "Fredrik",
  "Ulla",
  "Henrik",
  "Birgitta",
  "Daniel",
  "Linnea",
  "Göran",
];
const LAST = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Jansson",
  "Hansson",
  "Bengtsson",
  "Jönsson",
  "Lindberg",
  "Jakobsson",
  "Magnusson",
  "Olofsson",
  "Lindström",
  "Lindqvist",
  "Lindgren",
  "Berg",
  "Axelsson",
  "Bergström",
  "Lundberg",
  "Lind",
  "Lundgren",
  "Mattsson",
];

/** A small deterministic generator (mulberry32): the same demo every time. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/å|ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/[^a-z0-9]+/g, "");

interface Participant {
  name: string;
  email: string;
  organisation: string;
  municipality: string | null;
  roleKey: ParticipantRoleKey;
}

async function lcOrganisations(
  db: Db,
): Promise<{ name: string; type: string; municipality: string | null }[]> {
  const rows = await queryRows<{ name: string; type: string }>(
    db,
    sql`select name, type from organisations where tags @> ${JSON.stringify([LC_KOMP.tag])}::jsonb order by sort_key`,
  );
  // Without the registers' demo step the names still make a complete table (matched as text).
  const list = rows.length
    ? rows
    : ["Sala kommun", "Flens kommun", "Motala kommun", "Viadidakt"].map((name) => ({ name, type: "kommun" }));
  return list.map((o) => ({
    ...o,
    municipality: o.type === "kommun" ? o.name.replace(/s? kommun$/, "") : null,
  }));
}

function participants(orgs: Awaited<ReturnType<typeof lcOrganisations>>): Participant[] {
  const result: Participant[] = [];
  const municipalities = orgs.filter((o) => o.type === "kommun");
  let n = 0;
  for (const [roleKey, count] of LC_KOMP_ROLES) {
    for (let i = 0; i < count; i++, n++) {
      const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + Math.floor(n / FIRST.length)) % LAST.length]}`;
      let organisation: string;
      let municipality: string | null = null;
      if (roleKey === "arbetsformedlingen") organisation = "Arbetsförmedlingen";
      else if (roleKey === "foretag") organisation = COMPANIES[i % COMPANIES.length];
      else {
        const org =
          roleKey === "naringslivsenhet" ? municipalities[i % municipalities.length] : orgs[n % orgs.length];
        organisation = org.name;
        municipality = org.municipality;
      }
      result.push({
        name,
        email: `${ascii(name)}.${n + 1}@${ascii(organisation).slice(0, 20)}.example.se`,
        organisation,
        municipality,
        roleKey,
      });
    }
  }
  return result;
}

const monthDate = (start: [number, number], offset: number, dayOfMonth: number) => {
  const m = start[1] - 1 + offset;
  const year = start[0] + Math.floor(m / 12);
  return `${year}-${String((m % 12) + 1).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
};

export async function loadLcKompDemo(db: Db) {
  const orgs = await lcOrganisations(db);
  const people = participants(orgs);
  const rng = random(2009);
  const tags = [LC_KOMP.tag];
  const questions = {
    organisation: "required",
    role: "required",
    roleFrom: "catalogue",
    municipality: "optional",
  } as const;
  const base = { status: "done" as const, visibility: "internal" as const, questions, tags };

  const seminars = await createGroup(db, systemActor, "series", {
    name: "LC-KOMP:s seminarieserie",
    description: "20 gemensamma seminarier på 8 teman – projektets teoretiska bas (seed 004).",
    tags,
  });
  const workshops = await createGroup(db, systemActor, "series", {
    name: "LC-KOMP:s tematiska workshops",
    description: "30 gränsöverskridande workshops för gemensam problemlösning, med expertmedverkan.",
    tags,
  });
  const networks = [];
  for (const name of NETWORKS)
    networks.push(
      await createGroup(db, systemActor, "network", { name, description: "Nätverk inom LC-KOMP.", tags }),
    );

  type Planned = { id: string; kind: "seminar" | "workshop" | "network"; network?: number };
  const planned: Planned[] = [];
  let s = 0;
  for (const [t, count] of SEMINARS_PER_THEME.entries()) {
    for (let i = 0; i < count; i++, s++) {
      const id = await createEventId(db, systemActor, {
        ...base,
        title: count > 1 ? `${THEMES[t]} (${PLACES[i % PLACES.length]})` : THEMES[t],
        typeKey: "seminarium",
        theme: THEMES[t],
        seriesId: seminars.id,
        sessions: [
          {
            date: monthDate([2009, 9], s, 10 + (i % 3) * 5),
            startTime: "09:30",
            endTime: "15:30",
            place: PLACES[(t + i) % PLACES.length],
          },
        ],
      });
      planned.push({ id, kind: "seminar" });
    }
  }
  for (let w = 0; w < 30; w++) {
    const topic = WORKSHOP_TOPICS[w % WORKSHOP_TOPICS.length];
    const id = await createEventId(db, systemActor, {
      ...base,
      title: `Workshop: ${topic}${w >= WORKSHOP_TOPICS.length ? ` (${Math.floor(w / WORKSHOP_TOPICS.length) + 1})` : ""}`,
      typeKey: "workshop",
      theme: THEMES[w % THEMES.length],
      seriesId: workshops.id,
      sessions: [
        {
          date: monthDate([2009, 10], Math.floor((w * 21) / 30), 3 + (w % 4) * 6),
          startTime: "13:00",
          endTime: "16:00",
          place: PLACES[w % PLACES.length],
        },
      ],
    });
    planned.push({ id, kind: "workshop" });
  }
  for (const [index, network] of networks.entries()) {
    for (let m = 0; m < 4; m++) {
      const id = await createEventId(db, systemActor, {
        ...base,
        title: `Nätverksträff ${m + 1}: ${network.name}`,
        typeKey: "natverkstraff",
        networkId: network.id,
        sessions: [
          {
            date: monthDate([2010, 1], m * 4 + index, 14),
            startTime: "10:00",
            endTime: "15:00",
            place: PLACES[(index + m) % PLACES.length],
          },
        ],
      });
      planned.push({ id, kind: "network", network: index });
    }
  }

  // Networks: managers, project leaders, brokers and counsellors, about 25 in each.
  const networkMembers = NETWORKS.map(() => [] as Participant[]);
  people
    .filter((p) =>
      ["verksamhetsansvarig", "projektledare", "kompetensmaklare", "vagledare", "naringslivsenhet"].includes(
        p.roleKey,
      ),
    )
    .forEach((p, i) => {
      networkMembers[i % 3].push(p);
    });

  // Who came to what: everyone at least once; the seminars draw most, networks only their members.
  const lists = new Map<string, AttendanceListEntry[]>(planned.map((e) => [e.id, []]));
  const open = planned.filter((e) => e.kind !== "network");
  const add = (eventId: string, p: Participant, attended: boolean, kind: Planned["kind"]) => {
    const list = lists.get(eventId)!;
    if (list.some((x) => x.email === p.email)) return;
    const role = participantRoles.find((r) => r.key === p.roleKey)!;
    const feedback =
      attended && kind !== "network" && rng() < 0.35
        ? {
            rating: 3 + Math.floor(rng() * 3),
            comment: rng() < 0.3 ? "Konkreta exempel som går att använda hemma." : null,
          }
        : undefined;
    list.push({
      name: p.name,
      email: p.email,
      organisation: p.organisation,
      municipality: p.municipality,
      roleKey: p.roleKey,
      role: role.sv,
      attended,
      feedback,
    });
  };
  for (const p of people) {
    const times = 1 + Math.floor(rng() * 3);
    for (let k = 0; k < times; k++) {
      const pick = open[Math.floor(rng() * open.length)];
      add(pick.id, p, true, pick.kind);
    }
    // One in twelve registered for one more and did not come: registered ≠ attended.
    if (rng() < 1 / 12) {
      const pick = open[Math.floor(rng() * open.length)];
      add(pick.id, p, false, pick.kind);
    }
  }
  for (const e of planned.filter((x) => x.kind === "network"))
    for (const p of networkMembers[e.network!]) if (rng() < 0.6) add(e.id, p, true, "network");

  for (const [eventId, list] of lists) await recordAttendanceList(db, systemActor, eventId, list);

  // Network members are people in the register by now (matched by e-mail when the lists were recorded).
  for (const [index, network] of networks.entries()) {
    const emails = networkMembers[index].map((p) => p.email);
    const ids = await queryRows<{ id: string }>(
      db,
      sql`select id from people where email in (${sql.join(
        emails.map((e) => sql`${e}`),
        sql`, `,
      )})`,
    );
    await setNetworkMembers(db, systemActor, network.id, { members: ids.map((r) => ({ personId: r.id })) });
  }
  await loadLearningSpace(db, planned.find((e) => e.kind === "workshop")!.id);
}

/** The shared web platform of seed 004: documentation, forum, literature tips, lectures, feedback. */
async function loadLearningSpace(db: Db, workshopId: string) {
  const space = await learning.createSpace(db, systemActor, {
    name: "LC-KOMP – gemensam lärplattform",
    description:
      "Projektdeltagarnas gemensamma plattform: dokumentation från projektets delar, diskussionsforum, litteraturtips, inspelade föreläsningar och synpunkter på aktiviteterna.",
  });
  const demoUsers = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(sql`${users.email} in ('samordnare@demo.samspel.se', 'styrelse@demo.samspel.se')`);
  await learning.setMembers(db, systemActor, space.id, {
    members: demoUsers.map((u) => ({
      userId: u.id,
      role: u.email.startsWith("samordnare") ? "moderator" : "member",
    })),
  });
  const coordinator = { ...systemActor, name: "Sara Samordnare" };
  await learning.addLink(db, coordinator, space.id, {
    kind: "literature",
    title: "Kompetens, utbildning och lärande i arbetslivet",
    author: "Per-Erik Ellström",
    note: "Grundtext till temat utvecklingsinriktat lärande.",
  });
  await learning.addLink(db, coordinator, space.id, {
    kind: "literature",
    title: "Interaktiv forskning – för utveckling av teori och praktik",
    author: "Lennart Svensson m.fl.",
  });
  await learning.addLink(db, coordinator, space.id, {
    kind: "lecture",
    title: "Seminarium: Lärcentrum som strategisk partner (inspelat)",
    url: "https://play.example.se/lc-komp/strategisk-partner",
  });
  const thread = await learning.startThread(db, coordinator, space.id, {
    title: "Hur når vi de små och medelstora företagen?",
    body: "Vilka arbetssätt har fungerat hos er för att nå företag som saknar erfarenhet av organiserad kompetensutveckling?",
  });
  await learning.reply(db, { ...systemActor, name: "Lars Lindberg" }, space.id, thread.id, {
    body: "Vi bjuder in tillsammans med näringslivsenheten till frukostmöten – det sänker tröskeln.",
  });
  await learning.reply(db, { ...systemActor, name: "Eva Nilsson" }, space.id, thread.id, {
    body: "Branschvisa nätverk med en samordnare hos oss har gett bäst effekt.",
  });
  await learning.giveFeedback(db, { ...systemActor, name: "Maria Karlsson" }, space.id, {
    activityId: workshopId,
    rating: 4,
    comment: "Workshopen om behovsanalyser gav konkreta verktyg vi använder i dialogen med företagen.",
  });
}

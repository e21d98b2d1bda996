import type { CreateEventInput, SessionInput } from "../src/common/events.ts";
import type { Db } from "../src/server/db/client.ts";
import {
  createEventId,
  createGroup,
  hasEvents,
  setQuestionsForType,
} from "../src/server/modules/events/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { loadLcKompDemo } from "./lc-komp.ts";
import { ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * Meeting places. Seed 003's list of Samhällskontraktet's 2010 events — dates, places, co-organisers
 * and "ca N deltagare" recorded as estimates (names were not taken); LC-KOMP's seminars, workshops and
 * networks (demo/lc-komp.ts); and upcoming public events so the public calendar is alive.
 */

const SK_TAG = "Samhällskontraktet";
const UKK = "Akademin för utbildning, kultur och kommunikation (UKK)";
const STAMP = "Forskargruppen STAMP – Styrning av samproduktion";
const MALARDALSRADET = "Mälardalsrådet";

const day = (date: string, place: string, startTime = "09:00", endTime = "16:00"): SessionInput => ({
  date,
  startTime,
  endTime,
  place,
});

interface PastEvent {
  title: string;
  typeKey: string;
  sessions: SessionInput[];
  estimate: number;
  coOrganisers?: string[];
  description: string;
  theme?: string;
  seriesOrNetwork?: "mathNetwork";
}

/** Seed 003: "Samhällskontraktet har arrangerat en rad olika mötesplatser" (2010). */
const meetingPlaces2010: PastEvent[] = [
  {
    title: "Workshop Framtidens vård & omsorg",
    typeKey: "workshop",
    sessions: [day("2010-02-19", "Stadshotellet Västerås")],
    estimate: 90,
    theme: "Äldreomsorg och socialt arbete",
    description:
      "Inbjudan till mötesplatser och idéefterlysning inom äldreomsorg, socialt arbete och funktionshinder (MOPS steg 1): personer från Eskilstuna, Västerås och MDH kopplades samman.",
  },
  ...["2010-03-25", "2010-05-06", "2010-09-02", "2010-11-11"].map((date) => ({
    title: "Nätverksträff för matematikutvecklare",
    typeKey: "natverkstraff",
    sessions: [day(date, "Eskilstuna", "13:00", "16:00")],
    estimate: 10,
    coOrganisers: [UKK],
    theme: "Matematik",
    seriesOrNetwork: "mathNetwork" as const,
    description:
      "Tema matematik: regionens matematikutvecklare träffas två gånger per termin, samkört med seminarier i matematik, fysik, teknik och dessa ämnens didaktik.",
  })),
  {
    title: "Seminarium ”Stjärnbildning”",
    typeKey: "seminarium",
    sessions: [day("2010-04-21", "MDH Västerås", "13:00", "16:30")],
    estimate: 75,
    coOrganisers: [MALARDALSRADET],
    description: "Seminarium tillsammans med Mälardalsrådet.",
  },
  {
    title: "Frukostmöte ”Kompetensutveckling i samverkan” (vår)",
    typeKey: "frukostmote",
    sessions: [
      day("2010-05-03", "MDH Eskilstuna", "07:30", "09:00"),
      day("2010-05-06", "MDH Västerås", "07:30", "09:00"),
    ],
    estimate: 15,
    theme: "Kompetensutveckling",
    description:
      "Mötesplats mellan högskolans samverkansansvariga och de som planerar och beställer kompetensutveckling i kommunerna.",
  },
  {
    title: "Seminarium om matematikundervisning med professor Mahesh Sharma",
    typeKey: "seminarium",
    sessions: [day("2010-06-06", "MDH Eskilstuna"), day("2010-06-07", "MDH Västerås")],
    estimate: 150,
    theme: "Matematik",
    description:
      "Stor konferens inom Tema matematik: ca 80 lärare i Eskilstuna och ca 75 lärare i Västerås dagen efter.",
  },
  {
    title: "Seminarium ”Jakten på den rätte – utbildning och matchning för framtidens jobb”",
    typeKey: "seminarium",
    sessions: [day("2010-09-05", "Mälarbåten", "10:00", "15:00")],
    estimate: 100,
    coOrganisers: [MALARDALSRADET],
    theme: "Morgondagens studenter och arbetskraft",
    description: "Seminarium på Mälarbåten tillsammans med Mälardalsrådet, ca 100 åhörare.",
  },
  {
    title: "Seminarium ”Communities of practice – är det modellen?” med Etienne Wenger",
    typeKey: "seminarium",
    sessions: [day("2010-10-28", "Västerås", "09:00", "12:00")],
    estimate: 50,
    coOrganisers: [STAMP],
    description: "Seminarium tillsammans med STAMP-gruppen om communities of practice och samverkan.",
  },
  {
    title: "Konferenser ”Bemötande av varandra och andra”",
    typeKey: "konferens",
    sessions: [day("2010-11-09", "Eskilstuna"), day("2010-11-10", "Västerås")],
    estimate: 400,
    theme: "Mångfald",
    description: "En konferens på varje ort, tillsammans med EU-projektet JämBredd.",
  },
  {
    title: "Frukostmöte ”Kompetensutveckling i samverkan” (höst)",
    typeKey: "frukostmote",
    sessions: [
      day("2010-11-22", "MDH Eskilstuna", "07:30", "09:00"),
      day("2010-11-23", "MDH Västerås", "07:30", "09:00"),
    ],
    estimate: 15,
    theme: "Kompetensutveckling",
    description: "Uppföljning av vårens frukostmöten om kommunernas behov och högskolans utbud.",
  },
  {
    title: "”Branding yourself” – inspirationsföreläsning om personligt varumärke",
    typeKey: "seminarium",
    sessions: [day("2010-11-18", "MDH Västerås", "15:00", "17:00")],
    estimate: 45,
    theme: "Morgondagens studenter och arbetskraft",
    description: "Inspirationsföreläsning i Karriärtorgets regi.",
  },
  {
    title: "Hearing: samverkan kring utveckling och utbildning i skolan",
    typeKey: "hearing",
    sessions: [day("2010-11-24", "MDH Västerås", "13:00", "16:00")],
    estimate: 15,
    coOrganisers: [UKK],
    theme: "Utbildning",
    description: "Input till utredningen om RUC Mälardalen (Regionalt utvecklingscentrum).",
  },
  {
    title: "Branschmingel för studenter inom informationsdesign och företag",
    typeKey: "mingel",
    sessions: [day("2010-12-09", "MDH Eskilstuna", "16:00", "19:00")],
    estimate: 50,
    theme: "Morgondagens studenter och arbetskraft",
    description: "Studenter inom informationsdesign möter företag.",
  },
];

/**
 * A day `days` after the day the demo is loaded (Stockholm time): the upcoming events stay upcoming whenever the
 * demo is loaded, where fixed dates would pass one by one (a breakfast meeting set for 2026-12-03 had left the
 * public calendar by that morning).
 */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", {
    timeZone: "Europe/Stockholm",
  });
}

/** Upcoming public events (two weeks to five months ahead): registration open, so the public calendar is alive. */
const upcoming: (Omit<CreateEventInput, "organiserIds"> & { coOrganisers?: string[] })[] = [
  {
    title: "Frukostmöte: kompetensförsörjning i samverkan",
    typeKey: "frukostmote",
    description:
      "Kommunernas HR och högskolans samverkansansvariga möts över frukost: vilka behov har ni 2027, och vad kan högskolan erbjuda?",
    sessions: [day(daysAhead(14), "MDH Västerås, Högskoleplan 1", "07:30", "09:00")],
    capacity: 40,
    questions: { organisation: "required", role: "optional", municipality: "optional", dietary: true },
    theme: "Kompetensutveckling",
    audience: "HR, utbildningsledare och verksamhetsutvecklare i kommunerna",
  },
  {
    title: "Seminarium: lärande i arbetslivet",
    typeKey: "seminarium",
    description:
      "Hur organiseras lärande som ger effekt på verksamhetsnivå? Forskare och praktiker samtalar.",
    sessions: [day(daysAhead(49), "MDH Eskilstuna", "13:00", "16:00")],
    capacity: 120,
    theme: "Lärande i arbetslivet",
    audience: "Alla som arbetar med kompetensutveckling",
  },
  {
    title: "Konferens: samverkan som modell",
    typeKey: "konferens",
    description: "Två dagar om erfarenheter av samverkan mellan högskola och kommuner – en dag på varje ort.",
    sessions: [day(daysAhead(69), "Eskilstuna"), day(daysAhead(70), "Västerås")],
    capacity: 300,
    questions: { organisation: "required", role: "optional", dietary: true },
    coOrganisers: [MALARDALSRADET],
    theme: "Samverkan",
  },
  {
    title: "Workshop: från idé till projekt",
    typeKey: "workshop",
    description: "Utveckla din projektidé enligt MOPS-mallen, med stöd av processledningen.",
    sessions: [day(daysAhead(103), "MDH Västerås", "09:00", "12:00")],
    capacity: 24,
    waitlist: true,
    theme: "Äldreomsorg och socialt arbete",
  },
  {
    title: "Branschmingel: informationsdesign möter företagen",
    typeKey: "mingel",
    description: "Studenter och arbetsgivare träffas. Fri entré, anmälan krävs.",
    sessions: [day(daysAhead(140), "MDH Eskilstuna", "16:00", "19:00")],
    capacity: 80,
    theme: "Morgondagens studenter och arbetskraft",
  },
];

export async function loadEventsDemo(db: Db) {
  if (await hasEvents(db)) return;
  const orgs = await organisationIdsByName(db);
  const ids = (names: string[] = []) => names.map((n) => orgs.get(n)).filter((id): id is string => !!id);
  const organiserIds = ids([ORG.samhallskontraktet]);

  await setQuestionsForType(db, systemActor, "seminarium", {
    questions: [
      {
        key: "nytta",
        labelSv: "Hur användbart är innehållet i ditt arbete?",
        labelEn: "How useful is the content in your work?",
        kind: "rating",
      },
      { key: "med_sig", labelSv: "Vad tar du med dig?", labelEn: "What do you take with you?", kind: "text" },
    ],
  });
  await setQuestionsForType(db, systemActor, "workshop", {
    questions: [
      {
        key: "nytta",
        labelSv: "Hur användbart är resultatet i ditt arbete?",
        labelEn: "How useful is the result in your work?",
        kind: "rating",
      },
      {
        key: "igen",
        labelSv: "Vill du delta i en uppföljande workshop?",
        labelEn: "Would you join a follow-up workshop?",
        kind: "yesno",
      },
    ],
  });

  const mathNetwork = await createGroup(db, systemActor, "network", {
    name: "Regionens matematikutvecklare",
    description:
      "Kommunernas matematikutvecklare, högskolans matematikdidaktiker och Idéforum för matematik (Tema matematik).",
    tags: [SK_TAG],
  });
  for (const e of meetingPlaces2010) {
    await createEventId(db, systemActor, {
      title: e.title,
      typeKey: e.typeKey,
      description: e.description,
      status: "done",
      visibility: "public",
      registrationEnabled: false,
      organiserIds,
      organisationIds: ids(e.coOrganisers),
      sessions: e.sessions,
      estimatedParticipants: e.estimate,
      theme: e.theme ?? null,
      networkId: e.seriesOrNetwork === "mathNetwork" ? mathNetwork.id : null,
      tags: [SK_TAG],
    });
  }
  for (const { coOrganisers, ...e } of upcoming) {
    await createEventId(db, systemActor, {
      ...e,
      visibility: "public",
      organiserIds,
      organisationIds: ids(coOrganisers),
      contactEmail: "info@samhallskontraktet.se",
      tags: [SK_TAG],
    });
  }
  await loadLcKompDemo(db);
}

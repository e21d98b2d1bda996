import type { Db } from "../src/server/db/client.ts";
import { listBodies } from "../src/server/modules/governance/index.ts";
import { createCallAs, listPublicCalls } from "../src/server/modules/ideas/index.ts";
import { createNews, listPublishedNews, savePage } from "../src/server/modules/site/index.ts";
import { type Actor, systemActor } from "../src/server/platform/actor.ts";
import { ORG } from "./registers/names.ts";
import { organisationIdsByName } from "./registers/organisations.ts";

/**
 * The public face's demo (seed 003): news items of 2010 drawn from the meeting places the
 * 2010 annual report lists, the about and parties pages from its introduction and roles, and — when
 * no call is open today — one open call, so that the public start page has something to offer.
 */
const informer: Actor = { ...systemActor, name: "Informatören, Samhällskontraktet" };

export const NEWS_2010: { title: string; publishedAt: string; tags: string[]; text: string }[] = [
  {
    title: "90 deltagare på workshopen Framtidens vård & omsorg",
    publishedAt: "2010-02-22T09:00:00+01:00",
    tags: ["MOPS", "Äldreomsorg och socialt arbete", "mötesplats"],
    text: "Den 19 februari samlades ett nittiotal personer från Eskilstuna, Västerås och Mälardalens högskola på Stadshotellet i Västerås. Workshopen inledde idéefterlysningen Framtidens vård, omsorg och socialt arbete inom äldreomsorg, socialt arbete och funktionshinder. Idéer tas emot till och med april.",
  },
  {
    title: "Seminariet Stjärnbildning lockade 75 deltagare",
    publishedAt: "2010-04-22T09:00:00+02:00",
    tags: ["mötesplats", "seminarium"],
    text: "Den 21 april arrangerade Samhällskontraktet tillsammans med Mälardalsrådet seminariet Stjärnbildning på MDH i Västerås. Ett sjuttiofemtal deltagare från högskolan och kommunerna var med.",
  },
  {
    title: "26 projektidéer till MOPS – tio går vidare",
    publishedAt: "2010-04-30T15:00:00+02:00",
    tags: ["MOPS", "Äldreomsorg och socialt arbete"],
    text: "26 projektidéer kom in till idéefterlysningen. Tio av dem har valts ut att ingå i MOPS – Modell för projektutveckling i Samhällskontraktet – där idéägarna i en seminarieserie utvecklar sina idéer enligt en gemensam mall.",
  },
  {
    title: "Professor Mahesh Sharma om matematikundervisning",
    publishedAt: "2010-06-08T09:00:00+02:00",
    tags: ["Tema matematik", "Utbildning"],
    text: "Den 6–7 juni föreläste professor Mahesh Sharma för lärare i Eskilstuna och Västerås – ett hundrafemtiotal deltagare sammanlagt. Konferensen är en del av Tema matematik inom sektor Utbildning.",
  },
  {
    title: "Draknästet: tio idéer pitchades inför panelen",
    publishedAt: "2010-06-18T09:00:00+02:00",
    tags: ["MOPS", "Äldreomsorg och socialt arbete", "mötesplats"],
    text: "Seminarieserien i MOPS avslutades med att alla projektledare presenterade sina idéer inför en panel efter förebild från Draknästet. Ett femtiotal personer från de tre parterna möttes, och erfarenhetsutbytet blev omfattande.",
  },
  {
    title: "Jakten på den rätte – seminarium på Mälarbåten",
    publishedAt: "2010-09-06T09:00:00+02:00",
    tags: ["Morgondagens studenter och arbetskraft", "seminarium"],
    text: "Den 5 september samlade seminariet Jakten på den rätte – utbildning och matchning för framtidens jobb omkring hundra åhörare på Mälarbåten. Seminariet ordnades tillsammans med Mälardalsrådet.",
  },
  {
    title: "Styrelsen beviljar 1,3 miljoner kronor till fyra MOPS-projekt",
    publishedAt: "2010-10-01T09:00:00+02:00",
    tags: ["MOPS", "beslut"],
    text: "Den 31 augusti hade nio av de tio utvalda idéerna blivit projektplaner. Efter beredning i sektorsgruppen Äldreomsorg och socialt arbete har styrelsen beviljat totalt 1,3 miljoner kronor till fyra projekt: Hundar som främjar aktivitet och integritet i demensvården, Grön omsorg, Att Leva och Arbeta med IKT samt Mötesplatser för lärande och utveckling.",
  },
  {
    title: "Etienne Wenger: Communities of practice – är det modellen?",
    publishedAt: "2010-10-29T09:00:00+02:00",
    tags: ["STAMP", "seminarium"],
    text: "Den 28 oktober höll Etienne Wenger seminarium i Västerås om praktikgemenskaper och samverkan, tillsammans med forskargruppen STAMP. Ett femtiotal deltog.",
  },
  {
    title: "400 deltagare på konferenserna Bemötande av varandra och andra",
    publishedAt: "2010-11-11T09:00:00+01:00",
    tags: ["Tema mångfald", "konferens"],
    text: "Den 9–10 november hölls konferenser i Eskilstuna och Västerås på temat Bemötande av varandra och andra, tillsammans med EU-projektet JämBredd. Omkring 400 personer deltog.",
  },
  {
    title: "Branschmingel för studenter i informationsdesign",
    publishedAt: "2010-12-10T09:00:00+01:00",
    tags: ["Karriärtorget", "mötesplats"],
    text: "Den 9 december träffade studenter inom informationsdesign företag på ett branschmingel i Karriärtorgets regi – ett femtiotal deltagare.",
  },
];

const ABOUT = {
  title: "Om Samhällskontraktet",
  body: [
    "Samhällskontraktet är samverkan mellan Mälardalens högskola, Eskilstuna kommun och Västerås stad – högskolan + kommunerna = sant. Avtalet undertecknades i februari 2009.",
    "Visionen: Eskilstuna och Västerås är en stark region som skapar värde för individer, organisationer och företag genom ett aktivt lärande i ett innovativt, förtroendefullt samspel.",
    "Vi har tre roller, de tre M:en: Motor – vi driver egna projekt och utvecklingssatsningar. Mäklare – vi är en länk mellan omvärlden och högskolan. Mötesplats – vi skapar arenor för möten mellan forskning och praktik.",
    "Kommunikationsplanen för 2011 har tre mål: en egen interaktiv webbplats som stödjer samverkan, ett väl genomfört evenemang varje månad och ett etablerat varumärke i vår bransch.",
  ].join("\n\n"),
};

const PARTIES = {
  title: "Parterna",
  body: [
    "Mälardalens högskola, Eskilstuna kommun och Västerås stad är Samhällskontraktets tre parter.",
    "Styrelsen har två ledamöter från varje part. Sektorsgrupperna – Utbildning, Äldreomsorg och socialt arbete samt Morgondagens studenter och arbetskraft – har två till tre personer från varje part, de flesta med ledande funktioner i sin organisation, för snabba beslutsvägar och gedigen kompetens.",
    "Processledningen vid Mälardalens högskola samordnar arbetet, bereder styrelsens möten och håller kontakten med parterna.",
  ].join("\n\n"),
};

export const OPEN_CALL_TITLE = "Idéer för samverkan inom vård, omsorg och socialt arbete";

export async function loadSiteDemo(db: Db) {
  await ensureOpenCall(db);
  if ((await listPublishedNews(db, systemActor, { limit: 1 })).items.length) return;
  for (const item of NEWS_2010) await createNews(db, systemActor, { ...item, status: "published" }, informer);
  await savePage(db, systemActor, "about", ABOUT);
  await savePage(db, systemActor, "parties", PARTIES);
}

/** One call open today (the 2010 call closed long ago), run by the sector group, if none is. */
async function ensureOpenCall(db: Db) {
  const now = new Date();
  const open = (await listPublicCalls(db, systemActor, now)).some(({ call }) => call.opensAt <= now);
  if (open) return;
  const sk = (await organisationIdsByName(db)).get(ORG.samhallskontraktet);
  if (!sk) return;
  const groups = await listBodies(db, systemActor, { kind: "sector_group" });
  const group = groups.find((g) => g.name.includes("Äldreomsorg"));
  const day = 24 * 3600 * 1000;
  await createCallAs(db, systemActor, {
    title: OPEN_CALL_TITLE,
    organisationId: sk,
    bodyId: group?.id ?? null,
    area: "Äldreomsorg, socialt arbete och funktionshinder",
    questions:
      "Har du en idé om hur högskolan och kommunerna tillsammans kan utveckla vården, omsorgen eller det sociala arbetet? Beskriv idén, vilka som behöver vara med och vad den kan leda till.",
    opensAt: new Date(now.getTime() - 7 * day).toISOString(),
    closesAt: new Date(now.getTime() + 90 * day).toISOString(),
    budget: 1_000_000,
    public: true,
  });
}

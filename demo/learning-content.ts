import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../src/server/db/client.ts";
import {
  addLink,
  learningSpaceByName,
  linkSpaceToProject,
  spaceHasDocuments,
  uploadDocument,
} from "../src/server/modules/learning/index.ts";
import { projectIdByNamePrefix } from "../src/server/modules/projects/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";

/**
 * Seed 004's learning space with content: linked to the LC-KOMP project, with the project's
 * documents, more literature tips, each of the 20 seminars' material and a recorded lecture. The
 * files are small and generated here at load time — nothing binary lives in the repository.
 */
export const LC_KOMP_SPACE = "LC-KOMP – gemensam lärplattform";
const coordinator = { ...systemActor, name: "Sara Samordnare" };

const projectDocuments: [title: string, filename: string, text: string][] = [
  [
    "Projektbeskrivning LC-KOMP",
    "projektbeskrivning.md",
    "# LC-KOMP – lärcentra som mäklare i kompetensförsörjning\n\nESF-projekt 2009–2011. Lärcentra och vuxenutbildningar i 22 kommuner i Östra Mellansverige utvecklar en mäklande funktion mellan arbetslivets behov och utbildningsutbudet.\n\nProjektets delar: seminarieserie (20 seminarier på 8 teman), tematiska workshops, tre nätverk och lokalt utvecklingsarbete med processtöd.\n",
  ],
  [
    "Mål och indikatorer",
    "mal-och-indikatorer.md",
    "# Mål på projektnivå\n\n- Minst 180 personer från lärcentra deltar i kompetensutvecklingen.\n- Minst 75 personer från näringsliv och offentlig sektor.\n- Organisationernas egna mål följs upp per organisation.\n- Jämställdhet och tillgänglighet är mål för alla organisationer.\n",
  ],
  [
    "Mall för lokal utvecklingsplan",
    "lokal-utvecklingsplan-mall.md",
    "# Lokal utvecklingsplan\n\n1. Nuläge: lärcentrums roll i kommunens kompetensförsörjning\n2. Mål för projektperioden\n3. Aktiviteter\n4. Processtöd: handledning, mentorskap, experter, studiebesök, auskultation\n5. Uppföljning\n",
  ],
];

const literature: [title: string, author: string, note: string][] = [
  [
    "Lärcentrum – en mötesplats för lärande",
    "Nationellt centrum för flexibelt lärande",
    "Om lärcentrums uppdrag och arbetssätt.",
  ],
  [
    "Kompetensförsörjning i små och medelstora företag",
    "Tillväxtverket",
    "Bakgrund till workshopen om behovsanalyser.",
  ],
  ["Det livslånga lärandet i praktiken", "Kenneth Abrahamsson", "Vuxnas lärande och arbetslivet."],
];

/** A few MPEG audio frames after an ID3 tag: a tiny, well-formed stand-in for a recorded lecture. */
function generatedRecording(): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]), ...Array(24).fill(frame)]);
}

export async function loadLearningContentDemo(db: Db) {
  const space = await learningSpaceByName(db, LC_KOMP_SPACE);
  if (!space) return;
  if (await spaceHasDocuments(db, space.id)) return;
  const projectId = await projectIdByNamePrefix(db, "LC-KOMP");
  if (projectId && !space.projectId) await linkSpaceToProject(db, systemActor, space.id, projectId);

  const upload = (title: string, filename: string, data: Buffer, description: string | null = null) =>
    uploadDocument(db, coordinator, space.id, { title, description, filename, data });
  for (const [title, filename, text] of projectDocuments) await upload(title, filename, Buffer.from(text));

  const seminars = await queryRows<{ title: string; date: string | null; theme: string | null }>(
    db,
    sql`select a.title, a.start_date::text as date, e.theme
      from events e join activities a on a.id = e.activity_id join event_series s on s.id = e.series_id
      where s.name = 'LC-KOMP:s seminarieserie' order by a.start_date, a.title`,
  );
  for (const [i, seminar] of seminars.entries()) {
    const n = i + 1;
    await upload(
      `Seminarium ${n}: ${seminar.title}`,
      `seminarium-${String(n).padStart(2, "0")}.md`,
      Buffer.from(
        `# Seminarium ${n}: ${seminar.title}\n\nDatum: ${seminar.date ?? "–"}\nTema: ${seminar.theme ?? "–"}\n\n## Program\n\n09.30 Inledning\n10.00 Föreläsning\n13.00 Erfarenhetsutbyte i grupper\n15.00 Sammanfattning\n\n## Material\n\nPresentationer och gruppernas anteckningar.\n`,
      ),
      `Material från seminarieseriens ${n}:e seminarium.`,
    );
  }

  for (const [title, author, note] of literature)
    await addLink(db, coordinator, space.id, { kind: "literature", title, author, note });

  await uploadDocument(
    db,
    coordinator,
    space.id,
    {
      title: "Inspelad föreläsning: Lärcentrum som mäklare (ljud)",
      description: "Inspelning från seminarieseriens första seminarium.",
      filename: "larcentrum-som-maklare.mp3",
      data: generatedRecording(),
    },
    undefined,
    "recording",
  );
}

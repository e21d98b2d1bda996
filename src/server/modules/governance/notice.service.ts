import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { translator } from "../../platform/i18n.ts";
import { toIcs } from "../events/index.ts";
import { queueMails } from "../mail/index.ts";
import { recipientsOf } from "./bodies.service.ts";
import { governanceMeetings } from "./governance.schema.ts";
import { agendaOf } from "./meetings.service.ts";
import { openMeetingForWrite } from "./minutes.service.ts";
import { seatsOf } from "./standing.ts";

/**
 * The notice (kallelse): every current member gets the agenda (föredragningslista) and the meeting
 * as an `.ics`, queued in the outbox in the same transaction that records when the notice went out.
 */
export async function sendNotice(db: Db, actor: Actor | null, id: string, publicUrl: string) {
  const seats = await seatsOf(db, actor);
  const t = translator("sv");
  return writeWithAudit(db, actor, async (tx, audit) => {
    const meeting = await openMeetingForWrite(tx, actor, seats, id);
    const agenda = await agendaOf(tx, id);
    const recipients = (await recipientsOf(tx, meeting.bodyId)).filter((r) => !!r.email);
    const when = meeting.startsAt.toLocaleString("sv-SE", {
      timeZone: "Europe/Stockholm",
      dateStyle: "long",
      timeStyle: "short",
    });
    const title = meeting.title || t("governance.mail.meetingOf", { body: meeting.bodyName });
    const agendaLines = agenda.map(
      (a) => `§ ${a.position} ${a.title} (${t(`governance.agendaKinds.${a.kind}`)})`,
    );
    const ics = toIcs(
      [
        {
          uid: `governance-meeting-${meeting.id}@samspel`,
          title,
          description: agendaLines.join("\n"),
          location: meeting.place ?? meeting.link,
          url: `${publicUrl}/styrning/moten/${meeting.id}`,
          start: meeting.startsAt,
          end: meeting.endsAt ?? new Date(meeting.startsAt.getTime() + 2 * 60 * 60 * 1000),
        },
      ],
      { name: title },
    );
    const mails = recipients.map((r) => {
      const paragraphs = [
        t("governance.mail.greeting", { name: r.name }),
        t("governance.mail.invited", { title, when, place: meeting.place ?? meeting.link ?? "–" }),
        `${t("governance.mail.agenda")}\n${agendaLines.join("\n") || "–"}`,
        t("governance.mail.signature"),
      ];
      return {
        ref: meeting.id,
        mail: {
          to: r.email as string,
          subject: t("governance.mail.subject", { title, when }),
          text: paragraphs.join("\n\n"),
          attachments: [
            {
              filename: "kallelse.ics",
              content: ics,
              contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            },
          ],
        },
      };
    });
    await queueMails(tx, "governance.notice", mails);
    const sentAt = new Date();
    await tx.update(governanceMeetings).set({ noticeSentAt: sentAt }).where(eq(governanceMeetings.id, id));
    await audit({
      action: "notice",
      entityType: "governance_meeting",
      entityId: id,
      after: { noticeSentAt: sentAt, recipients: recipients.map((r) => r.email) },
    });
    return { recipients: mails.length, noticeSentAt: sentAt.toISOString() };
  });
}

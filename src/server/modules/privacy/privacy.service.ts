import { and, eq, gt, isNull } from "drizzle-orm";
import type {
  ErasureImpact,
  ErasureImpactItem,
  ExtractSection,
  PersonalDataExtract,
  PersonalDataSubjectInput,
  ProcessingRecord,
} from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { erasureContext, type HeldData, type PersonalDataSubject } from "../../platform/personal-data.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { personalData as accounts } from "../accounts/index.ts";
import { personalData as agreements } from "../agreements/index.ts";
import { personalData as audit } from "../audit/index.ts";
import { personalData as communication } from "../communication/index.ts";
import { personalData as events } from "../events/index.ts";
import { personalData as governance } from "../governance/index.ts";
import { personalData as ideas } from "../ideas/index.ts";
import { personalData as identity } from "../identity/index.ts";
import { type MailOrigin, personalData as mail, nudgeMailSender, queueAnonymousMail } from "../mail/index.ts";
import { personalData as people } from "../people/index.ts";
import { currentRetentionRules } from "../retention/index.ts";
import { type CategoryKey, CONTROLLER, categories, categoryOf } from "./privacy.categories.ts";
import { privacyPolicy } from "./privacy.policy.ts";
import { privacyExtractLinks } from "./privacy.schema.ts";

/**
 * Register extract (GDPR art. 15), erasure (art. 17) and the record of processing (art. 30), issue 20.
 * This module holds no personal data of its own (except the one-time links): it resolves who a request
 * is about, asks every holding module through its door, and puts the answers together under the
 * category table. Extracts and erasures are audited without the data they show or remove.
 */

/** Every module holding personal data, in the order they are erased (people last but audit). */
const holders = [
  accounts,
  identity,
  events,
  communication,
  ideas,
  governance,
  agreements,
  mail,
  people,
] as const;

/** Who a request is about: the register person (by id or address), their account, and every known address. */
export async function resolveSubject(
  db: Db | Tx,
  input: PersonalDataSubjectInput,
): Promise<PersonalDataSubject> {
  const given = input.email?.toLowerCase() ?? null;
  let person = await people.findPersonForPrivacy(
    db,
    input.personId ? { personId: input.personId } : { email: given ?? "" },
  );
  if (input.personId && !person) throw notFound();
  let user = await accounts.findUserForPrivacy(db, {
    personId: person?.id ?? null,
    emails: [given, person?.email].filter((e): e is string => !!e),
  });
  // An account's address with no register person: the account may still link to one.
  if (!person && user) {
    const linked = await people.findPersonForPrivacy(db, { email: user.email });
    if (linked) person = linked;
  }
  if (person?.userId && !user)
    user = await accounts.findUserForPrivacy(db, { personId: person.id, emails: [] });
  const emails = [
    ...new Set(
      [given, person?.email, user?.email].filter((e): e is string => !!e).map((e) => e.toLowerCase()),
    ),
  ];
  return {
    personId: person?.id ?? null,
    userId: user?.id ?? null,
    name: person?.name ?? user?.name ?? null,
    emails,
  };
}

async function held(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  const out: HeldData[] = [];
  for (const h of holders) out.push(...(await h.personalDataFor(db, s)));
  const entityIds = out.flatMap((d) => d.ids);
  out.push(...(await audit.personalDataFor(db, { ...s, entityIds })));
  return out;
}

/** The extract's sections in the category table's order, only those that hold something. */
function sectionsOf(data: HeldData[]): ExtractSection[] {
  return categories
    .map((c) => ({
      category: c.key,
      name: c.name,
      purpose: c.purpose,
      legalBasis: c.legalBasis,
      retention: c.retention,
      records: data.filter((d) => d.category === c.key).flatMap((d) => d.records),
    }))
    .filter((s) => s.records.length > 0);
}

async function buildExtract(db: Db, s: PersonalDataSubject): Promise<PersonalDataExtract> {
  return {
    subject: { personId: s.personId, emails: s.emails },
    generatedAt: new Date().toISOString(),
    controller: CONTROLLER,
    sections: sectionsOf(await held(db, s)),
  };
}

/** Records that an extract was given, to whom and how — never what it held. */
async function auditExtract(
  db: Db,
  actor: Actor | null,
  s: PersonalDataSubject,
  via: string,
  format: string,
) {
  await writeWithAudit(db, actor, async (_tx, log) => {
    await log({
      action: "personal_data.extract",
      entityType: "person",
      entityId: s.personId,
      after: { via, format },
    });
  });
}

export async function extract(
  db: Db,
  actor: Actor | null,
  input: PersonalDataSubjectInput,
  format: string,
): Promise<PersonalDataExtract> {
  authorize(actor, privacyPolicy, "extract", null);
  const s = await resolveSubject(db, input);
  const result = await buildExtract(db, s);
  await auditExtract(db, actor, s, "staff", format);
  return result;
}

async function impactOf(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  const items: ErasureImpactItem[] = [];
  for (const h of holders) items.push(...(await h.erasureImpactFor(db, s)));
  const data = await held(db as Db, s);
  items.push(...(await audit.erasureImpactFor(db, { ...s, entityIds: data.flatMap((d) => d.ids) })));
  // Kept records last, so the list reads "what goes, then what stays and why".
  const order = { remove: 0, anonymise: 1, keep: 2 } as const;
  return items.sort((a, b) => order[a.action] - order[b.action]);
}

export async function erasureImpact(
  db: Db,
  actor: Actor | null,
  input: PersonalDataSubjectInput,
): Promise<ErasureImpact> {
  authorize(actor, privacyPolicy, "erase", null);
  const s = await resolveSubject(db, input);
  return { subject: { personId: s.personId, emails: s.emails }, items: await impactOf(db, s) };
}

/**
 * Erases the subject everywhere in one transaction: any module's refusal (the last administrator)
 * leaves everything as it was. The audit entry says that an erasure was made and how many records of
 * each category it touched, not what they held.
 */
export async function erase(db: Db, actor: Actor | null, input: PersonalDataSubjectInput) {
  authorize(actor, privacyPolicy, "erase", null);
  return writeWithAudit(db, actor, async (tx, log) => {
    const s = await resolveSubject(tx, input);
    const data = await held(tx as unknown as Db, s);
    const items = await impactOf(tx, s);
    if (!s.personId && !s.userId && data.every((d) => d.records.length === 0))
      throw new AppError("notFound", "privacy.errors.nothingHeld");
    const keepName = (await governance.keepsName(tx, s)) || (await agreements.keepsName(tx, s));
    const ctx = erasureContext(keepName);
    for (const h of holders) await h.eraseFor(tx, s, ctx);
    await audit.eraseFor(tx, { ...s, entityIds: data.flatMap((d) => d.ids) }, ctx);
    await log({
      action: "personal_data.erase",
      entityType: "person",
      entityId: s.personId,
      after: {
        counts: Object.fromEntries(
          categories.map((c) => [
            c.key,
            items.filter((i) => i.category === c.key && i.action !== "keep").reduce((n, i) => n + i.count, 0),
          ]),
        ),
        kept: items.filter((i) => i.action === "keep").length,
      },
    });
    return { erased: true as const, items };
  });
}

/**
 * The record of processing, with each category's retention as the administrator has set it where the
 * retention module runs a rule for that category (same keys), so the record says what actually happens.
 */
export async function processingRecord(db: Db, actor: Actor | null): Promise<ProcessingRecord> {
  authorize(actor, privacyPolicy, "record", null);
  const rules = new Map((await currentRetentionRules(db)).map((r) => [r.key as string, r]));
  return {
    controller: CONTROLLER,
    generatedAt: new Date().toISOString(),
    categories: categories.map((c) => ({
      ...c,
      retention: retentionText(c.retention, rules.get(c.key)),
      dataItems: [...c.dataItems],
      dataSubjects: [...c.dataSubjects],
      recipients: [...c.recipients],
      security: [...c.security],
    })),
  };
}

function retentionText(
  text: string,
  rule: { months: number; days: number; enabled: boolean } | undefined,
): string {
  if (!rule) return text;
  if (!rule.enabled) return `${text} (automatisk gallring avstängd av administratören)`;
  const period = [rule.months ? `${rule.months} månader` : "", rule.days ? `${rule.days} dagar` : ""]
    .filter(Boolean)
    .join(" och ");
  return `${text} (gallras automatiskt varje dygn${period ? `; regel: ${period}` : ""})`;
}

export const categoryName = (key: string) => categoryOf(key as CategoryKey).name;

// ——— The person's own request, through a link mailed to the address ———

export const LINK_MINUTES = 15;
export const selfExtractUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/api/personal-data/self-extract/${token}`;

/**
 * Mails a one-time link to the address. The answer is the same whether or not anything is held about
 * it (no one learns who is in the register), and the mail is capped like every mail the public sets off.
 */
export async function requestSelfExtract(db: Db, email: string, publicUrl: string, origin: MailOrigin) {
  const token = newToken();
  const queued = await writeWithAudit(db, null, async (tx, log) => {
    const [link] = await tx
      .insert(privacyExtractLinks)
      .values({ tokenHash: hashToken(token), email, expiresAt: new Date(Date.now() + LINK_MINUTES * 60_000) })
      .returning({ id: privacyExtractLinks.id });
    await log({
      action: "personal_data.extract_request",
      entityType: "personal_data_link",
      entityId: link.id,
    });
    const id = await queueAnonymousMail(
      tx,
      "privacy.extractLink",
      {
        to: email,
        subject: "Ditt registerutdrag från Samspel",
        text: [
          "Du (eller någon som angav din adress) har bett om ett registerutdrag: vilka personuppgifter Samspel har om dig.",
          `Öppna länken inom ${LINK_MINUTES} minuter. Den fungerar en gång:`,
          selfExtractUrl(publicUrl, token),
          "Har du inte bett om utdraget kan du bortse från meddelandet.",
        ].join("\n\n"),
      },
      origin,
    );
    return !!id;
  });
  if (queued) nudgeMailSender(db);
}

/** Follows the mailed link once, within its time: the extract of everything held on that address. */
export async function redeemSelfExtract(db: Db, token: string, format: string): Promise<PersonalDataExtract> {
  const [link] = await db
    .update(privacyExtractLinks)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(privacyExtractLinks.tokenHash, hashToken(token)),
        isNull(privacyExtractLinks.usedAt),
        gt(privacyExtractLinks.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!link) throw new AppError("invitationInvalid", "privacy.errors.linkInvalid");
  const s = await resolveSubject(db, { email: link.email });
  const result = await buildExtract(db, s);
  await auditExtract(db, null, s, "email_link", format);
  return result;
}

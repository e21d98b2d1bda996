import { z } from "zod";

/**
 * The personal overview (GET /api/overview, issue 15 item 1): what needs doing for the signed-in user,
 * section by section. Only the sections of the user's roles are present:
 *
 * - coordinator (samordnare, administratör): upcomingEvents, overdueReports, indicatorsOffTarget,
 *   dialoguesDue, openCalls, recentChanges;
 * - programme director: compassGaps, workStepsDue;
 * - board or group member: nextMeetings, documentsToRead;
 * - partner: organisationAgreements, organisationEvents, organisationIndicators.
 *
 * Each section has `count` (all that match, the figure shown) and the first `items`; every item carries
 * the id of the record it opens. Nothing here is an id meant for the eye: the web turns ids into links.
 */

const section = <T extends z.ZodType>(item: T) => z.object({ count: z.number().int(), items: z.array(item) });

export const overviewEvent = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  registered: z.number().int(),
  capacity: z.number().int().nullable(),
});

export const overviewOverdueReport = z.object({
  id: z.string(),
  name: z.string(),
  reportDueDate: z.string(),
  daysOverdue: z.number().int(),
});

export const overviewIndicator = z.object({
  id: z.string(),
  name: z.string(),
  /** What the indicator belongs to, to tell indicators of one name apart: its project, organisation or framework. */
  belongsTo: z.string().nullable(),
  unit: z.string(),
  actual: z.number().nullable(),
  target: z.number(),
  status: z.enum(["on_track", "at_risk", "off_track", "no_data"]),
  deadline: z.string().nullable(),
});

export const overviewAgreement = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  endDate: z.string(),
  /** The next dialogue the latest one agreed on; null when none is set. */
  nextDialogueDate: z.string().nullable(),
});

export const overviewCall = z.object({
  id: z.string(),
  title: z.string(),
  closesAt: z.string(),
  ideas: z.number().int(),
});

export const overviewChange = z.object({
  at: z.string(),
  actorName: z.string(),
  /** What was done, in words ("skapade", "ändrade", "tog bort"). */
  verb: z.enum(["created", "updated", "deleted", "changed"]),
  /** The kind of record, a key under overview.kinds. */
  kind: z.string(),
  /** The record's name as it was (title or name), or null when it has none. */
  recordName: z.string().nullable(),
  /** Where the record opens: its kind and id; null when the record is gone or has no page. */
  target: z.object({ kind: z.string(), id: z.string() }).nullable(),
});

export const overviewCompassGap = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  year: z.number().int(),
  /** Dimensions of the compass without an activity this year, by their label. */
  dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
});

export const overviewWorkStep = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  year: z.number().int(),
  step: z.enum(["goals", "inventory", "analysis", "recommendations", "workPlan"]),
  status: z.enum(["not_started", "in_progress", "done"]),
  startDate: z.string().nullable(),
});

export const overviewMeeting = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  title: z.string().nullable(),
  startsAt: z.string(),
  place: z.string().nullable(),
});

export const overviewDocument = z.object({
  meetingId: z.string(),
  meetingTitle: z.string().nullable(),
  bodyName: z.string(),
  startsAt: z.string(),
  agendaItem: z.string(),
  name: z.string(),
});

export const overviewView = z
  .object({
    upcomingEvents: section(overviewEvent).optional(),
    overdueReports: section(overviewOverdueReport).optional(),
    indicatorsOffTarget: section(overviewIndicator).optional(),
    dialoguesDue: section(overviewAgreement).optional(),
    openCalls: section(overviewCall).optional(),
    recentChanges: section(overviewChange).optional(),
    compassGaps: section(overviewCompassGap).optional(),
    workStepsDue: section(overviewWorkStep).optional(),
    nextMeetings: section(overviewMeeting).optional(),
    documentsToRead: section(overviewDocument).optional(),
    organisationAgreements: section(overviewAgreement).optional(),
    organisationEvents: section(overviewEvent).optional(),
    organisationIndicators: section(overviewIndicator).optional(),
  })
  .meta({ id: "Overview" });
export type OverviewView = z.infer<typeof overviewView>;
export type OverviewSectionKey = keyof OverviewView;
export type OverviewEvent = z.infer<typeof overviewEvent>;
export type OverviewIndicator = z.infer<typeof overviewIndicator>;
export type OverviewAgreement = z.infer<typeof overviewAgreement>;
export type OverviewChange = z.infer<typeof overviewChange>;

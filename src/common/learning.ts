import { z } from "zod";
import { optionalText, requiredText, uuid } from "./validation.ts";

/** The learning space of a project or network. Messages are i18n keys (`validation.learning.*`). */

export const spaceInput = z.strictObject({
  name: requiredText(300),
  description: optionalText(5000),
  projectId: uuid.nullish(),
  networkId: uuid.nullish(),
});
export type SpaceInput = z.input<typeof spaceInput>;

export const spaceMembersInput = z.strictObject({
  members: z
    .array(z.strictObject({ userId: uuid, role: z.enum(["member", "moderator"]).default("member") }))
    .max(2000),
});

const url = z
  .string({ error: "validation.required" })
  .trim()
  .max(2000, { error: "validation.tooLong" })
  .pipe(z.url({ protocol: /^https?$/, error: "validation.learning.urlInvalid" }));

export const linkInput = z
  .strictObject({
    kind: z.enum(["literature", "lecture", "link"], { error: "validation.invalidValue" }),
    title: requiredText(300),
    url: url.nullish(),
    author: optionalText(300),
    note: optionalText(3000),
  })
  .refine((l) => l.kind === "literature" || !!l.url, {
    path: ["url"],
    error: "validation.learning.urlRequired",
  });
export type LinkInput = z.input<typeof linkInput>;

export const threadInput = z.strictObject({ title: requiredText(300), body: requiredText(20_000) });
export const postInput = z.strictObject({ body: requiredText(20_000) });
export const learningFeedbackInput = z.strictObject({
  activityId: uuid.nullish(),
  rating: z
    .number()
    .int()
    .min(1, { error: "validation.learning.rating" })
    .max(5, { error: "validation.learning.rating" })
    .nullish(),
  comment: requiredText(5000),
});

/** Upload limits: what the server accepts as documents. */
export const maxDocumentBytes = 20 * 1024 * 1024;
/** Recorded lectures (audio and video): a larger limit of their own, and only these types. */
export const maxRecordingBytes = 100 * 1024 * 1024;
export const recordingTypes: Record<string, string> = {
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  mp4: "video/mp4",
  webm: "video/webm",
};
export const documentTypes: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  txt: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

const byline = { createdAt: z.string(), by: z.string() };
export const spaceView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  projectId: z.string().nullable(),
  networkId: z.string().nullable(),
  memberCount: z.number(),
  abilities: z.object({ manage: z.boolean(), post: z.boolean() }),
});
export type SpaceView = z.infer<typeof spaceView>;
export const versionView = z.object({
  id: z.string(),
  version: z.number(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export const documentView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  versions: z.array(versionView),
});
export type DocumentView = z.infer<typeof documentView>;
export const linkView = z.object({
  id: z.string(),
  kind: z.enum(["literature", "lecture", "link"]),
  title: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  note: z.string().nullable(),
  ...byline,
});
export type LinkView = z.infer<typeof linkView>;
export const threadView = z.object({
  id: z.string(),
  title: z.string(),
  posts: z.number(),
  lastPostAt: z.string(),
  ...byline,
});
export type ThreadView = z.infer<typeof threadView>;
export const postView = z.object({ id: z.string(), body: z.string(), ...byline });
export type PostView = z.infer<typeof postView>;
export const feedbackView = z.object({
  id: z.string(),
  activityId: z.string().nullable(),
  activityTitle: z.string().nullable(),
  rating: z.number().nullable(),
  comment: z.string(),
  ...byline,
});
export type LearningFeedbackView = z.infer<typeof feedbackView>;

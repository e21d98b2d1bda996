import type {
  DocumentView,
  LearningFeedbackView,
  LinkView,
  PostView,
  SpaceView,
  ThreadView,
} from "../../../common/learning.ts";
import { type Actor, isStaff } from "../../platform/actor.ts";
import type {
  learningDocuments,
  learningDocumentVersions,
  learningFeedback,
  learningLinks,
  learningPosts,
  learningSpaces,
  learningThreads,
} from "./learning.schema.ts";

/** Rows of the learning space as the API shows them. */

type Space = typeof learningSpaces.$inferSelect & { memberCount: number; manage?: boolean };
export const space = (s: Space, actor: Actor | null): SpaceView => ({
  id: s.id,
  name: s.name,
  description: s.description,
  projectId: s.projectId,
  networkId: s.networkId,
  memberCount: s.memberCount,
  abilities: { manage: s.manage ?? isStaff(actor), post: true },
});

type Doc = typeof learningDocuments.$inferSelect & {
  versions: (typeof learningDocumentVersions.$inferSelect)[];
};
export const document = (d: Doc): DocumentView => ({
  id: d.id,
  title: d.title,
  description: d.description,
  versions: d.versions.map((v) => ({
    id: v.id,
    version: v.version,
    filename: v.filename,
    mimeType: v.mimeType,
    size: v.size,
    uploadedAt: v.uploadedAt.toISOString(),
    uploadedBy: v.uploadedByName,
  })),
});

export const link = (l: typeof learningLinks.$inferSelect): LinkView => ({
  id: l.id,
  kind: l.kind as LinkView["kind"],
  title: l.title,
  url: l.url,
  author: l.author,
  note: l.note,
  createdAt: l.createdAt.toISOString(),
  by: l.createdByName,
});

export const thread = (t: typeof learningThreads.$inferSelect & { posts: number }): ThreadView => ({
  id: t.id,
  title: t.title,
  posts: t.posts,
  lastPostAt: t.lastPostAt.toISOString(),
  createdAt: t.createdAt.toISOString(),
  by: t.createdByName,
});

export const post = (p: typeof learningPosts.$inferSelect): PostView => ({
  id: p.id,
  body: p.body,
  createdAt: p.createdAt.toISOString(),
  by: p.authorName,
});

export const feedback = (f: {
  feedback: typeof learningFeedback.$inferSelect;
  activityTitle: string | null;
}): LearningFeedbackView => ({
  id: f.feedback.id,
  activityId: f.feedback.activityId,
  activityTitle: f.activityTitle,
  rating: f.feedback.rating,
  comment: f.feedback.comment,
  createdAt: f.feedback.createdAt.toISOString(),
  by: f.feedback.authorName,
});

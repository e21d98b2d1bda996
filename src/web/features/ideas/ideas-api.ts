import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CallDetailView,
  CallView,
  IdeaDetailView,
  IdeaDocumentView,
  IdeaVersionView,
  IdeaView,
  PublicIdeaInput,
  RecommendationInput,
  ReviewerCandidateView,
} from "../../../common/ideas.ts";
import { ApiError, api, queryString } from "../../api.ts";

/** Data of the ideas pages: public calls and submission, the personal link, and staff's call pages. */

export interface Funnel {
  submitted: number;
  selected: number;
  developing: number;
  pitched: number;
  planned: number;
  prepared: number;
  granted: number;
  rejected: number;
  withdrawn: number;
  grantedAmount: number;
  remainingBudget: number | null;
  projectIds: string[];
}

export interface OwnIdea {
  id: string;
  callTitle: string;
  title: string;
  summary: string;
  stage: string;
  fields: Record<string, string>;
  template: { key: string; label: string; required: boolean }[];
  editable: boolean;
}

export const publicCallsQuery = () =>
  queryOptions({
    queryKey: ["public-calls"],
    queryFn: async () => (await api.get<{ items: CallView[] }>("/api/public/calls")).items,
  });

export const publicCallQuery = (id: string) =>
  queryOptions({
    queryKey: ["public-calls", id],
    queryFn: () => api.get<CallView>(`/api/public/calls/${id}`),
  });

export const ownIdeaQuery = (token: string) =>
  queryOptions({
    queryKey: ["own-idea", token],
    queryFn: () => api.get<OwnIdea>(`/api/public/ideas/${token}`),
  });

export const callsQuery = () =>
  queryOptions({
    queryKey: ["calls"],
    queryFn: async () => (await api.get<{ items: CallView[] }>("/api/calls?limit=200")).items,
  });

export const callQuery = (id: string) =>
  queryOptions({ queryKey: ["calls", id], queryFn: () => api.get<CallDetailView>(`/api/calls/${id}`) });

/** Active users to add to a call's panel, found by name or e-mail. */
export const reviewerCandidatesQuery = (callId: string, q: string) =>
  queryOptions({
    queryKey: ["calls", callId, "reviewer-candidates", q],
    queryFn: async () =>
      (
        await api.get<{ items: ReviewerCandidateView[] }>(
          `/api/calls/${callId}/reviewer-candidates${queryString({ q })}`,
        )
      ).items,
    staleTime: 30_000,
  });

/** Sets the call's panel (the whole list; If-Match from the call's GET), then reads the call again. */
export function useSetPanel(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => api.put<void>(`/api/calls/${callId}/reviewers`, { userIds }),
    onSettled: () => client.invalidateQueries({ queryKey: ["calls", callId], exact: true }),
  });
}

export const funnelQuery = (id: string) =>
  queryOptions({
    queryKey: ["calls", id, "funnel"],
    queryFn: () => api.get<Funnel>(`/api/calls/${id}/funnel`),
  });

export const ideasQuery = (callId: string, stage?: string, organisation?: string) =>
  queryOptions({
    queryKey: ["ideas", callId, stage ?? "all", organisation ?? ""],
    queryFn: async () =>
      (
        await api.get<{ items: IdeaView[] }>(
          `/api/ideas${queryString({ callId, stage, organisation, limit: 500 })}`,
        )
      ).items,
  });

export function useSubmitIdea(callId: string) {
  return useMutation({
    mutationFn: (input: PublicIdeaInput) =>
      api.post<{ id: string; emailSent: boolean }>(`/api/public/calls/${callId}/ideas`, input),
  });
}

export function useCompleteIdea(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { fields: Record<string, string> }) =>
      api.patch<OwnIdea>(`/api/public/ideas/${token}`, input),
    onSuccess: (own) => client.setQueryData(["own-idea", token], own),
  });
}

/** Working one idea: its detail, versions, moves, template, reviews, recommendation and grant. */
export const ideaQuery = (id: string) =>
  queryOptions({ queryKey: ["idea", id], queryFn: () => api.get<IdeaDetailView>(`/api/ideas/${id}`) });

export const versionsQuery = (id: string) =>
  queryOptions({
    queryKey: ["idea", id, "versions"],
    queryFn: async () => (await api.get<{ items: IdeaVersionView[] }>(`/api/ideas/${id}/versions`)).items,
  });

export interface OrganisationCount {
  organisation: string;
  party: string | null;
  submitted: number;
  granted: number;
}
export const byOrganisationQuery = (callId?: string) =>
  queryOptions({
    queryKey: ["ideas-by-organisation", callId ?? "all"],
    queryFn: async () =>
      (await api.get<{ items: OrganisationCount[] }>(`/api/ideas/by-organisation${queryString({ callId })}`))
        .items,
  });

export interface GrantDecision {
  id: string;
  title: string;
  bodyName: string;
  meetingDate: string;
  kind: string;
  amount: number | null;
  registryNumber: string | null;
}
export const grantDecisionsQuery = () =>
  queryOptions({
    queryKey: ["decisions", "grants"],
    queryFn: async () =>
      (await api.get<{ items: GrantDecision[] }>("/api/decisions?limit=200")).items.filter(
        (d) => d.kind === "grant",
      ),
  });

/** A write on an idea; afterwards the idea, its call's list and funnel are read again. */
export function useIdeaWrite<I, O>(id: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ["idea", id] }),
        client.invalidateQueries({ queryKey: ["ideas"] }),
        client.invalidateQueries({ queryKey: ["calls"] }),
      ]);
    },
  });
}

export const ideaWrites = (id: string) => ({
  transition: (input: { to: string; reason?: string }) => api.post(`/api/ideas/${id}/transition`, input),
  template: (input: { fields: Record<string, string> }) => api.patch(`/api/ideas/${id}`, input),
  review: (input: { scores: Record<string, number>; comment?: string }) =>
    api.post(`/api/ideas/${id}/reviews`, input),
  recommend: (input: RecommendationInput) => api.put(`/api/ideas/${id}/recommendation`, input),
  grant: (input: { decisionId: string; amount: number }) =>
    api.post<{ projectId: string }>(`/api/ideas/${id}/grant`, input),
});

export const documentsQuery = (id: string) =>
  queryOptions({
    queryKey: ["idea", id, "documents"],
    queryFn: async () => (await api.get<{ items: IdeaDocumentView[] }>(`/api/ideas/${id}/documents`)).items,
  });

/** Uploads a document to the idea as multipart (title, file), with the session's CSRF token. */
export async function uploadIdeaDocument(id: string, csrfToken: string, title: string, file: File | null) {
  const body = new FormData();
  body.append("title", title);
  if (file) body.append("file", file);
  const res = await fetch(`/api/ideas/${id}/documents`, {
    method: "POST",
    body,
    headers: { "x-csrf-token": csrfToken, accept: "application/json" },
    credentials: "same-origin",
  });
  if (!res.ok) throw new ApiError(await res.json());
  return (await res.json()) as IdeaDocumentView;
}

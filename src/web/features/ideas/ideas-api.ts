import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CallView, IdeaView, PublicIdeaInput } from "../../../common/ideas.ts";
import { api, queryString } from "../../api.ts";

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
  queryOptions({ queryKey: ["calls", id], queryFn: () => api.get<CallView>(`/api/calls/${id}`) });

export const funnelQuery = (id: string) =>
  queryOptions({
    queryKey: ["calls", id, "funnel"],
    queryFn: () => api.get<Funnel>(`/api/calls/${id}/funnel`),
  });

export const ideasQuery = (callId: string, stage?: string) =>
  queryOptions({
    queryKey: ["ideas", callId, stage ?? "all"],
    queryFn: async () =>
      (await api.get<{ items: IdeaView[] }>(`/api/ideas${queryString({ callId, stage, limit: 500 })}`)).items,
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

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AddMemberInput,
  BodySummaryView,
  BodyView,
  CreateDecisionInput,
  CreateMeetingInput,
  CreateRegistryEntryInput,
  DecisionView,
  MeetingSummaryView,
  MeetingView,
  MinutesInput,
  RegistryEntryView,
} from "../../../common/governance.ts";
import type { ProjectSummaryView } from "../../../common/projects.ts";
import { api, type Page, queryString } from "../../api.ts";

/** Data of the governance pages over /api/bodies, /api/meetings, /api/decisions and /api/registry. */

export const bodiesQuery = queryOptions({
  queryKey: ["governance", "bodies"],
  queryFn: async () => (await api.get<{ items: BodySummaryView[] }>("/api/bodies")).items,
});

export const bodyQuery = (id: string) =>
  queryOptions({
    queryKey: ["governance", "body", id],
    queryFn: () => api.get<BodyView>(`/api/bodies/${id}`),
  });

export const meetingsQuery = (params: { bodyId?: string; year?: number }) =>
  queryOptions({
    queryKey: ["governance", "meetings", params],
    queryFn: async () =>
      (await api.get<{ items: MeetingSummaryView[] }>(`/api/meetings${queryString(params)}`)).items,
  });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: ["governance", "meeting", id],
    queryFn: () => api.get<MeetingView>(`/api/meetings/${id}`),
  });

export type SearchParams = { bodyId?: string; year?: number; q?: string; organisationId?: string };

export const decisionsQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ["governance", "decisions", params],
    queryFn: () => api.get<Page<DecisionView>>(`/api/decisions${queryString({ ...params, limit: 200 })}`),
  });

export const registryQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ["governance", "registry", params],
    queryFn: () => api.get<Page<RegistryEntryView>>(`/api/registry${queryString({ ...params, limit: 200 })}`),
  });

/** Projects a decision may link to (a grant funds the one it links). */
export const projectOptionsQuery = queryOptions({
  queryKey: ["projects", "governance-options"],
  queryFn: async () =>
    (await api.get<Page<ProjectSummaryView>>("/api/projects?limit=500")).items.map((p) => ({
      value: p.id,
      label: p.name,
    })),
});

/** A write; afterwards every governance list and page is fetched anew (they are small). */
function useGovernanceWrite<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ["governance"] }),
  });
}

export const useAddMember = (bodyId: string) =>
  useGovernanceWrite((input: AddMemberInput) => api.post<BodyView>(`/api/bodies/${bodyId}/members`, input));
export const useCreateMeeting = () =>
  useGovernanceWrite((input: CreateMeetingInput) => api.post<MeetingView>("/api/meetings", input));
export const useSendNotice = (meetingId: string) =>
  useGovernanceWrite(() =>
    api.post<{ recipients: number; noticeSentAt: string }>(`/api/meetings/${meetingId}/notice`),
  );
export const useSaveMinutes = (meetingId: string) =>
  useGovernanceWrite((input: MinutesInput) =>
    api.put<MeetingView>(`/api/meetings/${meetingId}/minutes`, input),
  );
export const useApproveMinutes = (meetingId: string) =>
  useGovernanceWrite(() => api.post<MeetingView>(`/api/meetings/${meetingId}/minutes/approve`));
export const useAddDecision = (meetingId: string) =>
  useGovernanceWrite((input: CreateDecisionInput) =>
    api.post<DecisionView>(`/api/meetings/${meetingId}/decisions`, input),
  );
export const useRegister = () =>
  useGovernanceWrite((input: CreateRegistryEntryInput) =>
    api.post<RegistryEntryView>("/api/registry", input),
  );

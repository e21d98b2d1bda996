import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { FrameworkSummaryView, FrameworkView, GoalUseView } from "../../../common/goals.ts";
import type {
  CoverageView,
  OccurrenceView,
  PlanItemView,
  PlanSummaryView,
  PlanView,
  ProgressInput,
  TimelineView,
} from "../../../common/plans.ts";
import { api, queryString } from "../../api.ts";

/** Data of the plan pages over /api/frameworks and /api/plans. */
export const frameworksQuery = queryOptions({
  queryKey: ["frameworks"],
  queryFn: async () => (await api.get<{ items: FrameworkSummaryView[] }>("/api/frameworks")).items,
});

export const frameworkQuery = (id: string, version?: number) =>
  queryOptions({
    queryKey: ["frameworks", id, version ?? "current"],
    queryFn: () => api.get<FrameworkView>(`/api/frameworks/${id}${queryString({ version })}`),
  });

export const goalUseQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: ["frameworks", id, "served", year],
    queryFn: () => api.get<GoalUseView>(`/api/frameworks/${id}/served${queryString({ year })}`),
  });

export const plansQuery = queryOptions({
  queryKey: ["plans"],
  queryFn: async () => (await api.get<{ items: PlanSummaryView[] }>("/api/plans")).items,
});

export const planQuery = (id: string) =>
  queryOptions({ queryKey: ["plans", id], queryFn: () => api.get<PlanView>(`/api/plans/${id}`) });

export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: ["plans", id, "timeline"],
    queryFn: () => api.get<TimelineView>(`/api/plans/${id}/timeline`),
  });

export const coverageQuery = (id: string, section?: string) =>
  queryOptions({
    queryKey: ["plans", id, "coverage", section ?? ""],
    queryFn: () => api.get<CoverageView>(`/api/plans/${id}/coverage${queryString({ section })}`),
  });

export const exportUrl = (id: string, format: "xlsx" | "csv") => `/api/plans/${id}/export?format=${format}`;

export function useAddProgress(planId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgressInput) =>
      api.post<PlanItemView>(`/api/plans/${planId}/items/${itemId}/progress`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["plans", planId] }),
  });
}

export function useMarkOccurrenceDone(planId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (occurrenceId: string) =>
      api.post<OccurrenceView>(`/api/plans/${planId}/items/${itemId}/occurrences/${occurrenceId}/done`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["plans", planId] }),
  });
}

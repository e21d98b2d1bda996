import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  DashboardView,
  ProjectSummaryView,
  ProjectTimelineView,
  ProjectView,
  ReportInput,
  ReviewInput,
  StatusInput,
} from "../../../common/projects.ts";
import type { ReviewRound, ReviewRoundSummary } from "../../../common/review-rounds.ts";
import { api, type Page, queryString } from "../../api.ts";

/** Data of the portfolio pages over /api/projects. */
export type PortfolioFilters = { q: string; colour: string; sector: string; owner: string };
export const noPortfolioFilters: PortfolioFilters = { q: "", colour: "", sector: "", owner: "" };

/** Every project matching the filters (the portfolio is small enough to show whole; pages of 500). */
export const portfolioQuery = (filters: PortfolioFilters) =>
  queryOptions({
    queryKey: ["projects", "list", filters],
    queryFn: async () => {
      const items: ProjectSummaryView[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<ProjectSummaryView> = await api.get(
          `/api/projects${queryString({ ...filters, limit: 500, cursor })}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 5000);
      return items;
    },
  });

export const exportUrl = (filters: PortfolioFilters, format: "xlsx" | "csv") =>
  `/api/projects/export${queryString({ ...filters, format })}`;

export const dashboardQuery = (params: { owner?: string; asOf?: string; months?: number }) =>
  queryOptions({
    queryKey: ["projects", "dashboard", params],
    queryFn: () => api.get<DashboardView>(`/api/projects/dashboard${queryString(params)}`),
  });

export const projectTimelineQuery = (owner?: string) =>
  queryOptions({
    queryKey: ["projects", "timeline", owner ?? ""],
    queryFn: () => api.get<ProjectTimelineView>(`/api/projects/timeline${queryString({ owner })}`),
  });

export const projectQuery = (id: string) =>
  queryOptions({ queryKey: ["projects", id], queryFn: () => api.get<ProjectView>(`/api/projects/${id}`) });

function useProjectWrite<I>(path: (input: I) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post<ProjectView>(path(input), input),
    onSuccess: (project) => {
      queryClient.setQueryData(["projects", project.id], project);
      return queryClient.invalidateQueries({
        queryKey: ["projects"],
        predicate: (q) => q.queryKey[1] !== project.id,
      });
    },
  });
}

export const useSetStatus = (id: string) => useProjectWrite<StatusInput>(() => `/api/projects/${id}/status`);
export const useSubmitReport = (id: string) =>
  useProjectWrite<ReportInput>(() => `/api/projects/${id}/reports`);
export const useReviewReport = (id: string, reportId: string) =>
  useProjectWrite<ReviewInput>(() => `/api/projects/${id}/reports/${reportId}/review`);

export const reviewRoundsQuery = () =>
  queryOptions({
    queryKey: ["review-rounds", "list"],
    queryFn: async (): Promise<ReviewRoundSummary[]> =>
      (await api.get<{ items: ReviewRoundSummary[] }>("/api/review-rounds")).items,
  });

export const reviewRoundQuery = (id: string) =>
  queryOptions({
    queryKey: ["review-rounds", id],
    queryFn: () => api.get<ReviewRound>(`/api/review-rounds/${id}`),
  });

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { SummaryView } from "../../../common/finance.ts";
import type { OrganisationMatrixView } from "../../../common/goal-matrix.ts";
import type {
  DashboardView,
  IndicatorRecord,
  IndicatorView,
  ManualValueInput,
  ValueView,
} from "../../../common/indicators.ts";
import type { ReportDocument } from "../../../common/reports.ts";
import { api, type Page, queryString } from "../../api.ts";

/** Data of the follow-up pages: goal dashboards, indicators, money and reports over the JSON API. */

/**
 * After a write (an indicator, a value, money) everything under ["follow-up"] that shows it —
 * dashboards, indicator pages, money tables, reports — is fetched again; the pickers' choices
 * (organisations, projects, frameworks) do not change with these writes and stay cached.
 */
export function useRefreshFollowUp() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === "follow-up" && q.queryKey[1] !== "choices",
    });
}

export type Subject = { frameworkId?: string; projectId?: string; organisationId?: string };

export const dashboardQuery = (subject: Subject) =>
  queryOptions({
    queryKey: ["follow-up", "dashboard", subject],
    queryFn: () => api.get<DashboardView>(`/api/goal-dashboard${queryString(subject)}`),
    enabled: !!(subject.frameworkId || subject.projectId || subject.organisationId),
  });

export const indicatorQuery = (id: string) =>
  queryOptions({
    queryKey: ["follow-up", "indicator", id],
    queryFn: () => api.get<IndicatorView>(`/api/indicators/${id}`),
  });

export type RecordsPage = Page<IndicatorRecord> & { total: number; value: number; definitionText: string };
export const fetchRecords = (id: string, cursor?: string | null) =>
  api.get<RecordsPage>(`/api/indicators/${id}/records${queryString({ cursor, limit: 100 })}`);

export const valuesQuery = (id: string) =>
  queryOptions({
    queryKey: ["follow-up", "indicator", id, "values"],
    queryFn: () => api.get<Page<ValueView>>(`/api/indicators/${id}/values`),
  });

export function useAddValue(id: string) {
  const refresh = useRefreshFollowUp();
  return useMutation({
    mutationFn: (input: ManualValueInput) => api.post<ValueView>(`/api/indicators/${id}/values`, input),
    onSuccess: refresh,
  });
}

export const summaryQuery = (organisationId: string, year: number) =>
  queryOptions({
    queryKey: ["follow-up", "money", organisationId, year],
    queryFn: () => api.get<SummaryView>(`/api/finance/summary${queryString({ organisationId, year })}`),
    enabled: !!organisationId,
  });

export type ReportKind = "annual" | "progress" | "follow-up";
export type ReportParams = Record<string, string | number | undefined>;

export const reportUrl = (kind: ReportKind, params: ReportParams, format: string, lang?: string) =>
  `/api/reports/${kind}${queryString({ ...params, format, lang })}`;

export const reportQuery = (kind: ReportKind, params: ReportParams, lang: string, enabled: boolean) =>
  queryOptions({
    queryKey: ["follow-up", "report", kind, params, lang],
    queryFn: () => api.get<ReportDocument>(reportUrl(kind, params, "json", lang)),
    enabled,
  });

/** Choices for the pickers: frameworks, projects and organisations by name. */
export type Choice = { value: string; label: string };
export const choicesQuery = (what: "frameworks" | "projects" | "organisations") =>
  queryOptions({
    queryKey: ["follow-up", "choices", what],
    queryFn: async (): Promise<Choice[]> => {
      const path = what === "frameworks" ? "/api/frameworks" : `/api/${what}?limit=500`;
      const page = await api.get<Page<{ id: string; name: string }>>(path);
      return page.items.map((i) => ({ value: i.id, label: i.name }));
    },
    staleTime: 60_000,
  });

/** A project's goal matrix: its organisations × the goals, and who reached what. */
export const matrixQuery = (projectId: string) =>
  queryOptions({
    queryKey: ["follow-up", "organisation-matrix", projectId],
    queryFn: () => api.get<OrganisationMatrixView>(`/api/projects/${projectId}/organisation-matrix`),
  });

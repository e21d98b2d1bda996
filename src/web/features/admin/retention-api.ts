import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  RetentionDryRunView,
  RetentionRulesInput,
  RetentionRuleView,
  RetentionRunView,
} from "../../../common/retention.ts";
import { api } from "../../api.ts";

export const retentionRulesQuery = queryOptions({
  queryKey: ["retention", "rules"],
  queryFn: () => api.get<{ items: RetentionRuleView[] }>("/api/admin/retention/rules").then((r) => r.items),
});

export const retentionDryRunQuery = queryOptions({
  queryKey: ["retention", "dry-run"],
  queryFn: () => api.get<RetentionDryRunView>("/api/admin/retention/dry-run"),
});

export const retentionRunsQuery = queryOptions({
  queryKey: ["retention", "runs"],
  queryFn: () => api.get<{ items: RetentionRunView[] }>("/api/admin/retention/runs").then((r) => r.items),
});

export function useSaveRetentionRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RetentionRulesInput) =>
      api.put<{ items: RetentionRuleView[] }>("/api/admin/retention/rules", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["retention"] }),
  });
}

export function useRunRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RetentionRunView>("/api/admin/retention/run", {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["retention"] }),
  });
}

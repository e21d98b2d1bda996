import { keepPreviousData, queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { FrameworkView } from "../../../common/goals.ts";
import type {
  CreateIndicatorInput,
  IndicatorDefinition,
  IndicatorPreview,
  IndicatorView,
  UpdateIndicatorInput,
} from "../../../common/indicators.ts";
import { api } from "../../api.ts";
import { useRefreshFollowUp } from "./follow-up-api.ts";

/** Defining, changing and deleting indicators over /api/indicators (the follow-up pages' writes). */

export function useCreateIndicator() {
  const refresh = useRefreshFollowUp();
  return useMutation({
    mutationFn: (input: CreateIndicatorInput) => api.post<IndicatorView>("/api/indicators", input),
    onSuccess: refresh,
  });
}

export function useUpdateIndicator(id: string) {
  const refresh = useRefreshFollowUp();
  return useMutation({
    mutationFn: (input: UpdateIndicatorInput) => api.patch<IndicatorView>(`/api/indicators/${id}`, input),
    onSuccess: refresh,
  });
}

/** The goals of a framework (with sub-goals) as choices: an indicator of a framework belongs to one. */
export const frameworkGoalsQuery = (frameworkId: string) =>
  queryOptions({
    queryKey: ["follow-up", "framework-goals", frameworkId],
    queryFn: async () => {
      const framework = await api.get<FrameworkView>(`/api/frameworks/${frameworkId}`);
      return framework.goals
        .flatMap((g) => [g, ...g.subGoals])
        .map((g) => ({ value: g.id, label: `${g.code}. ${g.text}` }));
    },
    staleTime: 60_000,
  });

/** A value that follows `value` once it has stopped changing for `ms` (so typing does not query per key). */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The server's count and words for a definition being built (POST /api/indicators/preview), so the
 * form says exactly what the saved indicator will say. Null definition: nothing to preview.
 */
export function usePreview(definition: IndicatorDefinition | null) {
  const key = useSettled(definition ? JSON.stringify(definition) : null);
  return useQuery({
    queryKey: ["follow-up", "preview", key],
    queryFn: () => api.post<IndicatorPreview>("/api/indicators/preview", { definition: JSON.parse(key!) }),
    enabled: key !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

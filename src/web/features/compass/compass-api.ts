import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AssessmentInput,
  CompassActivity,
  CompassView,
  GoalsInput,
  HeatmapView,
  LearningOutcomeView,
  ModelView,
  OfferInput,
  OfferView,
  RecommendationView,
  TrendView,
  UnitListItem,
  UnitView,
  WorkPlanItem,
  WorkStepInput,
  WorkStepKey,
  WorkStepView,
} from "../../../common/compass.ts";
import { api, queryString } from "../../api.ts";
import { currentLanguage } from "../../i18n/index.ts";

/**
 * Data of ALA-kompassen's pages over /api/compass. Every query key starts with "compass" so a
 * change anywhere (goals, an offer taken) refreshes what the pages show. Labels come translated by
 * the server, so the UI language is part of the keys.
 */
const key = (...parts: unknown[]) => ["compass", currentLanguage(), ...parts];
const items = <T>(path: string) => api.get<{ items: T[] }>(path).then((r) => r.items);

export const yearsQuery = queryOptions({
  queryKey: key("years"),
  queryFn: () => api.get<{ current: number; latestWithData: number; years: number[] }>("/api/compass/years"),
  staleTime: 60_000,
});

export const modelQuery = queryOptions({
  queryKey: key("model"),
  queryFn: () => api.get<ModelView>("/api/compass/model"),
  staleTime: 60_000,
});

export const modelVersionsQuery = queryOptions({
  queryKey: key("model", "versions"),
  queryFn: () => items<ModelView>("/api/compass/model/versions"),
});

export const myProgrammesQuery = queryOptions({
  queryKey: key("my-programmes"),
  queryFn: () => items<{ id: string; code: string; name: string }>("/api/compass/my-programmes"),
});

const programmePath = (id: string, rest = "") => `/api/compass/programmes/${id}${rest}`;

export const compassQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: key("programme", id, year),
    queryFn: () => api.get<CompassView>(programmePath(id, queryString({ year }))),
  });

export const activitiesQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: key("programme", id, year, "activities"),
    queryFn: () => items<CompassActivity>(programmePath(id, `/activities${queryString({ year })}`)),
  });

export const recommendationsQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: key("programme", id, year, "recommendations"),
    queryFn: () => items<RecommendationView>(programmePath(id, `/recommendations${queryString({ year })}`)),
  });

export const workPlanQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: key("programme", id, year, "work-plan"),
    queryFn: () => items<WorkPlanItem>(programmePath(id, `/work-plan${queryString({ year })}`)),
  });

export const processQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: key("programme", id, year, "process"),
    queryFn: () =>
      api.get<{ year: number; steps: WorkStepView[] }>(programmePath(id, `/process${queryString({ year })}`)),
  });

export const outcomesQuery = (id: string) =>
  queryOptions({
    queryKey: key("programme", id, "outcomes"),
    queryFn: () => items<LearningOutcomeView>(programmePath(id, "/outcomes")),
  });

export const unitsQuery = queryOptions({
  queryKey: key("units"),
  queryFn: () => items<UnitListItem>("/api/compass/units"),
});

export const unitQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: key("unit", id, year),
    queryFn: () => api.get<UnitView>(`/api/compass/units/${id}${queryString({ year })}`),
  });

export const heatmapQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: key("unit", id, year, "heatmap"),
    queryFn: () => api.get<HeatmapView>(`/api/compass/units/${id}/heatmap${queryString({ year })}`),
  });

export const trendQuery = (id: string, from: number, to: number) =>
  queryOptions({
    queryKey: key("unit", id, "trend", from, to),
    queryFn: () => api.get<TrendView>(`/api/compass/units/${id}/trend${queryString({ from, to })}`),
  });

export const compareQuery = (ids: string[], year: number) =>
  queryOptions({
    queryKey: key("compare", ids.join(","), year),
    queryFn: () =>
      api.get<{ year: number; programmes: CompassView[] }>(
        `/api/compass/compare${queryString({ year, programmeIds: ids.join(",") })}`,
      ),
  });

export const offersQuery = (includeInactive = false) =>
  queryOptions({
    queryKey: key("offers", includeInactive),
    queryFn: () =>
      items<OfferView>(
        `/api/compass/offers${queryString({ includeInactive: includeInactive ? "true" : undefined })}`,
      ),
  });

/** Any compass change can move levels, gaps and recommendations: refresh every compass query. */
function useCompassMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["compass"] });
    },
  });
}

export const useSetGoals = (id: string, year: number) =>
  useCompassMutation((input: GoalsInput) =>
    api.put<CompassView>(programmePath(id, `/goals${queryString({ year })}`), input),
  );

export const useSetAssessment = (id: string, year: number) =>
  useCompassMutation(({ key: dim, ...input }: AssessmentInput & { key: string }) =>
    api.put<CompassView>(programmePath(id, `/assessments/${dim}${queryString({ year })}`), input),
  );

export const useRemoveAssessment = (id: string, year: number) =>
  useCompassMutation((dim: string) =>
    api.delete<void>(programmePath(id, `/assessments/${dim}${queryString({ year })}`)),
  );

export const useRecompute = (id: string, year: number) =>
  useCompassMutation(() => api.post<CompassView>(programmePath(id, `/recompute${queryString({ year })}`)));

export const useSetWorkStep = (id: string, year: number) =>
  useCompassMutation(({ step, ...input }: WorkStepInput & { step: WorkStepKey }) =>
    api.put(programmePath(id, `/process/${step}${queryString({ year })}`), input),
  );

export const useAddOutcome = (id: string) =>
  useCompassMutation((input: { text: string; dimensions: string[] }) =>
    api.post<LearningOutcomeView>(programmePath(id, "/outcomes"), input),
  );

export const useRemoveOutcome = (id: string) =>
  useCompassMutation((outcomeId: string) => api.delete<void>(programmePath(id, `/outcomes/${outcomeId}`)));

export const useTakeOffer = (id: string, year: number) =>
  useCompassMutation((offer: { offerId: string; dimensionKey: string }) =>
    api.post<WorkPlanItem>(programmePath(id, `/offers/${offer.offerId}/take${queryString({ year })}`), {
      dimensionKey: offer.dimensionKey,
    }),
  );

export const useSaveOffer = (offerId?: string) =>
  useCompassMutation((input: Partial<OfferInput>) =>
    offerId
      ? api.patch<OfferView>(`/api/compass/offers/${offerId}`, input)
      : api.post<OfferView>("/api/compass/offers", input),
  );

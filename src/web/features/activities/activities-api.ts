import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  ActivityTypeView,
  ActivityView,
  CreateActivityInput,
  UpdateActivityInput,
} from "../../../common/activities.ts";
import { api, type Page, queryString } from "../../api.ts";

/** Data of the activity pages over /api/activities and /api/activity-types. */
export type ActivityFilters = {
  q: string;
  typeKey: string;
  status: string;
  programmeId: string;
  courseId: string;
  from: string;
  to: string;
  sort: string;
};

export const noActivityFilters: ActivityFilters = {
  q: "",
  typeKey: "",
  status: "",
  programmeId: "",
  courseId: "",
  from: "",
  to: "",
  sort: "-startDate",
};

export const fetchActivities = (filters: Partial<ActivityFilters>, cursor?: string) =>
  api.get<Page<ActivityView>>(`/api/activities${queryString({ ...filters, cursor, limit: 50 })}`);

export const activityQuery = (id: string) =>
  queryOptions({
    queryKey: ["activities", id],
    queryFn: () => api.get<ActivityView>(`/api/activities/${id}`),
  });

export const activityTypesQuery = queryOptions({
  queryKey: ["activity-types"],
  queryFn: async () => (await api.get<{ items: ActivityTypeView[] }>("/api/activity-types")).items,
  staleTime: 5 * 60_000,
});

export function useSaveActivity(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateActivityInput | UpdateActivityInput) =>
      id
        ? api.patch<ActivityView>(`/api/activities/${id}`, input)
        : api.post<ActivityView>("/api/activities", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["activities"] }),
  });
}

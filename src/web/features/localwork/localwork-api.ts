import { queryOptions } from "@tanstack/react-query";
import type { LocalPlanDetailView, LocalPlanView } from "../../../common/localwork.ts";
import { api } from "../../api.ts";

/** Data of the local development pages: the plans the user may read, and one plan with its support. */
export const localPlansQuery = () =>
  queryOptions({
    queryKey: ["local-plans"],
    queryFn: async () => (await api.get<{ items: LocalPlanView[] }>("/api/local-plans")).items,
  });

export const localPlanQuery = (id: string) =>
  queryOptions({
    queryKey: ["local-plans", id],
    queryFn: () => api.get<LocalPlanDetailView>(`/api/local-plans/${id}`),
  });

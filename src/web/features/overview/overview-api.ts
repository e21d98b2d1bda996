import { queryOptions } from "@tanstack/react-query";
import type { OverviewView } from "../../../common/overview.ts";
import { api } from "../../api.ts";

/** GET /api/overview: what needs doing for the signed-in user, the sections of their roles only. */
export const overviewQuery = () =>
  queryOptions({
    queryKey: ["overview"],
    queryFn: () => api.get<OverviewView>("/api/overview"),
    staleTime: 30_000,
  });

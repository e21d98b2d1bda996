import { queryOptions } from "@tanstack/react-query";
import type { SearchResult } from "../../../common/search.ts";
import { api, queryString } from "../../api.ts";

/** GET /api/search: the best hits across the registers for `q`. */
export const searchQueryOptions = (q: string, limit = 60) =>
  queryOptions({
    queryKey: ["search", q, limit],
    queryFn: () => api.get<SearchResult>(`/api/search${queryString({ q, limit })}`),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreateNewsInput,
  NewsView,
  PageKey,
  PageView,
  PublicStartView,
  SectorGroupView,
  UpdateNewsInput,
} from "../../../common/site.ts";
import { ApiError, api, queryString } from "../../api.ts";

/** Data of the public face: the start page, news, page texts, sector groups, and the news editor. */

interface NewsPage {
  items: NewsView[];
  nextCursor: string | null;
}

export const publicStartQuery = () =>
  queryOptions({
    queryKey: ["site", "start"],
    queryFn: () => api.get<PublicStartView>("/api/public/start"),
    staleTime: 60_000,
  });

export const publicNewsQuery = (cursor?: string) =>
  queryOptions({
    queryKey: ["site", "news", cursor ?? ""],
    queryFn: () => api.get<NewsPage>(`/api/public/news${queryString({ limit: 10, cursor })}`),
  });

export const publicNewsItemQuery = (id: string) =>
  queryOptions({
    queryKey: ["site", "news-item", id],
    queryFn: () => api.get<NewsView>(`/api/public/news/${id}`),
  });

export const editorNewsQuery = () =>
  queryOptions({
    queryKey: ["site", "editor"],
    queryFn: () => api.get<NewsPage>("/api/news?limit=100"),
  });

export const editorNewsItemQuery = (id: string) =>
  queryOptions({
    queryKey: ["site", "editor", id],
    queryFn: () => api.get<NewsView>(`/api/news/${id}`),
  });

export const pageQuery = (key: PageKey) =>
  queryOptions({
    queryKey: ["site", "page", key],
    queryFn: () => api.get<PageView>(`/api/public/pages/${key}`),
  });

/** The page text as its editor loads it (with its ETag, so saving over another's change answers 412). */
export const editablePageQuery = (key: PageKey) =>
  queryOptions({
    queryKey: ["site", "page-edit", key],
    queryFn: () => api.get<PageView>(`/api/pages/${key}`),
  });

export const sectorGroupsQuery = () =>
  queryOptions({
    queryKey: ["site", "sector-groups"],
    queryFn: async () => (await api.get<{ items: SectorGroupView[] }>("/api/public/sector-groups")).items,
  });

function useInvalidateSite() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["site"] });
}

export function useSaveNews(id: string | null) {
  const invalidate = useInvalidateSite();
  return useMutation({
    mutationFn: (input: CreateNewsInput | UpdateNewsInput) =>
      id ? api.patch<NewsView>(`/api/news/${id}`, input) : api.post<NewsView>("/api/news", input),
    onSuccess: invalidate,
  });
}

export function useDeleteNews() {
  const invalidate = useInvalidateSite();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/news/${id}`),
    onSuccess: invalidate,
  });
}

export function useSavePage(key: PageKey) {
  const invalidate = useInvalidateSite();
  return useMutation({
    mutationFn: (input: { title: string; body: string }) => api.put<PageView>(`/api/pages/${key}`, input),
    onSuccess: invalidate,
  });
}

/** The image upload is multipart (the JSON `api` helper sends no files), with the CSRF token. */
export function useUploadNewsImage(id: string, csrfToken: string) {
  const invalidate = useInvalidateSite();
  return useMutation({
    mutationFn: async ({ file, alt }: { file: File | null; alt: string }) => {
      const body = new FormData();
      body.append("alt", alt);
      if (file) body.append("file", file);
      const res = await fetch(`/api/news/${id}/image`, {
        method: "PUT",
        body,
        headers: { "x-csrf-token": csrfToken, accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await res.json().catch(() => undefined);
      if (!res.ok) throw new ApiError(data);
      return data as NewsView;
    },
    onSuccess: invalidate,
  });
}

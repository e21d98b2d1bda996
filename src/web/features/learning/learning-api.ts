import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  DocumentView,
  LearningFeedbackView,
  LinkView,
  PostView,
  SpaceView,
  ThreadView,
} from "../../../common/learning.ts";
import { api, requestHeaders } from "../../api.ts";

/** Data of the learning spaces: TanStack Query options and mutations over /api/learning. */
const base = (spaceId: string) => `/api/learning/spaces/${spaceId}`;

export const spacesQuery = queryOptions({
  queryKey: ["learning"],
  queryFn: async () => (await api.get<{ items: SpaceView[] }>("/api/learning/spaces")).items,
});

export const spaceQuery = (id: string) =>
  queryOptions({ queryKey: ["learning", id], queryFn: () => api.get<SpaceView>(base(id)) });

type Parts = {
  documents: DocumentView;
  links: LinkView;
  threads: ThreadView;
  feedback: LearningFeedbackView;
};

/** One of a space's lists (documents, links, threads, feedback). */
export const spaceListQuery = <P extends keyof Parts>(spaceId: string, part: P) =>
  queryOptions({
    queryKey: ["learning", spaceId, part],
    queryFn: async () => (await api.get<{ items: Parts[P][] }>(`${base(spaceId)}/${part}`)).items,
  });

export const threadQuery = (spaceId: string, threadId: string) =>
  queryOptions({
    queryKey: ["learning", spaceId, "thread", threadId],
    queryFn: () => api.get<{ posts: PostView[] }>(`${base(spaceId)}/threads/${threadId}`),
  });

/** A POST into a space (`path` under it), refreshing `refresh` under the space's key (all of it if empty). */
function useSpacePost(spaceId: string, path: string, refresh: string[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post(`${base(spaceId)}/${path}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["learning", spaceId, ...refresh] }),
  });
}

export function useUploadDocument(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ title, file }: { title: string; file: File | null }) => {
      const body = new FormData();
      body.append("title", title);
      if (file) body.append("file", file);
      return api.upload(`${base(spaceId)}/documents`, body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["learning", spaceId, "documents"] }),
  });
}

export const useAddLink = (spaceId: string) => useSpacePost(spaceId, "links", ["links"]);
export const useStartThread = (spaceId: string) => useSpacePost(spaceId, "threads", ["threads"]);
export const useReply = (spaceId: string, threadId: string) =>
  useSpacePost(spaceId, `threads/${threadId}/posts`, []);
export const useGiveFeedback = (spaceId: string) => useSpacePost(spaceId, "feedback", ["feedback"]);

/**
 * Uploads a recording with XMLHttpRequest (only it reports upload progress), with the same headers
 * as every other write. Resolves with the HTTP status and the answer's text.
 */
export function uploadRecording(
  spaceId: string,
  form: FormData,
  onProgress: (percent: number) => void,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${base(spaceId)}/recordings`);
    for (const [name, value] of Object.entries(requestHeaders("POST"))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total));
    };
    xhr.onerror = () => reject(new Error("upload failed"));
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.send(form);
  });
}

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AgreementSummaryView,
  AgreementView,
  AppendixInput,
  DialogueCommentInput,
  DialogueInput,
  NeedInput,
  PlanView,
  SharedCourseView,
} from "../../../common/agreements.ts";
import type { CreateSpendInput } from "../../../common/finance.ts";
import type { CourseView } from "../../../common/programmes.ts";
import { ApiError, api } from "../../api.ts";
import { useMe } from "../../auth.ts";

/** Data of the agreement pages: TanStack Query options and mutations over /api/agreements. */

export const agreementsQuery = queryOptions({
  queryKey: ["agreements", "list"],
  queryFn: () =>
    api.get<{ items: AgreementSummaryView[]; nextCursor: string | null }>("/api/agreements?limit=500"),
});

export const agreementQuery = (id: string) =>
  queryOptions({
    queryKey: ["agreements", id],
    queryFn: () => api.get<AgreementView>(`/api/agreements/${id}`),
  });

export const sharedCoursesQuery = queryOptions({
  queryKey: ["agreements", "shared-courses"],
  queryFn: () => api.get<{ items: SharedCourseView[] }>("/api/agreements/shared-courses"),
});

export const contractCoursesQuery = queryOptions({
  queryKey: ["courses", "agreement-options"],
  queryFn: async () =>
    (await api.get<{ items: CourseView[] }>("/api/courses?limit=500")).items.map((c) => ({
      value: c.id,
      label: `${c.nameSv} (${c.code})`,
    })),
});

/** A write that answers with the agreement: the page shows the answer at once. */
function useAgreementWrite<I>(id: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: I) => api.post<AgreementView>(`/api/agreements/${id}/${path}`, data),
    onSuccess: (agreement) => {
      client.setQueryData(agreementQuery(id).queryKey, agreement);
      void client.invalidateQueries({ queryKey: ["agreements", "shared-courses"] });
    },
  });
}

export const useAddNeed = (id: string) => useAgreementWrite<NeedInput>(id, "needs");
export const useAddComment = (id: string, dialogueId: string) =>
  useAgreementWrite<DialogueCommentInput>(id, `dialogues/${dialogueId}/comments`);

/** Removes one need, appendix row or dialogue, then reloads the agreement (a 409 is the caller's to show). */
export function useRemoveItem(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => api.delete(`/api/agreements/${id}/${path}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["agreements"] }),
  });
}

/** Uploads the competence-supply plan as multipart/form-data (the JSON helper cannot send a file). */
export function useUploadPlan(id: string) {
  const client = useQueryClient();
  const me = useMe();
  return useMutation({
    mutationFn: async (file: File | null) => {
      const body = new FormData();
      if (file) body.append("file", file);
      const res = await fetch(`/api/agreements/${id}/plans`, {
        method: "POST",
        body,
        headers: { "x-csrf-token": me?.csrfToken ?? "", accept: "application/json" },
        credentials: "same-origin",
      });
      if (!res.ok) throw new ApiError(await res.json());
      return (await res.json()) as PlanView;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: agreementQuery(id).queryKey }),
  });
}
export const useAddAppendixRow = (id: string) => useAgreementWrite<AppendixInput>(id, "appendix");
export const useAddDialogue = (id: string) => useAgreementWrite<DialogueInput>(id, "dialogues");

/** Books spend on the agreement through /api/spend, then refreshes the agreement's budget. */
export function useBookSpend(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateSpendInput) => api.post("/api/spend", data),
    onSuccess: () => client.invalidateQueries({ queryKey: agreementQuery(id).queryKey }),
  });
}

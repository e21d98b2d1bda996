import { queryOptions, useMutation } from "@tanstack/react-query";
import type {
  CreatePersonData,
  PersonDetailView,
  PersonImpactView,
  PersonView,
  UpdatePersonData,
} from "../../../common/people.ts";
import type { ErasureImpact } from "../../../common/privacy.ts";
import { api, type Option, type Page, queryString } from "../../api.ts";
import { useInvalidateRegisters } from "../organisations/index.ts";

/** Data of the people pages: TanStack Query options and mutations over /api/people. */
export type PersonFilters = { q: string; organisationId: string; sort: string };

export const fetchPeople = (filters: Partial<PersonFilters>, cursor?: string, limit = 50) =>
  api.get<Page<PersonView>>(`/api/people${queryString({ ...filters, cursor, limit })}`);

export const personQuery = (id: string) =>
  queryOptions({ queryKey: ["people", id], queryFn: () => api.get<PersonDetailView>(`/api/people/${id}`) });

export const personImpactQuery = (id: string) =>
  queryOptions({
    queryKey: ["people", id, "impact"],
    queryFn: () => api.get<PersonImpactView>(`/api/people/${id}/impact`),
  });

export const peopleChoicesQuery = queryOptions({
  queryKey: ["people", "choices"],
  queryFn: async (): Promise<Option[]> =>
    (await fetchPeople({}, undefined, 500)).items.map((p) => ({ id: p.id, label: p.name })),
});

/** User accounts to link a person to; only administrators may list accounts. */
export const userChoicesQuery = queryOptions({
  queryKey: ["admin", "users", "choices"],
  queryFn: async (): Promise<Option[]> =>
    (await api.get<Page<{ id: string; name: string; email: string }>>("/api/admin/users")).items.map((u) => ({
      id: u.id,
      label: `${u.name} <${u.email}>`,
    })),
});

export function useSavePerson(id?: string) {
  const invalidate = useInvalidateRegisters();
  return useMutation({
    mutationFn: (input: CreatePersonData | UpdatePersonData) =>
      id ? api.patch<PersonView>(`/api/people/${id}`, input) : api.post<PersonView>("/api/people", input),
    onSuccess: () => invalidate(),
  });
}

export function useDeletePerson() {
  const invalidate = useInvalidateRegisters();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/people/${id}`),
    onSuccess: (_data, id) => invalidate(id),
  });
}

export function useMergePerson(id: string) {
  const invalidate = useInvalidateRegisters();
  return useMutation({
    mutationFn: (intoId: string) => api.post<PersonView>(`/api/people/${id}/merge`, { intoId }),
    onSuccess: () => invalidate(id),
  });
}

/** What erasing the person would remove or anonymise, module by module (asked when the dialog opens). */
export const erasureImpactQuery = (personId: string) => ({
  queryKey: ["personal-data", personId, "impact"],
  queryFn: () => api.get<ErasureImpact>(`/api/personal-data/erasure/impact?personId=${personId}`),
});

/** Erases the person (the privacy module's erasure, with its audit). */
export const erasePerson = (personId: string) => api.post("/api/personal-data/erasure", { personId });

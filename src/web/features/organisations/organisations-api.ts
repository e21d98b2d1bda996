import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreateOrganisationData,
  OrganisationDetailView,
  OrganisationImpactView,
  OrganisationView,
  UpdateOrganisationData,
} from "../../../common/organisations.ts";
import { api, type Option, type Page, queryString } from "../../api.ts";

/** Data of the organisation pages: TanStack Query options and mutations over /api/organisations. */
export type OrganisationFilters = { q: string; type: string; county: string; tag: string; sort: string };

export const fetchOrganisations = (filters: Partial<OrganisationFilters>, cursor?: string, limit = 50) =>
  api.get<Page<OrganisationView>>(`/api/organisations${queryString({ ...filters, cursor, limit })}`);

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: ["organisations", id],
    queryFn: () => api.get<OrganisationDetailView>(`/api/organisations/${id}`),
  });

/** Every organisation as a choice (parent, membership, merge target); the registers hold hundreds, not more. */
export const organisationChoicesQuery = queryOptions({
  queryKey: ["organisations", "choices"],
  queryFn: async (): Promise<Option[]> =>
    (await fetchOrganisations({}, undefined, 500)).items.map((o) => ({ id: o.id, label: o.name })),
});

export const organisationImpactQuery = (id: string) =>
  queryOptions({
    queryKey: ["organisations", id, "impact"],
    queryFn: () => api.get<OrganisationImpactView>(`/api/organisations/${id}/impact`),
  });

const registerKeys = new Set(["organisations", "people", "programmes", "courses", "activities"]);

/**
 * Organisations and people change what many pages show (programmes, activities): refresh them all,
 * except the record just deleted or merged away, whose page is about to be left (a refetch would 404).
 */
export function useInvalidateRegisters() {
  const queryClient = useQueryClient();
  return (goneId?: string) =>
    queryClient.invalidateQueries({
      predicate: (q) => registerKeys.has(String(q.queryKey[0])) && (!goneId || q.queryKey[1] !== goneId),
    });
}

export function useSaveOrganisation(id?: string) {
  const invalidate = useInvalidateRegisters();
  return useMutation({
    mutationFn: (input: CreateOrganisationData | UpdateOrganisationData) =>
      id
        ? api.patch<OrganisationView>(`/api/organisations/${id}`, input)
        : api.post<OrganisationView>("/api/organisations", input),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteOrganisation() {
  const invalidate = useInvalidateRegisters();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/organisations/${id}`),
    onSuccess: (_data, id) => invalidate(id),
  });
}

export function useMergeOrganisation(id: string) {
  const invalidate = useInvalidateRegisters();
  return useMutation({
    mutationFn: (intoId: string) => api.post<OrganisationView>(`/api/organisations/${id}/merge`, { intoId }),
    onSuccess: () => invalidate(id),
  });
}

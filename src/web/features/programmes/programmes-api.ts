import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CourseView,
  CreateCourseInput,
  CreateProgrammeInput,
  ProgrammeView,
  UpdateCourseInput,
  UpdateProgrammeInput,
} from "../../../common/programmes.ts";
import { api, type Option, type Page, queryString } from "../../api.ts";

/** Data of the programme and course pages: TanStack Query options and mutations over the JSON API. */
export type ProgrammeFilters = { q: string; level: string; organisationId: string };
export type CourseFilters = { q: string; programmeId: string; contract: string };

export const fetchProgrammes = (filters: Partial<ProgrammeFilters>, cursor?: string, limit = 50) =>
  api.get<Page<ProgrammeView>>(`/api/programmes${queryString({ ...filters, cursor, limit })}`);

export const fetchCourses = (filters: Partial<CourseFilters>, cursor?: string, limit = 50) =>
  api.get<Page<CourseView>>(`/api/courses${queryString({ ...filters, cursor, limit })}`);

export const programmeQuery = (id: string) =>
  queryOptions({
    queryKey: ["programmes", id],
    queryFn: () => api.get<ProgrammeView>(`/api/programmes/${id}`),
  });

export const courseQuery = (id: string) =>
  queryOptions({ queryKey: ["courses", id], queryFn: () => api.get<CourseView>(`/api/courses/${id}`) });

/** Choices for the forms' selects and pick lists (at most 500 of each: the demo has far fewer). */
export const programmeOptionsQuery = queryOptions({
  queryKey: ["programmes", "options"],
  queryFn: async (): Promise<Option[]> =>
    (await fetchProgrammes({}, undefined, 500)).items.map((p) => ({
      id: p.id,
      label: `${p.nameSv} (${p.code})`,
    })),
});

export const courseOptionsQuery = queryOptions({
  queryKey: ["courses", "options"],
  queryFn: async (): Promise<Option[]> =>
    (await fetchCourses({}, undefined, 500)).items.map((c) => ({
      id: c.id,
      label: `${c.nameSv} (${c.code})`,
    })),
});

export const organisationOptionsQuery = queryOptions({
  queryKey: ["organisations", "options"],
  queryFn: async (): Promise<Option[]> =>
    (await api.get<Page<{ id: string; name: string }>>("/api/organisations?limit=500")).items.map((o) => ({
      id: o.id,
      label: o.name,
    })),
});

export const peopleOptionsQuery = queryOptions({
  queryKey: ["people", "options"],
  queryFn: async (): Promise<Option[]> =>
    (await api.get<Page<{ id: string; name: string }>>("/api/people?limit=500")).items.map((p) => ({
      id: p.id,
      label: p.name,
    })),
});

function useInvalidateRegisters() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["programmes"] }),
      queryClient.invalidateQueries({ queryKey: ["courses"] }),
      queryClient.invalidateQueries({ queryKey: ["activities"] }),
    ]);
}

export function useSaveProgramme(id?: string) {
  const invalidate = useInvalidateRegisters();
  return useMutation({
    mutationFn: (input: CreateProgrammeInput | UpdateProgrammeInput) =>
      id
        ? api.patch<ProgrammeView>(`/api/programmes/${id}`, input)
        : api.post<ProgrammeView>("/api/programmes", input),
    onSuccess: invalidate,
  });
}

export function useSaveCourse(id?: string) {
  const invalidate = useInvalidateRegisters();
  return useMutation({
    mutationFn: (input: CreateCourseInput | UpdateCourseInput) =>
      id ? api.patch<CourseView>(`/api/courses/${id}`, input) : api.post<CourseView>("/api/courses", input),
    onSuccess: invalidate,
  });
}

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { InviteInput, UserView } from "../../../common/accounts.ts";
import type { AuditEntryWithChanges } from "../../../common/audit.ts";
import type { RoleAssignment } from "../../../common/roles.ts";
import { api, queryString } from "../../api.ts";

export const usersQuery = queryOptions({
  queryKey: ["admin", "users"],
  queryFn: () => api.get<{ items: UserView[] }>("/api/admin/users").then((r) => r.items),
});

export type Invitation = { id: string; email: string; url: string; expiresAt: string };

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteInput) => api.post<Invitation>("/api/admin/invitations", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export function useSetRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: RoleAssignment[] }) =>
      api.put<UserView>(`/api/admin/users/${id}/roles`, { roles }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export function useSetActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.patch<UserView>(`/api/admin/users/${id}`, { active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export type AuditFilters = { entityType: string; action: string; actorId: string; from: string; to: string };
export type AuditPage = { items: AuditEntryWithChanges[]; nextCursor: string | null };

export function fetchAuditPage(filters: AuditFilters, cursor: string | undefined) {
  return api.get<AuditPage>(`/api/admin/audit${queryString({ ...filters, cursor, limit: 25 })}`);
}

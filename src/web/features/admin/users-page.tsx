import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserView } from "../../../common/accounts.ts";
import {
  Alert,
  type Column,
  ConfirmDialog,
  DataTable,
  EmptyState,
  PageHeader,
  QueryState,
  RoleList,
} from "../../components/index.ts";
import { usersQuery, useSetActive } from "./admin-api.ts";
import { AdminNav } from "./admin-nav.tsx";
import { EditRolesDialog } from "./edit-roles-dialog.tsx";
import { InviteForm } from "./invite-form.tsx";

/** Administration: invite users, see everyone with their roles, change roles, (de)activate. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery(usersQuery);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t("admin.title")} />
      <AdminNav />
      <InviteForm />
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t("admin.users")}</h2>
        {message && <Alert tone="success">{message}</Alert>}
        <QueryState query={users}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState message={t("admin.noUsers")} />
            ) : (
              <UsersTable users={items} onMessage={setMessage} />
            )
          }
        </QueryState>
      </section>
    </>
  );
}

function UsersTable({ users, onMessage }: { users: UserView[]; onMessage: (m: string) => void }) {
  const { t } = useTranslation();
  const setActive = useSetActive();
  const columns: Column<UserView>[] = [
    {
      key: "name",
      header: t("admin.name"),
      cell: (u) => u.name,
      sortValue: (u) => u.name,
      isRowHeader: true,
    },
    { key: "email", header: t("admin.email"), cell: (u) => u.email, sortValue: (u) => u.email },
    { key: "roles", header: t("admin.roles"), cell: (u) => <RoleList roles={u.roles} /> },
    {
      key: "active",
      header: t("admin.active"),
      cell: (u) => (u.active ? t("common.yes") : t("common.no")),
      sortValue: (u) => (u.active ? 0 : 1),
    },
    {
      key: "actions",
      header: t("common.actions"),
      cell: (u) => (
        <div className="button-row">
          <EditRolesDialog user={u} onSaved={onMessage} />
          <ConfirmDialog
            triggerLabel={u.active ? t("admin.deactivate") : t("admin.activate")}
            triggerAriaLabel={t(u.active ? "admin.deactivateUser" : "admin.activateUser", { name: u.name })}
            title={t(u.active ? "admin.deactivateUser" : "admin.activateUser", { name: u.name })}
            message={u.active ? t("admin.deactivateMessage") : t("admin.activateMessage")}
            variant={u.active ? "danger" : "primary"}
            onConfirm={async () => {
              await setActive.mutateAsync({ id: u.id, active: !u.active });
              onMessage(
                u.active ? t("admin.deactivated", { name: u.name }) : t("admin.activated", { name: u.name }),
              );
            }}
          />
        </div>
      ),
    },
  ];
  return (
    <DataTable
      caption={t("admin.usersCaption", { count: users.length })}
      columns={columns}
      rows={users}
      rowKey={(u) => u.id}
      initialSort={{ key: "name", direction: "ascending" }}
    />
  );
}

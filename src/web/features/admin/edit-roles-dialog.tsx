import { useState } from "react";
import { useTranslation } from "react-i18next";
import { setRolesInput, type UserView } from "../../../common/accounts.ts";
import { Button, Dialog, FormErrorSummary, FormProblem } from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { useSetRoles } from "./admin-api.ts";
import { type RoleRow, RoleRows, roleErrorLabels, toAssignments, toRoleRows } from "./role-rows.tsx";

/** "Redigera roller" for one user: a dialog with the role rows; closes and reports after saving. */
export function EditRolesDialog({ user, onSaved }: { user: UserView; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        aria-label={t("admin.editRolesFor", { name: user.name })}
        onPress={() => setOpen(true)}
      >
        {t("admin.editRoles")}
      </Button>
      <Dialog title={t("admin.editRolesFor", { name: user.name })} isOpen={isOpen} onOpenChange={setOpen}>
        {isOpen && (
          <RolesForm
            user={user}
            onCancel={() => setOpen(false)}
            onSaved={() => {
              setOpen(false);
              onSaved(t("admin.rolesSaved"));
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function RolesForm({
  user,
  onCancel,
  onSaved,
}: {
  user: UserView;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const setRoles = useSetRoles();
  const form = useForm(setRolesInput, { roles: toRoleRows(user.roles) as RoleRow[] }, (v) => ({
    roles: toAssignments(v.roles),
  }));
  const submit = form.onSubmit(async (data) => {
    await setRoles.mutateAsync({ id: user.id, roles: data.roles });
    onSaved();
  });
  return (
    <form onSubmit={submit} noValidate className="form">
      <FormProblem form={form} />
      <FormErrorSummary errors={form.errors} labels={roleErrorLabels(form.errors, t)} prefix={form.prefix} />
      <RoleRows
        rows={form.values.roles}
        onChange={(rows) => form.setValue("roles", rows)}
        errors={form.errors}
        prefix={form.prefix}
      />
      <div className="button-row">
        <Button type="submit" isPending={form.submitting}>
          {t("admin.saveRoles")}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

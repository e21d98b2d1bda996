import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "./alert.tsx";
import { Button } from "./button.tsx";

/**
 * The form's problem that belongs to no field. On a 412 (someone else saved the record since this tab
 * loaded it) it says who, when and what (the server's detail), that what the user typed is kept, and
 * offers to fetch the latest version: the record is read again (its new ETag with it) while the form
 * keeps the user's text, so saving again is a deliberate overwrite.
 */
export function FormProblem({ form }: { form: { formError: string | null; conflict: boolean } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  useEffect(() => {
    if (!form.conflict) setReloaded(false);
  }, [form.conflict]);
  if (reloaded && form.conflict) return <Alert tone="info">{t("editConflict.reloaded")}</Alert>;
  if (!form.formError) return null;
  if (!form.conflict) return <Alert tone="error">{form.formError}</Alert>;
  const reload = async () => {
    setReloading(true);
    await queryClient.invalidateQueries();
    setReloading(false);
    setReloaded(true);
  };
  return (
    <Alert tone="error">
      <p>{form.formError}</p>
      <p>{t("editConflict.kept")}</p>
      <Button variant="secondary" isPending={reloading} onPress={reload}>
        {t("editConflict.reload")}
      </Button>
    </Alert>
  );
}

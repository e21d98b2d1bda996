import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api.ts";
import { Alert, Button, Dialog, Spinner } from "../../components/index.ts";
import { fetchImpact, useDeleteRecord } from "./programmes-api.ts";

/**
 * "Ta bort" that first tells what else the deletion affects (GET …/impact, translated by the server)
 * and deletes only after confirmation. Used by programmes, courses and activities.
 */
export function DeleteWithImpact({
  path,
  triggerLabel,
  title,
  nothingElse,
  onDeleted,
}: {
  /** e.g. `/api/programmes/<id>` */
  path: string;
  triggerLabel: string;
  title: string;
  nothingElse: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const impact = useQuery({ queryKey: ["impact", path], queryFn: () => fetchImpact(path), enabled: isOpen });
  const remove = useDeleteRecord();

  const confirm = async () => {
    setError(null);
    try {
      await remove.mutateAsync(path);
      setOpen(false);
      onDeleted();
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : t("errors.internal"));
    }
  };

  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {triggerLabel}
      </Button>
      <Dialog title={title} isOpen={isOpen} onOpenChange={setOpen} role="alertdialog">
        {impact.isPending ? (
          <Spinner />
        ) : impact.isError ? (
          <Alert tone="error">
            {impact.error instanceof ApiError ? impact.error.problem.detail : t("errors.internal")}
          </Alert>
        ) : impact.data.effects.length === 0 ? (
          <p>{nothingElse}</p>
        ) : (
          <ul>
            {impact.data.effects.map((e) => (
              <li key={e.kind}>{e.text}</li>
            ))}
          </ul>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="button-row">
          <Button variant="danger" onPress={confirm} isPending={remove.isPending}>
            {t("common.delete")}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

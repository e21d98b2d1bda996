import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganisationImpactView } from "../../../common/organisations.ts";
import { ApiError } from "../../api.ts";
import { Alert, Button, Dialog, Spinner } from "../../components/index.ts";
import { organisationImpactQuery, useDeleteOrganisation } from "./organisations-api.ts";

/** What deleting would affect, as sentences; an empty list means nothing else is linked. */
export function impactSentences(impact: OrganisationImpactView, t: TFunction) {
  const lines: string[] = [];
  if (impact.children) lines.push(t("organisations.impact.children", { count: impact.children }));
  if (impact.memberships)
    lines.push(t("organisations.impact.memberships", { count: impact.memberships, people: impact.people }));
  for (const key of ["programmes", "courses", "activities"] as const)
    if (impact[key]) lines.push(t(`organisations.impact.${key}`, { count: impact[key] }));
  return lines;
}

/** "Ta bort" that first lists what the deletion affects (GET …/impact) and deletes only after confirmation. */
export function DeleteOrganisation({
  organisation,
  onDeleted,
}: {
  organisation: { id: string; name: string };
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const impact = useQuery({ ...organisationImpactQuery(organisation.id), enabled: isOpen });
  const remove = useDeleteOrganisation();

  const confirm = async () => {
    setError(null);
    try {
      await remove.mutateAsync(organisation.id);
      setOpen(false);
      onDeleted();
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : t("errors.internal"));
    }
  };

  const lines = impact.data ? impactSentences(impact.data, t) : [];
  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t("common.delete")}
      </Button>
      <Dialog
        title={t("organisations.deleteTitle", { name: organisation.name })}
        isOpen={isOpen}
        onOpenChange={setOpen}
        role="alertdialog"
      >
        {impact.isPending ? (
          <Spinner />
        ) : impact.isError ? (
          <Alert tone="error">
            {impact.error instanceof ApiError ? impact.error.problem.detail : t("errors.internal")}
          </Alert>
        ) : lines.length === 0 ? (
          <p>{t("organisations.impact.nothing")}</p>
        ) : (
          <>
            <p>{t("organisations.deleteIntro")}</p>
            <ul>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
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

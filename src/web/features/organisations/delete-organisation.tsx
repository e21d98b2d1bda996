import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { OrganisationImpactView } from "../../../common/organisations.ts";
import { DeleteWithImpact } from "../../components/index.ts";
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
  const remove = useDeleteOrganisation();
  return (
    <DeleteWithImpact
      impact={organisationImpactQuery(organisation.id)}
      sentences={(impact) => impactSentences(impact, t)}
      remove={() => remove.mutateAsync(organisation.id)}
      title={t("organisations.deleteTitle", { name: organisation.name })}
      intro={t("organisations.deleteIntro")}
      nothingElse={t("organisations.impact.nothing")}
      onDeleted={onDeleted}
    />
  );
}

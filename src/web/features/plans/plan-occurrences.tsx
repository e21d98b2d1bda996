import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanItemView } from "../../../common/plans.ts";
import { Alert, Button, type Column, DataTable } from "../../components/index.ts";
import { useMarkOccurrenceDone } from "./plans-api.ts";

/** A recurring item's occurrences, which are done (by whom, when), and a button to mark one done. */
export function PlanItemOccurrences({
  planId,
  item,
  canManage,
}: {
  planId: string;
  item: PlanItemView;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const mark = useMarkOccurrenceDone(planId, item.id);
  const [marked, setMarked] = useState<string | null>(null);
  const done = item.occurrences.filter((o) => o.doneAt).length;
  const columns: Column<PlanItemView["occurrences"][number]>[] = [
    {
      key: "dueDate",
      header: t("plans.dueDate"),
      isRowHeader: true,
      className: "nowrap",
      cell: (o) => o.dueDate,
    },
    {
      key: "doneBy",
      header: t("plans.doneBy"),
      cell: (o) => (
        <>
          {o.doneAt
            ? t("plans.doneByLine", { name: o.doneByName ?? "–", date: o.doneAt.slice(0, 10) })
            : t("plans.notDone")}
          {o.note && <span className="muted"> · {o.note}</span>}
        </>
      ),
    },
  ];
  if (canManage)
    columns.push({
      key: "markDone",
      header: t("plans.markDoneShort"),
      headerHidden: true,
      cell: (o) =>
        !o.doneAt && (
          <Button
            variant="secondary"
            aria-label={t("plans.markDone", { date: o.dueDate })}
            isPending={mark.isPending && mark.variables === o.id}
            onPress={async () => {
              setMarked(null);
              await mark.mutateAsync(o.id);
              setMarked(o.dueDate);
            }}
          >
            {t("plans.markDoneShort")}
          </Button>
        ),
    });
  return (
    <section aria-labelledby="occurrences-heading">
      <h2 id="occurrences-heading">{t("plans.occurrences")}</h2>
      {item.recurrenceFrequency && (
        <p>
          {t("plans.occurrencesIntro", {
            frequency: t(`plans.frequencies.${item.recurrenceFrequency}`),
            start: item.recurrenceStart,
            end: item.recurrenceEnd,
          })}
          {item.recurrence && <span className="muted"> ({item.recurrence})</span>}
        </p>
      )}
      <p>{t("plans.occurrencesDone", { done, total: item.occurrences.length })}</p>
      <div aria-live="polite">
        {marked && <Alert tone="success">{t("plans.occurrenceMarked", { date: marked })}</Alert>}
      </div>
      {mark.error && <Alert tone="error">{mark.error.message}</Alert>}
      <DataTable
        caption={t("plans.occurrences")}
        captionHidden
        columns={columns}
        rows={item.occurrences}
        rowKey={(o) => o.id}
      />
    </section>
  );
}

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button.tsx";
import { PageHeader } from "./page-header.tsx";
import { QueryState } from "./query-state.tsx";
import { RegistersNav } from "./registers-nav.tsx";

/**
 * A record's new/edit page (…/ny, …/$id/redigera): the heading, the registers' tabs (for the registers),
 * and the form — empty for a new record, else with the record once it has loaded.
 */
export function RecordFormPage<T>({
  title,
  record,
  nav = true,
  children,
}: {
  title: string;
  /** The record's query when editing; none for a new record. */
  record?: UseQueryResult<T>;
  nav?: boolean;
  children: (record?: T) => ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} />
      {nav && <RegistersNav />}
      {record ? <QueryState query={record}>{(r) => children(r)}</QueryState> : children()}
    </>
  );
}

/** "Spara" and "Avbryt" (back to where the person came from) at the end of a record's form. */
export function SaveCancel({ isPending }: { isPending: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button type="submit" isPending={isPending}>
        {t("common.save")}
      </Button>
      <Button variant="secondary" onPress={() => window.history.back()}>
        {t("common.cancel")}
      </Button>
    </div>
  );
}

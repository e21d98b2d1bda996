import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditQuery } from "../../../common/accounts.ts";
import { type AuditEntryWithChanges, actionChoices, entityTypeChoices } from "../../../common/audit.ts";
import { compareText, formatDateTime } from "../../../common/format.ts";
import {
  Button,
  type Column,
  DataTable,
  EmptyState,
  FormErrorSummary,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { useForm } from "../../lib/forms.ts";
import { type AuditFilters, fetchAuditPage, usersQuery } from "./admin-api.ts";
import { AdminNav } from "./admin-nav.tsx";
import { AuditChange } from "./audit-change.tsx";

const noFilters: AuditFilters = { entityType: "", action: "", actorId: "", from: "", to: "" };
const actions = actionChoices();
const entityTypes = entityTypeChoices();

/**
 * The audit log, newest first, in Swedish sentences (issue 15): filter by kind of record, kind of
 * change and person — each chosen by its name — and by dates; "Visa fler" pages on.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(noFilters);
  const form = useForm(auditQuery, noFilters, (v) =>
    Object.fromEntries(Object.entries(v).filter(([, value]) => value !== "")),
  );
  const labels = {
    entityType: t("admin.entityType"),
    action: t("admin.auditAction"),
    actorId: t("admin.auditActor"),
    from: t("admin.from"),
    to: t("admin.to"),
  };
  const audit = useInfiniteQuery({
    queryKey: ["admin", "audit", filters],
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const submit = form.onSubmit(async () => setFilters(form.values));
  const users = useQuery(usersQuery);
  const people = [...(users.data ?? [])].sort((a, b) => compareText(a.name, b.name, currentLanguage()));
  const any = { value: "", label: t("admin.auditAny") };

  return (
    <>
      <PageHeader title={t("admin.audit")} />
      <AdminNav />
      <form onSubmit={submit} noValidate className="form filters" aria-label={t("common.filter")}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <div className="filter-fields">
          <Select label={labels.entityType} options={[any, ...entityTypes]} {...form.field("entityType")} />
          <Select label={labels.action} options={[any, ...actions]} {...form.field("action")} />
          <Select
            label={labels.actorId}
            options={[any, ...people.map((u) => ({ value: u.id, label: u.name }))]}
            {...form.field("actorId")}
          />
          <TextField label={labels.from} type="date" {...form.field("from")} />
          <TextField label={labels.to} type="date" {...form.field("to")} />
        </div>
        <Button type="submit">{t("common.filter")}</Button>
      </form>
      <QueryState query={audit}>
        {(data) => {
          const entries = data.pages.flatMap((p) => p.items);
          if (entries.length === 0) return <EmptyState message={t("admin.auditEmpty")} />;
          return (
            <>
              <AuditTable entries={entries} />
              {audit.hasNextPage && (
                <Button
                  variant="secondary"
                  onPress={() => audit.fetchNextPage()}
                  isPending={audit.isFetchingNextPage}
                >
                  {t("common.loadMore")}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function AuditTable({ entries }: { entries: AuditEntryWithChanges[] }) {
  const { t } = useTranslation();
  const columns: Column<AuditEntryWithChanges>[] = [
    {
      key: "at",
      header: t("admin.auditAt"),
      cell: (e) => <span className="nowrap">{formatDateTime(e.at, currentLanguage())}</span>,
      isRowHeader: true,
    },
    {
      key: "sentence",
      header: t("admin.auditWhat"),
      cell: (e) => (
        <>
          {e.sentence}
          <div className="muted small">{e.actionLabel}</div>
        </>
      ),
    },
    {
      key: "change",
      header: t("admin.auditChange"),
      cell: (e) => <AuditChange before={e.before} after={e.after} changes={e.changes} />,
    },
  ];
  return (
    <DataTable
      caption={t("admin.auditCaption", { count: entries.length })}
      columns={columns}
      rows={entries}
      rowKey={(e) => String(e.id)}
    />
  );
}

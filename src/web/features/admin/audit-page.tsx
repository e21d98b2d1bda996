import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntryView } from "../../../common/accounts.ts";
import { auditQuery } from "../../../common/accounts.ts";
import { formatDateTime } from "../../../common/format.ts";
import {
  Button,
  type Column,
  DataTable,
  EmptyState,
  FormErrorSummary,
  PageHeader,
  QueryState,
  TextField,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { useForm } from "../../lib/forms.ts";
import { type AuditFilters, fetchAuditPage } from "./admin-api.ts";
import { AdminNav } from "./admin-nav.tsx";
import { AuditChange } from "./audit-change.tsx";

const noFilters: AuditFilters = { entityType: "", action: "", from: "", to: "" };

/** The audit log, newest first: filter by object type, action and dates; "Visa fler" pages on. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(noFilters);
  const form = useForm(auditQuery, noFilters, (v) =>
    Object.fromEntries(Object.entries(v).filter(([, value]) => value !== "")),
  );
  const labels = {
    entityType: t("admin.entityType"),
    action: t("admin.auditAction"),
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

  return (
    <>
      <PageHeader title={t("admin.audit")} />
      <AdminNav />
      <form onSubmit={submit} noValidate className="form filters" aria-label={t("common.filter")}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <div className="filter-fields">
          <TextField
            label={labels.entityType}
            description={t("admin.entityTypeHint")}
            {...form.field("entityType")}
          />
          <TextField label={labels.action} description={t("admin.actionHint")} {...form.field("action")} />
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

function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  const { t } = useTranslation();
  const columns: Column<AuditEntryView>[] = [
    {
      key: "at",
      header: t("admin.auditAt"),
      cell: (e) => <span className="nowrap">{formatDateTime(e.at, currentLanguage())}</span>,
      isRowHeader: true,
    },
    { key: "actor", header: t("admin.auditActor"), cell: (e) => e.actorLabel },
    {
      key: "action",
      header: t("admin.auditAction"),
      cell: (e) => <code className="nowrap">{e.action}</code>,
    },
    {
      key: "entity",
      header: t("admin.auditEntity"),
      cell: (e) => (
        <>
          {e.entityType}
          {e.entityId && <div className="muted small">{e.entityId}</div>}
        </>
      ),
    },
    {
      key: "change",
      header: t("admin.auditChange"),
      cell: (e) => <AuditChange before={e.before} after={e.after} />,
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

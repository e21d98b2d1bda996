import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type ActivityView, activityStatuses } from "../../../common/activities.ts";
import {
  type Column,
  DataTable,
  RegisterPage,
  Select,
  TextField,
  useRegisterList,
} from "../../components/index.ts";
import { programmeOptionsQuery } from "../programmes/index.ts";
import {
  type ActivityFilters,
  activityTypesQuery,
  fetchActivities,
  noActivityFilters,
} from "./activities-api.ts";
import { dateRange, mayRecordActivities, typeLabel } from "./activity-labels.ts";

/** /aktiviteter: every activity, filtered by type, status, programme and dates, newest first. */
export function ActivitiesPage({ initial }: { initial: Partial<ActivityFilters> }) {
  const { t } = useTranslation();
  const list = useRegisterList({
    key: "activities",
    blank: noActivityFilters,
    initial: { ...noActivityFilters, ...initial },
    fetch: fetchActivities,
  });
  const { draft, set } = list;
  const types = useQuery(activityTypesQuery);
  const programmes = useQuery(programmeOptionsQuery);
  return (
    <RegisterPage
      title={t("activities.title")}
      intro={t("activities.intro")}
      register="activities"
      newRecord={{ to: "/aktiviteter/ny", label: t("activities.newActivity"), allowed: mayRecordActivities }}
      nav={false}
      filterLabel={t("activities.filterOptions")}
      list={list}
      empty={{ none: t("activities.empty"), filtered: t("activities.emptyFiltered") }}
      filters={
        <>
          <TextField label={t("activities.search")} value={draft.q} onChange={set("q")} />
          <Select
            label={t("activities.type")}
            value={draft.typeKey}
            onChange={set("typeKey")}
            options={[
              { value: "", label: t("activities.anyType") },
              ...(types.data ?? []).map((type) => ({ value: type.key, label: typeLabel(type) })),
            ]}
          />
          <Select
            label={t("activities.status")}
            value={draft.status}
            onChange={set("status")}
            options={[
              { value: "", label: t("activities.anyStatus") },
              ...activityStatuses.map((s) => ({ value: s, label: t(`activities.statuses.${s}`) })),
            ]}
          />
          <Select
            label={t("activities.programmes")}
            value={draft.programmeId}
            onChange={set("programmeId")}
            options={[
              { value: "", label: t("activities.anyProgramme") },
              ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.label })),
            ]}
          />
          <TextField label={t("activities.from")} type="date" value={draft.from} onChange={set("from")} />
          <TextField label={t("activities.to")} type="date" value={draft.to} onChange={set("to")} />
          <Select
            label={t("activities.sort")}
            value={draft.sort}
            onChange={set("sort")}
            options={[
              { value: "-startDate", label: t("activities.sortNewest") },
              { value: "startDate", label: t("activities.sortOldest") },
              { value: "title", label: t("activities.sortTitle") },
            ]}
          />
        </>
      }
    >
      {(items) => <ActivitiesTable items={items} />}
    </RegisterPage>
  );
}

function ActivitiesTable({ items }: { items: ActivityView[] }) {
  const { t } = useTranslation();
  const columns: Column<ActivityView>[] = [
    {
      key: "title",
      header: t("activities.activityTitle"),
      cell: (a) => (
        <Link to="/aktiviteter/$id" params={{ id: a.id }}>
          {a.title}
        </Link>
      ),
      isRowHeader: true,
    },
    { key: "type", header: t("activities.type"), cell: (a) => typeLabel(a.type) },
    {
      key: "date",
      header: t("activities.date"),
      cell: (a) => <span className="nowrap">{dateRange(a, t("activities.undated"))}</span>,
    },
    { key: "status", header: t("activities.status"), cell: (a) => t(`activities.statuses.${a.status}`) },
    {
      key: "programmes",
      header: t("activities.programmes"),
      cell: (a) => a.programmes.map((p) => p.code).join(", ") || t("activities.noLinks"),
    },
    {
      key: "participants",
      header: t("activities.participantsShort"),
      cell: (a) => a.participants ?? "–",
    },
  ];
  return (
    <DataTable
      caption={t("activities.caption", { count: items.length })}
      columns={columns}
      rows={items}
      rowKey={(a) => a.id}
    />
  );
}

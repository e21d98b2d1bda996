import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatNumber, type Locale } from "../../../common/format.ts";
import type {
  OverviewAgreement,
  OverviewChange,
  OverviewEvent,
  OverviewIndicator,
  OverviewView,
} from "../../../common/overview.ts";
import { useMe } from "../../auth.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { overviewQuery } from "./overview-api.ts";
import "./overview.css";

type SectionKey = keyof OverviewView;
type Items<K extends SectionKey> = NonNullable<OverviewView[K]>["items"];

/** One line of a section: what it is (the link to the record) and a line of detail. */
interface Line {
  key: string;
  to: string;
  label: string;
  detail?: string;
}

interface SectionSpec<K extends SectionKey> {
  /** Where the figure leads: the list of these records. */
  list?: string;
  /** Where the empty state's action leads. */
  action?: string;
  lines: (items: Items<K>, ctx: Ctx) => Line[];
}

interface Ctx {
  t: TFunction;
  locale: Locale;
}

const groups: { key: "office" | "director" | "governance" | "partner"; sections: SectionKey[] }[] = [
  {
    key: "office",
    sections: [
      "upcomingEvents",
      "overdueReports",
      "indicatorsOffTarget",
      "dialoguesDue",
      "openCalls",
      "recentChanges",
    ],
  },
  { key: "director", sections: ["compassGaps", "workStepsDue"] },
  { key: "governance", sections: ["nextMeetings", "documentsToRead"] },
  { key: "partner", sections: ["organisationAgreements", "organisationEvents", "organisationIndicators"] },
];

const eventLines =
  (base: string) =>
  (items: OverviewEvent[], { t, locale }: Ctx) =>
    items.map((e) => ({
      key: e.id,
      to: `${base}/${e.id}`,
      label: e.title,
      detail: [
        formatDateTime(e.startsAt, locale),
        e.place,
        e.capacity === null
          ? t("overview.event.registeredNoLimit", { registered: formatNumber(e.registered, locale) })
          : t("overview.event.registered", {
              registered: formatNumber(e.registered, locale),
              capacity: formatNumber(e.capacity, locale),
            }),
      ]
        .filter(Boolean)
        .join(" · "),
    }));

const indicatorLines = (items: OverviewIndicator[], { t, locale }: Ctx) =>
  items.map((i) => ({
    key: i.id,
    to: `/uppfoljning/indikatorer/${i.id}`,
    label: i.name,
    detail: [
      i.belongsTo,
      t(`overview.indicator.status.${i.status}`),
      i.actual === null
        ? t("overview.indicator.noValue", { target: formatNumber(i.target, locale), unit: i.unit })
        : t("overview.indicator.value", {
            actual: formatNumber(i.actual, locale, 1),
            target: formatNumber(i.target, locale),
            unit: i.unit,
          }),
      i.deadline ? t("overview.indicator.deadline", { date: formatDate(i.deadline) }) : null,
    ]
      .filter(Boolean)
      .join(" · "),
  }));

const agreementLines = (items: OverviewAgreement[], { t }: Ctx) =>
  items.map((a) => ({
    key: a.id,
    to: `/avtal/${a.id}`,
    label: a.title,
    detail: [
      t(`overview.agreement.status.${a.status}`, { defaultValue: "" }),
      a.nextDialogueDate
        ? t("overview.agreement.nextDialogue", { date: formatDate(a.nextDialogueDate) })
        : t("overview.agreement.noDialogue"),
    ]
      .filter(Boolean)
      .join(" · "),
  }));

/** Where a changed record opens, by its kind; kinds without a page are not links. */
const recordPaths: Record<string, string> = {
  activity: "/aktiviteter",
  project: "/planer/projekt",
  event: "/evenemang/hantera",
  indicator: "/uppfoljning/indikatorer",
  organisation: "/register/organisationer",
  person: "/register/personer",
  programme: "/register/program",
  agreement: "/avtal",
  idea: "/idee",
  idea_call: "/utlysningar",
  governance_meeting: "/styrning/moten",
  governance_body: "/styrning/organ",
  plan: "/planer",
  local_plan: "/lokalt-utvecklingsarbete",
  news: "/nyheter",
};

export function changeSentence(c: OverviewChange, t: TFunction) {
  const kind = recordPaths[c.kind] ? c.kind : "other";
  const verb = t(`overview.change.verbs.${c.verb}`);
  return c.recordName
    ? t("overview.change.named", {
        actor: c.actorName,
        verb,
        kind: t(`overview.kinds.${kind}.definite`),
        name: c.recordName,
      })
    : t("overview.change.unnamed", {
        actor: c.actorName,
        verb,
        kind: t(`overview.kinds.${kind}.indefinite`),
      });
}

const specs: { [K in SectionKey]: SectionSpec<K> } = {
  upcomingEvents: {
    list: "/evenemang/hantera",
    action: "/evenemang/hantera/ny",
    lines: eventLines("/evenemang/hantera"),
  },
  overdueReports: {
    list: "/planer/projekt/avrapporteringar",
    action: "/planer/projekt",
    lines: (items, { t, locale }) =>
      items.map((p) => ({
        key: p.id,
        to: `/planer/projekt/${p.id}`,
        label: p.name,
        detail: t("overview.report.overdue", {
          count: p.daysOverdue,
          n: formatNumber(p.daysOverdue, locale),
          date: formatDate(p.reportDueDate),
        }),
      })),
  },
  indicatorsOffTarget: { list: "/uppfoljning", action: "/uppfoljning", lines: indicatorLines },
  dialoguesDue: { list: "/avtal", action: "/avtal", lines: agreementLines },
  openCalls: {
    list: "/utlysningar",
    action: "/utlysningar",
    lines: (items, { t, locale }) =>
      items.map((c) => ({
        key: c.id,
        to: `/utlysningar/${c.id}`,
        label: c.title,
        detail: `${t("overview.call.closes", { date: formatDateTime(c.closesAt, locale) })} · ${t("overview.call.ideas", { count: c.ideas })}`,
      })),
  },
  recentChanges: {
    lines: (items, { t, locale }) =>
      items.map((c, n) => ({
        key: `${c.at}-${n}`,
        to: c.target && recordPaths[c.target.kind] ? `${recordPaths[c.target.kind]}/${c.target.id}` : "",
        label: changeSentence(c, t),
        detail: formatDateTime(c.at, locale),
      })),
  },
  compassGaps: {
    list: "/kompassen",
    action: "/kompassen",
    lines: (items, { t }) =>
      items.map((g) => ({
        key: g.programmeId,
        to: `/kompassen/program/${g.programmeId}`,
        label: g.programmeName,
        detail: t("overview.gap.dimensions", {
          year: g.year,
          list: g.dimensions.map((d) => d.label).join(", "),
        }),
      })),
  },
  workStepsDue: {
    list: "/kompassen",
    action: "/kompassen",
    lines: (items, { t }) =>
      items.map((s) => ({
        key: `${s.programmeId}-${s.step}`,
        to: `/kompassen/program/${s.programmeId}`,
        label: `${t(`overview.step.names.${s.step}`)}: ${s.programmeName}`,
        detail: [t(`overview.step.status.${s.status}`), s.startDate ? formatDate(s.startDate) : null]
          .filter(Boolean)
          .join(" · "),
      })),
  },
  nextMeetings: {
    list: "/styrning/kalender",
    action: "/styrning/kalender",
    lines: (items, { t, locale }) =>
      items.map((m) => ({
        key: m.id,
        to: `/styrning/moten/${m.id}`,
        label: m.title ?? t("overview.meeting.untitled", { body: m.bodyName }),
        detail: [formatDateTime(m.startsAt, locale), m.bodyName, m.place].filter(Boolean).join(" · "),
      })),
  },
  documentsToRead: {
    list: "/styrning",
    action: "/styrning",
    lines: (items, { t, locale }) =>
      items.map((d, n) => ({
        key: `${d.meetingId}-${n}`,
        to: `/styrning/moten/${d.meetingId}`,
        label: d.name,
        detail: `${t("overview.document.on", {
          item: d.agendaItem,
          meeting: d.meetingTitle ?? t("overview.meeting.untitled", { body: d.bodyName }),
        })} · ${formatDateTime(d.startsAt, locale)}`,
      })),
  },
  organisationAgreements: { list: "/avtal", action: "/avtal", lines: agreementLines },
  organisationEvents: { list: "/evenemang", action: "/evenemang", lines: eventLines("/evenemang") },
  organisationIndicators: {
    list: "/uppfoljning/organisationer",
    action: "/uppfoljning",
    lines: indicatorLines,
  },
};

function Section<K extends SectionKey>({
  sectionKey,
  data,
}: {
  sectionKey: K;
  data: NonNullable<OverviewView[K]>;
}) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === "en" ? "en" : "sv";
  const spec = specs[sectionKey] as SectionSpec<K>;
  const id = `overview-${sectionKey}`;
  const base = `overview.sections.${sectionKey}`;
  const lines = spec.lines(data.items as Items<K>, { t, locale });
  const figure = t(`${base}.figure`, { count: data.count, n: formatNumber(data.count, locale) });
  return (
    <section aria-labelledby={id} className="overview-section" data-section={sectionKey}>
      <h3 id={id}>{t(`${base}.title`)}</h3>
      {data.count === 0 ? (
        <EmptyState
          message={t(`${base}.empty`)}
          action={spec.action ? <Link to={spec.action}>{t(`${base}.action`)}</Link> : undefined}
        />
      ) : (
        <>
          {sectionKey !== "recentChanges" && (
            <p className="overview-figure">{spec.list ? <Link to={spec.list}>{figure}</Link> : figure}</p>
          )}
          <ul className="overview-lines">
            {lines.map((line) => (
              <li key={line.key}>
                {line.to ? <Link to={line.to}>{line.label}</Link> : <span>{line.label}</span>}
                {line.detail && <span className="muted overview-detail">{line.detail}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The start page after signing in: for each of the user's roles, what needs doing, every figure a link. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(overviewQuery());
  return (
    <>
      <PageHeader
        title={t("start.title")}
        intro={<p className="lead">{t("overview.greeting", { name: me?.name ?? "" })}</p>}
      />
      <QueryState query={query}>{(view) => <Groups view={view} />}</QueryState>
    </>
  );
}

function Groups({ view }: { view: OverviewView }) {
  const { t } = useTranslation();
  const present = groups
    .map((g) => ({ ...g, sections: g.sections.filter((s) => view[s] !== undefined) }))
    .filter((g) => g.sections.length > 0);
  if (!present.length) return <p>{t("overview.nothingForRole")}</p>;
  return present.map(
    (g): ReactNode => (
      <section key={g.key} aria-labelledby={`overview-group-${g.key}`} className="overview-group">
        <h2 id={`overview-group-${g.key}`}>{t(`overview.roles.${g.key}`)}</h2>
        <div className="overview-grid">
          {g.sections.map((key) => (
            <Section key={key} sectionKey={key} data={view[key] as NonNullable<OverviewView[typeof key]>} />
          ))}
        </div>
      </section>
    ),
  );
}

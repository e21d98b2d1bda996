import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { OrganisationMatrixView } from "../../../common/goal-matrix.ts";
import { EmptyState, PageHeader, QueryState, TableScroll } from "../../components/index.ts";
import { matrixQuery } from "./follow-up-api.ts";
import { FollowUpNav } from "./follow-up-nav.tsx";

type Cell = OrganisationMatrixView["organisations"][number]["cells"][number];

/** A cell in words (reached or not, value of target), never by colour alone; it opens the indicator. */
function CellText({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  if (!cell) return <span className="muted">{t("goalMatrix.noGoal")}</span>;
  const text =
    cell.actual === null
      ? t("goalMatrix.noValue")
      : t(cell.reached ? "goalMatrix.reached" : "goalMatrix.notReached", {
          actual: cell.actual,
          target: cell.target,
        });
  return (
    <Link
      to="/uppfoljning/indikatorer/$id"
      params={{ id: cell.indicatorId }}
      className={`status-${cell.status}`}
    >
      {text}
    </Link>
  );
}

/** /uppfoljning/organisationer?projekt=: a project's participating organisations × its goals (seed 004). */
export function GoalMatrixPage({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const matrix = useQuery({ ...matrixQuery(projectId ?? ""), enabled: !!projectId });
  return (
    <>
      <PageHeader title={t("goalMatrix.title")} intro={t("goalMatrix.intro")} />
      <FollowUpNav />
      {!projectId ? (
        <EmptyState message={t("goalMatrix.chooseProject")} />
      ) : (
        <QueryState query={matrix}>
          {(data: OrganisationMatrixView) =>
            data.organisations.length === 0 ? (
              <EmptyState message={t("goalMatrix.none")} />
            ) : (
              <TableScroll label={t("goalMatrix.title")}>
                <table className="data-table">
                  <caption>{t("goalMatrix.caption", { project: data.project.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("goalMatrix.organisation")}</th>
                      {data.goals.map((g) => (
                        <th scope="col" key={g.key}>
                          {g.name}
                        </th>
                      ))}
                      <th scope="col" className="number">
                        {t("goalMatrix.reachedColumn")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.organisations.map((o) => (
                      <tr key={o.id}>
                        <th scope="row">{o.name}</th>
                        {o.cells.map((cell, i) => (
                          <td key={data.goals[i].key}>
                            <CellText cell={cell} />
                          </td>
                        ))}
                        <td className="number">{o.reached}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t("goalMatrix.total")}</th>
                      {data.goals.map((g) => (
                        <td key={g.key}>
                          {g.projectIndicator
                            ? t("goalMatrix.totalOf", {
                                reached: g.reached,
                                organisations: g.organisations,
                                target: g.projectIndicator.target,
                              })
                            : t("goalMatrix.totalNoTarget", {
                                reached: g.reached,
                                organisations: g.organisations,
                              })}
                        </td>
                      ))}
                      <td />
                    </tr>
                  </tfoot>
                </table>
              </TableScroll>
            )
          }
        </QueryState>
      )}
    </>
  );
}

import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { UnitListItem } from "../../../common/compass.ts";
import { EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { myProgrammesQuery, unitsQuery } from "./compass-api.ts";
import { CompassNav } from "./compass-parts.tsx";

/** /kompassen: the programmes I direct, and every unit with programmes (university, faculties, departments). */
export function CompassHomePage() {
  const { t } = useTranslation();
  const mine = useQuery(myProgrammesQuery);
  const units = useQuery(unitsQuery);
  return (
    <>
      <PageHeader title={t("compass.title")} intro={<p>{t("compass.intro")}</p>} />
      <CompassNav />
      <section aria-labelledby="mine-heading" className="compass-section">
        <h2 id="mine-heading">{t("compass.myProgrammes")}</h2>
        <QueryState query={mine}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted">{t("compass.noMyProgrammes")}</p>
            ) : (
              <ul className="card-list">
                {items.map((p) => (
                  <li key={p.id} className="card">
                    <h3>
                      <Link to="/kompassen/program/$programmeId" params={{ programmeId: p.id }}>
                        {p.name}
                      </Link>
                    </h3>
                    <p className="muted">{p.code}</p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="units-heading" className="compass-section">
        <h2 id="units-heading">{t("compass.units")}</h2>
        <p className="muted">{t("compass.unitsIntro")}</p>
        <QueryState query={units}>
          {(items) =>
            items.length === 0 ? <EmptyState message={t("compass.noUnits")} /> : <UnitTree units={items} />
          }
        </QueryState>
      </section>
    </>
  );
}

/** Units as nested lists under their parents (the organisation hierarchy). */
function UnitTree({ units }: { units: UnitListItem[] }) {
  const { t } = useTranslation();
  const ids = new Set(units.map((u) => u.id));
  const children = (parentId: string | null) =>
    units.filter((u) => (parentId === null ? !u.parentId || !ids.has(u.parentId) : u.parentId === parentId));
  const render = (list: UnitListItem[]) => (
    <ul className="unit-tree">
      {list.map((u) => {
        const below = children(u.id);
        return (
          <li key={u.id}>
            <Link to="/kompassen/enhet/$organisationId" params={{ organisationId: u.id }}>
              {u.name}
            </Link>{" "}
            <span className="muted">{t("compass.programmeCount", { count: u.programmes })}</span>
            {below.length > 0 && render(below)}
          </li>
        );
      })}
    </ul>
  );
  return render(children(null));
}

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Button, EmptyState, QueryState } from "../../components/index.ts";
import { BudgetForm } from "./budget-form.tsx";
import { budgetsQuery, spendPagesQuery } from "./money-api.ts";
import { BudgetsTable, SpendTable } from "./money-entries.tsx";
import { SpendForm } from "./spend-form.tsx";

/**
 * The money page's lower half: the year's budgets and spend entries, and for staff the forms to
 * add them. A change made in a row's dialog is reported in one status message, which takes the
 * focus after a removal (the pressed button is gone with its row).
 */
export function MoneyRows({
  organisationId,
  organisationName,
  year,
  canEdit,
}: {
  organisationId: string;
  organisationName: string;
  year: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const budgets = useQuery(budgetsQuery(organisationId, year));
  const spend = useInfiniteQuery(spendPagesQuery(organisationId, year));
  const [message, setMessage] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const onMessage = (text: string, { removed = false } = {}) => {
    setMessage(text);
    // After a change the dialog hands focus back to its button; after a removal that button is gone.
    if (removed) requestAnimationFrame(() => statusRef.current?.focus());
  };
  const ctx = { organisationId, organisationName, year, canEdit, onMessage };
  return (
    <>
      <div ref={statusRef} tabIndex={-1} className="no-print">
        {message && <Alert tone="success">{message}</Alert>}
      </div>

      <section aria-labelledby="budgets-heading">
        <h2 id="budgets-heading">{t("finance.budgets")}</h2>
        <QueryState query={budgets}>
          {(data) =>
            data.items.length ? (
              <BudgetsTable budgets={data.items} {...ctx} />
            ) : (
              <EmptyState message={t("finance.noBudgets")} />
            )
          }
        </QueryState>
        {canEdit && (
          <section className="no-print" aria-labelledby="budget-form-heading">
            <h3 id="budget-form-heading">{t("finance.addBudget")}</h3>
            <BudgetForm organisationId={organisationId} year={year} />
          </section>
        )}
      </section>

      <section aria-labelledby="spend-heading">
        <h2 id="spend-heading">{t("finance.entries")}</h2>
        <QueryState query={spend}>
          {(data) => {
            const entries = data.pages.flatMap((p) => p.items);
            if (!entries.length) return <EmptyState message={t("finance.noSpend")} />;
            return (
              <>
                <SpendTable entries={entries} {...ctx} />
                {spend.hasNextPage && (
                  <Button
                    variant="secondary"
                    onPress={() => spend.fetchNextPage()}
                    isPending={spend.isFetchingNextPage}
                  >
                    {t("common.loadMore")}
                  </Button>
                )}
              </>
            );
          }}
        </QueryState>
        {canEdit && (
          <section className="no-print" aria-labelledby="spend-form-heading">
            <h3 id="spend-form-heading">{t("finance.addSpend")}</h3>
            <SpendForm organisationId={organisationId} year={year} />
          </section>
        )}
      </section>
    </>
  );
}

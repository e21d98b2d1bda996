import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BudgetView, SpendView } from "../../../common/finance.ts";
import { formatKronor } from "../../../common/format.ts";
import { Button, ConfirmDialog, Dialog, TableScroll } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { BudgetForm } from "./budget-form.tsx";
import { useDeleteBudget, useDeleteSpend } from "./money-api.ts";
import { SpendForm } from "./spend-form.tsx";

/**
 * The rows behind the money table: budgets and spend entries of the year. Someone who may enter
 * money (canManageFinance, `abilities.coordinate`) can change a row in a dialog or remove it after
 * a question that names the entry and its amount.
 */

type Context = {
  organisationId: string;
  organisationName: string;
  year: number;
  /** Whether the row actions are shown (the server decides again on every write). */
  canEdit: boolean;
  /** Reports a change; the page shows it in a status message. */
  onMessage: (message: string, options?: { removed?: boolean }) => void;
};

/**
 * "Ändra" (the row's form in a dialog, closed when saved) and "Ta bort" (after a question naming
 * the entry) for one row; the labels name the row, since every row has the same buttons.
 */
function RowActions({
  editLabel,
  form,
  deleteLabel,
  deleteTitle,
  deleteMessage,
  deletedMessage,
  onDelete,
  onMessage,
}: {
  editLabel: string;
  /** The row's form, given what closes the dialog on cancel and on save. */
  form: (done: { onCancel: () => void; onSaved: (message: string) => void }) => ReactNode;
  deleteLabel: string;
  deleteTitle: string;
  deleteMessage: string;
  deletedMessage: string;
  onDelete: () => Promise<unknown>;
  onMessage: Context["onMessage"];
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const close = () => setOpen(false);
  const onSaved = (message: string) => {
    close();
    onMessage(message);
  };
  return (
    <td>
      <div className="button-row row-actions">
        <Button variant="secondary" aria-label={editLabel} onPress={() => setOpen(true)}>
          {t("common.edit")}
        </Button>
        <Dialog title={editLabel} isOpen={isOpen} onOpenChange={setOpen}>
          {isOpen && form({ onCancel: close, onSaved })}
        </Dialog>
        <ConfirmDialog
          triggerLabel={t("common.delete")}
          triggerAriaLabel={deleteLabel}
          title={deleteTitle}
          message={deleteMessage}
          confirmLabel={t("common.delete")}
          onConfirm={async () => {
            await onDelete();
            onMessage(deletedMessage, { removed: true });
          }}
        />
      </div>
    </td>
  );
}

const budgetTarget = (b: BudgetView) => [b.unit?.name, b.project?.name].filter(Boolean).join(" – ") || "–";

export function BudgetsTable({ budgets, ...ctx }: Context & { budgets: BudgetView[] }) {
  const { t } = useTranslation();
  const remove = useDeleteBudget();
  const kr = (n: number) => formatKronor(n, currentLanguage());
  const caption = t("finance.budgetsCaption", { year: ctx.year, organisation: ctx.organisationName });
  return (
    <TableScroll label={caption}>
      <table className="data-table money-entries">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("finance.unitOrProject")}</th>
            <th scope="col" className="numeric">
              {t("finance.amount")}
            </th>
            <th scope="col">{t("finance.note")}</th>
            {ctx.canEdit && <th scope="col">{t("finance.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {budgets.map((b) => {
            const names = { target: budgetTarget(b), year: b.year, amount: kr(b.amount) };
            return (
              <tr key={b.id}>
                <th scope="row">{names.target}</th>
                <td className="numeric nowrap">{kr(b.amount)}</td>
                <td>{b.note ?? ""}</td>
                {ctx.canEdit && (
                  <RowActions
                    editLabel={t("finance.editBudgetFor", names)}
                    form={(done) => (
                      <BudgetForm organisationId={ctx.organisationId} year={ctx.year} budget={b} {...done} />
                    )}
                    deleteLabel={t("finance.deleteBudgetFor", names)}
                    deleteTitle={t("finance.deleteBudgetTitle")}
                    deleteMessage={t("finance.deleteBudgetMessage", names)}
                    deletedMessage={t("finance.budgetDeleted")}
                    onDelete={() => remove.mutateAsync(b.id)}
                    onMessage={ctx.onMessage}
                  />
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function SpendTable({ entries, ...ctx }: Context & { entries: SpendView[] }) {
  const { t } = useTranslation();
  const remove = useDeleteSpend();
  const kr = (n: number) => formatKronor(n, currentLanguage());
  const caption = t("finance.spendCaption", { year: ctx.year, organisation: ctx.organisationName });
  return (
    <TableScroll label={caption}>
      <table className="data-table money-entries">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("finance.date")}</th>
            <th scope="col">{t("finance.unit")}</th>
            <th scope="col" className="numeric">
              {t("finance.amount")}
            </th>
            <th scope="col">{t("finance.category")}</th>
            <th scope="col">{t("finance.note")}</th>
            {ctx.canEdit && <th scope="col">{t("finance.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const names = { unit: e.unit.name, date: e.date, amount: kr(e.amount) };
            return (
              <tr key={e.id}>
                <td className="nowrap">{e.date}</td>
                <th scope="row">{e.unit.name}</th>
                <td className="numeric nowrap">{kr(e.amount)}</td>
                <td>{e.category ?? ""}</td>
                <td>{e.note ?? ""}</td>
                {ctx.canEdit && (
                  <RowActions
                    editLabel={t("finance.editSpendFor", names)}
                    form={(done) => (
                      <SpendForm organisationId={ctx.organisationId} year={ctx.year} entry={e} {...done} />
                    )}
                    deleteLabel={t("finance.deleteSpendFor", names)}
                    deleteTitle={t("finance.deleteSpendTitle")}
                    deleteMessage={t("finance.deleteSpendMessage", names)}
                    deletedMessage={t("finance.spendDeleted")}
                    onDelete={() => remove.mutateAsync(e.id)}
                    onMessage={ctx.onMessage}
                  />
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

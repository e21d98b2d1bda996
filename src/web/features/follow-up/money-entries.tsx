import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BudgetView, SpendView } from "../../../common/finance.ts";
import { formatKronor } from "../../../common/format.ts";
import { Button, type Column, ConfirmDialog, DataTable, Dialog } from "../../components/index.ts";
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
  );
}

/** The column of a row's "Ändra" and "Ta bort", for someone who may change the rows (else no column). */
function useActionsColumn<Row>(canEdit: boolean) {
  const { t } = useTranslation();
  return (cell: (row: Row) => ReactNode): Column<Row>[] =>
    canEdit ? [{ key: "actions", header: t("finance.actions"), cell }] : [];
}

const budgetTarget = (b: BudgetView) => [b.unit?.name, b.project?.name].filter(Boolean).join(" – ") || "–";

export function BudgetsTable({ budgets, ...ctx }: Context & { budgets: BudgetView[] }) {
  const { t } = useTranslation();
  const remove = useDeleteBudget();
  const kr = (n: number) => formatKronor(n, currentLanguage());
  const caption = t("finance.budgetsCaption", { year: ctx.year, organisation: ctx.organisationName });
  const actions = useActionsColumn<BudgetView>(ctx.canEdit);
  return (
    <DataTable
      caption={caption}
      className="money-entries"
      columns={[
        {
          key: "target",
          header: t("finance.unitOrProject"),
          isRowHeader: true,
          cell: (b) => budgetTarget(b),
        },
        {
          key: "amount",
          header: t("finance.amount"),
          className: "numeric nowrap",
          cell: (b) => kr(b.amount),
        },
        { key: "note", header: t("finance.note"), cell: (b) => b.note ?? "" },
        ...actions((b) => {
          const names = { target: budgetTarget(b), year: b.year, amount: kr(b.amount) };
          return (
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
          );
        }),
      ]}
      rows={budgets}
      rowKey={(b) => b.id}
    />
  );
}

export function SpendTable({ entries, ...ctx }: Context & { entries: SpendView[] }) {
  const { t } = useTranslation();
  const remove = useDeleteSpend();
  const kr = (n: number) => formatKronor(n, currentLanguage());
  const caption = t("finance.spendCaption", { year: ctx.year, organisation: ctx.organisationName });
  const actions = useActionsColumn<SpendView>(ctx.canEdit);
  return (
    <DataTable
      caption={caption}
      className="money-entries"
      columns={[
        { key: "date", header: t("finance.date"), className: "nowrap", cell: (e) => e.date },
        { key: "unit", header: t("finance.unit"), isRowHeader: true, cell: (e) => e.unit.name },
        {
          key: "amount",
          header: t("finance.amount"),
          className: "numeric nowrap",
          cell: (e) => kr(e.amount),
        },
        { key: "category", header: t("finance.category"), cell: (e) => e.category ?? "" },
        { key: "note", header: t("finance.note"), cell: (e) => e.note ?? "" },
        ...actions((e) => {
          const names = { unit: e.unit.name, date: e.date, amount: kr(e.amount) };
          return (
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
          );
        }),
      ]}
      rows={entries}
      rowKey={(e) => e.id}
    />
  );
}

import { infiniteQueryOptions, queryOptions, useMutation } from "@tanstack/react-query";
import type {
  BudgetView,
  CreateBudgetInput,
  CreateSpendInput,
  SpendView,
  UnitView,
  UpdateBudgetInput,
  UpdateSpendInput,
} from "../../../common/finance.ts";
import { api, type Page, queryString } from "../../api.ts";
import { useRefreshFollowUp } from "./follow-up-api.ts";

/** Money over the JSON API: units, budgets and spend entries of an organisation and year, and their changes. */

/** Years the pickers offer, newest first, back to 2008 (the oldest money in the seeds is 2010). */
export const yearChoices = () => {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2007 }, (_, i) => String(now - i));
};

/** Every money query starts with this key, so one invalidation refreshes tables and totals. */
const moneyKey = ["follow-up", "money"] as const;

export const unitsQuery = (organisationId: string) =>
  queryOptions({
    queryKey: [...moneyKey, organisationId, "units"],
    queryFn: () => api.get<{ items: UnitView[] }>(`/api/finance/units${queryString({ organisationId })}`),
    enabled: !!organisationId,
  });

/** An organisation's budgets of a year: a handful of rows, so one page of 500 holds them. */
export const budgetsQuery = (organisationId: string, year: number) =>
  queryOptions({
    queryKey: [...moneyKey, organisationId, year, "budgets"],
    queryFn: () =>
      api.get<Page<BudgetView>>(`/api/budgets${queryString({ organisationId, year, limit: 500 })}`),
    enabled: !!organisationId,
  });

/** Spend entries of a year, newest first, 100 at a time ("Visa fler"). */
export const spendPagesQuery = (organisationId: string, year: number) =>
  infiniteQueryOptions({
    queryKey: [...moneyKey, organisationId, year, "spend"],
    queryFn: ({ pageParam }) =>
      api.get<Page<SpendView>>(
        `/api/spend${queryString({ organisationId, year, limit: 100, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: !!organisationId,
  });

/**
 * A mutation after which the money tables, the totals and anything computed from money (reports,
 * indicators) are fetched again; the pickers' choices stay cached.
 */
function useMoneyMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const refresh = useRefreshFollowUp();
  return useMutation({ mutationFn, onSuccess: refresh });
}

export const useAddSpend = () =>
  useMoneyMutation((input: CreateSpendInput) => api.post<SpendView>("/api/spend", input));

export const useUpdateSpend = () =>
  useMoneyMutation(({ id, data }: { id: string; data: UpdateSpendInput }) =>
    api.patch<SpendView>(`/api/spend/${id}`, data),
  );

export const useDeleteSpend = () => useMoneyMutation((id: string) => api.delete<null>(`/api/spend/${id}`));

export const useAddBudget = () =>
  useMoneyMutation((input: CreateBudgetInput) => api.post<BudgetView>("/api/budgets", input));

export const useUpdateBudget = () =>
  useMoneyMutation(({ id, data }: { id: string; data: UpdateBudgetInput }) =>
    api.patch<BudgetView>(`/api/budgets/${id}`, data),
  );

export const useDeleteBudget = () => useMoneyMutation((id: string) => api.delete<null>(`/api/budgets/${id}`));

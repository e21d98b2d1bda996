import { createRoute } from "@tanstack/react-router";
import { type TransferRegister, transferRegisters } from "../../../common/transfer.ts";
import { requireAbility } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { ImportPage } from "./import-page.tsx";

const isRegister = (value: unknown): value is TransferRegister =>
  typeof value === "string" && (transferRegisters as readonly string[]).includes(value);

/** /register/import — import into any register (staff), and export it; see README.md for embedding. */
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/register/import",
  beforeLoad: requireAbility("coordinate"),
  validateSearch: (search: Record<string, unknown>): { register?: TransferRegister } => ({
    register: isRegister(search.register) ? search.register : undefined,
  }),
  component: function ImportRoute() {
    const { register = "organisations" } = importRoute.useSearch();
    return <ImportPage register={register} />;
  },
});

export const transferFeature: Feature = { name: "transfer", routes: [importRoute] };

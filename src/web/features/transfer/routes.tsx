import { createRoute } from "@tanstack/react-router";
import type { TransferRegister } from "../../../common/transfer.ts";
import { requireAbility } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const ImportPage = lazyPage(() => import("./import-page.tsx"), "ImportPage");

// The registers by name, rather than common/transfer.ts's list: that module builds zod schemas when
// loaded, and this route is in the main chunk. The Record type fails to compile if the two drift.
const registers: Record<TransferRegister, true> = {
  organisations: true,
  people: true,
  programmes: true,
  courses: true,
  activities: true,
};
const isRegister = (value: unknown): value is TransferRegister =>
  typeof value === "string" && Object.hasOwn(registers, value);

/** /register/import — import into any register (staff), and export it; see README.md for embedding. */
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/register/import",
  beforeLoad: requireAbility("coordinate"),
  validateSearch: (search: Record<string, unknown>): { register?: TransferRegister } => ({
    register: isRegister(search.register) ? search.register : undefined,
  }),
  component: withPage(ImportPage, function ImportRoute() {
    const { register = "organisations" } = importRoute.useSearch();
    return <ImportPage register={register} />;
  }),
});

export const transferFeature: Feature = { name: "transfer", routes: [importRoute] };

/** The transfer module's door: what other modules may use. */
export { registerTransferRoutes } from "./transfer.routes.ts";

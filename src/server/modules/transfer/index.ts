/** The transfer module's door: import and export of the registers as spreadsheets. */
export { validateSheet } from "./import.validate.ts";
export { transferRegistry } from "./registers/index.ts";
/** The transfer module's door: what other modules may use. */
export { registerTransferRoutes } from "./transfer.routes.ts";

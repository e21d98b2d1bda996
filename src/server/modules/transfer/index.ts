/** The transfer module's door: import and export of the registers as spreadsheets. */
export { validateSheet } from "./import.validate.ts";
export { transferRegistry } from "./registers/index.ts";
export { registerTransferRoutes } from "./transfer.routes.ts";
export { getImportJob, startImport } from "./transfer.service.ts";

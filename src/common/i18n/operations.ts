/** Strings of the operations routes (modules/health): readiness. */
export const sv = {
  errors: {
    notReady: "Inte redo",
    databaseUnreachable: "Samspel är inte redo: databasen svarar inte.",
    migrationsPending: "Samspel är inte redo: {{pending}} databasmigreringar är inte körda ännu.",
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  errors: {
    notReady: "Not ready",
    databaseUnreachable: "Samspel is not ready: the database does not answer.",
    migrationsPending: "Samspel is not ready: {{pending}} database migrations have not been run yet.",
  },
};

// The learning module's door, so far only what other modules share of it: the checked file store that
// keeps uploads out of the web root (the ideas module stores an idea's documents with it).
export { readStoredFile, type StoredFile, storeFile } from "./file-store.ts";

export { registerLearningRoutes } from "./learning.routes.ts";

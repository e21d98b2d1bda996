// The learning module's door, so far only what other modules share of it: the checked file store that
// keeps uploads out of the web root (the ideas module stores an idea's documents with it).

export { uploadDocument } from "./documents.service.ts";
export { readStoredFile, type StoredFile, storeFile } from "./file-store.ts";
export { registerLearningRoutes } from "./learning.routes.ts";
export { learningSpaceByName, spaceHasDocuments } from "./learning.seed.ts";
export {
  addLink,
  createSpace,
  giveFeedback,
  linkSpaceToProject,
  reply,
  setMembers,
  startThread,
} from "./learning.service.ts";

/** Moved to the platform (issue 12): every module validates service input the same way. */
export { likePattern, parseInput, uniqueIds } from "../../platform/parse-input.ts";

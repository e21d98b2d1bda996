/** The support efforts' indicator records live in the read layer (decision 011); kept here for the door. */
export { supportRecordsSql } from "../../read/support-records.ts";

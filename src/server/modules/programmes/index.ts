/** What other modules use of the programmes module: course reads. */
export { type CourseSummary, coursesByIds } from "./course-reads.ts";
export { findCourseIdByCode } from "./courses.service.ts";
export { presentImpact } from "./programmes.presenter.ts";

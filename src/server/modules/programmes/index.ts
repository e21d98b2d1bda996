/** What other modules use of the programmes module: course reads. */
export { type CourseSummary, coursesByIds } from "./course-reads.ts";
export { findCourseIdByCode } from "./courses.service.ts";
export { createCourse } from "./courses.service.ts";
export { createProgramme, findProgrammeIdByCode } from "./programmes.service.ts";

/** What other modules use of the programmes module: course reads. */
export { type CourseSummary, coursesByIds, type ProgrammeSummary, programmesByIds } from "./course-reads.ts";
export { registerCourseRoutes } from "./courses.routes.ts";
export {
  type CourseRecord,
  type CourseReferenceReads,
  createCourse,
  findCourseIdByCode,
  listCourses,
  programmeIdsOfCourses,
  provideCourseReferenceReads,
} from "./courses.service.ts";
export { directedProgrammeIds } from "./programmes.policy.ts";
export { presentImpact } from "./programmes.presenter.ts";
export { programmeVersion, registerProgrammeRoutes } from "./programmes.routes.ts";
export {
  createProgramme,
  findProgrammeIdByCode,
  listProgrammes,
  type ProgrammeRecord,
  type ProgrammeReferenceReads,
  provideProgrammeReferenceReads,
} from "./programmes.service.ts";
export { assertExisting, assertRefinement, unique } from "./registers.shared.ts";

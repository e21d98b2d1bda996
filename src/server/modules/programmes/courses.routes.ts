import type { FastifyInstance } from "fastify";
import { courseListQuery, courseView } from "../../../common/programmes.ts";
import type { Deps } from "../../platform/context.ts";
import * as service from "./courses.service.ts";
import { createCourseBody, updateCourseBody } from "./names.input.ts";
import { presentCourse } from "./programmes.presenter.ts";
import { courses } from "./programmes.schema.ts";
import { registerStudyRoutes } from "./registers.routes.ts";

/** /api/courses, including contract courses (uppdragsutbildning) with their client organisation. */
export function registerCourseRoutes(app: FastifyInstance, { db }: Deps) {
  registerStudyRoutes(app, db, {
    path: "/api/courses",
    table: courses,
    summaries: {
      list: "Kurser, i svensk namnordning",
      create: "Skapa en kurs",
      read: "En kurs",
      update: "Ändra en kurs",
      impact: "Vad en borttagning av kursen skulle påverka",
      remove: "Ta bort en kurs",
    },
    query: courseListQuery,
    view: courseView,
    createBody: createCourseBody,
    updateBody: updateCourseBody,
    present: presentCourse,
    list: service.listCourses,
    create: service.createCourse,
    read: service.getCourse,
    update: service.updateCourse,
    impact: service.courseImpact,
    remove: service.deleteCourse,
  });
}

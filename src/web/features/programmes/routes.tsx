import { createRoute } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { requireLogin } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { CourseFormPage } from "./course-form-page.tsx";
import { CoursePage } from "./course-page.tsx";
import { CoursesPage } from "./courses-page.tsx";
import { ProgrammeFormPage } from "./programme-form-page.tsx";
import { ProgrammePage } from "./programme-page.tsx";
import { ProgrammesPage } from "./programmes-page.tsx";

const page = (path: string, component: () => ReactNode) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad: requireLogin, component });

const programmesRoute = page("/register/program", ProgrammesPage);
const newProgrammeRoute = page("/register/program/ny", () => <ProgrammeFormPage />);
const programmeRoute = page("/register/program/$id", function ProgrammeRoute() {
  return <ProgrammePage id={programmeRoute.useParams().id} />;
});
const editProgrammeRoute = page("/register/program/$id/redigera", function EditProgrammeRoute() {
  return <ProgrammeFormPage id={editProgrammeRoute.useParams().id} />;
});
const coursesRoute = page("/register/kurser", CoursesPage);
const newCourseRoute = page("/register/kurser/ny", () => <CourseFormPage />);
const courseRoute = page("/register/kurser/$id", function CourseRoute() {
  return <CoursePage id={courseRoute.useParams().id} />;
});
const editCourseRoute = page("/register/kurser/$id/redigera", function EditCourseRoute() {
  return <CourseFormPage id={editCourseRoute.useParams().id} />;
});

/** Programmes and courses under Register; every logged-in role reads, the server decides who changes. */
export const programmesFeature: Feature = {
  name: "programmes",
  routes: [
    programmesRoute,
    newProgrammeRoute,
    programmeRoute,
    editProgrammeRoute,
    coursesRoute,
    newCourseRoute,
    courseRoute,
    editCourseRoute,
  ],
};

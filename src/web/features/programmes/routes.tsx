import { createRoute, type RouteComponent } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const CourseFormPage = lazyPage(() => import("./course-form-page.tsx"), "CourseFormPage");
const CoursePage = lazyPage(() => import("./course-page.tsx"), "CoursePage");
const CoursesPage = lazyPage(() => import("./courses-page.tsx"), "CoursesPage");
const ProgrammeFormPage = lazyPage(() => import("./programme-form-page.tsx"), "ProgrammeFormPage");
const ProgrammePage = lazyPage(() => import("./programme-page.tsx"), "ProgrammePage");
const ProgrammesPage = lazyPage(() => import("./programmes-page.tsx"), "ProgrammesPage");

const page = (path: string, component: RouteComponent) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad: requireLogin, component });

const programmesRoute = page("/register/program", ProgrammesPage);
const newProgrammeRoute = page("/register/program/ny", ProgrammeFormPage);
const programmeRoute = page(
  "/register/program/$id",
  withPage(ProgrammePage, function ProgrammeRoute() {
    return <ProgrammePage id={programmeRoute.useParams().id} />;
  }),
);
const editProgrammeRoute = page(
  "/register/program/$id/redigera",
  withPage(ProgrammeFormPage, function EditProgrammeRoute() {
    return <ProgrammeFormPage id={editProgrammeRoute.useParams().id} />;
  }),
);
const coursesRoute = page("/register/kurser", CoursesPage);
const newCourseRoute = page("/register/kurser/ny", CourseFormPage);
const courseRoute = page(
  "/register/kurser/$id",
  withPage(CoursePage, function CourseRoute() {
    return <CoursePage id={courseRoute.useParams().id} />;
  }),
);
const editCourseRoute = page(
  "/register/kurser/$id/redigera",
  withPage(CourseFormPage, function EditCourseRoute() {
    return <CourseFormPage id={editCourseRoute.useParams().id} />;
  }),
);

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

/**
 * The registers' shared sub-navigation (organisations, people, programmes, courses) is owned by the
 * organisations feature; programme and course pages show the same one.
 */
export { RegistersNav as RegisterNav } from "../organisations/registers-nav.tsx";

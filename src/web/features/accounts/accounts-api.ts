import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api.ts";

export type DemoLogin = { email: string; password: string } | null;

/** The demo login the server offers on this machine (null elsewhere); shown above the login form. */
export const demoLoginQuery = queryOptions({
  queryKey: ["demo-login"],
  queryFn: () => api.get<DemoLogin>("/api/auth/demo-login"),
  staleTime: Number.POSITIVE_INFINITY,
});

import { useQuery } from "@tanstack/react-query";
import { meQuery } from "../auth.ts";
import { Spinner } from "../components/spinner.tsx";
import { OverviewPage } from "../features/overview/index.ts";
import { PublicStartPage } from "../features/site/index.ts";

/** "/": the public start page for visitors (issue 18), and the personal overview (issue 15) for those signed in. */
export function StartPage() {
  const me = useQuery(meQuery);
  if (me.isPending) return <Spinner />;
  return me.data ? <OverviewPage /> : <PublicStartPage />;
}

import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChallengeView } from "../../../common/sign-in.ts";
import { ApiError } from "../../api.ts";
import { useSetMe } from "../../auth.ts";
import { Alert, Button, PageHeader } from "../../components/index.ts";
import { signInWithEmailLink } from "./accounts-api.ts";
import { SecondStep } from "./second-step.tsx";

/**
 * Where the mailed sign-in link lands. Nothing happens until the person presses "Logga in": mail
 * scanners that open every link in a message would otherwise spend the one-time link.
 */
export function EmailLinkPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<ChallengeView | null>(null);
  const home = () => navigate({ href: "/" });

  const signIn = async () => {
    setPending(true);
    setError(null);
    try {
      const answer = await signInWithEmailLink(token);
      if ("challenge" in answer) return setChallenge(answer);
      setMe(answer);
      await home();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.problem.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeader title={t("auth.emailLink.landingTitle")} />
      {challenge ? (
        <SecondStep answer={challenge} onSignedIn={home} onRestart={() => navigate({ to: "/logga-in" })} />
      ) : (
        <>
          {error && <Alert tone="error">{error}</Alert>}
          <p>{t("auth.emailLink.landingIntro")}</p>
          <Button onPress={signIn} isPending={pending}>
            {t("auth.emailLink.submitLanding")}
          </Button>
        </>
      )}
    </div>
  );
}

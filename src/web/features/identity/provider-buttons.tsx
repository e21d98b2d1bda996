import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { providersQuery } from "./identity-api.ts";

/**
 * "Logga in med <IdP>" for every SAML IdP and OpenID Connect provider the server is configured with. Plain
 * links: the sign-in leaves this page for the provider's and comes back to `redirect` with a session.
 */
export function ProviderButtons({ redirect }: { redirect?: string }) {
  const { t } = useTranslation();
  const providers = useQuery(providersQuery);
  const items = providers.data?.items ?? [];
  if (!items.length) return null;
  const returnTo = redirect?.startsWith("/") ? `?returnTo=${encodeURIComponent(redirect)}` : "";
  return (
    <section aria-labelledby="sso-heading" className="form">
      <h2 id="sso-heading">{t("identity.orWith")}</h2>
      <div className="button-row">
        {items.map((p) => (
          <a key={`${p.protocol}:${p.id}`} className="btn btn-secondary" href={`${p.loginUrl}${returnTo}`}>
            {t("identity.signInWith", { name: p.name })}
          </a>
        ))}
      </div>
    </section>
  );
}

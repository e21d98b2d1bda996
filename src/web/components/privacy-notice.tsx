import { useId } from "react";
import { useTranslation } from "react-i18next";

export type PrivacyNoticeKind = "eventRegistration" | "newsletter" | "idea";

/**
 * What a public form keeps, why and for how long (GDPR art. 13; issue 20, item 6), beside the form's
 * fields. The texts are in src/common/i18n/retention.ts (`privacyNotice.<kind>`) and follow the default
 * retention rules the daily run applies (admin page Gallring).
 */
export function PrivacyNotice({ kind }: { kind: PrivacyNoticeKind }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="privacy-notice" aria-labelledby={titleId}>
      <p id={titleId} className="privacy-notice-title">
        {t("privacyNotice.title")}
      </p>
      <dl>
        <dt>{t("privacyNotice.what")}</dt>
        <dd>{t(`privacyNotice.${kind}.what`)}</dd>
        <dt>{t("privacyNotice.why")}</dt>
        <dd>{t(`privacyNotice.${kind}.why`)}</dd>
        <dt>{t("privacyNotice.howLong")}</dt>
        <dd>{t(`privacyNotice.${kind}.howLong`)}</dd>
      </dl>
      <p>{t("privacyNotice.optional")}</p>
    </section>
  );
}

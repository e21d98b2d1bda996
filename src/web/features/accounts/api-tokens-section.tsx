import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../common/format.ts";
import { type CreatedTokenView, createTokenInput, type TokenView } from "../../../common/sign-in.ts";
import {
  Alert,
  Button,
  Checkbox,
  type Column,
  ConfirmDialog,
  DataTable,
  FormErrorSummary,
  QueryState,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { createToken, revokeToken, tokensKey, tokensQuery } from "./accounts-api.ts";

/**
 * "API-nycklar" on one's own account page (issue 19): create a token (shown once, with a copy button),
 * see one's tokens with when they were last used, revoke one.
 */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQuery);
  const [created, setCreated] = useState<(CreatedTokenView & { name: string }) | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: tokensKey });

  return (
    <section aria-labelledby="api-tokens" className="narrow">
      <h2 id="api-tokens">{t("auth.tokens.title")}</h2>
      <p>{t("auth.tokens.intro")}</p>
      <CreateTokenForm
        onCreated={async (token) => {
          setRevoked(null);
          setCreated(token);
          await refresh();
        }}
      />
      {created && <NewToken token={created} />}
      {revoked && <Alert tone="success">{t("auth.tokens.revokedDone", { name: revoked })}</Alert>}
      <QueryState query={tokens}>
        {(data) => (
          <DataTable
            empty={t("auth.tokens.none")}
            caption={t("auth.tokens.listLabel")}
            captionHidden
            columns={tokenColumns(t, async (token) => {
              setCreated(null);
              setRevoked(token.name);
              await refresh();
            })}
            rows={data.items}
            rowKey={(token) => token.id}
          />
        )}
      </QueryState>
    </section>
  );
}

/** The token list's columns: name, access, status, expiry, last use, and "Återkalla" for a live token. */
function tokenColumns(t: TFunction, onRevoked: (token: TokenView) => Promise<void>): Column<TokenView>[] {
  const expired = (token: TokenView) => Date.parse(token.expiresAt) <= Date.now();
  return [
    { key: "name", header: t("auth.tokens.name"), isRowHeader: true, cell: (token) => token.name },
    {
      key: "access",
      header: t("auth.tokens.access"),
      cell: (token) => (token.readOnly ? t("auth.tokens.readOnly") : t("auth.tokens.readWrite")),
    },
    {
      key: "status",
      header: t("auth.tokens.status"),
      cell: (token) =>
        token.revokedAt
          ? t("auth.tokens.revoked")
          : expired(token)
            ? t("auth.tokens.expired")
            : t("auth.tokens.active"),
    },
    { key: "expires", header: t("auth.tokens.expires"), cell: (token) => formatDate(token.expiresAt) },
    {
      key: "lastUsed",
      header: t("auth.tokens.lastUsed"),
      cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("auth.tokens.never")),
    },
    {
      key: "revoke",
      header: t("auth.tokens.revokeShort"),
      headerHidden: true,
      cell: (token) =>
        !token.revokedAt &&
        !expired(token) && (
          <ConfirmDialog
            triggerLabel={t("auth.tokens.revokeShort")}
            triggerAriaLabel={t("auth.tokens.revoke", { name: token.name })}
            title={t("auth.tokens.revoke", { name: token.name })}
            message={t("auth.tokens.revokeQuestion")}
            confirmLabel={t("auth.tokens.revokeShort")}
            onConfirm={async () => {
              await revokeToken(token.id);
              await onRevoked(token);
            }}
          />
        ),
    },
  ];
}

function CreateTokenForm({
  onCreated,
}: {
  onCreated: (token: CreatedTokenView & { name: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useForm(createTokenInput, { name: "", expiresInDays: "90", readOnly: false }, (v) => ({
    ...v,
    expiresInDays: Number(v.expiresInDays),
  }));
  const labels = { name: t("auth.tokens.name"), expiresInDays: t("auth.tokens.days") };
  const submit = form.onSubmit(async (data) => {
    const token = await createToken(data);
    form.reset();
    await onCreated({ ...token, name: data.name });
  });
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <TextField label={labels.name} isRequired {...form.field("name")} />
      <TextField
        label={labels.expiresInDays}
        inputMode="numeric"
        isRequired
        {...form.field("expiresInDays")}
      />
      <Checkbox
        label={t("auth.tokens.readOnly")}
        checked={form.values.readOnly}
        onChange={(checked) => form.setValue("readOnly", checked)}
      />
      <Button type="submit" isPending={form.submitting}>
        {t("auth.tokens.create")}
      </Button>
    </form>
  );
}

/** The new token, shown this once: selectable text and a copy button. */
function NewToken({ token }: { token: CreatedTokenView & { name: string } }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success">
      <p>
        <strong>{t("auth.tokens.newToken")}</strong> ({token.name}): {t("auth.tokens.created")}
      </p>
      <p>
        <code id="new-api-token">{token.token}</code>
      </p>
      <Button
        variant="secondary"
        onPress={() =>
          // Without clipboard permission the token stays selectable on the page.
          navigator.clipboard.writeText(token.token).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t("auth.tokens.copy")}
      </Button>
      {copied && <span role="status"> {t("auth.tokens.copied")}</span>}
    </Alert>
  );
}

import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PageKey, type PageView, pageInput } from "../../../common/site.ts";
import { useMe } from "../../auth.ts";
import {
  Alert,
  Button,
  EmptyState,
  FormErrorSummary,
  PageHeader,
  QueryState,
  TextAreaField,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { editablePageQuery, pageQuery, sectorGroupsQuery, useSavePage } from "./site-api.ts";
import { Paragraphs } from "./site-format.tsx";

/** About Samhällskontraktet: the editable text and links to the parties and the sector groups. */
export function AboutPage() {
  const { t } = useTranslation();
  return (
    <TextPage pageKey="about">
      <nav aria-label={t("site.nav.about")}>
        <ul className="plain-list">
          <li>
            <Link to="/om/parterna">{t("site.pages.parties")}</Link>
          </li>
          <li>
            <Link to="/om/sektorsgrupper">{t("site.pages.sectorGroups")}</Link>
          </li>
          <li>
            <Link to="/ideer">{t("site.start.openCalls")}</Link>
          </li>
          <li>
            <Link to="/evenemang">{t("site.start.upcomingEvents")}</Link>
          </li>
          <li>
            <Link to="/nyheter">{t("site.news.title")}</Link>
          </li>
        </ul>
      </nav>
    </TextPage>
  );
}

export function PartiesPage() {
  return <TextPage pageKey="parties" />;
}

function TextPage({ pageKey, children }: { pageKey: PageKey; children?: ReactNode }) {
  const query = useQuery(pageQuery(pageKey));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { t } = useTranslation();
  const me = useMe();
  return (
    <QueryState query={query}>
      {(page) => (
        <>
          <PageHeader
            title={page.title}
            actions={
              me?.abilities.coordinate &&
              !editing && (
                <Button variant="secondary" onPress={() => setEditing(true)}>
                  {t("site.pages.edit")}
                </Button>
              )
            }
          />
          {saved && <Alert tone="success">{t("site.pages.saved")}</Alert>}
          {editing ? (
            <EditPage
              pageKey={pageKey}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : page.body ? (
            <div className="prose">
              <Paragraphs text={page.body} />
            </div>
          ) : (
            <EmptyState message={t("site.pages.empty")} />
          )}
          {children}
        </>
      )}
    </QueryState>
  );
}

function EditPage({ pageKey, onSaved }: { pageKey: PageKey; onSaved: () => void }) {
  const query = useQuery(editablePageQuery(pageKey));
  return <QueryState query={query}>{(page) => <PageForm page={page} onSaved={onSaved} />}</QueryState>;
}

function PageForm({ page, onSaved }: { page: PageView; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSavePage(page.key);
  const form = useForm(pageInput, { title: page.title, body: page.body });
  const labels = { title: t("site.fields.title"), body: t("site.fields.body") };
  return (
    <form
      noValidate
      className="form"
      onSubmit={form.onSubmit(async (data) => {
        await save.mutateAsync(data);
        onSaved();
      })}
    >
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <TextField label={labels.title} isRequired {...form.field("title")} />
      <TextAreaField label={labels.body} {...form.field("body")} />
      <Button type="submit" isPending={form.submitting}>
        {t("site.pages.save")}
      </Button>
    </form>
  );
}

/** The sector groups and their contacts, from the governance module's bodies and members. */
export function SectorGroupsPage() {
  const { t } = useTranslation();
  const query = useQuery(sectorGroupsQuery());
  return (
    <>
      <PageHeader title={t("site.pages.sectorGroups")} intro={t("site.pages.sectorGroupsIntro")} />
      <QueryState query={query}>
        {(groups) =>
          groups.length === 0 ? (
            <EmptyState message={t("site.pages.noSectorGroups")} />
          ) : (
            <ul className="card-list">
              {groups.map((group) => (
                <li key={group.id} className="card">
                  <h2>{group.name}</h2>
                  {group.tasks && <p>{group.tasks}</p>}
                  <h3>{t("site.pages.contacts")}</h3>
                  {group.contacts.length === 0 ? (
                    <p>{t("site.pages.noContacts")}</p>
                  ) : (
                    <ul className="plain-list">
                      {group.contacts.map((c) => (
                        <li key={`${c.name}-${c.role}`}>
                          {c.name}, {t(`site.roles.${c.role}`, { defaultValue: c.role })}
                          {c.party ? ` (${c.party})` : ""}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ComboBox, Input, type Key, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { api, queryString } from "../api.ts";
import "./name-picker.css";

/** What a picker can search: the registers with a list endpoint that takes `q`. */
export type NamedKind = "organisation" | "programme";

type Named = { id: string; name: string; detail?: string };

const paths: Record<NamedKind, string> = { organisation: "/api/organisations", programme: "/api/programmes" };

/** A register row's name: organisations have `name`, programmes `name` or (before issue 15) `nameSv`. */
function toNamed(row: Record<string, unknown>): Named {
  const name = (row.name ?? row.nameSv ?? "") as string;
  const code = typeof row.code === "string" ? row.code : undefined;
  const organisation = (row.organisation as { name?: string } | null | undefined)?.name;
  return {
    id: row.id as string,
    name,
    detail: [code, organisation].filter(Boolean).join(" · ") || undefined,
  };
}

/** The name of one record by id (for role lists and a picker's current value); null while unknown. */
export function useRecordName(kind: string | null | undefined, id: string | null | undefined) {
  const known = kind === "organisation" || kind === "programme";
  const query = useQuery({
    queryKey: ["record-name", kind, id],
    queryFn: () => api.get<Record<string, unknown>>(`${paths[kind as NamedKind]}/${id}`).then(toNamed),
    enabled: known && !!id,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return { name: query.data?.name ?? null, isError: query.isError };
}

function useSettled(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Pick one organisation or programme by typing part of its name (issue 15: scopes by name, never by id).
 * React Aria's combobox: arrows, Enter and Escape work, the list is announced; the id stays behind the
 * scenes. Searches the register's own list endpoint once two letters are typed.
 */
export function NamePicker({
  id,
  kind,
  label,
  value,
  onChange,
  error,
}: {
  /** Given to the input, so an error summary can link to the field. */
  id?: string;
  kind: NamedKind;
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string[] | string;
}) {
  const { t } = useTranslation();
  const current = useRecordName(kind, value || null);
  const [input, setInput] = useState<string | null>(null);
  const shown = input ?? current.name ?? "";
  const q = useSettled((input ?? "").trim());
  const search = useQuery({
    queryKey: ["name-picker", kind, q],
    queryFn: () =>
      api
        .get<{ items: Record<string, unknown>[] }>(`${paths[kind]}${queryString({ q, limit: 20 })}`)
        .then((r) => r.items.map(toNamed)),
    enabled: q.length >= 2,
  });
  const typed = (input ?? "").trim().length >= 2;
  const items = typed ? (search.data ?? []) : [];
  const message = Array.isArray(error) ? error.join(" ") : error;
  const queryClient = useQueryClient();
  const select = (key: Key | null) => {
    if (key === null) return;
    const picked = items.find((item) => item.id === key);
    // The field shows the picked name at once, not after a round trip for it.
    if (picked) queryClient.setQueryData(["record-name", kind, picked.id], picked);
    onChange(String(key));
    setInput(null);
  };
  return (
    <ComboBox<Named>
      id={id}
      className="field"
      items={items}
      inputValue={shown}
      onInputChange={(text) => {
        setInput(text);
        if (text.trim() === "" && value) onChange("");
      }}
      selectedKey={value || null}
      onSelectionChange={select}
      defaultFilter={() => true}
      menuTrigger="input"
      allowsEmptyCollection={typed}
      isInvalid={!!message}
      onBlur={() => setInput(null)}
    >
      <Label className="field-label">{label}</Label>
      <Text slot="description" className="field-description">
        {t("admin.scopeSearchHint")}
      </Text>
      <Input className="input" />
      {message && (
        <Text slot="errorMessage" className="field-error">
          {message}
        </Text>
      )}
      <Popover className="name-picker-popover" placement="bottom start">
        <ListBox<Named>
          className="name-picker-options"
          renderEmptyState={() => (
            <div className="name-picker-option name-picker-empty">
              {q.length < 2 || search.isFetching ? t("admin.scopeSearching") : t("admin.scopeNoMatches")}
            </div>
          )}
        >
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.name} className="name-picker-option">
              <span>{item.name}</span>
              {item.detail && <span className="small">{item.detail}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

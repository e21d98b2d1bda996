import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ComboBox, Input, type Key, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { CallDetailView, ReviewerCandidateView } from "../../../common/ideas.ts";
import { ApiError } from "../../api.ts";
import { Alert, Button, EmptyState } from "../../components/index.ts";
import { reviewerCandidatesQuery, useSetPanel } from "./ideas-api.ts";
import "./ideas.css";

const maxPanel = 50;

/**
 * A call's panel: the reviewers by name and, for those who may set it, a remove button each and a
 * search to add one. Every change saves the whole list at once (PUT with the call's If-Match); someone
 * else's change in between answers 412, which is shown while the panel is read again.
 */
export function CallPanel({ call }: { call: CallDetailView }) {
  const { t } = useTranslation();
  const setPanel = useSetPanel(call.id);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  if (!call.mayManage && call.reviewers.length === 0) return null;
  const ids = call.reviewers.map((r) => r.userId);

  const save = async (userIds: string[], done: string) => {
    setProblem(null);
    setStatus("");
    try {
      await setPanel.mutateAsync(userIds);
      setStatus(done);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem.detail : String(error));
    }
  };
  const remove = async (member: { userId: string; name: string }) => {
    await save(
      ids.filter((id) => id !== member.userId),
      t("ideas.panel.removed", { name: member.name }),
    );
    // The pressed button is gone: focus returns to the section's heading.
    heading.current?.focus();
  };

  return (
    <section aria-labelledby="panel-heading" className="call-panel">
      <h2 id="panel-heading" ref={heading} tabIndex={-1}>
        {t("ideas.panel.title")}
      </h2>
      <p>{t("ideas.panel.intro")}</p>
      {call.reviewers.length === 0 ? (
        <EmptyState message={t(call.mayManage ? "ideas.panel.empty" : "ideas.panel.emptyReadOnly")} />
      ) : (
        <ul className="panel-members" aria-label={t("ideas.panel.members")}>
          {call.reviewers.map((member) => (
            <li key={member.userId}>
              <span>{member.name}</span>
              {call.mayManage && (
                <Button
                  variant="secondary"
                  aria-label={t("ideas.panel.removeLabel", { name: member.name })}
                  isPending={setPanel.isPending}
                  onPress={() => remove(member)}
                >
                  {t("ideas.panel.remove")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && <Alert tone="error">{problem}</Alert>}
      <p role="status" className="panel-status">
        {status}
      </p>
      {call.mayManage &&
        (ids.length >= maxPanel ? (
          <p>{t("ideas.panel.full")}</p>
        ) : (
          <ReviewerPicker
            callId={call.id}
            current={ids}
            disabled={setPanel.isPending}
            onPick={(member) => save([...ids, member.userId], t("ideas.panel.added", { name: member.name }))}
          />
        ))}
    </section>
  );
}

/** Waits until typing pauses before the value is used (one search, not one per key). */
function useSettled(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A searchable list of active users (React Aria's combobox: arrows, Enter, Escape). */
function ReviewerPicker({
  callId,
  current,
  disabled,
  onPick,
}: {
  callId: string;
  current: string[];
  disabled: boolean;
  onPick: (member: { userId: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState("");
  const q = useSettled(input.trim());
  const typed = input.trim().length >= 2;
  const candidates = useQuery({ ...reviewerCandidatesQuery(callId, q), enabled: q.length >= 2 });
  // Nothing to offer until two letters are typed (and at once after a pick clears the field).
  const items = typed && q.length >= 2 ? (candidates.data ?? []) : [];
  const select = (key: Key | null) => {
    const member = items.find((c) => c.userId === key);
    // While a save is under way the field stays focusable (a disabled one would drop the focus).
    if (!member || disabled || current.includes(member.userId)) return;
    setInput("");
    onPick(member);
  };
  return (
    <ComboBox<ReviewerCandidateView>
      className="field panel-picker"
      items={items}
      inputValue={input}
      onInputChange={setInput}
      selectedKey={null}
      onSelectionChange={select}
      defaultFilter={() => true}
      disabledKeys={current}
      menuTrigger="input"
      // Open while searching (the list says so) once two letters are typed; closed otherwise, so that a
      // pick, which clears the field, closes the list and leaves the page to screen readers again.
      allowsEmptyCollection={typed}
    >
      <Label className="field-label">{t("ideas.panel.add")}</Label>
      <Text slot="description" className="field-description">
        {t("ideas.panel.addHint")}
      </Text>
      <Input className="input" />
      <Popover className="panel-popover" placement="bottom start">
        <ListBox<ReviewerCandidateView>
          className="panel-options"
          renderEmptyState={() => (
            <div className="panel-option panel-option-empty">
              {q.length < 2 || candidates.isFetching
                ? t("ideas.panel.searching")
                : t("ideas.panel.noMatches")}
            </div>
          )}
        >
          {(c) => {
            const label = current.includes(c.userId) ? t("ideas.panel.alreadyIn", { name: c.name }) : c.name;
            return (
              <ListBoxItem id={c.userId} textValue={label} className="panel-option">
                <span>{label}</span>
                {c.organisation && <span className="panel-option-organisation">{c.organisation}</span>}
              </ListBoxItem>
            );
          }}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

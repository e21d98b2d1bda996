import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AttendanceInput,
  CreateEventInput,
  EventView,
  FeedbackInput,
  OwnRegistrationView,
  ParticipantTableView,
  ParticipantView,
  PublicEventView,
  RegistrationInput,
  RegistrationResultView,
  UpdateEventInput,
  UpdateRegistrationInput,
  WalkInInput,
} from "../../../common/events.ts";
import { api, queryString } from "../../api.ts";

/** Data of the event pages: the public calendar and registration, and the organisers' views. */

export const publicEventsQuery = (month?: string) =>
  queryOptions({
    queryKey: ["public-events", month ?? "upcoming"],
    queryFn: async () =>
      (await api.get<{ items: PublicEventView[] }>(`/api/public/events${queryString({ month, limit: 200 })}`))
        .items,
    // The route's loader has just fetched the list (or the page came with it): the page does not ask again
    // as it mounts. A registration or cancellation marks it stale at once (places left).
    staleTime: 30_000,
  });

export const publicEventQuery = (id: string) =>
  queryOptions({
    queryKey: ["public-events", "one", id],
    queryFn: () => api.get<PublicEventView>(`/api/public/events/${id}`),
  });

export const ownRegistrationQuery = (token: string) =>
  queryOptions({
    queryKey: ["own-registration", token],
    queryFn: () => api.get<OwnRegistrationView>(`/api/public/registrations/${token}`),
  });

export function useRegister(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegistrationInput) =>
      api.post<RegistrationResultView>(`/api/public/events/${eventId}/registrations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["public-events"] }),
  });
}

export function useOwnRegistration(token: string) {
  const queryClient = useQueryClient();
  const set = (data: OwnRegistrationView) => {
    queryClient.setQueryData(ownRegistrationQuery(token).queryKey, data);
    void queryClient.invalidateQueries({ queryKey: ["public-events"] }); // places left
  };
  return {
    update: useMutation({
      mutationFn: (input: UpdateRegistrationInput) =>
        api.patch<OwnRegistrationView>(`/api/public/registrations/${token}`, input),
      onSuccess: set,
    }),
    cancel: useMutation({
      mutationFn: () => api.post<OwnRegistrationView>(`/api/public/registrations/${token}/cancel`),
      onSuccess: set,
    }),
    feedback: useMutation({
      mutationFn: (input: FeedbackInput) =>
        api.post<void>(`/api/public/registrations/${token}/feedback`, input),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ["own-registration", token] }),
    }),
  };
}

// ---- Organisers -----------------------------------------------------------------------------

export const eventsQuery = (filters: { from?: string; to?: string; sort?: string }) =>
  queryOptions({
    queryKey: ["events", filters],
    queryFn: () =>
      api.get<{ items: EventView[]; nextCursor: string | null }>(
        `/api/events${queryString({ ...filters, limit: 200 })}`,
      ),
  });

export const eventQuery = (id: string) =>
  queryOptions({ queryKey: ["events", "one", id], queryFn: () => api.get<EventView>(`/api/events/${id}`) });

export const participantsQuery = (id: string) =>
  queryOptions({
    queryKey: ["events", "participants", id],
    queryFn: async () =>
      (await api.get<{ items: ParticipantView[] }>(`/api/events/${id}/participants`)).items,
  });

export const participantTableQuery = (scope: Record<string, string>) =>
  queryOptions({
    queryKey: ["events", "participant-table", scope],
    queryFn: () => api.get<ParticipantTableView>(`/api/events/participants-by-role${queryString(scope)}`),
  });

export const eventFeedbackQuery = (id: string) =>
  queryOptions({
    queryKey: ["events", "feedback", id],
    queryFn: () =>
      api.get<{
        responses: number;
        averageRating: number | null;
        distribution: number[];
        comments: { rating: number; comment: string; createdAt: string }[];
      }>(`/api/events/${id}/feedback`),
  });

export function useSaveEvent(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEventInput | UpdateEventInput) =>
      id ? api.patch<EventView>(`/api/events/${id}`, input) : api.post<EventView>("/api/events", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["events"] }),
  });
}

export function useCheckIn(eventId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["events"] });
  return {
    attendance: useMutation({
      mutationFn: (input: AttendanceInput) =>
        api.post<ParticipantView>(`/api/events/${eventId}/attendance`, input),
      onSuccess: refresh,
    }),
    walkIn: useMutation({
      mutationFn: (input: WalkInInput) => api.post<ParticipantView>(`/api/events/${eventId}/walk-ins`, input),
      onSuccess: refresh,
    }),
  };
}

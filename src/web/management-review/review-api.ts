import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  managementReviewRegister,
  openDraftResponseSchema,
  reviewAttendanceViewSchema,
  reviewDecisionRegister,
  reviewScheduleSchema,
  type ReviewAttendance,
} from '../../schema/management-review/management-review.register.js';
import { reviewInputsSchema } from '../../schema/management-review/review-inputs.schema.js';
import { api, orgPath } from '../lib/api-client.js';
import { recordKey, registerBase } from '../register/register-api.js';

/** The management review's own routes beside the generic register ones (docs/API.md "Management review"). */
const reviewPath = (org: string, id: string, rest: string) =>
  `${registerBase(org, managementReviewRegister)}/${encodeURIComponent(id)}${rest}`;

export const scheduleKey = (org: string) => ['org', org, managementReviewRegister.collection, 'schedule'];

/** When the next review is due (GET /management-reviews/schedule): the list's banner and the home reminder. */
export function useReviewSchedule(org: string, enabled = true) {
  return useQuery({
    queryKey: scheduleKey(org),
    queryFn: () => api.get(orgPath(org, '/management-reviews/schedule'), reviewScheduleSchema),
    enabled,
  });
}

/** The inputs a–g compiled now from the records (not stored): what the review will look at before a draft exists. */
export function useLiveInputs(org: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...recordKey(org, managementReviewRegister, id), 'inputs'],
    queryFn: () => api.get(reviewPath(org, id, '/inputs'), reviewInputsSchema),
    enabled,
  });
}

export function useAttendance(org: string, id: string) {
  return useQuery({
    queryKey: [...recordKey(org, managementReviewRegister, id), 'attendance'],
    queryFn: () => api.get(reviewPath(org, id, '/attendance'), reviewAttendanceViewSchema),
  });
}

export function useSaveAttendance(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewAttendance) =>
      api.put(reviewPath(org, id, '/attendance'), body, reviewAttendanceViewSchema),
    onSuccess: (saved) =>
      queryClient.setQueryData([...recordKey(org, managementReviewRegister, id), 'attendance'], saved),
  });
}

/** Opens (or links) the next draft of the document a decision changes; the decision then points at it. */
export function useOpenDraft(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decisionId, entity, id }: { decisionId: string; entity: string; id: string }) =>
      api.post(
        `${registerBase(org, reviewDecisionRegister)}/${encodeURIComponent(decisionId)}/open-draft`,
        { entity, id },
        openDraftResponseSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org', org, reviewDecisionRegister.collection] }),
  });
}

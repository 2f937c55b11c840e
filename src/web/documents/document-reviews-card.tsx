import { useState } from 'react';
import type { DocumentRecord } from '../../schema/documents/document.register.js';
import { REVIEW_OUTCOMES, reviewBody } from '../../schema/documents/documents.schema.js';
import { useT } from '../i18n/i18n.js';
import { zodFieldErrors } from '../lib/form-errors.js';
import { useCan } from '../lib/session.js';
import { LiveMessage } from '../components/status.js';
import { useDocumentMutations, useReviews } from './documents-api.js';
import { Button } from '../ui/button.js';
import { TextArea } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import type { FieldErrors } from '../ui/form-state.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';

type Outcome = (typeof REVIEW_OUTCOMES)[number];
const EMPTY: { outcome: Outcome; note: string } = { outcome: 'no_change', note: '' };

/**
 * Reviews (7.5.3: documents kept suitable): when the next one is due, the reviews so far, and recording one —
 * "no change needed" moves the next review one interval on; "revise" opens the next draft from the approved text.
 */
export function ReviewsCard({ org, record }: { org: string; record: DocumentRecord }) {
  const { t, td, formatDate } = useT();
  const can = useCan(org);
  const reviews = useReviews(org, record.id);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const status = record.status ?? 'draft';
  const reviewable = can('document.review') && !record.archivedAt && (status === 'published' || status === 'approved');
  const next = record.nextReviewDate;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <section className="card" aria-labelledby="doc-reviews-title">
      <h2 id="doc-reviews-title" className="card__title">
        {t('documents.review.title')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <p>
        {next ? (
          <>
            {t('documents.review.next', { date: formatDate(next) })}{' '}
            {next < today ? <span className="pill pill--review-overdue">{t('documents.review.overdue')}</span> : null}
          </>
        ) : (
          t('documents.review.noDate')
        )}
      </p>
      {reviewable ? (
        open ? (
          <ReviewForm
            org={org}
            id={record.id}
            onDone={(outcome) => {
              setOpen(false);
              setDone(outcome === 'revise' ? t('documents.review.doneRevise') : t('documents.review.done'));
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <p>
            <Button
              size="small"
              onClick={() => {
                setDone(null);
                setOpen(true);
              }}
            >
              {t('documents.review.open')}
            </Button>
          </p>
        )
      ) : null}
      <QueryState query={reviews} empty={t('documents.review.none')}>
        {(data) => (
          <ul className="doc-reviews">
            {data.items.map((r) => (
              <li key={r.id} className="doc-reviews__item">
                <p className="doc-reviews__head">
                  <strong>{formatDate(r.reviewedOn)}</strong> ·{' '}
                  {td(`documents.review.outcome.${r.outcome}`, undefined, r.outcome)}
                  {r.versionNo ? <> · {t('documents.review.ofVersion', { no: r.versionNo })}</> : null}
                  {r.reviewerName ? <span className="muted"> · {r.reviewerName}</span> : null}
                </p>
                <p className="prewrap">{r.note}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

/** Recording one review; it closes (and so starts empty next time) once the review is recorded. */
function ReviewForm({
  org,
  id,
  onDone,
  onCancel,
}: {
  org: string;
  id: string;
  onDone: (outcome: Outcome) => void;
  onCancel: () => void;
}) {
  const i18n = useT();
  const { t, td } = i18n;
  const { review } = useDocumentMutations(org, id);
  // the card's own words for an empty note, rather than the schema's generic "Required"
  const noteGiven = (v: typeof EMPTY): FieldErrors =>
    v.note.trim() ? {} : { note: t('documents.review.noteRequired') };
  const form = useForm({
    initial: EMPTY,
    schema: reviewBody,
    toBody: (v) => ({ outcome: v.outcome, note: v.note.trim() }),
    check: noteGiven,
    clientErrors: (error, v) => ({ ...zodFieldErrors(i18n, error), ...noteGiven(v) }),
    submit: (body) => review.mutateAsync(body),
    onSuccess: (_, v) => onDone(v.outcome),
  });
  return (
    <Form form={form} className="form doc-inline-form">
      <fieldset>
        <legend>{t('documents.review.outcome')}</legend>
        {REVIEW_OUTCOMES.map((o) => (
          <label key={o} className="doc-radio">
            <input
              type="radio"
              name="outcome"
              value={o}
              checked={form.values.outcome === o}
              onChange={() => form.set('outcome', o)}
            />{' '}
            {td(`documents.review.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <TextArea
        label={t('documents.review.note')}
        help={t('documents.review.noteHelp')}
        required
        rows={3}
        maxLength={4000}
        {...form.field('note')}
      />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('documents.review.record')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}

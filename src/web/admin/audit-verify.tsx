import { useMutation } from '@tanstack/react-query';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { auditVerifyResultSchema } from '../../schema/audit/signing-key.js';
import { ErrorMessage } from '../components/status.js';
import { Button } from '../ui/button.js';

/** Recomputes the organization's hash chain on the server and says whether it holds. */
export function AuditVerify({ org }: { org: string }) {
  const { t, formatNumber, formatDateTime } = useT();
  const verify = useMutation({ mutationFn: () => api.get(orgPath(org, '/audit/verify'), auditVerifyResultSchema) });
  const r = verify.data;
  return (
    <div className="verify">
      <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </Button>
      <div aria-live="polite" className="verify__result">
        {verify.isError ? <ErrorMessage error={verify.error} /> : null}
        {r ? (
          r.ok ? (
            <p className="alert alert--success">{t('audit.verifyOk', { count: formatNumber(r.checked) })}</p>
          ) : (
            <p className="alert alert--error" role="alert">
              {r.firstBroken
                ? t('audit.verifyBroken', {
                    seq: r.firstBroken.seq,
                    id: r.firstBroken.eventId ?? '—',
                    reason: r.firstBroken.reason,
                    count: formatNumber(r.checked),
                  })
                : t('audit.verifyBrokenUnknown')}
            </p>
          )
        ) : null}
        {r ? (
          <p className="muted" data-testid="audit-anchor">
            {r.anchor
              ? t('audit.anchored', { seq: r.anchor.seq, when: formatDateTime(r.anchor.signedAt) })
              : t('audit.notAnchored')}
            {r.anchor && r.unanchoredEvents > 0
              ? ` ${t('audit.unanchoredTail', { seq: r.anchor.seq, count: formatNumber(r.unanchoredEvents) })}`
              : ''}
            {r.formerKeys.length ? ` ${t('audit.formerKeys', { keys: r.formerKeys.join(', ') })}` : ''}
          </p>
        ) : null}
      </div>
    </div>
  );
}

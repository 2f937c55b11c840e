import { useState } from 'react';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useEvidencePackage } from './documents-api.js';
import { Button } from '../ui/button.js';

/**
 * Downloads the evidence package (7.5.3, for auditors): of the whole register, or of one document. Building it takes
 * a moment (a PDF per version), so the button says it is busy; a refusal shows the server's problem detail.
 */
export function EvidencePackageButton({
  org,
  documentId,
  size = 'normal',
}: {
  org: string;
  documentId?: string;
  size?: 'normal' | 'small';
}) {
  const { t } = useT();
  const pkg = useEvidencePackage(org);
  const [done, setDone] = useState<string | null>(null);
  const descriptionId = documentId ? 'doc-evidence-package-note' : 'evidence-package-note';
  const verify = t('documents.evidence.verify').split('{command}');
  const download = () => {
    setDone(null);
    pkg.mutate(documentId ? [documentId] : undefined, {
      onSuccess: (file) => setDone(t('documents.evidence.done', { file: file.fileName ?? 'evidence-package.zip' })),
    });
  };
  return (
    <div className="doc-evidence">
      <Button size={size} aria-describedby={descriptionId} busy={pkg.isPending} onClick={download}>
        {pkg.isPending
          ? t('documents.evidence.busy')
          : documentId
            ? t('documents.evidence.downloadOne')
            : t('documents.evidence.download')}
      </Button>
      <p className="muted doc-evidence__note" id={descriptionId}>
        {documentId ? t('documents.evidence.holdsOne') : t('documents.evidence.holds')} {verify[0]}
        <code>rampart verify-package &lt;file&gt;</code>
        {verify[1]}
      </p>
      <LiveMessage>{pkg.isPending ? null : done}</LiveMessage>
      {pkg.isError ? <ErrorMessage error={pkg.error} /> : null}
      {isApiError(pkg.error) && pkg.error.errors.length ? (
        <ul className="field__error">
          {pkg.error.errors.map((e) => (
            <li key={e.field}>{e.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

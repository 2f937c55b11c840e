import { useMemo, type ReactNode, type ComponentType } from 'react';
import { useParams } from '@tanstack/react-router';
import { CLASSIFICATIONS } from '../../schema/documents/document.register.js';
import { MessageOverrides, useT } from '../i18n/i18n.js';
import { useClassificationLabels } from './documents-api.js';

/**
 * The organization's names for the classification levels in place of the catalog's, for everything beneath:
 * badges, the register's column and filter, the new and edit forms and the document header alike (the generic
 * register components look option labels up in the catalog, so overriding the keys reaches them too).
 */
export function ClassificationNames({ org, children }: { org: string; children: ReactNode }) {
  const { t } = useT();
  const labels = useClassificationLabels(org);
  // labels is a new object on every render: memoize on its words, so the context changes only when a name does
  const words = JSON.stringify(CLASSIFICATIONS.map((level) => labels[level]));
  const messages = useMemo(() => {
    const named = JSON.parse(words) as string[];
    const byLevel = Object.fromEntries(CLASSIFICATIONS.map((level, i) => [level, named[i] ?? level]));
    const out: Record<string, string> = Object.fromEntries(
      CLASSIFICATIONS.map((level) => [`documents.classification.${level}`, byLevel[level]!]),
    );
    out['documents.help.classification'] = t('documents.scheme.fieldHelp', byLevel);
    return out;
  }, [t, words]);
  return <MessageOverrides messages={messages}>{children}</MessageOverrides>;
}

/** A documents route's page inside the organization's classification names. */
export function withClassificationNames(Page: ComponentType): () => ReactNode {
  function Named() {
    const { org = '' } = useParams({ strict: false });
    return (
      <ClassificationNames org={org}>
        <Page />
      </ClassificationNames>
    );
  }
  Named.displayName = `WithClassificationNames(${Page.name})`;
  return Named;
}

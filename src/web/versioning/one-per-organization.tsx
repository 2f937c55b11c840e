import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FieldMap, RegisterDef } from '../../schema/register/define-register.js';
import { api, orgPath } from '../lib/api-client.js';
import { recordPageSchemaOf, type RecordRead } from '../register/register-api.js';
import { Breadcrumb } from '../components/breadcrumb.js';
import { ErrorMessage, Loading } from '../components/status.js';

/** The organization's one current record of a register that holds one (the methodology, the SoA, the plan), or null. */
export function useTheOneRecord<F extends FieldMap>(org: string, register: RegisterDef<F>) {
  return useQuery({
    queryKey: ['org', org, register.collection, 'list', 'the-one'],
    queryFn: async () =>
      (await api.get(orgPath(org, `/${register.collection}`), recordPageSchemaOf(register), { query: { pageSize: 1 } }))
        .items[0] ?? null,
  });
}

interface Props<F extends FieldMap> {
  org: string;
  register: RegisterDef<F>;
  /** the page's name (translated), also the last step of the breadcrumb */
  title: string;
  /** the navigation group the page sits in (translated), the breadcrumb's first step */
  group: string;
  /** while the organization has none: what it is and how to start (given the breadcrumb) */
  empty: (breadcrumb: ReactNode) => ReactNode;
  /** the record as a controlled document (given the breadcrumb maker for VersionedDocumentPage) */
  children: (record: RecordRead<F>, breadcrumb: (ref?: string) => ReactNode) => ReactNode;
}

/**
 * A page for a controlled document the organization has one of: loading and errors, an explained start while
 * there is none, then the document (usually a VersionedDocumentPage).
 */
export function OnePerOrganizationPage<F extends FieldMap>({ org, register, title, group, empty, children }: Props<F>) {
  const record = useTheOneRecord(org, register);
  const breadcrumb = (ref?: string) => (
    <Breadcrumb parent={<span>{group}</span>} current={ref ? `${title} ${ref}` : title} />
  );
  if (record.isPending) return <Loading />;
  if (record.isError) {
    return (
      <section className="page">
        {breadcrumb()}
        <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
      </section>
    );
  }
  if (!record.data) return <>{empty(breadcrumb())}</>;
  return <>{children(record.data, breadcrumb)}</>;
}

import { getRouteApi } from '@tanstack/react-router';
import { auditReportVersioned, internalAuditRegister } from '../../../schema/internal-audit/internal-audit.register.js';
import { useSession } from '../../lib/session.js';
import { VersionedDocumentPage } from '../../versioning/versioned-document-page.js';
import { AuditBreadcrumb, AuditNav } from './audit-nav.js';
import { DistributionCard } from './distribution-card.js';
import './facts-section.js';
import './audits.css';

const route = getRouteApi('/o/$org/internal-audits/$id/report');

/**
 * The audit report (9.2.2 f): the audit record's versioned content — summary, the facts the server fills, the
 * conclusions — approved by the lead auditor, exported as DOCX/PDF, then distributed to top management.
 */
export function ReportPage() {
  const { org, id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useSession()?.user.id;
  return (
    <VersionedDocumentPage
      org={org}
      id={id}
      register={internalAuditRegister}
      def={auditReportVersioned}
      search={search}
      onSearch={(next) => void navigate({ search: next })}
      breadcrumb={(ref) => (
        <>
          <AuditBreadcrumb org={org} id={id} current={ref} />
          <AuditNav org={org} id={id} current="report" />
        </>
      )}
      // only the lead auditor signs the report (the server's approval rule): nobody else is offered to
      presentation={(record) => ({ approvable: !!me && record.leadAuditorId === me })}
      headerFields={['status', 'leadAuditorId', 'plannedStart', 'actualEnd']}
      below={(record) => <DistributionCard org={org} id={id} approvedVersion={record.approvedVersion ?? null} />}
    />
  );
}

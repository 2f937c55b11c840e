import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { issueRegister } from '../../schema/context/issue.register.js';
import { interestedPartyRegister } from '../../schema/context/interested-party.register.js';
import { requirementRegister } from '../../schema/context/requirement.register.js';
import { useT } from '../i18n/i18n.js';
import { ClimateDecisionCard } from './climate-decision-card.js';
import { PartyRequirements } from './party-requirements.js';
import { IsmsRisksFromSource } from '../risks/isms-risks-from-source.js';
import { RegisterDetailPage, RegisterEditPage, RegisterListPage, RegisterNewPage } from '../register/register-pages.js';

/** Pages of clause 4.1 (issues, with the climate decision) and 4.2 (interested parties, requirements). */
export function IssuesPage() {
  const { t } = useT();
  return (
    <RegisterListPage
      register={issueRegister}
      path="issues"
      before={(org) => <ClimateDecisionCard org={org} />}
      quickFilters={[
        { id: 'external', label: t('issues.quick.external'), params: { direction: 'external' } },
        { id: 'internal', label: t('issues.quick.internal'), params: { direction: 'internal' } },
        { id: 'climate', label: t('issues.quick.climate'), params: { climateRelated: 'true' } },
        { id: 'mine', label: t('issues.quick.mine'), params: { ownerId: 'me' } },
      ]}
      emptyState={({ org, canCreate }) => (
        <>
          <h2>{t('issues.empty.title')}</h2>
          <p>{t('issues.empty.intro')}</p>
          <ul className="checklist">
            <li>{t('issues.empty.scope')}</li>
            <li>{t('issues.empty.risks')}</li>
            <li>{t('issues.empty.review')}</li>
          </ul>
          <p>{t('issues.empty.hint')}</p>
          {canCreate ? (
            <p>
              <Link to="/o/$org/issues/new" params={{ org }} className="button button--primary">
                {t('issues.empty.add')}
              </Link>
            </p>
          ) : (
            <p className="muted">{t('issues.empty.readOnly')}</p>
          )}
        </>
      )}
    />
  );
}
export const IssueNewPage = () => <RegisterNewPage register={issueRegister} path="issues" />;
export const IssueEditPage = () => <RegisterEditPage register={issueRegister} path="issues" />;
export const IssueDetailPage = () => (
  <RegisterDetailPage
    register={issueRegister}
    path="issues"
    below={(org, id) => <IsmsRisksFromSource org={org} source="issue" id={id} />}
  />
);

export function InterestedPartiesPage() {
  const { t } = useT();
  return (
    <RegisterListPage
      register={interestedPartyRegister}
      path="interested-parties"
      quickFilters={[
        { id: 'external', label: t('interested-parties.quick.external'), params: { direction: 'external' } },
        { id: 'internal', label: t('interested-parties.quick.internal'), params: { direction: 'internal' } },
      ]}
      emptyState={({ org, canCreate }) => (
        <>
          <h2>{t('interested-parties.empty.title')}</h2>
          <p>{t('interested-parties.empty.intro')}</p>
          <ul className="checklist">
            <li>{t('interested-parties.empty.external')}</li>
            <li>{t('interested-parties.empty.internal')}</li>
          </ul>
          <p>{t('interested-parties.empty.why')}</p>
          {canCreate ? (
            <p>
              <Link to="/o/$org/interested-parties/new" params={{ org }} className="button button--primary">
                {t('interested-parties.empty.add')}
              </Link>
            </p>
          ) : (
            <p className="muted">{t('interested-parties.empty.readOnly')}</p>
          )}
        </>
      )}
    />
  );
}
export const InterestedPartyNewPage = () => (
  <RegisterNewPage register={interestedPartyRegister} path="interested-parties" />
);
export const InterestedPartyEditPage = () => (
  <RegisterEditPage register={interestedPartyRegister} path="interested-parties" />
);
export const InterestedPartyDetailPage = () => (
  <RegisterDetailPage
    register={interestedPartyRegister}
    path="interested-parties"
    below={(org, id) => <PartyRequirements org={org} partyId={id} />}
  />
);

export function RequirementsPage() {
  const { t } = useT();
  return (
    <RegisterListPage
      register={requirementRegister}
      path="requirements"
      quickFilters={[
        { id: 'open', label: t('requirements.quick.open'), params: { addressed: 'not_yet,partially' } },
        { id: 'legal', label: t('requirements.quick.legal'), params: { kind: 'legal,regulatory' } },
        { id: 'climate', label: t('requirements.quick.climate'), params: { climateRelated: 'true' } },
      ]}
      emptyState={({ org, canCreate }) => (
        <>
          <h2>{t('requirements.empty.title')}</h2>
          <p>{t('requirements.empty.intro')}</p>
          <ul className="checklist">
            <li>{t('requirements.empty.legal')}</li>
            <li>{t('requirements.empty.contractual')}</li>
            <li>{t('requirements.empty.other')}</li>
          </ul>
          <p>{t('requirements.empty.why')}</p>
          {canCreate ? (
            <p>
              <Link to="/o/$org/requirements/new" params={{ org }} className="button button--primary">
                {t('requirements.empty.add')}
              </Link>
            </p>
          ) : (
            <p className="muted">{t('requirements.empty.readOnly')}</p>
          )}
        </>
      )}
    />
  );
}
/** A new requirement, for the party named in `?partyId=` when it comes from a party's page. */
const requirementNewRoute = getRouteApi('/o/$org/requirements/new');
export function RequirementNewPage() {
  const { partyId } = requirementNewRoute.useSearch();
  const defaults = useMemo(() => (partyId ? { partyId } : undefined), [partyId]);
  return <RegisterNewPage register={requirementRegister} path="requirements" defaults={defaults} />;
}
export const RequirementEditPage = () => <RegisterEditPage register={requirementRegister} path="requirements" />;
export const RequirementDetailPage = () => (
  <RegisterDetailPage
    register={requirementRegister}
    path="requirements"
    below={(org, id) => <IsmsRisksFromSource org={org} source="requirement" id={id} />}
  />
);

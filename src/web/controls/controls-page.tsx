import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { controlRegister } from '../../schema/controls/control.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { LiveMessage } from '../components/status.js';
import { recordLinkFor } from '../register/register-pages.js';
import { RegisterList } from '../register/register-list.js';
import type { RegisterSearch } from '../register/register-search.js';
import { controlPath } from './control-paths.js';
import { useControlSettings, useChooseEdition } from './controls-api.js';
import { ControlsSummary } from './controls-summary.js';
import { EditionChoice } from './edition-choice.js';
import { EditionMigrationPanel } from './edition-migration.js';
import './controls.css';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';

const route = getRouteApi('/o/$org/controls');

/**
 * Controls and the Statement of Applicability (27001 6.1.3 b–d): until the organization picks its Annex A edition,
 * what the SoA is and the choice; then the summary of decisions and the register of controls in catalog order.
 */
export function ControlsPage() {
  const { t, td } = useT();
  const { org } = route.useParams();
  const search = route.useSearch() as RegisterSearch;
  const navigate = route.useNavigate();
  const can = useCan(org);
  const settings = useControlSettings(org);
  const choose = useChooseEdition(org);
  const RecordLink = useMemo(() => recordLinkFor(controlPath), []);
  useDocumentTitle(t('nav.controls'), useOrg(org).data?.name);
  const onSearch = (next: RegisterSearch) => void navigate({ search: next as never });
  const edition = settings.data?.edition ?? null;
  // 2013 controls sit under a control objective, 2022 ones under a theme: show and filter by what the edition has
  const grouping = edition === 'iso27001-2013' ? 'objective' : 'theme';

  return (
    <section className="page controls-page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('controls.eyebrow')}
        title={t('nav.controls')}
        description={t('controls.lead')}
        badges={
          <>
            {edition ? (
              <p className="badge controls-edition">
                {t('controls.editionBadge', { edition: td(`controls.source.${edition}`) })}
              </p>
            ) : null}
          </>
        }
        actions={
          edition && can('control.create') ? (
            <Link to="/o/$org/controls/new" params={{ org }} className="button button--primary">
              {t('controls.new')}
            </Link>
          ) : null
        }
      />
      <LiveMessage>
        {choose.isSuccess && choose.data.edition
          ? t('controls.edition.chosen', {
              edition: td(`controls.source.${choose.data.edition}`),
              count: choose.data.counts.catalog,
            })
          : null}
      </LiveMessage>
      <QueryState query={settings}>
        {() =>
          !edition ? (
            <EditionChoice canChoose={can('control.choose_edition')} choose={choose} />
          ) : (
            <>
              {edition === 'iso27001-2013' ? (
                <EditionMigrationPanel org={org} canMigrate={can('control.choose_edition')} />
              ) : null}
              <ControlsSummary org={org} onFilter={(params) => onSearch(params)} />
              <h2 id="control-list" className="section-title controls-list__title">
                {td(controlRegister.title)}
              </h2>
              <RegisterList
                org={org}
                register={controlRegister}
                search={search}
                onSearch={onSearch}
                RecordLink={RecordLink}
                columns={['title', grouping, 'applicability', 'implementationStatus', 'ownerId']}
                canExport={can('control.export')}
                canImport={can('control.import')}
                hiddenFilters={[grouping === 'theme' ? 'objective' : 'theme']}
                quickFilters={[
                  { id: 'undecided', label: t('controls.quick.undecided'), params: { applicability: 'undecided' } },
                  { id: 'applicable', label: t('controls.quick.applicable'), params: { applicability: 'applicable' } },
                  { id: 'excluded', label: t('controls.quick.excluded'), params: { applicability: 'excluded' } },
                  { id: 'unjustified', label: t('controls.quick.unjustified'), params: { unjustified: 'true' } },
                  { id: 'untouched', label: t('controls.quick.untouched'), params: { untouched: 'true' } },
                ]}
                banner={<FilterBanner search={search} />}
                emptyState={
                  <>
                    <h2>{t('controls.empty.title')}</h2>
                    <p>{t('controls.empty.intro')}</p>
                  </>
                }
              />
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/** What the two "attention" views mean, above the list they select. */
function FilterBanner({ search }: { search: RegisterSearch }) {
  const { t } = useT();
  const which = search.untouched === 'true' ? 'untouched' : search.unjustified === 'true' ? 'unjustified' : null;
  if (!which) return null;
  return (
    <div className={`alert ${which === 'untouched' ? 'alert--info' : 'alert--warning'} controls-banner`} role="note">
      <p className="controls-banner__title">
        {t(which === 'untouched' ? 'controls.banner.untouchedTitle' : 'controls.banner.unjustifiedTitle')}
      </p>
      <p>{t(which === 'untouched' ? 'controls.banner.untouched' : 'controls.banner.unjustified')}</p>
    </div>
  );
}

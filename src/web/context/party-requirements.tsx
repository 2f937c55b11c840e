import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { requirementRegister } from '../../schema/context/requirement.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { RegisterList } from '../register/register-list.js';
import type { RegisterSearch } from '../register/register-search.js';
import { recordLinkFor } from '../register/register-pages.js';

/** The requirements of one interested party: the requirements list filtered on `partyId`, on the party's page. */
export function PartyRequirements({ org, partyId }: { org: string; partyId: string }) {
  const { t } = useT();
  const can = useCan(org);
  const [search, setSearch] = useState<RegisterSearch>({});
  const RecordLink = useMemo(() => recordLinkFor('requirements'), []);
  const fixed = useMemo(() => ({ partyId }), [partyId]);
  return (
    <section className="card party-requirements" aria-labelledby="party-requirements">
      <div className="card__header">
        <h2 id="party-requirements" className="card__title">
          {t('interested-parties.requirements')}
        </h2>
        {can('requirement.create') ? (
          <Link
            to="/o/$org/requirements/new"
            params={{ org }}
            search={{ partyId }}
            className="button button--secondary"
          >
            {t('interested-parties.addRequirement')}
          </Link>
        ) : null}
      </div>
      <RegisterList
        org={org}
        register={requirementRegister}
        search={search}
        fixed={fixed}
        onSearch={setSearch}
        RecordLink={RecordLink}
        canExport={can('requirement.export')}
        emptyState={<p>{t('interested-parties.noRequirements')}</p>}
      />
    </section>
  );
}

import { Link } from '@tanstack/react-router';
import { treatmentResultRegister } from '../../../schema/controls/treatment-result.register.js';
import { useT } from '../../i18n/i18n.js';

/** On the treatment plan's page: where the plan's status at a date is documented and approved (8.3). */
export function TreatmentResultsLink({ org }: { org: string }) {
  const { t, td } = useT();
  return (
    <p className="muted">
      {t('treatmentResults.fromPlan')}{' '}
      <Link to="/o/$org/treatment-results" params={{ org }}>
        {td(treatmentResultRegister.title)}
      </Link>
    </p>
  );
}

import { getRouteApi } from '@tanstack/react-router';
import { ismsProcessRegister } from '../../schema/leadership/isms-process.register.js';
import { processInteractionRegister } from '../../schema/leadership/process-interaction.register.js';
import { ismsRoleRegister } from '../../schema/leadership/isms-role.register.js';
import { roleAssignmentRegister } from '../../schema/leadership/role-assignment.register.js';
import { ismsActivityRegister } from '../../schema/leadership/isms-activity.register.js';
import { leadershipCommitmentRegister } from '../../schema/leadership/leadership-commitment.register.js';
import { RegisterDetailPage, RegisterEditPage, RegisterNewPage } from '../register/register-pages.js';
import { ProcessInteractionsCard } from './process-interactions-card.js';
import { RoleHoldersCard } from './role-holders-card.js';
import { pagePath } from './register-paths.js';

/** New, detail and edit pages of the leadership registers (the generic pages with each register's additions). */
export const ProcessNewPage = () => (
  <RegisterNewPage register={ismsProcessRegister} path={pagePath('isms-processes')} />
);
export const ProcessEditPage = () => (
  <RegisterEditPage register={ismsProcessRegister} path={pagePath('isms-processes')} />
);
export const ProcessDetailPage = () => (
  <RegisterDetailPage
    register={ismsProcessRegister}
    path={pagePath('isms-processes')}
    below={(org, id) => <ProcessInteractionsCard org={org} id={id} />}
  />
);

const interactionNew = getRouteApi('/o/$org/process-interactions/new');
export function InteractionNewPage() {
  const { fromProcessId } = interactionNew.useSearch();
  return (
    <RegisterNewPage
      register={processInteractionRegister}
      path={pagePath('process-interactions')}
      defaults={fromProcessId ? { fromProcessId } : undefined}
    />
  );
}
export const InteractionEditPage = () => (
  <RegisterEditPage register={processInteractionRegister} path={pagePath('process-interactions')} />
);
export const InteractionDetailPage = () => (
  <RegisterDetailPage register={processInteractionRegister} path={pagePath('process-interactions')} />
);

export const RoleNewPage = () => <RegisterNewPage register={ismsRoleRegister} path={pagePath('isms-roles')} />;
export const RoleEditPage = () => <RegisterEditPage register={ismsRoleRegister} path={pagePath('isms-roles')} />;
export const RoleDetailPage = () => (
  <RegisterDetailPage
    register={ismsRoleRegister}
    path={pagePath('isms-roles')}
    below={(org, id) => <RoleHoldersCard org={org} id={id} />}
  />
);

const assignmentNew = getRouteApi('/o/$org/role-assignments/new');
export function AssignmentNewPage() {
  const { roleId } = assignmentNew.useSearch();
  return (
    <RegisterNewPage
      register={roleAssignmentRegister}
      path={pagePath('role-assignments')}
      defaults={roleId ? { roleId } : undefined}
    />
  );
}
export const AssignmentEditPage = () => (
  <RegisterEditPage register={roleAssignmentRegister} path={pagePath('role-assignments')} />
);
export const AssignmentDetailPage = () => (
  <RegisterDetailPage register={roleAssignmentRegister} path={pagePath('role-assignments')} />
);

export const ActivityNewPage = () => (
  <RegisterNewPage register={ismsActivityRegister} path={pagePath('isms-activities')} />
);
export const ActivityEditPage = () => (
  <RegisterEditPage register={ismsActivityRegister} path={pagePath('isms-activities')} />
);
export const ActivityDetailPage = () => (
  <RegisterDetailPage register={ismsActivityRegister} path={pagePath('isms-activities')} />
);

const commitmentNew = getRouteApi('/o/$org/leadership-commitments/new');
export function CommitmentNewPage() {
  const { commitment } = commitmentNew.useSearch();
  return (
    <RegisterNewPage
      register={leadershipCommitmentRegister}
      path={pagePath('leadership-commitments')}
      defaults={commitment ? { commitment } : undefined}
    />
  );
}
export const CommitmentEditPage = () => (
  <RegisterEditPage register={leadershipCommitmentRegister} path={pagePath('leadership-commitments')} />
);
export const CommitmentDetailPage = () => (
  <RegisterDetailPage register={leadershipCommitmentRegister} path={pagePath('leadership-commitments')} />
);

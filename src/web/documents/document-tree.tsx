import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { ClassificationBadge, SecurityPolicyBadge, StatusBadge } from './document-badges.js';
import { useDocumentTree, type TreeItem } from './documents-api.js';
import { QueryState } from '../ui/query-state.js';

/** Children by parent; a document whose parent the reader cannot see (or that has none) is a root. */
export function buildTree(items: TreeItem[]): { roots: TreeItem[]; children: Map<string, TreeItem[]> } {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<string, TreeItem[]>();
  const roots: TreeItem[] = [];
  for (const item of items) {
    if (item.parentId && ids.has(item.parentId) && item.parentId !== item.id) {
      const list = children.get(item.parentId) ?? [];
      list.push(item);
      children.set(item.parentId, list);
    } else roots.push(item);
  }
  // The general policy and the information security policy head the tree; then the API's order (by reference).
  const rank = (i: TreeItem) =>
    i.type === 'policy' ? (i.isSecurityPolicy ? 1 : 0) : i.type === 'topic_policy' ? 2 : 3;
  roots.sort((a, b) => rank(a) - rank(b));
  return { roots, children };
}

/** The policy hierarchy (5.2): the general policy and the information security policy on top, what supports them beneath. */
export function DocumentTree({ org, canCreate }: { org: string; canCreate: boolean }) {
  const { t } = useT();
  const tree = useDocumentTree(org);
  if (tree.isPending || tree.isError) return <QueryState query={tree}>{() => null}</QueryState>;
  const items = tree.data.items;
  if (items.length === 0) {
    return (
      <div className="empty-state">
        <h2>{t('documents.tree.emptyTitle')}</h2>
        <p>{t('documents.tree.emptyIntro')}</p>
        <p>{t('documents.tree.emptyHow')}</p>
        {canCreate ? (
          <p>
            <Link to="/o/$org/documents/new" params={{ org }} className="button button--primary">
              {t('documents.empty.add')}
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
  const { roots, children } = buildTree(items);
  const hasIsp = items.some((i) => i.isSecurityPolicy);
  return (
    <section className="doc-tree" aria-labelledby="doc-tree-title">
      <h2 id="doc-tree-title" className="section-title">
        {t('documents.view.tree')}
      </h2>
      <p className="muted">{t('documents.tree.lead')}</p>
      {!hasIsp ? <p className="alert alert--warning">{t('documents.tree.noIsp')}</p> : null}
      <Branch org={org} items={roots} childrenOf={children} depth={0} />
    </section>
  );
}

function Branch({
  org,
  items,
  childrenOf,
  depth,
}: {
  org: string;
  items: TreeItem[];
  childrenOf: Map<string, TreeItem[]>;
  depth: number;
}) {
  const { td } = useT();
  // Depth is bounded by the data, but a cycle in bad data must not recurse forever.
  if (depth > 20) return null;
  return (
    <ul className={depth === 0 ? 'doc-tree__list doc-tree__list--root' : 'doc-tree__list'}>
      {items.map((item) => {
        const kids = childrenOf.get(item.id) ?? [];
        return (
          <li key={item.id} className={item.isSecurityPolicy ? 'doc-tree__item doc-tree__item--isp' : 'doc-tree__item'}>
            <div className="doc-tree__node">
              <span className="ref">{item.ref}</span>{' '}
              <Link to="/o/$org/documents/$id" params={{ org, id: item.id }} className="doc-tree__title">
                {item.title}
              </Link>{' '}
              {item.isSecurityPolicy ? <SecurityPolicyBadge /> : null}
              <span className="doc-tree__meta">
                <span className="muted">{td(`documents.type.${item.type}`, undefined, item.type)}</span>
                <StatusBadge record={{ status: item.status, approvedVersion: null, publishedVersion: null }} />
                <ClassificationBadge value={item.classification} />
              </span>
            </div>
            {kids.length ? <Branch org={org} items={kids} childrenOf={childrenOf} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

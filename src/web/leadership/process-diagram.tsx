import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { useProcessMap } from './leadership-api.js';
import { BOX, layoutProcesses, wrapText } from './process-layout.js';
import './leadership.css';

const LABEL_CHARS = 22;
const charWidth = 6.3;

/**
 * The ISMS processes as an SVG diagram (boxes link to each process page; arrows carry what flows) followed by the
 * same content as a list, which is what screen readers and printouts rely on.
 */
export function ProcessDiagram({ org }: { org: string }) {
  const { t } = useT();
  const map = useProcessMap(org);
  const layout = useMemo(
    () =>
      map.data
        ? layoutProcesses(
            map.data.processes.map((p) => ({ id: p.id, ref: p.ref, name: p.name })),
            map.data.interactions.map((i) => ({ id: i.id, from: i.fromProcessId, to: i.toProcessId, label: i.flows })),
          )
        : null,
    [map.data],
  );
  if (map.isPending) return <Loading />;
  if (map.isError || !layout || !map.data) return <ErrorMessage error={map.error} onRetry={() => void map.refetch()} />;
  if (!layout.nodes.length) return <p className="empty-state empty-state--small">{t('diagram.empty')}</p>;

  const byId = new Map(map.data.processes.map((p) => [p.id, p]));
  const connected = new Set(map.data.interactions.flatMap((i) => [i.fromProcessId, i.toProcessId]));
  const isolated = map.data.processes.filter((p) => !connected.has(p.id));
  const short = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

  return (
    <div className="process-diagram">
      <p id="process-diagram-desc" className="muted small">
        {t('diagram.desc')}
      </p>
      <div className="process-diagram__canvas">
        <svg
          role="group"
          aria-label={t('diagram.title')}
          aria-describedby="process-diagram-desc"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          <defs>
            <marker
              id="pd-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="process-diagram__head" />
            </marker>
          </defs>
          <g aria-hidden="true">
            {layout.edges.map((e) => (
              <path
                key={e.id}
                d={e.path}
                className={e.back ? 'process-diagram__edge process-diagram__edge--back' : 'process-diagram__edge'}
                markerEnd="url(#pd-arrow)"
              />
            ))}
            {layout.edges.map((e) => {
              const text = short(e.label);
              const w = text.length * charWidth + 10;
              return (
                <g key={`${e.id}-label`} className="process-diagram__label">
                  <title>{e.label}</title>
                  <rect x={e.labelX - w / 2} y={e.labelY - 10} width={w} height={20} rx={4} />
                  <text x={e.labelX} y={e.labelY + 4} textAnchor="middle">
                    {text}
                  </text>
                </g>
              );
            })}
          </g>
          {layout.nodes.map((n) => {
            const lines = wrapText(n.name, 22, 2);
            return (
              <Link
                key={n.id}
                to="/o/$org/isms-processes/$id"
                params={{ org, id: n.id }}
                aria-label={`${n.ref} ${n.name}`}
                className="process-diagram__node"
              >
                <rect x={n.x} y={n.y} width={BOX.w} height={BOX.h} rx={8} />
                <text x={n.x + 10} y={n.y + 18} className="process-diagram__ref">
                  {n.ref}
                </text>
                {lines.map((line, i) => (
                  <text key={i} x={n.x + 10} y={n.y + 36 + i * 16} className="process-diagram__name">
                    {line}
                  </text>
                ))}
              </Link>
            );
          })}
        </svg>
      </div>
      <section aria-labelledby="process-diagram-list" className="process-diagram__alt">
        <h3 id="process-diagram-list">{t('diagram.textAlternative')}</h3>
        <ul>
          {map.data.interactions.map((i) => {
            const from = byId.get(i.fromProcessId);
            const to = byId.get(i.toProcessId);
            return (
              <li key={i.id}>
                <Link to="/o/$org/process-interactions/$id" params={{ org, id: i.id }}>
                  {t('diagram.edge', {
                    from: from ? `${from.ref} ${from.name}` : '?',
                    to: to ? `${to.ref} ${to.name}` : '?',
                    flows: i.flows,
                  })}
                </Link>
              </li>
            );
          })}
        </ul>
        {isolated.length ? (
          <p className="muted">
            {t('diagram.isolated', { names: isolated.map((p) => `${p.ref} ${p.name}`).join(', ') })}
          </p>
        ) : null}
      </section>
    </div>
  );
}

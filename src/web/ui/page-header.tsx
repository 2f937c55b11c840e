import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** the trail above the header (a `Breadcrumb`) */
  breadcrumb?: ReactNode;
  /** the small line above the title: the section, or a record's reference (`reference`) */
  eyebrow?: ReactNode;
  /** a record's reference, shown above the title in the monospaced face */
  reference?: string | undefined;
  /** what the page is for, under the title */
  description?: ReactNode;
  /** status badges beside the title (stage, archived, classification…) */
  badges?: ReactNode;
  /** the page's buttons and links, on the right */
  actions?: ReactNode;
  /** the heading's id, for `aria-labelledby` of the page section */
  titleId?: string;
  /** the heading takes focus after a change of page state (tabIndex -1) */
  focusableTitle?: boolean;
  titleClassName?: string;
  className?: string;
}

/** Every page's and record's header the same way: breadcrumb, eyebrow, title (the page's h1), badges, description, actions. */
export function PageHeader({
  title,
  breadcrumb,
  eyebrow,
  reference,
  description,
  badges,
  actions,
  titleId = 'page-title',
  focusableTitle,
  titleClassName,
  className,
}: Props) {
  return (
    <>
      {breadcrumb}
      <header className={className ? `page__header ${className}` : 'page__header'}>
        <div className="page__heading">
          {reference ? <p className="page__eyebrow ref">{reference}</p> : null}
          {eyebrow ? <p className="page__eyebrow">{eyebrow}</p> : null}
          <h1 id={titleId} tabIndex={focusableTitle ? -1 : undefined} className={titleClassName}>
            {title}
          </h1>
          {badges ? <div className="page__badges">{badges}</div> : null}
          {description ? (
            typeof description === 'string' ? (
              <p className="page__lead">{description}</p>
            ) : (
              <div className="page__lead">{description}</div>
            )
          ) : null}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </header>
    </>
  );
}

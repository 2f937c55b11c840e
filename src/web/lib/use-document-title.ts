import { useEffect } from 'react';

/** Sets the tab title: "<page> · <org> · Rampart". */
export function useDocumentTitle(...parts: Array<string | undefined>): void {
  const title = [...parts.filter((p): p is string => Boolean(p)), 'Rampart'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

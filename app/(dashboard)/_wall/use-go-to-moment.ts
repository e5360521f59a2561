'use client';

// Moving between the live wall and a moment in the past is a navigation: the page renders that moment's
// snapshot on the server and the wall mounts afresh, live with its socket or looking back without one.
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { wallQueryToSearch, type WallQuery } from '../../../lib/alerts/wall-query';

/** Goes to the wall at `asOf` (undefined: 实时), keeping the view's filters. */
export function useGoToMoment(query: WallQuery): (asOf: string | undefined) => void {
  const router = useRouter();
  return useCallback(
    (asOf: string | undefined) => {
      const next: WallQuery = { ...query };
      if (asOf === undefined) delete next.asOf;
      else next.asOf = asOf;
      router.push(`/${wallQueryToSearch(next)}`);
    },
    [query, router],
  );
}

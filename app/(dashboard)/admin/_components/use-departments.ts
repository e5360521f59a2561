'use client';

import { useEffect, useState } from 'react';

export interface DepartmentOption {
  id: number;
  name: string;
}

/** The departments of one region, for a select; empty until a region is chosen. */
export function useDepartments(regionId: string | null | undefined): { departments: DepartmentOption[]; isLoading: boolean } {
  const [state, setState] = useState<{ regionId: string | null; departments: DepartmentOption[] }>({ regionId: null, departments: [] });
  useEffect(() => {
    if (!regionId) return;
    let isCurrent = true;
    void (async () => {
      const response = await fetch(`/api/v1/departments?regionId=${regionId}&limit=500`).catch(() => null);
      const body = response?.ok ? await response.json().catch(() => null) : null;
      if (isCurrent) setState({ regionId, departments: (body?.data ?? []) as DepartmentOption[] });
    })();
    return () => {
      isCurrent = false;
    };
  }, [regionId]);
  return { departments: state.regionId === regionId ? state.departments : [], isLoading: Boolean(regionId) && state.regionId !== regionId };
}

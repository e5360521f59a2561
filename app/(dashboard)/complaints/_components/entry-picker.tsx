'use client';

// The catalog entry a 属实 finding names: searched in the user's scope (GET /api/v1/catalog?q=), first listing
// the entries of the department the complaint was dispatched to, since that is usually the one at fault.
import { Select } from 'antd';
import { useEffect, useState } from 'react';

interface EntryOption {
  id: number;
  code: string;
  name: string;
  departmentName: string;
}

const SEARCH_DELAY_MS = 300;

export function EntryPicker(props: {
  /** Set by the Form.Item around it, so its label names the select. */
  id?: string;
  value?: number;
  onChange?: (id: number | undefined) => void;
  initial: { id: number; code: string; name: string } | null;
  departmentId: number | null;
}) {
  const { initial, departmentId } = props;
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<EntryOption[] | null>(null);
  const [failure, setFailure] = useState(false);

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams({ limit: '50' });
    if (query.trim()) params.set('q', query.trim());
    else if (departmentId !== null) params.set('departmentId', String(departmentId));
    const timer = setTimeout(() => {
      setOptions(null);
      fetch(`/api/v1/catalog?${params.toString()}`)
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
        .then((body: { data: EntryOption[] }) => {
          if (!live) return;
          setFailure(false);
          setOptions(body.data);
        })
        .catch(() => {
          if (!live) return;
          setFailure(true);
          setOptions([]);
        });
    }, query ? SEARCH_DELAY_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, departmentId]);

  const listed = options ?? [];
  const withInitial = initial && !listed.some((o) => o.id === initial.id) ? [{ ...initial, departmentName: '' }, ...listed] : listed;
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={(id: number | undefined) => props.onChange?.(id)}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      loading={options === null}
      placeholder="输入事项名称或编码搜索"
      notFoundContent={failure ? '公开事项加载失败，请重试' : options === null ? '正在加载…' : '没有匹配的公开事项'}
      options={withInitial.map((o) => ({ value: o.id, label: `${o.code} ${o.name}${o.departmentName ? `（${o.departmentName}）` : ''}` }))}
      data-testid="close-entry"
    />
  );
}

'use client';

import { InboxOutlined } from '@ant-design/icons';
import { Alert as Notice, App, Form, Input, Modal, Tabs, Typography, Upload } from 'antd';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { arrangementProblems } from '../../../../lib/calendar/arrangement';
import { parseIcsArrangement } from '../../../../lib/calendar/parse-ics-arrangement';
import { parsePastedDates } from '../../../../lib/calendar/parse-pasted-dates';
import type { Ymd } from '../../../../lib/calendar/ymd';

interface Draft {
  holidays: Ymd[];
  workdays: Ymd[];
  source: string;
  errors: string[];
}

const EMPTY: Draft = { holidays: [], workdays: [], source: '', errors: [] };

async function readFile(file: File, year: number): Promise<Draft> {
  const text = await file.text();
  if (/\.ics$/i.test(file.name) || text.startsWith('BEGIN:VCALENDAR')) {
    const parsed = parseIcsArrangement(text, year);
    return { holidays: parsed.holidays, workdays: parsed.workdays, source: `上传文件 ${file.name}`, errors: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('文件既不是 JSON 也不是 .ics');
  }
  const body = json as { holidays?: unknown; workdays?: unknown };
  if (!Array.isArray(body.holidays) || !Array.isArray(body.workdays)) throw new Error('JSON 应为 {"holidays": [...], "workdays": [...]}');
  const asText = (list: unknown[]) => parsePastedDates(list.map(String).join('\n'));
  const holidays = asText(body.holidays);
  const workdays = asText(body.workdays);
  return { holidays: holidays.days, workdays: workdays.days, source: `上传文件 ${file.name}`, errors: [...holidays.errors, ...workdays.errors] };
}

export function LoadYearDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const router = useRouter();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'paste' | 'file'>('paste');
  const [pasted, setPasted] = useState({ holidays: '', workdays: '' });
  const [fromFile, setFromFile] = useState<Draft>(EMPTY);
  const [source, setSource] = useState('国务院办公厅关于节假日安排的通知');
  const [isSaving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  const draft: Draft = useMemo(() => {
    if (mode === 'file') return fromFile;
    const holidays = parsePastedDates(pasted.holidays);
    const workdays = parsePastedDates(pasted.workdays);
    return { holidays: holidays.days, workdays: workdays.days, source: '', errors: [...holidays.errors, ...workdays.errors] };
  }, [mode, pasted, fromFile]);
  const problems = useMemo(() => Object.values(arrangementProblems(year, draft)), [year, draft]);
  const allProblems = [...draft.errors, ...problems];
  const isEmpty = draft.holidays.length === 0 && draft.workdays.length === 0;

  async function submit() {
    setSaving(true);
    setServerError(null);
    const response = await fetch(`/api/v1/calendar/${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ holidays: draft.holidays, workdays: draft.workdays, source: source.trim() || draft.source || undefined }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => null) : null;
    setSaving(false);
    if (!response?.ok) {
      setServerError(body?.error?.message ?? '载入失败，请检查网络后重试');
      return;
    }
    message.success(`${year} 年安排已载入：重算 ${body.recomputed} 项未履行的公开义务，其中 ${body.moved} 项时限有变化`);
    onClose();
    router.refresh();
  }

  return (
    <Modal
      open
      width={720}
      title={`载入 ${year} 年节假日安排`}
      okText="确认载入"
      cancelText="取消"
      okButtonProps={{ disabled: isEmpty || allProblems.length > 0, loading: isSaving, 'data-testid': 'confirm-load' } as never}
      onOk={submit}
      onCancel={onClose}
    >
      <Tabs
        activeKey={mode}
        onChange={(key) => setMode(key as 'paste' | 'file')}
        items={[
          {
            key: 'paste',
            label: '粘贴日期',
            children: (
              <Form layout="vertical">
                <Form.Item label="放假日期" extra="每行或以逗号分隔一个日期，也可写区间，如 2027-10-01~2027-10-07">
                  <Input.TextArea
                    rows={4}
                    value={pasted.holidays}
                    onChange={(event) => setPasted({ ...pasted, holidays: event.target.value })}
                    aria-label="放假日期"
                  />
                </Form.Item>
                <Form.Item label="调休上班日期" extra="需要上班的周末">
                  <Input.TextArea
                    rows={2}
                    value={pasted.workdays}
                    onChange={(event) => setPasted({ ...pasted, workdays: event.target.value })}
                    aria-label="调休上班日期"
                  />
                </Form.Item>
              </Form>
            ),
          },
          {
            key: 'file',
            label: '上传 JSON / .ics',
            children: (
              <Upload.Dragger
                accept=".json,.ics,application/json,text/calendar"
                maxCount={1}
                showUploadList={false}
                beforeUpload={async (file) => {
                  try {
                    setFromFile(await readFile(file, year));
                  } catch (error) {
                    setFromFile({ ...EMPTY, errors: [(error as Error).message] });
                  }
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">点击或拖入文件</p>
                <p className="ant-upload-hint">JSON：{'{"holidays": ["2027-01-01", …], "workdays": [...]}'}；.ics：标题含“班”的事件为调休上班</p>
              </Upload.Dragger>
            ),
          },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label="来源">
          <Input value={source} onChange={(event) => setSource(event.target.value)} maxLength={200} aria-label="来源" />
        </Form.Item>
      </Form>
      {!isEmpty && allProblems.length === 0 && (
        <Notice
          type="success"
          showIcon
          message={`识别到放假 ${draft.holidays.length} 天、调休上班 ${draft.workdays.length} 天`}
          description={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              载入后，跨入 {year} 年的暂定时限将按新安排重算，未履行义务的到期日随之调整并实时推送。
            </Typography.Text>
          }
        />
      )}
      {allProblems.length > 0 && (
        <Notice
          type="error"
          showIcon
          message={`有 ${allProblems.length} 处需要修改`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {allProblems.slice(0, 10).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}
      {serverError && <Notice type="error" showIcon message={serverError} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

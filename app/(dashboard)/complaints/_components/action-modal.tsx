'use client';

// The dialogs of the complaint page: 派单 / 改派 (department and position), 回退 (reason), 延期 (new due date
// and reason), 催办, 回访评价 (the five 好差评 levels), 办结 with its finding (属实 names the catalog entry and
// item not properly published), 备注 and 撤销属实认定 (reason).
import { Alert, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { FINDING_LABELS, FINDINGS, SATISFACTION_LABELS, SATISFACTIONS } from '../../../../lib/complaints/complaint';
import type { ComplaintDetail, DispatchTarget } from '../../../../lib/complaints/queries';
import { ACTION_LABELS } from '../../../../lib/complaints/state-machine';
import { DayPicker } from '../../_components/day-pickers';
import { postAction } from './complaint-api';
import { EntryPicker } from './entry-picker';

export type ModalAction = 'assign' | 'return' | 'extend' | 'remind' | 'rate' | 'close' | 'note' | 'withdraw_finding';

interface Values {
  departmentId?: number;
  positionId?: number;
  note?: string;
  dueDate?: string;
  satisfaction?: string;
  comment?: string;
  finding?: string;
  catalogEntryId?: number;
  withItem?: boolean;
}

const NOTE_LABELS: Record<ModalAction, string> = {
  assign: '派单说明（可不填）',
  return: '回退理由',
  extend: '延期理由',
  remind: '催办说明（可不填）',
  rate: '',
  close: '办结说明（核实情况，或如：多次回访未接通）',
  note: '备注',
  withdraw_finding: '撤销理由',
};

const isNoteRequired = (action: ModalAction) =>
  action === 'return' || action === 'extend' || action === 'close' || action === 'note' || action === 'withdraw_finding';

export function ActionModal(props: { action: ModalAction; complaint: ComplaintDetail; onClose: () => void; onDone: (label: string) => void }) {
  const { action, complaint } = props;
  const [form] = Form.useForm<Values>();
  const [targets, setTargets] = useState<DispatchTarget[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const departmentId = Form.useWatch('departmentId', form);
  const finding = Form.useWatch('finding', form);
  const catalogEntryId = Form.useWatch('catalogEntryId', form);

  useEffect(() => {
    if (action !== 'assign') return;
    let live = true;
    fetch(`/api/v1/complaints/${complaint.id}/targets`)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((body: { data: DispatchTarget[] }) => live && setTargets(body.data))
      .catch(() => live && setFailure('承办部门列表加载失败，请关闭后重试'));
    return () => {
      live = false;
    };
  }, [action, complaint.id]);

  async function submit(values: Values) {
    setSaving(true);
    setFailure(null);
    const note = values.note?.trim() || undefined;
    const body: Record<string, unknown> = { action };
    if (action === 'assign') Object.assign(body, { departmentId: values.departmentId, positionId: values.positionId ?? null, note });
    else if (action === 'extend') Object.assign(body, { dueDate: values.dueDate, note });
    else if (action === 'rate') Object.assign(body, { satisfaction: values.satisfaction, comment: values.comment?.trim() || undefined });
    else if (action === 'close') {
      Object.assign(body, { note, finding: values.finding });
      if (values.finding === 'substantiated') {
        body.catalogEntryId = values.catalogEntryId;
        if (values.withItem && complaint.itemId !== null) body.itemId = complaint.itemId;
      }
    } else if (note !== undefined) body.note = note;
    const result = await postAction(complaint.id, body);
    setSaving(false);
    if (result.ok) return props.onDone(action === 'rate' ? '记录评价' : ACTION_LABELS[action]);
    form.setFields(Object.entries(result.fields).map(([name, message]) => ({ name: name as keyof Values, errors: [message] })));
    setFailure(result.message);
  }

  const positions = targets?.find((t) => t.departmentId === departmentId)?.positions ?? [];
  const title = action === 'rate' ? '记录回访评价' : action === 'assign' && complaint.state === 'assigned' ? '改派' : ACTION_LABELS[action];
  // the complaint's own item can be named when the entry chosen is the complaint's entry
  const canNameItem = complaint.itemId !== null && complaint.catalogEntry !== null && catalogEntryId === complaint.catalogEntry.id;
  return (
    <Modal
      title={`${title} · ${complaint.trackingCode}`}
      open
      okText="确定"
      cancelText="取消"
      okButtonProps={{ loading: isSaving, danger: action === 'return', 'data-testid': 'action-confirm' } as never}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          action === 'assign'
            ? { departmentId: complaint.departmentId ?? undefined }
            : action === 'close'
              ? { catalogEntryId: complaint.catalogEntry?.id, withItem: complaint.itemId !== null }
              : {}
        }
      >
        {action === 'withdraw_finding' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="撤销后，该投诉不再计为责任部门的违规：考核扣分取消，未解除的预警按撤销理由解除。"
          />
        )}
        {action === 'close' && (
          <>
            <Form.Item name="finding" label="核实结果" rules={[{ required: true, message: '请选择核实结果：属实或不属实' }]}>
              <Radio.Group data-testid="close-finding" options={FINDINGS.map((f) => ({ value: f, label: FINDING_LABELS[f] }))} />
            </Form.Item>
            {finding === 'substantiated' && (
              <>
                <Form.Item
                  name="catalogEntryId"
                  label="未按规定公开的公开事项"
                  extra="对该事项的责任部门记违规：生成预警，并在当月考核中扣分"
                  rules={[{ required: true, message: '请选择公开事项' }]}
                >
                  <EntryPicker initial={complaint.catalogEntry} departmentId={complaint.departmentId} />
                </Form.Item>
                {canNameItem && (
                  <Form.Item name="withItem" valuePropName="checked">
                    <Checkbox data-testid="close-with-item">涉及公开信息「{complaint.itemTitle}」</Checkbox>
                  </Form.Item>
                )}
              </>
            )}
          </>
        )}
        {action === 'assign' && (
          <>
            <Form.Item name="departmentId" label="承办部门" rules={[{ required: true, message: '请选择承办部门' }]}>
              <Select
                loading={targets === null}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择承办部门"
                options={(targets ?? []).map((t) => ({ value: t.departmentId, label: t.departmentName }))}
                onChange={() => form.setFieldValue('positionId', undefined)}
                data-testid="assign-department"
              />
            </Form.Item>
            <Form.Item name="positionId" label="承办岗位（可不选）">
              <Select allowClear placeholder={positions.length ? '选择岗位' : '该部门未设岗位'} options={positions.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </>
        )}
        {action === 'extend' && (
          <Form.Item
            name="dueDate"
            label="新的答复期限"
            extra="延期一般不超过 10 个工作日"
            rules={[{ required: true, message: '请选择新的答复期限' }]}
          >
            <DayPicker style={{ width: 200 }} />
          </Form.Item>
        )}
        {action === 'rate' && (
          <>
            <Form.Item name="satisfaction" label="群众评价" rules={[{ required: true, message: '请选择评价等级' }]}>
              <Radio.Group options={SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} />
            </Form.Item>
            <Form.Item name="comment" label="评价说明（可不填）">
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
        {action !== 'rate' && (
          <Form.Item
            name="note"
            label={NOTE_LABELS[action]}
            rules={isNoteRequired(action) ? [{ required: true, whitespace: true, message: `请填写${NOTE_LABELS[action].replace(/（.*）/, '')}` }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

// The fields of a rule's parameters and its alert level, as the new-rule dialog and the editor both ask for
// them: one input per parameter of the kind (lib/rules/param-labels.ts), then the level, which a deadline
// rule does not have (its level follows the threshold crossed).
import { Form, InputNumber, Select, Switch } from 'antd';
import { ALERT_LEVELS, LEVEL_NAMES } from '../../../../lib/alerts/labels';
import { RULE_PARAM_FIELDS } from '../../../../lib/rules/param-labels';
import type { RuleKind } from '../../../../lib/rules/rule';

export function RuleParamFields({ kind }: { kind: RuleKind }) {
  return (
    <>
      {RULE_PARAM_FIELDS[kind].map((field) =>
        field.type === 'flag' ? (
          <Form.Item key={field.key} name={field.key} label={field.label} valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        ) : (
          <Form.Item
            key={field.key}
            name={field.key}
            label={field.label}
            extra={field.help}
            rules={[
              { required: true, message: `请填写${field.label}` },
              { type: 'integer', min: field.min, max: field.max, message: `${field.label}应为 ${field.min}–${field.max} 之间的整数` },
            ]}
          >
            {/* no min/max here: clamping would hide the out-of-range message behind a silently changed value */}
            <InputNumber precision={0} addonAfter={field.unit} style={{ width: 200 }} />
          </Form.Item>
        ),
      )}
      {kind !== 'deadline' && (
        <Form.Item name="level" label="预警级别">
          <Select style={{ width: 200 }} options={ALERT_LEVELS.map((level) => ({ value: level, label: LEVEL_NAMES[level] }))} />
        </Form.Item>
      )}
    </>
  );
}

'use client';

// The fields of a 政府信息公开申请 (条例 Art. 29: 申请人的姓名或者名称、身份证明、联系方式; the information wanted;
// the form and way it is to be provided), shared by the public form (/public/request) and the staff's
// registration of a letter or a visit (/requests). Each field is checked by the API's own intake schema
// (schema-rule.ts), so the browser's zh-CN messages are the API's.
import { Col, Divider, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import { useMemo } from 'react';
import type { DepartmentOption } from '../../lib/complaints/queries';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  DELIVERY_LABELS,
  DELIVERY_METHODS,
  FORMAT_LABELS,
  FORMATS,
  ID_TYPE_LABELS,
  type ApplicantType,
  type DeliveryMethod,
  type IdType,
  type RequestChannel,
  type RequestFormat,
} from '../../lib/requests/request';
import { intakeSchema } from '../../lib/requests/schemas';
import { schemaRule, type FieldPath } from './schema-rule';

/** 不清楚: sent as no departmentId; the region's government office receives the application. */
export const UNKNOWN_AGENCY = 'unknown';

type ApplicantKind = 'person' | 'organisation';

export interface ApplicationValues {
  /** 自然人 or 法人或其他组织; an organisation then names its kind (the annual report's columns). */
  applicantKind: ApplicantKind;
  applicant: {
    type?: ApplicantType;
    name?: string;
    idType?: IdType;
    idNo?: string;
    phone?: string;
    email?: string;
    address?: string;
  };
  regionId?: string;
  departmentId?: number | typeof UNKNOWN_AGENCY;
  description?: string;
  purpose?: string;
  format?: RequestFormat;
  delivery?: DeliveryMethod;
}

export const APPLICATION_DEFAULTS: Pick<ApplicationValues, 'applicantKind' | 'applicant' | 'format' | 'delivery'> = {
  applicantKind: 'person',
  applicant: { idType: 'resident_id' },
  format: 'electronic',
  delivery: 'online',
};

/** The API paths of the fields below: an API error naming one is shown beside it. */
export const APPLICATION_FIELD_PATHS = [
  'applicant.type',
  'applicant.name',
  'applicant.idType',
  'applicant.idNo',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'regionId',
  'departmentId',
  'description',
  'purpose',
  'format',
  'delivery',
] as const;

const ORGANISATION_TYPES = APPLICANT_TYPES.filter((type) => type !== 'person');
const PERSON_ID_TYPES: IdType[] = ['resident_id', 'passport', 'hk_macao_taiwan', 'other'];
const ORGANISATION_ID_TYPES: IdType[] = ['credit_code', 'other'];

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The POST /api/v1/requests body of the form's values (empty optional fields left out). */
export function applicationBody(values: Partial<ApplicationValues>, channel: RequestChannel): Record<string, unknown> {
  const applicant = values.applicant ?? {};
  const idNo = trimmed(applicant.idNo);
  const body: Record<string, unknown> = {
    channel,
    applicant: {
      type: values.applicantKind === 'organisation' ? applicant.type : 'person',
      name: trimmed(applicant.name),
      // a type without a number says nothing: the API pairs them
      ...(idNo ? { idType: applicant.idType, idNo } : {}),
      phone: trimmed(applicant.phone),
      email: trimmed(applicant.email),
      address: trimmed(applicant.address),
    },
    regionId: values.regionId,
    departmentId: typeof values.departmentId === 'number' ? values.departmentId : undefined,
    description: trimmed(values.description),
    purpose: trimmed(values.purpose),
    format: values.format,
    delivery: values.delivery,
  };
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

/** The agencies of the chosen region, and the regions that have any. */
export function useAgencyOptions(departments: readonly DepartmentOption[], regionId: string | undefined) {
  const regions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const d of departments) seen.set(d.regionId, d.regionName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [departments]);
  const agencies = departments.filter((d) => d.regionId === regionId).map((d) => ({ value: d.id, label: d.name }));
  return { regions, agencies };
}

export function ApplicationFields<T extends ApplicationValues>({
  form: ownForm,
  departments,
  channel,
  extraBody = {},
}: {
  form: FormInstance<T>;
  departments: readonly DepartmentOption[];
  channel: RequestChannel;
  /** Fields of the surrounding form that belong in the body too (the staff's receivedAt). */
  extraBody?: Record<string, unknown>;
}) {
  // the surrounding form may hold more fields (the staff's channel and receivedAt); these are the ones read here
  const form = ownForm as unknown as FormInstance<ApplicationValues>;
  const kind = Form.useWatch('applicantKind', form) ?? 'person';
  const regionId = Form.useWatch('regionId', form);
  const delivery = Form.useWatch('delivery', form);
  const { regions, agencies } = useAgencyOptions(departments, regionId);
  const check = () => intakeSchema.safeParse({ ...applicationBody(form.getFieldsValue(true) as ApplicationValues, channel), ...extraBody });
  const rule = (path: FieldPath, isRequired = false) => [schemaRule(check, path, isRequired)];
  const isOrganisation = kind === 'organisation';
  const idTypes = isOrganisation ? ORGANISATION_ID_TYPES : PERSON_ID_TYPES;
  // a field whose message depends on another is checked again when that one changes
  const revalidate = (...names: ['applicant', 'idNo' | 'email' | 'address'][]) => () => {
    const touched = names.filter((name) => form.isFieldTouched(name));
    if (touched.length > 0) void form.validateFields(touched).catch(() => {});
  };

  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        申请人
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="applicantKind" label="申请人类型" required>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'person', label: '自然人' },
                { value: 'organisation', label: '法人或其他组织' },
              ]}
              onChange={(event) => {
                const next = event.target.value as ApplicantKind;
                form.setFieldValue(['applicant', 'idType'], next === 'organisation' ? 'credit_code' : 'resident_id');
                form.setFieldValue(['applicant', 'type'], undefined);
              }}
              data-testid="applicant-kind"
            />
          </Form.Item>
        </Col>
        {isOrganisation && (
          <Col span={12}>
            <Form.Item name={['applicant', 'type']} label="组织类型" rules={rule(['applicant', 'type'], true)}>
              <Select
                placeholder="选择组织类型"
                options={ORGANISATION_TYPES.map((type) => ({ value: type, label: APPLICANT_TYPE_LABELS[type] }))}
                data-testid="organisation-type"
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['applicant', 'name']} label={isOrganisation ? '单位名称' : '姓名'} rules={rule(['applicant', 'name'], true)}>
            <Input maxLength={100} autoComplete={isOrganisation ? 'organization' : 'name'} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={['applicant', 'phone']}
            label="联系电话"
            extra="手机号或带区号的固定电话；查询进度时需提供后4位"
            rules={rule(['applicant', 'phone'], true)}
          >
            <Input maxLength={24} inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name={['applicant', 'idType']} label="证件类型" rules={rule(['applicant', 'idType'])}>
            <Select
              options={idTypes.map((type) => ({ value: type, label: ID_TYPE_LABELS[type] }))}
              onChange={revalidate(['applicant', 'idNo'])}
              aria-label="证件类型"
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name={['applicant', 'idNo']}
            label="证件号码"
            extra="条例第二十九条要求申请人提供身份证明；仅经办人员可见"
            rules={rule(['applicant', 'idNo'])}
          >
            <Input maxLength={40} autoComplete="off" style={{ fontFamily: 'ui-monospace, Menlo, monospace' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        申请公开的政府信息
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="regionId" label="所在地区" rules={rule(['regionId'], true)}>
            <Select
              placeholder="选择地区"
              options={regions}
              onChange={() => form.setFieldValue('departmentId', undefined)}
              data-testid="request-region"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="departmentId"
            label="申请公开的机关"
            extra="不清楚的，由本地区人民政府办公室受理"
            rules={[{ required: true, message: '请选择申请公开的机关，或选择「不清楚」' }, ...rule(['departmentId'])]}
          >
            <Select
              placeholder={regionId ? '选择机关' : '先选择地区'}
              disabled={!regionId}
              showSearch={{ optionFilterProp: 'label' }}
              options={[{ value: UNKNOWN_AGENCY, label: '不清楚（由本地区人民政府办公室受理）' }, ...agencies]}
              data-testid="request-agency"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="description"
        label="所需政府信息的内容描述"
        extra="尽量写明信息的名称、文号或便于查找的特征（如制作机关、时间、涉及的项目）"
        rules={rule(['description'], true)}
      >
        <Input.TextArea rows={6} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="purpose" label="所需信息的用途" rules={rule(['purpose'])}>
        <Input.TextArea rows={2} maxLength={1000} showCount placeholder="可不填" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="format" label="信息的载体形式" rules={rule(['format'])}>
            <Radio.Group options={FORMATS.map((format) => ({ value: format, label: FORMAT_LABELS[format] }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="delivery" label="获取信息的方式" rules={rule(['delivery'])}>
            <Radio.Group
              options={DELIVERY_METHODS.map((method) => ({ value: method, label: method === 'online' ? '网上查看' : DELIVERY_LABELS[method] }))}
              onChange={revalidate(['applicant', 'email'], ['applicant', 'address'])}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name={['applicant', 'email']}
            label="电子邮箱"
            rules={[
              ...rule(['applicant', 'email'], delivery === 'email'),
              // the reply is sent there: the way chosen needs its address
              ...(delivery === 'email' ? [{ required: true, message: '选择电子邮件获取的，请填写电子邮箱' }] : []),
            ]}
          >
            <Input maxLength={200} autoComplete="email" inputMode="email" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={['applicant', 'address']}
            label="通信地址"
            rules={[
              ...rule(['applicant', 'address'], delivery === 'post'),
              ...(delivery === 'post' ? [{ required: true, message: '选择邮寄的，请填写通信地址' }] : []),
            ]}
          >
            <Input maxLength={300} autoComplete="street-address" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

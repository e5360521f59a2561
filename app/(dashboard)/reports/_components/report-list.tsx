'use client';

import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { RegionSummary } from '../../../../lib/regions/queries';
import type { ReportSummary } from '../../../../lib/reports/queries';
import { periodLabel } from '../../../../lib/scoring/period';
import { formatTime } from '../../../../lib/format/shanghai-time';
import { StaffName } from '../../_components/staff-name';

const { Text } = Typography;

const columns: ColumnsType<ReportSummary> = [
  { title: '月份', dataIndex: 'period', width: 120, render: (period: string) => periodLabel(period) },
  {
    title: '区域',
    dataIndex: 'regionName',
    render: (name: string, row) => (
      <Link href={`/reports/${row.id}`} data-testid="report-link">
        {name}
      </Link>
    ),
  },
  { title: '部门数', dataIndex: 'departments', width: 90, align: 'right' },
  { title: '平均得分', dataIndex: 'averageScore', width: 100, align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
  { title: '生成时间', dataIndex: 'builtAt', width: 170, render: formatTime },
  {
    title: '生成人',
    dataIndex: 'builtBy',
    width: 160,
    render: (by: string, row) => (by === 'system' ? <Text type="secondary">每月自动</Text> : <StaffName actor={by} name={row.builtByName} />),
  },
  {
    title: '下载',
    key: 'download',
    width: 190,
    render: (_, row) => (
      <Space>
        <a href={`/api/v1/reports/${row.id}/xlsx`} data-testid="download-xlsx">
          <FileExcelOutlined /> Excel
        </a>
        <a href={`/api/v1/reports/${row.id}/pdf`} data-testid="download-pdf">
          <FilePdfOutlined /> PDF
        </a>
      </Space>
    ),
  },
];

interface BuildForm {
  regionId: string;
  period: string;
}

interface AnnualForm {
  regionId: string;
  year: number;
}

// 年度报告: the request table of 《政府信息公开工作年度报告》 part 三 for a region and year, computed on opening
function AnnualReportCard({ regions, years }: { regions: RegionSummary[]; years: number[] }) {
  const router = useRouter();
  const [form] = Form.useForm<AnnualForm>();
  const regionId = Form.useWatch('regionId', form) ?? regions[0]?.code;
  const year = Form.useWatch('year', form) ?? years[0];
  const params = `regionId=${regionId}&year=${year}`;
  return (
    <Card title="政府信息公开工作年度报告 · 收到和处理政府信息公开申请情况" style={{ marginBottom: 16 }} data-testid="annual-report-card">
      <Typography.Paragraph type="secondary">
        按国务院办公厅政府信息与政务公开办公室 2021 年印发的年度报告格式，统计所选区域（含所辖区域）全年收到和处理的政府信息公开申请，按申请人类型分列；当年尚未结束的，统计截至此刻。
      </Typography.Paragraph>
      <Form<AnnualForm>
        form={form}
        name="annual"
        layout="inline"
        initialValues={{ regionId: regions[0]?.code, year: years[0] }}
        requiredMark={false}
        onFinish={(values) => router.push(`/reports/annual?regionId=${values.regionId}&year=${values.year}`)}
      >
        <Form.Item name="regionId" label="区域" rules={[{ required: true, message: '请选择区域' }]}>
          <Select
            aria-label="年度报告所属区域"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
          <Select aria-label="年度报告年份" style={{ width: 120 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查看
            </Button>
            <Button icon={<FileExcelOutlined />} href={`/api/v1/reports/annual/xlsx?${params}`} data-testid="annual-xlsx">
              Excel
            </Button>
            <Button icon={<FilePdfOutlined />} href={`/api/v1/reports/annual/pdf?${params}`} data-testid="annual-pdf">
              PDF
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

export function ReportList(props: {
  rows: ReportSummary[];
  total: number;
  page: number;
  pageSize: number;
  regions: RegionSummary[];
  periods: string[];
  /** Years the annual report is offered for, newest (the running one) first. */
  years: number[];
}) {
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm<BuildForm>();
  const [isBuilding, setBuilding] = useState(false);
  const [isPending, startTransition] = useTransition();

  async function build(values: BuildForm) {
    setBuilding(true);
    try {
      const response = await fetch('/api/v1/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      }).catch(() => null);
      if (!response) return void message.error('网络异常，请稍后重试');
      const body = await response.json().catch(() => null);
      if (!response.ok) return void message.error(body?.error?.message ?? '生成失败，请稍后重试');
      message.success('报告已生成');
      startTransition(() => router.refresh());
    } finally {
      setBuilding(false);
    }
  }

  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        月度报告
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        每月1日自动生成上月各区域的考核报告（总体情况、部门排名、超期最严重的事项、投诉办理情况），可下载 Excel 和 PDF；也可为任一已结束的月份即时生成。
      </Typography.Paragraph>
      <Card title="生成报告" style={{ marginBottom: 16 }}>
        <Form<BuildForm>
          form={form}
          layout="inline"
          onFinish={build}
          initialValues={{ period: props.periods[0], regionId: props.regions[0]?.code }}
          requiredMark={false}
        >
          <Form.Item name="regionId" label="区域" rules={[{ required: true, message: '请选择区域' }]}>
            <Select
              aria-label="报告区域"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              options={props.regions.map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
          <Form.Item name="period" label="月份" rules={[{ required: true, message: '请选择月份' }]}>
            <Select aria-label="报告月份" style={{ width: 140 }} options={props.periods.map((p) => ({ value: p, label: periodLabel(p) }))} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={isBuilding}>
              生成报告
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table<ReportSummary>
          data-testid="report-table"
          rowKey="id"
          columns={columns}
          dataSource={props.rows}
          loading={isPending}
          size="middle"
          locale={{ emptyText: <Empty description="还没有报告：每月1日自动生成，也可在上方即时生成" /> }}
          pagination={{
            current: props.page,
            pageSize: props.pageSize,
            total: props.total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (page) => startTransition(() => router.push(`/reports?page=${page}`)),
          }}
        />
      </Card>
      <div style={{ marginTop: 16 }}>
        <AnnualReportCard regions={props.regions} years={props.years} />
      </div>
    </div>
  );
}

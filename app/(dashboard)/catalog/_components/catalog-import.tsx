'use client';

import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert as Notice, Breadcrumb, Button, Card, Form, Select, Space, Table, Typography, Upload } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import type { SheetProblem } from '../../../../lib/catalog/catalog-sheet';
import type { RegionSummary } from '../../../../lib/regions/queries';

type Outcome =
  | { kind: 'done'; created: number; revised: number; pending: number; unchanged: number; file: string }
  | { kind: 'refused'; message: string; problems: SheetProblem[]; file: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function CatalogImport({ regions }: { regions: RegionSummary[] }) {
  const [regionId, setRegionId] = useState<string | undefined>(regions.length === 1 ? regions[0]!.code : undefined);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isUploading, setUploading] = useState(false);

  async function upload(file: File) {
    if (!regionId) return;
    setUploading(true);
    setOutcome(null);
    const response = await fetch(`/api/v1/catalog/import?regionId=${regionId}`, {
      method: 'POST',
      headers: { 'content-type': XLSX },
      body: file,
    }).catch(() => null);
    const body = response ? await response.json().catch(() => null) : null;
    setUploading(false);
    if (response?.ok && body) return setOutcome({ kind: 'done', ...body, file: file.name });
    setOutcome({
      kind: 'refused',
      message: body?.error?.message ?? '导入失败，请检查网络后重试',
      problems: (body?.error?.rows ?? []) as SheetProblem[],
      file: file.name,
    });
  }

  return (
    <div style={{ maxWidth: 1080, margin: '0 auto' }}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link href="/catalog">公开目录</Link> }, { title: '导入 / 导出' }]} />
      <Card title="目录导入导出">
        <Typography.Paragraph type="secondary">
          按模板填写后上传。整个文件先全部检查，任何一行有误都不会写入，并逐行列出问题；已有编码的行生成新版本，内容未变的行不作改动，同一文件重复导入不会产生变化。
        </Typography.Paragraph>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label="区域">
            <Select
              value={regionId}
              onChange={(value: string) => {
                setRegionId(value);
                setOutcome(null);
              }}
              placeholder="选择要导入或导出的区域"
              showSearch
              optionFilterProp="label"
              style={{ width: 280 }}
              options={regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
              aria-label="区域"
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <a href="/api/v1/catalog/template" download>
                <Button icon={<DownloadOutlined />}>下载导入模板</Button>
              </a>
              {regionId ? (
                <a href={`/api/v1/catalog/export?regionId=${regionId}`} download data-testid="export-link">
                  <Button icon={<DownloadOutlined />}>导出本区域目录</Button>
                </a>
              ) : (
                <Button icon={<DownloadOutlined />} disabled>
                  导出本区域目录
                </Button>
              )}
            </Space>
          </Form.Item>
        </Form>
        <div data-testid="catalog-upload">
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          disabled={!regionId || isUploading}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{regionId ? '点击或拖入填好的 Excel 文件（.xlsx）' : '请先选择区域'}</p>
          <p className="ant-upload-hint">{isUploading ? '正在检查…' : '一次最多 5000 行'}</p>
        </Upload.Dragger>
        </div>
        {outcome?.kind === 'done' && (
          <Notice
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            data-testid="import-result"
            message={`${outcome.file} 导入完成：新增 ${outcome.created} 项，修改 ${outcome.revised} 项，未变 ${outcome.unchanged} 项${outcome.pending > 0 ? `，${outcome.pending} 项不予公开待审批` : ''}`}
          />
        )}
        {outcome?.kind === 'refused' && (
          <div style={{ marginTop: 16 }} data-testid="import-problems">
            <Notice type="error" showIcon message={`${outcome.file}：${outcome.message}`} style={{ marginBottom: 12 }} />
            {outcome.problems.length > 0 && (
              <Table<SheetProblem>
                size="small"
                rowKey={(p) => `${p.row}-${p.column}`}
                dataSource={outcome.problems}
                pagination={outcome.problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80, render: (row: number) => (row > 0 ? `第 ${row} 行` : '—') },
                  { title: '列', dataIndex: 'column', width: 140 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            )}
          </div>
        )}
      </Card>
    </div>
  );
}

'use client';

import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import Link from 'next/link';

// One monthly report: the very page the PDF is printed from, in a sandboxed frame, with its downloads.
export function ReportView({ id, title, html }: { id: number; title: string; html: string }) {
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Link href="/reports">
          <ArrowLeftOutlined /> 全部报告
        </Link>
        <Space>
          <Button icon={<FileExcelOutlined />} href={`/api/v1/reports/${id}/xlsx`}>
            下载 Excel
          </Button>
          <Button type="primary" icon={<FilePdfOutlined />} href={`/api/v1/reports/${id}/pdf`}>
            下载 PDF
          </Button>
        </Space>
      </Space>
      <Card styles={{ body: { padding: 16 } }}>
        <iframe
          title={title}
          srcDoc={html}
          sandbox=""
          style={{ width: '100%', height: 'calc(100vh - 220px)', minHeight: 600, border: 0, display: 'block' }}
        />
      </Card>
    </div>
  );
}

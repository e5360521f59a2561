'use client';

import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import Link from 'next/link';

// One report (a month's, or a year's request table): the very page the PDF is printed from, in a sandboxed frame,
// with its downloads.
export function ReportView({ files, title, html }: { files: { xlsx: string; pdf: string }; title: string; html: string }) {
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Link href="/reports">
          <ArrowLeftOutlined /> 全部报告
        </Link>
        <Space>
          <Button icon={<FileExcelOutlined />} href={files.xlsx}>
            下载 Excel
          </Button>
          <Button type="primary" icon={<FilePdfOutlined />} href={files.pdf}>
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

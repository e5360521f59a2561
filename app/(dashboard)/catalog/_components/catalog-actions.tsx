'use client';

import { FileExcelOutlined, PlusOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import Link from 'next/link';

// 目录管理 entry points for supervisors and the admin
export function CatalogActions() {
  return (
    <Space>
      <Link href="/catalog/incomplete">
        <Button icon={<ToolOutlined />}>待完善与待审批</Button>
      </Link>
      <Link href="/catalog/import">
        <Button icon={<FileExcelOutlined />}>导入 / 导出</Button>
      </Link>
      <Link href="/catalog/new">
        <Button type="primary" icon={<PlusOutlined />}>
          新建事项
        </Button>
      </Link>
    </Space>
  );
}

// GET /api/v1/catalog/template – the Excel import template (导入模板), with a sheet of instructions
import { requireApiUser } from '../../../../_server/current-user';
import { XLSX_CONTENT_TYPE, writeTemplateWorkbook } from '../../../../../lib/catalog/catalog-workbook';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/catalog/template failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'manageCatalog');
  if (auth instanceof Response) return auth;
  return new Response(new Uint8Array(await writeTemplateWorkbook()), {
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="catalog-template.xlsx"; filename*=UTF-8''${encodeURIComponent('公开事项目录导入模板.xlsx')}`,
    },
  });
});

// A row of the items table as postgres.js returns it: snake_case columns, timestamptz as Date, bigint ids as
// numbers (the pool's bigint parser). Queries pick the columns they select and add what they join.
export interface ItemRow {
  id: number;
  department_id: number;
  external_id: string;
  catalog_entry_id: number;
  region_code: string;
  position_id: number | null;
  version: number;
  title: string;
  index_no: string | null;
  doc_no: string | null;
  publisher: string | null;
  summary: string | null;
  body: string | null;
  url: string | null;
  channels: string[];
  fields: Record<string, string>;
  /** note: 空表说明, stored as ingested */
  attachments: { name: string; url: string; note?: string }[];
  formed_at: Date;
  published_at: Date | null;
  event_at: Date | null;
  received_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
  payload_hash: string;
}

/** The published content the completeness check reads (elements, channels, attachments, 信息形成时间). */
export type ItemContentColumns =
  | 'index_no'
  | 'doc_no'
  | 'publisher'
  | 'summary'
  | 'body'
  | 'url'
  | 'channels'
  | 'fields'
  | 'attachments'
  | 'formed_at';

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** Columns selected under camelCase aliases (`i.index_no as "indexNo"`). */
export type Camelized<Row> = { [Column in keyof Row as CamelCase<Column & string>]: Row[Column] };

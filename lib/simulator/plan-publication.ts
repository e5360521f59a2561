// What a simulated department publishes next: mostly complete and on time, some late, some incomplete and
// fixed a little later, some formed but not yet published and published later. Pure: the caller supplies
// the random source and the time.

export interface SimEntry {
  code: string;
  name: string;
  requiredElements: string[];
  channels: string[];
}

export interface SimDepartment {
  id: number;
  name: string;
  orgCode: string;
  /** The department's region (6-digit code): a simulated request for information names it. */
  regionCode: string;
}

export type Scenario = 'on_time' | 'late' | 'incomplete' | 'unpublished';

export interface PlannedPublication {
  scenario: Scenario;
  payload: Record<string, unknown>;
  /**
   * A later resend of the same item: a fix, or the publication of an item formed earlier, in which case
   * `publishOnSend` asks the sender to stamp publishedAt when it sends (it must not lie in the future).
   */
  followUp?: { afterMs: number; payload: Record<string, unknown>; publishOnSend?: boolean };
}

const DAY_MS = 24 * 3600 * 1000;
// the stated demo mix: 60% on time, 15% late, 17% incomplete, 8% formed and published later
const SCENARIO_WEIGHTS: [Scenario, number][] = [
  ['on_time', 0.6],
  ['late', 0.15],
  ['incomplete', 0.17],
  ['unpublished', 0.08],
];

export function pickScenario(random: () => number): Scenario {
  let roll = random();
  for (const [scenario, weight] of SCENARIO_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return scenario;
  }
  return 'on_time';
}

const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function completePayload(entry: SimEntry, department: SimDepartment, externalId: string, formedAt: Date, serial: number) {
  const year = formedAt.getUTCFullYear();
  const fields: Record<string, string> = {};
  for (const element of entry.requiredElements) {
    if (element.startsWith('fields.')) fields[element.slice('fields.'.length)] = `${element.slice(7)}（详见附件）`;
  }
  return {
    externalId,
    catalogCode: entry.code,
    title: `${department.name}关于${entry.name}的公告（${year}年第${serial}号）`,
    formedAt: formedAt.toISOString(),
    channels: entry.channels,
    indexNo: `${department.orgCode}/${year}-${String(serial).padStart(5, '0')}`,
    docNo: `${department.name.slice(-3, -1)}〔${year}〕${serial}号`,
    publisher: department.name,
    summary: `${entry.name}相关信息，依法主动公开。`,
    body: `根据有关规定，现将${entry.name}有关情况予以公开。`,
    url: `https://www.example.gov.cn/xxgk/${year}/${externalId}.html`,
    fields,
    attachments: entry.requiredElements.includes('attachments')
      ? [{ name: `${entry.name}.pdf`, url: `https://www.example.gov.cn/files/${externalId}.pdf` }]
      : [],
  };
}

/** One way to make a complete payload incomplete, as real CMS mistakes look. */
function breakPayload(payload: ReturnType<typeof completePayload>, random: () => number) {
  const flaw = between(random, 0, 2);
  if (flaw === 0) return { ...payload, summary: undefined, body: '' };
  if (flaw === 1) return { ...payload, indexNo: payload.indexNo.replace('/', '-') };
  return { ...payload, channels: payload.channels.slice(0, 1) };
}

export function planPublication(
  random: () => number,
  context: { entry: SimEntry; department: SimDepartment; now: Date; externalId: string; serial: number },
): PlannedPublication {
  const { entry, department, now, externalId, serial } = context;
  const scenario = pickScenario(random);
  const publishedAt = new Date(now.getTime() - 1_000).toISOString();
  switch (scenario) {
    case 'on_time': {
      const formedAt = new Date(now.getTime() - between(random, 1, 12) * DAY_MS);
      return { scenario, payload: { ...completePayload(entry, department, externalId, formedAt, serial), publishedAt } };
    }
    case 'late': {
      // well past 20 working days: fulfilled late, kept for scoring
      const formedAt = new Date(now.getTime() - between(random, 32, 45) * DAY_MS);
      return { scenario, payload: { ...completePayload(entry, department, externalId, formedAt, serial), publishedAt } };
    }
    case 'incomplete': {
      const formedAt = new Date(now.getTime() - between(random, 1, 10) * DAY_MS);
      const complete = { ...completePayload(entry, department, externalId, formedAt, serial), publishedAt };
      return {
        scenario,
        payload: breakPayload(complete, random),
        followUp: { afterMs: between(random, 30, 90) * 1_000, payload: complete },
      };
    }
    case 'unpublished': {
      // about 18 working days ago: the obligation is already in its yellow window
      const formedAt = new Date(now.getTime() - between(random, 24, 27) * DAY_MS);
      const complete = completePayload(entry, department, externalId, formedAt, serial);
      return {
        scenario,
        payload: complete,
        followUp: { afterMs: between(random, 60, 150) * 1_000, payload: complete, publishOnSend: true },
      };
    }
  }
}

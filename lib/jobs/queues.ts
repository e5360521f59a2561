// Queue names, one per worker file in workers/.
export const CHECK_QUEUE = 'check';
export const SWEEP_QUEUE = 'sweep';
export const SCORE_QUEUE = 'score';
export const REPORT_QUEUE = 'report';
export const SLA_QUEUE = 'sla';

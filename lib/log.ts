import pino from 'pino';
import { getEnv } from './env';

// Personal data never reaches the logs: these paths are censored wherever they appear.
export const log = pino({
  level: getEnv().LOG_LEVEL,
  redact: {
    paths: ['password', '*.password', 'phone', '*.phone', 'complainantName', '*.complainantName', 'token', '*.token',
      'req.headers.cookie', 'req.headers.authorization'],
    censor: '[redacted]',
  },
});

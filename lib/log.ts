import pino from 'pino';
import { getEnv } from './env';

// Personal data never reaches the logs: these paths are censored wherever they appear.
export const log = pino({
  level: getEnv().LOG_LEVEL,
  redact: {
    paths: ['password', '*.password', 'phone', '*.phone', 'complainantName', '*.complainantName', 'token', '*.token',
      // an applicant for information (依申请公开): name, ID number, phone, address, email
      'applicant', '*.applicant', 'idNo', '*.idNo', 'address', '*.address', 'email', '*.email',
      'req.headers.cookie', 'req.headers.authorization'],
    censor: '[redacted]',
  },
});

import pino from 'pino';

/**
 * Structured logs (JSON lines on standard error) for the long-running processes: workers and the
 * queue. MARSAD_LOG_LEVEL sets the level; `silent` turns them off.
 */
export const logger = pino({ level: process.env.MARSAD_LOG_LEVEL ?? 'info', base: { pid: process.pid } }, pino.destination(2));

import pino from 'pino';
import type { Logger } from '../../logging/logger.js';

export const silentLogger = (): Logger => pino({ level: 'silent' });

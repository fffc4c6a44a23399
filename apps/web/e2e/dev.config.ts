import { e2eConfig } from './config';

export default e2eConfig;

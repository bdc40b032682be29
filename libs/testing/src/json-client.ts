export { jsonClient, JsonAnswer } from '@passerelle/system-driver';

export * from './order'
export type { Money } from '@acme/payments'

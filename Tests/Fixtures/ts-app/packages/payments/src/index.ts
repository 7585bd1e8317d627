export { charge } from './charge.js'
export type Money = { amount: number; currency: string }

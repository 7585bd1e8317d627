import { charge, type Money } from '@acme/payments'
import { randomUUID } from 'node:crypto'

export interface Order { id: string; total: Money }

/* import { render } from '@acme/web' -- never: see ADR-0001 */
export function place(total: Money): Order {
  const order = { id: randomUUID(), total }
  charge(order.total, `order ${order.id} for ${total.amount / 100} ${total.currency}`)
  return order
}

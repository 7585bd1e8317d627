import { charge } from './charge'
import type { Money } from './index'

export async function refund(orderID: string, amount: Money) {
  const { place } = await import('@acme/orders')
  charge({ ...amount, amount: -amount.amount }, `refund ${orderID} ${typeof place}`)
}

import sortBy from 'lodash/sortBy'
import type { Money } from '@acme/payments'

export function loadCart(): { items: string[]; total: Money } {
  const items = sortBy(JSON.parse(localStorage.getItem('cart') ?? '[]') as string[])
  return { items, total: { amount: items.length * 100, currency: 'EUR' } }
}

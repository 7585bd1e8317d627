import type { Money } from './index'
import * as fs from 'fs'

const log = "import { Order } from '@acme/orders'"
const pattern = /require\('@acme\/orders'\)/g

export function charge(amount: Money, memo: string): void {
  fs.appendFileSync('charges.log', `${log.length} ${memo.replace(pattern, '')} ${amount.amount}\n`)
}

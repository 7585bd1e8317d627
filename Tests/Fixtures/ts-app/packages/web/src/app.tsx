import { Button } from '@ui/button'
import { place } from '@acme/orders'
import { loadCart } from './data/cart'

export function App() {
  const cart = loadCart()
  return <Button label="Don't wait: order" onClick={() => place(cart.total)} />
}

import UI
import Domain
import Data

let screen = OrderScreen(order: Order(total: 3))
print(screen, Store())

import Features
import Networking

let cart = Cart(items: [])
print(cart, Client())

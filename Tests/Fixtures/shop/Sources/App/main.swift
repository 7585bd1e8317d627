import UI
import Domain

print("shop")

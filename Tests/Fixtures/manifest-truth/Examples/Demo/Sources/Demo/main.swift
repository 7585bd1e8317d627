import Kit
import KitCore
import Util

print(Kit())

import Core
#if canImport(Util)
import Util
#endif

print(Entity())

import Foundation
print("stele")

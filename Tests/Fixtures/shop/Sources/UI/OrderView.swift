import Domain
import Persistence
#if canImport(UIKit)
import UIKit
#endif

public struct OrderView {
    public let store = OrderStore()
}

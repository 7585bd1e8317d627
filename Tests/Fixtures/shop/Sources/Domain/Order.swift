import Foundation
import GRDB

/* Comments and strings are not code:
   import UIKit
   /* nested */ import SwiftUI
*/
// import Persistence
let note = "import UIKit"
let raw = #"import "SwiftUI" \(not interpolated)"#
let poem = """
    import Persistence
    """

public struct Order {
    public var id: Int
    public var total: Money
}

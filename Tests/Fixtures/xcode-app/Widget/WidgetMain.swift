import SwiftUI
import WidgetKit
import SharedKit

@main
struct OrdersWidgetBundle: WidgetBundle {
    var body: some Widget { OrdersWidget() }
}

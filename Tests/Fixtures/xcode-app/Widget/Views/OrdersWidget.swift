import SwiftUI
import WidgetKit

struct OrdersWidget: Widget {
    var body: some WidgetConfiguration {
        StaticConfiguration(kind: "Orders", provider: Provider()) { _ in Text(formattedCount(3)) }
    }
}

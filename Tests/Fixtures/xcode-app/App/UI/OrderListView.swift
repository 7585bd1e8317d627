import SwiftUI

struct OrderListView: View {
    let store: OrderStore

    var body: some View {
        List(store.orders) { order in Text(order.title) }
    }
}

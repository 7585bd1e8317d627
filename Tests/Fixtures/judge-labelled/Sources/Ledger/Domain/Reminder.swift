import Foundation

struct Reminder {
    var due: Date

    func shouldFire() -> Bool {
        Date.now >= due
    }
}

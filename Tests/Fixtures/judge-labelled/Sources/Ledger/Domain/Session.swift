import Foundation

final class Session {
    private let started = CFAbsoluteTimeGetCurrent()

    var age: Double { CFAbsoluteTimeGetCurrent() - started }
}

import Foundation

/// The current time, injected: the app passes the system clock, tests a fixed one.
protocol Clock {
    var now: Date { get }
}

import Dispatch
import XCTest
import SteleCore

/// Workers put each element into its own slot of the array being made, on all cores.
final class ConcurrentArrayTests: XCTestCase {
    func testEveryWorkerFillsItsOwnSlots() {
        let made: [String] = ConcurrentArray.make(count: 10_000) { slots in
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for index in stride(from: worker, to: slots.count, by: 8) { slots.initialize(index, to: "file \(index)") }
            }
        }
        XCTAssertEqual(made.count, 10_000)
        XCTAssertEqual(made, (0..<10_000).map { "file \($0)" })
    }

    func testAnEmptyArrayHasNoSlots() {
        let made: [Int] = ConcurrentArray.make(count: 0) { slots in XCTAssertEqual(slots.count, 0) }
        XCTAssertEqual(made, [])
    }
}

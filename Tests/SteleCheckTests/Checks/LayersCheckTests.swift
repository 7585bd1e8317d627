import XCTest
@testable import SteleCheck

final class LayersCheckTests: XCTestCase {
    func testRelaxedLayersAllowSkippingDown() {
        let result = CheckHarness.check("shop", rules: "layers App > UI > Persistence > Domain")
        XCTAssertEqual(result.findings, [])
    }

    func testALowerLayerUsingAHigherOneIsReported() {
        let result = CheckHarness.check("shop", rules: "layers Domain > Persistence > UI")
        XCTAssertEqual(CheckHarness.lines(result), [
            "Sources/Persistence/OrderStore.swift:1:1 `Persistence` imports `Domain`, a higher layer",
            "Sources/UI/OrderView.swift:1:1 `UI` imports `Domain`, a higher layer",
            "Sources/UI/OrderView.swift:2:1 `UI` imports `Persistence`, a higher layer",
        ])
    }

    func testStrictLayersForbidSkipping() {
        let result = CheckHarness.check("shop", rules: "strict layers App > UI > Persistence > Domain")
        XCTAssertEqual(CheckHarness.lines(result), [
            "Sources/App/main.swift:2:1 `App` imports `Domain`, skipping `UI` (strict layers use only the layer directly below)",
            "Sources/UI/OrderView.swift:1:1 `UI` imports `Domain`, skipping `Persistence` (strict layers use only the layer directly below)",
        ])
    }

    func testAnExternalLayerIsNotVacuous() {
        let result = CheckHarness.check("shop", rules: "layers Persistence > GRDB")
        XCTAssertEqual(result.diagnostics, [])
    }
}

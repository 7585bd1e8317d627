import XCTest
@testable import Core
@testable import Store

final class EntityTests: XCTestCase {}

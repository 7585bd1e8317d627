@_exported import Core

public func helper() {}

import SwiftSyntaxMacros

public struct GenMacro {}

/// Modules every program may import: for Swift the standard library, the runtime, Foundation and
/// the test frameworks; for Python its standard library (`PythonStandardLibrary.swift`); for
/// JavaScript Node's built-ins (`NodeBuiltinModules.swift`); for Go its standard library
/// (`GoStandardLibrary.swift`); for Java and Kotlin the Java SE and Kotlin standard library
/// packages (`JVMPlatformPackages.swift`).
/// `may only depend on` does not count them unless the rule names one.
public enum PlatformModules {
    public static let exempt: Set<String> = swift.union(pythonStandardLibrary).union(nodeBuiltins).union(goStandardLibrary)
        .union(jvmPlatformPackages)

    static let swift: Set<String> = [
        "Swift", "_Concurrency", "_StringProcessing", "_Volatile", "_Differentiation", "Foundation", "FoundationEssentials",
        "FoundationInternationalization", "FoundationNetworking", "FoundationXML", "CoreFoundation", "Dispatch",
        "Darwin", "Glibc", "Musl", "WASILibc", "Android", "Bionic", "WinSDK", "ucrt", "os", "ObjectiveC",
        "XCTest", "Testing", "Synchronization", "RegexBuilder", "Observation", "Distributed", "Cxx", "CxxStdlib",
    ]

    /// Well-known SDK and toolchain modules: names a rule may mention before anyone imports them
    /// (`Domain must not import UIKit` on a project that does not use UIKit yet is not a typo).
    public static let known: Set<String> = exempt.union([
        "UIKit", "AppKit", "SwiftUI", "Combine", "CoreData", "SwiftData", "CoreGraphics", "CoreImage", "CoreText",
        "CoreLocation", "CoreML", "CoreMotion", "CoreBluetooth", "MapKit", "Security", "Network", "CryptoKit",
        "OSLog", "WatchKit", "WidgetKit", "StoreKit", "AVFoundation", "AVKit", "Photos", "PhotosUI", "CloudKit",
        "HealthKit", "UserNotifications", "QuartzCore", "Metal", "MetalKit", "SceneKit", "SpriteKit", "ARKit",
        "RealityKit", "WebKit", "SafariServices", "LocalAuthentication", "AuthenticationServices", "Vision",
        "NaturalLanguage", "Accelerate", "simd", "ImageIO", "UniformTypeIdentifiers", "GameKit", "EventKit",
        "Contacts", "MessageUI", "PassKit", "Intents", "AppIntents", "BackgroundTasks", "SystemConfiguration",
        "PackageDescription", "PackagePlugin", "CompilerPluginSupport", "SQLite3", "zlib",
    ])
}

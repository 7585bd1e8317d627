import Foundation

struct AuditEntry {
    var message: String
    var at: Date
}

func record(_ message: String, at: Date = Date()) -> AuditEntry {
    AuditEntry(message: message, at: at)
}
